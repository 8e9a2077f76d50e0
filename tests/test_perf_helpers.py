"""The helper that makes Ensemble.train fast (issue 7) computes what it replaces."""

import numpy as np
import pytest

import nnlesson as nl
from nnlesson.ensemble import Ensemble, _sum_over_samples

pytestmark = [pytest.mark.lesson11, pytest.mark.lesson08]


@pytest.mark.parametrize(("n", "units"), [(4, 1), (4, 4), (1, 3), (9, 1), (16, 5)])
def test_sum_over_samples_is_the_sum_over_axis_1(rng, n, units):
    delta = rng.normal(size=(7, n, units))
    out = _sum_over_samples(delta)
    assert out.shape == (7, units)
    np.testing.assert_allclose(out, delta.sum(axis=1), rtol=1e-13, atol=1e-15)
    if n < 8:  # few samples: numpy adds them one after another either way
        np.testing.assert_array_equal(out, delta.sum(axis=1))


@pytest.mark.parametrize("sizes", [[2, 1], [2, 2, 1], [2, 3, 1], [2, 4, 1]])
def test_on_xor_each_member_ends_bit_for_bit_where_it_would_alone(sizes):
    """The lessons' printed numbers depend on this."""
    X, Y = nl.xor()
    ens = Ensemble.random(sizes, 8, "sigmoid", init="normal", rng=5)
    nets = [ens.network(i) for i in range(8)]
    history = ens.train(X, Y, epochs=400, lr=0.5)
    for i, net in enumerate(nets):
        h = nl.train(net, X, Y, epochs=400, optimizer=nl.GradientDescent(0.5))
        np.testing.assert_allclose(history[:, i], h.epoch_loss, rtol=1e-14)
        for a, b in zip(ens.network(i).layers, net.layers):
            np.testing.assert_array_equal(a.W, b.W)
            np.testing.assert_array_equal(a.b, b.b)
