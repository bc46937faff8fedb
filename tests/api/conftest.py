"""Fixtures for the API tests: an app over the small test index and a fresh SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pharmabot.config import load_settings
from pharmabot.main import create_app


@pytest.fixture
def api(small_index: Path, tmp_path: Path) -> Iterator[TestClient]:
    settings = load_settings(index_path=small_index, sqlite_path=tmp_path / "state.sqlite")
    with TestClient(create_app(settings)) as test_client:
        yield test_client
