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


# Lesson 12: handwritten digits.
def slowdown_curves(
    outputs: dict[str, Sequence[float]], losses: dict[str, Sequence[float]]
) -> plt.Figure:
    """One neuron learning from a wrong, saturated start: its output (left) and loss (right)
    per epoch, one curve per loss function (dicts label -> values)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.2))
    for label, values in outputs.items():
        left.plot(np.arange(len(values)), values, label=label)
    left.axhline(1.0, color="0.6", ls=":", lw=1)
    left.set_xlabel("epoch")
    left.set_ylabel("output a = sigma(z)")
    left.set_title("output (target y = 1)")
    left.set_ylim(0, 1.05)
    left.legend(fontsize=8)
    for label, values in losses.items():
        right.plot(np.arange(len(values)), values, label=label)
    right.set_xlabel("epoch")
    right.set_ylabel("loss")
    right.set_title("loss")
    right.legend(fontsize=8)
    fig.tight_layout()
    return fig


def _digit(ax: Axes, pixels: np.ndarray, title: str | None = None) -> None:
    ax.imshow(np.asarray(pixels).reshape(8, 8), cmap="gray_r", vmin=0.0, vmax=1.0)
    ax.set_xticks([])
    ax.set_yticks([])
    if title is not None:
        ax.set_title(title, fontsize=9)


def digit_grid(X: np.ndarray, labels: np.ndarray, per_class: int = 8) -> plt.Figure:
    """The first ``per_class`` images of each class 0-9: one row per class, label on the left."""
    X, labels = np.asarray(X), np.asarray(labels)
    fig, axes = plt.subplots(10, per_class, figsize=(0.62 * per_class, 6.4))
    for c in range(10):
        rows = np.flatnonzero(labels == c)[:per_class]
        for j, ax in enumerate(axes[c]):
            if j < len(rows):
                _digit(ax, X[rows[j]])
            else:
                ax.axis("off")
        axes[c, 0].set_ylabel(str(c), rotation=0, labelpad=10, fontsize=10)
    fig.subplots_adjust(wspace=0.08, hspace=0.08)
    return fig


def training_curves(histories: dict[str, dict[str, Sequence[float]]]) -> plt.Figure:
    """Loss (left) and accuracy (right) per epoch for several runs.

    ``histories`` maps a run's name to a dict with the lists ``"train_loss"``,
    ``"val_loss"``, ``"train_acc"``, ``"val_acc"``: solid lines training, dashed validation.
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 3.6))
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for (name, h), color in zip(histories.items(), colors):
        epochs = np.arange(1, len(h["train_loss"]) + 1)
        left.plot(epochs, h["train_loss"], color=color, label=f"{name} training")
        left.plot(epochs, h["val_loss"], "--", color=color, label=f"{name} validation")
        right.plot(epochs, h["train_acc"], color=color, label=f"{name} training")
        right.plot(epochs, h["val_acc"], "--", color=color, label=f"{name} validation")
    left.set_yscale("log")
    left.set_xlabel("epoch")
    left.set_ylabel("cross-entropy loss")
    right.set_xlabel("epoch")
    right.set_ylabel("accuracy")
    right.set_ylim(0.8, 1.0)
    left.legend(fontsize=7)
    right.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    return fig


def confusion_matrix(counts: np.ndarray, *, ax: Axes | None = None) -> Axes:
    """A k×k table of counts (rows: true class, columns: predicted), each count written in."""
    counts = np.asarray(counts)
    ax = _axes(ax, (4.6, 4.2))
    off = counts.copy()
    np.fill_diagonal(off, 0)
    ax.imshow(np.log1p(counts), cmap="Blues")
    k = len(counts)
    for i in range(k):
        for j in range(k):
            if counts[i, j]:
                color = "white" if i == j else ("tab:red" if off[i, j] else "black")
                ax.text(j, i, str(counts[i, j]), ha="center", va="center", fontsize=8, color=color)
    ax.set_xticks(range(k))
    ax.set_yticks(range(k))
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title("test set: true vs predicted (red: mistakes)", fontsize=9)
    return ax


def misclassified_digits(
    X: np.ndarray, labels: np.ndarray, probabilities: np.ndarray, limit: int = 12
) -> plt.Figure:
    """Each misclassified image above a bar chart of its 10 probabilities.

    The bar of the true class is green, the network's choice red.
    """
    X, labels, P = np.asarray(X), np.asarray(labels), np.asarray(probabilities)
    wrong = np.flatnonzero(P.argmax(axis=1) != labels)[:limit]
    cols = max(len(wrong), 1)
    fig, axes = plt.subplots(2, cols, figsize=(1.25 * cols + 0.4, 2.9), squeeze=False)
    for j, i in enumerate(wrong):
        guess = int(P[i].argmax())
        _digit(axes[0, j], X[i], f"{labels[i]} -> {guess}")
        colors = ["0.7"] * P.shape[1]
        colors[labels[i]] = "tab:green"
        colors[guess] = "tab:red"
        axes[1, j].bar(range(P.shape[1]), P[i], color=colors)
        axes[1, j].set_ylim(0, 1)
        axes[1, j].set_xticks(range(0, P.shape[1], 3))
        axes[1, j].tick_params(labelsize=6)
        if j:
            axes[1, j].set_yticklabels([])
    if not len(wrong):
        axes[0, 0].axis("off")
        axes[1, 0].axis("off")
    fig.suptitle("misclassified test digits: true -> predicted, and the probabilities", fontsize=9)
    fig.tight_layout()
    return fig


def first_layer_weights(W: np.ndarray, limit: int = 16) -> plt.Figure:
    """The weights into the first ``limit`` hidden units, each drawn as an 8×8 image.

    Red: a dark (inked) pixel there raises the unit's net input z; blue: lowers it.
    One colour scale for all, symmetric around 0 (weights beyond it drawn at its ends).
    """
    W = np.asarray(W)
    units = min(limit, W.shape[1])
    cols = min(units, 8)
    rows = int(np.ceil(units / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(1.1 * cols, 1.2 * rows + 0.3), squeeze=False)
    # the 99th percentile, so that one very large weight does not wash out the others
    bound = float(np.percentile(np.abs(W[:, :units]), 99))
    for k, ax in enumerate(axes.ravel()):
        ax.set_xticks([])
        ax.set_yticks([])
        if k < units:
            ax.imshow(W[:, k].reshape(8, 8), cmap="RdBu_r", vmin=-bound, vmax=bound)
            ax.set_title(f"h{k + 1}", fontsize=8)
        else:
            ax.axis("off")
    fig.suptitle("first-layer weights W1[:, j] as 8x8 images (red +, blue -)", fontsize=9)
    fig.tight_layout()
    return fig
