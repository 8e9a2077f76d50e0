"""Lesson 12's figures and its digits panel: they run, return figures, draw what they say,
and the panel answers a slider move fast."""

from __future__ import annotations

import time

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import nnlesson as nl  # noqa: E402
from nnlesson import plots, widgets  # noqa: E402
from nnlesson.data import digits, one_hot, stratified_split  # noqa: E402

pytestmark = pytest.mark.lesson12


@pytest.fixture(scope="module")
def trained():
    X, labels = digits()
    Xtr, ytr, _, _, Xte, yte = stratified_split(X, labels, 0.2, 0.2, rng=12)
    net = nl.Network.build([64, 16, 10], "relu", "softmax", init="he", rng=1)
    nl.train(net, Xtr, one_hot(ytr, 10), epochs=3, loss="cross_entropy",
             optimizer=nl.Adam(0.01), batch_size=64, rng=2)  # fmt: skip
    return net, Xte, yte


def teardown_function(_):
    plt.close("all")


def test_slowdown_curves_draws_both_panels():
    fig = plots.slowdown_curves(
        {"MSE": [0.1, 0.2], "CE": [0.1, 0.9]}, {"MSE": [1, 0.8], "CE": [2, 0.1]}
    )
    left, right = fig.axes
    assert len(left.lines) == 3 and len(right.lines) == 2  # two outputs and the target line
    assert left.get_legend().get_texts()[1].get_text() == "CE"


def test_digit_grid_shows_each_class_in_its_row():
    X, labels = digits()
    fig = plots.digit_grid(X, labels, per_class=4)
    assert len(fig.axes) == 40
    first_seven = np.flatnonzero(labels == 7)[0]
    np.testing.assert_array_equal(fig.axes[28].images[0].get_array(), X[first_seven].reshape(8, 8))
    assert fig.axes[28].get_ylabel() == "7"


def test_training_curves_solid_training_dashed_validation():
    h = {
        "train_loss": [1.0, 0.5],
        "val_loss": [1.1, 0.6],
        "train_acc": [0.8, 0.9],
        "val_acc": [0.8, 0.85],
    }
    fig = plots.training_curves({"adam": h, "gd": h})
    left, right = fig.axes
    assert len(left.lines) == 4 and left.get_yscale() == "log"
    assert left.lines[1].get_linestyle() == "--"
    np.testing.assert_array_equal(right.lines[0].get_ydata(), [0.8, 0.9])


def test_confusion_matrix_writes_every_nonzero_count():
    counts = np.array([[5, 1], [0, 7]])
    ax = plots.confusion_matrix(counts)
    assert sorted(t.get_text() for t in ax.texts) == ["1", "5", "7"]
    assert ax.get_xlabel() == "predicted" and ax.get_ylabel() == "true"


def test_misclassified_digits_shows_only_the_mistakes():
    X = np.random.default_rng(0).random((4, 64))
    P = np.eye(10)[[1, 2, 3, 4]]
    labels = np.array([1, 0, 3, 9])  # rows 1 and 3 are wrong
    fig = plots.misclassified_digits(X, labels, P)
    titles = [ax.get_title() for ax in fig.axes if ax.images]
    assert titles == ["0 -> 2", "9 -> 4"]


def test_first_layer_weights_one_image_per_unit():
    W = np.random.default_rng(0).normal(size=(64, 5))
    fig = plots.first_layer_weights(W, limit=16)
    images = [ax for ax in fig.axes if ax.images]
    assert len(images) == 5
    np.testing.assert_array_equal(images[2].images[0].get_array(), W[:, 2].reshape(8, 8))


def test_corrupt_digit_erases_inked_pixels_and_is_repeatable():
    x = np.zeros(64)
    x[:10] = 1.0
    y = widgets.corrupt_digit(x, 0.0, 4, seed=3)
    assert y.sum() == 6 and np.all(y[10:] == 0)
    np.testing.assert_array_equal(y, widgets.corrupt_digit(x, 0.0, 4, seed=3))
    # more erasing removes the same pixels and more: one order per seed
    z = widgets.corrupt_digit(x, 0.0, 6, seed=3)
    assert np.all(z <= y)
    noisy = widgets.corrupt_digit(x, 0.3, 0, seed=3)
    assert noisy.min() >= 0 and noisy.max() <= 1 and not np.array_equal(noisy, x)


def test_show_digit_prints_the_readout_and_bars(trained, capsys):
    net, Xte, yte = trained
    p = widgets.show_digit(net, Xte, yte, 5, 0.1, 3)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"test digit #5 (a {yte[5]}), noise 0.10, 3 pixels erased")
    assert len(out) == 11 and out[1].startswith("0 ") and p.sum() == pytest.approx(1.0)


def test_digits_panel_updates_bars_to_the_callbacks_numbers_fast(trained):
    net, Xte, yte = trained
    panel = widgets.DigitsPanel(net, Xte, yte)
    assert repr(panel.widget()).startswith("[interactive panel: a test digit")
    panel.controls["erase"].value = 12  # what a slider move does
    text, _, p = widgets.digit_readout(net, Xte, yte, 0, 0.0, 12)
    assert panel.readout.value == text
    np.testing.assert_allclose([b.value for b in panel.bars], p)
    times = []
    for k in range(15):
        start = time.perf_counter()
        panel.update(k, 0.05 * (k % 5), k)
        times.append(time.perf_counter() - start)
    # the lesson promises <= 150 ms a move; the median here is about 20 ms even on a loaded
    # machine, so this bound leaves room for a busy CI runner
    assert sorted(times)[7] < 0.15, f"median {sorted(times)[7] * 1000:.0f} ms"
