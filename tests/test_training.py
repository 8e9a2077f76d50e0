import numpy as np
import pytest

import nnlesson as nl
from nnlesson.training import Trainer, TrainingDiverged

pytestmark = pytest.mark.lesson06


def bare_loop(net, X, Y, lr, epochs):
    """Full-batch GD on MSE written out by hand, for comparison."""
    W = [layer.W.copy() for layer in net.layers]
    b = [layer.b.copy() for layer in net.layers]
    n = len(X)
    for _ in range(epochs):
        A = [X]
        for Wk, bk in zip(W, b):
            A.append(nl.sigmoid(A[-1] @ Wk + bk))
        delta = (2.0 / n) * (A[-1] - Y) * A[-1] * (1 - A[-1])
        for k in range(len(W) - 1, -1, -1):
            dW, db = A[k].T @ delta, delta.sum(axis=0)
            if k:
                delta = (delta @ W[k].T) * A[k] * (1 - A[k])
            W[k], b[k] = W[k] - lr * dW, b[k] - lr * db
    return W, b


@pytest.mark.lesson11
def test_full_batch_training_equals_the_loop_written_by_hand():
    X, Y = nl.xor()
    net = nl.Network.build([2, 4, 1], "sigmoid", init="normal", rng=7)
    W, b = bare_loop(net, X, Y, 0.5, 200)
    nl.train(net, X, Y, epochs=200, optimizer=nl.GradientDescent(0.5))
    for layer, Wk, bk in zip(net.layers, W, b):
        np.testing.assert_allclose(layer.W, Wk, rtol=1e-12)
        np.testing.assert_allclose(layer.b, bk, rtol=1e-12)


def test_counters_and_history_for_mini_batches():
    rng = np.random.default_rng(1)
    X, Y = rng.normal(size=(10, 2)), rng.normal(size=(10, 1))
    net = nl.Network.build([2, 3, 1], "tanh", "identity", rng=rng)
    t = Trainer(net, X, Y, batch_size=4, rng=2)
    t.step_batch()
    assert (t.iteration, t.epoch, t.batch_in_epoch) == (1, 0, 1)
    t.step_epoch()
    assert (t.iteration, t.epoch, t.batch_in_epoch) == (3, 1, 0)
    t.run(2)
    assert t.iteration == 9 and t.epoch == 3 and t.history.iterations_per_epoch == 3
    assert len(t.history.iteration_loss) == 9 and len(t.history.epoch_loss) == 3
    t2 = Trainer(net.copy(), X, Y, batch_size=4, drop_last=True, rng=2)
    t2.run(2)
    assert t2.iteration == 4


def test_epoch_loss_weights_batches_by_their_size():
    X = np.arange(5.0).reshape(5, 1)
    Y = np.zeros((5, 1))
    net = nl.Network([nl.Dense([[1.0]], 0.0, "identity")])
    t = Trainer(net, X, Y, batch_size=2, shuffle=False, optimizer=nl.GradientDescent(1e-12))
    t.step_epoch()
    assert t.history.epoch_loss[0] == pytest.approx(np.mean(X[:, 0] ** 2), rel=1e-9)


def test_same_seed_gives_bit_identical_results():
    def once():
        X, Y = nl.data.moons(40, 0.1, rng=np.random.default_rng(3))
        net = nl.Network.build([2, 5, 1], "tanh", "sigmoid", rng=4)
        h = nl.train(net, X, Y, epochs=5, batch_size=8, rng=5, optimizer=nl.Adam(0.01))
        return net.layers[0].W.copy(), h.iteration_loss

    (W1, l1), (W2, l2) = once(), once()
    assert np.array_equal(W1, W2) and l1 == l2


def test_divergence_is_reported_with_epoch_and_iteration():
    X, Y = nl.data.seed_regression()
    net = nl.Network([nl.Dense(np.zeros((2, 1)), 0.0, "identity", train_bias=False)])
    with pytest.raises(TrainingDiverged, match=r"at epoch \d+, iteration \d+.*10x smaller"):
        nl.train(net, X, Y.reshape(-1, 1), epochs=2000, optimizer=nl.GradientDescent(1.0))


def test_divergence_can_be_watched_or_stopped_quietly():
    X, Y = nl.data.seed_regression()
    Y = Y.reshape(-1, 1)
    net = nl.Network([nl.Dense(np.zeros((2, 1)), 0.0, "identity", train_bias=False)])
    h = nl.train(net, X, Y, epochs=600, optimizer=nl.GradientDescent(1.0), on_nonfinite="continue")
    assert len(h.epoch_loss) == 600 and not np.isfinite(h.epoch_loss[-1])
    net = nl.Network([nl.Dense(np.zeros((2, 1)), 0.0, "identity", train_bias=False)])
    t = Trainer(net, X, Y, optimizer=nl.GradientDescent(1.0), on_nonfinite="stop")
    t.run(600)
    assert t.stopped and 0 < t.epoch < 600 and all(np.isfinite(t.history.epoch_loss))


def test_callback_sees_every_epoch():
    X, Y = nl.xor()
    seen = []
    nl.train(nl.Network.build([2, 2, 1]), X, Y, epochs=4, callback=lambda t: seen.append(t.epoch))
    assert seen == [1, 2, 3, 4]


@pytest.mark.lesson09
def test_l2_adds_lambda_w_to_weight_gradients_only():
    rng = np.random.default_rng(4)
    X, Y = rng.normal(size=(6, 2)), rng.normal(size=(6, 1))
    net = nl.Network.build([2, 3, 1], "tanh", "identity", rng=rng)
    for layer in net.layers:
        layer.b = rng.normal(size=layer.b.shape)
    before = {k: v.copy() for k, v in net.parameters().items()}
    _, grads = net.copy().loss_and_gradients(X, Y)
    nl.train(net, X, Y, epochs=1, l2=0.3, optimizer=nl.GradientDescent(0.1))
    for name, value in net.parameters().items():
        decay = 0.3 * before[name] if name.startswith("W") else 0.0
        np.testing.assert_allclose(value, before[name] - 0.1 * (grads[name] + decay), rtol=1e-13)
