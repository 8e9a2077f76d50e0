"""The XOR lesson in a real JupyterLab, driven in headless Chromium by Playwright.

Starts JupyterLab on 127.0.0.1 with a random token and throw-away settings, opens a
scratch copy of ``lessons/11_xor.ipynb``, runs every cell, moves the epochs slider with
the keyboard, types into the seed slider's readout, and checks that the printed summary
and the figure change to what :func:`nnlesson.widgets.show_xor` computes for those
settings. The server and browser machinery is in ``tests/browser.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import CHROMIUM, FLAGS, ROOT, lab_server, open_and_run_all

from nnlesson.widgets import XorSettings, train_xor, xor_summary

pytestmark = [pytest.mark.lesson11, pytest.mark.browser]

LESSON = Path(os.environ.get("NNLESSON_BROWSER_NOTEBOOK", ROOT / "lessons" / "11_xor.ipynb"))


@pytest.fixture
def jupyterlab(tmp_path):
    with lab_server(tmp_path, LESSON, "scratch_xor.ipynb") as server:
        yield server


def _summary_text(page) -> str:
    """The text of every output area that holds the XOR panel's summary line."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.jp-OutputArea-output'))
                 .map(e => e.innerText).filter(t => t.includes('| solved:')).join('\\n')"""
    )


def _panel(page):
    """The XOR panel: the outermost widget box that holds the 'random seed' slider."""
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
            open_and_run_all(page, base, token, "scratch_xor.ipynb")
            # JupyterLab renders only the cells near the view: wait for every cell to have
            # run, then scroll to the panel's cell
            page.wait_for_function(
                """() => { const nb = window.jupyterapp.shell.currentWidget.content;
                           const s = document.querySelector('#jp-main-statusbar');
                           return nb.widgets.every(c => c.model.type !== 'code'
                                                        || c.model.executionCount !== null)
                                  && s && s.innerText.includes('| Idle'); }""",
                polling=500,
            )
            page.evaluate(
                """async () => {
                    const nb = window.jupyterapp.shell.currentWidget.content;
                    const i = nb.widgets.findIndex(c => c.model.type === 'code'
                        && c.model.sharedModel.getSource().includes('xor_panel()'));
                    nb.activeCellIndex = i;
                    await nb.scrollToItem(i, 'start');
                }"""
            )

            panel = _panel(page)
            expect(panel).to_be_visible()
            out = panel  # the summary (an HTML widget) and the picture (an Image widget)
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
