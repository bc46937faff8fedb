"""Cold start: a fresh process imports the Functions entry and serves its first /health through the bridge.

Usage: python bench/cold_start.py [--index PATH] [--repeat N]

Each run is a new `python -c` process that imports `function_app` (the full label index) and calls
its HTTP function with GET /health the way the Functions host would (tests/support/functions.py),
against the same for `bench/bare_function_app.py`: a bare FastAPI app with one route behind the
same bridge and Functions registration. Medians of N runs; wall time from spawn to the answer.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import DEFAULT_INDEX, ROOT, ensure_full_index, print_table, write_result

TARGET_RATIO = 1.3

CHILD = """
import time
started = time.perf_counter()
import asyncio, json, sys
sys.path.insert(0, {root!r})
import {module} as entry
from tests.support.functions import call_function
imported = time.perf_counter()
function = entry.app.get_functions()[0].get_user_function()
async def first_health():
    answer = await call_function(function, "GET", "/health")
    return answer, time.perf_counter(), time.time()
answer, done, answered_at = asyncio.run(first_health())
assert answer.status == 200, (answer.status, answer.body)
print(json.dumps({{"answered_at": answered_at, "import_s": imported - started, "first_health_s": done - imported,
                  "modules": len(sys.modules)}}))
"""


def one_run(module: str, env: dict[str, str]) -> dict[str, float]:
    """Spawn one fresh process for MODULE; its wall time plus what it measured inside."""
    spawned = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), module=module)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{out.stderr[-3000:]}")
    inside = json.loads(out.stdout.strip().splitlines()[-1])
    # Spawn to the answer, not to exit: a worker stays up, so tearing the process down is not start-up.
    return {"wall_s": inside.pop("answered_at") - spawned, **inside}


def median_of(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    index = ensure_full_index(args.index.resolve())
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "PHARMABOT_INDEX_PATH": str(index),
            "PHARMABOT_SQLITE_PATH": str(Path(tmp) / "state.sqlite"),
            "PHARMABOT_LOG_LEVEL": "WARNING",
        }
        runs: dict[str, list[dict[str, float]]] = {"function_app": [], "bench.bare_function_app": []}
        for module in runs:
            one_run(module, env)  # warm the OS file cache once, so every measured run starts alike
        for _ in range(args.repeat):
            for module, results in runs.items():  # interleaved: drift hits both alike
                results.append(one_run(module, env))
    app, bare = runs["function_app"], runs["bench.bare_function_app"]
    rows = []
    for name, results in (("PharmaBot function_app", app), ("bare FastAPI + bridge", bare)):
        rows.append(
            {
                "app": name,
                "wall_s": round(median_of(results, "wall_s"), 3),
                "import_s": round(median_of(results, "import_s"), 3),
                "first_health_s": round(median_of(results, "first_health_s"), 3),
                "modules": int(median_of(results, "modules")),
            }
        )
    ratio = rows[0]["wall_s"] / rows[1]["wall_s"]
    print_table(
        ["app", "spawn to first /health (s)", "imports (s)", "first /health (s)", "modules"],
        [[r["app"], r["wall_s"], r["import_s"], r["first_health_s"], r["modules"]] for r in rows],
    )
    print(f"\nratio {ratio:.2f} (target <= {TARGET_RATIO}), medians of {args.repeat} runs")
    path = write_result(
        "cold_start",
        {"repeat": args.repeat, "rows": rows, "ratio": round(ratio, 3), "target": TARGET_RATIO, "runs": runs},
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
