"""nnlesson.races: the test functions, running, settling, tuning, and the race panel."""

import io
from dataclasses import asdict

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.image import imread  # noqa: E402

from nnlesson import races  # noqa: E402
from nnlesson.gradcheck import numerical_gradient, relative_error  # noqa: E402
from nnlesson.optimizers import Adam, GradientDescent, Momentum  # noqa: E402
from nnlesson.widgets import readout_html  # noqa: E402

pytestmark = pytest.mark.lesson07

FUNCTIONS = [
    (races.f_ill, races.grad_ill),
    (races.rosenbrock, races.grad_rosenbrock),
    (races.f_round, races.grad_round),
    (races.f_rot, races.grad_rot),
]


@pytest.mark.parametrize("fn, grad", FUNCTIONS, ids=lambda f: getattr(f, "__name__", ""))
def test_gradients_match_finite_differences(fn, grad):
    rng = np.random.default_rng(0)
    for point in rng.uniform(-2, 2, size=(4, 2)):
        error = relative_error(grad(point), numerical_gradient(fn, point, order=4, eps=1e-4))
        assert error < 1e-7, f"{fn.__name__} at {point}: relative error {error:.1e}"


@pytest.mark.parametrize("fn, grad", FUNCTIONS, ids=lambda f: getattr(f, "__name__", ""))
def test_functions_take_a_stack_of_points(fn, grad):
    points = np.random.default_rng(1).normal(size=(3, 4, 2))
    assert fn(points).shape == (3, 4), "one value per point"
    assert grad(points).shape == (3, 4, 2), "one gradient per point"
    assert np.allclose(grad(points)[1, 2], grad(points[1, 2])), "stacked = one at a time"


def test_minima_are_minima():
    for problem in races.PROBLEMS.values():
        m = np.array(problem.minimum)
        assert problem.fn(m) == 0.0, "the minimum's value is 0"
        assert np.allclose(problem.grad(m), 0.0), "the gradient vanishes at the minimum"


def test_run_returns_every_iterate_and_stops_on_blow_up():
    path, state = races.run(GradientDescent(lr=0.05), races.grad_ill, [-4.0, 1.2], 5)
    assert path.shape == (6, 2) and state.t == 5, "w_0 .. w_5 and five steps"
    assert np.allclose(path[1], [-4.0, 1.2] - 0.05 * races.grad_ill(np.array([-4.0, 1.2])))
    blown, _ = races.run(GradientDescent(lr=0.1), races.grad_rosenbrock, [-1.2, 1.0], 500)
    assert len(blown) < 501, "a diverging run stops early"
    with pytest.raises(TypeError, match="whole number"):
        races.run(GradientDescent(lr=0.1), races.grad_ill, [0.0, 0.0], 2.5)


@pytest.mark.parametrize(
    "d, tol, expected",
    [
        ([5, 0.5, 2, 0.1, 0.01], 1.0, 3),
        ([0.5, 0.1], 1.0, 0),
        ([2.0, 1e-3, 1e-4], 1e-3, 2),  # exactly tol is not inside
        ([0.1, 2.0], 1.0, None),
    ],
)
def test_settle_step(d, tol, expected):
    assert races.settle_step(np.array(d), tol) == expected


def test_tune_runs_each_rate_on_its_own():
    best = races.tune(races.grad_ill, np.array([-4.0, 1.2]), np.zeros(2), 300, names=["Adam"])
    alone, _ = races.run(Adam(lr=best["Adam"]["lr"]), races.grad_ill, [-4.0, 1.2], 300)
    assert np.array_equal(alone, best["Adam"]["path"]), "19 rows at once = one run alone"
    assert best["Adam"]["settle"] == races.settle_step(races.distances(alone, np.zeros(2)))


def test_tuned_race_on_the_bowl_matches_the_lesson():
    best = races.tune(races.grad_ill, np.array([-4.0, 1.2]), np.zeros(2), 300)
    settle = {name: b["settle"] for name, b in best.items()}
    assert settle == {
        "GD": 144,
        "Momentum": 147,
        "Nesterov": 116,
        "AdaGrad": 8,
        "RMSProp": None,
        "Adam": 149,
    }, settle
    assert best["RMSProp"]["lr"] == pytest.approx(10**-1.75)
    table = races.race_table(best, races.f_ill, np.zeros(2), 300)
    assert "not in 300" in table and table.count("\n") == 7, table


