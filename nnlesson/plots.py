"""Matplotlib helpers shared by the lessons.

Imported on use (``from nnlesson import plots``), so ``import nnlesson`` stays numpy-only.
Every function draws on an ``ax`` you pass (or a new figure) and returns the ``Axes``.
Every word on a figure is written in both languages where it is drawn, with
``say("loss", "损失")`` (:mod:`nnlesson.language`); symbols and numbers stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from nnlesson import _plot_checks as _check
from nnlesson.activations import ACTIVATIONS
from nnlesson.language import say
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
    _check.plot_activations(names, z, derivatives)
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
    xlabel: str | None = None,
    ylabel: str | None = None,
    log: bool = False,
    title: str | None = None,
) -> Axes:
    """A loss curve, or several (a dict label -> values) on one axes.

    The axis labels default to "iteration" and "loss" (in the language in use)."""
    _check.plot_loss(losses, log)
    ax = _axes(ax)
    curves = losses if isinstance(losses, dict) else {None: losses}
    for label, values in curves.items():
        values = np.asarray(values, dtype=float)
        ax.plot(np.arange(1, len(values) + 1), values, label=label)
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(say("iteration", "迭代次数") if xlabel is None else xlabel)
    ax.set_ylabel(say("loss", "损失") if ylabel is None else ylabel)
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
    _check.network(net, X)
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
    _check.decision_boundary(predict, X, Y, resolution, margin)
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


def gd_steps_on_parabola(
    w0: float = 0.0,
    lr: float = 0.1,
    steps: int = 5,
    *,
    minimum: float = 3.0,
    ax: Axes | None = None,
) -> Axes:
    r"""Gradient descent on :math:`L(w) = (w - m)^2`: the curve, each step
    :math:`w \leftarrow w - \eta\,L'(w)` as an arrow from one point to the next.

    Returns the Axes; the visited weights are in ``ax.gd_path`` (``steps + 1`` values).
    """
    _check.gd_steps_on_parabola(w0, lr, steps, minimum, ax)
    ax = _axes(ax, (6.0, 3.6))
    path = [float(w0)]
    for _ in range(steps):
        w = path[-1]
        path.append(w - lr * 2.0 * (w - minimum))
    ws = np.asarray(path)
    span = max(abs(ws - minimum).max(), 1.0) * 1.15
    grid = np.linspace(minimum - span, minimum + span, 401)
    ax.plot(grid, (grid - minimum) ** 2, color="0.45", lw=1.5, label=f"L(w) = (w - {minimum:g})^2")
    losses = (ws - minimum) ** 2
    for k in range(steps):
        ax.annotate(
            "",
            xy=(ws[k + 1], losses[k + 1]),
            xytext=(ws[k], losses[k]),
            arrowprops=dict(arrowstyle="->", color="tab:red", lw=1.6),
        )
    ax.scatter(
        ws,
        losses,
        color="tab:red",
        zorder=3,
        s=30,
        label=say("w after each step", "每一步之后的 w"),
    )
    for k, (w, loss) in enumerate(zip(ws, losses)):
        ax.text(w, loss + 0.04 * span**2, f"w{k}", ha="center", va="bottom", fontsize=9)
    ax.axvline(minimum, color="0.8", lw=0.8, ls="--")
    ax.set_xlabel("w")
    ax.set_ylabel("L(w)")
    ax.set_title(
        say(
            f"{steps} gradient-descent steps, lr = {lr:g}, from w0 = {w0:g}",
            f"从 w0 = {w0:g} 出发的 {steps} 步梯度下降，学习率 lr = {lr:g}",
        )
    )
    ax.legend(loc="upper right", fontsize=8)
    ax.gd_path = ws
    return ax


def draw_neuron(
    x: Sequence[float] | None = None,
    w: Sequence[float] | None = None,
    b: float | None = None,
    activation: str = "sigmoid",
    *,
    n_inputs: int = 3,
    ax: Axes | None = None,
) -> Axes:
    r"""One neuron: inputs :math:`x_i` on the left, each edge labelled with its weight
    :math:`w_i`, a sum node :math:`z = \sum_i w_i x_i + b` with the bias :math:`b`, the
    activation :math:`a = f(z)` and the output arrow.

    Without numbers (``x``, ``w``, ``b`` all None) it draws the symbols only, for
    ``n_inputs`` inputs; with numbers it also writes z and a computed with ``activation``.
    """
    _check.draw_neuron(x, w, b, activation, n_inputs, ax)
    ax = _axes(ax, (7.0, 3.4))
    numeric = x is not None and w is not None and b is not None
    if numeric:
        xs, ws = [float(v) for v in x], [float(v) for v in w]
        n = len(xs)
    else:
        n = int(n_inputs)
    ys = [(n - 1) / 2.0 - k for k in range(n)]
    sum_xy, act_xy, out_x = (3.0, 0.0), (5.0, 0.0), 6.6
    for k, y in enumerate(ys):
        ax.plot([0.0, sum_xy[0]], [y, 0.0], color="0.55", lw=1.2, zorder=1)
        ax.scatter([0.0], [y], s=700, color="#e8e8e8", ec="k", zorder=2)
        x_label = f"{xs[k]:g}" if numeric else f"$x_{k + 1}$"
        ax.text(0.0, y, x_label, ha="center", va="center", fontsize=10, zorder=3)
        w_label = f"$w_{k + 1}$ = {ws[k]:g}" if numeric else f"$w_{k + 1}$"
        ax.text(
            1.35,
            y * 0.55,
            w_label,
            ha="center",
            va="center",
            fontsize=10,
            bbox=dict(fc="white", ec="none", pad=0.5),
            zorder=3,
        )
    ax.scatter([sum_xy[0]], [0.0], s=1500, color="#cfe3ff", ec="k", zorder=2)
    ax.text(sum_xy[0], 0.0, r"$\Sigma$", ha="center", va="center", fontsize=16, zorder=3)
    b_label = f"b = {float(b):g}" if numeric else "b"
    ax.annotate(
        b_label,
        xy=(sum_xy[0], 0.28),
        xytext=(sum_xy[0], 1.0 + max(ys) * 0.3),
        ha="center",
        fontsize=10,
        color="darkred",
        arrowprops=dict(arrowstyle="->", color="darkred"),
    )
    ax.annotate(
        "",
        xy=(act_xy[0] - 0.45, 0.0),
        xytext=(sum_xy[0] + 0.4, 0.0),
        arrowprops=dict(arrowstyle="->", lw=1.2),
    )
    ax.add_patch(plt.Rectangle((act_xy[0] - 0.45, -0.3), 0.9, 0.6, fc="#ffe9c7", ec="k", zorder=2))
    ax.text(act_xy[0], 0.0, "f", ha="center", va="center", fontsize=13, style="italic", zorder=3)
    ax.annotate(
        "",
        xy=(out_x, 0.0),
        xytext=(act_xy[0] + 0.45, 0.0),
        arrowprops=dict(arrowstyle="->", lw=1.2),
    )
    if numeric:
        from nnlesson.activations import ACTIVATIONS

        z = float(np.dot(ws, xs) + float(b))
        a = float(ACTIVATIONS[activation].f(np.array(z)))
        ax.text(4.0, -0.45, f"z = {z:.4g}", ha="center", va="top", fontsize=10)
        ax.text(out_x + 0.1, 0.0, f"a = {a:.4g}", ha="left", va="center", fontsize=10)
        ax.text(act_xy[0], 0.45, activation, ha="center", va="bottom", fontsize=9)
        ax.neuron_values = (z, a)
    else:
        ax.text(4.0, -0.45, r"$z = \sum_i w_i x_i + b$", ha="center", va="top", fontsize=10)
        ax.text(out_x + 0.1, 0.0, "$a = f(z)$", ha="left", va="center", fontsize=10)
    ax.set_xlim(-0.6, 8.2)
    top = max(ys) + 0.6
    ax.set_ylim(-top, top + 0.5)
    ax.axis("off")
    return ax


# Lessons 02-03: the loss, the backward flow on the 2-2-2 network.


def loss_tangent_steps(
    loss,
    slope,
    w: float,
    lr: float,
    *,
    lo: float | None = None,
    hi: float | None = None,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """The loss as a function of one weight, its tangent at ``w``, and two steps from ``w``.

    ``loss(w)`` and ``slope(w)`` are functions of one float. Drawn: the curve L(w), the
    tangent line L(w) + L'(w)(v - w) at the current weight, the step with the right sign
    w - lr L'(w) (downhill, blue) and the step with the sign flipped w + lr L'(w) (uphill,
    red), each ending on the curve at the loss it really reaches.
    """
    _check.loss_tangent_steps(loss, slope, w, lr, lo, hi, ax, title)
    ax = _axes(ax, (6.5, 4.0))
    g = float(slope(w))
    down, up = w - lr * g, w + lr * g
    lo = min(down, up, w) - 0.6 * abs(lr * g) - 0.2 if lo is None else float(lo)
    hi = max(down, up, w) + 0.6 * abs(lr * g) + 0.2 if hi is None else float(hi)
    grid = np.linspace(lo, hi, 401)
    ax.plot(grid, [loss(v) for v in grid], color="0.35", label="L(w)")
    L0 = float(loss(w))
    near = np.linspace(w - 0.35 * (hi - lo), w + 0.35 * (hi - lo), 2)
    ax.plot(
        near,
        L0 + g * (near - w),
        ":",
        color="0.2",
        label=say(f"tangent at w, slope {g:+.3f}", f"w 处的切线，斜率 {g:+.3f}"),
    )
    ax.plot([w], [L0], "ko", zorder=4)
    ax.annotate(
        say("current w", "当前的 w"), (w, L0), textcoords="offset points", xytext=(6, 8), fontsize=9
    )
    for end, color, text in (
        (down, "tab:blue", say("w - lr*slope: downhill", "w - lr*slope：下坡")),
        (up, "tab:red", say("w + lr*slope (sign error): uphill", "w + lr*slope（符号错误）：上坡")),
    ):
        Le = float(loss(end))
        ax.annotate(
            "",
            xy=(end, Le),
            xytext=(w, L0),
            arrowprops=dict(arrowstyle="->", color=color, lw=2),
            zorder=3,
        )
        ax.plot(
            [end],
            [Le],
            "o",
            color=color,
            label=say(f"{text}, L = {Le:.4f}", f"{text}，L = {Le:.4f}"),
            zorder=4,
        )
    ax.set_xlabel("w")
    ax.set_ylabel(say("loss L", "损失 L"))
    ax.set_title(
        title
        or say(
            f"One step of size lr = {lr:g} from w = {w:g}",
            f"从 w = {w:g} 出发走一步，学习率 lr = {lr:g}",
        )
    )
    ax.legend(fontsize=8, loc="best")
    return ax


def gd_steps_on_curve(loss, path: Sequence[float], *, lo: float, hi: float) -> plt.Figure:
    """Gradient-descent steps drawn on the loss curve L(w) (left) and the loss per step (right)."""
    _check.gd_steps_on_curve(loss, path, lo, hi)
    path = np.asarray(path, dtype=float)
    grid = np.linspace(float(lo), float(hi), 801)
    curve = np.array([loss(v) for v in grid])
    losses = np.array([loss(v) for v in path])
    fig, (ax_curve, ax_steps) = plt.subplots(1, 2, figsize=(10, 3.8))
    ax_curve.plot(grid, curve, color="0.4", label="L(w)")
    ax_curve.plot(
        path,
        losses,
        "o-",
        color="tab:orange",
        ms=5,
        label=say("gradient-descent steps", "梯度下降的各步"),
    )
    last = len(path) - 1
    for k in sorted({0, 1, 2, 3, 4, last} & set(range(len(path)))):
        ax_curve.annotate(str(k), (path[k], losses[k]), textcoords="offset points", xytext=(4, 6))
    best = grid[np.argmin(curve)]
    ax_curve.axvline(
        best,
        color="tab:green",
        ls=":",
        label=say(f"minimum on the grid, w = {best:.2f}", f"网格上的最小值，w = {best:.2f}"),
    )
    ax_curve.set_xlabel("w")
    ax_curve.set_ylabel(say("loss L(w)", "损失 L(w)"))
    ax_curve.set_title(say("The loss as a function of the weight", "损失随权重变化的曲线"))
    ax_curve.legend(fontsize=8)
    ax_steps.plot(np.arange(len(path)), losses, "o-", color="tab:orange", ms=4)
    ax_steps.set_yscale("log")
    ax_steps.set_xlabel(say("step", "步数"))
    ax_steps.set_ylabel(say("loss, log scale", "损失（对数坐标）"))
    ax_steps.set_title(say("The same run, step by step", "同一次运行，逐步来看"))
    fig.tight_layout()
    return fig


def steepest_ascent(
    loss2d, grad: Sequence[float], point: Sequence[float], directions: np.ndarray, *, h: float
) -> plt.Figure:
    """Why -gradient is downhill, in two weights.

    Left: contours of ``loss2d(w1, w2)`` around ``point`` (equal axis scales), the gradient
    direction (red, perpendicular to the contour) and the unit ``directions`` (grey).
    Right: the loss change L(point + h u) - L(point) for each unit direction u, against its
    angle to the gradient, beside h ||grad|| cos(angle), the first-order prediction.
    """
    _check.steepest_ascent(loss2d, grad, point, directions, h)
    grad = np.asarray(grad, dtype=float)
    point = np.asarray(point, dtype=float)
    directions = np.asarray(directions, dtype=float)
    norm = float(np.linalg.norm(grad))
    fig, (ax_c, ax_a) = plt.subplots(1, 2, figsize=(10, 4.2))
    r = 1.5
    g1, g2 = np.meshgrid(
        np.linspace(point[0] - r, point[0] + r, 121), np.linspace(point[1] - r, point[1] + r, 121)
    )
    values = np.vectorize(lambda a, b: float(loss2d(a, b)))(g1, g2)
    cs = ax_c.contour(g1, g2, values, levels=12, cmap="viridis", linewidths=1)
    ax_c.clabel(cs, fontsize=7, fmt="%.2f")
    ax_c.contour(g1, g2, values, levels=[float(loss2d(*point))], colors="k", linewidths=1.5)
    for u in directions:
        ax_c.annotate(
            "",
            xy=point + 0.8 * u,
            xytext=point,
            arrowprops=dict(arrowstyle="->", color="0.55", lw=1),
        )
    ax_c.annotate(
        "",
        xy=point + 0.8 * grad / norm,
        xytext=point,
        arrowprops=dict(arrowstyle="->", color="tab:red", lw=2.5),
    )
    ax_c.annotate(
        "",
        xy=point - 0.8 * grad / norm,
        xytext=point,
        arrowprops=dict(arrowstyle="->", color="tab:blue", lw=2.5),
    )
    ax_c.plot(*point, "ko")
    ax_c.text(*(point + 0.9 * grad / norm), say("gradient", "梯度"), color="tab:red", fontsize=9)
    ax_c.text(
        *(point - 1.05 * grad / norm), say("-gradient", "负梯度"), color="tab:blue", fontsize=9
    )
    ax_c.set_aspect("equal")
    ax_c.set_xlabel("w1")
    ax_c.set_ylabel("w2")
    ax_c.set_title(
        say("Contours of L; black: the contour through w", "L 的等高线；黑线：经过 w 的那条")
    )
    angles = np.linspace(-np.pi, np.pi, 361)
    ax_a.plot(
        np.degrees(angles),
        h * norm * np.cos(angles),
        color="0.4",
        label=say("h ||grad|| cos(angle) (first order)", "h ||grad|| cos(angle)（一阶近似）"),
    )
    ang_u, change = [], []
    for u in directions:
        cosine = float(np.clip(u @ grad / norm, -1, 1))
        sign = np.sign(grad[0] * u[1] - grad[1] * u[0]) or 1.0
        ang_u.append(np.degrees(sign * np.arccos(cosine)))
        change.append(float(loss2d(*(point + h * u)) - loss2d(*point)))
    ax_a.plot(
        ang_u,
        change,
        "o",
        color="0.55",
        label=say("random unit directions, measured", "随机单位方向（实测）"),
    )
    up = float(loss2d(*(point + h * grad / norm)) - loss2d(*point))
    down = float(loss2d(*(point - h * grad / norm)) - loss2d(*point))
    ax_a.plot(
        [0],
        [up],
        "o",
        color="tab:red",
        ms=8,
        label=say(f"along the gradient: {up:+.5f}", f"沿梯度方向：{up:+.5f}"),
    )
    ax_a.plot(
        [180],
        [down],
        "o",
        color="tab:blue",
        ms=8,
        label=say(f"against it: {down:+.5f}", f"逆梯度方向：{down:+.5f}"),
    )
    ax_a.axhline(0, color="0.8", lw=0.8)
    ax_a.set_xlabel(say("angle between u and the gradient (degrees)", "u 与梯度的夹角（度）"))
    ax_a.set_ylabel(f"L(w + h u) - L(w), h = {h:g}")
    ax_a.set_title(say("Change of L along unit directions", "沿各单位方向 L 的变化"))
    ax_a.legend(fontsize=7, loc="lower center")
    fig.tight_layout()
    return fig


def draw_backward(
    net: Network,
    X: np.ndarray,
    T: np.ndarray,
    *,
    loss: str = "half_sse",
    paths_of: str | None = "w1",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """The backward pass on a small network: delta = dL/dz under each unit and dL/dw on each edge.

    One sample ``X`` (shape (1, n_in)) and target ``T``. ``paths_of`` names a first-layer
    weight whose paths to the loss are drawn in colour, one colour per output unit they
    reach (for w1 of the 2-2-2 example: via o1 and via o2).
    """
    _check.draw_backward(net, X, T, loss, paths_of, ax, title)
    ax = _axes(ax, (9.0, 4.6))
    X = np.atleast_2d(np.asarray(X, dtype=float))
    T = np.atleast_2d(np.asarray(T, dtype=float))
    net.loss_and_gradients(X, T, loss)
    grads = net.named_gradients()
    sizes = net.sizes
    n_layers = len(sizes)
    pos = {}
    for lay, n in enumerate(sizes):
        for k in range(n):
            pos[lay, k] = (lay * 3.0, (n - 1) / 2.0 - k)
    last = n_layers - 1
    loss_xy = (last * 3.0 + 2.2, 0.0)
    colours = ["tab:red", "tab:purple", "tab:orange", "tab:brown"]
    on_path: dict[tuple, str] = {}
    if paths_of is not None and n_layers == 3:
        matrix, (i, j) = net.weight_position(paths_of)  # in W1: checked at the entry
        for out in range(sizes[2]):
            c = colours[out % len(colours)]
            on_path[(0, i, 1, j, out)] = c
            on_path[(1, j, 2, out, out)] = c
    for name in net.named_weights():
        matrix, (i, j) = net.weight_position(name)
        lay = int(matrix[1:])
        (x0, y0), (x1, y1) = pos[lay - 1, i], pos[lay, j]
        routes = [c for key, c in on_path.items() if key[:4] == (lay - 1, i, lay, j)]
        if routes and lay == 1:
            for r, c in enumerate(routes):
                off = (r - (len(routes) - 1) / 2) * 0.06
                ax.plot([x0, x1], [y0 + off, y1 + off], color=c, lw=2.5, zorder=1)
        elif routes:
            ax.plot([x0, x1], [y0, y1], color=routes[0], lw=2.5, zorder=1)
        else:
            ax.plot([x0, x1], [y0, y1], color="0.75", lw=1, zorder=1)
        t = 0.3 if j % 2 == 0 else 0.62
        ax.text(
            x0 + t * (x1 - x0),
            y0 + t * (y1 - y0),
            f"dE/d{name}\n{grads[name]:+.6f}",
            fontsize=7,
            ha="center",
            va="center",
            bbox=dict(fc="white", ec="none", pad=0.4),
            zorder=3,
        )
    for k in range(sizes[last]):
        x, y = pos[last, k]
        c = colours[k % len(colours)] if on_path else "0.75"
        ax.annotate(
            "",
            xy=loss_xy,
            xytext=(x + 0.3, y),
            arrowprops=dict(arrowstyle="<-", color=c, lw=2 if on_path else 1),
        )
    ax.scatter([loss_xy[0]], [loss_xy[1]], s=1100, color="#ffe0e0", ec="k", zorder=2)
    ax.text(*loss_xy, "E", ha="center", va="center", fontsize=12, zorder=4)
    for (lay, k), (x, y) in pos.items():
        ax.scatter([x], [y], s=900, color="#cfe3ff" if lay else "#e8e8e8", ec="k", zorder=2)
        prefix = "i" if lay == 0 else ("o" if lay == last else "h")
        ax.text(x, y, f"{prefix}{k + 1}", ha="center", va="center", fontsize=10, zorder=4)
        if lay:
            delta = net.layers[lay - 1].delta[0, k]
            ax.text(
                x,
                y - 0.3,
                f"delta = {delta:+.6f}",
                ha="center",
                va="top",
                fontsize=8,
                color="darkred",
                zorder=4,
            )
    if on_path:
        handles = [
            plt.Line2D(
                [],
                [],
                color=colours[o % len(colours)],
                lw=2.5,
                label=f"{paths_of} -> h -> o{o + 1} -> E",
            )
            for o in range(sizes[2])
        ]
        ax.legend(
            handles=handles,
            loc="upper left",
            fontsize=8,
            title=say(f"the paths of {paths_of}", f"{paths_of} 的路径"),
        )
    ax.set_xlim(-0.8, loss_xy[0] + 0.8)
    ax.set_ylim(-(max(sizes) - 1) / 2.0 - 1.0, (max(sizes) - 1) / 2.0 + 0.9)
    ax.axis("off")
    ax.set_title(
        title
        or say(
            "Backward pass: delta of every unit, dE/dw of every weight",
            "反向传播：每个单元的 delta，每个权重的 dE/dw",
        )
    )
    return ax


# Lessons 04-05: computational graph, learning-rate pictures, contours.
def neuron_graph(x: float, w: float, b: float, y: float, *, ax: Axes | None = None) -> Axes:
    r"""One sigmoid neuron with loss :math:`L = \tfrac12(a - y)^2` as a computational graph.

    Nodes: the inputs x, w, b, then p = w*x, z = p + b, a = sigma(z), L. Every edge carries
    its forward value (black, above) and, going backwards, the gradient dL/d(that value)
    (red, below): each node multiplies the gradient arriving from above by its local
    derivative (dL/dz = dL/da * sigma'(z), dL/dw = dL/dp * x, ...).
    """
    _check.neuron_graph(x, w, b, y, ax)
    ax = _axes(ax, (10.0, 3.8))
    p = w * x
    z = p + b
    a = 1.0 / (1.0 + np.exp(-z))
    L = 0.5 * (a - y) ** 2
    dL_da = a - y
    dL_dz = dL_da * a * (1 - a)
    dL_dp = dL_dz  # z = p + b: local derivative 1
    dL_db = dL_dz
    dL_dw = dL_dp * x
    dL_dx = dL_dp * w
    nodes = {
        "x": (0.0, 1.3),
        "w": (0.0, -0.3),
        "b": (3.0, -1.2),
        "*": (3.0, 0.5),
        "+": (5.2, 0.5),
        "sigma": (7.4, 0.5),
        "L": (9.8, 0.5),
    }
    labels = {"*": r"$\times$", "+": "+", "sigma": r"$\sigma$", "L": "L"}
    # (from, to, forward value, its gradient, where the two labels go, alignment)
    edges = [
        ("x", "*", f"x = {x:.4g}", f"dL/dx = {dL_dx:.4f}", (0.3, 1.3), "left"),
        ("w", "*", f"w = {w:.4g}", f"dL/dw = {dL_dw:.4f}", (0.3, -0.3), "left"),
        ("b", "+", f"b = {b:.4g}", f"dL/db = {dL_db:.4f}", (3.3, -1.2), "left"),
        ("*", "+", f"p = wx = {p:.4f}", f"dL/dp = {dL_dp:.4f}", (4.1, 0.5), "center"),
        ("+", "sigma", f"z = {z:.4f}", f"dL/dz = {dL_dz:.4f}", (6.3, 0.5), "center"),
        ("sigma", "L", f"a = {a:.4f}", f"dL/da = {dL_da:.4f}", (8.55, 0.5), "center"),
    ]
    for start, end, forward, backward, (xm, ym), align in edges:
        (x0, y0), (x1, y1) = nodes[start], nodes[end]
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops=dict(arrowstyle="->", color="0.3", lw=1.2, shrinkA=16, shrinkB=16),
        )
        ax.text(xm, ym + 0.1, forward, ha=align, va="bottom", fontsize=8.5, color="black")
        ax.text(xm, ym - 0.1, backward, ha=align, va="top", fontsize=8.5, color="tab:red")
    for name, (cx, cy) in nodes.items():
        face = "#e8e8e8" if name in ("x", "w", "b") else "#cfe3ff"
        ax.text(
            cx,
            cy,
            labels.get(name, name),
            ha="center",
            va="center",
            fontsize=11,
            bbox=dict(boxstyle="round,pad=0.4", fc=face, ec="k"),
        )
    ax.text(
        9.8,
        0.15,
        f"y = {y:.4g}\n" + r"$L = \frac{1}{2}(a-y)^2$" + f" = {L:.4f}",
        ha="center",
        va="top",
        fontsize=8.5,
    )
    ax.text(9.8, -0.55, "dL/dL = 1", ha="center", va="top", fontsize=8.5, color="tab:red")
    ax.set_xlim(-0.5, 11.0)
    ax.set_ylim(-1.6, 1.7)
    ax.axis("off")
    ax.set_title(
        say(
            "forward values (black, left to right); gradients dL/d(value) (red, right to left)",
            "前向计算的值（黑色，从左到右）；梯度 dL/d(值)（红色，从右到左）",
        ),
        fontsize=9,
    )
    return ax


def finite_difference_errors(
    eps: Sequence[float], errors: dict[str, Sequence[float]], *, ax: Axes | None = None
) -> Axes:
    """Largest |backprop - finite differences| against epsilon, one line per formula (log-log)."""
    _check.finite_difference_errors(eps, errors, ax)
    ax = _axes(ax, (6.0, 3.5))
    for (label, values), marker in zip(errors.items(), "os^v"):
        ax.loglog(eps, values, marker=marker, label=label)
    ax.set_xlabel("epsilon")
    ax.set_ylabel(say("max |backprop - numeric|", "max |反向传播 - 数值|"))
    ax.set_title(
        say(
            "finite differences: truncation (right) vs rounding (left)",
            "有限差分：截断误差（右）与舍入误差（左）",
        )
    )
    ax.legend()
    return ax


def per_sample_vs_summed(
    curves: dict[str, Sequence[float]],
    paths: dict[str, np.ndarray],
    *,
    updates_per_epoch: dict[str, int],
    epochs_shown: int = 12,
    lr: float | None = None,
) -> plt.Figure:
    """Left: the loss after every epoch (log scale) for each way of updating.
    Right: the path of two weights (one point per update) over the first ``epochs_shown``."""
    _check.per_sample_vs_summed(curves, paths, updates_per_epoch, epochs_shown, lr)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    for name, curve in curves.items():
        ax1.plot(np.arange(len(curve)), curve, label=name)
    ax1.set_yscale("log")
    ax1.set_xlabel(say("epoch", "轮次"))
    ax1.set_ylabel(say("loss on all samples", "全部样本上的损失"))
    ax1.set_title(
        say("same learning rate", "相同的学习率") + (f" {lr:g}" if lr is not None else "")
    )
    ax1.legend(fontsize=8)
    for (name, path), marker in zip(paths.items(), "so^v"):
        shown = np.asarray(path)[: updates_per_epoch[name] * epochs_shown + 1]
        ax2.plot(shown[:, 0], shown[:, 1], marker=marker, ms=3, lw=1, label=name)
    first = np.asarray(next(iter(paths.values())))[0]
    ax2.plot(*first, "k*", ms=12, label=say("start", "起点"))
    ax2.set_xlabel("W2[0, 0]")
    ax2.set_ylabel("W2[1, 0]")
    ax2.set_title(
        say(
            f"path of two weights, first {epochs_shown} epochs",
            f"两个权重的路径，前 {epochs_shown} 轮",
        )
    )
    ax2.legend(fontsize=8)
    fig.tight_layout()
    return fig


def cost_of_gradients(
    n_weights: Sequence[int],
    backprop_s: Sequence[float],
    finite_s: Sequence[float],
    *,
    ax: Axes | None = None,
) -> Axes:
    """Seconds for one full gradient against the number of weights: back-propagation vs
    two-point finite differences (log-log)."""
    _check.cost_of_gradients(n_weights, backprop_s, finite_s, ax)
    ax = _axes(ax, (6.0, 3.5))
    ax.loglog(
        n_weights,
        finite_s,
        "s-",
        label=say("finite differences (2 passes per weight)", "有限差分（每个权重 2 次前向传播）"),
    )
    ax.loglog(
        n_weights,
        backprop_s,
        "o-",
        label=say("back-propagation (1 forward + 1 backward)", "反向传播（1 次前向 + 1 次反向）"),
    )
    ax.set_xlabel(say("number of weights and biases", "权重和偏置的个数"))
    ax.set_ylabel(say("seconds for one gradient", "算一次梯度的秒数"))
    ax.set_title(say("the cost of one gradient", "算一次梯度的代价"))
    ax.legend(fontsize=8)
    return ax


def loss_history(losses: Sequence[float], *, title: str | None = None) -> plt.Figure:
    """The same loss curve twice: linear scale (left) and log scale (right).

    ``title`` (left) defaults to "loss history" in the language in use."""
    _check.loss_history(losses)
    values = np.asarray(losses, dtype=float)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.5))
    for ax in axes:
        ax.plot(np.arange(len(values)), values, color="tab:blue")
        ax.set_xlabel(say("iteration", "迭代次数"))
        ax.set_ylabel(say("loss L", "损失 L"))
    axes[1].set_yscale("log")
    axes[0].set_title(say("loss history", "损失的变化") if title is None else title)
    axes[1].set_title(say("the same, log scale", "同一条曲线，对数坐标"))
    fig.tight_layout()
    return fig


def steps_1d(lam: float, etas: Sequence[float], *, w0: float = 1.0, steps: int = 8) -> plt.Figure:
    r"""Gradient descent on :math:`L(w) = \lambda w^2/2`, one panel per learning rate:
    the parabola, the points :math:`w_t = (1 - \eta\lambda)^t w_0` joined in order, and the
    factor :math:`1 - \eta\lambda` in the title."""
    _check.steps_1d(lam, etas, w0, steps)
    fig, axes = plt.subplots(1, len(etas), figsize=(2.6 * len(etas), 3.0), sharey=True)
    axes = np.atleast_1d(axes)
    w0 = float(w0)
    w_curve = np.linspace(-2.2 * abs(w0), 2.2 * abs(w0), 201)
    for ax, eta in zip(axes, etas):
        factor = 1 - eta * lam
        w = w0 * factor ** np.arange(steps + 1)
        ax.plot(w_curve, lam * w_curve**2 / 2, color="0.6")
        ax.plot(w, lam * w**2 / 2, "o-", color="tab:red", ms=4, lw=1)
        ax.plot([w[0]], [lam * w[0] ** 2 / 2], "k*", ms=10)
        ax.set_xlim(w_curve[0], w_curve[-1])
        ax.set_ylim(-0.1 * lam * w0**2, 2.6 * lam * w0**2)
        ax.set_title(
            say(
                f"eta = {eta:g}\nfactor 1 - eta*lam = {factor:+.2f}",
                f"eta = {eta:g}\n因子 1 - eta*lam = {factor:+.2f}",
            ),
            fontsize=9,
        )
        ax.set_xlabel("w")
    axes[0].set_ylabel(f"L = {lam:g} w^2 / 2")
    fig.tight_layout()
    return fig


def _gd_path_quadratic(A: np.ndarray, b: np.ndarray, eta: float, start, steps: int) -> np.ndarray:
    """Gradient descent on L = w.A.w/2 - b.w (gradient A w - b), every point."""
    path = [np.asarray(start, dtype=float)]
    for _ in range(steps):
        w = path[-1]
        path.append(w - eta * (A @ w - b))
    return np.array(path)


def contour_paths(
    loss: Callable[[np.ndarray], np.ndarray],
    paths: dict[str, np.ndarray],
    *,
    window: tuple[float, float, float, float],
    minimum: Sequence[float] | None = None,
    levels: Sequence[float] | None = None,
    labels: tuple[str, str] = ("w1", "w2"),
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Contour lines of ``loss`` (a function of an array of points, last axis 2) with
    gradient-descent paths on them; **equal scales on both axes**, so that a step
    along the gradient looks perpendicular to the contour line it starts on."""
    _check.contour_paths(loss, paths, window, minimum, levels, labels, ax, title)
    ax = _axes(ax, (5.0, 4.0))
    x0, x1, y0, y1 = window
    gx, gy = np.meshgrid(np.linspace(x0, x1, 201), np.linspace(y0, y1, 201))
    values = loss(np.stack([gx, gy], axis=-1))
    if levels is None:
        top = float(np.max(values))
        levels = np.geomspace(max(top, 1e-12) * 1e-4, top, 10)
    ax.contour(gx, gy, values, levels=levels, colors="0.6", linewidths=0.7)
    for (name, path), color in zip(
        paths.items(), ["tab:blue", "tab:orange", "tab:red", "tab:green"]
    ):
        path = np.asarray(path)
        ax.plot(path[:, 0], path[:, 1], ".-", ms=5, lw=1, color=color, label=name)
    if minimum is not None:
        ax.plot(*minimum, "k*", ms=12)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xlabel(labels[0])
    ax.set_ylabel(labels[1])
    if len(paths) > 0:
        ax.legend(fontsize=7, loc="upper right")
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def bowl_paths(
    lams: tuple[float, float], etas: Sequence[float], *, start=(-1.8, 1.0), steps: int = 20
) -> plt.Figure:
    r"""The axis-aligned bowl :math:`L = (\lambda_1 w_1^2 + \lambda_2 w_2^2)/2`, one panel per
    learning rate, with ``steps`` steps of gradient descent from ``start`` (equal axis scales)."""
    _check.bowl_paths(lams, etas, start, steps)
    A = np.diag(np.asarray(lams, dtype=float))
    fig, axes = plt.subplots(1, len(etas), figsize=(3.3 * len(etas), 3.2), sharey=True)
    axes = np.atleast_1d(axes)
    levels = np.geomspace(1e-3, 10, 10)
    for ax, eta in zip(axes, etas):
        path = _gd_path_quadratic(A, np.zeros(2), eta, start, steps)
        contour_paths(
            lambda P: 0.5 * (lams[0] * P[..., 0] ** 2 + lams[1] * P[..., 1] ** 2),
            {f"eta = {eta:g}": np.clip(path, -5, 5)},
            window=(-2.0, 2.0, -1.5, 1.5),
            minimum=(0.0, 0.0),
            levels=levels,
            ax=ax,
        )
        f1, f2 = 1 - eta * lams[0], 1 - eta * lams[1]
        ax.set_title(
            say(
                f"eta = {eta:g}: factors {f1:+.2f}, {f2:+.2f}",
                f"eta = {eta:g}：因子 {f1:+.2f}, {f2:+.2f}",
            ),
            fontsize=9,
        )
        ax.get_legend().remove()
    fig.tight_layout()
    return fig


def loss_curves(curves: dict[str, Sequence[float]], *, title: str = "", ylim=(1e-12, 1e12)) -> Axes:
    """Several loss curves on one log-scaled axes (one line per label): :func:`plot_loss`
    with lesson 05's axis labels and a fixed vertical range."""
    _check.loss_curves(curves, title, ylim)
    ax = plot_loss(
        dict(curves),
        ax=_axes(None, (8.0, 3.8)),
        xlabel=say("epoch (= iteration, full batch)", "轮次（= 迭代次数，全批量）"),
        ylabel=say("loss L, log scale", "损失 L（对数坐标）"),
        log=True,
        title=title,
    )
    ax.set_ylim(*ylim)
    ax.legend(fontsize=8)
    return ax


def canvas_png(canvas) -> bytes:
    """What a figure's Agg ``canvas`` holds now, as a PNG: RGB (the figure is opaque), light
    compression. The panels' pictures (lessons 05, 07, 09, 11) use it after blitting.

    Against ``savefig(format="png")`` (RGBA, zlib level 6) this skips drawing the figure
    again and encodes in about half the time, for a file about a third larger.
    """
    _check.canvas(canvas)
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    rgb = np.asarray(canvas.buffer_rgba())[..., :3]
    PILImage.fromarray(rgb).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


class RatePicture:
    """The learning-rate slider's picture, drawn once and updated cheaply.

    Left: the contour lines of a two-weight loss (equal axis scales) and a red path;
    right: log10 of the loss against the iteration. Contours, axes and labels are drawn
    once; :meth:`png` draws only the red lines and the title on a copy of that background
    (matplotlib "blitting"), a few hundredths of a second per slider move.
    """

    def __init__(
        self,
        loss: Callable[[np.ndarray], np.ndarray],
        *,
        window: tuple[float, float, float, float],
        minimum: Sequence[float],
        iterations: int,
        levels: Sequence[float] | None = None,
        labels: tuple[str, str] = ("w1", "w2"),
    ) -> None:
        _check.rate_picture(iterations)
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.fig = Figure(figsize=(10, 3.8))
        self.canvas = FigureCanvasAgg(self.fig)
        self.ax_path, self.ax_loss = self.fig.subplots(1, 2)
        self.fig.subplots_adjust(left=0.07, right=0.98, bottom=0.14, top=0.9, wspace=0.25)
        contour_paths(
            loss,
            {},
            window=window,
            minimum=minimum,
            levels=levels,
            labels=labels,
            ax=self.ax_path,
        )
        self.ax_loss.set_xlim(0, iterations)
        self.ax_loss.set_ylim(-12, 7)
        self.ax_loss.set_xlabel(say("iteration", "迭代次数"))
        self.ax_loss.set_ylabel("log10 L")
        self.ax_loss.set_title(
            say("loss curve (stopped once L > 1e6)", "损失曲线（L > 1e6 时停止）")
        )
        self.path_line = self.ax_path.plot(
            [], [], ".-", ms=3, lw=0.8, color="tab:red", animated=True
        )[0]
        self.loss_line = self.ax_loss.plot([], [], color="tab:red", animated=True)[0]
        self.title = self.ax_path.set_title(" ", animated=True)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)

    def png(self, path: np.ndarray, losses: Sequence[float], title: str) -> bytes:
        """The picture with this path and loss curve, as PNG bytes."""
        _check.rate_picture_png(path, losses, title)
        path = np.asarray(path)
        self.path_line.set_data(path[:, 0], path[:, 1])
        self.loss_line.set_data(np.arange(len(losses)), np.log10(np.asarray(losses, dtype=float)))
        self.title.set_text(title)
        self.canvas.restore_region(self.background)
        self.ax_path.draw_artist(self.path_line)
        self.ax_path.draw_artist(self.title)
        self.ax_loss.draw_artist(self.loss_line)
        return canvas_png(self.canvas)


