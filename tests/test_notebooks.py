"""Lessons and solutions: in sync, executed, clean. nbval re-executes them separately."""

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from nnlesson import authoring, translations

pytestmark = pytest.mark.notebooks

ROOT = Path(__file__).resolve().parents[1]
NAMES = authoring.notebook_names(ROOT)
NOTEBOOKS = [
    ROOT / folder / f"{name}.ipynb" for folder in ("solutions", "lessons") for name in NAMES
]
# the Chinese edition (tests/test_translations.py checks it follows the English one)
ZH_NOTEBOOKS = [
    ROOT / folder / "zh" / f"{name}.ipynb" for folder in ("solutions", "lessons") for name in NAMES
]
PRIVATE = re.compile(r"(/home/|/root\b|/work/|/tmp/|/Users/|[A-Za-z]:\\\\|\\\\Users\\\\)")


def ids(paths):
    return [str(p.relative_to(ROOT)) for p in paths]


def test_every_solution_has_its_lesson_and_nothing_else():
    lessons = sorted(p.stem for p in (ROOT / "lessons").glob("*.ipynb"))
    assert NAMES and lessons == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_lesson_is_what_the_generator_makes_of_its_solution(name):
    solution = authoring.read(ROOT / "solutions" / f"{name}.ipynb")
    lesson = authoring.read(ROOT / "lessons" / f"{name}.ipynb")
    assert authoring.comparable(lesson) == authoring.comparable(
        authoring.make_lesson(solution, name)
    ), f"lessons/{name}.ipynb is stale: run `python -m nnlesson.authoring build {name}`"


@pytest.mark.parametrize("path", NOTEBOOKS + ZH_NOTEBOOKS, ids=ids(NOTEBOOKS + ZH_NOTEBOOKS))
def test_notebook_hygiene(path):
    assert path.stat().st_size < 1_000_000, "keep notebooks under 1 MB (smaller figures)"
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), "execute top to bottom in one fresh kernel"
    for k, cell in enumerate(nb.cells):
        assert not PRIVATE.search(cell.source), f"cell {k}: absolute path in source"
        assert "execution" not in cell.metadata, f"cell {k}: run timestamps (rebuild the lesson)"
        for out in cell.get("outputs", []):
            text = json.dumps({key: v for key, v in out.items() if key != "data"})
            text += json.dumps(out.get("data", {}).get("text/plain", ""))
            assert not PRIVATE.search(text), f"cell {k}: absolute path or user name in output"
            assert out.get("name") != "stderr", f"cell {k}: writes to stderr: {out.get('text')}"
            if out.output_type == "error":
                assert "raises-exception" in cell.metadata.get("tags", []), f"cell {k} errors"


@pytest.mark.parametrize("edition", ["", "zh"])
@pytest.mark.parametrize("name", NAMES)
def test_solutions_pass_their_checks_and_lessons_fail_them(name, edition):
    solution = authoring.read(ROOT / "solutions" / edition / f"{name}.ipynb")
    lesson = authoring.read(ROOT / "lessons" / edition / f"{name}.ipynb")
    grade_cells = [c for c in solution.cells if authoring.nbgrader_meta(c).get("grade")]
    assert grade_cells, f"{name} has no exercise checks"
    for cell in solution.cells:
        assert all(o.output_type != "error" for o in cell.get("outputs", []))
    for cell in lesson.cells:
        if authoring.nbgrader_meta(cell).get("grade"):
            errors = [o for o in cell.outputs if o.output_type == "error"]
            assert errors and errors[0].ename == "ExerciseNotAnswered", cell.source[:80]


def test_import_nnlesson_needs_numpy_only():
    code = (
        "import sys, nnlesson, nnlesson.checks, nnlesson.training;"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'nbformat') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("path", NOTEBOOKS + ZH_NOTEBOOKS, ids=ids(NOTEBOOKS + ZH_NOTEBOOKS))
def test_first_code_cell_is_the_setup_cell(path):
    """Every lesson opens with the cell that imports nnlesson, or installs it where it is
    missing (Colab, a plain Jupyter): see ``authoring.SETUP_SOURCE``."""
    nb = nbformat.read(path, as_version=4)
    if path.parent.name == "zh":
        first = next(c for c in nb.cells if c.cell_type == "code")
        assert first.source == translations.SETUP_SOURCE_ZH, f"zh/{path.name}: not the setup cell"
        return
    assert authoring.has_setup_cell(nb), (
        f"{path.name}: the first code cell is not the setup cell; run "
        f"`python -m nnlesson.authoring build {path.stem}`"
    )
