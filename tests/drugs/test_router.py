"""GET /api/drugs and /api/drugs/{name} over a small real index."""

from __future__ import annotations

import httpx
import pytest


async def test_autocomplete_prefix(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs", params={"q": "simva"})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "simva"
    assert body["results"][0]["name"] == "simvastatin"
    assert body["results"][0]["has_label"] is True


async def test_autocomplete_limit(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs", params={"q": "s", "limit": 2})
    assert response.status_code == 200
    assert len(response.json()["results"]) <= 2


@pytest.mark.parametrize("params", [{"q": ""}, {"q": "x" * 101}, {"q": "simva", "limit": 0}, {"q": "a", "limit": 21}])
async def test_autocomplete_bounds(client: httpx.AsyncClient, params: dict[str, object]) -> None:
    response = await client.get("/api/drugs", params=params)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_autocomplete_rejects_blank_and_control_characters(client: httpx.AsyncClient) -> None:
    assert (await client.get("/api/drugs", params={"q": "   "})).status_code == 422
    assert (await client.get("/api/drugs", params={"q": "sim\x07va"})).status_code == 422


@pytest.mark.parametrize("name", ["simvastatin", "SIMVASTATIN", "Zocor", "simvastatin calcium", "simvastatn"])
async def test_drug_page_resolves_generic_brand_case_salt_and_misspelling(client: httpx.AsyncClient, name: str) -> None:
    response = await client.get(f"/api/drugs/{name}")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "simvastatin"
    assert body["has_label"] is True
    assert body["url"].endswith(body["set_id"])
    keys = [s["key"] for s in body["sections"]]
    assert keys[:2] == ["indications_and_usage", "dosage_and_administration"]  # label order
    assert all(s["text"] for s in body["sections"])


async def test_combination_brand(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs/Bactrim")
    assert response.status_code == 200
    assert response.json()["name"] == "sulfamethoxazole and trimethoprim"


async def test_drug_known_only_by_name(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs/lisinopril")
    assert response.status_code == 200
    body = response.json()
    assert body["has_label"] is False
    assert body["sections"] == []


async def test_unknown_drug_is_404_with_suggestions(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs/simvastatinzzzzzz")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "drug_not_found"
    assert any(s["name"] == "simvastatin" for s in error["details"]["suggestions"])


async def test_nonsense_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs/qqqqzzzzxxxx")
    assert response.status_code == 404
    assert isinstance(response.json()["error"]["details"]["suggestions"], list)


async def test_ambiguous_name_is_409_with_candidates(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs/sulfamethoxazole")
    # A single ingredient found in several products would be ambiguous; here it is one product.
    assert response.status_code in {200, 409}
    response = await client.get("/api/drugs/statin")
    assert response.status_code in {404, 409}
    if response.status_code == 409:
        assert response.json()["error"]["details"]["candidates"]


async def test_overlong_name_is_422(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/drugs/" + "x" * 200)
    assert response.status_code == 422
