"""The course's two languages (nnlesson.language): every ``say(en, zh)`` is well formed,
figures keep their English word for word, and in Chinese their words are Chinese.

* ``test_every_say_call_is_a_pair_of_literals``: an AST scan of ``nnlesson/*.py``. Each
  ``say(...)`` has two arguments, both string literals or f-strings; in an f-string pair the
  two carry the same expressions (``{x:.3f}`` in one means ``{x...}`` in the other; the
  format specs may differ, e.g. a column width), and the Chinese one holds Chinese
  (characters, or at least full-width punctuation: ``"{text}，L = {Le:.4f}"``).
  A string constant inside an f-string's braces (``{'loss':>9}``) is text, not an
  expression: it is translated with the rest.
* ``test_english_figures_are_unchanged``: with ``set_language("en")`` each figure in
  ``SAMPLES`` (the plot functions the lessons call) carries exactly the words stored in
  ``tests/data/figure_texts_en.json``: titles, axis labels, legends, text on the plot.
  Regenerate that file only for a deliberate change of English
  (``python tests/test_language.py``).
* ``test_chinese_figures_speak_chinese``: with the language "zh", every sample figure's
  titles and labels that hold words are Chinese.
* ``test_chinese_figures_render_with_the_course_font``: drawn with the course's font,
  no glyph is missing (skipped until ``language.FONT_FILE`` exists), and
  ``test_the_course_font_has_every_character_the_package_says``: every character of every
  ``say``'s Chinese text is in that font. ``test_chinese_font_falls_back_from_dejavu``
  checks the same drawing with a system Noto Sans CJK in the font's place.
"""

from __future__ import annotations

import ast
import json
import logging
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from nnlesson import Network, language, plots

PACKAGE = Path(__file__).resolve().parents[1] / "nnlesson"
ENGLISH = Path(__file__).resolve().parent / "data" / "figure_texts_en.json"
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")
HAN = re.compile(r"[\u3400-\u9fff]")


# --------------------------------------------------------------- the AST scan of say(...)
def _say_calls() -> list[tuple[str, ast.Call]]:
    """Every ``say(...)`` call in the package as (file:line, call), its arguments with a
    module-level string constant's name (``say(STUB_MESSAGE, STUB_MESSAGE_ZH)``) replaced
    by the constant's literal."""
    calls = []
    for path in sorted(PACKAGE.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            node.targets[0].id: node.value
            for node in tree.body
            if isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, (ast.Constant, ast.JoinedStr))
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", None)
                if name == "say":
                    node.args = [
                        constants.get(a.id, a) if isinstance(a, ast.Name) else a for a in node.args
                    ]
                    calls.append((f"{path.name}:{node.lineno}", node))
    return calls


