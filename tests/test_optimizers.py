import numpy as np
import pytest

import nnlesson.optimizers as opt

pytestmark = pytest.mark.lesson07

P = {"w": np.array([1.0, -2.0]), "b": np.array(0.5)}
G = {"w": np.array([0.3, -0.1]), "b": np.array(2.0)}


def run(optimizer, grad_fn, x0, steps):
    params = {"x": np.asarray(x0, dtype=float)}
    state = optimizer.init(params)
    for _ in range(steps):
        params, state = optimizer.step(params, {"x": grad_fn(params["x"])}, state)
    return params["x"], state


def quad_grad(x):  # f(x, y) = (x - 1)^2 + 10 (y + 2)^2, minimum at (1, -2)
    return np.array([2 * (x[0] - 1), 20 * (x[1] + 2)])


def rosen_grad(x):  # Rosenbrock (1 - x)^2 + 100 (y - x^2)^2, minimum at (1, 1)
    return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)])


@pytest.mark.lesson05
def test_gradient_descent_one_step_by_hand():
    new, state = opt.GradientDescent(0.1).step(P, G, opt.GDState())
    np.testing.assert_allclose(new["w"], [1.0 - 0.1 * 0.3, -2.0 + 0.1 * 0.1], rtol=1e-15)
    assert float(new["b"]) == pytest.approx(0.5 - 0.2) and state.t == 1


def test_momentum_two_steps_by_hand():
    m = opt.Momentum(lr=0.1, beta=0.9)
    p1, s1 = m.step(P, G, m.init(P))
    p2, s2 = m.step(p1, G, s1)
    v1 = 0.3  # first velocity is the gradient itself
    v2 = 0.9 * v1 + 0.3
    assert p2["w"][0] == pytest.approx(1.0 - 0.1 * v1 - 0.1 * v2, rel=1e-14)
    assert s2.v["w"][0] == pytest.approx(v2) and s2.t == 2


def test_nesterov_step_by_hand():
    m = opt.Momentum(lr=0.1, beta=0.9, nesterov=True)
    p1, _ = m.step(P, G, m.init(P))
    assert p1["w"][0] == pytest.approx(1.0 - 0.1 * (0.3 + 0.9 * 0.3), rel=1e-14)


def test_adagrad_and_rmsprop_one_step_by_hand():
    a = opt.AdaGrad(lr=0.1, eps=1e-10)
    p, s = a.step(P, G, a.init(P))
    assert p["w"][0] == pytest.approx(1.0 - 0.1 * 0.3 / (0.3 + 1e-10), rel=1e-14)
    assert s.s["b"] == pytest.approx(4.0)
    r = opt.RMSProp(lr=0.01, rho=0.9, eps=1e-8)
    p, s = r.step(P, G, r.init(P))
    s_w = 0.1 * 0.3**2
    assert p["w"][0] == pytest.approx(1.0 - 0.01 * 0.3 / (np.sqrt(s_w) + 1e-8), rel=1e-14)


def test_adam_two_steps_by_hand():
    a = opt.Adam(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8)
    p1, s1 = a.step(P, G, a.init(P))
    p2, s2 = a.step(p1, G, s1)
    g = 0.3
    m1, v1 = 0.1 * g, 0.001 * g * g
    step1 = 0.01 * (m1 / 0.1) / (np.sqrt(v1 / 0.001) + 1e-8)
    m2, v2 = 0.9 * m1 + 0.1 * g, 0.999 * v1 + 0.001 * g * g
    step2 = 0.01 * (m2 / (1 - 0.9**2)) / (np.sqrt(v2 / (1 - 0.999**2)) + 1e-8)
    assert p2["w"][0] == pytest.approx(1.0 - step1 - step2, rel=1e-14)
    assert s2.t == 2 and s2.m["w"][0] == pytest.approx(m2)


