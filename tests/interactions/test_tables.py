"""Drug interaction tables read row by row from their cells, so each row's severity word and quote stay its own."""

from __future__ import annotations

from typing import Any

from pharmabot.interactions.extract import Found, narrowed_to_members, table_rows
from pharmabot.interactions.knowledge import InteractionKnowledge
from pharmabot.knowledge.labels import LabelRecord
from pharmabot.knowledge.names import DrugCatalog

# A section 7 table written for these tests (drug | recommendation | comment), as openFDA gives it: once as HTML
# cells in `drug_interactions_table` and once flattened into the section's text.
TABLE_HTML = (
    "<table><tr><th>Drug(s)</th><th>Recommendation</th><th>Comments</th></tr>"
    "<tr><td>Drugy</td><td>Contraindicated</td><td>Concomitant use of drugy and drugz is contraindicated.</td></tr>"
    "<tr><td>Drugw</td><td>Use with caution</td><td>Drugz may increase drugw levels; monitor drugw levels.</td></tr>"
    "<tr><td>Drugv</td><td>Avoid Use</td><td>Co-administration with drugz may raise drugv levels</td></tr>"
    "</table>"
)
FLAT = (
    "Drug(s) Recommendation Comments Drugy Contraindicated Concomitant use of drugy and drugz is contraindicated. "
    "Drugw Use with caution Drugz may increase drugw levels; monitor drugw levels. "
    "Drugv Avoid Use Co-administration with drugz may raise drugv levels"
)
PROSE = f"Drugz inhibits an enzyme that clears several drugs. {FLAT} Other drugs have not been studied."

# A table of names, laid out in two columns, introduced by a sentence that says what to do about all of them.
LIST_HTML = "<table><tr><td>Drugw by mouth</td><td>Drugv by injection</td></tr></table>"
LIST_PROSE = (
    "If coadministration cannot be avoided, monitor closely for drugz toxicity when given with: "
    "Drugw by mouth Drugv by injection"
)


def _record(set_id: str, generic: str, **sections: str | list[str]) -> dict[str, Any]:
    openfda = {"generic_name": [generic.upper()], "route": ["ORAL"]}
    return {"set_id": set_id, "id": set_id, "effective_time": "20240101", "openfda": openfda} | {
        k: v if isinstance(v, list) else [v] for k, v in sections.items()
    }


def _knowledge(section: str, table: str) -> InteractionKnowledge:
    labels = [
        LabelRecord.from_openfda(_record("t-z", "drugz", drug_interactions=section, drug_interactions_table=[table])),
        *(
            LabelRecord.from_openfda(_record(f"t-{n}", n, drug_interactions="Monitor patients."))
            for n in ("drugy", "drugw", "drugv")
        ),
    ]
    return InteractionKnowledge.from_labels(labels, DrugCatalog.from_labels(labels))


def test_the_flattened_copy_is_replaced_by_one_sentence_a_row() -> None:
    label = LabelRecord.from_openfda(
        _record("t-z", "drugz", drug_interactions=PROSE, drug_interactions_table=TABLE_HTML)
    )
    prose, rows = table_rows(label.sections["drug_interactions"], label.tables["drug_interactions"])
    assert "Contraindicated" not in prose
    assert prose.startswith("Drugz inhibits")
    assert prose.endswith("Other drugs have not been studied.")
    assert rows[0].text == "Drug(s): Recommendation. Comments."
    assert rows[3].text == "Drugv: Avoid Use. Co-administration with drugz may raise drugv levels."
    assert rows[3].text[rows[3].last_cell :] == "Co-administration with drugz may raise drugv levels."


def test_a_table_not_found_word_for_word_stays_in_the_prose() -> None:
    prose, rows = table_rows("Drugz has no table here.", "Drugy | Contraindicated")
    assert (prose, rows) == ("Drugz has no table here.", [])


def test_guidance_layout_tables_are_left_to_the_flattened_reader() -> None:
    table = "Drugy\nClinical Impact: | Drugz raises drugy levels.\nIntervention: | Monitor."
    text = "Drugy Clinical Impact: Drugz raises drugy levels. Intervention: Monitor."
    assert table_rows(text, table) == (text, [])


