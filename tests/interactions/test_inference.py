"""Interactions the labels imply without naming each other, severity from references, and readable evidence."""

from __future__ import annotations

import re

from pharmabot.interactions.engine import InteractionEngine
from pharmabot.schemas.interactions import Interaction


def _one(engine: InteractionEngine, a: str, b: str, audience: str = "professional") -> Interaction:
    report = engine.check(drugs=[a, b], audience=audience)  # type: ignore[arg-type]
    assert len(report.interactions) == 1, report
    return report.interactions[0]


def test_a_role_one_label_warns_about_and_the_other_label_states(wide_engine: InteractionEngine) -> None:
    # Sertraline's label: "reduce dosage of drugs metabolized by CYP2D6"; metoprolol's: "metabolized predominantly
    # by CYP2D6". Neither names the other; the evidence quotes both sentences.
    hit = _one(wide_engine, "sertraline", "metoprolol")
    kinds = {(e.label_drug, e.kind) for e in hit.evidence}
    assert ("sertraline", "interaction") in kinds
    assert ("metoprolol", "drug_property") in kinds
    first = hit.evidence[0]
    assert first.kind == "interaction"
    assert "CYP2D6" in first.quote
    prop = next(e for e in hit.evidence if e.kind == "drug_property")
    assert "metoprolol" in prop.quote.lower()
    assert "CYP2D6" in prop.quote
    assert hit.severity in {"moderate", "major"}


def test_effect_classes_from_the_drugs_own_warnings(engine: InteractionEngine) -> None:
    # Sertraline's label says to avoid drugs that prolong the QT interval; ciprofloxacin's warns of QT prolongation.
    hit = _one(engine, "sertraline", "ciprofloxacin")
    assert hit.severity in {"major", "contraindicated"}
    assert any(e.kind == "drug_property" and "QT" in e.quote for e in hit.evidence)


def test_anticoagulant_with_nsaid_is_major_and_quotes_the_bleeding_sentence(wide_engine: InteractionEngine) -> None:
    for nsaid in ("ibuprofen", "naproxen"):
        hit = _one(wide_engine, "warfarin", nsaid, "consumer")
        assert hit.severity == "major", nsaid
        first = hit.evidence[0].quote
        assert re.search(r"NSAID|nonsteroidal|ibuprofen|naproxen|warfarin|anticoagulant", first, re.IGNORECASE)
        assert re.search(r"bleed|monitor|avoid|risk", first, re.IGNORECASE), first
        assert first.count(",") / max(len(first.split()), 1) <= 0.15  # not a flattened list of names
        assert any(r.list == "PharmaBot class rule" for r in hit.rules)
    # Warfarin's own label: the class it names in one sentence and what to do in the next, quoted together.
    first = _one(wide_engine, "warfarin", "ibuprofen").evidence[0]
    assert first.label_drug == "warfarin"
    assert "closely monitor" in first.quote


def test_ace_inhibitor_with_spironolactone_is_never_minor(wide_engine: InteractionEngine) -> None:
    hit = _one(wide_engine, "lisinopril", "spironolactone")
    assert hit.severity == "major"
    assert hit.mechanism
    assert "potassium" in hit.mechanism


def test_zocor_biaxin_quotes_the_sentence_about_them_not_another_drug(engine: InteractionEngine) -> None:
    hit = _one(engine, "Zocor", "Biaxin")
    assert hit.severity == "contraindicated"
    first = hit.evidence[0].quote
    assert "lomitapide" not in first.lower()
    assert re.search(r"simvastatin|clarithromycin|CYP3A", first, re.IGNORECASE)


def test_quotes_carry_no_section_numbers_or_cross_references(engine: InteractionEngine) -> None:
    for a, b in (("tizanidine", "ciprofloxacin"), ("simvastatin", "clarithromycin"), ("warfarin", "ibuprofen")):
        for e in _one(engine, a, b).evidence:
            assert not re.match(r"\(?\d{1,2}\.\d", e.quote), e.quote
            assert "[see" not in e.quote.lower(), e.quote
            assert "( 5." not in e.quote, e.quote
    first = _one(engine, "tizanidine", "ciprofloxacin").evidence[0].quote
    assert not first.startswith("Strong CYP1A2 Inhibitors")


def test_food_notes_only_from_sentences_stating_an_interaction(engine: InteractionEngine) -> None:
    # The OTC ibuprofen label says to take it with food or milk if stomach upset occurs: advice, not an interaction.
    assert "dairy_calcium" not in {n.kind for n in engine.food_notes(drug="ibuprofen")}
    kinds = {(f.drug, f.kind) for f in engine.check(drugs=["simvastatin", "metformin"]).food_notes}
    assert ("simvastatin", "grapefruit") in kinds
    assert ("metformin", "alcohol") in kinds


def test_a_strong_inhibitor_with_a_sensitive_substrate_is_major_by_fdas_definitions(engine: InteractionEngine) -> None:
    # FDA's table: clarithromycin is a strong CYP3A inhibitor and sildenafil a sensitive CYP3A substrate.
    hit = _one(engine, "clarithromycin", "sildenafil")
    assert hit.severity in {"major", "contraindicated"}
    rule = next(r for r in hit.rules if r.rule == "strong CYP3A4 inhibitors + sensitive CYP3A4 substrates")
    assert "FDA" in rule.source
    assert rule.severity == "major"
    # The table row that makes sildenafil both a CYP3A substrate and a sensitive one is cited once.
    cited = [r.rule for r in hit.rules if r.rule.startswith("sildenafil:")]
    assert len(cited) == len(set(cited)) == 1
