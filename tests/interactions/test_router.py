"""`POST /api/interactions` through the real app (lifespan, error handlers), engine from a small label set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pharmabot.config import Settings
from pharmabot.interactions.engine import InteractionEngine
from pharmabot.main import create_app


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    """The app as served: its engine is loaded at start-up from the (small) index's interaction tables."""
    app = create_app(Settings(sqlite_path=tmp_path / "state.sqlite"))
    with TestClient(app) as test_client:
        assert isinstance(app.state.services.interactions, InteractionEngine)
        yield test_client


@pytest.fixture
def bare_client(tmp_path: Path) -> Iterator[TestClient]:
    """An app whose index has no interaction tables (an old index): the route must say so."""
    app = create_app(Settings(sqlite_path=tmp_path / "state.sqlite"))
    with TestClient(app) as test_client:
        app.state.services.interactions = None
        yield test_client


def test_check_returns_sorted_report(client: TestClient) -> None:
    response = client.post("/api/interactions", json={"drugs": ["Zocor", "Biaxin", "warfarin"]})
    assert response.status_code == 200
    body = response.json()
    assert [d["input"] for d in body["resolved"]] == ["Zocor", "Biaxin", "warfarin"]
    assert body["interactions"][0]["severity"] == "contraindicated"
    assert body["interactions"][0]["evidence"][0]["url"].startswith("https://dailymed.nlm.nih.gov/")
    assert "not proof" in body["disclaimer"]
    assert body["sources_checked"]


def test_professional_audience(client: TestClient) -> None:
    response = client.post("/api/interactions?audience=professional", json={"drugs": ["simvastatin", "clarithromycin"]})
    assert response.status_code == 200
    assert response.json()["audience"] == "professional"


@pytest.mark.parametrize(
    "drugs", [["warfarin"], [f"drug{i}" for i in range(21)], [], ["warfarin", ""], ["warfarin", "x" * 101]]
)
def test_bad_lists_get_422(client: TestClient, drugs: list[str]) -> None:
    response = client.post("/api/interactions", json={"drugs": drugs})
    assert response.status_code == 422
    assert response.json()["error"]["code"]


def test_unknown_names_give_partial_results(client: TestClient) -> None:
    response = client.post("/api/interactions", json={"drugs": ["warfarin", "warfarin", "notadrugzz"]})
    assert response.status_code == 200
    body = response.json()
    assert {u["status"] for u in body["unresolved"]} == {"duplicate", "unknown"}
    assert body["interactions"] == []


def test_missing_engine_is_a_clear_503(bare_client: TestClient) -> None:
    response = bare_client.post("/api/interactions", json={"drugs": ["warfarin", "ibuprofen"]})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "interactions_unavailable"