def descent_on_curve(
    f: Callable[[np.ndarray], np.ndarray],
    paths: dict[str, np.ndarray],
    *,
    minima: Sequence[float] = (),
    window: tuple[float, float] = (-2.2, 2.2),
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """A 1-D function and gradient-descent paths on it (points (w_t, f(w_t)) joined)."""
    _check.descent_on_curve(f, paths, minima, window, ax, title)
    ax = _axes(ax, (5.0, 3.8))
    w = np.linspace(*np.asarray(window, dtype=float), 400)
    ax.plot(w, f(w), color="0.5")
    for (label, visited), color in zip(
        paths.items(), ["tab:blue", "tab:orange", "tab:green", "tab:red"]
    ):
        visited = np.asarray(visited, dtype=float)
        ax.plot(visited, f(visited), "o-", ms=3, lw=0.8, color=color, label=label)
    if len(minima):
        m = np.asarray(minima, dtype=float)
        ax.plot(m, f(m), "k*", ms=12)
    ax.set_xlabel("w")
    if title:
        ax.set_title(title)
    ax.legend(fontsize=8)
    return ax


def schedules_and_distances(
    rates: dict[str, Sequence[float]], distances: dict[str, Sequence[float]]
) -> plt.Figure:
    """Left: each schedule's learning rate against the iteration; right: the distance to the
    solution after every update (both log-scaled), one line per schedule."""
    _check.schedules_and_distances(rates, distances)
    fig, (ax_rate, ax_dist) = plt.subplots(1, 2, figsize=(10, 3.8))
    for name, values in rates.items():
        ax_rate.plot(np.arange(1, len(values) + 1), values, label=name)
    for name, values in distances.items():
        ax_dist.plot(np.arange(1, len(values) + 1), values, lw=0.8, label=name)
    ax_rate.set_yscale("log")
    ax_rate.set_ylim(1e-4, 0.2)
    ax_rate.set_xlabel(say("iteration t", "迭代次数 t"))
    ax_rate.set_ylabel(say("learning rate", "学习率"))
    ax_rate.set_title(say("the schedules", "学习率调度"))
    ax_rate.legend(fontsize=7)
    ax_dist.set_yscale("log")
    ax_dist.set_xlabel(say("iteration", "迭代次数"))
    ax_dist.set_ylabel(say("distance to the solution", "到解的距离"))
    ax_dist.set_title(say("SGD, batch size 1", "SGD，批量大小 1"))
    fig.tight_layout()
    return fig


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
    _check.batch_paths_on_contours(x, y, paths, ax, title)
    x, y = np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()
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
    ax.plot(*start, "o", color="k", ms=6, label=say("start", "起点"))
    ax.plot(*best, "*", color="k", ms=12, label=say("minimum", "最小值"))
    ax.set_aspect("equal")
    ax.set_xlim(w[0], w[-1])
    ax.set_ylim(b[0], b[-1])
    ax.set_xlabel(say("w (slope)", "w（斜率）"))
    ax.set_ylabel(say("b (intercept)", "b（截距）"))
    ax.legend(fontsize=8, loc="best")
    if title:
        ax.set_title(title)
    return ax


def loss_three_ways(runs: dict[str, dict]) -> plt.Figure:
    """The same runs' full-data loss per update, per epoch and per second (three panels).

    Each run is a dict with arrays ``"loss"``, ``"iteration"``, ``"epoch"``, ``"seconds"``
    (one entry per update, the start included).
    """
    _check.loss_three_ways(runs)
    fig, axes = plt.subplots(1, 3, figsize=(10, 3.4), sharey=True)
    for label, r in runs.items():
        style = {"lw": 1, "label": label, **_style(label)}
        axes[0].plot(r["iteration"][1:], r["loss"][1:], **style)
        axes[1].plot(r["epoch"][1:], r["loss"][1:], **style)
        axes[2].plot(r["seconds"], r["loss"], **style)
    axes[0].set(
        xscale="log",
        xlabel=say("iterations (updates)", "迭代次数（更新次数）"),
        ylabel=say("loss on all samples (MSE)", "全部样本上的损失（MSE）"),
    )
    axes[1].set(xscale="log", xlabel=say("epochs", "轮次"))
    axes[2].set(xlabel=say("seconds of training (this run)", "训练的秒数（本次运行）"))
    titles = [
        say("per update", "按更新次数"),
        say("per epoch", "按轮次"),
        say("per second", "按秒"),
    ]
    for ax, title in zip(axes, titles):
        ax.set_title(title)
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig


def update_cost(sizes: Sequence[int], seconds: Sequence[float], *, ax: Axes | None = None) -> Axes:
    """Seconds per update against batch size (log-log), with a line proportional to b."""
    _check.update_cost(sizes, seconds, ax)
    ax = _axes(ax, (5.0, 3.4))
    sizes_f = np.asarray(sizes, dtype=float)
    seconds_f = np.asarray(seconds, dtype=float)
    ax.loglog(sizes_f, seconds_f, "o-", label=say("measured", "实测"))
    ax.loglog(
        sizes_f,
        seconds_f[-1] * sizes_f / sizes_f[-1],
        "--",
        color="0.5",
        label=say("proportional to B", "与 B 成正比"),
    )
    ax.set(
        xlabel=say("batch size B", "批量大小 B"),
        ylabel=say("seconds per update", "每次更新的秒数"),
        title=say("cost of one update", "一次更新的代价"),
    )
    ax.legend(fontsize=8)
    return ax


def shuffle_sawtooth(runs: dict[str, dict], epochs_shown: int = 3) -> plt.Figure:
    """Left: full-data loss per epoch for each run; right: the last epochs, one dot per update."""
    _check.shuffle_sawtooth(runs, epochs_shown)
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.4))
    for label, r in runs.items():
        k = epochs_shown * r["per_epoch"]
        axes[0].plot(r["epoch"], r["loss"], lw=1, label=label)
        axes[1].plot(r["iteration"][-k:], r["loss"][-k:], ".-", lw=1, label=label)
    last = next(iter(runs.values()))
    for j in range(epochs_shown):
        axes[1].axvline(last["iteration"][-1] - j * last["per_epoch"], color="0.8", lw=0.8)
    axes[0].set(
        xlabel=say("epochs", "轮次"),
        ylabel=say("loss on all samples (MSE)", "全部样本上的损失（MSE）"),
        title=say("whole run", "整个运行过程"),
    )
    axes[1].set(
        xlabel=say("iterations", "迭代次数"),
        title=say(
            f"the last {epochs_shown} epochs, one dot per update",
            f"最后 {epochs_shown} 轮，每次更新一个点",
        ),
    )
    axes[0].legend(fontsize=8)
    fig.tight_layout()
    return fig


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
    _check.draw_race(
        ax, fn, paths, xlim, ylim, levels, start, minimum, labels, dots, resolution, title
    )
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
    _check.race_paths(figsize, kwargs)
    _, ax = plt.subplots(figsize=figsize)
    return draw_race(ax, fn, paths, **kwargs)


