"""A label's statements of its own drug's roles and effects, on sentences in FDA labeling style."""

from __future__ import annotations

import pytest

from pharmabot.interactions.extract import Found, role_mentions
from pharmabot.interactions.properties import (
    Role,
    classes_for_role,
    effects_named,
    fda_table_roles,
    heading_effects,
    roles_in,
    statement_effects,
)
from pharmabot.knowledge.labels import shipped_data_path


def _own(sentence: str, name: str) -> list[Found]:
    start = sentence.index(name)
    return [Found("drug", "drugx", start, start + len(name))]


def _roles(sentence: str, name: str = "Drugx") -> list[str]:
    return [r.describe() for r in roles_in(sentence, _own(sentence, name), {"drugx"})]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Drugx is a strong inhibitor of CYP3A4 and a substrate of P-gp.",
            ["strong CYP3A4 inhibitor", "P-gp substrate"],
        ),
        ("Drugx is a strong CYP3A4 inhibitor and a CYP2D6 inhibitor.", ["strong CYP3A4 inhibitor", "CYP2D6 inhibitor"]),
        (
            "Drugx is extensively metabolized by CYP2C9 (79%) and to a lesser extent by CYP3A4 (18%).",
            ["CYP2C9 substrate", "minor CYP3A4 substrate"],
        ),
        ("Drugx hydrochloride is a moderate inhibitor of CYP2D6.", ["moderate CYP2D6 inhibitor"]),
        ("Metabolism of Drugx is mediated primarily by CYP3A4.", ["CYP3A4 substrate"]),
        ("In vitro, Drugx inhibits CYP2C8.", ["in vitro CYP2C8 inhibitor"]),
        (
            "Drugx is metabolized by CYP3A4, CYP1A2, CYP2C8 and CYP2C9.",
            [f"minor {s} substrate" for s in ("CYP3A4", "CYP1A2", "CYP2C8", "CYP2C9")],
        ),
    ],
)
def test_roles_a_label_states_for_its_own_drug(sentence: str, expected: list[str]) -> None:
    assert _roles(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Drugx is not a substrate of P-gp.",
        "Drugx is contraindicated in patients receiving strong inhibitors of CYP3A.",
        "Drugx increased the exposure of midazolam, a CYP3A4 substrate.",
        "Co-administration of Drugx and other drugs primarily metabolized by CYP1A2 may increase their levels.",
        "Strong CYP3A4 inhibitors Clinical Impact: Drugx concentrations increase.",
    ],
)
def test_other_drugs_roles_and_negations_are_not_the_drugs_own(sentence: str) -> None:
    assert _roles(sentence) == []


def test_role_grades_map_to_classes() -> None:
    assert classes_for_role(Role("cyp3a", "inhibitor", "strong")) == ["strong_cyp3a_inhibitors", "cyp3a_inhibitors"]
    assert classes_for_role(Role("cyp3a", "inhibitor", "weak")) == []
    assert classes_for_role(Role("cyp3a", "inhibitor", "in_vitro")) == []  # clinical relevance unknown
    assert classes_for_role(Role("cyp2c9", "substrate", "minor")) == []
    assert classes_for_role(Role("pgp", "substrate", "unspecified")) == ["pgp_substrates"]


def test_sensitive_substrates_join_their_own_class_and_moderate_sensitive_ones_do_not() -> None:
    assert classes_for_role(Role("cyp3a", "substrate", "sensitive")) == [
        "cyp3a_substrates",
        "sensitive_cyp3a_substrates",
    ]
    assert classes_for_role(Role("cyp1a2", "substrate", "moderate_sensitive")) == ["cyp1a2_substrates"]
    assert classes_for_role(Role("cyp2d6", "substrate", "major")) == ["cyp2d6_substrates"]
    # Transporters have no sensitive class: FDA grades only CYP substrates.
    assert classes_for_role(Role("pgp", "substrate", "sensitive")) == ["pgp_substrates"]


def test_a_label_calling_its_drug_a_sensitive_substrate() -> None:
    assert _roles("Drugx is a sensitive CYP3A4 substrate.") == ["sensitive CYP3A4 substrate"]


