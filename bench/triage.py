"""Per-message cost of the emergency check, which runs on every chat message before anything else.

Usage: python bench/triage.py [--repeat N] [--index PATH]; prints a table and writes bench/results/triage.json.

Messages of about 500 characters (the chat limit): routine questions and emergencies, each checked with
the shipped lexicon alone and with the drug catalog of the label index (as the chat does). The baseline
is the prompt-injection check on the same message, which every message also passes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pharmabot.safety.injection import detect_injection  # noqa: E402
from pharmabot.safety.red_flags import NameFinder, detect_emergency, warm  # noqa: E402

# About 500 characters each: long routine questions and long emergencies, written for the bench.
MESSAGES = {
    "routine question": (
        "Hi, I have a few questions about my mother's medicines. She is 74 and takes metformin 500 mg twice a day, "
        "lisinopril 10 mg in the morning, atorvastatin at night and a baby aspirin. Her doctor just added "
        "sertraline for her mood. Is it safe to take sertraline with the aspirin, and should she take it with "
        "food? She also asked whether she can keep drinking a glass of wine with dinner on the weekends, and "
        "what the most common side effects of sertraline are in older adults. Thank you for your help today."
    ),
    "routine with look-alikes": (
        "Quick question, no emergency: last year my son swallowed a coin and was fine, so I'm careful now. "
        "I'm not having chest pain or trouble breathing, just a mild headache from my new nitroglycerin. "
        "What are the signs of an overdose of acetaminophen, and what if a person took too much? "
        "This headache is killing me lol. Is ibuprofen ok alongside my lisinopril, and how much is the "
        "maximum per day? My pharmacist said to ask about the boxed warning on the label, what does it say?"
    ),
    "emergency": (
        "Please help, I don't know what to do. My husband has been really down lately and tonight I found him "
        "on the bathroom floor. There are empty blister packs of his oxycodone and my sleeping tablets next to "
        "him and a bottle of vodka. He is breathing really slowly and making a snoring sound, his lips look "
        "blue and he will not wake up no matter how loud I shout. He told me last week that everyone would be "
        "better off without him. Our kids are asleep upstairs. What should I do right now, is there anything?"
    ),
}


def _median_us(check: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        check()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--index", type=Path, default=ROOT / ".data" / "labels-index.sqlite")
    args = parser.parse_args()

    started = time.perf_counter()
    warm()
    print(f"rules compiled in {(time.perf_counter() - started) * 1000:.1f} ms")
    names: NameFinder | None = None
    if args.index.is_file():
        from pharmabot.knowledge.index import KnowledgeBase

        names = KnowledgeBase.open(args.index).catalog
    else:
        print(f"{args.index} not found: the catalog column is skipped (build it with `make build-index`)")

    rows = []
    for label, message in MESSAGES.items():
        row = {
            "message": label,
            "chars": len(message),
            "emergency": detect_emergency(message) is not None,
            "lexicon_us": _median_us(lambda m=message: detect_emergency(m), args.repeat),  # type: ignore[misc]
            "injection_check_us": _median_us(lambda m=message: detect_injection(m), args.repeat),  # type: ignore[misc]
        }
        if names is not None:
            row["catalog_us"] = _median_us(
                lambda m=message: detect_emergency(m, names=names),  # type: ignore[misc]
                args.repeat,
            )
        rows.append(row)

    print(
        f"\n{'message':<26} {'chars':>5} {'found':>6} {'lexicon':>10} {'+catalog':>10} {'injection':>10} {'ratio':>6}"
    )
    for row in rows:
        catalog = f"{row['catalog_us']:.0f} us" if "catalog_us" in row else "-"
        ratio = row["lexicon_us"] / row["injection_check_us"]
        print(
            f"{row['message']:<26} {row['chars']:>5} {row['emergency']!s:>6} {row['lexicon_us']:>7.0f} us "
            f"{catalog:>10} {row['injection_check_us']:>7.0f} us {ratio:>6.1f}"
        )
    print("\nratio: the emergency check (lexicon) over the injection check on the same message, same process")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "triage.json").write_text(json.dumps({"repeat": args.repeat, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
