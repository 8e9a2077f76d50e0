"""Interactive panels, built with ipywidgets and matplotlib: a picture that follows its
controls (lessons 05 and 09, :func:`picture_panel`), lesson 06 (a trainer stepped by
buttons), lesson 11 (XOR) and lesson 12 (handwritten digits).

Imported on use (``from nnlesson import widgets``); ``import nnlesson`` does not load it.

Every panel is a thin shell around plain functions that can be called without a front
end: :func:`train_xor` trains, :func:`xor_summary` says what happened in one line, and
:func:`show_xor` prints that line and shows the picture. The slider panel calls
:func:`show_xor`; a notebook calls it once more with the defaults in a plain cell so that
nbval (which has no front end) checks the printed numbers.

The picture is drawn by :class:`XorPicture`, one figure made once and reused: a slider
only changes the data in it. Making a new figure at every move (axes, ticks, layout)
took longer than the training itself.
"""

from __future__ import annotations

import copy
import html
import io
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from html import escape

import ipywidgets as w
import numpy as np
from IPython import get_ipython
from IPython.display import Image, display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nnlesson import _widget_checks as _check
from nnlesson.data import xor
from nnlesson.language import say
from nnlesson.losses import mse
from nnlesson.network import Network
from nnlesson.optimizers import get_optimizer
from nnlesson.plots import PROBABILITY_SHADING, canvas_png
from nnlesson.training import History, Trainer

# JupyterLab breaks long lines of printed text anywhere, even inside a word ("sol|ved").
# Readouts are shown as HTML that wraps only between words; text/plain keeps the same
# line for nbval and for any front end without HTML.
WRAP_BETWEEN_WORDS = "white-space: pre-wrap; word-break: normal; overflow-wrap: normal; margin: 0"


def show_text(text: str) -> None:
    """Show ``text`` in a notebook so that long lines wrap between words, never inside one.

    Outside IPython (a script, a test) it is printed.
    """
    if get_ipython() is None:
        print(text)
        return
    display({"text/plain": text, "text/html": readout_html(text)}, raw=True)


class Panel(w.VBox):
    """A panel of controls and outputs (a ``VBox``) that says what it is before it runs.

    A notebook opened without running shows a widget's plain-text form; for a bare
    ``VBox`` that is ``VBox(children=(IntSlider(...`` noise. A ``Panel`` shows ``note``
    instead: one line saying what the panel is and that running the cell brings it up.
    """

    def __init__(self, children: list[w.Widget], note: str, **kwargs: object) -> None:
        super().__init__(children, **kwargs)
        self.note = note

    def __repr__(self) -> str:
        return say(
            f"[interactive panel: {self.note}. Run this cell to use it.]",
            f"[交互面板：{self.note}。运行这个单元格即可使用。]",
        )


def picture_panel(
    view: Callable[..., tuple[bytes, str]], controls: dict[str, w.Widget], note: str
) -> Panel:
    """Controls, and under them a picture and a line of text that follow the controls.

    ``view(**values)`` gets one keyword per control (``controls`` maps each keyword to its
    control, as ``ipywidgets.interactive_output`` does) and returns the picture's PNG bytes
    and the text. The picture is an ``Image`` widget and the text an HTML widget, both
    changed in place at each move: the browser receives the new PNG's bytes and text and
    swaps them in (no output area cleared and rebuilt, no base64). The panel draws once
    when made, then once per change; ``panel.pictures`` counts.
    """
    image = w.Image(format="png", layout=w.Layout(width="auto", align_self="flex-start"))
    readout = w.HTML()
    panel = Panel([*controls.values(), image, readout], note)
    panel.pictures = 0

    def update(_change: object = None) -> None:
        png, text = view(**{name: control.value for name, control in controls.items()})
        image.value = png
        readout.value = readout_html(text)
        panel.pictures += 1

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return panel


def show_picture(png: bytes, text: str) -> None:
    """Show a panel's view without the panel: the picture, then the text (printed).

    Outside IPython (a script, a test) the text is printed and the picture not shown.
    """
    if get_ipython() is not None:
        display(Image(png))
    print(text)


