"""Building the label index: bulk formats, stable ids, freshness, atomic writes, the KnowledgeBase."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from pharmabot.errors import IndexMissingError
from pharmabot.knowledge.index import KnowledgeBase, build_index, ensure_index, is_fresh
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
        build_index(sources=[source], index_path=index, extra_builders=[broken])
    assert _chunk_ids(index) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.sqlite", "labels.jsonl"]


def test_extra_builders_see_the_connection_labels_and_catalog(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(DRUGS))
    seen: dict[str, object] = {}

    def builder(conn: sqlite3.Connection, labels: object, catalog: object) -> None:
        conn.execute("CREATE TABLE extra (n INTEGER)")
        conn.execute("INSERT INTO extra VALUES (?)", (len(labels),))  # type: ignore[arg-type]
        seen["titles"] = sorted(label.title for label in labels)  # type: ignore[attr-defined]
        seen["catalog"] = catalog

    stats = build_index(sources=[source], index_path=tmp_path / "i.sqlite", extra_builders=[builder])
    with sqlite3.connect(stats.path) as conn:
        assert conn.execute("SELECT n FROM extra").fetchone()[0] == stats.labels_indexed
    assert seen["titles"]


def test_knowledge_base_reads_labels_and_catalog(small_index: Path) -> None:
    kb = KnowledgeBase.open(small_index)
    try:
        page = kb.drug_page("simvastatin")
        assert page is not None
        assert page.label is not None
        assert page.label.url.endswith(page.label.set_id)
        assert page.label.sections[0].key == "indications_and_usage"
        assert kb.get_label(page.label.set_id) == page.label
        assert kb.get_label("no-such-set-id") is None
        assert kb.catalog.resolve("Zocor").drug is not None
    finally:
        kb.close()


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="build-index"):
        KnowledgeBase.open(tmp_path / "nope.sqlite")


def test_catalog_and_interaction_tables_load_on_first_use(small_index: Path) -> None:
    # Start-up only opens the index: a cold worker answers before these large tables are read.
    kb = KnowledgeBase.open(small_index)
    try:
        engine = kb.interaction_engine()
        assert engine is not None
        assert not kb.lazy_catalog.ready
        report = engine.check(drugs=["simvastatin", "clarithromycin"])
        assert kb.lazy_catalog.ready
        assert [r.drug for r in report.resolved] == ["simvastatin", "clarithromycin"]
    finally:
        kb.close()
