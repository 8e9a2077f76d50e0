"""Issue 19: panels draw fast by reusing their figures, and still show exactly what their
settings describe.

* After a run of moves, a panel's last picture is byte for byte the picture a fresh figure
  draws for the final settings (blitting and reused artists change nothing you can see).
* A blitted picture equals a full matplotlib draw of the same figure, pixel for pixel.
* A panel draws once when its cell runs, then once per new setting.

No timing here: ``python benchmarks/run.py --browser`` measures the speed.
"""

from __future__ import annotations

import io
from dataclasses import asdict, replace

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")

from matplotlib.image import imread  # noqa: E402

from nnlesson import races, widgets  # noqa: E402

pytestmark = [pytest.mark.lesson07, pytest.mark.lesson11]


def _controls(panel) -> dict:
    """description -> control, for every control in a panel's first row of boxes."""
    found = {}
    stack = [panel.children[0]]
    while stack:
        widget = stack.pop()
        stack.extend(getattr(widget, "children", ()))
        if hasattr(widget, "value") and getattr(widget, "description", ""):
            found[widget.description] = widget
    return found


def _pixels(png: bytes) -> np.ndarray:
    return imread(io.BytesIO(png))[..., :3]


@pytest.fixture
def xor_pictures(monkeypatch):
    """Every PNG the XOR panel's picture makes, in order."""
    made: list[bytes] = []
    original = widgets.XorPicture.png

    def recording(self, net, history, title=""):
        made.append(original(self, net, history, title))
        return made[-1]

    monkeypatch.setattr(widgets.XorPicture, "png", recording)
    return made


def test_xor_panel_draws_once_then_once_per_move_and_ends_on_a_fresh_render(xor_pictures):
    panel = widgets.xor_panel()
    assert len(xor_pictures) == 1, "the panel's cell draws one picture"
    controls = _controls(panel)
    moves = [("epochs", 310), ("epochs", 320), ("hidden units", 2), ("random seed", 5)]
    moves += [("activation", "tanh"), ("hidden units", 3), ("epochs", 330)]
    for name, value in moves:
        controls[name].value = value
    assert len(xor_pictures) == 1 + len(moves), "one picture per move"
    final = widgets.XorSettings(hidden=3, activation="tanh", epochs=330, seed=5)
    net, history = widgets.train_xor(final)
    fresh = widgets.XorPicture().png(
        net, history, "solved" if widgets.solved(net) else "not solved"
    )
    assert xor_pictures[-1] == fresh, "the last picture is not the one its settings describe"
    assert panel.children[2].value == fresh and panel.pictures == 1 + len(moves)
    summary = widgets.xor_summary(final, net, history)
    assert panel.children[1].value == widgets.readout_html(summary)


def test_xor_picture_blit_equals_a_full_draw():
    picture = widgets.XorPicture()
    picture.png(*widgets.train_xor(widgets.XorSettings(hidden=1, epochs=40)), "not solved")
    net, history = widgets.train_xor()
    blitted = picture.png(net, history, "solved")
    for artist in picture.fig.findobj():
        artist.set_animated(False)
    full = io.BytesIO()
    picture.fig.savefig(full, format="png")
    assert np.array_equal(_pixels(blitted), _pixels(full.getvalue()))
    assert picture.drawn == 2


def test_race_picture_blit_equals_a_full_draw_after_switching_functions():
    picture = races.RacePicture()
    for problem in ["ill-conditioned bowl", "Rosenbrock", "ill-conditioned bowl"]:
        settings = races.RaceSettings(problem=problem, lr_gd=0.05, lr_adaptive=0.3, steps=120)
        paths, _ = races.race(settings)
        blitted = picture.png(settings, paths)
        full_picture = races.RacePicture()
        full_picture.png(settings, paths)
        for artist in full_picture.fig.findobj():
            artist.set_animated(False)
        full = io.BytesIO()
        full_picture.fig.savefig(full, format="png", dpi=100)
        assert np.array_equal(_pixels(blitted), _pixels(full.getvalue())), problem
    assert len(picture.backgrounds) == 2, "one background per function, drawn once"


def test_race_picture_with_kept_title_and_legend_equals_a_full_draw():
    """A race whose title and legend were drawn before puts their kept pixels back."""
    picture = races.RacePicture()
    for lr_gd in [0.05, 0.01, 0.05]:
        settings = races.RaceSettings(lr_gd=lr_gd, steps=120)
        paths, _ = races.race(settings)
        blitted = picture.png(settings, paths)
    assert [key[1] for key in picture.pieces] == ["Text", "Legend", "Legend"], list(picture.pieces)
    for artist in picture.fig.findobj():
        artist.set_animated(False)
    full = io.BytesIO()
    picture.fig.savefig(full, format="png", dpi=100)
    assert np.array_equal(_pixels(blitted), _pixels(full.getvalue()))


