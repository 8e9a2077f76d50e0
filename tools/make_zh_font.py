"""Make nnlesson's Chinese font: the characters its figures draw, and common Chinese.

For maintainers, after a Chinese text that a figure draws changed. Reads Noto Sans CJK SC
(SIL Open Font License 1.1; Debian's package fonts-noto-cjk), keeps the characters of
:func:`characters` (ASCII, Chinese punctuation, the 3,755 common characters of GB 2312 and
every other character the course's Chinese texts use), renames the family to ``nnlesson.language.FONT_FAMILY`` (so it never
clashes with an installed Noto) and writes ``nnlesson/fonts/nnlesson-zh.otf``::

    python tools/make_zh_font.py [--source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]

``tests/test_language.py`` fails, naming the characters, when a Chinese text uses one
the font lacks.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nnlesson.language import FONT_FAMILY, FONT_FILE  # noqa: E402

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
# Chinese punctuation a sentence may use, whether or not today's texts do, and ASCII: a
# Chinese figure's text is drawn in this font, Latin letters and digits included.
PUNCTUATION = "，。：；！？（）、“”‘’《》【】—…·"
ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
# What matplotlib's tick labels write in the first font of font.family (``\mathdefault``,
# no fallback there): the minus sign of 10^-3 and the times of 2x10^0. Missing, they are
# drawn as boxes and matplotlib logs "Font 'default' does not have a glyph" to stderr.
MATH = "\u2212\u00d7"


def common_hanzi() -> str:
    """The 3,755 most common Chinese characters (GB 2312 level 1), so a learner's own
    Chinese labels draw too."""
    found = []
    for first in range(0xB0, 0xD8):
        for second in range(0xA1, 0xFF):
            try:
                found.append(bytes([first, second]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # 0xD7FA-0xD7FE are unassigned
    return "".join(found)


def said_in_chinese(path: Path) -> str:
    """The text of every ``say(en, zh)`` call's Chinese argument in one Python file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say":
            if len(node.args) == 2:
                for part in ast.walk(node.args[1]):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str):
                        found.append(part.value)
    return "".join(found)


def characters(root: Path = ROOT) -> set[str]:
    """Every character the package's Chinese texts and the lessons' translated code use."""
    text = PUNCTUATION + ASCII + MATH + common_hanzi()
    for path in sorted((root / "nnlesson").glob("*.py")):
        text += said_in_chinese(path)
    for path in sorted((root / "translations").glob("*/*.json")):
        table = json.loads(path.read_text(encoding="utf-8"))
        for entry in table["cells"]:
            text += "".join(chinese for _, chinese in entry.get("code", []))
    return set(text) - set("\n\t")


def main() -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=SOURCE, help="Noto Sans CJK (a .ttc or .otf)")
    args = parser.parse_args()
    fonts = TTCollection(args.source).fonts if args.source.endswith(".ttc") else None
    if fonts is not None:
        font = next(f for f in fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    else:
        from fontTools.ttLib import TTFont

        font = TTFont(args.source)
    chars = characters()
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            record.string = FONT_FAMILY
        elif record.nameID == 6:
            record.string = FONT_FAMILY.replace(" ", "")
        elif record.nameID in (17,):
            record.string = "Regular"
    FONT_FILE.parent.mkdir(exist_ok=True)
    font.save(FONT_FILE)
    print(
        f"{FONT_FILE.relative_to(ROOT)}: {len(chars)} characters, {FONT_FILE.stat().st_size:,} bytes"
    )


if __name__ == "__main__":
    main()
