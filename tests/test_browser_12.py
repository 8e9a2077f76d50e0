"""Lesson 12's digits panel in a real JupyterLab, driven in headless Chromium by Playwright.

Opens a scratch copy of ``lessons/12_digits.ipynb``, runs every cell, moves the "erase
pixels" slider with the keyboard and types a test digit number into the first slider's
readout, and checks that the readout line and the ten probability labels change to what
:func:`nnlesson.widgets.digit_readout` computes for those settings, with the lesson's
network rebuilt here (same seeds, same early stopping).
The server and browser machinery is in ``tests/browser.py``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import CHROMIUM, FLAGS, ROOT, lab_server, open_and_run_all

from nnlesson import Adam, Network, Trainer
from nnlesson.data import digits, one_hot, stratified_split
from nnlesson.losses import cross_entropy
from nnlesson.widgets import digit_readout

pytestmark = [pytest.mark.lesson12, pytest.mark.browser]

LESSON = Path(os.environ.get("NNLESSON_BROWSER_NOTEBOOK_12", ROOT / "lessons" / "12_digits.ipynb"))


@pytest.fixture
def jupyterlab(tmp_path):
    with lab_server(tmp_path, LESSON, "scratch_digits.ipynb") as server:
        yield server


def lesson_network():
    """The lesson's Adam network, early-stopped as its ``fit`` does (patience 5 epochs)."""
    X, labels = digits()
    X_train, y_train, X_val, y_val, X_test, y_test = stratified_split(X, labels, 0.2, 0.2, rng=12)
    net = Network.build([64, 64, 10], "relu", "softmax", init="he", rng=1)
    trainer = Trainer(net, X_train, one_hot(y_train, 10), loss="cross_entropy",
                      optimizer=Adam(0.01), batch_size=32, rng=2)  # fmt: skip
    best_loss, best_epoch, best = float("inf"), 0, None
    for epoch in range(1, 31):
        trainer.step_epoch()
        val_loss = cross_entropy(net.forward(X_val), one_hot(y_val, 10))
        if val_loss < best_loss:
            best_loss, best_epoch, best = val_loss, epoch, net.copy()
        elif epoch - best_epoch >= 5:
            break
    return best, X_test, y_test


def test_digits_panel_follows_its_sliders(jupyterlab):
    from playwright.sync_api import expect, sync_playwright

    base, token = jupyterlab
    expect.set_options(timeout=240_000)  # kernel start and four trainings on a loaded machine
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(240_000)
            open_and_run_all(page, base, token, "scratch_digits.ipynb")

            panel = page.locator(".widget-vbox", has=page.locator("text=erase pixels")).first
            expect(panel).to_be_visible()
            readout = panel.locator(".widget-label", has_text="-> predicted").first
            expect(readout).to_contain_text("test digit #0 (a 0), noise 0.00, 0 pixels erased")
            net, X_test, y_test = lesson_network()

            # the erase slider: three arrow presses, each its own change
            handle = panel.locator(".widget-slider", has=page.locator("text=erase pixels"))
            handle = handle.locator(".noUi-handle")
            handle.focus()
            for _ in range(3):
                handle.press("ArrowRight")
            expect(readout).to_contain_text("3 pixels erased")
            text, _, probs = digit_readout(net, X_test, y_test, 0, 0.0, 3)
            expect(readout).to_have_text(text)

            # the digit slider: type a number into its readout
            digit = panel.locator(".widget-slider", has=page.locator("text=test digit #"))
            digit.locator(".widget-readout").click()
            page.keyboard.press("Control+A")
            page.keyboard.type("42")
            page.keyboard.press("Enter")
            text, _, probs = digit_readout(net, X_test, y_test, 42, 0.0, 3)
            expect(readout).to_have_text(text)
            values = panel.locator(".widget-hbox .widget-label")
            shown = [t for t in values.all_inner_texts() if re.fullmatch(r"\d\.\d{3}", t)]
            assert shown == [f"{v:.3f}" for v in probs], (shown, probs)
            image = panel.locator("img")
            expect(image).to_be_visible()
            if os.environ.get("NNLESSON_SHOT"):  # a picture of the panel, for a person to look at
                panel.screenshot(path=os.environ["NNLESSON_SHOT"])
        finally:
            browser.close()
