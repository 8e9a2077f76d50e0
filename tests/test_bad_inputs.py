"""Every mistake a learner is likely to make, and what nnlesson says about it.

One catalogue serves two purposes: each case is a test (the error is raised where the
mistake is made, with a message that names the problem and the fix), and the table in
``docs/bad-inputs.md`` is rendered from it, followed by the generated adversarial catalogue
of ``tests/adversarial.py`` (issue 16) with its counts per class and per function. After changing a message, regenerate the
table with ``python tests/test_bad_inputs.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from adversarial import render_catalogue

import nnlesson as nl
import nnlesson.optimizers as opt
from nnlesson import data
from nnlesson.ensemble import Ensemble
from nnlesson.layers import Dense

DOC = Path(__file__).resolve().parents[1] / "docs" / "bad-inputs.md"
X0 = nl.WORKED_EXAMPLE_INPUTS
P = {"w": np.array([1.0, -2.0]), "b": np.array(0.5)}
G = {"w": np.array([0.3, -0.1]), "b": np.array(2.0)}


def train_xor(**kwargs):
    X, Y = nl.xor()
    args = {"net": nl.Network.build([2, 4, 1]), "X": X, "Y": Y, "epochs": 1} | kwargs
    return nl.train(args.pop("net"), args.pop("X"), args.pop("Y"), **args)


def diverge():
    X, y = data.seed_regression()
    net = nl.Network([Dense(np.zeros((2, 1)), 0.0, "identity", train_bias=False)])
    nl.train(net, X, y.reshape(-1, 1), epochs=2000, optimizer=nl.GradientDescent(1.0))


# (mistake, call, exception, a regex the message must match)
CASES = [
    # shapes
    ("one sample given as a 1-D list", lambda: nl.worked_example_network().forward([0.05, 0.1]), ValueError, r"X must be a 2-D array .*reshape\(1, -1\)"),
    ("inputs do not match the first layer", lambda: nl.worked_example_network().forward(np.ones((1, 3))), ValueError, r"X has 3 features .* first layer expects 2"),
    ("targets do not match the outputs", lambda: nl.worked_example_network().loss_and_gradients(X0, [[0.01]]), ValueError, r"Y has shape \(1, 1\) but the network outputs shape \(1, 2\)"),
    ("X and Y lengths differ", lambda: data.check_dataset(np.ones((3, 2)), np.ones((4, 1))), ValueError, r"X has 3 samples but Y has 4"),
    ("targets as a 1-D array", lambda: data.check_dataset(np.ones((3, 2)), np.ones(3)), ValueError, r"Y.reshape\(-1, 1\)"),
    ("loss of outputs and targets of different shapes", lambda: nl.mse(np.zeros((4, 1)), np.zeros(4)), ValueError, r"shape \(4, 1\).*shape \(4,\).*reshape\(-1, 1\)"),
    ("training data with too many features", lambda: train_xor(X=np.ones((4, 3))), ValueError, r"X has 3 features but the network's first layer expects 2"),
    ("training targets with too many columns", lambda: train_xor(Y=np.ones((4, 2))), ValueError, r"Y has 2 columns but the network has 1 outputs"),
    ("layer sizes that do not chain", lambda: nl.Network([Dense(np.ones((2, 3))), Dense(np.ones((2, 1)))]), ValueError, r"Layer 1 has 3 outputs but layer 2 expects 2 inputs"),
    ("a bias vector of the wrong length", lambda: Dense(np.ones((2, 3)), np.ones(2)), ValueError, r"b must have one entry per unit, shape \(3,\)"),
    ("a weight matrix that is not 2-D", lambda: Dense(np.ones(3)), ValueError, r"W must be a 2-D array"),
    ("a layer-size list that is too short", lambda: nl.Network.build([3]), ValueError, r"at least an input and an output size"),
    ("a layer of size 0", lambda: nl.Network.build([2, 0, 1]), ValueError, r"sizes\[1\] must be >= 1"),
    ("a network with no layers", lambda: nl.Network([]), ValueError, r"at least one layer"),
    ("gradients of the wrong shape", lambda: opt.GradientDescent(0.1).step(P, {"w": G["w"][:1], "b": G["b"]}, opt.GDState()), ValueError, r"grads\['w'\] has shape \(1,\) but params\['w'\] has shape \(2,\)"),
    ("gradients for other parameters", lambda: opt.GradientDescent(0.1).step(P, {"w": G["w"]}, opt.GDState()), KeyError, r"same names"),
    # data values
    ("NaN in the inputs", lambda: data.check_dataset([[1.0, np.nan]], [[1.0]]), ValueError, r"X contains NaN or infinity \(first at index \(0, 1\)"),
    ("infinity in the targets", lambda: data.check_dataset([[1.0]], [[np.inf]]), ValueError, r"Y contains NaN or infinity"),
    ("empty data", lambda: data.check_dataset(np.ones((0, 2)), np.ones((0, 1))), ValueError, r"X is empty"),
    ("strings instead of numbers", lambda: data.check_dataset([["a", "b"]], [[1.0]]), TypeError, r"X must hold numbers"),
    # hyper-parameters
    ("learning rate 0", lambda: opt.GradientDescent(0), ValueError, r"lr must be > 0; got 0"),
    ("negative learning rate", lambda: opt.GradientDescent(-0.1), ValueError, r"lr must be > 0; got -0.1"),
    ("learning rate NaN", lambda: opt.GradientDescent(float("nan")), ValueError, r"lr must be a finite number"),
    ("learning rate as a string", lambda: opt.GradientDescent("0.1"), TypeError, r"lr must be a number; got '0.1'"),
    ("momentum beta of 1", lambda: opt.Momentum(0.1, beta=1.0), ValueError, r"beta must lie in \[0, 1\)"),
    ("Adam beta2 above 1", lambda: opt.Adam(beta2=1.5), ValueError, r"beta2 must lie in \[0, 1\)"),
    ("Adam epsilon 0", lambda: opt.Adam(eps=0), ValueError, r"eps must be > 0"),
    ("a schedule that never steps", lambda: opt.step_decay(0.1, every=0), ValueError, r"every must be >= 1; got 0"),
    ("batch size 0", lambda: train_xor(batch_size=0), ValueError, r"batch_size must be >= 1; got 0"),
    ("negative batch size", lambda: data.batches_per_epoch(100, -5), ValueError, r"batch_size must be >= 1; got -5"),
    ("batch size larger than the data", lambda: train_xor(batch_size=5), ValueError, r"batch_size \(5\) is larger than the data set \(4 samples\)"),
    ("a fractional batch size", lambda: data.batches_per_epoch(100, 2.5), TypeError, r"batch_size must be a whole number"),
    ("negative epochs", lambda: train_xor(epochs=-1), ValueError, r"epochs must be >= 0; got -1"),
    ("negative L2 strength", lambda: train_xor(l2=-0.1), ValueError, r"l2 must be >= 0; got -0.1"),
    ("a test fraction of 1", lambda: data.train_test_split(np.ones((4, 1)), np.ones((4, 1)), 1.0, rng=np.random.default_rng(0)), ValueError, r"test_fraction must lie in \(0, 1\)"),
    ("min-max bounds the wrong way round", lambda: data.minmax_scale(np.ones((2, 2)), 1, -1), ValueError, r"low must be smaller than high"),
    ("shuffling without a generator", lambda: data.batch_indices(10, 2, shuffle=True), ValueError, r"needs a random generator"),
    ("a random seed that is not a seed", lambda: nl.Network.build([2, 1], rng=1.5), TypeError, r"rng must be a numpy.random.Generator, a seed"),
    # names
    ("a misspelt activation", lambda: nl.get_activation("sigmod"), ValueError, r"Unknown activation 'sigmod'. Valid choices: identity, relu, sigmoid, softmax, step, tanh"),
    ("an unknown loss", lambda: train_xor(loss="hinge"), ValueError, r"Unknown loss 'hinge'. Valid choices: binary_cross_entropy, cross_entropy, half_mse, half_sse, mse"),
    ("an unknown optimizer", lambda: train_xor(optimizer="sgd"), ValueError, r"Unknown optimizer 'sgd'. Valid choices: adagrad, adam, gd, momentum, rmsprop"),
    ("an unknown initialisation", lambda: nl.Network.build([2, 1], init="glorot"), ValueError, r"Unknown init 'glorot'. Valid choices: xavier, he"),
    ("an unknown divergence policy", lambda: train_xor(on_nonfinite="ignore"), ValueError, r"Valid choices: continue, raise, stop"),
    ("a weight name that does not exist", lambda: nl.worked_example_network().weight("w9"), KeyError, r"this network has weights w1 ... w8"),
    ("a parameter name that does not exist", lambda: nl.worked_example_network().set_parameters({"W3": 1}), KeyError, r"Valid names: W1, b1, W2, b2"),
    ("something that is not a network", lambda: train_xor(net="2-4-1"), TypeError, r"net must be an nnlesson Network"),
    # order of calls and training
    ("gradients asked for before backward", lambda: nl.worked_example_network().gradients(), RuntimeError, r"No gradients yet: call backward\(\)"),
    ("a learning rate so large the loss overflows", diverge, nl.TrainingDiverged, r"at epoch \d+, iteration \d+.*try a learning rate 10x smaller"),
    # ensembles
    ("an ensemble of 0 networks", lambda: Ensemble.random([2, 1], 0), ValueError, r"k must be >= 1"),
    ("ensemble weights with different K", lambda: Ensemble([np.ones((2, 2, 2))], [np.ones((3, 2))], ["sigmoid"]), ValueError, r"same K = 2"),
    ("ensemble data of the wrong width", lambda: Ensemble.random([3, 1], 2).train(*nl.xor(), epochs=1, lr=1), ValueError, r"X must be \(n, 3\)"),
    # classifiers (lesson 12)
    ("cross-entropy on a sigmoid output layer", lambda: train_xor(loss="cross_entropy"), ValueError, r"made for a softmax output layer; this network's output layer uses 'sigmoid'"),
    ("cross-entropy targets that are not one-hot", lambda: nl.Network.build([2, 2], output_activation="softmax").loss_and_gradients(np.ones((1, 2)), [[0.5, 0.5]], "cross_entropy"), ValueError, r"one-hot targets"),
    ("binary cross-entropy targets that are not 0/1", lambda: train_xor(loss="binary_cross_entropy", Y=np.full((4, 1), 0.3)), ValueError, r"targets Y of 0s and 1s"),
    ("probabilities outside [0, 1]", lambda: nl.cross_entropy([[1.5, -0.5]], [[1.0, 0.0]]), ValueError, r"probabilities in \[0, 1\]"),
    ("a label out of range", lambda: nl.one_hot([0, 10], 10), ValueError, r"labels must be >= 0 and < 10; found 0 .. 10"),
]  # fmt: skip


@pytest.mark.parametrize(("mistake", "call", "error", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_mistake_gets_a_message_that_names_it(mistake, call, error, pattern):
    with pytest.raises(error, match=pattern):
        call()


def test_integer_weights_become_floats_so_in_place_updates_work():
    # article 003's trap: theta = np.array([0, 0]) is an integer array
    layer = Dense(np.array([[0], [0]]), 0, "identity")
    assert layer.W.dtype == np.float64 and layer.b.dtype == np.float64
    X, y = data.seed_regression()
    nl.train(nl.Network([layer]), X, y.reshape(-1, 1), epochs=3, loss="half_mse")
    assert np.all(layer.W != 0)  # an integer array would have stayed at 0


def render_table() -> str:
    rows = [
        "# Bad inputs and what nnlesson says",
        "",
        "Generated from `tests/test_bad_inputs.py` (`python tests/test_bad_inputs.py`); "
        "a test fails when this table and the messages drift apart.",
        "",
        "| # | the mistake | raises | the message |",
        "|---|---|---|---|",
    ]
    for k, (mistake, call, error, _pattern) in enumerate(CASES, start=1):
        try:
            call()
        except error as exc:
            message = str(exc).strip("'\"").replace("|", "\\|").replace("\n", " ")
        rows.append(f"| {k} | {mistake} | `{error.__name__}` | {message} |")
    rows += ["", *render_catalogue()]
    return "\n".join(rows) + "\n"


def test_docs_table_is_current():
    assert DOC.read_text(encoding="utf-8") == render_table(), (
        "docs/bad-inputs.md is stale: run `python tests/test_bad_inputs.py`"
    )


if __name__ == "__main__":
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render_table(), encoding="utf-8")
    print(f"wrote {DOC} ({len(CASES)} cases)", file=sys.stderr)
