r"""A fully connected (dense) layer with its forward and backward pass (lessons 03-04).

For a batch ``X`` of shape ``(n, n_in)`` (one row per sample) the layer computes

.. math::
    Z = X W + b, \qquad A = f(Z),

with ``W`` of shape ``(n_in, n_out)``: ``W[i, j]`` is the weight on the edge from
input ``i`` to unit ``j`` (article 001: the weight matrix's shape comes from the sizes of
the two layers it connects), and ``b`` of shape ``(n_out,)``.

Backward, given :math:`\partial L/\partial A` from the layer above, the chain rule gives

.. math::
    \delta = \frac{\partial L}{\partial Z} = \frac{\partial L}{\partial A} \odot f'(Z), \qquad
    \frac{\partial L}{\partial W} = X^\top \delta, \qquad
    \frac{\partial L}{\partial b} = \sum_{\text{samples}} \delta, \qquad
    \frac{\partial L}{\partial X} = \delta\, W^\top .

The last one is handed to the layer below: that is the δ recursion of back-propagation.
Summing over the samples in :math:`X^\top\delta` is article 004's "sum δ over all samples,
then update once"; with a batch of one sample it is the per-sample update.
"""

from __future__ import annotations

import numpy as np

from nnlesson._validation import (
    as_float_array,
    as_generator,
    check_bool,
    check_int,
    check_positive_number,
)
from nnlesson.activations import Activation, get_activation

INITS = ("xavier", "he", "normal", "uniform", "zeros")


def init_weights(
    n_in: int,
    n_out: int,
    init: str = "xavier",
    rng: np.random.Generator | None = None,
    scale: float = 1.0,
) -> np.ndarray:
    r"""A fresh ``(n_in, n_out)`` weight matrix.

    * ``"xavier"`` (Glorot): normal with standard deviation :math:`\sqrt{2/(n_\text{in}+n_\text{out})}`
      (keeps the variance of signals about equal forward and backward, for sigmoid/tanh);
    * ``"he"``: normal with standard deviation :math:`\sqrt{2/n_\text{in}}` (for ReLU);
    * ``"normal"``: standard normal times ``scale`` (article 002's ``np.random.randn``);
    * ``"uniform"``: uniform on [0, ``scale``) (article 004: "w and b random in 0-1");
    * ``"zeros"``: all zero (a mistake the course shows: hidden units stay identical).

    ``rng`` is a ``numpy.random.Generator``; without one the weights depend on no
    global state but are drawn from ``np.random.default_rng(0)``.
    """
    n_in = check_int(n_in, "n_in", minimum=1)
    n_out = check_int(n_out, "n_out", minimum=1)
    scale = check_positive_number(scale, "scale", allow_zero=True)
    if not isinstance(init, str) or init not in INITS:
        raise ValueError(f"Unknown init {init!r}. Valid choices: {', '.join(INITS)}.")
    rng = as_generator(rng)
    if init == "xavier":
        return rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / (n_in + n_out)) * scale
    if init == "he":
        return rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in) * scale
    if init == "normal":
        return rng.standard_normal((n_in, n_out)) * scale
    if init == "uniform":
        return rng.uniform(0.0, scale, size=(n_in, n_out))
    return np.zeros((n_in, n_out))


