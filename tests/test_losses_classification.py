"""Softmax, cross-entropy and binary cross-entropy; the digits data (lesson 12)."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import nnlesson as nl
from nnlesson import activations as act
from nnlesson import data, losses
from nnlesson.ensemble import Ensemble
from nnlesson.gradcheck import gradient_check, numerical_gradient

pytestmark = pytest.mark.lesson12


# --------------------------------------------------------------------- softmax
def test_softmax_rows_are_probabilities_and_shift_invariant(rng):
    Z = rng.normal(size=(6, 4)) * 3
    A = act.softmax(Z)
    np.testing.assert_allclose(A.sum(axis=1), 1.0, rtol=1e-15)
    assert np.all(A > 0)
    np.testing.assert_allclose(act.softmax(Z + 123.0), A, rtol=1e-12)
    naive = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(A, naive, rtol=1e-13)


def test_softmax_jacobian_product_matches_the_full_jacobian(rng):
    for _ in range(5):
        z = rng.normal(size=5) * 2
        a = act.softmax(z)
        J = np.diag(a) - np.outer(a, a)  # da_k/dz_j = a_k (1[k=j] - a_j)
        numeric = np.column_stack(
            [numerical_gradient(lambda v, k=k: float(act.softmax(v)[k]), z) for k in range(5)]
        ).T
        np.testing.assert_allclose(J, numeric, rtol=1e-7, atol=1e-10)
        g = rng.normal(size=5)
        np.testing.assert_allclose(act.softmax_delta(g, a), J.T @ g, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(act.SOFTMAX.delta(g, z), J.T @ g, rtol=1e-12, atol=1e-15)


def test_softmax_is_usable_by_name_and_has_no_elementwise_derivative():
    assert nl.get_activation("softmax") is act.SOFTMAX
    assert "softmax" not in act.ACTIVATIONS  # lesson 01 lists the element-wise ones
    with pytest.raises(ValueError, match="no element-wise derivative.*Jacobian"):
        act.SOFTMAX.df(np.zeros(3))
    net = nl.Network.build([3, 4, 2], "tanh", output_activation="softmax", rng=0)
    assert net.layers[-1].activation.name == "softmax"
    assert nl.Dense(np.ones((2, 3)), 0.0, "softmax").activation is act.SOFTMAX


# ------------------------------------------------------- stability at z = ±1000
@pytest.mark.parametrize("z", [1000.0, -1000.0])
def test_saturated_outputs_give_no_nan_inf_or_warning(z):
    Z = np.array([[z, 0.0, -z], [0.0, z, 0.0]])
    Y = np.array([[0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        A = act.softmax(Z)
        ce = losses.softmax_cross_entropy(Z, Y)
        ce_p = losses.cross_entropy(A, Y)
        g = losses.cross_entropy_gradient(A, Y)
        bce = losses.sigmoid_binary_cross_entropy(Z, (Z > 0).astype(float))
        bce_wrong = losses.sigmoid_binary_cross_entropy(Z, (Z < 0).astype(float))
        bce_p = losses.binary_cross_entropy(act.sigmoid(Z), (Z < 0).astype(float))
        bce_g = losses.binary_cross_entropy_gradient(act.sigmoid(Z), (Z < 0).astype(float))
        delta = act.softmax_delta(g, A)
    for v in (A, ce, ce_p, g, bce, bce_wrong, bce_p, bce_g, delta):
        assert np.all(np.isfinite(v))
    # z = 1000: row 1 gives its right class z = -1000 against a largest z of +1000, loss 2000;
    # row 2 is right and saturated, loss 0. z = -1000: row 2 has two equal largest z = 0.
    expected = 1000.0 if z > 0 else (1000.0 + np.log(2.0)) / 2
    assert ce == pytest.approx(expected, rel=1e-12)
    # binary: the three entries z = 0 cost log 2 each; the three at |z| = 1000 cost 0 or 1000
    assert bce == pytest.approx(3 * np.log(2.0) / 2, rel=1e-12)
    assert bce_wrong == pytest.approx((3000.0 + 3 * np.log(2.0)) / 2, rel=1e-12)


def test_network_trains_from_saturated_outputs_without_warnings():
    net = nl.Network([nl.Dense(np.array([[1000.0, -1000.0]]), 0.0, "softmax")])
    X, Y = np.array([[1.0]]), np.array([[0.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value, grads = net.loss_and_gradients(X, Y, "cross_entropy")
    assert value == pytest.approx(2000.0)
    np.testing.assert_allclose(grads["W1"], [[1.0, -1.0]])  # (y_hat - y)/n, saturated: ±1


# ------------------------------------------------------------- values by hand
def test_cross_entropy_is_minus_log_of_the_right_probability():
    P = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    Y = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    assert losses.cross_entropy(P, Y) == pytest.approx(-(np.log(0.7) + np.log(0.8)) / 2)
    Z = np.log(P)  # softmax(log P) = P
    assert losses.softmax_cross_entropy(Z, Y) == pytest.approx(losses.cross_entropy(P, Y))


def test_binary_cross_entropy_sums_outputs_and_averages_samples():
    P = np.array([[0.9, 0.2], [0.4, 0.6], [0.5, 0.5]])
    Y = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
    terms = -(Y * np.log(P) + (1 - Y) * np.log(1 - P))
    assert losses.binary_cross_entropy(P, Y) == pytest.approx(terms.sum() / 3, rel=1e-14)
    # PyTorch's BCELoss is the mean over all 6 entries: this value / 2 outputs
    assert losses.binary_cross_entropy(P, Y) / 2 == pytest.approx(terms.mean(), rel=1e-14)
    Z = np.log(P / (1 - P))
    assert losses.sigmoid_binary_cross_entropy(Z, Y) == pytest.approx(terms.sum() / 3)


@pytest.mark.parametrize("name", ["cross_entropy", "binary_cross_entropy"])
def test_probability_gradients_match_finite_differences(name, rng):
    loss = losses.get_loss(name)
    for _ in range(5):
        P = rng.uniform(0.05, 0.95, size=(4, 3))
        if name == "cross_entropy":
            P = P / P.sum(axis=1, keepdims=True)
            Y = data.one_hot(rng.integers(0, 3, 4), 3)
        else:
            Y = (rng.random((4, 3)) < 0.5).astype(float)
        numeric = numerical_gradient(lambda v, Y=Y: loss.value(v, Y), P)
        np.testing.assert_allclose(loss.gradient(P, Y), numeric, rtol=1e-6, atol=1e-9)


def test_combined_delta_equals_the_chain_rule_through_the_activation(rng):
    for _ in range(5):
        Z = rng.normal(size=(5, 4)) * 3
        Y = data.one_hot(rng.integers(0, 4, 5), 4)
        A = act.softmax(Z)
        chain = act.softmax_delta(losses.cross_entropy_gradient(A, Y), A)
        np.testing.assert_allclose(chain, (A - Y) / 5, rtol=1e-9, atol=1e-15)
        numeric = numerical_gradient(lambda v, Y=Y: losses.softmax_cross_entropy(v, Y), Z)
        np.testing.assert_allclose((A - Y) / 5, numeric, rtol=1e-6, atol=1e-8)
        Yb = (rng.random((5, 4)) < 0.5).astype(float)
        S = act.sigmoid(Z)
        chain = losses.binary_cross_entropy_gradient(S, Yb) * S * (1 - S)
        np.testing.assert_allclose(chain, (S - Yb) / 5, rtol=1e-9, atol=1e-15)


# -------------------------------------------- property: random networks, FD check
@pytest.mark.parametrize(
    ("loss", "out_act"),
    [("cross_entropy", "softmax"), ("binary_cross_entropy", "sigmoid"), ("mse", "softmax")],
)
def test_network_gradients_agree_with_finite_differences(loss, out_act):
    rng = np.random.default_rng(2024)
    for trial in range(8):
        sizes = [int(rng.integers(1, 5)) for _ in range(int(rng.integers(2, 4)))] + [
            int(rng.integers(2, 5))
        ]
        hidden = ["sigmoid", "tanh"][trial % 2]  # smooth: finite differences never straddle a kink
        net = nl.Network.build(sizes, hidden, out_act, init="normal", rng=rng)
        n = int(rng.integers(1, 7))
        X = rng.normal(size=(n, sizes[0]))
        if loss == "binary_cross_entropy":
            Y = (rng.random((n, sizes[-1])) < 0.5).astype(float)
        else:
            Y = data.one_hot(rng.integers(0, sizes[-1], n), sizes[-1])
        report = gradient_check(net, X, Y, loss, tolerance=1e-6)
        assert report.passed, f"trial {trial}, sizes {sizes}, {hidden}:\n{report}"


# ------------------------------------------------------------- where a loss is
def test_train_and_trainer_accept_the_new_losses():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(40, 2))
    labels = (X[:, 0] + X[:, 1] > 0).astype(int)
    net = nl.Network.build([2, 5, 2], "tanh", "softmax", rng=1)
    h = nl.train(
        net,
        X,
        data.one_hot(labels, 2),
        epochs=40,
        loss="cross_entropy",
        optimizer=nl.Adam(0.05),
        batch_size=8,
        rng=2,
    )
    assert h.epoch_loss[-1] < 0.3 * h.epoch_loss[0]
    assert data.accuracy(net, X, labels) >= 0.95
    net1 = nl.Network.build([2, 5, 1], "tanh", "sigmoid", rng=1)
    h1 = nl.train(
        net1,
        X,
        labels.reshape(-1, 1).astype(float),
        epochs=40,
        loss="binary_cross_entropy",
        optimizer=nl.Adam(0.05),
        batch_size=8,
        rng=2,
    )
    assert h1.epoch_loss[-1] < 0.3 * h1.epoch_loss[0]
    assert data.accuracy(net1, X, labels) >= 0.95


def test_full_batch_training_with_cross_entropy_is_gradient_descent_on_it():
    rng = np.random.default_rng(3)
    X, Y = rng.normal(size=(6, 3)), data.one_hot(rng.integers(0, 3, 6), 3)
    net = nl.Network.build([3, 4, 3], "sigmoid", "softmax", rng=4)
    by_hand = net.copy()
    nl.train(net, X, Y, epochs=3, loss="cross_entropy", optimizer=nl.GradientDescent(0.5))
    for _ in range(3):
        _, grads = by_hand.loss_and_gradients(X, Y, "cross_entropy")
        by_hand.set_parameters({k: v - 0.5 * grads[k] for k, v in by_hand.parameters().items()})
    for k, v in net.parameters().items():
        np.testing.assert_allclose(v, by_hand.parameters()[k], rtol=1e-13)


def test_wrong_output_activation_and_targets_are_named():
    net = nl.Network.build([2, 3], "sigmoid", rng=0)
    X = np.zeros((2, 2))
    Y = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    with pytest.raises(
        ValueError,
        match="made for a softmax output layer.*'sigmoid'.*"
        "output_activation='softmax'.*binary_cross_entropy",
    ):
        net.loss_and_gradients(X, Y, "cross_entropy")
    with pytest.raises(ValueError, match="made for a softmax output layer"):
        nl.Trainer(net, X, Y, loss="cross_entropy")
    soft = nl.Network.build([2, 3], "sigmoid", "softmax", rng=0)
    with pytest.raises(ValueError, match="one-hot targets.*one_hot"):
        soft.loss_and_gradients(X, np.full((2, 3), 1 / 3), "cross_entropy")
    with pytest.raises(ValueError, match="one-hot targets"):
        nl.train(soft, X, np.array([[1.0, 1, 0], [0, 1, 0]]), epochs=1, loss="cross_entropy")
    with pytest.raises(ValueError, match="targets Y of 0s and 1s; found"):
        net.loss_and_gradients(X, np.full((2, 3), 0.3), "binary_cross_entropy")
    with pytest.raises(ValueError, match=r"probabilities in \[0, 1\].*from -0.5"):
        losses.cross_entropy(np.array([[-0.5, 1.5]]), np.array([[0.0, 1.0]]))
    with pytest.raises(ValueError, match=r"probabilities in \[0, 1\]"):
        losses.binary_cross_entropy(np.array([[1.2]]), np.array([[1.0]]))


def test_ensemble_says_it_cannot_train_with_cross_entropy():
    ens = Ensemble.random([2, 2], 3, "sigmoid", rng=0)
    X, Y = np.zeros((2, 2)), np.eye(2)
    with pytest.raises(ValueError, match="supports the losses mse.*nnlesson.train"):
        ens.train(X, Y, epochs=1, lr=0.1, loss="binary_cross_entropy")
    soft = Ensemble.random([2, 2], 3, "sigmoid", "softmax", rng=0)
    assert soft.forward(X).shape == (3, 2, 2)
    with pytest.raises(ValueError, match="element-wise activations only, not softmax"):
        soft.train(X, Y, epochs=1, lr=0.1)


# --------------------------------------------------------------------- the data
def test_digits_are_1797_images_in_0_1_with_labels_0_to_9():
    X, labels = data.digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64
    assert X.min() == 0.0 and X.max() == 1.0
    assert labels.shape == (1797,) and set(labels.tolist()) == set(range(10))


def test_digits_without_scikit_learn_says_how_to_install(monkeypatch):
    import importlib.util
    import sys

    monkeypatch.setitem(sys.modules, "sklearn.datasets", None)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)  # not installed
    with pytest.raises(ImportError, match=r"needs scikit-learn.*pip install 'scikit-learn>=1.2'"):
        data.digits()


def test_one_hot_and_its_errors():
    np.testing.assert_array_equal(data.one_hot([2, 0], 3), [[0, 0, 1], [1, 0, 0]])
    np.testing.assert_array_equal(data.one_hot(np.array([1.0, 0.0]), 2), [[0, 1], [1, 0]])
    with pytest.raises(ValueError, match=r"labels must be >= 0 and < 3; found 0 .. 3"):
        data.one_hot([0, 3], 3)
    with pytest.raises(ValueError, match=r"labels must be >= 0"):
        data.one_hot([-1, 0], 3)
    with pytest.raises(TypeError, match="whole numbers"):
        data.one_hot([0.5, 1], 3)
    with pytest.raises(ValueError, match="1-D array"):
        data.one_hot(np.eye(3), 3)


def test_accuracy_counts_argmax_or_threshold():
    net = nl.Network([nl.Dense(np.eye(2), 0.0, "identity")])
    X = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 3.0], [5.0, 1.0]])
    assert data.accuracy(net, X, [0, 1, 0, 0]) == 0.75
    one = nl.Network([nl.Dense(np.array([[1.0]]), 0.0, "sigmoid")])
    assert data.accuracy(one, np.array([[2.0], [-2.0]]), [1, 1]) == 0.5
    with pytest.raises(ValueError, match="X has 4 rows but labels has 3"):
        data.accuracy(net, X, [0, 1, 0])


def test_stratified_split_keeps_class_proportions_and_is_repeatable():
    X, labels = data.digits()
    parts = data.stratified_split(X, labels, 0.2, 0.2, rng=7)
    again = data.stratified_split(X, labels, 0.2, 0.2, rng=np.random.default_rng(7))
    for a, b in zip(parts, again):
        np.testing.assert_array_equal(a, b)
    Xtr, ytr, Xva, yva, Xte, yte = parts
    assert len(ytr) + len(yva) + len(yte) == 1797
    for c in range(10):
        n_c = int(np.sum(labels == c))
        assert np.sum(yte == c) == round(0.2 * n_c) and np.sum(yva == c) == round(0.2 * n_c)
    rows = {r.tobytes() for r in Xte}
    assert not rows & {r.tobytes() for r in Xtr[:0]}  # disjoint index sets
    idx = [set(map(tuple, np.argwhere(np.isin(labels, y)))) for y in (ytr,)]
    assert idx
    with pytest.raises(ValueError, match="must be < 1"):
        data.stratified_split(X, labels, 0.5, 0.5)
    with pytest.raises(ValueError, match="X has 1797 rows but labels has 3"):
        data.stratified_split(X, labels[:3])


def test_digits_are_scikit_learns_digits_without_importing_it():
    from sklearn.datasets import load_digits

    from nnlesson.data import digits

    X, labels = digits()
    bunch = load_digits()
    assert X.shape == (1797, 64) and X.dtype == np.float64 and labels.dtype == np.int64
    assert np.array_equal(X, bunch.data / 16.0) and np.array_equal(labels, bunch.target)
