"""Measure the local attack rules by family, with a fixed split-half, and the harmful-request policy.

Usage: python eval/sanitizer.py --injections injection_dev.jsonl --questions medicationqa_dev.jsonl
       [--show-misses {even,odd,all}]
       python eval/sanitizer.py --written [--show-misses all]

The split is fixed in advance: rows of injection_dev.jsonl at an even index are the half the rules
may be written against, rows at an odd index the half they are checked on. Both are reported; a
gap between them is the sign of rules fitted to rows. A row counts under every family that caught
it (a hit found only after decoding counts as `encoded`). Prompt Shields is not measured here: it
is a service.

`--written` scores instead the batches of attacks and look-alikes written after the rules
(tests/security/attack_batches.py), per batch and family, as the chat admission decides (harmful-request
policy or prompt-attack rules). Their first look, before the rules were changed for them, is kept in that
module; what this prints now is the figure after.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Run as a plain script from the repo root: make the `pharmabot` package importable without installing it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pharmabot.safety.harmful import detect_harmful
from pharmabot.safety.injection import FAMILIES, detect_injection, families_of

MAX_ATTACK_CHARS = 500  # the chat API accepts at most 500 characters, so longer attacks never reach the sanitizer
HALVES = ("even", "odd")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def flag_rate(texts: list[str], detect: Callable[[str], object] = detect_injection) -> tuple[int, int, float]:
    """(flagged, total, rate) of TEXTS that DETECT flags."""
    flagged = sum(bool(detect(t)) for t in texts)
    return flagged, len(texts), flagged / max(len(texts), 1)


def _half(index: int) -> str:
    return HALVES[index % 2]


def score_sanitizer(injections: list[dict[str, Any]], questions: list[str]) -> dict[str, Any]:
    """Recall per half and per family, false positives, and the harmful-request policy's refusals of questions."""
    attacks: dict[str, list[tuple[str, list[str]]]] = {half: [] for half in HALVES}
    benign: dict[str, list[tuple[str, list[str]]]] = {half: [] for half in HALVES}
    for index, row in enumerate(injections):
        text = str(row["text"])
        if row["label"] == 1 and len(text) > MAX_ATTACK_CHARS:
            continue
        target = attacks if row["label"] == 1 else benign
        target[_half(index)].append((text, detect_injection(text)))

    def caught(rows: list[tuple[str, list[str]]]) -> int:
        return sum(bool(hits) for _, hits in rows)

    halves = {half: {"caught": caught(attacks[half]), "attacks": len(attacks[half])} for half in HALVES}
    for half in halves.values():
        half["recall"] = half["caught"] / max(half["attacks"], 1)
    families: dict[str, dict[str, int]] = {}
    for name in [*FAMILIES, "(missed)"]:
        families[name] = {f"{half}": 0 for half in HALVES} | {"benign_flagged": 0}
    for half in HALVES:
        for _, hits in attacks[half]:
            for family in families_of(hits) or ["(missed)"]:
                families[family][half] += 1
        for _, hits in benign[half]:
            for family in families_of(hits):
                families[family]["benign_flagged"] += 1
    question_hits = [detect_injection(q) for q in questions]
    all_attacks = attacks["even"] + attacks["odd"]
    all_benign = benign["even"] + benign["odd"]
    return {
        "recall": caught(all_attacks) / max(len(all_attacks), 1),
        "caught": caught(all_attacks),
        "attacks": len(all_attacks),
        "halves": halves,
        "half_gap_points": abs(halves["even"]["recall"] - halves["odd"]["recall"]) * 100,
        "families": families,
        "benign_flagged": caught(all_benign),
        "benign_rows": len(all_benign),
        "benign_flagged_by_half": {half: caught(benign[half]) for half in HALVES},
        "questions_flagged": sum(bool(h) for h in question_hits),
        "questions": len(questions),
        "questions_refused_as_harmful": sum(detect_harmful(q) is not None for q in questions),
        "misses": {half: [text for text, hits in attacks[half] if not hits] for half in HALVES},
        "benign_flags": {half: [(text, hits) for text, hits in benign[half] if hits] for half in HALVES},
        "question_flags": [(q, h) for q, h in zip(questions, question_hits, strict=True) if h],
    }


