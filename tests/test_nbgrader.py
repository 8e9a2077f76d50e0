"""A real nbgrader round trip, with ``solutions/`` as nbgrader's source.

In a temporary course directory, with nbgrader's own converters (through its Python API:
the code the ``nbgrader`` commands run) and nbgrader's default settings:

* ``generate_assignment`` of every solution notebook gives what ``lessons/`` holds, cell
  by cell (the intended differences are listed in the test);
* ``autograde`` executes two short lessons and a small notebook with hidden tests, handed
  in three ways: solved (full marks), as handed out (zero, no crash) and wrong (zero), and
  in every check cell the check helper's verdict agrees with nbgrader's score;
* hidden tests stay out of the student's copy but count in grading;
* every exercise of every lesson: ``autograde`` of ``solutions/`` gives full marks and of
  ``lessons/`` zero, on every graded cell. Executing all 24 notebooks again would take
  minutes on two cores, so this run grades the outputs stored in the notebooks, skipping
  only nbgrader's "clear outputs" and "execute" steps; nbval, in the same test command,
  re-executes every notebook and fails if a stored output (or error) is not what the code
  gives now.
"""

from __future__ import annotations

import contextlib
import copy
import os
import shutil
import sys
import warnings
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from traitlets.config import Config

from nnlesson import authoring

with warnings.catch_warnings():
    # nbgrader 0.9.5 (the newest for Python 3.10) on SQLAlchemy 2.0 warns as its models load:
    # "User-placed attribute Grade.max_score on Mapper[...] is replacing an existing
    # class-bound attribute". pyproject turns warnings into errors; this one is nbgrader's.
    warnings.filterwarnings("ignore", r"User-placed attribute \S+ on Mapper", DeprecationWarning)
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import (
        CheckCellMetadata,
        DeduplicateIds,
        OverwriteCells,
        OverwriteKernelspec,
        SaveAutoGrades,
    )

pytestmark = pytest.mark.nbgrader

ROOT = Path(__file__).resolve().parents[1]
NAMES = authoring.notebook_names(ROOT)
EXECUTED = ["00_start", "02_loss"]  # short lessons that autograde really runs
STUDENTS = ["solved", "blank", "wrong"]
COURSE_ID = "nnlesson"


def hidden_tests_notebook() -> nbformat.NotebookNode:
    """An exercise whose visible test a wrong answer passes and whose hidden tests it fails."""
    return authoring.new_notebook(
        [
            authoring.markdown("Write `double(x)`: twice `x`."),
            authoring.solution(
                "def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION",
                "double_answer",
            ),
            authoring.check(
                "from nnlesson.checks import check_function\n\n"
                "check_function(double, [((1,), 2)])\n"
                "### BEGIN HIDDEN TESTS\n"
                "check_function(double, [((5,), 10), ((-3,), -6)])\n"
                "### END HIDDEN TESTS",
                "double_check",
                points=3,
            ),
        ]
    )


@contextlib.contextmanager
def nbgrader_runtime():
    """What nbgrader needs around it when it runs inside this process.

    * A new gradebook is set up by running the ``alembic`` command, which is installed next
      to this Python: put that folder first on PATH (an activated venv does this for a
      teacher; ``.venv/bin/nbgrader`` without activation fails with "No such file or
      directory: 'alembic'").
    * nbgrader 0.9 on SQLAlchemy 2 warns "Object of type <SubmittedNotebook> not in session"
      (SAWarning) while it saves grades. The grades are saved (the tests read them back);
      pyproject turns warnings into errors, so this one warning is ignored here.
    """
    from sqlalchemy.exc import SAWarning

    path = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    with pytest.MonkeyPatch.context() as mp, warnings.catch_warnings():
        mp.setenv("PATH", path)
        warnings.filterwarnings("ignore", r"Object of type <\w+> not in session", SAWarning)
        yield


def nbgrader_api(root: Path, **settings) -> NbGraderAPI:
    """nbgrader's API on the course in ``root``: defaults, plus ``Section__name=value``."""
    config = Config()
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.course_id = COURSE_ID
    for key, value in settings.items():
        section, name = key.split("__")
        setattr(config[section], name, value)
    return NbGraderAPI(CourseDirectory(config=config), config=config)


