"""Latency of one interaction check for 2, 5, 10 and 20 drugs (knowledge built from the full shipped corpus).

Usage: python bench/interactions.py [--repeat N]; prints a table and writes bench/results/interactions.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pharmabot.interactions.engine import InteractionEngine  # noqa: E402
from pharmabot.interactions.knowledge import build_from_shipped  # noqa: E402

DRUGS = [
    "warfarin",
    "ibuprofen",
    "sertraline",
    "simvastatin",
    "clarithromycin",
    "metformin",
    "amlodipine",
    "lisinopril",
    "omeprazole",
    "levothyroxine",
    "atorvastatin",
    "tramadol",
    "ciprofloxacin",
    "tizanidine",
    "methotrexate",
    "fluoxetine",
    "prednisone",
    "alprazolam",
    "digoxin",
    "sildenafil",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    started = time.perf_counter()
    knowledge, catalog = build_from_shipped()
    engine = InteractionEngine(knowledge=knowledge, catalog=catalog)
    print(f"knowledge built in {time.perf_counter() - started:.1f} s")
    rows = []
    for count in (2, 5, 10, 20):
        names = DRUGS[:count]
        engine.check(drugs=names)  # warm the name lookups once
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            report = engine.check(drugs=names)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        rows.append(
            {
                "drugs": count,
                "interactions": len(report.interactions),
                "median_ms": round(statistics.median(times), 3),
                "p95_ms": round(times[int(len(times) * 0.95) - 1], 3),
                "max_ms": round(times[-1], 3),
            }
        )
    print("| drugs | interactions | median ms | p95 ms | max ms |")
    print("|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['drugs']} | {r['interactions']} | {r['median_ms']} | {r['p95_ms']} | {r['max_ms']} |")
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "interactions.json").write_text(json.dumps({"repeat": args.repeat, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
