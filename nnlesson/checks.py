"""Exercise checks: instant feedback that says what is wrong, not just "no".

Each lesson's exercises are functions (or values) the learner writes. A check cell calls
one of these helpers. On success it prints one line starting with ✔; otherwise it raises
an ``AssertionError`` subclass (so nbgrader's autograder scores the cell 0) whose message
says what is wrong:

* that the exercise is not answered yet (the stub's ``NotImplementedError``), or
* what was expected and what came in, the first entry that differs, a shape or type
  mismatch, an input the answer changed, a warning it raised.

**Feedback, not a traceback.** The exceptions define IPython's ``_render_traceback_``, so
JupyterLab (and the stored notebook) shows the message alone, at most six lines, with no
source of nnlesson around it. Hints are not part of the message: they sit, collapsed,
under each exercise in the lesson, for the learner to open when they want one.

**The reference is computed after the answer.** :func:`check_function` takes the
learner's function, a *reference* function and the inputs. For each input it first calls
the learner's function on private copies, and only then computes the expected value, so
no frame the learner's code could look into holds the answer while it runs. The learner's
function runs in a short-lived thread whose stack does not lead back to the checker. The
checker uses numpy functions bound when this module was imported, so rebinding
``np.isclose`` in a lesson does not change a verdict. What this does not stop (nothing
inside one Python process can): see "What a check can and cannot prove" in TEACHING.md.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import json
import re
import sys
import textwrap
import threading
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from nnlesson import notebook_state
from nnlesson.language import say

# Bound once, at import: an answer cell that rebinds np.isclose (or these names in this
# module's namespace after import) does not change how a check compares.
_asarray = np.asarray
_isclose = np.isclose
_isfinite = np.isfinite
_array_equal = np.array_equal
_argwhere = np.argwhere

MAX_LINES = 6  # what a learner sees of a failed check, at most
WIDTH = 88  # characters a line, so JupyterLab never breaks a word


def _wrap(line: str, indent: str = "") -> list[str]:
    """One line of a message cut to ``WIDTH`` columns, ``indent`` before each continuation.

    English is cut between words (:mod:`textwrap`); a line with Chinese characters, which
    show two columns wide, is cut by columns (:func:`nnlesson.notebook_state.wrap`)."""
    if notebook_state._columns(line) == len(line):
        return textwrap.wrap(line, WIDTH, subsequent_indent=indent) or [""]
    parts = [p.rstrip() for p in notebook_state.wrap(line, WIDTH - len(indent))] or [""]
    return parts[:1] + [indent + p.lstrip() for p in parts[1:]]


class ExerciseFeedback(AssertionError):
    """A check's verdict: shown in a notebook as its message alone, with no traceback."""

    def _render_traceback_(self) -> list[str]:
        """IPython shows these lines instead of a traceback (red, in JupyterLab)."""
        # wrapped between words: a notebook's error area breaks long lines mid-word
        lines = [part for line in str(self).split("\n") for part in _wrap(line, "  ")]
        if len(lines) > MAX_LINES:
            lines = lines[: MAX_LINES - 1] + ["  …"]
        return lines


class ExerciseNotAnswered(ExerciseFeedback):
    """The exercise still holds its ``raise NotImplementedError()`` stub."""


class ExerciseWrong(ExerciseFeedback):
    """The answer was checked and is not right."""


def _fmt(x: Any) -> str:
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=6, separator=", ", threshold=12, edgeitems=3)
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.10g}"
    return repr(x)


def _one_line(x: Any) -> str:
    return " ".join(_fmt(x).split())


def _with_hint(message: str, hint: str | None) -> str:
    return f"{message}\n{say('Hint', '提示')}: {hint}" if hint else message


def _as_numbers(got: Any, name: str) -> tuple[np.ndarray | None, str | None]:
    """``got`` as a float array, or a message saying why it is not numbers."""
    if got is None:
        return None, say(
            f"{name} is None: the function returned nothing. Did you forget `return`?",
            f"{name} 是 None：函数没有返回任何值。是不是忘了写 `return`？",
        )
    kind = got.type_name if isinstance(got, _NotNumbers) else type(got).__name__
    not_numbers = say(
        f"{name} should be a number or an array of numbers; got {kind}.",
        f"{name} 应当是一个数或一个数组；得到的是 {kind}。",
    )
    if isinstance(got, (str, bytes, dict, set, _NotNumbers)):
        return None, not_numbers
    try:
        raw = _asarray(got)
    except Exception:
        return None, not_numbers
    if raw.dtype.kind == "c":
        return None, say(
            f"{name} is complex ({_one_line(got)}); the answer is a real number.",
            f"{name} 是复数（{_one_line(got)}）；答案是实数。",
        )
    if raw.dtype.kind not in "biuf":
        return None, not_numbers
    return raw.astype(float), None


