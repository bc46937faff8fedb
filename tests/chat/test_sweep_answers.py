"""Classes of consumer question a sweep of the chat found answered wrongly, asked over `POST /api/chat`.

The app runs in-process over the small label index (real SQLite FTS5), the real interaction engine and store,
with the extractive writer; each test asks as a user would and reads the streamed answer.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pharmabot.answer.drug_facts import ChildQuestion, age_range, read_child_question
from pharmabot.answer.poison_help import POISON_HELP, correct_poison_numbers, wrong_poison_number
from pharmabot.chat.name_questions import NOT_IN_LABELS
from pharmabot.chat.otc_choices import REFERRAL
from pharmabot.config import load_settings
from pharmabot.schemas.chat import parse_sse
from tests.support.fixtures import app_client
from tests.support.index import build_small_index

RATE_LIMITS = "chat=1000/minute,chat=10000/day,session=1000/minute,session=10000/day"


# OTC labels with Drug Facts, for the questions about children and everyday remedies.
OTC_DRUGS = ("diphenhydramine", "acetaminophen", "ibuprofen", "naproxen", "warfarin", "levothyroxine")


@pytest.fixture(scope="module")
def otc_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_index(tmp_path_factory.mktemp("otc-index"), OTC_DRUGS, extra=True).path


@pytest.fixture
async def otc_http(tmp_path: Path, otc_index: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = load_settings(sqlite_path=tmp_path / "state.sqlite", index_path=otc_index, rate_limits=RATE_LIMITS)
    async with app_client(settings) as client:
        yield client


@pytest.fixture
async def http(tmp_path: Path, small_index: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = load_settings(sqlite_path=tmp_path / "state.sqlite", index_path=small_index, rate_limits=RATE_LIMITS)
    async with app_client(settings) as client:
        yield client


async def ask(http: httpx.AsyncClient, message: str, session_id: str = "sweep") -> tuple[dict[str, Any], str]:
    """The meta event and the whole answer text of one chat turn."""
    response = await http.post("/api/chat", json={"message": message, "session_id": session_id})
    assert response.status_code == 200, response.text
    events = parse_sse(response.text)
    meta = next(json.loads(data) for name, data in events if name == "meta")
    text = "".join(json.loads(data)["delta"] for name, data in events if name == "token")
    return meta, text


# --- Overdose answers never give a wrong poison-center number -----------------------------------------------------


async def test_an_overdose_answer_never_quotes_a_wrong_poison_center_number(http: httpx.AsyncClient) -> None:
    # The sertraline label here prints the Poison Center as 1-800-221-2222 in its overdosage section.
    meta, text = await ask(http, "can you overdose on zoloft")

    assert [d["key"] for d in meta["drugs"]] == ["sertraline"]
    assert "overdos" in text.lower()
    assert "221-2222" not in text
    assert POISON_HELP in text  # the reply's own Poison Help line


def test_a_wrong_poison_number_is_recognised_and_corrected_for_a_model() -> None:
    wrong = "Consider contacting a Poison Center (1-800-221-2222) or a medical toxicologist."
    right = "Call Poison Help at 1-800-222-1222 or your local Poison Control Center."

    assert wrong_poison_number(wrong)
    assert not wrong_poison_number(right)
    assert not wrong_poison_number("Call 1-800-221-2222 to order refills.")  # not a poison center
    assert correct_poison_numbers(wrong) == (
        "Consider contacting a Poison Center (1-800-221-2222 [this number is wrong; the US Poison Help line is "
        "1-800-222-1222]) or a medical toxicologist."
    )
    assert correct_poison_numbers(right) == right


# --- A none-found interaction reply keeps its missing-label note as a sentence of its own ---------------------------


async def test_a_missing_label_note_is_its_own_sentence_not_a_source(http: httpx.AsyncClient) -> None:
    # Lisinopril is known here by name only (Orange Book): no label of its own in the small index.
    meta, text = await ask(http, "can I take lisinopril with levothyroxine")

    assert meta["intent"] == "interaction"
    assert "none found" in text.lower() or "found no interaction" in text
    sources = text.split("in these sources: ", 1)[1].split(". ", 1)[0]
    assert "No FDA label" not in sources
    assert "FDA label: levothyroxine" in sources
    assert (
        ". No FDA label for lisinopril in this corpus: only the other medicines' labels and the rule lists were "
        "checked for it. Not finding one" in text
    )
    assert ".;" not in text


# --- Name questions are answered from the name catalog --------------------------------------------------------------


async def test_the_generic_name_of_a_brand_comes_from_the_name_catalog(http: httpx.AsyncClient) -> None:
    meta, text = await ask(http, "what is the generic name for zocor")

    assert [d["key"] for d in meta["drugs"]] == ["simvastatin"]
    assert text.startswith("Zocor is a brand name for simvastatin: its active ingredient and generic name.")
    assert NOT_IN_LABELS in text
    assert "indicated" not in text  # no indications text


async def test_the_brand_names_of_a_generic_are_listed(http: httpx.AsyncClient) -> None:
    _, text = await ask(http, "what is the brand name of sertraline")

    assert "brand names listed for it: Zoloft" in text
    assert NOT_IN_LABELS in text


async def test_whether_a_generic_is_sold_is_never_answered_yes_or_no(http: httpx.AsyncClient) -> None:
    _, text = await ask(http, "is there a generic for lipitor")

    assert text.startswith("Lipitor is a brand name for atorvastatin")
    assert NOT_IN_LABELS in text
    assert not re.search(r"\b(?:yes|no),? there is\b|\bis available\b", text, re.IGNORECASE)


async def test_a_question_about_a_generic_product_that_asks_something_else_is_answered_from_its_label(
    http: httpx.AsyncClient,
) -> None:
    _, text = await ask(http, "what are the side effects of generic lipitor")

    assert NOT_IN_LABELS not in text
    assert "From the FDA label for atorvastatin" in text


# --- Food and drink: what the label says on taking it with food leads, unasked food notes follow -------------------


async def test_a_drink_the_label_does_not_name_gets_its_food_and_administration_sentences(
    http: httpx.AsyncClient,
) -> None:
    meta, text = await ask(http, "can I drink coffee with my levothyroxine")

    assert [d["key"] for d in meta["drugs"]] == ["levothyroxine"]
    first, second = text.split("\n\n")[:2]
    assert first.startswith("The FDA label for levothyroxine does not name coffee.")
    assert "empty stomach" in second
    assert "adrenal" not in text


async def test_with_food_leads_with_the_label_sentences_and_keeps_food_notes_after(http: httpx.AsyncClient) -> None:
    _, text = await ask(http, "can I take levothyroxine with food")

    assert text.startswith("From the FDA label for levothyroxine:")
    assert "empty stomach" in text.split("\n\n")[0]
    assert "does not name" not in text
    if "Grapefruit" in text:  # a note on a food not asked about comes after the answer, never first
        assert text.index("empty stomach") < text.index("Grapefruit")


async def test_a_named_food_with_a_note_of_its_own_keeps_the_note_first(http: httpx.AsyncClient) -> None:
    _, text = await ask(http, "can I have grapefruit juice with levothyroxine")

    assert text.startswith("Here is what the FDA label for levothyroxine says:\n\n- Grapefruit (levothyroxine):")
    assert "does not name" not in text


# --- Giving an OTC medicine to a child: the Drug Facts "Do not use" items and that age's directions ---------------


async def test_a_child_question_reads_the_drug_facts_do_not_use_items_and_the_row_for_that_age(
    otc_http: httpx.AsyncClient,
) -> None:
    meta, text = await ask(otc_http, "can I give my 5 year old benadryl to help her sleep")

    assert [d["key"] for d in meta["drugs"]] == ["diphenhydramine"]
    assert text.startswith("The Drug Facts on the diphenhydramine label say:\n- Do not use: ")
    assert "to make a child sleepy" in text.split("\n\n")[0]
    assert "children 4 to under 6 years of age: Do not use unless directed by a doctor" in text
    assert "Do not use: Do not use" not in text  # no table header words repeated in a row
    assert "children under 4 years of age" not in text  # another age group's row


def test_age_groups_of_drug_facts_directions_are_read_as_ranges() -> None:
    assert age_range("children under 4 years of age") == (0.0, 4.0)
    assert age_range("children 4 to under 6 years of age") == (4.0, 6.0)
    assert age_range("children 6 to 11 years") == (6.0, 12.0)
    assert age_range("adults and children 12 years and over") == (12.0, math.inf)
    assert read_child_question("can my 18 month old have it") == ChildQuestion(age=1.5)
    assert read_child_question("what is it for") is None


# --- "I take X, what can I take for <symptom>": the everyday choices, each checked with X ---------------------------


async def test_what_to_take_for_pain_with_warfarin_checks_each_everyday_pain_reliever(
    otc_http: httpx.AsyncClient,
) -> None:
    meta, text = await ask(otc_http, "I take warfarin and my back hurts, what can I take for pain?", "otc-pain")

    assert meta["intent"] == "interaction"
    assert [d["key"] for d in meta["drugs"]] == ["warfarin"]
    assert "purple" not in text  # not the warfarin label's skin-pain sentences
    options = {line.split(":")[0]: line for line in text.split("\n") if line.startswith("- ")}
    assert set(options) == {"- Acetaminophen", "- Ibuprofen", "- Naproxen", "- Aspirin"}
    assert "bleeding" in options["- Ibuprofen"]
    assert re.search(r"\[\d+\]", options["- Ibuprofen"])  # cited
    assert REFERRAL.format(drug="warfarin") in text
    # Never a recommendation, never "safe" but in "not proof that a medicine is safe".
    assert "safe" not in text.replace("not proof that a medicine is safe", "")
    assert not re.search(r"\b(?:recommend(?!\s+one)|best choice|you can take|try)\b", text, re.IGNORECASE)


async def test_a_follow_up_what_about_a_medicine_checks_it_with_the_one_taken(otc_http: httpx.AsyncClient) -> None:
    await ask(otc_http, "I take warfarin, what pain reliever is OK with it?", "otc-follow")
    meta, text = await ask(otc_http, "what about tylenol?", "otc-follow")

    assert meta["intent"] == "interaction"
    assert [d["key"] for d in meta["drugs"]] == ["warfarin", "acetaminophen"]
    assert "warfarin and acetaminophen" in text
    assert "temporarily relieves" not in text  # not Tylenol's uses


async def test_an_option_with_nothing_found_is_none_found_in_these_sources(otc_http: httpx.AsyncClient) -> None:
    _, text = await ask(otc_http, "I take levothyroxine, what can I take to help me sleep?", "otc-sleep")

    assert "- Diphenhydramine: " in text
    assert "none found in these sources." in text
    assert " safe" not in text.replace("not proof that a medicine is safe", "")


async def test_a_question_naming_the_medicine_for_a_symptom_is_not_a_choice_question(
    otc_http: httpx.AsyncClient,
) -> None:
    meta, text = await ask(otc_http, "can I take ibuprofen for back pain", "otc-lookalike")

    assert [d["key"] for d in meta["drugs"]] == ["ibuprofen"]
    assert "The everyday ones sold without a prescription" not in text
