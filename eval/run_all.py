"""Answer quality on the development sets, in one table: retrieval, interactions, triage, sanitizer.

Usage: python eval/run_all.py DEV_DIR [--index PATH]

DEV_DIR holds medicationqa_dev.jsonl, ddi_dev.jsonl, triage_dev.jsonl and injection_dev.jsonl (and, when
present, ddinter_dev.jsonl); they are read from there, never copied into the repository. Retrieval and
interactions run on the full label index of the shipped corpus (built when missing or stale), exactly as
the API serves them.
Prints a Markdown table and writes eval/results/summary.json (not committed).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from interactions import score_levels, score_pairs  # noqa: E402
from retrieval import score_questions  # noqa: E402
from sanitizer import MAX_ATTACK_CHARS, flag_rate, read_jsonl  # noqa: E402
from triage import score_messages  # noqa: E402

from pharmabot.knowledge.index import KnowledgeBase, ensure_index  # noqa: E402
from pharmabot.retrieval.local import LocalRetriever  # noqa: E402

FILES = ("medicationqa_dev.jsonl", "ddi_dev.jsonl", "triage_dev.jsonl", "injection_dev.jsonl")


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
    engine = kb.interaction_engine()
    if engine is None:
        parser.error(f"{args.index} has no interaction tables: rebuild it with `build-index --force`")
    retriever = LocalRetriever(index_path=args.index, catalog=kb.lazy_catalog)

    table: list[tuple[str, str, str, str]] = []
    retrieval = score_questions(kb, retriever, rows_of(args.dev_dir / "medicationqa_dev.jsonl"))
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

    triage = score_messages(rows_of(args.dev_dir / "triage_dev.jsonl"))
    positives, negatives = len(triage["positives"]), len(triage["negatives"])
    table.append(
        ("triage", "emergency recall", f"{triage['recall']:.3f}", f"{positives - len(triage['misses'])}/{positives}")
    )
    table.append(("triage", "false alarms", str(len(triage["alarms"])), f"of {negatives} non-emergencies"))

    injections = read_jsonl(args.dev_dir / "injection_dev.jsonl")
    attacks = [str(r["text"]) for r in injections if r["label"] == 1 and len(str(r["text"])) <= MAX_ATTACK_CHARS]
    benign = [str(r["text"]) for r in injections if r["label"] == 0]
    questions = [str(r["question"]) for r in rows_of(args.dev_dir / "medicationqa_dev.jsonl")]
    random.Random(7).shuffle(attacks)
    for metric, texts in (
        ("attack recall (<= 500 chars)", attacks),
        ("false positives, medication questions", questions),
        ("false positives, benign rows", benign),
    ):
        flagged, total, rate = flag_rate(texts)
        table.append(("sanitizer", metric, f"{rate:.3f}", f"{flagged}/{total}"))
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
