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
accepts the exception). The same rules as nbgrader's ``generate_assignment``, so a
teacher can also use ``solutions/`` as an nbgrader source.

Commands (from the repository root)::

    python -m nnlesson.authoring build [NAME ...]   # execute solutions, regenerate and execute lessons
    python -m nnlesson.authoring check              # exit 1 if a lesson is out of sync
"""

from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import nbformat

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


class AuthoringError(ValueError):
    """A solution notebook breaks the lesson/solution conventions."""


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
    so a learner who opens a lesson sees the same few lines as after running it.
    """
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and out["ename"] not in FEEDBACK:
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


def build(root: Path, names: list[str] | None = None) -> None:
    """Execute each solution in place, regenerate its lesson, execute and store that too."""
    for name in names or notebook_names(root):
        src = root / "solutions" / f"{name}.ipynb"
        if not src.exists():
            raise FileNotFoundError(f"No solution notebook {src}; see `notebook_names`.")
        print(f"[{name}] solution ...", flush=True)
        solution = execute(read(src), root / "solutions")
        write(solution, src)
        print(f"[{name}] lesson ...", flush=True)
        lesson = execute(make_lesson(solution, name), root / "lessons")
        write(lesson, root / "lessons" / f"{name}.ipynb")


def out_of_sync(root: Path) -> list[str]:
    """Names of lessons that differ from what :func:`make_lesson` makes of their solution."""
    bad = []
    for name in notebook_names(root):
        lesson_path = root / "lessons" / f"{name}.ipynb"
        expected = make_lesson(read(root / "solutions" / f"{name}.ipynb"), name)
        if not lesson_path.exists() or comparable(read(lesson_path)) != comparable(expected):
            bad.append(name)
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nnlesson.authoring", description=__doc__)
    parser.add_argument("command", choices=["build", "check"])
    parser.add_argument("names", nargs="*", help="lesson names such as 01_neuron (default: all)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root")
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.root, args.names or None)
        return 0
    bad = out_of_sync(args.root)
    for name in bad:
        print(f"lessons/{name}.ipynb is out of sync with solutions/{name}.ipynb", file=sys.stderr)
    if bad:
        print("Fix: python -m nnlesson.authoring build " + " ".join(bad), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
