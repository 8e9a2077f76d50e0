"""Test-run settings that apply to the notebooks (lessons/, solutions/) as well as tests/.

nbval starts one kernel per notebook. Starting a Jupyter kernel can fail for reasons that
have nothing to do with the notebook: jupyter_client picks five free TCP ports and the
kernel binds them a moment later, so another process starting at the same time (the
other test worker's kernel, a JupyterLab server of a browser test) can take one first;
the kernel then exits at once ("Kernel died before replying to kernel_info"). A notebook
whose kernel never started has not been tested, so its cells would all error: instead the
start is tried up to three times, and each retry is reported in the test output.
"""

from __future__ import annotations

import sys
import time

try:
    from nbval import kernel as _nbval_kernel
except ImportError:  # nbval is a test dependency; without it there are no notebook tests
    _nbval_kernel = None

START_ATTEMPTS = 3

if _nbval_kernel is not None:
    _start = _nbval_kernel.RunningKernel.__init__

    def _start_with_retries(self, *args, **kwargs):
        for attempt in range(1, START_ATTEMPTS + 1):
            try:
                return _start(self, *args, **kwargs)
            except RuntimeError as err:  # "Kernel died before replying to kernel_info", ...
                if attempt == START_ATTEMPTS:
                    raise
                print(
                    f"\nnbval: kernel start failed ({err}); trying again ({attempt + 1} of "
                    f"{START_ATTEMPTS})",
                    file=sys.stderr,
                )
                time.sleep(1.0)

    _nbval_kernel.RunningKernel.__init__ = _start_with_retries