@dataclass(frozen=True)
class XorSettings:
    """The knobs of the XOR panel, with its default values."""

    hidden: int = 4
    activation: str = "sigmoid"
    optimizer: str = "adam"
    lr: float = 0.05
    batch_size: int = 4
    epochs: int = 300
    scale: float = 1.0
    seed: int = 0


def build_xor_trainer(settings: XorSettings) -> Trainer:
    """A 2-H-1 network (sigmoid output) and a :class:`Trainer` on the four XOR points."""
    _check.xor_settings(settings)
    X, Y = xor()
    net = Network.build(
        [2, settings.hidden, 1],
        settings.activation,
        "sigmoid",
        init="normal",
        scale=settings.scale,
        rng=np.random.default_rng(settings.seed),
    )
    return Trainer(
        net,
        X,
        Y,
        optimizer=get_optimizer(settings.optimizer, lr=settings.lr),
        batch_size=settings.batch_size,
        rng=np.random.default_rng(settings.seed + 1),
        on_nonfinite="stop",
    )


def train_xor(settings: XorSettings = XorSettings()) -> tuple[Network, History]:
    """Train from scratch with ``settings``; returns the network and its history."""
    trainer = build_xor_trainer(settings)
    trainer.run(settings.epochs)
    return trainer.net, trainer.history


def solved(net: Network) -> bool:
    """True when all four XOR points land on the right side of 0.5."""
    _check.network(net)
    X, Y = xor()
    return bool(np.all((net.forward(X) > 0.5) == (Y > 0.5)))


def xor_summary(settings: XorSettings, net: Network, history: History) -> str:
    """One line: the settings, the final loss, the four outputs, solved or not."""
    X, _ = xor()
    outputs = " ".join(f"{v:.3f}" for v in net.forward(X).ravel())
    loss = history.epoch_loss[-1] if history.epoch_loss else float("nan")
    verdict = say("yes", "是") if solved(net) else say("no", "否")
    return say(
        f"hidden={settings.hidden} {settings.activation} {settings.optimizer} "
        f"lr={settings.lr:.4g} batch={settings.batch_size} epochs={settings.epochs} "
        f"scale={settings.scale:.2g} seed={settings.seed} | final loss {loss:.6f} | "
        f"outputs {outputs} | solved: {verdict}",
        f"隐藏单元={settings.hidden} {settings.activation} {settings.optimizer} "
        f"lr={settings.lr:.4g} 批量={settings.batch_size} 轮数={settings.epochs} "
        f"尺度={settings.scale:.2g} 随机种子={settings.seed} | 最终损失 {loss:.6f} | "
        f"输出 {outputs} | 解出：{verdict}",
    )


# Round numbers of epochs for the right end of the loss axes (times a power of ten).
ROUND_EPOCHS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0)


def loss_axes_limits(losses: np.ndarray) -> tuple[float, int, int]:
    """The XOR picture's loss axes for these losses: the right end of the epoch axis (a
    round number above the last epoch, from :data:`ROUND_EPOCHS`) and the lowest and
    highest power of ten of the log loss axis (whole decades around the positive losses,
    with a factor 1.5 to spare). Most moves keep the limits, so the axes' ticks need not be
    laid out again."""
    epochs = max(len(losses), 1) + 1
    power = 10.0 ** np.floor(np.log10(epochs))
    right = min(float(r * power) for r in ROUND_EPOCHS if r * power >= epochs)
    shown = losses[np.isfinite(losses) & (losses > 0)]
    if shown.size == 0:
        return right, -3, 0
    low = int(np.floor(np.log10(shown.min() / 1.5)))
    high = int(np.ceil(np.log10(shown.max() * 1.5)))
    return right, low, high


