"""Entry checks of the public functions in :mod:`nnlesson.races` (lesson 07).

Kept apart from ``races.py`` so that each function needs one line at its top: a bad
argument is named where it is given, with the fix, never met as a numpy error inside a
race. The checks look at numbers and shapes only (no copies of the paths), so the race
panel stays as fast as before.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from nnlesson._validation import (
    _short,
    as_float_array,
    check_callable,
    check_fraction,
    check_int,
    check_positive_number,
)

SETTING_NAMES = ("beta", "beta1", "beta2", "rho")
GRAD_EXAMPLE = "races.grad_ill (a function of an array of points, last axis (x, y))"


def _finite(arr: np.ndarray, name: str) -> None:
    if not np.all(np.isfinite(arr)):
        where = tuple(int(i) for i in np.argwhere(~np.isfinite(arr))[0])
        raise ValueError(
            f"{name} contains NaN or infinity (first at index {where}: {arr[where]}). "
            f"Fix: pass finite coordinates (a race starts from, and is measured to, a point "
            f"of the plane)."
        )


def _got(value: object) -> str:
    return f"{_short(value)} ({type(value).__name__})"


def choice(value: object, name: str, what: str, valid: Iterable[str], example: str) -> None:
    valid = list(valid)
    if not isinstance(value, str) or value not in valid:
        raise ValueError(
            f"unknown {what} {value!r}. Valid choices: {', '.join(valid)}. Fix: {name}={example!r}."
        )


def point(value: object, name: str) -> np.ndarray:
    arr = as_float_array(value, name, allow_empty=True)
    if arr.shape != (2,):
        example = "[0.0, 0.0]" if name == "minimum" else "[-4.0, 1.2]"
        raise ValueError(
            f"{name} must be one point (x, y), 2 numbers; got shape {arr.shape}. "
            f"Fix: {name}=np.array({example})."
        )
    _finite(arr, name)
    return arr


def rate(lr: object) -> None:
    if not callable(lr):
        check_positive_number(lr, "lr")


def settings(values: dict[str, object]) -> None:
    for key, value in values.items():
        if key not in SETTING_NAMES:
            raise TypeError(
                f"Unknown setting {key!r}. Valid names: {', '.join(SETTING_NAMES)}. "
                f"Fix: e.g. rho=0.99."
            )
        check_fraction(value, key)


def optimizer_name(name: object) -> None:
    from nnlesson.races import NAMES

    choice(name, "name", "optimizer", NAMES, "Adam")


def make_optimizer(name, lr, beta, beta1, beta2, rho) -> None:
    optimizer_name(name)
    rate(lr)
    settings({"beta": beta, "beta1": beta1, "beta2": beta2, "rho": rho})


def grad(fn: object, start: np.ndarray) -> None:
    check_callable(fn, "grad", GRAD_EXAMPLE)
    g = np.asarray(fn(start))  # type: ignore[operator]
    if g.shape != start.shape or g.dtype.kind not in "fiub":
        raise ValueError(
            f"grad must return one gradient (x, y) per point, the shape of its input; "
            f"grad(start of shape {start.shape}) returned shape {g.shape}, dtype {g.dtype}. "
            f"Fix: stack the two partial derivatives on the last axis, e.g. "
            f"np.stack([dx, dy], axis=-1)."
        )


def run(optimizer, grad_fn, start, steps) -> None:
    from nnlesson.optimizers import Optimizer

    if isinstance(optimizer, type) and issubclass(optimizer, Optimizer):
        raise TypeError(
            f"optimizer must be an optimizer object; got the class {optimizer.__name__}. "
            f"Fix: {optimizer.__name__}(lr=0.1)."
        )
    if not isinstance(optimizer, Optimizer):
        raise TypeError(
            f"optimizer must be an nnlesson optimizer; got {_got(optimizer)}. "
            f"Fix: GradientDescent(lr=0.1) or races.make_optimizer('Adam', 0.1)."
        )
    w = as_float_array(start, "start")
    if w.shape[-1:] != (2,) or w.ndim > 2:
        raise ValueError(
            f"start must be one point (x, y), or k points as a (k, 2) array; got shape "
            f"{w.shape}. Fix: start=np.array([-4.0, 1.2])."
        )
    _finite(w, "start")
    check_int(steps, "steps", minimum=0)
    grad(grad_fn, w)


def distances(path, minimum) -> np.ndarray:
    """Also returns ``minimum`` as a float array (an object array has no sqrt)."""
    p = as_float_array(path, "path")
    if p.shape[-1:] != (2,):
        raise ValueError(
            f"path must hold points (x, y) on its last axis; got shape {p.shape}. "
            f"Fix: pass the path that races.run returned, shape (steps + 1, 2)."
        )
    return point(minimum, "minimum")


def settle_step(d, tol) -> None:
    arr = as_float_array(d, "d")
    if arr.ndim != 1:
        raise ValueError(
            f"d must be a 1-D list of distances, one per step; got shape {arr.shape}. "
            f"Fix: races.distances(path, minimum) of one run."
        )
    if np.any(arr < 0):
        raise ValueError(
            f"d must hold distances (>= 0); got {float(arr[arr < 0][0]):g}. "
            f"Fix: pass distances, e.g. races.distances(path, minimum)."
        )
    check_positive_number(tol, "tol")


def tune(grad_fn, start, minimum, steps, names, rates, values) -> None:
    from nnlesson.races import NAMES

    w = point(start, "start")
    point(minimum, "minimum")
    check_int(steps, "steps", minimum=1)
    if isinstance(names, str) or not isinstance(names, (list, tuple)) or not names:
        raise TypeError(
            f"names must be a non-empty list of optimizer names; got {_got(names)}. "
            f"Fix: names=['Adam'] (a single one in a list)."
        )
    for name in names:
        choice(name, "names", "optimizer", NAMES, ["Adam"])  # type: ignore[arg-type]
    r = as_float_array(rates, "rates")
    if r.ndim != 1 or not np.all(np.isfinite(r)) or np.any(r <= 0):
        got = f"shape {r.shape}" if r.ndim != 1 else f"{r.tolist()[:6]}"
        raise ValueError(
            f"rates must be a 1-D list of finite learning rates > 0; got {got}. "
            f"Fix: rates=10.0 ** np.arange(-4, 0.51, 0.25) (races.RATES)."
        )
    settings(values)
    grad(grad_fn, w)


def race_table(best, fn, minimum, steps) -> None:
    if not isinstance(best, dict) or not best:
        raise TypeError(
            f"best must be the dict races.tune returned (name -> lr, settle, path); got "
            f"{_got(best)}. Fix: best = races.tune(grad, start, minimum, steps)."
        )
    for name, entry in best.items():
        if not isinstance(entry, dict) or not {"lr", "settle", "path"} <= set(entry):
            raise TypeError(
                f"best[{name!r}] must be a dict with 'lr', 'settle' and 'path'; got "
                f"{_got(entry)}. Fix: pass what races.tune returned."
            )
    check_callable(fn, "fn", "races.f_ill")
    point(minimum, "minimum")
    check_int(steps, "steps", minimum=0)


def race_settings(s: object) -> None:
    from nnlesson.races import PROBLEMS, RaceSettings

    if not isinstance(s, RaceSettings):
        raise TypeError(
            f"settings must be a RaceSettings; got {_got(s)}. "
            f"Fix: races.RaceSettings(problem='Rosenbrock', lr_gd=0.001)."
        )
    choice(s.problem, "problem", "problem", PROBLEMS, "Rosenbrock")
    check_positive_number(s.lr_gd, "lr_gd")
    check_positive_number(s.lr_adaptive, "lr_adaptive")
    for name in ("beta", "rho", "beta1", "beta2"):
        check_fraction(getattr(s, name), name)
    check_int(s.steps, "steps", minimum=1)


def show_race(picture: object, values: dict[str, object]) -> None:
    from dataclasses import fields

    from nnlesson.races import RacePicture, RaceSettings

    if picture is not None and not isinstance(picture, RacePicture):
        raise TypeError(
            f"picture must be a RacePicture or None; got {_got(picture)}. "
            f"Fix: picture=races.RacePicture(), or leave it out."
        )
    valid = [f.name for f in fields(RaceSettings)]
    for key in values:
        if key not in valid:
            raise TypeError(
                f"Unknown setting {key!r}. Valid names: {', '.join(valid)}. "
                f"Fix: e.g. show_race(problem='Rosenbrock', lr_gd=0.001)."
            )


def problem_name(problem: object) -> None:
    from nnlesson.races import PROBLEMS

    choice(problem, "problem", "problem", PROBLEMS, "Rosenbrock")


def paths(value: object) -> None:
    """A race's paths: racer name -> points, shape (n, 2), as :func:`nnlesson.races.race`
    returns them."""
    from nnlesson.races import NAMES

    if not isinstance(value, dict) or not value:
        raise TypeError(
            f"paths must be a dict of racer name -> path; got {_got(value)}. "
            f"Fix: paths, lines = races.race(settings)."
        )
    for name, path in value.items():
        choice(name, "a racer's name in paths", "racer", NAMES, "Adam")
        arr = as_float_array(path, f"paths[{name!r}]")
        if arr.ndim != 2 or arr.shape[1] != 2:
            raise ValueError(
                f"paths[{name!r}] must be the points of a path, shape (n, 2); got shape "
                f"{arr.shape}. Fix: paths, lines = races.race(settings)."
            )


def small(x: object) -> None:
    if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
        raise TypeError(f"x must be a number (a distance); got {_got(x)}. Fix: small(1e-5).")
