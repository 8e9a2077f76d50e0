"""Lesson 06's figures (``nnlesson.plots``, the "# Lesson 06" section) and its step panel
(``nnlesson.widgets.BatchStepPanel``): each runs, returns its Axes/Figure and draws what
it says."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from nnlesson import plots  # noqa: E402
from nnlesson.data import moons  # noqa: E402
from nnlesson.network import Network  # noqa: E402
from nnlesson.optimizers import GradientDescent  # noqa: E402
from nnlesson.training import Trainer  # noqa: E402

pytestmark = pytest.mark.lesson06


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _line_data():
    rng = np.random.default_rng(0)
    x = rng.normal(0.5, 1.0, 50)
    return x, 2.0 * x - 1.0 + rng.normal(0.0, 0.5, 50)


def _fake_run(per_epoch: int, updates: int) -> dict:
    steps = np.arange(updates + 1)
    return {
        "loss": 0.25 / (1.0 + steps),
        "iteration": steps,
        "epoch": steps / per_epoch,
        "seconds": steps * 1e-4,
        "per_epoch": per_epoch,
    }


def test_batch_paths_on_contours_draws_each_path_on_equal_scales():
    x, y = _line_data()
    paths = {
        "full batch (b = 50)": np.array([[-1.0, 2.0], [0.0, 1.0], [1.0, 0.0]]),
        "SGD (b = 1)": np.array([[-1.0, 2.0], [0.5, 2.5], [1.5, -0.5]]),
    }
    ax = plots.batch_paths_on_contours(x, y, paths, title="two paths")
    assert ax.get_aspect() == 1.0, "w and b must be drawn on equal scales"
    lines = {line.get_label(): line for line in ax.get_lines()}
    for label, path in paths.items():
        assert np.array_equal(lines[label].get_xydata(), path), f"{label} is not drawn as given"
    assert lines["full batch (b = 50)"].get_color() != lines["SGD (b = 1)"].get_color()
    best = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]
    assert np.allclose(lines["minimum"].get_xydata()[0], best), (
        "the star marks the least-squares fit"
    )
    assert np.allclose(lines["start"].get_xydata()[0], [-1.0, 2.0])
    assert ax.collections, "no contour lines"
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    assert np.isclose(x1 - x0, y1 - y0), "the square window keeps the contours' true shape"
    assert ax.get_title() == "two paths"


def test_batch_paths_on_contours_names_bad_inputs():
    x, y = _line_data()
    with pytest.raises(ValueError, match="same length"):
        plots.batch_paths_on_contours(x, y[:-1], {"SGD": np.zeros((2, 2))})
    with pytest.raises(ValueError, match="paths is empty"):
        plots.batch_paths_on_contours(x, y, {})


def test_loss_three_ways_has_a_panel_per_reading():
    runs = {"full batch": _fake_run(1, 20), "SGD": _fake_run(10, 40)}
    fig = plots.loss_three_ways(runs)
    axes = fig.get_axes()
    assert [ax.get_title() for ax in axes] == ["per update", "per epoch", "per second"]
    assert [len(ax.get_lines()) for ax in axes] == [2, 2, 2]
    per_epoch = axes[1].get_lines()[1].get_xdata()
    assert np.isclose(per_epoch[-1], 4.0), "SGD's 40 updates are 4 epochs of 10"


def test_update_cost_draws_measured_and_proportional_line():
    ax = plots.update_cost([1, 10, 100], [1e-4, 1.1e-4, 1e-3])
    measured, proportional = ax.get_lines()
    assert np.allclose(measured.get_ydata(), [1e-4, 1.1e-4, 1e-3])
    assert np.allclose(proportional.get_ydata(), [1e-5, 1e-4, 1e-3])
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"


def test_shuffle_sawtooth_shows_the_last_epochs():
    runs = {"stored order": _fake_run(13, 13 * 5), "shuffled": _fake_run(13, 13 * 5)}
    fig = plots.shuffle_sawtooth(runs, epochs_shown=3)
    left, right = fig.get_axes()
    assert len(left.get_lines()) == 2
    shown = [line for line in right.get_lines() if line.get_label() in runs]
    assert [len(line.get_xdata()) for line in shown] == [39, 39], "3 epochs of 13 updates"
    assert "last 3 epochs" in right.get_title()


def _trainer():
    X, Y = moons(40, 0.15, rng=np.random.default_rng(6))
    net = Network.build([2, 3, 1], "tanh", "sigmoid", rng=np.random.default_rng(0))
    return Trainer(net, X, Y, loss="mse", optimizer=GradientDescent(1.0), batch_size=16, rng=7)


def test_batch_step_panel_owns_its_trainer_and_shows_its_state():
    from nnlesson.widgets import BatchStepPanel, Panel

    panel = BatchStepPanel(_trainer)
    other = BatchStepPanel(_trainer)
    assert panel.trainer is not other.trainer, "each panel steps a trainer of its own"
    view = panel.widget()
    assert isinstance(view, Panel) and "Run this cell" in repr(view)
    assert "ready: iteration 0, epoch 0, batch_in_epoch 0" in panel.readout.value
    assert "white-space: pre-wrap" in panel.readout.value, "long lines wrap"
    assert "word-break: normal" in panel.readout.value, "...between words"
    other.step_epoch()  # stepping another panel leaves this one alone
    assert "iteration 1, epoch 0, batch_in_epoch 1" in panel.step_batch()
    assert "iteration 1, epoch 0" in panel.readout.value
    text = panel.step_epoch()
    assert "iteration 3, epoch 1, batch_in_epoch 0" in text, "40 samples in 16s: 3 batches"
    assert text.count("W1 before:") == 1 and text.count("W1 after:") == 1
    assert "iteration 0, epoch 0" in panel.reset()
