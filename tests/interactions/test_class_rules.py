"""Pharmacodynamic class rules and the severity each is given."""

from __future__ import annotations

import pytest

from pharmabot.interactions.class_rules import CLASS_RULES
from pharmabot.interactions.knowledge import Rule, class_rules
from pharmabot.interactions.lexicon import CLASS_BY_ID
from pharmabot.interactions.severity import (
    CLASS_RULE_SEVERITY,
    NEVER_MINOR_RULES,
    pair_severity,
)


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
