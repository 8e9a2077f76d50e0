"""The adversarial catalogue (issue 16, item 2): every case a clear error, a correct result or
a documented warning; none silently wrong. The cases live in ``tests/adversarial.py``; one
test per function keeps the run at a few seconds (a case that fails is named in the message).
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from adversarial import CATALOGUE, CLASSES, classify

pytestmark = pytest.mark.lesson00

BY_FUNCTION = defaultdict(list)
for _case in CATALOGUE:
    BY_FUNCTION[_case.function].append(_case)


@pytest.mark.parametrize("function", sorted(BY_FUNCTION))
def test_every_bad_input_is_answered_clearly(function):
    failures = []
    for case in BY_FUNCTION[function]:
        try:
            classify(case)
        except AssertionError as exc:
            failures.append(str(exc)[:300])
    assert not failures, f"{len(failures)} case(s) of {function}:\n" + "\n".join(failures)


def test_the_catalogue_is_large_and_covers_every_class():
    assert len(CATALOGUE) >= 150
    counts = Counter(case.klass for case in CATALOGUE)
    assert set(counts) == set(CLASSES), f"classes without a case: {set(CLASSES) - set(counts)}"


def _public_callables(module) -> dict[str, object]:
    """Public functions and public methods of public classes defined in ``module``."""
    import inspect

    found = {}
    for name, obj in vars(module).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != module.__name__:
            continue
        if inspect.isfunction(obj):
            found[name] = obj
        elif inspect.isclass(obj):
            for method, fn in vars(obj).items():
                if inspect.isfunction(fn) and (method == "__init__" or not method.startswith("_")):
                    found[f"{name}.{method}" if method != "__init__" else name] = fn
    return found


def test_every_plotting_function_checks_its_arguments_and_is_in_the_catalogue():
    """A new figure in plots.py needs an entry check in _plot_checks.py (one line at its top)
    and cases in the catalogue (tests/adversarial_figures.py)."""
    import inspect

    from nnlesson import plots

    in_catalogue = {case.function for case in CATALOGUE}
    unchecked, uncatalogued = [], []
    for name, fn in _public_callables(plots).items():
        if "_check." not in inspect.getsource(fn):
            unchecked.append(name)
        if f"plots.{name}" not in in_catalogue:
            uncatalogued.append(name)
    assert not unchecked, f"plots functions without an entry check: {unchecked}"
    assert not uncatalogued, f"plots functions without catalogue cases: {uncatalogued}"


def test_the_races_public_functions_check_their_arguments():
    import inspect

    from nnlesson import races

    public = ("problem_name", "make_optimizer", "run", "distances", "settle_step", "tune")
    public += ("race_table", "race", "show_race")
    unchecked = [n for n in public if "_check." not in inspect.getsource(getattr(races, n))]
    assert not unchecked, f"races functions without an entry check: {unchecked}"
    assert "_check." in inspect.getsource(races.RaceSettings.__post_init__)
    missing = {f"races.{n}" for n in public} - {case.function for case in CATALOGUE}
    assert not missing, f"races functions without catalogue cases: {sorted(missing)}"
