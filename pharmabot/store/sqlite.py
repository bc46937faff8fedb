"""SQLite state store: the embedded default, one file, created on first use."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

from pharmabot.errors import NotFoundError, StoreError
from pharmabot.store.base import Turn

T = TypeVar("T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    session_id TEXT NOT NULL REFERENCES sessions(session_id) ON DELETE CASCADE,
    turn_id TEXT NOT NULL,
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (session_id, turn_id)
);
CREATE INDEX IF NOT EXISTS turns_by_session ON turns(session_id, seq);
CREATE TABLE IF NOT EXISTS counters (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL,
    expires_at REAL NOT NULL
);
"""

# Counter increments between two sweeps of expired counters.
_PURGE_EVERY = 256


class SqliteStore:
    """Store on one SQLite connection owned by one worker thread, so the event loop never blocks.

    Each operation is one function run on that thread, start to commit: operations are serialized (one
    request's commit can never land inside another's transaction) and cost one hand-off to the thread
    each, however many statements they run.
    """

    name = "sqlite"

    def __init__(self, *, path: Path, clock: Callable[[], float] = time.time) -> None:
        self._path = path
        self._clock = clock
        self._conn: sqlite3.Connection | None = None
        self._worker: ThreadPoolExecutor | None = None
        self._increments = 0

    async def open(self) -> SqliteStore:
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pharmabot-sqlite")
        try:
            await asyncio.get_running_loop().run_in_executor(self._worker, self._open)
        except (sqlite3.Error, OSError) as exc:
            self._worker.shutdown(wait=False)
            self._worker = None
            raise StoreError(f"cannot open SQLite store: {type(exc).__name__}") from exc
        return self

    def _open(self) -> None:
        if str(self._path) != ":memory:":
            self._path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self._path, timeout=5, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: no fsync per commit (each chat turn commits several times); a power cut may
            # lose the last commits (counters, a turn), never corrupt the file.
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.executescript(_SCHEMA)
            conn.commit()
        except sqlite3.Error:
            conn.close()
            raise
        self._conn = conn

    @property
    def db(self) -> sqlite3.Connection:
        """The connection; use it only from the store's worker thread (inside `_run`)."""
        if self._conn is None:
            raise StoreError("SQLite store is not open")
        return self._conn

    async def _run(self, operation: Callable[[sqlite3.Connection], T], *, failure: str) -> T:
        """Run OPERATION on the worker thread; SQLite errors become StoreError("SQLite FAILURE failed: ...")."""
        worker = self._worker
        if worker is None or self._conn is None:
            raise StoreError("SQLite store is not open")
        conn = self._conn

        def run() -> T:
            try:
                return operation(conn)
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.rollback()
                raise StoreError(f"SQLite {failure} failed: {type(exc).__name__}") from exc
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise

        return await asyncio.get_running_loop().run_in_executor(worker, run)

    async def check(self) -> None:
        await self._run(lambda db: db.execute("SELECT 1").fetchall(), failure="check")

    async def claim_session(self, *, owner: str, session_id: str) -> bool:
        def claim(db: sqlite3.Connection) -> bool:
            db.execute(
                "INSERT OR IGNORE INTO sessions(session_id, owner, created_at) VALUES (?, ?, ?)",
                (session_id, owner, time.time()),
            )
            db.commit()
            row = db.execute("SELECT owner FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
            return row is not None and row[0] == owner

        return await self._run(claim, failure="write")

    async def add_turn(self, turn: Turn) -> None:
        body = turn.model_dump_json()

        def add(db: sqlite3.Connection) -> None:
            db.execute(
                "INSERT OR IGNORE INTO sessions(session_id, owner, created_at) VALUES (?, ?, ?)",
                (turn.session_id, turn.owner, time.time()),
            )
            row = db.execute("SELECT owner FROM sessions WHERE session_id = ?", (turn.session_id,)).fetchone()
            if row is None or row[0] != turn.owner:
                # Another caller's session: its history must never receive this turn.
                raise NotFoundError("session not found")
            db.execute(
                "INSERT OR REPLACE INTO turns(session_id, turn_id, created_at, body) VALUES (?, ?, ?, ?)",
                (turn.session_id, turn.turn_id, turn.created_at.isoformat(), body),
            )
            db.commit()

        await self._run(add, failure="write")

    async def list_turns(self, *, owner: str, session_id: str, limit: int | None = None) -> list[Turn]:
        query = (
            "SELECT t.body FROM turns t JOIN sessions s USING (session_id) "
            "WHERE t.session_id = ? AND s.owner = ? ORDER BY t.seq DESC"
        )
        params: tuple[object, ...] = (session_id, owner)
        if limit is not None:
            query += " LIMIT ?"
            params = (*params, limit)
        rows = await self._run(lambda db: db.execute(query, params).fetchall(), failure="read")
        return [Turn.model_validate(json.loads(row[0])) for row in reversed(rows)]

    async def delete_session(self, *, owner: str, session_id: str) -> int:
        def delete(db: sqlite3.Connection) -> int:
            cursor = db.execute(
                "DELETE FROM turns WHERE session_id = ? AND session_id IN "
                "(SELECT session_id FROM sessions WHERE owner = ?)",
                (session_id, owner),
            )
            removed = cursor.rowcount
            db.execute("DELETE FROM sessions WHERE session_id = ? AND owner = ?", (session_id, owner))
            db.commit()
            return max(removed, 0)

        return await self._run(delete, failure="write")

    async def session_exists(self, *, owner: str, session_id: str) -> bool:
        row = await self._run(
            lambda db: db.execute(
                "SELECT 1 FROM sessions WHERE session_id = ? AND owner = ?", (session_id, owner)
            ).fetchone(),
            failure="read",
        )
        return row is not None

    async def increment(self, *, key: str, amount: int, window_seconds: int) -> int:
        (total,) = await self.increment_many(items=[(key, amount, window_seconds)])
        return total

    async def increment_many(self, *, items: Sequence[tuple[str, int, int]]) -> list[int]:
        keys = [key for key, _, _ in items]
        if len(set(keys)) != len(keys):
            raise ValueError("increment_many needs distinct keys")
        if not items:
            return []
        now = self._clock()
        params: list[object] = []
        for key, amount, window_seconds in items:
            # Fixed windows aligned to multiples of the window since the epoch, as in the Cosmos DB store.
            params += [key, amount, (int(now // window_seconds) + 1) * window_seconds]
        # One multi-row upsert: every counter of a request in one statement, one commit. Expired
        # counters restart from their amount; the upsert makes read-modify-write one statement.
        # Only placeholders are formatted in; every value is a bound parameter.
        sql = (
            "INSERT INTO counters(key, value, expires_at) VALUES "  # noqa: S608
            + ", ".join("(?, ?, ?)" for _ in items)
            + " ON CONFLICT(key) DO UPDATE SET "
            "value = CASE WHEN counters.expires_at <= ? THEN excluded.value "
            "ELSE counters.value + excluded.value END, "
            "expires_at = CASE WHEN counters.expires_at <= ? THEN excluded.expires_at "
            "ELSE counters.expires_at END "
            "RETURNING key, value"
        )

        def count(db: sqlite3.Connection) -> list[tuple[str, int]]:
            # Runs on the one worker thread, so the sweep counter needs no lock.
            self._increments += len(items)
            if self._increments >= _PURGE_EVERY:
                self._increments = 0
                # Rate-limit keys name their window, so expired rows are never read again: drop them.
                db.execute("DELETE FROM counters WHERE expires_at <= ?", (now,))
            rows: list[tuple[str, int]] = db.execute(sql, [*params, now, now]).fetchall()
            db.commit()
            return rows

        rows = await self._run(count, failure="counter")
        totals = {str(key): int(value) for key, value in rows}
        return [totals.get(key, amount) for key, amount, _ in items]

    async def close(self) -> None:
        worker, conn = self._worker, self._conn
        self._worker, self._conn = None, None
        if worker is None:
            return
        if conn is not None:
            await asyncio.get_running_loop().run_in_executor(worker, conn.close)
        worker.shutdown(wait=False)
