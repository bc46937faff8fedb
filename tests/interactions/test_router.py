"""`POST /api/interactions` through the real app (lifespan, error handlers), engine from a small label set."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from pharmabot.config import load_settings
from pharmabot.interactions.engine import InteractionEngine
from tests.support.fixtures import app_client, asgi_client


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


async def _check(client: httpx.AsyncClient, *drugs: str) -> dict[str, Any]:
    response = await client.post("/api/interactions", json={"drugs": list(drugs)})
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


async def test_alcohol_with_warfarin_is_the_class_rule_not_none_found(client: httpx.AsyncClient) -> None:
    body = await _check(client, "warfarin", "alcohol")
    (hit,) = body["interactions"]
    assert hit["drugs"] == ["warfarin", "alcohol"]
    assert hit["severity"] == "moderate"
    assert "bleeding" in hit["summary"]
    assert any("NIAAA" in r["source"] for r in hit["rules"])


async def test_alcohol_typed_as_a_drink_quotes_the_medicines_alcohol_sentence(client: httpx.AsyncClient) -> None:
    body = await _check(client, "ibuprofen", "wine")
    assert [d["drug"] for d in body["resolved"]] == ["ibuprofen", "alcohol"]
    (hit,) = body["interactions"]
    assert hit["severity"] == "moderate"
    assert "alcoholic drinks" in hit["evidence"][0]["quote"]
    assert hit["evidence"][0]["label_drug"] == "ibuprofen"
    # Quoted once, as the pair's evidence, not again as a food note.
    assert not [n for n in body["food_notes"] if n["kind"] == "alcohol"]


@pytest.mark.parametrize(("typed", "mineral"), [("ferrous sulfate", "iron"), ("Ferrous Gluconate", "iron")])
async def test_an_iron_salt_is_iron_and_binds_levothyroxine(
    client: httpx.AsyncClient, typed: str, mineral: str
) -> None:
    body = await _check(client, "levothyroxine", typed)
    assert [d["drug"] for d in body["resolved"]] == ["levothyroxine", mineral]
    (hit,) = body["interactions"]
    assert hit["severity"] in ("moderate", "major")
    assert "absorption" in hit["summary"]


async def test_zinc_oxide_is_zinc_and_binds_ciprofloxacin(client: httpx.AsyncClient) -> None:
    body = await _check(client, "ciprofloxacin", "zinc oxide")
    assert [d["drug"] for d in body["resolved"]] == ["ciprofloxacin", "zinc"]
    (hit,) = body["interactions"]
    assert "absorption" in hit["summary"]


@pytest.fixture(scope="module")
def doxycycline_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.support.index import build_small_index

    return build_small_index(tmp_path_factory.mktemp("doxycycline"), ("doxycycline",)).path


@pytest.mark.parametrize("other", ["magnesium", "calcium carbonate", "iron"])
async def test_tetracycline_with_no_label_is_spoken_for_by_the_doxycycline_class_statement(
    doxycycline_index: Path, tmp_path: Path, other: str
) -> None:
    settings = load_settings(index_path=doxycycline_index, sqlite_path=tmp_path / "state.sqlite")
    async with app_client(settings) as http:
        body = await _check(http, "tetracycline", other)
    (hit,) = body["interactions"]
    first = hit["evidence"][0]
    assert (first["label_drug"], first["kind"]) == ("doxycycline", "class_statement")
    assert "tetracyclines" in first["quote"]
    assert "which says it of tetracyclines as a class" in hit["summary"]
