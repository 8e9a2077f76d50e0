"""Section 6 (``--browser``): what a learner feels in the browser, from key press to new picture.

For every lesson with an interactive panel (05, 06, 07, 09, 11, 12) this opens a scratch copy
of ``lessons/NN_*.ipynb`` in JupyterLab in headless Chromium (``tests/browser.py``'s
``lab_server`` and ``open_and_run_all``), runs every cell, focuses the panel's main control
and presses a key ten times, one move at a time (ArrowRight on a slider, turning back at its
end; Enter on lesson 06's "step one batch" button). Each move is timed in the page with
``performance.now()``:

* **key → DOM**: from the ``keydown`` event to the moment a ``MutationObserver`` on the
  panel's output sees the output describe the new setting (its text names the new value) and,
  for a panel with a picture, hold an ``<img>`` whose ``src`` is new;
* **key → screen**: the same, plus decoding that image (``img.decode()``) and the next frame
  (``requestAnimationFrame``, then a task): the picture is on the screen.

Beside it, **Python side**: the same ten moves made in-process in a kernel that ran the same
lesson (nbclient): the control's ``value`` is set (or the button clicked) exactly as the
browser's message would, so the panel's own callback runs, drawing and ``display`` included;
median and maximum of the ten. The difference between the two columns is the round trip
(websocket, comm messages, JupyterLab rendering the output, decoding the PNG).

It also counts the pictures each panel drew before the first move (the run of its cell and
any values the browser echoed back): a panel should draw once.

Not a test: nothing asserts a time. Run ``python benchmarks/run.py --browser`` (or this file
directly, ``--lessons 05 11`` for a few). Needs ``/usr/bin/chromium`` and Playwright.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import Goal, cpu_model, table  # noqa: E402

MOVES = 10
TARGET_MEDIAN, TARGET_MAX = 0.100, 0.200  # seconds, key press to picture on screen


def bounce(start: int, lo: int, hi: int, moves: int = MOVES) -> list[tuple[str, int]]:
    """``moves`` single steps from grid index ``start``: right until ``hi``, then left, ...

    Returns (key, new index) per move.
    """
    out, i, step = [], start, 1
    for _ in range(moves):
        if not lo <= i + step <= hi:
            step = -step
        i += step
        out.append(("ArrowRight" if step > 0 else "ArrowLeft", i))
    return out


@dataclass
class PanelCase:
    """One panel's main control and what its output says after each of the ten moves."""

    lesson: str  # lessons/<lesson>.ipynb
    name: str  # the row's name
    label: str  # the control's description (slider) or text (button)
    picture: bool  # the output holds an image that must change
    moves: list[tuple[str, object]]  # (key, the control's new value) per move
    marker: str  # format string with {v} (the new value) or {n} (move number): the output's text
    cell: str = ""  # a piece of the panel cell's source, to scroll the notebook to it
    kind: str = "slider"  # or "button"
    extra: dict = field(default_factory=dict)
    # builds the panel in this process, for the Python-side timing; None: a kernel runs the
    # lesson (its panel's callback is defined in the lesson) and times the moves there
    direct: Callable[[], object] | None = None

    def markers(self) -> list[str]:
        return [
            self.marker.format(v=v, n=n + 1, **self.extra) for n, (_, v) in enumerate(self.moves)
        ]


def log_slider(low: float, step: float, start: int, top: int) -> list[tuple[str, float]]:
    """Moves of a ``FloatLogSlider`` whose exponent runs over ``low + step * i``, i = 0..top."""
    return [(key, 10 ** (low + step * i)) for key, i in bounce(start, 0, top)]


def cases() -> list[PanelCase]:
    lr05 = log_slider(-3.0, 0.02, 50, 115)  # exponent -3 .. log10(0.2), from 0.01
    races_lr = log_slider(-5.0, 0.125, 28, 32)  # exponent -5 .. -1, from 10**-1.5
    lam09 = log_slider(-4.0, 1.0, 2, 4)  # 1e-4 .. 1, from 0.01
    return [
        PanelCase(
            "05_gradient_descent",
            "05 learning rate",
            "lr",
            True,
            lr05,
            "lr = {v:.4f}: ",
            cell="picture_panel(\n    rate_view",
        ),
        PanelCase(
            "06_epochs_batches",
            "06 step buttons",
            "step one batch",
            False,
            [("Enter", n) for n in range(1, MOVES + 1)],
            "step one batch: iteration {v},",
            cell="step_panel.widget()",
            kind="button",
        ),
        PanelCase(
            "07_optimizers",
            "07 optimizer race",
            "lr GD/mom.",
            True,
            races_lr,
            "GD        lr {v:<8.3g} ",
            cell="races.race_panel()",
            # in a kernel driven by nbclient, the race panel's moves time out after they ran
            direct=lambda: __import__("nnlesson.races", fromlist=["race_panel"]).race_panel(),
        ),
        PanelCase(
            "09_generalisation",
            "09 L2 strength",
            "lambda",
            True,
            lam09,
            "lambda = {v:g}: ",
            cell="picture_panel(\n    fit_view",
        ),
        PanelCase(
            "11_xor",
            "11 XOR, hidden units",
            "hidden units",
            True,
            bounce(4, 1, 8),
            "hidden={v} sigmoid adam lr=0.05 batch=4 epochs=300 ",
            cell="xor_panel()",
        ),
        PanelCase(
            "11_xor",
            "11 XOR, epochs",
            "epochs",
            True,
            [(k, 10 * i) for k, i in bounce(30, 1, 200)],
            " epochs={v} ",
            cell="xor_panel()",
        ),
        PanelCase(
            "12_digits",
            "12 digits, test digit #",
            "test digit #",
            True,
            bounce(0, 0, 359),
            "test digit #{v} (",
            cell="digits_panel(",
        ),
    ]


