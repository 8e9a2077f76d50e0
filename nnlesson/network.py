r"""A multi-layer network: forward, backward and named weights (lessons 03-04).

A :class:`Network` is a list of :class:`~nnlesson.layers.Dense` layers. ``forward``
runs them in order; ``backward`` runs them in reverse, each layer turning
:math:`\partial L/\partial A` from above into its own gradients and the
:math:`\partial L/\partial X` it passes down (the δ recursion).

Parameters are addressed two ways:

* by matrix: ``"W1"``, ``"b1"``, ``"W2"``, ... (layer numbers start at 1);
* by single weight, numbered as the classic 2-2-2 worked example numbers them:
  layer by layer, and within a layer unit by unit, each unit's incoming weights in
  input order. For the 2-2-2 net this gives ``w1`` (i1→h1), ``w2`` (i2→h1),
  ``w3`` (i1→h2), ``w4`` (i2→h2), ``w5`` (h1→o1), ``w6`` (h2→o1), ``w7`` (h1→o2),
  ``w8`` (h2→o2). So ``w_k`` is ``W_l[i, j]`` for the k-th (layer l, unit j, input i).

Parameters are plain arrays owned by the layers. Optimizers return *new* arrays, and
:meth:`Network.set_parameters` puts them back, so nothing relies on in-place updates
of shared references.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from nnlesson._validation import (
    as_float_array,
    as_generator,
    check_finite,
    check_number,
    check_sizes,
)
from nnlesson.activations import Activation, get_activation
from nnlesson.layers import Dense
from nnlesson.losses import Loss, get_loss

Params = dict[str, np.ndarray]
FILE_FORMAT = "nnlesson-network-v1"
MAX_LOAD_ENTRIES = 10_000_000
"""The most numbers :meth:`Network.load` reads from one file (80 MB in float64; lesson 12's
network has about 2,000). Sizes are read from the file's headers before anything is inflated,
so a small compressed file that would inflate to gigabytes is refused at once."""
NO_GRADIENTS = "No gradients yet: call backward() (or loss_and_gradients) first. Fix: run " + (
    "net.loss_and_gradients(X, Y) before asking for gradients."
)


class Layers(tuple):
    """A network's layers, input side first: fixed once the network is made.

    The network names its parameters (``W1``, ``b1``, ...) from its layers when it is
    made; a layer swapped in afterwards would be trained under a stale name table. So
    the tuple cannot change: to change a network, make a new one from a list of layers.
    """

    def _fixed(self, *args: object, **kwargs: object) -> None:
        raise TypeError(
            "A network's layers are fixed once it is made (its parameter names W1, b1, ... "
            "come from them). Fix: make a new network, e.g. "
            "Network(list(net.layers[:-1]) + [Dense(...)])."
        )

    __setitem__ = __delitem__ = append = extend = insert = pop = remove = _fixed  # type: ignore[assignment]

    def __iadd__(self, other: object) -> Layers:  # net.layers += [...]
        self._fixed()
        return self


class Network:
    """A feed-forward network of dense layers.

    Args:
        layers: the layers, input side first; each layer's ``n_in`` must equal the
            previous layer's ``n_out``.
    """

    def __init__(self, layers: Sequence[Dense]) -> None:
        if isinstance(layers, (Dense, str)) or not hasattr(layers, "__iter__"):
            raise TypeError(
                f"layers must be a list of Dense layers; got {type(layers).__name__}. "
                f"Fix: Network([Dense(...), Dense(...)]), or Network.build([2, 4, 1])."
            )
        layers = list(layers)
        if not layers:
            raise ValueError(
                "A Network needs at least one layer; got an empty list. Fix: Network([Dense(...)])."
            )
        for k, layer in enumerate(layers, start=1):
            if not isinstance(layer, Dense):
                raise TypeError(
                    f"layers[{k - 1}] is {type(layer).__name__}, not a Dense layer. "
                    f"Fix: make each layer with Dense(W, b, activation)."
                )
        for k, (below, above) in enumerate(zip(layers, layers[1:]), start=1):
            if below.n_out != above.n_in:
                raise ValueError(
                    f"Layer {k} has {below.n_out} outputs but layer {k + 1} expects "
                    f"{above.n_in} inputs. Fix: make consecutive layer sizes agree."
                )
        self._layers = Layers(layers)
        self._index: dict[str, tuple[int, int, int]] | None = None  # built on first use
        # "W1" -> (layer, "W"), ...: set_parameters runs once per training step
        self._slots = {
            f"{attr}{k}": (layer, attr)
            for k, layer in enumerate(layers, start=1)
            for attr in ("W", "b")
        }
        # ("W1", "b1"), ("W2", "b2"), ...: made once, parameters() runs every step too
        self._names = [(f"W{k}", f"b{k}") for k in range(1, len(layers) + 1)]

    @property
    def layers(self) -> Layers:
        """The layers, input side first (a fixed tuple: see :class:`Layers`)."""
        return self._layers

    @layers.setter
    def layers(self, value: object) -> None:
        Layers._fixed(self._layers)

    # ------------------------------------------------------------------ building
    @classmethod
    def build(
        cls,
        sizes: Sequence[int],
        activation: str | Activation = "sigmoid",
        output_activation: str | Activation | None = None,
        *,
        init: str = "xavier",
        scale: float = 1.0,
        rng: np.random.Generator | int | None = None,
        dtype: type | np.dtype | str = np.float64,
    ) -> Network:
        """A network with layer sizes ``sizes`` (inputs first), e.g. ``[2, 4, 1]``.

        Hidden layers use ``activation``; the output layer uses ``output_activation``
        (default: the same as the hidden layers). Weights come from
        :func:`~nnlesson.layers.init_weights` with ``init`` and ``scale``; biases start at 0.
        ``rng`` is a ``numpy.random.Generator`` or an integer seed (None means seed 0).
        ``dtype`` is float64 (default) or float32 (half the memory, faster on big layers).
        """
        given = dtype
        try:
            dtype = np.dtype(dtype).type  # np.float32, np.dtype("float32") and "float32" alike
        except TypeError:
            dtype = None
        if dtype not in (np.float64, np.float32):
            raise ValueError(
                f"dtype must be np.float64 or np.float32; got {given!r}. "
                f"Fix: dtype=np.float32 (or leave it out for float64)."
            )
        sizes = check_sizes(sizes)
        rng = as_generator(rng)
        get_activation(activation)  # a misspelt name is named before any weight is drawn
        if output_activation is not None:
            get_activation(output_activation, "output_activation")
        out_act = activation if output_activation is None else output_activation
        layers = [
            Dense.random(
                n_in,
                n_out,
                out_act if k == len(sizes) - 2 else activation,
                init=init,
                rng=rng,
                scale=scale,
            )
            for k, (n_in, n_out) in enumerate(zip(sizes, sizes[1:]))
        ]
        if dtype is np.float32:
            for layer in layers:
                layer.W, layer.b = layer.W.astype(np.float32), layer.b.astype(np.float32)
        return cls(layers)

    @property
    def sizes(self) -> list[int]:
        """Layer sizes, inputs first, e.g. ``[2, 2, 2]``."""
        return [self.layers[0].n_in] + [layer.n_out for layer in self.layers]

    # ------------------------------------------------------- forward and backward
    def forward(self, X: np.ndarray) -> np.ndarray:
        """Outputs for a batch ``X`` of shape ``(n, n_inputs)``; every layer caches X, Z, A."""
        A = as_float_array(X, "X", ndim=2)  # integers or booleans: computed in float64
        if A is X:  # the layers cache their input for backward: keep our own copy
            A = A.copy()
        return self._forward(A)

    def _forward(self, A: np.ndarray) -> np.ndarray:
        """:meth:`forward` on a float array the caller will not change (the Trainer's batches)."""
        if A.shape[1] != self.layers[0].n_in:
            raise ValueError(
                f"X has {A.shape[1]} features per sample (shape {A.shape}) but the first "
                f"layer expects {self.layers[0].n_in}. Fix: X must be (batch, "
                f"{self.layers[0].n_in})."
            )
        for layer in self.layers:
            A = layer.forward(A)
        return A

    __call__ = forward

    def backward(self, dL_dY: np.ndarray, *, input_gradient: bool = True) -> np.ndarray | None:
        """Back-propagate ``dL_dY`` (gradient of the loss w.r.t. the outputs) through every layer.

        Returns dL/dX for the inputs (None with ``input_gradient=False``, which training
        uses to skip that last product); each layer keeps its ``delta``, ``dL_dW``, ``dL_db``.
        """
        last = self.layers[-1]
        if last.Z is None:
            raise RuntimeError(
                "backward() was called before forward(). Fix: run net.forward(X) first."
            )
        grad = as_float_array(dL_dY, "dL_dY", allow_empty=True)
        if grad.shape != last.Z.shape:
            raise ValueError(
                f"dL_dY has shape {grad.shape} but the last forward pass gave outputs of shape "
                f"{last.Z.shape}; they must match. Fix: pass dL/dY_hat for the batch you ran "
                f"forward, e.g. mse_gradient(Y_hat, Y)."
            )
        first = self.layers[0]
        with np.errstate(invalid="ignore", over="ignore"):  # inf in, NaN out: no warning
            for layer in reversed(self.layers):
                grad = layer.backward(grad, input_gradient=input_gradient or layer is not first)
        return grad

    def loss_and_gradients(
        self, X: np.ndarray, Y: np.ndarray, loss: str | Loss = "mse"
    ) -> tuple[float, Params]:
        """One forward and one backward pass: the loss on (X, Y) and every gradient."""
        loss_fn = get_loss(loss)
        Y_hat = self.forward(X)
        check_finite(self.layers[0].X, "X")
        Y = as_float_array(Y, "Y", ndim=2)
        check_finite(Y, "Y")
        if Y.shape != Y_hat.shape:
            raise ValueError(
                f"Y has shape {Y.shape} but the network outputs shape {Y_hat.shape}. "
                f"Fix: targets need one row per sample and {Y_hat.shape[1]} column(s)."
            )
        if loss_fn.output_activation is None:
            value = loss_fn.value(Y_hat, Y)
            self.backward(loss_fn.gradient(Y_hat, Y), input_gradient=False)
        else:  # cross-entropy with its own output activation: stable value, combined δ
            out = self.layers[-1]
            loss_fn.check_output(out.activation.name)
            loss_fn.check_targets(Y)
            value = loss_fn.value_from_z(out.Z, Y)
            self.backward_from_delta(loss_fn.delta(Y_hat, Y), input_gradient=False)
        return value, self.gradients()

    def backward_from_delta(
        self, delta: np.ndarray, *, input_gradient: bool = True
    ) -> np.ndarray | None:
        r"""Back-propagate from the output layer's error term :math:`\delta = \partial L/\partial Z`.

        Used with softmax + cross-entropy and sigmoid + binary cross-entropy, whose
        :math:`\delta = (\hat y - y)/n` is known without :math:`\partial L/\partial \hat y`.
        """
        first = self.layers[0]
        last = self.layers[-1]
        grad = last.backward_delta(delta, input_gradient=input_gradient or last is not first)
        for layer in reversed(self.layers[:-1]):
            grad = layer.backward(grad, input_gradient=input_gradient or layer is not first)
        return grad

    # ---------------------------------------------------------------- parameters
    def parameters(self) -> Params:
        """The trainable parameters as ``{"W1": ..., "b1": ..., "W2": ...}`` (the arrays themselves)."""
        params: Params = {}
        for layer, (w_name, b_name) in zip(self.layers, self._names):
            params[w_name] = layer.W
            if layer.train_bias:
                params[b_name] = layer.b
        return params

    def gradients(self) -> Params:
        """Gradients from the last :meth:`backward`, keyed like :meth:`parameters`."""
        grads: Params = {}
        for layer, (w_name, b_name) in zip(self.layers, self._names):
            if layer.dL_dW is None:
                raise RuntimeError(NO_GRADIENTS)
            grads[w_name] = layer.dL_dW
            if layer.train_bias:
                grads[b_name] = layer.dL_db
        return grads

    def set_parameters(self, params: Params) -> None:
        """Replace parameters by name (``"W1"``, ``"b2"``, ...) with new arrays of the same shape."""
        if not isinstance(params, dict):
            raise TypeError(
                f"params must be a dict of arrays by name; got {type(params).__name__}. "
                f"Fix: net.set_parameters({{'W1': ..., 'b1': ...}})."
            )
        for name, value in params.items():
            layer, attr = self._locate(name)
            old = getattr(layer, attr)
            if type(value) is not np.ndarray or value.dtype != old.dtype:
                value = as_float_array(value, name, allow_empty=True).astype(old.dtype)
            if value.shape != old.shape:
                raise ValueError(
                    f"Parameter {name} has shape {old.shape}; the new value has shape "
                    f"{value.shape}. Fix: give {name} an array of shape {old.shape}."
                )
            setattr(layer, attr, value)

    def copy(self) -> Network:
        """An independent copy (same weights, no shared arrays)."""
        return Network(
            [
                Dense(layer.W, layer.b, layer.activation, train_bias=layer.train_bias)
                for layer in self.layers
            ]
        )

    # ------------------------------------------------------------ save and load
    def save(self, path: str | os.PathLike) -> None:
        """Save weights, biases and activations to an ``.npz`` file (plain arrays, no pickle).

        numpy adds ``.npz`` to a name without it: ``save("xor")`` writes ``xor.npz``, and
        :meth:`load` finds it under either name.
        """
        folder = Path(path).parent
        if not folder.is_dir():
            raise FileNotFoundError(
                f"Cannot save to {path}: the folder {folder} does not exist. Fix: create it "
                f"first (Path({str(folder)!r}).mkdir(parents=True)) or save elsewhere."
            )
        arrays: dict[str, np.ndarray] = {
            "format": np.array(FILE_FORMAT),
            "activations": np.array([layer.activation.name for layer in self.layers]),
            "train_bias": np.array([layer.train_bias for layer in self.layers]),
        }
        for k, layer in enumerate(self.layers, start=1):
            arrays[f"W{k}"], arrays[f"b{k}"] = layer.W, layer.b
        np.savez(path, **arrays)

    @classmethod
    def load(cls, path: str | os.PathLike) -> Network:
        """Load a network saved by :meth:`save`. Never unpickles: a file can hold only arrays."""
        path = Path(path)
        if (
            not path.exists()
            and path.suffix != ".npz"
            and path.with_name(path.name + ".npz").exists()
        ):
            path = path.with_name(path.name + ".npz")  # save("x") wrote x.npz, as numpy does
        if not path.exists():
            raise FileNotFoundError(
                f"No weights file at {path}. Fix: check the name (save writes a name ending in "
                f".npz), or save one first with net.save({str(path)!r})."
            )
        data = _read_arrays(path)
        if str(data.get("format", "")) != FILE_FORMAT:
            raise ValueError(
                f"{path} was not written by Network.save (no {FILE_FORMAT!r} tag). Fix: load "
                f"only files written by net.save(...)."
            )
        acts = [str(a) for a in data.get("activations", [])]
        missing = [
            f"{p}{k}" for k in range(1, len(acts) + 1) for p in "Wb" if f"{p}{k}" not in data
        ]
        if not acts or missing or len(data.get("train_bias", [])) != len(acts):
            raise ValueError(
                f"{path} is incomplete: missing {', '.join(missing) or 'activations/train_bias'}. "
                f"Fix: save the network again with net.save(...)."
            )
        return cls(
            [
                Dense(data[f"W{k}"], data[f"b{k}"], act, train_bias=bool(data["train_bias"][k - 1]))
                for k, act in enumerate(acts, start=1)
            ]
        )

    def _locate(self, name: str) -> tuple[Dense, str]:
        """The layer and attribute ("W" or "b") that parameter ``name`` ("W1", "b2", ...) names."""
        if isinstance(name, str) and name in self._slots:
            return self._slots[name]
        valid = list(self._slots)
        raise KeyError(f"Unknown parameter {name!r}. Valid names: {', '.join(valid)}.")

    # ------------------------------------------------------------- named weights
    @property
    def _weight_index(self) -> dict[str, tuple[int, int, int]]:
        """w1, w2, ... -> (layer, i, j); built when first asked for (big nets never need it)."""
        if self._index is None:
            self._index = self._build_weight_index()
        return self._index

    def _build_weight_index(self) -> dict[str, tuple[int, int, int]]:
        index: dict[str, tuple[int, int, int]] = {}
        k = 1
        for layer_no, layer in enumerate(self.layers):
            for j in range(layer.n_out):
                for i in range(layer.n_in):
                    index[f"w{k}"] = (layer_no, i, j)
                    k += 1
        return index

    def weight_position(self, name: str) -> tuple[str, tuple[int, int]]:
        """Where single weight ``name`` lives: e.g. ``"w5"`` → ``("W2", (0, 0))``."""
        if not isinstance(name, str) or name not in self._weight_index:
            last = len(self._weight_index)
            raise KeyError(
                f"Unknown weight {name!r}: this network has weights w1 ... w{last}. "
                f"Fix: pass a name such as 'w1'."
            )
        layer_no, i, j = self._weight_index[name]
        return f"W{layer_no + 1}", (i, j)

    def weight(self, name: str) -> float:
        """The value of a single weight, e.g. ``net.weight("w5")``."""
        matrix, (i, j) = self.weight_position(name)
        return float(self.layers[int(matrix[1:]) - 1].W[i, j])

    def set_weight(self, name: str, value: float) -> None:
        """Set a single weight, e.g. ``net.set_weight("w5", 0.4)`` (a new array, not in place)."""
        matrix, (i, j) = self.weight_position(name)
        value = check_number(value, "value", "0.4")
        layer = self.layers[int(matrix[1:]) - 1]
        W = layer.W.copy()
        W[i, j] = value
        layer.W = W

    def gradient(self, name: str) -> float:
        """dL/d(weight) for a single weight or a whole-layer shared bias.

        ``"w5"`` gives one entry of dL/dW2. ``"b1"`` gives the gradient for a bias shared
        by every unit of layer 1 (the sum of the per-unit bias gradients), as in the
        worked example where one b1 feeds both hidden units.
        """
        if isinstance(name, str) and name in self._weight_index:
            layer_no, i, j = self._weight_index[name]
            dW = self.layers[layer_no].dL_dW
            if dW is None:
                raise RuntimeError(NO_GRADIENTS)
            return float(dW[i, j])
        layer, attr = self._locate(name)
        if attr != "b":
            raise KeyError(
                f"gradient() takes w1 ... w{len(self._weight_index)} or b1, b2, ...; got "
                f"{name!r}. Fix: net.gradients()[{name!r}] gives the whole matrix."
            )
        if layer.dL_db is None:
            raise RuntimeError(NO_GRADIENTS)
        return float(layer.dL_db.sum())

    def named_weights(self) -> dict[str, float]:
        """All single weights by name: ``{"w1": 0.15, "w2": 0.2, ...}``."""
        return {name: self.weight(name) for name in self._weight_index}

    def named_gradients(self) -> dict[str, float]:
        """dL/dw for every single weight, by name, from the last backward pass."""
        return {name: self.gradient(name) for name in self._weight_index}

    def __repr__(self) -> str:
        acts = ", ".join(layer.activation.name for layer in self.layers)
        return f"Network(sizes={self.sizes}, activations=[{acts}])"


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    """The arrays of an ``.npz`` file: plain numbers and text only, never pickled objects.

    Each array's header (shape and type) is read first; a file holding more than
    :data:`MAX_LOAD_ENTRIES` numbers, or anything but numbers and text, is refused before
    any of it is inflated.
    """
    unreadable = ValueError(
        f"{path} is not a readable nnlesson weights file (truncated, or not an .npz written "
        f"by Network.save). Fix: load a file written by net.save(...), or save it again."
    )
    try:
        with zipfile.ZipFile(path) as archive:
            total = 0
            for member in archive.namelist():
                with archive.open(member) as fh:
                    version = np.lib.format.read_magic(fh)
                    if version == (1, 0):
                        shape, _, dtype = np.lib.format.read_array_header_1_0(fh)
                    else:
                        shape, _, dtype = np.lib.format.read_array_header_2_0(fh)
                if dtype.kind not in "biufU":
                    raise ValueError(
                        f"{path} holds {member} of type {dtype}, not numbers: nnlesson never "
                        f"reads Python objects from a file (they could run code). Fix: load "
                        f"only files written by net.save(...)."
                    )
                total += int(np.prod(shape))
                if total > MAX_LOAD_ENTRIES:
                    raise ValueError(
                        f"{path} holds more than {MAX_LOAD_ENTRIES:,} numbers (at {member}, "
                        f"shape {shape}); Network.load refuses it before inflating it. Fix: "
                        f"load only networks saved by net.save(...) of the course's sizes, or "
                        f"raise nnlesson.network.MAX_LOAD_ENTRIES if you trust the file."
                    )
        with open(path, "rb") as fh, np.load(fh, allow_pickle=False) as f:
            return {key: f[key] for key in f.files}
    except (zipfile.BadZipFile, OSError, EOFError, KeyError):
        raise unreadable from None
    except ValueError as exc:
        if str(path) in str(exc):
            raise
        raise unreadable from None


# --------------------------------------------------------------------------------
# The classic 2-2-2 worked example of article 004.
WORKED_EXAMPLE_INPUTS = np.array([[0.05, 0.10]])
WORKED_EXAMPLE_TARGETS = np.array([[0.01, 0.99]])


def worked_example_network(*, train_bias: bool = False) -> Network:
    """The 2-2-2 sigmoid network of the classic step-by-step example (article 004).

    Inputs i1 = 0.05, i2 = 0.10 (:data:`WORKED_EXAMPLE_INPUTS`); targets 0.01, 0.99
    (:data:`WORKED_EXAMPLE_TARGETS`); w1 ... w8 = 0.15, 0.20, 0.25, 0.30, 0.40, 0.45,
    0.50, 0.55; one bias per layer, b1 = 0.35 (both hidden units) and b2 = 0.60 (both
    outputs). The example keeps its biases fixed, so ``train_bias`` is False by default.
    """
    W1 = np.array([[0.15, 0.25], [0.20, 0.30]])  # W1[i, j]: input i -> hidden j
    W2 = np.array([[0.40, 0.50], [0.45, 0.55]])  # W2[i, j]: hidden i -> output j
    return Network(
        [
            Dense(W1, 0.35, "sigmoid", train_bias=train_bias),
            Dense(W2, 0.60, "sigmoid", train_bias=train_bias),
        ]
    )