def _compare(got: Any, expected: Any, name: str, rtol: float, atol: float) -> str | None:
    """None if ``got`` matches ``expected``; otherwise a message saying what differs."""
    exp = _asarray(expected, dtype=float)
    arr, problem = _as_numbers(got, name)
    if problem is not None:
        return problem
    assert arr is not None
    if arr.shape != exp.shape:
        if (
            arr.size == exp.size
            and arr.size > 0
            and bool(np.all(_isclose(arr.reshape(exp.shape), exp, rtol=rtol, atol=atol)))
        ):
            return say(
                f"{name} has the right numbers but shape {arr.shape}; expected shape "
                f"{exp.shape}. Check your reshape, transpose or keepdims.",
                f"{name} 的数对了，但形状是 {arr.shape}；应为 {exp.shape}。"
                f"检查 reshape、转置或 keepdims。",
            )
        if (
            arr.ndim == 2
            and arr.shape == exp.T.shape
            and bool(np.all(_isclose(arr.T, exp, rtol=rtol, atol=atol)))
        ):
            return say(
                f"{name} is the transpose of the answer: shape {arr.shape}, expected {exp.shape}.",
                f"{name} 是答案的转置：形状 {arr.shape}，应为 {exp.shape}。",
            )
        return say(
            f"{name} has shape {arr.shape}; expected shape {exp.shape}.",
            f"{name} 的形状是 {arr.shape}；应为 {exp.shape}。",
        )
    if not bool(np.all(_isfinite(arr))):
        return say(
            f"{name} contains NaN or infinity: {_one_line(arr)}.",
            f"{name} 含有 NaN 或无穷大：{_one_line(arr)}。",
        )
    close = _isclose(arr, exp, rtol=rtol, atol=atol)
    if bool(np.all(close)):
        return None
    if arr.ndim == 0:
        msg = say(
            f"{name} is not right.\n  expected: {_fmt(float(exp))}\n  got:      {_fmt(float(arr))}",
            f"{name} 不对。\n  应为：{_fmt(float(exp))}\n  得到：{_fmt(float(arr))}",
        )
        if bool(_isclose(-arr, exp, rtol=rtol, atol=atol)):
            msg += say("\n  (your value has the wrong sign)", "\n  （你的值符号反了）")
        return msg
    first = tuple(int(i) for i in _argwhere(~close)[0])
    n_wrong = int((~close).sum())
    return say(
        f"{name} is not right: {n_wrong} of {arr.size} entries differ.\n"
        f"  first difference at index {first}: expected {_fmt(exp[first])}, got {_fmt(arr[first])}\n"
        f"  expected: {_one_line(exp)}\n  got:      {_one_line(arr)}",
        f"{name} 不对：{arr.size} 个元素中有 {n_wrong} 个不同。\n"
        f"  第一个不同在下标 {first}：应为 {_fmt(exp[first])}，得到 {_fmt(arr[first])}\n"
        f"  应为：{_one_line(exp)}\n  得到：{_one_line(arr)}",
    )


def check_close(
    got: Any,
    expected: Any,
    *,
    name: str | None = None,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    hint: str | None = None,
) -> None:
    """Check a number or array against the reference (``numpy.isclose`` semantics).

    Prints a one-line confirmation, or raises :class:`ExerciseWrong` saying what differs.
    ``name`` is what the messages call the answer ("your answer" by default).
    """
    name = name or say("your answer", "你的答案")
    if isinstance(got, type(Ellipsis)) or got is NotImplemented:
        raise _not_filled_in(name)
    with _watching() as seen:
        got = _frozen_value(got)  # converted away from this frame, which holds `expected`
        problem = _compare(got, expected, name, rtol, atol)
    if seen:
        raise _pried(name, seen)
    if problem is not None:
        raise ExerciseWrong(_with_hint(problem, hint))
    print(say(f"✔ {name} is right.", f"✔ {name} 正确。"))


def _not_filled_in(name: str) -> ExerciseNotAnswered:
    return ExerciseNotAnswered(
        say(
            f"{name} is not filled in yet: replace the `...` above.",
            f"{name} 还没有填写：把上面的 `...` 换成你的答案。",
        )
    )


def _snapshot(x: Any) -> Any:
    """A private deep copy of one argument (arrays copied, not viewed)."""
    return copy.deepcopy(x)


