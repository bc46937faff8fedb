"""Search, drug lookup and interaction check latency (p50/p99) at the shipped corpus size, plus server memory.

Usage: python bench/latency.py [--index PATH] [--repeat N]

Two views of the same three operations over the full index of the shipped corpus:
- `api`: sequential HTTP requests to a real uvicorn serving PharmaBot (middleware, validation,
  rate-limit counting and JSON included), one async httpx client on loopback;
- `service`: the plain calls behind the routes, in this process (retriever, lookup, engine).
The server's resident memory (current and peak) is read from /proc after the requests.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.chat_stream import RATE_LIMITS
from bench.common import (
    DEFAULT_INDEX,
    ROOT,
    ensure_full_index,
    free_port,
    print_table,
    rss_mb,
    serving,
    summary_ms,
    write_result,
)

SEARCHES = (
    "what are the side effects of metformin",
    "can I take ibuprofen while pregnant",
    "serotonin syndrome",
    "simvastatin muscle pain rhabdomyolysis",
    "how should I store insulin glargine",
    "warfarin bleeding risk",
    "QT prolongation torsades de pointes",
    "who should not take amlodipine",
)
DRUGS = ("metformin", "Zocor", "lipitor", "sertraline", "warfarin", "omeprazol", "Coumadin", "gabapentin")
INTERACTIONS = (
    ["warfarin", "ibuprofen"],
    ["simvastatin", "clarithromycin"],
    ["sertraline", "tramadol", "ondansetron"],
    ["metformin", "atorvastatin", "amlodipine", "omeprazole", "levothyroxine"],
    ["Zocor", "Biaxin"],
    ["tizanidine", "ciprofloxacin"],
    ["warfarin", "ibuprofen", "sertraline", "simvastatin", "clarithromycin", "metformin",
     "amlodipine", "omeprazole", "levothyroxine", "tramadol"],
)  # fmt: skip


async def timed(call: Callable[[], Awaitable[Any]], repeat: int) -> list[float]:
    await call()  # warm
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - started)
    return samples


async def api_latency(base: str, repeat: int) -> dict[str, dict[str, float]]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def ok(response: Awaitable[httpx.Response]) -> None:
            r = await response
            if r.status_code != 200:
                raise RuntimeError(f"{r.request.url}: HTTP {r.status_code} {r.text[:200]}")

        def rotate(items: tuple[Any, ...], make: Callable[[Any], Awaitable[httpx.Response]]) -> Callable[[], Any]:
            n = 0

            def call() -> Awaitable[None]:
                nonlocal n
                n += 1
                return ok(make(items[n % len(items)]))

            return call

        out = {}
        out["search"] = await timed(
            rotate(SEARCHES, lambda q: client.post("/api/search", json={"query": q, "top_k": 3})), repeat
        )
        out["drug lookup"] = await timed(rotate(DRUGS, lambda d: client.get(f"/api/drugs/{d}")), repeat)
        out["interaction check"] = await timed(
            rotate(INTERACTIONS, lambda ds: client.post("/api/interactions", json={"drugs": ds})), repeat
        )
    return {k: summary_ms(v) for k, v in out.items()}


def service_latency(index: Path, repeat: int) -> dict[str, dict[str, float]]:
    from pharmabot.drugs.service import drug_detail
    from pharmabot.interactions.engine import open_engine
    from pharmabot.knowledge.index import KnowledgeBase
    from pharmabot.retrieval.local import LocalRetriever

    kb = KnowledgeBase.open(index)
    retriever = LocalRetriever(index_path=index, catalog=kb.lazy_catalog)
    engine = open_engine(kb)
    assert engine is not None
    started = time.perf_counter()
    kb.warm()
    engine.warm()
    load_s = time.perf_counter() - started

    def run(fn: Callable[[int], Any]) -> list[float]:
        fn(0)
        samples = []
        for i in range(repeat):
            t0 = time.perf_counter()
            fn(i)
            samples.append(time.perf_counter() - t0)
        return samples

    out = {
        "search": run(lambda i: retriever.search_sync(query=SEARCHES[i % len(SEARCHES)], top_k=3)),
        "drug lookup": run(lambda i: drug_detail(kb, DRUGS[i % len(DRUGS)])),
        "interaction check": run(lambda i: engine.check(drugs=INTERACTIONS[i % len(INTERACTIONS)])),
    }
    kb.close()
    return {**{k: summary_ms(v) for k, v in out.items()}, "load_s": {"catalog_and_interactions_s": round(load_s, 3)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--repeat", type=int, default=400)
    args = parser.parse_args(argv)
    index = ensure_full_index(args.index.resolve())
    chunks = None
    import sqlite3

    with sqlite3.connect(f"file:{index}?mode=ro", uri=True) as conn:
        chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        labels = conn.execute("SELECT count(*) FROM labels").fetchone()[0]
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {
            "PHARMABOT_INDEX_PATH": str(index),
            "PHARMABOT_SQLITE_PATH": str(Path(tmp) / "state.sqlite"),
            "PHARMABOT_RATE_LIMITS": RATE_LIMITS + f",search={10**9}/minute,search={10**9}/day"
            f",interactions={10**9}/minute,interactions={10**9}/day,other={10**9}/minute",
            "PHARMABOT_LOG_LEVEL": "WARNING",
        }
        argv_server = [sys.executable, str(ROOT / "bench" / "chat_server.py"), "pharmabot", "--port", str(port)]
        with serving(argv_server, port=port, env=env) as pid:
            started_rss = rss_mb(pid)
            api = asyncio.run(api_latency(f"http://127.0.0.1:{port}", args.repeat))
            memory = {"after_startup_rss_mb": started_rss["rss_mb"], **rss_mb(pid)}
    service = service_latency(index, args.repeat)
    print_table(
        ["operation", "API p50 (ms)", "API p99 (ms)", "service p50 (ms)", "service p99 (ms)"],
        [
            [op, api[op]["p50_ms"], api[op]["p99_ms"], service[op]["p50_ms"], service[op]["p99_ms"]]
            for op in ("search", "drug lookup", "interaction check")
        ],
    )
    print(
        f"\ncorpus: {labels} labels, {chunks} chunks; {args.repeat} requests each."
        f" Server RSS: {memory['after_startup_rss_mb']} MB after start-up, {memory['rss_mb']} MB after the requests"
        f" (peak {memory['peak_rss_mb']} MB)."
    )
    path = write_result(
        "latency",
        {"repeat": args.repeat, "corpus": {"labels": labels, "chunks": chunks}, "api": api, "service": service,
         "memory": memory},
    )  # fmt: skip
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
