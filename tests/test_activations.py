import warnings

import numpy as np
import pytest

from nnlesson import activations as act
from nnlesson.gradcheck import numerical_gradient

pytestmark = pytest.mark.lesson01

NAMES = ["sigmoid", "tanh", "relu", "identity", "step"]


def test_sigmoid_values_and_known_points():
    assert act.sigmoid(0.0) == 0.5
    z = np.linspace(-30, 30, 601)
    naive = 1.0 / (1.0 + np.exp(-z))
    np.testing.assert_allclose(act.sigmoid(z), naive, rtol=1e-12, atol=1e-15)
    # article 003: the sigmoid's derivative at 0 is 0.25, its largest value
    assert act.sigmoid_prime(0.0) == 0.25
    assert np.all(act.sigmoid_prime(z) <= 0.25)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "identity"])
def test_derivative_matches_finite_differences(name):
    a = act.ACTIVATIONS[name]
    z = np.array([-2.3, -0.7, 0.4, 1.9, 3.1])  # avoid ReLU's kink at 0
    numeric = np.array([numerical_gradient(lambda v: float(a.f(v)), np.array(x)) for x in z])
    np.testing.assert_allclose(a.df(z), numeric, rtol=1e-7, atol=1e-9)
    # the form written with the output agrees with the one written with the input
    np.testing.assert_allclose(a.derivative(z, a.f(z)), a.df(z), rtol=1e-12)


def test_step_is_a_threshold_with_zero_derivative():
    z = np.array([-1.0, -1e-9, 0.0, 2.0])
    np.testing.assert_array_equal(act.step(z), [0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(act.step_prime(z), np.zeros(4))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", NAMES)
def test_finite_and_warning_free_for_huge_inputs(name, dtype):
    z = np.array([-1e4, -800.0, -50.0, 0.0, 50.0, 800.0, 1e4], dtype=dtype)
    a = act.ACTIVATIONS[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        y, dy = a.f(z), a.df(z)
    assert np.all(np.isfinite(y)) and np.all(np.isfinite(dy))
    assert y.dtype == dtype and dy.dtype == dtype


def test_sigmoid_limits_are_exact():
    assert act.sigmoid(np.array(-1e4)) == 0.0
    assert act.sigmoid(np.array(1e4)) == 1.0


def test_unknown_activation_lists_the_valid_ones():
    with pytest.raises(
        ValueError, match=r"Unknown activation 'sigmod'.*relu, sigmoid, softmax, step, tanh"
    ):
        act.get_activation("sigmod")
