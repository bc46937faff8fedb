"""Fixtures for the API tests: an app over the small test index and a fresh SQLite store, and a small
interaction engine built from the shipped labels of the test drugs (never the full corpus)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pharmabot.config import load_settings
from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.knowledge import InteractionKnowledge
from pharmabot.main import create_app
from tests.support.labels import DEFAULT_TEST_DRUGS, catalog_for, labels_for


@pytest.fixture
def api(small_index: Path, tmp_path: Path) -> Iterator[TestClient]:
    settings = load_settings(index_path=small_index, sqlite_path=tmp_path / "state.sqlite")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def knowledge() -> InteractionKnowledge:
    return InteractionKnowledge.from_labels(labels_for(DEFAULT_TEST_DRUGS), catalog_for(DEFAULT_TEST_DRUGS))


@pytest.fixture(scope="session")
def engine(knowledge: InteractionKnowledge) -> InteractionEngine:
    return InteractionEngine(knowledge=knowledge, catalog=catalog_for(DEFAULT_TEST_DRUGS))
