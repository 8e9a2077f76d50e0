"""The syllabus in lesson 00 and README.md is generated from the notebooks, so it cannot go
stale: each solution's ``# Lesson NN · Title`` heading and ``nnlesson`` metadata summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from nnlesson import authoring as au

pytestmark = pytest.mark.lesson00

ROOT = Path(__file__).resolve().parents[1]
FIX = "run `python -m nnlesson.authoring build 00_start`"


def _syllabus_cell(path: Path) -> str:
    nb = au.read(path)
    cells = [
        c.source for c in nb.cells if c.cell_type == "markdown" and au.SYLLABUS_START in c.source
    ]
    assert len(cells) == 1, f"{path.name}: expected one cell with {au.SYLLABUS_START}"
    return cells[0]


def test_every_lesson_has_a_title_and_a_summary():
    rows = au.syllabus_rows(ROOT, strict=True)  # raises, naming each notebook and the fix
    assert [r[0] for r in rows] == [name[:2] for name in au.notebook_names(ROOT)]


@pytest.mark.parametrize("folder", ["solutions", "lessons"])
def test_lesson_00_syllabus_is_current(folder):
    text = _syllabus_cell(ROOT / folder / f"{au.SYLLABUS_LESSON}.ipynb")
    assert au.syllabus_in(text) == au.render_syllabus(ROOT), (
        f"{folder}/{au.SYLLABUS_LESSON}.ipynb's syllabus is stale: {FIX}"
    )


def test_readme_syllabus_is_current():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert au.syllabus_in(text) == au.render_syllabus(ROOT), f"README.md's syllabus is stale: {FIX}"


def _course(tmp_path: Path, notebooks: dict[str, tuple[str, str | None]]) -> Path:
    (tmp_path / "solutions").mkdir()
    for name, (heading, summary) in notebooks.items():
        nb = au.new_notebook([au.markdown(heading + "\n\nText."), au.code("x = 1")])
        if summary is not None:
            nb.metadata["nnlesson"] = {"summary": summary}
        au.write(nb, tmp_path / "solutions" / f"{name}.ipynb")
    return tmp_path


def test_render_syllabus_reads_titles_and_summaries_in_lesson_order(tmp_path):
    root = _course(
        tmp_path,
        {
            "01_b": ("# Lesson 01 · The neuron", "Build a neuron | weigh inputs."),
            "00_a": ("# Lesson 00 · Start here", "Use the course."),
        },
    )
    assert au.render_syllabus(root) == (
        "| # | lesson | what you will be able to do |\n|---|---|---|\n"
        "| 00 | Start here | Use the course. |\n"
        "| 01 | The neuron | Build a neuron \\| weigh inputs. |"
    )


def test_missing_title_or_summary_is_named_with_its_fix(tmp_path, capsys):
    root = _course(
        tmp_path,
        {"00_a": ("# Lesson 00 · Start here", None), "01_b": ("# The neuron", "Fine.")},
    )
    with pytest.raises(au.SyllabusError) as err:
        au.render_syllabus(root)
    message = str(err.value)
    assert "solutions/00_a.ipynb: no one-line summary" in message
    assert 'nb.metadata["nnlesson"] = {"summary": "..."}' in message
    assert "solutions/01_b.ipynb: no title" in message and "'# Lesson 01 · Title'" in message
    # not strict (what `build` does): the rows say what is missing, stderr says why
    table = au.render_syllabus(root, strict=False)
    assert "(missing: see solutions/00_a.ipynb)" in table
    assert "no one-line summary" in capsys.readouterr().err


def test_heading_and_file_number_must_agree_and_summary_is_one_short_line(tmp_path):
    root = _course(tmp_path, {"02_c": ("# Lesson 03 · Loss", "x" * 161)})
    with pytest.raises(au.SyllabusError) as err:
        au.render_syllabus(root)
    assert "says lesson 03, its file name says 02" in str(err.value)
    assert "at most 160 characters; it has 161" in str(err.value)


def test_fill_syllabus_replaces_only_between_the_markers():
    text = f"before\n{au.SYLLABUS_START}\nold\n{au.SYLLABUS_END}\nafter"
    assert au.fill_syllabus(text, "new", "x") == (
        f"before\n{au.SYLLABUS_START}\nnew\n{au.SYLLABUS_END}\nafter"
    )
    with pytest.raises(au.SyllabusError, match="README.md: expected one"):
        au.fill_syllabus("no markers here", "new", "README.md")
