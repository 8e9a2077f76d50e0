"""Exercise checks: instant feedback that says what is wrong, not just "no".

Each lesson's exercises are functions the learner writes. A check cell calls one of
these helpers with the learner's function (or value) and a reference computed by
nnlesson. On success it prints one line; otherwise it raises an ``AssertionError``
(so nbgrader's autograder counts it as failed) whose message says:

* that the exercise is not answered yet (the stub's ``NotImplementedError``), or
* what was expected and what came in, the first entry that differs, a shape or type
  mismatch, and a hint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


class ExerciseNotAnswered(AssertionError):
    """The exercise still holds its ``raise NotImplementedError()`` stub."""


class ExerciseWrong(AssertionError):
    """The answer was checked and is not right."""


def _fmt(x: Any) -> str:
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=10, separator=", ")
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.10g}"
    return repr(x)


def _with_hint(message: str, hint: str | None) -> str:
    return f"{message}\nHint: {hint}" if hint else message


def _compare(got: Any, expected: Any, name: str, rtol: float, atol: float) -> str | None:
    """None if ``got`` matches ``expected``; otherwise a message saying what differs."""
    exp = np.asarray(expected, dtype=float)
    if got is None:
        return f"{name} is None: the function returned nothing. Did you forget `return`?"
    if isinstance(got, (str, bytes, dict, set)):
        return (
            f"{name} should be a number or an array of numbers; got {type(got).__name__} {got!r}."
        )
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"{name} should be a number or an array of numbers; got {type(got).__name__}."
    if arr.shape != exp.shape:
        if (
            arr.size == exp.size
            and arr.size > 0
            and np.allclose(arr.reshape(exp.shape), exp, rtol=rtol, atol=atol)
        ):
            return (
                f"{name} has the right numbers but shape {arr.shape}; expected shape "
                f"{exp.shape}. Check your reshape, transpose or keepdims."
            )
        if arr.shape == exp.T.shape and arr.ndim == 2 and np.allclose(arr.T, exp, rtol, atol):
            return (
                f"{name} is the transpose of the answer: shape {arr.shape}, expected {exp.shape}."
            )
        return f"{name} has shape {arr.shape}; expected shape {exp.shape}."
    if not np.all(np.isfinite(arr)):
        return f"{name} contains NaN or infinity: {_fmt(arr)}."
    close = np.isclose(arr, exp, rtol=rtol, atol=atol)
    if np.all(close):
        return None
    if arr.ndim == 0:
        msg = (
            f"{name} is not right.\n  expected: {_fmt(float(exp))}\n  got:      {_fmt(float(arr))}"
        )
        if np.isclose(-arr, exp, rtol=rtol, atol=atol):
            msg += "\n  (your value has the wrong sign)"
        return msg
    first = tuple(int(i) for i in np.argwhere(~close)[0])
    return (
        f"{name} is not right: {int((~close).sum())} of {arr.size} entries differ.\n"
        f"  first difference at index {first}: expected {_fmt(exp[first])}, got {_fmt(arr[first])}\n"
        f"  expected: {_fmt(exp)}\n  got:      {_fmt(arr)}"
    )


def check_close(
    got: Any,
    expected: Any,
    *,
    name: str = "your answer",
    rtol: float = 1e-6,
    atol: float = 1e-12,
    hint: str | None = None,
) -> None:
    """Check a number or array against the reference (``numpy.isclose`` semantics).

    Prints a one-line confirmation, or raises :class:`ExerciseWrong` saying what differs.
    """
    problem = _compare(got, expected, name, rtol, atol)
    if problem is not None:
        raise ExerciseWrong(_with_hint(problem, hint))
    print(f"✔ {name} is right.")


def check_function(
    fn: Callable[..., Any],
    cases: Sequence[tuple[tuple[Any, ...], Any]],
    *,
    name: str | None = None,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    hint: str | None = None,
) -> None:
    """Call the learner's ``fn`` on every ``(args, expected)`` case and compare.

    Several cases catch answers that only work for the example in the text. Raises
    :class:`ExerciseNotAnswered` while ``fn`` still raises ``NotImplementedError``,
    and :class:`ExerciseWrong` on the first case that fails, showing its arguments.
    """
    if not callable(fn):
        raise ExerciseWrong(f"Expected a function; got {type(fn).__name__} {fn!r}.")
    label = name or getattr(fn, "__name__", "your function")
    for args, expected in cases:
        shown = ", ".join(_fmt(a) for a in args)
        try:
            got = fn(*args)
        except NotImplementedError:
            raise ExerciseNotAnswered(
                f"{label} is not written yet: replace `raise NotImplementedError()` in the "
                f"cell above with your code, run that cell, then run this check again."
            ) from None
        except Exception as exc:
            raise ExerciseWrong(
                _with_hint(f"{label}({shown}) raised {type(exc).__name__}: {exc}", hint)
            ) from exc
        problem = _compare(got, expected, f"{label}({shown})", rtol, atol)
        if problem is not None:
            raise ExerciseWrong(_with_hint(problem, hint))
    n = len(cases)
    print(f"✔ {label} is right on {n} test case{'s' if n != 1 else ''}.")


def check_equal(
    got: Any, expected: Any, *, name: str = "your answer", hint: str | None = None
) -> None:
    """Check an exact answer (an integer count, a string, a choice)."""
    if isinstance(got, (float, np.floating)) and float(got).is_integer():
        got = int(got)
    if got is None:
        raise ExerciseWrong(_with_hint(f"{name} is None. Did you forget `return`?", hint))
    if type(got) is not type(expected) and not (
        isinstance(got, (int, np.integer)) and isinstance(expected, (int, np.integer))
    ):
        raise ExerciseWrong(
            _with_hint(
                f"{name} should be of type {type(expected).__name__}; got {type(got).__name__} {got!r}.",
                hint,
            )
        )
    if got != expected:
        raise ExerciseWrong(
            _with_hint(f"{name} is not right.\n  expected: {expected!r}\n  got:      {got!r}", hint)
        )
    print(f"✔ {name} is right.")


def not_answered(fn: Callable[..., Any], *args: Any) -> bool:
    """True while ``fn`` still raises its ``NotImplementedError`` stub (for optional demos)."""
    try:
        fn(*args)
    except NotImplementedError:
        return True
    except Exception:
        return False
    return False
