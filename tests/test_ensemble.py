import numpy as np
import pytest

import nnlesson as nl
from nnlesson.ensemble import Ensemble

pytestmark = [pytest.mark.lesson11, pytest.mark.lesson08]


@pytest.mark.parametrize("loss", ["mse", "half_mse", "half_sse"])
def test_each_member_trains_exactly_like_a_network_alone(loss):
    X, Y = nl.xor()
    ens = Ensemble.random([2, 3, 1], 5, "tanh", "sigmoid", rng=11)
    gen = np.random.default_rng(11)
    nets = [
        nl.Network.build([2, 3, 1], "tanh", "sigmoid", init="normal", rng=gen) for _ in range(5)
    ]
    for i, net in enumerate(nets):
        np.testing.assert_array_equal(ens.network(i).layers[0].W, net.layers[0].W)
    history = ens.train(X, Y, epochs=300, lr=0.3, loss=loss)
    for i, net in enumerate(nets):
        h = nl.train(net, X, Y, epochs=300, loss=loss, optimizer=nl.GradientDescent(0.3))
        np.testing.assert_allclose(history[:, i], h.epoch_loss, rtol=1e-10)
        for a, b in zip(ens.network(i).layers, net.layers):
            np.testing.assert_allclose(a.W, b.W, rtol=1e-10, atol=1e-13)
            np.testing.assert_allclose(a.b, b.b, rtol=1e-10, atol=1e-13)


def test_forward_matches_members_and_from_networks_round_trips():
    rng = np.random.default_rng(2)
    nets = [nl.Network.build([3, 4, 2], "relu", "identity", rng=rng) for _ in range(3)]
    ens = Ensemble.from_networks(nets)
    X = rng.normal(size=(5, 3))
    out = ens.forward(X)
    assert out.shape == (3, 5, 2) and ens.k == 3 and ens.sizes == [3, 4, 2]
    for i, net in enumerate(nets):
        np.testing.assert_allclose(out[i], net.forward(X), rtol=1e-13)


def test_a_diverging_member_does_not_disturb_the_others():
    X, Y = nl.xor()
    ens = Ensemble.random([2, 2, 1], 3, "identity", rng=0, scale=1.0)
    ens.W[0][1] *= 1e150  # member 1 overflows
    history = ens.train(X, Y, epochs=5, lr=0.1)
    assert np.all(np.isfinite(history[:, 0])) and not np.isfinite(history[-1, 1])
