"""The embedded retriever: SQLite FTS5 with BM25 over the local label index."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pharmabot.errors import RetrieverError
from pharmabot.knowledge.index import connect_readonly, drug_tag
from pharmabot.lazy import Lazy
from pharmabot.retrieval.base import SearchHit, SearchSpec

if TYPE_CHECKING:
    from pharmabot.knowledge.names import DrugCatalog
    from pharmabot.retrieval.query import QueryPlan

# Column weights for bm25(): drugtag (a filter only), names, section heading, text.
_WEIGHTS = (0.0, 2.0, 3.0, 1.0)
# Added to a chunk's relevance when its section is one the question asks for; large enough that the
# asked-for sections come first for a named drug, ordered among themselves by relevance.
_INTENT_BONUS = 50.0
_HIT_COLUMNS = "c.text, c.drug_key, c.section_title, c.section_key, c.set_id, c.effective_time, c.url, c.chunk_id"


def _fetched(top_k: int) -> int:
    """Rows read for TOP_K hits: repackaged copies of one label can hold the same text, kept once."""
    return top_k * 2 + 2


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


def _plans(specs: Sequence[SearchSpec], understand: Callable[[str], QueryPlan]) -> dict[str, QueryPlan]:
    """Each distinct query's reading: the one its specs carry, else understood here, once."""
    plans: dict[str, QueryPlan] = {}
    for spec in specs:
        if spec.query not in plans:
            plans[spec.query] = spec.plan or understand(spec.query)
    return plans


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
        # Imported on the first search: the question vocabulary compiles a few hundred patterns, which a
        # cold start answering its health probe does not need.
        from pharmabot.retrieval.query import understand

        return understand(query, self.catalog)

    def search_sync(
        self, *, query: str, top_k: int, drug: str | None = None, section: str | None = None
    ) -> list[SearchHit]:
        """The blocking search (also used by the evaluation and benchmark)."""
        return self._search(self.plan(query), top_k=top_k, drug=drug, section=section)

    def search_many_sync(self, specs: Sequence[SearchSpec]) -> list[list[SearchHit]]:
        """The blocking batch: each distinct query is understood once, and ranked once per drug.

        A chat turn asks for a drug's best chunks in several sections (the asked ones, the leaflets, any):
        those searches share one MATCH expression, so the drug's chunks are scored once and each section's
        best are read off that one ranking, instead of scoring them again for every section.
        """
        plans = _plans(specs, self.plan)
        groups: dict[tuple[str, str], list[int]] = {}
        for n, spec in enumerate(specs):
            drugs = (spec.drug,) if spec.drug else plans[spec.query].drugs
            if drugs:  # one expression whatever the section: rankable together
                groups.setdefault((spec.query, ",".join(drugs)), []).append(n)
        results: list[list[SearchHit] | None] = [None] * len(specs)
        for members in groups.values():
            if len(members) < 2:
                continue
            first = specs[members[0]]
            plan = plans[first.query]
            expression = fts_expression(plan, (first.drug,) if first.drug else plan.drugs)
            wanted = [(specs[n].top_k, specs[n].section) for n in members]
            for n, hits in zip(members, self._run_ranked(plan, expression, wanted), strict=True):
                results[n] = hits
        return [
            found if found is not None else self._search(plans[s.query], top_k=s.top_k, drug=s.drug, section=s.section)
            for s, found in zip(specs, results, strict=True)
        ]

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

    @staticmethod
    def _ranking_sql(plan: QueryPlan, expression: str, *, columns: str, section: str | None) -> tuple[str, list[Any]]:
        """The SELECT of COLUMNS (plus the score) of the chunks matching EXPRESSION, best first, and its parameters."""
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
        # Only placeholders and fixed text are formatted in; every value is a bound parameter. The chunk id
        # breaks the last ties, so a ranking read whole and one read section by section agree.
        sql = (
            f"SELECT {columns}, -bm25(chunks_fts, ?, ?, ?, ?) + {bonus_sql} AS score"  # noqa: S608
            " FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid"
            f" WHERE chunks_fts MATCH ?{where}"
            " ORDER BY score DESC, c.section_pos, c.ordinal, c.id"
        )
        return sql, params

    def _execute(self, sql: str, params: Sequence[Any]) -> list[Any]:
        try:
            return self._conn().execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise RetrieverError("The local label index could not be searched.") from exc

    def _run(self, plan: QueryPlan, expression: str | None, top_k: int, section: str | None) -> list[SearchHit]:
        if expression is None:
            return []
        sql, params = self._ranking_sql(plan, expression, columns=_HIT_COLUMNS, section=section)
        # Repackaged copies of one label can hold the same text: fetch a few more, keep one of each text.
        rows = self._execute(sql + " LIMIT ?", [*params, _fetched(top_k)])
        return self._hits(rows, top_k)

    def _run_ranked(
        self, plan: QueryPlan, expression: str | None, wanted: Sequence[tuple[int, str | None]]
    ) -> list[list[SearchHit]]:
        """`_run` for each (top_k, section) of WANTED, from one ranking of the chunks EXPRESSION matches.

        The ranking is read as ids only; the rows each search would have fetched are then read in full, once.
        """
        if expression is None:
            return [[] for _ in wanted]
        sql, params = self._ranking_sql(plan, expression, columns="c.id, c.section_key", section=None)
        ranking = self._execute(sql, params)
        picked: list[list[int]] = []
        for top_k, section in wanted:
            ids = [row[0] for row in ranking if section is None or row[1] == section]
            picked.append(ids[: _fetched(top_k)])
        needed = sorted({i for ids in picked for i in ids})
        full: dict[int, Any] = {}
        for start in range(0, len(needed), 500):  # SQLite's bound-parameter limit
            batch = needed[start : start + 500]
            marks = ", ".join("?" for _ in batch)
            rows = self._execute(
                f"SELECT c.id, {_HIT_COLUMNS} FROM chunks c WHERE c.id IN ({marks})",  # noqa: S608
                batch,
            )
            full.update((row[0], row[1:]) for row in rows)
        score = {row[0]: row[2] for row in ranking}
        return [
            self._hits([(*full[i], score[i]) for i in ids], top_k)
            for ids, (top_k, _) in zip(picked, wanted, strict=True)
        ]

    def _hits(self, rows: Sequence[Any], top_k: int) -> list[SearchHit]:
        """Rows of `_HIT_COLUMNS` plus the score, best first, as hits: one per text, at most TOP_K."""
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
