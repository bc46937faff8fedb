"""One test per wording rule of the severity classifier."""

from __future__ import annotations

import pytest

from pharmabot.interactions.extract import split_sentences
from pharmabot.interactions.severity import WORDING_RULES, classify, for_target, general_role


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
        # A fixed fraction of the usual dose is major; "adjust the dose" and "reduce the dose" stay moderate.
        (
            "With strong CYP2D6 inhibitors, give one half of the usual dosage.",
            "drug_interactions",
            "major",
            "dose_fraction",
        ),
        ("Administer a quarter of the recommended dose.", "drug_interactions", "major", "dose_fraction"),
        (
            "Moderate or strong CYP3A4 inhibitors: give one third of the recommended dosage of drugx.",
            "drug_interactions",
            "major",
            "dose_fraction",
        ),
        ("Reduce the drugx dose by 50% when used with fluconazole.", "drug_interactions", "major", "dose_fraction"),
        ("Reduce the drugx dose by 25% when used with fluconazole.", "drug_interactions", "moderate", "dose_change"),
        (
            "Adjust the dose of drugx as needed when used with CYP3A4 inhibitors.",
            "drug_interactions",
            "moderate",
            "dose_change",
        ),
        (
            "In patients with renal impairment, metformin can cause lactic acidosis.",
            "drug_interactions",
            "major",
            "serious_outcome",
        ),
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
        (
            "Administer the tablets at least 4 hours apart from calcium carbonate.",
            "drug_interactions",
            "moderate",
            "separate_doses",
        ),
        (
            "Drugx should be taken at least two hours before or six hours after antacids.",
            "drug_interactions",
            "moderate",
            "separate_doses",
        ),
        ("Bile acid sequestrants may bind to drugx.", "drug_interactions", "moderate", "separate_doses"),
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
        "dose_fraction",
        "dose_change",
        "monitoring",
        "separate_doses",
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


@pytest.mark.parametrize(
    "sentence",
    [
        # Written for these tests from the categories of failure the references rate major.
        "Enzyme inducers may lower drugx levels below the therapeutic range and lead to loss of seizure control.",
        "Rifamycins may reduce serum drugx concentrations to subtherapeutic levels, causing breakthrough seizures.",
        "Coadministration may decrease drugx exposure and result in loss of virologic response.",
        "Inducers can lower drugx levels, which may cause loss of therapeutic effect and development of resistance.",
        "Reduced drugx levels with this combination have been associated with virologic failure.",
    ],
)
def test_a_treatment_failure_that_is_serious_in_itself_is_major(sentence: str) -> None:
    result = classify(sentence, section="drug_interactions")
    assert result is not None
    assert (result.severity, result.rule) == ("major", "serious_outcome")


@pytest.mark.parametrize(
    "sentence",
    [
        # An antibacterial's stewardship sentence and a plain statement about resistance are not interactions.
        "To reduce the development of drug-resistant bacteria, use drugx only for proven infections with other drugs.",
        "Resistance to drugx develops in some organisms when used with other antibiotics.",
    ],
)
def test_resistance_alone_is_not_a_serious_outcome(sentence: str) -> None:
    result = classify(sentence, section="drug_interactions")
    assert result is None or result.rule != "serious_outcome"


@pytest.mark.parametrize(
    "sentence",
    [
        "Absorption of drugx is decreased when the tablets are taken with iron preparations.",
        "Absorption of drugx is impaired by antacids containing aluminum or magnesium.",
        "Taken together, aluminum antacids may interfere with the gastrointestinal absorption of drugx.",
    ],
)
def test_a_loss_of_absorption_is_an_exposure_change(sentence: str) -> None:
    result = classify(sentence, section="drug_interactions")
    assert result is not None
    assert (result.severity, result.rule) == ("moderate", "exposure_change")


def test_a_contraindication_stated_for_a_general_role_is_major_for_a_drug_it_does_not_name() -> None:
    said = classify("Coadministration of several CYP3A4 substrates is contraindicated.", section="contraindications")
    assert said is not None
    assert said.severity == "contraindicated"
    # A role named without a strength covers hundreds of drugs: at most major for each of them.
    capped = for_target(said, target_kind="class", target="cyp3a_substrates")
    assert capped.severity == "major"
    assert general_role("cyp3a_inhibitors")
    assert general_role("pgp_substrates")
    # The drug itself, a role with its strength, or a therapeutic class keep the contraindication.
    assert for_target(said, target_kind="drug", target="atorvastatin").severity == "contraindicated"
    for specific in ("strong_cyp3a_inhibitors", "sensitive_cyp3a_substrates", "statins"):
        assert not general_role(specific)
        assert for_target(said, target_kind="class", target=specific).severity == "contraindicated"
    # Weaker wording is left as it is.
    monitor = classify("Monitor patients taking CYP3A4 substrates.", section="drug_interactions")
    assert monitor is not None
    assert for_target(monitor, target_kind="class", target="cyp3a_substrates") == monitor
