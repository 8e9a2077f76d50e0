"""Entry checks of the plain plotting functions in :mod:`nnlesson.plots`.

Kept apart from ``plots.py`` (where every lesson adds its figures) so that each plotting
function needs one line to meet a bad input where it is made: a message naming the
argument and the fix, never a matplotlib or numpy error from deep inside a drawing.
"""

from __future__ import annotations

import numpy as np

from nnlesson._validation import (
    as_float_array,
    check_bool,
    check_callable,
    check_choice,
    check_finite,
    check_int,
    check_positive_number,
)


def _curve(values: object, name: str) -> np.ndarray:
    arr = as_float_array(values, name, allow_empty=True)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D list of numbers, one per iteration; got shape {arr.shape}. "
            f"Fix: pass history.epoch_loss or a list of floats."
        )
    return arr


def plot_activations(names: object, z: object, derivatives: object) -> None:
    from nnlesson.activations import ACTIVATIONS

    if isinstance(names, str) or not hasattr(names, "__iter__"):
        raise TypeError(
            f"names must be a list of activation names; got {names!r}. "
            f"Fix: names=[{names!r}] for a single one."
        )
    for name in names:  # type: ignore[union-attr]
        check_choice(name, "names", ACTIVATIONS)
    if z is not None:
        z = as_float_array(z, "z")
        if z.ndim != 1:
            raise ValueError(
                f"z must be 1-D; got shape {z.shape}. Fix: z = np.linspace(-5, 5, 401)."
            )
    check_bool(derivatives, "derivatives")


def plot_loss(losses: object, log: object) -> None:
    if isinstance(losses, dict):
        for label, values in losses.items():
            _curve(values, f"losses[{label!r}]")
    else:
        _curve(losses, "losses")
    check_bool(log, "log")


def loss_history(losses: object) -> None:
    values = _curve(losses, "losses")
    if values.size == 0:
        raise ValueError(
            "losses is empty. Fix: pass the losses of a run, e.g. history.iteration_loss."
        )


def network(net: object, X: object) -> None:
    from nnlesson.network import Network

    if not isinstance(net, Network):
        raise TypeError(
            f"net must be an nnlesson Network; got {type(net).__name__}. "
            f"Fix: draw_network(Network.build([2, 2, 1]))."
        )
    if X is not None:
        x = as_float_array(X, "X")
        if x.size != net.sizes[0] or x.ndim > 2:
            raise ValueError(
                f"X must be one sample with {net.sizes[0]} inputs; got shape {x.shape}. "
                f"Fix: pass one row, e.g. X[0]."
            )


def decision_boundary(
    predict: object, X: object, Y: object, resolution: object, margin: object
) -> None:
    check_callable(predict, "predict", "predict=lambda P: net.forward(P)[:, 0]")
    x = as_float_array(X, "X", ndim=2)
    if x.shape[1] != 2:
        raise ValueError(
            f"X must have 2 columns (points in the plane); got shape {x.shape}. "
            f"Fix: pass the two input features, e.g. X[:, :2]."
        )
    check_finite(x, "X")
    y = as_float_array(Y, "Y")
    if y.size != len(x):
        raise ValueError(
            f"Y must hold one label per row of X ({len(x)}); got shape {y.shape}. "
            f"Fix: pass the targets of the same points."
        )
    check_int(resolution, "resolution", minimum=2)
    check_positive_number(margin, "margin", allow_zero=True)


def digits(X: object, labels: object, per_class: object = 1) -> None:
    from nnlesson.data import _check_labels

    x = as_float_array(X, "X", ndim=2)
    if x.shape[1] != 64:
        raise ValueError(
            f"X must hold 8x8 images as rows of 64 pixels; got shape {x.shape}. "
            f"Fix: pass the X that nnlesson.data.digits() returned."
        )
    lab = _check_labels(labels)
    if len(lab) != len(x):
        raise ValueError(
            f"labels must hold one label per row of X ({len(x)}); got {len(lab)}. "
            f"Fix: pass the labels of the same images."
        )
    check_int(per_class, "per_class", minimum=1)


def confusion(counts: object) -> None:
    c = as_float_array(counts, "counts", ndim=2)
    if c.shape[0] != c.shape[1] or np.any(c < 0) or np.any(c != np.round(c)):
        raise ValueError(
            f"counts must be a square table of whole numbers >= 0 (true class x predicted "
            f"class); got shape {c.shape}. Fix: count the pairs, e.g. with np.add.at."
        )


def probabilities(P: object, n: int, limit: object) -> None:
    p = as_float_array(P, "probabilities", ndim=2)
    if len(p) != n:
        raise ValueError(
            f"probabilities must have one row per image ({n}); got shape {p.shape}. "
            f"Fix: pass net.forward(X) for the same X."
        )
    check_int(limit, "limit", minimum=1)


def first_layer(W: object, limit: object) -> None:
    w = as_float_array(W, "W", ndim=2)
    if w.shape[0] != 64:
        raise ValueError(
            f"W must be the first weight matrix of a digits network, 64 rows (one per pixel); "
            f"got shape {w.shape}. Fix: pass net.layers[0].W."
        )
    check_int(limit, "limit", minimum=1)