def _same(a: Any, b: Any) -> bool:
    """Whether an argument still equals its snapshot (to catch answers that mutate inputs)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (
            isinstance(a, np.ndarray)
            and isinstance(b, np.ndarray)
            and a.shape == b.shape
            and bool(_array_equal(a, b, equal_nan=a.dtype.kind == "f"))
        )
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, (int, float, complex, str, bytes, np.generic)) or a is None:
        return bool(a == b)
    if callable(getattr(a, "parameters", None)) and callable(getattr(b, "parameters", None)):
        # a network: its weights and biases must be unchanged (its forward/backward caches
        # may change: a network remembers what its last backward pass needs)
        return _same(a.parameters(), b.parameters())
    return True  # another object: nothing the check can compare


# Looking around the process from an answer: the frames of every thread (where the checker
# holds its reference function) and every object the garbage collector knows. No right answer
# needs these; while a check runs they are refused. Python raises an audit event for each
# (PEP 578); a hook, once added, cannot be removed.
_PRYING_EVENTS = frozenset(
    {"sys._current_frames", "gc.get_objects", "gc.get_referrers", "gc.get_referents"}
)


def _make_watch() -> tuple[Callable[..., Any], Callable[[], list[str]]]:
    """An audit hook and a context manager: while a check runs, prying events are refused
    (``PermissionError``) and remembered. Their state lives in this closure, not in a module
    attribute an answer could reset."""
    depth = [0]
    seen: list[str] = []

    def audit(event: str, args: tuple[Any, ...]) -> None:
        if depth[0] > 0 and event in _PRYING_EVENTS:
            seen.append(event)
            raise PermissionError(
                say(
                    f"{event} is not allowed while an exercise is checked.",
                    f"检查练习时不允许使用 {event}。",
                )
            )

    @contextlib.contextmanager
    def watching() -> Iterator[list[str]]:
        if depth[0] == 0:
            seen.clear()
        depth[0] += 1
        try:
            yield seen
        finally:
            depth[0] -= 1

    return audit, watching


_audit, _watching = _make_watch()
sys.addaudithook(_audit)


def _pried(label: str, seen: list[str]) -> ExerciseWrong:
    return ExerciseWrong(
        say(
            f"{label} looked into the checker ({seen[0]}): an answer computes its result "
            f"from its arguments.",
            f"{label} 窥探了检查程序（{seen[0]}）：答案要由它的参数算出结果。",
        )
    )


class _NotNumbers:
    """What is left of an answer that does not convert to an array: its type's name only,
    so the checker never touches the learner's object again."""

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name


def _freeze(value: Any) -> Any:
    """A plain copy of an answer's value: an ndarray (not a subclass) where it converts to
    one, ``None`` or a plain str/bytes/dict/set as it is, else :class:`_NotNumbers`."""
    if value is None or type(value) in (str, bytes, dict, set):
        return value
    try:
        return np.array(value, copy=True, subok=False)
    except Exception:  # noqa: BLE001 - not numbers: _as_numbers names the type
        return _NotNumbers(type(value).__name__)


