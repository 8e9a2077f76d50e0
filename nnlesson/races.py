"""Optimizer races on 2-D test functions (lesson 07).

A *race* starts several optimizers from one point of the plane and counts the steps each
needs to **settle**: to come within ``TOL`` of the minimum and stay there. This module
holds the pieces, so the lesson's cells hold the ideas:

* the test functions and their gradients, written for a whole stack of points (the last
  axis holds ``x, y``): the ill-conditioned bowl :func:`f_ill`, Rosenbrock's valley
  :func:`rosenbrock`, the round bowl :func:`f_round`, and the bowl turned by 45 degrees
  :func:`f_rot`; :data:`PROBLEMS` names each with its start, minimum and view;
* :func:`run` (an optimizer's path from a start), :func:`settle_step`, :func:`tune` (the
  best of 19 learning rates per optimizer, all run at once) and :func:`race_table`;
* :func:`show_race`, the race panel's plain callback (prints one line per optimizer and
  draws the paths), and :func:`race_panel`, the sliders around it.

Imported on use (``from nnlesson import races``); it needs matplotlib and ipywidgets.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

import ipywidgets as w
import numpy as np
from IPython import get_ipython
from IPython.display import Image, display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from nnlesson import _race_checks as _check
from nnlesson._validation import as_float_array
from nnlesson.language import say
from nnlesson.optimizers import AdaGrad, Adam, GradientDescent, Momentum, Optimizer, RMSProp
from nnlesson.plots import canvas_png, draw_race
from nnlesson.widgets import Panel, readout_html

Points = np.ndarray  # shape (..., 2): the last axis holds x and y
NAMES = ("GD", "Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam")
GRADIENT_FAMILY = ("GD", "Momentum", "Nesterov")  # steps of size eta * g
RATES = 10.0 ** np.arange(-4, 0.51, 0.25)  # 19 rates, 1e-4 .. 10**0.5, a quarter decade apart
TOL = 1e-3  # "settled": within this distance of the minimum, and staying there


# --- the test functions ----------------------------------------------------------------


def _points(w: object) -> np.ndarray:
    """``w`` as an array of points whose last axis holds x and y, or an error saying so."""
    arr = as_float_array(w, "w")
    if arr.shape[-1:] != (2,):
        raise ValueError(
            f"w must hold points (x, y): its last axis must have length 2; got shape "
            f"{arr.shape}. Fix: pass np.array([x, y]), or an array of shape (n, 2)."
        )
    return arr


def f_ill(w: Points) -> np.ndarray:
    r"""The ill-conditioned bowl :math:`f(x, y) = \tfrac12 (x^2 + 25 y^2)`, minimum (0, 0)."""
    w = _points(w)
    return 0.5 * (w[..., 0] ** 2 + 25.0 * w[..., 1] ** 2)


def grad_ill(w: Points) -> np.ndarray:
    r""":math:`\nabla f = (x, 25 y)`."""
    w = _points(w)
    return np.stack([w[..., 0], 25.0 * w[..., 1]], axis=-1)


def rosenbrock(w: Points) -> np.ndarray:
    r"""Rosenbrock's valley :math:`r(x, y) = (1 - x)^2 + 100 (y - x^2)^2`, minimum (1, 1)."""
    w = _points(w)
    x, y = w[..., 0], w[..., 1]
    return (1 - x) ** 2 + 100.0 * (y - x**2) ** 2


def grad_rosenbrock(w: Points) -> np.ndarray:
    r""":math:`\nabla r = (-2(1 - x) - 400 x (y - x^2),\ 200 (y - x^2))`."""
    w = _points(w)
    x, y = w[..., 0], w[..., 1]
    return np.stack([-2 * (1 - x) - 400.0 * x * (y - x**2), 200.0 * (y - x**2)], axis=-1)


def f_round(w: Points) -> np.ndarray:
    r"""The round bowl :math:`\tfrac12 (x^2 + y^2)`, minimum (0, 0)."""
    w = _points(w)
    return 0.5 * (w[..., 0] ** 2 + w[..., 1] ** 2)


def grad_round(w: Points) -> np.ndarray:
    r""":math:`\nabla = w` itself."""
    return np.array(_points(w), copy=True)


