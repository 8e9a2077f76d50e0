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


# ------------------------------------------------------------------------------------------
# The lesson-specific figures (issue 16): one entry check per plotting function, built from
# the small helpers below. Each names the argument, what came in, and a fix.


def _finite(arr: np.ndarray, name: str) -> None:
    """No NaN or infinity: such a value cannot be placed on a figure."""
    if not np.all(np.isfinite(arr)):
        where = tuple(int(i) for i in np.argwhere(~np.isfinite(arr))[0])
        raise ValueError(
            f"{name} contains NaN or infinity (first at index {where}: {arr[where]}); it cannot "
            f"be drawn. Fix: pass finite numbers (look where they came from: a run that "
            f"diverged, a division by 0)."
        )


def _got(value: object) -> str:
    from nnlesson._validation import _short

    return f"{_short(value)} ({type(value).__name__})"


def _ax(ax: object, name: str = "ax", *, required: bool = False) -> None:
    from matplotlib.axes import Axes

    if ax is None and not required:
        return
    if not isinstance(ax, Axes):
        either = "a matplotlib Axes" if required else "a matplotlib Axes or None"
        raise TypeError(
            f"{name} must be {either}; got {_got(ax)}. "
            f"Fix: fig, ax = plt.subplots(), then pass {name}=ax."
        )


def _text(value: object, name: str, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be a string{' or None' if optional else ''}; got {_got(value)}. "
            f"Fix: {name}='...' (words in quotes)."
        )


def _number(value: object, name: str, *, positive: bool = False, optional: bool = False) -> None:
    if value is None and optional:
        return
    if positive:
        check_positive_number(value, name)
    else:
        from nnlesson._validation import check_number

        check_number(value, name)


def _count(value: object, name: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    v = check_int(value, name, minimum=minimum)
    if maximum is not None and v > maximum:
        raise ValueError(
            f"{name} must be at most {maximum} (every one is drawn); got {v}. "
            f"Fix: pass {name} <= {maximum}."
        )
    return v


def _function(value: object, name: str, example: str) -> None:
    check_callable(value, name, example)


def _values(
    value: object,
    name: str,
    *,
    length: int | None = None,
    matching: str = "the other list",
    positive: bool = False,
    why: str = "it is drawn on a log scale",
    log: bool = False,
    finite: bool = False,
    allow_empty: bool = False,
    what: str = "numbers",
) -> np.ndarray:
    """A 1-D list of numbers (a curve, a path of one weight, ...)."""
    arr = as_float_array(value, name, allow_empty=True)
    if arr.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D list of {what}; got shape {arr.shape}. "
            f"Fix: pass one number per entry, e.g. a list of floats or np.ravel(...)."
        )
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty. Fix: pass at least one number.")
    if length is not None and arr.size != length:
        raise ValueError(
            f"{name} must hold one number per entry of {matching} ({length}); got "
            f"{arr.size}. Fix: pass {name} and {matching} of the same length."
        )
    if finite or positive:
        _finite(arr, name)
    if positive and np.any(arr <= 0):
        first = float(arr[np.flatnonzero(arr <= 0)[0]])
        raise ValueError(
            f"{name} must hold numbers > 0 ({why}); got {first:g}. "
            f"Fix: drop the entries <= 0, or add a small floor such as np.maximum(x, 1e-12)."
        )
    # values on a log axis: 0 (an exact minimum, an underflow) lies at -infinity, off the
    # picture; a negative value has no place at all (a sign error), nor has a curve of zeros
    if log and (np.any(arr < 0) or (arr.size and not np.any(arr > 0))):
        bad = arr[arr < 0]
        got = f"{float(bad[0]):g}" if bad.size else "no value > 0"
        raise ValueError(
            f"{name} is drawn on a log scale: it must hold numbers >= 0, at least one > 0; got "
            f"{got}. Fix: plot np.abs(...) of a signed quantity, or check the sign."
        )
    return arr


def _point(value: object, name: str, size: int = 2) -> np.ndarray:
    arr = as_float_array(value, name, allow_empty=True)
    if arr.shape != (size,):
        raise ValueError(
            f"{name} must be {size} numbers; got shape {arr.shape}. "
            f"Fix: pass e.g. {name}=({', '.join(str(k + 1.0) for k in range(size))})."
        )
    _finite(arr, name)
    return arr


def _interval(value: object, name: str, *, positive: bool = False) -> np.ndarray:
    arr = _point(value, name)
    if not arr[0] < arr[1] or (positive and arr[0] <= 0):
        bound = "0 < low < high" if positive else "low < high"
        raise ValueError(
            f"{name} must be (low, high) with {bound}; got {tuple(arr.tolist())}. "
            f"Fix: e.g. {name}=(1e-12, 1e2)."
            if positive
            else f"{name} must be (low, high) with {bound}; got {tuple(arr.tolist())}. "
            f"Fix: e.g. {name}=(-2.0, 2.0)."
        )
    return arr