def succeed(result: dict) -> None:
    assert result["success"], result.get("error", "") + result.get("log", "")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def meta(cell) -> dict:
    return authoring.nbgrader_meta(cell)


def hand_in(root: Path, student: str, assignment: str, notebooks: dict) -> None:
    folder = root / "submitted" / student / assignment
    folder.mkdir(parents=True)
    for name, nb in notebooks.items():
        nbformat.write(nb, folder / f"{name}.ipynb")


def student_copy(released: nbformat.NotebookNode, answer) -> nbformat.NotebookNode:
    """``released`` with every solution cell's source replaced by ``answer(grade_id, stub)``."""
    nb = copy.deepcopy(released)
    for cell in nb.cells:
        if meta(cell).get("solution"):
            cell.source = answer(meta(cell)["grade_id"], cell.source)
    return nb


def wrong_answer(grade_id: str, stub: str) -> str:
    """A number where the stub raises; ``x + 1``, right only on the visible test, for double.

    A stub at the top level of its cell (not inside a ``def``) is a prediction cell
    (``my_prediction = ...``): the wrong student predicts 0.0.
    """
    answer = "return x + 1" if grade_id == "double_answer" else "return 0.0"
    if authoring.CODE_STUB[1] in stub.split("\n"):
        answer = "my_prediction = 0.0"
    assert authoring.CODE_STUB[1] in stub
    return stub.replace(authoring.CODE_STUB[1], answer)


def scores(gradebook: Gradebook, assignment: str, student: str) -> dict:
    """{notebook: {grade_id: (score, max_score)}} as nbgrader's gradebook has them."""
    submission = gradebook.find_submission(assignment, student)
    return {
        nb.name: {grade.name: (grade.score, grade.max_score) for grade in nb.grades}
        for nb in submission.notebooks
    }


def verdicts(nb: nbformat.NotebookNode) -> dict[str, list[str]]:
    """{grade_id: what the check cell said}: a "✔" per confirmation line, then any error's name."""
    result = {}
    for cell in nb.cells:
        if meta(cell).get("grade"):
            text = "".join(out.text for out in cell.outputs if out.output_type == "stream")
            # a check's verdict line; check_prediction's "✔ close" / "✔ you predicted it" is
            # feedback on a prediction, not a verdict
            said = [
                "✔" for line in text.splitlines() if line.startswith("✔") and " is right" in line
            ]
            said += [
                out.get("ename", out.output_type)
                for out in cell.outputs
                if out.output_type != "stream"
            ]
            result[meta(cell)["grade_id"]] = said
    return result


def points(nb: nbformat.NotebookNode) -> dict[str, float]:
    """{grade_id: points} of the check cells, from the notebook's metadata."""
    return {meta(c)["grade_id"]: float(meta(c)["points"]) for c in nb.cells if meta(c).get("grade")}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """nbgrader's quickstart layout: ``source/all`` holds every solution notebook,
    ``source/ps1`` two short ones and the hidden-tests notebook; both generated."""
    root = tmp_path_factory.mktemp("course")
    for assignment, names in (("all", NAMES), ("ps1", EXECUTED)):
        (root / "source" / assignment).mkdir(parents=True)
        for name in names:
            shutil.copy(ROOT / "solutions" / f"{name}.ipynb", root / "source" / assignment)
    authoring.write(hidden_tests_notebook(), root / "source" / "ps1" / "hidden.ipynb")
    with nbgrader_runtime():
        teacher = nbgrader_api(root)
        succeed(teacher.generate_assignment("all"))
        succeed(teacher.generate_assignment("ps1"))
    return root


@pytest.fixture(scope="module")
def ps1(course):
    """ps1 handed in solved, blank (as released) and wrong; autograded by executing it."""
    released = {p.stem: read(p) for p in sorted((course / "release" / "ps1").glob("*.ipynb"))}
    key = {
        meta(c)["grade_id"]: c.source
        for p in (course / "source" / "ps1").glob("*.ipynb")
        for c in read(p).cells
        if meta(c).get("solution")
    }
    handed_in = {
        "solved": {n: student_copy(nb, lambda i, _stub: key[i]) for n, nb in released.items()},
        "blank": released,
        "wrong": {n: student_copy(nb, wrong_answer) for n, nb in released.items()},
    }
    with nbgrader_runtime():
        teacher = nbgrader_api(course)
        for student in STUDENTS:
            hand_in(course, student, "ps1", handed_in[student])
            succeed(teacher.autograde("ps1", student))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        grades = {student: scores(gb, "ps1", student) for student in STUDENTS}
    return SimpleNamespace(root=course, released=released, grades=grades)


