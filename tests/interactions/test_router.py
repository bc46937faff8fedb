"""`POST /api/interactions` through the real app (lifespan, error handlers), engine from a small label set."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from pharmabot.interactions.engine import InteractionEngine
from tests.support.fixtures import asgi_client


@pytest.fixture
async def client(started_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """The app as served: its engine reads the (small) index's interaction tables."""
    assert isinstance(started_app.state.services.interactions, InteractionEngine)
    async with asgi_client(started_app) as http:
        yield http


@pytest.fixture
async def bare_client(started_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An app whose index has no interaction tables (an old index): the route must say so."""
    started_app.state.services.interactions = None
    async with asgi_client(started_app) as http:
        yield http


async def test_check_returns_sorted_report(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/interactions", json={"drugs": ["Zocor", "Biaxin", "warfarin"]})
    assert response.status_code == 200
    body = response.json()
    assert [d["input"] for d in body["resolved"]] == ["Zocor", "Biaxin", "warfarin"]
    assert body["interactions"][0]["severity"] == "contraindicated"
    assert body["interactions"][0]["evidence"][0]["url"].startswith("https://dailymed.nlm.nih.gov/")
    assert "not proof" in body["disclaimer"]
    assert body["sources_checked"]


async def test_professional_audience(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/interactions?audience=professional", json={"drugs": ["simvastatin", "clarithromycin"]}
    )
    assert response.status_code == 200
    assert response.json()["audience"] == "professional"


@pytest.mark.parametrize(
    "drugs", [["warfarin"], [f"drug{i}" for i in range(21)], [], ["warfarin", ""], ["warfarin", "x" * 101]]
)
async def test_bad_lists_get_422(client: httpx.AsyncClient, drugs: list[str]) -> None:
    response = await client.post("/api/interactions", json={"drugs": drugs})
    assert response.status_code == 422
    assert response.json()["error"]["code"]


async def test_unknown_names_give_partial_results(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/interactions", json={"drugs": ["warfarin", "warfarin", "notadrugzz"]})
    assert response.status_code == 200
    body = response.json()
    assert {u["status"] for u in body["unresolved"]} == {"duplicate", "unknown"}
    assert body["interactions"] == []


async def test_missing_engine_is_a_clear_503(bare_client: httpx.AsyncClient) -> None:
    response = await bare_client.post("/api/interactions", json={"drugs": ["warfarin", "ibuprofen"]})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "interactions_unavailable"