def test_a_grid_of_names_is_left_to_the_text_around_it() -> None:
    table = "Drugs That Raise Drugz Levels\nAntifungals | Antibiotics\ndrugy | drugw"
    text = "Monitor drugz levels. Drugs That Raise Drugz Levels Antifungals Antibiotics drugy drugw"
    assert table_rows(text, table) == (text, [])


def test_each_row_keeps_its_own_severity_and_quote() -> None:
    knowledge = _knowledge(PROSE, TABLE_HTML)
    evidence = knowledge.evidence["drugz"]
    assert {e.severity for e in evidence["drugy"]} == {"contraindicated"}
    # The neighbouring row's "Contraindicated" is not this row's.
    assert "contraindicated" not in {e.severity for e in evidence["drugw"]}
    assert evidence["drugw"][0].quote.startswith("Drugw: Use with caution.")
    assert {e.severity for e in evidence["drugv"]} == {"major"}
    assert evidence["drugv"][0].quote == "Drugv: Avoid Use. Co-administration with drugz may raise drugv levels."


def test_a_list_table_takes_the_sentence_that_introduces_it() -> None:
    knowledge = _knowledge(LIST_PROSE, LIST_HTML)
    for name in ("drugw", "drugv"):
        (first, *_) = knowledge.evidence["drugz"][name]
        assert first.quote.startswith("If coadministration cannot be avoided")
        assert first.quote.endswith({"drugw": "Drugw by mouth", "drugv": "Drugv by injection"}[name])


# Sentences written for these tests, in the manner of macrolide and antiretroviral labels: a class phrase followed by
# the members meant, or by examples of it.
STATINS = frozenset({"lovastatin", "simvastatin", "atorvastatin"})


def _mentions(sentence: str, class_words: str) -> tuple[Found, list[Found]]:
    at = sentence.index(class_words)
    mention = Found("class", "statins", at, at + len(class_words))
    drugs = [
        Found("drug", name, sentence.index(name), sentence.index(name) + len(name))
        for name in sorted(STATINS)
        if name in sentence
    ]
    return mention, [mention, *drugs]


def _narrowed(sentence: str, class_words: str = "statins") -> bool:
    mention, found = _mentions(sentence, class_words)
    return narrowed_to_members(sentence, mention, found, STATINS)


def test_a_class_followed_by_the_members_meant_is_narrowed_to_them() -> None:
    assert _narrowed(
        "Use of drugz with statins metabolized by one enzyme (lovastatin or simvastatin) is contraindicated."
    )
    assert _narrowed("HMG-CoA reductase inhibitors: lovastatin, simvastatin. Do not use with drugz.", "HMG-CoA")
    assert _narrowed("Cholesterol drugs (statins): use of drugz with simvastatin is contraindicated.", "Cholesterol")
    assert _narrowed("Use of drugz with lovastatin is contraindicated as these statins are cleared by one enzyme.")
    long_list = "Drugz is contraindicated with: " + "Antacids: drugq, drugr, drugs " * 6
    assert _narrowed(f"{long_list}HMG-CoA reductase inhibitors: lovastatin", "HMG-CoA reductase inhibitors")


def test_a_class_followed_by_examples_still_stands_for_the_class() -> None:
    assert not _narrowed("Use of drugz with statins (e.g., lovastatin) may raise their levels.")
    assert not _narrowed("Use of drugz with statins, such as simvastatin, may raise their levels.")
    assert not _narrowed("Use of statins may raise drugz levels.")


def test_a_narrowed_class_does_not_rate_its_other_members() -> None:
    sentence = "Concomitant use of drugz with statins that are cleared by one enzyme (lovastatin) is contraindicated."
    labels = [
        LabelRecord.from_openfda(_record("t-z", "drugz", contraindications=sentence)),
        *(
            LabelRecord.from_openfda(_record(f"t-{n}", n, drug_interactions="Monitor patients."))
            for n in ("lovastatin", "atorvastatin")
        ),
    ]
    knowledge = InteractionKnowledge.from_labels(labels, DrugCatalog.from_labels(labels))
    assert {e.severity for e in knowledge.evidence["drugz"]["lovastatin"]} == {"contraindicated"}
    assert "statins" not in knowledge.evidence["drugz"]


