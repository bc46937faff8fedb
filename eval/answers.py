"""Answer quality through the real chat path: key-fact rate per question type, and search section hit@3.

Usage: python eval/answers.py [DEV_DIR] [--sets dev,fresh,...,fresh10] [--index PATH] [--show-misses]
       [--show-answers N]

DEV_DIR holds `answers_dev.jsonl` (questions with `gold` label snippets that carry the key fact) and
`medicationqa_dev.jsonl` (questions with the label sections an answer should come from); they are
read from there, never copied into the repository. `eval/data/answers_fresh.jsonl` to
`eval/data/answers_fresh10.jsonl` are the project's own sets of the
same shape (questions written for it, golds read from the shipped labels; see `eval/data/README.md`); they are
scored whether or not DEV_DIR is given.

Every question goes through the same path as `POST /api/chat`: `ChatService.admit` (safety checks), then
the chat service's turn with the extractive writer over the full label index and a throw-away SQLite store.
An answer carries the key fact when it holds at least 80% of the distinct words of one of the
question's gold snippets (any one counts); the safety footer, the dosing referral and the [n] marks
are left out first, so boilerplate never counts as a fact.

Each miss is put down to one cause, counted per half (MISS_CLASSES, the first that applies): the question
was refused or answered "not in the labels" (question reading); the chat did not read the row's drug; no
passage the writer was given holds the gold (retrieval or section choice); or a passage held it and other
sentences were chosen (sentence choice). The writer is wrapped to record the passages it was given.

A miss put down to question reading is split once more, counted per half: which not-covered reply it got
(READING_REPLIES: refused before the writer, "I could not find that" with no passage, "labels don't cover" for an
unsupported kind, "no sentence answers this directly") and which question kind the reader settled on (the
selector's lead kind, "none" when no kind was read), so the reply kind that dominates is the one to work on.

Every reply is also sorted by what kind of reply it is (REPLY_KINDS: an answer from label text, "not in the
labels", out of scope, or refused and anything else), counted per half. Rows marked `answerable: false` (a kind
of question labels cannot answer, such as price) are not in the key-fact rate: they count as honest when the
reply says the labels do not cover it.

Every set is split in two halves fixed before any rule was written: half A is the rows at even
positions (0, 2, 4...), half B the odd ones. Rules and features are written looking at half A only
(`--show-misses` prints half A's misses and nothing of half B); both halves are reported, and a gap
between them measures how far the rules were fitted to the rows at hand.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from retrieval import score_questions  # noqa: E402

from pharmabot.answer.base import SAFETY_FOOTER, AnswerContext, AnswerWriter  # noqa: E402
from pharmabot.answer.extractive import (  # noqa: E402
    DOSING_REFERRAL,
    NO_PASSAGES,
    NOT_DIRECT,
    UNCITED_FOOTER,
    UNSUPPORTED,
)
from pharmabot.answer.selection import question_of  # noqa: E402
from pharmabot.config import load_settings  # noqa: E402
from pharmabot.errors import PharmaBotError  # noqa: E402
from pharmabot.ingest import ensure_index  # noqa: E402
from pharmabot.knowledge.index import KnowledgeBase  # noqa: E402
from pharmabot.retrieval.intents import detect_intents  # noqa: E402
from pharmabot.retrieval.local import LocalRetriever  # noqa: E402
from pharmabot.schemas.chat import MetaEvent, TokenEvent  # noqa: E402
from pharmabot.services import Services  # noqa: E402

THRESHOLD = 0.8
# The project's own answer sets, in the order they were written: (the name --sets and the set's own option use,
# its ordinal in the reports, its file).
OWN_SETS: tuple[tuple[str, str, Path], ...] = tuple(
    (f"fresh{n if n > 1 else ''}", ordinal, ROOT / "eval" / "data" / f"answers_fresh{n if n > 1 else ''}.jsonl")
    for n, ordinal in enumerate(
        ("own", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), start=1
    )
)
_WORDS = re.compile(r"[a-z0-9]+")
_MARKS = re.compile(r"\[\d+\]")
BOILERPLATE = (SAFETY_FOOTER, UNCITED_FOOTER, DOSING_REFERRAL)
# The opening words of the writer's "not in the labels" replies (before their {drugs} or {topic} slot).
NOT_COVERED = tuple(text.split("{")[0] for text in (NO_PASSAGES, NOT_DIRECT, UNSUPPORTED))
# Why a question missed, in the order they are tested: the first that applies is the one counted.
MISS_CLASSES = (
    "refused or not covered (question reading)",
    "drug not resolved",
    "gold not in the passages given (retrieval or section choice)",
    "gold in a passage, other sentences chosen (sentence choice)",
)
# The not-covered replies a question-reading miss can get: no writer call (refused, or a clarifying question),
# then the writer's three openings (pharmabot/answer/extractive.py), in the order `reading_reply` tests them.
READING_REPLIES = ("refused (no answer written)", "NO_PASSAGES", "UNSUPPORTED", "NOT_DIRECT")
# What kind of reply a question got, whatever its row: a reading of the question is wrong when an answerable
# question gets anything but the first.
REPLY_KINDS = ("answer from the labels", "not in the labels", "out of scope", "refused or other")


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def half_of(position: int) -> str:
    """The split, fixed up front: even rows are half A (looked at while writing rules), odd rows half B."""
    return "A" if position % 2 == 0 else "B"


def words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def answer_body(answer: str) -> str:
    """The answer without boilerplate and citation marks: what is left has to carry the fact."""
    for text in BOILERPLATE:
        answer = answer.replace(text, " ")
    return _MARKS.sub(" ", answer)


def fact_coverage(answer: str, snippet: str) -> float:
    """Share of the snippet's distinct words that the answer holds."""
    wanted = set(words(snippet))
    if not wanted:
        return 0.0
    return len(wanted & set(words(answer_body(answer)))) / len(wanted)


