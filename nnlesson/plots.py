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


def activation_histograms(
    activations: dict[str, Sequence[np.ndarray]],
    *,
    bins: np.ndarray | None = None,
    xlabel: str = "activation",
) -> plt.Figure:
    """Per-layer histograms of activations, one row per initialisation (lesson 08).

    ``activations[label][l]`` holds every activation of layer ``l + 1`` (any shape) for the
    start named ``label``. Each panel shows the share of activations in each bin, on its own
    vertical scale, so a spread-out row stays visible next to a row of spikes.
    """
    if not activations:
        raise ValueError("activation_histograms needs at least one row: {label: [layer arrays]}.")
    bins = np.linspace(0.0, 1.0, 41) if bins is None else np.asarray(bins, dtype=float)
    rows = list(activations.items())
    n_layers = max(len(layers) for _, layers in rows)
    fig, axes = plt.subplots(
        len(rows), n_layers, figsize=(2.1 * n_layers, 1.7 * len(rows)), sharex=True, squeeze=False
    )
    for r, (label, layers) in enumerate(rows):
        for c in range(n_layers):
            ax = axes[r, c]
            if c < len(layers):
                values = np.asarray(layers[c], dtype=float).ravel()
                weights = np.full(values.size, 1.0 / values.size)
                ax.hist(values, bins=bins, weights=weights, color=f"C{r}")
            ax.tick_params(labelsize=7)
            if r == 0:
                ax.set_title(f"layer {c + 1}", fontsize=9)
            if c == 0:
                ax.set_ylabel(f"{label}\nshare", fontsize=8)
            if r == len(rows) - 1:
                ax.set_xlabel(xlabel, fontsize=8)
    fig.tight_layout()
    return fig


def saturation_sweep(
    scales: Sequence[float],
    saturated: dict[str, Sequence[float]],
    gradient: dict[str, Sequence[float]],
    *,
    mark: float | None = None,
    mark_label: str = "Xavier's s",
) -> plt.Figure:
    """Two panels against the weight scale ``s`` (log axis): the share of saturated units per
    layer, and sizes of the first layer's gradient (lesson 08)."""
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.4))
    for label, share in saturated.items():
        ax1.semilogx(scales, share, "o-", ms=3, label=label)
    ax1.set_xlabel("weight scale s")
    ax1.set_ylabel("share of units")
    ax1.set_title("saturated units (sigma' < 0.01)")
    for label, values in gradient.items():
        ax2.loglog(scales, values, "o-", ms=3, label=label)
    ax2.set_xlabel("weight scale s")
    ax2.set_title("first-layer gradient")
    for ax in (ax1, ax2):
        if mark is not None:
            ax.axvline(mark, color="gray", ls=":", label=mark_label)
        ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def curves(
    series: Sequence[tuple[str, np.ndarray, np.ndarray, dict]],
    *,
    ax: Axes | None = None,
    logx: bool = False,
    logy: bool = False,
    xlabel: str = "",
    ylabel: str = "",
    title: str = "",
    hlines: Sequence[tuple[float, str]] = (),
    vlines: Sequence[tuple[float, str]] = (),
    legend_cols: int = 1,
) -> Axes:
    """Line plots: each item of ``series`` is ``(label, x, y, style)`` with ``style`` passed to
    ``ax.plot``; ``hlines``/``vlines`` are ``(position, label)`` reference lines (dotted)."""
    ax = _axes(ax, (6.0, 3.6))
    for label, x, y, style in series:
        ax.plot(x, y, label=label, **style)
    for k, (value, label) in enumerate(hlines):
        ax.axhline(value, color="black" if k == 0 else "gray", ls=":", lw=0.9, label=label)
    for k, (value, label) in enumerate(vlines):
        ax.axvline(value, color=f"C{k + 6}", ls="--", lw=0.9, label=label)
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, ncol=legend_cols)
    return ax


def quadratic_slices(
    panels: Sequence[dict],
    *,
    levels: Sequence[float] = (1e-3, 1e-2, 0.03, 0.1, 0.3, 1, 3),
) -> plt.Figure:
    r"""Contours of a quadratic loss over :math:`(w_1, w_2)` with the bias at its optimum, and a
    gradient-descent path (lesson 08).

    Each panel is a dict with ``H`` (3x3, the Hessian :math:`X^\top X/n`), ``w_star`` (the
    minimum), ``path`` (steps x 3, drawn projected onto :math:`(w_1, w_2)`), ``title`` and an
    optional ``note`` written inside the panel. Plotted: :math:`L - L^* = \tfrac12 d^\top H d`
    for :math:`d = w - w^*` with :math:`d_3 = 0`.
    """
    fig, axes = plt.subplots(1, len(panels), figsize=(3.5 * len(panels), 3.7), squeeze=False)
    u = np.linspace(-1, 1, 301)
    dense = np.sign(u) * np.abs(u) ** 4  # grid points crowded near the centre: thin valleys
    for ax, panel in zip(axes[0], panels):
        H, w_star, path = (np.asarray(panel[k], dtype=float) for k in ("H", "w_star", "path"))
        centre = w_star[:2]
        radius = 1.3 * float(np.linalg.norm(centre))
        g1, g2 = np.meshgrid(centre[0] + radius * u, centre[1] + radius * dense)
        d = np.stack([g1 - centre[0], g2 - centre[1], np.zeros_like(g1)], axis=-1)
        values = 0.5 * np.einsum("...i,ij,...j->...", d, H, d)
        ax.contour(g1, g2, values, levels=list(levels), colors="C0", linewidths=0.8)
        ax.plot(path[:, 0], path[:, 1], "o-", color="C3", ms=2.5, lw=0.8)
        ax.plot(*centre, "k*", ms=9)
        ax.set_xlim(centre[0] - radius, centre[0] + radius)
        ax.set_ylim(centre[1] - radius, centre[1] + radius)
        ax.set_aspect("equal")
        ax.set_xlabel("w1")
        ax.set_ylabel("w2")
        ax.set_title(panel.get("title", ""), fontsize=9)
        if panel.get("note"):
            ax.text(
                0.03,
                0.03,
                panel["note"],
                transform=ax.transAxes,
                fontsize=7.5,
                va="bottom",
                bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"},
            )
    fig.tight_layout()
    return fig


def regression_fits(
    xs: np.ndarray,
    truth: np.ndarray,
    points: dict[str, tuple[np.ndarray, np.ndarray]],
    fits: dict[str, np.ndarray],
    *,
    ax: Axes | None = None,
    title: str = "",
    colors: Sequence[str] | None = None,
) -> Axes:
    """A 1-D regression picture (lesson 09): the true curve (dotted), data sets as markers
    (``points[label] = (X, Y)``) and fitted curves over ``xs`` (``fits[label] = y``)."""
    ax = _axes(ax, (6.0, 3.5))
    xs = np.asarray(xs, dtype=float).ravel()
    ax.plot(xs, np.asarray(truth).ravel(), ":", color="black", label="true sin(x)")
    for (label, (X, Y)), marker in zip(points.items(), ["o", "x", "+", "s"]):
        ax.plot(np.ravel(X), np.ravel(Y), marker, ls="none", ms=5, label=label)
    for k, (label, y) in enumerate(fits.items()):
        color = colors[k] if colors is not None else f"C{k + 2}"
        ax.plot(xs, np.asarray(y).ravel(), color=color, label=label)
    ax.set_xlabel("x")
    ax.set_ylim(-2, 2)
    ax.set_title(title, fontsize=10)
    ax.legend(loc="upper left", fontsize=7)
    return ax


# Lessons 10-11: deep networks, XOR.

# Lesson 12: handwritten digits.
