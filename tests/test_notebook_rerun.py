"""Notebook state (issue 16, item 5): re-running a cell gives the same result.

Every English solution runs top to bottom in one kernel, each code cell twice in a row.
Both runs must print what the stored single run printed: a cell that draws from a random
generator made in an earlier cell, or changes in place something a later cell reads, shows
up here, in itself or in a later cell. Figures are not compared (only printed text, text
results and errors); cells tagged ``nbval-ignore-output`` (timings, widgets) run once.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat
import pytest
from test_notebook_state import ignored, kernel_for, printed

from nnlesson import authoring

pytestmark = pytest.mark.notebooks
ROOT = Path(__file__).resolve().parents[1]
NAMES = authoring.notebook_names(ROOT)

# Cells whose output may differ between two runs, and why. Cells tagged nbval-ignore-output
# (timings, widgets) are skipped as nbval skips them.
RERUN_EXCEPTIONS: dict[str, str] = {}


@pytest.mark.parametrize("name", NAMES)
def test_running_a_cell_twice_prints_the_same(name):
    """Each cell runs twice in a row; both runs print what the stored single run printed."""
    nb = nbformat.read(ROOT / "solutions" / f"{name}.ipynb", as_version=4)
    differ = []
    with tempfile.TemporaryDirectory() as folder:
        client = kernel_for(nb, folder)
        with client.setup_kernel():
            for k, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                stored = printed(cell.outputs)  # what one run from the top printed
                client.execute_cell(cell, k)
                first = printed(cell.outputs)
                if ignored(cell) or f"{name}:{cell.id}" in RERUN_EXCEPTIONS:
                    continue
                if first != stored:  # an earlier cell, run twice, changed what this one sees
                    differ.append(
                        f"cell {k} ({cell.id}), after the cells above ran twice:\n"
                        f"  stored: {stored[:300]!r}\n  now:    {first[:300]!r}"
                    )
                client.execute_cell(cell, k)
                again = printed(cell.outputs)
                if again != first:
                    differ.append(
                        f"cell {k} ({cell.id}):\n  once:  {first[:300]!r}\n  twice: {again[:300]!r}"
                    )
    assert not differ, f"{name}: a second run of a cell prints something else:\n" + "\n".join(
        differ
    )
