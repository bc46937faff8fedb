"""Retrieval benchmark: index build time and size, query latency p50/p99 at 10k, 100k and 1M chunks.

Usage: python bench/retrieval.py [--sizes 10000,100000,1000000] [--index PATH] [--keep]

The chunks come from the full index of the shipped corpus (built when missing or stale). Smaller
sizes are samples of it; larger ones add replicas of its rows inside SQLite (INSERT...SELECT) with
distinct ids, each replica filed as a different drug, as a bigger corpus with more labels would be.
Prints a table and writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pharmabot.ingest import ensure_index
from pharmabot.knowledge.build import SCHEMA
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retrieval.local import LocalRetriever

COLUMNS = (
    "chunk_id, set_id, drug_key, section_key, section_title, section_pos, ordinal, effective_time, url, drugtag, names,"
    " text"
)
TEMPLATES = (
    "what are the side effects of {drug}",
    "how much {drug} should I take",
    "can I take {drug} while pregnant",
    "does {drug} interact with alcohol",
    "what is {drug} used for",
    "{drug} overdose symptoms",
    "who should not take {drug}",
    "how should I store {drug}",
)
FREE_QUERIES = (
    "muscle pain and rhabdomyolysis",
    "serotonin syndrome",
    "liver injury jaundice",
    "risk of bleeding with anticoagulants",
    "QT prolongation torsades de pointes",
    "hypoglycemia in elderly patients",
)


def build_sized(source: Path, target: Path, size: int) -> dict[str, float]:
    """Write a SIZE-chunk copy of SOURCE's chunks to TARGET with its FTS5 index; return time and size."""
    target.unlink(missing_ok=True)
    started = time.perf_counter()
    with contextlib.closing(sqlite3.connect(target)) as conn:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(SCHEMA)
        conn.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
        total = conn.execute("SELECT count(*) FROM src.chunks").fetchone()[0]
        if size <= total:
            step = total / size
            conn.execute(
                f"INSERT INTO chunks ({COLUMNS}) SELECT {COLUMNS} FROM src.chunks"
                " WHERE CAST((id - 1) / ? AS INTEGER) != CAST((id - 2) / ? AS INTEGER) OR id = 1 LIMIT ?",
                (step, step, size),
            )
        else:
            replica = 0
            while (have := conn.execute("SELECT count(*) FROM chunks").fetchone()[0]) < size:
                suffix = "" if replica == 0 else f"r{replica}"
                conn.execute(
                    f"INSERT INTO chunks ({COLUMNS}) SELECT chunk_id || ?, set_id || ?, drug_key || ?, section_key,"
                    " section_title, section_pos, ordinal, effective_time, url, drugtag || ?, names, text"
                    " FROM src.chunks LIMIT ?",
                    (suffix, suffix, suffix, suffix, size - have),
                )
                replica += 1
        conn.execute(
            "INSERT INTO chunks_fts (rowid, drugtag, names, section_title, text)"
            " SELECT id, drugtag, names, section_title, text FROM chunks"
        )
        conn.execute("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')")
        conn.commit()
        count = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    return {"chunks": count, "build_seconds": time.perf_counter() - started, "size_mb": target.stat().st_size / 1e6}


def queries(kb: KnowledgeBase) -> list[str]:
    drugs = sorted(k for k, d in kb.catalog.drugs.items() if d.has_label and " and " not in k)
    picked = drugs[:: max(1, len(drugs) // 12)][:12]
    return [t.format(drug=d) for d in picked for t in TEMPLATES] + list(FREE_QUERIES)


def measure(retriever: LocalRetriever, texts: list[str], repeats: int) -> dict[str, float]:
    for text in texts:  # warm the page cache and the connection
        retriever.search_sync(query=text, top_k=3)
    samples = []
    for _ in range(repeats):
        for text in texts:
            started = time.perf_counter()
            retriever.search_sync(query=text, top_k=3)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "queries": len(samples),
        "p50_ms": statistics.median(samples),
        "p99_ms": samples[min(len(samples) - 1, int(len(samples) * 0.99))],
        "max_ms": samples[-1],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--index", type=Path, default=Path(".data/labels-index.sqlite"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the sized index files (in .data/bench)")
    args = parser.parse_args(argv)

    full = ensure_index(index_path=args.index, progress=True)
    kb = KnowledgeBase.open(args.index)
    texts = queries(kb)
    rows = []
    if full.rebuilt:
        print(f"full index built: {full.chunks} chunks, {full.size_bytes / 1e6:.0f} MB in {full.seconds:.1f} s")
    with tempfile.TemporaryDirectory(dir=args.index.parent) as tmp:
        workdir = Path(tmp) if not args.keep else args.index.parent / "bench"
        workdir.mkdir(parents=True, exist_ok=True)
        for size in (int(s) for s in args.sizes.split(",")):
            path = workdir / f"bench-{size}.sqlite"
            built = build_sized(args.index, path, size)
            retriever = LocalRetriever(index_path=path, catalog=kb.catalog)
            latency = measure(retriever, texts, args.repeats)
            retriever._conn().close()
            rows.append({"size": size, **built, **latency})
            print(f"  {size:>9,} chunks: built in {built['build_seconds']:.1f} s, p99 {latency['p99_ms']:.2f} ms")
            if not args.keep:
                path.unlink()
    kb.close()

    print()
    print("| chunks | build (s) | size (MB) | queries | p50 (ms) | p99 (ms) | max (ms) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['chunks']:,} | {r['build_seconds']:.1f} | {r['size_mb']:.0f} | {r['queries']} |"
            f" {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | {r['max_ms']:.2f} |"
        )
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    out = results / f"retrieval-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(
        json.dumps(
            {
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
                "machine": platform.machine(),
                "full_index": {"chunks": full.chunks, "size_mb": full.size_bytes / 1e6},
                "runs": rows,
            },
            indent=2,
        )
    )
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
