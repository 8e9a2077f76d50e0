"""nnlesson's benchmarks (issue 7): ``make bench``, or ``python benchmarks/run.py --notebooks``.

Five sections (six with ``--browser``), each a race run side by side in this one process
(interleaved rounds, medians), then one table of every target:

1. a tiny net (XOR 2-4-1): nnlesson vs a bare numpy loop vs PyTorch;
2. course-sized and larger nets (784-128-10, 784-512-10): nnlesson vs PyTorch, and the
   share of numpy's own matrix-multiply rate that training reaches;
3. 1000 random starts at once (``Ensemble``) vs one network at a time;
4. what a learner feels: the XOR panel's callback, ``import nnlesson``, and (with
   ``--notebooks``) every lesson run top to bottom in a fresh kernel;
5. lesson 12's digits network: nnlesson vs scikit-learn's ``MLPClassifier`` (same network,
   Adam, batch size, epochs, float64), and the digits panel's callback;
6. with ``--browser`` (or ``--only browser``): every panel in JupyterLab in headless
   Chromium, key press to new picture on screen, beside the same move in-process
   (``benchmarks/browser.py``; needs Chromium and Playwright, takes minutes).

PyTorch is optional (``pip install torch==2.13.0``, a CPU build); without it its
columns say "not installed". Not part of the tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import time

import big_nets
import digits
import learner
import many_starts
import tiny_nets
from timing import Goal, load_torch, machine_description, table, verdict

SECTIONS = ("tiny", "big", "many", "learner", "digits", "browser")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--notebooks", action="store_true", help="also run every lesson top to bottom (slow)"
    )
    parser.add_argument(
        "--browser",
        action="store_true",
        help="also time every panel in JupyterLab in headless Chromium (slow)",
    )
    parser.add_argument(
        "--only", choices=SECTIONS, action="append", help="run only this section (repeatable)"
    )
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds per race")
    args = parser.parse_args()
    sections = args.only or [s for s in SECTIONS if s != "browser" or args.browser]
    torch = load_torch()
    start = time.perf_counter()
    print("nnlesson benchmarks")
    for line in machine_description(torch):
        print("  " + line)
    print()
    goals: list[Goal] = []
    if "tiny" in sections:
        goals += tiny_nets.run(torch, args.rounds)
    if "big" in sections:
        goals += big_nets.run(torch, args.rounds)
    if "many" in sections:
        goals += many_starts.run(max(3, args.rounds - 2))
    if "learner" in sections:
        goals += learner.run(args.rounds, notebooks=args.notebooks)
    if "digits" in sections:
        goals += digits.run(args.rounds)
    if "browser" in sections:
        import browser  # this directory's browser.py (the panels in JupyterLab)

        goals += browser.run()
    print("Targets")
    rows = [[g.what, g.measured, g.target, verdict(g)] for g in goals]
    print(table(rows, ["", "measured", "target", ""]))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\n  total {time.perf_counter() - start:.0f} s; load average at the end {load}")


if __name__ == "__main__":
    main()
