"""The learned fallback reader of question kinds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pharmabot.retrieval.intents import BY_NAME, detect_intents
from pharmabot.retrieval.kind_model import EXAMPLES, READER_KINDS, KindModel, features, kind_model, likely_kind

COVERAGE_SET = Path(__file__).resolve().parents[2] / "eval" / "data" / "question_kinds.jsonl"


def test_the_shipped_examples_are_half_a_of_the_coverage_set() -> None:
    # Half B is never learned from: it stays the check on phrasings the model has not seen
    # (`python eval/kind_examples.py` rewrites the file after the coverage set changes).
    rows = [json.loads(line) for line in COVERAGE_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    shipped = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = [
        {"question": row["question"], "kind": READER_KINDS[row["kind"]], "drug": row.get("drug", "")}
        for row in rows
        if row["half"] == "A"
    ]
    assert shipped == expected
    assert {row["kind"] for row in shipped} <= set(BY_NAME)


def test_features_leave_out_the_drug_and_filler_words() -> None:
    assert features("how long do I stay on metformin", drug="metformin") == [
        "how",
        "long",
        "do",
        "stay",
        "how_long",
        "long_do",
        "do_stay",
    ]


def test_a_model_reads_the_kind_its_examples_share_words_with() -> None:
    model = KindModel.learn(
        [
            ("how long until examplol starts working", "onset", "examplol"),
            ("how soon does examplol kick in", "onset", "examplol"),
            ("where should i keep examplol", "storage", "examplol"),
            ("does examplol need the fridge", "storage", "examplol"),
        ]
    )
    reading = model.read("how soon until it starts working")
    assert reading is not None
    assert reading[0] == "onset"
    assert reading[1] > 0.9
    fridge = model.read("is the fridge where examplol should be")
    assert fridge is not None
    assert fridge[0] == "storage"
    assert model.read("tell me everything") is None  # no word it has seen: no reading


def test_one_shared_word_is_not_enough() -> None:
    # "in" or a drug name the examples happen to hold says nothing of the kind.
    assert likely_kind("wetting in pants after penicillin shot?") is None


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # Phrasings written for this test that no kind cue in intents.py matches.
        ("whats eliquis all about then", "information"),
        ("my pharmacist said to keep an eye on my potassium levels with spironolactone", "monitoring"),
    ],
)
def test_the_rules_fall_back_to_the_model(question: str, kind: str) -> None:
    assert not any(intent.pattern.search(question) for intent in BY_NAME.values()), "a cue reads it already"
    assert [intent.name for intent in detect_intents(question)] == [kind]


def test_the_rules_come_first() -> None:
    assert [intent.name for intent in detect_intents("what are the side effects of metformin")] == ["side_effects"]


def test_the_model_is_learned_once() -> None:
    assert kind_model() is kind_model()