class XorPicture:
    """The XOR panel's figure: decision boundary (left) and loss per epoch (right).

    The figure and its axes are made once. What stays from picture to picture (the axes'
    ticks and labels, the loss axes' title) is kept as a background: the left axes' drawn
    once (``base``), the loss axes' drawn on it once for each set of limits
    (``backgrounds``); :meth:`png` puts back that background and
    draws only what a new network changes (matplotlib "blitting"): the network's output over
    the plane, the 0.5 boundary, the four points on top, the title, the loss curve and the
    axes' frames. The loss axes' limits are round (:func:`loss_axes_limits`), so most moves
    find their background kept. It is not a pyplot figure, so Jupyter never shows it by
    itself: :func:`show_xor` displays the PNG. ``drawn`` counts the pictures made.
    """

    def __init__(self, resolution: int = 61) -> None:
        X, Y = xor()
        self.fig = Figure(figsize=(8.0, 3.4))
        self.canvas = FigureCanvasAgg(self.fig)
        self.left, self.right = self.fig.subplots(1, 2)
        self.fig.subplots_adjust(left=0.1, right=0.98, bottom=0.16, top=0.9, wspace=0.35)
        grid = np.linspace(-0.5, 1.5, resolution)
        self.g0, self.g1 = np.meshgrid(grid, grid)
        self.points = np.column_stack([self.g0.ravel(), self.g1.ravel()])
        self.image = self.left.imshow(
            np.zeros_like(self.g0), extent=(-0.5, 1.5, -0.5, 1.5), **PROBABILITY_SHADING
        )
        ones = Y[:, 0] > 0.5
        self.dots = [
            self.left.scatter(X[~ones, 0], X[~ones, 1], c="tab:blue", ec="k", zorder=3),
            self.left.scatter(X[ones, 0], X[ones, 1], c="tab:red", ec="k", zorder=3),
        ]
        self.left.set_xlabel("x1")
        self.left.set_ylabel("x2")
        self.boundary = None  # the 0.5 contour of the last network, if it has one
        (self.curve,) = self.right.plot([], [])
        self.right.set_yscale("log")
        self.right.set_xlabel(say("epoch", "轮次"))
        self.right.set_ylabel(say("loss (MSE)", "损失（MSE）"))
        # a title at a fixed height: matplotlib then skips placing it around the ticks
        self.right.set_title(say("loss", "损失"), y=1.0)
        self.left.set_title("", y=1.0)
        # what a network changes: left out of the backgrounds, drawn by png
        self.changing_left = [self.image, *self.left.spines.values(), *self.dots]
        self.changing_right = [self.curve, *self.right.spines.values()]
        for artist in [*self.changing_left, self.left.title, *self.changing_right]:
            artist.set_animated(True)
        self.base = None  # the figure without the loss axes, drawn at the first picture
        self.backgrounds: dict[tuple[float, int, int], object] = {}  # by loss-axes limits
        self.drawn = 0

    def _background(self, limits: tuple[float, int, int]) -> object:
        """The figure without what a network changes, for these loss-axes limits."""
        right, low, high = limits
        self.right.set_xlim(0, right)
        self.right.set_ylim(10.0**low, 10.0**high)
        if limits not in self.backgrounds:
            if len(self.backgrounds) >= 8:  # about 1 MB each: drop the oldest
                self.backgrounds.pop(next(iter(self.backgrounds)))
            if self.base is None:  # the figure and the left axes' fixed parts, drawn once
                self.right.set_visible(False)
                self.canvas.draw()
                self.base = self.canvas.copy_from_bbox(self.fig.bbox)
                self.right.set_visible(True)
            # on it, the loss axes at these limits (a full draw takes them after the left)
            self.canvas.restore_region(self.base)
            self.fig.draw_artist(self.right)
            self.backgrounds[limits] = self.canvas.copy_from_bbox(self.fig.bbox)
        return self.backgrounds[limits]

    def png(self, net: Network, history: History, title: str = "") -> bytes:
        """Draw ``net``'s decision boundary and ``history``'s loss curve; PNG bytes."""
        p = net.forward(self.points)[:, 0].reshape(self.g0.shape)
        self.image.set_data(p)
        if self.boundary is not None:
            self.boundary.remove()
            self.boundary = None
        if np.nanmin(p) < 0.5 < np.nanmax(p):
            self.boundary = self.left.contour(
                self.g0, self.g1, p, levels=[0.5], colors="k", linewidths=1.5
            )
            self.boundary.set_animated(True)
        self.left.set_title(title, y=1.0)
        losses = np.asarray(history.epoch_loss, dtype=float)
        self.curve.set_data(np.arange(1, len(losses) + 1), losses)
        self.canvas.restore_region(self._background(loss_axes_limits(losses)))
        # in the order a full draw takes: shading, boundary, frame, points, title; curve, frame
        changed = [self.image, self.boundary, *self.changing_left[1:]]
        for artist in [a for a in changed if a is not None]:
            self.left.draw_artist(artist)
        self.left.draw_artist(self.left.title)
        for artist in self.changing_right:
            self.right.draw_artist(artist)
        self.drawn += 1
        return canvas_png(self.canvas)