def distance_per_step(
    distances: dict[str, np.ndarray], tol: float = 1e-3, ax: Axes | None = None, title: str = ""
) -> Axes:
    """Distance to the minimum after each step, one line per run, on a log scale.

    A dotted line marks ``tol``: a run has settled once its line stays below it.
    """
    _check.distance_per_step(distances, tol, ax, title)
    ax = _axes(ax, (7.5, 3.6))
    for label, d in distances.items():
        d = np.asarray(d, dtype=float)
        ax.plot(np.arange(len(d)), d, lw=1.2, label=label)
    ax.axhline(tol, color="0.3", ls=":", label=say(f"within {tol:g}", f"在 {tol:g} 以内"))
    ax.set_yscale("log")
    ax.set_ylim(1e-12, 1e2)
    ax.set_xlabel(say("step t", "步数 t"))
    ax.set_ylabel(say("distance to the minimum", "到最小值的距离"))
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.02, 0.5))
    return ax


def adam_step_ratios(ratios: dict[str, np.ndarray], ax: Axes | None = None) -> Axes:
    """Adam's step length on a constant gradient, as a multiple of η, for t = 1, 2, ...

    ``ratios`` maps a label (which correction is left out) to the step lengths / η.
    """
    _check.adam_step_ratios(ratios, ax)
    ax = _axes(ax, (7.0, 3.2))
    for label, r in ratios.items():
        r = np.asarray(r, dtype=float)
        ax.plot(np.arange(1, len(r) + 1), r, label=label)
    ax.axhline(1.0, color="0.3", ls=":", label=say("with both corrections", "两项修正都做"))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(say("step t", "步数 t"))
    ax.set_ylabel(say("step length / eta", "步长 / eta"))
    ax.set_title(
        say(
            "Adam on a constant gradient: step length without bias correction",
            "恒定梯度上的 Adam：不做偏差修正时的步长",
        ),
        fontsize=10,
    )
    ax.legend(fontsize=8)
    return ax


