"""Conversation memory over HTTP: `GET /api/sessions/{id}/messages` and `DELETE /api/sessions/{id}`.

The app runs on real uvicorn with two API keys configured and its own SQLite file, so ownership
(another key's session answers 404 exactly like a missing one) and erasure (the rows are gone
from the database file, not just hidden) are checked against the real store.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from pharmabot.chat.sessions import require_session_owner
from pharmabot.config import load_settings
from pharmabot.errors import NotFoundError
from pharmabot.main import create_app
from pharmabot.schemas.chat import parse_sse
from pharmabot.security.auth import Caller, hash_key
from pharmabot.store.sqlite import SqliteStore
from tests.support.fixtures import AppFactory, app_client
from tests.support.servers import serve_in_thread

ALICE = "alice-key-0123456789abcdef0123456789abcdef"
BOB = "bob-key-0123456789abcdef0123456789abcdef00"
RATE_LIMITS = "chat=1000/minute,chat=1000/day,session=1000/minute,session=1000/day"


@dataclass
class Server:
    url: str
    state: Path


@pytest.fixture(scope="module")
def server(small_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    state = tmp_path_factory.mktemp("sessions-api") / "state.sqlite"
    settings = load_settings(
        index_path=small_index,
        sqlite_path=state,
        rate_limits=RATE_LIMITS,
        api_keys=",".join([hash_key(ALICE), hash_key(BOB)]),
    )
    with serve_in_thread(create_app(settings)) as url:
        yield Server(url=url, state=state)


@pytest.fixture
async def alice(server: Server) -> Any:
    async with httpx.AsyncClient(base_url=server.url, headers={"X-API-Key": ALICE}, timeout=10) as client:
        yield client


@pytest.fixture
async def bob(server: Server) -> Any:
    async with httpx.AsyncClient(base_url=server.url, headers={"Authorization": f"Bearer {BOB}"}, timeout=10) as client:
        yield client


async def ask(client: httpx.AsyncClient, message: str, session_id: str) -> list[tuple[str, str]]:
    response = await client.post("/api/chat", json={"message": message, "session_id": session_id})
    assert response.status_code == 200, response.text
    return parse_sse(response.text)


def rows_in_file(state: Path, session_id: str) -> tuple[int, int]:
    """(sessions, turns) rows for SESSION_ID, read straight from the SQLite file."""
    with sqlite3.connect(state) as db:
        sessions = db.execute("SELECT COUNT(*) FROM sessions WHERE session_id = ?", (session_id,)).fetchone()[0]
        turns = db.execute("SELECT COUNT(*) FROM turns WHERE session_id = ?", (session_id,)).fetchone()[0]
    return int(sessions), int(turns)


async def test_messages_lists_each_turn_oldest_first_with_what_was_answered(alice: httpx.AsyncClient) -> None:
    await ask(alice, "What are the side effects of metformin?", "se-list")
    await ask(alice, "hello", "se-list")

    response = await alice.get("/api/sessions/se-list/messages")

    assert response.status_code == 200
    body = response.json()
    assert body["session_id"] == "se-list"
    first, second = body["turns"]
    assert first["message"] == "What are the side effects of metformin?"
    assert first["intent"] == "drug_info"
    assert first["drugs"] == ["metformin"]
    assert first["status"] == "complete"
    assert first["citations"]
    assert all(f"[{c['index']}]" in first["answer"] for c in first["citations"])
    assert second["intent"] == "greeting"
    assert second["citations"] == []
    assert first["created_at"] <= second["created_at"]


async def test_the_stored_answer_is_the_streamed_answer(alice: httpx.AsyncClient) -> None:
    events = await ask(alice, "Can I take Zocor with Biaxin?", "se-same")
    streamed = "".join(json.loads(data)["delta"] for name, data in events if name == "token")
    (meta,) = [json.loads(data) for name, data in events if name == "meta"]

    (turn,) = (await alice.get("/api/sessions/se-same/messages")).json()["turns"]
    assert turn["answer"] == streamed
    assert turn["turn_id"] == meta["turn_id"]
    assert turn["drugs"] == ["simvastatin", "clarithromycin"]


async def test_another_key_cannot_read_erase_or_continue_the_session(
    alice: httpx.AsyncClient, bob: httpx.AsyncClient, server: Server
) -> None:
    await ask(alice, "What is metformin used for?", "se-private")

    read = await bob.get("/api/sessions/se-private/messages")
    erase = await bob.delete("/api/sessions/se-private")
    chat = await bob.post("/api/chat", json={"message": "what about its side effects?", "session_id": "se-private"})

    for response in (read, erase, chat):
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["error"]["code"] == "session_not_found"
    assert rows_in_file(server.state, "se-private") == (1, 1)
    assert len((await alice.get("/api/sessions/se-private/messages")).json()["turns"]) == 1


async def test_another_keys_session_looks_exactly_like_a_missing_one(
    bob: httpx.AsyncClient, alice: httpx.AsyncClient
) -> None:
    await ask(alice, "What is metformin used for?", "se-probe")

    taken = await bob.get("/api/sessions/se-probe/messages")
    missing = await bob.get("/api/sessions/se-never-existed/messages")

    assert taken.status_code == missing.status_code == 404
    assert taken.json()["error"]["message"] == missing.json()["error"]["message"]


async def test_delete_erases_every_turn_from_the_store(alice: httpx.AsyncClient, server: Server) -> None:
    await ask(alice, "What is metformin used for?", "se-erase")
    await ask(alice, "what about its side effects?", "se-erase")
    assert rows_in_file(server.state, "se-erase") == (1, 2)

    response = await alice.delete("/api/sessions/se-erase")

    assert response.status_code == 200
    assert response.json() == {"session_id": "se-erase", "deleted_turns": 2}
    assert rows_in_file(server.state, "se-erase") == (0, 0)
    assert (await alice.get("/api/sessions/se-erase/messages")).status_code == 404
    assert (await alice.delete("/api/sessions/se-erase")).status_code == 404


async def test_a_session_reused_after_erasure_remembers_nothing(alice: httpx.AsyncClient) -> None:
    await ask(alice, "What is metformin used for?", "se-fresh")
    await alice.delete("/api/sessions/se-fresh")

    events = await ask(alice, "what about its side effects?", "se-fresh")

    (meta,) = [json.loads(data) for name, data in events if name == "meta"]
    assert meta["drugs"] == []
    turns = (await alice.get("/api/sessions/se-fresh/messages")).json()["turns"]
    assert [t["message"] for t in turns] == ["what about its side effects?"]


async def test_without_a_key_the_session_routes_answer_401(server: Server) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=10) as anonymous:
        read = await anonymous.get("/api/sessions/se-list/messages")
        erase = await anonymous.delete("/api/sessions/se-list")

    assert read.status_code == erase.status_code == 401
    assert read.json()["error"]["code"] == "unauthorized"


async def test_a_malformed_session_id_gets_422(alice: httpx.AsyncClient) -> None:
    response = await alice.get("/api/sessions/" + "x" * 65 + "/messages")

    assert response.status_code == 422
    assert "error" in response.json()


async def test_messages_are_bounded_by_limit(tmp_path: Path) -> None:
    async with app_client(load_settings(sqlite_path=tmp_path / "s.sqlite")) as api:
        for question in ("What is metformin for?", "What is amlodipine for?", "What is warfarin for?"):
            assert (await api.post("/api/chat", json={"message": question, "session_id": "lim"})).status_code == 200
        turns = (await api.get("/api/sessions/lim/messages", params={"limit": 2})).json()["turns"]
        assert [t["message"] for t in turns] == ["What is amlodipine for?", "What is warfarin for?"]
        assert (await api.get("/api/sessions/lim/messages", params={"limit": 0})).status_code == 422
        assert (await api.get("/api/sessions/lim/messages", params={"limit": 501})).status_code == 422


async def test_sessions_belong_to_their_creator(tmp_path: Path) -> None:
    store = await SqliteStore(path=tmp_path / "s.sqlite").open()
    alice, bob = Caller(id="alice", kind="api_key"), Caller(id="bob", kind="api_key")
    try:
        await require_session_owner(store, alice, "sess-1", create=True)
        await require_session_owner(store, alice, "sess-1", create=True)  # continuing her own
        await require_session_owner(store, alice, "sess-1", create=False)
        with pytest.raises(NotFoundError) as taken:
            await require_session_owner(store, bob, "sess-1", create=True)
        with pytest.raises(NotFoundError) as hidden:
            await require_session_owner(store, bob, "sess-1", create=False)
        with pytest.raises(NotFoundError) as missing:
            await require_session_owner(store, bob, "sess-none", create=False)
        # Someone else's session and a missing one are indistinguishable.
        assert taken.value.message == hidden.value.message == missing.value.message
        assert taken.value.code == missing.value.code == "session_not_found"
        assert await store.session_exists(owner="alice", session_id="sess-1")
    finally:
        await store.close()


async def test_other_callers_session_is_404_over_http(make_app: AppFactory) -> None:
    async with make_app(api_keys=f"{hash_key(ALICE)},{hash_key(BOB)}") as (_, http):
        body = {"message": "hi", "session_id": "s-9"}
        mine = await http.post("/api/chat/echo", json=body, headers={"X-API-Key": ALICE})
        theirs = await http.post("/api/chat/echo", json=body, headers={"X-API-Key": BOB})
    assert mine.status_code == 200
    assert theirs.status_code == 404
    assert theirs.json()["error"]["code"] == "session_not_found"
