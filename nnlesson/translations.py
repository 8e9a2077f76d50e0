"""The Chinese edition, made from the English source: one source of code, translations beside it.

For course maintainers and translators; learners never need it. The English solution
``solutions/NN_name.ipynb`` stays the only source of code. Its translation is a file
``translations/zh/NN_name.json``, one entry per cell, in the notebook's order::

    {"lesson": "03_backprop",
     "summary": "一行中文摘要 (the syllabus line)",
     "cells": [
       {"id": "c7df30a6", "en_sha": "3f2a…", "markdown": "# 第 03 课 · 手算反向传播 …"},
       {"id": "605b1790", "en_sha": "91c0…", "code": [["# the loss", "# 损失"]]},
       {"id": "5f30fd94", "en_sha": "77d1…"}
     ]}

* ``en_sha`` is :func:`english_sha` of the English cell the entry was made from. When the
  English cell changes, the entry is **stale** until a translator updates it: the test
  names the lesson and the cell.
* A markdown cell's entry holds the whole Chinese text.
* A code cell's entry holds replacements ``[english, chinese]`` applied to its source, for
  comments and strings only (printed words, labels); an entry without ``code`` says the
  cell was read and has nothing to translate. After the replacements the two cells must
  be the same program: :func:`same_code` compares their Python tokens, comments and
  string contents aside.
* The first code cell is the setup cell; the Chinese edition's (:data:`SETUP_SOURCE_ZH`)
  also calls ``nnlesson.set_language("zh")``, so checks, widgets and figures speak Chinese.

``python -m nnlesson.authoring build --lang zh [NAME ...]`` writes and executes
``solutions/zh/NN_name.ipynb`` and ``lessons/zh/NN_name.ipynb``;
``python -m nnlesson.translations status`` lists every missing or stale entry, and
``python -m nnlesson.translations stub NAME`` adds entries (marked ``"todo": true``,
English text in place) for cells that have none, for a translator to fill in.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import io
import json
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat

LANGUAGE = "zh"
GENERATED_BLOCKS = (  # filled in by the build in both editions: not part of a cell's hash
    ("<!-- syllabus:start -->", "<!-- syllabus:end -->"),
    ("<!-- glossary:start -->", "<!-- glossary:end -->"),
)
SETUP_SOURCE_ZH = """\
# 准备：nnlesson，本课程的辅助包（这里没有的话，用 pip 安装一次）。
try:
    import nnlesson
except ModuleNotFoundError:
    print("这里没有安装 nnlesson：正在用 pip 安装（只需一次）……")
    %pip install --quiet nnlesson
    try:
        import nnlesson  # noqa: F401
    except ModuleNotFoundError:
        raise SystemExit("pip 无法安装 nnlesson：请看课程的 README。") from None
nnlesson.set_language("zh")  # 练习的反馈、控件和图中的文字都用中文"""
TITLE_ZH = re.compile(r"^#\s+第\s*(\d\d)\s*课\s*·\s*(.+?)\s*$")
CJK = re.compile(r"[\u3400-\u9fff]")


class TranslationError(ValueError):
    """A translation is missing, stale, or changes the code it translates."""


@dataclass
class Problem:
    """One thing wrong with a lesson's translation, for the status listing and the tests."""

    lesson: str
    cell: str
    kind: str  # "missing", "stale", "extra", "todo", "code"
    detail: str

    def __str__(self) -> str:
        return f"{self.lesson}, cell {self.cell}: {self.kind}: {self.detail}"


def blank_generated(source: str) -> str:
    """``source`` with every generated block emptied (its markers kept)."""
    for start, end in GENERATED_BLOCKS:
        if start in source and end in source:
            head, rest = source.split(start, 1)
            _, tail = rest.split(end, 1)
            source = f"{head}{start}\n{end}{tail}"
    return source


def english_sha(cell: nbformat.NotebookNode) -> str:
    """A short hash of an English cell's type and source (generated blocks and the hidden
    verification of graded cells left out)."""
    from nnlesson.authoring import without_verification

    text = f"{cell.cell_type}\n{blank_generated(without_verification(cell.source))}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def table_path(root: Path, name: str, language: str = LANGUAGE) -> Path:
    return root / "translations" / language / f"{name}.json"


def load_table(root: Path, name: str, language: str = LANGUAGE) -> dict:
    path = table_path(root, name, language)
    if not path.exists():
        raise TranslationError(
            f"{name}: no translation file {path.relative_to(root)}. "
            f"Fix: python -m nnlesson.translations stub {name}"
        )
    return json.loads(path.read_text(encoding="utf-8"))


