"""POST /api/search over a small real index."""

from __future__ import annotations

import httpx
import pytest


async def test_search_returns_cited_passages_for_the_named_drug(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/search", json={"query": "simvastatin side effects"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 3
    first = results[0]
    assert set(first) >= {"chunk", "drug_name", "score", "source", "label_section", "set_id", "effective_time", "url"}
    assert {r["drug_name"] for r in results} == {"simvastatin"}
    assert first["source"] == "local"
    assert first["label_section"] == "ADVERSE REACTIONS"
    assert first["url"].endswith(first["set_id"])
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True)


async def test_top_k_and_filters(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/search", json={"query": "muscle pain", "top_k": 5, "drug": "Zocor", "section": "drug_interactions"}
    )
    assert response.status_code == 200
    results = response.json()["results"]
    assert 1 <= len(results) <= 5
    assert all(r["drug_name"] == "simvastatin" and r["section_key"] == "drug_interactions" for r in results)


async def test_misspelled_drug_filter_resolves(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/search", json={"query": "dose", "drug": "simvastatn"})
    assert response.status_code == 200
    assert response.json()["results"][0]["drug_name"] == "simvastatin"


async def test_unknown_drug_filter_is_404_with_suggestions(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/search", json={"query": "dose", "drug": "qqqqzzzz"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "drug_not_found"
    assert "suggestions" in response.json()["error"]["details"]


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"query": ""}, "query"),
        ({"query": "     "}, "query"),
        ({"query": "   a  "}, "query"),
        ({"query": "side\x00 effects"}, "control characters"),
        ({"query": "side\x1b[2J effects"}, "control characters"),
        ({"query": "x" * 10_000}, "query"),
        ({"query": "side effects", "section": "gossip"}, "unknown label section"),
        ({"query": "side effects", "top_k": 0}, "top_k"),
        ({"query": "side effects", "top_k": 11}, "top_k"),
        ({"query": "side effects", "top_k": "many"}, "top_k"),
        ({"top_k": 3}, "query"),
    ],
)
async def test_bad_input_is_422_with_a_clear_message(
    client: httpx.AsyncClient, body: dict[str, object], fragment: str
) -> None:
    response = await client.post("/api/search", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert fragment in str(error["details"])
    assert "x" * 400 not in response.text  # the input is not echoed back


async def test_section_given_as_heading_is_accepted(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/search", json={"query": "warfarin bleeding", "section": "Boxed Warning"})
    assert response.status_code == 200
    assert all(r["section_key"] == "boxed_warning" for r in response.json()["results"])


async def test_query_with_no_match_returns_empty_results(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/search", json={"query": "zzqxv wqqpz"})
    assert response.status_code == 200
    assert response.json() == {"results": []}


async def test_health_reports_the_retriever(client: httpx.AsyncClient) -> None:
    checks = (await client.get("/health")).json()["checks"]
    assert checks["retriever"]["status"] == "ok"
    assert checks["retriever"]["backend"] == "local"