def _parts(node: ast.expr) -> tuple[str, list[str]]:
    """(the text, the expressions) of a string literal or f-string; a string constant in
    braces counts as text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, []
    assert isinstance(node, ast.JoinedStr), ast.unparse(node)
    text, expressions = [], []
    for piece in node.values:
        if isinstance(piece, ast.Constant):
            text.append(piece.value)
        elif isinstance(piece.value, ast.Constant) and isinstance(piece.value.value, str):
            text.append(piece.value.value)
        else:
            conversion = "" if piece.conversion == -1 else f"!{chr(piece.conversion)}"
            expressions.append(ast.unparse(piece.value) + conversion)
            text.append("{}")
    return "".join(text), expressions


# Expressions that carry English grammar only, which Chinese has no use for: a Chinese
# text may leave them out ("1 test case" / "2 test cases" -> "1 个测试用例").
ENGLISH_GRAMMAR = {"cases_word"}


def test_every_say_call_is_a_pair_of_literals():
    calls = _say_calls()
    assert len(calls) > 150, f"only {len(calls)} say(...) calls found in {PACKAGE}"
    problems = []
    for where, call in calls:
        if where.startswith("language.py"):
            continue  # the docstring's example is not code; language.py defines say
        if call.keywords or len(call.args) != 2:
            problems.append(f"{where}: say needs exactly two arguments (en, zh)")
            continue
        en, zh = call.args
        if not all(isinstance(a, (ast.Constant, ast.JoinedStr)) for a in (en, zh)) or not all(
            isinstance(a.value, str) for a in (en, zh) if isinstance(a, ast.Constant)
        ):
            problems.append(
                f"{where}: both arguments must be string literals, f-strings or the names of "
                f"module-level string constants"
            )
            continue
        (en_text, en_expr), (zh_text, zh_expr) = _parts(en), _parts(zh)
        if sorted(e for e in en_expr if e not in ENGLISH_GRAMMAR) != sorted(zh_expr):
            problems.append(f"{where}: English has {{{en_expr}}}, Chinese has {{{zh_expr}}}")
        if not CJK.search(zh_text):  # Chinese characters, or at least Chinese punctuation
            problems.append(f"{where}: the Chinese text {zh_text!r} has no Chinese characters")
        if CJK.search(en_text):
            problems.append(f"{where}: the English text {en_text!r} has Chinese characters")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------- the sample figures
def _net(sizes=(2, 2, 2)) -> Network:
    return Network.build(list(sizes), "sigmoid", rng=1)


def _xor_net() -> Network:
    net = Network.build([2, 2, 1], "sigmoid", rng=0)
    net.layers[0].W[:] = [[6.0, -6.0], [6.0, -6.0]]
    net.layers[0].b[:] = [-3.0, 9.0]
    net.layers[1].W[:] = [[8.0], [8.0]]
    net.layers[1].b[:] = [-12.0]
    return net


def _figure(drawn) -> Figure:
    return drawn if isinstance(drawn, Figure) else drawn.figure


rng = np.random.default_rng(0)
RUN = {
    "iteration": np.arange(6),
    "epoch": np.arange(6) / 2,
    "seconds": np.linspace(0, 1, 6),
    "loss": np.geomspace(1, 0.1, 6),
    "per_epoch": 2,
}
SAMPLES: dict[str, Callable[[], object]] = {
    "plot_loss": lambda: plots.plot_loss([3.0, 2.0, 1.0]),
    "gd_steps_on_parabola": lambda: plots.gd_steps_on_parabola(0.0, 0.1, 3),
    "draw_neuron": lambda: plots.draw_neuron([1.0, 2.0], [0.5, -0.5], 0.1),
    "draw_network": lambda: plots.draw_network(_net(), np.array([[0.05, 0.1]])),
    "loss_tangent_steps": lambda: plots.loss_tangent_steps(
        lambda w: (w - 1) ** 2, lambda w: 2 * (w - 1), 0.0, 0.2
    ),
    "gd_steps_on_curve": lambda: plots.gd_steps_on_curve(
        lambda w: (w - 1) ** 2 + 0.1, [0.0, 0.5, 0.75, 0.9], lo=-1, hi=2
    ),
    "draw_backward": lambda: plots.draw_backward(
        _net(), np.array([[0.05, 0.1]]), np.array([[0.01, 0.99]])
    ),
    "neuron_graph": lambda: plots.neuron_graph(1.0, 0.5, 0.1, 1.0),
    "finite_difference_errors": lambda: plots.finite_difference_errors(
        [1e-2, 1e-4], {"two-point": [1e-5, 1e-9]}
    ),
    "per_sample_vs_summed": lambda: plots.per_sample_vs_summed(
        {"a": [1.0, 0.5]}, {"a": np.zeros((3, 2))}, updates_per_epoch={"a": 1}, lr=0.5
    ),
    "cost_of_gradients": lambda: plots.cost_of_gradients([10, 100], [1e-4, 2e-4], [1e-3, 1e-1]),
    "loss_history": lambda: plots.loss_history([3.0, 2.0, 1.0]),
    "steps_1d": lambda: plots.steps_1d(1.0, [0.5, 1.5]),
    "bowl_paths": lambda: plots.bowl_paths((1.0, 10.0), [0.05, 0.15], steps=5),
    "loss_curves": lambda: plots.loss_curves({"lr 0.1": [1.0, 0.1]}, title="t"),
    "schedules_and_distances": lambda: plots.schedules_and_distances(
        {"constant": [0.1, 0.1]}, {"constant": [1.0, 0.5]}
    ),
    "batch_paths_on_contours": lambda: plots.batch_paths_on_contours(
        np.array([0.0, 1.0, 2.0]), np.array([1.0, 2.0, 3.5]), {"full batch": np.zeros((2, 2))}
    ),
    "loss_three_ways": lambda: plots.loss_three_ways({"full batch": RUN}),
    "update_cost": lambda: plots.update_cost([1, 10, 100], [1e-5, 2e-5, 1e-4]),
    "shuffle_sawtooth": lambda: plots.shuffle_sawtooth({"shuffled": RUN}, epochs_shown=2),
    "distance_per_step": lambda: plots.distance_per_step({"GD": [1.0, 0.1, 1e-4]}),
    "adam_step_ratios": lambda: plots.adam_step_ratios({"no correction": [0.1, 0.2, 0.3]}),
    "momentum_conventions": lambda: plots.momentum_conventions(
        np.array([1.0, 0.9, 0.1]), np.array([1.0, 0.9, 0.5]), drop_after=2
    ),
    "activation_histograms": lambda: plots.activation_histograms(
        {"Xavier": [rng.random(20), rng.random(20)]}
    ),
    "saturation_sweep": lambda: plots.saturation_sweep(
        [0.1, 1.0, 10.0], {"layer 1": [0.0, 0.1, 0.9]}, {"|dL/dW1|": [1.0, 0.5, 1e-3]}, mark=1.0
    ),
    "regression_fits": lambda: plots.regression_fits(
        np.linspace(0, 3, 5), np.sin(np.linspace(0, 3, 5)), {}, {}
    ),
    "gradient_profiles": lambda: plots.gradient_profiles({2: np.array([0.1, 0.3])}),
    "run_loss_curves": lambda: plots.run_loss_curves({"plain": [[1.0, 0.5]]}),
    "xor_hidden_space": lambda: plots.xor_hidden_space(
        _xor_net(), np.array([[0, 0], [0, 1], [1, 0], [1, 1]]), np.array([[0], [1], [1], [0]])
    ),
    "slowdown_curves": lambda: plots.slowdown_curves({"MSE": [0.1, 0.2]}, {"MSE": [0.4, 0.3]}),
    "training_curves": lambda: plots.training_curves(
        {"16 units": {k: [0.5, 0.9] for k in ("train_loss", "val_loss", "train_acc", "val_acc")}}
    ),
    "confusion_matrix": lambda: plots.confusion_matrix(np.array([[5, 1], [0, 4]])),
    "misclassified_digits": lambda: plots.misclassified_digits(
        np.zeros((2, 64)), np.array([1, 2]), np.eye(10)[[1, 3]]
    ),
    "first_layer_weights": lambda: plots.first_layer_weights(rng.standard_normal((64, 2))),
}


def figure_texts(fig: Figure) -> list[str]:
    """Every word-bearing text of ``fig`` (titles, axis labels, legends, text and annotations
    on the axes, figure titles) in drawing order; tick labels (numbers) are left out."""
    texts = [t.get_text() for t in fig.texts]
    if getattr(fig, "_suptitle", None) is not None:
        texts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        texts += [ax.get_title(loc) for loc in ("left", "center", "right")]
        texts += [ax.get_xlabel(), ax.get_ylabel()]
        texts += [t.get_text() for t in ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts.append(legend.get_title().get_text())
            texts += [t.get_text() for t in legend.get_texts()]
    return [t for t in texts if t]


def _draw(name: str) -> list[str]:
    try:
        return figure_texts(_figure(SAMPLES[name]()))
    finally:
        plt.close("all")


@pytest.fixture
def chinese(monkeypatch):
    """The language "zh" for one test, back to English after it. Without the course's font
    (not made yet) the words are checked, not drawn: DejaVu has no Chinese glyphs."""
    monkeypatch.setattr(language, "_language", "zh")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from")
        yield
    assert language.get_language() == "zh"


def test_english_figures_are_unchanged():
    language.set_language("en")
    stored = json.loads(ENGLISH.read_text(encoding="utf-8"))
    assert sorted(stored) == sorted(SAMPLES), "tests/data/figure_texts_en.json is out of date"
    for name in SAMPLES:
        assert _draw(name) == stored[name], f"plots.{name}: its English text changed"


# Texts with no word to translate: symbols, numbers, names of runs passed in by a test.
NEUTRAL = re.compile(
    r"^(\$[^$]*\$|[-+−\s\d.,:=()\[\]|/<>*^_{}'!]|[a-zA-Z]\w{0,2}\b|sigma|delta|eta|lam|epsilon|"
    r"log10|MSE|XOR|d[ELx]/d\w+|#|->|sin|cos|GD|lr|sigmoid|tanh|relu|step)*$"
)


def test_chinese_figures_speak_chinese(chinese):
    passed_in = {"t", "a", "lr 0.1", "constant", "full batch", "shuffled", "GD", "no correction"}
    passed_in |= {"Xavier", "layer 1", "|dL/dW1|", "plain", "MSE", "16 units", "two-point"}
    for name in SAMPLES:
        texts = _draw(name)
        english = [
            line
            for t in texts
            for line in t.split("\n")
            if not HAN.search(line) and not NEUTRAL.match(line) and line not in passed_in
        ]
        assert not english, f"plots.{name} still speaks English in Chinese: {english}"
        assert any(HAN.search(t) for t in texts) or name in {"draw_network", "draw_neuron"}, (
            f"plots.{name}: no Chinese at all: {texts}"
        )
    assert language.say("loss", "损失") == "损失"


def test_language_is_english_outside_the_chinese_fixture():
    assert language.get_language() == "en"
    assert plots.plot_loss([1.0, 0.5]).get_xlabel() == "iteration"
    plt.close("all")


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _draw_every_sample_in_chinese() -> None:
    """Draw every sample figure in Chinese: no glyph missing. Text outside mathematics
    warns of one (warnings are errors here); a tick label such as 10^-3 (matplotlib's
    ``\\mathdefault``, the first font of font.family, no fallback) logs it instead."""
    language.set_language("zh")
    logged = _Records()
    logging.getLogger("matplotlib").addHandler(logged)
    try:
        for name in SAMPLES:
            fig = _figure(SAMPLES[name]())
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                fig.canvas.draw()
            plt.close("all")
            glyphs = [m for m in logged.messages if "glyph" in m]
            assert not glyphs, f"plots.{name} in Chinese: {glyphs[0]}"
    finally:
        logging.getLogger("matplotlib").removeHandler(logged)


@pytest.mark.skipif(
    not language.FONT_FILE.exists(), reason="the course's Chinese font is not made yet"
)
def test_chinese_figures_render_with_the_course_font():
    """Every sample figure drawn in Chinese with the course's font: no glyph missing."""
    with matplotlib.rc_context():
        try:
            _draw_every_sample_in_chinese()
        finally:
            language.set_language("en")