# --- in the page ---------------------------------------------------------------------------

# The panel: the output area (of a cell) holding a widget labelled ``label``.
FIND_PANEL = """
([label, kind]) => {
  const match = (e) => e.textContent.trim() === label;
  const candidates = kind === 'button'
    ? Array.from(document.querySelectorAll('.jp-OutputArea-output button')).filter(match)
    : Array.from(document.querySelectorAll('.jp-OutputArea-output .widget-label')).filter(match);
  if (candidates.length === 0) return null;
  const control = candidates[0];
  const root = control.closest('.jp-OutputArea-output');
  let focus = control;
  if (kind !== 'button') focus = control.closest('.widget-slider').querySelector('.noUi-handle');
  window.__nnPanel = {root, focus};
  return true;
}
"""

# Before the first move: count every new picture under the panel's outputs from now on,
# and time key presses.
INSTALL = """
() => {
  window.__nnKey = null;
  window.addEventListener('keydown', () => {
    if (window.__nnKey === null) window.__nnKey = performance.now();
  }, true);
}
"""

ARM = """
([marker, picture, previous]) => {
  const root = window.__nnPanel.root;
  window.__nnKey = null;
  const result = {dom: null, screen: null};
  window.__nnResult = result;
  const lastImage = () => {
    const images = root.querySelectorAll('.widget-output img, img.widget-image, .widget-image img, img');
    return images.length ? images[images.length - 1] : null;
  };
  const ready = () => {
    if (!root.textContent.includes(marker)) return null;
    if (!picture) return root;
    const img = lastImage();
    if (!img || !img.getAttribute('src') || img.getAttribute('src') === previous) return null;
    return img;
  };
  const done = (found) => {
    result.dom = performance.now();
    observer.disconnect();
    const decoded = picture ? found.decode().catch(() => null) : Promise.resolve();
    decoded.then(() => requestAnimationFrame(() => setTimeout(() => {
      result.screen = performance.now();
      result.src = picture ? found.getAttribute('src') : null;
    }, 0)));
  };
  const observer = new MutationObserver(() => {
    if (result.dom !== null) return;
    const found = ready();
    if (found) done(found);
  });
  observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
}
"""

CURRENT_SRC = """
() => {
  const images = window.__nnPanel.root.querySelectorAll('img');
  return images.length ? images[images.length - 1].getAttribute('src') : null;
}
"""


# Every code cell has run (an execution count) and the kernel is idle.
ALL_RUN = """
() => {
  const widget = window.jupyterapp.shell.currentWidget;
  if (!widget || !widget.content || !widget.sessionContext) return false;
  const cells = Array.from(widget.content.model.cells);
  const pending = cells.filter((c) => c.type === 'code' && c.executionCount === null);
  return pending.length === 0 && widget.sessionContext.kernelDisplayStatus === 'idle';
}
"""

SCROLL_TO = """
async (index) => {
  const notebook = window.jupyterapp.shell.currentWidget.content;
  notebook.activeCellIndex = index;
  await notebook.scrollToItem(index, 'center');
}
"""


def panel_cell(lesson: Path, piece: str) -> int:
    """The index of the code cell of ``lesson`` whose source contains ``piece``."""
    import nbformat

    cells = nbformat.read(lesson, as_version=4).cells
    found = [i for i, c in enumerate(cells) if c.cell_type == "code" and piece in c.source]
    if not found:
        raise LookupError(f"{lesson.name}: no code cell contains {piece!r}")
    return found[0]


@dataclass
class BrowserResult:
    dom: list[float]  # seconds per move, key press to the new output in the DOM
    screen: list[float]  # ... to the picture decoded and a frame painted
    pictures_before: int | None  # pictures drawn before the first move (None: not counted)