def _run_isolated(
    fn: Callable[..., Any], args: tuple[Any, ...]
) -> tuple[Any, BaseException | None, list[str]]:
    """Call ``fn(*args)`` in its own thread; return (result, exception, warning messages).

    The thread's stack starts fresh, so ``sys._getframe`` inside the learner's function
    cannot reach the checker's frames; the result is turned into a plain array inside the
    thread too, so an object that would look for the reference later (in ``__array__`` or
    ``__eq__``) never meets it.
    """
    box: dict[str, Any] = {}

    def target() -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                box["result"] = _freeze(fn(*args))
            except BaseException as exc:  # noqa: BLE001 - reported to the learner below
                box["error"] = exc
        box["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]

    thread = threading.Thread(target=target, name="nnlesson-exercise", daemon=True)
    thread.start()
    thread.join()
    return box.get("result"), box.get("error"), box.get("warnings", [])


def _frozen_value(value: Any) -> Any:
    """:func:`_freeze` of a value the learner made, run in its own thread like an answer."""
    result, error, _ = _run_isolated(lambda: value, ())
    return value if error is not None else result


def _globals_used(fn: Any, depth: int = 3) -> dict[tuple[int, str], Any]:
    """The global names a reference function reads, and the helpers' it calls, with the
    objects they hold now: an answer that rebinds one while it runs is caught."""
    found: dict[tuple[int, str], Any] = {}
    todo = [(fn, depth)]
    while todo:
        f, level = todo.pop()
        code, space = getattr(f, "__code__", None), getattr(f, "__globals__", None)
        if code is None or space is None:
            continue
        codes = [code]
        names: set[str] = set()
        while codes:
            c = codes.pop()
            names.update(c.co_names)
            codes += [k for k in c.co_consts if hasattr(k, "co_names")]
        for name in names:
            key = (id(space), name)
            if name in space and key not in found:
                found[key] = space[name]
                if level > 0 and getattr(space[name], "__globals__", None) is space:
                    todo.append((space[name], level - 1))  # a helper of the same notebook
    return found


def _not_written(label: str) -> ExerciseNotAnswered:
    return ExerciseNotAnswered(
        say(
            f"{label} is not written yet: replace `raise NotImplementedError()` in the cell "
            f"above with your code, run that cell, then run this check again.",
            f"{label} 还没有写：把上面单元格里的 `raise NotImplementedError()` 换成你的代码，"
            f"运行那个单元格，再运行这个检查。",
        )
    )


def check_function(
    fn: Callable[..., Any],
    reference: Callable[..., Any] | Sequence[tuple[tuple[Any, ...], Any]],
    inputs: Iterable[tuple[Any, ...]] | None = None,
    *,
    name: str | None = None,
    rtol: float = 1e-6,
    atol: float = 1e-12,
    hint: str | None = None,
) -> None:
    """Call the learner's ``fn`` on every input and compare with ``reference`` on the same.

    ``check_function(fn, reference, inputs)``: ``inputs`` is a list of argument tuples,
    preferably several random ones (a seeded ``numpy.random.default_rng``), so an answer
    that only works for the example in the text fails. For each input, ``fn`` runs first,
    on a private copy, in its own thread; only then is ``reference(*input)`` computed.

    Raises :class:`ExerciseNotAnswered` while ``fn`` still raises ``NotImplementedError``,
    and :class:`ExerciseWrong` on the first input that fails, showing its arguments; also
    when ``fn`` changed its input arrays in place, or emitted a warning.

    (The older form ``check_function(fn, [(args, expected), ...])`` is still accepted.)
    """
    label = name or getattr(fn, "__name__", None) or say("your function", "你的函数")
    if not callable(fn):
        raise ExerciseWrong(
            say(
                f"{label} should be a function; got {type(fn).__name__}.",
                f"{label} 应当是一个函数；得到的是 {type(fn).__name__}。",
            )
        )
    if callable(reference):
        if inputs is None:
            raise TypeError("check_function(fn, reference, inputs): inputs is missing.")
        cases = [(tuple(args), None) for args in inputs]
        ref_fn = reference
    else:
        cases = [(tuple(args), expected) for args, expected in reference]
        ref_fn = None
    if not cases:
        raise TypeError("check_function needs at least one input.")
    used = _globals_used(ref_fn) if ref_fn is not None else {}
    with _watching() as seen:
        for args, expected in cases:
            shown = ", ".join(_one_line(a) for a in args)
            if len(shown) > 60:
                shown = shown[:57] + "…"
            private = tuple(_snapshot(a) for a in args)
            got, error, caught = _run_isolated(fn, private)
            if seen:
                raise _pried(label, seen)
            if ref_fn is not None:
                now = _globals_used(ref_fn)
                changed = sorted(
                    {
                        key[1]
                        for key in used.keys() | now.keys()
                        if used.get(key) is not now.get(key)
                    }
                )
                if changed:
                    raise ExerciseWrong(
                        say(
                            f"{label} changed `{changed[0]}`, which the check uses to compute "
                            f"the right answer. An answer returns its result and leaves the "
                            f"lesson's names alone.",
                            f"{label} 改动了 `{changed[0]}`，而检查要用它算出正确答案。"
                            f"答案只返回结果，不要改动课程里的名字。",
                        )
                    )
            if isinstance(error, NotImplementedError):
                raise _not_written(label) from None
            if error is not None:
                kind = type(error).__name__
                # a name the lesson makes, lost in a kernel restart: say which cell makes it
                missing = notebook_state.missing_name_hint(error)
                raise ExerciseWrong(
                    _with_hint(
                        say(
                            f"{label}({shown}) raised {kind}: {error}",
                            f"{label}({shown}) 出错，{kind}：{error}",
                        )
                        + (f"\n{missing}" if missing else ""),
                        hint,
                    )
                ) from None
            changed = [k for k, (a, p) in enumerate(zip(args, private)) if not _same(a, p)]
            if changed:
                position = changed[0] + 1
                raise ExerciseWrong(
                    say(
                        f"{label}({shown}) changed its argument {position} in place.\n"
                        f"Work on a copy (e.g. `x = x.copy()`) or build a new array: later cells "
                        f"reuse the inputs.",
                        f"{label}({shown}) 原地修改了它的第 {position} 个参数。\n"
                        f"请在副本上计算（例如 `x = x.copy()`）或新建数组：后面的单元格还要用这些输入。",
                    )
                )
            if caught:
                warning = caught[0]
                raise ExerciseWrong(
                    say(
                        f"{label}({shown}) gave the warning\n  {warning}\n"
                        f"A right answer runs without warnings: find the operation that overflows "
                        f"or divides by zero.",
                        f"{label}({shown}) 发出了警告\n  {warning}\n"
                        f"正确的答案运行时没有警告：找出溢出或除以零的那一步运算。",
                    )
                )
            if ref_fn is not None:
                expected = ref_fn(*(_snapshot(a) for a in args))
            if seen:  # a thread the answer left behind looked while the reference ran
                raise _pried(label, seen)
            problem = _compare(got, expected, f"{label}({shown})", rtol, atol)
            if problem is not None:
                raise ExerciseWrong(_with_hint(problem, hint))
    if seen:
        raise _pried(label, seen)
    n = len(cases)
    cases_word = "test case" if n == 1 else "test cases"
    print(say(f"✔ {label} is right on {n} {cases_word}.", f"✔ {label} 在 {n} 个测试用例上都正确。"))


_PLAIN_TYPES = (int, float, bool, str, type(None))


def check_equal(
    got: Any, expected: Any, *, name: str | None = None, hint: str | None = None
) -> None:
    """Check an exact answer (an integer count, a string, a choice)."""
    name = name or say("your answer", "你的答案")
    if isinstance(got, type(Ellipsis)) or got is NotImplemented:
        raise _not_filled_in(name)
    if type(got) not in _PLAIN_TYPES and not (
        isinstance(got, np.generic) and type(got).__module__ == "numpy"
    ):
        # a subclass of int or str could answer `==` with True whatever it is compared with
        raise ExerciseWrong(
            say(
                f"{name} should be a plain number or string; got {type(got).__name__}.",
                f"{name} 应当是一个普通的数或字符串；得到的是 {type(got).__name__}。",
            )
        )
    if isinstance(got, np.generic):
        got = got.item()
    if isinstance(got, float) and got.is_integer():
        got = int(got)
    if got is None:
        raise ExerciseWrong(
            _with_hint(
                say(
                    f"{name} is None. Did you forget `return`?",
                    f"{name} 是 None。是不是忘了写 `return`？",
                ),
                hint,
            )
        )
    if type(got) is not type(expected) and not (
        isinstance(got, (int, np.integer))
        and not isinstance(got, (bool, np.bool_))
        and isinstance(expected, (int, np.integer))
    ):
        want, have = type(expected).__name__, type(got).__name__
        raise ExerciseWrong(
            _with_hint(
                say(
                    f"{name} should be of type {want}; got {have} {got!r}.",
                    f"{name} 的类型应为 {want}；得到的是 {have} {got!r}。",
                ),
                hint,
            )
        )
    if got != expected:
        raise ExerciseWrong(
            _with_hint(
                say(
                    f"{name} is not right.\n  expected: {expected!r}\n  got:      {got!r}",
                    f"{name} 不对。\n  应为：{expected!r}\n  得到：{got!r}",
                ),
                hint,
            )
        )
    print(say(f"✔ {name} is right.", f"✔ {name} 正确。"))


def check_prediction(
    predicted: Any,
    actual: Any,
    *,
    name: str | None = None,
    rtol: float = 0.1,
    atol: float = 0.0,
    explain: str = "",
) -> None:
    """Compare a learner's committed prediction with what the code then measured.

    A prediction is not graded right/wrong beyond being filled in: it prints how far off it
    was and ``explain`` (why the answer is what it is). Raises :class:`ExerciseNotAnswered`
    while the prediction is still ``...`` or ``None``.
    """
    name = name or say("your prediction", "你的预测")
    if predicted is None or isinstance(predicted, type(Ellipsis)):
        raise ExerciseNotAnswered(
            say(
                f"{name} is still empty: write your prediction in the cell above (replace `...`), "
                f"run it, then run this cell.",
                f"{name} 还是空的：在上面的单元格里写下你的预测（替换 `...`），运行它，再运行这个单元格。",
            )
        )
    if isinstance(actual, str) or isinstance(predicted, str):
        if str(predicted) == str(actual):
            verdict = say("✔ you predicted it", "✔ 预测对了")
        else:
            verdict = say("✘ not quite", "✘ 不完全对")
        print(
            say(
                f"{verdict}: you said {predicted!r}, the run gave {actual!r}.",
                f"{verdict}：你预测 {predicted!r}，运行结果是 {actual!r}。",
            )
        )
    else:
        arr, problem = _as_numbers(predicted, name)
        if problem is not None:
            raise ExerciseWrong(problem)
        assert arr is not None
        near = bool(np.all(_isclose(arr, _asarray(actual, dtype=float), rtol=rtol, atol=atol)))
        verdict = say("✔ close", "✔ 接近") if near else say("✘ off", "✘ 偏了")
        said, ran = _one_line(predicted), _one_line(actual)
        print(
            say(
                f"{verdict}: you said {said}, the run gave {ran}.",
                f"{verdict}：你预测 {said}，运行结果是 {ran}。",
            )
        )
    if explain:
        print(explain)


def not_answered(fn: Callable[..., Any], *args: Any) -> bool:
    """True while ``fn`` still raises its ``NotImplementedError`` stub (for optional demos)."""
    try:
        fn(*args)
    except NotImplementedError:
        return True
    except Exception:
        return False
    return False


def random_inputs(
    make: Callable[[np.random.Generator], tuple[Any, ...]], n: int = 5, seed: int = 0
) -> list[tuple[Any, ...]]:
    """``n`` argument tuples from ``make(rng)`` with a seeded generator: random, repeatable."""
    rng = np.random.default_rng(seed)
    return [tuple(make(rng)) for _ in range(n)]


# An exercise stub (`raise NotImplementedError()` in an answer cell) that runs before it is
# answered: in a notebook, show one line saying so, not a Python traceback.
STUB_MESSAGE = (
    "Not answered yet: replace `raise NotImplementedError()` in this cell with your answer, "
    "then run it again."
)
STUB_MESSAGE_ZH = (
    "还没有作答：把这个单元格里的 `raise NotImplementedError()` 换成你的答案，再运行一次。"
)


def _raised_in_a_cell(tb: Any) -> bool:
    """Whether the innermost frame of a traceback is notebook code (not a library)."""
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return False
    filename = tb.tb_frame.f_code.co_filename
    return "ipykernel_" in filename or filename.startswith("<ipython-input")


def _stub_handler(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None):
    if _raised_in_a_cell(tb) and not str(value):
        message = say(STUB_MESSAGE, STUB_MESSAGE_ZH)
        value._render_traceback_ = lambda: _wrap(message)  # type: ignore[attr-defined]
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def _install_stub_message() -> None:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "set_custom_exc"):
        # one hook for the stubs and for names missing after a restart (notebook_state)
        notebook_state.install()