@pytest.fixture(scope="module")
def stored(course):
    """solutions/ and lessons/ handed in as they are, graded on their stored outputs."""
    for student in ("solutions", "lessons"):
        hand_in(course, student, "all", {n: read(ROOT / student / f"{n}.ipynb") for n in NAMES})
    with nbgrader_runtime():
        teacher = nbgrader_api(
            course,
            # nbgrader's lists without ClearOutput and Execute (and the output cosmetics)
            Autograde__sanitize_preprocessors=[
                DeduplicateIds,
                OverwriteKernelspec,
                OverwriteCells,
                CheckCellMetadata,
            ],
            Autograde__autograde_preprocessors=[SaveAutoGrades, CheckCellMetadata],
        )
        for student in ("solutions", "lessons"):
            succeed(teacher.autograde("all", student))
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        return {student: scores(gb, "all", student) for student in ("solutions", "lessons")}


@pytest.mark.parametrize("name", NAMES)
def test_generate_assignment_makes_our_lessons(course, name):
    released = read(course / "release" / "all" / f"{name}.ipynb")
    lesson = read(ROOT / "lessons" / f"{name}.ipynb")
    # the same cells with the same source, code and markdown: nbgrader's default stubs
    # ("# YOUR CODE HERE" / "raise NotImplementedError()", "YOUR ANSWER HERE") are ours
    assert [c.cell_type for c in released.cells] == [c.cell_type for c in lesson.cells]
    for k, (theirs, ours) in enumerate(zip(released.cells, lesson.cells)):
        assert theirs.source == ours.source, f"cell {k} differs"
    # intended differences, cell by cell:
    for theirs, ours in zip(released.cells, lesson.cells):
        # nbgrader hands out no outputs; lessons store them (nbval compares them)
        assert not theirs.get("outputs")
        # nbgrader adds a checksum and the cell type to its metadata
        theirs_meta = dict(meta(theirs))
        if theirs_meta:
            assert theirs_meta.pop("checksum")
            assert theirs_meta.pop("cell_type") == ours.cell_type
        assert theirs_meta == meta(ours)
        # nbgrader makes answer and check cells undeletable and check cells read-only;
        # lessons leave them alone, so a learner working alone can add a print to a check
        ours_meta = meta(ours)
        read_only = bool(ours_meta.get("grade") or ours_meta.get("locked"))
        assert theirs.metadata.get("deletable", True) is not bool(ours_meta)
        assert theirs.metadata.get("editable", True) is not (
            read_only and not ours_meta.get("solution")
        )
        # lessons tag the cells that raise until answered `raises-exception`, for nbval;
        # nbgrader keeps the tags the source has
        tags = [t for t in ours.metadata.get("tags", []) if t != authoring.RAISES]
        assert theirs.metadata.get("tags", []) == tags


def test_hidden_tests_stay_out_of_the_students_copy(course):
    source = read(course / "source" / "ps1" / "hidden.ipynb")
    released = read(course / "release" / "ps1" / "hidden.ipynb")
    assert authoring.BEGIN_HIDDEN in source.cells[2].source
    assert released.cells[2].source == "from nnlesson.checks import check_function\n\n" + (
        "check_function(double, [((1,), 2)])"
    )
    assert released.cells[1].source == authoring.make_lesson(source).cells[1].source


