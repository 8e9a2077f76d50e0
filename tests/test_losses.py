import numpy as np
import pytest

from nnlesson import losses
from nnlesson.gradcheck import numerical_gradient

pytestmark = pytest.mark.lesson02


def test_mse_is_mean_over_samples_of_sum_over_outputs():
    Y_hat = np.array([[0.0, 1.0], [2.0, 2.0], [1.0, 0.0]])
    Y = np.array([[1.0, 1.0], [0.0, 1.0], [1.0, 1.0]])
    # squared errors per sample: 1, 4 + 1, 1  -> sum 7 over n = 3 samples
    assert losses.mse(Y_hat, Y) == pytest.approx(7 / 3, rel=1e-15)
    assert losses.half_sse(Y_hat, Y) == pytest.approx(3.5, rel=1e-15)


def test_worked_example_total_error():
    out = np.array([[0.75136507, 0.772928465]])
    target = np.array([[0.01, 0.99]])
    assert losses.half_sse(out, target) == pytest.approx(0.298371109, abs=5e-9)


@pytest.mark.parametrize("name", ["mse", "half_mse", "half_sse"])
def test_gradient_matches_finite_differences(name, rng):
    loss = losses.get_loss(name)
    Y_hat, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    numeric = numerical_gradient(lambda v: loss.value(v, Y), Y_hat)
    np.testing.assert_allclose(loss.gradient(Y_hat, Y), numeric, rtol=1e-7, atol=1e-9)


def test_factor_only_rescales_the_gradient(rng):
    Y_hat, Y = rng.normal(size=(4, 2)), rng.normal(size=(4, 2))
    n = len(Y)
    np.testing.assert_allclose(
        losses.mse_gradient(Y_hat, Y), (2 / n) * losses.half_sse_gradient(Y_hat, Y), rtol=1e-15
    )


def test_shape_mismatch_names_both_shapes_and_the_fix():
    with pytest.raises(ValueError, match=r"shape \(4, 1\).*shape \(4,\).*reshape\(-1, 1\)"):
        losses.mse(np.zeros((4, 1)), np.zeros(4))


def test_unknown_loss_lists_the_valid_ones():
    with pytest.raises(
        ValueError,
        match="Unknown loss 'mae'. Valid choices: binary_cross_entropy, cross_entropy, half_mse, half_sse, mse",
    ):
        losses.get_loss("mae")


@pytest.mark.lesson05
def test_half_mse_reproduces_seed_003_bit_for_bit():
    import nnlesson as nl

    X, y = nl.data.seed_regression()
    theta = np.array([0.0, 0.0])  # the article's own loop, with floats
    for _ in range(1000):
        loss = X @ theta - y
        theta = theta - 0.01 * (X.T @ loss / len(y))
    net = nl.Network([nl.Dense(np.zeros((2, 1)), 0.0, "identity", train_bias=False)])
    nl.train(
        net, X, y.reshape(-1, 1), epochs=1000, loss="half_mse", optimizer=nl.GradientDescent(0.01)
    )
    np.testing.assert_array_equal(net.layers[0].W[:, 0], theta)
