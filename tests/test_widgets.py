import itertools

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from nnlesson import widgets as W  # noqa: E402

pytestmark = pytest.mark.lesson11


def test_show_xor_prints_what_train_xor_computes(capsys):
    W.show_xor(epochs=50, seed=3)
    printed = capsys.readouterr().out.strip()
    settings = W.XorSettings(epochs=50, seed=3)
    net, history = W.train_xor(settings)
    assert printed == W.xor_summary(settings, net, history)
    assert "epochs=50" in printed and "seed=3" in printed
    plt.close("all")


def test_xor_picture_is_reused_and_redrawn():
    picture = W.XorPicture()
    solved_net, solved_history = W.train_xor()
    stuck_net, stuck_history = W.train_xor(W.XorSettings(hidden=1, epochs=40))
    first = picture.png(solved_net, solved_history, "solved")
    artists = len(picture.left.get_children())
    second = picture.png(stuck_net, stuck_history, "not solved")
    third = picture.png(solved_net, solved_history, "solved")
    assert first.startswith(b"\x89PNG") and second.startswith(b"\x89PNG")
    assert second != first and third == first  # the same network draws the same picture
    assert len(picture.left.get_children()) == artists  # old boundaries are removed
    assert picture.curve.get_xdata()[-1] == 300
    assert picture.left.get_title() == "solved"


def test_defaults_solve_xor():
    net, history = W.train_xor()
    assert W.solved(net) and history.epoch_loss[-1] < 0.01


@pytest.mark.parametrize(
    ("activation", "optimizer", "batch_size"),
    list(itertools.product(["sigmoid", "tanh", "relu"], ["gd", "momentum", "rmsprop", "adam"], [1, 2, 4])),
)  # fmt: skip
def test_every_menu_combination_trains_without_error(activation, optimizer, batch_size):
    settings = W.XorSettings(
        activation=activation, optimizer=optimizer, batch_size=batch_size, epochs=20, lr=10.0
    )
    net, history = W.train_xor(settings)  # a huge rate may diverge: it stops, never raises
    assert "solved:" in W.xor_summary(settings, net, history)


def test_controls_cover_every_setting_and_start_at_the_defaults():
    controls = W.xor_controls()
    assert set(controls) == set(W.asdict(W.XorSettings()))
    assert {k: c.value for k, c in controls.items()} == W.asdict(W.XorSettings())
    assert W.xor_panel() is not None


def test_step_panel_counts_batches_and_epochs():
    panel = W.StepPanel(W.XorSettings(batch_size=2))
    text = panel.step_batch()
    assert text.startswith("step one batch: iteration 1, epoch 0, batch 1")
    assert "W1 before:" in text and "W1 after:" in text
    assert panel.step_epoch().startswith("step one epoch: iteration 2, epoch 1, batch 0")
    assert panel.step_epoch().startswith("step one epoch: iteration 4, epoch 2")
    assert panel.reset().startswith("reset: iteration 0, epoch 0")
    assert panel.widget() is not None


def test_a_panel_says_what_it_is_before_it_runs():
    from nnlesson.widgets import Panel, xor_panel

    panel = Panel([], "a test panel")
    assert repr(panel) == "[interactive panel: a test panel. Run this cell to use it.]"
    assert "VBox(" not in panel._repr_mimebundle_()["text/plain"]
    assert repr(xor_panel()).startswith("[interactive panel: XOR network")
