"""The fresh triage batches: messages written before the rules saw them, each handled as it is labelled.

Every batch in `triage_batches/` was scored once before any rule changed (its first-look figures are in
`triage_batches/README.md`); the rules were then improved by category and source. These tests keep every
batch right from then on, so a later change that loses one of them shows here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pharmabot.safety.red_flags import detect_emergency

BATCHES = sorted((Path(__file__).parent / "triage_batches").glob("batch*.jsonl"))

# Emergency categories of the batches; every other category is a look-alike that must stay routine.
EMERGENCY_CATEGORIES = {
    "overdose_taken",
    "child_ingestion",
    "self_harm_intent",
    "overdose_seeking_with_intent",
    "breathing",
    "anaphylaxis",
    "cardiac",
    "stroke",
    "bleeding",
    "seizure",
    "unresponsive_or_confused",
    "toxicity_syndromes",
    "severe_skin",
}


def _rows() -> list[tuple[str, dict[str, Any]]]:
    rows = []
    for path in BATCHES:
        with path.open(encoding="utf-8") as fh:
            rows += [(path.stem, json.loads(line)) for line in fh if line.strip()]
    return rows


ROWS = _rows()


@pytest.mark.parametrize(("batch", "row"), ROWS, ids=[f"{b}-{i}" for i, (b, _) in enumerate(ROWS)])
def test_fresh_messages_are_handled_as_labelled(batch: str, row: dict[str, Any]) -> None:
    found = detect_emergency(row["message"])
    if row["emergency"]:
        assert found is not None, (batch, row["category"], row["message"])
    else:
        assert found is None, (batch, row["category"], row["message"], found)


def test_batches_cover_every_category_with_about_half_look_alikes() -> None:
    assert len(BATCHES) >= 4
    for path in BATCHES:
        rows = [row for batch, row in ROWS if batch == path.stem]
        emergencies = [row for row in rows if row["emergency"]]
        assert {row["category"] for row in emergencies} == EMERGENCY_CATEGORIES, path.name
        assert all(row["emergency"] == (row["category"] in EMERGENCY_CATEGORIES) for row in rows), path.name
        assert 0.4 <= len(emergencies) / len(rows) <= 0.6, path.name
