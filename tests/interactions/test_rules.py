"""The mention-level rules that decide whether a label sentence is evidence, on small sentence fixtures."""

from __future__ import annotations

import re

import pytest

from pharmabot.interactions.extract import (
    Found,
    after_withdrawal,
    is_example_of_class,
    is_heading,
    names_example,
    names_other_member,
)
from pharmabot.interactions.lexicon import CLASS_BY_ID
from pharmabot.interactions.severity import classify, is_allergy_note, is_not_an_interaction


def _at(sentence: str, phrase: str, kind: str = "class", target: str = "x") -> Found:
    start = sentence.index(phrase)
    return Found(kind, target, start, start + len(phrase))


def _classes(text: str) -> set[str]:
    return {
        class_id
        for class_id, c in CLASS_BY_ID.items()
        if re.search("|".join(f"(?:{p})" for p in c.patterns), text, re.IGNORECASE)
    }


def test_section_number_heading_is_not_a_class_interaction() -> None:
    s = "7.8 Drugs that Prolong the QT Interval Do not use fluoxetine in combination with thioridazine."
    assert is_heading(s, _at(s, "Drugs that Prolong the QT Interval"), [])


def test_table_row_heading_followed_by_drug_names() -> None:
    s = "Antidiabetic Drugs Repaglinide Saxagliptin Monitor for adverse reactions."
    heading = _at(s, "Antidiabetic Drugs")
    assert is_heading(s, heading, [heading, _at(s, "Repaglinide", "drug", "repaglinide")])
    s2 = "Avoid antidiabetic drugs (e.g., repaglinide) with this drug."
    mention = _at(s2, "antidiabetic drugs")
    assert not is_heading(s2, mention, [mention, _at(s2, "repaglinide", "drug", "repaglinide")])


@pytest.mark.parametrize(
    "sentence",
    [
        "Fatal hepatic failure has occurred in patients taking statins, including simvastatin.",
        "Proton pump inhibitors (PPIs), including pantoprazole, are contraindicated with rilpivirine.",
    ],
)
def test_own_drug_given_as_the_class_example(sentence: str) -> None:
    own = sentence.index("simvastatin" if "simvastatin" in sentence else "pantoprazole")
    mention = _at(sentence, "statins" if "statins" in sentence else "Proton pump inhibitors")
    assert names_example(sentence, mention, [(own, own + 5)])


def test_other_members_of_the_own_class_still_count() -> None:
    s = "Concomitant use with other NSAIDs increases the risk of bleeding."
    assert names_other_member(s, _at(s, "NSAIDs"))
    s2 = "Concomitant use of PPIs with methotrexate may elevate methotrexate levels."
    assert not names_other_member(s2, _at(s2, "PPIs"))


def test_withdrawal_of_another_drug_is_not_co_use() -> None:
    s = "Contraindicated in patients undergoing abrupt discontinuation of alcohol, benzodiazepines, and barbiturates."
    assert after_withdrawal(s, _at(s, "benzodiazepines"))
    s2 = "Concomitant use with benzodiazepines may cause profound sedation."
    assert not after_withdrawal(s2, _at(s2, "benzodiazepines"))


def test_allergy_and_binding_protein_sentences_are_not_interactions() -> None:
    assert is_allergy_note("Patients with known aspirin sensitivity should continue to avoid NSAIDs while taking it.")
    assert not is_allergy_note("Avoid NSAIDs while taking it.")
    assert is_not_an_interaction("Androgens and corticosteroids decrease TBG concentration.")
    assert is_not_an_interaction("Concurrent prophylactic treatment with colchicine is recommended.")
    assert not is_not_an_interaction("Concomitant use is not recommended.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Verapamil has been given with long-acting nitrates without any undesirable drug interactions.",
        "Dose adjustment for digoxin is not recommended.",
    ],
)
def test_no_interaction_wording(sentence: str) -> None:
    assert classify(sentence, section="drug_interactions") is None


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("oral or intravenous penicillin antibiotics", "penicillins", None),
        ("carbamazepine and other enzyme inducers", "cyp3a_inducers", None),
        ("drugs that induce production of cytochrome P450IIIA4", "cyp3a_inducers", None),
        ("compounds which inhibit certain hepatic enzymes (particularly cytochrome P450 3A)", "cyp3a_inhibitors", None),
        ("patients receiving oral anticoagulants", "oral_anticoagulants", "anticoagulants"),
        ("antihypertensive drugs, including thiazide diuretics", "thiazides", "diuretics"),
        ("loop diuretics", "loop_diuretics", "diuretics"),
        ("adjust insulin dosage", "insulins", "antidiabetics"),
        ("oral hypoglycemics", "antidiabetics", None),
        ("carbapenem antibiotics", "carbapenems", None),
        ("use with a monoamine oxidase (MAO)-A inhibitor", "maois", None),
    ],
)
def test_lexicon_wording(text: str, expected: str, not_expected: str | None) -> None:
    found = _classes(text)
    assert expected in found
    if not_expected:
        assert not_expected not in found


def test_class_membership_fixes() -> None:
    assert "metformin" not in CLASS_BY_ID["antidiabetics"].members  # neither insulin nor a secretagogue
    assert "enoxaparin" not in CLASS_BY_ID["oral_anticoagulants"].members
    assert "furosemide" not in CLASS_BY_ID["thiazides"].members
    assert "nefazodone" in CLASS_BY_ID["serotonergic"].members
    assert "rifabutin" in CLASS_BY_ID["cyp3a_inducers"].members
    assert "thiazides" not in _classes("pargyline and methylclothiazide")  # a drug name, not the class word


def test_a_title_case_row_heading_of_several_classes() -> None:
    s = "Anticoagulants and Antiplatelets Ticagrelor Contraindicated during and 2 weeks after treatment."
    heading = _at(s, "Anticoagulants")
    assert is_heading(s, heading, [heading, _at(s, "Antiplatelets"), _at(s, "Ticagrelor", "drug", "ticagrelor")])
    s2 = "Use caution with NSAIDs and aspirin."
    nsaids = _at(s2, "NSAIDs")
    assert not is_heading(s2, nsaids, [nsaids, _at(s2, "aspirin", "drug", "aspirin")])


def test_a_class_given_as_an_example_of_another_class() -> None:
    s = "Use with CYP3A4 inhibitors, such as macrolide antibiotics (e.g., erythromycin), may increase exposure."
    role = _at(s, "CYP3A4 inhibitors", target="cyp3a_inhibitors")
    example = _at(s, "macrolide antibiotics", target="macrolides")
    assert is_example_of_class(s, example, [role, example])
    assert not is_example_of_class(s, role, [role, example])


def test_onc_salt_and_antacid_classes_hold_every_oral_salt_and_the_mineral_itself() -> None:
    from pharmabot.interactions.knowledge import load_onc_rules

    rules = load_onc_rules()
    calcium = [r.members_b for r in rules if r.class_b.lower().startswith("calcium salts")]
    assert calcium
    for members in calcium:
        # The salts keep their cation: "calcium carbonate", not "carbonate".
        assert {"calcium carbonate", "calcium acetate", "calcium citrate", "calcium"} <= members
        assert "carbonate" not in members
    antacids = next(r.members_a for r in rules if r.class_a == "Antacids")
    assert {"magnesium oxide", "sodium bicarbonate", "magnesium hydroxide", "magnesium"} <= antacids
