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
            "With strong CYP2D6 inhibitors, give one half of the usual dosage.",
            "drug_interactions",
            "moderate",
            "dose_change",
        ),
        ("Administer a quarter of the recommended dose.", "drug_interactions", "moderate", "dose_change"),
        (
            "Patients taking CYP1A2 inhibitors should not exceed a dose of drugx 0.5 mg once daily.",
            "drug_interactions",
            "moderate",
            "dose_change",
        ),
        (
            "Drugx plasma concentrations may increase up to 2 fold with CYP1A2 inhibitors.",
            "drug_interactions",
            "moderate",
            "exposure_change",
        ),
        # Older pharmacodynamic wording: the effect is named before the change.
        (
            "The anticoagulant action of drugx may be potentiated by certain drugs including salicylates.",
            "drug_interactions",
            "moderate",
            "exposure_change",
        ),
        (
            "Drugx may exaggerate the patient's response to alcohol and other CNS depressants.",
            "precautions",
            "moderate",
            "exposure_change",
        ),
        (
            "The possibility of decreased contraceptive efficacy should be considered with estrogen products.",
            "drug_interactions",
            "major",
            "serious_outcome",
        ),
        (
            "Fluconazole increases the plasma concentrations of this drug.",
            "drug_interactions",
            "moderate",
            "exposure_change",
        ),
        (
            "Consider discontinuing these agents at least 48 hours before the procedure.",
            "warnings_and_cautions",
            "major",
            "stop_before",
        ),
        (
            "Treatment should generally not be initiated in patients treated with QT prolonging drugs.",
            "drug_interactions",
            "major",
            "do_not_use",
        ),
        (
            "Posaconazole may increase the risk of serious adverse reactions of these drugs.",
            "drug_interactions",
            "major",
            "serious_outcome",
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
        "stop_before",
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
        # FDA's default no-effect boundary is 80-125% of the reference exposure.
        "After multiple doses of zolpidem and fluoxetine an increase in the zolpidem half-life (17%) was observed.",
    ],
)
def test_pharmacokinetic_study_listings_are_not_evidence(sentence: str) -> None:
    assert classify(sentence, section="drug_interactions") is None


def test_sentence_split_keeps_abbreviations() -> None:
    text = "Avoid strong inhibitors (e.g. ketoconazole). Use St. John's Wort with care. Next."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["Avoid strong inhibitors (e.g. ketoconazole).", "Use St. John's Wort with care.", "Next."]


def test_a_change_beyond_the_no_effect_boundary_is_evidence() -> None:
    result = classify("Fluconazole increases the AUC of triazolam by approximately 50%.", section="drug_interactions")
    assert result is not None
    assert result.rule == "exposure_change"


def test_small_percentages_of_patients_are_not_exposure_changes() -> None:
    result = classify(
        "Concomitant use increased the incidence of bleeding (12% of patients).", section="drug_interactions"
    )
    assert result is not None


def test_semicolons_inside_parentheses_do_not_end_a_sentence() -> None:
    text = "Use of drugs that lower the seizure threshold (phenothiazines; MAO inhibitors) should be evaluated. Next."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == [
        "Use of drugs that lower the seizure threshold (phenothiazines; MAO inhibitors) should be evaluated.",
        "Next.",
    ]
