r"""The training loop: epochs of batches of updates (lessons 05-11).

One *iteration* takes one batch, runs forward and backward, and lets the optimizer
update the weights:

.. math:: w \leftarrow \text{optimizer}(w,\ \partial L_\text{batch}/\partial w).

One *epoch* is one pass over the (shuffled) training set, batch by batch.
:class:`Trainer` does one iteration (:meth:`Trainer.step_batch`), one epoch
(:meth:`Trainer.step_epoch`) or many (:meth:`Trainer.run`), and keeps the counters
and the loss history; :func:`train` is the one-call version.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nnlesson._validation import (
    as_generator,
    check_bool,
    check_callable,
    check_choice,
    check_int,
    check_positive_number,
)
from nnlesson.data import batch_indices, check_dataset
from nnlesson.language import say
from nnlesson.losses import Loss, get_loss
from nnlesson.network import Network
from nnlesson.optimizers import GradientDescent, Optimizer, get_optimizer

ON_NONFINITE = ("raise", "stop", "continue")


class TrainingDiverged(FloatingPointError):
    """Training cannot go on: the loss or a weight became NaN or infinite, or one update
    threw the weights a million times further than they were. The message says which,
    where, and the fix for that cause."""


STEP_LIMIT = 1e6
"""An update that makes the weights' length (the root of the sum of squares of every weight)
more than this many times larger (and larger than 1e6) is a divergence: with a learning rate
such as 1e300, sigmoid units saturate after one step, their derivative is exactly 0, and the
loss stops changing without ever becoming NaN."""


@dataclass
class History:
    """What happened during training.

    Attributes:
        iteration_loss: the loss of every batch, measured before that batch's update.
        epoch_loss: one value per finished epoch: the loss over the epoch's samples as
            they were seen (for ``"mse"`` the batch losses averaged with the batch sizes as
            weights; for ``"half_sse"``, a sum over samples, their sum). With full batches
            this is simply the loss before each epoch's single update.
        iterations_per_epoch: how many updates each epoch had.
    """

    iteration_loss: list[float] = field(default_factory=list)
    epoch_loss: list[float] = field(default_factory=list)
    iterations_per_epoch: int = 0

    def __repr__(self) -> str:
        last = f"{self.epoch_loss[-1]:.6g}" if self.epoch_loss else "-"
        return (
            f"History(epochs={len(self.epoch_loss)}, iterations={len(self.iteration_loss)}, "
            f"last epoch loss={last})"
        )


class Trainer:
    r"""Train ``net`` on ``(X, Y)``, one batch, one epoch or many epochs at a time.

    Args:
        net: the network; its parameters are replaced (not modified in place) at each step.
        X, Y: training data, shapes ``(N, inputs)`` and ``(N, outputs)``. The Trainer keeps
            its own copy (``trainer.X``, ``trainer.Y``): changing your arrays afterwards does
            not change what it trains on.
        loss: ``"mse"`` (default), ``"half_mse"``, ``"half_sse"``, ``"cross_entropy"``
            (softmax output, one-hot targets) or ``"binary_cross_entropy"`` (sigmoid output,
            0/1 targets), or a :class:`~nnlesson.losses.Loss`.
        optimizer: an :class:`~nnlesson.optimizers.Optimizer` or its name; default
            ``GradientDescent(lr=0.1)``.
        batch_size: samples per iteration; ``None`` means all N (full batch).
        shuffle: draw a new order every epoch (ignored for full batches, whose gradient
            does not depend on the order).
        drop_last: drop the last batch of an epoch when it is smaller than ``batch_size``.
        rng: a ``numpy.random.Generator`` or an integer seed, for shuffling.
        callback: called as ``callback(trainer)`` after every epoch (live plots, widgets).
        on_nonfinite: what to do when a loss is NaN or infinite: ``"raise"`` a
            :class:`TrainingDiverged` error (default), ``"stop"`` quietly, or ``"continue"``
            (for demonstrations of divergence). ``"raise"`` and ``"stop"`` also act when one
            update makes the weights' length more than :data:`STEP_LIMIT` times larger (a
            learning rate such as 1e300 saturates sigmoid units without any NaN); the error
            says what it saw (bad data, a bad weight, an overflow at the start, or steps too
            large) and the fix for that cause.
        l2: L2 regularisation ("weight decay") strength λ >= 0. The objective becomes
            :math:`L + \tfrac{\lambda}{2}\sum \lVert W \rVert^2` over the weight matrices
            (not the biases), so each weight gradient gains :math:`\lambda W`. The history
            records the data loss L alone, as PyTorch's ``weight_decay`` does.

    Counters: ``trainer.iteration`` (updates so far), ``trainer.epoch`` (finished epochs),
    ``trainer.batch_in_epoch`` (updates so far in the current epoch).
    """

    def __init__(
        self,
        net: Network,
        X: np.ndarray,
        Y: np.ndarray,
        *,
        loss: str | Loss = "mse",
        optimizer: str | Optimizer | None = None,
        batch_size: int | None = None,
        shuffle: bool = True,
        drop_last: bool = False,
        rng: np.random.Generator | int | None = None,
        callback: Callable[[Trainer], object] | None = None,
        on_nonfinite: str = "raise",
        l2: float = 0.0,
    ) -> None:
        if not isinstance(net, Network):
            raise TypeError(
                f"net must be an nnlesson Network; got {type(net).__name__}. "
                f"Fix: net = Network.build([2, 4, 1])."
            )
        # the Trainer keeps its own copy: changing your arrays later does not change its data
        X_checked, Y_checked = check_dataset(X, Y)
        self.X = X_checked.copy() if X_checked is X else X_checked
        self.Y = Y_checked.copy() if Y_checked is Y else Y_checked
        if self.X.shape[1] != net.sizes[0]:
            raise ValueError(
                f"X has {self.X.shape[1]} features but the network's first layer expects "
                f"{net.sizes[0]}. Fix: build the network with sizes[0] = {self.X.shape[1]}."
            )
        if self.Y.shape[1] != net.sizes[-1]:
            raise ValueError(
                f"Y has {self.Y.shape[1]} columns but the network has {net.sizes[-1]} outputs. "
                f"Fix: one target column per output unit."
            )
        self.net = net
        self.loss = get_loss(loss)
        if self.loss.output_activation is not None:  # checked once here, not every batch
            self.loss.check_output(net.layers[-1].activation.name)
            self.loss.check_targets(self.Y)
        self.optimizer = GradientDescent(0.1) if optimizer is None else get_optimizer(optimizer)
        n = len(self.X)
        self.batch_size = (
            n if batch_size is None else check_int(batch_size, "batch_size", minimum=1)
        )
        if self.batch_size > n:
            raise ValueError(
                f"batch_size ({self.batch_size}) is larger than the data set ({n} samples). "
                f"Fix: use batch_size <= {n}, or batch_size=None for the full batch."
            )
        self.shuffle = check_bool(shuffle, "shuffle") and self.batch_size < n
        self.drop_last = check_bool(drop_last, "drop_last")
        self.rng = as_generator(rng)
        if callback is not None:
            check_callable(callback, "callback", "callback=lambda trainer: print(trainer.epoch)")
        self.callback = callback
        self.on_nonfinite = check_choice(on_nonfinite, "on_nonfinite", ON_NONFINITE)
        self.l2 = check_positive_number(l2, "l2", allow_zero=True)
        self.state = self.optimizer.init(net.parameters())
        self.history = History()
        self.iteration = 0
        self.epoch = 0
        self.batch_in_epoch = 0
        self.stopped = False
        self._pending: list[np.ndarray] = []
        self._epoch_sum = 0.0
        self._epoch_count = 0
        self._full = self.batch_size == n
        self._length = _length(self.net.parameters().values())

    # -------------------------------------------------------------- one update
    def _update(self, Xb: np.ndarray, Yb: np.ndarray) -> float:
        """Forward, backward and one optimizer step on one batch; returns the batch loss."""
        net, loss = self.net, self.loss
        Y_hat = net._forward(Xb)
        paired = loss.output_activation is not None  # cross-entropy: from Z, combined δ
        value = loss.value_from_z(net.layers[-1].Z, Yb) if paired else loss.value(Y_hat, Yb)
        if not math.isfinite(value) and self.on_nonfinite != "continue":
            if self.on_nonfinite == "raise":
                raise TrainingDiverged(self._diagnose(value, Xb, Yb))
            self.stopped = True
            return value
        if paired:
            net.backward_from_delta(loss.delta(Y_hat, Yb), input_gradient=False)
        else:
            net.backward(loss.gradient(Y_hat, Yb), input_gradient=False)
        params, grads = net.parameters(), net.gradients()
        if self.l2:
            grads = {
                name: g + self.l2 * params[name] if name[0] == "W" else g
                for name, g in grads.items()
            }
        before = params
        params, self.state = self.optimizer.step(params, grads, self.state)
        net.set_parameters(params)
        if self.on_nonfinite != "continue":
            length = _length(params.values())
            if not (length <= STEP_LIMIT * max(1.0, self._length)):  # NaN fails too
                if self.on_nonfinite == "raise":
                    raise TrainingDiverged(self._thrown(length, before, Xb, Yb))
                self.stopped = True
            self._length = length
        self.iteration += 1
        self.batch_in_epoch += 1
        self.history.iteration_loss.append(value)
        weight = len(Xb) if self.loss.reduction == "mean" else 1
        self._epoch_sum += value * weight
        self._epoch_count += len(Xb)
        return value

    def _where(self) -> str:
        epoch, iteration = self.epoch + 1, self.iteration + 1
        return say(f"epoch {epoch}, iteration {iteration}", f"第 {epoch} 轮、第 {iteration} 次迭代")

    def _bad_data(self, Xb: np.ndarray, Yb: np.ndarray) -> str:
        for name, arr in (("X", Xb), ("Y", Yb)):
            if not np.all(np.isfinite(arr)):
                return (
                    f"Training diverged at {self._where()} because this batch's {name} holds NaN "
                    f"or infinity: the Trainer's data (trainer.{name}) was changed after the "
                    f"Trainer was made. Fix: clean the data and make a new Trainer."
                )
        return ""

    def _diagnose(self, value: float, Xb: np.ndarray, Yb: np.ndarray) -> str:
        """Why the loss is not finite: bad data, a bad weight, an overflow at the start, or
        steps too large; and the fix for that cause."""
        bad_data = self._bad_data(Xb, Yb)
        if bad_data:
            return bad_data
        for name, p in self.net.parameters().items():
            if not np.all(np.isfinite(p)):
                when = "before training started" if self.iteration == 0 else "since the last update"
                return (
                    f"The loss became {value} at {self._where()} because weight {name} holds "
                    f"NaN or infinity, set {when} (set_weight, set_parameters or Dense(...)). "
                    f"Fix: give {name} finite values, e.g. rebuild the network with "
                    f"Network.build."
                )
        if self.iteration == 0:
            biggest_w = max(float(np.max(np.abs(p))) for p in self.net.parameters().values())
            biggest_x = float(np.max(np.abs(self.X)))
            return (
                f"The loss was already {value} in the first forward pass, before any update: "
                f"an overflow at initialisation (largest |weight| {biggest_w:.3g}, largest "
                f"|input| {biggest_x:.3g}). Fix: scale the inputs to [-1, 1] (minmax_scale) "
                f"and build the network with the default init and scale."
            )
        return say(
            f"The loss became {value} at {self._where()} (optimizer {self.optimizer!r}). The "
            f"steps are too large: try a learning rate 10x smaller, or scale the inputs to "
            f"[-1, 1]. Pass on_nonfinite='continue' to watch the divergence instead.",
            f"损失在{self._where()}时变成了 {value}（优化器 {self.optimizer!r}）。"
            f"步子太大了：把学习率调小到十分之一，"
            f"或者把输入缩放到 [-1, 1]。想观察发散的过程，可以传入 on_nonfinite='continue'。",
        )

    def _thrown(
        self, length: float, before: dict[str, np.ndarray], Xb: np.ndarray, Yb: np.ndarray
    ) -> str:
        bad_data = self._bad_data(Xb, Yb)
        if bad_data:
            return bad_data
        for name, p in before.items():
            if not np.all(np.isfinite(p)):
                return (
                    f"Weight {name} held NaN or infinity before the update at {self._where()}, "
                    f"set from outside the Trainer (set_weight, set_parameters). Fix: give "
                    f"{name} finite values, or make a new Trainer on a new network."
                )
        size = "NaN or infinity" if not math.isfinite(length) else f"a length of {length:.3g}"
        return (
            f"The update at {self._where()} threw the weights from a length of "
            f"{self._length:.3g} to {size} (optimizer {self.optimizer!r}): the learning rate "
            f"is far too large (sigmoid and tanh units saturate, their derivative becomes 0 and "
            f"training stops moving). Fix: try a learning rate 10x smaller, or scale the inputs "
            f"to [-1, 1]. Pass on_nonfinite='continue' to watch the divergence instead."
        )

    def _finish_epoch(self) -> None:
        if self.batch_in_epoch == 1:  # one batch: its loss, exactly
            self.history.epoch_loss.append(self.history.iteration_loss[-1])
        else:
            n = self._epoch_count if self.loss.reduction == "mean" else 1
            self.history.epoch_loss.append(self._epoch_sum / n)
        self.history.iterations_per_epoch = self.batch_in_epoch
        self.epoch += 1
        self.batch_in_epoch = 0
        self._epoch_sum, self._epoch_count = 0.0, 0
        if self.callback is not None:
            self.callback(self)

    # ---------------------------------------------------------------- public
    def step_batch(self) -> float:
        """One iteration: the next batch of the current epoch (starting a new epoch if needed).

        Returns the batch's loss (before the update).
        """
        if self.stopped:
            raise RuntimeError(
                f"This Trainer stopped after epoch {self.epoch}: training diverged "
                f"(on_nonfinite='stop'). Fix: make a new network and Trainer, e.g. with a "
                f"learning rate 10x smaller."
            )
        if not self._pending:
            if self._full:
                self._pending = [np.arange(len(self.X))]
            else:
                self._pending = batch_indices(
                    len(self.X),
                    self.batch_size,
                    shuffle=self.shuffle,
                    rng=self.rng,
                    drop_last=self.drop_last,
                )
        idx = self._pending.pop(0)
        with np.errstate(over="ignore", invalid="ignore"):
            if self._full:
                value = self._update(self.X, self.Y)
            else:
                value = self._update(self.X[idx], self.Y[idx])
        if not self._pending and not self.stopped:
            self._finish_epoch()
        return value

    def step_epoch(self) -> float:
        """Finish the current epoch (a whole epoch if none is under way); returns its loss."""
        start = self.epoch
        while self.epoch == start and not self.stopped:
            self.step_batch()
        return self.history.epoch_loss[-1] if self.history.epoch_loss else math.nan

    def run(self, epochs: int) -> History:
        """Train for ``epochs`` more epochs (fewer if ``on_nonfinite="stop"`` stops it)."""
        epochs = check_int(epochs, "epochs", minimum=0)
        if self._full and self.callback is None:
            return self._run_full_batch(epochs)
        for _ in range(epochs):
            if self.stopped:
                break
            self.step_epoch()
        return self.history

    def _run_full_batch(self, epochs: int) -> History:
        """``step_epoch`` repeated, without re-entering the batch bookkeeping (full batch)."""
        X, Y = self.X, self.Y
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(epochs):
                self._update(X, Y)
                if self.stopped:
                    break
                self._finish_epoch()
        return self.history


def _length(params) -> float:
    """The root of the sum of squares of every parameter (NaN or inf if any entry is)."""
    return math.sqrt(float(sum(np.vdot(p, p) for p in params)))


def train(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    *,
    epochs: int,
    loss: str | Loss = "mse",
    optimizer: str | Optimizer | None = None,
    batch_size: int | None = None,
    shuffle: bool = True,
    drop_last: bool = False,
    rng: np.random.Generator | int | None = None,
    callback: Callable[[Trainer], object] | None = None,
    on_nonfinite: str = "raise",
    l2: float = 0.0,
) -> History:
    """Train ``net`` for ``epochs`` epochs and return the :class:`History` (see :class:`Trainer`)."""
    trainer = Trainer(
        net,
        X,
        Y,
        loss=loss,
        optimizer=optimizer,
        batch_size=batch_size,
        shuffle=shuffle,
        drop_last=drop_last,
        rng=rng,
        callback=callback,
        on_nonfinite=on_nonfinite,
        l2=l2,
    )
    return trainer.run(epochs)