def save_table(root: Path, name: str, table: dict, language: str = LANGUAGE) -> None:
    path = table_path(root, name, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")


FSTRING_START = getattr(tokenize, "FSTRING_START", None)  # Python 3.12+: f-strings in parts
FSTRING_END = getattr(tokenize, "FSTRING_END", None)


def _fields(text: str) -> list[str]:
    """The expressions in an f-string's ``{fields}``, sorted, or [] for a plain string.

    Format specs are left out (a translation may change a width), and so are the words of
    strings inside a field (``{'loss':>8}``, ``{'yes' if ok else 'no'}``).
    """
    prefix = text[: len(text) - len(text.lstrip("rbfuRBFU"))]
    if "f" not in prefix.lower():
        return []
    body = text[len(prefix) :]
    quote = body[:3] if body[:3] in ('"""', "'''") else body[:1]
    body = body[len(quote) : len(body) - len(quote)]
    fields, k = [], 0
    while k < len(body):
        if body.startswith(("{{", "}}"), k):
            k += 2
            continue
        if body[k] != "{":
            k += 1
            continue
        depth, expression, k = 0, "", k + 1
        while k < len(body):  # read the field up to its closing brace
            char = body[k]
            if char in "'\"":
                end = body.index(char, k + 1)
                expression += "STRING"
                k = end + 1
                continue
            if char in "([{":
                depth += 1
            elif char in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif char in ":!" and depth == 0 and not body.startswith("!=", k):
                break  # a conversion or format spec follows
            expression += char
            k += 1
        while k < len(body) and body[k] != "}":  # skip the spec (its nested fields too)
            k += 1 if body[k] != "{" else body.index("}", k) + 1 - k
        fields.append("".join(expression.split()))
        k += 1
    return sorted(fields)


def _code_tokens(source: str, where: str) -> list[tuple[int, str]]:
    """The cell's Python tokens, comments dropped; every string stands as one token holding
    only its f-string fields' expressions (its words may be translated and its fields
    reordered: Chinese puts them elsewhere in a sentence, on every Python version)."""
    lines = [
        "pass  # magic" if line.lstrip().startswith(("%", "!")) else line
        for line in source.split("\n")
    ]
    text = "\n".join(lines) + "\n"
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError) as err:
        raise TranslationError(f"{where}: cannot read the code: {err}") from None
    rows = text.split("\n")
    out: list[tuple[int, str]] = []
    start = None  # where an f-string of Python 3.12+ began
    for tok in tokens:
        if start is not None:
            if tok.type == FSTRING_END:
                (r0, c0), (r1, c1) = start, tok.end
                block = "\n".join(rows[r0 - 1 : r1])  # the lines the f-string spans
                whole = block[c0 : len(block) - len(rows[r1 - 1]) + c1]
                out.append((tokenize.STRING, repr(_fields(whole))))
                start = None
            continue
        if FSTRING_START is not None and tok.type == FSTRING_START:
            start = tok.start
        elif tok.type in (tokenize.COMMENT, tokenize.NL):
            continue
        elif tok.type == tokenize.STRING:
            out.append((tok.type, repr(_fields(tok.string))))
        else:
            out.append((tok.type, tok.string))
    return out


def same_code(english: str, chinese: str, where: str = "cell") -> bool:
    """Whether two cells are the same program apart from comments and string contents."""
    return _code_tokens(english, where) == _code_tokens(chinese, where)


def translate_cell(
    cell: nbformat.NotebookNode, entry: dict | None, lesson: str
) -> nbformat.NotebookNode:
    """The Chinese cell made from an English cell and its entry (raises if missing/stale)."""
    where = f"{lesson}, cell {cell.get('id')}"
    first = cell.source.strip().split("\n")[0][:60]
    if entry is None:
        raise TranslationError(f"{where} ({first!r}) has no translation.")
    if entry.get("en_sha") != english_sha(cell):
        raise TranslationError(
            f"{where} ({first!r}) changed after it was translated: update its translation "
            f"and its en_sha ({english_sha(cell)})."
        )
    out = copy.deepcopy(cell)
    if cell.cell_type == "markdown":
        text = entry.get("markdown")
        if not isinstance(text, str) or not text.strip():
            raise TranslationError(f"{where}: a markdown cell's entry needs its Chinese text.")
        out.source = text.strip("\n")
        return out
    source = cell.source
    for pair in entry.get("code", []):
        english, chinese = pair
        if english not in source:
            raise TranslationError(f"{where}: the text {english!r} is not in the English cell.")
        source = source.replace(english, chinese)
    if source != cell.source and not same_code(cell.source, source, where):
        raise TranslationError(
            f"{where}: the translation changes the code, not only comments and strings."
        )
    out.source = source
    return out


