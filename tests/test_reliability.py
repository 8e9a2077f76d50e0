"""Determinism, saving and loading, and no global random state (issue: reliability)."""

import ast
from pathlib import Path

import numpy as np
import pytest

import nnlesson as nl

PACKAGE = Path(nl.__file__).parent


def test_the_package_never_uses_numpys_global_random_state():
    allowed = {"default_rng", "Generator"}
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "random"
            ):
                assert node.attr in allowed, f"{path.name}:{node.lineno}: np.random.{node.attr}"


def test_same_seed_same_bits_and_none_means_seed_zero():
    a = nl.Network.build([3, 4, 2], rng=9).layers[0].W
    b = nl.Network.build([3, 4, 2], rng=np.random.default_rng(9)).layers[0].W
    assert np.array_equal(a, b)
    assert np.array_equal(
        nl.Network.build([2, 2]).layers[0].W, nl.Network.build([2, 2], rng=0).layers[0].W
    )
    np.random.seed(123)  # noqa: NPY002 - the global state is ignored
    c = nl.Network.build([3, 4, 2], rng=9).layers[0].W
    assert np.array_equal(a, c)


@pytest.mark.parametrize("rng", [-1, 1.5, "seed", True])
def test_bad_rng_is_named(rng):
    with pytest.raises(TypeError, match=r"rng must be a numpy.random.Generator, a seed"):
        nl.Network.build([2, 1], rng=rng)


def test_save_and_load_round_trip(tmp_path):
    net = nl.Network.build([2, 3, 1], "tanh", "sigmoid", rng=1)
    net.layers[1].train_bias = False
    net.save(tmp_path / "w.npz")
    back = nl.Network.load(tmp_path / "w.npz")
    X = np.random.default_rng(0).normal(size=(5, 2))
    np.testing.assert_array_equal(back.forward(X), net.forward(X))
    assert [layer.activation.name for layer in back.layers] == ["tanh", "sigmoid"]
    assert sorted(back.parameters()) == ["W1", "W2", "b1"]


def test_load_errors_are_clear_and_nothing_is_unpickled(tmp_path):
    with pytest.raises(FileNotFoundError, match="No weights file at"):
        nl.Network.load(tmp_path / "missing.npz")
    net = nl.Network.build([2, 2, 1], rng=0)
    net.save(tmp_path / "w.npz")
    data = (tmp_path / "w.npz").read_bytes()
    (tmp_path / "cut.npz").write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="not a readable nnlesson weights file"):
        nl.Network.load(tmp_path / "cut.npz")
    (tmp_path / "text.npz").write_text("hello")
    with pytest.raises(ValueError, match="not a readable nnlesson weights file"):
        nl.Network.load(tmp_path / "text.npz")
    np.savez(tmp_path / "other.npz", W1=np.ones((2, 2)))
    with pytest.raises(ValueError, match="was not written by Network.save"):
        nl.Network.load(tmp_path / "other.npz")
    np.savez(
        tmp_path / "evil.npz",
        format=np.array("nnlesson-network-v1"),
        activations=np.array([object()], dtype=object),
    )
    with pytest.raises(ValueError, match="not numbers: nnlesson never reads Python objects") as err:
        nl.Network.load(tmp_path / "evil.npz")
    assert "pickle" not in str(err.value)
    np.savez(
        tmp_path / "partial.npz",
        format=np.array("nnlesson-network-v1"),
        activations=np.array(["sigmoid", "sigmoid"]),
        train_bias=np.array([True, True]),
        W1=np.ones((2, 2)),
        b1=np.ones(2),
    )
    with pytest.raises(ValueError, match="incomplete: missing W2, b2"):
        nl.Network.load(tmp_path / "partial.npz")
