"""The adversarial catalogue, part 2: the lessons' own figures (``nnlesson.plots``) and the
optimizer races (``nnlesson.races``).

The same machinery as :mod:`adversarial` (``Spec``, ``expand``, the variant generators and
``classify``): every argument of every function replaced, one at a time, by inputs of each
class. A figure's "correct result" is checked against the picture itself: :func:`picture`
reads back what the open figures show (every line's points, every text, title, label,
legend entry, bar and image), and an input that means the same numbers (a list, int64,
float16, an object array, a float32 scalar) must draw exactly what the float64 input draws.
"""

from __future__ import annotations

import contextlib
import io
import math
from collections.abc import Callable
from typing import Any
from unittest import mock

import numpy as np
from adversarial import (
    XOR_X,
    XOR_Y,
    Case,
    E,
    R,
    Spec,
    array_variants,
    bool_variants,
    choice_variants,
    fresh,
    int_variants,
    mutation_case,
    non_finite_out,
    number_variants,
    same,
)

import nnlesson as nl
from nnlesson.layers import Dense

Variants = list[tuple[str, str, Any, str, Any, Callable | None]]


# ------------------------------------------------------------------ the picture
def picture() -> tuple:
    """What the open figures show, as data (see the module docstring)."""
    import matplotlib.pyplot as plt

    shown: list[tuple] = []
    for number in plt.get_fignums():
        for ax in plt.figure(number).axes:
            shown.append(tuple(np.asarray(line.get_xydata(), dtype=float) for line in ax.lines))
            shown.append(
                (
                    ax.get_title(),
                    ax.get_xlabel(),
                    ax.get_ylabel(),
                    *(t.get_text() for t in ax.texts),
                )
            )
            legend = ax.get_legend()
            if legend is not None:
                shown.append(tuple(t.get_text() for t in legend.get_texts()))
            shown.append(
                tuple(float(p.get_height()) for p in ax.patches if hasattr(p, "get_height"))
            )
            shown.append(tuple(np.asarray(im.get_array(), dtype=float) for im in ax.images))
    return tuple(shown)


def drawn(fn: Callable[..., Any]) -> Callable[..., tuple]:
    """Call a plotting function, read back its picture, close every figure."""
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    def call(**kwargs: Any) -> tuple:
        # the layout does not change what is drawn, and is most of the time a figure takes
        with mock.patch.object(Figure, "tight_layout", lambda self, *a, **k: None):
            try:
                fn(**kwargs)
                return picture()
            finally:
                plt.close("all")

    return call


def axes() -> Any:
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(4, 3))[1]


# ------------------------------------------------------------- variant helpers
def arrays(
    good: Any,
    *,
    shapes: list[tuple[str, str, Any, str]] | None = None,
    nan: str = E,
    inf: str = E,
    empty: str = E,
    positive: bool = False,
) -> Variants:
    """:func:`adversarial.array_variants` for a drawn array. NaN or infinity, where allowed
    (``nan=R``), must leave the picture the float64 input with the same NaN draws. With
    ``positive``, an integer version that rounds a value down to 0 is due an error."""
    out = []
    for v in array_variants(good, shapes=shapes or [], nan=nan, inf=inf, empty=empty):
        klass, given, bad, expect, equivalent, check = v
        if (
            positive
            and expect == R
            and equivalent is not None
            and np.any(np.asarray(equivalent) <= 0)
        ):
            expect, equivalent = E, None
        out.append((klass, given, bad, expect, equivalent, check))
    return out


def numbers(good: float, **kw: Any) -> Variants:
    return number_variants(good, **kw)


def texts(*, optional: bool = True) -> Variants:
    out: Variants = [
        ("wrong type", "a number", 3, E, None, None),
        ("wrong type", "bytes", b"loss", E, None, None),
    ]
    if optional:
        out.append(("wrong type", "None (the default)", None, R, None, bool))
    else:
        out.append(("wrong type", "None", None, E, None, None))
    return out


def ax_variants() -> Variants:
    return [
        ("wrong type", "a string", "ax", E, None, None),
        ("wrong type", "a number", 1, E, None, None),
        ("wrong type", "a list of Axes names", ["left", "right"], E, None, None),
    ]


def functions(*, shape_wrong: Callable | None = None, example: str = "") -> Variants:
    out: Variants = [
        ("wrong type", "a number, not a function", 3.0, E, None, None),
        ("wrong type", "None", None, E, None, None),
        ("wrong type", "a string naming it", "loss", E, None, None),
    ]
    if shape_wrong is not None:
        out.append(("wrong shape", example, shape_wrong, E, None, None))
    return out


def labelled(good: dict, *, log: bool = False, nan: str = R) -> Variants:
    """A dict label -> 1-D numbers (curves): the dict itself and one entry replaced. On a log
    axis (``log``) a 0 lies at -infinity, off the picture (drawn as the float64 call draws
    it), and a negative value is an error (a sign error)."""
    key = next(iter(good))
    value = np.asarray(good[key], dtype=float)

    def swap(item: Any) -> dict:
        return {**good, key: item}

    out: Variants = [
        ("wrong type", "a list of curves, not a dict", list(good.values()), E, None, None),
        ("wrong type", "None", None, E, None, None),
        ("wrong type", "a single curve, not a dict", value, E, None, None),
        ("empty", "an empty dict", {}, E, None, None),
        ("wrong type", "an entry that is a string", swap("abc"), E, None, None),
        ("wrong dtype", "an entry as a list", swap(value.tolist()), R, good, None),
        (
            "wrong dtype",
            "an entry of int64",
            swap(np.rint(value).astype(np.int64)),
            E if log and not np.any(np.rint(value) > 0) else R,  # all 0: nothing on a log axis
            swap(np.rint(value)),
            None,
        ),
        (
            "wrong dtype",
            "an entry of float16",
            swap(value.astype(np.float16)),
            R,
            swap(value.astype(np.float16).astype(float)),
            None,
        ),
        ("wrong dtype", "an entry of complex numbers", swap(value + 1j), E, None, None),
        ("wrong dtype", "an entry of dates", swap(np.zeros(3, "datetime64[D]")), E, None, None),
        ("wrong shape", "an entry that is 2-D", swap(np.ones((2, 2))), E, None, None),
        ("empty", "an empty entry", swap([]), E, None, None),
    ]
    with_nan = value.copy()
    with_nan[-1] = np.nan
    out.append(("non-finite", "a NaN in an entry", swap(with_nan), nan, swap(with_nan), None))
    if log:
        zero, negative = value.copy(), value.copy()
        zero[-1], negative[-1] = 0.0, -1.0
        out.append(
            (
                "out of range",
                "a 0 on a log scale (off the picture)",
                swap(zero),
                R,
                swap(zero),
                None,
            )
        )
        out.append(
            ("out of range", "a negative value on a log scale", swap(negative), E, None, None)
        )
    return out


def paths_variants(good: dict, *, nan: str = E, allow_empty: bool = False) -> Variants:
    """A dict label -> (steps + 1, 2) array of points."""
    key = next(iter(good))
    path = np.asarray(good[key], dtype=float)

    def swap(item: Any) -> dict:
        return {**good, key: item}

    with_nan = path.copy()
    with_nan[-1, 0] = np.nan
    return [
        ("wrong type", "a single path, not a dict", path, E, None, None),
        ("wrong type", "None", None, E, None, None),
        ("empty", "an empty dict", {}, R if allow_empty else E, {}, None),
        ("wrong shape", "a path of one weight (1-D)", swap(path[:, 0]), E, None, None),
        ("wrong shape", "a path transposed (2 rows of 3)", swap(path.T.copy()), E, None, None),
        ("wrong dtype", "a path as a list of pairs", swap(path.tolist()), R, good, None),
        (
            "wrong dtype",
            "a path of int64",
            swap(np.rint(path).astype(np.int64)),
            R,
            swap(np.rint(path)),
            None,
        ),
        ("wrong dtype", "a complex path", swap(path + 1j), E, None, None),
        ("wrong type", "a path that is a string", swap("path"), E, None, None),
        ("empty", "a path with no points", swap(np.zeros((0, 2))), E, None, None),
        ("non-finite", "a NaN in a path", swap(with_nan), nan, swap(with_nan), None),
    ]


