"""The XOR lesson in a real JupyterLab, driven in headless Chromium by Playwright.

Starts JupyterLab on 127.0.0.1 with a random token and throw-away settings, opens a
scratch copy of ``lessons/11_xor.ipynb``, runs every cell, moves the epochs slider with
the keyboard, types into the seed slider's readout, and checks that the printed summary
and the figure change to what :func:`nnlesson.widgets.show_xor` computes for those
settings. Needs Debian's ``chromium`` (``/usr/bin/chromium``) and the ``playwright``
package; skipped without them unless ``NNLESSON_REQUIRE_BROWSER=1`` (CI sets it).
"""

from __future__ import annotations

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
from pathlib import Path

import pytest

from nnlesson.widgets import XorSettings, train_xor, xor_summary

pytestmark = [pytest.mark.lesson11, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[1]
LESSON = Path(os.environ.get("NNLESSON_BROWSER_NOTEBOOK", ROOT / "lessons" / "11_xor.ipynb"))
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


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    if not LESSON.exists():
        return f"{LESSON.name} does not exist yet"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def jupyterlab(tmp_path):
    """A JupyterLab server on a scratch copy of the lesson; always shut down afterwards."""
    reason = _missing()
    if reason:
        if REQUIRED:
            pytest.fail(f"browser test required but {reason}")
        pytest.skip(reason)
    work = tmp_path / "course"
    work.mkdir()
    shutil.copy(LESSON, work / "scratch_xor.ipynb")
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
                os.killpg(server.pid, signal.SIGKILL)

    def on_sigterm(signum: int, frame: object) -> None:
        stop()
        raise SystemExit(1)

    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
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


def _summary_text(page) -> str:
    """The text of every output area that holds the XOR panel's summary line."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.jp-OutputArea-output'))
                 .map(e => e.innerText).filter(t => t.includes('| solved:')).join('\\n')"""
    )


def _panel(page):
    """The output area of the XOR panel: the widget view that holds the 'random seed' slider."""
    return page.locator(".widget-vbox", has=page.locator("text=random seed")).first


def test_xor_panel_reacts_to_keyboard_and_readout(jupyterlab):
    from playwright.sync_api import expect, sync_playwright

    base, token = jupyterlab
    expect.set_options(timeout=60_000)  # kernel start and retraining on a loaded 2-core machine
    expected_default = xor_summary(XorSettings(), *train_xor(XorSettings()))
    changed = XorSettings(epochs=320, seed=5)
    expected_changed = xor_summary(changed, *train_xor(changed))

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(f"{base}/lab/tree/scratch_xor.ipynb?token={token}")
            # "run all" before the kernel is idle does nothing: wait for it
            expect(page.locator(".jp-Notebook").first).to_be_visible()
            page.wait_for_function(
                """() => { const s = document.querySelector('#jp-main-statusbar');
                           return s && s.innerText.includes('| Idle'); }"""
            )
            page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")

            panel = _panel(page)
            expect(panel).to_be_visible()
            out = panel.locator(".widget-output")
            expect(out).to_contain_text(expected_default)
            image = out.locator("img")
            expect(image).to_be_visible()
            first_png = image.get_attribute("src")

            # the epochs slider: two arrow presses, each its own change and retrain
            epochs = panel.locator(".widget-slider", has=page.locator("text=epochs"))
            handle = epochs.locator(".noUi-handle")
            handle.focus()
            handle.press("ArrowRight")
            expect(out).to_contain_text("epochs=310")
            handle.press("ArrowRight")
            expect(out).to_contain_text("epochs=320")

            # the seed slider: type into its readout
            readout = panel.locator(".widget-slider", has=page.locator("text=random seed")).locator(
                ".widget-readout"
            )
            readout.click()
            page.keyboard.press("Control+A")
            page.keyboard.type("5")
            page.keyboard.press("Enter")
            expect(out).to_contain_text(expected_changed)
            expect(image).to_be_visible()
            assert image.get_attribute("src") != first_png, "the figure was not redrawn"
            assert expected_changed in _summary_text(page)
        finally:
            browser.close()
