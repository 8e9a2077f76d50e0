"""Section 2: course-sized and larger nets, where the matrix products (BLAS) decide the speed.

784-128-10 with batches of 64 and 784-512-10 with batches of 256, sigmoid, MSE, plain
gradient descent, float64 and float32, on random data: one epoch of shuffled mini-batches
with nnlesson's ``Trainer``, with a bare numpy loop and with a PyTorch loop doing the same work.

Each iteration does five matrix products: two forward (X W1, A1 W2) and three backward
(A1^T delta2 and delta2 W2^T for layer 2, X^T delta1 for layer 1; neither side computes
the gradient for the inputs). At 2 m n k floating-point operations per (m x k)(k x n)
product that gives a GFLOP/s figure, compared with what numpy's own ``@`` reaches on the
same five shapes in the same run: the rest of a step (sigmoids, the loss, the update,
fetching the batch) is the part of the time that is not matrix products.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
from timing import Case, Goal, Work, race, seconds, table

import nnlesson as nl

NETS = [(784, 128, 10, 64), (784, 512, 10, 256)]  # inputs, hidden, outputs, batch size
ITERATIONS = {64: 100, 256: 30}  # iterations per epoch, by batch size
LR = 0.1


def flops_per_iteration(n_in: int, hidden: int, n_out: int, batch: int) -> int:
    forward = 2 * batch * n_in * hidden + 2 * batch * hidden * n_out
    backward = 2 * hidden * batch * n_out + 2 * batch * n_out * hidden + 2 * n_in * batch * hidden
    return forward + backward


def nnlesson_case(net: nl.Network, X: np.ndarray, Y: np.ndarray, batch: int) -> Case:
    def setup() -> Work:
        trainer = nl.Trainer(
            net.copy(), X, Y, batch_size=batch, optimizer=nl.GradientDescent(LR), rng=0
        )
        return trainer.step_epoch

    return setup


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * np.tanh(0.5 * z) + 0.5  # nnlesson's formula


def bare_case(net: nl.Network, X: np.ndarray, Y: np.ndarray, batch: int) -> Case:
    """The same epoch as one plain numpy loop: what the package's own overhead adds to."""
    n = len(X)

    def setup() -> Work:
        W1, b1, W2, b2 = (a.copy() for layer in net.layers for a in (layer.W, layer.b))
        rng = np.random.default_rng(0)

        def epoch() -> None:
            nonlocal W1, b1, W2, b2
            order = rng.permutation(n)
            for i in range(0, n, batch):
                idx = order[i : i + batch]
                Xb, Yb = X[idx], Y[idx]
                A1 = sigmoid(Xb @ W1 + b1)
                A2 = sigmoid(A1 @ W2 + b2)
                error = A2 - Yb
                float(np.sum(error * error) / len(Xb))  # the loss, as the Trainer records it
                delta2 = (2.0 / len(Xb)) * error * (A2 * (1.0 - A2))
                delta1 = (delta2 @ W2.T) * (A1 * (1.0 - A1))
                W2 = W2 - LR * (A1.T @ delta2)
                b2 = b2 - LR * delta2.sum(axis=0)
                W1 = W1 - LR * (Xb.T @ delta1)
                b1 = b1 - LR * delta1.sum(axis=0)

        return epoch

    return setup


def torch_model(torch: ModuleType, net: nl.Network) -> Any:
    """``nn.Sequential`` of Linear and Sigmoid layers holding ``net``'s weights."""
    dtype = torch.float64 if net.layers[0].W.dtype == np.float64 else torch.float32
    n_in, hidden, n_out = net.sizes
    model = torch.nn.Sequential(
        torch.nn.Linear(n_in, hidden),
        torch.nn.Sigmoid(),
        torch.nn.Linear(hidden, n_out),
        torch.nn.Sigmoid(),
    ).to(dtype)
    with torch.no_grad():  # torch keeps W as (out, in): the transpose of ours
        for linear, layer in zip((model[0], model[2]), net.layers):
            linear.weight.copy_(torch.from_numpy(layer.W.T))
            linear.bias.copy_(torch.from_numpy(layer.b))
    return model


