"""Building the local label index: labels chosen, chunked and written with an FTS5 table, the catalog and the
labels' sections, plus whatever tables the BUILDERS handed in add (`pharmabot.ingest` hands in the interaction
engine's). Reading it is `pharmabot.knowledge.index`.

Which labels are indexed: the corpus often has several labels for one drug (repackager copies of
one generic label, other strengths, other routes). Per drug, the best label (the catalog's own
ranking, `pharmabot.knowledge.names.label_rank`) is indexed, plus the best label of each further
route set (ophthalmic cyclosporine next to oral cyclosporine); other copies only add their names
to the catalog. That keeps search results from repeating one text five times.

A build reads its sources twice, streaming, so no corpus is ever whole in memory or on disk twice:
first every record without its texts (names, sections present, routes, dates: enough to rank), then,
once the labels are chosen, only the chosen records in full, which are staged in a temporary SQLite
file and written out in the catalog's order. Normalizing label text is the costly step, and in
openFDA's full download most records are copies that are never chosen.

Builds go to a temporary file in the same directory, renamed over the old index when complete,
so a crashed build never leaves a half index behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from tqdm import tqdm

from pharmabot.errors import IndexMissingError
from pharmabot.knowledge.chunking import Chunk, chunk_label
from pharmabot.knowledge.index import connect_readonly, drug_tag, read_meta
from pharmabot.knowledge.labels import (
    REPACKAGER_SECTIONS,
    SECTION_TITLES,
    LabelRecord,
    iter_raw_records,
    label_files,
    shipped_data_path,
    shipped_label_paths,
)
from pharmabot.knowledge.names import DrugCatalog, drug_key, label_ingredients, read_orange_book

log = logging.getLogger("pharmabot.index")

# Bump when the schema, chunking or label choice changes: older indexes are then rebuilt.
# 3: interaction tables in every index; 4: revised rules; 5: evidence order; 6: food quotes;
# 7: label choice (complete, prescribing information, no repackager copies, plain product, newest);
# 8: cleaned chunk text with the new label choice;
# 9: interaction roles and effects from each label's own statements, FDA's CYP/transporter table, class rules;
# 10: a brand name in capitals after a section title is kept
# 11: interaction table rows, calibrated wording and class membership; one heading detector for chunks and quotes
# 12: sensitive-substrate role classes and strong-modulator rules; run-on highlights rated clause by clause
# 13: evidence kept per target: a sentence with a few examples is no longer ranked as a list, one cut at its end is
#     ranked as a piece; names resolve to an ingredient's own salt product or its base combination
# 14: a food or drink note from a run-on Drug Facts list quotes its item with the lead-in
# 16: interaction tables read row by row from their cells where openFDA keeps them
# 17: alcohol interactions (class rules, and each label's own alcohol sentences as evidence); a sentence stating a
#     fact for the label's own class by name is marked, to speak for members with no label
# 20: severity calibration: a fixed fraction of the dose is major, lactic acidosis is a serious outcome, a
#     parenthesis making another drug contraindicated no longer rates the rest of its sentence; nephrotoxic drugs
#     together are major
INDEX_VERSION = "22"
ORANGE_BOOK = "names/orange_book_products.tsv.gz"

# A builder adds its own tables to an index being built: it gets the connection, the chosen labels and the catalog.
ExtraBuilder = Callable[[sqlite3.Connection, Sequence[LabelRecord], DrugCatalog], None]


def _builder_names(builders: Sequence[ExtraBuilder]) -> str:
    """What the index records of its builders, to tell an index built with them from one built without."""
    return json.dumps(sorted(getattr(b, "__name__", type(b).__name__) for b in builders))


SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE labels (
    set_id TEXT PRIMARY KEY,
    drug_key TEXT NOT NULL,
    generic_name TEXT NOT NULL,
    brand_names TEXT NOT NULL,
    routes TEXT NOT NULL,
    effective_time TEXT,
    url TEXT NOT NULL,
    sections TEXT NOT NULL
);
CREATE INDEX labels_drug ON labels (drug_key);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    chunk_id TEXT NOT NULL UNIQUE,
    set_id TEXT NOT NULL,
    drug_key TEXT NOT NULL,
    section_key TEXT NOT NULL,
    section_title TEXT NOT NULL,
    section_pos INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    effective_time TEXT,
    url TEXT NOT NULL,
    drugtag TEXT NOT NULL,
    names TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE VIRTUAL TABLE chunks_fts USING fts5(
    drugtag, names, section_title, text,
    content='chunks', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
"""


