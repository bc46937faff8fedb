"""Run-on sentences of flattened highlights bullets: each drug or class is rated by its own clause."""

from __future__ import annotations

from typing import Any

from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.extract import Found
from pharmabot.interactions.knowledge import InteractionKnowledge, _clause_around
from pharmabot.knowledge.labels import LabelRecord
from pharmabot.knowledge.names import DrugCatalog

# Label-style text written for these tests: bullets of a highlights box that lost their line breaks.
RUN_ON = (
    "Should not be used in combination with other alpha adrenergic blocking agents Exercise caution with "
    "concomitant administration of warfarin Advise patients about the possibility of priapism"
)


def _at(sentence: str, name: str) -> Found:
    start = sentence.index(name)
    return Found("drug", name, start, start + len(name))


def _clause(sentence: str, name: str) -> str | None:
    span = _clause_around(sentence, _at(sentence, name))
    return None if span is None else sentence[span[0] : span[1]].strip()


def test_a_run_on_is_cut_at_each_bullet_opening() -> None:
    assert _clause(RUN_ON, "warfarin") == "Exercise caution with concomitant administration of warfarin"
    assert _clause(RUN_ON, "alpha adrenergic") == (
        "Should not be used in combination with other alpha adrenergic blocking agents"
    )


def test_ordinary_sentences_headings_and_row_names_are_not_cut() -> None:
    # One sentence: nothing to cut.
    assert _clause("Avoid concomitant use with warfarin because bleeding may increase.", "warfarin") is None
    # A drug name heading a table row is not a clause of its own ("Drugy Avoid Use ...").
    row = "Drugy Avoid Use Co-administration with drugx may increase blood levels of drugy"
    assert _clause(row, "Drugy") is None
    # A numbered title-case heading belongs to the text after it.
    titled = "7.3 Aspirin and Drugs that Increase Bleeding Risk Co-administration with aspirin increased bleeding time"
    assert _clause(titled, "aspirin increased") is None


def _record(set_id: str, generic: str, **sections: str) -> dict[str, Any]:
    openfda = {"generic_name": [generic.upper()], "route": ["ORAL"]}
    return {"set_id": set_id, "id": set_id, "effective_time": "20240101", "openfda": openfda} | {
        k: [v] for k, v in sections.items()
    }


def test_evidence_from_a_run_on_takes_its_clause_severity_and_quote() -> None:
    labels = [
        LabelRecord.from_openfda(_record("t-zel", "zelatrine", warnings_and_cautions=RUN_ON + ".")),
        LabelRecord.from_openfda(
            _record("t-war", "warfarin", drug_interactions="Monitor INR when other drugs are started.")
        ),
    ]
    catalog = DrugCatalog.from_labels(labels)
    knowledge = InteractionKnowledge.from_labels(labels, catalog)
    (evidence, *_) = knowledge.evidence["zelatrine"]["warfarin"]
    # "Should not be used" is about the alpha blockers; what the label says about warfarin is "exercise caution".
    assert evidence.severity == "moderate"
    assert evidence.quote == "Exercise caution with concomitant administration of warfarin"
    hit = InteractionEngine(knowledge=knowledge, catalog=catalog).check(
        drugs=["zelatrine", "warfarin"], audience="professional"
    )
    assert [i.severity for i in hit.interactions] == ["moderate"]


def test_the_drug_named_after_levels_of_is_the_one_whose_exposure_changes() -> None:
    # Label-style sentences written for this test: an inducer's label lists the drugs whose levels it lowers; a
    # narrow-therapeutic-index drug's own levels are not what changes.
    sentence = (
        "Drugz causes decreased levels of the following drugs, for which monitoring of concentrations may be "
        "necessary: drugw, drugv."
    )
    labels = [
        LabelRecord.from_openfda(_record("t-z", "drugz", drug_interactions=sentence)),
        LabelRecord.from_openfda(_record("t-w", "drugw", drug_interactions="Monitor patients.")),
    ]
    catalog = DrugCatalog.from_labels(labels)
    knowledge = InteractionKnowledge.from_labels(labels, catalog)
    (evidence, *_) = knowledge.evidence["drugz"]["drugw"]
    assert evidence.mechanism is not None
    assert evidence.mechanism.startswith("decreases drugw exposure")


def test_a_table_rows_first_cell_takes_the_advice_that_follows_it() -> None:
    # A flattened table row written for this test: the first cell names the drugs, the next says what to do.
    row = "Antivirals: drugy drugv ↑ drugz Coadministration of drugz with drugy-containing regimens is not recommended."
    labels = [
        LabelRecord.from_openfda(_record("t-z", "drugz", drug_interactions=row)),
        LabelRecord.from_openfda(_record("t-y", "drugy", drug_interactions="Monitor patients.")),
    ]
    catalog = DrugCatalog.from_labels(labels)
    knowledge = InteractionKnowledge.from_labels(labels, catalog)
    assert {e.severity for e in knowledge.evidence["drugz"]["drugy"]} == {"major"}


def test_an_aside_making_another_drug_contraindicated_does_not_rate_the_rest_of_the_sentence() -> None:
    # Label-style text written for this test, in the shape of the SSRI labels' QT advice.
    sentence = (
        "Avoid concomitant use of drugz with drugs that prolong the QT interval (drugz is contraindicated in patients "
        "taking drugy)."
    )
    labels = [
        LabelRecord.from_openfda(_record("t-z", "drugz", drug_interactions=sentence)),
        LabelRecord.from_openfda(_record("t-y", "drugy", drug_interactions="Monitor patients.")),
    ]
    catalog = DrugCatalog.from_labels(labels)
    knowledge = InteractionKnowledge.from_labels(labels, catalog)
    # The drug in the parenthesis is contraindicated; the class outside it gets the sentence's "avoid".
    assert {e.severity for e in knowledge.evidence["drugz"]["drugy"]} == {"contraindicated"}
    assert {e.severity for e in knowledge.evidence["drugz"]["qt_prolonging"]} == {"major"}
