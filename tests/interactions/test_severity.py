"""One test per wording rule of the severity classifier."""

from __future__ import annotations

import pytest

from pharmabot.interactions.extract import split_sentences
from pharmabot.interactions.severity import WORDING_RULES, classify


@pytest.mark.parametrize(
    ("sentence", "section", "severity", "rule"),
    [
        (
            "Use with strong CYP3A4 inhibitors is contraindicated.",
            "drug_interactions",
            "contraindicated",
            "contraindicated",
        ),
        ("Simvastatin must not be used with gemfibrozil.", "drug_interactions", "contraindicated", "must_not"),
        ("Do not use with MAOIs.", "drug_interactions", "major", "do_not_use"),
        ("Avoid concomitant use with ciprofloxacin.", "drug_interactions", "major", "avoid"),
        ("Concomitant use with NSAIDs is not recommended.", "drug_interactions", "major", "not_recommended"),
        (
            "Concomitant use with opioids may cause respiratory depression.",
            "drug_interactions",
            "major",
            "serious_outcome",
        ),
        ("Reduce the dose of digoxin when used together.", "drug_interactions", "moderate", "dose_change"),
        ("Monitor INR when starting amiodarone.", "drug_interactions", "moderate", "monitoring"),
        (
            "Fluconazole increases the plasma concentrations of this drug.",
            "drug_interactions",
            "moderate",
            "exposure_change",
        ),
        ("Concomitant use with warfarin.", "drug_interactions", "minor", "mention"),
        ("Concomitant use with warfarin.", "contraindications", "contraindicated", "section:contraindications"),
        ("Concomitant use with opioids.", "boxed_warning", "major", "section:boxed_warning"),
    ],
)
def test_wording_rules(sentence: str, section: str, severity: str, rule: str) -> None:
    result = classify(sentence, section=section)
    assert result is not None
    assert (result.severity, result.rule) == (severity, rule)


def test_every_rule_has_a_case() -> None:
    assert {r.name for r in WORDING_RULES} <= {
        "contraindicated",
        "must_not",
        "do_not_use",
        "avoid",
        "not_recommended",
        "serious_outcome",
        "dose_change",
        "monitoring",
        "exposure_change",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "No effect was seen with cimetidine.",
        "Coadministration of cimetidine did not affect the pharmacokinetics of sertraline.",
        "No clinically significant interaction was observed with digoxin.",
        "No dose adjustment is necessary when given with omeprazole.",
    ],
)
def test_pharmacokinetic_study_listings_are_not_evidence(sentence: str) -> None:
    assert classify(sentence, section="drug_interactions") is None


def test_sentence_split_keeps_abbreviations() -> None:
    text = "Avoid strong inhibitors (e.g. ketoconazole). Use St. John's Wort with care. Next."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["Avoid strong inhibitors (e.g. ketoconazole).", "Use St. John's Wort with care.", "Next."]