def pair_variants(
    good: tuple[float, float],
    *,
    increasing: bool = False,
    positive: bool = False,
    optional: bool = False,
) -> Variants:
    """Two numbers: a point (x, y) or an interval (low, high); ``optional``: None draws
    without it (a star or a cross left out)."""
    g = np.asarray(good, dtype=float)
    out = arrays(
        g,
        shapes=[
            ("wrong shape", "3 numbers", np.append(g, 1.0), E),
            ("wrong shape", "one number", g[:1], E),
            ("wrong shape", "a 2-D array", g[None], E),
        ],
        positive=positive,
    )
    if optional:
        out = [v for v in out if v[1] != "None"]
        out.append(("wrong type", "None (left out)", None, R, None, bool))
    if increasing:
        out.append(("out of range", "low and high swapped", g[::-1].copy(), E, None, None))
    return out


# ------------------------------------------------------------------ the specs
def _loss(w: float) -> float:
    return (w - 1.0) ** 2


def _slope(w: float) -> float:
    return 2.0 * (w - 1.0)


def _bowl(P: np.ndarray) -> np.ndarray:
    return P[..., 0] ** 2 + 3.0 * P[..., 1] ** 2


PATH = {"lr = 0.1": np.array([[1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])}
SHAPE_WRONG = "a function of one point only (P[0] ** 2)"


def lessons_00_05_specs() -> list[Spec]:
    from nnlesson import plots

    directions = np.array([[1.0, 0.0], [0.0, 1.0], [-0.6, 0.8], [0.6, -0.8]])
    return [
        Spec(
            "plots.gd_steps_on_parabola",
            drawn(
                lambda w0, lr, steps, minimum, ax: plots.gd_steps_on_parabola(
                    w0, lr, steps, minimum=minimum, ax=ax
                )
            ),
            {"w0": 0.0, "lr": 0.1, "steps": 5, "minimum": 3.0, "ax": None},
            {
                "w0": numbers(0.0, positive=False, zero=R),
                "lr": numbers(0.1)
                + [("out of range", "1e200 (w overflows)", 1e200, E, None, None)],
                "steps": int_variants(5, minimum=0)
                + [("out of range", "a million steps", 10**6, E, None, None)],
                "minimum": numbers(3.0, positive=False, zero=R),
                "ax": ax_variants(),
            },
        ),
        Spec(
            "plots.draw_neuron",
            drawn(
                lambda x, w, b, activation, n_inputs: plots.draw_neuron(
                    x, w, b, activation, n_inputs=n_inputs
                )
            ),
            {"x": [2.0, -1.0], "w": [0.5, 1.0], "b": 0.0, "activation": "sigmoid", "n_inputs": 3},
            {
                "x": arrays(
                    np.array([2.0, -1.0]),
                    shapes=[
                        ("wrong shape", "3 inputs for 2 weights", [1.0, 2.0, 3.0], E),
                        ("wrong shape", "a 2-D array", [[2.0, -1.0]], E),
                    ],
                ),
                "w": arrays(
                    np.array([0.5, 1.0]),
                    shapes=[("wrong shape", "one weight for 2 inputs", [0.5], E)],
                ),
                "b": numbers(0.0, positive=False, zero=R),
                "activation": choice_variants("sigmoid")
                + [("out of range", "softmax (not one unit's)", "softmax", E, None, None)],
                "n_inputs": int_variants(3) + [("out of range", "100 inputs", 100, E, None, None)],
            },
        ),
        Spec(
            "plots.loss_tangent_steps",
            drawn(
                lambda loss, slope, w, lr, lo, hi, title: plots.loss_tangent_steps(
                    loss, slope, w, lr, lo=lo, hi=hi, title=title
                )
            ),
            {
                "loss": _loss,
                "slope": _slope,
                "w": -0.5,
                "lr": 1.0,
                "lo": -2.0,
                "hi": 3.0,
                "title": None,
            },
            {
                "loss": functions(
                    shape_wrong=lambda w: np.array([w, w]), example="a loss returning 2 numbers"
                ),
                "slope": functions(shape_wrong=lambda w: [w], example="a slope returning a list")
                + [("non-finite", "a slope of NaN", lambda w: float("nan"), E, None, None)],
                "w": numbers(-0.5, positive=False, zero=R),
                "lr": numbers(1.0),
                "lo": numbers(-2.0, positive=False, zero=R, none=R)[:8]
                + [("out of range", "lo above hi", 5.0, E, None, None)],
                "hi": numbers(3.0, positive=False, none=R)[:8],
                "title": texts(),
            },
        ),
        Spec(
            "plots.gd_steps_on_curve",
            drawn(lambda loss, path, lo, hi: plots.gd_steps_on_curve(loss, path, lo=lo, hi=hi)),
            {"loss": _loss, "path": [-2.0, -0.5, 0.4, 0.9], "lo": -3.0, "hi": 3.0},
            {
                "loss": functions(
                    shape_wrong=lambda w: "high", example="a loss returning a string"
                ),
                "path": arrays(
                    np.array([-2.0, -0.5, 0.4, 0.9]),
                    shapes=[("wrong shape", "a 2-D array", np.ones((2, 2)), E)],
                ),
                "lo": numbers(-3.0, positive=False, zero=R)[:8]
                + [("out of range", "lo above hi", 4.0, E, None, None)],
                "hi": numbers(3.0, positive=False)[:8],
            },
        ),
        Spec(
            "plots.steepest_ascent",
            drawn(
                lambda loss2d, grad, point, directions, h: plots.steepest_ascent(
                    loss2d, grad, point, directions, h=h
                )
            ),
            {
                "loss2d": lambda a, b: a * a + 3.0 * b * b,
                "grad": [2.0, 6.0],
                "point": [1.0, 1.0],
                "directions": directions,
                "h": 0.05,
            },
            {
                "loss2d": functions(
                    shape_wrong=lambda a, b: np.array([a, b]), example="a loss returning 2 numbers"
                )
                + [("wrong type", "a function of one point", lambda p: 0.0, E, None, None)],
                "grad": pair_variants((2.0, 6.0))
                + [("out of range", "a zero gradient", [0.0, 0.0], E, None, None)],
                "point": pair_variants((1.0, 1.0)),
                "directions": arrays(
                    directions,
                    shapes=[("wrong shape", "a single direction, 1-D", directions[0], E)],
                ),
                "h": numbers(0.05),
            },
        ),
        Spec(
            "plots.draw_backward",
            drawn(
                lambda net, X, T, loss, paths_of: plots.draw_backward(
                    net, X, T, loss=loss, paths_of=paths_of
                )
            ),
            {
                "net": fresh(lambda: nl.worked_example_network()),
                "X": nl.WORKED_EXAMPLE_INPUTS,
                "T": nl.WORKED_EXAMPLE_TARGETS,
                "loss": "half_sse",
                "paths_of": "w1",
            },
            {
                "net": [
                    ("wrong type", "None", None, E, None, None),
                    ("wrong type", "a list of sizes", [2, 2, 2], E, None, None),
                    ("wrong type", "a Dense layer", Dense(np.ones((2, 2))), E, None, None),
                ],
                "X": arrays(
                    nl.WORKED_EXAMPLE_INPUTS,
                    shapes=[
                        ("wrong shape", "3 inputs for 2", np.ones((1, 3)), E),
                        ("wrong shape", "two samples", np.ones((2, 2)), E),
                        ("wrong shape", "one sample as a 1-D array", np.array([0.05, 0.1]), R),
                    ],
                ),
                "T": arrays(
                    nl.WORKED_EXAMPLE_TARGETS,
                    shapes=[("wrong shape", "1 target for 2 outputs", np.ones((1, 1)), E)],
                ),
                "loss": choice_variants("half_sse"),
                "paths_of": [
                    ("out of range", "a second-layer weight", "w5", E, None, None),
                    ("out of range", "a weight that does not exist", "w99", E, None, None),
                    ("wrong type", "a number", 1, E, None, None),
                    ("wrong type", "None (no paths)", None, R, None, bool),
                ],
            },
        ),
        Spec(
            "plots.neuron_graph",
            drawn(lambda x, w, b, y: plots.neuron_graph(x, w, b, y)),
            {"x": 0.5, "w": 0.8, "b": 0.1, "y": 1.0},
            {
                name: numbers(good, positive=False, zero=R)
                for name, good in {"x": 0.5, "w": 0.8, "b": 0.1, "y": 1.0}.items()
            },
        ),
        Spec(
            "plots.finite_difference_errors",
            drawn(lambda eps, errors: plots.finite_difference_errors(eps, errors)),
            {"eps": [1.0, 2.0, 4.0], "errors": {"two-point": [1.0, 3.0, 9.0]}},
            {
                "eps": arrays(
                    np.array([1.0, 2.0, 4.0]),
                    shapes=[("wrong shape", "a 2-D array", np.ones((3, 1)), E)],
                    positive=True,
                )
                + [("out of range", "an epsilon of 0", [0.0, 2.0, 4.0], E, None, None)],
                "errors": labelled({"two-point": [1.0, 3.0, 9.0]}, log=True)
                + [
                    (
                        "wrong shape",
                        "one error fewer than eps",
                        {"two-point": [1.0, 3.0]},
                        E,
                        None,
                        None,
                    )
                ],
            },
        ),
        Spec(
            "plots.per_sample_vs_summed",
            drawn(
                lambda curves, paths, updates_per_epoch, epochs_shown, lr: (
                    plots.per_sample_vs_summed(
                        curves,
                        paths,
                        updates_per_epoch=updates_per_epoch,
                        epochs_shown=epochs_shown,
                        lr=lr,
                    )
                )
            ),
            {
                "curves": {"per sample": [3.0, 2.0, 1.0]},
                "paths": PATH,
                "updates_per_epoch": {"lr = 0.1": 1},
                "epochs_shown": 2,
                "lr": 0.5,
            },
            {
                "curves": labelled({"per sample": [3.0, 2.0, 1.0]}, log=True),
                "paths": paths_variants(PATH)[:10],
                "updates_per_epoch": [
                    ("wrong type", "a number, not a dict", 1, E, None, None),
                    ("out of range", "0 updates", {"lr = 0.1": 0}, E, None, None),
                    ("wrong type", "a float", {"lr = 0.1": 1.0}, E, None, None),
                    ("stale state", "no entry for a path's label", {"other": 1}, E, None, None),
                ],
                "epochs_shown": int_variants(2),
                "lr": numbers(0.5, none=R),
            },
        ),
        Spec(
            "plots.cost_of_gradients",
            drawn(
                lambda n_weights, backprop_s, finite_s: plots.cost_of_gradients(
                    n_weights, backprop_s, finite_s
                )
            ),
            {
                "n_weights": [10.0, 100.0, 1000.0],
                "backprop_s": [1.0, 2.0, 4.0],
                "finite_s": [2.0, 20.0, 200.0],
            },
            {
                "n_weights": arrays(
                    np.array([10.0, 100.0, 1000.0]),
                    shapes=[("wrong shape", "2 sizes for 3 times", [10.0, 100.0], E)],
                    positive=True,
                )
                + [("out of range", "a size of 0", [0.0, 100.0, 1000.0], E, None, None)],
                "backprop_s": arrays(
                    np.array([1.0, 2.0, 4.0]),
                    shapes=[("wrong shape", "4 times for 3 sizes", [1.0, 2.0, 4.0, 8.0], E)],
                    nan=R,
                    inf=R,
                )
                + [("out of range", "a negative time", [-1.0, 2.0, 4.0], E, None, None)],
                "finite_s": arrays(np.array([2.0, 20.0, 200.0]))[:6],
            },
        ),
        Spec(
            "plots.steps_1d",
            drawn(lambda lam, etas, w0, steps: plots.steps_1d(lam, etas, w0=w0, steps=steps)),
            {"lam": 0.25, "etas": [1.0, 2.0], "w0": 1.0, "steps": 8},
            {
                "lam": numbers(0.25),
                "etas": arrays(
                    np.array([1.0, 2.0]),
                    shapes=[("wrong shape", "a 2-D array", np.ones((2, 2)), E)],
                    positive=True,
                )
                + [("out of range", "100 rates (100 panels)", np.ones(100), E, None, None)],
                "w0": numbers(1.0, positive=False, zero=E),
                "steps": int_variants(8)
                + [("out of range", "a million steps", 10**6, E, None, None)],
            },
        ),
        Spec(
            "plots.contour_paths",
            drawn(
                lambda loss, paths, window, minimum, levels, labels, title: plots.contour_paths(
                    loss,
                    paths,
                    window=window,
                    minimum=minimum,
                    levels=levels,
                    labels=labels,
                    title=title,
                )
            ),
            {
                "loss": _bowl,
                "paths": PATH,
                "window": (-2.0, 2.0, -2.0, 2.0),
                "minimum": (0.0, 0.0),
                "levels": [0.5, 1.0, 2.0, 4.0],
                "labels": ("w1", "w2"),
                "title": None,
            },
            {
                "loss": functions(shape_wrong=lambda P: P[0] ** 2, example=SHAPE_WRONG)
                + [("wrong type", "math.cos (not for arrays)", math.cos, E, None, None)],
                "paths": paths_variants(PATH, nan=R, allow_empty=True),
                "window": arrays(
                    np.array([-2.0, 2.0, -2.0, 2.0]),
                    shapes=[("wrong shape", "2 numbers", np.array([-2.0, 2.0]), E)],
                )
                + [
                    (
                        "out of range",
                        "x_low above x_high",
                        (2.0, -2.0, -2.0, 2.0),
                        E,
                        None,
                        None,
                    )
                ],
                "minimum": pair_variants((0.0, 0.0), optional=True),
                "levels": [
                    ("out of range", "levels decreasing", [4.0, 2.0, 1.0], E, None, None),
                    ("wrong dtype", "complex levels", np.array([1.0, 2.0]) + 1j, E, None, None),
                    ("wrong dtype", "int64 levels", np.array([1, 2, 4]), R, [1.0, 2.0, 4.0], None),
                    ("non-finite", "a NaN level", [1.0, np.nan], E, None, None),
                    ("wrong type", "None (chosen for you)", None, R, None, bool),
                ],
                "labels": [
                    ("wrong type", "a single string", "w1", E, None, None),
                    ("wrong shape", "three names", ("a", "b", "c"), E, None, None),
                    ("wrong type", "numbers", (1, 2), E, None, None),
                ],
                "title": texts(),
            },
        ),
        Spec(
            "plots.bowl_paths",
            drawn(
                lambda lams, etas, start, steps: plots.bowl_paths(
                    lams, etas, start=start, steps=steps
                )
            ),
            {"lams": (0.1, 0.5), "etas": [1.0, 2.0], "start": (-1.8, 1.0), "steps": 20},
            {
                "lams": pair_variants((0.1, 0.5), positive=True)
                + [("out of range", "a curvature of 0", (0.0, 0.5), E, None, None)],
                "etas": arrays(np.array([1.0, 2.0]), positive=True)[:8],
                "start": pair_variants((-1.8, 1.0)),
                "steps": int_variants(20),
            },
        ),
        Spec(
            "plots.loss_curves",
            drawn(lambda curves, title, ylim: plots.loss_curves(curves, title=title, ylim=ylim)),
            {"curves": {"lr = 0.1": [4.0, 2.0, 1.0]}, "title": "", "ylim": (1e-3, 10.0)},
            {
                "curves": labelled({"lr = 0.1": [4.0, 2.0, 1.0]}, log=True),
                "title": texts(optional=False),
                "ylim": pair_variants((1e-3, 10.0), increasing=True, positive=True)[:12]
                + [("out of range", "a limit of 0 on a log scale", (0.0, 10.0), E, None, None)],
            },
        ),
        Spec(
            "plots.descent_on_curve",
            drawn(
                lambda f, paths, minima, window: plots.descent_on_curve(
                    f, paths, minima=minima, window=window
                )
            ),
            {
                "f": lambda w: w**4 - 3 * w**2 + w,
                "paths": {"start -2": [-2.0, -1.5, -1.3]},
                "minima": [-1.3],
                "window": (-2.2, 2.2),
            },
            {
                "f": functions(shape_wrong=lambda w: 1.0, example="a function returning one number")
                + [("wrong type", "math.cos (not for arrays)", math.cos, E, None, None)],
                "paths": labelled({"start -2": [-2.0, -1.5, -1.3]}),
                "minima": arrays(np.array([-1.3]), empty=R),
                "window": pair_variants((-2.2, 2.2), increasing=True),
            },
        ),
        Spec(
            "plots.schedules_and_distances",
            drawn(lambda rates, distances: plots.schedules_and_distances(rates, distances)),
            {"rates": {"constant": [0.1, 0.1, 0.1]}, "distances": {"constant": [1.0, 0.5, 0.2]}},
            {
                "rates": labelled({"constant": [0.1, 0.1, 0.1]}, log=True),
                "distances": labelled({"constant": [1.0, 0.5, 0.2]}, log=True),
            },
        ),
    ]


def lessons_06_07_specs() -> list[Spec]:
    from nnlesson import plots

    x, y = np.array([0.0, 1.0, 2.0, 3.0]), np.array([1.0, 3.0, 5.0, 7.0])
    run = {
        "loss": [1.0, 0.5, 0.25],
        "iteration": [0.0, 1.0, 2.0],
        "epoch": [0.0, 0.5, 1.0],
        "seconds": [0.0, 0.1, 0.2],
    }
    saw = {
        "per_epoch": 2,
        "loss": [1.0, 0.8, 0.6, 0.5, 0.45, 0.4],
        "iteration": [0.0, 1.0, 2.0, 3.0, 4.0, 5.0],
        "epoch": [0.0, 0.5, 1.0, 1.5, 2.0, 2.5],
    }

    def run_variants(good: dict, name: str, keys: tuple[str, ...]) -> Variants:
        label = next(iter(good))
        one = good[label]
        short = {**one, keys[-1]: one[keys[-1]][:-1]}
        missing = {k: v for k, v in one.items() if k != keys[-1]}
        as_ints = {
            k: (np.rint(v).astype(np.int64) if k != "per_epoch" else v) for k, v in one.items()
        }
        as_floats = {k: (np.rint(v) if k != "per_epoch" else v) for k, v in one.items()}
        return [
            ("wrong type", "a list of runs", list(good.values()), E, None, None),
            ("wrong type", "None", None, E, None, None),
            ("empty", "no runs", {}, E, None, None),
            ("wrong type", "a run that is a list", {label: list(one.values())}, E, None, None),
            ("stale state", f"a run without {keys[-1]!r}", {label: missing}, E, None, None),
            ("wrong shape", f"{keys[-1]!r} one entry short", {label: short}, E, None, None),
            (
                "wrong dtype",
                "a run of int64 arrays",
                {label: as_ints},
                R,
                {label: as_floats},
                None,
            ),
            (
                "wrong dtype",
                "complex losses",
                {label: {**one, "loss": np.asarray(one["loss"]) + 1j}},
                E,
                None,
                None,
            ),
        ]

    start = np.array([1.0, 1.0])
    race_path = {"GD": np.array([[1.0, 1.0], [0.5, 0.2], [0.1, 0.0]])}
    return [
        Spec(
            "plots.batch_paths_on_contours",
            drawn(
                lambda x, y, paths, title: plots.batch_paths_on_contours(x, y, paths, title=title)
            ),
            {"x": x, "y": y, "paths": {"full batch": PATH["lr = 0.1"]}, "title": ""},
            {
                "x": arrays(
                    x,
                    shapes=[
                        ("wrong shape", "3 x for 4 y", x[:3], E),
                        ("wrong shape", "a column (4, 1)", x[:, None], R),
                    ],
                ),
                "y": arrays(y, shapes=[("wrong shape", "5 y for 4 x", np.ones(5), E)])[:8],
                "paths": paths_variants({"full batch": PATH["lr = 0.1"]}),
                "title": texts(optional=False),
            },
        ),
        Spec(
            "plots.loss_three_ways",
            drawn(lambda runs: plots.loss_three_ways(runs)),
            {"runs": {"SGD": run}},
            {
                "runs": run_variants({"SGD": run}, "runs", tuple(run))
                + [
                    (
                        "empty",
                        "a run with only its start",
                        {"SGD": {k: v[:1] for k, v in run.items()}},
                        E,
                        None,
                        None,
                    )
                ]
            },
        ),
        Spec(
            "plots.update_cost",
            drawn(lambda sizes, seconds: plots.update_cost(sizes, seconds)),
            {"sizes": [1, 4, 16], "seconds": [1.0, 2.0, 5.0]},
            {
                "sizes": arrays(
                    np.array([1.0, 4.0, 16.0]),
                    shapes=[("wrong shape", "2 sizes for 3 times", [1, 4], E)],
                    positive=True,
                )
                + [("out of range", "a batch size of 0", [0, 4, 16], E, None, None)],
                "seconds": arrays(np.array([1.0, 2.0, 5.0]))[:8]
                + [
                    (
                        "out of range",
                        "a time of 0 (off the log axis)",
                        [0.0, 2.0, 5.0],
                        R,
                        [0.0, 2.0, 5.0],
                        None,
                    ),
                    ("out of range", "a negative time", [-1.0, 2.0, 5.0], E, None, None),
                ],
            },
        ),
        Spec(
            "plots.shuffle_sawtooth",
            drawn(lambda runs, epochs_shown: plots.shuffle_sawtooth(runs, epochs_shown)),
            {"runs": {"shuffled": saw}, "epochs_shown": 2},
            {
                "runs": run_variants({"shuffled": saw}, "runs", tuple(saw))
                + [
                    (
                        "out of range",
                        "0 updates per epoch",
                        {"shuffled": {**saw, "per_epoch": 0}},
                        E,
                        None,
                        None,
                    )
                ],
                "epochs_shown": int_variants(2),
            },
        ),
        Spec(
            "plots.draw_race",
            drawn(
                lambda ax, fn, paths, xlim, ylim, levels, start, minimum, labels, dots, resolution, title: (
                    plots.draw_race(
                        ax,
                        fn,
                        paths,
                        xlim=xlim,
                        ylim=ylim,
                        levels=levels,
                        start=start,
                        minimum=minimum,
                        labels=labels,
                        dots=dots,
                        resolution=resolution,
                        title=title,
                    )
                )
            ),
            {
                "ax": fresh(axes),
                "fn": _bowl,
                "paths": race_path,
                "xlim": (-2.0, 2.0),
                "ylim": (-2.0, 2.0),
                "levels": [0.5, 1.0, 2.0, 4.0],
                "start": start,
                "minimum": (0.0, 0.0),
                "labels": None,
                "dots": True,
                "resolution": 21,
                "title": "",
            },
            {
                "ax": ax_variants() + [("wrong type", "None", None, E, None, None)],
                "fn": functions(shape_wrong=lambda P: P[0] ** 2, example=SHAPE_WRONG),
                "paths": paths_variants(race_path, nan=R),
                "xlim": pair_variants((-2.0, 2.0), increasing=True),
                "ylim": pair_variants((-2.0, 2.0), increasing=True)[:6],
                "levels": [
                    ("out of range", "levels decreasing", [4.0, 2.0, 1.0], E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("wrong dtype", "int64 levels", np.array([1, 2, 4]), R, [1.0, 2.0, 4.0], None),
                ],
                "start": pair_variants((1.0, 1.0), optional=True),
                "minimum": pair_variants((0.0, 0.0), optional=True)[:8],
                "labels": [
                    ("wrong type", "a list of labels", ["GD, lr 0.1"], E, None, None),
                    ("wrong type", "a label that is a number", {"GD": 0.1}, E, None, None),
                    ("wrong type", "{} (the names as labels)", {}, R, None, bool),
                ],
                "dots": bool_variants(True),
                "resolution": int_variants(21, minimum=2)
                + [("out of range", "a million points a side", 10**6, E, None, None)],
                "title": texts(optional=False),
            },
        ),
        Spec(
            "plots.race_paths",
            drawn(
                lambda fn, paths, figsize, view: plots.race_paths(
                    fn, paths, figsize=figsize, **view
                )
            ),
            {
                "fn": _bowl,
                "paths": race_path,
                "figsize": (6.0, 3.0),
                "view": {"xlim": (-2.0, 2.0), "ylim": (-2.0, 2.0), "levels": [0.5, 1.0, 2.0]},
            },
            {
                "figsize": pair_variants((6.0, 3.0))[:8]
                + [("out of range", "a width of 0", (0.0, 3.0), E, None, None)],
                "view": [
                    (
                        "out of range",
                        "a misspelt keyword (level)",
                        {"xlim": (-2.0, 2.0), "ylim": (-2.0, 2.0), "level": [1.0]},
                        E,
                        None,
                        None,
                    ),
                    ("empty", "no view (xlim, ylim, levels)", {}, E, None, None),
                ],
            },
            names={"view": "keyword"},
        ),
        Spec(
            "plots.distance_per_step",
            drawn(
                lambda distances, tol, title: plots.distance_per_step(distances, tol, title=title)
            ),
            {"distances": {"Adam": [1.0, 0.1, 0.01]}, "tol": 1e-3, "title": ""},
            {
                "distances": labelled({"Adam": [1.0, 0.1, 0.01]}, log=True),
                "tol": numbers(1e-3),
                "title": texts(optional=False),
            },
        ),
        Spec(
            "plots.adam_step_ratios",
            drawn(lambda ratios: plots.adam_step_ratios(ratios)),
            {"ratios": {"m not corrected": [0.1, 0.2, 0.3]}},
            {"ratios": labelled({"m not corrected": [0.1, 0.2, 0.3]}, log=True)},
        ),
        Spec(
            "plots.momentum_conventions",
            drawn(
                lambda step_outside, step_inside, drop_after: plots.momentum_conventions(
                    step_outside, step_inside, drop_after
                )
            ),
            {"step_outside": [4.0, 2.0, 1.0], "step_inside": [4.0, 3.0, 2.0], "drop_after": 1},
            {
                "step_outside": arrays(
                    np.array([4.0, 2.0, 1.0]),
                    shapes=[("wrong shape", "a 2-D array", np.ones((3, 1)), E)],
                    nan=R,
                    inf=R,
                ),
                "step_inside": arrays(
                    np.array([4.0, 3.0, 2.0]),
                    shapes=[("wrong shape", "2 steps for 3", [4.0, 3.0], E)],
                )[:8],
                "drop_after": int_variants(1, minimum=0),
            },
        ),
    ]


def lessons_08_12_specs() -> list[Spec]:
    from nnlesson import plots

    layers = [np.array([[0.1, 0.5], [0.9, 0.2]]), np.array([0.3, 0.4])]
    xs = np.linspace(-3.0, 3.0, 7)
    history = {
        "train_loss": [1.0, 0.5],
        "val_loss": [1.0, 0.6],
        "train_acc": [0.8, 0.9],
        "val_acc": [0.8, 0.85],
    }
    panel = {
        "H": np.eye(3),
        "w_star": np.array([1.0, 2.0, 0.0]),
        "path": np.array([[0.0, 0.0, 0.0], [1.0, 1.0, 0.0]]),
        "title": "raw",
    }
    net221 = fresh(lambda: nl.Network.build([2, 2, 1], rng=0))
    return [
        Spec(
            "plots.activation_histograms",
            drawn(
                lambda activations, bins, xlabel: plots.activation_histograms(
                    activations, bins=bins, xlabel=xlabel
                )
            ),
            {"activations": {"Xavier": layers}, "bins": None, "xlabel": None},
            {
                "activations": [
                    ("wrong type", "a list of layers, not a dict", layers, E, None, None),
                    ("empty", "an empty dict", {}, E, None, None),
                    ("wrong type", "a string for the layers", {"Xavier": "A"}, E, None, None),
                    ("empty", "no layers", {"Xavier": []}, E, None, None),
                    ("empty", "an empty layer", {"Xavier": [np.array([])]}, E, None, None),
                    (
                        "wrong dtype",
                        "a complex layer",
                        {"Xavier": [layers[0] + 1j]},
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong dtype",
                        "a layer of int64",
                        {"Xavier": [np.array([0, 1, 1])]},
                        R,
                        {"Xavier": [np.array([0.0, 1.0, 1.0])]},
                        None,
                    ),
                    (
                        "non-finite",
                        "a NaN activation",
                        {"Xavier": [np.array([0.1, np.nan])]},
                        E,
                        None,
                        None,
                    ),
                ],
                "bins": [
                    ("wrong shape", "one edge", [0.5], E, None, None),
                    ("out of range", "edges decreasing", [1.0, 0.5, 0.0], E, None, None),
                    ("wrong dtype", "int64 edges", np.array([0, 1]), R, [0.0, 1.0], None),
                    ("wrong dtype", "complex edges", np.array([0.0, 1.0]) + 1j, E, None, None),
                    ("wrong type", "a number of bins (numpy style)", 40, E, None, None),
                ],
                "xlabel": texts(),
            },
        ),
        Spec(
            "plots.saturation_sweep",
            drawn(
                lambda scales, saturated, gradient, mark: plots.saturation_sweep(
                    scales, saturated, gradient, mark=mark
                )
            ),
            {
                "scales": [0.1, 1.0, 10.0],
                "saturated": {"layer 1": [0.0, 0.5, 1.0]},
                "gradient": {"mean |dL/dW1|": [1.0, 0.1, 0.01]},
                "mark": 1.0,
            },
            {
                "scales": arrays(
                    np.array([0.1, 1.0, 10.0]),
                    shapes=[("wrong shape", "2 scales for 3 values", [0.1, 1.0], E)],
                    positive=True,
                )[:9]
                + [("out of range", "a scale of 0 (log axis)", [0.0, 1.0, 10.0], E, None, None)],
                "saturated": labelled({"layer 1": [0.0, 0.5, 1.0]}),
                "gradient": labelled({"mean |dL/dW1|": [1.0, 0.1, 0.01]}, log=True),
                "mark": numbers(1.0, none=R),
            },
        ),
        Spec(
            "plots.curves",
            drawn(
                lambda series, logy, xlabel, hlines, legend_cols: plots.curves(
                    series, logy=logy, xlabel=xlabel, hlines=hlines, legend_cols=legend_cols
                )
            ),
            {
                "series": [("train", [1.0, 2.0, 3.0], [1.0, 0.5, 0.25], {})],
                "logy": True,
                "xlabel": "epoch",
                "hlines": [(0.5, "target")],
                "legend_cols": 1,
            },
            {
                "series": [
                    ("wrong type", "a dict", {"train": [1.0]}, E, None, None),
                    ("empty", "no series", [], E, None, None),
                    (
                        "wrong type",
                        "one tuple, not in a list",
                        ("train", [1.0, 2.0], [1.0, 0.5], {}),
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong shape",
                        "a tuple without its style",
                        [("train", [1.0, 2.0], [1.0, 0.5])],
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong shape",
                        "x and y of different lengths",
                        [("train", [1.0, 2.0], [1.0, 0.5, 0.25], {})],
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong dtype",
                        "int64 x and y",
                        [("train", np.array([1, 2, 3]), np.array([4, 2, 1]), {})],
                        R,
                        [("train", [1.0, 2.0, 3.0], [4.0, 2.0, 1.0], {})],
                        None,
                    ),
                    (
                        "wrong type",
                        "a style that is a format string",
                        [("train", [1.0, 2.0], [1.0, 0.5], "r-")],
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong type",
                        "a label that is a number",
                        [(1, [1.0, 2.0], [1.0, 0.5], {})],
                        E,
                        None,
                        None,
                    ),
                    (
                        "out of range",
                        "a 0 on a log y axis (off the picture)",
                        [("train", [1.0, 2.0], [1.0, 0.0], {})],
                        R,
                        [("train", [1.0, 2.0], [1.0, 0.0], {})],
                        None,
                    ),
                    (
                        "out of range",
                        "a negative value on a log y axis",
                        [("train", [1.0, 2.0], [1.0, -0.5], {})],
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong dtype",
                        "complex y",
                        [("train", [1.0, 2.0], np.array([1.0, 0.5]) + 1j, {})],
                        E,
                        None,
                        None,
                    ),
                ],
                "logy": bool_variants(True),
                "xlabel": texts(optional=False),
                "hlines": [
                    ("wrong type", "one pair, not in a list", (0.5, "target"), E, None, None),
                    ("wrong type", "a label that is a number", [(0.5, 1)], E, None, None),
                    ("wrong type", "a position that is a string", [("0.5", "t")], E, None, None),
                    ("empty", "no lines", [], R, None, bool),
                ],
                "legend_cols": int_variants(1),
            },
        ),
        Spec(
            "plots.quadratic_slices",
            drawn(lambda panels, levels: plots.quadratic_slices(panels, levels=levels)),
            {"panels": [panel], "levels": (0.1, 1.0, 3.0)},
            {
                "panels": [
                    ("wrong type", "one panel, not in a list", panel, E, None, None),
                    ("empty", "no panels", [], E, None, None),
                    ("wrong type", "a panel that is a list", [list(panel.values())], E, None, None),
                    (
                        "stale state",
                        "a panel without its path",
                        [{k: v for k, v in panel.items() if k != "path"}],
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong shape",
                        "a 2x2 Hessian",
                        [{**panel, "H": np.eye(2)}],
                        E,
                        None,
                        None,
                    ),
                    (
                        "out of range",
                        "a minimum at (0, 0)",
                        [{**panel, "w_star": np.zeros(3)}],
                        E,
                        None,
                        None,
                    ),
                    (
                        "non-finite",
                        "a NaN in the Hessian",
                        [{**panel, "H": np.diag([1.0, np.nan, 1.0])}],
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong dtype",
                        "an int64 Hessian",
                        [{**panel, "H": np.eye(3, dtype=np.int64)}],
                        R,
                        [panel],
                        None,
                    ),
                    (
                        "wrong type",
                        "a title that is a number",
                        [{**panel, "title": 1}],
                        E,
                        None,
                        None,
                    ),
                ],
                "levels": arrays(np.array([0.1, 1.0, 3.0]), positive=True, shapes=[])[:8]
                + [("out of range", "levels decreasing", (3.0, 1.0), E, None, None)],
            },
        ),
        Spec(
            "plots.regression_fits",
            drawn(
                lambda xs, truth, points, fits, title, colors: plots.regression_fits(
                    xs, truth, points, fits, title=title, colors=colors
                )
            ),
            {
                "xs": xs,
                "truth": np.sin(xs),
                "points": {"training set": (xs[:3], np.sin(xs[:3]))},
                "fits": {"H = 3": np.cos(xs)},
                "title": "",
                "colors": None,
            },
            {
                "xs": arrays(
                    xs,
                    shapes=[
                        ("wrong shape", "a column (the network's input)", xs[:, None], R),
                        ("wrong shape", "fewer x than curve values", xs[:4], E),
                    ],
                ),
                "truth": arrays(
                    np.sin(xs),
                    shapes=[("wrong shape", "one value short", np.sin(xs[:6]), E)],
                    nan=R,
                )[:9],
                "points": [
                    ("wrong type", "a pair, not a dict", (xs, xs), E, None, None),
                    ("wrong type", "X alone", {"training set": xs}, E, None, None),
                    (
                        "wrong shape",
                        "3 X for 2 Y",
                        {"training set": (xs[:3], xs[:2])},
                        E,
                        None,
                        None,
                    ),
                    ("empty", "no data sets", {}, R, None, bool),
                ],
                "fits": [
                    ("wrong shape", "a fit of another length", {"H = 3": xs[:3]}, E, None, None),
                    (
                        "wrong type",
                        "a fitted network, not its values",
                        {"H = 3": "net"},
                        E,
                        None,
                        None,
                    ),
                    ("wrong type", "a list of fits", [np.cos(xs)], E, None, None),
                    (
                        "non-finite",
                        "NaN (an empty curve)",
                        {"H = 3": np.full(7, np.nan)},
                        R,
                        None,
                        bool,
                    ),
                ],
                "title": texts(optional=False),
                "colors": [
                    ("wrong type", "one colour as a string", "tab:red", E, None, None),
                    ("wrong shape", "fewer colours than fits", [], E, None, None),
                ],
            },
        ),
        Spec(
            "plots.gradient_profiles",
            drawn(lambda profiles, title: plots.gradient_profiles(profiles, title=title)),
            {"profiles": {2: [1.0, 0.1], 3: [1.0, 0.1, 0.01]}, "title": None},
            {
                "profiles": labelled({2: [1.0, 0.1], 3: [1.0, 0.1, 0.01]}, log=True)
                + [
                    ("wrong type", "depths as strings", {"deep": [1.0, 0.1]}, E, None, None),
                    ("out of range", "a depth of 0", {0: [1.0]}, E, None, None),
                ],
                "title": texts(),
            },
        ),
        Spec(
            "plots.run_loss_curves",
            drawn(lambda runs, title: plots.run_loss_curves(runs, title=title)),
            {"runs": {"relu, He": [[1.0, 0.5], [1.0, 0.4]]}, "title": None},
            {
                "runs": [
                    ("wrong type", "a list, not a dict", [[1.0, 0.5]], E, None, None),
                    ("empty", "an empty dict", {}, E, None, None),
                    (
                        "wrong shape",
                        "one history not in a list",
                        {"relu": [1.0, 0.5]},
                        E,
                        None,
                        None,
                    ),
                    ("empty", "no runs under a name", {"relu": []}, E, None, None),
                    (
                        "wrong dtype",
                        "a complex history",
                        {"relu": [np.array([1.0, 0.5]) + 1j]},
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong dtype",
                        "int64 histories",
                        {"relu": [np.array([4, 2]), np.array([3, 1])]},
                        R,
                        {"relu": [[4.0, 2.0], [3.0, 1.0]]},
                        None,
                    ),
                ],
                "title": texts(),
            },
        ),
        Spec(
            "plots.xor_hidden_space",
            drawn(lambda net, X, Y: plots.xor_hidden_space(net, X, Y)),
            {"net": net221, "X": XOR_X, "Y": XOR_Y},
            {
                "net": [
                    ("wrong type", "None", None, E, None, None),
                    (
                        "wrong shape",
                        "a 2-3-1 network",
                        nl.Network.build([2, 3, 1], rng=0),
                        E,
                        None,
                        None,
                    ),
                    ("wrong type", "a list of sizes", [2, 2, 1], E, None, None),
                ],
                "X": arrays(
                    XOR_X,
                    shapes=[
                        ("wrong shape", "3 columns", np.ones((4, 3)), E),
                        ("wrong shape", "a 1-D array", XOR_X[:, 0], E),
                    ],
                ),
                "Y": [
                    ("wrong shape", "3 labels for 4 points", XOR_Y[:3], E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("wrong dtype", "a list of ints", [0, 1, 1, 0], R, XOR_Y, None),
                ],
            },
        ),
        Spec(
            "plots.slowdown_curves",
            drawn(lambda outputs, losses: plots.slowdown_curves(outputs, losses)),
            {"outputs": {"mse": [0.1, 0.2, 0.4]}, "losses": {"mse": [1.0, 0.8, 0.4]}},
            {
                "outputs": labelled({"mse": [0.1, 0.2, 0.4]}),
                "losses": labelled({"mse": [1.0, 0.8, 0.4]}),
            },
        ),
        Spec(
            "plots.training_curves",
            drawn(lambda histories: plots.training_curves(histories)),
            {"histories": {"Adam": history}},
            {
                "histories": [
                    ("wrong type", "one history, not in a dict", history, E, None, None),
                    ("empty", "an empty dict", {}, E, None, None),
                    (
                        "stale state",
                        "a history without 'val_acc'",
                        {"Adam": {k: v for k, v in history.items() if k != "val_acc"}},
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong shape",
                        "'val_loss' one epoch short",
                        {"Adam": {**history, "val_loss": [1.0]}},
                        E,
                        None,
                        None,
                    ),
                    (
                        "out of range",
                        "a negative loss on a log scale",
                        {"Adam": {**history, "train_loss": [1.0, -0.5]}},
                        E,
                        None,
                        None,
                    ),
                    (
                        "wrong dtype",
                        "numpy arrays",
                        {"Adam": {k: np.array(v) for k, v in history.items()}},
                        R,
                        {"Adam": history},
                        None,
                    ),
                ]
            },
        ),
    ]


_PICTURES: dict[str, Any] = {}


def rate_picture() -> Any:
    """One RatePicture for every case (a png draws on a copy of its background)."""
    from nnlesson import plots

    if "rate" not in _PICTURES:
        _PICTURES["rate"] = plots.RatePicture(
            _bowl,
            window=(-2.0, 2.0, -2.0, 2.0),
            minimum=(0.0, 0.0),
            iterations=10,
            levels=[0.5, 1.0, 2.0],
        )
    return _PICTURES["rate"]


def fit_picture() -> Any:
    from nnlesson import plots

    if "fit" not in _PICTURES:
        xs = np.linspace(-3.0, 3.0, 7)
        _PICTURES["fit"] = plots.FitPicture(xs, np.sin(xs), {"data": (xs, np.sin(xs))})
    return _PICTURES["fit"]


def panel_picture_specs() -> list[Spec]:
    """The panels' pictures (lessons 05 and 09) and their PNG encoder."""
    from nnlesson import plots

    path = np.array([[1.0, 1.0], [0.0, 1.0], [0.0, 0.0]])
    losses = np.array([4.0, 3.0, 1.0])
    fit = np.cos(np.linspace(-3.0, 3.0, 7))
    return [
        Spec(
            "plots.canvas_png",
            lambda canvas: plots.canvas_png(canvas),
            {"canvas": fresh(lambda: rate_picture().canvas)},
            {
                "canvas": [
                    ("wrong type", "None", None, E, None, None),
                    ("wrong type", "a string", "canvas", E, None, None),
                    ("wrong type", "an array of pixels", np.zeros((2, 2, 4)), E, None, None),
                ]
            },
        ),
        Spec(
            "plots.RatePicture",
            lambda iterations: plots.RatePicture(
                _bowl, window=(-2.0, 2.0, -2.0, 2.0), minimum=(0.0, 0.0), iterations=iterations
            ).png(path, losses, "lr"),
            {"iterations": 10},
            {"iterations": int_variants(10)},
        ),
        Spec(
            "plots.RatePicture.png",
            lambda picture, path, losses, title: picture.png(path, losses, title),
            {"picture": fresh(rate_picture), "path": path, "losses": losses, "title": "lr"},
            {
                "path": arrays(
                    path,
                    shapes=[
                        ("wrong shape", "3 coordinates", np.ones((3, 3)), E),
                        ("wrong shape", "1-D", path[:, 0], E),
                    ],
                )[:14],
                "losses": arrays(
                    losses,
                    shapes=[("wrong shape", "one loss per coordinate", np.ones((3, 2)), E)],
                    positive=True,
                )
                + [
                    ("out of range", "a loss of 0 (log10)", [4.0, 3.0, 0.0], E, None, None),
                    ("wrong shape", "2 losses for 3 points", [4.0, 3.0], E, None, None),
                ],
                "title": texts(optional=False),
            },
        ),
        Spec(
            "plots.FitPicture",
            lambda color, figsize: plots.FitPicture(
                np.linspace(-3.0, 3.0, 7), fit, {}, color=color, figsize=figsize
            ).png(fit, "H = 3"),
            {"color": "tab:green", "figsize": (6.0, 3.5)},
            {
                "color": texts(optional=False),
                "figsize": pair_variants((6.0, 3.5), positive=True)[:8]
                + [("out of range", "a height of 0", (6.0, 0.0), E, None, None)],
            },
        ),
        Spec(
            "plots.FitPicture.png",
            lambda picture, fit, label: picture.png(fit, label),
            {"picture": fresh(fit_picture), "fit": fit, "label": "H = 3"},
            {
                "fit": arrays(
                    fit,
                    shapes=[
                        ("wrong shape", "a column (what net(xs) returns)", fit[:, None], R),
                        ("wrong shape", "fewer values than xs", fit[:4], E),
                    ],
                    nan=R,
                    inf=R,
                ),
                "label": texts(optional=False),
            },
        ),
    ]


# ------------------------------------------------------------------ the races
def race_specs() -> list[Spec]:
    from nnlesson import races
    from nnlesson.optimizers import Adam, GradientDescent

    start = np.array([-4.0, 1.2])
    fields = {
        "problem": "Rosenbrock",
        "lr_gd": 0.01,
        "lr_adaptive": 0.1,
        "beta": 0.9,
        "rho": 0.9,
        "beta1": 0.9,
        "beta2": 0.999,
        "steps": 300,
    }

    def fraction(good: float) -> Variants:
        return numbers(good, zero=R, upper=(1.0, E))

    return [
        Spec(
            "races.problem_name",
            lambda problem: races.problem_name(problem),
            {"problem": "Rosenbrock"},
            {"problem": choice_variants("Rosenbrock")},
        ),
        Spec(
            "races.make_optimizer",
            lambda name, lr, beta, beta1, beta2, rho: races.make_optimizer(
                name, lr, beta, beta1, beta2, rho
            ),
            {"name": "Adam", "lr": 0.1, "beta": 0.9, "beta1": 0.9, "beta2": 0.999, "rho": 0.9},
            {
                "name": choice_variants("Adam")
                + [("wrong type", "the class", Adam, E, None, None)],
                "lr": numbers(0.1),
                "beta": fraction(0.9),
                "beta1": fraction(0.9),
                "beta2": fraction(0.999),
                "rho": fraction(0.9),
            },
        ),
        Spec(
            "races.run",
            lambda optimizer, grad, start, steps: races.run(optimizer, grad, start, steps),
            {
                "optimizer": fresh(lambda: GradientDescent(0.05)),
                "grad": races.grad_ill,
                "start": start,
                "steps": 5,
            },
            {
                "optimizer": [
                    ("wrong type", "None", None, E, None, None),
                    ("wrong type", "a name", "GD", E, None, None),
                    ("wrong type", "the class, not an object", GradientDescent, E, None, None),
                ],
                "grad": functions(
                    shape_wrong=lambda w: np.sum(w), example="a gradient of one number"
                )
                + [("wrong type", "the function, not its gradient", races.f_ill, E, None, None)],
                "start": arrays(
                    start,
                    shapes=[
                        ("wrong shape", "3 numbers", np.ones(3), E),
                        ("wrong shape", "a (2, 2) batch of starts", np.ones((2, 2)), R),
                        ("wrong shape", "a 3-D array", np.ones((1, 1, 2)), E),
                    ],
                ),
                "steps": int_variants(5, minimum=0),
            },
        ),
        *[
            Spec(
                f"races.{fn.__name__}",
                (lambda f: lambda w: f(w))(fn),
                {"w": np.array([[0.5, -1.0], [2.0, 0.3]])},
                {
                    "w": arrays(
                        np.array([[0.5, -1.0], [2.0, 0.3]]),
                        shapes=[
                            ("wrong shape", "3 coordinates", np.ones((2, 3)), E),
                            ("wrong shape", "one point, 1-D", np.array([0.5, -1.0]), R),
                            ("wrong shape", "a single number", np.array(0.5), E),
                        ],
                        nan=R,
                        inf=R,
                    ),
                },
            )
            for fn in (
                races.f_ill,
                races.grad_ill,
                races.rosenbrock,
                races.grad_rosenbrock,
                races.f_round,
                races.grad_round,
                races.f_rot,
                races.grad_rot,
            )
        ],
        Spec(
            "races.distances",
            lambda path, minimum: races.distances(path, minimum),
            {"path": np.array([[1.0, 1.0], [0.0, 3.0]]), "minimum": (0.0, 0.0)},
            {
                "path": arrays(
                    np.array([[1.0, 1.0], [0.0, 3.0]]),
                    shapes=[
                        ("wrong shape", "3 coordinates", np.ones((2, 3)), E),
                        ("wrong shape", "one point, 1-D", np.array([3.0, 4.0]), R),
                    ],
                    nan=R,
                    inf=R,
                )
                # a NaN or infinity (an overflowed run) is reported as an infinite distance
                + [],
                "minimum": pair_variants((0.0, 0.0)),
            },
        ),
        Spec(
            "races.settle_step",
            lambda d, tol: races.settle_step(d, tol),
            {"d": np.array([5.0, 0.5, 1e-4]), "tol": 1e-3},
            {
                "d": arrays(
                    np.array([5.0, 0.5, 1e-4]),
                    shapes=[("wrong shape", "a 2-D array", np.ones((2, 2)), E)],
                    nan=R,
                    inf=R,
                )
                + [("out of range", "a negative distance", [-1.0, 0.0], E, None, None)],
                "tol": numbers(1e-3),
            },
        ),
        Spec(
            "races.tune",
            lambda grad, start, minimum, steps, names, rates, settings: races.tune(
                grad, start, minimum, steps, names, rates, **settings
            ),
            {
                "grad": races.grad_ill,
                "start": start,
                "minimum": (0.0, 0.0),
                "steps": 5,
                "names": ["GD"],
                "rates": np.array([1.0, 2.0]),
                "settings": {},
            },
            {
                "grad": functions(
                    shape_wrong=lambda w: np.sum(w), example="a gradient of one number"
                ),
                "start": pair_variants((-4.0, 1.2))[:10],
                "minimum": pair_variants((0.0, 0.0))[:6],
                "steps": int_variants(5),
                "names": [
                    ("wrong type", "one name as a string", "GD", E, None, None),
                    ("out of range", "an unknown racer", ["SGD"], E, None, None),
                    ("empty", "no racers", [], E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("wrong dtype", "a tuple", ("GD",), R, ["GD"], None),
                ],
                "rates": arrays(np.array([1.0, 2.0]), positive=True)[:9]
                + [("out of range", "a rate of 0", [0.0, 1.0], E, None, None)],
                "settings": [
                    ("out of range", "a misspelt setting", {"gamma": 0.9}, E, None, None),
                    ("wrong type", "a dict of settings as one", {"settings": {}}, E, None, None),
                ],
            },
            names={"settings": "setting"},
        ),
        Spec(
            "races.race_table",
            lambda best, fn, minimum, steps: races.race_table(best, fn, minimum, steps),
            {
                "best": fresh(
                    lambda: races.tune(races.grad_ill, start, np.zeros(2), 5, ["GD"], [0.01])
                ),
                "fn": races.f_ill,
                "minimum": (0.0, 0.0),
                "steps": 5,
            },
            {
                "best": [
                    ("wrong type", "None", None, E, None, None),
                    ("empty", "an empty dict", {}, E, None, None),
                    ("wrong type", "a rate per racer", {"GD": 0.1}, E, None, None),
                    ("wrong type", "a list", [1, 2], E, None, None),
                ],
                "fn": functions(),
                "minimum": pair_variants((0.0, 0.0))[:6],
                "steps": int_variants(5, minimum=0),
            },
        ),
        Spec(
            "races.RaceSettings",
            lambda **kw: races.RaceSettings(**kw),
            fields,
            {
                "problem": choice_variants("Rosenbrock"),
                "lr_gd": numbers(0.01),
                "lr_adaptive": numbers(0.1),
                "beta": fraction(0.9),
                "rho": fraction(0.9),
                "beta1": fraction(0.9),
                "beta2": fraction(0.999),
                "steps": int_variants(300),
            },
        ),
        Spec(
            "races.race",
            lambda settings: races.race(settings),
            {"settings": races.RaceSettings(steps=10)},
            {
                "settings": [
                    ("wrong type", "a dict of settings", {"steps": 10}, E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("wrong type", "a problem name", "Rosenbrock", E, None, None),
                ]
            },
        ),
    ]


def race_cases() -> list[Case]:
    """Hand-written: settings given by keyword, reused pictures, mutation."""
    from nnlesson import plots, races

    cases: list[Case] = []

    def add(function, argument, klass, given, call, expect, **kw):
        cases.append(Case(function, argument, klass, given, call, expect, **kw))

    good_paths = races.race(races.RaceSettings(steps=5))[0]
    for function, call in [
        ("races.race_title", lambda s: races.race_title(s)),
        ("races.race_controls", lambda s: races.race_controls(s)),
        ("races.race_panel", lambda s: races.race_panel(s)),
        ("races.RacePicture.png", lambda s: races.RacePicture().png(s, good_paths)),
    ]:
        for given, bad in [
            ("None", None),
            ("a dict of settings", {"problem": "Rosenbrock"}),
            ("a problem name", "Rosenbrock"),
        ]:
            add(
                function, "settings", "wrong type", given, (lambda c, b: lambda: c(b))(call, bad), E
            )
    settings5 = races.RaceSettings(steps=5)
    for given, klass, bad in [
        ("a list of paths", "wrong type", list(good_paths.values())),
        ("an empty dict", "empty", {}),
        ("an unknown racer", "out of range", {"SGD": good_paths["GD"]}),
        ("a path of 3 coordinates", "wrong shape", {"GD": np.ones((4, 3))}),
        ("a path as text", "wrong type", {"GD": "path"}),
        ("a complex path", "wrong dtype", {"GD": good_paths["GD"] + 1j}),
    ]:
        add(
            "races.RacePicture.png",
            "paths",
            klass,
            given,
            (lambda b: lambda: races.RacePicture().png(settings5, b))(bad),
            E,
        )
    for given, klass, bad in [
        ("a string", "wrong type", "1e-5"),
        ("None", "wrong type", None),
        ("True", "wrong type", True),
    ]:
        add("races.small", "x", klass, given, (lambda b: lambda: races.small(b))(bad), E)

    add(
        "races.show_race",
        "settings",
        "out of range",
        "a misspelt setting (lr)",
        lambda: races.show_race(lr=0.1),
        E,
        names="lr",
    )
    add(
        "races.show_race",
        "lr_gd",
        "wrong type",
        "a numeric string",
        lambda: races.show_race(lr_gd="0.01"),
        E,
    )
    add(
        "races.show_race",
        "beta",
        "out of range",
        "beta of 1",
        lambda: races.show_race(beta=1.0),
        E,
    )
    add(
        "races.show_race",
        "steps",
        "wrong type",
        "a float",
        lambda: races.show_race(steps=30.5),
        E,
    )
    add(
        "races.show_race",
        "picture",
        "wrong type",
        "a string",
        lambda: races.show_race("picture", steps=10),
        E,
    )

    for key, value, klass, given in [
        ("rho", 1.5, "out of range", "rho of 1.5"),
        ("beta", "0.9", "wrong type", "beta as a string"),
        ("beta2", np.nan, "non-finite", "beta2 NaN"),
    ]:
        add(
            "races.tune",
            key,
            klass,
            given,
            lambda key=key, value=value: races.tune(
                races.grad_ill, [-4.0, 1.2], (0.0, 0.0), 5, ["Adam"], [0.1], **{key: value}
            ),
            E,
        )

    def quiet(**settings):
        with contextlib.redirect_stdout(io.StringIO()):
            return races.show_race(**settings)

    def echoed():
        # the browser echoes 0.9 back as 0.9000000000000001: the same picture
        return quiet(beta=0.9000000000000001, steps=30)

    add(
        "races.show_race",
        "beta",
        "wrong dtype",
        "0.9 echoed back as 0.9000000000000001",
        echoed,
        R,
        reference=lambda: quiet(beta=0.9, steps=30),
    )

    def reused_picture():
        picture = races.RacePicture()
        first = races.RaceSettings(steps=30)
        picture.png(first, races.race(first)[0])
        second = races.RaceSettings(problem="Rosenbrock", steps=40)
        paths, _ = races.race(second)
        return picture.png(second, {k: paths[k] for k in ("GD", "Adam")})

    def fresh_picture():
        second = races.RaceSettings(problem="Rosenbrock", steps=40)
        paths, _ = races.race(second)
        return races.RacePicture().png(second, {k: paths[k] for k in ("GD", "Adam")})

    add(
        "races.RacePicture.png",
        "paths",
        "stale state",
        "a picture reused for another function and other racers",
        reused_picture,
        R,
        reference=fresh_picture,
    )

    def rate_picture(paths_losses):
        picture = plots.RatePicture(
            lambda P: P[..., 0] ** 2 + P[..., 1] ** 2,
            window=(-2.0, 2.0, -2.0, 2.0),
            minimum=(0.0, 0.0),
            iterations=10,
            levels=[0.5, 1.0, 2.0],
        )
        out = b""
        for path, losses in paths_losses:
            out = picture.png(path, losses, "lr")
        return out

    long_path = (np.array([[1.0, 1.0], [0.5, 0.5], [0.2, 0.2], [0.1, 0.1]]), [2.0, 0.5, 0.1, 0.02])
    short_path = (np.array([[1.0, -1.0], [0.0, 0.0]]), [2.0, 1e-9])
    add(
        "plots.RatePicture.png",
        "path",
        "stale state",
        "a longer path drawn first, then a shorter one",
        lambda: rate_picture([long_path, short_path]),
        R,
        reference=lambda: rate_picture([short_path]),
    )

    def settings_after_error():
        # a rejected setting leaves nothing behind: the next race is the default one
        try:
            races.RaceSettings(beta=1.5)
        except ValueError:
            pass
        return races.race(races.RaceSettings(steps=20))[1]

    add(
        "races.RaceSettings",
        "beta",
        "call order",
        "a race after a rejected setting",
        settings_after_error,
        R,
        reference=lambda: races.race(races.RaceSettings(steps=20))[1],
    )

    cases += [
        mutation_case(
            "races.run",
            "start",
            lambda: (np.array([-4.0, 1.2]),),
            lambda s: races.run(GradientDescent_(), races.grad_ill, s, 3)[0],
        ),
        mutation_case(
            "races.distances",
            "path",
            lambda: (np.array([[1.0, 1.0], [0.0, 3.0]]), np.zeros(2)),
            races.distances,
        ),
        mutation_case(
            "races.settle_step",
            "d",
            lambda: (np.array([5.0, 0.5, 1e-4]),),
            lambda d: races.settle_step(d),
        ),
        mutation_case(
            "plots.gd_steps_on_curve",
            "path",
            lambda: (np.array([-2.0, -0.5, 0.4]),),
            lambda p: drawn(plots.gd_steps_on_curve)(loss=_loss, path=p, lo=-3.0, hi=3.0),
        ),
        mutation_case(
            "plots.batch_paths_on_contours",
            "x",
            lambda: (np.array([0.0, 1.0, 2.0]), np.array([1.0, 3.0, 5.0]), PATH["lr = 0.1"].copy()),
            lambda x, y, p: drawn(plots.batch_paths_on_contours)(x=x, y=y, paths={"SGD": p}),
        ),
    ]
    return cases


def GradientDescent_() -> Any:
    from nnlesson.optimizers import GradientDescent

    return GradientDescent(0.05)


def figure_and_race_specs() -> list[Spec]:
    return (
        lessons_00_05_specs()
        + lessons_06_07_specs()
        + lessons_08_12_specs()
        + panel_picture_specs()
        + race_specs()
    )


__all__ = ["figure_and_race_specs", "non_finite_out", "picture", "race_cases", "same"]
