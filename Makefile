# nnlesson: two commands on a fresh machine with Python 3.10+.
#   make lab    set up a learner's .venv (the package, JupyterLab) and open the course
#   make test   set up .venv-dev (everything) and run every test (lint, unit tests, nbval)
PYTHON ?= python3
VENV   ?= .venv-dev
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LAB_VENV  ?= .venv
LAB_STAMP := $(LAB_VENV)/.installed
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=

.PHONY: setup lab test test-lowest lint unit notebooks lessons bench site clean

# Maintainers and CI: the package with every extra (lab, author, teach, site, test tools).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

# A learner's install: the package and JupyterLab, no test or teacher tools.
$(LAB_STAMP): pyproject.toml
	$(PYTHON) -m venv $(LAB_VENV)
	$(LAB_VENV)/bin/python -m pip install --upgrade pip
	$(LAB_VENV)/bin/python -m pip install -e '.[lab]'
	touch $(LAB_STAMP)

# JupyterLab refuses to run as root unless told; containers often are root.
LAB_ROOT := $(shell [ "$$(id -u 2>/dev/null)" = 0 ] && echo --allow-root)

lab: $(LAB_STAMP)
	$(LAB_VENV)/bin/jupyter lab $(LAB_ROOT) --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/lessons/00_start.ipynb $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m nnlesson.authoring check
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --nbval-cell-timeout=600 $(PYTEST_ARGS) \
		--nbval --nbval-current-env tests lessons solutions

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/python -m pytest tests

notebooks: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --nbval --nbval-current-env lessons solutions

# Benchmarks (issue 7): figures and ratios, not tests. PyTorch is optional:
# $(BIN)/python -m pip install torch==2.13.0 (a CPU build; plain "torch" pulls CUDA).
# The panels in JupyterLab in Chromium (issue 19): make bench BENCH_ARGS="--only browser".
BENCH_ARGS ?= --notebooks
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# The course website in build/site/ (Sphinx, stored outputs, self-hosted MathJax and widgets;
# npm fetches those once). Warnings are errors.
site: $(STAMP)
	$(BIN)/python docs/site/build.py

# Maintainers: after editing solutions/NN_name.ipynb, regenerate and re-execute.
lessons: $(STAMP)
	$(BIN)/python -m nnlesson.authoring build $(NAMES)

# The oldest versions pyproject.toml allows, on the oldest Python it allows.
PYTHON_LOWEST ?= python3.10
LOWEST := numpy==1.24.* matplotlib==3.7.* ipywidgets==8.0.* scikit-learn==1.2.*
test-lowest:
	$(PYTHON_LOWEST) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --upgrade pip
	.venv-lowest/bin/python -m pip install -e '.[test]' $(LOWEST)
	.venv-lowest/bin/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
		--nbval --nbval-current-env tests lessons solutions

clean:
	rm -rf $(VENV) $(LAB_VENV) .venv-lowest *.egg-info build/site
