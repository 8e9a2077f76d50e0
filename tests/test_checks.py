import numpy as np
import pytest

from nnlesson.checks import (
    ExerciseNotAnswered,
    ExerciseWrong,
    check_close,
    check_equal,
    check_function,
)

pytestmark = pytest.mark.lesson00


def stub(x):
    # YOUR CODE HERE
    raise NotImplementedError()


def test_right_answer_prints_a_tick(capsys):
    check_function(lambda x: 2 * x, [((1.0,), 2.0), ((3.0,), 6.0)], name="double")
    assert capsys.readouterr().out == "✔ double is right on 2 test cases.\n"


def test_unanswered_exercise_says_so():
    with pytest.raises(ExerciseNotAnswered, match=r"stub is not written yet: replace `raise"):
        check_function(stub, [((1.0,), 2.0)])


def test_wrong_value_shows_expected_got_and_hint():
    with pytest.raises(ExerciseWrong) as info:
        check_function(lambda x: x + 1, [((1.0,), 2.0), ((3.0,), 6.0)], name="f", hint="double it")
    text = str(info.value)
    assert "f(3) is not right" in text and "expected: 6" in text and "got:      4" in text
    assert text.endswith("Hint: double it")


def test_wrong_sign_is_pointed_out():
    with pytest.raises(ExerciseWrong, match="wrong sign"):
        check_close(-0.0821, 0.0821, name="dE/dw5")


def test_first_differing_entry_and_shape_problems():
    with pytest.raises(
        ExerciseWrong, match=r"(?s)1 of 4 entries differ.*index \(1, 0\): expected 3, got 9"
    ):
        check_close(np.array([[1, 2], [9, 4]]), np.array([[1, 2], [3, 4]]), name="W")
    with pytest.raises(
        ExerciseWrong, match=r"right numbers but shape \(4,\); expected shape \(2, 2\)"
    ):
        check_close(np.array([1, 2, 3, 4]), np.array([[1, 2], [3, 4]]), name="W")
    with pytest.raises(ExerciseWrong, match="transpose"):
        check_close(np.arange(6.0).reshape(2, 3).T, np.arange(6.0).reshape(2, 3), name="W")
    with pytest.raises(ExerciseWrong, match=r"shape \(3,\); expected shape \(2,\)"):
        check_close(np.ones(3), np.ones(2))


def test_missing_return_and_wrong_types():
    with pytest.raises(ExerciseWrong, match="forget `return`"):
        check_function(lambda x: None, [((1,), 1.0)])
    with pytest.raises(ExerciseWrong, match="should be a number"):
        check_close("0.5", 0.5)
    with pytest.raises(ExerciseWrong, match=r"raised ZeroDivisionError"):
        check_function(lambda x: 1 / x, [((0,), 1.0)])
    with pytest.raises(ExerciseWrong, match="NaN"):
        check_close(np.nan, 1.0)


def test_check_equal(capsys):
    check_equal(196, 196, name="batches")
    assert "✔ batches is right" in capsys.readouterr().out
    with pytest.raises(ExerciseWrong, match=r"expected: 196\n  got:      195"):
        check_equal(195, 196, name="batches")
    with pytest.raises(ExerciseWrong, match="should be of type int; got str"):
        check_equal("196", 196)


def test_tolerance_is_respected():
    check_close(1.0 + 1e-9, 1.0)
    with pytest.raises(ExerciseWrong):
        check_close(1.0 + 1e-3, 1.0)
