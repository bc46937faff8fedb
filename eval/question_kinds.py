"""Question reading: does the reader settle on the right kind for plain consumer phrasings of each kind?

Usage: python eval/question_kinds.py [--batch N] [--show-misses]

`eval/data/question_kinds.jsonl` holds consumer questions in five batches for each of MedicationQA's question kinds,
a missed dose and monitoring tests (see `eval/data/README.md`), each with the drug name as typed and a half fixed as
each batch was written (even positions within a kind's rows of a batch are half A, odd ones half B). Each batch was
scored once before any cue was written from it, so the figures per batch and half are printed too; `--batch N`
scores one batch alone, per kind. A question is read right when the
kind the answer selector leads with (`question_of(...).lead`, as the extractive writer reads it) is one of the
reader's kinds that answer that MedicationQA kind (ACCEPTED). `--show-misses` prints half A's misses only: half B
stays a check on phrasings the kind cues were not written from.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pharmabot.answer.selection import question_of  # noqa: E402

DATA = ROOT / "eval" / "data" / "question_kinds.jsonl"
# MedicationQA's kinds, each with the reader's kinds (pharmabot/retrieval/intents.py) that answer it: a finer
# kind counts ("children" for a child's dose, "avoid" for a food to keep away from, "mechanism" for what it does).
ACCEPTED: dict[str, frozenset[str]] = {
    "information": frozenset({"information", "indications", "mechanism"}),
    "indication": frozenset({"indications", "information"}),
    "dose": frozenset({"dosage", "strengths", "children"}),
    "usage": frozenset({"usage"}),
    "time": frozenset({"time_of_day"}),
    "duration": frozenset({"duration"}),
    "stopping": frozenset({"stopping"}),
    "onset": frozenset({"onset"}),
    "side_effects": frozenset({"side_effects"}),
    "interactions": frozenset({"interactions", "avoid"}),
    "contraindications": frozenset({"contraindications", "avoid"}),
    "appearance": frozenset({"appearance"}),
    "ingredients": frozenset({"ingredients"}),
    "storage": frozenset({"storage"}),
    "overdose": frozenset({"overdose"}),
    "pregnancy": frozenset({"pregnancy"}),
    "comparison": frozenset({"comparison", "unsupported_alternatives"}),
    "manufacturer": frozenset({"manufacturer"}),
    # Two kinds beyond MedicationQA's map, added with the third batch: a missed dose and the tests to expect.
    "missed_dose": frozenset({"missed_dose"}),
    "monitoring": frozenset({"monitoring"}),
}


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def kind_read(row: dict[str, Any]) -> str:
    """The kind the reader leads with for ROW's question, "none" when it reads none."""
    names = (row["drug"],) if row.get("drug") else ()
    lead = question_of(row["question"], drugs=names, names=names).lead
    return lead.name if lead is not None else "none"


def batch_of(row: dict[str, Any]) -> int:
    """The batch ROW was written in: the first batch's rows carry no number."""
    return int(row.get("batch", 1))


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Right readings per kind and half, per batch and half, and the misses (kind read) per half."""
    by_kind: dict[str, dict[str, list[bool]]] = defaultdict(lambda: {"A": [], "B": []})
    by_batch: dict[int, dict[str, list[bool]]] = defaultdict(lambda: {"A": [], "B": []})
    misses: dict[str, list[tuple[dict[str, Any], str]]] = {"A": [], "B": []}
    for row in rows:
        read = kind_read(row)
        right = read in ACCEPTED[row["kind"]]
        by_kind[row["kind"]][row["half"]].append(right)
        by_batch[batch_of(row)][row["half"]].append(right)
        if not right:
            misses[row["half"]].append((row, read))
    every = {half: [hit for kind in by_kind.values() for hit in kind[half]] for half in "AB"}
    return {"by_kind": dict(by_kind), "by_batch": dict(sorted(by_batch.items())), "halves": every, "misses": misses}


def rate(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({sum(values)}/{len(values)})" if values else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--batch", type=int, help="score only the rows of this batch")
    parser.add_argument("--show-misses", action="store_true", help="print half A's misses (never half B's)")
    args = parser.parse_args(argv)
    rows = rows_of(args.data)
    if args.batch is not None:
        rows = [row for row in rows if batch_of(row) == args.batch]
        if not rows:
            parser.error(f"no rows of batch {args.batch} in {args.data}")
    scores = score(rows)
    label = "all kinds" if args.batch is None else f"batch {args.batch}, all kinds"
    print("| question kind read right | half A (even) | half B (odd) |")
    print("|---|---:|---:|")
    print(f"| {label} | {rate(scores['halves']['A'])} | {rate(scores['halves']['B'])} |")
    for kind, halves in scores["by_kind"].items():
        print(f"| {kind} | {rate(halves['A'])} | {rate(halves['B'])} |")
    if args.batch is None:
        print("\n| batch | half A (even) | half B (odd) |")
        print("|---|---:|---:|")
        for batch, halves in scores["by_batch"].items():
            print(f"| {batch} | {rate(halves['A'])} | {rate(halves['B'])} |")
    if args.show_misses:
        print("\nhalf A misses:")
        for row, read in scores["misses"]["A"]:
            print(f"- [{row['kind']}] {row['question']!r} read as {read}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
