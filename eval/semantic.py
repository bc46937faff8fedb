"""Does a static-embedding similarity help retrieval? BM25 + question kinds alone vs fused with wordllama.

Usage: python eval/semantic.py DEV_DIR [--index PATH] [--k 60] [--pool 40]

For each question of `medicationqa_dev.jsonl` whose drug is in the corpus, the search the API runs
(BM25 with the question-kind section preference, `LocalRetriever`) ranks the drug's chunks; the same
pool is ranked again by the cosine between the question and each chunk in wordllama's 256-dimension
static model (shipped inside its wheel: loaded from the package folder, downloads disabled), and the
two rankings are fused by reciprocal rank fusion (Cormack et al., SIGIR 2009: sum of 1/(k + rank)).
It reports section hit@3 for BM25 alone, cosine alone and the fusion, on the same split halves as
eval/answers.py (even rows half A, odd rows half B), and the added cost per query.

wordllama is not a dependency of PharmaBot (install it to run this: `pip install wordllama`): it is
used in the product only if these figures show it helps.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pharmabot.ingest import ensure_index  # noqa: E402
from pharmabot.knowledge.index import KnowledgeBase  # noqa: E402
from pharmabot.retrieval.base import SearchHit  # noqa: E402
from pharmabot.retrieval.local import LocalRetriever  # noqa: E402


def load_model() -> Any:
    """wordllama's shipped 256-dimension model, never fetched from a hub."""
    import wordllama
    from wordllama import WordLlama

    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True, dim=256)


def fuse(rankings: list[list[str]], k: int) -> list[str]:
    """Reciprocal rank fusion of several rankings of the same ids."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores, key=lambda item: -scores[item])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_dir", type=Path)
    parser.add_argument("--index", type=Path, default=ROOT / ".data" / "labels-index.sqlite")
    parser.add_argument("--k", type=int, default=60, help="RRF constant")
    parser.add_argument("--pool", type=int, default=40, help="chunks per question ranked by both")
    args = parser.parse_args(argv)
    ensure_index(index_path=args.index, progress=True)
    kb = KnowledgeBase.open(args.index)
    retriever = LocalRetriever(index_path=args.index, catalog=kb.lazy_catalog)
    started = time.perf_counter()
    model = load_model()
    load_seconds = time.perf_counter() - started
    rows = [json.loads(x) for x in (args.dev_dir / "medicationqa_dev.jsonl").read_text().splitlines() if x.strip()]
    methods = ("bm25", "cosine", "fused", "fused within section tiers")
    hits: dict[str, dict[str, list[bool]]] = {m: {"A": [], "B": []} for m in methods}
    bm25_ms: list[float] = []
    extra_ms: list[float] = []
    for position, row in enumerate(rows):
        if not row.get("drug_in_corpus") or not row.get("expected_sections"):
            continue
        half = "A" if position % 2 == 0 else "B"
        t0 = time.perf_counter()
        pool: list[SearchHit] = retriever.search_sync(query=row["question"], top_k=args.pool)
        t1 = time.perf_counter()
        by_id = {h.chunk_id: h for h in pool}
        bm25 = [h.chunk_id for h in pool]
        if pool:
            vectors = model.embed([row["question"], *(h.chunk for h in pool)], norm=True)
            cosine = vectors[1:] @ vectors[0]
            by_cosine = [pool[i].chunk_id for i in sorted(range(len(pool)), key=lambda i: -float(cosine[i]))]
        else:
            by_cosine = []
        fused = fuse([bm25, by_cosine], args.k)
        # The same fusion, but only reordering chunks among those the question kinds rank alike (a section
        # the question asks for stays ahead of one it does not).
        weights = retriever.plan(row["question"]).section_weights()
        place = {c: i for i, c in enumerate(fused)}
        tiered = sorted(fused, key=lambda c: (-int(weights.get(by_id[c].section_key, 0.0)), place[c]))
        t2 = time.perf_counter()
        bm25_ms.append((t1 - t0) * 1000)
        extra_ms.append((t2 - t1) * 1000)
        for method, ranking in zip(methods, (bm25, by_cosine, fused, tiered), strict=True):
            top = [by_id[c].section_key for c in ranking[:3]]
            hits[method][half].append(any(s in row["expected_sections"] for s in top))
    kb.close()

    def rate(values: list[bool]) -> str:
        return f"{sum(values) / max(len(values), 1):.3f} ({sum(values)}/{len(values)})"

    print("| ranking | all | half A | half B |")
    print("|---|---:|---:|---:|")
    for method in methods:
        a, b = hits[method]["A"], hits[method]["B"]
        print(f"| {method} | {rate(a + b)} | {rate(a)} | {rate(b)} |")
    bm25_ms.sort()
    extra_ms.sort()
    n = len(bm25_ms)
    print(f"\nmodel load {load_seconds:.2f} s; per query: search p50 {bm25_ms[n // 2]:.1f} ms,")
    print(
        f"embedding + fusion of {args.pool} chunks p50 {extra_ms[n // 2]:.1f} ms, p99 {extra_ms[int(n * 0.99)]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