def momentum_conventions(
    step_outside: np.ndarray, step_inside: np.ndarray, drop_after: int, ax: Axes | None = None
) -> Axes:
    """Step lengths |w_t - w_(t-1)| of momentum with the rate outside and inside the velocity."""
    _check.momentum_conventions(step_outside, step_inside, drop_after, ax)
    ax = _axes(ax, (7.0, 3.2))
    t = np.arange(1, len(step_outside) + 1)
    outside = say("rate outside (nnlesson, PyTorch)", "学习率在速度之外（nnlesson、PyTorch）")
    ax.plot(t, step_outside, "o-", ms=3, label=outside)
    ax.plot(
        t,
        step_inside,
        "s-",
        ms=3,
        label=say("rate inside (textbook)", "学习率在速度之内（教科书）"),
    )
    ax.axvline(
        drop_after + 0.5, color="0.5", ls=":", label=say("rate drops tenfold", "学习率降为十分之一")
    )
    ax.set_yscale("log")
    ax.set_xlabel(say("step t", "步数 t"))
    ax.set_ylabel(say("step length |w_t - w_(t-1)|", "步长 |w_t - w_(t-1)|"))
    ax.set_title(
        say("Same momentum, same schedule, two conventions", "同样的动量、同样的调度，两种写法"),
        fontsize=10,
    )
    ax.legend(fontsize=8)
    return ax


