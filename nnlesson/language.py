"""The course's two languages: English (the source) and Chinese (中文).

Every sentence nnlesson shows a learner (an exercise check's feedback, a widget's label,
a figure's axis title) is written in both languages at the place it is made::

    say(f"{name} is not right.", f"{name} 不对。")

``say`` returns the sentence in the language in use. English is the default; the first
code cell of a Chinese lesson calls ``set_language("zh")``. Writing both versions side by
side means none can be missing, and ``tests/test_language.py`` checks that the two carry
the same ``{placeholders}`` and that the Chinese one is Chinese.

Figures: matplotlib's own fonts (DejaVu) have no Chinese characters, and many machines
have no Chinese font at all. nnlesson carries a small font made for the course
(``nnlesson/fonts/``: the characters its Chinese figures use, ASCII included, cut from
Noto Sans CJK SC, SIL Open Font License). ``set_language("zh")`` makes it matplotlib's
first font, with DejaVu Sans behind it for any other symbol.
"""

from __future__ import annotations

import sys
from pathlib import Path

LANGUAGES = ("en", "zh")
FONT_FILE = Path(__file__).parent / "fonts" / "nnlesson-zh.otf"
FONT_FAMILY = "nnlesson Noto Sans SC"  # the family name written into the course's font

_language = "en"
_font_before: list[str] | None = None  # font.family before the Chinese font was set


def set_language(language: str) -> None:
    """Speak ``"en"`` (English, the default) or ``"zh"`` (中文) from now on.

    Checks, widgets and figures made after this call use the language. For ``"zh"``,
    matplotlib also gets the course's Chinese font.
    """
    global _language
    if not isinstance(language, str) or language not in LANGUAGES:
        raise ValueError(
            f"language must be one of {LANGUAGES}; got {language!r}. "
            f'Fix: set_language("en") or set_language("zh").'
        )
    _language = language
    if language == "zh":
        use_chinese_font()
    else:
        _restore_font()


def get_language() -> str:
    """The language in use: ``"en"`` or ``"zh"``."""
    return _language


def say(en: str, zh: str) -> str:
    """``en`` or ``zh``, whichever language is in use (see :func:`set_language`)."""
    return zh if _language == "zh" else en


def use_chinese_font() -> None:
    """Let matplotlib draw Chinese characters with the course's font (no system font needed).

    Matplotlib (3.6 and later) looks for each character in the families of
    ``font.family`` in turn: the course's font first (Chinese characters, Latin letters and
    digits), then DejaVu Sans (matplotlib's usual font) for any other symbol. Mathematics
    (``$w_1$``) keeps matplotlib's math fonts.
    """
    import matplotlib
    from matplotlib import font_manager

    if FONT_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(FONT_FILE))
    global _font_before
    # Fallback works between families named in font.family (not inside "sans-serif").
    chinese = [FONT_FAMILY, "DejaVu Sans"]
    if matplotlib.rcParams["font.family"] != chinese:
        _font_before = list(matplotlib.rcParams["font.family"])
    matplotlib.rcParams["font.family"] = chinese


def _restore_font() -> None:
    """Back to English: matplotlib's font as it was before :func:`use_chinese_font`."""
    global _font_before
    matplotlib = sys.modules.get("matplotlib")  # never import it for a switch of language
    if _font_before is not None and matplotlib is not None:
        if matplotlib.rcParams["font.family"] == [FONT_FAMILY, "DejaVu Sans"]:
            matplotlib.rcParams["font.family"] = _font_before
    _font_before = None
