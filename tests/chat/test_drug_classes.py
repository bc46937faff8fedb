"""Classes of medicine named instead of a medicine: reading them, the examples offered, the reply."""

from __future__ import annotations

import re

import pytest

from pharmabot.chat.drug_classes import CLASS_BY_ID, CLASSES, class_reply, examples, find_classes, members
from pharmabot.interactions.lexicon import CLASS_BY_ID as LEXICON


def read(message: str) -> list[str]:
    return [mention.cls.id for mention in find_classes(message)]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # everyday names
        ("is my statin ok to take at bedtime", "statins"),
        ("do water pills make you thirsty", "diuretics"),
        ("i'm on a blood thinner, is flossing ok", "blood_thinners"),
        ("can sleeping pills cause memory loss", "sleeping_pills"),
        ("are pain killers bad for the kidneys", "painkillers"),
        ("does birth control cause acne", "birth_control"),
        ("are muscle relaxants habit forming", "muscle_relaxants"),
        ("what are acid reducers", "acid_reducers"),
        # a condition with a medicine word, either way round
        ("my cholesterol meds make my legs ache", "cholesterol"),
        ("is the medication for high blood pressure safe long term", "blood_pressure"),
        ("tablets for heartburn during pregnancy", "acid_reducers"),
        ("adhd meds and appetite", "adhd"),
        # professional names and openFDA EPC names
        ("what do ACE inhibitors do to the kidneys", "ace_inhibitors"),
        ("side effects of proton pump inhibitors", "acid_reducers"),
        ("can an HMG-CoA reductase inhibitor raise blood sugar", "statins"),
        ("is a factor Xa inhibitor reversible", "blood_thinners"),
        ("how do loop diuretics work", "diuretics"),
        ("are corticosteroids bad for bones", "steroids"),
        # on the pill: the contraceptive
        ("can i get pregnant on the pill", "birth_control"),
    ],
)
def test_a_class_named_in_everyday_or_professional_words_is_read(message: str, expected: str) -> None:
    assert read(message)[:1] == [expected]


@pytest.mark.parametrize(
    "message",
    [
        "what is a normal blood pressure",
        "my cholesterol is high what should i eat",
        "i cant sleep at night",
        "how much water should i drink",
        "can i crush the pill",
        "is nystatin good for thrush",  # a medicine whose name ends like a class
        "what does adhd stand for",
        "i have back pain",
        "are sugar pills used in trials",
    ],
)
def test_a_condition_or_a_look_alike_word_is_not_a_class(message: str) -> None:
    assert read(message) == []


def test_the_more_specific_class_wins_a_phrase_both_read() -> None:
    assert read("are SSRIs addictive") == ["ssris"]
    assert read("is a thiazide diuretic a water pill") == ["diuretics"]
    assert read("what is a beta-adrenergic blocker") == ["beta_blockers"]


def test_a_class_right_after_another_names_one_thing() -> None:
    assert read("are narcotic painkillers safe for older people") == ["opioids"]
    assert read("do SSRI antidepressants cause insomnia") == ["ssris"]


def test_two_classes_are_read_in_the_order_named_and_at_most_two() -> None:
    assert read("can antibiotics stop birth control from working") == ["antibiotics", "birth_control"]
    assert len(find_classes("statins, beta blockers and water pills together")) == 2


def test_the_span_read_is_where_the_message_names_the_class() -> None:
    (mention,) = find_classes("can I take my statin at night")
    assert mention.text == "statin"
    assert "can I take my statin at night"[mention.start : mention.end] == "statin"


def test_insulin_is_left_to_the_catalog() -> None:
    # The catalog reads "insulin" as several medicines and asks which one; its EPC name is no class word.
    assert read("how does insulin work") == []


def test_every_class_names_its_sources_and_its_words_compile() -> None:
    for cls in CLASSES:
        assert cls.sources
        assert cls.common, cls.id
        for word in (*cls.words, *cls.treats):
            re.compile(word)
        for lex in cls.lexicon:
            assert lex in LEXICON, (cls.id, lex)


@pytest.mark.parametrize("class_id", ["statins", "ssris", "beta_blockers", "ace_inhibitors", "nsaids", "opioids"])
def test_common_members_of_a_lexicon_class_are_its_members(class_id: str) -> None:
    cls = CLASS_BY_ID[class_id]
    lexicon_members = frozenset().union(*(LEXICON[lex].members for lex in cls.lexicon))
    assert set(cls.common) <= lexicon_members


def test_examples_are_labelled_members_most_used_first() -> None:
    statins = CLASS_BY_ID["statins"]
    labelled = {"rosuvastatin", "atorvastatin", "lovastatin", "metformin"}

    assert examples(statins, labelled=labelled.__contains__) == ["atorvastatin", "rosuvastatin", "lovastatin"]


def test_too_few_common_examples_are_filled_from_the_lexicon() -> None:
    statins = CLASS_BY_ID["statins"]

    shown = examples(statins, labelled={"pitavastatin", "fluvastatin"}.__contains__)
    assert shown == ["fluvastatin", "pitavastatin"]
    assert set(shown) <= members("statins")


def test_the_reply_names_the_class_asks_which_one_and_offers_examples() -> None:
    reply = class_reply(
        find_classes("can I take my statin at night"), labelled={"atorvastatin", "simvastatin"}.__contains__
    )

    assert reply.startswith("Statins are a group of medicines, and each medicine has its own FDA label")
    assert "Which one do you take, for example atorvastatin or simvastatin?" in reply
    assert "Reply with its name" in reply


def test_a_reply_without_a_labelled_example_still_asks_which_one() -> None:
    reply = class_reply(find_classes("are water pills safe"), labelled=lambda _: False)

    assert "Water pills (diuretics) are a group of medicines" in reply
    assert "Which of the water pills (diuretics) do you take?" in reply
    assert "for example" not in reply


def test_a_reply_about_two_classes_asks_for_each() -> None:
    reply = class_reply(
        find_classes("can antibiotics stop birth control from working"), labelled={"azithromycin"}.__contains__
    )

    assert reply.startswith("Antibiotics and birth control pills are groups of medicines")
    assert "Which of the antibiotics do you take (for example azithromycin)?" in reply
    assert "Which of the birth control pills do you take?" in reply
    assert "Reply with their names" in reply
