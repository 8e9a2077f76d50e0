r"""Optimizers: how a gradient becomes a weight update (lessons 05-07).

Every optimizer has the same small interface, with its state out in the open::

    opt = Adam(lr=0.01)
    state = opt.init(params)                      # velocities, moments, step count ...
    params, state = opt.step(params, grads, state)

``params`` and ``grads`` are dicts of arrays keyed alike (``{"W1": ..., "b1": ...}``).
``step`` returns *new* arrays and a *new* state; it never changes its arguments in
place, so a learner can keep the old weights and compare, and a test can check one
step against the formula by hand. ``print(state)`` shows what the optimizer remembers.

Notation: :math:`w` a parameter, :math:`g = \partial L/\partial w` its gradient,
:math:`\eta` the learning rate (article 003's η, article 000's α), :math:`t = 1, 2, \dots`
the step count.

The learning rate may be a number or a schedule: a function of the step number
``t`` (starting at 1) returning the rate, such as :func:`step_decay`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from nnlesson._validation import (
    as_float_array,
    check_bool,
    check_choice,
    check_fraction,
    check_int,
    check_positive_number,
)

Params = dict[str, np.ndarray]
Schedule = Callable[[int], float]
LearningRate = float | Schedule


# ----------------------------------------------------------------- schedules
def constant(lr: float) -> Schedule:
    r"""The same rate every step: :math:`\eta_t = \eta`."""
    lr = check_positive_number(lr, "lr")
    return lambda t: lr


def step_decay(lr: float, factor: float = 0.5, every: int = 100) -> Schedule:
    r"""Multiply the rate by ``factor`` every ``every`` steps: :math:`\eta_t = \eta\,\gamma^{\lfloor (t-1)/k \rfloor}`."""
    lr = check_positive_number(lr, "lr")
    factor = check_fraction(factor, "factor", low_open=True)
    every = check_int(every, "every", minimum=1)
    return lambda t: lr * factor ** ((t - 1) // every)


def exponential_decay(lr: float, rate: float = 0.99) -> Schedule:
    r"""Shrink the rate a little every step: :math:`\eta_t = \eta\,\gamma^{t-1}`."""
    lr = check_positive_number(lr, "lr")
    rate = check_fraction(rate, "rate", low_open=True)
    return lambda t: lr * rate ** (t - 1)


def inverse_time_decay(lr: float, decay: float = 0.01) -> Schedule:
    r""":math:`\eta_t = \eta / (1 + d\,(t-1))`, the classic schedule that satisfies the Robbins-Monro conditions."""
    lr = check_positive_number(lr, "lr")
    decay = check_positive_number(decay, "decay", allow_zero=True)
    return lambda t: lr / (1.0 + decay * (t - 1))


def _check_lr(lr: LearningRate) -> LearningRate:
    if callable(lr):
        return lr
    return check_positive_number(lr, "lr")


def _rate(lr: LearningRate, t: int) -> float | np.ndarray:
    """The rate at step ``t``; a schedule's value is checked (a negative rate climbs uphill)."""
    if not callable(lr):
        return lr
    value = lr(t)
    if isinstance(value, np.ndarray) and value.dtype.kind in "fiu":
        # one rate per run, broadcast against the parameters (many runs stacked at once)
        if not (np.all(np.isfinite(value)) and np.all(value >= 0)):
            raise ValueError(
                f"The learning-rate schedule returned a negative or non-finite rate at step {t}; "
                f"every rate must be a finite number >= 0. Fix the schedule function."
            )
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(
            f"The learning-rate schedule returned {value!r} at step {t}; it must return a number."
        )
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(
            f"The learning-rate schedule returned {value!r} at step {t}; a rate must be a "
            f"finite number >= 0 (a negative rate steps uphill). Fix the schedule function."
        )
    return float(value)


