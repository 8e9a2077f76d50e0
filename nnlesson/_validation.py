"""Input checks shared by the package.

Every public function checks what it is given *where the mistake is made*, and
every message names the argument, what was expected, what came in, and a fix.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

import numpy as np


def as_float_array(value: object, name: str, *, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a floating-point array, or raise a clear error.

    Integer arrays are converted to float64 (a copy), because updates such as
    ``theta -= alpha * grad`` on an integer array would silently truncate
    (article 003 starts ``theta = np.array([0, 0])``, an integer array).
    """
    try:
        arr = np.asarray(value)
    except Exception as exc:  # pragma: no cover - numpy's own message is shown
        raise TypeError(f"{name} must be array-like numbers; got {type(value).__name__}.") from exc
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or np.issubdtype(arr.dtype, np.bool_)
    ):
        raise TypeError(
            f"{name} must hold numbers; got an array of dtype {arr.dtype}. "
            f"Fix: pass a list or numpy array of floats, e.g. np.array(..., dtype=float)."
        )
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise TypeError(f"{name} must be real numbers; got complex dtype {arr.dtype}.")
    if not np.issubdtype(arr.dtype, np.floating):
        arr = arr.astype(np.float64)
    if ndim is not None and arr.ndim != ndim:
        shape_hint = "(batch, features)" if ndim == 2 else f"{ndim} dimensions"
        fix = ""
        if ndim == 2 and arr.ndim == 1:
            fix = (
                " Fix: for one sample use x.reshape(1, -1); for one feature per sample use "
                "x.reshape(-1, 1)."
            )
        raise ValueError(
            f"{name} must be a {ndim}-D array {shape_hint}; got shape {arr.shape} "
            f"({arr.ndim}-D).{fix}"
        )
    if arr.size == 0:
        raise ValueError(f"{name} is empty (shape {arr.shape}); pass at least one sample.")
    return arr


def check_finite(arr: np.ndarray, name: str) -> None:
    """Raise if ``arr`` holds NaN or infinity, naming the first bad entry."""
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = tuple(int(i) for i in bad)
        raise ValueError(
            f"{name} contains NaN or infinity (first at index {where}: {arr[where]}). "
            f"Fix: clean or drop those samples before training."
        )


def check_positive_number(value: object, name: str, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float if it is a finite number > 0 (or >= 0)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number; got {value!r} ({type(value).__name__}).")
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(f"{name} must be a finite number; got {value!r}.")
    if v < 0 or (v == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}; got {value!r}.")
    return v


def check_fraction(value: object, name: str, *, low_open: bool = False) -> float:
    """Return ``value`` if it lies in [0, 1) (or (0, 1) with ``low_open``)."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number; got {value!r} ({type(value).__name__}).")
    v = float(value)
    low_ok = v > 0 if low_open else v >= 0
    if not (math.isfinite(v) and low_ok and v < 1):
        interval = "(0, 1)" if low_open else "[0, 1)"
        raise ValueError(f"{name} must lie in {interval}; got {value!r}.")
    return v


def check_int(value: object, name: str, *, minimum: int = 0) -> int:
    """Return ``value`` if it is an integer >= ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            f"{name} must be a whole number; got {value!r} ({type(value).__name__}). "
            f"Fix: pass an int such as {max(minimum, 1)}."
        )
    v = int(value)
    if v < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {v}.")
    return v


def check_bool(value: object, name: str) -> bool:
    """Return ``value`` if it is True or False; a string such as ``"no"`` would be truthy."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(f"{name} must be True or False; got {value!r} ({type(value).__name__}).")


def check_choice(value: object, name: str, choices: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``choices``; else list the valid ones."""
    valid = sorted(choices)
    if not isinstance(value, str) or value not in valid:
        raise ValueError(f"Unknown {name} {value!r}. Valid choices: {', '.join(valid)}.")
    return value


def as_generator(rng: object, name: str = "rng") -> np.random.Generator:
    """A ``numpy.random.Generator`` from a generator, an integer seed, or None (seed 0).

    The package never touches numpy's global random state: the same seed gives
    bit-identical results, run after run. None means seed 0, so that even code that
    forgets to pass a generator is reproducible.
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is None:
        return np.random.default_rng(0)
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool) and rng >= 0:
        return np.random.default_rng(int(rng))
    raise TypeError(
        f"{name} must be a numpy.random.Generator, a seed (int >= 0) or None; got {rng!r}. "
        f"Fix: rng=np.random.default_rng(42) or rng=42."
    )