@pytest.mark.skipif(
    not language.FONT_FILE.exists(), reason="the course's Chinese font is not made yet"
)
def test_the_course_font_has_every_character_the_package_says():
    """Every character of every ``say(en, zh)``'s Chinese text is in the course's font or
    in DejaVu Sans (if not: ``python tools/make_zh_font.py`` remakes the font from the
    texts)."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    in_font = set(FT2Font(str(language.FONT_FILE)).get_charmap())
    # DejaVu Sans (matplotlib's own font, behind the course's) draws the rest: ✔, ✘, ...
    in_font |= set(FT2Font(font_manager.findfont("DejaVu Sans")).get_charmap())
    missing: dict[str, set[str]] = {}
    for where, call in _say_calls():
        if len(call.args) == 2 and not where.startswith("language.py"):
            for part in ast.walk(call.args[1]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    lost = {c for c in part.value if c not in "\n\t" and ord(c) not in in_font}
                    if lost:
                        missing.setdefault(where, set()).update(lost)
    assert not missing, f"characters missing from {language.FONT_FILE.name}: {missing}"


SYSTEM_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.mark.skipif(not SYSTEM_CJK.exists(), reason="no Noto Sans CJK on this machine")
def test_chinese_font_falls_back_from_dejavu(monkeypatch):
    """The mechanism of ``use_chinese_font`` with a system CJK font standing in for the
    course's: Latin from DejaVu Sans, Chinese from the second family, nothing missing."""
    monkeypatch.setattr(language, "FONT_FILE", SYSTEM_CJK)
    monkeypatch.setattr(language, "FONT_FAMILY", "Noto Sans CJK SC")
    with matplotlib.rc_context():
        try:
            _draw_every_sample_in_chinese()
            assert {"DejaVu Sans", "Noto Sans CJK SC"} <= set(matplotlib.rcParams["font.family"])
        finally:
            language.set_language("en")