def _points(
    value: object,
    name: str,
    *,
    width: int = 2,
    at_least: bool = False,
    finite: bool = True,
    what: str = "(w1, w2)",
    per: str = "step",
    fix: str = "np.array(path) of a list of points, shape (steps + 1, 2)",
) -> np.ndarray:
    """Rows of ``width`` coordinates (or more, ``at_least``): a path, one row per step."""
    arr = as_float_array(value, name, allow_empty=True)
    wrong_width = arr.ndim == 2 and (arr.shape[1] < width if at_least else arr.shape[1] != width)
    if arr.ndim != 2 or wrong_width or arr.shape[0] == 0:
        raise ValueError(
            f"{name} must be a 2-D array with one row {what} per {per}; got shape "
            f"{arr.shape}. Fix: {fix}."
        )
    if finite:
        _finite(arr, name)
    return arr


def _levels(value: object, name: str = "levels", *, optional: bool = True) -> None:
    if value is None and optional:
        return
    arr = _values(value, name, finite=True)
    if arr.size > 1 and np.any(np.diff(arr) <= 0):
        raise ValueError(
            f"{name} must increase; got {arr.tolist()[:6]}. Fix: sorted(set({name})), or "
            f"np.geomspace(low, high, 12)."
        )


def _labelled(
    value: object, name: str, each, *, allow_empty: bool = False, example: str = "{'a': [...]}"
) -> dict:
    """A dict label -> something; ``each(item, "name['label']")`` checks every item."""
    if not isinstance(value, dict):
        raise TypeError(
            f"{name} must be a dict label -> values; got {_got(value)}. Fix: {name}={example}."
        )
    if not value and not allow_empty:
        raise ValueError(f"{name} is empty. Fix: pass at least one entry, {name}={example}.")
    for label, item in value.items():
        each(item, f"{name}[{label!r}]")
    return value


def _curves(value: object, name: str, *, log: bool = False) -> dict:
    return _labelled(
        value,
        name,
        lambda v, n: _values(v, n, log=log),
        example="{'run 1': losses_1, 'run 2': losses_2}",
    )


def _paths(value: object, name: str, *, allow_empty: bool = False, finite: bool = True) -> dict:
    return _labelled(
        value,
        name,
        lambda v, n: _points(v, n, finite=finite),
        allow_empty=allow_empty,
        example="{'lr = 0.1': path} with path of shape (steps + 1, 2)",
    )


def _returns_number(fn: object, name: str, *args: float) -> float:
    """``fn(*args)`` must give one real number (a loss, a slope)."""
    value = _call(fn, name, args, "numbers", f"{name}=lambda w: (w - 3) ** 2")
    arr = np.asarray(value)
    if arr.dtype.kind not in "fiub" or arr.ndim != 0:
        raise TypeError(
            f"{name} must return one real number; {name}({', '.join(f'{a:g}' for a in args)}) "
            f"returned {_got(value)}. Fix: return a float, e.g. float(np.sum(...))."
        )
    return float(arr.reshape(()))


def _returns_grid(fn: object, name: str, probe: np.ndarray, example: str) -> None:
    """``fn(points)`` must give one value per point (the last axis holds the coordinates)."""
    what = "an array of points (numpy operations, not math.*)"
    value = np.asarray(_call(fn, name, (probe,), what, example))
    if value.shape != probe.shape[:-1] or value.dtype.kind not in "fiub":
        raise ValueError(
            f"{name} must take an array of points (last axis: the coordinates) and return one "
            f"real value per point; {name}(points of shape {probe.shape}) returned shape "
            f"{value.shape}, dtype {value.dtype}. Fix: compute along the last axis, e.g. "
            f"{example}."
        )


def _call(fn, name: str, args: tuple, what: str, example: str) -> object:
    """Call a learner's function; if it fails, say which argument it was and what it got."""
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - re-raised with the argument named
        raise TypeError(
            f"{name} failed when given {what}: {type(exc).__name__}: {exc}. Fix: {name} must "
            f"accept {what}, e.g. {example}."
        ) from exc


def _window_probe(lo_hi: np.ndarray) -> np.ndarray:
    """A 3 x 2 grid of points of the window (not square, so x and y cannot be mixed up)."""
    x0, x1, y0, y1 = lo_hi
    return np.stack(np.meshgrid([x0, x1], [y0, (y0 + y1) / 2, y1]), axis=-1)


GRID_EXAMPLE = "lambda P: P[..., 0] ** 2 + P[..., 1] ** 2"