def translate_notebook(
    english: nbformat.NotebookNode, table: dict, name: str
) -> nbformat.NotebookNode:
    """The Chinese solution notebook (sources only; outputs of the English one cleared).

    Every cell is translated by its entry; the setup cell becomes :data:`SETUP_SOURCE_ZH`;
    the notebook's syllabus summary is the table's ``summary``.
    """
    from nnlesson.authoring import SETUP_TAG

    problems = check_table(english, table, name)
    if problems:
        raise TranslationError("\n".join(str(p) for p in problems))
    entries = {e["id"]: e for e in table["cells"]}
    nb = copy.deepcopy(english)
    cells = []
    for cell in english.cells:
        if SETUP_TAG in cell.metadata.get("tags", []):
            out = copy.deepcopy(cell)
            out.source = SETUP_SOURCE_ZH
        else:
            out = translate_cell(cell, entries.get(cell.get("id")), name)
        if out.cell_type == "code":
            out.outputs = []
            out.execution_count = None
        cells.append(out)
    nb.cells = cells
    nb.metadata.setdefault("nnlesson", {})
    nb.metadata["nnlesson"] = dict(nb.metadata["nnlesson"], summary=table["summary"], language="zh")
    return nb


def check_table(english: nbformat.NotebookNode, table: dict, name: str) -> list[Problem]:
    """Everything wrong with one lesson's translation table, as a list (empty: all good)."""
    from nnlesson.authoring import SETUP_TAG

    problems = []
    entries = {e.get("id"): e for e in table.get("cells", [])}
    ids = set()
    summary = table.get("summary")
    if not isinstance(summary, str) or not CJK.search(summary):
        problems.append(Problem(name, "-", "missing", "the one-line Chinese summary"))
    for cell in english.cells:
        cid = cell.get("id")
        ids.add(cid)
        if SETUP_TAG in cell.metadata.get("tags", []):
            continue
        first = cell.source.strip().split("\n")[0][:60]
        entry = entries.get(cid)
        if entry is None:
            problems.append(Problem(name, cid, "missing", repr(first)))
        elif entry.get("todo"):
            problems.append(Problem(name, cid, "todo", repr(first)))
        elif entry.get("en_sha") != english_sha(cell):
            problems.append(
                Problem(name, cid, "stale", f"{first!r} changed after it was translated")
            )
        else:
            try:
                translate_cell(cell, entry, name)
            except TranslationError as err:
                problems.append(Problem(name, cid, "code", str(err)))
    for cid in entries:
        if cid not in ids:
            problems.append(Problem(name, cid, "extra", "no English cell has this id any more"))
    return problems


def stub(root: Path, name: str) -> int:
    """Add a ``todo`` entry for every English cell without one; return how many were added."""
    from nnlesson.authoring import SETUP_TAG, read

    english = read(root / "solutions" / f"{name}.ipynb")
    path = table_path(root, name)
    table = (
        load_table(root, name) if path.exists() else {"lesson": name, "summary": "", "cells": []}
    )
    old = {e["id"]: e for e in table["cells"]}
    cells, added = [], 0
    for cell in english.cells:
        if SETUP_TAG in cell.metadata.get("tags", []):
            continue
        entry = old.get(cell.id)
        if entry is None:
            entry = {"id": cell.id, "en_sha": english_sha(cell), "todo": True}
            if cell.cell_type == "markdown":
                entry["markdown"] = cell.source
            else:
                entry["code"] = []
            added += 1
        cells.append(entry)
    table["cells"] = cells
    save_table(root, name, table)
    return added


def status(root: Path, names: list[str]) -> list[Problem]:
    from nnlesson.authoring import read

    problems = []
    for name in names:
        english = read(root / "solutions" / f"{name}.ipynb")
        try:
            table = load_table(root, name)
        except TranslationError as err:
            problems.append(Problem(name, "-", "missing", str(err)))
            continue
        problems += check_table(english, table, name)
    return problems


def main(argv: list[str] | None = None) -> int:
    from nnlesson.authoring import notebook_names

    parser = argparse.ArgumentParser(prog="python -m nnlesson.translations", description=__doc__)
    parser.add_argument("command", choices=["status", "stub"])
    parser.add_argument("names", nargs="*", help="lesson names such as 01_neuron (default: all)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    args = parser.parse_args(argv)
    names = args.names or notebook_names(args.root)
    if args.command == "stub":
        for name in names:
            print(f"{name}: {stub(args.root, name)} cells to translate added")
        return 0
    problems = status(args.root, names)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {len(names)} lesson(s)")
    return 1 if problems else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
