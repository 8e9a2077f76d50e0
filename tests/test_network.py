import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nnlesson as nl
from nnlesson.gradcheck import gradient_check, network_numerical_gradients, relative_error
from nnlesson.layers import Dense

X0, T0 = nl.WORKED_EXAMPLE_INPUTS, nl.WORKED_EXAMPLE_TARGETS


@pytest.mark.lesson01
def test_worked_example_forward_pass_to_nine_digits():
    net = nl.worked_example_network()
    out = net.forward(X0)
    h = net.layers[0]
    assert h.Z[0, 0] == pytest.approx(0.3775, abs=1e-12)
    np.testing.assert_allclose(h.A[0], [0.593269992, 0.596884378], atol=5e-10)
    np.testing.assert_allclose(net.layers[1].Z[0, 0], 1.105905967, atol=5e-10)
    np.testing.assert_allclose(out[0], [0.75136507, 0.772928465], atol=5e-9)


@pytest.mark.lesson03
def test_worked_example_named_weights_and_gradients():
    net = nl.worked_example_network()
    assert net.named_weights() == {
        "w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30,
        "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55,
    }  # fmt: skip
    assert net.weight_position("w2") == ("W1", (1, 0))  # i2 -> h1
    assert net.weight_position("w7") == ("W2", (0, 1))  # h1 -> o2
    E, _ = net.loss_and_gradients(X0, T0, "half_sse")
    assert E == pytest.approx(0.298371109, abs=5e-10)
    g = net.named_gradients()
    assert g["w5"] == pytest.approx(0.082167041, abs=5e-10)
    assert g["w1"] == pytest.approx(0.000438568, abs=5e-10)


@pytest.mark.lesson03
def test_one_update_gives_the_published_weights():
    net = nl.worked_example_network()
    nl.train(net, X0, T0, epochs=1, loss="half_sse", optimizer=nl.GradientDescent(0.5))
    published = {
        "w1": 0.149780716, "w2": 0.19956143, "w3": 0.24975114, "w4": 0.29950229,
        "w5": 0.35891648, "w6": 0.408666186, "w7": 0.511301270, "w8": 0.561370121,
    }  # fmt: skip
    for name, value in published.items():
        assert net.weight(name) == pytest.approx(value, abs=6e-9), name


@pytest.mark.lesson03
def test_frozen_biases_are_not_parameters_and_shared_bias_gradient_is_the_sum():
    net = nl.worked_example_network()
    assert sorted(net.parameters()) == ["W1", "W2"]
    net.loss_and_gradients(X0, T0, "half_sse")
    assert net.gradient("b2") == pytest.approx(float(net.layers[1].dL_db.sum()))
    trainable = nl.worked_example_network(train_bias=True)
    assert sorted(trainable.parameters()) == ["W1", "W2", "b1", "b2"]


@pytest.mark.lesson04
def test_set_weight_does_not_alias_old_arrays():
    net = nl.worked_example_network()
    before = net.parameters()["W2"]
    net.set_weight("w5", 1.0)
    assert before[0, 0] == 0.40 and net.weight("w5") == 1.0
    copy = net.copy()
    copy.set_weight("w1", 9.0)
    assert net.weight("w1") == 0.15


@pytest.mark.lesson04
@settings(max_examples=200, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 5), min_size=2, max_size=5),
    batch=st.integers(1, 6),
    hidden=st.sampled_from(["sigmoid", "tanh", "identity"]),
    output=st.sampled_from(["sigmoid", "tanh", "identity"]),
    loss=st.sampled_from(["mse", "half_sse"]),
    seed=st.integers(0, 2**32 - 1),
)
def test_backprop_equals_finite_differences(sizes, batch, hidden, output, loss, seed):
    rng = np.random.default_rng(seed)
    net = nl.Network.build(sizes, hidden, output, init="normal", rng=rng)
    for layer in net.layers:  # non-zero biases too: zeros can hide mistakes
        layer.b = rng.normal(size=layer.b.shape)
    X = rng.normal(size=(batch, sizes[0]))
    Y = rng.normal(size=(batch, sizes[-1]))
    report = gradient_check(net, X, Y, loss)
    assert report.passed, str(report)


@pytest.mark.lesson04
def test_relu_network_gradient_check(rng):
    net = nl.Network.build([3, 6, 2], "relu", "identity", init="he", rng=rng)
    X, Y = rng.normal(size=(7, 3)), rng.normal(size=(7, 2))
    assert gradient_check(net, X, Y).passed


@pytest.mark.lesson04
def test_gradient_check_catches_a_wrong_backward(rng, monkeypatch):
    net = nl.Network.build([2, 3, 1], "sigmoid", rng=rng)
    X, Y = rng.normal(size=(4, 2)), rng.normal(size=(4, 1))
    original = Dense.backward

    def wrong_sign(self, dL_dA, **kwargs):
        dX = original(self, dL_dA, **kwargs)
        self.dL_dW = -self.dL_dW
        return dX

    monkeypatch.setattr(Dense, "backward", wrong_sign)
    report = gradient_check(net, X, Y)
    assert not report.passed
    assert report.errors["W1"] == pytest.approx(1.0)
    assert "FAILED" in str(report)


@pytest.mark.lesson04
def test_batch_gradient_is_sum_of_per_sample_gradients(rng):
    net = nl.Network.build([3, 4, 2], "tanh", "sigmoid", rng=rng)
    X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
    _, g = net.loss_and_gradients(X, Y, "half_sse")
    g = {k: v.copy() for k, v in g.items()}
    total = {k: np.zeros_like(v) for k, v in g.items()}
    for k in range(len(X)):
        _, gk = net.loss_and_gradients(X[k : k + 1], Y[k : k + 1], "half_sse")
        for name in total:
            total[name] += gk[name]
    for name in g:
        np.testing.assert_allclose(g[name], total[name], rtol=1e-12, atol=1e-15)


@pytest.mark.lesson04
def test_numerical_gradients_leave_the_network_unchanged(rng):
    net = nl.Network.build([2, 2, 1], rng=rng)
    before = {k: v.copy() for k, v in net.parameters().items()}
    network_numerical_gradients(net, rng.normal(size=(3, 2)), rng.normal(size=(3, 1)))
    for k, v in net.parameters().items():
        np.testing.assert_array_equal(v, before[k])
    assert relative_error(1.0, 1.0) == 0.0


@pytest.mark.lesson04
def test_weight_matrix_shapes_follow_layer_sizes():
    net = nl.Network.build([3, 5, 4, 2])
    assert [layer.W.shape for layer in net.layers] == [(3, 5), (5, 4), (4, 2)]
    assert net.sizes == [3, 5, 4, 2]
    assert len(net.named_weights()) == 3 * 5 + 5 * 4 + 4 * 2