_picture: XorPicture | None = None
_last_run: tuple[XorSettings, Trainer] | None = None  # the panel's last training run
# runs already made, by their settings: a copy of the network and of the history
_runs: dict[XorSettings, tuple[Network, History]] = {}
RUNS_KEPT = 64


def train_xor_continuing(settings: XorSettings) -> tuple[Network, History]:
    """:func:`train_xor`, but without training again what was trained before: settings
    met before return a copy of that run's network and history (a slider moved back), and
    when only the epoch count grew since the last call, the last run's network trains on
    for the extra epochs instead of starting again.

    Training on from epoch 300 to 310 takes the same steps, with the same shuffling and
    optimizer state, as a fresh run of 310 epochs: the network and history are the same.
    """
    global _last_run
    if settings in _runs:
        net, history = _runs[settings]
        return net.copy(), copy.deepcopy(history)
    if _last_run is not None:
        before, trainer = _last_run
        same_run = replace(before, epochs=settings.epochs) == settings
        if same_run and settings.epochs >= before.epochs and not trainer.stopped:
            trainer.run(settings.epochs - before.epochs)
            _last_run = (settings, trainer)
            return _kept(settings, trainer)
    trainer = build_xor_trainer(settings)
    trainer.run(settings.epochs)
    _last_run = (settings, trainer)
    return _kept(settings, trainer)


def _kept(settings: XorSettings, trainer: Trainer) -> tuple[Network, History]:
    """Keep a copy of this run for its settings; return the trainer's network and history."""
    if len(_runs) >= RUNS_KEPT:  # keep the memory bounded: drop the oldest
        _runs.pop(next(iter(_runs)))
    _runs[settings] = (trainer.net.copy(), copy.deepcopy(trainer.history))
    return trainer.net, trainer.history


def show_xor(**settings: object) -> None:
    """Train with these settings (keywords of :class:`XorSettings`), print the summary, draw.

    Outside IPython (a script, a test) there is nowhere to show the picture: it is drawn
    but not displayed.
    """
    _check.setting_names(settings, XorSettings)
    global _picture
    s = replace(XorSettings(), **settings)
    net, history = train_xor_continuing(s)
    show_text(xor_summary(s, net, history))
    if _picture is None:
        _picture = XorPicture()
    title = say("solved", "已解出") if solved(net) else say("not solved", "未解出")
    png = _picture.png(net, history, title)
    if get_ipython() is not None:
        display(Image(png))


def xor_controls(settings: XorSettings = XorSettings()) -> dict[str, w.Widget]:
    """One control per setting; sliders update when released (one retrain per change)."""
    style = {"description_width": "110px"}
    kw = {"continuous_update": False, "style": style}
    return {
        "hidden": w.IntSlider(
            settings.hidden, 1, 8, description=say("hidden units", "隐藏单元数"), **kw
        ),
        "activation": w.Dropdown(
            options=["sigmoid", "tanh", "relu"],
            value=settings.activation,
            description=say("activation", "激活函数"),
            style=style,
        ),
        "optimizer": w.Dropdown(
            options=["gd", "momentum", "rmsprop", "adam"],
            value=settings.optimizer,
            description=say("optimizer", "优化器"),
            style=style,
        ),
        "lr": w.FloatLogSlider(
            settings.lr,
            base=10,
            min=-3,
            max=1,
            step=0.1,
            description=say("learning rate", "学习率"),
            **kw,
        ),
        "batch_size": w.Dropdown(
            options=[1, 2, 4],
            value=settings.batch_size,
            description=say("batch size", "批量大小"),
            style=style,
        ),
        "epochs": w.IntSlider(
            settings.epochs, 10, 2000, step=10, description=say("epochs", "轮数"), **kw
        ),
        "scale": w.FloatSlider(
            settings.scale,
            min=0.1,
            max=5.0,
            step=0.1,
            description=say("init scale", "初始化尺度"),
            **kw,
        ),
        "seed": w.IntSlider(settings.seed, 0, 20, description=say("random seed", "随机种子"), **kw),
    }