# --- Lessons 00-01
def gd_steps_on_parabola(w0: object, lr: object, steps: object, minimum: object, ax) -> None:
    _number(w0, "w0")
    _number(lr, "lr", positive=True)
    n = _count(steps, "steps", minimum=0, maximum=200)
    _number(minimum, "minimum")
    _ax(ax)
    # the weights must stay drawable: |w - m| grows by |1 - 2 lr| per step
    with np.errstate(all="ignore"):
        factor = np.abs(1.0 - 2.0 * np.float64(lr))
        reach = abs(float(w0) - float(minimum)) * factor ** np.float64(n)
    if not reach < 1e100 or abs(float(w0)) > 1e100 or abs(float(minimum)) > 1e100:
        raise ValueError(
            f"lr = {lr:g} from w0 = {w0:g} takes w beyond 1e100 within {n} steps (each step "
            f"multiplies w - minimum by 1 - 2 lr = {1 - 2 * float(lr):g}); it cannot be drawn. "
            f"Fix: lr below 1 (the steps shrink), or fewer steps."
        )


def draw_neuron(x: object, w: object, b: object, activation: object, n_inputs: object, ax) -> None:
    from nnlesson.activations import ACTIVATIONS

    given = [v is not None for v in (x, w, b)]
    if any(given) and not all(given):
        raise ValueError(
            "draw_neuron needs all of x, w and b (numbers) or none of them (symbols). "
            "Fix: draw_neuron([2.0, -1.0], [0.5, 1.0], 0.0) or draw_neuron(n_inputs=3)."
        )
    if all(given):
        xs = _values(x, "x", finite=True)
        ws = _values(w, "w", finite=True)
        if ws.size != xs.size:
            raise ValueError(
                f"w must hold one weight per input: x has {xs.size} inputs, w has {ws.size} "
                f"weights. Fix: give one weight per input."
            )
        _number(b, "b")
        if xs.size > 12:
            raise ValueError(
                f"x must be at most 12 inputs (each is drawn); got {xs.size}. "
                f"Fix: draw a smaller neuron."
            )
    check_choice(activation, "activation", ACTIVATIONS)
    _count(n_inputs, "n_inputs", minimum=1, maximum=12)
    _ax(ax)


# --- Lessons 02-03
def loss_tangent_steps(loss, slope, w, lr, lo, hi, ax, title) -> None:
    _function(loss, "loss", "loss=lambda w: (w - 3) ** 2")
    _function(slope, "slope", "slope=lambda w: 2 * (w - 3)")
    _number(w, "w")
    _number(lr, "lr", positive=True)
    _number(lo, "lo", optional=True)
    _number(hi, "hi", optional=True)
    if lo is not None and hi is not None and not lo < hi:
        raise ValueError(f"lo must be smaller than hi; got lo={lo}, hi={hi}. Fix: swap them.")
    _ax(ax)
    _text(title, "title")
    _returns_number(loss, "loss", float(w))
    g = _returns_number(slope, "slope", float(w))
    if not np.isfinite(g) or not np.isfinite(float(w) + float(lr) * g):
        raise ValueError(
            f"slope(w) must be a finite number; slope({w:g}) = {g}. Fix: check the slope "
            f"function at w = {w:g}, or start at another w."
        )


def gd_steps_on_curve(loss, path, lo, hi) -> None:
    _function(loss, "loss", "loss=lambda w: (w - 3) ** 2")
    _values(path, "path", finite=True, what="numbers (the w after each step)")
    _number(lo, "lo")
    _number(hi, "hi")
    if not lo < hi:
        raise ValueError(f"lo must be smaller than hi; got lo={lo}, hi={hi}. Fix: swap them.")
    _returns_number(loss, "loss", float(lo))


def steepest_ascent(loss2d, grad, point, directions, h) -> None:
    _function(loss2d, "loss2d", "loss2d=lambda w1, w2: w1 ** 2 + 3 * w2 ** 2")
    g = _point(grad, "grad")
    if not np.any(g):
        raise ValueError(
            "grad is (0, 0): there is no steepest direction to draw. "
            "Fix: pick a point where the gradient is not zero."
        )
    p = _point(point, "point")
    _points(
        directions,
        "directions",
        what="(u1, u2)",
        per="direction",
        fix="np.array([[1.0, 0.0], [0.6, 0.8]]), one unit vector per row",
    )
    _number(h, "h", positive=True)
    _returns_number(loss2d, "loss2d", float(p[0]), float(p[1]))


