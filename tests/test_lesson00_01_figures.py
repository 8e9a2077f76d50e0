"""The pictures of lessons 00 and 01 (nnlesson.plots, section "Lessons 00-01")."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nnlesson import plots  # noqa: E402
from nnlesson.activations import sigmoid  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_gd_steps_on_parabola_draws_the_curve_the_points_and_one_arrow_per_step():
    ax = plots.gd_steps_on_parabola(w0=0.0, lr=0.1, steps=5)
    # the path is w_t = 3 - 3 * 0.8**t (each step multiplies w - 3 by 1 - 2 lr)
    np.testing.assert_allclose(ax.gd_path, 3 - 3 * 0.8 ** np.arange(6), rtol=1e-12)
    curve = ax.lines[0].get_xydata()
    np.testing.assert_allclose(curve[:, 1], (curve[:, 0] - 3.0) ** 2)
    points = ax.collections[0].get_offsets()
    np.testing.assert_allclose(points[:, 0], ax.gd_path)
    np.testing.assert_allclose(points[:, 1], (ax.gd_path - 3.0) ** 2)
    arrows = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert len(arrows) == 5, f"one arrow per step, got {len(arrows)}"
    assert [t.get_text() for t in ax.texts if t.get_text()] == [f"w{k}" for k in range(6)]


def test_gd_steps_on_parabola_overshoots_for_a_large_rate():
    ax = plots.gd_steps_on_parabola(w0=0.0, lr=0.9, steps=3)
    # 1 - 2 lr = -0.8: w jumps across the minimum each step
    np.testing.assert_allclose(ax.gd_path - 3, -3 * (-0.8) ** np.arange(4), rtol=1e-12)


def test_draw_neuron_with_symbols_shows_inputs_weights_bias_sum_activation_output():
    ax = plots.draw_neuron(n_inputs=3)
    texts = [t.get_text() for t in ax.texts]
    for label in ["$x_1$", "$x_3$", "$w_1$", "$w_3$", "b", r"$\Sigma$", "f", "$a = f(z)$"]:
        assert label in texts, f"{label!r} missing from {texts}"
    assert isinstance(ax.figure, plt.Figure)


def test_draw_neuron_with_numbers_writes_z_and_a():
    ax = plots.draw_neuron([0.05, 0.10], [0.15, 0.20], 0.35, "sigmoid")
    z, a = ax.neuron_values
    assert z == pytest.approx(0.3775)
    assert a == pytest.approx(float(sigmoid(np.array(0.3775))))
    texts = [t.get_text() for t in ax.texts]
    assert "z = 0.3775" in texts and "a = 0.5933" in texts and "b = 0.35" in texts


def test_draw_neuron_refuses_half_given_numbers():
    with pytest.raises(ValueError, match="all of x, w and b"):
        plots.draw_neuron([1.0, 2.0], None, 0.0)
    with pytest.raises(ValueError, match="one weight per input"):
        plots.draw_neuron([1.0, 2.0], [1.0], 0.0)