def readout_html(text: str) -> str:
    """``text`` as the HTML :func:`show_text` shows: preformatted, wrapping between words."""
    return f'<pre class="nnlesson-readout" style="{WRAP_BETWEEN_WORDS}">{escape(text)}</pre>'


def xor_panel(settings: XorSettings = XorSettings()) -> w.Widget:
    """Sliders and menus for every setting; each change retrains and redraws.

    The summary line is an HTML widget and the picture an ``Image`` widget, both changed in
    place: a move sends the new text and the PNG's bytes, and the browser swaps them in
    (no output area cleared and rebuilt, no base64). It shows what :func:`show_xor` shows.
    ``panel.pictures`` counts the pictures it has drawn: one when its cell runs, then one
    per move.
    """
    controls = xor_controls(settings)
    readout = w.HTML()
    # at the PNG's own size: a box would otherwise stretch it to its width, blurred
    image = w.Image(format="png", layout=w.Layout(width="auto", align_self="flex-start"))
    picture = XorPicture()
    left = w.VBox(list(controls.values())[:4])
    right = w.VBox(list(controls.values())[4:])
    note = say("XOR network, every setting a slider", "异或网络，每个设置一个滑块")
    panel = Panel([w.HBox([left, right]), readout, image], note)
    panel.pictures = 0

    def update(_change: object = None) -> None:
        s = replace(XorSettings(), **{k: c.value for k, c in controls.items()})
        net, history = train_xor_continuing(s)
        readout.value = readout_html(xor_summary(s, net, history))
        title = say("solved", "已解出") if solved(net) else say("not solved", "未解出")
        image.value = picture.png(net, history, title)
        panel.pictures += 1

    for control in controls.values():
        control.observe(update, names="value")
    update()
    return panel


class StepPanel:
    """Buttons that advance training by one batch or one epoch and show what changed.

    Its methods are plain functions too: ``panel.step_batch()`` returns the text the
    panel shows, so a notebook can print it where nbval checks it.
    """

    def __init__(self, settings: XorSettings = XorSettings(batch_size=2)) -> None:
        self.settings = settings
        self.reset()

    def reset(self) -> str:
        """Start again from the initial weights."""
        self.trainer = build_xor_trainer(self.settings)
        return self._report(say("reset", "重置"), None)

    def _weights(self) -> str:
        W1 = self.trainer.net.layers[0].W
        return np.array2string(W1, precision=4, floatmode="fixed", suppress_small=True)

    def _report(self, action: str, before: str | None) -> str:
        t = self.trainer
        lines = [
            say(
                f"{action}: iteration {t.iteration}, epoch {t.epoch}, "
                f"batch {t.batch_in_epoch} of this epoch (batch size {t.batch_size}, "
                f"{len(t.X)} samples)",
                f"{action}：迭代 {t.iteration}，轮 {t.epoch}，"
                f"本轮的批量 {t.batch_in_epoch}（批量大小 {t.batch_size}，"
                f"{len(t.X)} 个样本）",
            )
        ]
        if t.history.iteration_loss:
            loss = t.history.iteration_loss[-1]
            lines.append(say(f"last batch loss {loss:.6f}", f"上一个批量的损失 {loss:.6f}"))
        if before is not None:
            lines.append(say(f"W1 before:\n{before}", f"W1 之前：\n{before}"))
        when = say("after", "之后") if before is not None else say("now", "现在")
        lines.append(say(f"W1 {when}:\n{self._weights()}", f"W1 {when}：\n{self._weights()}"))
        return "\n".join(lines)

    def step_batch(self) -> str:
        """One iteration (one batch)."""
        before = self._weights()
        self.trainer.step_batch()
        return self._report(say("step one batch", "训练一个批量"), before)

    def step_epoch(self) -> str:
        """The rest of the current epoch, or a whole epoch."""
        before = self._weights()
        self.trainer.step_epoch()
        return self._report(say("step one epoch", "训练一轮"), before)

    def widget(self) -> w.Widget:
        """The buttons and a text area showing the counters and weights."""
        out = w.Output()

        def click(action):
            def handler(_button: w.Button) -> None:
                text = action()
                out.clear_output(wait=True)
                with out:
                    show_text(text)

            return handler

        buttons = []
        for label, action in [
            (say("step one batch", "训练一个批量"), self.step_batch),
            (say("step one epoch", "训练一轮"), self.step_epoch),
            (say("reset", "重置"), self.reset),
        ]:
            button = w.Button(description=label)
            button.on_click(click(action))
            buttons.append(button)
        with out:
            show_text(self._report(say("start", "开始"), None))
        note = say(
            "XOR training, one batch or one epoch per click", "异或训练，每点一次训练一个批量或一轮"
        )
        return Panel([w.HBox(buttons), out], note)


