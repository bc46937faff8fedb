"""A learned fallback for question kinds: naive Bayes over the project's own example phrasings.

The kind cues in `intents.py` are readable rules from each kind's label wording; a phrasing they were not written
for reads as no kind at all, and the answer then has only the question's words to go on. This model reads such a
question from the words of example phrasings of every kind (`pharmabot/data/questions/kind_examples.jsonl`: the
half A rows of the project's question-kind coverage set, written from MedicationQA's kinds, never from a
development row). It answers only when it is sure enough (`MIN_CONFIDENCE`); the rules always come first.

Multinomial naive Bayes over words and word pairs is written here: a few hundred short examples need thirty lines,
where a machine-learning library would add a heavy import to every cold start.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "questions" / "kind_examples.jsonl"
# MedicationQA's kinds (the coverage set's names; two added: a missed dose, monitoring) -> the reader's kind
# (`intents.py`) that answers each: the examples are labelled with the reader's kinds.
READER_KINDS = {
    "information": "information",
    "indication": "indications",
    "dose": "dosage",
    "usage": "usage",
    "time": "time_of_day",
    "duration": "duration",
    "stopping": "stopping",
    "onset": "onset",
    "side_effects": "side_effects",
    "interactions": "interactions",
    "contraindications": "contraindications",
    "appearance": "appearance",
    "ingredients": "ingredients",
    "storage": "storage",
    "overdose": "overdose",
    "pregnancy": "pregnancy",
    "comparison": "comparison",
    "manufacturer": "manufacturer",
    "missed_dose": "missed_dose",
    "monitoring": "monitoring",
}
# Fixed by leave-one-batch-out cross-validation on the examples themselves (the coverage set's half A, five
# batches): at this smoothing and confidence it answered 68% of the held-out phrasings and read 90% of those right.
SMOOTHING = 0.1
MIN_CONFIDENCE = 0.7

_WORD = re.compile(r"[a-z]+")
# Words every kind of question has ("in", "my", "the"): learned from a few hundred examples they would lean
# towards whichever kind happened to use them more. Question words, modals and "with", "for", "before" stay: they
# are what tells "how long" from "how much" and "take with" from "take for".
_FILLER = frozenset(
    """a an the in on at of to from by it its this that these those i me my you your he she him his her we us our
    they them their is am are was were be been being and or but so as just there here some any""".split()
)
# A reading rests on at least this many words or word pairs the examples have: one shared word is chance.
MIN_EVIDENCE = 2
_SUFFIXES = ("ing", "ed", "es", "s")


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def features(text: str, *, drug: str = "") -> list[str]:
    """TEXT's stemmed words and adjacent word pairs ("how_long", "how_much"); DRUG's words are left out."""
    named = set(_WORD.findall(drug.lower()))
    words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in named and w not in _FILLER]
    return words + [f"{a}_{b}" for a, b in itertools.pairwise(words)]


@dataclass(frozen=True)
class KindModel:
    """Word counts per kind, learned from labelled phrasings."""

    counts: dict[str, Counter[str]]
    priors: dict[str, float]
    vocabulary: frozenset[str]
    denominators: dict[str, float]  # each kind's word count, smoothed over the vocabulary: learned once

    @classmethod
    def learn(cls, examples: list[tuple[str, str, str]]) -> KindModel:
        """From (question, kind, drug) examples."""
        counts: dict[str, Counter[str]] = {}
        for question, kind, drug in examples:
            counts.setdefault(kind, Counter()).update(features(question, drug=drug))
        total = len(examples)
        sizes = Counter(kind for _, kind, _ in examples)
        vocabulary = frozenset(word for counter in counts.values() for word in counter)
        return cls(
            counts=counts,
            priors={k: sizes[k] / total for k in counts},
            vocabulary=vocabulary,
            denominators={k: sum(c.values()) + SMOOTHING * len(vocabulary) for k, c in counts.items()},
        )

    def read(self, text: str) -> tuple[str, float] | None:
        """The likeliest kind of TEXT and its probability; None when too few of its words were ever seen."""
        seen = [word for word in features(text) if word in self.vocabulary]
        if len(seen) < MIN_EVIDENCE:
            return None
        scores = {
            kind: math.log(self.priors[kind])
            + sum(math.log((counter[word] + SMOOTHING) / self.denominators[kind]) for word in seen)
            for kind, counter in self.counts.items()
        }
        best = max(scores, key=scores.__getitem__)
        top = scores[best]
        return best, 1.0 / sum(math.exp(value - top) for value in scores.values())


@functools.cache
def kind_model() -> KindModel:
    """The model learned from the shipped examples, once per process."""
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return KindModel.learn([(row["question"], row["kind"], row.get("drug", "")) for row in rows])


def likely_kind(text: str) -> str | None:
    """The kind the model reads TEXT as, when it is at least `MIN_CONFIDENCE` sure; else None."""
    reading = kind_model().read(text)
    return reading[0] if reading is not None and reading[1] >= MIN_CONFIDENCE else None
