"""Index build benchmark on a larger corpus than the shipped one: build time, index size, memory, temporary disk.

Usage: python bench/build_index.py [--labels 10000] [--partitions 4] [--keep DIR]

openFDA's full drug-label download (~250,000 labels in ~13 zip partitions) cannot be fetched here, so the
sample is made from the shipped corpus (main file and extra file, 1,268 real openFDA records), written in
openFDA's bulk format (`drug-label-000N-of-000P.json.zip`, each one `{"meta": ..., "results": [...]}`):

- every shipped record once, unchanged;
- then replicas until the sample has `--labels` records, alternating two kinds:
  * a repackager copy: the same record under a new set id and id, manufacturer "Sample Repackaging Co. <n>",
    "Repackaged by: ..." added to its package label text (same ingredients, so the label choice must skip it);
  * a new drug: the same record under a new set id and id, with a made-up word appended to every generic,
    brand and substance name, so it is filed as a drug of its own (more distinct drugs, as in the full corpus).

It then runs `python -m pharmabot build-index --source DIR --index PATH --force` in a child process and
reports wall time, the index size, the child's peak memory (RSS) and the peak size of the index folder
(the index plus its temporary build files), and projects them to the full corpus from the per-label costs.
Prints a table and writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, write_result
from pharmabot.knowledge.labels import shipped_label_paths

FULL_CORPUS_LABELS = 250_000  # openFDA drug/label record count, order of magnitude (its download manifest)
_NAMESPACE = uuid.UUID("6f1e3c56-1e0b-4b43-9a65-2b1f3f0f6d15")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(n: int) -> str:
    """A made-up lower-case word for replica N ("samplexb"): letters only, so it survives name normalization."""
    letters = ""
    while True:
        n, rest = divmod(n, 26)
        letters = _LETTERS[rest] + letters
        if n == 0:
            return "sample" + letters


def _shipped_records() -> list[dict[str, Any]]:
    records = []
    for path in shipped_label_paths():
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle if line.strip()]
    return records


def _replica(record: dict[str, Any], n: int) -> dict[str, Any]:
    copy = json.loads(json.dumps(record))
    copy["set_id"] = str(uuid.uuid5(_NAMESPACE, f"{record.get('set_id')}|{n}|set"))
    copy["id"] = str(uuid.uuid5(_NAMESPACE, f"{record.get('set_id')}|{n}|id"))
    openfda = copy.setdefault("openfda", {})
    if n % 2:  # a repackager's copy of the same product
        openfda["manufacturer_name"] = [f"Sample Repackaging Co. {n}"]
        panel = copy.get("package_label_principal_display_panel") or [""]
        copy["package_label_principal_display_panel"] = [f"{panel[0]} Repackaged by: Sample Repackaging Co. {n}"]
    else:  # another drug: every name gets a made-up word
        word = _word(n)
        for key in ("generic_name", "brand_name", "substance_name"):
            if openfda.get(key):
                openfda[key] = [f"{name} {word}" for name in openfda[key]]
    return copy


def sample_records(count: int) -> Iterator[dict[str, Any]]:
    """COUNT label records: the shipped ones, then their replicas (see the module docstring)."""
    shipped = _shipped_records()
    for n in range(count):
        record = shipped[n % len(shipped)]
        yield record if n < len(shipped) else _replica(record, n // len(shipped))


def write_sample(directory: Path, *, labels: int, partitions: int) -> list[Path]:
    """The sample as openFDA bulk zip partitions in DIRECTORY."""
    directory.mkdir(parents=True, exist_ok=True)
    records = list(sample_records(labels))
    per_part = -(-len(records) // partitions)
    paths = []
    for part in range(partitions):
        name = f"drug-label-{part + 1:04d}-of-{partitions:04d}.json"
        body = {"meta": {"results": {"total": labels}}, "results": records[part * per_part : (part + 1) * per_part]}
        path = directory / f"{name}.zip"
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(name, json.dumps(body))
        paths.append(path)
    return paths


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.iterdir() if p.is_file())


def _rss_kib(pid: int) -> int:
    """The process's resident memory now (0 once it is gone)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def build(source: Path, index: Path) -> dict[str, Any]:
    """Run the build-index command on SOURCE in a child process; time, peak memory and peak folder size.

    Memory is sampled from /proc twice a second (the child's own high-water mark would include this
    process's memory at fork time).
    """
    peak = {"bytes": 0, "rss_kib": 0}
    done = threading.Event()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "pharmabot", "build-index", "--source", str(source), "--index", str(index)]
    started = time.perf_counter()
    child = subprocess.Popen([*command, "--force"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def watch() -> None:
        while not done.wait(0.5):
            peak["rss_kib"] = max(peak["rss_kib"], _rss_kib(child.pid))
            with contextlib.suppress(OSError):  # a temporary file may vanish between listing and stat
                peak["bytes"] = max(peak["bytes"], _folder_size(index.parent))

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stdout, stderr = child.communicate()
    seconds = time.perf_counter() - started
    done.set()
    watcher.join()
    if child.returncode != 0:
        raise SystemExit(f"build-index failed:\n{stderr}")
    return {
        "output": stdout.strip().splitlines()[-1],
        "seconds": round(seconds, 1),
        "index_mb": round(index.stat().st_size / 1e6, 1),
        "peak_rss_mb": round(peak["rss_kib"] / 1024),
        "peak_folder_mb": round(max(peak["bytes"], index.stat().st_size) / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=int, default=10_000)
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--keep", type=Path, default=None, help="write the sample and index here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pharmabot-bench-") as tmp:
        base = args.keep or Path(tmp)
        source = base / "labels"
        started = time.perf_counter()
        parts = write_sample(source, labels=args.labels, partitions=args.partitions)
        sample_seconds = time.perf_counter() - started
        zipped = sum(p.stat().st_size for p in parts)
        (base / "index").mkdir(parents=True, exist_ok=True)
        result = build(source, base / "index" / "labels-index.sqlite")
    scale = FULL_CORPUS_LABELS / args.labels
    result.update(
        {
            "labels": args.labels,
            "partitions": args.partitions,
            "sample_zip_mb": round(zipped / 1e6, 1),
            "sample_written_seconds": round(sample_seconds, 1),
            "projected_full_corpus": {
                "labels": FULL_CORPUS_LABELS,
                "minutes": round(result["seconds"] * scale / 60),
                "index_gb": round(result["index_mb"] * scale / 1000, 1),
                "peak_folder_gb": round(result["peak_folder_mb"] * scale / 1000, 1),
            },
        }
    )
    print(f"sample: {args.labels} labels in {args.partitions} zips, {result['sample_zip_mb']} MB")
    print(f"build:  {result['output']}")
    print(f"{'wall time':<34}{result['seconds']:>10} s")
    print(f"{'index size':<34}{result['index_mb']:>10} MB")
    print(f"{'peak memory (RSS) of the build':<34}{result['peak_rss_mb']:>10} MB")
    print(f"{'peak index folder (with temp files)':<34}{result['peak_folder_mb']:>10} MB")
    projected = result["projected_full_corpus"]
    print(
        f"projected, {FULL_CORPUS_LABELS:,} labels (linear in labels read): ~{projected['minutes']} min,"
        f" index ~{projected['index_gb']} GB, peak folder ~{projected['peak_folder_gb']} GB"
    )
    write_result("build_index", result)


if __name__ == "__main__":
    main()