# ---------------------------------------------------------------- Lesson 12: digits
def corrupt_digit(
    pixels: np.ndarray, noise: float = 0.0, erase: int = 0, seed: int = 0
) -> np.ndarray:
    """A damaged copy of one 64-pixel image: ``erase`` inked pixels set to 0, then Gaussian
    noise of standard deviation ``noise`` added, clipped to [0, 1].

    Which pixels go and the noise come from ``seed`` only, so moving one slider never
    reshuffles what the other did: erasing 5 pixels erases the first 5 of the same order.
    """
    _check.pixels(pixels)
    _check.damage(noise, erase, seed)
    x = np.array(pixels, dtype=float).reshape(-1)
    rng = np.random.default_rng(seed)
    order = rng.permutation(np.flatnonzero(x > 0))
    noise_draw = rng.standard_normal(x.size)
    x[order[: int(erase)]] = 0.0
    return np.clip(x + float(noise) * noise_draw, 0.0, 1.0)


def digit_readout(
    net: Network,
    X: np.ndarray,
    labels: np.ndarray,
    index: int = 0,
    noise: float = 0.0,
    erase: int = 0,
) -> tuple[str, np.ndarray, np.ndarray]:
    """Damage test digit ``index`` and ask the network: (one line, the image, its 10 probabilities)."""
    _check.readout(net, X, labels, index)
    x = corrupt_digit(X[index], noise, erase, seed=index)
    p = net.forward(x.reshape(1, -1))[0]
    guess = int(p.argmax())
    verdict = say("right", "对") if guess == int(labels[index]) else say("wrong", "错")
    text = say(
        f"test digit #{index} (a {int(labels[index])}), noise {noise:.2f}, {int(erase)} pixels "
        f"erased -> predicted {guess} with probability {p[guess]:.3f} "
        f"({verdict})",
        f"测试集数字 #{index}（真实为 {int(labels[index])}），噪声 {noise:.2f}，"
        f"擦除 {int(erase)} 个像素 -> 预测为 {guess}，概率 {p[guess]:.3f}"
        f"（{verdict}）",
    )
    return text, x, p


def probability_bars(probabilities: np.ndarray, width: int = 40) -> str:
    """Ten probabilities as lines of text bars, ``"3 ######...  0.973"``."""
    _check.probabilities(probabilities, width)
    return "\n".join(
        f"{k} {'#' * round(float(p) * width):<{width}} {float(p):.3f}"
        for k, p in enumerate(probabilities)
    )


