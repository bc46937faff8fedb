"""The engine opened over the index's tables, as the app wires it (`open_engine`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pharmabot.interactions.engine import open_engine
from pharmabot.knowledge.build import build_index
from pharmabot.knowledge.index import KnowledgeBase
from tests.support.labels import raw_records_for, write_jsonl


def test_catalog_and_interaction_tables_load_on_first_use(small_index: Path) -> None:
    # Start-up only opens the index: a cold worker answers before these large tables are read.
    kb = KnowledgeBase.open(small_index)
    try:
        engine = open_engine(kb)
        assert engine is not None
        assert not kb.lazy_catalog.ready
        report = engine.check(drugs=["simvastatin", "clarithromycin"])
        assert kb.lazy_catalog.ready
        assert [r.drug for r in report.resolved] == ["simvastatin", "clarithromycin"]
    finally:
        kb.close()


def test_an_index_built_without_the_interaction_tables_opens_no_engine(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(("warfarin",)))
    bare = build_index(sources=[source], index_path=tmp_path / "bare.sqlite").path  # no builders handed in
    with sqlite3.connect(bare) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "chunks" in tables
    kb = KnowledgeBase.open(bare)
    try:
        assert open_engine(kb) is None
    finally:
        kb.close()
