"""``python -m nnlesson``: the course from an installed package.

Commands::

    python -m nnlesson lessons DEST [--force]   # copy the student lessons into DEST
    python -m nnlesson lessons DEST --lang zh   # the Chinese edition (中文版)
    python -m nnlesson version                  # the installed version

``pip install nnlesson`` gives the package *and* the lessons of the same version; this
copies the lessons into a folder of the learner's choice, then ``jupyter lab DEST``
opens the course. It never overwrites a lesson that is already there (the learner's
work) unless ``--force`` is given. Solutions are not in the package: they are for
teachers, in the course repository's ``solutions/`` folder.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import nnlesson


def lessons_folder() -> Path:
    """Where the student lessons are: inside the installed package (``nnlesson/lessons/``,
    from a wheel), or the repository's ``lessons/`` beside the package (a clone)."""
    package = Path(nnlesson.__file__).resolve().parent
    for folder in (package / "lessons", package.parent / "lessons"):
        if any(folder.glob("[0-9][0-9]_*.ipynb")):
            return folder
    raise FileNotFoundError(
        f"No lessons found next to {package}: this install carries none. Install nnlesson "
        f"from its wheel or sdist, or clone the course repository."
    )


def lesson_files(language: str = "en") -> list[Path]:
    """The student lessons of one edition (``"en"`` or ``"zh"``), in course order."""
    folder = lessons_folder() / ("zh" if language == "zh" else "")
    files = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    if not files:
        raise FileNotFoundError(f"No {language} lessons in {folder}.")
    return files


def copy_lessons(dest: Path, force: bool = False, language: str = "en") -> list[Path]:
    """Copy every lesson of one edition into ``dest`` (created if missing); return the paths.

    Raises ``FileExistsError`` naming the lessons already in ``dest`` unless ``force``.
    """
    files = lesson_files(language)
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise NotADirectoryError(f"{dest} is a file; give a folder for the lessons.")
    existing = [f.name for f in files if (dest / f.name).exists()]
    if existing and not force:
        raise FileExistsError(
            f"{dest} already holds {len(existing)} lesson(s) ({', '.join(existing[:3])}"
            f"{', ...' if len(existing) > 3 else ''}), maybe with your work in them. "
            f"Choose another folder, or add --force to overwrite them."
        )
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for f in files:
        shutil.copyfile(f, dest / f.name)
        written.append(dest / f.name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nnlesson", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    copy = sub.add_parser("lessons", help="copy the student lessons into a folder")
    copy.add_argument("dest", type=Path, help="the folder to copy the lessons into")
    copy.add_argument("--force", action="store_true", help="overwrite lessons already there")
    copy.add_argument(
        "--lang", choices=["en", "zh"], default="en", help="zh: the Chinese edition (中文版)"
    )
    sub.add_parser("version", help="print the installed version")
    args = parser.parse_args(argv)
    if args.command == "version":
        print(nnlesson.__version__)
        return 0
    try:
        written = copy_lessons(args.dest, force=args.force, language=args.lang)
    except (FileExistsError, FileNotFoundError, NotADirectoryError) as exc:
        print(f"nnlesson: {exc}", file=sys.stderr)
        return 1
    print(f"Copied {len(written)} lessons (nnlesson {nnlesson.__version__}) into {args.dest}.")
    print(f"Open the course with:  jupyter lab {args.dest / written[0].name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
