"""The package as a learner gets it: built, checked, installed alone, and used outside the repo.

``python -m build`` makes the sdist and the wheel (setuptools from PyPI, in build's own
isolated environment), ``twine check`` reads their metadata as PyPI would. The sdist is the
package source with the student lessons and holds no tests (they need the whole repository).
Then a fresh venv gets the wheel and a kernel (ipykernel, nbclient to run it) and nothing
else: ``python -m nnlesson lessons DEST`` copies the lessons into a folder outside the
repository and one lesson executes there top to bottom.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.name for p in (ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
# both editions, as paths under lessons/: "00_start.ipynb", ..., "zh/00_start.ipynb", ...
EDITIONS = sorted(
    str(p.relative_to(ROOT / "lessons")) for p in (ROOT / "lessons").glob("**/[0-9][0-9]_*.ipynb")
)


def run(*cmd: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    return out


def test_sdist_and_wheel_pass_twine_check(dist):
    files = sorted(dist.iterdir())
    assert [f.suffix for f in files] == [".whl", ".gz"], files
    assert "PASSED" in run(sys.executable, "-m", "twine", "check", *files)


def test_wheel_has_package_lessons_and_licence_but_no_solutions(dist):
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    inside = sorted(n.removeprefix("nnlesson/lessons/") for n in names if n.endswith(".ipynb"))
    assert inside == EDITIONS
    assert any(n.endswith("fonts/nnlesson-zh.otf") for n in names), "the Chinese figures' font"
    assert any(n.endswith("licenses/LICENSE") for n in names)
    assert not any("solution" in n for n in names), "solutions must never ship to learners"
    metadata = (
        zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("METADATA"))).decode()
    )
    import nnlesson

    assert f"Version: {nnlesson.__version__}" in metadata
    assert "License-Expression: MIT" in metadata


def test_sdist_is_the_source_without_tests(dist):
    (sdist,) = dist.glob("*.tar.gz")
    names = [n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n]
    assert "LICENSE" in names and "pyproject.toml" in names and "nnlesson/checks.py" in names
    assert (
        sorted(
            n.removeprefix("lessons/")
            for n in names
            if n.startswith("lessons/") and n.endswith(".ipynb")
        )
        == EDITIONS
    )
    assert not [n for n in names if n.startswith(("tests/", "solutions/"))]


def test_a_fresh_venv_installs_the_wheel_from_the_setup_cell_and_runs_a_lesson(dist, tmp_path):
    """As on Colab: a kernel without nnlesson runs a lesson's setup cell, which installs it."""
    import os

    from nnlesson.authoring import SETUP_SOURCE

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "ipykernel", "nbclient")
    # the setup cell's `%pip install nnlesson` finds the wheel just built (not yet on PyPI)
    env = dict(os.environ, PIP_FIND_LINKS=str(dist), PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    setup = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(sys.argv[1]),
                                     nbformat.v4.new_code_cell("print(nnlesson.__file__)")])
NotebookClient(nb, kernel_name="python3", timeout=600).execute()
for cell in nb.cells:
    for out in cell.outputs:
        print(out.get("text", out.get("evalue", "")), end="")
"""
    done = subprocess.run(
        [python, "-c", setup, SETUP_SOURCE],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("nnlesson is not installed here: installing it with pip")
    assert "site-packages/nnlesson/__init__.py" in done.stdout, done.stdout

    outside = tmp_path / "my course"
    out = run(python, "-m", "nnlesson", "lessons", outside, cwd=tmp_path)
    assert f"Copied {len(LESSONS)} lessons" in out
    assert sorted(p.name for p in outside.iterdir()) == LESSONS
    chinese = tmp_path / "我的课程"
    out = run(python, "-m", "nnlesson", "lessons", chinese, "--lang", "zh", cwd=tmp_path)
    assert f"Copied {len(LESSONS)} lessons" in out
    assert sorted(p.name for p in chinese.iterdir()) == LESSONS
    first = json.loads((chinese / LESSONS[0]).read_text(encoding="utf-8"))
    assert any('set_language("zh")' in "".join(c["source"]) for c in first["cells"])
    # the installed package carries the Chinese figures' font
    run(python, "-c", "import nnlesson; nnlesson.set_language('zh')", cwd=tmp_path)
    # the learner's work is never overwritten without --force
    again = subprocess.run(
        [python, "-m", "nnlesson", "lessons", outside], capture_output=True, text=True
    )
    assert again.returncode == 1 and "--force" in again.stderr and "Traceback" not in again.stderr
    script = """
import sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name="python3", allow_errors=True, timeout=300,
               resources={"metadata": {"path": sys.argv[2]}}).execute()
bad = [k for k, c in enumerate(nb.cells) if c.cell_type == "code"
       and any(o.output_type == "error" for o in c.outputs)
       and "raises-exception" not in c.metadata.get("tags", [])]
print("unexpected errors in cells", bad)
"""
    lesson = outside / "01_neuron.ipynb"
    result = run(python, "-c", script, lesson, outside, cwd=outside)
    assert result.strip().endswith("unexpected errors in cells []"), result
    assert json.loads(lesson.read_text())["cells"], "the copied lesson is a notebook"


def test_authoring_without_its_extra_names_the_extra(monkeypatch):
    """A learner's install has no nbformat: importing the maintainers' tool says what to do."""
    import importlib

    monkeypatch.setitem(sys.modules, "nbformat", None)  # import nbformat now fails
    monkeypatch.delitem(sys.modules, "nnlesson.authoring", raising=False)
    with pytest.raises(ModuleNotFoundError, match=r"pip install 'nnlesson\[author\]'"):
        importlib.import_module("nnlesson.authoring")
    monkeypatch.undo()
    importlib.import_module("nnlesson.authoring")