def carries_fact(answer: str, golds: Iterable[dict[str, Any]]) -> bool:
    return any(fact_coverage(answer, gold["snippet"]) >= THRESHOLD for gold in golds)


@dataclass
class Asked:
    """One question's run: the intent and drugs the chat settled on, the answer, and the passages the writer got."""

    intent: str
    answer: str
    drugs: list[str] = field(default_factory=list)
    passages: list[tuple[str, str]] = field(default_factory=list)  # (set_id, text)
    written: bool = False  # the writer was called (not a refusal, a greeting or a clarifying question)
    kind: str = "none"  # the question kind the reader settled on (the selector's lead), "none" when none was read


class RecordingWriter:
    """Wraps the configured writer to keep what it was given, so a miss can be put down to its cause."""

    def __init__(self, inner: AnswerWriter) -> None:
        self.inner = inner
        self.name = inner.name
        self.last: AnswerContext | None = None

    def stream(self, context: AnswerContext) -> AsyncIterator[str]:
        self.last = context
        return self.inner.stream(context)

    async def check(self) -> None:
        await self.inner.check()

    async def close(self) -> None:
        await self.inner.close()


async def ask_all(services: Services, questions: list[str]) -> list[Asked]:
    """What happened to each question, each in a session of its own, as the chat endpoint runs it."""
    recorder = RecordingWriter(services.writer)
    services.writer = recorder  # type: ignore[assignment]
    out = []
    for number, question in enumerate(questions):
        session = f"eval-{number}"
        await services.store.claim_session(owner="eval", session_id=session)
        try:
            message = await services.chat.admit(question)
        except PharmaBotError as exc:
            out.append(Asked(intent=f"refused:{exc.code}", answer="", kind=lead_of(question)))
            continue
        recorder.last = None
        asked = Asked(intent="", answer="")
        text = []
        async for event in services.chat.stream(session_id=session, owner="eval", message=message):
            if isinstance(event, MetaEvent):
                asked.intent = event.intent
                asked.drugs = [ref.key for ref in event.drugs]
            elif isinstance(event, TokenEvent):
                text.append(event.delta)
        asked.answer = "".join(text)
        asked.kind = lead_of(question)
        if recorder.last is not None:
            context = recorder.last
            asked.written = True
            asked.passages = [(p.citation.set_id, p.text) for p in context.passages]
            # The kind as the writer reads it: with the drugs and sections the chat gave it.
            lead = question_of(
                context.question, drugs=context.drugs, sections=context.section_keys, names=context.names
            ).lead
            asked.kind = lead.name if lead is not None else "none"
        out.append(asked)
    return out


def lead_of(question: str) -> str:
    """The question kind that leads for QUESTION alone (before any drug is read), "none" when none does."""
    kinds = detect_intents(question)
    return kinds[0].name if kinds else "none"


