"""The pictures of lessons 08 and 09: each plot function runs, returns its figure or axes,
and draws what it says."""

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from nnlesson import plots  # noqa: E402

pytestmark = [pytest.mark.lesson08, pytest.mark.lesson09]


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_activation_histograms_one_row_per_start_one_column_per_layer():
    rng = np.random.default_rng(0)
    rows = {
        "saturated": [np.sign(rng.standard_normal(500)) * 0.999 for _ in range(3)],
        "near zero": [0.01 * rng.standard_normal(500) for _ in range(3)],
    }
    fig = plots.activation_histograms(rows, bins=np.linspace(-1, 1, 41), xlabel="tanh output")
    axes = np.array(fig.axes).reshape(2, 3)
    assert [ax.get_title() for ax in axes[0]] == ["layer 1", "layer 2", "layer 3"]
    assert "saturated" in axes[0, 0].get_ylabel() and "near zero" in axes[1, 0].get_ylabel()
    # bar heights are shares: the saturated row has its mass in the two end bins,
    # the near-zero row in the two bins around 0
    heights = [patch.get_height() for patch in axes[0, 0].patches]
    assert np.isclose(sum(heights), 1) and heights[0] + heights[-1] == pytest.approx(1)
    heights = [patch.get_height() for patch in axes[1, 0].patches]
    assert heights[19] + heights[20] == pytest.approx(1)


def test_activation_histograms_needs_rows():
    with pytest.raises(ValueError, match="at least one row"):
        plots.activation_histograms({})


def test_saturation_sweep_draws_every_series_against_the_scale():
    scales = np.array([0.01, 0.1, 1.0, 10.0])
    fig = plots.saturation_sweep(
        scales,
        {"layer 1": [0, 0, 0.6, 0.9], "layer 2": [0, 0, 0.5, 0.9]},
        {"mean |dL/dW1|": [1e-7, 1e-5, 1e-4, 1e-5]},
        mark=0.1,
    )
    left, right = fig.axes
    assert [line.get_label() for line in left.get_lines()][:2] == ["layer 1", "layer 2"]
    assert np.allclose(left.get_lines()[0].get_xdata(), scales)
    assert left.get_xscale() == "log" and right.get_yscale() == "log"
    assert any(line.get_label() == "Xavier's s" for line in right.get_lines())


def test_curves_draws_series_and_reference_lines():
    x = np.arange(1, 11)
    ax = plots.curves(
        [("train", x, 1 / x, {}), ("validation", x, 2 / x, {"ls": "--"})],
        logy=True,
        xlabel="epoch",
        hlines=[(0.05, "noise floor")],
        vlines=[(4, "best epoch 4")],
    )
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["train", "validation", "noise floor", "best epoch 4"]
    assert np.allclose(ax.get_lines()[1].get_ydata(), 2 / x)
    assert ax.get_yscale() == "log" and ax.get_xlabel() == "epoch"


def test_quadratic_slices_draws_contours_path_and_titles():
    H = np.diag([1.0, 4.0, 1.0])
    w_star = np.array([1.0, -1.0, 0.5])
    path = np.array([[0.0, 0.0, 0.0], [0.5, -0.8, 0.2], [1.0, -1.0, 0.5]])
    fig = plots.quadratic_slices(
        [dict(H=H, w_star=w_star, path=path, title="slice kappa 4", note="a note")]
    )
    (ax,) = fig.axes
    assert ax.get_title() == "slice kappa 4"
    assert ax.collections, "the contours are drawn"
    drawn = ax.get_lines()[0]
    assert np.allclose(drawn.get_xdata(), path[:, 0]) and np.allclose(drawn.get_ydata(), path[:, 1])
    assert any(t.get_text() == "a note" for t in ax.texts)
    assert ax.get_xlim()[0] < 0 < 1 < ax.get_xlim()[1]


def test_regression_fits_draws_truth_points_and_fits():
    xs = np.linspace(-3, 3, 50)
    X = np.array([[-1.0], [0.0], [1.0]])
    ax = plots.regression_fits(
        xs,
        np.sin(xs),
        {"training set": (X, np.sin(X))},
        {"H = 3": 0.5 * xs},
        colors=["tab:green"],
    )
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["true sin(x)", "training set", "H = 3"]
    assert np.allclose(ax.get_lines()[1].get_xdata(), X.ravel())
    assert np.allclose(ax.get_lines()[2].get_ydata(), 0.5 * xs)
