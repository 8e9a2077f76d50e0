r"""Activation functions and their derivatives (lesson 01).

A neuron first forms the weighted sum of its inputs plus a bias,

.. math:: \mathrm{net} = \sum_i w_i x_i + b,

and then passes it through an activation function, :math:`\mathrm{out} = f(\mathrm{net})`.
Back-propagation needs the derivative :math:`f'(\mathrm{net})`, so every activation
here comes with it. Each function works element-wise on numpy arrays of any shape.

=========  ==============================  ==============================
name       :math:`f(z)`                    :math:`f'(z)`
=========  ==============================  ==============================
step       1 if z >= 0 else 0              0 (undefined at 0)
sigmoid    1 / (1 + e^{-z})                f(z) (1 - f(z)),  f'(0) = 0.25
tanh       tanh z                          1 - tanh^2 z
relu       max(0, z)                       1 if z > 0 else 0
identity   z                               1
softmax    e^{z_k} / sum_j e^{z_j} (a row)  a Jacobian, not element-wise (below)
=========  ==============================  ==============================

Softmax (lesson 12) is the one activation that is not element-wise: each output
:math:`a_k = e^{z_k} / \sum_j e^{z_j}` depends on the whole row :math:`z` of a sample, so
its derivative is a matrix, the Jacobian :math:`\partial a_k/\partial z_j = a_k(1[k=j] - a_j)`.
Back-propagation needs only its product with :math:`\partial L/\partial a`
(:meth:`Activation.delta`):

.. math:: \delta_j = \sum_k \frac{\partial L}{\partial a_k}\,a_k(1[k=j] - a_j)
                   = a_j\Big(\frac{\partial L}{\partial a_j} - \sum_k \frac{\partial L}{\partial a_k} a_k\Big).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnlesson._validation import as_float_array, check_choice

ArrayFn = Callable[[np.ndarray], np.ndarray]


def _real(z: object) -> np.ndarray:
    """``z`` as a float array of any shape (a number, a list, an array; empty is fine).

    A network passes float arrays straight through; anything else is converted the way
    every nnlesson function converts arrays (:func:`nnlesson._validation.as_float_array`):
    integers and booleans to float64, complex numbers, strings and None refused.
    """
    if type(z) is np.ndarray and z.dtype.kind == "f" and z.dtype.itemsize in (4, 8):
        return z
    return as_float_array(z, "z", allow_empty=True)


def step(z: np.ndarray) -> np.ndarray:
    """Threshold (Heaviside) unit of McCulloch-Pitts and the perceptron: 1 if z >= 0, else 0."""
    z = _real(z)
    out = (z >= 0).astype(z.dtype)
    nan = np.isnan(z)  # NaN >= 0 is False: without this a NaN input would show as 0
    return np.where(nan, np.nan, out).astype(z.dtype) if nan.any() else out


def step_prime(z: np.ndarray) -> np.ndarray:
    """Derivative of the step: 0 everywhere it exists, so no gradient flows through it.

    This is why the step unit cannot be trained by back-propagation.
    """
    return np.zeros_like(_real(z))


def sigmoid(z: np.ndarray) -> np.ndarray:
    r"""Logistic sigmoid :math:`\sigma(z) = 1 / (1 + e^{-z})`.

    Computed through the exact identity :math:`\sigma(z) = \tfrac12(1 + \tanh(z/2))`,
    which never overflows: ``1 / (1 + np.exp(-z))`` warns "overflow in exp" for
    z < -709, while this form returns 0.0 there and 1.0 for large z, with no warning,
    in float64 and float32 alike, and costs the same four numpy operations.
    """
    return 0.5 * np.tanh(0.5 * _real(z)) + 0.5


def sigmoid_prime(z: np.ndarray) -> np.ndarray:
    r""":math:`\sigma'(z) = \sigma(z)\,(1 - \sigma(z))`; its largest value is :math:`\sigma'(0) = 0.25`."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z: np.ndarray) -> np.ndarray:
    r"""Hyperbolic tangent, :math:`\tanh z = 2\sigma(2z) - 1`, with values in (-1, 1)."""
    return np.tanh(_real(z))


def tanh_prime(z: np.ndarray) -> np.ndarray:
    r""":math:`\tanh'(z) = 1 - \tanh^2 z`; its largest value is 1 at z = 0."""
    t = np.tanh(_real(z))
    return 1.0 - t * t


def relu(z: np.ndarray) -> np.ndarray:
    """Rectified linear unit, max(0, z)."""
    return np.maximum(_real(z), 0.0)


def relu_prime(z: np.ndarray) -> np.ndarray:
    """1 where z > 0, else 0 (we take the derivative at exactly 0 to be 0, as PyTorch does)."""
    z = _real(z)
    return (z > 0).astype(z.dtype)


