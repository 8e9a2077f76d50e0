"""Sphinx settings of the course website (``make site``; see ``docs/site/build.py``).

The pages are the student lessons with the outputs nbval checked: nothing is re-executed.
Self-hosted: MathJax, RequireJS and the ipywidgets manager are served from the site's own
``_static/`` (``build.py`` copies them from npm packages), so a page loads no script or
font from another host.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# build.py copies this file into build/site-src/: two levels up is the repository either way
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import nnlesson  # noqa: E402

# The one setting for where the course is published: the repository and launch buttons
# (Binder, Colab) follow it. Set NNLESSON_REPOSITORY_URL when building for a fork.
REPOSITORY_URL = os.environ.get("NNLESSON_REPOSITORY_URL", "https://github.com/nnlesson/nnlesson")
BRANCH = os.environ.get("NNLESSON_REPOSITORY_BRANCH", "main")

project = "nnlesson"
author = "The nnlesson authors"
copyright = "2026, The nnlesson authors (MIT licence)"
release = version = nnlesson.__version__

extensions = ["myst_nb"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
nb_execution_mode = "off"  # the stored, nbval-checked outputs
nb_merge_streams = True
# a check's feedback is its message, not a Python traceback: show it as plain text
nb_render_error_lexer = "text"
myst_enable_extensions = ["dollarmath", "amsmath", "html_image"]
myst_heading_anchors = 3
suppress_warnings = ["mystnb.unknown_mime_type"]

# Self-hosted scripts (copied into _static by build.py).
mathjax_path = "mathjax/tex-chtml.js"
nb_ipywidgets_js = {
    "widgets/require.js": {},
    "widgets/embed-amd.js": {"data-jupyter-widgets-cdn": "widgets/", "crossorigin": "anonymous"},
}

# The edition: build.py sets NNLESSON_SITE_LANGUAGE=zh for the Chinese site (build/site/zh),
# whose search splits Chinese words with jieba.
LANGUAGE = os.environ.get("NNLESSON_SITE_LANGUAGE", "en")
language = "zh_CN" if LANGUAGE == "zh" else "en"

html_theme = "sphinx_book_theme"
html_title = (
    "nnlesson：反向传播怎样改变权重"
    if LANGUAGE == "zh"
    else "nnlesson: how back-propagation changes the weights"
)
html_static_path = ["_static"]
html_search_language = "zh" if LANGUAGE == "zh" else "en"
# Sphinx 9's Chinese search names a ChineseStemmer it never defines: docs/site/chinese-stemmer.js
html_js_files = ["chinese-stemmer.js"] if LANGUAGE == "zh" else []
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": BRANCH,
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "launch_buttons": {
        "binderhub_url": "https://mybinder.org",
        "colab_url": "https://colab.research.google.com",
        "notebook_interface": "jupyterlab",
    },
}