def torch_step(model: Any, opt: Any, xb: Any, yb: Any) -> float:
    opt.zero_grad()
    loss = ((model(xb) - yb) ** 2).sum() / len(xb)  # nnlesson's MSE: mean over samples
    loss.backward()
    opt.step()
    return loss.item()


def torch_case(
    torch: ModuleType, net: nl.Network, X: np.ndarray, Y: np.ndarray, batch: int
) -> Case:
    Xt, Yt = torch.from_numpy(X), torch.from_numpy(Y)
    n = len(X)

    def setup() -> Work:
        model = torch_model(torch, net)
        opt = torch.optim.SGD(model.parameters(), lr=LR)
        gen = torch.Generator().manual_seed(0)
        losses: list[float] = []

        def epoch() -> None:
            order = torch.randperm(n, generator=gen)
            for i in range(0, n, batch):
                idx = order[i : i + batch]
                losses.append(torch_step(model, opt, Xt[idx], Yt[idx]))

        return epoch

    return setup


def matmul_case(net: nl.Network, batch: int, iterations: int) -> Case:
    """The five products of one iteration, on arrays of the same shapes, ``iterations`` times."""
    rng = np.random.default_rng(1)
    dtype = net.layers[0].W.dtype
    n_in, hidden, n_out = net.sizes
    W1, W2 = net.layers[0].W, net.layers[1].W
    X, A1, d1 = (rng.standard_normal((batch, m)).astype(dtype) for m in (n_in, hidden, hidden))
    d2 = rng.standard_normal((batch, n_out)).astype(dtype)

    def setup() -> Work:
        def work() -> None:
            for _ in range(iterations):
                X @ W1, A1 @ W2, A1.T @ d2, d2 @ W2.T, X.T @ d1  # noqa: B018

        return work

    return setup


def one_step_difference(torch: ModuleType, net: nl.Network, X: np.ndarray, Y: np.ndarray) -> float:
    """Both libraries take one step on the same batch: the largest difference in the weights."""
    ours = net.copy()
    trainer = nl.Trainer(ours, X, Y, batch_size=len(X), optimizer=nl.GradientDescent(LR))
    trainer.step_batch()
    model = torch_model(torch, net)
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    torch_step(model, opt, torch.from_numpy(X), torch.from_numpy(Y))
    theirs = [model[0].weight.T, model[2].weight.T]
    return max(
        float(np.max(np.abs(layer.W - w.detach().numpy()))) for layer, w in zip(ours.layers, theirs)
    )


