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

Two losses for classifiers (lesson 12), each made for one output activation:

* :func:`cross_entropy`, for softmax outputs and one-hot targets,

  .. math:: L = -\frac1n \sum_{i=1}^{n} \sum_{k} y_{ik} \log \hat y_{ik};

* :func:`binary_cross_entropy`, for sigmoid outputs and 0/1 targets,

  .. math:: L = -\frac1n \sum_{i=1}^{n} \sum_{k} \big[y_{ik}\log \hat y_{ik}
            + (1 - y_{ik})\log(1 - \hat y_{ik})\big].

  Mean over samples, sum over outputs, like :func:`mse`. PyTorch's ``BCELoss`` also
  divides by the number of outputs: with m outputs it is this value divided by m (with
  one output they agree). PyTorch's ``CrossEntropyLoss`` equals :func:`cross_entropy`.

With its own activation, each has the same error term at the output,

.. math:: \delta = \frac{\partial L}{\partial z} = \frac1n(\hat y - y),

because the activation's derivative cancels against the loss's (lesson 12 derives it).
A network trained with one of them uses this combined δ (:attr:`Loss.delta`), and
computes the loss from the output layer's net input z, in forms that stay finite for
saturated outputs (:func:`softmax_cross_entropy`, :func:`sigmoid_binary_cross_entropy`):
at z = ±1000 no exponential overflows and no log of 0 is taken.
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


# ------------------------------------------------------------------ classifiers
def check_one_hot(Y: np.ndarray, name: str = "Y") -> None:
    """Raise unless every row of ``Y`` is one-hot: zeros and a single 1."""
    Y = np.asarray(Y)
    if Y.ndim != 2 or not (np.all((Y == 0) | (Y == 1)) and np.all(Y.sum(axis=1) == 1)):
        raise ValueError(
            f"cross_entropy needs one-hot targets {name} (each row zeros and a single 1); got "
            f"shape {Y.shape} with values {np.unique(Y)[:6]}. Fix: Y = one_hot(labels, k) "
            f"(nnlesson.data.one_hot)."
        )


def check_zero_one(Y: np.ndarray, name: str = "Y") -> None:
    """Raise unless every entry of ``Y`` is 0 or 1."""
    Y = np.asarray(Y)
    if not np.all((Y == 0) | (Y == 1)):
        bad = Y[(Y != 0) & (Y != 1)].ravel()[:3]
        raise ValueError(
            f"binary_cross_entropy needs targets {name} of 0s and 1s; found {bad}. "
            f"Fix: use the class labels 0 and 1, e.g. (y > 0.5).astype(float)."
        )


def _check_probabilities(Y_hat: np.ndarray) -> None:
    if not np.all((Y_hat >= 0) & (Y_hat <= 1)):
        raise ValueError(
            f"Y_hat must hold probabilities in [0, 1]; found values from {np.nanmin(Y_hat):g} "
            f"to {np.nanmax(Y_hat):g}. Fix: pass the outputs of a softmax or sigmoid layer, or "
            f"use softmax_cross_entropy / sigmoid_binary_cross_entropy with the net input Z."
        )


def _checked(Y_hat: object, Y: object) -> tuple[np.ndarray, np.ndarray]:
    Y_hat, Y = as_float_array(Y_hat, "Y_hat", ndim=2), as_float_array(Y, "Y", ndim=2)
    _check_pair(Y_hat, Y)
    _check_probabilities(Y_hat)
    return Y_hat, Y


# Probabilities are clipped at the smallest positive float before a log or a division:
# log(0) would be -inf. -log(TINY) = 708.4, finite. The stable forms below never need it.
TINY = np.finfo(float).tiny