def score_written(show_misses: bool) -> int:
    """Print, per written batch and family, the first look and what the admission refuses and flags now."""
    from tests.safety.attack_batches import BATCHES, FIRST_LOOK, caught

    for name, batch in BATCHES.items():
        first_families, (first_flagged, _) = FIRST_LOOK[name]
        first_hit = sum(hit for hit, _ in first_families.values())
        total = sum(len(texts) for texts in batch.attacks.values())
        hit = sum(caught(t) for texts in batch.attacks.values() for t in texts)
        flagged = [t for t in batch.look_alikes if caught(t)]
        print(
            f"{name}: attacks caught {_ratio(hit, total)} (first look {_ratio(first_hit, total)}); "
            f"look-alikes flagged {_ratio(len(flagged), len(batch.look_alikes))} "
            f"(first look {_ratio(first_flagged, len(batch.look_alikes))})"
        )
        for family, texts in batch.attacks.items():
            print(
                f"  {family:<22} {sum(caught(t) for t in texts)}/{len(texts)} (first look {first_families[family][0]})"
            )
        if show_misses:
            for family, texts in batch.attacks.items():
                for text in texts:
                    if not caught(text):
                        print(f"  missed [{family}]", text[:160].replace("\n", " "))
            for text in flagged:
                harm = detect_harmful(text)
                print("  flagged look-alike", text[:160], detect_injection(text), harm.name if harm else "")
    return 0


def _ratio(n: int, d: int) -> str:
    return f"{n}/{d} {n / max(d, 1):.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--injections", type=Path, help="injection_dev.jsonl (fields: text, label)")
    parser.add_argument("--questions", type=Path, help="medicationqa_dev.jsonl (field: question)")
    parser.add_argument("--written", action="store_true", help="score the batches written in tests/security instead")
    parser.add_argument(
        "--show-misses",
        choices=["even", "odd", "all"],
        default=None,
        help="print the missed attacks and flagged benign rows of one half (even: the half rules may be written on)",
    )
    args = parser.parse_args(argv)
    if args.written:
        return score_written(args.show_misses is not None)
    if args.injections is None or args.questions is None:
        parser.error("--injections and --questions are required (or --written)")

    questions = [str(r["question"]) for r in read_jsonl(args.questions)]
    result = score_sanitizer(read_jsonl(args.injections), questions)
    halves = result["halves"]
    print("split: even / odd row index of the injection set, fixed in advance\n")
    print(f"{'metric':<46} {'even':>13} {'odd':>13} {'all':>15}")
    print(
        f"{'attack recall (label 1, <= 500 chars)':<46} "
        f"{_ratio(halves['even']['caught'], halves['even']['attacks']):>13} "
        f"{_ratio(halves['odd']['caught'], halves['odd']['attacks']):>13} "
        f"{_ratio(result['caught'], result['attacks']):>15}"
    )
    flagged = result["benign_flagged_by_half"]
    print(
        f"{'benign injection-set rows flagged (label 0)':<46} {flagged['even']:>13} {flagged['odd']:>13} "
        f"{_ratio(result['benign_flagged'], result['benign_rows']):>15}"
    )
    print(f"split-half gap: {result['half_gap_points']:.1f} points")
    print(f"medication questions flagged as attacks:        {_ratio(result['questions_flagged'], result['questions'])}")
    print(
        "medication questions refused as unsafe requests: "
        f"{_ratio(result['questions_refused_as_harmful'], result['questions'])}"
    )
    print(f"\n{'family (rows caught; a row may count twice)':<46} {'even':>6} {'odd':>6} {'benign flagged':>15}")
    for name, counts in result["families"].items():
        print(f"{name:<46} {counts['even']:>6} {counts['odd']:>6} {counts['benign_flagged']:>15}")

    if args.show_misses:
        shown = HALVES if args.show_misses == "all" else (args.show_misses,)
        for half in shown:
            print(f"\nmissed attacks ({half} half):")
            for text in result["misses"][half]:
                print("  -", text[:160].replace("\n", " "))
            print(f"flagged benign rows ({half} half):")
            for text, hits in result["benign_flags"][half]:
                print("  -", text[:160].replace("\n", " "), hits)
        print("\nflagged medication questions:")
        for text, hits in result["question_flags"]:
            print("  -", text[:160], hits)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
