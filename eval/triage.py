"""Measure emergency detection on JSONL files of messages labelled `emergency` true/false.

Usage: python eval/triage.py triage_dev.jsonl triage_dev2.jsonl [--show none|A|B|all] [--catalog INDEX]
       [--routine medicationqa_dev.jsonl injection_dev.jsonl]

Rows may carry a `category` (the emergency kind, or the kind of look-alike); rows without one count
as `emergency` or `routine`. Each file's rows are split in two halves fixed before any rule was
written: within each category, in file order, even positions are half A and odd positions half B.
Rules are written while looking only at half A's misses; half B's figures then show how well they
generalize (a large gap between the halves means the rules were fitted to the rows at hand).

`--routine` counts alarms on texts that are all routine: the `question` of each row, or the `text` of
rows whose `label` is 0 (the benign rows of a prompt-injection set). Any alarm there is a false alarm.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

# Run as a plain script from the repo root: make the `pharmabot` package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pharmabot.safety.red_flags import Emergency, NameFinder, detect_emergency

HALVES = ("A", "B")


def category_of(row: dict[str, Any]) -> str:
    return str(row.get("category") or ("emergency" if row["emergency"] else "routine"))


def split_halves(rows: Sequence[dict[str, Any]]) -> list[str]:
    """Half A or B of each row: alternate positions within each category, in file order."""
    seen: Counter[str] = Counter()
    halves = []
    for row in rows:
        category = category_of(row)
        halves.append(HALVES[seen[category] % 2])
        seen[category] += 1
    return halves


def score_messages(
    rows: Sequence[dict[str, Any]], *, detect: Callable[[str], Emergency | None] = detect_emergency
) -> dict[str, Any]:
    """Emergency recall and false alarms over rows labelled `emergency` true/false."""
    found = [detect(str(r["message"])) for r in rows]
    positives = [r for r in rows if r["emergency"]]
    negatives = [r for r in rows if not r["emergency"]]
    misses = [r["message"] for r, f in zip(rows, found, strict=True) if r["emergency"] and f is None]
    alarms = [(r["message"], f) for r, f in zip(rows, found, strict=True) if not r["emergency"] and f is not None]
    return {
        "positives": positives,
        "negatives": negatives,
        "misses": misses,
        "alarms": alarms,
        "found": found,
        "recall": (len(positives) - len(misses)) / max(len(positives), 1),
        "false_alarm_rate": len(alarms) / max(len(negatives), 1),
    }


def routine_texts(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The texts of a set that are all routine: questions, or the benign rows (label 0) of a labelled set."""
    return [str(r["question"]) if "question" in r else str(r["text"]) for r in rows if not r.get("label")]


def _rate(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "-"


def _table(results: list[tuple[dict[str, Any], str, Emergency | None]]) -> None:
    """Per category: share handled right (emergencies detected, look-alikes left alone), by half."""
    by: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    emergency_of: dict[str, bool] = {}
    for row, half, found in results:
        category = category_of(row)
        emergency_of[category] = bool(row["emergency"])
        right = (found is not None) == bool(row["emergency"])
        by[category][half].append(right)
        by[category]["all"].append(right)
    print(f"{'category':<32} {'kind':<11} {'half A':>14} {'half B':>14} {'all':>15}")
    for category in sorted(by, key=lambda c: (not emergency_of[c], c)):
        cells = [_rate(sum(by[category][h]), len(by[category][h])) for h in (*HALVES, "all")]
        kind = "recall" if emergency_of[category] else "no alarm"
        print(f"{category:<32} {kind:<11} {cells[0]:>14} {cells[1]:>14} {cells[2]:>15}")


def _summary(results: list[tuple[dict[str, Any], str, Emergency | None]], title: str) -> None:
    print(f"\n{title}")
    print(f"{'':<8} {'recall':>18} {'false alarms':>20}")
    for half in (*HALVES, "all"):
        chosen = [(r, f) for r, h, f in results if half in ("all", h)]
        positives = [f for r, f in chosen if r["emergency"]]
        negatives = [f for r, f in chosen if not r["emergency"]]
        hits = sum(f is not None for f in positives)
        alarms = sum(f is not None for f in negatives)
        print(f"{half:<8} {_rate(hits, len(positives)):>18} {_rate(alarms, len(negatives)):>20}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="+", help="JSONL with fields: message, emergency[, category]")
    parser.add_argument(
        "--show",
        choices=("none", "A", "B", "all"),
        default="all",
        help="whose misses and false alarms to print (while writing rules, look only at half A)",
    )
    parser.add_argument(
        "--only",
        choices=HALVES,
        help="score one half only (while writing rules, the other half's figures stay unseen)",
    )
    parser.add_argument(
        "--routine",
        type=Path,
        nargs="*",
        default=[],
        help="JSONL of routine texts (field question, or text with label 0): every alarm is a false alarm",
    )
    parser.add_argument(
        "--catalog",
        type=Path,
        metavar="INDEX",
        help="also recognise drug names with the catalog of this label index, as the chat does",
    )
    args = parser.parse_args(argv)

    names: NameFinder | None = None
    if args.catalog is not None:
        from pharmabot.knowledge.index import KnowledgeBase

        names = KnowledgeBase.open(args.catalog).catalog

    def detect(message: str) -> Emergency | None:
        return detect_emergency(message, names=names)

    everything: list[tuple[dict[str, Any], str, Emergency | None]] = []
    for path in args.data:
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        halves = split_halves(rows)
        results = [
            (row, half, detect(str(row["message"])))
            for row, half in zip(rows, halves, strict=True)
            if args.only in (None, half)
        ]

        everything += results
        print(f"\n== {path.name}: {len(rows)} messages")
        _table(results)
        _summary(results, f"{path.name}, by half")
        if args.show != "none":
            shown = [(r, h, f) for r, h, f in results if args.show in ("all", h)]
            misses = [(r, h) for r, h, f in shown if r["emergency"] and f is None]
            alarms = [(r, h, f) for r, h, f in shown if not r["emergency"] and f is not None]
            if misses:
                print(f"\nmissed emergencies (half {args.show}):")
                for row, half in misses:
                    print(f"  - [{half}] {category_of(row)}: {row['message']}")
            if alarms:
                print(f"\nfalse alarms (half {args.show}):")
                for row, half, found in alarms:
                    assert found is not None
                    print(f"  - [{half}] {category_of(row)}: {row['message']} ({found.rule})")
    if len(args.data) > 1:
        _summary(everything, "all files together, by half")
    for path in args.routine:
        with path.open(encoding="utf-8") as fh:
            texts = routine_texts([json.loads(line) for line in fh if line.strip()])
        alarms = [(text, found) for text in texts if (found := detect(text)) is not None]
        print(f"\n== {path.name}: alarms on routine texts {_rate(len(alarms), len(texts))}")
        if args.show != "none":
            for text, found in alarms:
                print(f"  - {text} ({found.rule})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
