import pytest

from nnlesson import authoring as au

pytestmark = pytest.mark.lesson00


def test_solution_region_becomes_the_nbgrader_stub_with_its_indent():
    nb = au.new_notebook(
        [
            au.solution(
                "def f(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION", "a"
            ),
            au.check("assert f(1) == 2\n### BEGIN HIDDEN TESTS\nassert f(2) == 4\n### END HIDDEN TESTS", "b", 2),
            au.markdown("Why?\n### BEGIN SOLUTION\nBecause.\n### END SOLUTION"),
            au.code("x = 1", "nbval-ignore-output"),
        ]
    )  # fmt: skip
    nb.cells[2].metadata["nbgrader"] = dict(nb.cells[0].metadata["nbgrader"], grade_id="c")
    lesson = au.make_lesson(nb)
    assert lesson.cells[0].source == (
        "def f(x):\n    # YOUR CODE HERE\n    raise NotImplementedError()"
    )
    assert "tags" not in lesson.cells[0].metadata  # the def itself runs fine
    assert lesson.cells[1].source == "assert f(1) == 2"
    assert lesson.cells[1].metadata["tags"] == ["raises-exception"]
    assert lesson.cells[2].source == "Why?\nYOUR ANSWER HERE"
    assert lesson.cells[3].metadata["tags"] == ["nbval-ignore-output"]
    # the solution itself is untouched
    assert "return 2 * x" in nb.cells[0].source


def test_top_level_stub_is_tagged_and_unmarked_solution_cell_is_replaced_whole():
    nb = au.new_notebook(
        [
            au.solution("### BEGIN SOLUTION\ny = 3\n### END SOLUTION", "a"),
            au.solution("z = 4", "b"),
        ]
    )
    lesson = au.make_lesson(nb)
    assert lesson.cells[0].metadata["tags"] == ["raises-exception"]
    assert lesson.cells[1].source == "# YOUR CODE HERE\nraise NotImplementedError()"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (au.code("### BEGIN SOLUTION\nx = 1\n### END SOLUTION"), "not an nbgrader solution cell"),
        (au.solution("### BEGIN SOLUTION\nx = 1", "a"), "without '### END SOLUTION'"),
        (au.solution("x = 1\n### END SOLUTION", "a"), "without '### BEGIN SOLUTION'"),
        (au.code("### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS"), "not an nbgrader grade cell"),
    ],
)
def test_malformed_markers_are_reported_with_the_cell(cell, message):
    with pytest.raises(au.AuthoringError, match=message):
        au.make_lesson(au.new_notebook([cell]), "demo")


def test_setup_cell_is_inserted_once_and_refreshed():
    nb = au.new_notebook([au.markdown("# Lesson 99 · Test"), au.code("x = 1")])
    au.ensure_setup_cell(nb)
    au.ensure_setup_cell(nb)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code", "code"]
    assert au.has_setup_cell(nb) and nb.cells[2].source == "x = 1"
    nb.cells[1].source = "# an older setup cell"
    au.ensure_setup_cell(nb)
    assert au.has_setup_cell(nb) and len(nb.cells) == 3


def test_a_cell_that_reveals_a_prediction_is_tagged_raises_exception_in_the_lesson():
    nb = au.new_notebook(
        [
            au.solution("my_prediction = ...\n### BEGIN SOLUTION\nmy_prediction = 2.0\n### END SOLUTION", "p"),
            au.code("check_prediction(my_prediction, 2.0)"),
            au.code("print(1)"),
        ]
    )  # fmt: skip
    lesson = au.make_lesson(nb)
    assert (
        lesson.cells[0].source
        == "my_prediction = ...\n# YOUR CODE HERE\nraise NotImplementedError()"
    )
    assert lesson.cells[0].metadata["tags"] == ["raises-exception"]
    assert lesson.cells[1].metadata["tags"] == ["raises-exception"]  # ExerciseNotAnswered
    assert "tags" not in lesson.cells[2].metadata
