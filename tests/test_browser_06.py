"""Lesson 06's step panel in a real JupyterLab, driven in headless Chromium by Playwright.

Runs every cell of a scratch copy of ``lessons/06_epochs_batches.ipynb``, waits until the
whole notebook has run (the walk-through cell after the panel included), then reads the
panel: it must show the trainer it will step from (iteration 0, epoch 0). One click on
"step one batch" must give iteration 1, and "step one epoch" then iteration 13 = ⌈200/16⌉,
epoch 1. This fails when a later cell steps the panel's trainer (the bug the review found:
the first click printed "iteration 14, epoch 1"). The server and browser machinery is in
``tests/browser.py``. With ``NNLESSON_SHOTS=<dir>`` it also saves screenshots there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import CHROMIUM, FLAGS, ROOT, lab_server, open_and_run_all

pytestmark = [pytest.mark.lesson06, pytest.mark.browser]

LESSON = Path(
    os.environ.get("NNLESSON_BROWSER_NOTEBOOK_06", ROOT / "lessons" / "06_epochs_batches.ipynb")
)
SHOTS = os.environ.get("NNLESSON_SHOTS")


@pytest.fixture
def jupyterlab(tmp_path):
    with lab_server(tmp_path, LESSON, "scratch_06.ipynb") as server:
        yield server


def _wait_until_every_cell_ran(page) -> None:
    """Run All has finished: every code cell of the notebook's model has an execution count
    and the kernel is idle (read from the model: cells scrolled out of view may not be in
    the page)."""
    page.wait_for_function(
        """() => {
             const w = window.jupyterapp.shell.currentWidget;
             if (!w || !w.content || !w.content.model || !w.sessionContext.session) return false;
             const cells = w.content.model.cells;
             let code = 0, ran = 0;
             for (let i = 0; i < cells.length; i++) {
               const c = cells.get(i);
               if (c.type === 'code') { code++; if (c.executionCount) ran++; }
             }
             const kernel = w.sessionContext.session.kernel;
             return code > 0 && ran === code && kernel && kernel.status === 'idle';
           }""",
        timeout=300_000,
    )


def _shot(page, locator, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        locator.scroll_into_view_if_needed()
        locator.screenshot(path=str(Path(SHOTS) / name))


def test_step_panel_steps_from_the_state_it_shows(jupyterlab):
    from playwright.sync_api import expect, sync_playwright

    base, token = jupyterlab
    expect.set_options(timeout=60_000)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.set_default_timeout(60_000)
            open_and_run_all(page, base, token, "scratch_06.ipynb")
            _wait_until_every_cell_ran(page)

            panel = page.locator(".widget-vbox", has=page.locator("text=step one batch")).first
            expect(panel).to_be_visible()
            readout = panel.locator(".nnlesson-readout")
            expect(readout).to_contain_text("ready: iteration 0, epoch 0, batch_in_epoch 0")
            _shot(page, panel, "06_panel_after_run_all.png")

            panel.get_by_role("button", name="step one batch").click()
            expect(readout).to_contain_text(
                "step one batch: iteration 1, epoch 0, batch_in_epoch 1"
            )
            _shot(page, panel, "06_panel_after_one_batch.png")

            panel.get_by_role("button", name="step one epoch").click()
            expect(readout).to_contain_text(
                "step one epoch: iteration 13, epoch 1, batch_in_epoch 0"
            )
            _shot(page, panel, "06_panel_after_one_epoch.png")

            panel.get_by_role("button", name="reset").click()
            expect(readout).to_contain_text("reset: iteration 0, epoch 0, batch_in_epoch 0")

            # the readout wraps between words: no line is wider than the panel
            widths = readout.evaluate("e => [e.scrollWidth, e.clientWidth]")
            assert widths[0] <= widths[1] + 1, f"readout overflows its box: {widths}"
        finally:
            browser.close()
