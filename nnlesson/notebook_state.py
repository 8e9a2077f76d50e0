"""Notebook state: after a kernel restart, a missing name says which lesson cell makes it.

A learner who restarts the kernel in the middle of a lesson and runs the cell in front of
them meets ``NameError: name 'net' is not defined``: Python knows the name is missing, not
where the lesson made it. In a notebook kernel, nnlesson answers such a ``NameError`` with
two lines instead of a traceback (where the name is made; what to run)::

    `net` is made in section 3 · Momentum, in the cell that starts `net = Network.build(`:
    run that cell first (or Run ▸ Run All Above Selected Cell).

(each line cut to 88 columns if longer; a Chinese character counts two columns).

Where a name is made is read from the lesson notebooks the package carries (the same ones
``python -m nnlesson lessons`` copies): every code cell is parsed (``ast``) and the names
it binds at top level (assignments, ``def``, ``class``, imports, ``for`` targets, ...) are
recorded with the cell's section (its ``## `` heading). Which lesson is running is found
from the notebook's file name when Jupyter gives it (``__session__``), otherwise from the
cells run so far in this kernel (IPython's input history) compared with each lesson's
cells. When several cells make the name, the message names the last one above the cell the
learner is at. A name no lesson cell makes (a typo) keeps Python's own message, with its
"Did you mean ...?".

A cell that stops at such a missing name may already have bound some of its own names
(``runs = {}`` above a loop that never ran): those are unbound again, so the cells below
meet the same message pointing at this cell, not a ``KeyError`` or an assert failing on a
half-made value. A check whose learner's function meets a missing name adds the message to
its verdict.

The handler is installed with IPython's ``set_custom_exc`` when ``nnlesson`` is imported in
a kernel (the lesson's setup cell does that); it shares that hook with the exercise stubs'
one-line message (:mod:`nnlesson.checks`), so both exception types go through
:func:`_handle`.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nnlesson.language import get_language, say

WIDTH = 88  # characters a line, as the checks' messages
RUN_ABOVE = "Run ▸ Run All Above Selected Cell"
LESSON_FILE = re.compile(r"(\d\d)_[A-Za-z0-9_]+")


@dataclass(frozen=True)
class Definition:
    """A lesson code cell that binds ``name`` at top level."""

    lesson: str  # e.g. "04_backprop_matrix"
    position: int  # index of the code cell among the lesson's code cells
    section: str  # the ``## `` heading above it, without "## " ("" before the first one)
    opening: str  # the cell's first line of code (comments skipped), shortened


@dataclass(frozen=True)
class Lesson:
    name: str
    cells: tuple[str, ...]  # the code cells' sources, stripped
    defines: dict[str, tuple[Definition, ...]]  # name -> the cells binding it, in order


# ------------------------------------------------------------------------------------------
# What a cell defines
def _python_source(source: str) -> str:
    """The cell as plain Python: IPython's magics (``%pip ...``, ``!ls``) made into calls."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return "\n".join(
            "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
        )
    return TransformerManager().transform_cell(source)


def _targets(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [name for element in node.elts for name in _targets(element)]
    if isinstance(node, ast.Starred):
        return _targets(node.value)
    return []  # attribute or subscript targets (net.lr = ..., d[k] = ...) bind no name


def _bound(statements: list[ast.stmt]) -> list[str]:
    """Names the statements bind in the namespace they run in (not inside functions)."""
    names: list[str] = []
    for s in statements:
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(s.name)
        elif isinstance(s, ast.Assign):
            names += [n for t in s.targets for n in _targets(t)]
        elif isinstance(s, ast.AnnAssign) and s.value is not None:
            names += _targets(s.target)
        elif isinstance(s, (ast.Import, ast.ImportFrom)):
            names += [a.asname or a.name.split(".")[0] for a in s.names if a.name != "*"]
        elif isinstance(s, (ast.For, ast.AsyncFor)):
            names += _targets(s.target) + _bound(s.body) + _bound(s.orelse)
        elif isinstance(s, (ast.While, ast.If)):
            names += _bound(s.body) + _bound(s.orelse)
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            names += [
                n for item in s.items if item.optional_vars for n in _targets(item.optional_vars)
            ]
            names += _bound(s.body)
        elif isinstance(s, ast.Try):
            names += _bound(s.body) + _bound(s.orelse) + _bound(s.finalbody)
            for handler in s.handlers:
                names += ([handler.name] if handler.name else []) + _bound(handler.body)
    return names


def names_defined(source: str) -> list[str]:
    """The names a code cell binds at top level, in order (``[]`` if it does not parse)."""
    try:
        tree = ast.parse(_python_source(source))
    except (SyntaxError, ValueError):  # not Python, or a null byte
        return []
    walrus = [
        node.target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.NamedExpr) and isinstance(node.target, ast.Name)
    ]
    return list(dict.fromkeys(_bound(tree.body) + walrus))


