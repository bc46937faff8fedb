"""Deployment package size: the zip `azd deploy` builds for the function app, now and at another revision.

Usage: python bench/package_size.py [--compare REV]   (REV: a git revision whose .funcignore to compare, e.g. main)

azd zips the project folder for a function app like this (azure-dev, pkg/project/project_utils.go): `.funcignore`
rules with gitignore semantics, a folder that is left out is not entered, and `.azure/`, `.funcignore` itself
and `local.settings.json` are always left out. This walks the working tree the same way (pathspec's gitignore
rules), zips what is kept with deflate, and prints the zip size by top-level entry. The Python packages are
not in it: the function app installs requirements.txt itself (remote build).

The catalog index the package carries now (`.data/labels-catalog.sqlite`) is written first from the full local
index when missing. With --compare, the same files are measured under REV's `.funcignore` (at the revisions
before it, the full index rode in the package). Prints a table and writes JSON to bench/results/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

import pathspec

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import ROOT, write_result

ALWAYS_LEFT_OUT = {".azure"}  # folders azd never zips
ALWAYS_LEFT_OUT_FILES = {".funcignore", "local.settings.json"}


def package_files(root: Path, funcignore: str) -> list[Path]:
    """The files (relative to ROOT) azd would put in the function app's zip under these .funcignore rules."""
    spec = pathspec.GitIgnoreSpec.from_lines(funcignore.splitlines())
    kept: list[Path] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder).relative_to(root)
        for name in list(dirs):
            relative = (here / name).as_posix()
            if name in ALWAYS_LEFT_OUT or spec.match_file(relative + "/"):
                dirs.remove(name)  # not entered, as azd does not enter a left-out folder
        for name in files:
            relative = here / name
            if name not in ALWAYS_LEFT_OUT_FILES and not spec.match_file(relative.as_posix()):
                kept.append(relative)
    return sorted(kept)


def zip_size(root: Path, files: list[Path]) -> int:
    """Bytes of a deflate zip of FILES."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "package.zip"
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for relative in files:
                archive.write(root / relative, relative.as_posix())
        return target.stat().st_size


def by_entry(root: Path, files: list[Path]) -> dict[str, int]:
    """Uncompressed bytes per top-level entry (and per .data file), largest first."""
    sizes: dict[str, int] = defaultdict(int)
    for relative in files:
        parts = relative.parts
        key = "/".join(parts[:2]) if parts[0] in {".data", "pharmabot"} and len(parts) > 1 else parts[0]
        if parts[:2] == ("pharmabot", "data"):
            key = "/".join(parts[:3])
        sizes[key] += (root / relative).stat().st_size
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def measure(root: Path, funcignore: str) -> dict[str, object]:
    files = package_files(root, funcignore)
    return {
        "files": len(files),
        "uncompressed_mb": round(sum((root / f).stat().st_size for f in files) / 1e6, 1),
        "zip_mb": round(zip_size(root, files) / 1e6, 1),
        "largest": {k: round(v / 1e6, 2) for k, v in list(by_entry(root, files).items())[:8]},
    }


def ensure_catalog_index(root: Path) -> None:
    from pharmabot.ingest import ensure_index
    from pharmabot.knowledge.build import write_catalog_index

    full = root / ".data" / "labels-index.sqlite"
    ensure_index(index_path=full, progress=True)
    write_catalog_index(index_path=full, out=root / ".data" / "labels-catalog.sqlite")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", default=None, metavar="REV", help="also measure under REV's .funcignore")
    args = parser.parse_args()
    ensure_catalog_index(ROOT)
    results = {"now": measure(ROOT, (ROOT / ".funcignore").read_text())}
    if args.compare:
        before = subprocess.run(
            ["git", "show", f"{args.compare}:.funcignore"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        results[args.compare] = measure(ROOT, before)
    for name, result in results.items():
        print(f"{name}: {result['files']} files, {result['uncompressed_mb']} MB, zip {result['zip_mb']} MB")
        for entry, mb in result["largest"].items():  # type: ignore[attr-defined]
            print(f"    {entry:<45}{mb:>10.2f} MB")
    write_result("package_size", results)


if __name__ == "__main__":
    main()