class Dense:
    r"""One fully connected layer, :math:`A = f(XW + b)`.

    Forward caches what backward needs, under explicit names:

    * ``self.X``: the layer's input (for :math:`\partial L/\partial W = X^\top\delta`),
    * ``self.Z``: the weighted sums, "net" in article 004 (for :math:`f'(Z)`),
    * ``self.A``: the outputs, "out" in article 004.

    Backward stores ``self.delta`` (:math:`\partial L/\partial Z`), ``self.dL_dW`` and
    ``self.dL_db``, and returns :math:`\partial L/\partial X` for the layer below.

    Args:
        W: weights, shape ``(n_in, n_out)``.
        b: biases, shape ``(n_out,)`` (a scalar is broadcast to every unit).
        activation: a name from :data:`nnlesson.activations.ACTIVATIONS` or an ``Activation``.
        train_bias: if False the bias is left out of :meth:`parameters` and so never
            updated (the classic worked example keeps its biases fixed).
    """

    def __init__(
        self,
        W: np.ndarray,
        b: np.ndarray | float = 0.0,
        activation: str | Activation = "sigmoid",
        *,
        train_bias: bool = True,
    ) -> None:
        self.W = as_float_array(W, "W", ndim=2)
        n_out = self.W.shape[1]
        b_arr = as_float_array(b, "b")
        if b_arr.ndim == 0:
            b_arr = np.full(n_out, float(b_arr), dtype=self.W.dtype)
        if b_arr.shape != (n_out,):
            raise ValueError(
                f"b must have one entry per unit, shape ({n_out},) to match W of shape "
                f"{self.W.shape}; got shape {b_arr.shape}. Fix: b = np.zeros({n_out}), or one "
                f"number for every unit."
            )
        self.b = b_arr.astype(self.W.dtype, copy=True)
        self.W = self.W.copy()
        self.activation = get_activation(activation)
        self.train_bias = check_bool(train_bias, "train_bias")
        self.X: np.ndarray | None = None
        self.Z: np.ndarray | None = None
        self.A: np.ndarray | None = None
        self.delta: np.ndarray | None = None
        self.dL_dW: np.ndarray | None = None
        self.dL_db: np.ndarray | None = None

    @classmethod
    def random(
        cls,
        n_in: int,
        n_out: int,
        activation: str | Activation = "sigmoid",
        *,
        init: str = "xavier",
        rng: np.random.Generator | None = None,
        scale: float = 1.0,
        train_bias: bool = True,
    ) -> Dense:
        """A layer with weights from :func:`init_weights` and zero biases."""
        W = init_weights(n_in, n_out, init, rng, scale)
        return cls(W, np.zeros(n_out), activation, train_bias=train_bias)

    @property
    def n_in(self) -> int:
        return self.W.shape[0]

    @property
    def n_out(self) -> int:
        return self.W.shape[1]

    def forward(self, X: np.ndarray) -> np.ndarray:
        """Compute ``A = f(X @ W + b)`` for a batch ``X`` of shape ``(n, n_in)``; cache X, Z, A."""
        X = as_float_array(X, "X", ndim=2)
        if X.shape[1] != self.W.shape[0]:
            raise ValueError(
                f"This layer expects inputs X of shape (batch, {self.n_in}); got {X.shape}. "
                f"Fix: each row of X is one sample with {self.n_in} features."
            )
        Z = X @ self.W + self.b
        A = self.activation.f(Z)
        self.X, self.Z, self.A = X, Z, A
        return A

    def backward(self, dL_dA: np.ndarray, *, input_gradient: bool = True) -> np.ndarray | None:
        """Given dL/dA (shape ``(n, n_out)``), store dL/dW, dL/db and return dL/dX.

        The first layer of a network has no layer below it; training skips its dL/dX
        (``input_gradient=False``, returns None), one matrix product saved per step.
        """
        if self.Z is None:
            raise RuntimeError("backward() was called before forward(). Fix: run forward(X) first.")
        dL_dA = self._check_upstream(dL_dA, "dL_dA")
        act = self.activation
        if act.jacobian_product is None:  # element-wise: dL/dA * f'(Z)
            delta = dL_dA * act.derivative(self.Z, self.A)
        else:  # softmax: through its Jacobian
            delta = act.jacobian_product(dL_dA, self.A)
        return self._backward_delta(delta, input_gradient)

    def backward_delta(
        self, delta: np.ndarray, *, input_gradient: bool = True
    ) -> np.ndarray | None:
        r"""Like :meth:`backward`, but given :math:`\delta = \partial L/\partial Z` itself.

        An output layer whose loss is made for its activation (softmax with cross-entropy,
        sigmoid with binary cross-entropy) gets the combined :math:`\delta = (\hat y - y)/n`
        straight from the loss, without passing through :math:`\partial L/\partial A`.
        """
        if self.X is None:
            raise RuntimeError("backward() was called before forward(). Fix: run forward(X) first.")
        return self._backward_delta(self._check_upstream(delta, "delta"), input_gradient)

    def _backward_delta(self, delta: np.ndarray, input_gradient: bool) -> np.ndarray | None:
        self.delta = delta
        self.dL_dW = self.X.T @ delta
        self.dL_db = np.add.reduce(delta, axis=0)
        return delta @ self.W.T if input_gradient else None

    def _check_upstream(self, grad: object, name: str) -> np.ndarray:
        """A gradient from above must match this layer's outputs of the last forward pass."""
        grad = as_float_array(grad, name, allow_empty=True)
        if grad.shape != self.Z.shape:  # type: ignore[union-attr]
            raise ValueError(
                f"{name} has shape {grad.shape} but this layer's last forward pass gave outputs "
                f"of shape {self.Z.shape}; they must match (one row per sample, one column per "  # type: ignore[union-attr]
                f"unit). Fix: pass the gradient of the loss for the batch you ran forward."
            )
        return grad

    def __repr__(self) -> str:
        return f"Dense({self.n_in} -> {self.n_out}, {self.activation.name})"