_C = np.sqrt(0.5)
ROTATION = np.array([[_C, -_C], [_C, _C]])  # a turn by 45 degrees
A_ROT = ROTATION @ np.diag([1.0, 25.0]) @ ROTATION.T  # f_ill's Hessian, turned


def f_rot(w: Points) -> np.ndarray:
    r"""``f_ill`` turned by 45 degrees: :math:`\tfrac12 w^\top A w` with A = R diag(1, 25) Rᵀ."""
    w = _points(w)
    return 0.5 * np.einsum("...i,ij,...j->...", w, A_ROT, w)


def grad_rot(w: Points) -> np.ndarray:
    r""":math:`\nabla = A w` (A is symmetric)."""
    w = _points(w)
    return w @ A_ROT


@dataclass(frozen=True)
class Problem:
    """A test function, its gradient, where the race starts, its minimum and what to draw."""

    fn: Callable[[Points], np.ndarray]
    grad: Callable[[Points], np.ndarray]
    start: tuple[float, float]
    minimum: tuple[float, float]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    levels: tuple[float, ...]

    def view(self) -> dict:
        """The keywords :func:`nnlesson.plots.draw_race` needs for this function."""
        return dict(
            xlim=self.xlim,
            ylim=self.ylim,
            levels=self.levels,
            start=np.array(self.start),
            minimum=np.array(self.minimum),
        )


PROBLEMS = {
    "ill-conditioned bowl": Problem(
        f_ill,
        grad_ill,
        (-4.0, 1.2),
        (0.0, 0.0),
        (-4.6, 2.4),
        (-2.1, 1.6),
        tuple(np.geomspace(0.01, 60, 14)),
    ),
    "Rosenbrock": Problem(
        rosenbrock,
        grad_rosenbrock,
        (-1.2, 1.0),
        (1.0, 1.0),
        (-2.0, 2.0),
        (-0.75, 3.0),
        tuple(np.geomspace(0.1, 2500, 14)),
    ),
}


def problem_name(problem: str) -> str:
    """The name of a key of :data:`PROBLEMS` in the language in use."""
    _check.problem_name(problem)
    names = {
        "ill-conditioned bowl": say("ill-conditioned bowl", "病态的碗形函数"),
        "Rosenbrock": say("Rosenbrock", "Rosenbrock 函数"),
    }
    return names.get(problem, problem)


# --- running, settling, tuning ---------------------------------------------------------


def make_optimizer(
    name: str,
    lr,
    beta: float = 0.9,
    beta1: float = 0.9,
    beta2: float = 0.999,
    rho: float = 0.9,
) -> Optimizer:
    """One of the six racers by name (``NAMES``), with its settings."""
    _check.make_optimizer(name, lr, beta, beta1, beta2, rho)
    makers = {
        "GD": lambda: GradientDescent(lr=lr),
        "Momentum": lambda: Momentum(lr=lr, beta=beta),
        "Nesterov": lambda: Momentum(lr=lr, beta=beta, nesterov=True),
        "AdaGrad": lambda: AdaGrad(lr=lr),
        "RMSProp": lambda: RMSProp(lr=lr, rho=rho),
        "Adam": lambda: Adam(lr=lr, beta1=beta1, beta2=beta2),
    }
    if name not in makers:
        raise ValueError(f"unknown optimizer {name!r}: choose one of {', '.join(NAMES)}")
    return makers[name]()


def run(optimizer: Optimizer, grad, start, steps: int) -> tuple[np.ndarray, object]:
    """All iterates w_0 .. w_steps of ``optimizer`` from ``start``, and its final state.

    The path has shape ``(steps + 1, 2)``; a start of shape ``(k, 2)`` runs ``k``
    independent races at once (path ``(steps + 1, k, 2)``). A run stops early once every
    coordinate has left ``|w| < 1e6`` (it has blown up).
    """
    _check.run(optimizer, grad, start, steps)
    if int(steps) != steps or steps < 0:
        raise ValueError(f"steps must be a whole number >= 0; got {steps!r}")
    params = {"w": np.array(start, dtype=float)}
    state = optimizer.init(params)
    path = [params["w"]]
    with np.errstate(all="ignore"):  # a diverging run may overflow; it is detected below
        for _ in range(int(steps)):
            params, state = optimizer.step(params, {"w": grad(params["w"])}, state)
            path.append(params["w"])
            if not np.any(np.abs(params["w"]) < 1e6):
                break
    return np.array(path), state


