"""The local label index, read side: one SQLite file with label chunks (FTS5), the chosen labels and the catalog.

`KnowledgeBase` opens it once per process and answers what the app reads locally: the drug catalog,
each indexed label's identity, dates, routes and sections. How it is built (which labels are chosen,
how text is chunked) is `pharmabot.knowledge.build`; the tables other parts of the app add to it (the
interaction engine's) are handed to the build by `pharmabot.ingest`, so this package knows nothing of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pharmabot.errors import IndexMissingError
from pharmabot.lazy import Lazy

if TYPE_CHECKING:
    from pharmabot.knowledge.names import DrugCatalog, DrugEntry


def drug_tag(key: str) -> str:
    """One FTS token standing for a drug key, so a drug filter is an index lookup inside MATCH."""
    return "d" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:15]


def read_meta(index_path: Path) -> dict[str, str] | None:
    """The index's meta table (version, sources, catalog...), or None when the file is missing or unreadable."""
    if not index_path.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)) as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return None


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelSection:
    key: str
    title: str
    text: str


@dataclass(frozen=True)
class IndexedLabel:
    """A label as stored in the index: identity, citation data and its sections in label order."""

    set_id: str
    drug_key: str
    generic_name: str
    brand_names: tuple[str, ...]
    routes: tuple[str, ...]
    effective_time: str | None
    url: str
    sections: tuple[LabelSection, ...]


@dataclass(frozen=True)
class DrugPage:
    """Everything the drug lookup shows: the drug, its best label, and the other indexed labels."""

    drug: DrugEntry
    label: IndexedLabel | None
    other_set_ids: tuple[str, ...]


def connect_readonly(index_path: Path) -> sqlite3.Connection:
    """A read-only connection (usable from the thread that made it; one per thread)."""
    return sqlite3.connect(f"file:{index_path}?mode=ro", uri=True, check_same_thread=False)


class ProseWords:
    """Whether a word belongs to the labels' own prose: it occurs in the text of at least MIN_CHUNKS chunks.

    A misspelled drug name ("metfromin") occurs in no label; "active", "chronic" or "whether" occur in
    thousands of chunks. The catalog asks only about words close to a drug name, and each answer is kept.
    """

    MIN_CHUNKS = 5

    def __init__(self, index_path: Path) -> None:
        self._index_path = index_path
        self._local = threading.local()  # one connection per thread (the warm-up thread, the event loop...)
        self._connections: list[sqlite3.Connection] = []
        self._known: dict[str, bool] = {}
        self._lock = threading.Lock()

    def __call__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is not None:
            return known
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect_readonly(self._index_path)
            with self._lock:
                self._connections.append(conn)
        phrase = '"' + word.replace('"', "") + '"'
        try:
            rows = conn.execute(
                "SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?", (f"text : {phrase}", self.MIN_CHUNKS)
            ).fetchall()
        except sqlite3.Error:
            rows = []  # an index without label text: no word is known, as without this check
        self._known[word] = len(rows) >= self.MIN_CHUNKS
        return self._known[word]

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()


class KnowledgeBase:
    """The index's catalog and labels, opened once per process."""

    def __init__(self, *, index_path: Path, catalog: DrugCatalog | Lazy[DrugCatalog], meta: dict[str, str]) -> None:
        self.index_path = index_path
        # Parsing the catalog takes a good part of a second: built on first use (or by `warm`), not at open.
        self._catalog = catalog if isinstance(catalog, Lazy) else Lazy.of(catalog)
        self.meta = meta
        self._conn = connect_readonly(index_path)
        self._prose: ProseWords | None = None
        # Set ids of labels that are in the index (and so have chunks), per drug, and each label's routes.
        self._indexed: dict[str, list[str]] = {}
        self._routes: dict[str, tuple[str, ...]] = {}
        for set_id, key, routes in self._conn.execute("SELECT set_id, drug_key, routes FROM labels ORDER BY rowid"):
            self._indexed.setdefault(key, []).append(set_id)
            self._routes[set_id] = tuple(json.loads(routes or "[]"))

    @classmethod
    def open(cls, index_path: Path) -> KnowledgeBase:
        """Open an index built by `build_index`; a clear error when it is missing or unreadable."""
        meta = read_meta(index_path)
        if meta is None or "catalog" not in meta:
            raise IndexMissingError(
                f"The label index {index_path} is missing or unreadable: run `make run` or "
                "`python -m pharmabot build-index` first."
            )
        raw = meta.pop("catalog")
        prose = ProseWords(index_path) if meta.get("label_text", "local") == "local" else None

        def catalog() -> DrugCatalog:
            # Imported here: name matching (rapidfuzz) is not needed to open the index, only to use the catalog.
            from pharmabot.knowledge.names import DrugCatalog

            built = DrugCatalog.from_dict(json.loads(raw))
            built.prose_word = prose
            return built

        knowledge = cls(index_path=index_path, catalog=Lazy(catalog), meta=meta)
        knowledge._prose = prose
        return knowledge

    @property
    def catalog(self) -> DrugCatalog:
        return self._catalog.get()

    @property
    def has_label_text(self) -> bool:
        """False for a catalog index (`write_catalog_index`): chunks and section texts live in the search index."""
        return self.meta.get("label_text", "local") == "local"

    @property
    def lazy_catalog(self) -> Lazy[DrugCatalog]:
        """The catalog as built on first use, for the parts that hold on to it (retrievers, engine)."""
        return self._catalog

    def warm(self) -> None:
        """Build the catalog now (start-up runs this in a background thread)."""
        self._catalog.get()

    def close(self) -> None:
        self._conn.close()
        if self._prose is not None:
            self._prose.close()

    def indexed_set_ids(self, key: str) -> list[str]:
        return list(self._indexed.get(key, []))

    def routes(self, set_id: str) -> tuple[str, ...]:
        """A label's routes of administration as openFDA lists them ("ORAL", "INTRAVENOUS"); () when unknown."""
        return self._routes.get(set_id, ())

    def effective_time(self, set_id: str) -> str | None:
        """A label's effective date (YYYY-MM-DD) without reading its sections; None when not indexed."""
        row = self._conn.execute("SELECT effective_time FROM labels WHERE set_id = ?", (set_id,)).fetchone()
        return row[0] if row else None

    def get_label(self, set_id: str) -> IndexedLabel | None:
        row = self._conn.execute(
            "SELECT set_id, drug_key, generic_name, brand_names, routes, effective_time, url, sections"
            " FROM labels WHERE set_id = ?",
            (set_id,),
        ).fetchone()
        if row is None:
            return None
        return IndexedLabel(
            set_id=row[0],
            drug_key=row[1],
            generic_name=row[2],
            brand_names=tuple(json.loads(row[3])),
            routes=tuple(json.loads(row[4])),
            effective_time=row[5],
            url=row[6],
            sections=tuple(LabelSection(key=k, title=t, text=x) for k, t, x in json.loads(row[7])),
        )

    def drug_page(self, key: str) -> DrugPage | None:
        drug = self.catalog.get(key)
        if drug is None:
            return None
        indexed = self._indexed.get(key, [])
        label = self.get_label(indexed[0]) if indexed else None
        return DrugPage(drug=drug, label=label, other_set_ids=tuple(indexed[1:]))
