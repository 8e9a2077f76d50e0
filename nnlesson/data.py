r"""Data: batches, epochs and iterations, scaling, splits and small data sets (lessons 05-08, 12).

Vocabulary (the source articles disagree; the course uses this one throughout):

* **epoch**: one full pass over the training set, every sample used exactly once
  (optionally in a freshly shuffled order);
* **batch** (mini-batch): the samples one gradient is computed from; its size b;
* **iteration**: one update of the weights, i.e. one batch.

With N samples: b = N is full-batch gradient descent (article 003's "BGD"), b = 1 is
stochastic gradient descent (SGD), 1 < b < N is mini-batch gradient descent ("MBGD";
article 000 calls this one "批量梯度下降"). An epoch has ⌈N/b⌉ iterations if the last,
smaller batch is kept and ⌊N/b⌋ if it is dropped.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from nnlesson._validation import (
    as_float_array,
    as_generator,
    check_bool,
    check_finite,
    check_fraction,
    check_int,
    check_number,
    check_positive_number,
)


# ------------------------------------------------------------- counting batches
def _check_counts(n_samples: int, batch_size: int) -> tuple[int, int]:
    n = check_int(n_samples, "n_samples", minimum=1)
    b = check_int(batch_size, "batch_size", minimum=1)
    if b > n:
        raise ValueError(
            f"batch_size ({b}) is larger than the data set ({n} samples). "
            f"Fix: use batch_size <= {n}; batch_size = {n} is full-batch gradient descent."
        )
    return n, b


def batches_per_epoch(n_samples: int, batch_size: int, drop_last: bool = False) -> int:
    """Iterations in one epoch: ⌈N/b⌉ keeping the last partial batch, ⌊N/b⌋ dropping it.

    >>> batches_per_epoch(50000, 256), batches_per_epoch(50000, 256, drop_last=True)
    (196, 195)
    """
    n, b = _check_counts(n_samples, batch_size)
    return n // b if check_bool(drop_last, "drop_last") else math.ceil(n / b)


def last_batch_size(n_samples: int, batch_size: int, drop_last: bool = False) -> int:
    """How many samples the epoch's last batch holds (b when N is a multiple of b).

    >>> last_batch_size(50000, 256)
    80
    """
    n, b = _check_counts(n_samples, batch_size)
    return b if check_bool(drop_last, "drop_last") or n % b == 0 else n % b


def total_iterations(n_samples: int, batch_size: int, epochs: int, drop_last: bool = False) -> int:
    """Iterations (weight updates) in ``epochs`` epochs.

    >>> total_iterations(50000, 256, 10)
    1960
    """
    epochs = check_int(epochs, "epochs", minimum=0)
    return epochs * batches_per_epoch(n_samples, batch_size, drop_last)


def batch_indices(
    n_samples: int,
    batch_size: int,
    *,
    shuffle: bool = True,
    rng: np.random.Generator | int | None = None,
    drop_last: bool = False,
) -> list[np.ndarray]:
    """The index arrays of one epoch's batches: a permutation of 0..N-1 cut into pieces.

    Every sample appears exactly once (or, with ``drop_last``, at most once): an epoch
    is a pass over the data, not N/b draws with replacement.
    """
    n, b = _check_counts(n_samples, batch_size)
    drop_last = check_bool(drop_last, "drop_last")
    if check_bool(shuffle, "shuffle"):
        if rng is None:
            raise ValueError(
                "shuffle=True needs a random generator: pass rng=np.random.default_rng(seed)."
            )
        order = as_generator(rng).permutation(n)
    else:
        order = np.arange(n)
    stop = (n // b) * b if drop_last else n
    return [order[i : i + b] for i in range(0, stop, b)]


def iterate_batches(
    X: np.ndarray,
    Y: np.ndarray,
    batch_size: int,
    *,
    shuffle: bool = True,
    rng: np.random.Generator | None = None,
    drop_last: bool = False,
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield ``(X_batch, Y_batch)`` pairs covering one epoch."""
    X, Y = check_dataset(X, Y)
    for idx in batch_indices(len(X), batch_size, shuffle=shuffle, rng=rng, drop_last=drop_last):
        yield X[idx], Y[idx]


