"""Questions that name a class of medicine and no medicine ("can I take my statin at night?").

Usage: python eval/classes.py [--index PATH] [--data eval/data/class_questions.jsonl]

Scores DATA, then the fresh set written after the rules (`class_questions_fresh.jsonl`).

Each row goes through the chat service as `POST /api/chat` runs it, in a session of its own. A class row is right
when the turn is a `drug_class` one, the class read first is the row's, and the reply names that class and offers
only examples that are members of it with a label in the index. A look-alike row (it names a medicine, or is out of
scope) is right when its intent and drugs are the ones it got before classes were read (recorded in the row).
Then each class row whose reply offered examples is followed, in the same session, by its first example alone,
which must be answered as the first question about that medicine (not the out-of-scope or class reply).
Halves are fixed by position (even rows A, odd rows B).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pharmabot.chat.drug_classes import CLASS_BY_ID, examples, members  # noqa: E402
from pharmabot.config import load_settings  # noqa: E402
from pharmabot.schemas.chat import MetaEvent, TokenEvent  # noqa: E402
from pharmabot.services import Services  # noqa: E402

DATA = ROOT / "eval" / "data" / "class_questions.jsonl"
# Written after the rules, with classes they may not cover, and scored once as a check on their reach.
FRESH = ROOT / "eval" / "data" / "class_questions_fresh.jsonl"


@dataclass
class Turned:
    intent: str = ""
    drugs: list[str] = field(default_factory=list)
    answer: str = ""


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


async def _turn(services: Services, session: str, text: str) -> Turned:
    message = await services.chat.admit(text)
    turned = Turned()
    parts = []
    async for event in services.chat.stream(session_id=session, owner="eval", message=message):
        if isinstance(event, MetaEvent):
            turned.intent, turned.drugs = event.intent, [ref.key for ref in event.drugs]
        elif isinstance(event, TokenEvent):
            parts.append(event.delta)
    turned.answer = "".join(parts)
    return turned


async def run(index: Path, rows: list[dict[str, Any]]) -> list[tuple[Turned, Turned | None, str]]:
    """Each row's turn, and for a class row its follow-up turn naming the first example offered (and that name)."""
    out: list[tuple[Turned, Turned | None, str]] = []
    with tempfile.TemporaryDirectory() as state:
        settings = load_settings(index_path=index, sqlite_path=Path(state) / "state.sqlite", answer_writer="extractive")
        services = await Services.start(settings)
        try:
            catalog = services.knowledge.catalog
            for number, row in enumerate(rows):
                session = f"classes-{number}"
                await services.store.claim_session(owner="eval", session_id=session)
                first = await _turn(services, session, row["question"])
                follow: Turned | None = None
                name = ""
                cls = CLASS_BY_ID.get(row.get("class") or "")
                if row["kind"] == "class" and first.intent == "drug_class" and cls is not None:
                    shown = examples(cls, labelled=lambda k: k in catalog.drugs and catalog.drugs[k].has_label)
                    if shown:
                        name = shown[0]
                        follow = await _turn(services, session, name)
                out.append((first, follow, name))
        finally:
            await services.close()
    return out


def offered_in(reply: str) -> list[str]:
    """The examples a class reply offers ("for example a, b or c")."""
    found = re.findall(r"for example ([^?)]+)", reply)
    return [name.strip() for text in found for name in re.split(r", | or ", text) if name.strip()]


def score(
    rows: list[dict[str, Any]], turns: list[tuple[Turned, Turned | None, str]], labelled: set[str]
) -> dict[str, Any]:
    by_half: dict[str, list[bool]] = defaultdict(list)
    by_class: dict[str, list[bool]] = defaultdict(list)
    look: dict[str, list[bool]] = defaultdict(list)
    follow_ups: dict[str, list[bool]] = defaultdict(list)
    misses: list[str] = []
    for position, (row, (first, follow, name)) in enumerate(zip(rows, turns, strict=True)):
        half = "AB"[position % 2]
        if row["kind"] == "look_alike":
            same = first.intent == row["intent"] and first.drugs == row["drugs"]
            look[half].append(same)
            if not same:
                misses.append(f"look-alike {half}: {row['question']!r} -> {first.intent} {first.drugs}")
            continue
        cls = CLASS_BY_ID.get(row["class"])
        if cls is None:  # a class the reading does not cover: its question is not answered well
            by_half[half].append(False)
            by_class[row["class"]].append(False)
            misses.append(f"class {half} (not covered): {row['question']!r} -> {first.intent}")
            continue
        offered = offered_in(first.answer)
        right = (
            first.intent == "drug_class"
            and cls.name.lower() in first.answer.lower()
            and bool(offered)
            and all(key in labelled and key in members(cls.id) for key in offered)
        )
        by_half[half].append(right)
        by_class[cls.id].append(right)
        if not right:
            misses.append(f"class {half}: {row['question']!r} -> {first.intent} {first.answer[:80]!r}")
        if follow is not None:
            answered = follow.intent not in ("drug_class", "out_of_scope") and name in follow.drugs
            answered = answered and re.search(r"\[\d+\]", follow.answer) is not None  # a cited label passage
            follow_ups[half].append(answered)
            if not answered:
                misses.append(
                    f"follow-up {half}: {row['question']!r} + {name!r} -> {follow.intent} {follow.drugs} "
                    f"{follow.answer[:80]!r}"
                )
    return {"by_half": by_half, "by_class": by_class, "look_alikes": look, "follow_ups": follow_ups, "misses": misses}


def rate(values: list[bool]) -> str:
    return f"{figure(values)} ({count(values)})"


def figure(values: list[bool]) -> str:
    return f"{sum(values) / max(len(values), 1):.3f}"


def count(values: list[bool]) -> str:
    return f"{sum(values)}/{len(values)}"


def table(scores: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(metric, figure, count) lines for the summary table."""
    lines = []
    for key, label in (
        ("by_half", "class read and reply right"),
        ("look_alikes", "look-alikes unchanged"),
        ("follow_ups", "follow-up naming one answered"),
    ):
        every = scores[key]["A"] + scores[key]["B"]
        if not every:
            continue
        lines.append((label, figure(every), count(every)))
        for half in "AB":
            lines.append((f"{label}, half {half}", figure(scores[key][half]), count(scores[key][half])))
    return lines


def score_file(index: Path, data: Path = DATA) -> dict[str, Any]:
    rows = rows_of(data)
    turns = asyncio.run(run(index, rows))
    from pharmabot.knowledge.index import KnowledgeBase

    catalog = KnowledgeBase.open(index).catalog
    labelled = {key for key, entry in catalog.drugs.items() if entry.has_label}
    return score(rows, turns, labelled)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / ".data" / "labels-index.sqlite")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    for data in (args.data, FRESH):
        scores = score_file(args.index, data)
        print(f"\n{data.name}")
        for metric, figure, counted in table(scores):
            print(f"{metric:45} {figure:>7} {counted}")
        print("\nper class (class read and reply right):")
        for cls, values in sorted(scores["by_class"].items()):
            print(f"  {cls:20} {rate(values)}")
        print("\nmisses:")
        for miss in scores["misses"]:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
