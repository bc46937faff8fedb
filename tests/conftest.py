"""Fixtures shared across test areas."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.index import build_small_index


@pytest.fixture(scope="session")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A label index of the default test drugs (real SQLite FTS5), built once per session."""
    return build_small_index(tmp_path_factory.mktemp("index")).path
