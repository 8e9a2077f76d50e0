r"""Loss functions and their gradients (lesson 02).

A loss turns "how wrong is the network?" into one number. Both losses here are
squared errors; they differ only in the constant factor in front, and that factor
only rescales the gradient, so it can always be absorbed into the learning rate.

Notation: ``Y_hat`` holds the network's outputs :math:`\hat y` and ``Y`` the targets
:math:`y`, both of shape ``(n, outputs)``: one row per sample.

* :func:`mse`, the source articles' mean squared error (article 000),

  .. math:: \mathrm{MSE} = \frac1n \sum_{k=1}^{n} \sum_{j} (y_{kj} - \hat y_{kj})^2,
            \qquad \frac{\partial\,\mathrm{MSE}}{\partial \hat y_{kj}} = -\frac2n (y_{kj} - \hat y_{kj})
                                                             = \frac2n (\hat y_{kj} - y_{kj}).

  Mean over the *samples*, sum over the outputs (with one output, exactly article 000's
  formula). PyTorch's ``MSELoss`` averages over outputs too: with m outputs it is
  this value divided by m.

* :func:`half_mse`, article 003's cost for linear regression,
  :math:`J = \frac{1}{2n}\sum_k\sum_j (\hat y_{kj} - y_{kj})^2`, gradient :math:`\frac1n(\hat y - y)`.

* :func:`half_sse`, the "total error" of the classic 2-2-2 worked example (article 004),

  .. math:: E_\text{total} = \sum_k \sum_j \tfrac12 (y_{kj} - \hat y_{kj})^2,
            \qquad \frac{\partial E_\text{total}}{\partial \hat y_{kj}} = \hat y_{kj} - y_{kj}.

  The ½ is there so that the 2 from differentiating the square cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnlesson._validation import as_float_array, check_choice


def _check_pair(Y_hat: np.ndarray, Y: np.ndarray) -> None:
    if Y_hat.shape != Y.shape:
        raise ValueError(
            f"Y_hat (network outputs) has shape {Y_hat.shape} but Y (targets) has shape "
            f"{Y.shape}; they must match. Fix: give targets one row per sample and one "
            f"column per output unit, e.g. y.reshape(-1, 1) for a single output."
        )


def mse(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    r"""Mean squared error :math:`\frac1n\sum_k\sum_j (y_{kj}-\hat y_{kj})^2` (mean over samples)."""
    Y_hat, Y = as_float_array(Y_hat, "Y_hat"), as_float_array(Y, "Y")  # ints would overflow
    _check_pair(Y_hat, Y)
    diff = Y_hat - Y
    n = diff.shape[0] if diff.ndim else 1
    return float(np.sum(diff * diff) / n)


def mse_gradient(Y_hat: np.ndarray, Y: np.ndarray) -> np.ndarray:
    r""":math:`\partial\,\mathrm{MSE}/\partial \hat y = \frac2n(\hat y - y)`, same shape as ``Y_hat``."""
    Y_hat, Y = as_float_array(Y_hat, "Y_hat"), as_float_array(Y, "Y")  # ints would overflow
    _check_pair(Y_hat, Y)
    n = Y_hat.shape[0] if Y_hat.ndim else 1
    return (2.0 / n) * (Y_hat - Y)


def half_mse(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    r"""Half the mean squared error, :math:`\frac{1}{2n}\sum (\hat y - y)^2` (article 003's ``J``)."""
    return 0.5 * mse(Y_hat, Y)


def half_mse_gradient(Y_hat: np.ndarray, Y: np.ndarray) -> np.ndarray:
    r""":math:`\partial J/\partial \hat y = \frac1n(\hat y - y)`."""
    Y_hat, Y = as_float_array(Y_hat, "Y_hat"), as_float_array(Y, "Y")  # ints would overflow
    _check_pair(Y_hat, Y)
    n = Y_hat.shape[0] if Y_hat.ndim else 1
    return (Y_hat - Y) / n


def half_sse(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    r"""Half the sum of squared errors, :math:`\sum \tfrac12 (y - \hat y)^2` (the worked example's E_total)."""
    Y_hat, Y = as_float_array(Y_hat, "Y_hat"), as_float_array(Y, "Y")  # ints would overflow
    _check_pair(Y_hat, Y)
    diff = Y_hat - Y
    return float(0.5 * np.sum(diff * diff))


def half_sse_gradient(Y_hat: np.ndarray, Y: np.ndarray) -> np.ndarray:
    r""":math:`\partial E_\text{total}/\partial \hat y = \hat y - y`."""
    Y_hat, Y = as_float_array(Y_hat, "Y_hat"), as_float_array(Y, "Y")  # ints would overflow
    _check_pair(Y_hat, Y)
    return Y_hat - Y


@dataclass(frozen=True)
class Loss:
    """A loss together with its gradient with respect to the network's output.

    Attributes:
        name: "mse", "half_mse" or "half_sse".
        value: ``value(Y_hat, Y) -> float``.
        gradient: ``gradient(Y_hat, Y) -> dL/dY_hat``, same shape as ``Y_hat``.
        reduction: ``"mean"`` if the loss averages over samples, ``"sum"`` if it adds them.
    """

    name: str
    value: Callable[[np.ndarray, np.ndarray], float]
    gradient: Callable[[np.ndarray, np.ndarray], np.ndarray]
    reduction: str

    def __call__(self, Y_hat: np.ndarray, Y: np.ndarray) -> float:
        return self.value(Y_hat, Y)

    def __repr__(self) -> str:
        return f"Loss({self.name!r})"


LOSSES: dict[str, Loss] = {
    "mse": Loss("mse", mse, mse_gradient, "mean"),
    "half_mse": Loss("half_mse", half_mse, half_mse_gradient, "mean"),
    "half_sse": Loss("half_sse", half_sse, half_sse_gradient, "sum"),
}


def get_loss(loss: str | Loss) -> Loss:
    """Look up a loss by name (or pass a :class:`Loss` through)."""
    if isinstance(loss, Loss):
        return loss
    return LOSSES[check_choice(loss, "loss", LOSSES)]