def _wait_idle(page, timeout_ms: int = 300_000) -> None:
    page.wait_for_function(
        """() => { const s = document.querySelector('#jp-main-statusbar');
                   return s && s.innerText.includes('| Idle'); }""",
        timeout=timeout_ms,
    )


# From the page's first script on: every distinct picture source shown under each cell's
# output area (the outermost one: an Output widget nests its own).
COUNT_PICTURES_INIT = """
window.__nnPictures = new Map();
const __nnOutermost = (el) => {
  let found = null;
  for (let e = el; e; e = e.parentElement) if (e.classList && e.classList.contains('jp-OutputArea-output')) found = e;
  return found;
};
const __nnSeen = (img) => {
  const src = img.getAttribute('src');
  const root = __nnOutermost(img);
  if (!src || !root) return;
  if (!window.__nnPictures.has(root)) window.__nnPictures.set(root, new Set());
  window.__nnPictures.get(root).add(src);
};
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes' && r.target.tagName === 'IMG') __nnSeen(r.target);
    for (const node of r.addedNodes || []) {
      if (node.tagName === 'IMG') __nnSeen(node);
      else if (node.querySelectorAll) node.querySelectorAll('img').forEach(__nnSeen);
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
"""


def _lab_helpers():
    """``tests/browser.py`` (JupyterLab on a scratch copy, run all), loaded under its own name."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("nnlesson_lab", ROOT / "tests" / "browser.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _log(text: str) -> None:
    print(text, flush=True)


def run_in_browser(case: PanelCase, workdir: Path, playwright, log=_log) -> BrowserResult:
    lab = _lab_helpers()
    CHROMIUM, FLAGS, lab_server, open_and_run_all = (
        lab.CHROMIUM,
        lab.FLAGS,
        lab.lab_server,
        lab.open_and_run_all,
    )
    lesson = ROOT / "lessons" / f"{case.lesson}.ipynb"
    scratch = f"bench_{case.lesson}.ipynb"
    with lab_server(workdir, lesson, scratch) as (base, token):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(300_000)
            page.add_init_script(COUNT_PICTURES_INIT)
            open_and_run_all(page, base, token, scratch)
            log(f"    {case.name}: running {lesson.name} in JupyterLab")
            page.wait_for_function(ALL_RUN, timeout=600_000)
            _wait_idle(page)
            # JupyterLab renders only the cells near the view: scroll to the panel's cell
            page.evaluate(SCROLL_TO, panel_cell(lesson, case.cell))
            page.wait_for_function(FIND_PANEL, arg=[case.label, case.kind], timeout=120_000)
            page.wait_for_timeout(1500)  # values the browser echoes back, if any
            _wait_idle(page)
            pictures = None
            if case.picture:
                pictures = page.evaluate(
                    "() => (window.__nnPictures.get(window.__nnPanel.root) || new Set()).size"
                )
            page.evaluate(INSTALL)
            page.evaluate("() => window.__nnPanel.focus.scrollIntoView({block: 'center'})")
            page.evaluate("() => window.__nnPanel.focus.focus()")
            log(f"    {case.name}: moving {case.label!r} ({pictures} pictures before)")
            dom, screen = [], []
            for (key, _value), marker in zip(case.moves, case.markers()):
                previous = page.evaluate(CURRENT_SRC) if case.picture else None
                page.evaluate(ARM, [marker, case.picture, previous])
                page.keyboard.press(key)
                page.wait_for_function(
                    "() => window.__nnResult.screen !== null && window.__nnKey !== null",
                    timeout=60_000,
                )
                r = page.evaluate("() => [window.__nnKey, window.__nnResult]")
                key_at, result = r
                dom.append((result["dom"] - key_at) / 1000)
                screen.append((result["screen"] - key_at) / 1000)
                _wait_idle(page, 60_000)
                page.wait_for_timeout(300)
            log(
                f"    {case.name}: key -> screen "
                + " ".join(f"{1000 * t:.0f}" for t in screen)
                + " ms"
            )
            return BrowserResult(dom, screen, pictures)
        finally:
            browser.close()


# --- the same moves in-process -------------------------------------------------------------

PYTHON_SIDE = """
import json as _json, time as _time
import ipywidgets as _w

def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)

def _find(label, kind):
    for value in reversed(list(Out.values())):
        if isinstance(value, _w.Widget):
            for widget in _walk(value):
                if kind == "button" and isinstance(widget, _w.Button) and widget.description == label:
                    return widget
                if kind != "button" and getattr(widget, "description", None) == label and hasattr(widget, "value") and not isinstance(widget, _w.Button):
                    return widget
    raise LookupError(label)

_control = _find({label!r}, {kind!r})
_times = []
for _value in {values!r}:
    _start = _time.perf_counter()
    if {kind!r} == "button":
        _control.click()
    else:
        _control.value = _value
    _times.append(_time.perf_counter() - _start)