def digit_png(pixels: np.ndarray, scale: int = 12) -> bytes:
    """An 8×8 image as a PNG, each pixel a ``scale``×``scale`` square, ink dark on white."""
    _check.pixels(pixels)
    _check.png_scale(scale)
    from matplotlib.image import imsave

    big = np.kron(np.asarray(pixels, dtype=float).reshape(8, 8), np.ones((scale, scale)))
    buffer = io.BytesIO()
    imsave(buffer, 1.0 - big, cmap="gray", vmin=0.0, vmax=1.0, format="png")
    return buffer.getvalue()


def show_digit(
    net: Network,
    X: np.ndarray,
    labels: np.ndarray,
    index: int = 0,
    noise: float = 0.0,
    erase: int = 0,
) -> np.ndarray:
    """The panel's computation as plain text: print the readout and the bars; returns the
    probabilities. A notebook calls it with the defaults so that nbval checks the numbers."""
    text, _, p = digit_readout(net, X, labels, index, noise, erase)
    print(text)
    print(probability_bars(p))
    return p


class DigitsPanel:
    """Choose a test digit, add noise, erase pixels: the image and ten probability bars follow.

    The bars are ipywidgets progress bars and the image a small PNG, so a slider move costs
    one forward pass and a few widget updates (no matplotlib figure). :meth:`update` is
    the callback; it returns the readout line, so a test can call it without a front end.
    """

    def __init__(self, net: Network, X: np.ndarray, labels: np.ndarray) -> None:
        self.net, self.X, self.labels = net, X, labels
        kw = {"continuous_update": False, "style": {"description_width": "110px"}}
        self.controls = {
            "index": w.IntSlider(
                0, 0, len(X) - 1, description=say("test digit #", "测试集数字 #"), **kw
            ),
            "noise": w.FloatSlider(
                0.0, min=0.0, max=0.6, step=0.05, description=say("noise", "噪声"), **kw
            ),
            "erase": w.IntSlider(0, 0, 40, description=say("erase pixels", "擦除像素"), **kw),
        }
        self.image = w.Image(format="png", width=120, height=120)
        self.bars = [
            w.FloatProgress(0.0, min=0.0, max=1.0, description=f"{k}", bar_style="info")
            for k in range(10)
        ]
        self.values = [w.Label("") for _ in range(10)]
        self.readout = w.Label("")
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    def _on_change(self, _change: dict) -> None:
        self.update(**{name: c.value for name, c in self.controls.items()})

    def update(self, index: int = 0, noise: float = 0.0, erase: int = 0) -> str:
        """Recompute for these settings and refresh the image, bars and readout."""
        text, x, p = digit_readout(self.net, self.X, self.labels, index, noise, erase)
        self.image.value = digit_png(x)
        guess, label = int(p.argmax()), int(self.labels[index])
        for k, (bar, value) in enumerate(zip(self.bars, self.values)):
            with bar.hold_sync():  # one message per bar, not one per changed setting
                bar.value = float(p[k])
                bar.bar_style = "success" if k == label else ("danger" if k == guess else "info")
            value.value = f"{p[k]:.3f}"
        self.readout.value = text
        return text

    def widget(self) -> Panel:
        rows = [w.HBox([bar, value]) for bar, value in zip(self.bars, self.values)]
        return Panel(
            [
                w.HBox([w.VBox(list(self.controls.values())), self.image]),
                self.readout,
                w.VBox(rows),
            ],
            say(
                "a test digit, noise and erased pixels, the network's probabilities",
                "一个测试集数字、噪声和擦除的像素，以及网络给出的概率",
            ),
        )


def digits_panel(net: Network, X: np.ndarray, labels: np.ndarray) -> Panel:
    """The digits panel (:class:`DigitsPanel`) for network ``net`` on test images ``X``."""
    return DigitsPanel(net, X, labels).widget()


def _vector(values: np.ndarray) -> str:
    return "[" + ", ".join(f"{v:+.4f}" for v in np.ravel(values)) + "]"


