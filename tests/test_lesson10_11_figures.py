"""Lessons 10-11: the figures in nnlesson.plots, the readouts that wrap between words, and
the momentum option of Ensemble.train that lesson 11 measures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from nnlesson import GradientDescent, Network, plots, train
from nnlesson.data import xor
from nnlesson.ensemble import Ensemble

pytestmark = [pytest.mark.lesson10, pytest.mark.lesson11]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_gradient_profiles_draws_one_line_per_depth_on_a_log_scale():
    profiles = {2: np.array([0.1, 0.3]), 3: np.array([0.01, 0.05, 0.2])}
    ax = plots.gradient_profiles(profiles, title="t")
    assert isinstance(ax, Axes)
    lines = ax.get_lines()
    assert len(lines) == 2, "one line per depth"
    assert list(lines[1].get_xdata()) == [1, 2, 3], "layers 1..depth on the x axis"
    assert np.allclose(lines[1].get_ydata(), profiles[3]), "the norms on the y axis"
    assert ax.get_yscale() == "log"
    assert ax.get_title() == "t"


def test_loss_curves_one_colour_per_name_one_line_per_run():
    runs = {"a": [[1.0, 0.5, 0.2], [1.0, 0.6, 0.3]], "b": [[0.9, 0.1, 0.01]]}
    ax = plots.run_loss_curves(runs)
    lines = ax.get_lines()
    assert len(lines) == 3, "one line per run"
    assert lines[0].get_color() == lines[1].get_color() != lines[2].get_color()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"], "one label per name"
    assert list(lines[2].get_xdata()) == [1, 2, 3], "epochs from 1"


def _solved_221() -> Network:
    X, Y = xor()
    net = Network.build([2, 2, 1], "sigmoid", init="normal", rng=7)
    train(net, X, Y, epochs=500, loss="mse", optimizer=GradientDescent(8.0))
    return net


def test_xor_hidden_space_draws_the_points_at_their_hidden_coordinates():
    X, Y = xor()
    net = _solved_221()
    fig = plots.xor_hidden_space(net, X, Y)
    assert isinstance(fig, Figure)
    left, right = fig.axes[:2]
    H = net.layers[0].forward(X)
    ones = Y[:, 0] > 0.5
    scatters = [c for c in right.collections if c.get_label() in ("XOR = 0", "XOR = 1")]
    drawn = np.vstack([c.get_offsets() for c in scatters])
    assert np.allclose(np.sort(drawn, axis=0), np.sort(H, axis=0)), "the four hidden points"
    # the output unit's 0.5 line separates the two classes in hidden space: check on the points
    z = H @ net.layers[1].W[:, 0] + net.layers[1].b[0]
    assert np.array_equal(z > 0, ones), "the output line separates XOR in hidden space"
    assert right.get_xlabel().startswith("h1") and right.get_ylabel().startswith("h2")
    assert len(left.get_lines()) == 2, "one line per hidden unit in the input plane"
    texts = " ".join(t.get_text() for t in right.texts)
    assert "(0,0)" in texts and "(1,1)" in texts, "every point is labelled"


def test_xor_hidden_space_refuses_other_shapes():
    X, Y = xor()
    with pytest.raises(ValueError, match="2-2-1"):
        plots.xor_hidden_space(Network.build([2, 3, 1], "sigmoid", rng=0), X, Y)


def test_ensemble_momentum_zero_is_plain_descent_and_beta_is_heavy_ball():
    X, Y = xor()
    a = Ensemble.random([2, 2, 1], 5, "sigmoid", init="normal", rng=3)
    b = Ensemble.random([2, 2, 1], 5, "sigmoid", init="normal", rng=3)
    a.train(X, Y, epochs=20, lr=2.0, loss="mse")
    b.train(X, Y, epochs=20, lr=2.0, loss="mse", momentum=0.0)
    assert all(np.array_equal(u, v) for u, v in zip(a.W, b.W)), "momentum 0 is gradient descent"
    # heavy ball by hand on one member: v <- beta v + g, w <- w - lr v
    ens = Ensemble.random([2, 2, 1], 1, "sigmoid", init="normal", rng=4)
    net = ens.network(0)
    from nnlesson.optimizers import Momentum

    history = train(net, X, Y, epochs=15, loss="mse", optimizer=Momentum(0.5, beta=0.9))
    ens.train(X, Y, epochs=15, lr=0.5, loss="mse", momentum=0.9)
    assert np.allclose(ens.network(0).layers[0].W, net.layers[0].W, rtol=1e-10), "Momentum"
    assert len(history.epoch_loss) == 15
    with pytest.raises(ValueError, match="momentum"):
        ens.train(X, Y, epochs=1, lr=0.5, momentum=1.0)


def test_readouts_wrap_between_words(monkeypatch):
    from nnlesson import widgets

    shown = []
    monkeypatch.setattr(widgets, "get_ipython", lambda: object())
    monkeypatch.setattr(widgets, "display", lambda data, raw: shown.append(data))
    widgets.show_text("hidden=4 | solved: yes <b>")
    (data,) = shown
    assert data["text/plain"] == "hidden=4 | solved: yes <b>", "nbval reads the plain line"
    html = data["text/html"]
    assert "word-break: normal" in html and "overflow-wrap: normal" in html
    assert "&lt;b&gt;" in html, "text is escaped"


def test_step_panel_is_a_panel_with_a_note():
    from nnlesson import widgets

    panel = widgets.StepPanel().widget()
    assert isinstance(panel, widgets.Panel)
    assert "Run this cell" in repr(panel)