def draw_backward(net, X, T, loss, paths_of, ax, title) -> None:
    from nnlesson.losses import LOSSES

    network(net, X)
    t = as_float_array(T, "T")
    if t.size != net.sizes[-1] or t.ndim > 2:
        raise ValueError(
            f"T must be the target of one sample, {net.sizes[-1]} numbers; got shape {t.shape}. "
            f"Fix: pass one row, e.g. T[0]."
        )
    _finite(as_float_array(X, "X"), "X")
    _finite(t, "T")
    check_choice(loss, "loss", LOSSES)
    if paths_of is not None:
        if not isinstance(paths_of, str):
            raise TypeError(
                f"paths_of must be a weight name such as 'w1', or None; got {_got(paths_of)}. "
                f"Fix: paths_of='w1'."
            )
        names = list(net.named_weights())
        if paths_of not in names:
            raise KeyError(
                f"paths_of {paths_of!r} is not a weight of this network (w1 ... "
                f"w{len(names)}). Fix: paths_of='w1', or None for no paths."
            )
        matrix, _ = net.weight_position(paths_of)
        if matrix != "W1" and len(net.sizes) == 3:
            raise ValueError(
                f"paths_of must name a first-layer weight; {paths_of} is in {matrix}. "
                f"Fix: paths_of='w1' (w1 ... w{net.sizes[0] * net.sizes[1]} are in W1)."
            )
    _ax(ax)
    _text(title, "title")


# --- Lessons 04-05
def neuron_graph(x, w, b, y, ax) -> None:
    for value, name in ((x, "x"), (w, "w"), (b, "b"), (y, "y")):
        _number(value, name)
    _ax(ax)


def finite_difference_errors(eps, errors, ax) -> None:
    e = _values(eps, "eps", positive=True)
    _labelled(
        errors,
        "errors",
        lambda v, n: _values(v, n, length=e.size, matching="eps", log=True),
        example="{'two-point formula': [...]} with one error per eps",
    )
    _ax(ax)


def per_sample_vs_summed(curves, paths, updates_per_epoch, epochs_shown, lr) -> None:
    _curves(curves, "curves", log=True)
    _paths(paths, "paths")
    _labelled(
        updates_per_epoch,
        "updates_per_epoch",
        lambda v, n: _count(v, n),
        example="{'per sample': 8, 'summed': 1}",
    )
    missing = [label for label in paths if label not in updates_per_epoch]
    if missing:
        raise KeyError(
            f"updates_per_epoch has no entry for {missing[0]!r}. Fix: one entry per path, "
            f"with the same labels as paths."
        )
    _count(epochs_shown, "epochs_shown")
    _number(lr, "lr", positive=True, optional=True)


def cost_of_gradients(n_weights, backprop_s, finite_s, ax) -> None:
    n = _values(n_weights, "n_weights", positive=True)
    _values(backprop_s, "backprop_s", length=n.size, matching="n_weights", log=True)
    _values(finite_s, "finite_s", length=n.size, matching="n_weights", log=True)
    _ax(ax)


def steps_1d(lam, etas, w0, steps) -> None:
    _number(lam, "lam", positive=True)
    e = _values(etas, "etas", positive=True, why="learning rates")
    if e.size > 12:
        raise ValueError(
            f"etas must be at most 12 rates (one panel each); got {e.size}. Fix: fewer rates."
        )
    _number(w0, "w0")
    if w0 == 0:
        raise ValueError("w0 must not be 0 (the start is the minimum). Fix: w0=1.0.")
    _count(steps, "steps", maximum=200)


def contour_paths(loss, paths, window, minimum, levels, labels, ax, title) -> None:
    _function(loss, "loss", GRID_EXAMPLE)
    _paths(paths, "paths", allow_empty=True, finite=False)
    win = _point(window, "window", size=4)
    if not (win[0] < win[1] and win[2] < win[3]):
        raise ValueError(
            f"window must be (x_low, x_high, y_low, y_high) with low < high; got "
            f"{tuple(win.tolist())}. Fix: e.g. window=(-2, 2, -1.5, 1.5)."
        )
    if minimum is not None:
        _point(minimum, "minimum")
    _levels(levels)
    _labels(labels)
    _ax(ax)
    _text(title, "title")
    _returns_grid(loss, "loss", _window_probe(win), GRID_EXAMPLE)


def _labels(labels: object, name: str = "labels") -> None:
    if (
        not isinstance(labels, (tuple, list))
        or len(labels) != 2
        or not all(isinstance(s, str) for s in labels)
    ):
        raise TypeError(
            f"{name} must be two axis names; got {_got(labels)}. Fix: {name}=('w1', 'w2')."
        )


def bowl_paths(lams, etas, start, steps) -> None:
    lam = _values(lams, "lams", positive=True, why="the curvatures of a bowl")
    if lam.size != 2:
        raise ValueError(f"lams must be 2 curvatures; got {lam.size}. Fix: lams=(1.0, 10.0).")
    e = _values(etas, "etas", positive=True, why="learning rates")
    if e.size > 12:
        raise ValueError(
            f"etas must be at most 12 rates (one panel each); got {e.size}. Fix: fewer rates."
        )
    _point(start, "start")
    _count(steps, "steps", maximum=1000)


