"""Shared fixtures. Tests are tagged with the lesson they serve: `pytest -m lesson03`."""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(12345)
