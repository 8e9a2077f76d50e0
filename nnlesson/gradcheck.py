r"""Gradient checking by central finite differences (lesson 04).

A derivative is a limit of difference quotients, so we can estimate it without any
calculus and compare it with back-propagation:

.. math::
    \frac{\partial L}{\partial w} \approx \frac{L(w + \varepsilon) - L(w - \varepsilon)}{2\varepsilon}.

The central difference has error of order :math:`\varepsilon^2` (one-sided differences
only :math:`\varepsilon`), so with :math:`\varepsilon = 10^{-6}` in float64 the two
agree to about 1e-9 or better. We compare them by the relative error

.. math:: \mathrm{rel} = \frac{|g_\text{backprop} - g_\text{numeric}|}
                              {\max(|g_\text{backprop}| + |g_\text{numeric}|,\ 10^{-12})},

which is below about 1e-7 when backprop is right and near 1 when it is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnlesson._validation import as_float_array, check_positive_number
from nnlesson.losses import Loss
from nnlesson.network import Network, Params


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6
) -> np.ndarray:
    """Central-difference gradient of a scalar function ``f`` at ``x`` (any shape).

    ``f`` is called ``2 * x.size`` times; ``x`` itself is not modified.
    """
    eps = check_positive_number(eps, "eps")
    x = as_float_array(x, "x").astype(np.float64, copy=True)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = f(x.copy())
        x[idx] = old - eps
        f_minus = f(x.copy())
        x[idx] = old
        grad[idx] = (f_plus - f_minus) / (2.0 * eps)
    return grad


def relative_error(a: np.ndarray | float, b: np.ndarray | float) -> float:
    """Largest entry-wise relative error ``|a - b| / max(|a| + |b|, 1e-12)``."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-12)))


def network_numerical_gradients(
    net: Network, X: np.ndarray, Y: np.ndarray, loss: str | Loss = "mse", eps: float = 1e-6
) -> Params:
    """Finite-difference gradients of the loss for every trainable parameter of ``net``."""
    grads: Params = {}
    params = {name: value.copy() for name, value in net.parameters().items()}
    probe = net.copy()
    for name, value in params.items():

        def loss_at(v: np.ndarray, name: str = name) -> float:
            probe.set_parameters({name: v})
            return probe.loss_and_gradients(X, Y, loss)[0]

        grads[name] = numerical_gradient(loss_at, value, eps)
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
        lines = [f"{'parameter':<10}{'shape':<10}{'max relative error':>20}  ok"]
        for name, err in self.errors.items():
            shape = "x".join(str(s) for s in self.backprop[name].shape)
            ok = "yes" if err < self.tolerance else "NO"
            lines.append(f"{name:<10}{shape:<10}{err:>20.1e}  {ok}")
        verdict = "PASSED" if self.passed else "FAILED"
        lines.append(f"gradient check {verdict} (tolerance {self.tolerance:.0e})")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle: bool) -> None:  # pragma: no cover - IPython display
        p.text(str(self))


def gradient_check(
    net: Network,
    X: np.ndarray,
    Y: np.ndarray,
    loss: str | Loss = "mse",
    *,
    eps: float = 1e-6,
    tolerance: float = 1e-7,
) -> GradCheckReport:
    """Compare back-propagation with central differences for every parameter of ``net``.

    Use float64 and weights that are not all zero (zeros can hide a wrong backward pass).
    """
    tolerance = check_positive_number(tolerance, "tolerance")
    _, grads = net.loss_and_gradients(X, Y, loss)
    backprop = {name: g.copy() for name, g in grads.items()}
    numeric = network_numerical_gradients(net, X, Y, loss, eps)
    errors = {name: relative_error(backprop[name], numeric[name]) for name in backprop}
    return GradCheckReport(backprop, numeric, errors, tolerance)
