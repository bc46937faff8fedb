"""The app's index: the knowledge index with the interaction engine's tables handed in, and it says so."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pharmabot.ingest import BUILDERS, build_index, ensure_index
from pharmabot.interactions.knowledge import has_interaction_knowledge
from pharmabot.knowledge import build
from tests.support.labels import raw_records_for, write_jsonl


def test_the_app_index_holds_the_interaction_tables_and_names_their_builder(small_index: Path) -> None:
    with sqlite3.connect(small_index) as conn:
        assert has_interaction_knowledge(conn)
        recorded = json.loads(dict(conn.execute("SELECT key, value FROM meta").fetchall())["builders"])
    assert recorded == sorted(builder.__name__ for builder in BUILDERS) == ["write_interaction_knowledge"]


def test_an_index_built_without_them_is_rebuilt_for_the_app(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "labels.jsonl", raw_records_for(("warfarin",)))
    index = tmp_path / "index.sqlite"
    build.build_index(sources=[source], index_path=index)
    assert ensure_index(sources=[source], index_path=index).rebuilt
    assert not ensure_index(sources=[source], index_path=index).rebuilt
    with sqlite3.connect(index) as conn:
        assert has_interaction_knowledge(conn)
    assert build_index(sources=[source], index_path=index).chunks > 0
