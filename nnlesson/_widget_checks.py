"""Entry checks of the plain functions in :mod:`nnlesson.widgets` (the ones a notebook calls
without a widget): a bad setting is named where it is given, with the fix, never met as a
numpy or dataclass error from inside a training run or a drawing."""

from __future__ import annotations

from dataclasses import fields

import numpy as np

from nnlesson._validation import (
    as_float_array,
    check_choice,
    check_int,
    check_positive_number,
)


def setting_names(settings: dict[str, object], cls: type) -> None:
    """``show_xor(hiden=3)``: name the unknown keyword and list the valid ones."""
    valid = [f.name for f in fields(cls)]
    for key in settings:
        if key not in valid:
            raise TypeError(
                f"Unknown setting {key!r}. Valid names: {', '.join(valid)}. "
                f"Fix: e.g. show_xor(hidden=3, lr=0.1)."
            )


def xor_settings(settings: object) -> None:
    from nnlesson.activations import ACTIVATIONS
    from nnlesson.optimizers import OPTIMIZERS
    from nnlesson.widgets import XorSettings

    if not isinstance(settings, XorSettings):
        raise TypeError(
            f"settings must be an XorSettings; got {type(settings).__name__}. "
            f"Fix: XorSettings(hidden=4, lr=0.05, ...)."
        )
    check_int(settings.hidden, "hidden", minimum=1)
    check_choice(settings.activation, "activation", ACTIVATIONS)
    check_choice(settings.optimizer, "optimizer", OPTIMIZERS)
    check_positive_number(settings.lr, "lr")
    if check_int(settings.batch_size, "batch_size", minimum=1) > 4:
        raise ValueError(
            f"batch_size must be 1 to 4 (XOR has 4 points); got {settings.batch_size}. "
            f"Fix: batch_size=4 for full batches."
        )
    check_int(settings.epochs, "epochs", minimum=0)
    check_positive_number(settings.scale, "scale", allow_zero=True)
    check_int(settings.seed, "seed", minimum=0)


def network(net: object) -> None:
    from nnlesson.network import Network

    if not isinstance(net, Network):
        raise TypeError(
            f"net must be an nnlesson Network; got {type(net).__name__}. "
            f"Fix: pass the trained network itself."
        )


def pixels(values: object, name: str = "pixels") -> None:
    arr = as_float_array(values, name)
    if arr.size != 64:
        raise ValueError(
            f"{name} must be one 8x8 image, 64 numbers; got shape {arr.shape}. "
            f"Fix: pass one row of the digits' X, e.g. X[0]."
        )


def damage(noise: object, erase: object, seed: object = 0) -> None:
    check_positive_number(noise, "noise", allow_zero=True)
    check_int(erase, "erase", minimum=0)
    check_int(seed, "seed", minimum=0)


def readout(net: object, X: object, labels: object, index: object) -> None:
    from nnlesson.data import _check_labels

    network(net)
    x = as_float_array(X, "X", ndim=2)
    if x.shape[1] != 64:
        raise ValueError(
            f"X must hold 8x8 images as rows of 64 pixels; got shape {x.shape}. "
            f"Fix: pass the X that nnlesson.data.digits() returned."
        )
    if len(_check_labels(labels)) != len(x):
        raise ValueError(
            f"labels must hold one label per row of X ({len(x)}). Fix: pass the labels of X."
        )
    if check_int(index, "index", minimum=0) >= len(x):
        raise ValueError(
            f"index must be < {len(x)} (X has {len(x)} images); got {index}. "
            f"Fix: pass a number from 0 to {len(x) - 1}."
        )


def probabilities(values: object, width: object) -> None:
    p = as_float_array(values, "probabilities")
    if p.ndim != 1 or np.any(p < 0) or np.any(p > 1):
        raise ValueError(
            f"probabilities must be a 1-D array of numbers in [0, 1]; got shape {p.shape}. "
            f"Fix: pass one row of a softmax output, e.g. net.forward(X)[0]."
        )
    check_int(width, "width", minimum=1)


def png_scale(scale: object) -> None:
    check_int(scale, "scale", minimum=1)
