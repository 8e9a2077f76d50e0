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

RACE_COLORS = {
    "GD": "tab:gray",
    "Momentum": "tab:blue",
    "Nesterov": "tab:cyan",
    "AdaGrad": "tab:green",
    "RMSProp": "tab:orange",
    "Adam": "tab:red",
}


def draw_race(
    ax: Axes,
    fn,
    paths: dict[str, np.ndarray],
    *,
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    levels: Sequence[float],
    start: np.ndarray | None = None,
    minimum: np.ndarray | None = None,
    labels: dict[str, str] | None = None,
    dots: bool = True,
    resolution: int = 201,
    title: str = "",
) -> Axes:
    """Optimizer paths on the contour lines of ``fn`` (a function of points ``(..., 2)``).

    One line per optimizer (a dot per step if ``dots``), a big dot where it ended, a star
    at ``start`` and a cross at ``minimum``; the legend names each line (``labels``, or the
    optimizer's name). Colours come from ``RACE_COLORS`` (other names get the default cycle).
    """
    xs, ys = np.linspace(*xlim, resolution), np.linspace(*ylim, resolution)
    grid = np.stack(np.meshgrid(xs, ys), axis=-1)
    ax.contour(xs, ys, fn(grid), levels=list(levels), colors="0.75", linewidths=0.7)
    for name, path in paths.items():
        path = np.asarray(path, dtype=float)
        colour = RACE_COLORS.get(name)
        label = (labels or {}).get(name, name)
        (line,) = ax.plot(
            path[:, 0], path[:, 1], "o-" if dots else "-", ms=2, lw=1, color=colour, label=label
        )
        ax.plot(*path[-1], "o", ms=8, mec="k", color=line.get_color(), zorder=5)
    if start is not None:
        ax.plot(*start, "k*", ms=10, zorder=6)
    if minimum is not None:
        ax.plot(*minimum, "kx", ms=10, zorder=6)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.02, 0.5))
    return ax


def race_paths(
    fn, paths: dict[str, np.ndarray], *, figsize: tuple[float, float] = (10.0, 4.0), **kwargs
) -> Axes:
    """:func:`draw_race` on a new figure (the keywords of :func:`draw_race`)."""
    _, ax = plt.subplots(figsize=figsize)
    return draw_race(ax, fn, paths, **kwargs)


def distance_per_step(
    distances: dict[str, np.ndarray], tol: float = 1e-3, ax: Axes | None = None, title: str = ""
) -> Axes:
    """Distance to the minimum after each step, one line per run, on a log scale.

    A dotted line marks ``tol``: a run has settled once its line stays below it.
    """
    ax = _axes(ax, (7.5, 3.6))
    for label, d in distances.items():
        d = np.asarray(d, dtype=float)
        ax.plot(np.arange(len(d)), d, lw=1.2, label=label)
    ax.axhline(tol, color="0.3", ls=":", label=f"within {tol:g}")
    ax.set_yscale("log")
    ax.set_ylim(1e-12, 1e2)
    ax.set_xlabel("step t")
    ax.set_ylabel("distance to the minimum")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.02, 0.5))
    return ax


def adam_step_ratios(ratios: dict[str, np.ndarray], ax: Axes | None = None) -> Axes:
    """Adam's step length on a constant gradient, as a multiple of η, for t = 1, 2, ...

    ``ratios`` maps a label (which correction is left out) to the step lengths / η.
    """
    ax = _axes(ax, (7.0, 3.2))
    for label, r in ratios.items():
        r = np.asarray(r, dtype=float)
        ax.plot(np.arange(1, len(r) + 1), r, label=label)
    ax.axhline(1.0, color="0.3", ls=":", label="with both corrections")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("step t")
    ax.set_ylabel("step length / eta")
    ax.set_title("Adam on a constant gradient: step length without bias correction", fontsize=10)
    ax.legend(fontsize=8)
    return ax


def momentum_conventions(
    step_outside: np.ndarray, step_inside: np.ndarray, drop_after: int, ax: Axes | None = None
) -> Axes:
    """Step lengths |w_t - w_(t-1)| of momentum with the rate outside and inside the velocity."""
    ax = _axes(ax, (7.0, 3.2))
    t = np.arange(1, len(step_outside) + 1)
    ax.plot(t, step_outside, "o-", ms=3, label="rate outside (nnlesson, PyTorch)")
    ax.plot(t, step_inside, "s-", ms=3, label="rate inside (textbook)")
    ax.axvline(drop_after + 0.5, color="0.5", ls=":", label="rate drops tenfold")
    ax.set_yscale("log")
    ax.set_xlabel("step t")
    ax.set_ylabel("step length |w_t - w_(t-1)|")
    ax.set_title("Same momentum, same schedule, two conventions", fontsize=10)
    ax.legend(fontsize=8)
    return ax


# Lessons 08-09: initialisation, generalisation.

# Lessons 10-11: deep networks, XOR.

# Lesson 12: handwritten digits.