@pytest.mark.parametrize("student", STUDENTS)
def test_autograde_executes_the_handed_in_notebooks(ps1, student):
    expected = {
        "solved": (lambda max_score: max_score, ["✔"]),
        "blank": (lambda _max_score: 0.0, ["ExerciseNotAnswered"]),
        "wrong": (lambda _max_score: 0.0, ["ExerciseWrong"]),
    }
    score_of, verdict = expected[student]
    grades = ps1.grades[student]
    # a committed prediction earns its points whether it is close or not (check_prediction
    # prints "✘ off" and the gap); only an empty one scores 0
    predictions = {
        meta(c)["grade_id"]
        for nb in ps1.released.values()
        for c in nb.cells
        if meta(c).get("grade") and "check_prediction(" in c.source
    }
    assert set(grades) == set(ps1.released) == {*EXECUTED, "hidden"}
    for name, nb in ps1.released.items():
        assert {i: max_score for i, (_, max_score) in grades[name].items()} == points(nb)
        for grade_id, (score, max_score) in grades[name].items():
            if student == "wrong" and grade_id in predictions:
                assert score == max_score, f"{student}, {name}, {grade_id}"
                continue
            assert score == score_of(max_score), f"{student}, {name}, {grade_id}"
        autograded = read(ps1.root / "autograded" / student / "ps1" / f"{name}.ipynb")
        for grade_id, said in verdicts(autograded).items():
            if student == "wrong" and grade_id in predictions:
                assert said == [], f"a prediction off by far prints ✘, not ✔: {grade_id}"
            elif student == "solved" and grade_id in predictions:
                assert said == [], f"a made prediction prints feedback, no error: {grade_id}"
            elif name == "hidden" and student == "solved":
                assert said == ["✔", "✔"]  # the visible test and the hidden ones
            elif name == "hidden" and student == "wrong":
                assert said == ["✔", "ExerciseWrong"]  # passes the visible test only
            else:
                assert said == verdict, f"{student}, {name}, {grade_id}"


def test_hidden_tests_count_in_grading(ps1):
    # the wrong `double` passes the only test the student sees, yet scores 0 of 3
    assert ps1.grades["wrong"]["hidden"] == {"double_check": (0.0, 3.0)}
    assert ps1.grades["solved"]["hidden"] == {"double_check": (3.0, 3.0)}
    autograded = read(ps1.root / "autograded" / "wrong" / "ps1" / "hidden.ipynb")
    assert authoring.BEGIN_HIDDEN in autograded.cells[2].source


@pytest.mark.parametrize("name", NAMES)
def test_every_exercise_full_marks_from_solutions_zero_from_lessons(stored, name):
    solution = read(ROOT / "solutions" / f"{name}.ipynb")
    lesson = read(ROOT / "lessons" / f"{name}.ipynb")
    assert points(solution), f"{name} has no graded cells"
    full = {grade_id: (p, p) for grade_id, p in points(solution).items()}
    zero = {grade_id: (0.0, p) for grade_id, p in points(solution).items()}
    assert stored["solutions"][name] == full
    assert stored["lessons"][name] == zero
    # and the check helper says the same in every check cell
    # (a check cell may confirm several things, e.g. two predictions: one ✔ each)
    # a prediction's check prints feedback on the gap ("✔ close", "✘ off"), not a verdict
    predictions = {
        meta(c)["grade_id"]
        for c in solution.cells
        if meta(c).get("grade") and "check_prediction(" in c.source
    }
    for grade_id, said in verdicts(solution).items():
        if grade_id in predictions:
            assert set(said) <= {"✔"}, f"{name}, {grade_id}: {said}"
        else:
            assert said and set(said) == {"✔"}, f"{name}, {grade_id}: {said}"
    assert all(v == ["ExerciseNotAnswered"] for v in verdicts(lesson).values())


