"""Retrieval evaluation: drug hit@1 and section hit@3 over consumer medication questions.

Usage: python eval/retrieval.py DATA.jsonl [--index PATH] [--show-misses]

DATA rows have `question`, `drug`, `expected_sections` (openFDA keys, or null) and `drug_in_corpus`.
Only rows whose drug is in the corpus count; section hit@3 only over rows with expected sections.
The full index is built from the shipped corpus when missing or stale (default .data/labels-index.sqlite).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pharmabot.ingest import ensure_index
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retrieval.local import LocalRetriever


def expected_keys(kb: KnowledgeBase, name: str) -> set[str]:
    """Catalog keys the row's drug name stands for (several when the name is ambiguous)."""
    resolution = kb.catalog.resolve(name)
    if resolution.drug is not None:
        return {resolution.drug.key}
    return {c.drug for c in resolution.candidates}


def drug_hit(kb: KnowledgeBase, found: str, wanted: set[str]) -> bool:
    """The found drug is the wanted one, or a product containing it (when the corpus has no single-drug label)."""
    if found in wanted:
        return True
    entry = kb.catalog.get(found)
    ingredients = set(entry.ingredients) if entry else set()
    for key in wanted:
        want = kb.catalog.get(key)
        if want is not None and not want.has_label and set(want.ingredients) <= ingredients:
            return True
        # The labels that stand for an unlabelled drug ("magnesium": its salts' labels).
        if want is not None and not want.has_label and found in kb.catalog.related_labelled(key, limit=1000):
            return True
    return False


def score_questions(kb: KnowledgeBase, retriever: LocalRetriever, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Drug hit@1 and section hit@3 over the rows whose drug is in the corpus."""
    rows = [r for r in rows if r.get("drug_in_corpus")]
    drug_hits = section_hits = section_rows = 0
    latencies = []
    misses = []
    for row in rows:
        started = time.perf_counter()
        hits = retriever.search_sync(query=row["question"], top_k=3)
        latencies.append((time.perf_counter() - started) * 1000)
        wanted = expected_keys(kb, row["drug"])
        drug_ok = bool(hits) and drug_hit(kb, hits[0].drug_name, wanted)
        drug_hits += drug_ok
        section_ok = None
        if row.get("expected_sections"):
            section_rows += 1
            section_ok = any(h.section_key in row["expected_sections"] for h in hits)
            section_hits += section_ok
        if not drug_ok or section_ok is False:
            misses.append((row, [(h.drug_name, h.section_key) for h in hits]))
    latencies.sort()
    n = len(rows)
    return {
        "rows": n,
        "drug_hits": drug_hits,
        "section_hits": section_hits,
        "section_rows": section_rows,
        "drug_hit_at_1": drug_hits / max(n, 1),
        "section_hit_at_3": section_hits / max(section_rows, 1),
        "latencies_ms": latencies,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--index", type=Path, default=Path(".data/labels-index.sqlite"))
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)

    stats = ensure_index(index_path=args.index, progress=True)
    if stats.rebuilt:
        print(f"built {args.index}: {stats.chunks} chunks in {stats.seconds:.1f} s")
    kb = KnowledgeBase.open(args.index)
    retriever = LocalRetriever(index_path=args.index, catalog=kb.catalog)
    scores = score_questions(kb, retriever, [json.loads(x) for x in args.data.read_text().splitlines() if x.strip()])
    n, drug_hits = scores["rows"], scores["drug_hits"]
    section_hits, section_rows = scores["section_hits"], scores["section_rows"]
    latencies, misses = scores["latencies_ms"], scores["misses"]
    print()
    print("| metric | value | rows |")
    print("|---|---|---|")
    print(f"| drug hit@1 | {drug_hits / n:.3f} | {drug_hits}/{n} |")
    print(f"| section hit@3 | {section_hits / max(section_rows, 1):.3f} | {section_hits}/{section_rows} |")
    print(f"| query latency p50 (ms) | {latencies[n // 2]:.2f} | {n} |")
    print(f"| query latency p99 (ms) | {latencies[min(n - 1, int(n * 0.99))]:.2f} | {n} |")
    if args.show_misses:
        for row, got in misses:
            print(f"- {row['question']!r} drug={row['drug']} want={row.get('expected_sections')} got={got}")
    kb.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