# Lessons 08-09: initialisation, generalisation.


def activation_histograms(
    activations: dict[str, Sequence[np.ndarray]],
    *,
    bins: np.ndarray | None = None,
    xlabel: str | None = None,
) -> plt.Figure:
    """Per-layer histograms of activations, one row per initialisation (lesson 08).

    ``activations[label][l]`` holds every activation of layer ``l + 1`` (any shape) for the
    start named ``label``. Each panel shows the share of activations in each bin, on its own
    vertical scale, so a spread-out row stays visible next to a row of spikes. ``xlabel``
    defaults to "activation" in the language in use.
    """
    _check.activation_histograms(activations, bins, xlabel)
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
                ax.set_title(say(f"layer {c + 1}", f"第 {c + 1} 层"), fontsize=9)
            if c == 0:
                ax.set_ylabel(say(f"{label}\nshare", f"{label}\n占比"), fontsize=8)
            if r == len(rows) - 1:
                ax.set_xlabel(say("activation", "激活值") if xlabel is None else xlabel, fontsize=8)
    fig.tight_layout()
    return fig


def saturation_sweep(
    scales: Sequence[float],
    saturated: dict[str, Sequence[float]],
    gradient: dict[str, Sequence[float]],
    *,
    mark: float | None = None,
    mark_label: str | None = None,
) -> plt.Figure:
    """Two panels against the weight scale ``s`` (log axis): the share of saturated units per
    layer, and sizes of the first layer's gradient (lesson 08). ``mark_label`` names the
    line at ``mark`` (default "Xavier's s", in the language in use)."""
    _check.saturation_sweep(scales, saturated, gradient, mark, mark_label)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.4))
    for label, share in saturated.items():
        ax1.semilogx(scales, share, "o-", ms=3, label=label)
    ax1.set_xlabel(say("weight scale s", "权重尺度 s"))
    ax1.set_ylabel(say("share of units", "单元占比"))
    ax1.set_title(say("saturated units (sigma' < 0.01)", "饱和的单元（sigma' < 0.01）"))
    for label, values in gradient.items():
        ax2.loglog(scales, values, "o-", ms=3, label=label)
    ax2.set_xlabel(say("weight scale s", "权重尺度 s"))
    ax2.set_title(say("first-layer gradient", "第一层的梯度"))
    if mark_label is None:
        mark_label = say("Xavier's s", "Xavier 的 s")
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
    _check.curves(series, ax, logx, logy, xlabel, ylabel, title, hlines, vlines, legend_cols)
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
    _check.quadratic_slices(panels, levels)
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
    _check.regression_fits(xs, truth, points, fits, ax, title, colors)
    ax = _axes(ax, (6.0, 3.5))
    xs = np.asarray(xs, dtype=float).ravel()
    ax.plot(
        xs, np.asarray(truth).ravel(), ":", color="black", label=say("true sin(x)", "真实的 sin(x)")
    )
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


