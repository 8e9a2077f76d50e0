# nnlesson: two commands on a fresh machine with Python 3.10+.
#   make lab    set everything up in .venv and open the course in JupyterLab
#   make test   set everything up in .venv and run every test (lint, unit tests, nbval)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=

.PHONY: setup lab test test-lowest lint unit notebooks lessons bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[lab,test]'
	touch $(STAMP)

setup: $(STAMP)

# JupyterLab refuses to run as root unless told; containers often are root.
LAB_ROOT := $(shell [ "$$(id -u 2>/dev/null)" = 0 ] && echo --allow-root)

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_ROOT) --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/lessons/00_start.ipynb $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m nnlesson.authoring check
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile $(PYTEST_ARGS) \
		--nbval --nbval-current-env tests lessons solutions

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

unit: $(STAMP)
	$(BIN)/python -m pytest tests

notebooks: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile --nbval --nbval-current-env lessons solutions

# Benchmarks (issue 7): figures and ratios, not tests. PyTorch is optional:
# $(BIN)/python -m pip install torch==2.13.0 (a CPU build; plain "torch" pulls CUDA).
BENCH_ARGS ?= --notebooks
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# Maintainers: after editing solutions/NN_name.ipynb, regenerate and re-execute.
lessons: $(STAMP)
	$(BIN)/python -m nnlesson.authoring build $(NAMES)

# The oldest versions pyproject.toml allows, on the oldest Python it allows.
PYTHON_LOWEST ?= python3.10
LOWEST := numpy==1.24.* matplotlib==3.7.* ipywidgets==8.0.* scikit-learn==1.2.*
test-lowest:
	$(PYTHON_LOWEST) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --upgrade pip
	.venv-lowest/bin/python -m pip install -e '.[lab,test]' $(LOWEST)
	.venv-lowest/bin/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
		--nbval --nbval-current-env tests lessons solutions

clean:
	rm -rf $(VENV) .venv-lowest *.egg-info