def run(torch: ModuleType | None, rounds: int) -> list[Goal]:
    print("2. Course-sized and larger nets: one epoch of mini-batches, sigmoid, MSE, plain GD")
    goals: list[Goal] = []
    for n_in, hidden, n_out, batch in NETS:
        iterations = ITERATIONS[batch]
        flops = flops_per_iteration(n_in, hidden, n_out, batch) * iterations
        name = f"{n_in}-{hidden}-{n_out}"
        for dtype in (np.float64, np.float32):
            dname = np.dtype(dtype).name
            rng = np.random.default_rng(0)
            X = rng.standard_normal((batch * iterations, n_in)).astype(dtype)
            Y = rng.uniform(size=(batch * iterations, n_out)).astype(dtype)
            net = nl.Network.build([n_in, hidden, n_out], "sigmoid", rng=0, dtype=dtype)
            cases: dict[str, Case] = {
                "nnlesson": nnlesson_case(net, X, Y, batch),
                "bare numpy": bare_case(net, X, Y, batch),
                "numpy @ only": matmul_case(net, batch, iterations),
            }
            if torch is not None:
                cases["PyTorch"] = torch_case(torch, net, X, Y, batch)
            result = race(cases, rounds)
            print(
                f"  {name}, batch {batch}, {dname}: {iterations} iterations per epoch, "
                f"{flops / iterations / 1e6:.0f} MFLOP of matrix products each"
            )
            rows = []
            for case in cases:
                t = result.median(case)
                share = (
                    "" if case == "numpy @ only" else f"{result.ratio('numpy @ only', case):.0%}"
                )
                rows.append(
                    [case, seconds(t), seconds(t / iterations), f"{flops / t / 1e9:.1f}", share]
                )
            if torch is None:
                rows.append(["PyTorch", "not installed", "", "", ""])
            header = ["", "epoch", "iteration", "GFLOP/s", "share of @ rate"]
            print(table(rows, header, indent="    "))
            label = f"{name} b{batch} {dname}"
            if torch is not None:
                diff = one_step_difference(torch, net, X[:batch], Y[:batch])
                print(f"    one step on the same batch: max |W - PyTorch's W| = {diff:.1e}")
                speed = result.ratio("PyTorch", "nnlesson")
                goals.append(
                    Goal(f"{label}: speed vs PyTorch", f"{speed:.2f}x", ">= 0.9x", speed >= 0.9)
                )
            else:
                goals.append(Goal(f"{label}: speed vs PyTorch", "not installed", ">= 0.9x", None))
            if hidden == 512:
                share = result.ratio("numpy @ only", "nnlesson")
                goals.append(
                    Goal(f"{label}: share of numpy @ rate", f"{share:.0%}", ">= 75%", share >= 0.75)
                )
            print(
                f"    ({result.rounds} interleaved rounds, medians; share = time of the @ alone / time)"
            )
    goals += optimizer_steps(rounds)
    print()
    return goals


def _adam_in_place(params, grads, state, opt):
    """Adam the usual in-place way (what the pure step is compared with): arguments changed."""
    t = state.t + 1
    c1, c2 = 1.0 - opt.beta1**t, 1.0 - opt.beta2**t
    for name, p in params.items():
        g = grads[name]
        state.m[name] *= opt.beta1
        state.m[name] += (1.0 - opt.beta1) * g
        state.v[name] *= opt.beta2
        state.v[name] += (1.0 - opt.beta2) * g * g
        p -= opt.lr * (state.m[name] / c1) / (np.sqrt(state.v[name] / c2) + opt.eps)
    state.t = t


def optimizer_steps(rounds: int) -> list[Goal]:
    """One Adam step on a 784-512-10 net: nnlesson's pure step (new arrays) vs in place."""
    rng = np.random.default_rng(0)
    shapes = {"W1": (784, 512), "b1": (512,), "W2": (512, 10), "b2": (10,)}
    params = {k: rng.standard_normal(s) for k, s in shapes.items()}
    grads = {k: rng.standard_normal(s) for k, s in shapes.items()}
    opt = nl.Adam(lr=1e-3)
    steps = 20

    def pure() -> Work:
        p, state = dict(params), opt.init(params)

        def work() -> None:
            nonlocal p, state
            for _ in range(steps):
                p, state = opt.step(p, grads, state)

        return work

    def in_place() -> Work:
        p = {k: v.copy() for k, v in params.items()}
        state = opt.init(params)
        return lambda: [_adam_in_place(p, grads, state, opt) for _ in range(steps)]

    result = race({"pure step (new arrays)": pure, "in place": in_place}, rounds)
    ratio = result.ratio("pure step (new arrays)", "in place")
    print("  Adam, one step on a 784-512-10 net's weights (407,050 numbers), float64:")
    rows = [[name, seconds(result.median(name) / steps)] for name in result.times]
    print(table(rows, ["", "step"], indent="    "))
    print(f"    pure / in place = {ratio:.2f} ({result.rounds} interleaved rounds, medians)")
    return [
        Goal("Adam step 784-512-10: pure vs in place", f"{ratio:.2f}x", "<= 1.2x", ratio <= 1.2)
    ]
