"""One contract for every store: each test runs against SQLite and against Cosmos DB.

Cosmos DB here is the `@vercel/cosmosdb-server` npm package driven by the real `azure-cosmos` SDK.
Known differences of that server, and how the tests stay inside what it supports:
- a query scoped to a partition must also name the partition key in its WHERE (the store always does);
- OFFSET/LIMIT, DISTINCT and GROUP BY are unsupported (the store uses TOP and ORDER BY only);
- TTL is stored but never enforced, so expiry is tested through the counter windows, never by waiting
  for items to disappear;
- a point read of a missing item answers 500, so the test launcher wraps it to answer 404 like Cosmos DB;
- transactional batch fails and `replace_container` drops all items (the store uses neither).
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from pharmabot.errors import NotFoundError
from pharmabot.schemas.common import Citation
from pharmabot.store import Store, Turn, TurnStatus
from tests.store.conftest import StoreFactory

START = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def turn(n: int, *, owner: str = "alice", session_id: str = "s1", **fields: object) -> Turn:
    """Turn number N, created N seconds after START."""
    values: dict[str, object] = {
        "session_id": session_id,
        "owner": owner,
        "turn_id": f"t{n:03d}",
        "created_at": START + timedelta(seconds=n),
        "message": f"question {n}",
        "answer": f"answer {n}",
    }
    values.update(fields)
    return Turn.model_validate(values)


async def test_check_passes(store: Store) -> None:
    await store.check()


async def test_claim_is_first_come_and_scoped_to_the_owner(store: Store) -> None:
    assert not await store.session_exists(owner="alice", session_id="s1")
    assert await store.claim_session(owner="alice", session_id="s1")
    assert await store.claim_session(owner="alice", session_id="s1"), "claiming one's own session again is fine"
    assert not await store.claim_session(owner="bob", session_id="s1")
    assert await store.session_exists(owner="alice", session_id="s1")
    assert not await store.session_exists(owner="bob", session_id="s1")


async def test_concurrent_claims_have_one_winner(store: Store) -> None:
    owners = [f"caller{i}" for i in range(10)]
    won = await asyncio.gather(*(store.claim_session(owner=o, session_id="contested") for o in owners))
    assert sum(won) == 1
    winner = owners[won.index(True)]
    assert await store.session_exists(owner=winner, session_id="contested")


async def test_turns_round_trip_oldest_first(store: Store) -> None:
    await store.claim_session(owner="alice", session_id="s1")
    citation = Citation(
        index=1, drug_name="warfarin", label_section="DRUG INTERACTIONS", set_id="set-1", url="https://example.org/1"
    )
    first = turn(1, drugs=["warfarin", "aspirin"], citations=[citation], intent="interaction")
    await store.add_turn(first)
    await store.add_turn(turn(2, status=TurnStatus.failed, error_code="model_unavailable", answer=""))
    turns = await store.list_turns(owner="alice", session_id="s1")
    assert [t.turn_id for t in turns] == ["t001", "t002"]
    assert turns[0] == first
    assert turns[1].status is TurnStatus.failed
    assert turns[1].error_code == "model_unavailable"


async def test_limit_returns_the_latest_n_oldest_first(store: Store) -> None:
    await store.claim_session(owner="alice", session_id="s1")
    for n in range(1, 8):
        await store.add_turn(turn(n))
    latest = await store.list_turns(owner="alice", session_id="s1", limit=3)
    assert [t.turn_id for t in latest] == ["t005", "t006", "t007"]
    assert await store.list_turns(owner="alice", session_id="s1", limit=0) == []
    assert len(await store.list_turns(owner="alice", session_id="s1", limit=50)) == 7


async def test_rewriting_a_turn_replaces_it(store: Store) -> None:
    await store.claim_session(owner="alice", session_id="s1")
    await store.add_turn(turn(1, answer="draft"))
    await store.add_turn(turn(1, answer="final"))
    turns = await store.list_turns(owner="alice", session_id="s1")
    assert [(t.turn_id, t.answer) for t in turns] == [("t001", "final")]


async def test_add_turn_claims_a_new_session(store: Store) -> None:
    await store.add_turn(turn(1, session_id="fresh"))
    assert await store.session_exists(owner="alice", session_id="fresh")
    assert not await store.claim_session(owner="bob", session_id="fresh")


async def test_one_caller_never_reaches_another_callers_session(store: Store) -> None:
    await store.claim_session(owner="alice", session_id="s1")
    await store.add_turn(turn(1))
    with pytest.raises(NotFoundError):
        await store.add_turn(turn(2, owner="bob"))
    assert await store.list_turns(owner="bob", session_id="s1") == []
    assert await store.delete_session(owner="bob", session_id="s1") == 0
    assert [t.turn_id for t in await store.list_turns(owner="alice", session_id="s1")] == ["t001"]


async def test_sessions_do_not_mix(store: Store) -> None:
    await store.add_turn(turn(1, session_id="a"))
    await store.add_turn(turn(2, session_id="b"))
    assert [t.turn_id for t in await store.list_turns(owner="alice", session_id="a")] == ["t001"]
    assert [t.turn_id for t in await store.list_turns(owner="alice", session_id="b")] == ["t002"]


async def test_delete_session_erases_it_and_its_turns(store: Store) -> None:
    await store.claim_session(owner="alice", session_id="s1")
    for n in range(1, 4):
        await store.add_turn(turn(n))
    assert await store.delete_session(owner="alice", session_id="s1") == 3
    assert not await store.session_exists(owner="alice", session_id="s1")
    assert await store.list_turns(owner="alice", session_id="s1") == []
    assert await store.delete_session(owner="alice", session_id="s1") == 0
    assert await store.claim_session(owner="bob", session_id="s1"), "an erased id is free again"
    assert await store.list_turns(owner="bob", session_id="s1") == []


async def test_unknown_session_is_empty(store: Store) -> None:
    assert await store.list_turns(owner="alice", session_id="never") == []
    assert await store.delete_session(owner="alice", session_id="never") == 0


async def test_awkward_ids_are_stored_and_read_back(store: Store) -> None:
    # Cosmos DB refuses / \\ ? # in item ids; the store maps such ids, callers never notice.
    session_id = "a/b?c#d\\e|f"
    await store.add_turn(turn(1, session_id=session_id, owner="key:1|x", turn_id="t/1"))
    turns = await store.list_turns(owner="key:1|x", session_id=session_id)
    assert [(t.turn_id, t.session_id) for t in turns] == [("t/1", session_id)]
    assert not await store.claim_session(owner="key:1", session_id=session_id)


async def test_fifty_parallel_turn_writes_lose_none(store: Store) -> None:
    await store.claim_session(owner="alice", session_id="busy")
    await asyncio.gather(*(store.add_turn(turn(n, session_id="busy")) for n in range(50)))
    turns = await store.list_turns(owner="alice", session_id="busy")
    assert sorted(t.turn_id for t in turns) == [f"t{n:03d}" for n in range(50)]


async def test_counter_adds_within_its_window(store: Store) -> None:
    assert await store.increment(key="chat:1.2.3.4", amount=1, window_seconds=3600) == 1
    assert await store.increment(key="chat:1.2.3.4", amount=2, window_seconds=3600) == 3
    assert await store.increment(key="chat:5.6.7.8", amount=1, window_seconds=3600) == 1


async def test_counter_increments_are_atomic(store: Store) -> None:
    totals = await asyncio.gather(*(store.increment(key="k", amount=1, window_seconds=3600) for _ in range(30)))
    assert sorted(totals) == list(range(1, 31))


async def test_counter_restarts_from_amount_in_the_next_window(make_store: StoreFactory) -> None:
    # Fixed windows aligned to multiples of the window length; a fake clock walks through them
    # (the test server never enforces TTL, and expiry must not depend on it anyway).
    now = [999_999_960.0]  # a multiple of 60
    store = await make_store(clock=lambda: now[0])
    assert await store.increment(key="k", amount=1, window_seconds=60) == 1
    now[0] += 59.5
    assert await store.increment(key="k", amount=1, window_seconds=60) == 2
    now[0] += 1
    assert await store.increment(key="k", amount=5, window_seconds=60) == 5
    assert await store.increment(key="k", amount=1, window_seconds=60) == 6
    now[0] += 600
    assert await store.increment(key="k", amount=1, window_seconds=60) == 1


async def test_increment_many_counts_each_key_in_one_call(make_store: StoreFactory) -> None:
    now = [999_999_960.0]  # a multiple of 60 and of 3600
    store = await make_store(clock=lambda: now[0])
    assert await store.increment(key="a", amount=2, window_seconds=60) == 2
    items = [("a", 1, 60), ("b", 3, 3600), ("c", 0, 60)]
    assert await store.increment_many(items=items) == [3, 3, 0]
    assert await store.increment_many(items=[("c", 4, 60), ("a", 0, 60)]) == [4, 3]
    now[0] += 60  # a's and c's minute windows ended; b's hour has not
    assert await store.increment_many(items=items) == [1, 6, 0]
    assert await store.increment(key="b", amount=0, window_seconds=3600) == 6
    assert await store.increment_many(items=[]) == []


async def test_increment_many_is_atomic_per_counter(store: Store) -> None:
    items = [("x", 1, 3600), ("y", 2, 3600)]
    totals = await asyncio.gather(*(store.increment_many(items=items) for _ in range(20)))
    assert sorted(t[0] for t in totals) == list(range(1, 21))
    assert sorted(t[1] for t in totals) == list(range(2, 41, 2))


async def test_increment_many_refuses_repeated_keys(store: Store) -> None:
    with pytest.raises(ValueError, match="distinct"):
        await store.increment_many(items=[("k", 1, 60), ("k", 1, 60)])