# --- the cheating suite through a real autograde (issue 16, item 3) -----------------------
# Lesson 00 handed in by students who try to pass its checks without solving them. Each
# answer cell's stub is replaced by the same trick; the autograder runs the notebooks with
# the hidden tests nbgrader puts back, and with nnlesson.grading's guard in the kernel, as
# TEACHING.md tells a teacher to. Every graded cell must score 0 (a prediction cell earns
# its points for any committed prediction, so those are left out), and the solved notebook
# must still score full marks under the guard.
GUARD = ["--IPKernelApp.exec_lines=['import nnlesson.grading; nnlesson.grading.guard()']"]
ARGS = "    _args = tuple(locals().values())  # the arguments, whatever their names\n"
CHEATS = {
    "frames": ARGS
    + "    import sys\n"
    + "    frame = sys._getframe(1)\n"
    + "    while frame is not None:\n"
    + "        if callable(frame.f_locals.get('ref_fn')):\n"
    + "            return frame.f_locals['ref_fn'](*_args)\n"
    + "        frame = frame.f_back\n"
    + "    return 0.0",
    "threads": ARGS
    + "    import sys\n"
    + "    for frame in sys._current_frames().values():\n"
    + "        while frame is not None:\n"
    + "            if callable(frame.f_locals.get('ref_fn')):\n"
    + "                return frame.f_locals['ref_fn'](*_args)\n"
    + "            frame = frame.f_back\n"
    + "    return 0.0",
    "lookalike": "    import sys\n"
    + "    class Later:\n"
    + "        def __array__(self, dtype=None, copy=None):\n"
    + "            frame = sys._getframe(1)\n"
    + "            while frame is not None:\n"
    + "                for key in ('expected', 'exp'):\n"
    + "                    if key in frame.f_locals:\n"
    + "                        return np.asarray(frame.f_locals[key])\n"
    + "                frame = frame.f_back\n"
    + "            return np.zeros(1)\n"
    + "    return Later()",
    "patched checks": "    return 0.0\n\n\n"
    + "import nnlesson.checks\n\n"
    + "nnlesson.checks._compare = lambda *args, **kwargs: None",
    "shadowed check": "    return 0.0\n\n\n"
    + "def check_function(fn, *args, **kwargs):\n"
    + "    print(f'✔ {fn.__name__} is right on 6 test cases.')",
    "rebound numpy": "    return 0.0\n\n\n"
    + "np.isclose = lambda a, b, **kwargs: np.ones(np.shape(a), dtype=bool)\n"
    + "np.allclose = lambda *args, **kwargs: True",
    # gd_step's reference calls measured_slope, defined in an earlier check cell: a slope of
    # 0 makes the reference step w itself, which this answer returns
    "rebound helper": ARGS
    + "    return _args[0]\n\n\n"
    + "def measured_slope(w):\n"
    + "    return 0.0",
    "reads the solutions": ARGS
    + "    import json, pathlib, sys\n"
    + "    name = sys._getframe().f_code.co_name\n"
    + "    here = pathlib.Path.cwd()\n"
    + "    for folder in (here, *here.parents):\n"
    + "        for path in folder.glob('source/*/00_start.ipynb'):\n"
    + "            for cell in json.loads(path.read_text())['cells']:\n"
    + "                text = ''.join(cell['source'])\n"
    + "                if text.startswith(f'def {name}('):\n"
    + "                    space = dict(globals())\n"
    + "                    exec(text, space)\n"
    + "                    return space[name](*_args)\n"
    + "    return 0.0",
}
CHEAT_LESSON = "00_start"
CRASH = "    import os\n\n    os._exit(1)  # the kernel dies in the first check"


def cheat_copy(released: nbformat.NotebookNode, trick: str) -> nbformat.NotebookNode:
    def answer(grade_id: str, stub: str) -> str:
        if authoring.CODE_STUB[1] in stub.split("\n"):  # a prediction, at the top level
            return stub.replace(authoring.CODE_STUB[1], "my_prediction = 0.0")
        head = stub[: stub.index("    " + authoring.CODE_STUB[1])]
        return head + CHEATS[trick]

    return student_copy(released, answer)


