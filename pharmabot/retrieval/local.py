"""The embedded retriever: SQLite FTS5 with BM25 over the local label index."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pharmabot.errors import RetrieverError
from pharmabot.knowledge.index import connect_readonly, drug_tag
from pharmabot.knowledge.names import DrugCatalog
from pharmabot.lazy import Lazy
from pharmabot.retrieval.base import SearchHit, SearchSpec
from pharmabot.retrieval.query import QueryPlan, understand

# Column weights for bm25(): drugtag (a filter only), names, section heading, text.
_WEIGHTS = (0.0, 2.0, 3.0, 1.0)
# Added to a chunk's relevance when its section is one the question asks for; large enough that the
# asked-for sections come first for a named drug, ordered among themselves by relevance.
_INTENT_BONUS = 50.0


def fts_expression(plan: QueryPlan, drugs: tuple[str, ...], *, all_terms: bool = False) -> str | None:
    """The FTS5 MATCH expression for a plan (terms joined by OR, or AND); None when there is nothing to match."""
    terms = (" AND " if all_terms else " OR ").join(f'"{term}"' for term in plan.terms)
    if drugs:
        # Within a drug's chunks the kind of question adds the words labels use for its answer. A question
        # with no words of its own ("what is X?") keeps the label's order, which states the main point first.
        terms = " OR ".join(f'"{term}"' for term in (*plan.terms, *plan.boost_terms)) if plan.terms else ""
        tags = "drugtag : (" + " OR ".join(drug_tag(d) for d in drugs) + ")"
        # Every chunk of the drug matches; the terms only rank them (bm25 scores all phrases).
        return f"{tags} AND ({tags} OR {terms})" if terms else tags
    return terms or None


class LocalRetriever:
    """Searches the SQLite FTS5 index; blocking SQLite work runs in threads, one read-only connection each."""

    name = "local"

    def __init__(self, *, index_path: Path, catalog: DrugCatalog | Lazy[DrugCatalog]) -> None:
        self.index_path = index_path
        self._catalog = catalog if isinstance(catalog, Lazy) else Lazy.of(catalog)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    @property
    def catalog(self) -> DrugCatalog:
        return self._catalog.get()

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_readonly(self.index_path)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def plan(self, query: str) -> QueryPlan:
        return understand(query, self.catalog)

    def search_sync(
        self, *, query: str, top_k: int, drug: str | None = None, section: str | None = None
    ) -> list[SearchHit]:
        """The blocking search (also used by the evaluation and benchmark)."""
        return self._search(self.plan(query), top_k=top_k, drug=drug, section=section)

    def search_many_sync(self, specs: Sequence[SearchSpec]) -> list[list[SearchHit]]:
        """The blocking batch: each distinct query is understood once."""
        plans = {query: self.plan(query) for query in dict.fromkeys(spec.query for spec in specs)}
        return [self._search(plans[s.query], top_k=s.top_k, drug=s.drug, section=s.section) for s in specs]

    def _search(self, plan: QueryPlan, *, top_k: int, drug: str | None, section: str | None) -> list[SearchHit]:
        drugs = (drug,) if drug else plan.drugs
        if drugs or len(plan.terms) < 2:
            return self._run(plan, fts_expression(plan, drugs), top_k, section)
        # No drug: chunks with all the words first (a small set, fast on a large index); chunks with
        # only some of them fill up when too few have all (OR over common words costs more).
        hits = self._run(plan, fts_expression(plan, drugs, all_terms=True), top_k, section)
        if len(hits) < top_k:
            seen = {h.chunk_id for h in hits}
            more = self._run(plan, fts_expression(plan, drugs), top_k, section)
            hits += [h for h in more if h.chunk_id not in seen][: top_k - len(hits)]
        return hits

    def _run(self, plan: QueryPlan, expression: str | None, top_k: int, section: str | None) -> list[SearchHit]:
        if expression is None:
            return []
        weights = plan.section_weights()
        bonus_sql = (
            "CASE c.section_key " + " ".join("WHEN ? THEN ?" for _ in weights) + " ELSE 0 END" if weights else "0"
        )
        params: list[Any] = [*_WEIGHTS]
        for key, weight in weights.items():
            params += [key, _INTENT_BONUS * weight]
        params.append(expression)
        where = ""
        if section:
            where = " AND c.section_key = ?"
            params.append(section)
        # Repackaged copies of one label can hold the same text: fetch a few more, keep one of each text.
        params.append(top_k * 2 + 2)
        # Only placeholders and fixed text are formatted in; every value is a bound parameter.
        sql = (
            "SELECT c.text, c.drug_key, c.section_title, c.section_key, c.set_id, c.effective_time, c.url, c.chunk_id,"  # noqa: S608
            f" -bm25(chunks_fts, ?, ?, ?, ?) + {bonus_sql} AS score"
            " FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid"
            f" WHERE chunks_fts MATCH ?{where}"
            " ORDER BY score DESC, c.section_pos, c.ordinal LIMIT ?"
        )
        try:
            rows = self._conn().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise RetrieverError("The local label index could not be searched.") from exc
        unique: dict[str, Any] = {}
        for row in rows:
            unique.setdefault(row[0], row)
        return [
            SearchHit(
                chunk=row[0],
                drug_name=row[1],
                label_section=row[2],
                section_key=row[3],
                set_id=row[4],
                effective_time=row[5],
                url=row[6],
                chunk_id=row[7],
                score=round(float(row[8]), 4),
                source=self.name,
            )
            for row in list(unique.values())[:top_k]
        ]

    async def search(
        self, *, query: str, top_k: int, drug: str | None = None, section: str | None = None
    ) -> list[SearchHit]:
        return await asyncio.to_thread(self.search_sync, query=query, top_k=top_k, drug=drug, section=section)

    async def search_many(self, specs: Sequence[SearchSpec]) -> list[list[SearchHit]]:
        # One thread hop for the batch: a request's searches cost milliseconds each, the hand-offs add up.
        return await asyncio.to_thread(self.search_many_sync, specs)

    def _check_sync(self) -> None:
        try:
            self._conn().execute("SELECT 1 FROM chunks LIMIT 1").fetchall()
        except sqlite3.Error as exc:
            raise RetrieverError("The local label index is not readable.") from exc

    async def check(self) -> None:
        await asyncio.to_thread(self._check_sync)

    async def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
