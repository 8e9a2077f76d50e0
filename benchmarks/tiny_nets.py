"""Section 1: a tiny net, where Python's overhead per step decides the speed.

XOR, 2-4-1 sigmoid, full batch, 10,000 epochs of gradient descent, float64, three ways:

* ``nnlesson``: ``nnlesson.train`` with ``GradientDescent``;
* ``bare numpy``: the same math written out as one loop of numpy calls, as a learner
  would write it without the package (recording the loss every epoch too, as the
  package's history does);
* ``PyTorch``: ``nn.Sequential`` of ``nn.Linear`` and ``nn.Sigmoid``, ``optim.SGD``.

All three start from the same weights. nnlesson and the bare loop must end on the same
weights to 1e-12, or the comparison is not of the same work.
"""

from __future__ import annotations

from functools import partial
from types import ModuleType

import numpy as np
from timing import Case, Goal, no_setup, race, seconds, table

import nnlesson as nl

EPOCHS = 10_000
LR = 0.5
SIZES = [2, 4, 1]

Weights = list[np.ndarray]  # [W1, b1, W2, b2]


def initial_weights() -> Weights:
    net = nl.Network.build(SIZES, "sigmoid", rng=0)
    return [a.copy() for layer in net.layers for a in (layer.W, layer.b)]


def train_nnlesson(start: Weights) -> Weights:
    X, Y = nl.xor()
    W1, b1, W2, b2 = start
    net = nl.Network([nl.Dense(W1, b1, "sigmoid"), nl.Dense(W2, b2, "sigmoid")])
    nl.train(net, X, Y, epochs=EPOCHS, optimizer=nl.GradientDescent(LR))
    return [a for layer in net.layers for a in (layer.W, layer.b)]


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * np.tanh(0.5 * z) + 0.5  # the formula nnlesson uses, so the bits can agree


def train_bare(start: Weights) -> Weights:
    X, Y = nl.xor()
    W1, b1, W2, b2 = (a.copy() for a in start)
    n = len(X)
    losses = []
    for _ in range(EPOCHS):
        A1 = sigmoid(X @ W1 + b1)
        A2 = sigmoid(A1 @ W2 + b2)
        error = A2 - Y
        losses.append(float(np.sum(error * error) / n))  # MSE, mean over samples
        delta2 = (2.0 / n) * error * (A2 * (1.0 - A2))
        delta1 = (delta2 @ W2.T) * (A1 * (1.0 - A1))
        W2 = W2 - LR * (A1.T @ delta2)
        b2 = b2 - LR * delta2.sum(axis=0)
        W1 = W1 - LR * (X.T @ delta1)
        b1 = b1 - LR * delta1.sum(axis=0)
    return [W1, b1, W2, b2]


def train_torch(torch: ModuleType, start: Weights) -> Weights:
    X, Y = (torch.from_numpy(a) for a in nl.xor())
    W1, b1, W2, b2 = start
    model = torch.nn.Sequential(
        torch.nn.Linear(2, 4), torch.nn.Sigmoid(), torch.nn.Linear(4, 1), torch.nn.Sigmoid()
    ).double()
    with torch.no_grad():  # torch keeps W as (out, in): the transpose of ours
        for layer, W, b in ((model[0], W1, b1), (model[2], W2, b2)):
            layer.weight.copy_(torch.from_numpy(W.T))
            layer.bias.copy_(torch.from_numpy(b))
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    n = len(X)
    losses = []
    for _ in range(EPOCHS):
        opt.zero_grad()
        loss = ((model(X) - Y) ** 2).sum() / n
        loss.backward()
        opt.step()
        losses.append(loss.item())
    weights = [model[0].weight.T, model[0].bias, model[2].weight.T, model[2].bias]
    return [w.detach().numpy().copy() for w in weights]


def max_difference(a: Weights, b: Weights) -> float:
    return max(float(np.max(np.abs(x - y))) for x, y in zip(a, b))


def run(torch: ModuleType | None, rounds: int) -> list[Goal]:
    print(
        f"1. Tiny net: XOR {'-'.join(map(str, SIZES))} sigmoid, full batch, {EPOCHS:,} epochs "
        f"of gradient descent (lr {LR}), float64"
    )
    start = initial_weights()
    finals = {"nnlesson": train_nnlesson(start), "bare numpy": train_bare(start)}
    cases: dict[str, Case] = {  # building the nets from `start` takes well under 1 ms
        "nnlesson": no_setup(partial(train_nnlesson, start)),
        "bare numpy": no_setup(partial(train_bare, start)),
    }
    if torch is not None:
        finals["PyTorch"] = train_torch(torch, start)
        cases["PyTorch"] = no_setup(partial(train_torch, torch, start))
    result = race(cases, rounds)
    rows = []
    for name in cases:
        t = result.median(name)
        diff = max_difference(finals[name], finals["nnlesson"])
        rows.append([name, seconds(t), seconds(t / EPOCHS), f"{diff:.1e}"])
    if torch is None:
        rows.append(["PyTorch", "not installed", "", ""])
    print(table(rows, ["", "time", "per epoch", "max |weight - nnlesson's|"]))
    same = max_difference(finals["bare numpy"], finals["nnlesson"]) <= 1e-12
    vs_bare = result.ratio("nnlesson", "bare numpy")
    goals = [
        Goal(
            "XOR 2-4-1: nnlesson time / bare numpy loop",
            f"{vs_bare:.2f}x" + ("" if same else " (WEIGHTS DIFFER)"),
            "<= 1.3x",
            vs_bare <= 1.3 and same,
        )
    ]
    if torch is None:
        goals.append(Goal("XOR 2-4-1: PyTorch time / nnlesson", "not installed", ">= 5x", None))
    else:
        vs_torch = result.ratio("PyTorch", "nnlesson")
        goals.append(
            Goal("XOR 2-4-1: PyTorch time / nnlesson", f"{vs_torch:.1f}x", ">= 5x", vs_torch >= 5)
        )
    print(f"  ({result.rounds} interleaved rounds; ratios are medians of per-round ratios)\n")
    return goals
