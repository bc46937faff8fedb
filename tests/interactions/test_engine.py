"""The engine on real label text for the pairs the issue names."""

from __future__ import annotations

import sqlite3

import pytest

from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.knowledge import InteractionKnowledge, write_interaction_knowledge
from tests.support.labels import DEFAULT_TEST_DRUGS, catalog_for, labels_for


def _one(engine: InteractionEngine, a: str, b: str, audience: str = "consumer"):  # type: ignore[no-untyped-def]
    report = engine.check(drugs=[a, b], audience=audience)  # type: ignore[arg-type]
    assert len(report.interactions) == 1, report
    return report.interactions[0]


def test_simvastatin_clarithromycin_is_contraindicated_via_cyp3a4(engine: InteractionEngine) -> None:
    hit = _one(engine, "simvastatin", "clarithromycin")
    assert hit.severity == "contraindicated"
    assert any("CYP3A" in e.quote or "clarithromycin" in e.quote for e in hit.evidence)
    assert {e.label_drug for e in hit.evidence} == {"simvastatin", "clarithromycin"}  # both directions
    assert any(r.list == "ONC high-priority" for r in hit.rules)
    assert all(e.url.startswith("https://dailymed.nlm.nih.gov/") for e in hit.evidence)


def test_brand_names_resolve_to_the_same_interaction(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["Zocor", "Biaxin"], audience="consumer")
    assert [d.drug for d in report.resolved] == ["simvastatin", "clarithromycin"]
    assert report.interactions[0].severity == "contraindicated"


def test_sertraline_phenelzine_maoi_contraindicated(engine: InteractionEngine) -> None:
    hit = _one(engine, "sertraline", "phenelzine")
    assert hit.severity == "contraindicated"
    assert hit.mechanism
    assert "serotonin syndrome" in hit.mechanism


def test_sildenafil_nitrates_contraindicated(engine: InteractionEngine) -> None:
    hit = _one(engine, "sildenafil", "isosorbide mononitrate")
    assert hit.severity == "contraindicated"
    assert any("nitrate" in e.quote.lower() for e in hit.evidence)


def test_warfarin_ibuprofen_bleeding(engine: InteractionEngine) -> None:
    hit = _one(engine, "warfarin", "ibuprofen")
    assert hit.severity in {"major", "moderate"}
    assert hit.mechanism
    assert "bleeding" in hit.mechanism


def test_methotrexate_with_sulfamethoxazole_trimethoprim(engine: InteractionEngine) -> None:
    hit = _one(engine, "methotrexate", "Bactrim")
    assert hit.severity in {"contraindicated", "major", "moderate"}


def test_tizanidine_ciprofloxacin_cyp1a2(engine: InteractionEngine) -> None:
    hit = _one(engine, "tizanidine", "ciprofloxacin")
    assert hit.severity == "contraindicated"
    assert any("Tizanidine" in r.rule for r in hit.rules)


def test_misspelled_name_resolves(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["simvastatn", "clarithromycin"], audience="consumer")
    assert report.resolved[0].drug == "simvastatin"
    assert report.resolved[0].method == "fuzzy"
    assert report.interactions


def test_pair_without_interaction_says_none_found_not_safe(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["metformin", "atorvastatin"], audience="consumer")
    assert report.interactions == []
    assert "not proof" in report.disclaimer
    assert any("none found" in n.lower() or "no interaction" in n.lower() for n in report.notes)
    assert "safe" not in " ".join(report.notes).lower()


def test_unknown_and_duplicate_names_are_reported(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["warfarin", "Warfarin", "qwertyxyz"], audience="consumer")
    statuses = {u.input: u.status for u in report.unresolved}
    assert statuses == {"Warfarin": "duplicate", "qwertyxyz": "unknown"}
    assert report.notes


def test_professional_keeps_label_wording(engine: InteractionEngine) -> None:
    consumer = _one(engine, "simvastatin", "clarithromycin")
    professional = _one(engine, "simvastatin", "clarithromycin", "professional")
    assert consumer.management
    assert "talk to your prescriber or pharmacist" in consumer.management
    assert professional.management
    assert "talk to your prescriber" not in professional.management


def test_duplication_and_sorting(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["simvastatin", "atorvastatin", "clarithromycin"], audience="consumer")
    assert any(d.drug_class == "statins" for d in report.duplications)
    order = [i.severity for i in report.interactions]
    rank = {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1}
    assert order == sorted(order, key=lambda s: -rank[s])


def test_food_notes_from_labels(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["simvastatin", "metformin"], audience="consumer")
    kinds = {(f.drug, f.kind) for f in report.food_notes}
    assert ("simvastatin", "grapefruit") in kinds
    assert ("metformin", "alcohol") in kinds