async def answer_rows(index: Path, rows: list[dict[str, Any]]) -> list[Asked]:
    with tempfile.TemporaryDirectory() as state:
        settings = load_settings(
            index_path=index, sqlite_path=Path(state) / "state.sqlite", answer_writer="extractive", history_turns=0
        )
        services = await Services.start(settings)
        try:
            return await ask_all(services, [row["question"] for row in rows])
        finally:
            await services.close()


def drug_resolved(row: dict[str, Any], asked: Asked) -> bool:
    """The chat read the row's drug: a drug key that names it, or a passage from one of the golds' labels."""
    wanted = " ".join(words(str(row.get("drug", ""))))
    named = bool(wanted) and any(wanted in " ".join(words(key)) for key in asked.drugs)
    gold_labels = {gold["set_id"] for gold in row["gold"]}
    return named or any(set_id in gold_labels for set_id, _ in asked.passages)


def miss_class(row: dict[str, Any], asked: Asked) -> str:
    """Why an answer lacks the key fact: the first of MISS_CLASSES that applies."""
    body = answer_body(asked.answer)
    if not asked.written or any(opening in body for opening in NOT_COVERED):
        # No drug read at all is a name problem, not a reading of the question.
        return MISS_CLASSES[1] if not asked.drugs else MISS_CLASSES[0]
    if not drug_resolved(row, asked):
        return MISS_CLASSES[1]
    given = "\n".join(text for _, text in asked.passages)
    if not any(fact_coverage(given, gold["snippet"]) >= THRESHOLD for gold in row["gold"]):
        return MISS_CLASSES[2]
    return MISS_CLASSES[3]


def reading_reply(asked: Asked) -> str:
    """Which of READING_REPLIES a question-reading miss got."""
    if not asked.written:
        return READING_REPLIES[0]
    body = answer_body(asked.answer)
    for name, text in zip(READING_REPLIES[1:], (NO_PASSAGES, UNSUPPORTED, NOT_DIRECT), strict=True):
        if text.split("{")[0] in body:
            return name
    return READING_REPLIES[0]


def reply_kind(asked: Asked) -> str:
    """Which of REPLY_KINDS a reply is."""
    if asked.intent == "out_of_scope":
        return REPLY_KINDS[2]
    if not asked.written:
        return REPLY_KINDS[3]
    if any(opening in answer_body(asked.answer) for opening in NOT_COVERED):
        return REPLY_KINDS[1]
    return REPLY_KINDS[0]


