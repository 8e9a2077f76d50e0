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


# --- the reference is computed after the answer, in a checker the answer cannot reach ---


def twice(x):
    return 2 * x


def inputs():
    rng = np.random.default_rng(1)
    return [(rng.normal(size=3),) for _ in range(4)]


def test_reference_form_passes_a_right_answer_and_fails_a_wrong_one(capsys):
    check_function(lambda x: x + x, twice, inputs(), name="double")
    assert capsys.readouterr().out == "✔ double is right on 4 test cases.\n"
    with pytest.raises(ExerciseWrong, match="double"):
        check_function(lambda x: x + 1, twice, inputs(), name="double")


def test_answer_cannot_read_the_checkers_frames():
    import sys

    def peek(x):
        frame = sys._getframe(1)
        while frame is not None:
            for key in ("expected", "reference", "ref_fn"):
                if key in frame.f_locals:
                    value = frame.f_locals[key]
                    return value(x) if callable(value) else value
            frame = frame.f_back
        return 0 * x

    with pytest.raises(ExerciseWrong, match="not right"):
        check_function(peek, twice, inputs(), name="peek")


def test_rebinding_numpy_in_an_answer_does_not_change_the_verdict(monkeypatch):
    monkeypatch.setattr(np, "isclose", lambda *a, **k: np.ones(np.shape(a[0]), dtype=bool))
    monkeypatch.setattr(np, "allclose", lambda *a, **k: True)
    with pytest.raises(ExerciseWrong):
        check_function(lambda x: x + 1, twice, inputs(), name="double")


def test_mutating_the_input_complex_results_and_warnings_are_named():
    def in_place(x):
        x *= 2
        return x

    with pytest.raises(ExerciseWrong, match="changed its argument 1 in place"):
        check_function(in_place, twice, inputs())
    with pytest.raises(ExerciseWrong, match="complex"):
        check_function(lambda x: 2 * x + 1j, twice, inputs())

    def noisy(x):
        import warnings

        warnings.warn("overflow encountered in exp", RuntimeWarning, stacklevel=1)
        return 2 * x

    with pytest.raises(ExerciseWrong, match="RuntimeWarning: overflow"):
        check_function(noisy, twice, inputs())


def test_feedback_is_the_message_alone_at_most_six_lines():
    try:
        check_function(lambda x: x + 1, twice, [(np.arange(40.0),)], name="double")
    except ExerciseWrong as exc:
        lines = exc._render_traceback_()
    assert 1 < len(lines) <= 6
    assert not any("checks.py" in line or "Traceback" in line for line in lines)
    try:
        check_function(stub, twice, inputs())
    except ExerciseNotAnswered as exc:
        shown = exc._render_traceback_()
        assert " ".join(line.strip() for line in shown) == " ".join(str(exc).split())
        assert all(len(line) <= 88 for line in shown)


def test_prediction_needs_filling_in_and_reports_the_gap(capsys):
    from nnlesson.checks import check_prediction

    with pytest.raises(ExerciseNotAnswered, match="still empty"):
        check_prediction(..., 196)
    check_prediction(190, 196, name="batches", explain="ceil(50000/256) = 196.")
    out = capsys.readouterr().out
    assert "✔ close: you said 190, the run gave 196." in out and "ceil" in out
    check_prediction(100, 196)
    assert "✘ off" in capsys.readouterr().out


def test_feedback_in_a_real_kernel_has_no_traceback(tmp_path):
    """Executed as in JupyterLab: the stored error output is the message, no package source."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import numpy as np\nfrom nnlesson.checks import check_function\n"
            "def f(x):\n    raise NotImplementedError()\n"
            "check_function(f, lambda x: 2 * x, [(np.ones(2),)], name='f')"
        ),
        nbformat.v4.new_code_cell(
            "def g(x):\n    print('inside', x.sum())\n    return 2 * x\n"
            "check_function(g, lambda x: 2 * x, [(np.ones(2),)], name='g')"
        ),
    ]
    NotebookClient(nb, kernel_name="python3", allow_errors=True).execute()
    error = nb.cells[0].outputs[-1]
    assert error.output_type == "error" and error.ename == "ExerciseNotAnswered"
    assert 1 <= len(error.traceback) <= 6
    assert error.traceback[0].startswith("f is not written yet")
    assert all(len(line) <= 88 for line in error.traceback)
    assert not any("checks.py" in line or "File " in line for line in error.traceback)
    # the learner's own prints from inside the (threaded) call reach the cell
    text = "".join(o.get("text", "") for o in nb.cells[1].outputs)
    assert "inside 2.0" in text and "✔ g is right on 1 test case." in text


def test_a_network_argument_may_cache_but_not_change_its_weights():
    from nnlesson import Network

    def forward_only(net, X):
        return net.forward(X)  # fills the layers' caches: allowed

    def trains(net, X):
        out = net.forward(X)
        net.layers[0].W += 1.0  # changes a weight: named
        return out

    rng = np.random.default_rng(0)
    cases = [(Network.build([2, 3, 1], rng=rng), rng.normal(size=(4, 2))) for _ in range(2)]
    check_function(forward_only, lambda net, X: net.forward(X), cases)
    with pytest.raises(ExerciseWrong, match="changed its argument 1 in place"):
        check_function(trains, lambda net, X: net.forward(X), cases)


def test_an_unanswered_stub_shows_one_line_in_a_kernel():
    import nbformat
    from nbclient import NotebookClient

    from nnlesson.checks import STUB_MESSAGE

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import nnlesson.checks"),
        nbformat.v4.new_code_cell(
            "def f(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()"
        ),
        nbformat.v4.new_code_cell("# YOUR CODE HERE\nraise NotImplementedError()"),
        nbformat.v4.new_code_cell("raise NotImplementedError('a real message')"),
    ]
    NotebookClient(nb, kernel_name="python3", allow_errors=True).execute()
    stub = nb.cells[2].outputs[-1]
    assert stub.ename == "NotImplementedError" and " ".join(stub.traceback) == STUB_MESSAGE
    other = nb.cells[3].outputs[-1]  # a NotImplementedError with a message keeps its traceback
    assert len(other.traceback) > 1


def test_chinese_feedback_fits_the_width_in_columns():
    """A Chinese character shows two columns wide: lines are cut by columns, not characters."""
    from nnlesson import set_language
    from nnlesson.notebook_state import _columns

    set_language("zh")
    try:
        check_function(stub, twice, inputs(), name="double")
    except ExerciseNotAnswered as exc:
        shown, message = exc._render_traceback_(), str(exc)
    finally:
        set_language("en")
    assert len(shown) >= 2 and all(_columns(line) <= 88 for line in shown), shown
    assert "".join("".join(shown).split()) == "".join(message.split())  # nothing lost
