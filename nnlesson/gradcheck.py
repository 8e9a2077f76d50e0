r"""Gradient checking by central finite differences (lesson 04).

A derivative is a limit of difference quotients, so we can estimate it without any
calculus and compare it with back-propagation:

.. math::
    \frac{\partial L}{\partial w} \approx \frac{L(w + \varepsilon) - L(w - \varepsilon)}{2\varepsilon}.

The central difference has error of order :math:`\varepsilon^2` (one-sided differences
only :math:`\varepsilon`); rounding adds about :math:`10^{-16}/\varepsilon`. With
:math:`\varepsilon = 10^{-6}` in float64 the two agree to about 1e-10 in absolute terms;
the five-point formula (``order=4``) does about 100 times better. We compare them by the
relative error

.. math:: \mathrm{rel} = \frac{|g_\text{backprop} - g_\text{numeric}|}
                              {\max(|g_\text{backprop}| + |g_\text{numeric}|,\ 10^{-12})},

which is below about 1e-7 when backprop is right and near 1 when it is wrong. For
entries much smaller than the loss, whose numeric estimate is mostly rounding noise,
:func:`gradient_check` divides by a floor of :math:`10^{-3}\max(1, |L|)` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnlesson._validation import as_float_array, check_callable, check_positive_number
from nnlesson.language import say
from nnlesson.layers import Dense
from nnlesson.losses import Loss
from nnlesson.network import Network, Params


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6, *, order: int = 2
) -> np.ndarray:
    r"""Central-difference gradient of a scalar function ``f`` at ``x`` (any shape).

    ``order=2`` (default) is the two-point formula :math:`(f(x+\varepsilon) - f(x-\varepsilon))/2\varepsilon`,
    error :math:`O(\varepsilon^2)`. ``order=4`` is the five-point central formula

    .. math:: \frac{-f(x+2\varepsilon) + 8f(x+\varepsilon) - 8f(x-\varepsilon) + f(x-2\varepsilon)}{12\varepsilon},

    error :math:`O(\varepsilon^4)`: with :math:`\varepsilon = 10^{-4}` it is accurate to
    about 1e-12, which lets :func:`gradient_check` demand 1e-7 even of tiny gradients.
    ``f`` is called ``order * x.size`` times; ``x`` itself is not modified.
    """
    check_callable(f, "f", "lambda w: float(np.sum(w**2))")
    eps = check_positive_number(eps, "eps")
    if isinstance(order, bool) or order not in (2, 4):
        raise ValueError(f"order must be 2 or 4; got {order!r}. Fix: order=2 or order=4.")
    x = as_float_array(x, "x").astype(np.float64, copy=True)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]

        def f_at(delta: float, idx: tuple[int, ...] = idx, old: float = old) -> float:
            x[idx] = old + delta
            value = f(x.copy())
            x[idx] = old
            return _scalar(value)

        if order == 2:
            grad[idx] = (f_at(eps) - f_at(-eps)) / (2.0 * eps)
        else:
            grad[idx] = (-f_at(2 * eps) + 8.0 * f_at(eps) - 8.0 * f_at(-eps) + f_at(-2 * eps)) / (
                12.0 * eps
            )
    return grad


def _scalar(value: object) -> float:
    """The value of the function being differentiated: one real number."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
        if not (isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "fiu"):
            raise TypeError(
                f"f must return one number (the loss); got {type(value).__name__} "
                f"{str(value)[:40]}. Fix: return a float, e.g. float(np.sum(...))."
            )
    if isinstance(value, complex) or np.iscomplexobj(value):
        raise TypeError(f"f must return a real number; got {value!r}. Fix: return a float.")
    return float(value)  # type: ignore[arg-type]


def relative_error(a: np.ndarray | float, b: np.ndarray | float, floor: float = 1e-12) -> float:
    """Largest entry-wise relative error ``|a - b| / max(|a| + |b|, floor)``.

    The ``floor`` keeps entries that are (almost) zero from dividing rounding noise by
    (almost) nothing.
    """
    a, b = as_float_array(a, "a"), as_float_array(b, "b")
    if a.shape != b.shape:
        raise ValueError(
            f"a has shape {a.shape} but b has shape {b.shape}; relative_error compares them "
            f"entry by entry. Fix: compare two gradients of one parameter."
        )
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), floor)))


def network_numerical_gradients(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    loss: str | Loss = "mse",
    eps: float = 1e-4,
    order: int = 4,
) -> Params:
    """Finite-difference gradients of the loss for every trainable parameter of ``net``
    (five-point formula by default; see :func:`numerical_gradient`)."""
    grads: Params = {}
    params = {name: value.copy() for name, value in net.parameters().items()}
    probe = net.copy()
    for name, value in params.items():

        def loss_at(v: np.ndarray, name: str = name) -> float:
            probe.set_parameters({name: v})
            return probe.loss_and_gradients(X, Y, loss)[0]

        grads[name] = numerical_gradient(loss_at, value, eps, order=order)
        probe.set_parameters({name: value})
    return grads