@pytest.fixture(scope="module")
def cheats(course):
    """Lesson 00 handed in by a cheat per trick, and solved; autograded with the guard (and
    the solutions-reading cheat once more without it)."""
    (course / "source" / "cheats").mkdir()
    shutil.copy(ROOT / "solutions" / f"{CHEAT_LESSON}.ipynb", course / "source" / "cheats")
    with nbgrader_runtime():
        succeed(nbgrader_api(course).generate_assignment("cheats"))
    released = read(course / "release" / "cheats" / f"{CHEAT_LESSON}.ipynb")
    key = {
        meta(c)["grade_id"]: c.source
        for c in read(course / "source" / "cheats" / f"{CHEAT_LESSON}.ipynb").cells
        if meta(c).get("solution")
    }
    students = {f"cheat {trick}": cheat_copy(released, trick) for trick in CHEATS}
    CHEATS["crash"] = CRASH
    students["crash"] = cheat_copy(released, "crash")
    del CHEATS["crash"]
    students["solved"] = student_copy(released, lambda i, _stub: key[i])
    unguarded = "cheat reads the solutions, no guard"
    students[unguarded] = students["cheat reads the solutions"]
    with nbgrader_runtime():
        guarded = nbgrader_api(course, Execute__extra_arguments=GUARD)
        plain = nbgrader_api(course)
        for student, nb in students.items():
            student_id = student.replace(" ", "_").replace(",", "")
            hand_in(course, student_id, "cheats", {CHEAT_LESSON: nb})
            result = (plain if student == unguarded else guarded).autograde("cheats", student_id)
            if student == "crash":
                crash = result
                continue
            succeed(result)
    graded = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        crashed = scores(gb, "cheats", "crash")[CHEAT_LESSON]
        for student in [s for s in students if s != "crash"]:
            student_id = student.replace(" ", "_").replace(",", "")
            autograded = read(
                course / "autograded" / student_id / "cheats" / f"{CHEAT_LESSON}.ipynb"
            )
            graded[student] = (scores(gb, "cheats", student_id)[CHEAT_LESSON], autograded)
    predictions = {
        meta(c)["grade_id"]
        for c in released.cells
        if meta(c).get("grade") and "check_prediction(" in c.source
    }
    return SimpleNamespace(
        graded=graded,
        predictions=predictions,
        unguarded=unguarded,
        crash=SimpleNamespace(result=crash, scores=crashed),
    )


def errors_in(nb: nbformat.NotebookNode) -> dict[str, list[str]]:
    """{grade_id: the names of the errors its cell raised}."""
    return {
        meta(c)["grade_id"]: [o.ename for o in c.outputs if o.output_type == "error"]
        for c in nb.cells
        if meta(c).get("grade")
    }


def test_the_solutions_carry_the_hidden_verification():
    for folder in ("solutions", "solutions/zh"):
        for name in NAMES:
            graded = [
                c for c in read(ROOT / folder / f"{name}.ipynb").cells if meta(c).get("grade")
            ]
            for cell in graded:
                assert cell.source.endswith(authoring.VERIFY_TEMPLATE.format(name=name)), (
                    f"{folder}/{name}, {meta(cell)['grade_id']}: run the authoring build"
                )


@pytest.mark.parametrize("trick", CHEATS)
def test_every_cheat_scores_zero_under_autograde(cheats, trick):
    grades, nb = cheats.graded[f"cheat {trick}"]
    graded = {i: s for i, s in grades.items() if i not in cheats.predictions}
    assert graded and all(score == 0.0 for score, _ in graded.values()), (trick, graded)
    errors = errors_in(nb)
    assert all(errors[i] for i in graded), (trick, errors)  # each cell says why
    if trick in ("patched checks", "shadowed check", "rebound helper"):
        # the visible check was fooled; the hidden verification was not
        assert any("MachineryTampered" in errors[i] for i in graded), (trick, errors)


def test_the_solved_lesson_scores_full_marks_under_the_guard(cheats):
    grades, nb = cheats.graded["solved"]
    assert all(score == max_score for score, max_score in grades.values()), grades
    assert not any(errors_in(nb).values())


def test_without_the_guard_reading_the_course_folder_works(cheats):
    # why TEACHING.md tells a teacher to turn the guard on (or grade in a container): the
    # same submission scores full marks when the kernel may read source/
    grades, _ = cheats.graded[cheats.unguarded]
    graded = {i: s for i, s in grades.items() if i not in cheats.predictions}
    assert all(score == max_score for score, max_score in graded.values()), graded


def test_a_submission_that_kills_the_kernel_fails_its_autograde_and_scores_zero(cheats):
    # what TEACHING.md tells a teacher to expect: autograde reports the dead kernel for that
    # student (the others are graded), and the gradebook holds 0 for every cell until the
    # teacher regrades with `nbgrader autograde ASSIGNMENT --student ID --force`
    assert not cheats.crash.result["success"]
    assert "DeadKernelError" in cheats.crash.result["log"] + cheats.crash.result["error"]
    assert cheats.crash.scores and all(s == 0.0 for s, _ in cheats.crash.scores.values())