def test_write_and_load_round_trip(knowledge: InteractionKnowledge) -> None:
    conn = sqlite3.connect(":memory:")
    write_interaction_knowledge(conn, labels_for(DEFAULT_TEST_DRUGS), catalog_for(DEFAULT_TEST_DRUGS))
    loaded = InteractionKnowledge.load(conn)
    assert loaded.evidence.keys() == knowledge.evidence.keys()
    assert loaded.class_members == knowledge.class_members
    assert len(loaded.rules) == len(knowledge.rules)
    engine = InteractionEngine(knowledge=loaded, catalog=catalog_for(DEFAULT_TEST_DRUGS))
    assert engine.check(drugs=["Zocor", "Biaxin"]).interactions[0].severity == "contraindicated"


@pytest.mark.parametrize("count", [2, 20])
def test_long_lists_are_checked_pair_by_pair(engine: InteractionEngine, count: int) -> None:
    # Speed is measured by bench/interactions.py; here only that every pair is looked at.
    names = list(DEFAULT_TEST_DRUGS)[:count] + ["lisinopril", "aspirin", "naproxen", "fluoxetine"][: max(0, count - 16)]
    report = engine.check(drugs=names)
    assert len(report.resolved) == count
    pairs = {tuple(sorted(i.drugs)) for i in report.interactions}
    assert len(pairs) == len(report.interactions) <= count * (count - 1) // 2


def test_evidence_that_says_what_happens_comes_before_a_bare_list_of_names() -> None:
    from pharmabot.interactions.knowledge import LabelEvidence, evidence_rank

    def evidence(quote: str, *, mechanism: str | None) -> LabelEvidence:
        return LabelEvidence(
            subject="warfarin",
            target_kind="class",
            target="nsaids",
            section="drug_interactions",
            set_id="s",
            label_title="warfarin",
            effective_time=None,
            quote=quote,
            severity="moderate",
            rule="r",
            mechanism=mechanism,
            management=None,
        )

    table = evidence("aspirin, cilostazol, clopidogrel, dipyridamole, prasugrel, ibuprofen, naproxen", mechanism=None)
    prose = evidence("Concomitant use of NSAIDs may increase the risk of bleeding.", mechanism="risk: bleeding")
    assert sorted([table, prose], key=evidence_rank) == [prose, table]


def test_a_sentence_naming_the_drugs_own_class_comes_before_one_naming_a_general_class() -> None:
    from pharmabot.interactions.knowledge import LabelEvidence, evidence_rank
    from pharmabot.interactions.lexicon import GENERAL_CLASSES

    def evidence(quote: str, target: str, severity: str, section: str) -> LabelEvidence:
        return LabelEvidence(
            subject="rivaroxaban",
            target_kind="class",
            target=target,
            section=section,
            set_id="s",
            label_title="rivaroxaban",
            effective_time=None,
            quote=quote,
            severity=severity,  # type: ignore[arg-type]
            rule="r",
            mechanism="risk: bleeding",
            management=None,
        )

    assert {"bleeding", "serotonergic", "cyp3a_inhibitors", "hyperkalemia"} <= GENERAL_CLASSES
    # An enzyme role of any strength gathers the strong, moderate and sensitive ones.
    assert {"cyp3a_substrates", "cyp2d6_inhibitors"} <= GENERAL_CLASSES
    # One chain of classes is still one kind of drug; a graded role is specific.
    assert not {
        "nsaids",
        "anticoagulants",
        "strong_cyp3a_inhibitors",
        "sensitive_cyp3a_substrates",
        "qt_prolonging",
    } & (GENERAL_CLASSES)
    general = evidence(
        "Use with other drugs that impair hemostasis raises the risk of bleeding.", "bleeding", "major", "boxed_warning"
    )
    named = evidence(
        "Giving warfarin, aspirin, clopidogrel and an NSAID with it may raise the risk of bleeding.",
        "nsaids",
        "moderate",
        "drug_interactions",
    )
    assert sorted([general, named], key=evidence_rank) == [named, general]
    # A handful of examples is a sentence; a long run of names is still a list.
    assert evidence_rank(named)[3] == 0
    table = evidence(
        "aspirin, cilostazol, clopidogrel, dipyridamole, prasugrel, ibuprofen, naproxen",
        "nsaids",
        "moderate",
        "drug_interactions",
    )
    assert evidence_rank(table)[3] >= 1
    # A quote cut at its end (a run-on Drug Facts panel) is a piece, not the sentence to lead with.
    run_on = evidence(
        "The chance is higher if you: take a blood thinning drug take other drugs…",
        "anticoagulants",
        "moderate",
        "warnings",
    )
    assert evidence_rank(run_on)[3] == 1


def test_food_notes_quote_the_words_about_the_food(engine: InteractionEngine) -> None:
    # The OTC ibuprofen label is Drug Facts text with no sentence breaks: the quote must show the alcohol part.
    notes = {note.kind: note for note in engine.food_notes(drug="ibuprofen")}
    assert "alcoholic drinks" in notes["alcohol"].quote