def loss_curves(curves, title, ylim) -> None:
    _curves(curves, "curves", log=True)
    _text(title, "title", optional=False)
    _interval(ylim, "ylim", positive=True)


def descent_on_curve(f, paths, minima, window, ax, title) -> None:
    _function(f, "f", "f=lambda w: w ** 4 - 3 * w ** 2 + w")
    _labelled(
        paths,
        "paths",
        lambda v, n: _values(v, n, what="numbers (the w after each step)"),
        example="{'start -2': visited} with visited a 1-D array of w",
    )
    _values(minima, "minima", finite=True, allow_empty=True)
    lo, hi = _interval(window, "window")
    _ax(ax)
    _text(title, "title")
    what = "an array of w (numpy operations, not math.*)"
    value = np.asarray(_call(f, "f", (np.array([lo, hi]),), what, "lambda w: w ** 2 - np.cos(w)"))
    if value.shape != (2,) or value.dtype.kind not in "fiub":
        raise ValueError(
            f"f must take an array of w and return one value per w; f(array of 2) returned "
            f"shape {value.shape}. Fix: use numpy operations, e.g. lambda w: w ** 2 - np.cos(w)."
        )


def schedules_and_distances(rates, distances) -> None:
    _curves(rates, "rates", log=True)
    _curves(distances, "distances", log=True)


def canvas(value: object) -> None:
    if not hasattr(value, "buffer_rgba"):
        raise TypeError(
            f"canvas must be a matplotlib Agg canvas; got {_got(value)}. "
            f"Fix: pass fig.canvas after fig.canvas.draw() (a FigureCanvasAgg)."
        )


def rate_picture(iterations: object) -> None:
    _count(iterations, "iterations")


def rate_picture_png(path: object, losses: object, title: object) -> None:
    """Called on every move of the slider: shapes and signs only, no copies of float arrays."""
    n = len(_points(path, "path", what="(w1, w2)", per="iteration"))
    values = _values(losses, "losses", length=n, matching="path", finite=True)
    if np.any(values <= 0):
        raise ValueError(
            "losses must be > 0 (the picture draws log10 of the loss). "
            "Fix: pass the losses of the path, L(w) at each of its points."
        )
    _text(title, "title", optional=False)


def fit_picture(color: object, figsize: object) -> None:
    _text(color, "color", optional=False)
    if _values(figsize, "figsize", positive=True, why="a size in inches").size != 2:
        raise ValueError("figsize must be (width, height) in inches. Fix: figsize=(6.0, 3.5).")


def fit_picture_png(fit: object, n: int, label: object) -> None:
    _values(np.ravel(as_float_array(fit, "fit")), "fit", length=n, matching="xs")
    _text(label, "label", optional=False)


# --- Lesson 06
def batch_paths_on_contours(x, y, paths, ax, title) -> None:
    xs = as_float_array(x, "x").ravel()
    ys = as_float_array(y, "y").ravel()
    if xs.shape != ys.shape:
        raise ValueError(
            f"x and y need the same length; got {xs.size} and {ys.size}. "
            f"Fix: pass the inputs and targets of the same points."
        )
    _finite(xs, "x")
    _finite(ys, "y")
    _paths(paths, "paths")
    _ax(ax)
    _text(title, "title", optional=False)


RUN_KEYS = ("loss", "iteration", "epoch", "seconds")


def _run(run: object, name: str, keys: tuple[str, ...], minimum: int = 1) -> None:
    if not isinstance(run, dict):
        raise TypeError(
            f"{name} must be a dict with {', '.join(repr(k) for k in keys)}; got {_got(run)}. "
            f"Fix: build it as in the lesson's run()."
        )
    missing = [k for k in keys if k not in run]
    if missing:
        raise KeyError(
            f"{name} has no {missing[0]!r}. Fix: a run holds {', '.join(repr(k) for k in keys)}."
        )
    series = [k for k in keys if k != "per_epoch"]
    n = _values(run[series[0]], f"{name}[{series[0]!r}]").size
    if n < minimum:
        raise ValueError(
            f"{name}[{series[0]!r}] must hold at least {minimum} values; got {n}. "
            f"Fix: record the start and at least one update."
        )
    for k in series[1:]:
        _values(run[k], f"{name}[{k!r}]", length=n, matching=f"{name}[{series[0]!r}]")


def loss_three_ways(runs) -> None:
    _labelled(
        runs,
        "runs",
        lambda v, n: _run(v, n, RUN_KEYS, minimum=2),
        example="{'full batch': run(200, 1000)}",
    )


