"""Inputs outside the bad-inputs catalogue that used to give a silently wrong result or a raw
error from deep inside (issue 16): each now gives the right result or a clear error."""

from __future__ import annotations

import numpy as np
import pytest

from nnlesson import Adam, Dense, GradientDescent, Network, Trainer, get_optimizer
from nnlesson.data import batch_indices, moons, train_test_split
from nnlesson.ensemble import Ensemble
from nnlesson.losses import half_sse, mse, mse_gradient

pytestmark = pytest.mark.lesson00


def test_integer_targets_do_not_overflow():
    a, b = np.array([[0]], dtype=np.uint8), np.array([[20]], dtype=np.uint8)
    assert mse(a, b) == 400.0
    assert mse_gradient(np.array([[0]], np.uint8), np.array([[1]], np.uint8))[0, 0] == -2.0
    assert half_sse(a, b) == 200.0


def test_layers_cannot_go_stale():
    net = Network.build([2, 3, 1], rng=0)
    layer = Dense.random(3, 1, "sigmoid", rng=np.random.default_rng(1))
    for change in (
        lambda: net.layers.__setitem__(1, layer),
        lambda: net.layers.append(layer),
        lambda: setattr(net, "layers", [net.layers[0], layer]),
    ):
        with pytest.raises(TypeError, match="layers are fixed once it is made.*Fix: make a new"):
            change()
    with pytest.raises(TypeError, match="layers are fixed"):
        net.layers += (layer,)
    rebuilt = Network(list(net.layers[:-1]) + [layer])  # the way that works
    assert rebuilt.parameters()["W2"] is layer.W


def test_build_rejects_unordered_sizes_and_reads_dtypes():
    with pytest.raises(TypeError, match="a set or dict has no order"):
        Network.build({2, 4, 1})
    for dtype in (np.float32, np.dtype("float32"), "float32"):
        assert Network.build([2, 2, 1], dtype=dtype).layers[0].W.dtype == np.float32
    with pytest.raises(ValueError, match="dtype must be np.float64 or np.float32"):
        Network.build([2, 2, 1], dtype="int8")


def test_truthy_strings_are_not_booleans():
    X, Y = np.zeros((4, 2)), np.zeros((4, 1))
    with pytest.raises(TypeError, match="shuffle must be True or False; got 'no'"):
        Trainer(Network.build([2, 1]), X, Y, batch_size=2, shuffle="no")
    with pytest.raises(TypeError, match="drop_last must be True or False"):
        batch_indices(10, 3, shuffle=False, drop_last="yes")


def test_an_integer_seed_works_everywhere_an_rng_does():
    X, Y = np.arange(20.0).reshape(10, 2), np.arange(10.0).reshape(10, 1)
    a = train_test_split(X, Y, rng=3)
    b = train_test_split(X, Y, rng=np.random.default_rng(3))
    assert all(np.array_equal(u, v) for u, v in zip(a, b))
    assert np.array_equal(moons(20, rng=5)[0], moons(20, rng=np.random.default_rng(5))[0])
    first = batch_indices(10, 3, rng=7)
    assert np.array_equal(np.concatenate(first), np.random.default_rng(7).permutation(10))


def test_a_schedule_may_not_return_a_negative_or_odd_rate():
    params, grads = {"W": np.ones(2)}, {"W": np.ones(2)}
    opt = GradientDescent(lambda t: 0.1 - 0.06 * t)
    state = opt.init(params)
    params, state = opt.step(params, grads, state)  # 0.04: fine
    with pytest.raises(ValueError, match="schedule returned -0.0199.* at step 2.*steps uphill"):
        opt.step(params, grads, state)
    with pytest.raises(TypeError, match="must return a number"):
        GradientDescent(lambda t: "0.1").step(params, grads, GradientDescent(0.1).init(params))


def test_get_optimizer_does_not_drop_settings():
    with pytest.raises(TypeError, match=r"optimizer object and settings \['lr'\].*Adam\(lr=...\)"):
        get_optimizer(Adam(), lr=0.5)
    assert get_optimizer("adam", lr=0.5).lr == 0.5


def test_ensemble_of_different_networks_is_refused():
    a = Network.build([2, 3, 1], "sigmoid", rng=0)
    b = Network.build([2, 3, 1], "relu", rng=1)
    with pytest.raises(ValueError, match="member 2 uses activations"):
        Ensemble.from_networks([a, b])
    with pytest.raises(ValueError, match="member 2 has sizes"):
        Ensemble.from_networks([a, Network.build([2, 4, 1], rng=2)])
    assert Ensemble.from_networks([a, Network.build([2, 3, 1], rng=3)]).k == 2


def test_a_schedule_may_return_one_rate_per_stacked_run_but_none_negative():
    params, grads = {"w": np.ones((3, 2))}, {"w": np.ones((3, 2))}
    rates = np.array([[0.1], [0.2], [0.3]])
    opt = GradientDescent(lambda t: rates)
    new, _ = opt.step(params, grads, opt.init(params))
    assert np.allclose(new["w"][:, 0], [0.9, 0.8, 0.7])
    bad = GradientDescent(lambda t: -rates)
    with pytest.raises(ValueError, match="negative or non-finite rate at step 1"):
        bad.step(params, grads, bad.init(params))
