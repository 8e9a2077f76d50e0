"""Input checks shared by the package.

Every public function checks what it is given *where the mistake is made*, and
every message names the argument, what was expected, what came in, and a fix.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

import numpy as np


def as_float_array(
    value: object, name: str, *, ndim: int | None = None, allow_empty: bool = False
) -> np.ndarray:
    """Return ``value`` as a floating-point array, or raise a clear error.

    One treatment for every array the package is given: numbers only (not strings, dates,
    ``None`` or ragged lists), real (not complex), and floating point before any
    arithmetic. Integer and boolean arrays become float64 (a copy), because updates such
    as ``theta -= alpha * grad`` on an integer array would truncate (article 003 starts
    ``theta = np.array([0, 0])``, an integer array) and ``uint8`` differences wrap around
    (0 - 1 = 255). float16 also becomes float64 (its 3 digits would decide the answer);
    float32 and float64 are kept as they are.
    """
    if type(value) is np.ndarray and value.dtype.kind == "f" and value.dtype.itemsize in (4, 8):
        arr = value  # the common case: nothing to convert
    else:
        arr = _to_float(value, name)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(_ndim_message(arr, name, ndim))
    if arr.size == 0 and not allow_empty:
        raise ValueError(
            f"{name} is empty (shape {arr.shape}). Fix: pass at least one sample (one row)."
        )
    return arr


NUMBERS_FIX = "Fix: pass a list or numpy array of real numbers, e.g. np.array(..., dtype=float)."


def _to_float(value: object, name: str) -> np.ndarray:
    if value is None or isinstance(value, (str, bytes, dict, set)):
        raise TypeError(f"{name} must hold numbers; got {_short(value)}. {NUMBERS_FIX}")
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError):  # a ragged list: rows of different lengths
        raise TypeError(
            f"{name} must be a rectangular array of numbers (every row the same length); got "
            f"{type(value).__name__} {_short(value)}. {NUMBERS_FIX}"
        ) from None
    kind = arr.dtype.kind
    if kind == "O":  # Python objects: numbers are fine, anything else is not
        try:
            if any(v is None or isinstance(v, (str, bytes)) for v in arr.flat):
                raise TypeError  # None would become NaN, "1.5" a number: neither silently
            arr = arr.astype(np.float64)
        except (TypeError, ValueError):
            raise TypeError(
                f"{name} must hold numbers; got {type(value).__name__} {_short(value)}. "
                f"{NUMBERS_FIX}"
            ) from None
        kind = "f"
    if kind == "c":
        raise TypeError(
            f"{name} must be real numbers; got complex dtype {arr.dtype}. Fix: pass the real "
            f"part, x.real, if the imaginary part is 0 by construction."
        )
    if kind not in "fiub":
        raise TypeError(
            f"{name} must hold numbers; got an array of dtype {arr.dtype}. {NUMBERS_FIX}"
        )
    if kind != "f" or arr.dtype.itemsize not in (4, 8):
        arr = arr.astype(np.float64)
    return arr


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _ndim_message(arr: np.ndarray, name: str, ndim: int) -> str:
    shape_hint = "(batch, features)" if ndim == 2 else f"with {ndim} dimensions"
    if ndim == 2 and arr.ndim == 1:
        fix = (
            "Fix: for one sample use x.reshape(1, -1); for one feature per sample use "
            "x.reshape(-1, 1)."
        )
    elif ndim == 2 and arr.ndim == 0:
        fix = "Fix: a single number as a 1x1 batch is np.array([[x]])."
    else:
        fix = f"Fix: reshape it to {ndim} dimensions."
    return (
        f"{name} must be a {ndim}-D array {shape_hint}; got shape {arr.shape} ({arr.ndim}-D). {fix}"
    )


def check_finite(arr: np.ndarray, name: str) -> None:
    """Raise if ``arr`` holds NaN or infinity, naming the first bad entry."""
    if not np.all(np.isfinite(arr)):
        bad = np.argwhere(~np.isfinite(arr))[0]
        where = tuple(int(i) for i in bad)
        raise ValueError(
            f"{name} contains NaN or infinity (first at index {where}: {arr[where]}). "
            f"Fix: clean or drop those samples before training."
        )


def _number(value: object, name: str, example: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(
            f"{name} must be a number; got {_short(value)} ({type(value).__name__}). "
            f"Fix: pass a plain number such as {name}={example}."
        )
    v = float(value)
    if not math.isfinite(v):
        raise ValueError(
            f"{name} must be a finite number; got {value!r}. Fix: pass a number such as "
            f"{name}={example}."
        )
    return v


def check_number(value: object, name: str, example: str = "1.0") -> float:
    """Return ``value`` as a float if it is a finite real number (not a bool or a string)."""
    return _number(value, name, example)


def check_positive_number(value: object, name: str, *, allow_zero: bool = False) -> float:
    """Return ``value`` as a float if it is a finite number > 0 (or >= 0)."""
    v = _number(value, name, "0.1")
    if v < 0 or (v == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}; got {value!r}. Fix: pass a number {bound}.")
    return v


def check_fraction(value: object, name: str, *, low_open: bool = False) -> float:
    """Return ``value`` if it lies in [0, 1) (or (0, 1) with ``low_open``)."""
    v = _number(value, name, "0.5")
    low_ok = v > 0 if low_open else v >= 0
    if not (low_ok and v < 1):
        interval = "(0, 1)" if low_open else "[0, 1)"
        raise ValueError(
            f"{name} must lie in {interval}; got {value!r}. Fix: pass a number in {interval}, "
            f"such as {name}=0.5."
        )
    return v


def check_int(value: object, name: str, *, minimum: int = 0) -> int:
    """Return ``value`` if it is an integer >= ``minimum``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise TypeError(
            f"{name} must be a whole number; got {_short(value)} ({type(value).__name__}). "
            f"Fix: pass an int such as {max(minimum, 1)}."
        )
    v = int(value)
    if v < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {v}. Fix: pass an int >= {minimum}.")
    return v