def distances(path: np.ndarray, minimum) -> np.ndarray:
    """Distance of every iterate to ``minimum``; ``inf`` where a run overflowed."""
    minimum = _check.distances(path, minimum)
    with np.errstate(all="ignore"):
        d = np.linalg.norm(np.asarray(path, dtype=float) - np.asarray(minimum), axis=-1)
    return np.where(np.isfinite(d), d, np.inf)


def settle_step(d: np.ndarray, tol: float = TOL) -> int | None:
    """The first step t from which every distance d[t], d[t+1], ... is below ``tol``.

    ``None`` if the last one is not (the run has not settled within its steps).
    """
    _check.settle_step(d, tol)
    inside = np.asarray(d) < tol
    if not inside[-1]:
        return None
    outside = np.flatnonzero(~inside)
    return 0 if outside.size == 0 else int(outside[-1]) + 1


def tune(
    grad, start, minimum, steps: int, names=NAMES, rates: np.ndarray = RATES, **settings: float
) -> dict[str, dict]:
    """For each optimizer, the rate in ``rates`` that settles in the fewest steps.

    If no rate settles, the one that ends nearest the minimum. All rates run at once:
    the start is repeated in one row per rate, and the learning rate is a schedule that
    returns the column of rates, so broadcasting gives each row its own rate (every
    operation is element-wise, so the rows never mix). ``settings`` are passed on to
    :func:`make_optimizer` (beta, beta1, beta2, rho). Returns, per name, ``lr``,
    ``settle`` (a step or None) and the ``path`` at that rate.
    """
    _check.tune(grad, start, minimum, steps, names, rates, settings)
    column = np.asarray(rates, dtype=float)[:, None]
    best = {}
    for name in names:
        optimizer = make_optimizer(name, lambda t: column, **settings)
        paths, _ = run(optimizer, grad, np.tile(start, (len(column), 1)), steps)
        d = distances(paths, minimum)
        scores = []
        for k in range(len(column)):
            settle = settle_step(d[:, k])
            scores.append((np.inf if settle is None else settle, d[-1, k]))
        k = min(range(len(column)), key=lambda k: scores[k])
        best[name] = {
            "lr": float(column[k, 0]),
            "settle": settle_step(d[:, k]),
            "path": paths[:, k],
        }
    return best


def small(x: float) -> str:
    """Very small numbers depend on the last bits of the arithmetic: print them as a bound."""
    _check.small(x)
    return f"{x:.2e}" if x >= 1e-12 else "< 1e-12"


