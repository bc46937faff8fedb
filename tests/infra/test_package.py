"""What goes into the function app's deployment package: .funcignore, the prepackage hook, the index path.

`bench.package_size.package_files` walks a folder the way azd zips a function app (gitignore rules from
.funcignore, left-out folders not entered, `.azure/` and `local.settings.json` always out). Here it walks a
copy of the repository's tracked files, empty, plus what a working checkout accumulates (a virtualenv, test
and bench outputs, local state, downloaded corpora, the full and the catalog index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench.package_size import package_files
from pharmabot.cli import CATALOG_INDEX

ROOT = Path(__file__).resolve().parents[2]

# What a working checkout holds besides tracked files, none of which the app in Azure reads.
ARTIFACTS = [
    ".venv/pyvenv.cfg",
    ".venv/lib/python3.11/site-packages/fastapi/__init__.py",
    ".hypothesis/examples/abc",
    ".pytest_cache/v/cache/nodeids",
    ".mypy_cache/3.11/x.json",
    ".ruff_cache/0.1/x",
    "test-artifacts/web/chat.png",
    ".coverage",
    "htmlcov/index.html",
    "bench/results/cold_start.json",
    "eval/results/summary.json",
    "node_modules/@vercel/cosmosdb-server/package.json",
    "pharmabot/__pycache__/main.cpython-311.pyc",
    "tests/__pycache__/conftest.cpython-311.pyc",
    ".data/labels-index.sqlite",
    ".data/pharmabot.sqlite",
    ".data/openfda/drug-label-0001-of-0013.json.zip",
    ".data/openfda/drug-label-0002-of-0013.json.zip.part",
    ".azure/prod/.env",
    "local.settings.json",
]


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs the git checkout to list the tracked files")
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [line for line in listed.splitlines() if line]


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    root = tmp_path_factory.mktemp("checkout")
    for relative in [*tracked_files(), *ARTIFACTS, CATALOG_INDEX]:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    return {p.as_posix() for p in package_files(root, (ROOT / ".funcignore").read_text())}


def test_the_package_holds_the_app_and_the_catalog_index(packaged: set[str]) -> None:
    assert {"function_app.py", "host.json", "requirements.txt", CATALOG_INDEX} <= packaged
    assert {"pharmabot/main.py", "pharmabot/functions_bridge.py", "pharmabot/web/static/index.html"} <= packaged
    # Every module of the app goes; the data package keeps its __init__ (its files are read at build time).
    modules = {f for f in tracked_files() if f.startswith("pharmabot/") and f.endswith(".py")}
    assert modules <= packaged


def test_the_package_leaves_out_tests_tools_artifacts_and_label_text(packaged: set[str]) -> None:
    for artifact in ARTIFACTS:
        assert artifact not in packaged, artifact
    left_out_dirs = ("tests/", "bench/", "eval/", "infra/", "scripts/", ".github/", "node_modules/", ".venv/")
    assert not [f for f in packaged if f.startswith(left_out_dirs)]
    assert ".data/labels-index.sqlite" not in packaged  # the full index (chunk and section text)
    assert not [f for f in packaged if f.startswith(("pharmabot/data/labels/", "pharmabot/data/names/"))]
    assert [f for f in packaged if f.startswith(".data/")] == [CATALOG_INDEX]
    assert not [f for f in packaged if f.endswith(".pyc")]
    assert "Makefile" not in packaged
    assert "requirements-dev.txt" not in packaged


def test_the_prepackage_hook_writes_the_index_the_package_carries() -> None:
    azd = yaml.safe_load((ROOT / "azure.yaml").read_text())
    run = azd["services"]["api"]["hooks"]["prepackage"]["posix"]["run"]
    assert "-m pharmabot package-index" in run
    assert "--out" not in run  # the default, CATALOG_INDEX, which the app settings name


def test_function_app_anchors_a_relative_index_path_to_its_folder(tmp_path: Path) -> None:
    """In Azure the worker's working directory is not the app's folder; the app setting's path is relative."""
    env = {**os.environ, "PHARMABOT_INDEX_PATH": CATALOG_INDEX, "PYTHONPATH": str(ROOT)}
    code = "import os, function_app; print(os.environ['PHARMABOT_INDEX_PATH'])"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == str(ROOT / CATALOG_INDEX)
