"""SQLite state store: the embedded default, one file, created on first use."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import aiosqlite

from pharmabot.errors import NotFoundError, StoreError
from pharmabot.store.base import Turn

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
    """Store on one aiosqlite connection (aiosqlite runs SQLite on its own thread, so the event loop never blocks).

    Every operation holds `_lock`: concurrent requests share the connection, and one request's commit
    in the middle of another's transaction or open cursor fails ("SQL statements in progress") or
    commits half of the other's work.
    """

    name = "sqlite"

    def __init__(self, *, path: Path, clock: Callable[[], float] = time.time) -> None:
        self._path = path
        self._clock = clock
        self._db: aiosqlite.Connection | None = None
        self._increments = 0
        self._lock = asyncio.Lock()

    async def open(self) -> SqliteStore:
        try:
            if str(self._path) != ":memory:":
                self._path.parent.mkdir(parents=True, exist_ok=True)
            self._db = await aiosqlite.connect(self._path, timeout=5)
            await self._db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: no fsync per commit (each chat turn commits several times); a power cut may
            # lose the last commits (counters, a turn), never corrupt the file.
            await self._db.execute("PRAGMA synchronous=NORMAL")
            await self._db.execute("PRAGMA foreign_keys=ON")
            await self._db.executescript(_SCHEMA)
            await self._db.commit()
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open SQLite store: {type(exc).__name__}") from exc
        return self

    async def _one(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Row | None:
        # Closing the cursor ends its statement: an open one would block the next commit.
        async with self.db.execute(sql, params) as cursor:
            row: sqlite3.Row | None = await cursor.fetchone()
            return row

    async def _all(self, sql: str, params: tuple[object, ...]) -> list[sqlite3.Row]:
        async with self.db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreError("SQLite store is not open")
        return self._db

    async def check(self) -> None:
        async with self._lock:
            try:
                await self._one("SELECT 1")
            except sqlite3.Error as exc:
                raise StoreError(f"SQLite check failed: {type(exc).__name__}") from exc

    async def claim_session(self, *, owner: str, session_id: str) -> bool:
        async with self._lock:
            try:
                await self.db.execute(
                    "INSERT OR IGNORE INTO sessions(session_id, owner, created_at) VALUES (?, ?, ?)",
                    (session_id, owner, time.time()),
                )
                await self.db.commit()
                row = await self._one("SELECT owner FROM sessions WHERE session_id = ?", (session_id,))
            except sqlite3.Error as exc:
                raise StoreError(f"SQLite write failed: {type(exc).__name__}") from exc
            return row is not None and row[0] == owner

    async def add_turn(self, turn: Turn) -> None:
        async with self._lock:
            try:
                await self.db.execute(
                    "INSERT OR IGNORE INTO sessions(session_id, owner, created_at) VALUES (?, ?, ?)",
                    (turn.session_id, turn.owner, time.time()),
                )
                row = await self._one("SELECT owner FROM sessions WHERE session_id = ?", (turn.session_id,))
                if row is None or row[0] != turn.owner:
                    # Another caller's session: its history must never receive this turn.
                    raise NotFoundError("session not found")
                await self.db.execute(
                    "INSERT OR REPLACE INTO turns(session_id, turn_id, created_at, body) VALUES (?, ?, ?, ?)",
                    (turn.session_id, turn.turn_id, turn.created_at.isoformat(), turn.model_dump_json()),
                )
                await self.db.commit()
            except sqlite3.Error as exc:
                await self.db.rollback()
                raise StoreError(f"SQLite write failed: {type(exc).__name__}") from exc

    async def list_turns(self, *, owner: str, session_id: str, limit: int | None = None) -> list[Turn]:
        query = (
            "SELECT t.body FROM turns t JOIN sessions s USING (session_id) "
            "WHERE t.session_id = ? AND s.owner = ? ORDER BY t.seq DESC"
        )
        params: tuple[object, ...] = (session_id, owner)
        if limit is not None:
            query += " LIMIT ?"
            params = (*params, limit)
        async with self._lock:
            try:
                rows = await self._all(query, params)
            except sqlite3.Error as exc:
                raise StoreError(f"SQLite read failed: {type(exc).__name__}") from exc
        return [Turn.model_validate(json.loads(row[0])) for row in reversed(list(rows))]

    async def delete_session(self, *, owner: str, session_id: str) -> int:
        async with self._lock:
            try:
                cursor = await self.db.execute(
                    "DELETE FROM turns WHERE session_id = ? AND session_id IN "
                    "(SELECT session_id FROM sessions WHERE owner = ?)",
                    (session_id, owner),
                )
                removed = cursor.rowcount
                await self.db.execute("DELETE FROM sessions WHERE session_id = ? AND owner = ?", (session_id, owner))
                await self.db.commit()
            except sqlite3.Error as exc:
                await self.db.rollback()
                raise StoreError(f"SQLite write failed: {type(exc).__name__}") from exc
            return max(removed, 0)

    async def session_exists(self, *, owner: str, session_id: str) -> bool:
        async with self._lock:
            row = await self._one("SELECT 1 FROM sessions WHERE session_id = ? AND owner = ?", (session_id, owner))
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
        async with self._lock:
            self._increments += len(items)
            try:
                if self._increments >= _PURGE_EVERY:
                    self._increments = 0
                    # Rate-limit keys name their window, so expired rows are never read again: drop them.
                    await self.db.execute("DELETE FROM counters WHERE expires_at <= ?", (now,))
                rows = await self.db.execute_fetchall(sql, [*params, now, now])
                await self.db.commit()
            except sqlite3.Error as exc:
                raise StoreError(f"SQLite counter failed: {type(exc).__name__}") from exc
        totals = {str(row[0]): int(row[1]) for row in rows}
        return [totals.get(key, amount) for key, amount, _ in items]

    async def close(self) -> None:
        if self._db is not None:
            await self._db.close()
            self._db = None