class FitPicture:
    """Lesson 09's lambda slider picture: :func:`regression_fits` with one fitted curve,
    drawn once; :meth:`png` changes only the curve and its legend entry.

    The true curve, the data, the axes and labels are kept as a background; a move redraws
    the fitted curve, the frame and the legend on a copy of it (matplotlib "blitting"), in
    the order a full draw takes, so the picture is the same to the pixel.
    """

    def __init__(
        self,
        xs: np.ndarray,
        truth: np.ndarray,
        points: dict[str, tuple[np.ndarray, np.ndarray]],
        *,
        color: str = "tab:green",
        figsize: tuple[float, float] = (6.0, 3.5),
    ) -> None:
        _check.fit_picture(color, figsize)
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.fig = Figure(figsize=figsize)
        self.canvas = FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_subplot()
        empty = np.full(np.shape(xs), np.nan)
        regression_fits(xs, truth, points, {" ": empty}, ax=self.ax, colors=[color])
        self.fig.tight_layout()
        self.fit_line = self.ax.lines[-1]
        self.legend = self.ax.get_legend()
        self.changing = [self.fit_line, *self.ax.spines.values(), self.legend]
        for artist in self.changing:
            artist.set_animated(True)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.fig.bbox)

    def png(self, fit: np.ndarray, label: str) -> bytes:
        """The picture with fitted curve ``fit`` (values over ``xs``) named ``label``; PNG bytes."""
        _check.fit_picture_png(fit, self.fit_line.get_xdata().size, label)
        self.fit_line.set_ydata(np.asarray(fit, dtype=float).ravel())
        self.legend.get_texts()[-1].set_text(label)
        self.canvas.restore_region(self.background)
        for artist in self.changing:
            self.ax.draw_artist(artist)
        return canvas_png(self.canvas)