def test_race_panel_ends_on_a_fresh_render(monkeypatch, capsys):
    made: list[bytes] = []
    original = races.RacePicture.png

    def recording(self, settings, paths):
        made.append(original(self, settings, paths))
        return made[-1]

    monkeypatch.setattr(races.RacePicture, "png", recording)
    panel = races.race_panel()
    controls = _controls(panel)
    assert len(made) == 1 and panel.pictures == 1
    moves = [("lr GD/mom.", 10**-1.375), ("lr GD/mom.", 10**-1.25), ("steps", 120)]
    moves += [("function", "Rosenbrock"), ("beta", 0.8), ("function", "ill-conditioned bowl")]
    moves += [("lr adaptive", 10**-0.5)]
    for name, value in moves:
        controls[name].value = value
    assert len(made) == 1 + len(moves) == panel.pictures
    fresh = races.show_race(races.RacePicture(), **asdict(panel.drawn))
    assert made[-1] == fresh, "the last picture is not the one its settings describe"
    capsys.readouterr()


def test_rate_picture_reused_equals_fresh():
    from nnlesson.plots import RatePicture

    def loss(points):
        return 0.5 * (points[..., 0] ** 2 + 10 * points[..., 1] ** 2)

    def make():
        return RatePicture(loss, window=(-2, 2, -2, 2), minimum=(0, 0), iterations=50)

    def path(lr):
        p = [np.array([1.5, 1.0])]
        for _ in range(50):
            p.append(p[-1] - lr * p[-1] * np.array([1.0, 10.0]))
        return np.array(p), loss(np.array(p)) + 1e-12

    reused = make()
    for lr in [0.01, 0.15, 0.05]:
        last = reused.png(*path(lr), f"lr = {lr}")
    assert last == make().png(*path(0.05), "lr = 0.05")


def test_digits_panel_draws_once_when_made(monkeypatch):
    calls = []
    original = widgets.DigitsPanel.update

    def counting(self, *args, **kwargs):
        calls.append(kwargs)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(widgets.DigitsPanel, "update", counting)
    rng = np.random.default_rng(0)
    X, labels = rng.random((5, 64)), np.arange(5)
    from nnlesson.network import Network

    net = Network.build([64, 8, 10], "relu", "softmax", rng=1)
    panel = widgets.DigitsPanel(net, X, labels)
    assert len(calls) == 1
    panel.controls["index"].value = 3
    panel.controls["noise"].value = 0.2
    assert len(calls) == 3
    fresh = widgets.DigitsPanel(net, X, labels)
    fresh.update(index=3, noise=0.2)
    assert panel.image.value == fresh.image.value
    assert panel.readout.value == fresh.readout.value


@pytest.mark.parametrize("settings", [widgets.XorSettings(), widgets.XorSettings(batch_size=1)])
def test_training_on_equals_training_again(settings):
    widgets.train_xor_continuing(replace(settings, epochs=300))
    # on, on, on, back (a fresh run), on, and settings met before (kept runs)
    for epochs in [310, 320, 500, 20, 30, 310, 300, 30]:
        net, history = widgets.train_xor_continuing(replace(settings, epochs=epochs))
        fresh_net, fresh_history = widgets.train_xor(replace(settings, epochs=epochs))
        assert history.epoch_loss == fresh_history.epoch_loss, epochs
        for name, value in fresh_net.parameters().items():
            assert np.array_equal(net.parameters()[name], value), (epochs, name)


@pytest.mark.lesson09
def test_fit_picture_reused_equals_fresh_and_a_full_draw():
    from nnlesson.plots import FitPicture

    rng = np.random.default_rng(0)
    xs = np.linspace(-3.2, 3.2, 321).reshape(-1, 1)
    sets = {
        "training set": (rng.uniform(-3, 3, (18, 1)), rng.normal(size=(18, 1))),
        "validation set": (rng.uniform(-3, 3, (18, 1)), rng.normal(size=(18, 1))),
    }
    picture = FitPicture(xs, np.sin(xs), sets)
    picture.png(np.cos(xs), "H = 40, lambda = 0.1")
    last = picture.png(2.5 * np.sin(2 * xs), "H = 40, lambda = 0.0001")
    assert last == FitPicture(xs, np.sin(xs), sets).png(
        2.5 * np.sin(2 * xs), "H = 40, lambda = 0.0001"
    )
    assert picture.legend.get_texts()[-1].get_text() == "H = 40, lambda = 0.0001"
    assert np.array_equal(picture.fit_line.get_ydata(), 2.5 * np.sin(2 * xs).ravel())
    for artist in picture.fig.findobj():
        artist.set_animated(False)
    full = io.BytesIO()
    picture.fig.savefig(full, format="png")
    assert np.array_equal(_pixels(last), _pixels(full.getvalue()))


