"""The cheating suite (issue 16, item 3), in one process: answers that try to pass a check
without solving the exercise. Every one must fail, with a message saying what it did.

The same attempts go through a real nbgrader autograde in tests/test_nbgrader.py
(``test_every_cheat_scores_zero_under_autograde``)."""

from __future__ import annotations

import gc
import sys
import threading

import numpy as np
import pytest

import nnlesson.checks as checks
from nnlesson.checks import ExerciseWrong, check_close, check_equal, check_function

pytestmark = pytest.mark.lesson00


def twice(x):
    return 2 * x


def cases():
    rng = np.random.default_rng(7)
    return [(rng.normal(size=3),) for _ in range(4)]


def frames_of_this_thread(x):
    frame = sys._getframe(1)
    while frame is not None:
        for key in ("expected", "reference", "ref_fn"):
            value = frame.f_locals.get(key)
            if value is not None:
                return value(x) if callable(value) else value
        frame = frame.f_back
    return 0 * x


def frames_of_every_thread(x):
    for frame in sys._current_frames().values():
        while frame is not None:
            if callable(frame.f_locals.get("ref_fn")):
                return frame.f_locals["ref_fn"](x)
            frame = frame.f_back
    return 0 * x


def frames_quietly(x):
    try:
        return frames_of_every_thread(x)
    except PermissionError:
        return 0 * x


def every_object(x):
    for obj in gc.get_objects():
        if getattr(obj, "__name__", "") == "<lambda>" and "check" in obj.__qualname__:
            return obj(x)
    return 0 * x


def referrers(x):
    for holder in gc.get_referrers(x):
        if isinstance(holder, dict) and callable(holder.get("ref_fn")):
            return holder["ref_fn"](x)
    return 0 * x


def from_another_thread(x):
    box = {}
    thread = threading.Thread(target=lambda: box.setdefault("v", frames_quietly(x)))
    thread.start()
    thread.join()
    return box["v"]


class LooksLikeTheAnswer:
    """Becomes an array only when the checker converts it, and then looks for the answer."""

    def __array__(self, dtype=None, copy=None):
        frame = sys._getframe(1)
        while frame is not None:
            for key in ("expected", "exp"):
                if key in frame.f_locals:
                    return np.asarray(frame.f_locals[key])
            frame = frame.f_back
        return np.zeros(3)


def lookalike(x):
    return LooksLikeTheAnswer()


class SecondTimeLucky(LooksLikeTheAnswer):
    """Fails to convert the first time (inside the answer's thread), hoping for a second try
    where the checker holds the answer."""

    tries = 0

    def __array__(self, dtype=None, copy=None):
        SecondTimeLucky.tries += 1
        if SecondTimeLucky.tries % 2:
            raise ValueError("not yet")
        return super().__array__(dtype, copy)


def lookalike_in_a_list(x):
    return [SecondTimeLucky()]


def rebinds_the_reference_helper(x):
    globals()["twice"] = lambda v: 0 * v  # the reference below calls twice()
    return 0 * x


CHEATS = {
    "reads the checker's frames (sys._getframe)": (frames_of_this_thread, "is not right"),
    "reads every thread's frames (sys._current_frames)": (frames_of_every_thread, "looked into"),
    "tries every thread's frames, quietly": (frames_quietly, "looked into"),
    "searches every object (gc.get_objects)": (every_object, "looked into"),
    "asks who holds its argument (gc.get_referrers)": (referrers, "looked into"),
    "looks from a thread of its own": (from_another_thread, "looked into"),
    "returns a lookalike that finds the answer later": (lookalike, "is not right|shape"),
    "returns a lookalike that converts only the second time": (
        lookalike_in_a_list,
        "should be a number or an array of numbers; got list",
    ),
    "rebinds a helper the reference uses": (rebinds_the_reference_helper, "changed `twice`"),
}


@pytest.mark.parametrize("what", CHEATS)
def test_a_cheating_answer_fails_and_is_told_why(what, monkeypatch):
    monkeypatch.setitem(globals(), "twice", twice)  # restored after the rebinding cheat
    answer, message = CHEATS[what]
    with pytest.raises(ExerciseWrong, match=message):
        check_function(answer, lambda x: twice(x), cases(), name="double")


def test_a_right_answer_still_passes_after_the_cheats(capsys):
    check_function(lambda x: x + x, lambda x: twice(x), cases(), name="double")
    assert "✔ double is right on 4 test cases." in capsys.readouterr().out


def test_a_value_that_finds_the_answer_later_fails_check_close():
    with pytest.raises(ExerciseWrong):
        check_close(LooksLikeTheAnswer(), np.array([1.0, 2.0, 3.5]), name="value")


def test_a_number_that_equals_everything_fails_check_equal(capsys):
    class EqualsAnything(int):
        def __eq__(self, other):
            return True

        def __ne__(self, other):
            return False

        __hash__ = int.__hash__

    with pytest.raises(ExerciseWrong, match="plain number or string; got EqualsAnything"):
        check_equal(EqualsAnything(0), 7, name="count")
    check_equal(np.int64(7), 7, name="count")  # numpy's own integers are plain numbers
    assert "✔ count is right." in capsys.readouterr().out


def test_prying_is_allowed_again_once_the_check_is_over():
    with pytest.raises(ExerciseWrong):
        check_function(frames_of_every_thread, twice, cases())
    assert sys._current_frames() and gc.get_referrers(cases)  # outside a check: as usual


def test_the_watch_cannot_be_switched_off_from_the_module():
    # the watch's state is in a closure: no module attribute to reset from an answer
    assert not any(
        isinstance(value, (int, list)) and name.startswith("_") and "depth" in name
        for name, value in vars(checks).items()
    )
