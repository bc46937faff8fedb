"""`POST /api/interactions` through the real app (lifespan, error handlers), engine from a small label set."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from pharmabot.config import load_settings
from pharmabot.interactions.engine import InteractionEngine
from tests.support.fixtures import app_client, asgi_client, check_interactions


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


async def test_alcohol_with_warfarin_is_the_class_rule_not_none_found(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "warfarin", "alcohol")
    (hit,) = body["interactions"]
    assert hit["drugs"] == ["warfarin", "alcohol"]
    assert hit["severity"] == "moderate"
    assert "bleeding" in hit["summary"]
    assert any("NIAAA" in r["source"] for r in hit["rules"])


async def test_alcohol_typed_as_a_drink_quotes_the_medicines_alcohol_sentence(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "ibuprofen", "wine")
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
    body = await check_interactions(client, "levothyroxine", typed)
    assert [d["drug"] for d in body["resolved"]] == ["levothyroxine", mineral]
    (hit,) = body["interactions"]
    assert hit["severity"] in ("moderate", "major")
    assert "absorption" in hit["summary"]


async def test_zinc_oxide_is_zinc_and_binds_ciprofloxacin(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "ciprofloxacin", "zinc oxide")
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
        body = await check_interactions(http, "tetracycline", other)
    (hit,) = body["interactions"]
    first = hit["evidence"][0]
    assert (first["label_drug"], first["kind"]) == ("doxycycline", "class_statement")
    assert "tetracyclines" in first["quote"]
    assert "which says it of tetracyclines as a class" in hit["summary"]


# --- everyday names, rule-only advice, the first quote, suggestions, NSAIDs with blood pressure medicines ---------


@pytest.mark.parametrize(
    ("typed", "drug"),
    [
        ("Tums", "calcium carbonate"),
        ("rolaids", "calcium carbonate and magnesium hydroxide"),
        ("Maalox", "aluminum hydroxide and magnesium hydroxide and simethicone"),
        ("milk of magnesia", "magnesium hydroxide"),
        ("Pepto-Bismol", "bismuth subsalicylate"),
        ("pepto", "bismuth subsalicylate"),
        ("baby aspirin", "aspirin"),
        ("Excedrin", "acetaminophen and aspirin and caffeine"),
        ("NyQuil", "acetaminophen and dextromethorphan and doxylamine"),
        ("tylenol", "acetaminophen"),
        ("Aleve", "naproxen"),
        ("antacid", "antacids"),
        ("Antacids", "antacids"),
    ],
)
async def test_everyday_otc_names_resolve_to_their_drug_facts_ingredients(
    client: httpx.AsyncClient, typed: str, drug: str
) -> None:
    body = await check_interactions(client, "warfarin", typed)
    assert [d["drug"] for d in body["resolved"]] == ["warfarin", drug]
    assert body["unresolved"] == []


@pytest.mark.parametrize("binder", ["tums", "antacid", "Maalox", "milk of magnesia"])
@pytest.mark.parametrize("drug", ["ciprofloxacin", "levothyroxine"])
async def test_antacids_typed_by_brand_or_as_the_class_bind_quinolones_and_levothyroxine(
    client: httpx.AsyncClient, drug: str, binder: str
) -> None:
    body = await check_interactions(client, drug, binder)
    (hit,) = body["interactions"]
    assert hit["severity"] in ("moderate", "major")
    first = hit["evidence"][0]
    assert first["label_drug"] == drug
    assert "antacid" in first["quote"].lower() or "calcium" in first["quote"].lower()


async def test_the_antacid_class_has_no_label_and_says_so(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "ciprofloxacin", "antacid")
    assert body["resolved"][1]["has_label"] is False
    assert any("No FDA label for antacids" in s["name"] for s in body["sources_checked"])


@pytest.mark.parametrize(("otc", "severity"), [("baby aspirin", "major"), ("advil", "major"), ("aleve", "major")])
async def test_warfarin_with_everyday_pain_relievers(client: httpx.AsyncClient, otc: str, severity: str) -> None:
    body = await check_interactions(client, "warfarin", otc)
    (hit,) = body["interactions"]
    assert hit["severity"] == severity
    assert "bleeding" in hit["summary"]


async def test_warfarin_with_tylenol_is_found_never_silent(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "warfarin", "tylenol")
    (hit,) = body["interactions"]
    assert hit["drugs"] == ["warfarin", "acetaminophen"]


async def test_a_rule_only_finding_names_the_rule_and_its_source_not_a_label(client: httpx.AsyncClient) -> None:
    # Neither lisinopril nor potassium chloride has a label in the small index: only the class rule speaks.
    body = await check_interactions(client, "lisinopril", "potassium chloride")
    (hit,) = body["interactions"]
    assert hit["evidence"] == [] or all(e["kind"] == "drug_property" for e in hit["evidence"])
    assert "The label says" not in hit["management"]
    assert "No label here states this interaction" in hit["management"]
    assert hit["rules"][0]["source"].split(";")[0] in hit["management"]


async def test_a_finding_with_a_label_sentence_keeps_the_label_advice(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "simvastatin", "clarithromycin")
    (hit,) = body["interactions"]
    assert hit["management"].startswith("The label says")


@pytest.mark.parametrize("audience", ["consumer", "professional"])
async def test_the_summary_names_the_label_of_the_first_quote(client: httpx.AsyncClient, audience: str) -> None:
    response = await client.post(
        f"/api/interactions?audience={audience}", json={"drugs": ["warfarin", "ibuprofen", "sertraline"]}
    )
    body = response.json()
    assert len(body["interactions"]) == 3
    for hit in body["interactions"]:
        first = hit["evidence"][0]
        assert f"the {first['label_drug']} label ({first['section_title'].lower()})" in hit["summary"]


async def test_gibberish_gets_no_suggestions(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "zzqq", "xxyy")
    assert [(u["input"], u["suggestions"]) for u in body["unresolved"]] == [("zzqq", []), ("xxyy", [])]


@pytest.mark.parametrize(
    ("typed", "drug"),
    [
        ("ibuprofin", "ibuprofen"),
        ("metforman", "metformin"),
        ("lisinoprl", "lisinopril"),
        ("atorvastatn", "atorvastatin"),
        ("amoxicilin", "amoxicillin"),
        ("zolft", "sertraline"),
    ],
)
async def test_real_misspellings_still_resolve(client: httpx.AsyncClient, typed: str, drug: str) -> None:
    body = await check_interactions(client, "warfarin", typed)
    assert body["resolved"][1]["drug"] == drug


@pytest.mark.parametrize(
    ("typed", "drug"), [("wrfrn", "warfarin"), ("amldpn", "amlodipine"), ("simvstn", "simvastatin")]
)
async def test_a_misspelling_too_far_to_resolve_is_still_suggested(
    client: httpx.AsyncClient, typed: str, drug: str
) -> None:
    body = await check_interactions(client, "ibuprofen", typed)
    (unknown,) = body["unresolved"]
    assert unknown["status"] == "unknown"
    assert unknown["suggestions"][0] == drug


@pytest.mark.parametrize("other", ["lisinopril", "losartan", "metoprolol", "hydrochlorothiazide", "furosemide"])
async def test_nsaids_with_blood_pressure_medicines_and_diuretics_are_moderate_per_nsaid_class_labeling(
    client: httpx.AsyncClient, other: str
) -> None:
    body = await check_interactions(client, "ibuprofen", other)
    (hit,) = body["interactions"]
    # The ONC non-interruptive listing (minor) of some of these pairs is a floor, not a cap; the ibuprofen label's
    # own diuretic sentences may rate a diuretic pair higher still.
    assert hit["severity"] in ("moderate", "major")
    assert any("NSAID class labeling" in r["source"] for r in hit["rules"])
    if other in ("lisinopril", "losartan"):
        assert hit["severity"] == "moderate"
        assert "work less well" in hit["summary"]