def _opening(source: str, width: int = 40) -> str:
    """The first line of code of a cell (comments and blank lines skipped), shortened."""
    for line in source.splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            return text if len(text) <= width else text[: width - 1].rstrip() + "…"
    return source.strip().splitlines()[0][:width] if source.strip() else ""


def read_lesson(path: Path) -> Lesson:
    """Index one lesson notebook: its code cells and, per name, the cells that bind it."""
    with open(path, encoding="utf-8") as fh:
        cells = json.load(fh)["cells"]
    section, sources = "", []
    defines: dict[str, list[Definition]] = {}
    for cell in cells:
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            heading = next((ln for ln in source.splitlines() if ln.startswith("## ")), None)
            if heading:
                section = heading[3:].strip()
            continue
        if cell.get("cell_type") != "code":
            continue
        place = Definition(path.stem, len(sources), section, _opening(source))
        for name in names_defined(source):
            defines.setdefault(name, []).append(place)
        sources.append(source.strip())
    return Lesson(path.stem, tuple(sources), {k: tuple(v) for k, v in defines.items()})


_shipped: dict[str, tuple[Lesson, ...]] = {}  # language -> its lessons, read once


def shipped_lessons(language: str = "en") -> tuple[Lesson, ...]:
    """Every student lesson the package carries, indexed (``()`` if it carries none)."""
    from nnlesson.__main__ import lesson_files

    if language not in _shipped:
        try:
            files = lesson_files(language)
        except FileNotFoundError:
            files = []
        _shipped[language] = tuple(read_lesson(f) for f in files)
    return _shipped[language]


# ------------------------------------------------------------------------------------------
# Which lesson is running, and where in it
def _current_lesson(
    lessons: tuple[Lesson, ...], history: list[str], session: str | None
) -> Lesson | None:
    """The lesson whose file name Jupyter gave (``session``), or else the one sharing most
    cells with the cells run so far (``history``, oldest first); None if no cell matches."""
    if session:
        match = LESSON_FILE.search(Path(session).name)
        if match:
            for lesson in lessons:
                if lesson.name[:2] == match.group(1):
                    return lesson
    ran = {h.strip() for h in history if h.strip()}
    scores = [(sum(cell in ran for cell in set(lesson.cells)), lesson) for lesson in lessons]
    scores = [(score, lesson) for score, lesson in scores if score]
    if not scores:
        return None
    best = max(score for score, _ in scores)
    top = [lesson for score, lesson in scores if score == best]
    return top[0] if len(top) == 1 else None  # the setup cell alone matches every lesson


def _position(lesson: Lesson, history: list[str]) -> int | None:
    """Index of the lesson code cell last run (the newest history entry that is one)."""
    for entry in reversed(history):
        text = entry.strip()
        if text in lesson.cells:
            return lesson.cells.index(text)
    return None


def where_defined(name: str, lesson: Lesson, position: int | None) -> Definition | None:
    """The cell of ``lesson`` that makes ``name`` for the cell at ``position``: the last one
    above it, else the first one in the lesson; None if no cell makes it."""
    places = lesson.defines.get(name, ())
    if not places:
        return None
    if position is not None:
        above = [p for p in places if p.position < position]
        if above:
            return above[-1]
    return places[0]


def missing_name_message(name: str, place: Definition) -> str:
    """One or two lines: where ``name`` is made and what to run."""
    section = place.section
    if section:
        where = say(f"in section {section}", f"在“{section}”一节、")
    else:
        where = say("at the top of the lesson", "在本课开头、")
    opening = place.opening
    return say(
        f"`{name}` is made {where}, in the cell that starts `{opening}`:\n"
        f"run that cell first (or {RUN_ABOVE}).",
        f"`{name}` {where}以 `{opening}` 开头的单元格里创建：\n"
        f"先运行那个单元格（或 {RUN_ABOVE}）。",
    )