@pytest.mark.lesson05
@pytest.mark.lesson09
def test_picture_panel_draws_once_then_once_per_move_and_shows_its_view():
    """Lessons 05 and 09's panels: the picture and text, changed in place, are the view's."""
    import ipywidgets

    calls = []

    def view(lr=0.01, steps=3):
        calls.append((lr, steps))
        return f"PNG {lr} {steps}".encode(), f"lr = {lr:.4f}, {steps} steps"

    lr = ipywidgets.FloatLogSlider(value=0.01, min=-3, max=0, description="lr")
    steps = ipywidgets.IntSlider(value=3, min=1, max=9, description="steps")
    panel = widgets.picture_panel(view, {"lr": lr, "steps": steps}, note="a test panel")
    assert calls == [(0.01, 3)] and panel.pictures == 1, "the panel's cell draws one picture"
    assert "a test panel" in repr(panel)
    lr.value, steps.value = 0.1, 5
    assert calls[1:] == [(0.1, 3), (0.1, 5)] and panel.pictures == 3, "one picture per move"
    controls, image, readout = panel.children[:2], panel.children[2], panel.children[3]
    assert list(controls) == [lr, steps] and isinstance(image, ipywidgets.Image)
    assert image.value == b"PNG 0.1 5", "the picture is the view's for the last setting"
    assert readout.value == widgets.readout_html("lr = 0.1000, 5 steps")


def test_show_picture_prints_the_text(capsys):
    widgets.show_picture(b"PNG", "lambda = 0.01: train MSE 0.0100")
    assert capsys.readouterr().out == "lambda = 0.01: train MSE 0.0100\n"


def test_loss_axes_limits_are_round():
    limits = widgets.loss_axes_limits
    assert limits(np.full(300, 0.1)) == (350.0, -2, 0), "300 epochs: x to 350; y 0.01 .. 1"
    assert limits(np.full(349, 0.1))[0] == 350.0 and limits(np.full(350, 0.1))[0] == 400.0
    assert limits(np.full(9, 0.1))[0] == 10.0 and limits(np.full(2000, 0.1))[0] == 2500.0
    assert limits(np.array([0.26, 2e-3, 3e-3]))[1:] == (-3, 0)
    assert limits(np.array([0.26, 1e-3]))[1:] == (-4, 0), "1e-3 / 1.5 is below 1e-3"
    assert limits(np.array([0.0, np.nan]))[1:] == (-3, 0), "nothing to show: 0.001 .. 1"
    for n in [1, 9, 10, 99, 101, 299, 300, 1999, 2000]:
        right = limits(np.full(n, 0.1))[0]
        assert n + 1 <= right <= 1.25 * (n + 1), (n, right)  # the curve fills >= 80 %


def test_xor_moves_reuse_the_loss_axes_background():
    """A move that keeps the loss axes' limits draws no new background (no ticks laid out)."""
    panel = widgets.xor_panel()
    picture_backgrounds = []
    original = widgets.XorPicture._background

    def recording(self, limits):
        picture_backgrounds.append(len(self.backgrounds))
        return original(self, limits)

    controls = _controls(panel)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(widgets.XorPicture, "_background", recording)
        for epochs in [310, 320, 330, 340, 330]:  # all within 0 .. 350
            controls["epochs"].value = epochs
    assert len(set(picture_backgrounds)) == 1, "a background was drawn again"


def test_settings_met_before_are_not_trained_again(monkeypatch):
    built = []
    original = widgets.build_xor_trainer

    def counting(settings):
        built.append(settings)
        return original(settings)

    monkeypatch.setattr(widgets, "build_xor_trainer", counting)
    first = widgets.XorSettings(hidden=7, seed=11)
    net, history = widgets.train_xor_continuing(first)
    widgets.train_xor_continuing(widgets.XorSettings(hidden=6, seed=11))
    again, again_history = widgets.train_xor_continuing(first)  # the slider moved back
    assert built == [first, widgets.XorSettings(hidden=6, seed=11)], "trained again"
    assert again is not net and again_history.epoch_loss == history.epoch_loss
    for name, value in net.parameters().items():
        assert np.array_equal(again.parameters()[name], value), name