@dataclass
class GradCheckReport:
    """Backprop vs finite differences, parameter by parameter.

    Attributes:
        backprop: gradients from :meth:`Network.loss_and_gradients`.
        numeric: central-difference estimates.
        errors: the largest relative error for each parameter.
        tolerance: the threshold used by :attr:`passed`.
    """

    backprop: Params
    numeric: Params
    errors: dict[str, float]
    tolerance: float

    @property
    def max_error(self) -> float:
        """The largest relative error over all parameters."""
        return max(self.errors.values())

    @property
    def passed(self) -> bool:
        """True when every parameter's relative error is below :attr:`tolerance`."""
        return self.max_error < self.tolerance

    def __str__(self) -> str:
        """A table. Passing errors print as "< tolerance": their digits are rounding noise
        that differs between machines; failing ones print their value."""
        # the columns are counted in screen columns: a Chinese character takes two
        lines = [
            say(
                f"{'parameter':<10}{'shape':<10}{'max relative error':>20}  ok",
                f"{'参数':<8}{'形状':<8}{'最大相对误差':>14}  通过",
            )
        ]
        for name, err in self.errors.items():
            shape = "x".join(str(s) for s in self.backprop[name].shape)
            ok = say("yes", "是") if err < self.tolerance else say("NO", "否")
            shown = f"< {self.tolerance:.0e}" if err < self.tolerance else f"{err:.2g}"
            lines.append(f"{name:<10}{shape:<10}{shown:>20}  {ok}")
        verdict = say("PASSED", "通过") if self.passed else say("FAILED", "未通过")
        lines.append(
            say(
                f"gradient check {verdict} (tolerance {self.tolerance:.0e})",
                f"梯度检验{verdict}（容差 {self.tolerance:.0e}）",
            )
        )
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle: bool) -> None:  # pragma: no cover - IPython display
        p.text(str(self))


TOLERANCE = {np.dtype(np.float64): 1e-7, np.dtype(np.float32): 1e-3}
"""The default pass threshold by the network's dtype. float32 back-propagation rounds at
about 1e-7 per operation; over 120 random right float32 networks (sigmoid, tanh, softmax,
mse, cross-entropy) the largest relative error measured was 2.4e-5, while a wrong backward
pass gives errors near 1."""


def gradient_check(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    loss: str | Loss = "mse",
    *,
    eps: float = 1e-4,
    order: int = 4,
    tolerance: float | None = None,
) -> GradCheckReport:
    """Compare back-propagation with central differences for every parameter of ``net``.

    The numeric side uses the five-point formula (``order=4``, ``eps=1e-4``) by default,
    accurate to about 1e-12, so that a relative error above 1e-7 means a real bug even
    for gradients as small as 1e-4; ``order=2, eps=1e-6`` is the textbook two-point check.
    Use weights that are not all zero (zeros can hide a wrong backward pass).

    A float32 network: a float32 weight cannot move by exactly ``eps`` (near 0.5 its
    neighbours are 6e-8 apart, so a step of 1e-4 is off by 6e-4 of itself), so the
    differences are taken on a float64 copy holding the same weights, and the default
    ``tolerance`` is 1e-3 instead of 1e-7 (:data:`TOLERANCE`): back-propagation in float32
    is only as exact as float32.
    """
    if not isinstance(net, Network):
        raise TypeError(
            f"net must be an nnlesson Network; got {type(net).__name__}. "
            f"Fix: gradient_check(net, X, Y) with net = Network.build([...])."
        )
    single = any(layer.W.dtype == np.float32 for layer in net.layers)
    if tolerance is None:
        tolerance = TOLERANCE[np.dtype(np.float32 if single else np.float64)]
    tolerance = check_positive_number(tolerance, "tolerance")
    value, grads = net.loss_and_gradients(X, Y, loss)
    backprop = {name: g.copy() for name, g in grads.items()}
    probe = net
    if single:  # the same weights in float64, so that w + eps is exactly w + eps
        probe = Network(
            [
                Dense(
                    layer.W.astype(np.float64),
                    layer.b.astype(np.float64),
                    layer.activation,
                    train_bias=layer.train_bias,
                )
                for layer in net.layers
            ]
        )
        X = as_float_array(X, "X").astype(np.float64)
    numeric = network_numerical_gradients(probe, X, Y, loss, eps, order)
    # Rounding noise in the numeric side grows with the loss (about 1e-16 |L| / eps);
    # entries far below 1e-3 |L| are compared on that absolute scale instead.
    floor = 1e-3 * max(1.0, abs(value))
    errors = {name: relative_error(backprop[name], numeric[name], floor) for name in backprop}
    return GradCheckReport(backprop, numeric, errors, tolerance)