def _as_params(params: object, name: str) -> Params:
    """``params`` as a dict of float arrays (lists and integer arrays converted), or raise."""
    if not isinstance(params, dict):
        raise TypeError(
            f"{name} must be a dict of arrays by name, e.g. {{'W1': ..., 'b1': ...}}; got "
            f"{type(params).__name__}. Fix: pass net.parameters() / net.gradients()."
        )
    if not params:
        raise ValueError(f"{name} is empty. Fix: pass net.parameters() / net.gradients().")
    out = {}
    for key, value in params.items():
        if type(value) is np.ndarray and value.dtype.kind == "f":
            out[key] = value
        else:
            out[key] = as_float_array(value, f"{name}[{key!r}]", allow_empty=True)
    return out


def _check_grads(params: object, grads: object) -> tuple[Params, Params]:
    params, grads = _as_params(params, "params"), _as_params(grads, "grads")
    if params.keys() != grads.keys():
        raise KeyError(
            f"params and grads must have the same names; params has {sorted(params)}, "
            f"grads has {sorted(grads)}. Fix: pass net.parameters() and net.gradients() of "
            f"one network."
        )
    for name, p in params.items():
        if grads[name].shape != p.shape:
            raise ValueError(
                f"grads[{name!r}] has shape {grads[name].shape} but params[{name!r}] has "
                f"shape {p.shape}. Fix: each gradient has the shape of its parameter."
            )
    return params, grads


def _check_state(optimizer: Optimizer, state: object, kind: type, params: Params) -> None:
    """The state must be this optimizer's kind, made by ``init`` for these parameters."""
    fix = "Fix: state = opt.init(params) once, then pass the state each step returns."
    if not isinstance(state, kind):
        raise TypeError(
            f"state must be the {kind.__name__} that {type(optimizer).__name__}.init made; got "
            f"{type(state).__name__}. {fix}"
        )
    for field_name in ("v", "s", "m"):
        stored = getattr(state, field_name, None)
        if stored is not None and stored.keys() != params.keys():
            raise KeyError(
                f"state was made for the parameters {sorted(stored)}, not {sorted(params)}. {fix}"
            )


def _zeros_like(params: Params) -> Params:
    params = _as_params(params, "params")
    return {name: np.zeros_like(p) for name, p in params.items()}


# -------------------------------------------------------------------- states
@dataclass
class GDState:
    """Plain gradient descent remembers nothing but the step count ``t``."""

    t: int = 0


@dataclass
class MomentumState:
    """The velocity ``v`` of every parameter, and the step count ``t``."""

    v: Params = field(default_factory=dict)
    t: int = 0


@dataclass
class AccumulatorState:
    """A running sum or average ``s`` of squared gradients (AdaGrad, RMSProp), and ``t``."""

    s: Params = field(default_factory=dict)
    t: int = 0


@dataclass
class AdamState:
    """Adam's first moment ``m``, second moment ``v`` and the step count ``t``."""

    m: Params = field(default_factory=dict)
    v: Params = field(default_factory=dict)
    t: int = 0


# ---------------------------------------------------------------- optimizers
class Optimizer:
    """The shared interface: ``init(params) -> state`` and ``step(params, grads, state)``."""

    lr: LearningRate

    def init(self, params: Params):  # pragma: no cover - overridden
        raise NotImplementedError

    def step(self, params: Params, grads: Params, state):  # pragma: no cover - overridden
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({args})"


class GradientDescent(Optimizer):
    r"""Plain (stochastic) gradient descent, article 000's rule:

    .. math:: w \leftarrow w - \eta\, g .

    Whether this is full-batch, stochastic or mini-batch gradient descent depends only
    on how many samples the gradient was computed from (see :mod:`nnlesson.data`).
    """

    def __init__(self, lr: LearningRate = 0.1) -> None:
        self.lr = _check_lr(lr)

    def init(self, params: Params) -> GDState:
        _as_params(params, "params")
        return GDState()

    def step(self, params: Params, grads: Params, state: GDState) -> tuple[Params, GDState]:
        params, grads = _check_grads(params, grads)
        _check_state(self, state, GDState, params)
        t = state.t + 1
        lr = _rate(self.lr, t)
        return {name: p - lr * grads[name] for name, p in params.items()}, GDState(t)


