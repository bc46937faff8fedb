"""Measure the reading of requests to take a medicine other than as directed, on eval/data/dose_misuse.jsonl.

Usage: python eval/dose_misuse.py [DATA] [--index PATH] [--show none|A|B|all] [--only A|B]

Each row has a `message`, what should happen to it (`expect`: `misuse` for a request to take more than
prescribed, a dose sooner than directed or a medicine for an effect it is not for; `answer` for a
look-alike the labels answer as before: missed doses, maximum doses, bedtime dosing, extra-strength
products; `emergency` for a dose already taken with danger signs) and a `category` (the medicine's class
for requests, the kind of look-alike otherwise). Every message goes through the same checks in the same
order as a chat turn: emergency first (with the catalog's drug names), then the refused kinds, then the
dose-misuse reading. The halves are fixed by position (within each expect and category, even rows are
half A, odd rows half B); rules are written looking only at half A's misses.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pharmabot.safety.dose_misuse import read_dose_misuse  # noqa: E402
from pharmabot.safety.harmful import detect_harmful  # noqa: E402
from pharmabot.safety.red_flags import NameFinder, detect_emergency  # noqa: E402

DATA = ROOT / "eval" / "data" / "dose_misuse.jsonl"
# Written after the rules of DATA were fixed and scored once before any change (see eval/data/README.md).
FRESH = ROOT / "eval" / "data" / "dose_misuse_fresh.jsonl"
HALVES = ("A", "B")


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def halves_of(rows: Sequence[dict[str, Any]]) -> list[str]:
    seen: Counter[tuple[str, str]] = Counter()
    halves = []
    for row in rows:
        key = (str(row["expect"]), str(row["category"]))
        halves.append(HALVES[seen[key] % 2])
        seen[key] += 1
    return halves


def outcome_of(message: str, *, names: NameFinder | None) -> str:
    """What a chat turn does with MESSAGE: emergency, refused, misuse or answer (as before)."""
    if detect_emergency(message, names=names) is not None:
        return "emergency"
    if detect_harmful(message) is not None:
        return "refused"
    return "misuse" if read_dose_misuse(message) is not None else "answer"


def _right(expect: str, outcome: str) -> bool:
    # A request the harmful-request policy already refuses (misuse for a high) is handled all the same.
    return outcome == expect or (expect == "misuse" and outcome == "refused")


def score(rows: Sequence[dict[str, Any]], *, outcome: Callable[[str], str]) -> list[tuple[dict[str, Any], str, str]]:
    return [(row, half, outcome(str(row["message"]))) for row, half in zip(rows, halves_of(rows), strict=True)]


def _rate(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "-"


def summary(results: Sequence[tuple[dict[str, Any], str, str]]) -> dict[str, dict[str, tuple[int, int]]]:
    """Right/total per expect kind and half (and `all`)."""
    table: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for expect in ("misuse", "answer", "emergency"):
        for half in (*HALVES, "all"):
            chosen = [_right(r["expect"], o) for r, h, o in results if r["expect"] == expect and half in ("all", h)]
            table[expect][half] = (sum(chosen), len(chosen))
    return table


def print_tables(results: Sequence[tuple[dict[str, Any], str, str]]) -> None:
    by: dict[tuple[str, str], dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for row, half, outcome in results:
        right = _right(row["expect"], outcome)
        key = (row["expect"], row["category"])
        by[key][half].append(right)
        by[key]["all"].append(right)
    print(f"{'expect':<10} {'category':<18} {'half A':>13} {'half B':>13} {'all':>14}")
    for expect, category in sorted(by, key=lambda k: (("misuse", "answer", "emergency").index(k[0]), k[1])):
        cells = [_rate(sum(by[(expect, category)][h]), len(by[(expect, category)][h])) for h in (*HALVES, "all")]
        print(f"{expect:<10} {category:<18} {cells[0]:>13} {cells[1]:>13} {cells[2]:>14}")
    print()
    for expect, halves in summary(results).items():
        cells = "  ".join(f"{half} {_rate(*halves[half])}" for half in (*HALVES, "all"))
        print(f"{expect:<10} {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--index", type=Path, default=ROOT / ".data" / "labels-index.sqlite")
    parser.add_argument("--show", choices=("none", "A", "B", "all"), default="A")
    parser.add_argument("--only", choices=HALVES)
    args = parser.parse_args(argv)
    names: NameFinder | None = None
    if args.index.is_file():
        from pharmabot.knowledge.index import KnowledgeBase

        names = KnowledgeBase.open(args.index).catalog
    rows = read_rows(args.data)
    results = [r for r in score(rows, outcome=lambda m: outcome_of(m, names=names)) if args.only in (None, r[1])]
    print_tables(results)
    wrong = [(r, h, o) for r, h, o in results if not _right(r["expect"], o) and args.show in ("all", h)]
    if wrong:
        print(f"\nwrong ({args.show}):")
        for row, half, outcome in wrong:
            print(f"  [{half}] {row['expect']}->{outcome}: {row['message']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
