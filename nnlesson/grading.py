"""For teachers: what a submission may not do while nbgrader autogrades it.

A submission is Python code that the autograder runs in a kernel started in the
submission's own folder, ``<course>/autograded/<student>/<assignment>/``. Without a
guard, that code can read what the teacher keeps beside it: ``<course>/source/`` (the
solutions and hidden tests), ``gradebook.db``, the other students' submissions. It can
also start programs (``cat``, ``sqlite3``) to do the same.

:func:`guard` closes those doors for one kernel, for good: it adds a Python audit hook
(PEP 578; a hook cannot be removed once added) that refuses

* opening, listing or connecting to anything inside the course folder, except the
  submission's own folder;
* starting a program (``subprocess``, ``os.system``, ``os.exec*``, ``os.spawn*``,
  ``os.posix_spawn``, ``os.fork``) or loading a C library with ``ctypes``.

Each refusal is a ``PermissionError`` naming what was refused, so the cell fails and
scores 0. The teacher turns it on for autograding in ``nbgrader_config.py``
(TEACHING.md, "What a check can and cannot prove")::

    c.Execute.extra_arguments = [
        "--IPKernelApp.exec_lines=['import nnlesson.grading; nnlesson.grading.guard()']"
    ]

An audit hook is not a sandbox (Python's documentation says so): code that already runs
in the process has other ways out. It stops the easy ones; grading in a container, as a
user who cannot read the course folder, stops the rest.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

# Events that start a program or load native code: no exercise needs one.
PROGRAM_EVENTS = frozenset(
    {
        "subprocess.Popen",
        "os.system",
        "os.exec",
        "os.spawn",
        "os.posix_spawn",
        "os.fork",
        "os.forkpty",
        "pty.spawn",
        "ctypes.dlopen",
    }
)
# Events whose first argument is a path the code wants to read, list or change.
PATH_EVENTS = frozenset(
    {
        "open",
        "os.listdir",
        "os.scandir",
        "os.chdir",
        "os.rename",
        "os.remove",
        "os.rmdir",
        "os.mkdir",
        "os.symlink",
        "os.link",
        "shutil.copyfile",
        "shutil.rmtree",
        "sqlite3.connect",
        "glob.glob",
    }
)


def course_folder(start: Path) -> Path | None:
    """The nbgrader course folder above ``start``: the nearest folder holding
    ``nbgrader_config.py`` or ``gradebook.db`` (None if there is none)."""
    for folder in (start, *start.parents):
        if (folder / "nbgrader_config.py").exists() or (folder / "gradebook.db").exists():
            return folder
    return None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


class Guard:
    """The audit hook of :func:`guard`: refuses paths in ``closed`` outside ``open_``."""

    def __init__(self, closed: list[Path], open_: Path) -> None:
        self.closed = closed
        self.open = open_

    def refused_path(self, raw: object) -> Path | None:
        if isinstance(raw, int) or raw is None:
            return None  # an already open file descriptor, or nothing to check
        try:
            text = os.fsdecode(raw)  # str, bytes or a path-like object
        except TypeError:
            return None
        path = Path(os.path.abspath(os.path.join(self.open, text)))
        resolved = Path(os.path.realpath(path))
        for candidate in (path, resolved):
            if any(_inside(candidate, c) for c in self.closed) and not _inside(
                candidate, self.open
            ):
                return candidate
        return None

    def __call__(self, event: str, args: tuple[object, ...]) -> None:
        if event in PROGRAM_EVENTS:
            raise PermissionError(
                f"{event} is not allowed while a submission is graded: "
                f"an exercise needs no other program."
            )
        if event in PATH_EVENTS and args:
            refused = self.refused_path(args[0])
            if refused is not None:
                raise PermissionError(
                    f"{event}({refused}) is not allowed while a submission is graded: "
                    f"only the submission's own folder ({self.open}) is readable."
                )


def guard(
    course: str | Path | None = None,
    submission: str | Path | None = None,
    also_closed: Iterable[str | Path] = (),
) -> Guard | None:
    """Close the course folder (except ``submission``) and programs to this process.

    ``submission`` defaults to the current folder (where nbgrader starts the kernel),
    ``course`` to :func:`course_folder` above it; ``also_closed`` adds folders (say, a
    clone of the course repository with its ``solutions/``). Returns the hook, or None
    (and changes nothing) when there is no course folder to close: a learner's own kernel.
    """
    open_ = Path(os.path.realpath(submission if submission is not None else os.getcwd()))
    root = Path(os.path.realpath(course)) if course is not None else course_folder(open_)
    closed = [Path(os.path.realpath(p)) for p in also_closed]
    if root is not None:
        closed.append(root)
    if not closed:
        return None
    hook = Guard(closed, open_)
    sys.addaudithook(hook)
    return hook
