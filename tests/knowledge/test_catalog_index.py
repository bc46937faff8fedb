"""The catalog index a cloud package carries (no label text), and drug pages read from Azure AI Search.

Azure AI Search is `tests.support.search_server`, a local stand-in written for these tests (no emulator
exists): the real `azure-search-documents` SDK uploads the small test corpus to it over real HTTP with the
real ingest, and the app's drug pages read their section texts back from it.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pharmabot.cli import main
from pharmabot.config import load_settings
from pharmabot.errors import ConfigError
from pharmabot.ingest import ingest_to_azure_search
from pharmabot.interactions.engine import open_engine
from pharmabot.knowledge.build import write_catalog_index
from pharmabot.knowledge.index import KnowledgeBase
from tests.support.fixtures import app_client
from tests.support.search_server import SEARCH_KEY, SearchServerState, search_server


@pytest.fixture(scope="module")
def catalog(small_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package") / "labels-catalog.sqlite"
    assert write_catalog_index(index_path=small_index, out=out).rebuilt
    return out


@pytest.fixture(scope="module")
def loaded(small_index: Path) -> Iterator[tuple[str, SearchServerState]]:
    """The stand-in search service holding the small index's chunks, uploaded by the real ingest."""
    with search_server() as (url, state):
        settings = load_settings(index_path=small_index, azure_search_endpoint=url, azure_search_key=SEARCH_KEY)
        asyncio.run(ingest_to_azure_search(settings=settings, sources=[], progress=False, vectors=False))
        yield url, state


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_the_catalog_index_keeps_what_the_app_reads_and_drops_the_text(small_index: Path, catalog: Path) -> None:
    assert rows(catalog, "SELECT count(*) FROM chunks") == [(0,)]
    assert rows(catalog, "SELECT count(*) FROM chunks_fts") == [(0,)]
    full_labels = rows(small_index, "SELECT set_id, drug_key, effective_time, url, sections FROM labels ORDER BY rowid")
    slim_labels = rows(catalog, "SELECT set_id, drug_key, effective_time, url, sections FROM labels ORDER BY rowid")
    assert [r[:4] for r in slim_labels] == [r[:4] for r in full_labels]
    for full, slim in zip(full_labels, slim_labels, strict=True):  # the section list stays, its text goes
        assert [[k, t, ""] for k, t, _ in json.loads(str(full[4]))] == json.loads(str(slim[4]))
    for table in ("ix_evidence", "ix_class_members", "ix_rules", "ix_food", "ix_labels"):
        assert rows(catalog, f"SELECT * FROM {table}") == rows(small_index, f"SELECT * FROM {table}"), table
    assert catalog.stat().st_size < small_index.stat().st_size / 2
    knowledge = KnowledgeBase.open(catalog)
    try:
        assert not knowledge.has_label_text
        assert knowledge.catalog.resolve("Coumadin").drug is not None
        engine = open_engine(knowledge)
        assert engine is not None
        assert engine.check(drugs=["simvastatin", "clarithromycin"]).interactions
    finally:
        knowledge.close()


def test_writing_it_again_is_a_no_op(small_index: Path, catalog: Path) -> None:
    assert not write_catalog_index(index_path=small_index, out=catalog).rebuilt


def test_the_command_builds_the_full_index_then_the_catalog(
    small_index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "labels-catalog.sqlite"
    assert main(["package-index", "--index", str(small_index), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "up to date" in said  # the full index was already built
    assert f"catalog index {out} written" in said
    assert KnowledgeBase.open(out).meta["label_text"] == "search"


async def test_local_retrieval_refuses_a_catalog_index(catalog: Path, tmp_path: Path) -> None:
    from pharmabot.services import Services

    settings = load_settings(index_path=catalog, sqlite_path=tmp_path / "state.sqlite")
    with pytest.raises(ConfigError, match="holds no label text"):
        await Services.start(settings)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


async def test_drug_pages_read_their_text_from_the_search_index(
    small_index: Path, catalog: Path, loaded: tuple[str, SearchServerState], tmp_path: Path
) -> None:
    """Local stand-in search service: the cloud shape's drug page has the local page's sections, each with the
    cleaned text the search index holds (the chunks in order, tables left out; the local page shows the raw text)."""
    url, state = loaded
    local = load_settings(index_path=small_index, sqlite_path=tmp_path / "a.sqlite")
    cloud = load_settings(
        index_path=catalog,
        sqlite_path=tmp_path / "b.sqlite",
        retriever="azure_search",
        azure_search_endpoint=url,
        azure_search_key=SEARCH_KEY,
    )
    async with app_client(local) as a, app_client(cloud) as b:
        for name in ("warfarin", "Zocor", "metformin"):
            expected, got = (await a.get(f"/api/drugs/{name}")).json(), (await b.get(f"/api/drugs/{name}")).json()
            assert got["set_id"] == expected["set_id"]
            assert [s["key"] for s in got["sections"]] == [s["key"] for s in expected["sections"]]
            with sqlite3.connect(small_index) as conn:
                chunks = conn.execute(
                    "SELECT section_key, text FROM chunks WHERE set_id = ? ORDER BY section_pos, ordinal",
                    (expected["set_id"],),
                ).fetchall()
            for section in got["sections"]:
                prose = [text for key, text in chunks if key == section["key"] and not text.startswith("Table: ")]
                cleaned = " ".join(prose)
                assert _words(section["text"]) == _words(cleaned), (name, section["key"])
    query = state.calls("search.post.search")[-1].body
    assert query["filter"].startswith("set_id eq '")
    assert query["orderby"] == "section_pos asc,ordinal asc"


async def test_a_label_not_in_the_search_index_yet_is_a_503(catalog: Path, tmp_path: Path) -> None:
    """Local stand-in search service, empty (the ingest has not run): a clear 503, not an empty page."""
    with search_server() as (url, state):
        state.indexes["pharmabot-labels"] = {"name": "pharmabot-labels", "fields": []}
        state.docs["pharmabot-labels"] = {}
        cloud = load_settings(
            index_path=catalog,
            sqlite_path=tmp_path / "c.sqlite",
            retriever="azure_search",
            azure_search_endpoint=url,
            azure_search_key=SEARCH_KEY,
        )
        async with app_client(cloud) as client:
            answer = await client.get("/api/drugs/warfarin")
    assert answer.status_code == 503
    body = answer.json()["error"]
    assert body["code"] == "search_unavailable"
    assert "run the search ingest" in body["message"]
