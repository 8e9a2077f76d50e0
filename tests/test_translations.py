"""The Chinese edition follows the English one: complete, current, same code, one terminology.

The English solutions are the source; ``translations/zh/NN_name.json`` holds each cell's
Chinese text (or its translated comments and strings) with a hash of the English cell it
was made from (see ``nnlesson/translations.py``). These tests fail, naming the lesson and
the cell, when an English cell changed after its translation, when a cell has no
translation, when the Chinese notebooks are not what the pipeline builds, or when a term
of the glossary is translated another way.
"""

from __future__ import annotations

import copy
import importlib.util
import logging
import re
import warnings
from pathlib import Path

import nbformat
import pytest

from nnlesson import authoring, glossary, translations
from nnlesson.authoring import SETUP_TAG, notebook_names, read

ROOT = Path(__file__).resolve().parents[1]
NAMES = notebook_names(ROOT)

pytestmark = pytest.mark.notebooks


def english(name: str) -> nbformat.NotebookNode:
    return read(ROOT / "solutions" / f"{name}.ipynb")


def chinese(name: str, folder: str = "solutions") -> nbformat.NotebookNode:
    return read(ROOT / folder / "zh" / f"{name}.ipynb")


# ------------------------------------------------------------------ complete and current
@pytest.mark.parametrize("name", NAMES)
def test_every_cell_has_a_current_translation(name):
    problems = translations.status(ROOT, [name])
    assert not problems, "\n".join(map(str, problems)) + (
        "\nFix: translate these cells in translations/zh/, then "
        f"python -m nnlesson.authoring build --lang zh {name}"
    )


@pytest.mark.parametrize("name", NAMES)
def test_chinese_notebooks_are_what_the_pipeline_builds(name):
    bad = [n for n in authoring.out_of_sync(ROOT) if n == f"zh/{name}"]
    assert not bad, f"Fix: python -m nnlesson.authoring build --lang zh {name}"


@pytest.mark.parametrize("name", NAMES)
def test_code_is_the_same_apart_from_comments_and_strings(name):
    en, zh = english(name), chinese(name)
    assert [c.get("id") for c in en.cells] == [c.get("id") for c in zh.cells]
    for a, b in zip(en.cells, zh.cells):
        assert a.cell_type == b.cell_type
        if a.cell_type != "code":
            continue
        if SETUP_TAG in a.metadata.get("tags", []):
            assert b.source == translations.SETUP_SOURCE_ZH
        else:
            assert translations.same_code(a.source, b.source), f"{name}, cell {a.get('id')}"


@pytest.mark.parametrize("name", NAMES)
def test_chinese_lesson_speaks_chinese(name):
    """The setup cell turns Chinese on; prose cells are Chinese, not English left behind."""
    zh = chinese(name, "lessons")
    setup = next(c for c in zh.cells if c.cell_type == "code")
    assert 'nnlesson.set_language("zh")' in setup.source
    for cell in zh.cells:
        if cell.cell_type == "markdown" and len(re.findall(r"[A-Za-z]{3,}", cell.source)) > 8:
            assert translations.CJK.search(cell.source), f"{name}, cell {cell.get('id')}"


# ----------------------------------------------------------------- drift is caught
def test_an_edited_english_cell_makes_its_translation_stale():
    name = "03_backprop_by_hand"
    en = english(name)
    table = translations.load_table(ROOT, name)
    cell = next(c for c in en.cells if c.cell_type == "markdown")
    edited = copy.deepcopy(en)
    edited.cells[en.cells.index(cell)].source += "\nOne more sentence."
    problems = translations.check_table(edited, table, name)
    assert [(p.lesson, p.cell, p.kind) for p in problems] == [(name, cell.id, "stale")]
    with pytest.raises(translations.TranslationError, match=f"{name}, cell {cell.id}"):
        translations.translate_notebook(edited, table, name)


def test_a_missing_or_extra_entry_is_named():
    name = "01_neuron"
    en = english(name)
    table = translations.load_table(ROOT, name)
    dropped = copy.deepcopy(table)
    gone = dropped["cells"].pop(3)
    problems = translations.check_table(en, dropped, name)
    assert [(p.cell, p.kind) for p in problems] == [(gone["id"], "missing")]
    extra = copy.deepcopy(table)
    extra["cells"].append({"id": "no-such-cell", "en_sha": "0", "markdown": "多余"})
    assert [(p.cell, p.kind) for p in translations.check_table(en, extra, name)] == [
        ("no-such-cell", "extra")
    ]


def test_a_translation_that_changes_code_is_refused():
    cell = nbformat.v4.new_code_cell("total = w * x  # the net input\nprint('net input', total)")
    entry = {"en_sha": translations.english_sha(cell)}
    good = dict(entry, code=[["# the net input", "# 净输入"], ["'net input'", "'净输入'"]])
    assert "净输入" in translations.translate_cell(cell, good, "test").source
    bad = dict(entry, code=[["w * x", "w + x"]])
    with pytest.raises(translations.TranslationError, match="changes the code"):
        translations.translate_cell(cell, bad, "test")
    absent = dict(entry, code=[["# a comment that is not there", "# 注释"]])
    with pytest.raises(translations.TranslationError, match="not in the English cell"):
        translations.translate_cell(cell, absent, "test")