_install_stub_message()


# ------------------------------------------------------------------------------------------
# Hidden tests (issue 16, item 3): before grading, make sure the checking machinery in this
# process is the one on disk.
class MachineryTampered(AssertionError):
    """The checking machinery differs from the installed files: the notebook is not graded."""


CHECK_NAMES = ("check_close", "check_function", "check_equal", "check_prediction", "random_inputs")


def _code_matches(a: Any, b: Any) -> bool:
    """Whether two code objects compile the same source (nested functions included)."""
    if a.co_code != b.co_code or a.co_names != b.co_names:
        return False
    inner_a = [c for c in a.co_consts if hasattr(c, "co_code")]
    inner_b = [c for c in b.co_consts if hasattr(c, "co_code")]
    return len(inner_a) == len(inner_b) and all(map(_code_matches, inner_a, inner_b))


def _functions_on_disk(path: str) -> dict[str, Any]:
    """Top-level function name -> code object, compiled from the file itself."""
    with open(path, encoding="utf-8") as fh:
        module_code = compile(fh.read(), path, "exec")
    return {c.co_name: c for c in module_code.co_consts if hasattr(c, "co_code")}


def verify_machinery(namespace: dict[str, Any] | None = None, lesson: str | None = None) -> None:
    """Raise :class:`MachineryTampered` unless the checks that graded this notebook are the
    originals; print one line otherwise. For nbgrader's hidden tests, before grading.

    What is compared: every function of every loaded ``nnlesson`` module with the code
    compiled from its file on disk (so monkeypatching ``nnlesson.checks.check_function`` or
    a lesson's helper, or rebinding them in the module, is seen); the numpy functions the
    checks bound at import with numpy's own (a function defined in a notebook is not
    numpy's); and, in the notebook's namespace (``namespace``, by default the caller's
    globals), the names ``check_function`` etc. with the originals.

    With ``lesson`` (a lesson's name, e.g. ``"03_backprop_by_hand"``) it also reads the
    cells this kernel ran (IPython's input history): a cell that is not one of the lesson's
    own (an answer, or an edited lesson cell) may not bind a name the lesson's checks rely
    on, such as a reference helper (``def matrix_gradient``) or ``sigmoid``, unless an
    answer cell of the lesson binds it too.

    A hidden test cell should not trust the student's namespace to hold this function
    either; it loads a fresh copy of this file and calls that::

        import importlib.util, pathlib, nnlesson
        _spec = importlib.util.spec_from_file_location(
            "pristine_checks", pathlib.Path(nnlesson.__file__).with_name("checks.py"))
        _pristine = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(_pristine)
        _pristine.verify_machinery(globals())

    Inside one Python process a determined student can still defeat any such check (for
    instance by rewriting the files on disk, or numpy itself): TEACHING.md's threat model
    says how a teacher closes that (grade in a fresh container, course files read-only).
    """
    import inspect
    import sys
    from pathlib import Path

    if namespace is None:
        namespace = sys._getframe(1).f_globals
    problems: list[str] = []
    live = sys.modules.get("nnlesson.checks")
    if live is None:
        problems.append("nnlesson.checks is not loaded")
    for name, module in sorted(sys.modules.items()):
        if not (name == "nnlesson" or name.startswith("nnlesson.")) or module is None:
            continue
        path = getattr(module, "__file__", None)
        if not path or not path.endswith(".py"):
            continue
        try:
            on_disk = _functions_on_disk(path)
        except (OSError, SyntaxError) as exc:
            problems.append(f"{name}: cannot read {path} ({exc})")
            continue
        for fname, code in on_disk.items():
            obj = module.__dict__.get(fname)
            if obj is None:
                continue  # a name the module deleted itself (none do) or a nested helper
            if inspect.isclass(obj):  # its methods, one by one
                for method in (c for c in code.co_consts if hasattr(c, "co_code")):
                    attr = obj.__dict__.get(method.co_name)
                    if isinstance(attr, property):
                        parts = [attr.fget, attr.fset, attr.fdel]
                    else:
                        parts = [getattr(attr, "__func__", attr)]
                    codes = [getattr(f, "__code__", None) for f in parts]
                    codes = [c for c in codes if c is not None]
                    if codes and not any(_code_matches(c, method) for c in codes):
                        problems.append(f"{name}.{fname}.{method.co_name} is not the installed one")
                continue
            real = getattr(obj, "__code__", None)
            if real is None or not _code_matches(real, code):
                problems.append(f"{name}.{fname} is not the installed function")
    if live is not None:
        numpy_dir = Path(np.__file__).resolve().parent
        for bound, original in (
            ("_asarray", "asarray"),
            ("_isclose", "isclose"),
            ("_isfinite", "isfinite"),
            ("_array_equal", "array_equal"),
            ("_argwhere", "argwhere"),
        ):
            obj = live.__dict__.get(bound)
            code = getattr(obj, "__code__", None)
            if code is None:
                ok = type(obj).__name__ in (
                    "builtin_function_or_method",
                    "ufunc",
                    "_ArrayFunctionDispatcher",
                )
            else:
                ok = numpy_dir in Path(code.co_filename).resolve().parents
            if not ok:
                problems.append(f"nnlesson.checks.{bound} is not numpy.{original}")
        for cname in CHECK_NAMES:
            if cname in namespace and namespace[cname] is not getattr(live, cname, None):
                problems.append(f"{cname} in the notebook is not nnlesson.checks.{cname}")
        if not (
            inspect.isclass(live.__dict__.get("ExerciseWrong"))
            and issubclass(live.ExerciseWrong, AssertionError)
        ):
            problems.append("nnlesson.checks.ExerciseWrong is not the original")
    if lesson is not None:
        problems += _rebound_lesson_names(lesson)
    if problems:
        found = "\n  ".join(problems[:5])
        raise MachineryTampered(
            say(
                f"The checking machinery was changed in this notebook, so it cannot be graded:\n  {found}",
                f"这个笔记本里的检查机制被改动过，因此无法评分：\n  {found}",
            )
        )
    print(say("✔ the checking machinery is the original.", "✔ 检查机制是原版的，没有被改动。"))