def score_answers(rows: list[dict[str, Any]], answers: list[Asked]) -> dict[str, Any]:
    """Key-fact rate overall, per half and per question type, and miss causes per half (answerable rows only)."""
    by_half: dict[str, list[bool]] = defaultdict(list)
    by_type: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    misses: dict[str, dict[str, int]] = {cls: {"A": 0, "B": 0} for cls in MISS_CLASSES}
    # Question-reading misses by reply, and by reply and question kind ("NOT_DIRECT / onset"): counts only.
    reading: dict[str, dict[str, int]] = defaultdict(lambda: {"A": 0, "B": 0})
    lengths: list[int] = []
    results = []
    replies: dict[str, dict[str, int]] = {kind: {"A": 0, "B": 0} for kind in REPLY_KINDS}
    honest: dict[str, list[bool]] = defaultdict(list)  # unanswerable rows: the reply says the labels lack it
    for position, (row, asked) in enumerate(zip(rows, answers, strict=True)):
        kind = reply_kind(asked)
        if not row.get("answerable"):
            honest[half_of(position)].append(kind == REPLY_KINDS[1])
            continue
        replies[kind][half_of(position)] += 1
        hit = carries_fact(asked.answer, row["gold"])
        half = half_of(position)
        by_half[half].append(hit)
        by_type[row["question_type"]][half].append(hit)
        cause = "" if hit else miss_class(row, asked)
        if cause:
            misses[cause][half] += 1
        if cause == MISS_CLASSES[0]:
            reply = reading_reply(asked)
            reading[reply][half] += 1
            reading[f"{reply} / {asked.kind}"][half] += 1
        lengths.append(len(words(answer_body(asked.answer))))
        results.append(
            {
                "position": position,
                "half": half,
                "hit": hit,
                "cause": cause,
                "intent": asked.intent,
                "answer": asked.answer,
                **row,
            }
        )
    lengths.sort()
    return {
        "by_half": by_half,
        "by_type": by_type,
        "misses": misses,
        "reading": dict(reading),
        "replies": replies,
        "honest": honest,
        "results": results,
        "median_words": lengths[len(lengths) // 2],
    }


def section_halves(kb: KnowledgeBase, retriever: LocalRetriever, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Section hit@3 of the search API for each half of medicationqa_dev (the same scoring as eval/retrieval.py)."""
    halves = {half: [r for i, r in enumerate(rows) if half_of(i) == half] for half in "AB"}
    return {half: score_questions(kb, retriever, part) for half, part in halves.items()}


def chance_gap(half_a: list[bool], half_b: list[bool], *, draws: int = 10_000, seed: int = 15) -> dict[str, float]:
    """How large a split-half gap chance alone gives on these answers (a permutation test, written here because
    it is a few lines of the standard library).

    The same hits are dealt into halves of the same sizes at random `draws` times: `p_chance` is the share of
    deals whose gap is at least the observed one, `p95` the gap 95% of deals stay under. On halves of 40 rows
    one question moves a half by 2.5 points, so a gap well inside the chance range says little about
    fitting, and one beyond `p95` says a lot.
    """
    import random

    if not half_a or not half_b:
        return {"gap": 0.0, "p_chance": 1.0, "p95": 0.0}
    observed = abs(sum(half_a) / len(half_a) - sum(half_b) / len(half_b))
    pool = list(half_a) + list(half_b)
    rng = random.Random(seed)
    gaps: list[float] = []
    for _ in range(draws):
        rng.shuffle(pool)
        a, b = pool[: len(half_a)], pool[len(half_a) :]
        gaps.append(abs(sum(a) / len(a) - sum(b) / len(b)))
    gaps.sort()
    return {
        "gap": round(100 * observed, 1),
        "p_chance": round(sum(g >= observed - 1e-12 for g in gaps) / draws, 3),
        "p95": round(100 * gaps[int(0.95 * draws)], 1),
    }


def rate(values: list[bool]) -> str:
    return f"{sum(values) / len(values):.3f} ({sum(values)}/{len(values)})" if values else "-"


def print_key_facts(name: str, scores: dict[str, Any]) -> None:
    by_half, by_type = scores["by_half"], scores["by_type"]
    every = by_half["A"] + by_half["B"]
    print(f"\n| key-fact rate ({name}, answerable) | all | half A (even rows) | half B (odd rows) |")
    print("|---|---:|---:|---:|")
    print(f"| all questions | {rate(every)} | {rate(by_half['A'])} | {rate(by_half['B'])} |")
    chance = chance_gap(by_half["A"], by_half["B"])
    print(
        f"| split-half gap, points (random deals of the same answers: share at least this large; 95th percentile)"
        f" | {chance['gap']} | {chance['p_chance']} | {chance['p95']} |"
    )
    for kind in sorted(by_type, key=lambda k: (-sum(len(v) for v in by_type[k].values()), k)):
        halves = by_type[kind]
        print(f"| {kind} | {rate(halves['A'] + halves['B'])} | {rate(halves['A'])} | {rate(halves['B'])} |")
    print(f"\nmedian answer length ({name}, words, without footer): {scores['median_words']}")
    print_miss_classes(name, scores)
    print_replies(name, scores)


def print_replies(name: str, scores: dict[str, Any]) -> None:
    """What kind of reply answerable questions got, and whether unanswerable ones were told so (counts only)."""
    replies, honest = scores["replies"], scores["honest"]
    print(f"\n| reply to answerable questions ({name}) | half A | half B |")
    print("|---|---:|---:|")
    for kind in REPLY_KINDS:
        print(f"| {kind} | {replies[kind]['A']} | {replies[kind]['B']} |")
    if honest["A"] or honest["B"]:
        print(f"| unanswerable, told honestly | {rate(honest['A'])} | {rate(honest['B'])} |")


def print_miss_classes(name: str, scores: dict[str, Any]) -> None:
    """Counts only: half B's rows are never printed, but how many missed for each cause is."""
    misses = scores["misses"]
    print(f"\n| why answers missed ({name}) | half A | half B |")
    print("|---|---:|---:|")
    for cause in MISS_CLASSES:
        print(f"| {cause} | {misses[cause]['A']} | {misses[cause]['B']} |")
    for reply in sorted(scores["reading"]):
        counts = scores["reading"][reply]
        print(f"| {MISS_CLASSES[0].split(' (')[0]}: {reply} | {counts['A']} | {counts['B']} |")


def print_misses(name: str, scores: dict[str, Any]) -> None:
    print(f"\nhalf A misses ({name}):")
    for result in scores["results"]:
        if result["half"] == "A" and not result["hit"]:
            print(f"\n- [{result['question_type']}] {result['question']!r} ({result['intent']}; {result['cause']})")
            print("  gold: " + " || ".join(g["snippet"] for g in result["gold"]))
            print("  answer: " + answer_body(result["answer"]).strip().replace("\n", "\n    "))


def figures(scores: dict[str, Any]) -> dict[str, Any]:
    return {
        "key_fact": {h: [sum(v), len(v)] for h, v in scores["by_half"].items()},
        "split_gap_chance": chance_gap(scores["by_half"]["A"], scores["by_half"]["B"]),
        "key_fact_by_type": {k: {h: [sum(v), len(v)] for h, v in t.items()} for k, t in scores["by_type"].items()},
        "median_words": scores["median_words"],
        "misses": scores["misses"],
        "reading": scores["reading"],
        "replies": scores["replies"],
        "honest": {h: [sum(v), len(v)] for h, v in scores["honest"].items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_dir", type=Path, nargs="?", help="folder of the development sets (optional)")
    parser.add_argument(
        "--sets",
        default=",".join(("dev", *(key for key, _, _ in OWN_SETS))),
        help="which sets to score (default: all of them)",
    )
    for key, ordinal, path in OWN_SETS:
        parser.add_argument(f"--{key}", type=Path, default=path, help=f"the project's {ordinal} answer set")
    parser.add_argument("--index", type=Path, default=ROOT / ".data" / "labels-index.sqlite")
    parser.add_argument("--show-misses", action="store_true", help="print half A's misses (never half B's)")
    parser.add_argument("--show-answers", type=int, default=0, help="print the first N answers of half A")
    parser.add_argument("--json", type=Path, help="also write the figures (not the answers) to this file")
    args = parser.parse_args(argv)
    chosen = set(args.sets.split(","))
    started = time.perf_counter()
    stats = ensure_index(index_path=args.index, progress=True)
    if stats.rebuilt:
        print(f"built {args.index}: {stats.chunks} chunks in {stats.seconds:.1f} s")

    sets: dict[str, list[dict[str, Any]]] = {}
    if "dev" in chosen and args.dev_dir is not None:
        sets["answers_dev"] = rows_of(args.dev_dir / "answers_dev.jsonl")
    for key, _, _ in OWN_SETS:
        path = getattr(args, key)
        if key in chosen and path.is_file():
            sets[f"answers_{key}"] = rows_of(path)
    scored = {name: score_answers(rows, asyncio.run(answer_rows(args.index, rows))) for name, rows in sets.items()}
    report: dict[str, Any] = {name: figures(scores) for name, scores in scored.items()}
    for name, scores in scored.items():
        print_key_facts(name, scores)

    sections: dict[str, Any] = {}
    if "dev" in chosen and args.dev_dir is not None:
        kb = KnowledgeBase.open(args.index)
        retriever = LocalRetriever(index_path=args.index, catalog=kb.lazy_catalog)
        sections = section_halves(kb, retriever, rows_of(args.dev_dir / "medicationqa_dev.jsonl"))
        kb.close()
        hits = {h: s["section_hits"] for h, s in sections.items()}
        counts = {h: s["section_rows"] for h, s in sections.items()}
        total_hits, total_rows = sum(hits.values()), sum(counts.values())
        print("\n| measure | all | half A (even rows) | half B (odd rows) |")
        print("|---|---:|---:|---:|")
        print(
            "| section hit@3 (medicationqa_dev, search)"
            f" | {total_hits / max(total_rows, 1):.3f} ({total_hits}/{total_rows})"
            f" | {hits['A'] / max(counts['A'], 1):.3f} ({hits['A']}/{counts['A']})"
            f" | {hits['B'] / max(counts['B'], 1):.3f} ({hits['B']}/{counts['B']}) |"
        )
        report["section_hit_at_3"] = {h: [hits[h], counts[h]] for h in hits}
    if args.show_misses:
        for name, scores in scored.items():
            print_misses(name, scores)
        if sections:
            print("\nhalf A section misses:")
            for row, got in sections["A"]["misses"]:
                print(f"- {row['question']!r} want={row.get('expected_sections')} got={got}")
    if args.show_answers:
        for name, scores in scored.items():
            shown = [r for r in scores["results"] if r["half"] == "A"][: args.show_answers]
            for result in shown:
                print(f"\n### ({name}) {result['question']}\n{result['answer']}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