class BatchStepPanel:
    """Lesson 06's buttons: step any :class:`Trainer` by one batch or one epoch.

    ``make_trainer()`` builds a fresh trainer (same weights, same shuffling each time); the
    panel owns the trainer it made and nothing else steps it, so what it shows is always
    the state its next click steps from. Its methods return the text the panel shows, so a
    notebook can print them too, from a panel of its own.
    """

    def __init__(self, make_trainer: Callable[[], Trainer]) -> None:
        self.make_trainer = make_trainer
        self.trainer = make_trainer()
        self.readout: w.HTML | None = None

    def _first_layer(self) -> np.ndarray:
        return self.trainer.net.parameters()["W1"].copy()

    def report(self, action: str, before: np.ndarray | None = None) -> str:
        """The counters, the loss on all the training data and W1 (before and after)."""
        t = self.trainer
        loss = mse(t.net.forward(t.X), t.Y)
        lines = [
            say(
                f"{action}: iteration {t.iteration}, epoch {t.epoch}, "
                f"batch_in_epoch {t.batch_in_epoch}, loss on all data {loss:.4f}",
                f"{action}：迭代 {t.iteration}，轮 {t.epoch}，"
                f"batch_in_epoch {t.batch_in_epoch}，全部数据上的损失 {loss:.4f}",
            )
        ]
        # the labels fill 10 columns (a Chinese character takes two), like "W1 before:"
        shown = [(say("W1 before:", "W1 之前： "), before)] if before is not None else []
        now = (
            say("W1 after: ", "W1 之后： ")
            if before is not None
            else say("W1 now:   ", "W1 现在： ")
        )
        shown.append((now, self._first_layer()))
        for label, matrix in shown:  # W1 is 2 x 8: one row per line
            lines.append(f"  {label} {_vector(matrix[0])}")
            lines += [f"             {_vector(row)}" for row in matrix[1:]]
        return "\n".join(lines)

    def step_batch(self) -> str:
        """One iteration: ``trainer.step_batch()``."""
        before = self._first_layer()
        self.trainer.step_batch()
        return self._show(self.report(say("step one batch", "训练一个批量"), before))

    def step_epoch(self) -> str:
        """The rest of the current epoch: ``trainer.step_epoch()``."""
        before = self._first_layer()
        self.trainer.step_epoch()
        return self._show(self.report(say("step one epoch", "训练一轮"), before))

    def reset(self) -> str:
        """A new trainer from ``make_trainer()``: the same start again."""
        self.trainer = self.make_trainer()
        return self._show(self.report(say("reset", "重置")))

    def _show(self, text: str) -> str:
        if self.readout is not None:
            self.readout.value = (
                '<pre class="nnlesson-readout" style="white-space: pre-wrap; '
                'word-break: normal; overflow-wrap: break-word; margin: 0">'
                f"{html.escape(text)}</pre>"
            )
        return text

    def widget(self) -> Panel:
        """Three buttons over a readout that wraps between words; shows the current state."""
        self.readout = w.HTML()
        buttons = []
        for label, action in [
            (say("step one batch", "训练一个批量"), self.step_batch),
            (say("step one epoch", "训练一轮"), self.step_epoch),
            (say("reset", "重置"), self.reset),
        ]:
            button = w.Button(description=label)
            button.on_click(lambda _button, action=action: action())
            buttons.append(button)
        self._show(self.report(say("ready", "就绪")))
        return Panel(
            [w.HBox(buttons), self.readout],
            say(
                "buttons that step a trainer one batch or one epoch at a time",
                "每点一次按钮，训练器前进一个批量或一轮",
            ),
        )


__all__ = [
    "BatchStepPanel",
    "DigitsPanel",
    "StepPanel",
    "XorPicture",
    "XorSettings",
    "ROUND_EPOCHS",
    "loss_axes_limits",
    "show_text",
    "asdict",
    "build_xor_trainer",
    "corrupt_digit",
    "digit_readout",
    "digit_png",
    "digits_panel",
    "probability_bars",
    "readout_html",
    "picture_panel",
    "show_digit",
    "show_picture",
    "show_xor",
    "solved",
    "train_xor",
    "train_xor_continuing",
    "xor_controls",
    "xor_panel",
    "xor_summary",
]
