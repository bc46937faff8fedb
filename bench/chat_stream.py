"""Chat streaming on real uvicorn: time to first token and total time at 1, 10 and 100 concurrent streams.

Usage: python bench/chat_stream.py [--index PATH] [--levels 1,10,100] [--streams 300]

PharmaBot (full index, SQLite store, rate limits counted but set high, FixedWriter streaming 200
tokens with no delay; see bench/chat_server.py) against a bare FastAPI SSE endpoint streaming the same
200 token frames. Each server is its own uvicorn process on loopback; this process is the client
(async httpx). At each level, rounds of N simultaneous requests run until about --streams streams
were measured. Also reports the PharmaBot server's resident memory (it holds the full corpus).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.chat_server import TOKENS
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

TARGET_TTFT_RATIO = 1.5
ANSWER = "".join(TOKENS)
HIGH = 10**9
RATE_LIMITS = (
    ",".join(f"{cls}={HIGH}/{period}" for cls in ("chat", "session") for period in ("minute", "day"))
    + f",chat_chars={HIGH}/day"
)
QUESTIONS = (
    "What are the side effects of metformin?",
    "How should I take atorvastatin?",
    "What is sertraline used for?",
    "Can I take warfarin with ibuprofen?",
    "Who should not take amlodipine?",
    "What are the warnings for omeprazole?",
    "Can I take simvastatin with clarithromycin?",
    "What is gabapentin used for?",
)


async def one_stream(client: httpx.AsyncClient, url: str, question: str) -> dict[str, float]:
    """POST one chat; seconds to the first token frame and to the end of the stream."""
    started = time.perf_counter()
    first = None
    text: list[str] = []
    in_token = False
    body = {"message": question, "session_id": uuid.uuid4().hex}
    async with client.stream("POST", url, json=body) as response:
        if response.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {response.status_code}: {(await response.aread())[:300]!r}")
        async for line in response.aiter_lines():
            if line == "event: token":
                in_token = True
                if first is None:
                    first = time.perf_counter() - started
            elif in_token and line.startswith("data: "):
                text.append(json.loads(line[6:])["delta"])
                in_token = False
    if first is None or "".join(text) != ANSWER:
        raise RuntimeError(f"{url}: the answer did not arrive whole ({len(''.join(text))} of {len(ANSWER)} characters)")
    return {"ttft": first, "total": time.perf_counter() - started}


def summarize(concurrency: int, results: list[dict[str, float]], elapsed: float) -> dict[str, Any]:
    return {
        "concurrency": concurrency,
        "streams": len(results),
        "ttft": summary_ms([r["ttft"] for r in results]),
        "total": summary_ms([r["total"] for r in results]),
        "streams_per_s": round(len(results) / elapsed, 1),
    }


async def run_level(urls: dict[str, str], concurrency: int, streams: int) -> dict[str, dict[str, Any]]:
    """Rounds of CONCURRENCY simultaneous streams, alternating between the servers (drift hits both alike)."""
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    elapsed = dict.fromkeys(urls, 0.0)
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:
        for url in urls.values():
            await one_stream(client, url, QUESTIONS[0])  # warm up the connection and the server's caches
        for r in range(max(1, streams // concurrency)):
            picks = [QUESTIONS[(r * concurrency + i) % len(QUESTIONS)] for i in range(concurrency)]
            for name, url in urls.items():
                started = time.perf_counter()
                results[name].extend(await asyncio.gather(*(one_stream(client, url, q) for q in picks)))
                elapsed[name] += time.perf_counter() - started
    return {name: summarize(concurrency, results[name], elapsed[name]) for name in urls}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--levels", default="1,10,100")
    parser.add_argument("--streams", type=int, default=300, help="streams measured per level (at least one round)")
    args = parser.parse_args(argv)
    index = ensure_full_index(args.index.resolve())
    levels = [int(x) for x in args.levels.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "PHARMABOT_INDEX_PATH": str(index),
            "PHARMABOT_SQLITE_PATH": str(Path(tmp) / "state.sqlite"),
            "PHARMABOT_RATE_LIMITS": RATE_LIMITS,
            "PHARMABOT_LOG_LEVEL": "WARNING",
        }
        ports = {"pharmabot": free_port(), "bare": free_port()}
        argv_of = {
            name: [sys.executable, str(ROOT / "bench" / "chat_server.py"), name, "--port", str(port)]
            for name, port in ports.items()
        }
        with (
            serving(argv_of["pharmabot"], port=ports["pharmabot"], env=env) as app_pid,
            serving(argv_of["bare"], port=ports["bare"], env=env) as bare_pid,
        ):
            idle = rss_mb(app_pid)
            urls = {name: f"http://127.0.0.1:{port}/api/chat" for name, port in ports.items()}
            rows = []
            for level in levels:
                row = asyncio.run(run_level(urls, level, max(args.streams, level)))
                rows.append(row)
                print(
                    f"  {level:>3} streams: TTFT p50 {row['pharmabot']['ttft']['p50_ms']:.1f} ms"
                    f" (bare {row['bare']['ttft']['p50_ms']:.1f}), total p50 {row['pharmabot']['total']['p50_ms']:.1f}"
                    f" ms (bare {row['bare']['total']['p50_ms']:.1f})"
                )
            app = {"memory_idle": idle, "memory_after": rss_mb(app_pid)}
            bare = {"memory_after": rss_mb(bare_pid)}
    table = []
    for row in rows:
        a, b = row["pharmabot"], row["bare"]
        table.append(
            {
                "concurrency": a["concurrency"],
                "pharmabot": a,
                "bare": b,
                "ttft_ratio": round(a["ttft"]["p50_ms"] / b["ttft"]["p50_ms"], 2),
                "total_ratio": round(a["total"]["p50_ms"] / b["total"]["p50_ms"], 2),
            }
        )
    print()
    print_table(
        [
            "streams",
            "TTFT p50 / p99 (ms)",
            "bare TTFT p50 / p99 (ms)",
            "TTFT ratio",
            "total p50 / p99 (ms)",
            "bare total p50 / p99 (ms)",
            "total ratio",
        ],
        [
            [
                t["concurrency"],
                f"{t['pharmabot']['ttft']['p50_ms']:.1f} / {t['pharmabot']['ttft']['p99_ms']:.1f}",
                f"{t['bare']['ttft']['p50_ms']:.1f} / {t['bare']['ttft']['p99_ms']:.1f}",
                t["ttft_ratio"],
                f"{t['pharmabot']['total']['p50_ms']:.1f} / {t['pharmabot']['total']['p99_ms']:.1f}",
                f"{t['bare']['total']['p50_ms']:.1f} / {t['bare']['total']['p99_ms']:.1f}",
                t["total_ratio"],
            ]
            for t in table
        ],
    )
    print(
        f"\nPharmaBot server RSS: {app['memory_idle']['rss_mb']} MB after start-up,"
        f" peak {app['memory_after']['peak_rss_mb']} MB (bare: peak {bare['memory_after']['peak_rss_mb']} MB)"
    )
    path = write_result(
        "chat_stream",
        {
            "target_ttft_ratio_at_100": TARGET_TTFT_RATIO,
            "table": table,
            "memory": {
                "pharmabot": {
                    "after_startup_rss_mb": app["memory_idle"]["rss_mb"],
                    "after_load_rss_mb": app["memory_after"]["rss_mb"],
                    "peak_rss_mb": app["memory_after"]["peak_rss_mb"],
                },
                "bare": {"peak_rss_mb": bare["memory_after"]["peak_rss_mb"]},
            },
        },
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
