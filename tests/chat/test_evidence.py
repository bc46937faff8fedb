"""Which of an interaction's label sentences the chat answer quotes first (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

from pharmabot.chat.evidence import quoted_first
from pharmabot.schemas.interactions import EvidenceItem


def item(drug: str, quote: str, *, severity: Any = "major", kind: Any = "interaction") -> EvidenceItem:
    return EvidenceItem(
        label_drug=drug,
        section="drug_interactions",
        section_title="DRUG INTERACTIONS",
        set_id=f"{drug}-set",
        effective_time=None,
        url=f"https://example.org/{drug}",
        quote=quote,
        severity=severity,
        names="the other drug",
        kind=kind,
    )


def quotes(evidence: list[EvidenceItem], *, severity: str = "major", asked: tuple[str, ...] = ()) -> list[str]:
    return [e.quote for e in quoted_first(evidence, severity=severity, asked=asked)]


def test_the_asked_drugs_own_label_comes_first_when_both_say_what_happens() -> None:
    other = item("nitrofix", "Do not use nitrofix in patients taking PDE-5 inhibitors such as sildenafil.")
    own = item("sildenafil", "Sildenafil is contraindicated with organic nitrates in any form.")
    assert quotes([other, own], asked=("sildenafil", "nitrofix"))[0] == own.quote
    assert quotes([other, own], asked=("nitrofix", "sildenafil"))[0] == other.quote


def test_a_sentence_that_says_what_happens_beats_one_that_only_says_what_to_do() -> None:
    monitor = item("lisinoprilx", "Check kidney function now and then in patients on lisinoprilx and an NSAID.")
    effect = item("lisinoprilx", "Taking an NSAID with lisinoprilx may lead to worse kidney function.")
    assert quotes([monitor, effect], asked=("ibuprofen", "lisinoprilx")) == [effect.quote, monitor.quote]


def test_a_list_of_who_is_more_at_risk_does_not_come_before_the_effect_even_from_the_asked_label() -> None:
    factors = item("ibuprofen", "The chance is higher if you: are age 60 or older, take a blood thinner.")
    effect = item("anticoagx", "Chronic NSAID use with anticoagx increases the risk of bleeding.")
    assert quotes([factors, effect], asked=("ibuprofen", "anticoagx"))[0] == effect.quote


def test_the_quote_bears_out_the_severity_given() -> None:
    minor = item("drugb", "Drug A may increase drug B levels slightly.", severity="minor")
    major = item("druga", "Drug A with drug B can cause serious bleeding.", severity="major")
    assert quotes([minor, major], severity="major", asked=("drugb", "druga"))[0] == major.quote


def test_a_drug_property_follows_the_sentences_that_state_the_interaction() -> None:
    prop = item("drugq", "Drug Q prolongs the QT interval.", kind="drug_property")
    stated = item("drugr", "Use drug R with drugs that prolong the QT interval with care.")
    assert quotes([prop, stated], asked=("drugq", "drugr"))[0] == stated.quote


def test_ties_keep_the_engines_order() -> None:
    first = item("drugx", "Drug X increases drug Y exposure.")
    second = item("drugx", "Drug X raises drug Y levels.")
    assert quotes([first, second], asked=("drugx",)) == [first.quote, second.quote]
    assert quotes([], asked=()) == []
