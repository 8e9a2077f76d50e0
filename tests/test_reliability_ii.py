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


def _diverged_message(run) -> str:
    from nnlesson import TrainingDiverged

    with pytest.raises(TrainingDiverged) as err:
        run()
    return str(err.value)


def test_training_diverged_names_what_it_saw_and_the_fix_for_it():
    from nnlesson import train, xor

    X, Y = xor()

    def nan_weight():
        net = Network.build([2, 3, 1], rng=0)
        net.set_parameters({"W1": np.full((2, 3), np.nan)})
        train(net, X, Y, epochs=1)

    msg = _diverged_message(nan_weight)
    assert "weight W1 holds NaN or infinity, set before training started" in msg
    assert "learning rate" not in msg

    def data_changed():
        trainer = Trainer(Network.build([2, 3, 1], rng=0), X, Y)
        trainer.X[0, 0] = np.inf  # the Trainer's own copy, changed from outside
        trainer.run(1)

    msg = _diverged_message(data_changed)
    assert "this batch's X holds NaN or infinity" in msg and "make a new Trainer" in msg

    def overflow_at_init():
        net = Network.build([2, 3, 1], "relu", "identity", rng=0, scale=1e200)
        train(net, X * 1e200, Y, epochs=1)

    msg = _diverged_message(overflow_at_init)
    assert "first forward pass, before any update" in msg and "scale the inputs" in msg

    def saturating():
        train(Network.build([2, 3, 1], rng=0), X, Y, epochs=3, optimizer=GradientDescent(1e300))

    msg = _diverged_message(saturating)
    assert "threw the weights" in msg and "learning rate 10x smaller" in msg


def test_trainer_keeps_its_own_copy_of_the_data():
    from nnlesson import xor

    X, Y = xor()
    trainer = Trainer(Network.build([2, 3, 1], rng=0), X, Y)
    X[:] = np.nan
    assert np.all(np.isfinite(trainer.X))


def test_load_finds_the_file_save_wrote_and_refuses_huge_files(tmp_path):
    import zipfile

    net = Network.build([2, 3, 1], rng=0)
    net.save(tmp_path / "xor_weights")  # numpy writes xor_weights.npz
    loaded = Network.load(tmp_path / "xor_weights")
    assert np.array_equal(loaded.layers[0].W, net.layers[0].W)
    big = tmp_path / "big.npz"
    with zipfile.ZipFile(big, "w") as archive, archive.open("W1.npy", "w") as fh:
        np.lib.format.write_array_header_1_0(
            fh, {"descr": "<f8", "fortran_order": False, "shape": (16000, 16000)}
        )
    with pytest.raises(ValueError, match="more than 10,000,000 numbers") as err:
        Network.load(big)
    assert "pickle" not in str(err.value)
    (tmp_path / "notes.npz").write_text("not weights")
    with pytest.raises(ValueError, match="not a readable nnlesson weights file") as err:
        Network.load(tmp_path / "notes.npz")
    assert "pickle" not in str(err.value)


def test_gradient_check_passes_a_right_float32_network_and_fails_a_wrong_one():
    from nnlesson import gradient_check, xor

    X, Y = xor()
    for seed in range(5):
        net = Network.build([2, 4, 1], "tanh", rng=seed, dtype=np.float32)
        report = gradient_check(net, X.astype(np.float32), Y.astype(np.float32))
        assert report.passed and report.tolerance == 1e-3, str(report)
    broken = Network.build([2, 4, 1], "tanh", rng=0, dtype=np.float32)
    original = broken.layers[0].backward

    def wrong_backward(grad, *, input_gradient=True):
        out = original(grad, input_gradient=input_gradient)
        broken.layers[0].dL_dW = broken.layers[0].dL_dW * 1.01  # a 1 % error
        return out

    broken.layers[0].backward = wrong_backward
    assert not gradient_check(broken, X, Y).passed
