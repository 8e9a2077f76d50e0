"""The figures of lessons 04 and 05 (nnlesson.plots, section "Lessons 04-05"): each runs,
returns its Axes or Figure, and draws what its docstring says."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from nnlesson import plots


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def texts(ax):
    return [t.get_text() for t in ax.texts]


def test_neuron_graph_writes_forward_values_and_backward_gradients():
    x, w, b, y = 0.5, 0.8, 0.1, 1.0
    ax = plots.neuron_graph(x, w, b, y)
    z = w * x + b
    a = 1 / (1 + np.exp(-z))
    dL_dz = (a - y) * a * (1 - a)
    shown = texts(ax)
    assert f"z = {z:.4f}" in shown, shown
    assert f"a = {a:.4f}" in shown, shown
    assert f"dL/dz = {dL_dz:.4f}" in shown, shown
    assert f"dL/dw = {dL_dz * x:.4f}" in shown, "dL/dw = dL/dz * x on the w edge"
    assert f"dL/db = {dL_dz:.4f}" in shown, "dL/db = dL/dz on the b edge"
    red = [t for t in ax.texts if t.get_text().startswith("dL/")]
    assert len(red) == 7 and all(t.get_color() == "tab:red" for t in red)


def test_finite_difference_errors_is_log_log_with_one_line_per_formula():
    eps = 10.0 ** -np.arange(1, 6)
    ax = plots.finite_difference_errors(eps, {"two-point": eps**2, "five-point": eps**4})
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    assert len(ax.lines) == 2


def test_per_sample_vs_summed_shows_curves_and_paths():
    curves = {"a": [1.0, 0.5, 0.2], "b": [1.0, 0.6, 0.3]}
    paths = {"a": np.arange(40.0).reshape(20, 2), "b": np.arange(8.0).reshape(4, 2)}
    fig = plots.per_sample_vs_summed(
        curves, paths, updates_per_epoch={"a": 8, "b": 1}, epochs_shown=2
    )
    left, right = fig.axes
    assert len(left.lines) == 2 and left.get_yscale() == "log"
    assert len(right.lines[0].get_xdata()) == 17  # 8 updates x 2 epochs + the start
    assert len(right.lines[1].get_xdata()) == 3


def test_cost_of_gradients_two_lines():
    ax = plots.cost_of_gradients([10, 100], [1e-4, 2e-4], [1e-3, 1e-2])
    assert len(ax.lines) == 2 and ax.get_yscale() == "log"


def test_loss_history_linear_and_log():
    fig = plots.loss_history([4.0, 2.0, 1.0])
    assert [ax.get_yscale() for ax in fig.axes] == ["linear", "log"]


def test_steps_1d_draws_the_geometric_sequence():
    fig = plots.steps_1d(4.0, [0.1, 0.55], steps=5)
    assert len(fig.axes) == 2
    path = fig.axes[1].lines[1]
    np.testing.assert_allclose(path.get_xdata(), (1 - 0.55 * 4) ** np.arange(6))
    assert "-1.20" in fig.axes[1].get_title()


def test_contour_paths_has_equal_axis_scales():
    ax = plots.contour_paths(
        lambda P: (P**2).sum(axis=-1),
        {"path": np.array([[1.0, 1.0], [0.5, 0.5]])},
        window=(-2, 2, -1, 1),
        minimum=(0, 0),
    )
    assert ax.get_aspect() == 1.0
    assert ax.get_xlim() == (-2, 2)


def test_bowl_paths_one_equal_scale_panel_per_rate():
    fig = plots.bowl_paths((1.0, 10.0), [0.05, 0.21], steps=4)
    assert len(fig.axes) == 2
    assert all(ax.get_aspect() == 1.0 for ax in fig.axes)
    start = fig.axes[0].lines[0].get_xydata()[0]
    np.testing.assert_allclose(start, [-1.8, 1.0])
    second = fig.axes[0].lines[0].get_xydata()[1]
    np.testing.assert_allclose(second, [-1.8 * 0.95, 1.0 * 0.5])


def test_loss_curves_log_scale():
    ax = plots.loss_curves({"a": [1, 0.1], "b": [1, 10]}, title="t")
    assert ax.get_yscale() == "log" and len(ax.lines) == 2


def test_rate_picture_png_is_a_png():
    pic = plots.RatePicture(
        lambda P: (P**2).sum(axis=-1), window=(-1, 1, -1, 1), minimum=(0, 0), iterations=10
    )
    data = pic.png(np.array([[1.0, 0.5], [0.5, 0.2]]), [1.0, 0.1], "title")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert pic.ax_path.get_aspect() == 1.0


def test_descent_on_curve():
    ax = plots.descent_on_curve(lambda w: w**2, {"start 1": [1.0, 0.5]}, minima=[0.0])
    assert len(ax.lines) == 3


def test_schedules_and_distances_two_log_panels():
    fig = plots.schedules_and_distances({"c": [0.1, 0.1]}, {"c": [1.0, 0.5]})
    assert [ax.get_yscale() for ax in fig.axes] == ["log", "log"]
    assert len(fig.axes[1].lines) == 1
