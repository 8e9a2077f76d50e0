r"""Many networks at once: K random starts trained side by side (lessons 08, 11).

Article 003: "the starting point is random, so the minimum found depends on it". To see
how often, we train K copies of one architecture from K random starts. Instead of a
Python loop over K networks, every weight matrix gets a leading axis of length K,

.. math::
    W_l \in \mathbb{R}^{K \times n_{l-1} \times n_l}, \qquad
    b_l \in \mathbb{R}^{K \times n_l},

and numpy's batched matrix product runs all K forward and backward passes in one call:

.. math::
    Z_l^{(k)} = A_{l-1}^{(k)} W_l^{(k)} + b_l^{(k)}, \qquad
    \frac{\partial L^{(k)}}{\partial W_l^{(k)}} = A_{l-1}^{(k)\top} \delta_l^{(k)} .

Each member is trained by full-batch gradient descent on the same data, as
:func:`nnlesson.train` would train it alone: on the lessons' XOR data to the last bit
(tests check this); with 8 or more samples and a layer of a single unit, to within
rounding, because numpy then adds that layer's bias gradients in another order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnlesson._validation import (
    as_float_array,
    as_generator,
    check_fraction,
    check_int,
    check_positive_number,
    check_sizes,
)
from nnlesson.activations import Activation, get_activation
from nnlesson.data import check_dataset
from nnlesson.layers import Dense, init_weights
from nnlesson.losses import Loss, get_loss
from nnlesson.network import Network


class Ensemble:
    """K networks with the same layer sizes and activations, weights stacked on axis 0.

    Attributes:
        W: list of arrays of shape ``(K, n_in, n_out)``, one per layer.
        b: list of arrays of shape ``(K, n_out)``.
        activations: one :class:`~nnlesson.activations.Activation` per layer.
    """

    def __init__(
        self,
        W: Sequence[np.ndarray],
        b: Sequence[np.ndarray],
        activations: Sequence[str | Activation],
    ) -> None:
        if not (len(W) == len(b) == len(activations) >= 1):
            raise ValueError(
                "W, b and activations need one entry per layer (at least one). "
                "Fix: Ensemble.random(sizes, k) makes them for you."
            )
        self.W = [np.array(w, dtype=float) for w in W]
        self.b = [np.array(v, dtype=float) for v in b]
        k = self.W[0].shape[0]
        for layer, (w, v) in enumerate(zip(self.W, self.b), start=1):
            if w.ndim != 3 or w.shape[0] != k or v.shape != (k, w.shape[2]):
                raise ValueError(
                    f"Layer {layer}: W must be (K, n_in, n_out) and b (K, n_out) with the same "
                    f"K = {k}; got W {w.shape} and b {v.shape}. Fix: stack one (n_in, n_out) "
                    f"matrix and one bias row per member."
                )
        for layer, (below, above) in enumerate(zip(self.W, self.W[1:]), start=1):
            if below.shape[2] != above.shape[1]:
                raise ValueError(
                    f"Layer {layer} has {below.shape[2]} outputs but layer {layer + 1} expects "
                    f"{above.shape[1]} inputs."
                )
        self.activations = [get_activation(a) for a in activations]

    @classmethod
    def random(
        cls,
        sizes: Sequence[int],
        k: int,
        activation: str = "sigmoid",
        output_activation: str | None = None,
        *,
        init: str = "normal",
        scale: float = 1.0,
        rng: np.random.Generator | int | None = None,
    ) -> Ensemble:
        """K members with layer ``sizes``; weights drawn like :meth:`Network.build`'s.

        Member ``i`` gets the weights that ``Network.build(sizes, ..., rng=rng)`` would get
        if it were built i-th in a row from the same generator, so a member can be
        rebuilt and trained alone for comparison (:meth:`network`). Biases start at 0.
        """
        k = check_int(k, "k", minimum=1)
        rng = as_generator(rng)
        sizes = check_sizes(sizes)
        get_activation(activation)
        if output_activation is not None:
            get_activation(output_activation, "output_activation")
        pairs = list(zip(sizes, sizes[1:]))
        W = [np.empty((k, n_in, n_out)) for n_in, n_out in pairs]
        for member in range(k):
            for layer, (n_in, n_out) in enumerate(pairs):
                W[layer][member] = init_weights(n_in, n_out, init, rng, scale)
        b = [np.zeros((k, n_out)) for _, n_out in pairs]
        out = activation if output_activation is None else output_activation
        acts = [activation] * (len(pairs) - 1) + [out]
        return cls(W, b, acts)

    @classmethod
    def from_networks(cls, nets: Sequence[Network]) -> Ensemble:
        """Stack networks of identical shape and activations into one ensemble."""
        if isinstance(nets, Network) or not hasattr(nets, "__iter__"):
            raise TypeError(
                f"nets must be a list of Networks; got {type(nets).__name__}. "
                f"Fix: Ensemble.from_networks([net_a, net_b])."
            )
        nets = list(nets)
        if not nets:
            raise ValueError(
                "from_networks needs at least one network; nets is empty. "
                "Fix: Ensemble.from_networks([net_a, net_b])."
            )
        for k, net in enumerate(nets, start=1):
            if not isinstance(net, Network):
                raise TypeError(
                    f"from_networks: member {k} of nets is {type(net).__name__}, not a Network. "
                    f"Fix: pass a list of Networks."
                )
        first = nets[0]
        acts = [layer.activation for layer in first.layers]
        for k, net in enumerate(nets[1:], start=2):
            if net.sizes != first.sizes:
                raise ValueError(
                    f"from_networks: member {k} has sizes {net.sizes}, member 1 has "
                    f"{first.sizes}; an ensemble stacks networks of one shape. Fix: build "
                    f"every member with the same sizes."
                )
            names = [layer.activation.name for layer in net.layers]
            if names != [a.name for a in acts]:
                raise ValueError(
                    f"from_networks: member {k} uses activations {names}, member 1 uses "
                    f"{[a.name for a in acts]}; an ensemble's members share their activations. "
                    f"Fix: build every member with the same activations."
                )
        W = [np.stack([net.layers[i].W for net in nets]) for i in range(len(acts))]
        b = [np.stack([net.layers[i].b for net in nets]) for i in range(len(acts))]
        return cls(W, b, acts)

    @property
    def k(self) -> int:
        """How many members."""
        return self.W[0].shape[0]

    @property
    def sizes(self) -> list[int]:
        return [self.W[0].shape[1]] + [w.shape[2] for w in self.W]

    def network(self, i: int) -> Network:
        """Member ``i`` as an ordinary :class:`Network` (a copy)."""
        i = check_int(i, "i", minimum=0)
        if i >= self.k:
            raise ValueError(
                f"i must be < {self.k} (the ensemble has members 0 .. {self.k - 1}); got {i}. "
                f"Fix: pass a member number from 0 to {self.k - 1}."
            )
        return Network(
            [Dense(w[i], v[i], act) for w, v, act in zip(self.W, self.b, self.activations)]
        )

    def forward(self, X: np.ndarray) -> np.ndarray:
        """Outputs of every member for the same inputs: shape ``(K, n, outputs)``."""
        A = as_float_array(X, "X", ndim=2)
        if A.shape[1] != self.sizes[0]:
            raise ValueError(
                f"X has {A.shape[1]} features but the members' first layer expects "
                f"{self.sizes[0]}. Fix: X must be (n, {self.sizes[0]})."
            )
        for w, v, act in zip(self.W, self.b, self.activations):
            A = act.f(np.matmul(A, w) + v[:, None, :])
        return A

    def train(
        self,
        X: np.ndarray,
        Y: np.ndarray,
        *,
        epochs: int,
        lr: float,
        loss: str | Loss = "mse",
        momentum: float = 0.0,
    ) -> np.ndarray:
        r"""Full-batch gradient descent, :math:`W \leftarrow W - \eta\,\partial L/\partial W`, on every member.

        With ``momentum`` β > 0 it is heavy-ball momentum in the convention of
        :class:`nnlesson.optimizers.Momentum` (PyTorch's):
        :math:`v \leftarrow \beta v + \partial L/\partial W,\ W \leftarrow W - \eta v`,
        with the velocity starting at 0 at every call.

        Returns the loss of every member before each epoch's update, shape ``(epochs, K)``.
        A member whose loss turns NaN simply carries it on; the others are unaffected.
        """
        X, Y = check_dataset(X, Y)
        epochs = check_int(epochs, "epochs", minimum=0)
        lr = check_positive_number(lr, "lr")
        momentum = check_fraction(momentum, "momentum")
        loss_fn = get_loss(loss)
        if X.shape[1] != self.sizes[0] or Y.shape[1] != self.sizes[-1]:
            raise ValueError(
                f"X must be (n, {self.sizes[0]}) and Y (n, {self.sizes[-1]}); got {X.shape} "
                f"and {Y.shape}. Fix: one column of X per input, of Y per output."
            )
        n = len(X)
        scales = {"mse": 2.0 / n, "half_mse": 1.0 / n, "half_sse": 1.0}
        if loss_fn.name not in scales:
            raise ValueError(
                f"Ensemble.train supports the losses {', '.join(scales)}; got {loss_fn.name!r}. "
                f"Fix: train one Network at a time with nnlesson.train(net, X, Y, "
                f"loss={loss_fn.name!r}, ...)."
            )
        if any(act.jacobian_product is not None for act in self.activations):
            raise ValueError(
                "Ensemble.train works with element-wise activations only, not softmax. Fix: "
                "train one Network at a time with nnlesson.train."
            )
        scale = scales[loss_fn.name]  # dL/dY_hat = scale * (Y_hat - Y)
        history = np.empty((epochs, self.k))
        n_layers = len(self.W)
        vel_W = [np.zeros_like(w) for w in self.W]
        vel_b = [np.zeros_like(v) for v in self.b]
        with np.errstate(over="ignore", invalid="ignore"):
            for epoch in range(epochs):
                acts = [X]
                for w, v, act in zip(self.W, self.b, self.activations):
                    acts.append(act.f(np.matmul(acts[-1], w) + v[:, None, :]))
                diff = acts[-1] - Y
                history[epoch] = (diff * diff).sum(axis=(1, 2)) * (scale / 2.0)
                delta = scale * diff * self.activations[-1].derivative(None, acts[-1])
                for layer in range(n_layers - 1, -1, -1):
                    A_prev = acts[layer]
                    if A_prev.ndim == 2:  # the inputs, shared by every member
                        dW = np.matmul(A_prev.T, delta)
                    else:
                        dW = np.matmul(A_prev.transpose(0, 2, 1), delta)
                    db = _sum_over_samples(delta)
                    if layer:
                        below = self.activations[layer - 1]
                        delta = np.matmul(delta, self.W[layer].transpose(0, 2, 1)) * (
                            below.derivative(None, acts[layer])
                        )
                    if momentum:
                        vel_W[layer] = momentum * vel_W[layer] + dW
                        vel_b[layer] = momentum * vel_b[layer] + db
                        dW, db = vel_W[layer], vel_b[layer]
                    self.W[layer] = self.W[layer] - lr * dW
                    self.b[layer] = self.b[layer] - lr * db
        return history

    def __repr__(self) -> str:
        acts = ", ".join(a.name for a in self.activations)
        return f"Ensemble(k={self.k}, sizes={self.sizes}, activations=[{acts}])"


def _sum_over_samples(delta: np.ndarray) -> np.ndarray:
    """dL/db of every member: ``delta`` of shape ``(K, n, units)`` summed over its n samples.

    ``delta.sum(axis=1)`` gives the same sums, but numpy walks a middle axis a few
    entries at a time. With the samples first (a copy) it adds whole ``(K, units)``
    slices, one sample after another: three to five times faster for 1000 XOR members,
    and the same to the last bit whenever there are fewer than 8 samples.
    """
    return np.add.reduce(delta.transpose(1, 0, 2).copy(), axis=0)