def test_tune_passes_settings_on():
    start = np.array([-4.0, 1.2])
    short = races.tune(races.grad_ill, start, np.zeros(2), 300, ["RMSProp"], rho=0.9)
    long = races.tune(races.grad_ill, start, np.zeros(2), 300, ["RMSProp"], rho=0.99)
    assert short["RMSProp"]["settle"] is None and long["RMSProp"]["settle"] == 44


def test_make_optimizer_names_and_errors():
    for name in races.NAMES:
        assert races.make_optimizer(name, 0.1).init({"w": np.zeros(2)}).t == 0
    assert isinstance(races.make_optimizer("Nesterov", 0.1), Momentum)
    with pytest.raises(ValueError, match="unknown optimizer 'SGD'"):
        races.make_optimizer("SGD", 0.1)


def test_race_reports_settling_and_divergence():
    paths, lines = races.race(races.RaceSettings())
    assert list(paths) == list(races.NAMES) and len(lines) == 6
    assert lines[5].startswith("Adam") and "settled at step 149" in lines[5], lines[5]
    assert "RMSProp" in lines[4] and "not settled" in lines[4], lines[4]
    _, lines = races.race(races.RaceSettings(lr_gd=0.1))  # beyond 2/25: GD blows up
    assert "diverged at step" in lines[0], lines[0]
    with pytest.raises(ValueError, match="unknown problem"):
        races.race(races.RaceSettings(problem="Himmelblau"))


def test_the_panels_first_race_is_the_one_the_lesson_describes():
    _, lines = races.race(races.RaceSettings())
    assert lines == [
        "GD        lr 0.0316   settled at step 259, final distance 2.60e-04",
        "Momentum  lr 0.0316   settled at step 150, final distance 2.53e-07",
        "Nesterov  lr 0.0316   settled at step 116, final distance 2.81e-09",
        "AdaGrad   lr 0.1      not settled, final distance 1.31e+00",
        "RMSProp   lr 0.1      not settled, final distance 7.07e-02",
        "Adam      lr 0.1      settled at step 149, final distance 7.02e-07",
    ], lines


def test_rounded_settings_ignore_float_echoes():
    a = races.RaceSettings(beta=0.9, beta2=0.999, lr_gd=10**-1.5)
    b = races.RaceSettings(
        beta=0.9000000000000001, beta2=0.9990000000000001, lr_gd=0.03162277660168379
    )
    assert a.rounded() == b.rounded()
    assert a.rounded() != races.RaceSettings(beta=0.91).rounded()


def test_show_race_prints_its_settings_and_returns_a_png(capsys):
    png = races.show_race(problem="Rosenbrock", steps=50)
    out = capsys.readouterr().out
    assert out.startswith("race: Rosenbrock, 50 steps"), out
    assert out.count(" lr ") == 6, out
    image = imread(io.BytesIO(png))
    assert image.shape[0] > 200 and image.shape[1] > 400, image.shape


def test_same_settings_draw_the_same_picture():
    first = races.show_race(races.RacePicture(), steps=40)
    picture = races.RacePicture()
    races.show_race(picture, problem="Rosenbrock", steps=40)  # something else drawn before
    again = races.show_race(picture, steps=40)
    assert first == again, "a reused picture draws exactly what a fresh one draws"


def test_panel_draws_once_and_again_only_for_new_settings(capsys):
    panel = races.race_panel()
    assert "optimizer race" in repr(panel) and "Run this cell" in repr(panel)
    controls = {c.description: c for box in panel.children[0].children for c in box.children}
    assert len(controls) == 8, list(controls)
    assert panel.pictures == 1 and panel.drawn == races.RaceSettings().rounded()
    controls["beta"].value = 0.9000000000000001  # an echo from the browser: no new race
    controls["beta2"].value = 0.9990000000000001
    assert panel.pictures == 1, "an echoed value must not redraw"
    controls["steps"].value = 40  # a new setting: one new race
    assert panel.pictures == 2 and panel.drawn.steps == 40
    readout, image = panel.children[1], panel.children[2]
    assert "(picture 2 of this panel)" in readout.value
    # the text and picture (changed in place) are what show_race prints and draws
    png = races.show_race(races.RacePicture(), **asdict(panel.drawn))
    printed = capsys.readouterr().out.strip()
    assert readout.value == readout_html(printed + "\n(picture 2 of this panel)")
    assert printed.startswith("race: ill-conditioned bowl, 40 steps") and image.value == png