def update_cost(sizes, seconds, ax) -> None:
    n = _values(sizes, "sizes", positive=True)
    _values(seconds, "seconds", length=n.size, matching="sizes", log=True)
    _ax(ax)


def shuffle_sawtooth(runs, epochs_shown) -> None:
    _count(epochs_shown, "epochs_shown")

    def one(run: object, name: str) -> None:
        _run(run, name, ("per_epoch", "loss", "iteration", "epoch"))
        _count(run["per_epoch"], f"{name}['per_epoch']")  # type: ignore[index]

    _labelled(runs, "runs", one, example="{'shuffled': run(16, 60)}")


# --- Lesson 07
DRAW_RACE_KEYWORDS = (
    "xlim",
    "ylim",
    "levels",
    "start",
    "minimum",
    "labels",
    "dots",
    "resolution",
    "title",
)


def draw_race(
    ax, fn, paths, xlim, ylim, levels, start, minimum, labels, dots, resolution, title
) -> None:
    _ax(ax, required=True)
    _function(fn, "fn", GRID_EXAMPLE)
    _paths(paths, "paths", finite=False)
    x = _interval(xlim, "xlim")
    y = _interval(ylim, "ylim")
    _levels(levels, optional=False)
    if start is not None:
        _point(start, "start")
    if minimum is not None:
        _point(minimum, "minimum")
    if labels is not None:
        _labelled(
            labels,
            "labels",
            lambda v, n: _text(v, n, optional=False),
            allow_empty=True,
            example="{'Adam': 'Adam, lr 0.1'}",
        )
    check_bool(dots, "dots")
    _count(resolution, "resolution", minimum=2, maximum=2001)
    _text(title, "title", optional=False)
    _returns_grid(fn, "fn", _window_probe(np.concatenate([x, y])), GRID_EXAMPLE)


def race_paths(figsize, kwargs: dict) -> None:
    size = _values(figsize, "figsize", positive=True, why="a size in inches")
    if size.size != 2:
        raise ValueError(
            f"figsize must be (width, height) in inches; got {size.size} numbers. "
            f"Fix: figsize=(10, 4)."
        )
    unknown = [k for k in kwargs if k not in DRAW_RACE_KEYWORDS]
    if unknown:
        raise TypeError(
            f"race_paths got an unknown keyword {unknown[0]!r}. Valid names: "
            f"{', '.join(DRAW_RACE_KEYWORDS)}. Fix: e.g. **races.PROBLEMS['Rosenbrock'].view()."
        )
    missing = [k for k in ("xlim", "ylim", "levels") if k not in kwargs]
    if missing:
        raise TypeError(
            f"race_paths needs the keyword {missing[0]!r}. "
            f"Fix: pass **races.PROBLEMS[name].view() (it holds xlim, ylim and levels)."
        )


def distance_per_step(distances, tol, ax, title) -> None:
    _curves(distances, "distances", log=True)
    _number(tol, "tol", positive=True)
    _ax(ax)
    _text(title, "title", optional=False)


def adam_step_ratios(ratios, ax) -> None:
    _curves(ratios, "ratios", log=True)
    _ax(ax)


def momentum_conventions(step_outside, step_inside, drop_after, ax) -> None:
    n = _values(step_outside, "step_outside", log=True).size
    _values(step_inside, "step_inside", length=n, matching="step_outside", log=True)
    _count(drop_after, "drop_after", minimum=0)
    _ax(ax)


# --- Lessons 08-09
def activation_histograms(activations, bins, xlabel) -> None:
    def layers(value: object, name: str) -> None:
        if isinstance(value, (str, dict)) or not hasattr(value, "__len__") or not len(value):
            raise TypeError(
                f"{name} must be a non-empty list of arrays, one per layer; got {_got(value)}. "
                f"Fix: [layer.A for layer in net.layers]."
            )
        for k, a in enumerate(value):  # type: ignore[arg-type]
            arr = as_float_array(a, f"{name}[{k}]")
            _finite(arr, f"{name}[{k}]")

    if isinstance(activations, dict) and not activations:
        raise ValueError(
            "activations is empty: the figure needs at least one row. "
            "Fix: activations={'Xavier': [layer.A for layer in net.layers]}."
        )
    _labelled(
        activations, "activations", layers, example="{'Xavier': [layer.A for layer in net.layers]}"
    )
    if bins is not None:
        b = _values(bins, "bins", finite=True)
        if b.size < 2 or np.any(np.diff(b) <= 0):
            raise ValueError(
                f"bins must be at least 2 increasing edges; got {b.tolist()[:6]}. "
                f"Fix: bins=np.linspace(-1, 1, 41)."
            )
    _text(xlabel, "xlabel")


