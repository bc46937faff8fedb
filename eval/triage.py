"""Measure emergency detection on a JSONL file of messages labelled `emergency` true/false.

Usage: python eval/triage.py triage_dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# Run as a plain script from the repo root: make the `pharmabot` package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pharmabot.agents.red_flags import detect_emergency


def score_messages(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Emergency recall and false alarms over rows labelled `emergency` true/false."""
    positives = [r for r in rows if r["emergency"]]
    negatives = [r for r in rows if not r["emergency"]]
    misses = [r["message"] for r in positives if detect_emergency(r["message"]) is None]
    alarms = [(r["message"], found) for r in negatives if (found := detect_emergency(r["message"])) is not None]
    return {
        "positives": positives,
        "negatives": negatives,
        "misses": misses,
        "alarms": alarms,
        "recall": (len(positives) - len(misses)) / max(len(positives), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="JSONL with fields: message, emergency")
    args = parser.parse_args(argv)

    with args.data.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    scores = score_messages(rows)
    positives, negatives, misses, alarms = (scores[k] for k in ("positives", "negatives", "misses", "alarms"))
    recall = scores["recall"]
    print(f"{'metric':<28} {'value':>8}")
    print(f"{'emergencies':<28} {len(positives):>8}")
    print(f"{'emergency recall':<28} {recall:>8.3f}")
    print(f"{'non-emergencies':<28} {len(negatives):>8}")
    print(f"{'false alarms':<28} {len(alarms):>8}")
    print("\ndetected kinds:")
    for r in positives:
        found = detect_emergency(r["message"])
        print(f"  {found.kind.value if found else 'MISSED':<16} {found.rule if found else '':<34} {r['message'][:70]}")
    if misses:
        print("\nmissed emergencies:")
        for message in misses:
            print("  -", message)
    if alarms:
        print("\nfalse alarms:")
        for message, found in alarms:
            print(f"  - {message} ({found.rule})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
