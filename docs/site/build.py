"""Build the course website into ``build/site/`` (``make site``).

1. Stage the pages in ``build/site-src/``: a home page with the syllabus (every lesson's
   title and one-line summary, read from the notebooks) and the student lessons from
   ``lessons/``, with their stored outputs (nbval checks them; nothing is re-executed).
2. Self-host the scripts a page needs: MathJax 3, RequireJS and the ipywidgets HTML
   manager are installed from npm once (cached in ``build/site-assets/``) and copied into
   the site's ``_static/``, so no page loads a script or font from another host.
3. ``sphinx-build -W --keep-going -n``: a warning fails the build.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "docs" / "site"
NPM_PACKAGES = ["mathjax@3.2.2", "@jupyter-widgets/html-manager@1.0.15", "requirejs@2.3.7"]


def lesson_title_and_summary(path: Path) -> tuple[str, str]:
    """The lesson's ``# Lesson NN · Title`` heading and its metadata summary (may be empty)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    title = path.stem
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            text = "".join(cell["source"]).strip()
            if text.startswith("# "):
                title = text.splitlines()[0][2:].strip()
                break
    summary = nb.get("metadata", {}).get("nnlesson", {}).get("summary", "")
    return title, summary


def home_page(lessons: list[Path]) -> str:
    rows = []
    for path in lessons:
        title, summary = lesson_title_and_summary(path)
        rows.append(f"| [{title}](lessons/{path.stem}.ipynb) | {summary} |")
    toc = "\n".join(f"lessons/{p.stem}" for p in lessons)
    return f"""# nnlesson

**How does back-propagation actually change the weights?** This course answers that one
question completely, from a single neuron, through every number of the classic 2-2-2 worked
example, to epochs and batches, optimizers, XOR and handwritten digits.

Read the lessons here, with every output as the code computed it. To run them, open a lesson
and use the launch button at the top (Binder or Colab), download it (the download button), or
install the course on your machine:

```bash
pip install nnlesson
python -m nnlesson lessons my-course    # copies the lessons into my-course/
jupyter lab my-course/00_start.ipynb
```

## Syllabus

| lesson | what you will learn |
|---|---|
{chr(10).join(rows)}

```{{toctree}}
:hidden:
:maxdepth: 1

{toc}
```
"""


def npm_assets(cache: Path) -> Path:
    """node_modules with MathJax, RequireJS and the widget manager (installed once)."""
    modules = cache / "node_modules"
    if not (modules / "mathjax" / "es5" / "tex-chtml.js").exists():
        cache.mkdir(parents=True, exist_ok=True)
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("make site needs npm (Node.js) to fetch MathJax and the widget manager.")
        subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(cache)]
            + NPM_PACKAGES,
            check=True,
        )
    return modules


def stage(src: Path, modules: Path) -> None:
    if src.exists():
        shutil.rmtree(src)
    (src / "lessons").mkdir(parents=True)
    lessons = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
    for path in lessons:
        shutil.copyfile(path, src / "lessons" / path.name)
    (src / "index.md").write_text(home_page(lessons), encoding="utf-8")
    shutil.copyfile(CONF / "conf.py", src / "conf.py")
    static = src / "_static"
    shutil.copytree(modules / "mathjax" / "es5", static / "mathjax")
    widgets = static / "widgets"
    manager = modules / "@jupyter-widgets" / "html-manager" / "dist"
    shutil.copytree(manager, widgets, ignore=shutil.ignore_patterns("embed.js", "libembed*"))
    shutil.copyfile(modules / "requirejs" / "require.js", widgets / "require.js")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site")
    args = parser.parse_args(argv)
    src = ROOT / "build" / "site-src"
    stage(src, npm_assets(ROOT / "build" / "site-assets"))
    cmd = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    cmd += [str(src), str(args.out)]
    subprocess.run(cmd, check=True)
    print(f"The course website is in {args.out} (open {args.out / 'index.html'}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
