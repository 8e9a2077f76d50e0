"""Section 4: what a learner feels.

* The XOR panel (lesson 11): every slider release calls ``nnlesson.widgets.show_xor``,
  which retrains from scratch and renders the PNG the browser shows (into one reused
  figure). Timed here in-process with the default settings, side by side with the way it
  was first written: a new pyplot figure per call, turned into a PNG as Jupyter's inline
  backend does (``bbox_inches="tight"``).
* ``import nnlesson`` in a fresh Python process.
* With ``--notebooks``: every notebook in ``lessons/`` executed top to bottom with
  nbclient, each in a fresh kernel, as "Restart Kernel and Run All Cells" would.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from timing import Goal, Work, no_setup, race, seconds, table  # noqa: E402

from nnlesson import widgets  # noqa: E402
from nnlesson.data import xor  # noqa: E402
from nnlesson.plots import plot_decision_boundary  # noqa: E402

LESSONS = Path(__file__).resolve().parent.parent / "lessons"


def panel_case() -> Work:
    def work() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            widgets.show_xor()

    return work


def new_figure_case() -> Work:
    """The first version of the callback: a new pyplot figure each time, inline PNG."""

    def work() -> None:
        net, history = widgets.train_xor()
        X, Y = xor()
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.0, 3.4))
        plot_decision_boundary(lambda P: net.forward(P)[:, 0], X, Y, ax=left, resolution=61)
        right.plot(np.arange(1, len(history.epoch_loss) + 1), history.epoch_loss)
        right.set_yscale("log")
        fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
        plt.close(fig)

    return work


IMPORT_TIMER = (
    "import time; start = time.perf_counter(); import nnlesson; print(time.perf_counter() - start)"
)


def import_times(repeats: int) -> list[float]:
    """Seconds for ``import nnlesson`` in ``repeats`` fresh processes (after one warm-up)."""
    times = []
    for _ in range(repeats + 1):
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_TIMER], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout))
    return times[1:]


def run_notebook(path: Path) -> tuple[float, float]:
    """(seconds from kernel start to the last cell's end, seconds for the cells alone)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    marks: dict[str, float] = {}

    def ready(**_: object) -> None:
        marks["ready"] = time.perf_counter()

    def cell_done(**_: object) -> None:
        marks["done"] = time.perf_counter()

    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        on_notebook_start=ready,
        on_cell_executed=cell_done,
    )
    start = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)  # the kernel's own log lines, not the cells'
    return marks["done"] - start, marks["done"] - marks["ready"]


def run(rounds: int, *, notebooks: bool) -> list[Goal]:
    print("4. What a learner feels")
    result = race(
        {
            "show_xor() (train + PNG)": no_setup(panel_case()),
            "new figure per call": no_setup(new_figure_case()),
        },
        max(rounds, 9),
    )
    rows = [[name, seconds(result.median(name))] for name in result.times]
    imports = import_times(max(rounds, 7))
    rows.append(["import nnlesson (fresh process)", seconds(statistics.median(imports))])
    print(table(rows, ["", "median"]))
    print(f"  ({result.rounds} interleaved rounds of the panel, {len(imports)} fresh imports)")
    callback = result.median("show_xor() (train + PNG)")
    before = result.median("new figure per call")
    imported = statistics.median(imports)
    goals = [
        Goal("XOR panel callback, PNG included", seconds(callback), "<= 150 ms", callback <= 0.150),
        Goal("  a new figure per call instead", seconds(before), "(was)", None),
        Goal("import nnlesson", seconds(imported), "<= 0.3 s", imported <= 0.3),
    ]
    if notebooks:
        goals += run_notebooks()
    else:
        goals.append(Goal("slowest lesson, top to bottom", "skipped", "<= 10 s", None))
    print()
    return goals


def run_notebooks() -> list[Goal]:
    print("  lessons/*.ipynb, each in a fresh kernel (once each), slowest first:")
    runs = {path.name: run_notebook(path) for path in sorted(LESSONS.glob("*.ipynb"))}
    order = sorted(runs, key=lambda name: runs[name][0], reverse=True)
    rows = [[name, seconds(runs[name][0]), seconds(runs[name][1])] for name in order]
    print(table(rows, ["", "kernel start + cells", "cells alone"], indent="    "))
    slowest = order[0]
    worst = runs[slowest][0]
    return [
        Goal(f"slowest lesson ({slowest}), fresh kernel", seconds(worst), "<= 10 s", worst <= 10)
    ]