# Written for this test in the manner of an antiretroviral's table: one row names several drugs, its comment says
# "contraindicated" for the row and gives one of them advice of its own.
GROUP_HTML = (
    "<table><tr><td>Drug class: drugy drugw drugv</td><td>increases drugy, drugw and drugv levels</td>"
    "<td>Contraindicated due to potential for serious reactions. Use the lowest dose of drugv and monitor.</td></tr>"
    "</table>"
)
GROUP_FLAT = (
    "Drug class: drugy drugw drugv increases drugy, drugw and drugv levels Contraindicated due to potential for "
    "serious reactions. Use the lowest dose of drugv and monitor."
)


def test_a_drug_a_row_comment_singles_out_takes_that_sentence() -> None:
    knowledge = _knowledge(f"Drugz raises the levels of several drugs. {GROUP_FLAT}", GROUP_HTML)
    evidence = knowledge.evidence["drugz"]
    assert {e.severity for e in evidence["drugy"]} == {"contraindicated"}
    assert {e.severity for e in evidence["drugw"]} == {"contraindicated"}
    assert "contraindicated" not in {e.severity for e in evidence["drugv"]}
    assert evidence["drugv"][0].quote == "Use the lowest dose of drugv and monitor."


# A flattened "drug | recommendation | comments" table written for this test, as openFDA gives it when it keeps no
# cells: one run of text where one row's "Contraindicated" stands near the names of the next rows.
FLAT_ONLY = (
    "Lipid agents: Drugy Contraindicated Drugy: Drugz may increase the exposure of this drug, thereby increasing the "
    "risk of toxicities Drugw, Drugv: monitor as described below Drugw Use With Caution Drugv No Dose Adjustment "
    "Other Agents: none known."
)


def test_a_flattened_row_takes_its_own_recommendation_cell() -> None:
    labels = [
        LabelRecord.from_openfda(_record("t-z", "drugz", drug_interactions=FLAT_ONLY)),
        *(
            LabelRecord.from_openfda(_record(f"t-{n}", n, drug_interactions="Monitor patients."))
            for n in ("drugy", "drugw", "drugv")
        ),
    ]
    knowledge = InteractionKnowledge.from_labels(labels, DrugCatalog.from_labels(labels))
    evidence = knowledge.evidence["drugz"]
    assert {e.severity for e in evidence["drugy"]} == {"contraindicated"}
    assert {e.severity for e in evidence["drugw"]} == {"moderate"}
    assert {e.severity for e in evidence["drugv"]} == {"minor"}


def test_a_row_whose_effect_names_the_labels_own_drug_is_about_the_rows_drugs() -> None:
    # "Drugy (e.g., drugw): Drugy may bind to drugz. ...": the label's own drug named after the colon is not another
    # drug the row is about, so drugw and drugy keep the row.
    table = (
        "<table><tr><th>Drug or Drug Class</th><th>Effect</th></tr>"
        "<tr><td>Binders (e.g., drugy, drugw)</td><td>Binders may bind to drugz. Administer drugz tablets at least "
        "4 hours apart from these agents.</td></tr></table>"
    )
    flat = (
        "Drug or Drug Class Effect Binders (e.g., drugy, drugw) Binders may bind to drugz. Administer drugz tablets "
        "at least 4 hours apart from these agents."
    )
    evidence = _knowledge(f"Some drugs lower drugz absorption. {flat}", table).evidence["drugz"]
    for other in ("drugy", "drugw"):
        assert [(e.severity, e.rule) for e in evidence[other]] == [("moderate", "separate_doses")]
        assert "4 hours apart" in evidence[other][0].quote
        # What happens and what to do are read, so the row ranks as a worded sentence, not a bare mention.
        assert evidence[other][0].management == "Administer drugz tablets at least 4 hours apart from these agents"
        mechanism = evidence[other][0].mechanism
        assert mechanism is not None
        assert "absorption" in mechanism
