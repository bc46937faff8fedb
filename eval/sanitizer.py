"""Measure the prompt-injection sanitizer: attack recall and false positives on medication questions.

Usage: python eval/sanitizer.py --injections injection_dev.jsonl --questions medicationqa_dev.jsonl [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

# Run as a plain script from the repo root: make the `pharmabot` package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pharmabot.security.sanitizer import detect_injection

MAX_ATTACK_CHARS = 500  # the chat API accepts at most 500 characters, so longer attacks never reach the sanitizer


def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def flag_rate(texts: list[str]) -> tuple[int, int, float]:
    """(flagged, total, rate) of TEXTS the sanitizer flags."""
    flagged = sum(bool(detect_injection(t)) for t in texts)
    return flagged, len(texts), flagged / max(len(texts), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--injections", type=Path, required=True, help="injection_dev.jsonl (fields: text, label)")
    parser.add_argument("--questions", type=Path, required=True, help="medicationqa_dev.jsonl (field: question)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the random half split of the attacks")
    parser.add_argument("--show-misses", action="store_true", help="print missed attacks and false positives")
    args = parser.parse_args(argv)

    injections = read_jsonl(args.injections)
    attacks = [str(r["text"]) for r in injections if r["label"] == 1 and len(str(r["text"])) <= MAX_ATTACK_CHARS]
    benign_injection_rows = [str(r["text"]) for r in injections if r["label"] == 0]
    questions = [str(r["question"]) for r in read_jsonl(args.questions)]

    shuffled = attacks[:]
    random.Random(args.seed).shuffle(shuffled)
    half = len(shuffled) // 2
    split_a, split_b = shuffled[:half], shuffled[half:]

    rows = [
        ("attack recall (label 1, <= 500 chars)", *flag_rate(attacks)),
        (f"  attack recall, half A (seed {args.seed})", *flag_rate(split_a)),
        (f"  attack recall, half B (seed {args.seed})", *flag_rate(split_b)),
        ("false positives, medication questions", *flag_rate(questions)),
        ("false positives, label-0 rows", *flag_rate(benign_injection_rows)),
    ]
    print(f"{'metric':<44} {'flagged':>8} {'of':>5} {'rate':>7}")
    for name, flagged, total, rate in rows:
        print(f"{name:<44} {flagged:>8} {total:>5} {rate:>7.3f}")

    if args.show_misses:
        print("\nmissed attacks:")
        for text in attacks:
            if not detect_injection(text):
                print("  -", text[:160].replace("\n", " "))
        print("\nflagged medication questions:")
        for text in questions:
            if hits := detect_injection(text):
                print("  -", text[:160], hits)
        print("\nflagged label-0 rows:")
        for text in benign_injection_rows:
            if hits := detect_injection(text):
                print("  -", text[:160], hits)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