def test_a_translation_may_reorder_f_string_fields_but_not_change_them():
    english = 'print(f"{wrong} of {len(y)} misclassified, {t:.2f} s")'
    reordered = (
        'print(f"{len(y)} 个中有 {wrong} 个分错，{t:.1f} 秒")'  # Chinese word order, a width
    )
    changed = 'print(f"{len(y)} 个中有 {right} 个分错，{t:.1f} 秒")'
    assert translations.same_code(english, reordered)
    assert not translations.same_code(english, changed)


def test_generated_tables_do_not_make_lesson_00_stale():
    en = english("00_start")
    cell = next(c for c in en.cells if glossary.START in c.source)
    before = translations.english_sha(cell)
    changed = copy.deepcopy(cell)
    changed.source = changed.source.replace(glossary.END, "| new | row |\n" + glossary.END)
    assert translations.english_sha(changed) == before


# A line break inside a paragraph shows as a space, which Chinese text does not have between
# characters: a paragraph's Chinese lines are joined (tables, lists, headings, math blocks and
# code keep their lines).
CJK_CHAR = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—]"
NEW_BLOCK = re.compile(r"^\s*([|#>*+-]|\d+\.|\$\$|<|```|\\\[|\\begin)")


def soft_breaks_between_chinese(text: str) -> list[str]:
    lines, found, fence = text.split("\n"), [], False
    for prev, line in zip(lines, lines[1:]):
        if prev.strip().startswith("```"):
            fence = not fence
        if (
            not fence
            and re.search(CJK_CHAR + "$", prev)
            and re.match(CJK_CHAR, line.lstrip())
            and not NEW_BLOCK.match(line)
            and not prev.lstrip().startswith(("|", "#", "$$", "<"))
            and "$$" not in prev
        ):
            found.append(f"{prev[-8:]}⏎{line.lstrip()[:8]}")
    return found


@pytest.mark.parametrize("name", NAMES)
def test_chinese_paragraphs_have_no_line_break_between_characters(name):
    table = translations.load_table(ROOT, name)
    breaks = {
        e["id"]: soft_breaks_between_chinese(e["markdown"])
        for e in table["cells"]
        if "markdown" in e and soft_breaks_between_chinese(e["markdown"])
    }
    assert not breaks, f"{name}: a line break between Chinese characters shows as a space: {breaks}"


# ---------------------------------------------------------------------- terminology
def _prose(text: str) -> str:
    """Markdown without code, mathematics, links' targets and generated tables."""
    text = translations.blank_generated(text)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\$[^$]*\$", " ", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def test_glossary_pairs_are_unique():
    english_words = [t.english.lower() for t in glossary.TERMS]
    chinese_words = [t.chinese for t in glossary.TERMS]
    assert len(set(english_words)) == len(english_words)
    assert len(set(chinese_words)) == len(chinese_words)


@pytest.mark.parametrize("name", NAMES)
def test_a_glossary_term_is_translated_the_same_way_everywhere(name):
    en, zh = english(name), chinese(name)
    misses = []
    for a, b in zip(en.cells, zh.cells):
        if a.cell_type != "markdown":
            continue
        source = _prose(a.source)
        # longer terms first, each taken out of the text once matched: "bias correction"
        # needs 偏差修正, and is then not also "bias" (偏置)
        for term in sorted(glossary.TERMS, key=lambda t: -len(t.english)):
            pattern = r"\b" + re.escape(term.english) + r"(s|es)?\b"
            found = re.search(pattern, source, flags=re.I)
            source = re.sub(pattern, " ", source, flags=re.I)
            if found and term.checked and term.chinese not in b.source:
                misses.append(f"cell {a.get('id')}: '{term.english}' needs '{term.chinese}'")
    assert not misses, f"{name}: " + "; ".join(misses)


# ------------------------------------------------------------------------- the font
def test_the_font_has_every_character_the_chinese_texts_use():
    from fontTools.ttLib import TTFont

    from nnlesson.language import FONT_FILE

    spec = importlib.util.spec_from_file_location(
        "make_zh_font", ROOT / "tools" / "make_zh_font.py"
    )
    make_zh_font = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_zh_font)
    cmap = TTFont(FONT_FILE).getBestCmap()
    wide = {c for c in make_zh_font.characters() if ord(c) > 0x2FFF}
    missing = sorted(c for c in wide if ord(c) not in cmap)
    assert not missing, f"the font lacks {''.join(missing)}: run python tools/make_zh_font.py"


def test_a_chinese_figure_draws_without_a_system_font(caplog):
    """No box for a missing glyph: matplotlib warns (text) or logs (mathematics) for every
    character it cannot draw."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from nnlesson.language import set_language

    saved = dict(matplotlib.rcParams)
    try:
        set_language("zh")
        fig, ax = plt.subplots()
        ax.set_title("损失随轮数下降：学习率 η = 0.5")
        ax.set_xlabel("轮 (epoch)")
        ax.plot([0, 1], [1, 0], label="训练集 $L(w_1)$")
        ax.legend()
        with warnings.catch_warnings(), caplog.at_level(logging.WARNING, logger="matplotlib"):
            warnings.simplefilter("error")
            fig.canvas.draw()
        plt.close(fig)
        assert not [r for r in caplog.records if "glyph" in r.getMessage()], caplog.text
    finally:
        set_language("en")
        matplotlib.rcParams.update(saved)