def cross_entropy(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    r"""Cross-entropy :math:`-\frac1n\sum_i\sum_k y_{ik}\log\hat y_{ik}` of probabilities ``Y_hat``.

    ``Y`` must be one-hot, ``Y_hat`` in [0, 1] (rows of a softmax). Only the probability
    given to the right class counts: L is the mean of :math:`-\log \hat y_{i,\text{right}}`.
    """
    Y_hat, Y = _checked(Y_hat, Y)
    check_one_hot(Y)
    return float(-np.sum(Y * np.log(np.maximum(Y_hat, TINY))) / len(Y))


def cross_entropy_gradient(Y_hat: np.ndarray, Y: np.ndarray) -> np.ndarray:
    r""":math:`\partial L/\partial \hat y_{ik} = -\frac1n\, y_{ik}/\hat y_{ik}` (through softmax: δ = (ŷ - y)/n)."""
    Y_hat, Y = _checked(Y_hat, Y)
    check_one_hot(Y)
    return -Y / (len(Y) * np.maximum(Y_hat, TINY))


def _softmax_ce(Z: np.ndarray, Y: np.ndarray) -> float:
    m = Z.max(axis=1, keepdims=True)
    log_sum_exp = m[:, 0] + np.log(np.exp(Z - m).sum(axis=1))
    return float(np.sum(log_sum_exp - np.sum(Y * Z, axis=1)) / len(Z))


def softmax_cross_entropy(Z: np.ndarray, Y: np.ndarray) -> float:
    r"""Cross-entropy of ``softmax(Z)`` computed from the net input ``Z`` (log-sum-exp form).

    .. math:: -\log \hat y_{ik} = \log\sum_j e^{z_{ij}} - z_{ik}
              = m_i + \log\sum_j e^{z_{ij} - m_i} - z_{ik}, \quad m_i = \max_j z_{ij},

    finite for any finite Z: the largest exponent is 0.
    """
    Z, Y = as_float_array(Z, "Z", ndim=2), as_float_array(Y, "Y", ndim=2)
    _check_pair(Z, Y)
    check_one_hot(Y)
    return _softmax_ce(Z, Y)


def binary_cross_entropy(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    r"""Binary cross-entropy :math:`-\frac1n\sum_i\sum_k [y\log\hat y + (1-y)\log(1-\hat y)]`.

    Mean over samples, sum over outputs. PyTorch's ``BCELoss`` divides by the number of
    outputs as well (mean over every entry): with m outputs, this value / m.
    """
    Y_hat, Y = _checked(Y_hat, Y)
    check_zero_one(Y)
    p = np.where(Y == 1, Y_hat, 1.0 - Y_hat)  # the probability given to the right answer
    return float(-np.sum(np.log(np.maximum(p, TINY))) / len(Y))


def binary_cross_entropy_gradient(Y_hat: np.ndarray, Y: np.ndarray) -> np.ndarray:
    r""":math:`\partial L/\partial\hat y = \frac1n\,\frac{\hat y - y}{\hat y(1-\hat y)}` (through the sigmoid: δ = (ŷ - y)/n)."""
    Y_hat, Y = _checked(Y_hat, Y)
    check_zero_one(Y)
    return (Y_hat - Y) / (len(Y) * np.maximum(Y_hat * (1.0 - Y_hat), TINY))


def _sigmoid_bce(Z: np.ndarray, Y: np.ndarray) -> float:
    # softplus(z) = log(1 + e^z) = max(z, 0) + log(1 + e^{-|z|}), never overflowing
    softplus = np.maximum(Z, 0.0) + np.log1p(np.exp(-np.abs(Z)))
    return float(np.sum(softplus - Y * Z) / len(Z))


def sigmoid_binary_cross_entropy(Z: np.ndarray, Y: np.ndarray) -> float:
    r"""Binary cross-entropy of ``sigmoid(Z)`` from the net input ``Z`` (log-sigmoid form).

    .. math:: -[y\log\sigma(z) + (1-y)\log(1-\sigma(z))] = \log(1 + e^{z}) - y z,

    with :math:`\log(1+e^z) = \max(z, 0) + \log(1 + e^{-|z|})`: finite for any finite z.
    """
    Z, Y = as_float_array(Z, "Z", ndim=2), as_float_array(Y, "Y", ndim=2)
    _check_pair(Z, Y)
    check_zero_one(Y)
    return _sigmoid_bce(Z, Y)


def combined_delta(Y_hat: np.ndarray, Y: np.ndarray) -> np.ndarray:
    r"""The output error term of softmax + cross-entropy and of sigmoid + binary cross-entropy:

    .. math:: \delta = \partial L/\partial z = \frac1n(\hat y - y).
    """
    return (Y_hat - Y) / len(Y)


@dataclass(frozen=True)
class Loss:
    """A loss together with its gradient with respect to the network's output.

    Attributes:
        name: "mse", "half_mse", "half_sse", "cross_entropy" or "binary_cross_entropy".
        value: ``value(Y_hat, Y) -> float``.
        gradient: ``gradient(Y_hat, Y) -> dL/dY_hat``, same shape as ``Y_hat``.
        reduction: ``"mean"`` if the loss averages over samples, ``"sum"`` if it adds them.
        output_activation: the output activation the loss is made for ("softmax",
            "sigmoid"), or None if it suits any. A network trained with such a loss must
            end in that activation; it then uses the three fields below.
        value_from_z: the same loss from the output layer's net input Z (stable form;
            targets are checked once, before, by ``check_targets``).
        delta: the combined output error term ``delta(Y_hat, Y) -> dL/dZ``.
        check_targets: raises if the targets do not suit the loss (one-hot, 0/1).
    """

    name: str
    value: Callable[[np.ndarray, np.ndarray], float]
    gradient: Callable[[np.ndarray, np.ndarray], np.ndarray]
    reduction: str
    output_activation: str | None = None
    value_from_z: Callable[[np.ndarray, np.ndarray], float] | None = None
    delta: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
    check_targets: Callable[[np.ndarray], None] | None = None

    def check_output(self, activation_name: str) -> None:
        """Raise if a network whose output layer uses ``activation_name`` cannot use this loss."""
        if self.output_activation is not None and activation_name != self.output_activation:
            other = {"softmax": "cross_entropy", "sigmoid": "binary_cross_entropy"}
            alt = other.get(activation_name)
            raise ValueError(
                f"loss {self.name!r} is made for a {self.output_activation} output layer; this "
                f"network's output layer uses {activation_name!r}. Fix: build it with "
                f"output_activation={self.output_activation!r}"
                + (f", or use loss={alt!r}." if alt else ".")
            )

    def __call__(self, Y_hat: np.ndarray, Y: np.ndarray) -> float:
        return self.value(Y_hat, Y)

    def __repr__(self) -> str:
        return f"Loss({self.name!r})"


LOSSES: dict[str, Loss] = {
    "mse": Loss("mse", mse, mse_gradient, "mean"),
    "half_mse": Loss("half_mse", half_mse, half_mse_gradient, "mean"),
    "half_sse": Loss("half_sse", half_sse, half_sse_gradient, "sum"),
    "cross_entropy": Loss(
        "cross_entropy",
        cross_entropy,
        cross_entropy_gradient,
        "mean",
        output_activation="softmax",
        value_from_z=_softmax_ce,
        delta=combined_delta,
        check_targets=check_one_hot,
    ),
    "binary_cross_entropy": Loss(
        "binary_cross_entropy",
        binary_cross_entropy,
        binary_cross_entropy_gradient,
        "mean",
        output_activation="sigmoid",
        value_from_z=_sigmoid_bce,
        delta=combined_delta,
        check_targets=check_zero_one,
    ),
}


def get_loss(loss: str | Loss) -> Loss:
    """Look up a loss by name (or pass a :class:`Loss` through)."""
    if isinstance(loss, Loss):
        return loss
    return LOSSES[check_choice(loss, "loss", LOSSES)]