def test_steps_never_modify_their_arguments():
    params = {k: v.copy() for k, v in P.items()}
    for name in opt.OPTIMIZERS:
        o = opt.get_optimizer(name)
        state = o.init(params)
        o.step(params, G, state)
        for k in P:
            np.testing.assert_array_equal(params[k], P[k])


@pytest.mark.parametrize(
    ("optimizer", "steps"),
    [
        (opt.GradientDescent(0.04), 300),
        (opt.Momentum(0.02, 0.9), 300),
        (opt.Momentum(0.02, 0.9, nesterov=True), 300),
        (opt.AdaGrad(0.5), 2000),
        (opt.RMSProp(0.01), 2000),
        (opt.Adam(0.05), 2000),
    ],
)
def test_reaches_the_minimum_of_an_ill_conditioned_quadratic(optimizer, steps):
    x, _ = run(optimizer, quad_grad, [-3.0, 2.0], steps)
    np.testing.assert_allclose(x, [1.0, -2.0], atol=1e-2)


@pytest.mark.parametrize(
    ("optimizer", "steps"),
    [
        (opt.GradientDescent(0.001), 40000),
        (opt.Momentum(0.0005, 0.9), 20000),
        (opt.AdaGrad(0.5), 20000),
        (opt.RMSProp(0.0005), 20000),
        (opt.Adam(0.01), 10000),
    ],
)
def test_reaches_the_minimum_of_rosenbrock(optimizer, steps):
    x, _ = run(optimizer, rosen_grad, [-1.2, 1.0], steps)
    np.testing.assert_allclose(x, [1.0, 1.0], atol=2e-2)


@pytest.mark.lesson05
def test_schedules():
    assert [opt.step_decay(1.0, 0.5, every=2)(t) for t in range(1, 6)] == [1, 1, 0.5, 0.5, 0.25]
    assert opt.exponential_decay(2.0, 0.5)(3) == 0.5
    assert opt.inverse_time_decay(1.0, 1.0)(3) == pytest.approx(1 / 3)
    assert opt.constant(0.3)(99) == 0.3
    gd = opt.GradientDescent(opt.step_decay(0.1, 0.5, every=1))
    p, s = gd.step(P, G, gd.init(P))
    p, s = gd.step(p, G, s)
    assert p["b"] == pytest.approx(0.5 - 0.1 * 2 - 0.05 * 2)


def test_adam_step_is_the_formula_bit_for_bit_and_changes_no_argument():
    """The step computes in fresh arrays updated in place (fewer allocations on large
    matrices); it must give exactly the one-expression formula and leave its inputs alone."""
    rng = np.random.default_rng(3)
    adam = opt.Adam(lr=0.01)
    params = {"W": rng.normal(size=(30, 20)), "b": rng.normal(size=20)}
    state = adam.init(params)
    b1, b2, eps = adam.beta1, adam.beta2, adam.eps
    for t in range(1, 25):
        grads = {k: rng.normal(size=v.shape) * 10 ** rng.uniform(-5, 3) for k, v in params.items()}
        before = {k: v.copy() for k, v in params.items()}
        m_before = {k: v.copy() for k, v in state.m.items()}
        m = {k: b1 * state.m[k] + (1 - b1) * g for k, g in grads.items()}
        v = {k: b2 * state.v[k] + (1 - b2) * g * g for k, g in grads.items()}
        c1, c2 = 1 - b1**t, 1 - b2**t
        expected = {
            k: p - adam.lr * (m[k] / c1) / (np.sqrt(v[k] / c2) + eps) for k, p in params.items()
        }
        new, new_state = adam.step(params, grads, state)
        for k in params:
            assert np.array_equal(new[k], expected[k]), (t, k)
            assert np.array_equal(new_state.m[k], m[k]) and np.array_equal(new_state.v[k], v[k])
            assert np.array_equal(params[k], before[k]) and np.array_equal(state.m[k], m_before[k])
        params, state = new, new_state