def saturation_sweep(scales, saturated, gradient, mark, mark_label) -> None:
    s = _values(scales, "scales", positive=True)
    _labelled(
        saturated,
        "saturated",
        lambda v, n: _values(v, n, length=s.size, matching="scales"),
        example="{'layer 1': shares} with one share per scale",
    )
    _labelled(
        gradient,
        "gradient",
        lambda v, n: _values(v, n, length=s.size, matching="scales", log=True),
        example="{'mean |dL/dW1|': values} with one value per scale",
    )
    _number(mark, "mark", positive=True, optional=True)
    _text(mark_label, "mark_label")


def curves(series, ax, logx, logy, xlabel, ylabel, title, hlines, vlines, legend_cols) -> None:
    check_bool(logx, "logx")
    check_bool(logy, "logy")
    if not isinstance(series, (list, tuple)):
        raise TypeError(
            f"series must be a list of (label, x, y, style) tuples; got {_got(series)}. "
            f"Fix: series=[('train', epochs, losses, {{}})]."
        )
    if not len(series):
        raise ValueError(
            "series is empty: there is nothing to draw. "
            "Fix: series=[('train', epochs, losses, {})]."
        )
    for k, item in enumerate(series):
        if not isinstance(item, (tuple, list)) or len(item) != 4:
            raise TypeError(
                f"series[{k}] must be a tuple (label, x, y, style); got {_got(item)}. "
                f"Fix: ('train', epochs, losses, {{}}) with a dict of plot options last."
            )
        label, x, y, style = item
        _text(label, f"series[{k}] label", optional=False)
        n = _values(x, f"series[{k}] x", positive=bool(logx)).size
        _values(y, f"series[{k}] y", length=n, matching=f"series[{k}] x", log=bool(logy))
        if not isinstance(style, dict):
            raise TypeError(
                f"series[{k}] style must be a dict of plot options; got {_got(style)}. "
                f"Fix: {{}} or {{'color': 'tab:red'}}."
            )
    _ax(ax)
    for value, name in ((xlabel, "xlabel"), (ylabel, "ylabel"), (title, "title")):
        _text(value, name, optional=False)
    for lines, name in ((hlines, "hlines"), (vlines, "vlines")):
        if isinstance(lines, (str, dict)) or not hasattr(lines, "__iter__"):
            raise TypeError(
                f"{name} must be a list of (position, label) pairs; got {_got(lines)}. "
                f"Fix: {name}=[(0.5, 'target')]."
            )
        for k, pair in enumerate(lines):
            if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                raise TypeError(
                    f"{name}[{k}] must be a pair (position, label); got {_got(pair)}. "
                    f"Fix: {name}=[(0.5, 'target')]."
                )
            _number(pair[0], f"{name}[{k}] position")
            _text(pair[1], f"{name}[{k}] label", optional=False)
    _count(legend_cols, "legend_cols")


def quadratic_slices(panels, levels) -> None:
    if isinstance(panels, (str, dict)) or not hasattr(panels, "__len__") or not len(panels):
        raise TypeError(
            f"panels must be a non-empty list of dicts with H, w_star and path; got "
            f"{_got(panels)}. Fix: panels=[dict(H=H, w_star=w_star, path=path, title='...')]."
        )
    for k, panel in enumerate(panels):
        name = f"panels[{k}]"
        if not isinstance(panel, dict):
            raise TypeError(
                f"{name} must be a dict with H, w_star and path; got {_got(panel)}. "
                f"Fix: dict(H=H, w_star=w_star, path=path)."
            )
        missing = [key for key in ("H", "w_star", "path") if key not in panel]
        if missing:
            raise KeyError(
                f"{name} has no {missing[0]!r}. Fix: dict(H=H, w_star=w_star, path=path)."
            )
        H = as_float_array(panel["H"], f"{name}['H']")
        if H.shape != (3, 3):
            raise ValueError(
                f"{name}['H'] must be the 3x3 Hessian (w1, w2, b); got shape {H.shape}. "
                f"Fix: H = X1.T @ X1 / n with a column of ones in X1."
            )
        _finite(H, f"{name}['H']")
        w = _point(panel["w_star"], f"{name}['w_star']", size=3)
        if not np.any(w[:2]):
            raise ValueError(
                f"{name}['w_star'] has w1 = w2 = 0: the view is sized by its distance from 0. "
                f"Fix: a minimum away from (0, 0)."
            )
        _points(
            panel["path"],
            f"{name}['path']",
            width=2,
            at_least=True,
            what="(w1, w2, b)",
            fix="the weights after each step, shape (steps + 1, 3)",
        )
        _text(panel.get("title", ""), f"{name}['title']", optional=False)
        _text(panel.get("note"), f"{name}['note']")
    lv = _values(levels, "levels", positive=True, why="heights of L - L*, which is >= 0")
    if np.any(np.diff(lv) <= 0):
        raise ValueError(f"levels must increase; got {lv.tolist()[:6]}. Fix: sorted(levels).")


