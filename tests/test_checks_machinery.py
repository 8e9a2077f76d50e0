"""verify_machinery (issue 16, item 3): a hidden test, run before grading, sees a checking
machinery changed from the notebook: monkeypatched checks, rebound numpy helpers, shadowed
check names, patched lesson helpers and methods. A fresh copy loaded from disk does the
checking, so replacing verify_machinery itself does not help either."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

import nnlesson
import nnlesson.activations
import nnlesson.checks as checks
from nnlesson.network import Network

pytestmark = pytest.mark.lesson00


def pristine():
    """What a hidden test cell does: load checks.py afresh from the installed package."""
    spec = importlib.util.spec_from_file_location(
        "pristine_checks", Path(nnlesson.__file__).with_name("checks.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_untouched_machinery_passes(capsys):
    pristine().verify_machinery({"check_function": checks.check_function})
    assert "✔ the checking machinery is the original" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("what", "target", "attr", "fake"),
    [
        ("check_function always passes", checks, "check_function", lambda *a, **k: None),
        ("check_close always passes", checks, "check_close", lambda *a, **k: None),
        ("the comparison is rebound", checks, "_compare", lambda *a, **k: None),
        (
            "the bound np.isclose is rebound",
            checks,
            "_isclose",
            lambda a, b, **k: np.ones_like(a, bool),
        ),
        ("a lesson helper is shadowed", nnlesson.activations, "sigmoid", lambda z: z),
        ("a method is patched", Network, "forward", lambda self, X: X),
        ("verify_machinery itself is replaced", checks, "verify_machinery", lambda *a: None),
    ],
)
def test_a_changed_machinery_is_seen(monkeypatch, what, target, attr, fake):
    monkeypatch.setattr(target, attr, fake)
    with pytest.raises(AssertionError, match="cannot be graded"):
        pristine().verify_machinery({})


def test_a_check_name_rebound_in_the_notebook_is_seen():
    notebook = {"check_function": lambda *a, **k: print("✔ right")}
    with pytest.raises(AssertionError, match="check_function in the notebook"):
        pristine().verify_machinery(notebook)
