"""Matplotlib helpers shared by the lessons.

Imported on use (``from nnlesson import plots``), so ``import nnlesson`` stays numpy-only.
Every function draws on an ``ax`` you pass (or a new figure) and returns the ``Axes``.
Text on figures is plain ASCII/English so that no font warning can reach a notebook.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from nnlesson.activations import ACTIVATIONS
from nnlesson.network import Network


def _axes(ax: Axes | None, figsize: tuple[float, float] = (6.0, 4.0)) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def plot_activations(
    names: Sequence[str] = ("step", "sigmoid", "tanh", "relu"),
    z: np.ndarray | None = None,
    *,
    derivatives: bool = True,
) -> plt.Figure:
    """One panel per activation: f(z) and, dashed, f'(z)."""
    z = np.linspace(-5, 5, 401) if z is None else np.asarray(z, dtype=float)
    width = min(3.2 * len(names), 10.0)
    fig, axes = plt.subplots(1, len(names), figsize=(width, 3.0), squeeze=False)
    for ax, name in zip(axes[0], names):
        act = ACTIVATIONS[name]
        ax.plot(z, act.f(z), label="f(z)")
        if derivatives:
            ax.plot(z, act.df(z), "--", label="f'(z)")
        ax.axhline(0, color="0.8", lw=0.8)
        ax.axvline(0, color="0.8", lw=0.8)
        ax.set_title(name)
        ax.set_xlabel("z")
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def plot_loss(
    losses: Sequence[float] | dict[str, Sequence[float]],
    *,
    ax: Axes | None = None,
    xlabel: str = "iteration",
    ylabel: str = "loss",
    log: bool = False,
    title: str | None = None,
) -> Axes:
    """A loss curve, or several (a dict label -> values) on one axes."""
    ax = _axes(ax)
    curves = losses if isinstance(losses, dict) else {None: losses}
    for label, values in curves.items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(1, len(values) + 1), values, label=label)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if isinstance(losses, dict):
        ax.legend()
    return ax


def draw_network(
    net: Network,
    X: np.ndarray | None = None,
    *,
    ax: Axes | None = None,
    input_names: Sequence[str] | None = None,
    layer_prefixes: Sequence[str] | None = None,
    title: str | None = None,
) -> Axes:
    """Draw a small network: nodes, every weight on its edge by name and value, and,
    if ``X`` (one sample) is given, each unit's net and out values from a forward pass.
    """
    ax = _axes(ax, (8.0, 4.0))
    sizes = net.sizes
    values: list[np.ndarray] = []
    nets: list[np.ndarray] = []
    if X is not None:
        net.forward(np.atleast_2d(np.asarray(X, dtype=float)))
        values = [net.layers[0].X[0]] + [layer.A[0] for layer in net.layers]
        nets = [None] + [layer.Z[0] for layer in net.layers]
    n_layers = len(sizes)
    prefixes = list(layer_prefixes) if layer_prefixes else (["i"] + ["h"] * (n_layers - 2) + ["o"])
    pos = {}
    for lay, n in enumerate(sizes):
        for k in range(n):
            pos[lay, k] = (lay * 3.0, (n - 1) / 2.0 - k)
    for name, (matrix, (i, j)) in ((w, net.weight_position(w)) for w in net.named_weights()):
        lay = int(matrix[1:])
        (x0, y0), (x1, y1) = pos[lay - 1, i], pos[lay, j]
        ax.plot([x0, x1], [y0, y1], color="0.6", lw=1, zorder=1)
        t = 0.3 if j % 2 == 0 else 0.62
        xm, ym = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
        ax.text(
            xm,
            ym,
            f"{name}={net.weight(name):.4g}",
            fontsize=8,
            ha="center",
            va="center",
            bbox=dict(fc="white", ec="none", pad=0.5),
            zorder=3,
        )
    for (lay, k), (x, y) in pos.items():
        ax.scatter([x], [y], s=900, color="#cfe3ff" if lay else "#e8e8e8", ec="k", zorder=2)
        label = input_names[k] if (lay == 0 and input_names) else f"{prefixes[lay]}{k + 1}"
        ax.text(x, y, label, ha="center", va="center", fontsize=10, zorder=4)
        if values:
            text = (
                f"{values[lay][k]:.6f}"
                if lay == 0
                else (f"net={nets[lay][k]:.6f}\nout={values[lay][k]:.6f}")
            )
            ax.text(x, y - 0.32, text, ha="center", va="top", fontsize=7, zorder=4)
    for lay in range(1, n_layers):
        b = net.layers[lay - 1].b
        shown = f"{b[0]:.4g}" if np.all(b == b[0]) else ", ".join(f"{v:.3g}" for v in b)
        ax.text(
            lay * 3.0,
            (sizes[lay] - 1) / 2.0 + 0.6,
            f"b{lay}={shown}",
            ha="center",
            fontsize=8,
            color="darkred",
        )
    ax.set_xlim(-0.8, 3.0 * (n_layers - 1) + 0.8)
    ax.set_ylim(-(max(sizes) - 1) / 2.0 - 1.0, (max(sizes) - 1) / 2.0 + 0.9)
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax


