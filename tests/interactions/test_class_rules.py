"""Pharmacodynamic class rules and the severity each is given."""

from __future__ import annotations

import pytest

from pharmabot.interactions.class_rules import CLASS_RULES, STRONG_MODULATOR_RULES
from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.knowledge import InteractionKnowledge, Rule, class_rules
from pharmabot.interactions.lexicon import CLASS_BY_ID, SYSTEMS
from pharmabot.interactions.severity import (
    CLASS_RULE_SEVERITY,
    NEVER_MINOR_RULES,
    pair_severity,
)
from pharmabot.knowledge.labels import LabelRecord
from pharmabot.knowledge.names import DrugCatalog


def test_every_rule_names_known_classes_a_source_and_a_severity_with_its_reason() -> None:
    for rule in CLASS_RULES:
        for entry in (*rule.classes_a, *rule.classes_b):
            names, _, level = entry.partition("@")
            assert all(c in CLASS_BY_ID for c in names.split("&")), entry
            assert level in ("", "boxed", "heading", "any")
        assert rule.sources
        assert rule.effect
        severity, reason = CLASS_RULE_SEVERITY[rule.id]
        assert severity in ("major", "moderate")
        assert reason
    assert {r.id for r in CLASS_RULES} == set(CLASS_RULE_SEVERITY)


def test_potassium_and_qt_rules_are_never_minor() -> None:
    for rule_id in NEVER_MINOR_RULES:
        assert CLASS_RULE_SEVERITY[rule_id][0] != "minor"
    assert pair_severity(label=["minor"], rules=[], classes_named=["qt_prolonging"]) == "moderate"
    assert pair_severity(label=["minor"], rules=[], classes_named=["hyperkalemia"]) == "moderate"
    assert pair_severity(label=["minor"], rules=[], classes_named=["nsaids"]) == "minor"


@pytest.mark.parametrize(
    ("rule_id", "severity"),
    [
        ("anticoagulant_antithrombotic", "major"),  # anticoagulant + NSAID is major in every reference
        ("opioid_benzodiazepine", "major"),
        ("raas_potassium", "major"),
        ("qt_qt", "major"),
        ("lithium_clearance", "major"),
        # Aminoglycoside and polymyxin boxed warnings: avoid other nephrotoxic drugs (iodinated contrast included).
        ("nephrotoxic_nephrotoxic", "major"),
    ],
)
def test_reference_rated_major_rules(rule_id: str, severity: str) -> None:
    assert CLASS_RULE_SEVERITY[rule_id][0] == severity


def test_severity_takes_the_strongest_signal() -> None:
    assert pair_severity(label=["moderate"], rules=["major"]) == "major"  # a label's "monitor" never lowers a rule
    assert pair_severity(label=["contraindicated"], rules=["moderate"]) == "contraindicated"
    assert pair_severity(label=["moderate"], rules=[], narrow_index_exposure=True) == "major"


def _levels() -> dict[str, dict[str, int]]:
    return {
        "anticoagulants": {"warfarin": 0},
        "nsaids": {"ibuprofen": 0},
        "myelosuppressive": {"clozapine": 0, "risperidone": 1},
        "antineoplastics": {"temozolomide": 0, "anastrozole": 0},
    }


def _rule(rules: list[Rule], rule_id: str) -> Rule:
    return next(r for r in rules if r.id == f"class-{rule_id}")


def test_rules_take_members_as_firmly_as_they_ask() -> None:
    rules = class_rules(_levels())
    bleeding = _rule(rules, "anticoagulant_antithrombotic")
    assert bleeding.matches({"warfarin"}, {"ibuprofen"}) == ({"warfarin"}, {"ibuprofen"})
    assert bleeding.matches({"ibuprofen"}, {"warfarin"}) == ({"warfarin"}, {"ibuprofen"})
    marrow = _rule(rules, "myelosuppression")
    # A boxed-warning or listed member counts; a warnings heading alone does not for this rule, and an anticancer
    # drug counts only when its label also warns of marrow suppression.
    assert "clozapine" in marrow.members_a
    assert "risperidone" not in marrow.members_a
    assert "anastrozole" not in marrow.members_a