class Momentum(Optimizer):
    r"""Gradient descent with momentum (heavy ball), learning rate *outside* the velocity:

    .. math::
        v \leftarrow \beta\, v + g, \qquad w \leftarrow w - \eta\, v .

    This is PyTorch's ``SGD(momentum=β)`` convention (with ``dampening=0``). The
    textbook form keeps the rate inside, :math:`v \leftarrow \beta v - \eta g,\ w \leftarrow w + v`;
    the two give the same path while :math:`\eta` is constant and differ once a
    schedule changes it. With ``nesterov=True`` the step uses the look-ahead gradient
    form :math:`w \leftarrow w - \eta\,(g + \beta v)`, as PyTorch does.
    """

    def __init__(self, lr: LearningRate = 0.1, beta: float = 0.9, nesterov: bool = False) -> None:
        self.lr = _check_lr(lr)
        self.beta = check_fraction(beta, "beta")
        self.nesterov = check_bool(nesterov, "nesterov")

    def init(self, params: Params) -> MomentumState:
        return MomentumState(v=_zeros_like(params), t=0)

    def step(
        self, params: Params, grads: Params, state: MomentumState
    ) -> tuple[Params, MomentumState]:
        params, grads = _check_grads(params, grads)
        _check_state(self, state, MomentumState, params)
        t = state.t + 1
        lr = _rate(self.lr, t)
        v = {name: self.beta * state.v[name] + g for name, g in grads.items()}
        if self.nesterov:
            direction = {name: grads[name] + self.beta * v[name] for name in params}
        else:
            direction = v
        new = {name: p - lr * direction[name] for name, p in params.items()}
        return new, MomentumState(v=v, t=t)


class AdaGrad(Optimizer):
    r"""AdaGrad: each weight's rate shrinks with the sum of its squared gradients:

    .. math::
        s \leftarrow s + g^2, \qquad w \leftarrow w - \frac{\eta}{\sqrt{s} + \epsilon}\, g .

    ε = 1e-10 by default, PyTorch's value (added outside the square root, as PyTorch does).
    """

    def __init__(self, lr: LearningRate = 0.1, eps: float = 1e-10) -> None:
        self.lr = _check_lr(lr)
        self.eps = check_positive_number(eps, "eps")

    def init(self, params: Params) -> AccumulatorState:
        return AccumulatorState(s=_zeros_like(params), t=0)

    def step(
        self, params: Params, grads: Params, state: AccumulatorState
    ) -> tuple[Params, AccumulatorState]:
        params, grads = _check_grads(params, grads)
        _check_state(self, state, AccumulatorState, params)
        t = state.t + 1
        lr = _rate(self.lr, t)
        s = {name: state.s[name] + g * g for name, g in grads.items()}
        new = {
            name: p - lr * grads[name] / (np.sqrt(s[name]) + self.eps) for name, p in params.items()
        }
        return new, AccumulatorState(s=s, t=t)


class RMSProp(Optimizer):
    r"""RMSProp: like AdaGrad, but with a running *average* of squared gradients:

    .. math::
        s \leftarrow \rho\, s + (1-\rho)\, g^2, \qquad
        w \leftarrow w - \frac{\eta}{\sqrt{s} + \epsilon}\, g .

    ρ = 0.9 and ε = 1e-8 by default (PyTorch uses ρ = 0.99 and the same ε placement).
    """

    def __init__(self, lr: LearningRate = 0.01, rho: float = 0.9, eps: float = 1e-8) -> None:
        self.lr = _check_lr(lr)
        self.rho = check_fraction(rho, "rho")
        self.eps = check_positive_number(eps, "eps")

    def init(self, params: Params) -> AccumulatorState:
        return AccumulatorState(s=_zeros_like(params), t=0)

    def step(
        self, params: Params, grads: Params, state: AccumulatorState
    ) -> tuple[Params, AccumulatorState]:
        params, grads = _check_grads(params, grads)
        _check_state(self, state, AccumulatorState, params)
        t = state.t + 1
        lr = _rate(self.lr, t)
        s = {name: self.rho * state.s[name] + (1.0 - self.rho) * g * g for name, g in grads.items()}
        new = {
            name: p - lr * grads[name] / (np.sqrt(s[name]) + self.eps) for name, p in params.items()
        }
        return new, AccumulatorState(s=s, t=t)