# How a decision boundary shades the plane: blue near 0, red near 1 (imshow's settings).
PROBABILITY_SHADING = dict(
    origin="lower",
    cmap="RdBu_r",
    vmin=0.0,
    vmax=1.0,
    alpha=0.6,
    aspect="auto",
    interpolation="bilinear",
)


def plot_decision_boundary(
    predict,
    X: np.ndarray,
    Y: np.ndarray,
    *,
    ax: Axes | None = None,
    resolution: int = 101,
    margin: float = 0.5,
    title: str | None = None,
) -> Axes:
    """Shade ``predict(points)`` (values in [0, 1]) over the plane and mark the 0.5 contour."""
    ax = _axes(ax, (4.5, 4.0))
    X = np.asarray(X, dtype=float)
    lo0, hi0 = X[:, 0].min() - margin, X[:, 0].max() + margin
    lo1, hi1 = X[:, 1].min() - margin, X[:, 1].max() + margin
    g0, g1 = np.meshgrid(np.linspace(lo0, hi0, resolution), np.linspace(lo1, hi1, resolution))
    p = np.asarray(predict(np.column_stack([g0.ravel(), g1.ravel()])), dtype=float)
    p = p.reshape(g0.shape)
    # imshow is several times faster than contourf, which matters inside a widget
    ax.imshow(p, extent=(lo0, hi0, lo1, hi1), **PROBABILITY_SHADING)
    if np.nanmin(p) < 0.5 < np.nanmax(p):
        ax.contour(g0, g1, p, levels=[0.5], colors="k", linewidths=1.5)
    labels = np.asarray(Y).ravel() > 0.5
    ax.scatter(X[~labels, 0], X[~labels, 1], c="tab:blue", ec="k", label="0")
    ax.scatter(X[labels, 0], X[labels, 1], c="tab:red", ec="k", label="1")
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    if title:
        ax.set_title(title)
    return ax


# ---------------------------------------------------------------------------------------
# Each lesson's own pictures, in lesson order. A lesson calls one function per figure, so
# its visible cells hold the idea, not the plotting code.
# ---------------------------------------------------------------------------------------

# Lessons 00-01: gradient-descent steps on a parabola, a single neuron.

# Lessons 02-03: the loss, the backward flow on the 2-2-2 network.

# Lessons 04-05: computational graph, learning-rate pictures, contours.

# Lesson 06: epochs, batches, paths on contours.

# Lesson 07: optimizers.

# Lessons 08-09: initialisation, generalisation.