if __name__ == "__main__":  # regenerate the stored English (only for a deliberate change)
    language.set_language("en")
    ENGLISH.parent.mkdir(exist_ok=True)
    texts = {name: _draw(name) for name in SAMPLES}
    ENGLISH.write_text(json.dumps(texts, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {ENGLISH}: {sum(map(len, texts.values()))} texts from {len(texts)} figures")


def test_every_message_of_the_checks_is_written_in_both_languages():
    """A learner of the Chinese edition meets no English feedback: every message a check
    raises or prints in nnlesson/checks.py goes through say(en, zh), none is a bare string."""
    tree = ast.parse((PACKAGE / "checks.py").read_text(encoding="utf-8"))
    speakers = {"ExerciseWrong", "ExerciseNotAnswered", "MachineryTampered", "print"}
    bare = [
        f"line {node.lineno}: {ast.unparse(node.args[0])[:60]}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in speakers
        and node.args
        and isinstance(node.args[0], (ast.Constant, ast.JoinedStr))
    ]
    assert not bare, "messages in English only: " + "; ".join(bare)


def test_back_to_english_gives_matplotlib_its_font_back():
    import matplotlib

    from nnlesson import set_language

    before = list(matplotlib.rcParams["font.family"])
    set_language("zh")
    assert matplotlib.rcParams["font.family"][0] == "nnlesson Noto Sans SC"
    set_language("en")
    assert list(matplotlib.rcParams["font.family"]) == before
