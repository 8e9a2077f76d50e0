"""JupyterLab in headless Chromium for the browser tests: a server on a scratch copy of a
lesson, started and always stopped, and the few page actions every test needs.

Needs Debian's ``chromium`` (``/usr/bin/chromium``) and the ``playwright`` package; a test
using :func:`lab_server` is skipped without them unless ``NNLESSON_REQUIRE_BROWSER=1``
(CI sets it), where it fails instead.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("NNLESSON_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("NNLESSON_REQUIRE_BROWSER") == "1"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(lesson: Path) -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    if not lesson.exists():
        return f"{lesson.name} does not exist yet"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def lab_server(tmp_path: Path, lesson: Path, scratch: str) -> Iterator[tuple[str, str]]:
    """A JupyterLab server on a scratch copy ``scratch`` of ``lesson``; yields (url, token).

    Always shut down afterwards (also on SIGTERM). Skips the test when Chromium or
    Playwright is missing, unless ``NNLESSON_REQUIRE_BROWSER=1`` (CI), where it fails.
    """
    reason = _missing(lesson)
    if reason:
        if REQUIRED:
            pytest.fail(f"browser test required but {reason}")
        pytest.skip(reason)
    work = tmp_path / "course"
    work.mkdir()
    shutil.copy(lesson, work / scratch)
    port, token = _free_port(), uuid.uuid4().hex
    env = dict(
        os.environ,
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        IPYTHONDIR=str(tmp_path / "ipython"),
    )
    # the kernel must be this interpreter (with nnlesson installed)
    subprocess.run(
        [sys.executable, "-m", "ipykernel", "install", "--prefix", str(tmp_path / "data")],
        env=env,
        check=True,
        capture_output=True,
    )
    kernels = tmp_path / "data" / "share" / "jupyter" / "kernels"
    env["JUPYTER_PATH"] = str(kernels.parent)
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--expose-app-in-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={work}",
        f"--LabApp.user_settings_dir={tmp_path / 'settings'}",
        f"--LabApp.workspaces_dir={tmp_path / 'workspaces'}",
    ]
    log = open(tmp_path / "jupyterlab.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    previous = signal.getsignal(signal.SIGTERM)

    def stop(*_args: object) -> None:
        if server.poll() is None:
            try:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(server.pid, signal.SIGKILL)
                server.wait()  # reaped: a Popen left running fails the test with a ResourceWarning

    def on_sigterm(signum: int, frame: object) -> None:
        stop()
        raise SystemExit(1)

    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = (
            time.monotonic() + 180
        )  # JupyterLab can take a minute to start on a loaded 2-core machine
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    json.load(r)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(
                        "JupyterLab did not start:\n" + (tmp_path / "jupyterlab.log").read_text()
                    )
                time.sleep(0.3)
        yield base, token
    finally:
        stop()
        signal.signal(signal.SIGTERM, previous)
        log.close()


def open_and_run_all(page, base: str, token: str, scratch: str) -> None:
    """Open ``scratch`` in JupyterLab, wait for an idle kernel, then Run All."""
    from playwright.sync_api import expect

    page.goto(f"{base}/lab/tree/{scratch}?token={token}")
    # "run all" before the kernel is idle does nothing: wait for it
    expect(page.locator(".jp-Notebook").first).to_be_visible()
    page.wait_for_function(
        """() => { const s = document.querySelector('#jp-main-statusbar');
                   return s && s.innerText.includes('| Idle'); }"""
    )
    page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