def _columns(text: str) -> int:
    """How wide ``text`` shows in a monospaced font: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(message: str, width: int = WIDTH) -> list[str]:
    """The message's lines, each cut to ``width`` columns (Chinese characters count two):
    between words, or between two Chinese characters; a space at a cut stays at the end."""
    lines: list[str] = []
    for line in message.splitlines():
        current = ""
        for token in re.findall(r"\s+|[^\s\u2e80-\u9fff\uff00-\uffef]+|.", line):
            if current and not token.isspace() and _columns(current + token) > width:
                lines.append(current)
                current = ""
            current += token
        lines.append(current)
    return lines


def explain_missing_name(
    name: str,
    history: list[str],
    session: str | None = None,
    lessons: tuple[Lesson, ...] | None = None,
) -> str | None:
    """The message for a missing ``name`` in the kernel whose input history is ``history``;
    None if no cell of the running lesson makes it (then Python's own message stands)."""
    if lessons is None:
        lessons = shipped_lessons(get_language())
    lesson = _current_lesson(lessons, history, session)
    if lesson is None:
        return None
    place = where_defined(name, lesson, _position(lesson, history))
    return None if place is None else missing_name_message(name, place)


# ------------------------------------------------------------------------------------------
# The kernel hook
_MISSING = object()
_before: dict[str, Any] = {}  # the names the running cell binds -> their objects before it ran


def _remember_names(info: Any) -> None:
    """Before a cell runs (IPython's ``pre_run_cell``): what its names hold now."""
    global _before
    from IPython import get_ipython

    shell = get_ipython()
    try:
        source = getattr(info, "raw_cell", "") or ""
        _before = {n: shell.user_ns.get(n, _MISSING) for n in names_defined(source)}
    except Exception:  # a hook that fails would print on every cell: remember nothing
        _before = {}


def _forget_half_made_names(shell: Any) -> None:
    """Unbind the names the failing cell bound before it stopped (e.g. ``runs = {}`` before
    a loop that never ran): a later cell then meets the missing-name message pointing here,
    not a ``KeyError`` or a failed assert on a half-made value."""
    for name, before in _before.items():
        now = shell.user_ns.get(name, _MISSING)
        if now is not _MISSING and now is not before:
            del shell.user_ns[name]


def _kernel_message(shell: Any, name: str) -> str | None:
    try:
        history = list(shell.history_manager.input_hist_raw)
        return explain_missing_name(name, history, shell.user_ns.get("__session__"))
    except Exception:  # never let the helper hide the learner's error
        return None


def _missing_name(error: BaseException) -> str | None:
    """The name of a plain ``NameError`` (not ``UnboundLocalError``), else None."""
    if type(error) is not NameError:
        return None
    return getattr(error, "name", None) or _name_from_message(str(error))


def missing_name_hint(error: BaseException) -> str | None:
    """For the checks: if a learner's function raised a ``NameError`` for a name the running
    lesson makes (lost in a restart), the one-line message saying which cell to run."""
    name = _missing_name(error)
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if name is None or shell is None or not hasattr(shell, "history_manager"):
        return None
    return _kernel_message(shell, name)


def _handle(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: Any = None):
    """IPython's custom exception handler for ``NotImplementedError`` and ``NameError``."""
    from nnlesson import checks

    if isinstance(value, NotImplementedError):
        return checks._stub_handler(shell, etype, value, tb, tb_offset)
    name = _missing_name(value)
    if name is not None and checks._raised_in_a_cell(tb):
        message = _kernel_message(shell, name)
        if message:
            _forget_half_made_names(shell)
            value._render_traceback_ = lambda: wrap(message)  # type: ignore[attr-defined]
    return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def _name_from_message(text: str) -> str | None:
    match = re.match(r"name '([^']+)' is not defined", text)
    return match.group(1) if match else None


def install() -> None:
    """In an IPython kernel, answer stubs and missing names with one line (see above)."""
    ipython = sys.modules.get("IPython")  # not loaded: not a notebook kernel, nothing to do
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return
    shell.set_custom_exc((NotImplementedError, NameError), _handle)
    callbacks = shell.events.callbacks["pre_run_cell"]
    for old in [c for c in callbacks if getattr(c, "__qualname__", "") == "_remember_names"]:
        shell.events.unregister("pre_run_cell", old)  # one, even if nnlesson is reloaded
    shell.events.register("pre_run_cell", _remember_names)
