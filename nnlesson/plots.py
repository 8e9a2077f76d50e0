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

PATH_STYLES = {  # one colour per way of descending, the same in every lesson-06 figure
    "full batch": {"color": "tab:blue"},
    "mini-batch": {"color": "tab:orange"},
    "SGD": {"color": "tab:green"},
}


def _style(label: str) -> dict:
    for key, style in PATH_STYLES.items():
        if label.startswith(key):
            return dict(style)
    return {}


def batch_paths_on_contours(
    x: np.ndarray,
    y: np.ndarray,
    paths: dict[str, np.ndarray],
    *,
    ax: Axes | None = None,
    title: str = "",
) -> Axes:
    r"""Paths of (w, b) on the contours of a line fit's loss, equal scales on both axes.

    The loss is :math:`L(w, b) = \frac{1}{2N}\sum_i (w x_i + b - y_i)^2`; ``paths`` maps a
    label to a ``(steps + 1, 2)`` array of (w, b), one row per update. The least-squares
    minimum is marked with a star, the common start with a circle.
    """
    x, y = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
    if x.shape != y.shape:
        raise ValueError(f"x and y need the same length; got {x.size} and {y.size}.")
    if not paths:
        raise ValueError("paths is empty: pass {label: array of (w, b) rows}.")
    ax = _axes(ax, (5.6, 5.0))
    every = np.vstack(list(paths.values()))
    best = np.linalg.lstsq(np.column_stack([x, np.ones_like(x)]), y, rcond=None)[0]
    lo = np.minimum(every.min(axis=0), best) - 0.3
    hi = np.maximum(every.max(axis=0), best) + 0.3
    side = (hi - lo).max()
    centre = (hi + lo) / 2
    w = np.linspace(centre[0] - side / 2, centre[0] + side / 2, 161)
    b = np.linspace(centre[1] - side / 2, centre[1] + side / 2, 161)
    W, B = np.meshgrid(w, b)
    L = 0.5 * np.mean((W[..., None] * x + B[..., None] - y) ** 2, axis=-1)
    ax.contour(
        W, B, L, levels=np.quantile(L, np.linspace(0.01, 0.9, 12)), colors="0.75", linewidths=0.8
    )
    for label, path in paths.items():
        path = np.asarray(path, dtype=float)
        ax.plot(path[:, 0], path[:, 1], ".-", lw=1, ms=3, label=label, **_style(label))
    start = np.asarray(next(iter(paths.values())))[0]
    ax.plot(*start, "o", color="k", ms=6, label="start")
    ax.plot(*best, "*", color="k", ms=12, label="minimum")
    ax.set_aspect("equal")
    ax.set_xlim(w[0], w[-1])
    ax.set_ylim(b[0], b[-1])
    ax.set_xlabel("w (slope)")
    ax.set_ylabel("b (intercept)")
    ax.legend(fontsize=8, loc="best")
    if title:
        ax.set_title(title)
    return ax


def loss_three_ways(runs: dict[str, dict]) -> plt.Figure:
    """The same runs' full-data loss per update, per epoch and per second (three panels).

    Each run is a dict with arrays ``"loss"``, ``"iteration"``, ``"epoch"``, ``"seconds"``
    (one entry per update, the start included).
    """
    fig, axes = plt.subplots(1, 3, figsize=(10, 3.4), sharey=True)
    for label, r in runs.items():
        style = {"lw": 1, "label": label, **_style(label)}
        axes[0].plot(r["iteration"][1:], r["loss"][1:], **style)
        axes[1].plot(r["epoch"][1:], r["loss"][1:], **style)
        axes[2].plot(r["seconds"], r["loss"], **style)
    axes[0].set(xscale="log", xlabel="iterations (updates)", ylabel="loss on all samples (MSE)")
    axes[1].set(xscale="log", xlabel="epochs")
    axes[2].set(xlabel="seconds of training (this run)")
    for ax, title in zip(axes, ["per update", "per epoch", "per second"]):
        ax.set_title(title)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def update_cost(sizes: Sequence[int], seconds: Sequence[float], *, ax: Axes | None = None) -> Axes:
    """Seconds per update against batch size (log-log), with a line proportional to b."""
    ax = _axes(ax, (5.0, 3.4))
    sizes_f = np.asarray(sizes, dtype=float)
    seconds_f = np.asarray(seconds, dtype=float)
    ax.loglog(sizes_f, seconds_f, "o-", label="measured")
    ax.loglog(
        sizes_f, seconds_f[-1] * sizes_f / sizes_f[-1], "--", color="0.5", label="proportional to B"
    )
    ax.set(xlabel="batch size B", ylabel="seconds per update", title="cost of one update")
    ax.legend(fontsize=8)
    return ax


def shuffle_sawtooth(runs: dict[str, dict], epochs_shown: int = 3) -> plt.Figure:
    """Left: full-data loss per epoch for each run; right: the last epochs, one dot per update."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
    for label, r in runs.items():
        k = epochs_shown * r["per_epoch"]
        axes[0].plot(r["epoch"], r["loss"], lw=1, label=label)
        axes[1].plot(r["iteration"][-k:], r["loss"][-k:], ".-", lw=1, label=label)
    last = next(iter(runs.values()))
    for j in range(epochs_shown):
        axes[1].axvline(last["iteration"][-1] - j * last["per_epoch"], color="0.8", lw=0.8)
    axes[0].set(xlabel="epochs", ylabel="loss on all samples (MSE)", title="whole run")
    axes[1].set(xlabel="iterations", title=f"the last {epochs_shown} epochs, one dot per update")
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig


# Lesson 07: optimizers.

# Lessons 08-09: initialisation, generalisation.

# Lessons 10-11: deep networks, XOR.

# Lesson 12: handwritten digits.