def test_fda_table_is_read_with_grades() -> None:
    rows = {(m, r) for m, r, _ in fda_table_roles(shipped_data_path("interactions/fda_cyp_transporter_examples.tsv"))}
    assert ("clarithromycin", Role("cyp3a", "inhibitor", "strong")) in rows
    assert ("rifampin", Role("cyp3a", "inducer", "strong")) in rows
    assert ("tizanidine", Role("cyp1a2", "substrate", "sensitive")) in rows
    assert ("theophylline", Role("cyp1a2", "substrate", "moderate_sensitive")) in rows
    assert ("lopinavir", Role("cyp3a", "inhibitor", "strong")) in rows  # "lopinavir and ritonavir" splits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Concomitant use with strong CYP3A4 inhibitors is contraindicated", ["strong_cyp3a_inhibitors"]),
        ("strong or moderate CYP3A inhibitors", ["strong_cyp3a_inhibitors", "moderate_cyp3a_inhibitors"]),
        ("moderate CYP2C9/CYP3A4 dual inhibitors", ["moderate_cyp2c9_inhibitors", "moderate_cyp3a_inhibitors"]),
        ("inhibitors of P-gp", ["pgp_inhibitors"]),
        ("drugs that are substrates of OATP1B1", ["oatp1b_substrates"]),
        ("drugs primarily metabolized by CYP2D6", ["cyp2d6_substrates"]),
        ("drugs that inhibit cytochrome P450 2D6", ["cyp2d6_inhibitors"]),
        ("weak CYP3A4 inhibitors", []),
        # Drugs that are both: the graded CYP role selects them.
        ("combined P-gp and strong CYP3A4 inhibitors", ["strong_cyp3a_inhibitors"]),
        ("P-gp inhibitors or strong CYP3A4 inhibitors", ["pgp_inhibitors", "strong_cyp3a_inhibitors"]),
        # A role stated of a named drug is not a class of other drugs.
        ("Ketoconazole is a strong CYP3A4 inhibitor.", []),
        ("Avoid drugs that are strong CYP3A4 inhibitors.", ["strong_cyp3a_inhibitors"]),
    ],
)
def test_role_phrases_name_role_classes(text: str, expected: list[str]) -> None:
    assert [f.target for f in role_mentions(text)] == expected


def test_warnings_headings_state_the_drugs_own_effects() -> None:
    text = (
        "5 WARNINGS AND PRECAUTIONS Hepatotoxicity: Monitor liver tests. ( 5.1 ) 5.1 Hepatotoxicity Severe liver "
        "injury has been reported with Drugx. 5.2 QT Interval Prolongation Drugx prolongs the QT interval in a "
        "concentration-dependent manner. 5.3 Patients with Hepatic Failure Drugx is extensively metabolized."
    )
    found = {(p.class_id, p.how) for p in heading_effects(text, "warnings_and_cautions")}
    assert ("hepatotoxic", "heading") in found
    assert ("hepatotoxic", "highlights") in found
    assert ("qt_prolonging", "heading") in found
    quotes = [p.quote for p in heading_effects(text, "warnings_and_cautions") if p.class_id == "qt_prolonging"]
    assert quotes == ["Drugx prolongs the QT interval in a concentration-dependent manner."]
    assert len([p for p in heading_effects(text, "warnings_and_cautions") if p.class_id == "hepatotoxic"]) == 2


def test_boxed_warning_title_states_effects() -> None:
    text = "WARNING: HEPATOTOXICITY and EMBRYOFETAL TOXICITY Severe liver injury has occurred with Drugx."
    assert {p.class_id for p in heading_effects(text, "boxed_warning")} >= {"hepatotoxic"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Increased Risk of Bleeding", ["bleeding"]),
        ("Abnormal Uterine Bleeding", []),
        ("Peptic Ulcer Disease and GI Bleeding", []),
        ("Serious Infections", ["immunosuppressants"]),
        ("Urinary Tract Infections", []),
        ("Serotonin Syndrome", ["serotonergic"]),
        ("Hyperkalemia", ["hyperkalemia"]),
        ("Photosensitivity/Phototoxicity", []),
        ("Patients with Hepatic Impairment", []),
    ],
)
def test_effect_headings(title: str, expected: list[str]) -> None:
    assert effects_named(title) == expected


def test_a_warnings_sentence_about_the_drug_itself_states_an_effect() -> None:
    s = "Drugx causes dose-dependent QTc prolongation."
    assert [p.class_id for p in statement_effects(s, _own(s, "Drugx"), {"drugx"}, "warnings")] == ["qt_prolonging"]
    s2 = "Necrosis may be associated with local thrombosis within days of starting Drugx."
    assert statement_effects(s2, _own(s2, "Drugx"), {"drugx"}, "warnings") == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Agranulocytosis alone is an idiosyncratic reaction, not marrow suppression that adds up.
        ("Agranulocytosis", []),
        ("AGRANULOCYTOSIS", []),
        ("Agranulocytosis and Neutropenia", ["myelosuppressive"]),
        ("Leukopenia, Neutropenia, and Agranulocytosis", ["myelosuppressive"]),
        ("Bone Marrow Suppression", ["myelosuppressive"]),
    ],
)
def test_idiosyncratic_agranulocytosis_is_not_marrow_suppression(title: str, expected: list[str]) -> None:
    assert [c for c in effects_named(title) if c == "myelosuppressive"] == expected