def test_a_strong_inhibitor_or_inducer_with_a_sensitive_substrate_rule_for_every_graded_enzyme() -> None:
    graded = [s.id for s in SYSTEMS if s.graded]
    assert {f"strong_{kind}_sensitive_{system}" for system in graded for kind in ("inhibitor", "inducer")} == set(
        STRONG_MODULATOR_RULES
    )
    for rule_id in STRONG_MODULATOR_RULES:
        assert CLASS_RULE_SEVERITY[rule_id][0] == "major"  # FDA: 5-fold up or 80% down


def test_strong_modulator_rules_take_only_strong_modulators_and_sensitive_substrates() -> None:
    levels = {
        "strong_cyp3a_inhibitors": {"clarithromycin": 0, "drugx": 2},  # drugx: its own label says "strong"
        "moderate_cyp3a_inhibitors": {"diltiazem": 0},
        "strong_cyp3a_inducers": {"rifampin": 0},
        "sensitive_cyp3a_substrates": {"midazolam": 0},
        "cyp3a_substrates": {"midazolam": 0, "amlodipine": 0},
    }
    rules = class_rules(levels)
    up = _rule(rules, "strong_inhibitor_sensitive_cyp3a")
    down = _rule(rules, "strong_inducer_sensitive_cyp3a")
    assert up.matches({"midazolam"}, {"clarithromycin"}) == ({"clarithromycin"}, {"midazolam"})
    assert up.matches({"midazolam"}, {"drugx"}) is not None
    assert up.matches({"midazolam"}, {"diltiazem"}) is None  # a moderate inhibitor: the label's own words decide
    assert up.matches({"amlodipine"}, {"clarithromycin"}) is None  # a substrate, not a sensitive one
    assert down.matches({"rifampin"}, {"midazolam"}) is not None
    assert up.severity == down.severity == "major"
    assert "rise" in (up.mechanism or "")
    assert "fall" in (down.mechanism or "")


def test_alcohol_rules_are_major_only_where_labeling_boxes_or_forbids_the_combination() -> None:
    from pharmabot.interactions.class_rules import ALCOHOL_RULES

    levels = {rule.id: CLASS_RULE_SEVERITY[rule.id][0] for rule in ALCOHOL_RULES}
    # The sedating antihistamines' Drug Facts say "avoid alcoholic drinks" (21 CFR 341.72(c)(4)).
    major = {
        "alcohol_opioid",
        "alcohol_benzodiazepine",
        "alcohol_disulfiram",
        "alcohol_maoi",
        "alcohol_sedating_antihistamine",
    }
    assert {rule_id for rule_id, level in levels.items() if level == "major"} == major
    for rule in ALCOHOL_RULES:
        assert rule.classes_a == ("alcohol",)
        assert any("NIAAA" in source for source in rule.sources), rule.id


def test_two_nephrotoxic_drugs_are_major_without_a_label_sentence_about_the_pair() -> None:
    # Two listed nephrotoxic drugs whose label text (written for this test) says nothing about each other.
    def record(set_id: str, generic: str) -> dict[str, object]:
        return {
            "set_id": set_id,
            "id": set_id,
            "effective_time": "20240101",
            "openfda": {"generic_name": [generic.upper()], "route": ["INTRAVENOUS"]},
            "warnings": ["Monitor renal function during therapy."],
        }

    labels = [
        LabelRecord.from_openfda(record("t-g", "gentamicin")),
        LabelRecord.from_openfda(record("t-v", "vancomycin")),
    ]
    catalog = DrugCatalog.from_labels(labels)
    knowledge = InteractionKnowledge.from_labels(labels, catalog)
    report = InteractionEngine(knowledge=knowledge, catalog=catalog).check(drugs=["gentamicin", "vancomycin"])
    (hit,) = report.interactions
    assert hit.severity == "major"
    assert any("nephrotoxic" in r.source or "kidney" in r.rule for r in hit.rules)
