"""Query understanding: drug mentions and section intents."""

from __future__ import annotations

import pytest

from pharmabot.retrieval.query import detect_intents, understand
from tests.support.labels import catalog_for


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("what are the side effects of metformin", "adverse_reactions"),
        ("how much ibuprofen can I take", "dosage_and_administration"),
        ("what dose of warfarin", "dosage_and_administration"),
        ("can I take sertraline while pregnant", "pregnancy"),
        ("is it ok when breastfeeding", "pregnancy"),
        ("does warfarin interact with ibuprofen", "drug_interactions"),
        ("can I drink alcohol with metformin", "drug_interactions"),
        ("what is atorvastatin used for", "indications_and_usage"),
        ("what happens in an overdose of levothyroxine", "overdosage"),
        ("who should not take sildenafil", "contraindications"),
        ("is simvastatin contraindicated with clarithromycin", "contraindications"),
        ("does methotrexate have a boxed warning", "boxed_warning"),
        ("how should I store amlodipine", "storage_and_handling"),
        ("how does metformin work", "mechanism_of_action"),
    ],
)
def test_section_intents(question: str, section: str) -> None:
    sections = [s for intent in detect_intents(question) for s in intent.sections]
    assert section in sections


def test_plan_filters_to_named_drugs_and_drops_their_words() -> None:
    plan = understand("Does Zocor interact with clarithromycin?", catalog_for())
    assert set(plan.drugs) == {"simvastatin", "clarithromycin"}
    assert "zocor" not in plan.terms
    assert "clarithromycin" not in plan.terms
    assert plan.sections[0] == "drug_interactions"


def test_misspelled_drug_is_found() -> None:
    assert understand("side effects of sertralin", catalog_for()).drugs == ("sertraline",)


def test_no_drug_no_intent() -> None:
    plan = understand("blue sky today", catalog_for())
    assert plan.drugs == ()
    assert plan.sections == ()
    assert plan.terms == ("blue", "sky", "today")


def test_a_shared_name_does_not_filter_when_a_drug_is_named() -> None:
    plan = understand("can I take calcium with levothyroxine", catalog_for())
    assert plan.drugs == ("levothyroxine",)
    assert "calcium" in plan.terms  # still a word to find in the levothyroxine label
