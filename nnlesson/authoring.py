"""One source for lessons and solutions: build ``lessons/`` from ``solutions/``.

For course maintainers and teachers; learners never need it. A solution notebook
``solutions/NN_name.ipynb`` is the source. Its answers sit between nbgrader's markers::

    def out_o2(...):
        ### BEGIN SOLUTION
        return sigmoid(...)
        ### END SOLUTION

in cells whose metadata marks them as nbgrader solution cells. The learner's lesson
``lessons/NN_name.ipynb`` is the same notebook with every marked region replaced by
nbgrader's stub (``# YOUR CODE HERE`` / ``raise NotImplementedError()``, or
``YOUR ANSWER HERE`` in markdown), every ``### BEGIN HIDDEN TESTS`` region removed,
and the cells that are now expected to raise tagged ``raises-exception`` (so nbval
accepts the exception): check cells, answer cells left with a stub, and cells that call
``check_prediction(`` (they raise ``ExerciseNotAnswered`` until the prediction is
made). The sources follow nbgrader's ``generate_assignment`` rules, so a teacher can
also use ``solutions/`` as an nbgrader source.

Commands (from the repository root)::

    python -m nnlesson.authoring build [NAME ...]   # execute solutions, regenerate and execute lessons
    python -m nnlesson.authoring build --lang zh [NAME ...]   # the Chinese edition (solutions/zh, lessons/zh)
    python -m nnlesson.authoring check              # exit 1 if a lesson is out of sync

**The syllabus is generated.** Each solution notebook's first markdown cell starts with
``# Lesson NN · Title`` and its metadata holds a one-line summary,
``nb.metadata["nnlesson"] = {"summary": "..."}``. :func:`render_syllabus` makes the table
(lesson, title, summary) from them; ``build`` writes it between ``<!-- syllabus:start -->``
and ``<!-- syllabus:end -->`` in lesson 00's solution (before executing it) and in README.md.
The glossary (:mod:`nnlesson.glossary`) is written the same way, between
``<!-- glossary:start -->`` and ``<!-- glossary:end -->`` in lesson 00.

**The Chinese edition** is made from the English solutions and ``translations/zh/``
(:mod:`nnlesson.translations`): the same cells, the same code, Chinese words; its syllabus
goes into lesson 00's Chinese solution and README.zh.md.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

try:
    import nbformat
except ModuleNotFoundError as exc:  # a learner's install has no maintainer tools
    raise ModuleNotFoundError(
        "nnlesson.authoring needs nbformat and nbclient, which a learner's install leaves "
        "out. Install the maintainers' extra: pip install 'nnlesson[author]'",
        name=exc.name,
    ) from None

CODE_STUB = ["# YOUR CODE HERE", "raise NotImplementedError()"]
TEXT_STUB = ["YOUR ANSWER HERE"]
BEGIN_SOLUTION = "### BEGIN SOLUTION"
END_SOLUTION = "### END SOLUTION"
BEGIN_HIDDEN = "### BEGIN HIDDEN TESTS"
END_HIDDEN = "### END HIDDEN TESTS"
RAISES = "raises-exception"
FEEDBACK = ("ExerciseNotAnswered", "ExerciseWrong")  # nnlesson.checks' verdicts
PREDICTION_CHECK = "check_prediction("  # a cell that reveals a prediction raises until it is made
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


# Every lesson's first code cell: it works anywhere. In the course's environment nnlesson is
# there and the cell prints nothing; on Colab or a fresh Jupyter it installs nnlesson once
# with %pip and says so in one line; if that fails, one line says what to do (no traceback).
SETUP_TAG = "nnlesson-setup"
SETUP_SOURCE = """\
# Setup: nnlesson, the course's helper package (installed here once if it is missing).
try:
    import nnlesson