# ------------------------------------------------------------------------------------------
# Which names an answer may not rebind: read from the lesson notebooks, not from the kernel.
_HIDDEN_BLOCK = re.compile(r"^### BEGIN HIDDEN TESTS$.*?^### END HIDDEN TESTS$\n?", re.M | re.S)


def _normalised(source: str) -> str:
    """A cell's source without hidden tests and trailing spaces, for comparing cells."""
    source = _HIDDEN_BLOCK.sub("", source)
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


class _Names(ast.NodeVisitor):
    """Names a cell binds at the top level (``bound``) and every name it reads (``read``)."""

    def __init__(self) -> None:
        self.bound: set[str] = set()
        self.read: set[str] = set()
        self.function_reads: dict[str, set[str]] = {}  # top-level def -> names it reads
        self.depth = 0  # inside a function, lambda or class body

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.read.add(node.id)
        elif self.depth == 0:
            self.bound.add(node.id)

    def _scope(self, node: ast.AST, name: str | None) -> None:
        if name is not None and self.depth == 0:
            self.bound.add(name)
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if self.depth == 0:  # what the function reads when it is called, later
            inner = _Names()
            inner.depth = 1
            inner.generic_visit(node)
            arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
            arguments += [a for a in (node.args.vararg, node.args.kwarg) if a is not None]
            local = {a.arg for a in arguments} | {
                n.id
                for n in ast.walk(node)
                if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)
            }
            self.function_reads[node.name] = inner.read - local
        self._scope(node, node.name)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._scope(node, node.name)

    def _own_scope(self, node: ast.AST, local: set[str]) -> None:
        """A lambda or comprehension: what it reads, less the names it binds itself."""
        inner = _Names()
        inner.depth = 1
        inner.generic_visit(node)
        self.read |= inner.read - local

    def visit_Lambda(self, node: ast.Lambda) -> None:
        arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
        arguments += [a for a in (node.args.vararg, node.args.kwarg) if a is not None]
        self._own_scope(node, {a.arg for a in arguments})

    def _comprehension(self, node: ast.AST) -> None:
        targets = {
            n.id
            for g in node.generators  # type: ignore[attr-defined]
            for n in ast.walk(g.target)
            if isinstance(n, ast.Name)
        }
        self._own_scope(node, targets)

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension

    def visit_Global(self, node: ast.Global) -> None:
        self.bound.update(node.names)  # a function that assigns a global rebinds it

    def visit_alias(self, node: ast.alias) -> None:
        if self.depth == 0:
            self.bound.add((node.asname or node.name).split(".")[0])

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name and self.depth == 0:
            self.bound.add(node.name)
        self.generic_visit(node)


