"""The files repo2docker reads (mybinder.org, or an image for JupyterHub) match pyproject.toml.

``binder/requirements.txt`` must name exactly the dependencies and the ``lab`` extra of
``pyproject.toml``, with the same version ranges; ``binder/runtime.txt`` a Python that
``requires-python`` allows; ``binder/postBuild`` must install nnlesson itself and open the
course index, the same page the README's Binder link opens.
"""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: pytest itself depends on tomli there
    import tomli as tomllib

pytestmark = pytest.mark.lesson00

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
INDEX = "lessons/00_start.ipynb"


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def normalise(requirement: str) -> tuple[str, str]:
    """("name", "specifiers") with the name normalised (PEP 503) and the specifiers sorted."""
    match = re.fullmatch(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*?)\s*", requirement)
    assert match, f"cannot read the requirement {requirement!r}"
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    specifiers = ",".join(sorted(s.strip() for s in match.group(2).split(",") if s.strip()))
    return name, specifiers


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def test_binder_requirements_are_pyprojects_dependencies_and_lab_extra():
    project = pyproject()["project"]
    expected = project["dependencies"] + project["optional-dependencies"]["lab"]
    lines = requirement_lines(BINDER / "requirements.txt")
    assert sorted(map(normalise, lines)) == sorted(map(normalise, expected))


def test_binder_python_is_one_pyproject_allows():
    (line,) = requirement_lines(BINDER / "runtime.txt")
    major, minor = map(int, re.fullmatch(r"python-(\d+)\.(\d+)", line).groups())
    lowest = re.fullmatch(r">=\s*(\d+)\.(\d+)", pyproject()["project"]["requires-python"])
    assert (major, minor) >= tuple(map(int, lowest.groups()))


def test_postbuild_installs_nnlesson_and_opens_the_course_index():
    post_build = BINDER / "postBuild"
    assert post_build.stat().st_mode & stat.S_IXUSR, "postBuild must be executable"
    text = post_build.read_text()
    assert text.startswith("#!/bin/bash\n") and "set -euo pipefail" in text
    assert "pip install --no-cache-dir --no-deps -e ." in text  # the dependencies: requirements
    assert (
        '"jupyter_lab_config.json"' in text
    )  # LabApp reads it; jupyter_server_config.d it doesn't
    assert f'["default_url"] = "/lab/tree/{INDEX}"' in text
    assert (ROOT / INDEX).exists()


def test_readme_binder_link_opens_the_course_index():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"urlpath=lab/tree/{INDEX}" in readme