def _one_run_each(settings: races.RaceSettings) -> dict[str, np.ndarray]:
    """The race as first written: each optimizer run alone by races.run, cut at |w| >= 1000."""
    p = races.PROBLEMS[settings.problem]
    paths = {}
    for name in races.NAMES:
        lr = settings.lr_gd if name in races.GRADIENT_FAMILY else settings.lr_adaptive
        optimizer = races.make_optimizer(
            name, lr, settings.beta, settings.beta1, settings.beta2, settings.rho
        )
        path, _ = races.run(optimizer, p.grad, np.array(p.start), settings.steps)
        blown = np.flatnonzero(~np.all(np.abs(path) < 1e3, axis=1))
        paths[name] = path[: blown[0]] if blown.size else path
    return paths


RACES = [
    races.RaceSettings(),
    races.RaceSettings(lr_gd=0.1, lr_adaptive=10**0.5, steps=600),  # some diverge
    races.RaceSettings(steps=120, beta=0.5, rho=0.99, beta1=0.8, beta2=0.9),
    races.RaceSettings(problem="Rosenbrock", lr_gd=0.05, lr_adaptive=0.3, steps=120),
    races.RaceSettings(problem="Rosenbrock", lr_gd=1e-3, lr_adaptive=0.01, steps=600),
    races.RaceSettings(problem="Rosenbrock", lr_gd=1e-3, lr_adaptive=0.01, steps=70),  # a prefix
    races.RaceSettings(lr_gd=0.0123, lr_adaptive=0.0456),  # rates off the sliders' grid
]


@pytest.mark.parametrize("settings", RACES, ids=range(len(RACES)))
def test_race_paths_are_those_of_each_optimizer_run_alone(settings):
    """Races run every rate of a slider at once and keep what they ran: the same paths, to
    the last bit, as one run per optimizer (element-wise arithmetic, the same operations)."""
    paths, _ = races.race(settings)
    expected = _one_run_each(settings)
    for name in races.NAMES:
        assert paths[name].shape == expected[name].shape, name
        assert paths[name].tobytes() == expected[name].tobytes(), name


def test_moving_a_learning_rate_runs_nothing_new():
    races.race(races.RaceSettings(steps=90))
    before = races._RUNS.runs
    for lr in races.slider_rates(races.LR_GD_SLIDER):  # every value of the slider
        races.race(races.RaceSettings(steps=90, lr_gd=lr))
    races.race(races.RaceSettings(steps=50))  # fewer steps: the start of the same runs
    assert races._RUNS.runs == before, "a rate on the slider's grid was run again"
    races.race(races.RaceSettings(steps=90, beta=0.8))
    assert races._RUNS.runs == before + 2, "beta changes momentum and Nesterov only"


def test_slider_rates_are_the_sliders_values():
    controls = races.race_controls()
    for key, slider in [("lr_gd", races.LR_GD_SLIDER), ("lr_adaptive", races.LR_ADAPTIVE_SLIDER)]:
        control, rates = controls[key], races.slider_rates(slider)
        assert (control.min, control.max, control.step) == slider
        assert len(rates) == round((control.max - control.min) / control.step) + 1
        assert rates[0] == float(f"{10**control.min:.6g}") and rates[-1] == float(
            f"{10**control.max:.6g}"
        )


@pytest.mark.parametrize(
    "fn",
    [
        races.f_ill,
        races.grad_ill,
        races.rosenbrock,
        races.grad_rosenbrock,
        races.f_round,
        races.grad_round,
        races.f_rot,
        races.grad_rot,
    ],
)
def test_the_test_functions_take_points_and_say_so_otherwise(fn):
    # a 3-vector was read as its first two entries, silently
    with pytest.raises(ValueError, match="last axis must have length 2"):
        fn(np.array([1.0, 2.0, 3.0]))
    with pytest.raises(TypeError, match="w"):
        fn("1, 2")
    with pytest.raises((TypeError, ValueError), match="complex"):
        fn(np.array([1.0 + 1j, 2.0]))
    point = np.array([0.3, -1.2])
    assert np.array_equal(fn([0.3, -1.2]), fn(point))  # a list is a point
    assert np.array_equal(fn(np.array([3, -1])), fn(np.array([3.0, -1.0])))  # ints as floats
    batch = np.stack([point, -point])
    # points along the first axis (a matrix product of a batch may differ in the last bit)
    np.testing.assert_allclose(fn(batch)[1], fn(-point), rtol=1e-14)
