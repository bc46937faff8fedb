"""The engine on real label text for the pairs the issue names."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import pytest

from pharmabot.interactions.engine import InteractionEngine, _evidence_item, typed_food
from pharmabot.interactions.knowledge import InteractionKnowledge, LabelEvidence, write_interaction_knowledge
from pharmabot.knowledge.labels import LabelRecord
from pharmabot.knowledge.names import DrugCatalog
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
    # The consumer summary says what happens, not a general "can cause serious problems".
    assert "risk of bleeding" in hit.summary


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


def test_oral_minerals_typed_alone_chelate_a_quinolone(engine: InteractionEngine) -> None:
    # Ciprofloxacin's label warns about antacids and products containing magnesium, calcium, iron or zinc. The only
    # product of "magnesium" alone is an injection: the mineral typed alone means what people take by mouth.
    for name, shown in (
        ("magnesium", "magnesium"),
        ("Magnesium Oxide", "magnesium oxide"),
        ("magnesium hydroxide", "magnesium hydroxide"),
        ("calcium carbonate", "calcium carbonate"),
        ("sodium bicarbonate", "sodium bicarbonate"),
        ("iron", "iron"),
    ):
        report = engine.check(drugs=["ciprofloxacin", name], audience="professional")
        assert [d.drug for d in report.resolved] == ["ciprofloxacin", shown], name
        assert len(report.interactions) == 1, name
        hit = report.interactions[0]
        assert hit.severity in {"moderate", "major"}, name
        assert any(re.search(r"antacid|cation|magnesium|calcium|iron", e.quote, re.I) for e in hit.evidence), name


def _labels(*records: dict[str, Any]) -> InteractionEngine:
    labels = [LabelRecord.from_openfda(r) for r in records]
    catalog = DrugCatalog.from_labels(labels)
    return InteractionEngine(knowledge=InteractionKnowledge.from_labels(labels, catalog), catalog=catalog)


def _record(generic: str, **sections: str) -> dict[str, Any]:
    openfda = {"generic_name": [generic.upper()], "route": ["ORAL"]}
    return {"set_id": f"t-{generic}", "id": generic, "effective_time": "20240101", "openfda": openfda} | {
        k: [v] for k, v in sections.items()
    }


def test_a_contraindication_needs_the_drug_named_a_general_role_is_major() -> None:
    # Label-style text written for this test: a strong CYP3A4 inhibitor whose contraindications name one drug and,
    # in general, "a number of CYP3A4 substrates".
    engine = _labels(
        _record(
            "zelatrine",
            contraindications="Coadministration of a number of CYP3A4 substrates is contraindicated with zelatrine. "
            "Coadministration of zelatrine with pimozolone is contraindicated.",
            clinical_pharmacology="Zelatrine is a strong inhibitor of CYP3A4.",
        ),
        _record("drugyl", clinical_pharmacology="Drugyl is metabolized primarily by CYP3A4."),
        _record("pimozolone", clinical_pharmacology="Pimozolone is metabolized primarily by CYP3A4."),
    )
    general = engine.check(drugs=["zelatrine", "drugyl"], audience="professional").interactions
    assert len(general) == 1
    assert general[0].severity == "major"
    named = engine.check(drugs=["zelatrine", "pimozolone"], audience="professional").interactions
    assert len(named) == 1
    assert named[0].severity == "contraindicated"
    assert "pimozolone" in named[0].evidence[0].quote


def test_a_lost_effect_the_label_calls_seizures_or_resistance_is_major() -> None:
    # Label-style text written for this test.
    engine = _labels(
        _record(
            "valnorate",
            drug_interactions="Coadministration with rifanone may reduce serum valnorate concentrations to "
            "subtherapeutic levels, resulting in loss of seizure control. Monitor valnorate concentrations.",
        ),
        _record(
            "virastat",
            drug_interactions="Rifanone may decrease virastat concentrations, which may result in loss of virologic "
            "response and development of resistance.",
        ),
        _record("rifanone", indications_and_usage="Rifanone is indicated for tuberculosis."),
    )
    for drug in ("valnorate", "virastat"):
        hits = engine.check(drugs=[drug, "rifanone"], audience="professional").interactions
        assert [h.severity for h in hits] == ["major"], drug


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("grapefruit juice", "grapefruit"),
        ("Grapefruit", "grapefruit"),
        ("milk", "dairy_calcium"),
        ("dairy products", "dairy_calcium"),
        ("aged cheese", "tyramine"),
        ("simvastatin", None),
        ("alcohol", None),  # a drug here: the class rules count it as a CNS depressant
        ("grapefruit seed extract capsules", None),
    ],
)
def test_typed_foods_are_recognised(typed: str, kind: str | None) -> None:
    assert typed_food(typed) == kind


def test_a_food_typed_as_a_medicine_is_reported_as_food_not_as_an_unknown_drug(engine: InteractionEngine) -> None:
    report = engine.check(drugs=["simvastatin", "grapefruit juice"])
    assert [(u.input, u.status, u.suggestions) for u in report.unresolved] == [("grapefruit juice", "food", [])]
    assert any("food or drink, not a medicine" in note for note in report.notes)
    assert [r.drug for r in report.resolved] == ["simvastatin"]


def test_a_quote_cut_after_a_table_row_loses_the_punctuation_left_at_its_start() -> None:
    evidence = LabelEvidence(
        subject="atorvastatin",
        target_kind="drug",
        target="clarithromycin",
        section="drug_interactions",
        set_id="set-1",
        label_title="ATORVASTATIN",
        effective_time=None,
        quote=". Consider the risk and benefit of using clarithromycin with this medicine.",
        severity="major",
        rule="label",
        mechanism=None,
        management=None,
    )
    assert _evidence_item(evidence).quote == "Consider the risk and benefit of using clarithromycin with this medicine."


def test_chelation_is_told_as_reduced_absorption_not_a_risk_of_it(engine: InteractionEngine) -> None:
    hit = _one(engine, "ciprofloxacin", "magnesium oxide")
    assert hit.mechanism == "can reduce absorption"
    assert "with magnesium oxide can reduce absorption" in hit.summary


def _labels_with(*records: dict[str, Any], unlabelled: tuple[str, ...] = ()) -> InteractionEngine:
    """An engine over RECORDS whose catalog also knows UNLABELLED drugs (as the Orange Book adds them)."""
    labels = [LabelRecord.from_openfda(r) for r in records]
    catalog = DrugCatalog.from_labels(labels, orange_book=[(name.title(), (name,), True) for name in unlabelled])
    return InteractionEngine(knowledge=InteractionKnowledge.from_labels(labels, catalog), catalog=catalog)


def test_a_class_statement_in_another_members_label_speaks_for_a_member_with_no_label() -> None:
    # Label-style text written for this test: doxycycline's label states a fact for tetracyclines as a class;
    # minocycline has a label of its own that says nothing about minerals; tetracycline has no label here.
    engine = _labels_with(
        _record(
            "doxycycline",
            drug_interactions="Tetracyclines bind metal ions, so antacids and iron supplements lower the absorption "
            "of tetracyclines; give them 2 hours apart. Rifampin may decrease doxycycline concentrations, unlike other "
            "tetracyclines.",
        ),
        _record("minocycline", drug_interactions="Minocycline may increase the effect of warfarin."),
        _record("rifampin", indications_and_usage="Rifampin is indicated for tuberculosis."),
        unlabelled=("tetracycline",),
    )
    # A sentence that names the label's own drug speaks of that drug, not of the class.
    assert engine.check(drugs=["doxycycline", "rifampin"]).interactions
    assert not engine.check(drugs=["tetracycline", "rifampin"]).interactions
    for mineral in ("magnesium", "iron", "ferrous sulfate"):
        (hit,) = engine.check(drugs=["tetracycline", mineral]).interactions
        assert hit.severity == "moderate", mineral
        first = hit.evidence[0]
        assert (first.label_drug, first.kind) == ("doxycycline", "class_statement"), mineral
        assert "tetracyclines" in first.quote
        assert "doxycycline label (drug interactions), which says it of tetracyclines as a class" in hit.summary
    # The doxycycline label's own pair is an ordinary interaction, and a member with a label speaks for itself.
    (own,) = engine.check(drugs=["doxycycline", "iron"]).interactions
    assert own.evidence[0].kind == "interaction"
    assert not engine.check(drugs=["minocycline", "iron"]).interactions


def test_a_class_statement_needs_the_class_by_name_not_an_effect_the_label_shares() -> None:
    # Label-style text written for this test: "serotonergic drugs" is an effect class the label's drug is in, named
    # for the partners; it does not speak for other serotonergic drugs with no label.
    engine = _labels_with(
        _record(
            "sertraline",
            drug_interactions="Concomitant use of serotonergic drugs with zelorin increases the risk of serotonin "
            "syndrome.",
        ),
        _record("zelorin", indications_and_usage="Zelorin is indicated for infections."),
        unlabelled=("buspirone",),
    )
    assert engine.check(drugs=["sertraline", "zelorin"]).interactions
    assert not engine.check(drugs=["buspirone", "zelorin"]).interactions


def test_alcohol_pairs_quote_the_medicines_own_alcohol_sentence_once() -> None:
    # Label-style text written for this test.
    engine = _labels_with(
        _record(
            "zolpidem",
            information_for_patients="Do not take zolpidem if you drank alcohol that evening: alcohol adds to its "
            "sleepiness.",
        ),
        _record("lisinopril", indications_and_usage="Lisinopril is indicated for hypertension."),
        _record("amoxicillin", indications_and_usage="Amoxicillin is indicated for infections."),
    )
    report = engine.check(drugs=["zolpidem", "beer", "lisinopril", "amoxicillin"])
    assert [r.drug for r in report.resolved] == ["zolpidem", "alcohol", "lisinopril", "amoxicillin"]
    pairs = {i.drugs: i for i in report.interactions}
    zolpidem = pairs[("zolpidem", "alcohol")]
    assert zolpidem.severity == "major"  # the label says do not take it after drinking
    assert "drank alcohol" in zolpidem.evidence[0].quote
    assert any("NIAAA" in r.source for r in zolpidem.rules)
    assert pairs[("alcohol", "lisinopril")].severity == "moderate"  # the NIAAA's blood pressure rule alone
    assert ("alcohol", "amoxicillin") not in pairs
    # The zolpidem alcohol sentence is the pair's evidence: not repeated as a food note.
    assert not [n for n in report.food_notes if n.kind == "alcohol"]
    alone = engine.check(drugs=["zolpidem", "amoxicillin"])
    assert [n.kind for n in alone.food_notes] == ["alcohol"]