def _rjust(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` screen columns (a Chinese character fills two)."""
    wide = sum(unicodedata.east_asian_width(c) in "WF" for c in text)
    return text.rjust(width - wide)


def race_table(best: dict[str, dict], fn, minimum, steps: int) -> str:
    """The table of a tuned race: rate, steps to settle, final distance and loss."""
    _check.race_table(best, fn, minimum, steps)
    # the columns are counted in screen columns: a Chinese character takes two
    lines = [
        say(
            f"{'optimizer':<10}{'lr':>9}   {'steps to settle':>15}   {'distance':>9}   {'loss':>9}",
            f"{'优化器':<7}{'lr':>9}   {'稳定所需步数':>9}   {'距离':>7}   {'损失':>7}",
        )
    ]
    for name, b in best.items():
        if b["settle"] is None:
            settle = say(f"not in {steps}", f"{steps} 步内未稳定")
        else:
            settle = str(b["settle"])
        final = b["path"][-1]
        lines.append(
            f"{name:<10}{b['lr']:>9.2g}   {_rjust(settle, 15)}   "
            f"{small(float(distances(final, minimum))):>9}   {small(float(fn(final))):>9}"
        )
    lines.append(
        say(
            f"(settle: stay within {TOL:g} of the minimum; distance and loss after {steps} steps)",
            f"（稳定：与最小值的距离保持在 {TOL:g} 以内；距离和损失是 {steps} 步之后的值）",
        )
    )
    return "\n".join(lines)


# --- the race panel --------------------------------------------------------------------


@dataclass(frozen=True)
class RaceSettings:
    """The knobs of the race panel, with its default values."""

    problem: str = "ill-conditioned bowl"
    lr_gd: float = 10**-1.5  # GD, momentum, Nesterov
    lr_adaptive: float = 0.1  # AdaGrad, RMSProp, Adam
    beta: float = 0.9
    rho: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    steps: int = 300

    def __post_init__(self) -> None:
        _check.race_settings(self)

    def rounded(self) -> RaceSettings:
        """The same settings on the sliders' grid, so a value echoed back by the browser
        (0.9000000000000001 for 0.9) counts as the same setting."""
        return replace(
            self,
            lr_gd=float(f"{self.lr_gd:.6g}"),
            lr_adaptive=float(f"{self.lr_adaptive:.6g}"),
            beta=round(self.beta, 6),
            rho=round(self.rho, 6),
            beta1=round(self.beta1, 6),
            beta2=round(self.beta2, 6),
            steps=int(self.steps),
        )


def race(settings: RaceSettings) -> tuple[dict[str, np.ndarray], list[str]]:
    """Run the six optimizers with ``settings``: their paths and one line of text each.

    A run that leaves ``|w| < 1000`` is cut where it did and reported as diverged. Each
    path is what :func:`run` returns for that optimizer alone, cut there; racers whose
    settings were seen before are not run again (see :class:`_RaceRuns`).
    """
    _check.race_settings(settings)
    if settings.problem not in PROBLEMS:
        raise ValueError(f"unknown problem {settings.problem!r}: choose one of {list(PROBLEMS)}")
    p = PROBLEMS[settings.problem]
    paths, lines = {}, []
    for name in NAMES:
        lr = settings.lr_gd if name in GRADIENT_FAMILY else settings.lr_adaptive
        path = _RUNS.path(settings, name, lr)
        blown = np.flatnonzero(~np.all(np.abs(path) < 1e3, axis=1))
        if blown.size:
            path = path[: blown[0]]
            result = say(f"diverged at step {blown[0]}", f"第 {blown[0]} 步发散")
        else:
            d = distances(path, p.minimum)
            settle = settle_step(d)
            if settle is None:
                settled = say("not settled", "未稳定")
            else:
                settled = say(f"settled at step {settle}", f"第 {settle} 步稳定")
            distance = small(float(d[-1]))
            result = say(f"{settled}, final distance {distance}", f"{settled}，最终距离 {distance}")
        lines.append(f"{name:<9} lr {lr:<8.3g} {result}")
        paths[name] = path
    return paths, lines


# The race panel's learning-rate sliders: (lowest, highest, step) of log10 of the rate.
LR_GD_SLIDER = (-5.0, -1.0, 0.125)
LR_ADAPTIVE_SLIDER = (-4.0, 0.5, 0.125)
# the settings each racer's path depends on, besides the function, its rate and the steps
OWN_SETTINGS = {
    "GD": (),
    "Momentum": ("beta",),
    "Nesterov": ("beta",),
    "AdaGrad": (),
    "RMSProp": ("rho",),
    "Adam": ("beta1", "beta2"),
}


def slider_rates(slider: tuple[float, float, float]) -> list[float]:
    """Every value a learning-rate slider can take, rounded as :meth:`RaceSettings.rounded` does."""
    low, high, step = slider
    count = round((high - low) / step) + 1
    return [float(f"{10.0 ** (low + step * i):.6g}") for i in range(count)]


class _RaceRuns:
    """The paths of the races already run, so a slider's move runs only what it changes.

    A racer's path depends on the function, its learning rate, its own settings
    (:data:`OWN_SETTINGS`) and the number of steps, nothing else: moving "lr GD/mom."
    leaves AdaGrad, RMSProp and Adam as they were. When a racer must run, it runs at every
    rate of its learning-rate slider at once, as :func:`tune` does (the start repeated in
    one row per rate, the rates as a column; every operation is element-wise, so each row
    is, to the last bit, the path :func:`run` takes at that rate alone). A run of 300 steps
    costs about as much for 34 rows as for one, and the next moves of that slider find
    their paths here. A shorter race is the start of a longer one: its path is cut from it.

    One difference from :func:`run` alone: a row goes on after it has blown up, until every
    row has; :func:`race` cuts a path where it leaves ``|w| < 1000``, before :func:`run`
    would stop (``|w| >= 1e6``), so the cut paths are the same.
    """

    def __init__(self, kept: int = 32) -> None:
        self.kept = kept  # the number of batches kept, the oldest used dropped first
        self.batches: OrderedDict[tuple, tuple[int, dict[float, int], np.ndarray]] = OrderedDict()
        self.runs = 0  # batches run (for the tests)

    def path(self, settings: RaceSettings, name: str, lr: float) -> np.ndarray:
        """The path of racer ``name`` at rate ``lr`` for ``settings``: ``(steps + 1, 2)`` or
        shorter (a run stops once every row has blown up)."""
        own = tuple(getattr(settings, k) for k in OWN_SETTINGS[name])
        key = (settings.problem, name, own)
        found = self.batches.get(key)
        if found is not None:
            steps, rows, paths = found
            if steps >= settings.steps and lr in rows:
                self.batches.move_to_end(key)
                return np.array(paths[: settings.steps + 1, rows[lr]])
        slider = LR_GD_SLIDER if name in GRADIENT_FAMILY else LR_ADAPTIVE_SLIDER
        rates = sorted({*slider_rates(slider), lr})
        column = np.array(rates)[:, None]
        optimizer = make_optimizer(name, lambda t: column, **dict(zip(OWN_SETTINGS[name], own)))
        start = np.tile(PROBLEMS[settings.problem].start, (len(rates), 1))
        paths, _ = run(optimizer, PROBLEMS[settings.problem].grad, start, settings.steps)
        self.runs += 1
        self.batches[key] = (settings.steps, {r: k for k, r in enumerate(rates)}, paths)
        self.batches.move_to_end(key)
        while len(self.batches) > self.kept:
            self.batches.popitem(last=False)
        return np.array(paths[:, rates.index(lr)])


_RUNS = _RaceRuns()


def race_title(settings: RaceSettings) -> str:
    """The picture's title: the function and the settings that are not in the legend."""
    _check.race_settings(settings)
    s = settings
    return say(
        f"{problem_name(s.problem)}, {s.steps} steps: beta {s.beta:g}, rho {s.rho:g}, "
        f"beta1 {s.beta1:g}, beta2 {s.beta2:g}",
        f"{problem_name(s.problem)}，{s.steps} 步：beta {s.beta:g}, rho {s.rho:g}, "
        f"beta1 {s.beta1:g}, beta2 {s.beta2:g}",
    )


class RacePicture:
    """The race panel's figure, made once; :meth:`png` draws a race into it.

    It is not a pyplot figure, so Jupyter never shows it by itself and two panels never
    share drawing state: :func:`show_race` displays the PNG. What a function's picture
    always holds (its contour lines, the axes, ticks and labels) is drawn once per function
    and kept (``backgrounds``); a race then draws only its own lines, dots, legend and
    title on a copy of it (matplotlib "blitting"), in the order a full draw takes, so the
    picture is the same to the pixel. The title and the legend lie outside the axes, over
    nothing that changes: once drawn, their pixels are kept by their text (``pieces``), and
    a race whose title or legend was drawn before puts those pixels back instead of laying
    out and drawing the text again. ``drawn`` counts the pictures made.
    """

    def __init__(self) -> None:
        self.fig = Figure(figsize=(8.0, 4.0), dpi=100)
        self.canvas = FigureCanvasAgg(self.fig)
        self.ax = self.fig.add_subplot()
        self.fig.subplots_adjust(left=0.08, right=0.7, bottom=0.12, top=0.9)
        self.backgrounds: dict[str, object] = {}
        self.pieces: dict[tuple, object] = {}  # the title's and legend's pixels, by their text
        self.shown: tuple[str, list[str]] | None = None  # the function and racers drawn last
        self.drawn = 0

    def png(self, settings: RaceSettings, paths: dict[str, np.ndarray]) -> bytes:
        """The picture of ``paths`` (as :func:`race` returns them) run with ``settings``."""
        _check.race_settings(settings)
        _check.paths(paths)
        p = PROBLEMS[settings.problem]
        labels = {}
        for name in paths:
            lr = settings.lr_gd if name in GRADIENT_FAMILY else settings.lr_adaptive
            labels[name] = f"{name}, lr {lr:.3g}"
        if (settings.problem, list(paths)) == self.shown:
            # the same function and racers: move the lines, rename the legend's entries
            for k, (name, path) in enumerate(paths.items()):
                path = np.asarray(path, dtype=float)
                self.ax.lines[2 * k].set_data(path[:, 0], path[:, 1])
                self.ax.lines[2 * k + 1].set_data([path[-1, 0]], [path[-1, 1]])
                self.ax.get_legend().get_texts()[k].set_text(labels[name])
            self.ax.title.set_text(race_title(settings))
            return self._blit(settings.problem)
        self.ax.clear()
        draw_race(
            self.ax,
            p.fn,
            paths,
            **p.view(),
            labels=labels,
            dots=False,
            resolution=101,
            title=race_title(settings),
        )
        self.shown = (settings.problem, list(paths))
        return self._blit(settings.problem)

    def _blit(self, problem: str) -> bytes:
        # what changes from race to race, in the order Axes.draw takes them
        order = {id(a): k for k, a in enumerate(self.ax.get_children())}
        changing = [*self.ax.lines, *self.ax.spines.values(), self.ax.title]
        if self.ax.get_legend() is not None:
            changing.append(self.ax.get_legend())
        changing.sort(key=lambda a: (a.zorder, order.get(id(a), 0)))
        for artist in changing:
            artist.set_animated(True)
        if problem not in self.backgrounds:
            self.canvas.draw()
            self.backgrounds[problem] = self.canvas.copy_from_bbox(self.fig.bbox)
        self.ax.apply_aspect()  # a full draw fits the box to the limits; so must a blit
        self.canvas.restore_region(self.backgrounds[problem])
        for artist in changing:
            if artist is self.ax.title or artist is self.ax.get_legend():
                self._draw_piece(problem, artist)
            else:
                self.ax.draw_artist(artist)
        self.drawn += 1
        return canvas_png(self.canvas)

    def _draw_piece(self, problem: str, artist) -> None:
        """Draw the title or the legend, or put back its pixels kept from an earlier race
        with the same text. Only where it lies clear of the axes (the lines, the frame)."""
        texts = artist.get_texts() if artist is self.ax.get_legend() else [artist]
        key = (problem, type(artist).__name__, tuple(t.get_text() for t in texts))
        if key in self.pieces:
            self.canvas.restore_region(self.pieces[key])
            return
        self.ax.draw_artist(artist)
        box = artist.get_window_extent(self.canvas.get_renderer())
        # whole pixels around it, 2 to spare for antialiasing; the frame's line, likewise
        box = Bbox.from_extents(
            np.floor(box.x0) - 2, np.floor(box.y0) - 2, np.ceil(box.x1) + 2, np.ceil(box.y1) + 2
        )
        if box.overlaps(self.ax.bbox.padded(2)):
            return  # over the axes or their frame: drawn each time
        if len(self.pieces) >= 64:  # keep the memory bounded: drop the oldest
            self.pieces.pop(next(iter(self.pieces)))
        self.pieces[key] = self.canvas.copy_from_bbox(box)


def race_text(settings: RaceSettings, lines: list[str]) -> str:
    """The race's text: a header naming the function and settings, one line per optimizer."""
    header = say(f"race: {race_title(settings)}", f"比赛：{race_title(settings)}")
    return "\n".join([header, *lines])


def show_race(picture: RacePicture | None = None, **settings: object) -> bytes:
    """The race panel's plain callback: run the race, print its lines, show the picture.

    ``settings`` are keywords of :class:`RaceSettings`. Prints a header naming the
    function and settings, then one line per optimizer; returns the PNG (displayed when
    running in IPython). It shows what :func:`race_panel` shows for these settings.
    """
    _check.show_race(picture, settings)
    s = replace(RaceSettings(), **settings).rounded()
    paths, lines = race(s)
    print(race_text(s, lines))
    png = (picture or RacePicture()).png(s, paths)
    if get_ipython() is not None:
        display(Image(png))
    return png


def race_controls(settings: RaceSettings = RaceSettings()) -> dict[str, w.Widget]:
    """One control per setting; sliders act when released (one race per change)."""
    _check.race_settings(settings)
    style = {"description_width": "110px"}
    kw = {"continuous_update": False, "style": style}
    return {
        "problem": w.Dropdown(
            options=[(problem_name(key), key) for key in PROBLEMS],
            value=settings.problem,
            description=say("function", "函数"),
            style=style,
        ),
        "lr_gd": w.FloatLogSlider(
            settings.lr_gd,
            base=10,
            min=LR_GD_SLIDER[0],
            max=LR_GD_SLIDER[1],
            step=LR_GD_SLIDER[2],
            description=say("lr GD/mom.", "lr GD/动量"),
            **kw,
        ),
        "lr_adaptive": w.FloatLogSlider(
            settings.lr_adaptive,
            base=10,
            min=LR_ADAPTIVE_SLIDER[0],
            max=LR_ADAPTIVE_SLIDER[1],
            step=LR_ADAPTIVE_SLIDER[2],
            description=say("lr adaptive", "lr 自适应"),
            **kw,
        ),
        "steps": w.IntSlider(
            settings.steps, 10, 600, step=10, description=say("steps", "步数"), **kw
        ),
        "beta": w.FloatSlider(
            settings.beta, min=0.0, max=0.99, step=0.01, description="beta", **kw
        ),
        "rho": w.FloatSlider(
            settings.rho,
            min=0.0,
            max=0.999,
            step=0.001,
            readout_format=".3f",
            description="rho (RMSProp)",
            **kw,
        ),
        "beta1": w.FloatSlider(
            settings.beta1, min=0.0, max=0.99, step=0.01, description="beta1", **kw
        ),
        "beta2": w.FloatSlider(
            settings.beta2,
            min=0.9,
            max=0.9999,
            step=0.0001,
            readout_format=".4f",
            description="beta2",
            **kw,
        ),
    }


def race_panel(settings: RaceSettings = RaceSettings()) -> Panel:
    """Sliders for every setting and the race they describe, drawn once per new setting.

    The text is an HTML widget and the picture an ``Image`` widget, both changed in place:
    a move sends the new text and the PNG's bytes, and the browser swaps them in (no
    output area cleared and rebuilt, no base64). They show what :func:`show_race` prints
    and draws for the same settings.

    The browser may echo a value back right after the panel appears (a slider snapping
    0.9 to 0.9000000000000001); the panel compares settings on the sliders' grid and
    draws again only when they differ from what it last drew. ``panel.pictures`` counts
    the pictures it has drawn, and the text ends with the line ``(picture N of this panel)``.
    """
    _check.race_settings(settings)
    controls = race_controls(settings)
    readout = w.HTML()
    # at the PNG's own size: a box would otherwise stretch it to its width, blurred
    image = w.Image(format="png", layout=w.Layout(width="auto", align_self="flex-start"))
    picture = RacePicture()
    names = list(controls)
    left = w.VBox([controls[k] for k in names[:4]])
    right = w.VBox([controls[k] for k in names[4:]])
    panel = Panel(
        [w.HBox([left, right]), readout, image],
        say(
            "optimizer race on a 2-D function, every setting a slider",
            "二维函数上的优化器比赛，每个设置一个滑块",
        ),
    )
    panel.pictures = 0
    panel.drawn = None  # the settings of the last picture

    def update(_change: object = None) -> None:
        current = RaceSettings(**{k: c.value for k, c in controls.items()}).rounded()
        if current == panel.drawn:
            return
        panel.drawn = current
        panel.pictures += 1
        paths, lines = race(current)
        count = say(
            f"(picture {panel.pictures} of this panel)", f"（本面板的第 {panel.pictures} 张图）"
        )
        # the picture first: when the text names the new picture, it is there
        image.value = picture.png(current, paths)
        readout.value = readout_html(race_text(current, lines) + "\n" + count)

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return panel


__all__ = [
    "A_ROT",
    "NAMES",
    "PROBLEMS",
    "RATES",
    "TOL",
    "Problem",
    "RacePicture",
    "RaceSettings",
    "distances",
    "f_ill",
    "f_rot",
    "f_round",
    "grad_ill",
    "grad_rosenbrock",
    "grad_rot",
    "grad_round",
    "make_optimizer",
    "race",
    "race_controls",
    "race_panel",
    "race_table",
    "race_text",
    "rosenbrock",
    "run",
    "settle_step",
    "show_race",
    "small",
    "tune",
]
