"""Lesson 07's figures (nnlesson.plots, section "Lesson 07"): each runs, returns its Axes and
draws what it says."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from nnlesson import plots, races  # noqa: E402

pytestmark = pytest.mark.lesson07


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _paths():
    best = races.tune(races.grad_ill, np.array([-4.0, 1.2]), np.zeros(2), 60, ["GD", "Adam"])
    return {name: b["path"] for name, b in best.items()}


def test_race_paths_draws_one_line_per_optimizer_with_a_legend():
    paths = _paths()
    ax = plots.race_paths(
        races.f_ill,
        paths,
        labels={"GD": "GD, lr 0.056"},
        **races.PROBLEMS["ill-conditioned bowl"].view(),
        title="a race",
    )
    assert isinstance(ax, Axes)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert "GD, lr 0.056" in lines and "Adam" in lines, list(lines)
    assert np.allclose(lines["Adam"].get_xydata(), paths["Adam"]), "the path is drawn as given"
    assert lines["Adam"].get_color() == plots.RACE_COLORS["Adam"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["GD, lr 0.056", "Adam"]
    assert ax.collections, "contour lines of the function"
    assert ax.get_title() == "a race" and ax.get_xlim() == (-4.6, 2.4)


def test_draw_race_marks_start_minimum_and_ends():
    fig, ax = plt.subplots()
    view = races.PROBLEMS["Rosenbrock"].view()
    paths = {"GD": np.array([[-1.2, 1.0], [-1.0, 0.9]])}
    plots.draw_race(ax, races.rosenbrock, paths, dots=False, resolution=21, **view)
    markers = [line for line in ax.get_lines() if line.get_label().startswith("_")]
    points = [tuple(np.round(m.get_xydata()[0], 6)) for m in markers]
    assert (-1.0, 0.9) in points, "a big dot where the path ended"
    assert (-1.2, 1.0) in points and (1.0, 1.0) in points, "star at the start, cross at the minimum"


def test_distance_per_step_is_a_log_plot_with_the_tolerance():
    curves = {"a": np.geomspace(1, 1e-6, 50), "b": np.full(50, 0.1)}
    ax = plots.distance_per_step(curves, tol=1e-3, title="who settles")
    assert isinstance(ax, Axes) and ax.get_yscale() == "log"
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["a", "b", "within 0.001"], labels
    assert ax.get_lines()[2].get_ydata()[0] == 1e-3


def test_adam_step_ratios_draws_each_variant_and_the_reference():
    ratios = {"m not corrected": 1 - 0.9 ** np.arange(1, 101)}
    ax = plots.adam_step_ratios(ratios)
    assert isinstance(ax, Axes) and ax.get_xscale() == "log" and ax.get_yscale() == "log"
    line = ax.get_lines()[0]
    assert np.allclose(line.get_ydata(), ratios["m not corrected"])
    assert np.array_equal(line.get_xdata(), np.arange(1, 101)), "steps count from 1"
    assert ax.get_lines()[1].get_label() == "with both corrections"


def test_momentum_conventions_draws_both_step_lengths_and_the_drop():
    out, inside = np.linspace(1, 0.1, 60), np.linspace(1, 0.5, 60)
    ax = plots.momentum_conventions(out, inside, drop_after=30)
    lines = ax.get_lines()
    assert np.allclose(lines[0].get_ydata(), out) and np.allclose(lines[1].get_ydata(), inside)
    assert lines[2].get_xdata()[0] == 30.5, "the drop is drawn between steps 30 and 31"