print("NNBENCH " + _json.dumps(_times))
"""


def run_directly(case: PanelCase) -> list[float]:
    """The ten moves made on a panel built in this process: seconds per move."""
    import contextlib
    import io

    import matplotlib

    matplotlib.use("Agg")
    with contextlib.redirect_stdout(io.StringIO()):
        panel = case.direct()
        stack, control = [panel], None
        while stack and control is None:
            widget = stack.pop()
            stack.extend(getattr(widget, "children", ()))
            if getattr(widget, "description", None) == case.label and hasattr(widget, "value"):
                control = widget
        times = []
        for _, value in case.moves:
            start = time.perf_counter()
            control.value = value
            times.append(time.perf_counter() - start)
    return times


def run_in_process(case: PanelCase) -> list[float]:
    """The ten moves made in a kernel that ran the lesson: seconds per move."""
    import subprocess

    if case.direct is not None:
        return run_directly(case)

    import nbformat
    from nbclient import NotebookClient

    path = ROOT / "lessons" / f"{case.lesson}.ipynb"
    nb = nbformat.read(path, as_version=4)
    values = [v for _, v in case.moves]
    code = PYTHON_SIDE.format(label=case.label, kind=case.kind, values=values)
    nb.cells.append(nbformat.v4.new_code_cell(code))
    client = NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute(stderr=subprocess.DEVNULL)
    for output in nb.cells[-1].outputs:
        text = output.get("text", "")
        if "NNBENCH " in text:
            return json.loads(text.split("NNBENCH ", 1)[1].splitlines()[0])
    raise RuntimeError(f"{case.name}: no timing from the kernel: {nb.cells[-1].outputs}")


# --- the report ----------------------------------------------------------------------------


def ms(t: float) -> str:
    return "-" if t is None or math.isnan(t) else f"{1000 * t:.0f}"


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{cpu_model()}, {os.cpu_count()} cores; load average at start {load}"


def run(lessons: list[str] | None = None, *, python_side: bool = True) -> list[Goal]:
    """Measure every panel (or those of ``lessons``, e.g. ``["05", "11"]``); print the table."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=120_000)  # JupyterLab and a kernel starting on a busy machine

    chosen = [c for c in cases() if not lessons or c.lesson[:2] in lessons]
    _log("6. Panels in the browser: key press -> new picture on screen (JupyterLab, Chromium)")
    _log(f"  {machine()}")
    rows, goals = [], []
    with sync_playwright() as p:
        for case in chosen:
            try:
                with tempfile.TemporaryDirectory(prefix="nnbench-") as tmp:
                    result = run_in_browser(case, Path(tmp), p)
            except Exception as error:  # noqa: BLE001 - report it, measure the other panels
                _log(f"    {case.name}: FAILED in the browser: {error!r}"[:300])
                rows.append([case.name, "failed", "", "", "", "", ""])
                continue
            _log(f"    {case.name}: the same moves in-process")
            try:
                py = run_in_process(case) if python_side else [float("nan")]
            except Exception as error:  # noqa: BLE001 - keep the browser's figures
                _log(f"    {case.name}: in-process timing failed: {error!r}"[:300])
                py = [float("nan")]
            _log(f"    {case.name}: in-process " + " ".join(f"{1000 * t:.0f}" for t in py) + " ms")
            med, worst = statistics.median(result.screen), max(result.screen)
            rows.append(
                [
                    case.name,
                    ms(med),
                    ms(worst),
                    ms(statistics.median(result.dom)),
                    ms(statistics.median(py)),
                    ms(max(py)),
                    "?" if result.pictures_before is None else str(result.pictures_before),
                ]
            )
            met = med <= TARGET_MEDIAN and worst <= TARGET_MAX
            goals.append(
                Goal(
                    f"{case.name}: browser median / max",
                    f"{ms(med)} / {ms(worst)} ms",
                    "<= 100 / 200 ms",
                    met,
                )
            )
    header = [
        "panel (10 moves)",
        "screen median",
        "max",
        "DOM median",
        "Python median",
        "max",
        "drawn at run",
    ]
    print(table(rows, header))
    print("  (ms; screen: key press -> picture decoded and painted; DOM: -> output in the page;")
    print("   Python: the same move in-process, callback and display; drawn at run: pictures")
    print("   the panel drew before the first move)")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"  load average at the end {load}\n")
    return goals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", nargs="*", help="only these lessons' panels, e.g. 05 11")
    parser.add_argument(
        "--no-python", action="store_true", help="skip the in-process (Python side) timing"
    )
    args = parser.parse_args()
    start = time.perf_counter()
    goals = run(args.lessons, python_side=not args.no_python)
    print(table([[g.what, g.measured, g.target] for g in goals], ["", "measured", "target"]))
    print(f"  total {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
