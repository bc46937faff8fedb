"""The SQLite store on a real file: sessions and their owners, turns, counters."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pharmabot.config import load_settings
from pharmabot.errors import StoreError
from pharmabot.store import Turn, open_store
from pharmabot.store.sqlite import SqliteStore


def _still() -> float:
    return 1_700_000_030.0


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    # A clock that stands still mid-window: counter windows are aligned to the clock, and a test that crossed a
    # minute boundary would see its counts start again.
    opened = await SqliteStore(path=tmp_path / "store.sqlite", clock=_still).open()
    yield opened
    await opened.close()


def _turn(n: int, *, session: str = "s1", owner: str = "alice") -> Turn:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    return Turn(
        session_id=session, owner=owner, turn_id=f"t{n}", created_at=base + timedelta(minutes=n), message=f"q{n}"
    )


async def test_file_is_created_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "dir" / "state.sqlite"
    store = await open_store(load_settings(sqlite_path=path))
    try:
        assert path.is_file()
        await store.check()
    finally:
        await store.close()
    with sqlite3.connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "turns", "counters"} <= tables


async def test_unusable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError):
        await SqliteStore(path=blocker / "state.sqlite").open()


async def test_claim_session_belongs_to_its_first_owner(store: SqliteStore) -> None:
    assert await store.claim_session(owner="alice", session_id="s1") is True
    assert await store.claim_session(owner="alice", session_id="s1") is True
    assert await store.claim_session(owner="bob", session_id="s1") is False
    assert await store.session_exists(owner="alice", session_id="s1")
    assert not await store.session_exists(owner="bob", session_id="s1")


async def test_turns_come_back_oldest_first_and_limit_keeps_the_latest(store: SqliteStore) -> None:
    for n in range(5):
        await store.add_turn(_turn(n))
    turns = await store.list_turns(owner="alice", session_id="s1")
    assert [t.turn_id for t in turns] == ["t0", "t1", "t2", "t3", "t4"]
    assert turns[0] == _turn(0)
    latest = await store.list_turns(owner="alice", session_id="s1", limit=2)
    assert [t.turn_id for t in latest] == ["t3", "t4"]
    assert await store.list_turns(owner="alice", session_id="s1", limit=0) == []


async def test_other_owner_sees_no_turns(store: SqliteStore) -> None:
    await store.add_turn(_turn(0))
    assert await store.list_turns(owner="bob", session_id="s1") == []
    assert await store.list_turns(owner="alice", session_id="other") == []


async def test_delete_removes_only_the_owners_session(store: SqliteStore) -> None:
    for n in range(3):
        await store.add_turn(_turn(n))
    await store.add_turn(_turn(0, session="s2"))
    assert await store.delete_session(owner="bob", session_id="s1") == 0
    assert await store.delete_session(owner="alice", session_id="s1") == 3
    assert await store.list_turns(owner="alice", session_id="s1") == []
    assert not await store.session_exists(owner="alice", session_id="s1")
    assert len(await store.list_turns(owner="alice", session_id="s2")) == 1
    assert await store.delete_session(owner="alice", session_id="s1") == 0
    # A deleted session id can be claimed again, by anyone.
    assert await store.claim_session(owner="bob", session_id="s1") is True


async def test_increment_adds_within_the_window(store: SqliteStore) -> None:
    assert await store.increment(key="k", amount=1, window_seconds=60) == 1
    assert await store.increment(key="k", amount=2, window_seconds=60) == 3
    assert await store.increment(key="other", amount=1, window_seconds=60) == 1


async def test_increment_restarts_after_the_window(tmp_path: Path) -> None:
    now = [1_700_000_030.0]
    store = await SqliteStore(path=tmp_path / "w.sqlite", clock=lambda: now[0]).open()
    try:
        assert await store.increment(key="k", amount=5, window_seconds=1) == 5
        now[0] += 1.05
        assert await store.increment(key="k", amount=1, window_seconds=1) == 1
    finally:
        await store.close()


async def test_concurrent_increments_are_not_lost(store: SqliteStore) -> None:
    totals = await asyncio.gather(*(store.increment(key="k", amount=1, window_seconds=60) for _ in range(50)))
    assert sorted(totals) == list(range(1, 51))


async def test_closed_store_fails_its_check(tmp_path: Path) -> None:
    store = await SqliteStore(path=tmp_path / "s.sqlite").open()
    await store.close()
    with pytest.raises(StoreError):
        await store.check()


async def test_concurrent_requests_on_the_shared_connection_never_fail_or_interleave(store: SqliteStore) -> None:
    # What 100 parallel chat requests do to the store: count per caller (minute, day), claim the session,
    # count per session (minute, day), read the answer budget, read the history, write the turn.
    async def request(n: int) -> None:
        session = f"s{n % 10}"
        await store.increment(key="caller-minute", amount=1, window_seconds=60)
        await store.increment(key="caller-day", amount=1, window_seconds=86_400)
        await store.claim_session(owner="alice", session_id=session)
        await store.increment(key=f"{session}-minute", amount=1, window_seconds=60)
        await store.increment(key=f"{session}-day", amount=1, window_seconds=86_400)
        await store.increment(key="chars-day", amount=0, window_seconds=86_400)
        await store.list_turns(owner="alice", session_id=session, limit=6)
        await store.add_turn(_turn(n, session=session))

    await asyncio.gather(*(request(n) for n in range(100)))
    assert await store.increment(key="caller-minute", amount=0, window_seconds=60) == 100
    stored = [await store.list_turns(owner="alice", session_id=f"s{i}") for i in range(10)]
    assert sorted(t.turn_id for turns in stored for t in turns) == sorted(f"t{n}" for n in range(100))


async def test_concurrent_chats_interleave_without_store_errors(store: SqliteStore) -> None:
    # What 10 simultaneous chats do on the one connection: claim a session, count rate limits, read
    # history, store the turn. Interleaved transactions once failed with OperationalError here.
    for n in range(40):
        await store.add_turn(_turn(n, session="long"))

    async def chat(n: int) -> None:
        session = f"s{n}"
        assert await store.claim_session(owner="alice", session_id=session)
        for key in ("chat-minute", "chat-day", f"session-{n}"):
            await store.increment(key=key, amount=1, window_seconds=60)
        await store.list_turns(owner="alice", session_id="long")
        await store.add_turn(_turn(n, session=session))
        await store.increment(key="chars", amount=100, window_seconds=86400)

    await asyncio.gather(*(chat(n) for n in range(100)))
    assert await store.increment(key="chat-minute", amount=0, window_seconds=60) == 100
    assert len(await store.list_turns(owner="alice", session_id="s7")) == 1
