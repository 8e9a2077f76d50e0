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
