"""The build-index and ingest commands."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pharmabot.cli import main
from tests.support.labels import raw_records_for, write_bulk_json


def test_ingest_bulk_zip_then_up_to_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bulk = write_bulk_json(tmp_path / "drug-label-0001-of-0001.json", raw_records_for(["metformin"]))
    archive = tmp_path / "bulk.json.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(bulk, bulk.name)
    index = tmp_path / "index.sqlite"
    assert main(["ingest", str(archive), "--index", str(index)]) == 0
    assert "chunks" in capsys.readouterr().out
    assert index.exists()


def test_ingest_refuses_missing_files_and_unready_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path / "missing.json"), "--index", str(tmp_path / "i.sqlite")]) == 2
    assert "no such file" in capsys.readouterr().err
    bulk = write_bulk_json(tmp_path / "b.json", [])
    assert main(["ingest", str(bulk), "--target", "azure-search"]) == 2
    assert "AZURE_SEARCH_ENDPOINT is required" in capsys.readouterr().err


def test_serve_without_an_index_explains_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pharmabot.config import get_settings

    monkeypatch.setenv("PHARMABOT_INDEX_PATH", str(tmp_path / "none.sqlite"))
    get_settings.cache_clear()
    try:
        assert main(["serve", "--port", "0"]) == 2
    finally:
        get_settings.cache_clear()
    assert "build-index" in capsys.readouterr().err
