"""Timing helpers shared by the benchmarks: interleaved rounds, medians, goals, the machine.

Every comparison is a *race*: each competitor runs once per round, the order alternates
from round to round, and the figure reported is the median over rounds. A ratio between
two competitors is the median of their per-round ratios, so a burst of load from another
process on this (possibly shared) machine hits both sides of the ratio alike.
"""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType

import numpy as np

# A case sets itself up when called (not timed) and returns the work to time.
Work = Callable[[], object]
Case = Callable[[], Work]


def no_setup(work: Work) -> Case:
    """A case whose work needs no untimed set-up."""
    return lambda: work


@dataclass
class Race:
    """Seconds per round for every competitor of one race."""

    times: dict[str, list[float]]

    def median(self, name: str) -> float:
        return statistics.median(self.times[name])

    def ratio(self, slower: str, faster: str) -> float:
        """How many times longer ``slower`` took than ``faster``: median of per-round ratios."""
        pairs = zip(self.times[slower], self.times[faster])
        return statistics.median(a / b for a, b in pairs)

    @property
    def rounds(self) -> int:
        return len(next(iter(self.times.values())))


def race(cases: Mapping[str, Case], rounds: int, *, warmup: bool = True) -> Race:
    """Run every case once per round, alternating the order, after one untimed warm-up round."""
    names = list(cases)
    if warmup:
        for name in names:
            cases[name]()()
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            work = cases[name]()
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return Race(times)


@dataclass
class Goal:
    """One target of issue 7 and what this run measured for it."""

    what: str
    measured: str
    target: str
    met: bool | None  # None: not measured (PyTorch missing, section skipped)


def verdict(goal: Goal) -> str:
    return {True: "met", False: "MISSED", None: "-"}[goal.met]


def seconds(t: float) -> str:
    """A duration with a sensible unit: 1.23 s, 45.6 ms, 7.8 us."""
    if t >= 1.0:
        return f"{t:.2f} s"
    if t >= 1e-3:
        return f"{t * 1e3:.1f} ms"
    return f"{t * 1e6:.1f} us"


def table(rows: list[list[str]], header: list[str], indent: str = "  ") -> str:
    """A plain-text table with columns padded to their widest cell."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [indent + "  ".join(cell.ljust(w) for cell, w in zip(header, widths)).rstrip()]
    lines.append(indent + "  ".join("-" * w for w in widths))
    for row in rows:
        lines.append(indent + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def load_torch() -> ModuleType | None:
    """PyTorch if it is installed (``pip install torch==2.13.0``), else None."""
    try:
        import torch
    except ImportError:
        return None
    return torch


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def blas_name() -> str:
    """The BLAS numpy was built with, e.g. 'scipy-openblas 0.3.31.188.0'."""
    config = getattr(np, "__config__", None)
    info = getattr(config, "CONFIG", {}).get("Build Dependencies", {}).get("blas", {})
    return f"{info.get('name', '?')} {info.get('version', '')}".strip()


def machine_description(torch: ModuleType | None) -> list[str]:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    torch_text = "not installed"
    if torch is not None:
        torch_text = f"{torch.__version__} ({torch.get_num_threads()} threads)"
    return [
        f"CPU: {cpu_model()}, {os.cpu_count()} cores; load average at start {load}",
        f"Python {platform.python_version()}, numpy {np.__version__} ({blas_name()}), "
        f"PyTorch {torch_text}",
    ]
