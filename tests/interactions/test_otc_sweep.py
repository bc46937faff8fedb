"""Everyday OTC combinations through `POST /api/interactions` (the real app, lifespan and error handlers) and the
command line's rendering.

The app's engine is built from the real shipped labels of a few drugs (the OTC ones come from the extra label file).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.extract import food_items
from pharmabot.interactions.knowledge import InteractionKnowledge
from pharmabot.interactions.report import render_table
from pharmabot.knowledge.labels import LabelRecord, shipped_data_path
from pharmabot.knowledge.names import DrugCatalog, read_orange_book
from tests.support.fixtures import asgi_client, check_interactions
from tests.support.labels import _key

DRUGS = (
    "diphenhydramine",
    "cetirizine",
    "pseudoephedrine",
    "phenelzine",
    "amlodipine",
    "zolpidem",
    "allopurinol",
    "azathioprine",
)


@pytest.fixture(scope="module")
def engine() -> InteractionEngine:
    raws: list[dict[str, Any]] = []
    for name in ("labels/openfda-labels.jsonl.gz", "labels/openfda-labels-extra.jsonl.gz"):
        with gzip.open(shipped_data_path(name), "rt", encoding="utf-8") as handle:
            raws.extend(r for line in handle if line.strip() and _key(r := json.loads(line)) in DRUGS)
    labels = [LabelRecord.from_openfda(raw) for raw in raws]
    catalog = DrugCatalog.from_labels(
        labels, orange_book=read_orange_book(shipped_data_path("names/orange_book_products.tsv.gz"))
    )
    return InteractionEngine(knowledge=InteractionKnowledge.from_labels(labels, catalog), catalog=catalog)


@pytest.fixture
async def client(started_app: FastAPI, engine: InteractionEngine) -> AsyncIterator[httpx.AsyncClient]:
    """The app as served, its interaction service the engine over these drugs' labels."""
    started_app.state.services.interactions = engine
    async with asgi_client(started_app) as http:
        yield http


async def test_a_class_named_in_the_quote_is_said_to_be_a_class_not_the_drug(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "benadryl", "zyrtec")
    (hit,) = body["interactions"]
    first = hit["evidence"][0]
    assert "diphenhydramine" not in first["quote"].lower()
    assert "a class that includes diphenhydramine" in hit["summary"]
    assert "mentions diphenhydramine together" not in hit["summary"]


@pytest.mark.parametrize("other", ["cetirizine", "zolpidem"])
async def test_a_sedating_antihistamine_with_another_depressant_is_at_least_moderate(
    client: httpx.AsyncClient, other: str
) -> None:
    (hit,) = (await check_interactions(client, "diphenhydramine", other))["interactions"]
    assert hit["severity"] in ("moderate", "major")


async def test_two_products_with_the_same_ingredient_are_a_duplication(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "benadryl", "zzzquil")
    (dup,) = [d for d in body["duplications"] if "same active ingredient" in d["drug_class"]]
    assert dup["drugs"] == ["benadryl", "zzzquil"]
    assert dup["note"].startswith("benadryl and zzzquil both contain diphenhydramine.")
    assert "diphenhydramine" in dup["note"]
    assert "stop" not in dup["note"].lower()


@pytest.mark.parametrize("bp", ["lisinopril", "amlodipine", "metoprolol"])
async def test_a_decongestant_with_a_blood_pressure_medicine_is_moderate_not_none_found(
    client: httpx.AsyncClient, bp: str
) -> None:
    (hit,) = (await check_interactions(client, "sudafed", bp))["interactions"]
    assert hit["severity"] == "moderate"
    assert any("341.80" in r["source"] for r in hit["rules"])


async def test_a_decongestant_with_an_maoi_is_contraindicated(client: httpx.AsyncClient) -> None:
    (hit,) = (await check_interactions(client, "pseudoephedrine", "phenelzine"))["interactions"]
    assert hit["severity"] == "contraindicated"


async def test_a_drug_facts_alcohol_note_quotes_only_the_alcohol_items(client: httpx.AsyncClient) -> None:
    notes = [
        n
        for n in (await check_interactions(client, "cetirizine", "amlodipine"))["food_notes"]
        if n["kind"] == "alcohol"
    ]
    (note,) = notes
    assert "alcohol" in note["quote"].lower()
    assert "driving" not in note["quote"]
    assert "Stop use" not in note["quote"]


def test_drug_facts_items_cut_at_headings_and_bullets() -> None:
    text = (
        "When using this product drowsiness may occur avoid alcoholic drinks alcohol, sedatives, and tranquilizers "
        "may increase drowsiness be careful when driving a motor vehicle Stop use and ask a doctor if an allergic "
        "reaction occurs"
    )
    assert food_items(text, "alcohol") == (
        "When using this product: avoid alcoholic drinks; alcohol, sedatives, and tranquilizers may increase "
        "drowsiness."
    )
    assert food_items("Warnings ■ do not drink alcohol ■ may cause drowsiness", "alcohol") == (
        "Warnings: do not drink alcohol."
    )
    assert food_items("Alcohol may add to the effect of this drug.", "alcohol") is None
    # The liver warning's lead-in and items (21 CFR 201.326), before the next heading.
    liver = (
        "Severe liver damage may occur if you take more than 4,000 mg of acetaminophen in 24 hours with other drugs "
        "containing acetaminophen 3 or more alcoholic drinks every day while using this product Allergy alert: "
        "Acetaminophen may cause severe skin reactions."
    )
    assert food_items(liver, "alcohol") == (
        "Severe liver damage may occur if you take: 3 or more alcoholic drinks every day while using this product."
    )
    # Nothing to cut: one item under one heading, or a prescription label's cross-reference, is quoted as it is.
    assert food_items("Do not use with alcohol.", "alcohol") is None
    assert food_items("See Warnings and Precautions for interaction with CNS drugs and alcohol.", "alcohol") is None


def test_an_undated_label_prints_undated_in_the_sources(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["diphenhydramine", "cetirizine"])
    assert any(s.effective_time is None for s in report.sources_checked if s.kind == "label")
    text = render_table(report)
    assert "(None," not in text
    assert "(undated, https://" in text


@pytest.mark.parametrize("antihistamine", ["diphenhydramine", "cetirizine"])
async def test_alcohol_with_a_sedating_antihistamine_is_rated_alike_whatever_the_label_kept(
    client: httpx.AsyncClient, antihistamine: str
) -> None:
    # Both Drug Facts say "avoid alcoholic drinks" (21 CFR 341.72); the diphenhydramine label here lost that panel.
    (hit,) = (await check_interactions(client, antihistamine, "alcohol"))["interactions"]
    assert hit["severity"] == "major"
    assert "drowsiness" in hit["mechanism"]


async def test_a_dose_cut_to_a_fraction_written_as_numbers_is_major(client: httpx.AsyncClient) -> None:
    (hit,) = (await check_interactions(client, "allopurinol", "azathioprine"))["interactions"]
    assert hit["severity"] == "major"
    cut = [e for e in hit["evidence"] if "1/3 to 1/4" in e["quote"]]
    assert cut
    assert cut[0]["severity"] == "major"
    # "in the presence of impaired renal function" says who needs care, not what the combination does.
    assert "kidney" not in (hit["mechanism"] or "")
