"""Lesson 07's race panel in a real JupyterLab, driven in headless Chromium by Playwright.

After Run All the panel must show one picture, the one its controls describe: the text's
header names the function and settings, the image is byte for byte what
:func:`nnlesson.races.show_race` draws for those settings, and the panel's counter line says
"(picture 1 of this panel)" and stays so for two seconds (the review saw the figure redrawn
3-5 times within 1.5 s, garbled, until a control moved). Then a control change draws exactly
one new picture, and re-running the cell starts a new panel that draws once again.
The server and browser machinery is in ``tests/browser.py``.
"""

from __future__ import annotations

import base64
import os
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import pytest
from browser import CHROMIUM, FLAGS, ROOT, lab_server, open_and_run_all

from nnlesson import races

pytestmark = [pytest.mark.lesson07, pytest.mark.browser]

LESSON = Path(
    os.environ.get("NNLESSON_BROWSER_NOTEBOOK_07", ROOT / "lessons" / "07_optimizers.ipynb")
)
SCRATCH = "scratch_races.ipynb"
SHOTS = os.environ.get("NNLESSON_SHOTS")  # a folder: save screenshots there


@pytest.fixture
def jupyterlab(tmp_path):
    with lab_server(tmp_path, LESSON, SCRATCH) as server:
        yield server


def expected(**settings) -> tuple[str, bytes]:
    """The text and PNG the panel's callback makes for these settings, here in the test."""
    s = races.RaceSettings(**settings).rounded()
    _, lines = races.race(s)
    text = "\n".join([f"race: {races.race_title(s)}", *lines])
    return text, races.show_race(races.RacePicture(), **asdict(s))


def _wait_until_all_ran(page) -> None:
    """Run All has started (some cell queued or running), then every cell has finished."""
    running = """() => window.jupyterapp.shell.currentWidget.content.widgets.some(
                     c => c.model.type === 'code' && c.model.executionState === 'running')"""
    page.wait_for_function(running, polling=100)
    page.wait_for_function(
        f"""() => {{ const s = document.querySelector('#jp-main-statusbar');
                    return !({running})() && s && s.innerText.includes('| Idle'); }}""",
        polling=500,
    )


def _show_cell(page, text: str) -> int:
    """Make the code cell whose source holds ``text`` the active one and scroll it into view
    (JupyterLab only renders the cells near the viewport); returns its index."""
    index = page.evaluate(
        """async (text) => {
            const nb = window.jupyterapp.shell.currentWidget.content;
            const i = nb.widgets.findIndex(
                c => c.model.type === 'code' && c.model.sharedModel.getSource().includes(text));
            nb.activeCellIndex = i;
            await nb.scrollToItem(i, 'start');
            return i;
        }""",
        text,
    )
    assert index >= 0, f"no code cell holds {text!r}"
    return index


def _state(out) -> tuple[str, str | None]:
    """The panel's text and its image's src (None if there is no image): an ``Image``
    widget shows each new picture under a new ``blob:`` address."""
    images = out.locator("img")
    src = images.first.get_attribute("src") if images.count() else None
    return out.evaluate("e => e.textContent"), src


# the bytes behind an <img>'s src (a blob: or data: address), as base64
IMAGE_BYTES = """async (img) => {
    const bytes = new Uint8Array(await (await fetch(img.src)).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text);
}"""


def _png(out) -> bytes:
    """The PNG the panel's image shows."""
    return base64.b64decode(out.locator("img").first.evaluate(IMAGE_BYTES))


def _steady_single_picture(page, out, n: int, text: str, png: bytes) -> None:
    """The panel shows picture n with this text and image, and nothing changes for 2 s."""
    from playwright.sync_api import expect

    expect(out).to_contain_text(f"(picture {n} of this panel)")
    expect(out.locator("img")).to_have_count(1)
    seen = set()
    t_end = time.monotonic() + 2.0
    while time.monotonic() < t_end:
        seen.add(_state(out))
        page.wait_for_timeout(100)
    assert len(seen) == 1, f"the panel's output changed {len(seen) - 1} times within 2 s"
    shown, src = seen.pop()
    assert shown.count("(picture ") == 1, f"more than one picture line:\n{shown}"
    assert f"(picture {n} of this panel)" in shown, shown
    assert text in shown, f"the race shown is not the one the controls describe:\n{shown}"
    shown_png = _png(out) if src else b""
    if shown_png != png:  # compared by hand: pytest's diff of two PNGs' bytes never ends
        folder = Path(tempfile.mkdtemp(prefix="race-picture-"))
        (folder / "shown.png").write_bytes(shown_png)
        (folder / "expected.png").write_bytes(png)
        raise AssertionError(
            f"the image is not what show_race draws for these settings "
            f"({len(shown_png)} bytes shown, {len(png)} expected; both in {folder})"
        )


def test_race_panel_draws_once_what_its_controls_describe(jupyterlab):
    from playwright.sync_api import expect, sync_playwright

    base, token = jupyterlab
    expect.set_options(timeout=90_000)  # kernel start and tuning on a loaded 2-core machine
    default_text, default_png = expected()
    changed_text, changed_png = expected(steps=200)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(90_000)
            open_and_run_all(page, base, token, SCRATCH)
            _wait_until_all_ran(page)
            _show_cell(page, "races.race_panel()")
            panel = page.locator(".widget-vbox", has=page.locator("text=rho (RMSProp)")).first
            expect(panel).to_be_visible()
            out = panel  # the race's text (an HTML widget) and picture (an Image widget)
            expect(out).to_contain_text("Adam")
            _steady_single_picture(page, out, 1, default_text, default_png)
            if SHOTS:
                panel.scroll_into_view_if_needed()
                page.screenshot(path=f"{SHOTS}/07_panel_after_run_all.png")

            # a control: type into the steps slider's readout -> exactly one new picture
            readout = panel.locator(".widget-slider", has=page.locator("text=steps")).locator(
                ".widget-readout"
            )
            readout.click()
            page.keyboard.press("Control+A")
            page.keyboard.type("200")
            page.keyboard.press("Enter")
            _steady_single_picture(page, out, 2, changed_text, changed_png)

            # re-run the panel's cell alone: a new panel, drawn once, at the defaults
            _show_cell(page, "races.race_panel()")
            page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-cell'); }")
            cell = page.locator(".jp-CodeCell.jp-mod-active")
            expect(cell).to_contain_text("(picture 1 of this panel)")
            panel = cell.locator(".widget-vbox", has=page.locator("text=rho (RMSProp)")).first
            out = panel
            _steady_single_picture(page, out, 1, default_text, default_png)
            if SHOTS:
                panel.scroll_into_view_if_needed()
                page.screenshot(path=f"{SHOTS}/07_panel_after_rerun.png")
        finally:
            browser.close()
