"""Answer quality on the development sets, in one table: retrieval, answers, interactions, triage, sanitizer.

Usage: python eval/run_all.py DEV_DIR [--index PATH]

DEV_DIR holds medicationqa_dev.jsonl, answers_dev.jsonl, ddi_dev.jsonl, triage_dev.jsonl and
injection_dev.jsonl (and, when present, triage_dev2.jsonl, scored with the first triage set, and
ddinter_dev.jsonl); they are read from there, never copied into the repository. Retrieval and
interactions run on the full label index of the shipped corpus (built when missing or stale), exactly
as the API serves them. The project's own `eval/data/class_questions.jsonl` (questions that name a class of medicine
and no medicine) is scored through the chat service too (`eval/classes.py`).
Prints a Markdown table and writes eval/results/summary.json (not committed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OWN_DATA = ROOT / "eval" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from answers import (  # noqa: E402
    MISS_CLASSES,
    OWN_SETS,
    REPLY_KINDS,
    answer_rows,
    chance_gap,
    half_of,
    score_answers,
)
from classes import DATA as CLASS_DATA  # noqa: E402
from classes import FRESH as CLASS_FRESH  # noqa: E402
from classes import score_file as score_classes  # noqa: E402
from classes import table as class_table  # noqa: E402
from dose_misuse import DATA as MISUSE_DATA  # noqa: E402
from dose_misuse import FRESH as MISUSE_FRESH  # noqa: E402
from dose_misuse import outcome_of as misuse_outcome  # noqa: E402
from dose_misuse import read_rows as misuse_rows  # noqa: E402
from dose_misuse import score as score_misuse  # noqa: E402
from dose_misuse import summary as misuse_summary  # noqa: E402
from interactions import score_levels, score_pairs  # noqa: E402
from question_kinds import DATA as KINDS_DATA  # noqa: E402
from question_kinds import rows_of as kind_rows  # noqa: E402
from question_kinds import score as score_kinds  # noqa: E402
from retrieval import score_questions  # noqa: E402
from sanitizer import read_jsonl, score_sanitizer  # noqa: E402
from triage import score_messages  # noqa: E402

from pharmabot.ingest import ensure_index  # noqa: E402
from pharmabot.interactions.engine import open_engine  # noqa: E402
from pharmabot.knowledge.index import KnowledgeBase  # noqa: E402
from pharmabot.retrieval.local import LocalRetriever  # noqa: E402
from pharmabot.safety.red_flags import detect_emergency  # noqa: E402

FILES = ("medicationqa_dev.jsonl", "answers_dev.jsonl", "ddi_dev.jsonl", "triage_dev.jsonl", "injection_dev.jsonl")


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_dir", type=Path)
    parser.add_argument("--index", type=Path, default=ROOT / ".data" / "labels-index.sqlite")
    args = parser.parse_args(argv)
    missing = [name for name in FILES if not (args.dev_dir / name).is_file()]
    if missing:
        parser.error(f"{args.dev_dir} lacks {', '.join(missing)}")
    started = time.perf_counter()
    stats = ensure_index(index_path=args.index, progress=True)
    if stats.rebuilt:
        print(f"built {args.index}: {stats.chunks} chunks in {stats.seconds:.1f} s")
    kb = KnowledgeBase.open(args.index)
    engine = open_engine(kb)
    if engine is None:
        parser.error(f"{args.index} has no interaction tables: rebuild it with `build-index --force`")
    retriever = LocalRetriever(index_path=args.index, catalog=kb.lazy_catalog)

    table: list[tuple[str, str, str, str]] = []
    questions = rows_of(args.dev_dir / "medicationqa_dev.jsonl")
    retrieval = score_questions(kb, retriever, questions)
    n, sections = retrieval["rows"], retrieval["section_rows"]
    table.append(("retrieval", "drug hit@1", f"{retrieval['drug_hit_at_1']:.3f}", f"{retrieval['drug_hits']}/{n}"))
    table.append(
        (
            "retrieval",
            "section hit@3",
            f"{retrieval['section_hit_at_3']:.3f}",
            f"{retrieval['section_hits']}/{sections}",
        )
    )

    for half in "AB":
        part = score_questions(kb, retriever, [r for i, r in enumerate(questions) if half_of(i) == half])
        table.append(
            (
                "retrieval",
                f"section hit@3, half {half}",
                f"{part['section_hit_at_3']:.3f}",
                f"{part['section_hits']}/{part['section_rows']}",
            )
        )

    answer_set = rows_of(args.dev_dir / "answers_dev.jsonl")
    answers = score_answers(answer_set, asyncio.run(answer_rows(args.index, answer_set)))
    every = answers["by_half"]["A"] + answers["by_half"]["B"]
    for label, values in (("", every), (", half A", answers["by_half"]["A"]), (", half B", answers["by_half"]["B"])):
        table.append(
            (
                "answers",
                f"key-fact rate{label}",
                f"{sum(values) / max(len(values), 1):.3f}",
                f"{sum(values)}/{len(values)}",
            )
        )

    chance = chance_gap(answers["by_half"]["A"], answers["by_half"]["B"])
    table.append(
        (
            "answers",
            "key-fact split-half gap (points), and how often random halves of the same answers differ as much",
            f"{chance['gap']}",
            f"{chance['p_chance']:.0%} of 10,000 random deals; 95% of deals stay under {chance['p95']} points",
        )
    )
    misses = {"answers_dev": answers["misses"]}
    reading = {"answers_dev": answers["reading"]}
    replies = {"answers_dev": answers["replies"]}
    honest: dict[str, dict[str, list[bool]]] = {}
    for name, path in (*((f"project's {ordinal} set", path) for _, ordinal, path in OWN_SETS),):
        fresh_set = rows_of(path)
        fresh = score_answers(fresh_set, asyncio.run(answer_rows(args.index, fresh_set)))
        misses[path.stem] = fresh["misses"]
        reading[path.stem] = fresh["reading"]
        replies[path.stem] = fresh["replies"]
        if fresh["honest"]:
            honest[path.stem] = fresh["honest"]
        for label, values in (
            ("", fresh["by_half"]["A"] + fresh["by_half"]["B"]),
            (", half A", fresh["by_half"]["A"]),
            (", half B", fresh["by_half"]["B"]),
        ):
            table.append(
                (
                    "answers",
                    f"key-fact rate, {name}{label}",
                    f"{sum(values) / max(len(values), 1):.3f}",
                    f"{sum(values)}/{len(values)} (eval/data/{path.name})",
                )
            )
        chance = chance_gap(fresh["by_half"]["A"], fresh["by_half"]["B"])
        table.append(
            (
                "answers",
                f"key-fact split-half gap (points), {name}",
                f"{chance['gap']}",
                f"{chance['p_chance']:.0%} of random deals differ as much; 95% stay under {chance['p95']} points",
            )
        )

    # Why answers missed, counts only (half B's rows are never printed).
    for cause in MISS_CLASSES:
        counts = ", ".join(f"{name} {m[cause]['A']}/{m[cause]['B']}" for name, m in misses.items())
        table.append(("answers", f"misses: {cause} (half A/half B)", "", counts))
    # Question reading on the project's coverage set: the kind the answer selector leads with, per half.
    kinds = score_kinds(kind_rows(KINDS_DATA))
    for half in "AB":
        read = kinds["halves"][half]
        table.append(
            (
                "answers",
                f"question kind read right, half {half}",
                f"{sum(read) / max(len(read), 1):.3f}",
                f"{sum(read)}/{len(read)} (eval/data/{KINDS_DATA.name})",
            )
        )
    # Per batch too: each batch was scored once before any cue was written from it, so a late batch's half B is
    # the nearest figure to phrasings nobody has tuned to.
    for batch, halves in kinds["by_batch"].items():
        counts = " / ".join(f"{sum(halves[half])}/{len(halves[half])}" for half in "AB")
        table.append(("answers", f"question kind read right, batch {batch} (half A / half B)", "", counts))
    # The question-reading misses split by the reply they got and the kind the reader settled on (counts only).
    for key in sorted({key for counts in reading.values() for key in counts}):
        found = {name: r[key] for name, r in reading.items() if key in r}
        counts = ", ".join(f"{name} {c['A']}/{c['B']}" for name, c in found.items())
        total = f"A {sum(c['A'] for c in found.values())}, B {sum(c['B'] for c in found.values())}"
        table.append(("answers", f"question-reading misses: {key} (half A/half B)", total, counts))
    # What kind of reply answerable questions got: all but the first are a question read wrongly.
    for kind in REPLY_KINDS[1:]:
        counts = ", ".join(f"{name} {r[kind]['A']}/{r[kind]['B']}" for name, r in replies.items())
        table.append(("answers", f"replies: {kind} (half A/half B)", "", counts))
    for name, told in honest.items():
        a, b = told.get("A", []), told.get("B", [])
        told_text = f"half A {sum(a)}/{len(a)}, half B {sum(b)}/{len(b)}"
        table.append(("answers", f"unanswerable kinds told honestly, {name}", "", told_text))

    pairs = score_pairs(engine, rows_of(args.dev_dir / "ddi_dev.jsonl"))
    counted = f"{pairs['tp'] + pairs['fp'] + pairs['fn'] + pairs['tn']} pair checks (both orders)"
    for metric in ("precision", "recall", "f1"):
        table.append(("interactions", metric.replace("f1", "F1"), f"{pairs[metric]:.3f}", counted))
    critical = pairs["confusion"]["critical"]
    severe = critical.get("major", 0) + critical.get("contraindicated", 0)
    table.append(
        (
            "interactions",
            "NDF-RT critical rated major/contraindicated",
            f"{pairs['critical_severe']:.3f}",
            f"{severe}/{pairs['critical_checks']} checks",
        )
    )
    ddinter_path = args.dev_dir / "ddinter_dev.jsonl"
    if ddinter_path.is_file():
        levels = score_levels(engine, rows_of(ddinter_path))["levels"]
        for level in ("major", "moderate", "minor"):
            if level not in levels:
                continue
            n = levels[level]["pairs"]
            found = levels[level]["found"]
            table.append(("interactions", f"DDInter {level} found", f"{found:.3f}", f"{round(found * n)}/{n} pairs"))
        major = levels.get("major")
        if major:
            n = major["pairs"]
            rated = major["rated_severe"]
            table.append(
                ("interactions", "DDInter major rated major/contraindicated", f"{rated:.3f}", f"{round(rated * n)}/{n}")
            )

    triage_files = [name for name in ("triage_dev.jsonl", "triage_dev2.jsonl") if (args.dev_dir / name).is_file()]
    triage_rows = [row for name in triage_files for row in rows_of(args.dev_dir / name)]
    # As the chat checks a message: the shipped lexicon, and the catalog for drug names it lacks.
    triage = score_messages(triage_rows, detect=lambda message: detect_emergency(message, names=kb.catalog))
    positives, negatives = len(triage["positives"]), len(triage["negatives"])
    sets = " + ".join(name.removesuffix(".jsonl") for name in triage_files)
    table.append(
        (
            "triage",
            "emergency recall",
            f"{triage['recall']:.3f}",
            f"{positives - len(triage['misses'])}/{positives} ({sets})",
        )
    )
    table.append(
        (
            "triage",
            "false alarms",
            f"{triage['false_alarm_rate']:.3f}",
            f"{len(triage['alarms'])}/{negatives} look-alikes ({sets})",
        )
    )

    # The project's own held-out safety checks (eval/data/README.md says how they were written).
    own_triage = score_messages(
        rows_of(OWN_DATA / "triage_fresh.jsonl"), detect=lambda message: detect_emergency(message, names=kb.catalog)
    )
    own_positives, own_negatives = len(own_triage["positives"]), len(own_triage["negatives"])
    table.append(
        (
            "triage",
            "emergency recall, project's own set",
            f"{own_triage['recall']:.3f}",
            f"{own_positives - len(own_triage['misses'])}/{own_positives} (eval/data/triage_fresh.jsonl)",
        )
    )
    table.append(
        (
            "triage",
            "false alarms, project's own set",
            f"{own_triage['false_alarm_rate']:.3f}",
            f"{len(own_triage['alarms'])}/{own_negatives} look-alikes (eval/data/triage_fresh.jsonl)",
        )
    )

    medication_questions = [str(r["question"]) for r in questions]
    guard = score_sanitizer(read_jsonl(args.dev_dir / "injection_dev.jsonl"), medication_questions)
    table.append(
        ("sanitizer", "attack recall (<= 500 chars)", f"{guard['recall']:.3f}", f"{guard['caught']}/{guard['attacks']}")
    )
    for half in ("even", "odd"):
        counts = guard["halves"][half]
        table.append(
            (
                "sanitizer",
                f"attack recall, {half} rows",
                f"{counts['recall']:.3f}",
                f"{counts['caught']}/{counts['attacks']}",
            )
        )
    table.append(("sanitizer", "split-half gap (points)", f"{guard['half_gap_points']:.1f}", "fixed even/odd split"))
    for metric, flagged, total in (
        ("false positives, medication questions", guard["questions_flagged"], guard["questions"]),
        ("false positives, benign rows", guard["benign_flagged"], guard["benign_rows"]),
        ("harmful-request refusals, medication questions", guard["questions_refused_as_harmful"], guard["questions"]),
    ):
        table.append(("sanitizer", metric, f"{flagged / max(total, 1):.3f}", f"{flagged}/{total}"))
    own_guard = score_sanitizer(read_jsonl(OWN_DATA / "injection_fresh.jsonl"), [])
    table.append(
        (
            "sanitizer",
            "attack recall, project's own set",
            f"{own_guard['recall']:.3f}",
            f"{own_guard['caught']}/{own_guard['attacks']} (eval/data/injection_fresh.jsonl)",
        )
    )
    table.append(
        (
            "sanitizer",
            "false positives, project's own benign texts",
            f"{own_guard['benign_flagged'] / max(own_guard['benign_rows'], 1):.3f}",
            f"{own_guard['benign_flagged']}/{own_guard['benign_rows']} (eval/data/injection_fresh.jsonl)",
        )
    )
    for data, label in ((CLASS_DATA, ""), (CLASS_FRESH, ", fresh set")):
        for metric, figure, counted in class_table(score_classes(args.index, data)):
            table.append(("chat", f"class of medicine{label}: {metric}", figure, f"{counted} (eval/data/{data.name})"))
    for data in (MISUSE_DATA, MISUSE_FRESH):
        results = score_misuse(misuse_rows(data), outcome=lambda m: misuse_outcome(m, names=kb.catalog))
        for expect, halves in misuse_summary(results).items():
            if not halves["all"][1]:
                continue
            metric = {"misuse": "requests read", "answer": "look-alikes answered", "emergency": "emergencies first"}
            right, total = halves["all"]
            split = ", ".join(f"{h} {halves[h][0]}/{halves[h][1]}" for h in ("A", "B"))
            table.append(
                (
                    "chat",
                    f"dose misuse: {metric[expect]}",
                    f"{right / total:.3f}",
                    f"{right}/{total}, {split} ({data.name})",
                )
            )
    misread = sum(misuse_outcome(q, names=kb.catalog) == "misuse" for q in medication_questions)
    table.append(
        (
            "chat",
            "dose misuse: medication questions read as misuse",
            f"{misread / max(len(medication_questions), 1):.3f}",
            f"{misread}/{len(medication_questions)}",
        )
    )
    kb.close()

    print("| area | metric | value | counts |")
    print("|---|---|---:|---|")
    for row in table:
        print("| " + " | ".join(row) + " |")
    print(f"\n{time.perf_counter() - started:.0f} s")
    out = ROOT / "eval" / "results"
    out.mkdir(exist_ok=True)
    (out / "summary.json").write_text(
        json.dumps(
            {
                "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "rows": [dict(zip(("area", "metric", "value", "counts"), row, strict=True)) for row in table],
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