def check_dataset(X: object, Y: object) -> tuple[np.ndarray, np.ndarray]:
    """Return (X, Y) as 2-D float arrays with matching lengths and no NaN/inf, or raise."""
    X = as_float_array(X, "X", ndim=2)
    Y = as_float_array(Y, "Y")
    if Y.ndim == 1:
        raise ValueError(
            f"Y must be 2-D (samples, outputs); got shape {Y.shape}. "
            f"Fix: Y.reshape(-1, 1) for a single output."
        )
    if Y.ndim != 2:
        raise ValueError(
            f"Y must be 2-D (samples, outputs); got shape {Y.shape}. Fix: one row per sample, "
            f"one column per output, e.g. Y.reshape(len(X), -1)."
        )
    if len(X) != len(Y):
        raise ValueError(
            f"X has {len(X)} samples but Y has {len(Y)}; they must have the same number of rows. "
            f"Fix: give one target row per sample."
        )
    check_finite(X, "X")
    check_finite(Y, "Y")
    return X, Y


# -------------------------------------------------------------------- scaling
def minmax_scale(
    X: np.ndarray, low: float = -1.0, high: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Scale each column linearly onto [low, high], as MATLAB's ``premnmx`` does (article 004):

    .. math:: x' = \text{low} + (\text{high}-\text{low})\,\frac{x - \min x}{\max x - \min x}.

    Returns ``(X_scaled, col_min, col_max)``; scale new data with the *same* min and max
    (:func:`minmax_apply`). A constant column is mapped to the middle of the interval.
    """
    X = as_float_array(X, "X", ndim=2)
    check_finite(X, "X")
    low, high = check_number(low, "low", "-1.0"), check_number(high, "high", "1.0")
    if not low < high:
        raise ValueError(
            f"low must be smaller than high; got low={low:g}, high={high:g}. "
            f"Fix: e.g. low=-1, high=1."
        )
    col_min, col_max = X.min(axis=0), X.max(axis=0)
    return minmax_apply(X, col_min, col_max, low, high), col_min, col_max


def minmax_apply(
    X: np.ndarray, col_min: np.ndarray, col_max: np.ndarray, low: float = -1.0, high: float = 1.0
) -> np.ndarray:
    """Apply a min-max scaling found by :func:`minmax_scale` to (new) data."""
    X = as_float_array(X, "X", ndim=2)
    check_finite(X, "X")
    for name, v in (("col_min", col_min), ("col_max", col_max)):
        arr = as_float_array(v, name)
        if arr.shape != (X.shape[1],):
            raise ValueError(
                f"{name} must hold one number per column of X, shape ({X.shape[1]},); got shape "
                f"{arr.shape}. Fix: use the col_min and col_max that minmax_scale returned for "
                f"data with the same columns."
            )
    col_min, col_max = as_float_array(col_min, "col_min"), as_float_array(col_max, "col_max")
    low, high = check_number(low, "low", "-1.0"), check_number(high, "high", "1.0")
    span = np.where(col_max > col_min, col_max - col_min, 1.0)
    unit = np.where(col_max > col_min, (X - col_min) / span, 0.5)
    return low + (high - low) * unit


def standardize(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Shift and scale each column to mean 0 and standard deviation 1: :math:`x' = (x-\mu)/\sigma`.

    Returns ``(X_scaled, mean, std)``; a constant column is only centred.
    """
    X = as_float_array(X, "X", ndim=2)
    check_finite(X, "X")
    mean, std = X.mean(axis=0), X.std(axis=0)
    return (X - mean) / np.where(std > 0, std, 1.0), mean, std


def train_test_split(
    X: np.ndarray,
    Y: np.ndarray,
    test_fraction: float = 0.25,
    *,
    rng: np.random.Generator | int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle and split into training and test ("checking", article 004) sets.

    Returns ``(X_train, Y_train, X_test, Y_test)``; at least one sample on each side.
    """
    X, Y = check_dataset(X, Y)
    frac = check_fraction(test_fraction, "test_fraction", low_open=True)
    n = len(X)
    if n < 2:
        raise ValueError(f"Need at least 2 samples to split; got {n}.")
    n_test = min(max(1, round(n * frac)), n - 1)
    order = as_generator(rng).permutation(n)
    test, train = order[:n_test], order[n_test:]
    return X[train], Y[train], X[test], Y[test]


# ----------------------------------------------------------------- data sets
def xor() -> tuple[np.ndarray, np.ndarray]:
    """The four XOR points, X of shape (4, 2) and Y of shape (4, 1), in article 002's order."""
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    Y = np.array([[0.0], [1.0], [1.0], [0.0]])
    return X, Y


def seed_regression() -> tuple[np.ndarray, np.ndarray]:
    """Article 003's linear-regression points: X with a column of ones, y = x + 1.

    Returns ``X = [[1,2],[1,3],[1,4],[1,5]]`` (float) and ``y = [3,4,5,6]`` as a
    1-D float array, exactly as the article's ``gradient_descent`` expects them.
    """
    X = np.array([[1.0, 2.0], [1.0, 3.0], [1.0, 4.0], [1.0, 5.0]])
    y = np.array([3.0, 4.0, 5.0, 6.0])
    return X, y


def moons(
    n_samples: int = 200, noise: float = 0.1, *, rng: np.random.Generator | int
) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles (labels 0 and 1), with Gaussian noise. Y has shape (n, 1)."""
    n = check_int(n_samples, "n_samples", minimum=2)
    noise = check_positive_number(noise, "noise", allow_zero=True)
    n0 = n // 2
    n1 = n - n0
    t0 = np.linspace(0, np.pi, n0)
    t1 = np.linspace(0, np.pi, n1)
    X = np.vstack(
        [
            np.column_stack([np.cos(t0), np.sin(t0)]),
            np.column_stack([1 - np.cos(t1), 0.5 - np.sin(t1)]),
        ]
    )
    X = X + noise * as_generator(rng).standard_normal(X.shape)
    Y = np.concatenate([np.zeros(n0), np.ones(n1)]).reshape(-1, 1)
    return X, Y


def circles(
    n_samples: int = 200,
    noise: float = 0.05,
    factor: float = 0.5,
    *,
    rng: np.random.Generator | int,
) -> tuple[np.ndarray, np.ndarray]:
    """A small circle (label 1) inside a large one (label 0), radius ratio ``factor``."""
    n = check_int(n_samples, "n_samples", minimum=2)
    noise = check_positive_number(noise, "noise", allow_zero=True)
    factor = check_fraction(factor, "factor", low_open=True)
    n_out = n // 2
    n_in = n - n_out
    t_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    t_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack(
        [
            np.column_stack([np.cos(t_out), np.sin(t_out)]),
            factor * np.column_stack([np.cos(t_in), np.sin(t_in)]),
        ]
    )
    X = X + noise * as_generator(rng).standard_normal(X.shape)
    Y = np.concatenate([np.zeros(n_out), np.ones(n_in)]).reshape(-1, 1)
    return X, Y


# ------------------------------------------------------- classes (lesson 12)
def digits() -> tuple[np.ndarray, np.ndarray]:
    """The 1,797 handwritten digits of scikit-learn: 8×8 pixels scaled to [0, 1], and labels.

    Returns ``X`` of shape (1797, 64), float64, row ``i`` the image ``X[i].reshape(8, 8)``
    read row by row, and ``labels`` of shape (1797,), integers 0-9. The images ship
    inside scikit-learn's wheel (``sklearn.datasets.load_digits``, UCI's "optical
    recognition of handwritten digits"): nothing is downloaded. Their pixels are
    counts 0-16 (how many of 16 sub-pixels were inked); here divided by 16.
    """
    # Read the file that scikit-learn's wheel ships (what load_digits reads) without
    # importing scikit-learn, which takes seconds.
    spec = importlib.util.find_spec("sklearn")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            "nnlesson.data.digits() needs scikit-learn, which ships the images. "
            "Fix: pip install 'scikit-learn>=1.2' (or pip install -e . in the course folder)."
        )
    path = Path(spec.submodule_search_locations[0]) / "datasets" / "data" / "digits.csv.gz"
    if not path.exists():  # pragma: no cover - a scikit-learn that moved its data file
        from sklearn.datasets import load_digits

        bunch = load_digits()
        return bunch.data.astype(np.float64) / 16.0, bunch.target.astype(np.int64)
    table = np.loadtxt(path, delimiter=",")
    return table[:, :-1] / 16.0, table[:, -1].astype(np.int64)


def _check_labels(labels: object, k: int | None = None, name: str = "labels") -> np.ndarray:
    if labels is None or isinstance(labels, (str, dict)):
        raise TypeError(
            f"{name} must be a 1-D array of class numbers 0, 1, ...; got {labels!r}. "
            f"Fix: pass an array such as np.array([0, 2, 1])."
        )
    arr = np.asarray(labels)
    if arr.dtype.kind == "b":
        arr = arr.astype(np.int64)  # False, True are the classes 0 and 1
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(
            f"{name} must be a non-empty 1-D array of class numbers; got shape {arr.shape}. "
            f"Fix: labels.ravel(), or labels.argmax(axis=1) for one-hot rows."
        )
    if arr.dtype.kind == "f" and np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)):
        arr = arr.astype(np.int64)
    if arr.dtype.kind not in "iu":
        raise TypeError(
            f"{name} must be whole numbers (class 0, 1, ...); got dtype {arr.dtype}"
            + (
                f" with values such as {arr[arr != np.round(arr)][:1]}"
                if arr.dtype.kind == "f"
                else ""
            )
            + ". Fix: labels.astype(int) if they are class numbers, or one_hot(labels, k)."
        )
    if arr.min() < 0 or (k is not None and arr.max() >= k):
        top = "" if k is None else f" and < {k}"
        raise ValueError(
            f"{name} must be >= 0{top}; found {arr.min()} .. {arr.max()}. "
            f"Fix: number the classes 0 .. k-1."
        )
    return arr


def one_hot(labels: np.ndarray, k: int) -> np.ndarray:
    """Labels 0..k-1 as one-hot rows: ``one_hot([2, 0], 3)`` is ``[[0, 0, 1], [1, 0, 0]]``."""
    k = check_int(k, "k", minimum=1)
    labels = _check_labels(labels, k)
    Y = np.zeros((labels.size, k))
    Y[np.arange(labels.size), labels] = 1.0
    return Y


def _check_net(net: object) -> None:
    from nnlesson.network import Network  # network imports data's neighbours; import late

    if not isinstance(net, Network):
        raise TypeError(
            f"net must be an nnlesson Network; got {type(net).__name__}. "
            f"Fix: pass the network itself, e.g. Network.build([64, 32, 10], ...)."
        )


def predict_labels(net, X: np.ndarray) -> np.ndarray:
    """The class a network picks for each row of ``X``: the output with the largest value
    (with a single output, 1 when it is above 0.5)."""
    _check_net(net)
    out = net.forward(X)
    if out.shape[1] == 1:
        return (out[:, 0] > 0.5).astype(np.int64)
    return out.argmax(axis=1)


def accuracy(net, X: np.ndarray, labels: np.ndarray) -> float:
    """The fraction of rows of ``X`` whose predicted class (:func:`predict_labels`) is the label."""
    _check_net(net)
    labels = _check_labels(labels)
    X = as_float_array(X, "X", ndim=2)
    if len(X) != len(labels):
        raise ValueError(
            f"X has {len(X)} rows but labels has {len(labels)}; they must match. "
            f"Fix: one label per row of X."
        )
    return float(np.mean(predict_labels(net, X) == labels))


def stratified_split(
    X: np.ndarray,
    labels: np.ndarray,
    validation_fraction: float = 0.2,
    test_fraction: float = 0.2,
    *,
    rng: np.random.Generator | int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Split into training, validation and test sets with each class in the same proportions.

    For every class c with :math:`n_c` samples, a random :math:`\operatorname{round}(n_c f_\text{test})`
    of them go to the test set and :math:`\operatorname{round}(n_c f_\text{val})` to the
    validation set; the rest train. Each set keeps the data's original order.

    Returns ``(X_train, labels_train, X_val, labels_val, X_test, labels_test)``.
    ``rng`` is a ``numpy.random.Generator``, an integer seed, or None (seed 0).
    """
    X = as_float_array(X, "X", ndim=2)
    check_finite(X, "X")
    labels = _check_labels(labels)
    if len(X) != len(labels):
        raise ValueError(
            f"X has {len(X)} rows but labels has {len(labels)}; they must match. "
            f"Fix: one label per row of X."
        )
    val = check_fraction(validation_fraction, "validation_fraction")
    test = check_fraction(test_fraction, "test_fraction")
    if val + test >= 1:
        raise ValueError(
            f"validation_fraction + test_fraction must be < 1 (something must be left to "
            f"train on); got {val} + {test}. Fix: e.g. validation_fraction=0.2, "
            f"test_fraction=0.2."
        )
    rng = as_generator(rng)
    parts: list[list[np.ndarray]] = [[], [], []]
    for c in np.unique(labels):
        idx = rng.permutation(np.flatnonzero(labels == c))
        n_test, n_val = round(len(idx) * test), round(len(idx) * val)
        parts[2].append(idx[:n_test])
        parts[1].append(idx[n_test : n_test + n_val])
        parts[0].append(idx[n_test + n_val :])
    out: list[np.ndarray] = []
    for chunks in parts:
        idx = np.sort(np.concatenate(chunks))
        out += [X[idx], labels[idx]]
    return tuple(out)  # type: ignore[return-value]