# Lessons 10-11: deep networks, XOR.
def gradient_profiles(
    profiles: dict[int, np.ndarray], *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """One line per depth: ``profiles[depth][l - 1]`` = ||dL/dW^l|| against the layer l, log scale."""
    _check.gradient_profiles(profiles, ax, title)
    ax = _axes(ax, (5.0, 4.0))
    colors = plt.cm.viridis(np.linspace(0, 0.9, len(profiles)))
    for color, (depth, norms) in zip(colors, sorted(profiles.items())):
        ax.plot(
            range(1, len(norms) + 1),
            norms,
            "o-",
            ms=3,
            color=color,
            label=say(f"depth {depth}", f"深度 {depth}"),
        )
    ax.set_yscale("log")
    ax.set_xlabel(say("layer l (1 = next to the input)", "层 l（1 = 紧挨输入的一层）"))
    ax.set_ylabel("||dL/dW_l||")
    ax.legend(fontsize=6, ncol=2)
    if title:
        ax.set_title(title, fontsize=10)
    return ax


def run_loss_curves(
    runs: dict[str, list[Sequence[float]]], *, ax: Axes | None = None, title: str | None = None
) -> Axes:
    """Loss per epoch on a log scale: one colour per name, one line per run under that name."""
    _check.run_loss_curves(runs, ax, title)
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
    ax.set_xlabel(say("epoch", "轮次"))
    ax.set_ylabel(say("MSE (full batch)", "MSE（全批量）"))
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
    _check.xor_hidden_space(net, X, Y)
    X = np.asarray(X, dtype=float)
    ones = np.asarray(Y).ravel() > 0.5
    hidden, output = net.layers
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 4.0))
    plot_decision_boundary(
        lambda P: net.forward(P)[:, 0],
        X,
        Y,
        ax=left,
        resolution=81,
        title=say("input space (x1, x2)", "输入空间 (x1, x2)"),
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
    right.scatter(
        H[~ones, 0],
        H[~ones, 1],
        c="tab:blue",
        ec="k",
        s=60,
        zorder=3,
        label=say("XOR = 0", "异或 = 0"),
    )
    right.scatter(
        H[ones, 0],
        H[ones, 1],
        c="tab:red",
        ec="k",
        s=60,
        zorder=3,
        label=say("XOR = 1", "异或 = 1"),
    )
    labels: dict[tuple[float, float], list[str]] = {}  # points that land together share a label
    for (a, b), h in zip(X.astype(int), H):
        spot = next((k for k in labels if np.hypot(*(np.array(k) - h)) < 0.1), tuple(h))
        labels.setdefault(spot, []).append(f"({a},{b})")
    for (h1, h2), names in labels.items():
        right.annotate(
            say(" and ", " 和 ").join(names),
            (h1, h2),
            textcoords="offset points",
            xytext=(-8 if h1 > 0.5 else 8, -14 if h2 > 0.5 else 8),
            ha="right" if h1 > 0.5 else "left",
            fontsize=8,
        )
    right.set_xlim(-0.05, 1.05)
    right.set_ylim(-0.05, 1.05)
    right.set_xlabel(say("h1 (hidden unit 1)", "h1（隐藏单元 1）"))
    right.set_ylabel(say("h2 (hidden unit 2)", "h2（隐藏单元 2）"))
    right.set_title(
        say("hidden space (h1, h2): one line separates", "隐藏空间 (h1, h2)：一条直线就能分开")
    )
    right.legend(fontsize=7, loc="center")
    fig.tight_layout()
    return fig


# Lesson 12: handwritten digits.
def slowdown_curves(
    outputs: dict[str, Sequence[float]], losses: dict[str, Sequence[float]]
) -> plt.Figure:
    """One neuron learning from a wrong, saturated start: its output (left) and loss (right)
    per epoch, one curve per loss function (dicts label -> values)."""
    _check.slowdown_curves(outputs, losses)
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.2))
    for label, values in outputs.items():
        left.plot(np.arange(len(values)), values, label=label)
    left.axhline(1.0, color="0.6", ls=":", lw=1)
    left.set_xlabel(say("epoch", "轮次"))
    left.set_ylabel(say("output a = sigma(z)", "输出 a = sigma(z)"))
    left.set_title(say("output (target y = 1)", "输出（目标 y = 1）"))
    left.set_ylim(0, 1.05)
    left.legend(fontsize=8)
    for label, values in losses.items():
        right.plot(np.arange(len(values)), values, label=label)
    right.set_xlabel(say("epoch", "轮次"))
    right.set_ylabel(say("loss", "损失"))
    right.set_title(say("loss", "损失"))
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
    _check.digits(X, labels, per_class)
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
    _check.training_curves(histories)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 3.6))
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    for (name, h), color in zip(histories.items(), colors):
        epochs = np.arange(1, len(h["train_loss"]) + 1)
        training = say(f"{name} training", f"{name} 训练集")
        validation = say(f"{name} validation", f"{name} 验证集")
        left.plot(epochs, h["train_loss"], color=color, label=training)
        left.plot(epochs, h["val_loss"], "--", color=color, label=validation)
        right.plot(epochs, h["train_acc"], color=color, label=training)
        right.plot(epochs, h["val_acc"], "--", color=color, label=validation)
    left.set_yscale("log")
    left.set_xlabel(say("epoch", "轮次"))
    left.set_ylabel(say("cross-entropy loss", "交叉熵损失"))
    right.set_xlabel(say("epoch", "轮次"))
    right.set_ylabel(say("accuracy", "准确率"))
    right.set_ylim(0.8, 1.0)
    left.legend(fontsize=7)
    right.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    return fig