# Lessons 10-11: deep networks, XOR.
def gradient_profiles(
    profiles: dict[int, np.ndarray], *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """One line per depth: ``profiles[depth][l - 1]`` = ||dL/dW^l|| against the layer l, log scale."""
    ax = _axes(ax, (5.0, 4.0))
    colors = plt.cm.viridis(np.linspace(0, 0.9, len(profiles)))
    for color, (depth, norms) in zip(colors, sorted(profiles.items())):
        ax.plot(range(1, len(norms) + 1), norms, "o-", ms=3, color=color, label=f"depth {depth}")
    ax.set_yscale("log")
    ax.set_xlabel("layer l (1 = next to the input)")
    ax.set_ylabel("||dL/dW_l||")
    ax.legend(fontsize=6, ncol=2)
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def loss_curves(
    runs: dict[str, list[Sequence[float]]], *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Loss per epoch on a log scale: one colour per name, one line per run under that name."""
    ax = _axes(ax, (6.5, 3.6))
    for k, (name, histories) in enumerate(runs.items()):
        for i, history in enumerate(histories):
            ax.plot(
                np.arange(1, len(history) + 1),
                history,
                color=f"C{k}",
                lw=1.2,
                label=name if i == 0 else None,
            )
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("MSE (full batch)")
    ax.legend(fontsize=8)
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def xor_hidden_space(net: Network, X: np.ndarray, Y: np.ndarray):
    """A 2-2-1 network on XOR, twice: the input plane and the plane of its two hidden units.

    Left: the four points, each hidden unit's line z_j = 0 and the network's 0.5 boundary.
    Right: the same four points at their hidden coordinates (h1, h2) = (a_1, a_2) and the
    output unit's line w1 h1 + w2 h2 + b = 0, a straight line there. Returns the Figure.
    """
    if net.sizes != [2, 2, 1]:
        raise ValueError(f"xor_hidden_space draws a 2-2-1 network; got sizes {net.sizes}.")
    X = np.asarray(X, dtype=float)
    ones = np.asarray(Y).ravel() > 0.5
    hidden, output = net.layers
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 4.0))
    plot_decision_boundary(
        lambda P: net.forward(P)[:, 0], X, Y, ax=left, resolution=81, title="input space (x1, x2)"
    )
    x1 = np.linspace(-0.5, 1.5, 2)
    for j, style in enumerate(["--", ":"]):
        w0, w1, b = hidden.W[0, j], hidden.W[1, j], hidden.b[j]
        left.plot(x1, -(w0 * x1 + b) / w1, "k", ls=style, lw=1.2, label=f"h{j + 1}: z{j + 1} = 0")
    left.set_xlim(-0.5, 1.5)
    left.set_ylim(-0.5, 1.5)
    left.legend(fontsize=7, loc="upper right")
    H = hidden.forward(X)
    g = np.linspace(-0.05, 1.05, 111)
    g0, g1 = np.meshgrid(g, g)
    p = output.forward(np.column_stack([g0.ravel(), g1.ravel()]))[:, 0].reshape(g0.shape)
    right.imshow(p, extent=(-0.05, 1.05, -0.05, 1.05), **PROBABILITY_SHADING)
    right.contour(g0, g1, p, levels=[0.5], colors="k", linewidths=1.5)
    right.scatter(H[~ones, 0], H[~ones, 1], c="tab:blue", ec="k", s=60, zorder=3, label="XOR = 0")
    right.scatter(H[ones, 0], H[ones, 1], c="tab:red", ec="k", s=60, zorder=3, label="XOR = 1")
    labels: dict[tuple[float, float], list[str]] = {}  # points that land together share a label
    for (a, b), h in zip(X.astype(int), H):
        spot = next((k for k in labels if np.hypot(*(np.array(k) - h)) < 0.1), tuple(h))
        labels.setdefault(spot, []).append(f"({a},{b})")
    for (h1, h2), names in labels.items():
        right.annotate(
            " and ".join(names),
            (h1, h2),
            textcoords="offset points",
            xytext=(-8 if h1 > 0.5 else 8, -14 if h2 > 0.5 else 8),
            ha="right" if h1 > 0.5 else "left",
            fontsize=8,
        )
    right.set_xlim(-0.05, 1.05)
    right.set_ylim(-0.05, 1.05)
    right.set_xlabel("h1 (hidden unit 1)")
    right.set_ylabel("h2 (hidden unit 2)")
    right.set_title("hidden space (h1, h2): one line separates")
    right.legend(fontsize=7, loc="center")
    fig.tight_layout()
    return fig


# Lesson 12: handwritten digits.
