"""The adversarial catalogue (issue 16, item 2): bad inputs generated systematically.

Every public function of nnlesson's API is called with each of its arguments replaced, one
at a time, by inputs of the classes below; a few hand-written cases add stale state and
call order. Each case says what must happen, and :func:`classify` checks it:

* ``"error"``: a clear error. The exception is raised inside nnlesson (not from numpy or
  Python deep inside), its message names the argument and says how to fix it
  ("Fix:", or the list of valid choices);
* ``"result"``: a correct result. No exception, no warning, the inputs unchanged, and the
  answer equal to a reference (the same call with the input converted to float64, or a
  value worked out by hand), real-valued;
* ``"warning"``: a documented warning (category and message checked), and a result.

A case that does anything else (a raw numpy error, a silently different answer, a
complex or integer result, a mutated input) fails its test in ``tests/test_adversarial.py``.
The lessons' own figures (``nnlesson.plots``) and the optimizer races (``nnlesson.races``)
have their specs in ``tests/adversarial_figures.py``, with the same machinery.
``docs/bad-inputs.md`` is rendered from this catalogue and from ``tests/test_bad_inputs.py``
(``python tests/test_bad_inputs.py``).
"""

from __future__ import annotations

import copy
import re
import tempfile
import traceback
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

import nnlesson as nl
import nnlesson.optimizers as opt
from nnlesson import data, gradcheck, losses
from nnlesson.ensemble import Ensemble
from nnlesson.layers import Dense, init_weights

PACKAGE = Path(nl.__file__).resolve().parent
CLASSES = (
    "wrong type",
    "wrong dtype",
    "wrong shape",
    "empty",
    "non-finite",
    "out of range",
    "aliasing/mutation",
    "stale state",
    "call order",
)
FIX = re.compile(r"Fix:|Valid choices|Valid names")
RAW = re.compile(
    r"could not be broadcast|has no attribute|object is not callable|unsupported operand|"
    r"zero-size array|not subscriptable|allow_pickle|index \d+ is out of bounds|matmul: Input"
)


@dataclass(frozen=True)
class Case:
    """One bad input and what must happen (see the module docstring)."""

    function: str
    argument: str
    klass: str
    given: str
    call: Callable[[], Any]
    expect: str  # "error", "result" or "warning"
    reference: Callable[[], Any] | None = None  # "result": the right answer
    check: Callable[[Any], bool] | None = None  # "result": a property the answer must have
    warning: type[Warning] | None = None
    names: str | None = None  # the word an error message must contain (default: argument)

    @property
    def id(self) -> str:
        return f"{self.function}({self.argument}): {self.given}"


# ------------------------------------------------------------------ classify
def same(a: Any, b: Any) -> bool:
    """Equal answers: the same structure, real numbers, equal to float rounding."""
    if isinstance(b, (tuple, list)):
        return isinstance(a, (tuple, list)) and len(a) == len(b) and all(map(same, a, b))
    if isinstance(b, dict):
        return isinstance(a, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in b)
    if isinstance(b, nl.Network):
        return isinstance(a, nl.Network) and same(a.parameters(), b.parameters())
    if isinstance(b, nl.History):
        return same(a.iteration_loss, b.iteration_loss)
    if isinstance(b, (bool, np.bool_)):
        return isinstance(a, (bool, np.bool_)) and bool(a) == bool(b)
    if isinstance(b, (np.ndarray, float, int, np.number)):
        a_arr, b_arr = np.asarray(a), np.asarray(b)
        if a_arr.dtype.kind not in "fiu" or a_arr.shape != b_arr.shape:
            return False
        if b_arr.dtype.kind == "f" and a_arr.dtype.kind != "f":
            return False  # an integer answer where a float one is due
        return bool(np.allclose(a_arr, b_arr, rtol=1e-6, atol=1e-12, equal_nan=True))
    if hasattr(b, "__dict__") and not callable(b):  # optimizer states, optimizers
        return type(a) is type(b) and same(vars(a), vars(b))
    return bool(a == b)


