"""Run every end-to-end benchmark and print one summary table (about 1-2 minutes on 2 cores).

Usage: python bench/run_all.py [--index PATH] [--quick]

Each benchmark runs in its own process (bench/cold_start.py, bench/chat_stream.py, bench/latency.py)
and writes bench/results/<name>.json; this script then writes bench/results/summary.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DEFAULT_INDEX, RESULTS, ROOT, ensure_full_index, machine, print_table, write_result


def run(script: str, *args: str) -> dict[str, Any]:
    print(f"\n## {script}", flush=True)
    subprocess.run([sys.executable, str(ROOT / "bench" / script), *args], cwd=ROOT, check=True)
    result: dict[str, Any] = json.loads((RESULTS / script.replace(".py", ".json")).read_text())
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run, noisier numbers)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    index = str(ensure_full_index(args.index.resolve()))
    cold = run("cold_start.py", "--index", index, "--repeat", "3" if args.quick else "9")
    chat = run("chat_stream.py", "--index", index, "--streams", "100" if args.quick else "300")
    latency = run("latency.py", "--index", index, "--repeat", "100" if args.quick else "400")

    app, bare = cold["rows"]
    rows: list[list[Any]] = [
        ["cold start: spawn to first /health (s)", app["wall_s"], bare["wall_s"], f"{cold['ratio']:.2f}", "<= 1.3"],
    ]
    for t in chat["table"]:
        a, b = t["pharmabot"], t["bare"]
        target = "<= 1.5" if t["concurrency"] == 100 else ""
        rows.append(
            [f"chat TTFT p50, {t['concurrency']} streams (ms)", a["ttft"]["p50_ms"], b["ttft"]["p50_ms"],
             f"{t['ttft_ratio']:.2f}", target]
        )  # fmt: skip
        rows.append(
            [f"chat total p50, {t['concurrency']} streams (ms)", a["total"]["p50_ms"], b["total"]["p50_ms"],
             f"{t['total_ratio']:.2f}", ""]
        )  # fmt: skip
    for op in ("search", "drug lookup", "interaction check"):
        api = latency["api"][op]
        rows.append([f"{op} via API p50 / p99 (ms)", f"{api['p50_ms']:.2f} / {api['p99_ms']:.2f}", "", "", ""])
    memory = chat["memory"]["pharmabot"]
    rows.append(["server RSS after start-up (MB)", latency["memory"]["after_startup_rss_mb"], "", "", ""])
    rows.append(["server RSS peak, catalog + interactions loaded (MB)", latency["memory"]["peak_rss_mb"], "", "", ""])
    rows.append(["server RSS peak under 100 chat streams (MB)", memory["peak_rss_mb"],
                 chat["memory"]["bare"]["peak_rss_mb"], "", ""])  # fmt: skip
    print("\n## summary\n")
    print_table(["measure", "PharmaBot", "bare FastAPI", "ratio", "target"], rows)
    m = machine()
    print(
        f"\nmachine: {m['cpu']}, {m['nproc']} CPUs, {m['ram_gb']} GB RAM, Python {m['python']}, SQLite {m['sqlite']};"
        f" {time.perf_counter() - started:.0f} s"
    )
    write_result("summary", {"rows": rows, "seconds": round(time.perf_counter() - started, 1)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
