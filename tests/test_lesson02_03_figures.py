"""Lessons 02-03: their figures draw what they say, and their debug exercises catch the bug
they name (the checks fail on the planted bug, over the same kind of random cases)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

import nnlesson  # noqa: E402
from nnlesson import plots  # noqa: E402
from nnlesson.activations import sigmoid, sigmoid_prime  # noqa: E402
from nnlesson.checks import ExerciseWrong, check_function, random_inputs  # noqa: E402
from nnlesson.gradcheck import numerical_gradient  # noqa: E402

X_ONE = np.array([-2.0, -1.0, 0.5, 1.0, 2.0])
Y_ONE = np.array([0.1, 0.3, 0.5, 0.8, 0.9])


def loss_one(w):
    return float(np.mean((sigmoid(w * X_ONE) - Y_ONE) ** 2))


def slope_one(w):
    return float(np.mean(2 * (sigmoid(w * X_ONE) - Y_ONE) * sigmoid_prime(w * X_ONE) * X_ONE))


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_loss_tangent_steps_draws_the_tangent_and_one_step_each_way():
    ax = plots.loss_tangent_steps(loss_one, slope_one, w=-0.5, lr=4.0)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("tangent" in s for s in labels) and any("uphill" in s for s in labels)
    # the tangent passes through (w, L(w)) with slope L'(w)
    tangent = next(line for line in ax.get_lines() if line.get_label().startswith("tangent"))
    x, y = tangent.get_data()
    assert np.isclose((y[1] - y[0]) / (x[1] - x[0]), slope_one(-0.5))
    assert np.isclose(np.interp(-0.5, x, y), loss_one(-0.5))
    # the two step markers: downhill lowers the loss, the flipped sign raises it
    down = next(line for line in ax.get_lines() if "downhill" in line.get_label())
    up = next(line for line in ax.get_lines() if "uphill" in line.get_label())
    assert np.isclose(down.get_xdata()[0], -0.5 - 4.0 * slope_one(-0.5))
    assert down.get_ydata()[0] < loss_one(-0.5) < up.get_ydata()[0]


def test_gd_steps_on_curve_draws_every_step_on_the_curve_and_per_step():
    path = [-2.0]
    for _ in range(5):
        path.append(path[-1] - 4.0 * slope_one(path[-1]))
    fig = plots.gd_steps_on_curve(loss_one, path, lo=-4, hi=6)
    ax_curve, ax_steps = fig.axes
    steps = next(
        line for line in ax_curve.get_lines() if line.get_label() == "gradient-descent steps"
    )
    assert np.allclose(steps.get_xdata(), path)
    assert np.allclose(steps.get_ydata(), [loss_one(w) for w in path])
    assert ax_steps.get_yscale() == "log"
    assert np.allclose(ax_steps.get_lines()[0].get_ydata(), [loss_one(w) for w in path])


def test_steepest_ascent_no_direction_beats_the_gradient():
    rng = np.random.default_rng(0)
    A = np.array([[3.0, 1.0], [1.0, 2.0]])

    def loss2d(a, b):
        v = np.array([a, b])
        return float(0.5 * v @ A @ v)

    point = np.array([0.5, -0.3])
    grad = A @ point
    directions = rng.normal(size=(12, 2))
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    fig = plots.steepest_ascent(loss2d, grad, point, directions, h=0.01)
    ax_c, ax_a = fig.axes[:2]
    assert ax_c.get_aspect() == 1.0  # equal scales: the gradient looks perpendicular
    measured = next(line for line in ax_a.get_lines() if line.get_label().startswith("random"))
    along = next(line for line in ax_a.get_lines() if line.get_label().startswith("along"))
    against = next(line for line in ax_a.get_lines() if line.get_label().startswith("against"))
    assert len(measured.get_ydata()) == 12
    assert along.get_ydata()[0] > max(measured.get_ydata())
    assert against.get_ydata()[0] < min(measured.get_ydata())


def test_draw_backward_shows_every_delta_and_gradient_and_w1s_two_paths():
    net = nnlesson.worked_example_network()
    X, T = nnlesson.WORKED_EXAMPLE_INPUTS, nnlesson.WORKED_EXAMPLE_TARGETS
    ax = plots.draw_backward(net, X, T, paths_of="w1")
    texts = " ".join(t.get_text() for t in ax.texts)
    net.loss_and_gradients(X, T, "half_sse")
    for layer in net.layers:
        for delta in layer.delta[0]:
            assert f"delta = {delta:+.6f}" in texts
    for name, g in net.named_gradients().items():
        assert f"dE/d{name}\n{g:+.6f}" in texts
    # w1's two paths: the i1-h1 edge twice (one per colour), h1-o1 red, h1-o2 purple
    red, purple = to_rgba("tab:red"), to_rgba("tab:purple")
    coloured = [line for line in ax.get_lines() if to_rgba(line.get_color()) in (red, purple)]
    assert len(coloured) == 4
    assert sorted(to_rgba(line.get_color()) == red for line in coloured) == [
        False,
        False,
        True,
        True,
    ]
    with pytest.raises(ValueError, match="first-layer weight"):
        plots.draw_backward(net, X, T, paths_of="w5")


def test_draw_network_is_unchanged_by_the_new_figures():
    net = nnlesson.worked_example_network()
    ax = plots.draw_network(net, nnlesson.WORKED_EXAMPLE_INPUTS)
    assert any(t.get_text() == "w1=0.15" for t in ax.texts)
    assert not any("delta" in t.get_text() for t in ax.texts)


# --- the debug exercises catch the bugs they name ------------------------------------------


def _mse(w, b, X, y):
    return float(np.mean((sigmoid(X @ w + b) - y) ** 2))


def _random_problem(rng):
    n, d = int(rng.integers(3, 9)), int(rng.integers(1, 4))
    return rng.normal(size=d), float(rng.normal()), rng.normal(size=(n, d)), rng.uniform(size=n)


def _measured(w, b, X, y):
    return numerical_gradient(lambda v: _mse(v, b, X, y), w)


def test_lesson02_debug_check_fails_the_printed_formula_and_a_sign_only_fix():
    cases = random_inputs(_random_problem, n=5, seed=22)

    def as_printed(w, b, X, y):
        return (2 / len(y)) * X.T @ ((y - sigmoid(X @ w + b)) * sigmoid_prime(X @ w))

    def sign_only(w, b, X, y):  # the bias still missing from f'
        return -as_printed(w, b, X, y)

    def fixed(w, b, X, y):
        net = X @ w + b
        return (2 / len(y)) * X.T @ ((sigmoid(net) - y) * sigmoid_prime(net))

    for wrong in (as_printed, sign_only):
        with pytest.raises(ExerciseWrong):
            check_function(wrong, _measured, cases, rtol=1e-6, atol=1e-9)
    check_function(fixed, _measured, cases, rtol=1e-6, atol=1e-9)


def _step(w, lr, sequential):
    """One step on the 2-2-2 example; ``sequential`` sends the error back through new w5..w8."""
    net = nnlesson.worked_example_network()
    for name, value in w.items():
        net.set_weight(name, value)
    net.loss_and_gradients(
        nnlesson.WORKED_EXAMPLE_INPUTS, nnlesson.WORKED_EXAMPLE_TARGETS, "half_sse"
    )
    g = net.named_gradients()
    new = {n: w[n] - lr * g[n] for n in w}
    if sequential:  # net.forward above left each layer's outputs A in place
        hidden, output = net.layers
        d_o = (output.A[0] - nnlesson.WORKED_EXAMPLE_TARGETS[0]) * output.A[0] * (1 - output.A[0])
        a_h = hidden.A[0]
        w_out = np.array([[new["w5"], new["w7"]], [new["w6"], new["w8"]]])  # rows h1, h2
        d_h = (w_out @ d_o) * a_h * (1 - a_h)
        i1, i2 = nnlesson.WORKED_EXAMPLE_INPUTS[0]
        for name, unit, x in (("w1", 0, i1), ("w2", 0, i2), ("w3", 1, i1), ("w4", 1, i2)):
            new[name] = w[name] - lr * d_h[unit] * x
    return np.array(list(new.values()))


def test_lesson03_debug_check_fails_the_sequential_update():
    base = nnlesson.worked_example_network().named_weights()
    cases = [(dict(base), 0.5)] + random_inputs(
        lambda rng: (
            {n: v + float(rng.normal(0, 0.5)) for n, v in base.items()},
            float(rng.choice([0.1, 0.5, 2.0])),
        ),
        n=5,
        seed=4,
    )

    def reference(w, lr):
        return _step(w, lr, sequential=False)

    with pytest.raises(ExerciseWrong, match="4 of 8 entries differ"):
        check_function(lambda w, lr: _step(w, lr, sequential=True), reference, cases, rtol=1e-9)
    check_function(lambda w, lr: _step(w, lr, sequential=False), reference, cases, rtol=1e-9)
    # the sequential step is the one the post's "E after one update" comes from
    seq = dict(zip(base, _step(dict(base), 0.5, sequential=True)))
    net = nnlesson.worked_example_network()
    for name, value in seq.items():
        net.set_weight(name, value)
    E = nnlesson.half_sse(
        net.forward(nnlesson.WORKED_EXAMPLE_INPUTS), nnlesson.WORKED_EXAMPLE_TARGETS
    )
    assert f"{E:.9f}" == "0.291027924"
