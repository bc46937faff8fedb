"""The reading of requests to take a medicine other than as directed, and the reply they get (no dose, ever)."""

from __future__ import annotations

import re

import pytest

from pharmabot.safety.dose_misuse import (
    CLASSES,
    KINDS,
    DoseMisuse,
    classes_of,
    misuse_reply,
    pick_label_sentence,
    read_dose_misuse,
)


@pytest.mark.parametrize(
    ("message", "kind", "cls"),
    [
        ("is it ok if i take a third percocet this evening, the pain is awful", "more", "opioid"),
        ("could I double up my morphine tonight so it lasts", "more", "opioid"),
        ("can i take my methadone sooner than the clinic told me", "sooner", "opioid"),
        ("can i use my hydromorphone to get some sleep on the plane", "effect", "opioid"),
        ("would it be ok to take an extra diazepam before the dentist", "more", "benzodiazepine"),
        ("can I take one more eszopiclone since I'm still wide awake", "more", "sedative_hypnotic"),
        ("can I take focalin to have energy for my night shift", "effect", "stimulant"),
        ("can I take dexedrine so i can lose weight faster", "effect", "stimulant"),
        ("can I take glipizide twice this evening, my reading is 250", "more", "glucose_lowering"),
        ("should I take more of my jantoven than the clinic said", "more", "anticoagulant"),
        ("can I take paracetamol every hour for this migraine", "sooner", "acetaminophen"),
        ("can I take my cytomel to help me lose some weight", "effect", "thyroid"),
    ],
)
def test_a_request_of_each_kind_and_class_is_read(message: str, kind: str, cls: str) -> None:
    found = read_dose_misuse(message)
    assert found is not None
    assert kind in found.kinds
    assert cls in found.classes


@pytest.mark.parametrize(
    "message",
    [
        # A missed dose: the label says what to do.
        "I didn't take my apixaban this morning, can I take it at lunch?",
        "forgot last night's glyburide, do I double it today?",
        # The label's maximum or usual dose, asked as information.
        "what is the most hydrocodone allowed in one day",
        "whats the usual starting dose of methylphenidate",
        # Bedtime dosing and a medicine's own use.
        "can I take eszopiclone at bedtime to help me sleep",
        "can I take diazepam to calm down before an MRI",
        # Extra-strength products.
        "are extra strength acetaminophen caplets bigger",
        "can i take extra-strength tylenol with ibuprofen",
        # What happens, and a dose the prescriber set.
        "what happens if someone takes double their warfarin",
        "my prescriber told me to take two tramadol at night, is that normal",
        # A dose taken by mistake is not a request (the emergency check sees one with danger signs).
        "I accidentally took my morning metoprolol twice",
        # Nothing high-risk named: a short interval labelled for some products.
        "can I chew nicotine gum every 2 hours",
    ],
)
def test_look_alikes_are_answered_as_before(message: str) -> None:
    assert read_dose_misuse(message) is None


def test_three_instead_of_one_is_more_and_one_instead_of_two_is_not() -> None:
    assert read_dose_misuse("can I take three oxycodone instead of one") is not None
    assert read_dose_misuse("can I take one oxycodone instead of two") is None


def test_a_shorter_interval_than_directed_is_sooner() -> None:
    found = read_dose_misuse("can i take it every 2 hours instead of every 8")
    assert found is not None
    assert "sooner" in found.kinds
    assert read_dose_misuse("can i take it every 12 hours instead of every 8") is None


def test_every_class_and_kind_names_its_source_and_compiles() -> None:
    for cls in CLASSES:
        assert cls.source
        assert cls.danger
        re.compile(cls.names, re.VERBOSE)
        for wording in cls.label_wording:
            re.compile(wording, re.VERBOSE)
    for kind in KINDS:
        assert kind.source
        for rule in kind.rules:
            re.compile(rule, re.VERBOSE)


def test_classes_are_read_from_brand_and_generic_names() -> None:
    assert classes_of("my Norco and my Eliquis") == ("opioid", "anticoagulant")
    assert classes_of("tylenol pm") == ()  # the night-time product is a sleep aid, not acetaminophen alone


_PHONE_NUMBERS = re.compile(r"\b911\b|1-800-222-1222")


@pytest.mark.parametrize("cls", [cls.name for cls in CLASSES])
def test_the_reply_names_no_dose_and_refers(cls: str) -> None:
    reply = misuse_reply(DoseMisuse(kinds=("more",), classes=(cls,)), drug="the medicine")
    assert not re.search(r"\d", _PHONE_NUMBERS.sub("", reply))
    assert "prescriber or pharmacist" in reply
    assert not re.search(r"\bstop (?:taking|using|it)\b", reply.lower())  # never told to stop a medicine


def test_sedating_classes_get_the_overdose_signs_and_help_lines() -> None:
    for cls in ("opioid", "benzodiazepine", "sedative_hypnotic"):
        reply = misuse_reply(DoseMisuse(kinds=("more",), classes=(cls,)), drug="it")
        assert "slow or shallow breathing" in reply
        assert "911" in reply
        assert "1-800-222-1222" in reply
    reply = misuse_reply(DoseMisuse(kinds=("more",), classes=("anticoagulant",)), drug="it")
    assert "bleeding" in reply
    assert "shallow breathing" not in reply
    assert "1-800-222-1222" in reply


def test_the_reply_names_the_effect_asked_for_and_quotes_the_label() -> None:
    misuse = DoseMisuse(kinds=("effect",), effects=("sleep",), classes=("opioid",))
    reply = misuse_reply(misuse, drug="oxycodone", quote="Take exactly as prescribed.", mark="[1]")
    assert "not for sleep" in reply
    assert 'The FDA label for oxycodone says: "Take exactly as prescribed." [1]' in reply


def test_the_quote_is_the_class_wording_in_a_whole_sentence() -> None:
    misuse = DoseMisuse(kinds=("more",), classes=("opioid",))
    sentences = [
        "Respiratory Depression.",  # a heading: too short to quote
        "Store at room temperature away from light and moisture in a closed container.",
        "Take this medicine exactly as prescribed by your healthcare provider, and do not take more than that.",
        "Serious, life-threatening, or fatal respiratory depression may occur with use of this medicine.",
    ]
    assert pick_label_sentence(misuse, sentences) == 3
    assert pick_label_sentence(misuse, sentences[:3]) == 2
    assert pick_label_sentence(misuse, sentences[:2]) is None