def _names(source: str, shell: Any = None) -> _Names:
    names = _Names()
    if shell is not None:
        source = shell.transform_cell(source)  # %magics become Python
    try:
        names.visit(ast.parse(source))
    except SyntaxError:
        pass
    return names


def _lesson_code(lesson: str) -> tuple[set[str], set[str], set[str]]:
    """From the lesson's notebooks (both editions): the sources of its own code cells, the
    names its checks rely on, and the names its answer cells bind."""
    from nnlesson.__main__ import lessons_folder

    folder = lessons_folder()
    own: set[str] = set()
    relied_on: set[str] = set()
    answers: set[str] = set()
    for path in (folder / f"{lesson}.ipynb", folder / "zh" / f"{lesson}.ipynb"):
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            cells = [c for c in json.load(fh)["cells"] if c["cell_type"] == "code"]
        uses: dict[str, set[str]] = {}  # function the lesson defines -> names it reads
        lesson_bound: set[str] = set()
        checks: list[_Names] = []
        for cell in cells:
            source = "".join(cell["source"])
            meta = cell.get("metadata", {}).get("nbgrader", {})
            names = _names(source)
            if meta.get("solution"):
                answers |= names.bound
                continue
            own.add(_normalised(source))
            lesson_bound |= names.bound
            uses.update(names.function_reads)
            if meta.get("grade") and "check_prediction(" not in source:
                checks.append(names)  # a prediction earns its points whatever it is
        for check in checks:
            read, todo = set(check.read), list(check.read)
            while todo:  # what the check reads, also through the lesson's functions
                for used in uses.get(todo.pop(), ()):
                    if used not in read:
                        read.add(used)
                        todo.append(used)
            # a name the check cell binds itself is bound again when it runs
            relied_on |= (read - check.bound) & lesson_bound
    if not own:
        raise FileNotFoundError(f"no lesson {lesson!r} in {folder}")
    return own, relied_on - answers, answers


def _rebound_lesson_names(lesson: str) -> list[str]:
    """Names the lesson's checks rely on that a cell not of the lesson bound in this kernel."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return []
    shell = get_ipython()
    if shell is None or not hasattr(shell, "history_manager"):
        return []
    try:
        own, relied_on, _ = _lesson_code(lesson)
    except (OSError, ValueError, KeyError) as exc:
        return [f"cannot read lesson {lesson}: {exc}"]
    problems = []
    for source in shell.history_manager.input_hist_raw:
        if not source.strip() or _normalised(source) in own:
            continue
        for name in sorted(_names(source, shell).bound & relied_on):
            first = source.strip().splitlines()[0][:40]
            problems.append(
                say(
                    f"the cell starting `{first}` binds `{name}`, which this lesson's checks "
                    f"use: give your own a new name",
                    f"以 `{first}` 开头的单元格绑定了 `{name}`，而本课的检查要用它：给你自己的换个名字",
                )
            )
    return problems
