"""Build the course website into ``build/site/`` (``make site``).

1. Stage the pages in ``build/site-src/``: a home page with the syllabus (every lesson's
   title and one-line summary, read from the notebooks) and the student lessons from
   ``lessons/``, with their stored outputs (nbval checks them; nothing is re-executed).
2. Self-host the scripts a page needs: MathJax 3, RequireJS and the ipywidgets HTML
   manager are installed from npm once (cached in ``build/site-assets/``) and copied into
   the site's ``_static/``, so no page loads a script or font from another host.
3. ``sphinx-build -W --keep-going -n``: a warning fails the build.
4. The Chinese edition (``lessons/zh/``) the same way into ``build/site/zh/``, a site of
   its own with its own search (Sphinx's Chinese search, which splits words with jieba);
   each home page links to the other.
"""

from __future__ import annotations

import argparse
import json
import os
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


def home_page(lessons: list[Path], language: str = "en") -> str:
    # pages sit where the notebooks sit in the repository (lessons/, lessons/zh/), so the
    # launch and download buttons of a page open the right notebook
    prefix = "lessons/zh/" if language == "zh" else "lessons/"
    rows = []
    for path in lessons:
        title, summary = lesson_title_and_summary(path)
        rows.append(f"| [{title}]({prefix}{path.stem}.ipynb) | {summary} |")
    toc = "\n".join(f"{prefix}{p.stem}" for p in lessons)
    if language == "zh":
        return f"""# nnlesson（中文版）

<a href="../index.html">English edition</a>

**反向传播到底是怎样改变权重的？** 这门课把这一个问题讲透：从单个神经元开始，手算经典
2-2-2 算例的每一个数，再到轮、批量与迭代、各种优化器、异或，最后识别手写数字。

这里可以阅读每一课，所有输出都是代码算出来的。要运行它们，打开一课，用页面顶部的按钮
（Binder 或 Colab），或者下载（下载按钮），或者在自己的电脑上安装：

```bash
pip install nnlesson
python -m nnlesson lessons my-course --lang zh   # 把中文课复制到 my-course/
jupyter lab my-course/00_start.ipynb
```

## 课程

| 课 | 学完你能做到 |
|---|---|
{chr(10).join(rows)}

```{{toctree}}
:hidden:
:maxdepth: 1

{toc}
```
"""
    return f"""# nnlesson

<a href="zh/index.html">中文版 (Chinese edition)</a>

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


def stage(src: Path, modules: Path, language: str = "en") -> None:
    if src.exists():
        shutil.rmtree(src)
    folder = ROOT / "lessons" / ("zh" if language == "zh" else "")
    (src / folder.relative_to(ROOT)).mkdir(parents=True)
    lessons = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    for path in lessons:
        shutil.copyfile(path, src / path.relative_to(ROOT))
    (src / "index.md").write_text(home_page(lessons, language), encoding="utf-8")
    shutil.copyfile(CONF / "conf.py", src / "conf.py")
    static = src / "_static"
    shutil.copytree(modules / "mathjax" / "es5", static / "mathjax")
    widgets = static / "widgets"
    manager = modules / "@jupyter-widgets" / "html-manager" / "dist"
    shutil.copytree(manager, widgets, ignore=shutil.ignore_patterns("embed.js", "libembed*"))
    shutil.copyfile(modules / "requirejs" / "require.js", widgets / "require.js")
    if language == "zh":  # works around Sphinx 9's Chinese search data (see the file)
        shutil.copyfile(CONF / "chinese-stemmer.js", static / "chinese-stemmer.js")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "site")
    args = parser.parse_args(argv)
    modules = npm_assets(ROOT / "build" / "site-assets")
    for language, src, out in [
        ("en", ROOT / "build" / "site-src", args.out),
        ("zh", ROOT / "build" / "site-src-zh", args.out / "zh"),
    ]:
        if language == "zh" and not (ROOT / "lessons" / "zh").exists():
            continue
        stage(src, modules, language)
        cmd = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-b", "html"]
        cmd += [str(src), str(out)]
        # conf.py reads the edition's language (titles, search) from the environment
        subprocess.run(cmd, check=True, env=dict(os.environ, NNLESSON_SITE_LANGUAGE=language))
    print(f"The course website is in {args.out} (open {args.out / 'index.html'}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