@dataclass(frozen=True)
class IndexStats:
    """What a build produced."""

    path: Path
    labels_read: int
    labels_indexed: int
    drugs: int
    chunks: int
    seconds: float
    size_bytes: int
    rebuilt: bool = True
    source: str = "shipped"  # "shipped", or the label files and folders it was built from


# --- fingerprints ------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fingerprint(sources: Sequence[Path]) -> list[dict[str, Any]]:
    files = [*label_files(sources), shipped_data_path(ORANGE_BOOK)]
    out = []
    for path in files:
        stat = path.stat()
        out.append({"name": path.name, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": _sha256(path)})
    return out


def is_fresh(*, sources: Sequence[Path], index_path: Path, builders: Sequence[ExtraBuilder] = ()) -> bool:
    """True when INDEX_PATH was built by this code version, with these BUILDERS, from exactly these source files."""
    meta = read_meta(index_path)
    if meta is None or meta.get("index_version") != INDEX_VERSION or "sources" not in meta:
        return False
    if meta.get("builders", "[]") != _builder_names(builders):
        return False
    stored = json.loads(meta["sources"])
    try:
        files = [*label_files(sources), shipped_data_path(ORANGE_BOOK)]
    except FileNotFoundError:
        return False
    if len(stored) != len(files):
        return False
    for path, old in zip(files, stored, strict=True):
        if not path.exists():
            return False
        stat = path.stat()
        if path.name != old["name"] or stat.st_size != old["size"]:
            return False
        # Same size and time: unchanged. Same size, new time (a fresh checkout): compare contents.
        if stat.st_mtime_ns != old["mtime_ns"] and _sha256(path) != old["sha256"]:
            return False
    return True


# --- staging: labels are parsed once, kept on disk, and read back when chosen ----------------


def _label_to_json(label: LabelRecord) -> str:
    return json.dumps(dataclasses.asdict(label), separators=(",", ":"))


def _label_from_json(text: str) -> LabelRecord:
    data = json.loads(text)
    for key in ("generic_names", "brand_names", "substance_names", "routes"):
        data[key] = tuple(data[key])
    data["pharm_classes"] = {k: tuple(v) for k, v in data["pharm_classes"].items()}
    return LabelRecord(**data)


class StagedLabels(Sequence[LabelRecord]):
    """The chosen labels, read back from the staging file one at a time (a bulk ingest never holds them all)."""

    def __init__(self, conn: sqlite3.Connection, set_ids: Sequence[str]) -> None:
        self._conn = conn
        self._set_ids = list(set_ids)

    def __len__(self) -> int:
        return len(self._set_ids)

    @overload
    def __getitem__(self, index: int) -> LabelRecord: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[LabelRecord]: ...
    def __getitem__(self, index: int | slice) -> LabelRecord | Sequence[LabelRecord]:
        if isinstance(index, slice):
            return StagedLabels(self._conn, self._set_ids[index])
        row = self._conn.execute("SELECT data FROM staged WHERE set_id = ?", (self._set_ids[index],)).fetchone()
        return _label_from_json(row[0])

    def __iter__(self) -> Iterator[LabelRecord]:
        for set_id in self._set_ids:
            row = self._conn.execute("SELECT data FROM staged WHERE set_id = ?", (set_id,)).fetchone()
            yield _label_from_json(row[0])


def label_stub(label: LabelRecord) -> LabelRecord:
    """A label without its texts: enough for the catalog's names and label ranking."""
    return dataclasses.replace(label, sections=dict.fromkeys(label.sections, ""), tables={})


def stub_from_raw(record: dict[str, Any]) -> LabelRecord:
    """`label_stub` of a raw openFDA record without normalizing its texts (the costly part of reading a label)."""
    light: dict[str, Any] = {}
    for key, value in record.items():
        if key.endswith("_table"):
            continue
        if key in SECTION_TITLES and key not in REPACKAGER_SECTIONS and isinstance(value, list) and value:
            light[key] = [""]  # present, as the ranking needs, without its text
        else:
            light[key] = value
    return label_stub(LabelRecord.from_openfda(light))


def _has_set_id(record: Any) -> bool:
    return isinstance(record, dict) and bool(record.get("set_id") or (record.get("openfda") or {}).get("spl_set_id"))


def _records(files: Sequence[Path]) -> Iterator[tuple[tuple[int, int], dict[str, Any]]]:
    """((file number, record number), record) of every label record, streamed, in a stable order."""
    for number, path in enumerate(files):
        for position, record in enumerate(iter_raw_records(path)):
            if _has_set_id(record):
                yield (number, position), record


def choose_labels(catalog: DrugCatalog, stubs: dict[str, LabelRecord]) -> list[tuple[str, str]]:
    """(set_id, drug key) of the labels to index: each drug's best label, plus the best per other route set."""
    chosen: list[tuple[str, str]] = []
    for drug in sorted(catalog.drugs.values(), key=lambda d: d.key):
        seen_routes: set[tuple[str, ...]] = set()
        for set_id in drug.set_ids:  # best first
            routes = tuple(sorted(r.lower() for r in stubs[set_id].routes))
            if not seen_routes or routes not in seen_routes:
                chosen.append((set_id, drug.key))
            seen_routes.add(routes)
    return chosen


def _progress(iterable: Any, *, enabled: bool, desc: str, unit: str, total: int | None = None) -> Any:
    # A bar only on a terminal: logs and CI get no carriage-return noise.
    return tqdm(iterable, desc=desc, unit=unit, total=total, disable=not (enabled and sys.stderr.isatty()))


def build_index(
    *,
    sources: Sequence[Path],
    index_path: Path,
    builders: Sequence[ExtraBuilder] = (),
    progress: bool = False,
) -> IndexStats:
    """Parse labels once, build the catalog, choose labels, write chunks + FTS5 + labels + catalog; atomic.

    SOURCES are label files or folders of them (`label_files`); the index records them, so a later
    `ensure_index` without sources checks it against the same ones. BUILDERS add their own tables (they
    see the connection, the chosen labels and the catalog); the index records their names too.
    """
    started = time.perf_counter()
    sources = [Path(s) for s in sources]
    files = label_files(sources)
    index_path.parent.mkdir(parents=True, exist_ok=True)
    fingerprint = _fingerprint(files)
    source = _source_name(sources)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{index_path.name}.", suffix=".building", dir=index_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    staging = tmp.with_suffix(".staging")
    try:
        with contextlib.closing(sqlite3.connect(staging)) as stage:
            stage.execute("PRAGMA journal_mode = OFF")
            stage.execute("PRAGMA synchronous = OFF")
            stage.execute("CREATE TABLE staged (set_id TEXT PRIMARY KEY, data TEXT NOT NULL)")
            # Pass 1: every record, texts left out. A set id seen twice keeps its last record, as before.
            stubs: dict[str, LabelRecord] = {}
            where: dict[str, tuple[int, int]] = {}
            labels_read = 0
            for position, record in _progress(_records(files), enabled=progress, desc="reading labels", unit=" labels"):
                labels_read += 1
                stub = stub_from_raw(record)
                if not label_ingredients(stub):
                    continue  # no generic or substance name: nothing to file it under
                stubs[stub.set_id] = stub
                where[stub.set_id] = position
            catalog = DrugCatalog.from_labels(
                stubs.values(), orange_book=read_orange_book(shipped_data_path(ORANGE_BOOK))
            )
            chosen = choose_labels(catalog, stubs)
            # Pass 2: only the chosen records, read in full and staged.
            wanted = {where[set_id] for set_id, _ in chosen}
            del stubs, where
            for position, record in _progress(
                _records(files), enabled=progress, desc="reading chosen labels", unit=" labels", total=labels_read
            ):
                if position in wanted:
                    label = LabelRecord.from_openfda(record)
                    stage.execute("INSERT OR REPLACE INTO staged VALUES (?, ?)", (label.set_id, _label_to_json(label)))
            stage.commit()
            with contextlib.closing(sqlite3.connect(tmp)) as conn:
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute("PRAGMA synchronous = OFF")
                conn.executescript(SCHEMA)
                chunk_count = _write_labels(
                    conn, StagedLabels(stage, [s for s, _ in chosen]), [k for _, k in chosen], progress=progress
                )
                conn.execute("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')")
                labels = StagedLabels(stage, [s for s, _ in chosen])
                for builder in builders:
                    builder(conn, labels, catalog)
                meta = {
                    "index_version": INDEX_VERSION,
                    "sources": json.dumps(fingerprint),
                    "catalog": json.dumps(catalog.to_dict(), separators=(",", ":")),
                    "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "labels_read": str(labels_read),
                    "chunks": str(chunk_count),
                    "source": source,
                    "source_paths": json.dumps([str(p.resolve()) for p in sources]),
                    "builders": _builder_names(builders),
                }
                conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
                conn.commit()
        os.replace(tmp, index_path)
    finally:
        tmp.unlink(missing_ok=True)
        staging.unlink(missing_ok=True)
    stats = IndexStats(
        path=index_path,
        labels_read=labels_read,
        labels_indexed=len(chosen),
        drugs=len({k for _, k in chosen}),
        chunks=chunk_count,
        seconds=round(time.perf_counter() - started, 2),
        size_bytes=index_path.stat().st_size,
        source=source,
    )
    log.info("index built", extra={"fields": {"event": "index_built", "count": chunk_count}})
    return stats


def _source_name(sources: Sequence[Path]) -> str:
    shipped = {p.resolve() for p in shipped_label_paths()}
    if {p.resolve() for p in sources} == shipped:
        return "shipped"
    return ", ".join(str(p) for p in sources)


def recorded_sources(index_path: Path) -> list[Path] | None:
    """The label files and folders INDEX_PATH was built from, when not the shipped corpus; None otherwise."""
    meta = read_meta(index_path) or {}
    if meta.get("source", "shipped") == "shipped" or "source_paths" not in meta:
        return None
    return [Path(p) for p in json.loads(meta["source_paths"])]


def _write_labels(conn: sqlite3.Connection, labels: StagedLabels, keys: Sequence[str], *, progress: bool) -> int:
    count = 0
    rows: list[tuple[Any, ...]] = []
    for label, key in _progress(
        zip(labels, keys, strict=True), enabled=progress, desc="indexing", unit=" labels", total=len(keys)
    ):
        sections = [[k, SECTION_TITLES[k], label.sections[k]] for k in SECTION_TITLES if label.sections.get(k)]
        conn.execute(
            "INSERT INTO labels VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                label.set_id,
                key,
                ", ".join(label.generic_names) or key,
                json.dumps(list(label.brand_names)),
                json.dumps(list(label.routes)),
                label.effective_time,
                label.url,
                json.dumps(sections),
            ),
        )
        names = " ".join(dict.fromkeys([key, *label.generic_names, *label.brand_names]))
        for chunk in chunk_label(label, drug_key=key):
            rows.append(_chunk_row(chunk, names))
        if len(rows) >= 5000:
            count += _flush(conn, rows)
    count += _flush(conn, rows)
    return count


def _chunk_row(chunk: Chunk, names: str) -> tuple[Any, ...]:
    return (
        chunk.chunk_id,
        chunk.set_id,
        chunk.drug_key,
        chunk.section_key,
        chunk.section_title,
        chunk.section_pos,
        chunk.ordinal,
        chunk.effective_time,
        chunk.url,
        drug_tag(chunk.drug_key),
        names,
        chunk.text,
    )


def _flush(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> int:
    n = len(rows)
    if n:
        first = conn.execute("SELECT coalesce(max(id), 0) FROM chunks").fetchone()[0]
        conn.executemany(
            "INSERT INTO chunks (chunk_id, set_id, drug_key, section_key, section_title, section_pos, ordinal,"
            " effective_time, url, drugtag, names, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.execute(
            "INSERT INTO chunks_fts (rowid, drugtag, names, section_title, text)"
            " SELECT id, drugtag, names, section_title, text FROM chunks WHERE id > ?",
            (first,),
        )
        rows.clear()
    return n


def write_catalog_index(*, index_path: Path, out: Path) -> IndexStats:
    """OUT: INDEX_PATH without label text, for a deployment whose retriever is Azure AI Search.

    It keeps what the app reads locally (the catalog, each indexed label's identity, dates and section list,
    the interaction engine's tables) and drops the chunks and section texts, which the search index holds:
    drug pages then read their sections from it (`AzureSearchRetriever.label_sections`). Up to date (not
    rewritten) when OUT was made from an index built from the same sources by the same code.
    """
    meta = read_meta(index_path)
    if meta is None or "catalog" not in meta:
        raise IndexMissingError(f"The label index {index_path} is missing or unreadable: build it first.")
    current = read_meta(out)
    if (
        current is not None
        and current.get("label_text") == "search"
        and all(current.get(k) == meta.get(k) for k in ("index_version", "sources", "built_at"))
    ):
        return _report(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.building")
    tmp.unlink(missing_ok=True)
    try:
        with contextlib.closing(connect_readonly(index_path)) as source:
            source.execute("VACUUM INTO ?", (str(tmp),))
        with contextlib.closing(sqlite3.connect(tmp)) as conn:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("DELETE FROM chunks")
            conn.execute("INSERT INTO chunks_fts(chunks_fts) VALUES ('rebuild')")
            rows = conn.execute("SELECT set_id, sections FROM labels").fetchall()
            conn.executemany(
                "UPDATE labels SET sections = ? WHERE set_id = ?",
                ((json.dumps([[k, t, ""] for k, t, _ in json.loads(sections)]), set_id) for set_id, sections in rows),
            )
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('label_text', 'search')")
            conn.commit()
            conn.execute("VACUUM")
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    stats = _report(out)
    return dataclasses.replace(stats, rebuilt=True)


def ensure_index(
    *,
    sources: Sequence[Path] | None = None,
    index_path: Path,
    builders: Sequence[ExtraBuilder] = (),
    force: bool = False,
    progress: bool = False,
) -> IndexStats:
    """Build the index when missing, stale or FORCEd; otherwise only report on it (fast).

    Without SOURCES the index keeps what it was built from: the shipped corpus, or the files and folders
    of an earlier `build-index --source` (so `make run` after a full-corpus build serves the full index).
    If those are gone, the index is kept as it is rather than replaced by a smaller one.
    """
    if sources is None:
        recorded = recorded_sources(index_path)
        if recorded is not None and not all(p.exists() for p in recorded):
            if not force:
                log.warning("the index's label sources are gone; keeping the index as it is")
                return _report(index_path)
            recorded = None
        sources = recorded or shipped_label_paths()
    sources = list(sources)
    if not force and is_fresh(sources=sources, index_path=index_path, builders=builders):
        return _report(index_path)
    return build_index(sources=sources, index_path=index_path, builders=builders, progress=progress)


def _report(index_path: Path) -> IndexStats:
    meta = read_meta(index_path) or {}
    return IndexStats(
        path=index_path,
        labels_read=int(meta.get("labels_read", 0)),
        labels_indexed=0,
        drugs=0,
        chunks=int(meta.get("chunks", 0)),
        seconds=0.0,
        size_bytes=index_path.stat().st_size,
        rebuilt=False,
        source=meta.get("source", "shipped"),
    )


def iter_chunks(index_path: Path) -> Iterator[Chunk]:
    """Every chunk of the index, in the order it was written (label by label), streamed from SQLite."""
    with contextlib.closing(connect_readonly(index_path)) as conn:
        rows = conn.execute(
            "SELECT c.chunk_id, c.set_id, c.drug_key, l.brand_names, c.section_key, c.section_title, c.section_pos,"
            " c.ordinal, c.text, c.effective_time, c.url FROM chunks c JOIN labels l ON l.set_id = c.set_id"
            " ORDER BY c.id"
        )
        for row in rows:
            yield Chunk(
                chunk_id=row[0],
                set_id=row[1],
                drug_key=row[2],
                drug_name=row[2],  # as chunk_label files it
                brand_names=tuple(json.loads(row[3])),
                section_key=row[4],
                section_title=row[5],
                section_pos=row[6],
                ordinal=row[7],
                text=row[8],
                effective_time=row[9],
                url=row[10],
            )


def index_counts(index_path: Path) -> tuple[int, int]:
    """(labels, chunks) in the index."""
    with contextlib.closing(connect_readonly(index_path)) as conn:
        labels = conn.execute("SELECT count(*) FROM labels").fetchone()[0]
        chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    return int(labels), int(chunks)


def catalog_key_of(label: LabelRecord) -> str | None:
    """The catalog key a label is filed under (None when it names no ingredient)."""
    found = label_ingredients(label)
    return drug_key(found) if found else None