except ModuleNotFoundError:
    print("nnlesson is not installed here: installing it with pip (once) ...")
    %pip install --quiet nnlesson
    try:
        import nnlesson  # noqa: F401
    except ModuleNotFoundError:
        raise SystemExit("pip could not install nnlesson: see the course README.") from None"""


class AuthoringError(ValueError):
    """A solution notebook breaks the lesson/solution conventions."""


SYLLABUS_START = "<!-- syllabus:start -->"
SYLLABUS_END = "<!-- syllabus:end -->"
SYLLABUS_LESSON = "00_start"  # the notebook whose solution holds the generated table
SUMMARY_MAX = 160  # characters of a lesson's one-line summary
TITLE = re.compile(r"^#\s+Lesson\s+(\d\d)\s*·\s*(.+?)\s*$")
# Until every lesson has its "# Lesson NN · Title" heading: the older "# NN · Title".
OLD_TITLE = re.compile(r"^#\s+(\d\d)\s*·\s*(.+?)\s*$")


class SyllabusError(AuthoringError):
    """A lesson lacks what the generated syllabus needs (title heading or summary)."""


def markdown(source: str) -> nbformat.NotebookNode:
    """A markdown cell."""
    return nbformat.v4.new_markdown_cell(source.strip("\n"))


def code(source: str, *tags: str) -> nbformat.NotebookNode:
    """A code cell, optionally tagged (``"nbval-ignore-output"``, ...)."""
    cell = nbformat.v4.new_code_cell(source.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def solution(source: str, grade_id: str) -> nbformat.NotebookNode:
    """An nbgrader solution cell: the answer goes between ``### BEGIN/END SOLUTION``."""
    cell = code(source)
    cell.metadata["nbgrader"] = {
        "grade": False,
        "grade_id": grade_id,
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    return cell


def check(source: str, grade_id: str, points: int = 1) -> nbformat.NotebookNode:
    """An nbgrader autograder cell (locked, worth ``points``) that checks an exercise."""
    cell = code(source)
    cell.metadata["nbgrader"] = {
        "grade": True,
        "grade_id": grade_id,
        "locked": True,
        "points": points,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    return cell


def new_notebook(cells: list[nbformat.NotebookNode]) -> nbformat.NotebookNode:
    """A notebook with the course's kernelspec."""
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def nbgrader_meta(cell: nbformat.NotebookNode) -> dict:
    """The cell's ``nbgrader`` metadata (empty dict if none)."""
    return cell.get("metadata", {}).get("nbgrader", {})


def _strip_regions(
    lines: list[str], begin: str, end: str, stub: list[str] | None, where: str
) -> tuple[list[str], bool]:
    """Replace each ``begin``..``end`` region by ``stub`` (indented like the marker)."""
    out: list[str] = []
    inside = False
    found = False
    for line in lines:
        stripped = line.strip()
        if stripped == begin:
            if inside:
                raise AuthoringError(f"{where}: nested {begin!r}.")
            inside, found = True, True
            indent = line[: line.index(begin)]
            out.extend(indent + s for s in (stub or []))
        elif stripped == end:
            if not inside:
                raise AuthoringError(f"{where}: {end!r} without {begin!r}.")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise AuthoringError(f"{where}: {begin!r} without {end!r}.")
    return out, found


def make_lesson(solution: nbformat.NotebookNode, name: str = "notebook") -> nbformat.NotebookNode:
    """The learner's version of a solution notebook (sources only; outputs cleared)."""
    lesson = copy.deepcopy(solution)
    for k, cell in enumerate(lesson.cells):
        where = f"{name}, cell {k}"
        lines = cell.source.split("\n")
        meta = nbgrader_meta(cell)
        stub = CODE_STUB if cell.cell_type == "code" else TEXT_STUB
        lines, had_solution = _strip_regions(lines, BEGIN_SOLUTION, END_SOLUTION, stub, where)
        if had_solution and not meta.get("solution"):
            raise AuthoringError(
                f"{where} has a solution region but is not an nbgrader solution cell: set "
                f"metadata.nbgrader.solution = true."
            )
        if meta.get("solution") and not had_solution:
            lines = list(stub)
        lines, had_hidden = _strip_regions(lines, BEGIN_HIDDEN, END_HIDDEN, None, where)
        if had_hidden and not meta.get("grade"):
            raise AuthoringError(f"{where} has hidden tests but is not an nbgrader grade cell.")
        cell.source = "\n".join(lines)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            raises = (
                bool(meta.get("grade"))
                or (meta.get("solution") and any(line == CODE_STUB[1] for line in lines))
                # a prediction revealed before it is made: ExerciseNotAnswered
                or PREDICTION_CHECK in cell.source
            )
            tags = [t for t in cell.metadata.get("tags", []) if t != RAISES]
            if raises:
                tags.append(RAISES)
            if tags:
                cell.metadata["tags"] = tags
            else:
                cell.metadata.pop("tags", None)
    return lesson


def comparable(nb: nbformat.NotebookNode) -> list[tuple[str, str, list[str], dict]]:
    """What must agree between a lesson and the generator's output: type, source, tags, nbgrader."""
    return [
        (c.cell_type, c.source, sorted(c.metadata.get("tags", [])), nbgrader_meta(c))
        for c in nb.cells
    ]


def _clean_errors(nb: nbformat.NotebookNode) -> None:
    """Shorten stored tracebacks to their last line: no absolute paths, same on any machine.

    nbval compares an error's name and value, never its traceback.
    An exercise check's feedback (``ExerciseNotAnswered``, ``ExerciseWrong``) already is
    its message alone (``checks.ExerciseFeedback._render_traceback_``): it is kept as is,
    so a learner who opens a lesson sees the same few lines as after running it; so is an
    unanswered stub's one line (``checks.STUB_MESSAGE``).
    """
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            stub = out.get("ename") == "NotImplementedError" and not any(
                "Traceback" in line or "File " in line for line in out.get("traceback", [])
            )
            if out.get("output_type") == "error" and out["ename"] not in FEEDBACK and not stub:
                out["traceback"] = [f"{out['ename']}: {out['evalue']}"]


def execute(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 300) -> nbformat.NotebookNode:
    """Run every cell top to bottom in a fresh ``python3`` kernel; cells tagged
    ``raises-exception`` may raise, any other error stops the build."""
    from nbclient import NotebookClient

    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,  # no per-cell timestamps: a rebuild changes only what changed
    )
    client.execute()
    _clean_errors(nb)
    return nb


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def write(nb: nbformat.NotebookNode, path: Path) -> None:
    nbformat.validate(nb)
    text = nbformat.writes(nb) + "\n"
    path.write_text(text, encoding="utf-8")


def notebook_names(root: Path) -> list[str]:
    """Names (``"00_start"``, ...) of every solution notebook, in lesson order."""
    return sorted(p.stem for p in (root / "solutions").glob("[0-9][0-9]_*.ipynb"))


def has_setup_cell(nb: nbformat.NotebookNode) -> bool:
    """Whether the first code cell is the course's setup cell, exactly."""
    first = next((c for c in nb.cells if c.cell_type == "code"), None)
    return first is not None and first.source == SETUP_SOURCE


def ensure_setup_cell(nb: nbformat.NotebookNode) -> None:
    """Make the first code cell the setup cell (:data:`SETUP_SOURCE`): refreshed if it is
    an older version of it (tagged ``nnlesson-setup``), inserted before the first code cell
    otherwise."""
    first = next((k for k, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
    if first < len(nb.cells) and SETUP_TAG in nb.cells[first].metadata.get("tags", []):
        nb.cells[first].source = SETUP_SOURCE
        return
    nb.cells.insert(first, code(SETUP_SOURCE, SETUP_TAG))


# Every graded cell of a solution ends with this hidden test (nbgrader keeps it out of the
# learner's lesson): before a cell earns its points, a fresh copy of checks.py, loaded from
# the installed package, checks that the checking machinery the cell used is the original
# and that no cell but the lesson's own rebound a name its checks use (TEACHING.md, "What a
# check can and cannot prove").
VERIFY_TEMPLATE = """\
### BEGIN HIDDEN TESTS
import importlib.util as _iu

import nnlesson as _nn

_spec = _iu.spec_from_file_location("_pristine", _nn.__path__[0] + "/checks.py")
_pristine = _iu.module_from_spec(_spec)
_spec.loader.exec_module(_pristine)
_pristine.verify_machinery(globals(), "{name}")
### END HIDDEN TESTS"""
VERIFY_BLOCK = re.compile(
    "\n*" + re.escape(VERIFY_TEMPLATE).replace(re.escape("{name}"), r"[0-9]{2}_\w+") + "$"
)


def without_verification(source: str) -> str:
    """``source`` without the hidden verification block :func:`ensure_verification` adds."""
    return VERIFY_BLOCK.sub("", source)


def ensure_verification(nb: nbformat.NotebookNode, name: str) -> None:
    """End every graded cell with :data:`VERIFY_TEMPLATE` for lesson ``name`` (refreshed if
    it is there already)."""
    for cell in nb.cells:
        if cell.cell_type == "code" and nbgrader_meta(cell).get("grade"):
            body = without_verification(cell.source).rstrip("\n")
            cell.source = f"{body}\n{VERIFY_TEMPLATE.format(name=name)}"


def fill_glossary_in_notebook(nb: nbformat.NotebookNode, language: str, name: str) -> None:
    """Write the glossary table (:func:`nnlesson.glossary.render`) into lesson 00's cell."""
    from nnlesson.glossary import END, START, render

    cells = [c for c in nb.cells if c.cell_type == "markdown" and START in c.source]
    if len(cells) != 1:
        raise SyllabusError(f"{name}: expected one markdown cell with {START}, found {len(cells)}.")
    head, rest = cells[0].source.split(START, 1)
    _, tail = rest.split(END, 1)
    cells[0].source = f"{head}{START}\n{render(language)}\n{END}{tail}"


def build(root: Path, names: list[str] | None = None) -> None:
    """Execute each solution in place, regenerate its lesson, execute and store that too.

    Every solution first gets the setup cell (:func:`ensure_setup_cell`). The syllabus
    (:func:`render_syllabus`) is written into README.md and, before it is executed, into
    lesson 00's solution.
    """
    table = render_syllabus(root, strict=False)
    if update_readme_syllabus(root, table):
        print("README.md: syllabus updated", flush=True)
    for name in names or notebook_names(root):
        src = root / "solutions" / f"{name}.ipynb"
        if not src.exists():
            raise FileNotFoundError(f"No solution notebook {src}; see `notebook_names`.")
        print(f"[{name}] solution ...", flush=True)
        source = read(src)
        ensure_setup_cell(source)
        ensure_verification(source, name)
        if name == SYLLABUS_LESSON:
            fill_syllabus_in_notebook(source, table, name)
            fill_glossary_in_notebook(source, "en", name)
        solution = execute(source, root / "solutions")
        write(solution, src)
        print(f"[{name}] lesson ...", flush=True)
        lesson = execute(make_lesson(solution, name), root / "lessons")
        write(lesson, root / "lessons" / f"{name}.ipynb")


def build_translation(root: Path, names: list[str] | None = None, language: str = "zh") -> None:
    """Make, execute and store the Chinese solutions and lessons from the English solutions.

    Run the English build first: the Chinese edition is made from ``solutions/NN.ipynb`` as
    it is on disk. Raises :class:`nnlesson.translations.TranslationError` naming every
    missing or stale translation before anything is executed.
    """
    from nnlesson import translations

    names = names or notebook_names(root)
    problems = translations.status(root, names)
    if problems:
        raise translations.TranslationError(
            "\n".join(str(p) for p in problems) + "\nFix: python -m nnlesson.translations status"
        )
    table = render_syllabus_translated(root, strict=False)
    if update_readme_syllabus(root, table, "README.zh.md"):
        print("README.zh.md: syllabus updated", flush=True)
    for folder in ("solutions", "lessons"):
        (root / folder / language).mkdir(exist_ok=True)
    for name in names:
        print(f"[{language}/{name}] solution ...", flush=True)
        english = read(root / "solutions" / f"{name}.ipynb")
        source = translations.translate_notebook(english, translations.load_table(root, name), name)
        if name == SYLLABUS_LESSON:
            fill_syllabus_in_notebook(source, table, name)
            fill_glossary_in_notebook(source, language, name)
        solution = execute(source, root / "solutions" / language)
        write(solution, root / "solutions" / language / f"{name}.ipynb")
        print(f"[{language}/{name}] lesson ...", flush=True)
        lesson = execute(make_lesson(solution, name), root / "lessons" / language)
        write(lesson, root / "lessons" / language / f"{name}.ipynb")


def render_syllabus_translated(root: Path, *, strict: bool = True) -> str:
    """The Chinese syllabus table, from each lesson's translated title and summary."""
    from nnlesson import translations

    lines = ["| # | 课 | 学完你能做到 |", "|---|---|---|"]
    for name in notebook_names(root):
        try:
            table = translations.load_table(root, name)
            first = next(e for e in table["cells"] if "markdown" in e)["markdown"]
            found = translations.TITLE_ZH.match(first.strip().split("\n")[0])
            if not found:
                raise SyllabusError(
                    f"{name}: the Chinese title should start '# 第 {name[:2]} 课 · '."
                )
            title, summary = found.group(2), table["summary"].strip()
        except (translations.TranslationError, SyllabusError, StopIteration, KeyError) as err:
            if strict:
                raise
            print(f"syllabus (zh): {name}: {err}", file=sys.stderr)
            title, summary = "（缺）", "（缺）"
        cells = [name[:2], title, summary]
        lines.append("| " + " | ".join(c.replace("|", r"\|") for c in cells) + " |")
    return "\n".join(lines)


def lesson_title(nb: nbformat.NotebookNode, name: str) -> str:
    """The title from the first markdown cell's first line, ``# Lesson NN · Title``.

    Raises :class:`SyllabusError` naming the notebook and the line it expects.
    """
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    line = first.source.strip().split("\n")[0] if first is not None else ""
    number = name[:2]
    for pattern in (TITLE, OLD_TITLE):
        found = pattern.match(line)
        if found:
            if found.group(1) != number:
                raise SyllabusError(
                    f"solutions/{name}.ipynb: its heading {line!r} says lesson {found.group(1)}, "
                    f"its file name says {number}."
                )
            return found.group(2)
    raise SyllabusError(
        f"solutions/{name}.ipynb: no title. Its first markdown cell should start with "
        f"'# Lesson {number} · Title'; it starts with {line[:60]!r}."
    )


def lesson_summary(nb: nbformat.NotebookNode, name: str) -> str:
    """The one-line summary in ``nb.metadata["nnlesson"]["summary"]``.

    Raises :class:`SyllabusError` naming the notebook when it is missing, empty, longer
    than ``SUMMARY_MAX`` characters or more than one line.
    """
    summary = nb.metadata.get("nnlesson", {}).get("summary")
    fix = f'set nb.metadata["nnlesson"] = {{"summary": "..."}} in solutions/{name}.ipynb'
    if not isinstance(summary, str) or not summary.strip():
        raise SyllabusError(f"solutions/{name}.ipynb: no one-line summary: {fix}.")
    if "\n" in summary.strip() or len(summary) > SUMMARY_MAX:
        raise SyllabusError(
            f"solutions/{name}.ipynb: the summary should be one line of at most {SUMMARY_MAX} "
            f"characters; it has {len(summary)}."
        )
    return summary.strip()


def syllabus_rows(root: Path, *, strict: bool = True) -> list[tuple[str, str, str]]:
    """(number, title, summary) of every lesson in ``solutions/``, in lesson order.

    With ``strict`` a missing title or summary raises one :class:`SyllabusError` listing
    every problem; without, the row says what is missing and a warning goes to stderr, so a
    build still finishes (and the test of the syllabus fails until it is fixed).
    """
    rows, problems = [], []
    for name in notebook_names(root):
        nb = read(root / "solutions" / f"{name}.ipynb")
        cells = []
        for part in (lesson_title, lesson_summary):
            try:
                cells.append(part(nb, name))
            except SyllabusError as err:
                problems.append(str(err))
                cells.append(f"(missing: see solutions/{name}.ipynb)")
        rows.append((name[:2], cells[0], cells[1]))
    if problems and strict:
        raise SyllabusError("\n".join(problems))
    for problem in problems:
        print(f"syllabus: {problem}", file=sys.stderr)
    return rows


def render_syllabus(root: Path, *, strict: bool = True) -> str:
    """The syllabus as a markdown table, one row per lesson (markers not included)."""
    lines = ["| # | lesson | what you will be able to do |", "|---|---|---|"]
    for number, title, summary in syllabus_rows(root, strict=strict):
        cells = [number, title, summary]
        lines.append("| " + " | ".join(c.replace("|", r"\|") for c in cells) + " |")
    return "\n".join(lines)


def fill_syllabus(text: str, table: str, where: str) -> str:
    """``text`` with everything between the syllabus markers replaced by ``table``."""
    if text.count(SYLLABUS_START) != 1 or text.count(SYLLABUS_END) != 1:
        raise SyllabusError(
            f"{where}: expected one {SYLLABUS_START} and one {SYLLABUS_END} around the syllabus."
        )
    head, rest = text.split(SYLLABUS_START)
    _, tail = rest.split(SYLLABUS_END)
    return f"{head}{SYLLABUS_START}\n{table}\n{SYLLABUS_END}{tail}"


def syllabus_in(text: str) -> str:
    """The part of ``text`` between the syllabus markers (stripped)."""
    return text.split(SYLLABUS_START, 1)[1].split(SYLLABUS_END, 1)[0].strip()


def fill_syllabus_in_notebook(nb: nbformat.NotebookNode, table: str, name: str) -> None:
    """Write ``table`` into the one markdown cell of ``nb`` that holds the markers."""
    cells = [c for c in nb.cells if c.cell_type == "markdown" and SYLLABUS_START in c.source]
    if len(cells) != 1:
        raise SyllabusError(
            f"solutions/{name}.ipynb: expected one markdown cell with {SYLLABUS_START}, "
            f"found {len(cells)}."
        )
    cells[0].source = fill_syllabus(cells[0].source, table, f"solutions/{name}.ipynb")


def update_readme_syllabus(root: Path, table: str, filename: str = "README.md") -> bool:
    """Write ``table`` into the README's syllabus; True if the file changed."""
    readme = root / filename
    text = readme.read_text(encoding="utf-8")
    new = fill_syllabus(text, table, filename)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def out_of_sync(root: Path) -> list[str]:
    """Names of lessons that differ from what :func:`make_lesson` makes of their solution.

    Chinese notebooks are named ``zh/NN_name``: out of sync when the Chinese solution is not
    what the English solution and its translation make, or the Chinese lesson is not what
    :func:`make_lesson` makes of the Chinese solution.
    """
    from nnlesson import translations

    bad = []
    for name in notebook_names(root):
        lesson_path = root / "lessons" / f"{name}.ipynb"
        english = read(root / "solutions" / f"{name}.ipynb")
        expected = make_lesson(english, name)
        if not lesson_path.exists() or comparable(read(lesson_path)) != comparable(expected):
            bad.append(name)
        zh_solution = root / "solutions" / "zh" / f"{name}.ipynb"
        zh_lesson = root / "lessons" / "zh" / f"{name}.ipynb"
        if not (root / "solutions" / "zh").exists():
            continue  # no Chinese edition in this checkout (tests/test_translations.py requires one)
        if not (zh_solution.exists() and zh_lesson.exists()):
            bad.append(f"zh/{name}")
            continue
        try:
            made = translations.translate_notebook(
                english, translations.load_table(root, name), name
            )
        except translations.TranslationError:
            bad.append(f"zh/{name}")
            continue
        stored = read(zh_solution)
        same = _comparable_blanked(stored) == _comparable_blanked(made)
        if not same or comparable(read(zh_lesson)) != comparable(make_lesson(stored, name)):
            bad.append(f"zh/{name}")
    return bad


def _comparable_blanked(nb: nbformat.NotebookNode) -> list[tuple[str, str, list[str], dict]]:
    """:func:`comparable`, with generated blocks (syllabus, glossary) emptied."""
    from nnlesson.translations import blank_generated

    return [(t, blank_generated(s), tags, meta) for t, s, tags, meta in comparable(nb)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nnlesson.authoring", description=__doc__)
    parser.add_argument("command", choices=["build", "check"])
    parser.add_argument("names", nargs="*", help="lesson names such as 01_neuron (default: all)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    parser.add_argument(
        "--lang", choices=["en", "zh"], default="en", help="zh: build the Chinese edition"
    )
    args = parser.parse_intermixed_args(
        argv
    )  # `build --lang zh 01_neuron` and `build 01_neuron --lang zh`
    if args.command == "build":
        if args.lang == "zh":
            build_translation(args.root, args.names or None)
        else:
            build(args.root, args.names or None)
        return 0
    bad = out_of_sync(args.root)
    for name in bad:
        print(f"lessons/{name}.ipynb is out of sync with solutions/{name}.ipynb", file=sys.stderr)
    english = [n for n in bad if not n.startswith("zh/")]
    chinese = [n.removeprefix("zh/") for n in bad if n.startswith("zh/")]
    if english:
        print("Fix: python -m nnlesson.authoring build " + " ".join(english), file=sys.stderr)
    if chinese:
        print(
            "Fix: python -m nnlesson.translations status, then "
            "python -m nnlesson.authoring build --lang zh " + " ".join(chinese),
            file=sys.stderr,
        )
    return 1 if bad else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
