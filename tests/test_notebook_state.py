"""Notebook state (issue 16, item 5): every lesson survives a re-run of any cell and a restart
in the middle.

- A fresh kernel that runs the setup cell and then one section's cells: every cell either
  works or fails with nnlesson's one-line message naming the cell above that makes the
  missing name (never a raw ``NameError`` traceback, never a bare ``AssertionError``).
- The message itself (nnlesson/notebook_state.py): where a name is made, in both languages;
  a typo keeps Python's own message.

One kernel per lesson (``%reset -f`` between sections stands for a restart). Re-running a
cell twice is tested in tests/test_notebook_rerun.py (a file of its own, so that xdist's
``--dist loadfile`` can run the two on different workers).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import nbformat
import pytest

from nnlesson import authoring, notebook_state
from nnlesson.language import set_language

pytestmark = pytest.mark.notebooks
ROOT = Path(__file__).resolve().parents[1]
NAMES = authoring.notebook_names(ROOT)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


# ------------------------------------------------------------------------------------------
# The message, in-process
def lesson_of(cells: list[tuple[str, str]], name: str = "99_toy") -> notebook_state.Lesson:
    """A toy lesson from (cell_type, source) pairs, indexed as the shipped ones are."""
    nb = nbformat.v4.new_notebook()
    for kind, source in cells:
        new = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        nb.cells.append(new(source))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.ipynb"
        nbformat.write(nb, path)
        return notebook_state.read_lesson(path)


TOY = [
    ("code", "import numpy as np"),
    ("markdown", "## 1 · Data"),
    ("code", "# the data\nrng = np.random.default_rng(0)\nX, (Y, _) = rng.normal(size=3), (1, 2)"),
    ("markdown", "## 2 · Model"),
    (
        "code",
        "%matplotlib inline\ndef model(x):\n    return 2 * x\n\nfor k in range(2):\n    last = k",
    ),
    ("code", "net = model(X)"),
    ("markdown", "## 3 · Again"),
    (
        "code",
        "net = model(X) + 1\ntry:\n    import json as js\nexcept ImportError as err:\n    pass",
    ),
    ("code", "print(net, Y)"),
]


def test_the_names_a_cell_binds_are_read_from_its_code():
    assert notebook_state.names_defined("a, (b, *c) = 1, (2, 3)\nd.e = 4\nf[0] = 5") == [
        "a",
        "b",
        "c",
    ]
    source = "%pip install x\nimport os.path\nfrom math import pi as PI\nclass K: z = 1\n"
    assert notebook_state.names_defined(source) == ["os", "PI", "K"]
    assert notebook_state.names_defined("with open(p) as fh:\n    s = fh.read()") == ["fh", "s"]
    assert notebook_state.names_defined("def f():\n    inner = 1\n") == ["f"]
    assert notebook_state.names_defined("x = (") == []  # a cell that does not parse


def test_the_message_names_the_section_and_the_cell_above_that_makes_the_name():
    toy = lesson_of(TOY)
    history = [toy.cells[0], "%reset -f", toy.cells[5]]  # at the last cell, after a restart
    message = notebook_state.explain_missing_name("net", history, lessons=(toy,))
    assert message == (
        "`net` is made in section 3 · Again, in the cell that starts `net = model(X) + 1`:\n"
        "run that cell first (or Run ▸ Run All Above Selected Cell)."
    )
    message = notebook_state.explain_missing_name("rng", [toy.cells[2]], lessons=(toy,))
    assert "section 1 · Data" in message and "`rng = np.random.default_rng(0)`" in message
    message = notebook_state.explain_missing_name("np", [toy.cells[3]], lessons=(toy,))
    assert "at the top of the lesson" in message and "`import numpy as np`" in message
    # a cell no lesson holds (edited, or the learner's own): where the lesson was last
    message = notebook_state.explain_missing_name(
        "net", [toy.cells[3], "net2 = net"], lessons=(toy,)
    )
    assert "section 2 · Model" in message


def test_a_typo_or_an_unknown_lesson_keeps_pythons_message():
    toy = lesson_of(TOY)
    assert notebook_state.explain_missing_name("nett", [toy.cells[4]], lessons=(toy,)) is None
    assert notebook_state.explain_missing_name("net", ["print(net)"], lessons=(toy,)) is None
    # the setup cell alone is in every lesson: it does not tell which lesson runs
    other = lesson_of(TOY, "98_other")
    assert notebook_state.explain_missing_name("net", [toy.cells[0]], lessons=(toy, other)) is None


def test_the_lesson_is_found_from_the_notebook_file_name_when_jupyter_gives_it():
    toy, other = lesson_of(TOY), lesson_of([("code", "net = 1")], "98_other")
    message = notebook_state.explain_missing_name(
        "net", [], session="course/lessons/98_other.ipynb", lessons=(toy, other)
    )
    assert "at the top of the lesson" in message and "`net = 1`" in message


def test_the_message_speaks_chinese_in_a_chinese_lesson():
    toy = lesson_of(TOY)
    set_language("zh")
    try:
        message = notebook_state.explain_missing_name("net", [toy.cells[4]], lessons=(toy,))
    finally:
        set_language("en")
    assert message.startswith("`net` 在“2 · Model”一节、以 `net = model(X)` 开头的单元格里创建")


def test_the_message_fits_the_width_in_both_languages():
    toy = lesson_of(TOY)
    place = notebook_state.where_defined("net", toy, 5)
    for language in ("en", "zh"):
        set_language(language)
        try:
            lines = notebook_state.wrap(notebook_state.missing_name_message("net", place))
        finally:
            set_language("en")
        assert len(lines) == 2, lines
        assert all(notebook_state._columns(line) <= notebook_state.WIDTH for line in lines)
    long = "`x` 在“一个很长很长的小节标题”一节、" * 6
    assert all(notebook_state._columns(line) <= 88 for line in notebook_state.wrap(long))
    assert "".join(notebook_state.wrap(long)) == long


def test_every_shipped_lesson_is_indexed_in_both_languages():
    for language in ("en", "zh"):
        lessons = notebook_state.shipped_lessons(language)
        assert [lesson.name for lesson in lessons] == NAMES
        for lesson in lessons:
            assert "np" in lesson.defines, f"{language} {lesson.name}: numpy is imported"


# ------------------------------------------------------------------------------------------
# The lessons, in a kernel
def printed(outputs) -> str:
    """What a cell shows as text: its streams, text results and errors (figures left out)."""
    parts = []
    for out in outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            text = out.get("data", {}).get("text/plain", "")
            if not text.startswith(("<Figure", "<matplotlib")) and "Widget" not in text:
                parts.append(text + "\n")
        elif out.output_type == "error":
            parts.append(f"{out.ename}: {out.evalue}\n" + ANSI.sub("", "\n".join(out.traceback)))
    return "".join(parts)


def kernel_for(nb, folder: str):
    from nbclient import NotebookClient

    return NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": folder}},
    )


def ignored(cell) -> bool:
    return "nbval-ignore-output" in cell.metadata.get("tags", [])


MESSAGE = {  # the kernel's message in each language (notebook_state.missing_name_message)
    "": re.compile(
        r"is made (in section (?P<section>.+?)|at the top of the lesson), in the cell that "
        r"starts `(?P<opening>.+?)`: run that cell first"
    ),
    "zh": re.compile(
        r"(在“(?P<section>.+?)”一节、|在本课开头、)以 `(?P<opening>.+?)` 开头的单元格里创建"
    ),
}


def unspaced(text: str) -> str:
    """``text`` without white space (where the message's lines were cut does not matter)."""
    return "".join(text.split())


def sections(nb) -> list[tuple[str, list[int]]]:
    """(heading, indexes of its code cells) for each ``## `` section, in order."""
    found: list[tuple[str, list[int]]] = []
    for k, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            heading = next((ln for ln in cell.source.splitlines() if ln.startswith("## ")), None)
            if heading:
                found.append((heading[3:].strip(), []))
        elif cell.cell_type == "code" and found:
            found[-1][1].append(k)
    return found


@pytest.mark.parametrize("edition", ["", "zh"])
@pytest.mark.parametrize("name", NAMES)
def test_each_section_runs_after_a_restart_or_says_which_cell_to_run(name, edition):
    """A fresh kernel runs the setup cell, then one section's cells in order (``%reset -f``
    between sections stands for a restart): each cell works, or says which cell makes the
    name it misses: one above, in an earlier section or one of this section that failed."""
    nb = nbformat.read(ROOT / "solutions" / edition / f"{name}.ipynb", as_version=4)
    setup = next(k for k, c in enumerate(nb.cells) if c.cell_type == "code")
    headings = [h for h, _ in sections(nb)]
    places: set[tuple[str, str]] = set()  # (section, opening) of every code cell
    top = next(
        k
        for k, c in enumerate(nb.cells)
        if c.cell_type == "markdown" and "\n## " in f"\n{c.source}"
    )
    for heading, cells in [("", range(top))] + sections(nb):
        for k in cells:
            if nb.cells[k].cell_type == "code":
                places.add(
                    (unspaced(heading), unspaced(notebook_state._opening(nb.cells[k].source)))
                )
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        client = kernel_for(nb, folder)
        with client.setup_kernel():
            restart = nbformat.v4.new_code_cell("%reset -f")
            for s, (heading, cells) in enumerate(sections(nb)):
                client.execute_cell(restart, 0)
                client.execute_cell(nb.cells[setup], setup)
                failed: set[str] = set()
                for k in cells:
                    cell = nb.cells[k]
                    client.execute_cell(cell, k)
                    errors = [o for o in cell.outputs if o.output_type == "error"]
                    if not errors:
                        continue
                    error, text = errors[0], ANSI.sub("", "\n".join(errors[0].traceback))
                    failed.add(unspaced(notebook_state._opening(cell.source)))
                    # rejoin the message's lines: English is cut at spaces, Chinese between characters
                    lines = text.splitlines()
                    joined = "".join(lines) if edition else " ".join(ln.strip() for ln in lines)
                    match = MESSAGE[edition].search(joined)
                    where = f"section {heading!r}, cell {k} ({cell.id})"
                    # the kernel's message (two lines, or up to four where a long section title
                    # or cell opening is cut to the width), or a check's verdict on a learner's
                    # function that met the missing name, carrying the message
                    one_line = error.ename == "NameError" and len(error.traceback) <= 4
                    if match is None or not (one_line or error.ename == "ExerciseWrong"):
                        problems.append(f"{where}: {error.ename}: {error.evalue}\n{text[-600:]}")
                        continue
                    named = unspaced(match.group("section") or "")
                    opening = unspaced(match.group("opening"))
                    earlier = [""] + [unspaced(h) for h in headings[:s]]
                    above = named in earlier or (named == unspaced(heading) and opening in failed)
                    if (named, opening) not in places or not above:
                        problems.append(f"{where}: the message names {named!r} / `{opening}`")
    assert not problems, f"{edition} {name}: after a restart\n" + "\n\n".join(problems)
