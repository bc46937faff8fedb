"""Building the label index: bulk formats, stable ids, freshness, atomic writes, the builders handed in."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from pharmabot.knowledge.build import build_index, ensure_index, is_fresh
from tests.support.labels import raw_records_for, write_bulk_json, write_jsonl

DRUGS = ("simvastatin", "warfarin", "metformin")


def _chunk_ids(index: Path) -> list[str]:
    with sqlite3.connect(index) as conn:
        return [r[0] for r in conn.execute("SELECT chunk_id FROM chunks ORDER BY chunk_id")]


def test_bulk_json_and_zip_ingest_give_the_same_index(tmp_path: Path) -> None:
    records = raw_records_for(DRUGS)
    bulk = write_bulk_json(tmp_path / "drug-label-0001-of-0001.json", records)
    archive = tmp_path / "drug-label-0001-of-0001.json.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(bulk, bulk.name)
    a = build_index(sources=[bulk], index_path=tmp_path / "a.sqlite")
    b = build_index(sources=[archive], index_path=tmp_path / "b.sqlite")
    assert a.labels_read == b.labels_read == len(records)
    assert a.chunks == b.chunks > 0
    assert _chunk_ids(a.path) == _chunk_ids(b.path)


def test_ingesting_twice_gives_the_same_chunk_ids(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(DRUGS))
    first = build_index(sources=[source], index_path=tmp_path / "index.sqlite")
    ids = _chunk_ids(first.path)
    # Reversed input order: same ids.
    reversed_source = write_jsonl(tmp_path / "reversed.jsonl", list(reversed(raw_records_for(DRUGS))))
    second = build_index(sources=[reversed_source], index_path=tmp_path / "index.sqlite")
    assert _chunk_ids(second.path) == ids


def test_ensure_index_rebuilds_only_when_stale(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(DRUGS[:1]))
    index = tmp_path / "index.sqlite"
    assert ensure_index(sources=[source], index_path=index).rebuilt
    assert is_fresh(sources=[source], index_path=index)
    assert not ensure_index(sources=[source], index_path=index).rebuilt
    write_jsonl(source, raw_records_for(DRUGS[:2]))  # new content
    assert not is_fresh(sources=[source], index_path=index)
    assert ensure_index(sources=[source], index_path=index).rebuilt
    assert ensure_index(sources=[source], index_path=index, force=True).rebuilt


def test_a_failed_build_leaves_the_old_index(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(DRUGS[:1]))
    index = tmp_path / "index.sqlite"
    build_index(sources=[source], index_path=index)
    before = _chunk_ids(index)

    def broken(conn: sqlite3.Connection, labels: object, catalog: object) -> None:
        raise RuntimeError("builder failed")

    with pytest.raises(RuntimeError):
        build_index(sources=[source], index_path=index, builders=[broken])
    assert _chunk_ids(index) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.sqlite", "labels.jsonl"]


def test_builders_see_the_connection_labels_and_catalog(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(DRUGS))
    seen: dict[str, object] = {}

    def builder(conn: sqlite3.Connection, labels: object, catalog: object) -> None:
        conn.execute("CREATE TABLE extra (n INTEGER)")
        conn.execute("INSERT INTO extra VALUES (?)", (len(labels),))  # type: ignore[arg-type]
        seen["titles"] = sorted(label.title for label in labels)  # type: ignore[attr-defined]
        seen["catalog"] = catalog

    stats = build_index(sources=[source], index_path=tmp_path / "i.sqlite", builders=[builder])
    with sqlite3.connect(stats.path) as conn:
        assert conn.execute("SELECT n FROM extra").fetchone()[0] == stats.labels_indexed
    assert seen["titles"]


def test_an_index_is_fresh_only_for_the_builders_it_was_built_with(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(DRUGS[:1]))
    index = tmp_path / "index.sqlite"

    def extra(conn: sqlite3.Connection, labels: object, catalog: object) -> None:
        conn.execute("CREATE TABLE extra (n INTEGER)")

    build_index(sources=[source], index_path=index)
    assert is_fresh(sources=[source], index_path=index)
    assert not is_fresh(sources=[source], index_path=index, builders=[extra])
    assert ensure_index(sources=[source], index_path=index, builders=[extra]).rebuilt
    assert is_fresh(sources=[source], index_path=index, builders=[extra])