class Adam(Optimizer):
    r"""Adam (Kingma & Ba, 2015): momentum on the gradient and RMSProp's scaling, bias-corrected:

    .. math::
        m &\leftarrow \beta_1 m + (1-\beta_1)\, g, \qquad
        v \leftarrow \beta_2 v + (1-\beta_2)\, g^2, \\
        \hat m &= \frac{m}{1-\beta_1^t}, \qquad \hat v = \frac{v}{1-\beta_2^t}, \qquad
        w \leftarrow w - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon}.

    Defaults β1 = 0.9, β2 = 0.999, ε = 1e-8, as in the paper, PyTorch and optax
    (Deep Learning from Scratch uses 1e-7, d2l 1e-6). ε is added outside the root.
    """

    def __init__(
        self,
        lr: LearningRate = 0.001,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
    ) -> None:
        self.lr = _check_lr(lr)
        self.beta1 = check_fraction(beta1, "beta1")
        self.beta2 = check_fraction(beta2, "beta2")
        self.eps = check_positive_number(eps, "eps")

    def init(self, params: Params) -> AdamState:
        return AdamState(m=_zeros_like(params), v=_zeros_like(params), t=0)

    def step(self, params: Params, grads: Params, state: AdamState) -> tuple[Params, AdamState]:
        params, grads = _check_grads(params, grads)
        _check_state(self, state, AdamState, params)
        t = state.t + 1
        lr = _rate(self.lr, t)
        b1, b2 = self.beta1, self.beta2
        c1, c2 = 1.0 - b1**t, 1.0 - b2**t
        new, m, v = {}, {}, {}
        for name, p in params.items():
            g = grads[name]
            # The formula, in the same order (so bit for bit the same numbers), written so
            # that a large weight matrix costs 6 new arrays a step instead of 14: each line
            # makes a fresh array or updates, in place, one made here. The arguments are
            # never changed. `work` holds (1 - β2) g², then sqrt(v̂) + ε.
            m[name] = b1 * state.m[name]
            m[name] += (1.0 - b1) * g  # m = β1 m + (1 - β1) g
            work = np.asarray((1.0 - b2) * g)
            work *= g
            v[name] = b2 * state.v[name]
            v[name] += work  # v = β2 v + (1 - β2) g²
            np.divide(v[name], c2, out=work)
            np.sqrt(work, out=work)
            work += self.eps  # sqrt(v̂) + ε
            step = m[name] / c1
            step *= lr
            step /= work  # η m̂ / (sqrt(v̂) + ε)
            new[name] = p - step
        return new, AdamState(m=m, v=v, t=t)


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "gd": GradientDescent,
    "momentum": Momentum,
    "adagrad": AdaGrad,
    "rmsprop": RMSProp,
    "adam": Adam,
}


def get_optimizer(optimizer: str | Optimizer, **kwargs: float) -> Optimizer:
    """An optimizer by name (``"gd"``, ``"momentum"``, ``"adagrad"``, ``"rmsprop"``, ``"adam"``)."""
    if isinstance(optimizer, Optimizer):
        if kwargs:
            raise TypeError(
                f"get_optimizer got an optimizer object and settings {sorted(kwargs)}; an "
                f"object already holds its settings. Fix: pass them to it, e.g. "
                f"{type(optimizer).__name__}(lr=...), or pass its name as a string."
            )
        return optimizer
    if isinstance(optimizer, type) and issubclass(optimizer, Optimizer):
        raise TypeError(
            f"optimizer must be an optimizer object or a name; got the class "
            f"{optimizer.__name__} itself. Fix: {optimizer.__name__}(lr=...) with parentheses, "
            f"or the name {optimizer.__name__.lower()!r}."
        )
    return OPTIMIZERS[check_choice(optimizer, "optimizer", OPTIMIZERS)](**kwargs)