def _raised_inside_nnlesson(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    where = Path(frames[-1].filename).resolve() if frames else Path("?")
    return "" if PACKAGE in where.parents else f"raised at {where.name}:{frames[-1].lineno}"


OUTCOMES: dict[str, tuple[str, str]] = {}  # case.id -> outcome, once classified


def classify(case: Case) -> tuple[str, str]:
    """Run ``case``; return ("clear error" | "correct result" | "documented warning", what
    was said), or raise AssertionError saying how the case went wrong. The outcome is kept
    in ``OUTCOMES``, so that the docs' table does not run a case twice in one session."""
    OUTCOMES[case.id] = _classify(case)
    return OUTCOMES[case.id]


def _classify(case: Case) -> tuple[str, str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            got = case.call()
        except Exception as exc:  # noqa: BLE001 - every exception is judged below
            message = str(exc).strip("'\"")
            said = f"{type(exc).__name__}: {message}"
            if case.expect != "error":
                raise AssertionError(f"{case.id}: expected a {case.expect}, got {said}") from exc
            problems = [
                _raised_inside_nnlesson(exc),
                "" if (case.names or case.argument) in message else "the argument is not named",
                "" if FIX.search(message) else "no fix is suggested",
                "a raw error from inside" if RAW.search(message) else "",
            ]
            if isinstance(exc, (AttributeError, IndexError, NameError, AssertionError)):
                problems.append(f"a bare {type(exc).__name__}")
            problems = [p for p in problems if p]
            if problems:
                raise AssertionError(f"{case.id}: {'; '.join(problems)}: {said}") from exc
            return "clear error", said
    ours = [w for w in caught if case.warning is not None and issubclass(w.category, case.warning)]
    others = [w for w in caught if w not in ours]
    if others:
        raise AssertionError(
            f"{case.id}: warned {others[0].category.__name__}: {others[0].message}"
        )
    if case.expect == "error":
        raise AssertionError(f"{case.id}: expected a clear error, got a result: {got!r}"[:400])
    if case.expect == "warning" and not ours:
        raise AssertionError(f"{case.id}: expected a {case.warning.__name__}, none came")
    if case.reference is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = case.reference()
        if not same(got, expected):
            raise AssertionError(
                f"{case.id}: silently wrong: got {got!r}, expected {expected!r}"[:600]
            )
    if case.check is not None and not case.check(got):
        raise AssertionError(f"{case.id}: silently wrong: {got!r}"[:600])
    if case.expect == "warning":
        return "documented warning", f"{ours[0].category.__name__}: {ours[0].message}"
    return "correct result", _describe(got)


def _describe(x: Any) -> str:
    if isinstance(x, np.ndarray):
        return f"array {x.shape} {x.dtype}"
    if isinstance(x, float):
        return f"{x:.6g}"
    if isinstance(x, tuple):
        return "(" + ", ".join(_describe(v) for v in x) + ")"
    text = repr(x)
    return text if len(text) < 60 else text[:57] + "..."


# --------------------------------------------------------- generated variants
E, R = "error", "result"
XOR_X, XOR_Y = nl.xor()


def _with(good: np.ndarray, value: float) -> np.ndarray:
    bad = np.array(good, dtype=float)
    bad.flat[0] = value
    return bad


def array_variants(
    good: np.ndarray,
    *,
    shapes: list[tuple[str, Any, str]],
    empty: str = E,
    nan: str = E,
    inf: str = E,
    dtypes: str = R,
    nan_check: Callable[[Any], bool] | None = None,
    inf_check: Callable[[Any], bool] | None = None,
) -> list[tuple[str, str, Any, str, Any, Callable | None]]:
    """(class, given, bad value, expect, the float64 value to compare with, a check)."""
    g = np.asarray(good, dtype=float)
    out: list[tuple[str, str, Any, str, Any, Callable | None]] = [
        ("wrong type", "a string", "abc", E, None, None),
        ("wrong type", "None", None, E, None, None),
        ("wrong type", "a dict", {"a": 1.0}, E, None, None),
        ("wrong type", "a ragged nested list", [[1.0, 2.0], [3.0]], E, None, None),
        ("wrong dtype", "a nested list of floats", g.tolist(), dtypes, g, None),
        (
            "wrong dtype",
            "int64",
            g.astype(np.int64),
            dtypes,
            g.astype(np.int64).astype(float),
            None,
        ),
        (
            "wrong dtype",
            "float16",
            g.astype(np.float16),
            dtypes,
            g.astype(np.float16).astype(float),
            None,
        ),
        ("wrong dtype", "object array of floats", g.astype(object), dtypes, g, None),
        ("wrong dtype", "complex", g + 0j, E, None, None),
        ("wrong dtype", "complex with an imaginary part", g + 1j, E, None, None),
        ("wrong dtype", "datetime64", np.zeros(g.shape, "datetime64[D]"), E, None, None),
        ("wrong dtype", "strings of digits", g.astype(str), E, None, None),
    ]
    if np.all((g >= 0) & (g == np.round(g)) & (g < 256)):
        out.append(("wrong dtype", "uint8", g.astype(np.uint8), dtypes, g, None))
    if np.all((g == 0) | (g == 1)):
        out.append(("wrong dtype", "bool", g.astype(bool), dtypes, g, None))
    out += [(klass, given, value, expect, None, None) for klass, given, value, expect in shapes]
    out.append(("empty", "no rows", g[:0], empty, g[:0], None))
    out.append(("non-finite", "a NaN", _with(g, np.nan), nan, _with(g, np.nan), nan_check))
    out.append(("non-finite", "an infinity", _with(g, np.inf), inf, _with(g, np.inf), inf_check))
    return out


def number_variants(
    good: float,
    *,
    positive: bool = True,
    zero: str = E,
    upper: tuple[float, str] | None = None,
    none: str = E,
) -> list[tuple[str, str, Any, str, Any, Callable | None]]:
    out = [
        ("wrong type", "a numeric string", str(good), E, None, None),
        ("wrong type", "None (the default)" if none == R else "None", None, none, None, None),
        ("wrong type", "True", True, E, None, None),
        ("wrong type", "a complex number", complex(good), E, None, None),
        ("wrong type", "a list of one number", [good], E, None, None),
        ("wrong dtype", "numpy float32", np.float32(good), R, float(np.float32(good)), None),
        ("non-finite", "NaN", float("nan"), E, None, None),
        ("non-finite", "infinity", float("inf"), E, None, None),
        ("out of range", "0", 0.0, zero, 0.0, None),
    ]
    if positive:
        out.append(("out of range", "a negative number", -abs(good) - 0.5, E, None, None))
    if upper is not None:
        out.append(("out of range", f"{upper[0]}", upper[0], upper[1], upper[0], None))
    return out


def int_variants(
    good: int, *, minimum: int = 1, none: str = E
) -> list[tuple[str, str, Any, str, Any, Callable | None]]:
    out = [
        ("wrong type", "a float with no fraction", float(good), E, None, None),
        ("wrong type", "a numeric string", str(good), E, None, None),
        ("wrong type", "True", True, E, None, None),
        ("wrong type", "None (the default)" if none == R else "None", None, none, None, None),
        ("wrong dtype", "numpy int64", np.int64(good), R, good, None),
        ("out of range", f"{minimum - 1}", minimum - 1, E, None, None),
    ]
    if minimum - 1 != -1:
        out.append(("out of range", "-1", -1, E, None, None))
    return out


def bool_variants(good: bool) -> list[tuple[str, str, Any, str, Any, Callable | None]]:
    return [
        ("wrong type", "the string 'no'", "no", E, None, None),
        ("wrong type", "the number 1", 1, E, None, None),
        ("wrong type", "None", None, E, None, None),
        ("wrong dtype", "numpy bool", np.bool_(good), R, good, None),
    ]


def rng_variants() -> list[tuple[str, str, Any, str, Any, Callable | None]]:
    return [
        ("wrong type", "a numeric string", "0", E, None, None),
        ("wrong type", "a float", 1.5, E, None, None),
        ("wrong type", "True", True, E, None, None),
        ("wrong type", "a legacy RandomState", np.random.RandomState(0), E, None, None),
        ("out of range", "a negative seed", -1, E, None, None),
        ("wrong dtype", "numpy int64 seed", np.int64(3), R, 3, None),
    ]


def choice_variants(
    good: str, *, none: str = E
) -> list[tuple[str, str, Any, str, Any, Callable | None]]:
    """A name from a list; ``none=R`` where None is the documented default (same result)."""
    return [
        ("out of range", "a misspelt name", good[:-1] + "x", E, None, None),
        ("out of range", "a capitalised name", good.upper(), E, None, None),
        ("wrong type", "None (the default)" if none == R else "None", None, none, None, None),
        ("wrong type", "a number", 3, E, None, None),
    ]


@dataclass
class Spec:
    """A function, the good value of each argument, and the bad values to try for each."""

    function: str
    call: Callable[..., Any]  # called with keyword arguments
    good: dict[str, Any]
    variants: dict[str, list[tuple[str, str, Any, str, Any, Callable | None]]]
    names: dict[str, str] | None = None


def _fresh(value: Any) -> Any:
    if callable(value) and value.__doc__ == "fresh":
        return value()
    return copy.deepcopy(value)


def fresh(factory: Callable[[], Any]) -> Callable[[], Any]:
    """Mark ``factory`` as making a new good value for every call (a network, a trainer)."""
    factory.__doc__ = "fresh"
    return factory


def expand(spec: Spec) -> list[Case]:
    cases = []
    for arg, variants in spec.variants.items():
        for klass, given, bad, expect, equivalent, check in variants:

            def call(arg=arg, bad=bad):
                kwargs = {k: _fresh(v) for k, v in spec.good.items()}
                kwargs[arg] = copy.deepcopy(bad)
                before = copy.deepcopy(kwargs[arg])
                out = spec.call(**kwargs)
                if isinstance(before, np.ndarray) and not (
                    before.shape == kwargs[arg].shape
                    and np.array_equal(before, kwargs[arg], equal_nan=before.dtype.kind in "fc")
                ):
                    raise AssertionError(f"the call changed its argument {arg}")
                return out

            reference = None
            if expect == R and equivalent is not None and check is None:

                def reference(arg=arg, equivalent=equivalent):
                    kwargs = {k: _fresh(v) for k, v in spec.good.items()}
                    kwargs[arg] = copy.deepcopy(equivalent)
                    return spec.call(**kwargs)

            cases.append(
                Case(
                    spec.function,
                    arg,
                    klass,
                    given,
                    call,
                    expect,
                    reference=reference,
                    check=check,
                    names=(spec.names or {}).get(arg),
                )
            )
    return cases


def non_finite_out(x: Any) -> bool:
    """NaN in, NaN out: a non-finite input shows in the answer, never hides."""
    return not np.all(np.isfinite(np.asarray(x, dtype=float)))


def mutation_case(function: str, argument: str, make: Callable[[], tuple], run: Callable) -> Case:
    """``run(*args)`` must leave its arrays unchanged and return none of them (no aliasing)."""

    def call():
        args = make()
        before = copy.deepcopy(args)
        out = run(*args)
        for a, b in zip(args, before):
            if isinstance(a, np.ndarray) and not np.array_equal(a, b):
                raise AssertionError(f"{function} changed its argument in place")
        outs = out if isinstance(out, tuple) else (out,)
        for o in outs:
            for a in args:
                if isinstance(o, np.ndarray) and isinstance(a, np.ndarray):
                    if np.shares_memory(o, a):
                        raise AssertionError(f"{function} returned a view of its argument")
        return True

    return Case(
        function,
        argument,
        "aliasing/mutation",
        "answer independent of the input",
        call,
        R,
        check=bool,
    )


# ------------------------------------------------------------------- the specs
Z = np.array([[-2.0, 0.0, 3.0], [1.0, -1.0, 0.0]])
ANY_SHAPE = [
    ("wrong shape", "a 1-D array", Z[0], R),
    ("wrong shape", "a 3-D array", Z[None], R),
    ("wrong shape", "a 0-d number", np.float64(1.5), R),
]


def activation_specs() -> list[Spec]:
    specs = []
    for name in ("step", "sigmoid", "tanh", "relu", "identity", "softmax", "sigmoid_prime"):
        fn = getattr(nl, name)
        shapes = (
            ANY_SHAPE
            if name != "softmax"
            else ANY_SHAPE[:2] + [("wrong shape", "a 0-d number", np.float64(1.5), E)]
        )
        variants = array_variants(Z, shapes=shapes, empty=R, nan=R, inf=R, nan_check=non_finite_out)
        # an infinity: the limit of f, worked out by hand
        limits = {
            "step": 1.0,
            "sigmoid": 1.0,
            "tanh": 1.0,
            "relu": np.inf,
            "identity": np.inf,
            "sigmoid_prime": 0.0,
        }
        variants = [
            v
            if v[1] != "an infinity" or name == "softmax"
            else (
                v[0],
                v[1],
                v[2],
                R,
                None,
                (lambda lim: lambda out: np.asarray(out).flat[0] == lim)(limits[name]),
            )
            for v in variants
        ]
        if name == "softmax":  # a row holding inf: no row of probabilities exists; NaN says so
            variants = [
                v if v[1] != "an infinity" else (v[0], v[1], v[2], R, None, non_finite_out)
                for v in variants
            ]
        specs.append(Spec(f"nnlesson.{name}", lambda z, fn=fn: fn(z), {"z": Z}, {"z": variants}))
    specs.append(
        Spec(
            "nnlesson.get_activation",
            lambda activation: nl.get_activation(activation),
            {"activation": "sigmoid"},
            {"activation": choice_variants("sigmoid")},
        )
    )
    return specs


P = np.array([[0.0], [1.0], [1.0], [0.0]])
T = np.array([[1.0], [0.0], [1.0], [0.0]])
PAIR_SHAPES = [
    ("wrong shape", "a 1-D array (the other 2-D)", P.ravel(), E),
    ("wrong shape", "a 3-D array", P[None], E),
    ("wrong shape", "transposed", P.T, E),
]


def loss_specs() -> list[Spec]:
    specs = []
    squared = (
        "mse",
        "mse_gradient",
        "half_mse",
        "half_mse_gradient",
        "half_sse",
        "half_sse_gradient",
    )
    for name in squared:
        fn = getattr(losses, name)
        variants = {
            arg: array_variants(
                P if arg == "Y_hat" else T,
                shapes=PAIR_SHAPES,
                nan=R,
                inf=R,
                nan_check=non_finite_out,
                inf_check=non_finite_out,
            )
            for arg in ("Y_hat", "Y")
        }
        specs.append(Spec(f"nnlesson.losses.{name}", fn, {"Y_hat": P, "Y": T}, variants))
    probs = np.array([[0.2], [0.9], [0.6], [0.1]])
    for name in ("binary_cross_entropy", "binary_cross_entropy_gradient"):
        fn = getattr(losses, name)
        variants = {
            "Y_hat": array_variants(probs, shapes=PAIR_SHAPES, nan=E, inf=E, dtypes=R)
            + [("out of range", "a probability above 1", probs + 1.0, E, None, None)],
            "Y": array_variants(T, shapes=PAIR_SHAPES, nan=E, inf=E)
            + [("out of range", "a target of 0.5", T * 0 + 0.5, E, None, None)],
        }
        specs.append(Spec(f"nnlesson.losses.{name}", fn, {"Y_hat": probs, "Y": T}, variants))
    onehot = np.array([[1.0, 0.0], [0.0, 1.0]])
    soft = np.array([[0.7, 0.3], [0.4, 0.6]])
    for name in ("cross_entropy", "softmax_cross_entropy"):
        fn = getattr(losses, name)
        first = "Y_hat" if name == "cross_entropy" else "Z"
        variants = {
            "Y": array_variants(onehot, shapes=[("wrong shape", "a 1-D array", onehot[0], E)])
            + [("out of range", "rows that are not one-hot", soft, E, None, None)],
        }
        specs.append(Spec(f"nnlesson.losses.{name}", fn, {first: soft, "Y": onehot}, variants))
    specs.append(
        Spec(
            "nnlesson.get_loss",
            lambda loss: nl.get_loss(loss),
            {"loss": "mse"},
            {"loss": choice_variants("mse")},
        )
    )
    return specs


def net() -> nl.Network:
    return nl.Network.build([2, 3, 1], rng=0)


X_SHAPES = [
    ("wrong shape", "one sample as a 1-D array", XOR_X[0], E),
    ("wrong shape", "3 features for a 2-input network", np.ones((4, 3)), E),
    ("wrong shape", "a 3-D array", XOR_X[None], E),
]
Y_SHAPES = [
    ("wrong shape", "targets as a 1-D array", XOR_Y.ravel(), E),
    ("wrong shape", "2 target columns for 1 output", np.ones((4, 2)), E),
    ("wrong shape", "3 rows for 4 samples", XOR_Y[:3], E),
]


def network_specs() -> list[Spec]:
    def forward(X, net):
        return net.forward(X)

    def loss_and_gradients(X, Y, loss, net):
        return net.loss_and_gradients(X, Y, loss)

    def backward(dL_dY, net):
        net.forward(XOR_X)
        return net.backward(dL_dY)

    def build(sizes, activation, output_activation, init, scale, rng, dtype):
        return nl.Network.build(
            sizes, activation, output_activation, init=init, scale=scale, rng=rng, dtype=dtype
        )

    def dense(W, b, activation, train_bias):
        return Dense(W, b, activation, train_bias=train_bias)

    W = np.array([[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]])
    dY = np.array([[0.5], [-1.0], [0.0], [2.0]])
    net_variants = [
        ("wrong type", "None", None, E, None, None),
        ("wrong type", "a string", "2-4-1", E, None, None),
        ("wrong type", "a Dense layer", Dense(np.ones((2, 1))), E, None, None),
    ]
    return [
        Spec(
            "Network.forward",
            forward,
            {"X": XOR_X, "net": fresh(lambda: net())},
            {
                "X": array_variants(
                    XOR_X,
                    shapes=X_SHAPES,
                    nan=R,
                    inf=R,
                    nan_check=non_finite_out,
                    inf_check=lambda out: np.all(np.isfinite(out) | np.isnan(out)),
                )
            },
        ),
        Spec(
            "Network.loss_and_gradients",
            loss_and_gradients,
            {"X": XOR_X, "Y": XOR_Y, "loss": "mse", "net": fresh(lambda: net())},
            {"Y": array_variants(XOR_Y, shapes=Y_SHAPES), "loss": choice_variants("mse")},
        ),
        Spec(
            "Network.backward",
            backward,
            {"dL_dY": dY, "net": fresh(lambda: net())},
            {
                "dL_dY": array_variants(
                    dY,
                    shapes=[
                        ("wrong shape", "a 1-D array", dY.ravel(), E),
                        ("wrong shape", "2 columns for 1 output", np.ones((4, 2)), E),
                        ("wrong shape", "3 rows for a batch of 4", dY[:3], E),
                    ],
                    nan=R,
                    inf=R,
                    nan_check=non_finite_out,
                    inf_check=non_finite_out,
                    empty=E,
                )
            },
        ),
        Spec(
            "Network.build",
            build,
            {
                "sizes": [2, 3, 1],
                "activation": "sigmoid",
                "output_activation": None,
                "init": "xavier",
                "scale": 1.0,
                "rng": 0,
                "dtype": np.float64,
            },
            {
                "sizes": [
                    ("wrong type", "a set", {2, 4, 1}, E, None, None),
                    ("wrong type", "a string", "241", E, None, None),
                    ("wrong type", "a number", 3, E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("wrong dtype", "a numpy array", np.array([2, 3, 1]), R, [2, 3, 1], None),
                    ("wrong dtype", "a tuple", (2, 3, 1), R, [2, 3, 1], None),
                    ("wrong dtype", "a size given as 3.0", [2, 3.0, 1], E, None, None),
                    ("wrong dtype", "a size given as True", [2, True, 1], E, None, None),
                    ("out of range", "a negative size", [2, -3, 1], E, None, None),
                    ("empty", "an empty list", [], E, None, None),
                ],
                "activation": choice_variants("sigmoid"),
                "output_activation": choice_variants("identity", none=R),
                "init": choice_variants("xavier"),
                "scale": number_variants(1.0, zero=R),
                "rng": rng_variants(),
                "dtype": [
                    ("wrong dtype", "float16", np.float16, E, None, None),
                    ("wrong dtype", "int", int, E, None, None),
                    ("wrong dtype", "the string 'float32'", "float32", R, np.float32, None),
                    ("wrong type", "a misspelt dtype string", "flaot32", E, None, None),
                ],
            },
            names={"dtype": "dtype"},
        ),
        Spec(
            "Dense",
            dense,
            {"W": W, "b": 0.0, "activation": "relu", "train_bias": True},
            {
                "W": array_variants(
                    W,
                    shapes=[
                        ("wrong shape", "a 1-D array", W[0], E),
                        ("wrong shape", "a 3-D array", W[None], E),
                    ],
                    nan=R,
                    inf=R,
                    nan_check=lambda d: non_finite_out(d.W),
                    inf_check=lambda d: non_finite_out(d.W),
                ),
                "b": [
                    ("wrong type", "a string", "0.5", E, None, None),
                    ("wrong shape", "one bias too many", np.zeros(4), E, None, None),
                    ("wrong shape", "a column of biases", np.zeros((3, 1)), E, None, None),
                    ("wrong dtype", "complex", 0.5 + 1j, E, None, None),
                    ("wrong dtype", "int64", np.arange(3), R, np.arange(3.0), None),
                    ("non-finite", "NaN", float("nan"), R, None, lambda d: non_finite_out(d.b)),
                ],
                "activation": choice_variants("relu"),
                "train_bias": bool_variants(True),
            },
        ),
        Spec(
            "Dense.random",
            lambda n_in, n_out, rng: Dense.random(n_in, n_out, rng=rng),
            {"n_in": 2, "n_out": 3, "rng": 0},
            {"n_in": int_variants(2), "n_out": int_variants(3), "rng": rng_variants()},
        ),
        Spec(
            "nnlesson.init_weights",
            lambda n_in, n_out, init, rng, scale: init_weights(n_in, n_out, init, rng, scale),
            {"n_in": 2, "n_out": 3, "init": "he", "rng": 1, "scale": 1.0},
            {
                "init": choice_variants("he"),
                "scale": number_variants(1.0, zero=R),
                "rng": rng_variants(),
            },
        ),
        Spec(
            "nnlesson.data.accuracy",
            lambda net, X, labels: data.accuracy(net, X, labels),
            {"net": fresh(lambda: net()), "X": XOR_X, "labels": np.array([0, 1, 1, 0])},
            {
                "net": net_variants,
                "labels": [
                    ("wrong shape", "one-hot rows", np.eye(2)[[0, 1, 1, 0]], E, None, None),
                    ("wrong dtype", "fractional labels", np.array([0, 0.5, 1, 0]), E, None, None),
                    (
                        "wrong dtype",
                        "bool labels",
                        np.array([False, True, True, False]),
                        R,
                        np.array([0, 1, 1, 0]),
                        None,
                    ),
                    ("wrong shape", "3 labels for 4 rows", np.array([0, 1, 1]), E, None, None),
                    ("out of range", "a negative label", np.array([0, -1, 1, 0]), E, None, None),
                    ("empty", "no labels", np.array([], dtype=int), E, None, None),
                    ("wrong type", "None", None, E, None, None),
                ],
            },
        ),
        Spec(
            "nnlesson.data.predict_labels",
            lambda net, X: data.predict_labels(net, X),
            {"net": fresh(lambda: net()), "X": XOR_X},
            {"net": net_variants},
        ),
    ]


PARAMS = {"W": np.array([[1.0, -2.0]]), "b": np.array([0.5])}
GRADS = {"W": np.array([[0.3, -0.1]]), "b": np.array([2.0])}


def dict_variants(
    good: dict[str, np.ndarray],
) -> list[tuple[str, str, Any, str, Any, Callable | None]]:
    k = next(iter(good))

    def swap(value):
        return {**good, k: value}

    return [
        ("wrong type", "a list of arrays", list(good.values()), E, None, None),
        ("wrong type", "None", None, E, None, None),
        ("wrong type", "an entry that is a string", swap("abc"), E, None, None),
        ("wrong dtype", "an entry as a nested list", swap(good[k].tolist()), R, good, None),
        (
            "wrong dtype",
            "an entry of int64",
            swap(np.rint(good[k]).astype(np.int64)),
            R,
            swap(np.rint(good[k])),
            None,
        ),
        ("wrong dtype", "a complex entry", swap(good[k] + 1j), E, None, None),
        ("wrong dtype", "an object entry", swap(good[k].astype(object)), R, good, None),
        ("wrong shape", "an entry of another shape", swap(good[k].ravel()[:1]), E, None, None),
        ("empty", "an empty dict", {}, E, None, None),
    ]


def optimizer_specs() -> list[Spec]:
    specs = []
    for cls in (opt.GradientDescent, opt.Momentum, opt.AdaGrad, opt.RMSProp, opt.Adam):

        def step(params, grads, state, cls=cls):
            o = cls(0.1)
            return o.step(params, grads, o.init(PARAMS) if state == "fresh" else state)

        def init(params, cls=cls):
            return cls(0.1).init(params)

        other = opt.AdamState() if cls is not opt.Adam else opt.GDState()
        specs.append(
            Spec(
                f"{cls.__name__}.step",
                step,
                {"params": PARAMS, "grads": GRADS, "state": "fresh"},
                {
                    "params": dict_variants(PARAMS),
                    "grads": dict_variants(GRADS),
                    "state": [
                        ("stale state", "the state of another optimizer", other, E, None, None),
                        ("wrong type", "None", None, E, None, None),
                        (
                            "stale state",
                            "a state made for other parameters",
                            cls(0.1).init({"V": np.ones(3)}),
                            # plain GD remembers nothing but t: any GDState is right
                            R if cls is opt.GradientDescent else E,
                            opt.GDState() if cls is opt.GradientDescent else None,
                            None,
                        ),
                    ],
                },
            )
        )
        specs.append(
            Spec(
                f"{cls.__name__}.init",
                init,
                {"params": PARAMS},
                {"params": dict_variants(PARAMS)[:3]},
            )
        )
    specs.append(
        Spec(
            "nnlesson.GradientDescent",
            lambda lr: opt.GradientDescent(lr),
            {"lr": 0.1},
            {"lr": number_variants(0.1)},
        )
    )
    specs.append(
        Spec(
            "nnlesson.Momentum",
            lambda beta, nesterov: opt.Momentum(0.1, beta, nesterov),
            {"beta": 0.9, "nesterov": False},
            {
                "beta": number_variants(0.9, zero=R, upper=(1.0, E)),
                "nesterov": bool_variants(False),
            },
        )
    )
    specs.append(
        Spec(
            "nnlesson.Adam",
            lambda beta1, eps: opt.Adam(0.01, beta1, eps=eps),
            {"beta1": 0.9, "eps": 1e-8},
            {"beta1": number_variants(0.9, zero=R, upper=(1.0, E)), "eps": number_variants(1e-8)},
        )
    )
    specs.append(
        Spec(
            "nnlesson.get_optimizer",
            lambda optimizer: nl.get_optimizer(optimizer),
            {"optimizer": "adam"},
            {
                "optimizer": choice_variants("adam")
                + [("wrong type", "the class, not an object", opt.Adam, E, None, None)]
            },
        )
    )
    specs.append(
        Spec(
            "optimizers.step_decay",
            lambda lr, factor, every: opt.step_decay(lr, factor, every)(5),
            {"lr": 0.1, "factor": 0.5, "every": 2},
            {"factor": number_variants(0.5, upper=(1.0, E)), "every": int_variants(2)},
        )
    )
    specs += [
        Spec(
            "nnlesson.AdaGrad",
            lambda eps: opt.AdaGrad(0.1, eps),
            {"eps": 1e-10},
            {"eps": number_variants(1e-10)},
        ),
        Spec(
            "nnlesson.RMSProp",
            lambda rho: opt.RMSProp(0.01, rho),
            {"rho": 0.9},
            {"rho": number_variants(0.9, zero=R, upper=(1.0, E))},
        ),
        Spec(
            "optimizers.exponential_decay",
            lambda rate: opt.exponential_decay(0.1, rate)(3),
            {"rate": 0.99},
            {"rate": number_variants(0.99, upper=(1.0, E))},
        ),
        Spec(
            "optimizers.inverse_time_decay",
            lambda decay: opt.inverse_time_decay(0.1, decay)(3),
            {"decay": 0.01},
            {"decay": number_variants(0.01, zero=R)},
        ),
        Spec(
            "optimizers.constant",
            lambda lr: opt.constant(lr)(3),
            {"lr": 0.1},
            {"lr": number_variants(0.1)},
        ),
    ]
    return specs


def trainer_run_spec() -> Spec:
    def run(epochs, trainer):
        return trainer.run(epochs)

    return Spec(
        "Trainer.run",
        run,
        {"epochs": 2, "trainer": fresh(lambda: nl.Trainer(net(), XOR_X, XOR_Y, rng=0))},
        {"epochs": int_variants(2, minimum=0)},
    )


def training_specs() -> list[Spec]:
    def run(
        net,
        X,
        Y,
        epochs,
        loss,
        optimizer,
        batch_size,
        shuffle,
        drop_last,
        rng,
        callback,
        on_nonfinite,
        l2,
    ):
        return nl.train(
            net,
            X,
            Y,
            epochs=epochs,
            loss=loss,
            optimizer=optimizer,
            batch_size=batch_size,
            shuffle=shuffle,
            drop_last=drop_last,
            rng=rng,
            callback=callback,
            on_nonfinite=on_nonfinite,
            l2=l2,
        )

    good = {
        "net": fresh(lambda: net()),
        "X": XOR_X,
        "Y": XOR_Y,
        "epochs": 2,
        "loss": "mse",
        "optimizer": None,
        "batch_size": 2,
        "shuffle": True,
        "drop_last": False,
        "rng": 0,
        "callback": None,
        "on_nonfinite": "raise",
        "l2": 0.0,
    }
    return [
        Spec(
            "nnlesson.train",
            run,
            good,
            {
                "net": [
                    ("wrong type", "None", None, E, None, None),
                    ("wrong type", "a list of sizes", [2, 3, 1], E, None, None),
                ],
                "X": array_variants(XOR_X, shapes=X_SHAPES),
                "Y": array_variants(XOR_Y, shapes=Y_SHAPES),
                "epochs": int_variants(2, minimum=0),
                "loss": choice_variants("mse"),
                "optimizer": choice_variants("adam", none=R)
                + [("wrong type", "the class, not an object", opt.Adam, E, None, None)],
                "batch_size": int_variants(2, none=R),
                "shuffle": bool_variants(True),
                "drop_last": bool_variants(False),
                "rng": rng_variants(),
                "callback": [
                    ("wrong type", "a string", "plot", E, None, None),
                    ("wrong type", "a number", 3, E, None, None),
                ],
                "on_nonfinite": choice_variants("raise"),
                "l2": number_variants(0.01, zero=R),
            },
        ),
    ]


def data_specs() -> list[Spec]:
    X = np.array([[0.0, 10.0], [2.0, 30.0], [4.0, 20.0], [6.0, 40.0]])
    cm = (X.min(axis=0), X.max(axis=0))
    plain_shapes = [
        ("wrong shape", "a 1-D array", X[:, 0], E),
        ("wrong shape", "a 3-D array", X[None], E),
    ]
    labels = np.array([0, 1, 0, 1, 0, 1, 0, 1])
    X8 = np.arange(16.0).reshape(8, 2)
    return [
        Spec(
            "nnlesson.data.check_dataset",
            data.check_dataset,
            {"X": XOR_X, "Y": XOR_Y},
            {
                "X": array_variants(XOR_X, shapes=X_SHAPES[:1] + X_SHAPES[2:]),
                "Y": array_variants(XOR_Y, shapes=Y_SHAPES[:1] + Y_SHAPES[2:]),
            },
        ),
        Spec(
            "nnlesson.minmax_scale",
            lambda X, low, high: data.minmax_scale(X, low, high),
            {"X": X, "low": -1.0, "high": 1.0},
            {
                "X": array_variants(X, shapes=plain_shapes),
                "low": number_variants(-1.0, positive=False, zero=R)[:5]
                + [("out of range", "low above high", 2.0, E, None, None)],
                "high": number_variants(1.0, positive=False, zero=R)[:5],
            },
        ),
        Spec(
            "nnlesson.minmax_apply",
            lambda X, col_min, col_max: data.minmax_apply(X, col_min, col_max),
            {"X": X, "col_min": cm[0], "col_max": cm[1]},
            {
                "X": array_variants(X, shapes=plain_shapes),
                "col_min": [
                    ("wrong shape", "one column too many", np.zeros(3), E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("wrong dtype", "a list", cm[0].tolist(), R, cm[0], None),
                ],
            },
        ),
        Spec(
            "nnlesson.standardize",
            data.standardize,
            {"X": X},
            {"X": array_variants(X, shapes=plain_shapes)},
        ),
        Spec(
            "nnlesson.train_test_split",
            lambda X, Y, test_fraction, rng: data.train_test_split(X, Y, test_fraction, rng=rng),
            {"X": XOR_X, "Y": XOR_Y, "test_fraction": 0.25, "rng": 0},
            {
                "X": array_variants(XOR_X, shapes=X_SHAPES[:1]),
                "test_fraction": number_variants(0.25, upper=(1.0, E)),
                "rng": rng_variants(),
            },
        ),
        Spec(
            "nnlesson.data.moons",
            lambda n_samples, noise, rng: data.moons(n_samples, noise, rng=rng),
            {"n_samples": 20, "noise": 0.1, "rng": 0},
            {
                "n_samples": int_variants(20, minimum=2),
                "noise": number_variants(0.1, zero=R),
                "rng": rng_variants(),
            },
        ),
        Spec(
            "nnlesson.data.circles",
            lambda factor: data.circles(20, 0.05, factor, rng=0),
            {"factor": 0.5},
            {"factor": number_variants(0.5, upper=(1.0, E))},
        ),
        Spec(
            "nnlesson.batch_indices",
            lambda n_samples, batch_size, shuffle, rng, drop_last: data.batch_indices(
                n_samples, batch_size, shuffle=shuffle, rng=rng, drop_last=drop_last
            ),
            {"n_samples": 10, "batch_size": 3, "shuffle": True, "rng": 0, "drop_last": False},
            {
                "n_samples": int_variants(10),
                "batch_size": int_variants(3)
                + [("out of range", "larger than the data", 11, E, None, None)],
                "shuffle": bool_variants(True),
                "rng": rng_variants(),
                "drop_last": bool_variants(False),
            },
        ),
        Spec(
            "nnlesson.iterate_batches",
            lambda X, Y, rng: list(data.iterate_batches(X, Y, 2, rng=rng)),
            {"X": XOR_X, "Y": XOR_Y, "rng": 0},
            {
                "X": array_variants(XOR_X, shapes=X_SHAPES[:1]),
                "Y": array_variants(XOR_Y, shapes=Y_SHAPES[:1] + Y_SHAPES[2:])[:8],
                "rng": rng_variants(),
            },
        ),
        Spec(
            "nnlesson.last_batch_size",
            lambda n_samples, drop_last: data.last_batch_size(n_samples, 3, drop_last),
            {"n_samples": 10, "drop_last": False},
            {"n_samples": int_variants(10), "drop_last": bool_variants(False)},
        ),
        Spec(
            "nnlesson.batches_per_epoch",
            lambda drop_last: data.batches_per_epoch(10, 3, drop_last),
            {"drop_last": False},
            {"drop_last": bool_variants(False)},
        ),
        Spec(
            "nnlesson.total_iterations",
            lambda epochs: data.total_iterations(10, 3, epochs),
            {"epochs": 2},
            {"epochs": int_variants(2, minimum=0)},
        ),
        Spec(
            "nnlesson.one_hot",
            lambda labels, k: nl.one_hot(labels, k),
            {"labels": np.array([2, 0, 1]), "k": 3},
            {
                "labels": [
                    ("wrong dtype", "fractional labels", np.array([2.0, 0.5, 1.0]), E, None, None),
                    (
                        "wrong dtype",
                        "whole-number floats",
                        np.array([2.0, 0.0, 1.0]),
                        R,
                        np.array([2, 0, 1]),
                        None,
                    ),
                    ("wrong dtype", "strings", np.array(["2", "0", "1"]), E, None, None),
                    ("wrong dtype", "complex", np.array([2, 0, 1]) + 0j, E, None, None),
                    ("wrong shape", "a column of labels", np.array([[2], [0], [1]]), E, None, None),
                    ("empty", "no labels", np.array([], dtype=int), E, None, None),
                    ("out of range", "a label equal to k", np.array([3, 0, 1]), E, None, None),
                    ("non-finite", "a NaN", np.array([2.0, np.nan, 1.0]), E, None, None),
                    ("wrong type", "None", None, E, None, None),
                ],
                "k": int_variants(3),
            },
        ),
        Spec(
            "nnlesson.stratified_split",
            lambda X, labels, validation_fraction, rng: data.stratified_split(
                X, labels, validation_fraction, 0.25, rng=rng
            ),
            {"X": X8, "labels": labels, "validation_fraction": 0.25, "rng": 0},
            {
                "X": array_variants(
                    X8,
                    shapes=[
                        ("wrong shape", "a 1-D array", X8[:, 0], E),
                        ("wrong shape", "3 rows for 8 labels", X8[:3], E),
                    ],
                ),
                "validation_fraction": number_variants(0.25, zero=R, upper=(0.75, E)),
                "rng": rng_variants(),
            },
        ),
    ]


def gradcheck_specs() -> list[Spec]:
    x = np.array([1.0, -2.0, 3.0])

    def square(v):
        return float(np.sum(v * v))

    return [
        Spec(
            "nnlesson.numerical_gradient",
            lambda f, x, eps, order: gradcheck.numerical_gradient(f, x, eps, order=order),
            {"f": square, "x": x, "eps": 1e-6, "order": 2},
            {
                "f": [
                    ("wrong type", "a number, not a function", 3.0, E, None, None),
                    ("wrong type", "a function returning an array", lambda v: v * 2, E, None, None),
                    ("wrong type", "a function returning a string", lambda v: "L", E, None, None),
                ],
                "x": array_variants(
                    x,
                    shapes=[("wrong shape", "a 0-d number", np.float64(2.0), R)],
                    nan=R,
                    inf=R,
                    nan_check=non_finite_out,
                    inf_check=non_finite_out,
                ),
                "eps": number_variants(1e-6),
                "order": [
                    ("out of range", "order 3", 3, E, None, None),
                    ("wrong type", "a string", "4", E, None, None),
                ],
            },
        ),
        Spec(
            "nnlesson.gradient_check",
            lambda net, X, Y, loss, tolerance: (
                nl.gradient_check(net, X, Y, loss, tolerance=tolerance).passed
            ),
            {"net": fresh(lambda: net()), "X": XOR_X, "Y": XOR_Y, "loss": "mse", "tolerance": 1e-7},
            {
                "net": [
                    ("wrong type", "None", None, E, None, None),
                    ("wrong type", "a list of sizes", [2, 3, 1], E, None, None),
                ],
                "X": array_variants(XOR_X, shapes=X_SHAPES[:2], nan=E, inf=E)[:9],
                "Y": array_variants(XOR_Y, shapes=Y_SHAPES[:2], nan=E, inf=E)[:9],
                "loss": choice_variants("mse"),
                "tolerance": number_variants(1e-7, none=R),
            },
        ),
    ]


def ensemble_specs() -> list[Spec]:
    def ens():
        return Ensemble.random([2, 3, 1], 3, rng=0)

    return [
        Spec(
            "Ensemble.random",
            lambda sizes, k, activation, rng: Ensemble.random(sizes, k, activation, rng=rng).W,
            {"sizes": [2, 3, 1], "k": 3, "activation": "tanh", "rng": 0},
            {
                "sizes": [
                    ("wrong type", "a set", {2, 3, 1}, E, None, None),
                    ("wrong dtype", "a size given as 3.0", [2, 3.0, 1], E, None, None),
                    ("out of range", "a size 0", [2, 0, 1], E, None, None),
                    ("wrong type", "None", None, E, None, None),
                ],
                "k": int_variants(3),
                "activation": choice_variants("tanh"),
                "rng": rng_variants(),
            },
        ),
        Spec(
            "Ensemble.from_networks",
            lambda nets: Ensemble.from_networks(nets).k,
            {"nets": fresh(lambda: [net(), net()])},
            {
                "nets": [
                    ("wrong type", "a string first", ["net", net()], E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("empty", "no networks", [], E, None, None),
                    ("wrong type", "a single network", net(), E, None, None),
                ]
            },
        ),
        Spec(
            "Ensemble.forward",
            lambda X, e: e.forward(X),
            {"X": XOR_X, "e": fresh(ens)},
            {"X": array_variants(XOR_X, shapes=X_SHAPES[1:])[:14]},
        ),
        Spec(
            "Ensemble.network",
            lambda i, e: e.network(i),
            {"i": 1, "e": fresh(ens)},
            {"i": int_variants(1, minimum=0) + [("out of range", "k", 3, E, None, None)]},
        ),
        Spec(
            "Ensemble.train",
            lambda X, Y, epochs, lr, momentum, e: e.train(
                X, Y, epochs=epochs, lr=lr, momentum=momentum
            ),
            {"X": XOR_X, "Y": XOR_Y, "epochs": 2, "lr": 0.5, "momentum": 0.0, "e": fresh(ens)},
            {
                "X": array_variants(XOR_X, shapes=X_SHAPES[1:])[:12],
                "epochs": int_variants(2, minimum=0),
                "lr": number_variants(0.5),
                "momentum": number_variants(0.5, zero=R, upper=(1.0, E)),
            },
        ),
    ]


# ------------------------------------------------- stale state and call order
def stale_and_order_cases() -> list[Case]:
    cases: list[Case] = []

    def add(function, argument, klass, given, call, expect, **kw):
        cases.append(Case(function, argument, klass, given, call, expect, **kw))

    def backward_before_forward():
        return net().backward(np.ones((4, 1)))

    add(
        "Network.backward",
        "forward",
        "call order",
        "backward before any forward",
        backward_before_forward,
        E,
        names="forward",
    )
    add(
        "Network.gradients",
        "backward",
        "call order",
        "gradients before backward",
        lambda: net().gradients(),
        E,
    )
    add(
        "Network.gradient",
        "backward",
        "call order",
        "one weight's gradient before backward",
        lambda: net().gradient("w1"),
        E,
    )

    def trainer_data_changed():
        X = XOR_X.copy()
        trainer = nl.Trainer(net(), X, XOR_Y, rng=0)
        X[0, 0] = np.nan  # the learner's array, changed after the Trainer was made
        return trainer.run(3)

    add(
        "Trainer.run",
        "X",
        "stale state",
        "NaN written into X after the Trainer was made",
        trainer_data_changed,
        R,
        reference=lambda: nl.Trainer(net(), XOR_X, XOR_Y, rng=0).run(3),
    )

    def forward_then_change_input():
        network = net()
        X = XOR_X.copy()
        network.forward(X)
        X[:] = 5.0
        network.backward(np.ones((4, 1)))
        return network.gradients()

    def forward_then_backward():
        network = net()
        network.forward(XOR_X)
        network.backward(np.ones((4, 1)))
        return network.gradients()

    add(
        "Network.backward",
        "X",
        "stale state",
        "X changed between forward and backward",
        forward_then_change_input,
        R,
        reference=forward_then_backward,
    )

    def nan_weight_then_train():
        network = net()
        network.set_parameters({"W1": np.full((2, 3), np.nan)})
        return nl.train(network, XOR_X, XOR_Y, epochs=1)

    add(
        "nnlesson.train",
        "net",
        "non-finite",
        "a NaN weight set before training",
        nan_weight_then_train,
        E,
        names="W1",
    )

    add(
        "Network.set_weight",
        "value",
        "non-finite",
        "NaN",
        lambda: net().set_weight("w1", np.nan),
        E,
    )

    def trainer_weights_made_nan():
        trainer = nl.Trainer(net(), XOR_X, XOR_Y)
        trainer.step_batch()
        trainer.net.set_parameters({"W2": np.full((3, 1), np.inf)})
        return trainer.step_batch()  # the loss is inf before this step's update

    add(
        "Trainer.step_batch",
        "net",
        "stale state",
        "an infinite weight set between steps",
        trainer_weights_made_nan,
        E,
        names="W2",
    )

    def overflow_at_init():
        network = nl.Network.build([2, 3, 1], "relu", "identity", rng=0, scale=1e200)
        return nl.train(network, XOR_X * 1e200, XOR_Y, epochs=1)

    add(
        "nnlesson.train",
        "net",
        "out of range",
        "an overflow in the first forward pass",
        overflow_at_init,
        E,
        names="first",
    )

    def saturating_rate():
        network = nl.Network.build([2, 3, 1], rng=0)
        return nl.train(network, XOR_X, XOR_Y, epochs=3, optimizer=opt.GradientDescent(1e300))

    add(
        "nnlesson.train",
        "lr",
        "out of range",
        "lr = 1e300 on a sigmoid network",
        saturating_rate,
        E,
        names="learning rate",
    )

    def stopped_then_stepped():
        network = nl.Network([Dense(np.zeros((2, 1)), 0.0, "identity", train_bias=False)])
        X, y = data.seed_regression()
        trainer = nl.Trainer(
            network, X, y.reshape(-1, 1), optimizer=opt.GradientDescent(1.0), on_nonfinite="stop"
        )
        trainer.run(2000)
        return trainer.step_batch()

    add(
        "Trainer.step_batch",
        "stopped",
        "call order",
        "a step after training stopped",
        stopped_then_stepped,
        E,
    )

    def load_without_suffix():
        with tempfile.TemporaryDirectory() as tmp:
            path = str(Path(tmp) / "weights")
            network = net()
            network.save(path)  # numpy writes weights.npz
            return nl.Network.load(path).parameters(), network.parameters()

    add(
        "Network.load",
        "path",
        "call order",
        "load('x') after save('x') (which wrote x.npz)",
        load_without_suffix,
        R,
        check=lambda pair: same(pair[0], pair[1]),
    )

    def load_text_file():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "weights.npz"
            path.write_text("not weights")
            return nl.Network.load(path)

    add("Network.load", "path", "wrong type", "a text file", load_text_file, E, names="weights.npz")

    def load_pickled():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "weights.npy"
            np.save(path, np.array([{"W1": 1}], dtype=object), allow_pickle=True)
            return nl.Network.load(path)

    add(
        "Network.load",
        "path",
        "wrong dtype",
        "a pickled object array",
        load_pickled,
        E,
        names="weights.npy",
    )

    def load_huge():
        # a file whose header announces 16000 x 16000 weights (2 GB in float64) and holds
        # none of them: Network.load must refuse it from the header, before reading any data
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.npz"
            with zipfile.ZipFile(path, "w") as archive, archive.open("W1.npy", "w") as fh:
                header = {"descr": "<f8", "fortran_order": False, "shape": (16000, 16000)}
                np.lib.format.write_array_header_1_0(fh, header)
            return nl.Network.load(path)

    add(
        "Network.load",
        "path",
        "out of range",
        "a file announcing 256 million weights",
        load_huge,
        E,
        names="big.npz",
    )

    def save_into_missing_folder():
        with tempfile.TemporaryDirectory() as tmp:
            return net().save(Path(tmp) / "no such folder" / "weights.npz")

    add(
        "Network.save",
        "path",
        "out of range",
        "a folder that does not exist",
        save_into_missing_folder,
        E,
        names="no such folder",
    )

    def copy_is_independent():
        network = net()
        twin = network.copy()
        twin.set_weight("w1", 99.0)
        return network.weight("w1")

    add(
        "Network.copy",
        "net",
        "aliasing/mutation",
        "a copy's weight changed",
        copy_is_independent,
        R,
        reference=lambda: net().weight("w1"),
    )

    def parameters_then_train():
        network = net()
        before = {k: v.copy() for k, v in network.parameters().items()}
        held = network.parameters()  # the arrays themselves, as documented
        nl.train(network, XOR_X, XOR_Y, epochs=2)
        return held, before  # training replaces arrays, never writes into the held ones

    add(
        "Network.parameters",
        "net",
        "aliasing/mutation",
        "arrays held across training",
        parameters_then_train,
        R,
        check=lambda pair: same(pair[0], pair[1]),
    )

    add(
        "nnlesson.relative_error",
        "a",
        "wrong dtype",
        "complex",
        lambda: gradcheck.relative_error(np.ones(2) + 1j, np.ones(2)),
        E,
    )
    add(
        "nnlesson.relative_error",
        "b",
        "wrong shape",
        "of another shape",
        lambda: gradcheck.relative_error(np.ones(2), np.ones(3)),
        E,
    )

    add(
        "Network.weight",
        "name",
        "wrong type",
        "a number instead of 'w1'",
        lambda: net().weight(1),
        E,
    )
    add(
        "Network.set_weight",
        "value",
        "wrong type",
        "a string",
        lambda: net().set_weight("w1", "x"),
        E,
    )
    add(
        "Network.set_weight",
        "value",
        "wrong shape",
        "a list",
        lambda: net().set_weight("w1", [1, 2]),
        E,
    )
    add(
        "Network.set_weight",
        "value",
        "wrong dtype",
        "a complex number",
        lambda: net().set_weight("w1", 1 + 2j),
        E,
    )
    add(
        "Network.set_parameters",
        "params",
        "wrong type",
        "a list, not a dict",
        lambda: net().set_parameters([np.ones((2, 3))]),
        E,
    )
    add(
        "Network.set_parameters",
        "W1",
        "wrong dtype",
        "a complex array",
        lambda: net().set_parameters({"W1": np.ones((2, 3)) + 1j}),
        E,
    )
    add(
        "Network.set_parameters",
        "W1",
        "wrong type",
        "a string",
        lambda: net().set_parameters({"W1": "ones"}),
        E,
    )

    def set_ints():
        network = net()
        network.set_parameters({"W1": np.ones((2, 3), dtype=int)})
        return network.layers[0].W

    add(
        "Network.set_parameters",
        "W1",
        "wrong dtype",
        "an int array",
        set_ints,
        R,
        reference=lambda: np.ones((2, 3)),
    )

    def layers_replaced():
        network = net()
        network.layers[0] = Dense(np.ones((2, 3)))

    add(
        "Network.layers",
        "layers",
        "stale state",
        "a layer replaced in net.layers",
        layers_replaced,
        E,
        names="layers",
    )

    def float32_gradient_check():
        network = nl.Network.build([2, 3, 1], rng=0, dtype=np.float32)
        return nl.gradient_check(network, XOR_X, XOR_Y).passed

    add(
        "nnlesson.gradient_check",
        "net",
        "wrong dtype",
        "a right float32 network",
        float32_gradient_check,
        R,
        check=bool,
    )

    # aliasing: an answer that shares memory with an input is a trap for later cells
    cases += [
        mutation_case("nnlesson.identity", "z", lambda: (Z.copy(),), nl.identity),
        mutation_case("nnlesson.relu", "z", lambda: (Z.copy(),), nl.relu),
        mutation_case("nnlesson.sigmoid", "z", lambda: (Z.copy(),), nl.sigmoid),
        mutation_case("nnlesson.softmax", "z", lambda: (Z.copy(),), nl.softmax),
        mutation_case(
            "nnlesson.losses.mse_gradient",
            "Y_hat",
            lambda: (P.copy(), T.copy()),
            losses.mse_gradient,
        ),
        mutation_case("nnlesson.minmax_scale", "X", lambda: (XOR_X.copy(),), data.minmax_scale),
        mutation_case("nnlesson.standardize", "X", lambda: (XOR_X.copy(),), data.standardize),
        mutation_case(
            "nnlesson.train_test_split",
            "X",
            lambda: (XOR_X.copy(), XOR_Y.copy()),
            lambda X, Y: data.train_test_split(X, Y, rng=0),
        ),
        mutation_case(
            "nnlesson.minmax_apply",
            "X",
            lambda: (XOR_X.copy(), np.zeros(2), np.ones(2)),
            data.minmax_apply,
        ),
        mutation_case(
            "GradientDescent.step",
            "params",
            lambda: (copy.deepcopy(PARAMS), copy.deepcopy(GRADS)),
            lambda p, g: tuple(opt.GradientDescent(0.1).step(p, g, opt.GDState())[0].values()),
        ),
        mutation_case("Network.forward", "X", lambda: (XOR_X.copy(),), lambda X: net().forward(X)),
        mutation_case("Dense", "W", lambda: (np.ones((2, 3)),), lambda W: Dense(W).W),
    ]
    return cases


def widget_specs() -> list[Spec]:
    """The widgets' plain functions (the ones a notebook calls without a widget)."""
    from nnlesson import widgets

    pixels = np.linspace(0, 1, 64)
    Xd = np.tile(pixels, (3, 1))
    digits_net = fresh(lambda: nl.Network.build([64, 10], "sigmoid", "softmax", rng=0))
    return [
        Spec(
            "widgets.show_xor",
            lambda hiden: widgets.show_xor(hiden=hiden),
            {"hiden": 3},
            {"hiden": [("out of range", "a misspelt setting", 3, E, None, None)]},
            names={"hiden": "hiden"},
        ),
        Spec(
            "widgets.build_xor_trainer",
            lambda hidden, lr, batch_size: widgets.build_xor_trainer(
                widgets.XorSettings(hidden=hidden, lr=lr, batch_size=batch_size)
            ),
            {"hidden": 4, "lr": 0.05, "batch_size": 4},
            {
                "hidden": int_variants(4)[:4],
                "lr": number_variants(0.05)[:4],
                "batch_size": [("out of range", "5 for 4 points", 5, E, None, None)],
            },
        ),
        Spec(
            "widgets.corrupt_digit",
            lambda pixels, noise, erase: widgets.corrupt_digit(pixels, noise, erase),
            {"pixels": pixels, "noise": 0.1, "erase": 2},
            {
                "pixels": [
                    ("wrong shape", "a 7x7 image", np.ones(49), E, None, None),
                    ("wrong type", "None", None, E, None, None),
                ],
                "noise": number_variants(0.1, zero=R)[:4],
                "erase": int_variants(2, minimum=0)[:4],
            },
        ),
        Spec(
            "widgets.show_digit",
            lambda net, index: widgets.digit_readout(net, Xd, np.array([0, 1, 2]), index)[0],
            {"net": digits_net, "index": 1},
            {
                "net": [("wrong type", "None", None, E, None, None)],
                "index": int_variants(1, minimum=0)[:4]
                + [("out of range", "past the last image", 3, E, None, None)],
            },
        ),
        Spec(
            "widgets.probability_bars",
            lambda probabilities, width: widgets.probability_bars(probabilities, width),
            {"probabilities": np.full(10, 0.1), "width": 20},
            {
                "probabilities": [
                    ("out of range", "a value above 1", np.full(10, 2.0), E, None, None),
                    ("wrong shape", "a 2-D array", np.full((2, 10), 0.1), E, None, None),
                ],
                "width": int_variants(20)[:4],
            },
        ),
        Spec(
            "widgets.digit_png",
            lambda pixels, scale: widgets.digit_png(pixels, scale),
            {"pixels": pixels, "scale": 2},
            {
                "pixels": [("wrong shape", "a 7x7 image", np.ones(49), E, None, None)],
                "scale": int_variants(2)[:4],
            },
        ),
    ]


def worked_example_spec() -> Spec:
    return Spec(
        "nnlesson.worked_example_network",
        lambda train_bias: nl.worked_example_network(train_bias=train_bias),
        {"train_bias": False},
        {"train_bias": bool_variants(False)},
    )


def plot_specs() -> list[Spec]:
    """The plain plotting functions: a bad input is met at the entry, never inside matplotlib."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from nnlesson import plots

    def drawn(fn):
        def call(**kwargs):
            try:
                fn(**kwargs)
                return True
            finally:
                plt.close("all")

        return call

    curve = [0.5, 0.25, 0.125]
    pixels = np.tile(np.linspace(0, 1, 64), (4, 1))
    few = [
        ("wrong type", "None", None, E, None, None),
        ("wrong type", "a string", "abc", E, None, None),
        ("wrong dtype", "complex", np.ones((4, 64)) + 1j, E, None, None),
    ]
    return [
        Spec(
            "plots.plot_activations",
            drawn(lambda names, z: plots.plot_activations(names, z)),
            {"names": ["sigmoid"], "z": np.linspace(-1, 1, 5)},
            {
                "names": [
                    ("wrong type", "a single name as a string", "sigmoid", E, None, None),
                    ("out of range", "a misspelt name", ["sigmod"], E, None, None),
                ],
                "z": [
                    ("wrong shape", "a 2-D array", np.ones((2, 2)), E, None, None),
                    ("wrong dtype", "strings", ["a", "b"], E, None, None),
                    ("wrong dtype", "int64", np.arange(3), R, None, bool),
                ],
            },
        ),
        Spec(
            "plots.plot_loss",
            drawn(lambda losses: plots.plot_loss(losses)),
            {"losses": curve},
            {
                "losses": [
                    ("wrong type", "None", None, E, None, None),
                    ("wrong shape", "a 2-D array", np.ones((2, 2)), E, None, None),
                    ("wrong dtype", "a dict holding strings", {"a": ["x"]}, E, None, None),
                    ("wrong dtype", "a numpy array", np.array(curve), R, None, bool),
                ]
            },
        ),
        Spec(
            "plots.loss_history",
            drawn(lambda losses: plots.loss_history(losses)),
            {"losses": curve},
            {
                "losses": [
                    ("empty", "no losses", [], E, None, None),
                    ("wrong type", "None", None, E, None, None),
                    ("wrong dtype", "complex", np.array(curve) + 1j, E, None, None),
                ]
            },
        ),
        Spec(
            "plots.draw_network",
            drawn(lambda net, X: plots.draw_network(net, X)),
            {"net": fresh(lambda: nl.worked_example_network()), "X": [0.05, 0.1]},
            {
                "net": [("wrong type", "a list of sizes", [2, 2, 2], E, None, None)],
                "X": [
                    ("wrong shape", "3 inputs for 2", [1.0, 2.0, 3.0], E, None, None),
                    ("wrong dtype", "strings", ["a", "b"], E, None, None),
                ],
            },
        ),
        Spec(
            "plots.plot_decision_boundary",
            drawn(
                lambda predict, X, Y, resolution: plots.plot_decision_boundary(
                    predict, X, Y, resolution=resolution
                )
            ),
            {"predict": lambda P: P[:, 0], "X": XOR_X, "Y": XOR_Y, "resolution": 5},
            {
                "predict": [("wrong type", "a network's output array", np.ones(4), E, None, None)],
                "X": [
                    ("wrong shape", "3 columns", np.ones((4, 3)), E, None, None),
                    ("non-finite", "a NaN", _with(XOR_X, np.nan), E, None, None),
                ],
                "Y": [("wrong shape", "3 labels for 4 points", XOR_Y[:3], E, None, None)],
                "resolution": [
                    ("out of range", "1", 1, E, None, None),
                    ("wrong type", "a float", 5.0, E, None, None),
                ],
            },
        ),
        Spec(
            "plots.digit_grid",
            drawn(lambda X, labels: plots.digit_grid(X, labels, per_class=1)),
            {"X": pixels, "labels": np.array([0, 1, 2, 3])},
            {
                "X": few + [("wrong shape", "7x7 images", np.ones((4, 49)), E, None, None)],
                "labels": [
                    ("wrong shape", "3 labels for 4 images", np.array([0, 1, 2]), E, None, None)
                ],
            },
        ),
        Spec(
            "plots.confusion_matrix",
            drawn(lambda counts: plots.confusion_matrix(counts)),
            {"counts": np.eye(3, dtype=int)},
            {
                "counts": [
                    ("wrong shape", "not square", np.ones((2, 3), dtype=int), E, None, None),
                    ("out of range", "a negative count", -np.eye(2, dtype=int), E, None, None),
                    ("wrong type", "None", None, E, None, None),
                ]
            },
        ),
        Spec(
            "plots.first_layer_weights",
            drawn(lambda W, limit: plots.first_layer_weights(W, limit)),
            {"W": np.ones((64, 2)), "limit": 2},
            {
                "W": few[:2] + [("wrong shape", "49 rows", np.ones((49, 2)), E, None, None)],
                "limit": int_variants(2)[:3],
            },
        ),
        Spec(
            "plots.misclassified_digits",
            drawn(
                lambda probabilities: plots.misclassified_digits(
                    pixels, np.array([0, 1, 2, 3]), probabilities
                )
            ),
            {"probabilities": np.eye(4)},
            {
                "probabilities": [
                    ("wrong shape", "3 rows for 4 images", np.eye(4)[:3], E, None, None),
                    ("wrong type", "None", None, E, None, None),
                ]
            },
        ),
    ]


def catalogue() -> list[Case]:
    # the lessons' own figures and the optimizer races (tests/adversarial_figures.py)
    from adversarial_figures import figure_and_race_specs, race_cases

    specs = (
        plot_specs()
        + figure_and_race_specs()
        + activation_specs()
        + loss_specs()
        + network_specs()
        + optimizer_specs()
        + training_specs()
        + [trainer_run_spec(), worked_example_spec()]
        + widget_specs()
        + data_specs()
        + gradcheck_specs()
        + ensemble_specs()
    )
    return (
        [case for spec in specs for case in expand(spec)] + stale_and_order_cases() + race_cases()
    )


CATALOGUE = catalogue()


# ------------------------------------------------------------------ the table
def _clean(text: str) -> str:
    """A message as the docs show it: no temporary folders or memory addresses (they change
    from run to run), no table-breaking characters, at most 220 characters."""
    text = re.sub(r"/tmp/[^\s]*/", "", text)
    text = re.sub(r" at 0x[0-9a-fA-F]+", "", text)
    text = text.replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= 220 else text[:217] + "..."


def render_catalogue() -> list[str]:
    """The markdown section for docs/bad-inputs.md: counts, then every case."""
    outcomes = {}
    for case in CATALOGUE:
        outcomes[case.id] = OUTCOMES.get(case.id) or classify(case)
    kinds = ("clear error", "correct result", "documented warning")
    rows = [
        "## The adversarial catalogue",
        "",
        "Generated from `tests/adversarial.py` (issue 16): every public function called with "
        "each argument replaced, one at a time, by inputs of each class below, plus hand-written "
        "cases of stale state and call order. `tests/test_adversarial.py` checks each case: a "
        "clear error (raised inside nnlesson, naming the argument and a fix), a correct result "
        "(equal to the same call on float64 data, or to a value worked out by hand; inputs "
        "unchanged; no warning), or a documented warning. A figure's result is its picture read "
        "back (every line's points, every text, title, legend entry, bar and image), equal to "
        "what the same call on float64 data draws (`tests/adversarial_figures.py`). "
        "Silently wrong: 0.",
        "",
        f"{len(CATALOGUE)} cases over {len({c.function for c in CATALOGUE})} functions.",
        "",
        "| class | cases | clear error | correct result | documented warning |",
        "|---|---|---|---|---|",
    ]
    for klass in CLASSES:
        mine = [outcomes[c.id][0] for c in CATALOGUE if c.klass == klass]
        rows.append(
            f"| {klass} | {len(mine)} | " + " | ".join(str(mine.count(k)) for k in kinds) + " |"
        )
    every = [o[0] for o in outcomes.values()]
    rows.append(
        f"| **all** | {len(every)} | " + " | ".join(str(every.count(k)) for k in kinds) + " |"
    )
    rows += ["", "| function | cases | clear error | correct result |", "|---|---|---|---|"]
    functions = sorted({c.function for c in CATALOGUE})
    for function in functions:
        mine = [outcomes[c.id][0] for c in CATALOGUE if c.function == function]
        rows.append(
            f"| `{function}` | {len(mine)} | {mine.count(kinds[0])} | {mine.count(kinds[1])} |"
        )
    rows += [
        "",
        "### Every case",
        "",
        "| # | function | argument | class | given | outcome | what nnlesson says or returns |",
        "|---|---|---|---|---|---|---|",
    ]
    for k, case in enumerate(CATALOGUE, start=1):
        outcome, said = outcomes[case.id]
        rows.append(
            f"| {k} | `{case.function}` | {case.argument} | {case.klass} | {_clean(case.given)} | "
            f"{outcome} | {_clean(said)} |"
        )
    return rows
