"""Shared fixtures: the catalogue is loaded once per test session."""

from __future__ import annotations

import pytest

from spotlint.catalogue.load import Catalogue, load_catalogue
from spotlint.config import resolve_selection


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def all_codes(catalogue: Catalogue) -> frozenset[str]:
    return resolve_selection(catalogue)