def identity(z: np.ndarray) -> np.ndarray:
    """The identity, f(z) = z: a linear output unit (regression). A copy: changing the
    answer never changes ``z``."""
    return _real(z).copy()


def identity_prime(z: np.ndarray) -> np.ndarray:
    """f'(z) = 1."""
    z = _real(z)
    return np.ones(z.shape, dtype=z.dtype)


def softmax(z: np.ndarray) -> np.ndarray:
    r"""Softmax over the last axis: :math:`a_k = e^{z_k} / \sum_j e^{z_j}`, each row sums to 1.

    Computed as :math:`e^{z_k - m} / \sum_j e^{z_j - m}` with :math:`m = \max_j z_j` (the
    same value: the factor :math:`e^{-m}` cancels). The largest exponent is then
    :math:`e^0 = 1`, so nothing overflows, even for z = 1000 where :math:`e^{1000}` would.
    """
    z = _real(z)
    if z.ndim == 0:
        raise ValueError(
            "z must hold at least one row of numbers: softmax normalises each row (the last "
            "axis) to sum to 1. Fix: softmax(np.array([z1, z2, ...]))."
        )
    if z.size == 0:
        return z.copy()
    with np.errstate(invalid="ignore"):  # a row holding +inf has no probabilities: NaN
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)


def softmax_delta(dL_dA: np.ndarray, A: np.ndarray) -> np.ndarray:
    r""":math:`\delta = \partial L/\partial z` through softmax's Jacobian, row by row.

    .. math:: \delta_j = a_j\Big(g_j - \sum_k g_k a_k\Big), \qquad g = \partial L/\partial a .
    """
    return A * (dL_dA - np.sum(dL_dA * A, axis=-1, keepdims=True))


def _no_elementwise_derivative(_: np.ndarray) -> np.ndarray:
    raise ValueError(
        "softmax has no element-wise derivative: each output depends on the whole row, so "
        "its derivative is a Jacobian matrix. Fix: use Activation.delta(dL_dA, Z, A), which "
        "multiplies by that Jacobian (Dense.backward does this)."
    )


@dataclass(frozen=True)
class Activation:
    """An activation function together with its derivative.

    Attributes:
        name: the name used to look it up ("sigmoid", "tanh", ...).
        f: the function, element-wise.
        df: its derivative with respect to its input ``z``, element-wise.
        df_from_output: the same derivative written in terms of the output
            ``a = f(z)``, as the source articles do for the sigmoid: f'(z) = a (1 - a).
        jacobian_product: for an activation that is not element-wise (softmax),
            ``jacobian_product(dL_dA, A)`` returns δ = ∂L/∂Z; None for the others.
    """

    name: str
    f: ArrayFn
    df: ArrayFn
    df_from_output: ArrayFn
    jacobian_product: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None

    def delta(self, dL_dA: np.ndarray, Z: np.ndarray, A: np.ndarray | None = None) -> np.ndarray:
        r""":math:`\delta = \partial L/\partial Z` from :math:`\partial L/\partial A`.

        Element-wise activations: :math:`\delta = \partial L/\partial A \odot f'(Z)`.
        Softmax: the product with its Jacobian (see the module docstring).
        """
        if self.jacobian_product is not None:
            return self.jacobian_product(dL_dA, self.f(Z) if A is None else A)
        return dL_dA * self.derivative(Z, A)

    def derivative(self, Z: np.ndarray, A: np.ndarray | None = None) -> np.ndarray:
        """f'(Z); when the output ``A = f(Z)`` is known, computed from it (cheaper)."""
        return self.df(Z) if A is None else self.df_from_output(A)

    def __call__(self, z: np.ndarray) -> np.ndarray:
        return self.f(z)

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"


ACTIVATIONS: dict[str, Activation] = {
    "step": Activation("step", step, step_prime, step_prime),
    "sigmoid": Activation("sigmoid", sigmoid, sigmoid_prime, lambda a: a * (1.0 - a)),
    "tanh": Activation("tanh", tanh, tanh_prime, lambda a: 1.0 - a * a),
    "relu": Activation("relu", relu, relu_prime, relu_prime),
    "identity": Activation("identity", identity, identity_prime, identity_prime),
}


# Softmax works on whole rows, so it is kept apart from the element-wise ones above
# (lesson 01 lists ACTIVATIONS and differentiates each element by element).
SOFTMAX = Activation(
    "softmax", softmax, _no_elementwise_derivative, _no_elementwise_derivative, softmax_delta
)


def get_activation(activation: str | Activation, name: str = "activation") -> Activation:
    """Look up an activation by name (or pass an :class:`Activation` through).

    ``name`` is the argument's name in error messages (e.g. ``"output_activation"``).
    """
    if isinstance(activation, Activation):
        return activation
    every = {**ACTIVATIONS, "softmax": SOFTMAX}
    return every[check_choice(activation, name, every)]