def confusion_matrix(counts: np.ndarray, *, ax: Axes | None = None) -> Axes:
    """A k×k table of counts (rows: true class, columns: predicted), each count written in."""
    _check.confusion(counts)
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
    ax.set_xlabel(say("predicted", "预测类别"))
    ax.set_ylabel(say("true", "真实类别"))
    ax.set_title(
        say(
            "test set: true vs predicted (red: mistakes)",
            "测试集：真实类别与预测类别（红色：错误）",
        ),
        fontsize=9,
    )
    return ax


def misclassified_digits(
    X: np.ndarray, labels: np.ndarray, probabilities: np.ndarray, limit: int = 12
) -> plt.Figure:
    """Each misclassified image above a bar chart of its 10 probabilities.

    The bar of the true class is green, the network's choice red.
    """
    _check.digits(X, labels)
    _check.probabilities(probabilities, len(np.asarray(X)), limit)
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
    fig.suptitle(
        say(
            "misclassified test digits: true -> predicted, and the probabilities",
            "分错的测试集数字：真实 -> 预测，以及各类别的概率",
        ),
        fontsize=9,
    )
    fig.tight_layout()
    return fig


def first_layer_weights(W: np.ndarray, limit: int = 16) -> plt.Figure:
    """The weights into the first ``limit`` hidden units, each drawn as an 8×8 image.

    Red: a dark (inked) pixel there raises the unit's net input z; blue: lowers it.
    One colour scale for all, symmetric around 0 (weights beyond it drawn at its ends).
    """
    _check.first_layer(W, limit)
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
    fig.suptitle(
        say(
            "first-layer weights W1[:, j] as 8x8 images (red +, blue -)",
            "第一层权重 W1[:, j]，每列画成 8x8 图像（红 +，蓝 -）",
        ),
        fontsize=9,
    )
    fig.tight_layout()
    return fig