def regression_fits(xs, truth, points, fits, ax, title, colors) -> None:
    x = as_float_array(xs, "xs")
    _finite(x, "xs")
    t = as_float_array(truth, "truth")
    if t.size != x.size:
        raise ValueError(
            f"truth must hold one value per x ({x.size}); got {t.size}. Fix: truth=np.sin(xs)."
        )

    def pair(value: object, name: str) -> None:
        if not isinstance(value, (tuple, list)) or len(value) != 2:
            raise TypeError(
                f"{name} must be a pair (X, Y); got {_got(value)}. Fix: (X_train, Y_train)."
            )
        px = as_float_array(value[0], f"{name} X")
        py = as_float_array(value[1], f"{name} Y")
        if px.size != py.size:
            raise ValueError(
                f"{name}: X has {px.size} values but Y has {py.size}. "
                f"Fix: pass the inputs and targets of the same points."
            )

    _labelled(points, "points", pair, allow_empty=True, example="{'training set': (X, Y)}")

    def fit(value: object, name: str) -> None:
        if as_float_array(value, name).size != x.size:
            raise ValueError(
                f"{name} must hold one value per x ({x.size}); got shape "
                f"{np.shape(value)}. Fix: net(xs) for the same xs."
            )

    _labelled(fits, "fits", fit, allow_empty=True, example="{'H = 3': net(xs)}")
    _ax(ax)
    _text(title, "title", optional=False)
    if colors is not None:
        if isinstance(colors, str) or not hasattr(colors, "__len__") or len(colors) < len(fits):
            raise ValueError(
                f"colors must be a list with one colour per fit ({len(fits)}); got "
                f"{_got(colors)}. Fix: colors=['tab:green', 'tab:red']."
            )


# --- Lessons 10-12
def gradient_profiles(profiles, ax, title) -> None:
    if isinstance(profiles, dict):
        for depth in profiles:
            check_int(depth, f"profiles key {depth!r}", minimum=1)
    _labelled(
        profiles,
        "profiles",
        lambda v, n: _values(v, n, log=True),
        example="{depth: norms} with one gradient norm per layer",
    )
    _ax(ax)
    _text(title, "title")


def run_loss_curves(runs, ax, title) -> None:
    def histories(value: object, name: str) -> None:
        if isinstance(value, (str, dict)) or not hasattr(value, "__len__") or not len(value):
            raise TypeError(
                f"{name} must be a non-empty list of loss histories (one per run); got "
                f"{_got(value)}. Fix: [history_1, history_2] (a single run: [history])."
            )
        for k, h in enumerate(value):  # type: ignore[arg-type]
            _values(h, f"{name}[{k}]", log=True)

    _labelled(runs, "runs", histories, example="{'relu, He': [history_1, history_2]}")
    _ax(ax)
    _text(title, "title")


def xor_hidden_space(net, X, Y) -> None:
    from nnlesson.network import Network

    if not isinstance(net, Network):
        raise TypeError(
            f"net must be an nnlesson Network; got {type(net).__name__}. "
            f"Fix: Network.build([2, 2, 1]) trained on XOR."
        )
    if net.sizes != [2, 2, 1]:
        raise ValueError(
            f"xor_hidden_space draws a 2-2-1 network; got sizes {net.sizes}. "
            f"Fix: Network.build([2, 2, 1], ...)."
        )
    x = as_float_array(X, "X", ndim=2)
    if x.shape[1] != 2:
        raise ValueError(
            f"X must have 2 columns (points in the plane); got shape {x.shape}. "
            f"Fix: the XOR inputs, nnlesson.xor()[0]."
        )
    _finite(x, "X")
    y = as_float_array(Y, "Y")
    if y.size != len(x):
        raise ValueError(
            f"Y must hold one label per row of X ({len(x)}); got shape {y.shape}. "
            f"Fix: the XOR targets, nnlesson.xor()[1]."
        )


def slowdown_curves(outputs, losses) -> None:
    _curves(outputs, "outputs")
    _curves(losses, "losses")


HISTORY_KEYS = ("train_loss", "val_loss", "train_acc", "val_acc")


def training_curves(histories) -> None:
    def one(h: object, name: str) -> None:
        _run(h, name, HISTORY_KEYS)
        _values(h["train_loss"], f"{name}['train_loss']", log=True)  # type: ignore[index]
        _values(h["val_loss"], f"{name}['val_loss']", log=True)  # type: ignore[index]

    _labelled(histories, "histories", one, example="{'Adam': history}")
