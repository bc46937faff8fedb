"""SQLite rate-limit counters: atomic totals, expiry, and the sweep of expired rows."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from pathlib import Path

import pytest

from pharmabot.store import sqlite
from pharmabot.store.sqlite import SqliteStore


async def test_concurrent_increments_add_up(tmp_path: Path) -> None:
    # The clock stands still mid-window (windows are aligned to it): a run across a minute boundary would restart.
    store = await SqliteStore(path=tmp_path / "c.sqlite", clock=lambda: 1_700_000_030.0).open()
    try:
        totals = await asyncio.gather(*(store.increment(key="k", amount=1, window_seconds=60) for _ in range(50)))
        assert sorted(totals) == list(range(1, 51))
        assert await store.increment(key="k", amount=0, window_seconds=60) == 50
    finally:
        await store.close()


async def test_expired_counters_restart_and_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1020.0]
    monkeypatch.setattr(sqlite, "_PURGE_EVERY", 3)
    store = await SqliteStore(path=tmp_path / "c.sqlite", clock=lambda: now[0]).open()
    try:
        assert await store.increment(key="old", amount=5, window_seconds=60) == 5
        now[0] += 61
        assert await store.increment(key="old", amount=1, window_seconds=60) == 1  # expired: restarts
        now[0] += 61
        await store.increment(key="new", amount=1, window_seconds=60)  # third call sweeps
        with contextlib.closing(sqlite3.connect(tmp_path / "c.sqlite")) as db:
            rows = db.execute("SELECT key FROM counters").fetchall()
        assert [r[0] for r in rows] == ["new"]
    finally:
        await store.close()