def check_sizes(sizes: object, name: str = "sizes") -> list[int]:
    """Layer sizes in order, inputs first: a list or tuple (not a set) of ints >= 1, at least 2."""
    if isinstance(sizes, (set, frozenset, dict, str)) or not hasattr(sizes, "__len__"):
        raise TypeError(
            f"{name} must be a list in layer order, inputs first, e.g. [2, 4, 1]; got "
            f"{type(sizes).__name__} {_short(sizes)} (a set or dict has no order). "
            f"Fix: {name}=[2, 4, 1]."
        )
    sizes = list(sizes)  # type: ignore[call-overload]
    if len(sizes) < 2:
        raise ValueError(
            f"{name} must list at least an input and an output size, e.g. [2, 4, 1]; "
            f"got {sizes}. Fix: {name}=[n_inputs, ..., n_outputs]."
        )
    return [check_int(n, f"{name}[{k}]", minimum=1) for k, n in enumerate(sizes)]


def check_bool(value: object, name: str) -> bool:
    """Return ``value`` if it is True or False; a string such as ``"no"`` would be truthy."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise TypeError(
        f"{name} must be True or False; got {_short(value)} ({type(value).__name__}). "
        f"Fix: {name}=True or {name}=False (a string such as 'no' counts as True)."
    )


def check_callable(value: object, name: str, example: str) -> None:
    """Raise unless ``value`` can be called (a function)."""
    if not callable(value):
        raise TypeError(
            f"{name} must be a function; got {_short(value)} ({type(value).__name__}). "
            f"Fix: pass a function, e.g. {example}."
        )


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
        f"{name} must be a numpy.random.Generator, a seed (int >= 0) or None; got "
        f"{_short(rng)}. Fix: {name}=np.random.default_rng(42) or {name}=42."
    )
