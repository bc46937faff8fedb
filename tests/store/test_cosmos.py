"""Cosmos DB specifics: container creation, item layout, throttling bounds and error mapping.

Layout tests use the `@vercel/cosmosdb-server` npm server; throttling and errors use a tiny local HTTP
server written here that plays a Cosmos DB account (account and container reads answered, item
requests answered with a chosen status) and records what the real SDK sent.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from azure.cosmos.aio import CosmosClient

from pharmabot.config import load_settings
from pharmabot.errors import ConcurrencyError, StoreError
from pharmabot.store import open_store
from pharmabot.store.cosmos import DEFAULT_TTL_SECONDS, CosmosStore, session_key
from tests.cosmos_server.server import EMULATOR_KEY
from tests.store.conftest import cosmos_settings
from tests.store.test_store_contract import turn


@pytest.fixture
async def cosmos(cosmos_endpoint: str) -> AsyncIterator[CosmosClient]:
    """A second client, to look at what the store wrote."""
    async with CosmosClient(cosmos_endpoint, credential=EMULATOR_KEY) as client:
        yield client


async def test_create_containers_on_start_up(cosmos_endpoint: str, cosmos: CosmosClient) -> None:
    settings = cosmos_settings(cosmos_endpoint, cosmos_database="created")
    store = await open_store(settings)
    try:
        assert isinstance(store, CosmosStore)
        await store.check()
        database = cosmos.get_database_client("created")
        found = {c["id"]: c async for c in database.list_containers()}
        assert {name: c["partitionKey"]["paths"] for name, c in found.items()} == {
            "sessions": ["/id"],
            "turns": ["/sessionKey"],
            "counters": ["/id"],
        }
        assert found["sessions"]["defaultTtl"] == DEFAULT_TTL_SECONDS
        assert found["turns"]["defaultTtl"] == DEFAULT_TTL_SECONDS
        assert found["counters"]["defaultTtl"] == -1
    finally:
        await store.close()
    # Starting again with everything in place is fine.
    await (await open_store(settings)).close()


async def test_containers_are_left_alone_by_default(cosmos_endpoint: str, cosmos: CosmosClient) -> None:
    settings = cosmos_settings(cosmos_endpoint, cosmos_database="not-created", cosmos_create_containers=False)
    store = await open_store(settings)
    try:
        with pytest.raises(StoreError, match="404"):
            await store.check()
        assert "not-created" not in {d["id"] async for d in cosmos.list_databases()}
    finally:
        await store.close()


async def test_one_item_per_turn_in_the_owners_partition(cosmos_endpoint: str, cosmos: CosmosClient) -> None:
    settings = cosmos_settings(cosmos_endpoint, cosmos_database="layout")
    store = await open_store(settings)
    try:
        for n in range(3):
            await store.add_turn(turn(n, owner="key-7", session_id="s9"))
    finally:
        await store.close()
    database = cosmos.get_database_client("layout")
    session = await database.get_container_client("sessions").read_item("s9", partition_key="s9")
    assert session["owner"] == "key-7"
    assert {"createdAt", "lastTurnAt"} <= session.keys()
    key = session_key("key-7", "s9")
    assert key == "key-7|s9"
    items = [
        item
        async for item in database.get_container_client("turns").query_items(
            "SELECT * FROM c WHERE c.sessionKey = @k", parameters=[{"name": "@k", "value": key}], partition_key=key
        )
    ]
    assert sorted(item["id"] for item in items) == ["t000", "t001", "t002"]
    assert all(item["turn"]["owner"] == "key-7" for item in items)


async def test_counter_items_are_keyed_by_window_and_expire_with_it(cosmos_endpoint: str, cosmos: CosmosClient) -> None:
    now = [999_999_960.0 + 15]  # 15 s into a 60 s window
    settings = cosmos_settings(cosmos_endpoint, cosmos_database="counters")
    store = await CosmosStore.from_settings(settings, clock=lambda: now[0])
    try:
        await store.increment(key="chat:10.0.0.1", amount=1, window_seconds=60)
        await store.increment(key="chat:10.0.0.1", amount=1, window_seconds=60)
        now[0] += 60
        await store.increment(key="chat:10.0.0.1", amount=1, window_seconds=60)
    finally:
        await store.close()
    container = cosmos.get_database_client("counters").get_container_client("counters")
    # Cross-partition read of a test database; the app itself only does point operations here.
    items = sorted([i async for i in container.read_all_items()], key=lambda i: i["windowStart"])
    assert [(i["key"], i["windowStart"], i["value"]) for i in items] == [
        ("chat:10.0.0.1", 999_999_960, 2),
        ("chat:10.0.0.1", 1_000_000_020, 1),
    ]
    # TTL = what is left of the window, plus a second (the test server stores it but never enforces it).
    assert [i["ttl"] for i in items] == [46, 46]


@dataclass
class FakeAccount:
    """What the fake Cosmos DB account answers to item requests, and what it received."""

    status: int = 429
    retry_after_ms: int = 100
    requests: list[tuple[float, str, str]] = field(default_factory=list)
    endpoint: str = ""


@pytest.fixture
def fake_account() -> Iterator[FakeAccount]:
    account = FakeAccount()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, body: object, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _any(self) -> None:
            if length := int(self.headers.get("content-length") or 0):
                self.rfile.read(length)
            account.requests.append((time.monotonic(), self.command, self.path))
            if self.path == "/":
                location = [{"name": "local", "databaseAccountEndpoint": account.endpoint}]
                return self._send(
                    200,
                    {
                        "id": "fake",
                        "writableLocations": location,
                        "readableLocations": location,
                        "enableMultipleWriteLocations": False,
                        "userConsistencyPolicy": {"defaultConsistencyLevel": "Session"},
                    },
                )
            parts = self.path.strip("/").split("/")
            if len(parts) == 4 and parts[2] == "colls":
                pk = "/sessionKey" if parts[3] == "turns" else "/id"
                return self._send(200, {"id": parts[3], "_rid": "rid", "partitionKey": {"paths": [pk], "kind": "Hash"}})
            headers = {"x-ms-retry-after-ms": str(account.retry_after_ms)} if account.status == 429 else {}
            return self._send(account.status, {"code": "Error", "message": f"status {account.status}"}, headers)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _any

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    account.endpoint = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield account
    server.shutdown()
    server.server_close()


async def _fake_store(account: FakeAccount) -> CosmosStore:
    settings = load_settings(store="cosmos", cosmos_endpoint=account.endpoint, cosmos_key=EMULATOR_KEY)
    return await CosmosStore.from_settings(settings)


def _item_requests(account: FakeAccount) -> list[tuple[float, str, str]]:
    return [r for r in account.requests if "/docs" in r[2]]


async def test_throttling_is_retried_with_the_servers_delay_then_surfaces(fake_account: FakeAccount) -> None:
    store = await _fake_store(fake_account)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError) as caught:
            await store.session_exists(owner="alice", session_id="s1")
        elapsed = time.monotonic() - started
    finally:
        await store.close()
    assert caught.value.details == {"status": 429}
    assert caught.value.headers == {"Retry-After": "1"}
    attempts = _item_requests(fake_account)
    assert len(attempts) == 4, "one try and three retries"
    gaps = [b[0] - a[0] for a, b in itertools.pairwise(attempts)]
    assert all(gap >= 0.09 for gap in gaps), f"each retry waits the server's retry-after: {gaps}"
    assert elapsed < 2.0


async def test_a_long_retry_after_is_cut_by_the_deadline(fake_account: FakeAccount) -> None:
    fake_account.retry_after_ms = 10_000
    store = await _fake_store(fake_account)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="timed out"):
            await store.add_turn(turn(1))
        elapsed = time.monotonic() - started
    finally:
        await store.close()
    assert 1.9 < elapsed < 2.6, f"a chat request never waits more than about two seconds ({elapsed:.2f}s)"


@pytest.mark.parametrize(
    ("status", "error", "message"),
    [
        (412, ConcurrencyError, "changed meanwhile"),
        (403, StoreError, "data-plane role"),
        (503, StoreError, "status 503"),
    ],
)
async def test_errors_map_to_the_app_hierarchy(
    fake_account: FakeAccount, status: int, error: type[Exception], message: str
) -> None:
    fake_account.status = status
    store = await _fake_store(fake_account)
    try:
        with pytest.raises(error, match=message):
            await store.increment(key="k", amount=1, window_seconds=60)
    finally:
        await store.close()


async def test_unreachable_account_fails_fast(unused_tcp_port: int) -> None:
    settings = load_settings(
        store="cosmos", cosmos_endpoint=f"https://127.0.0.1:{unused_tcp_port}/", cosmos_key=EMULATOR_KEY
    )
    store = await open_store(settings)  # starting does not need the account (the app reports it in /health)
    try:
        started = time.monotonic()
        with pytest.raises(StoreError):
            await store.check()
        assert time.monotonic() - started < 2.6
    finally:
        await store.close()


async def test_without_a_key_microsoft_entra_id_is_used(cosmos_endpoint: str) -> None:
    # No identity exists on a test machine: the token request fails and surfaces as StoreError in time.
    settings = load_settings(
        store="cosmos", cosmos_endpoint=cosmos_endpoint, azure_client_id="00000000-0000-0000-0000-000000000001"
    )
    store = await CosmosStore.from_settings(settings)
    try:
        from azure.identity.aio import DefaultAzureCredential

        assert isinstance(store._credential, DefaultAzureCredential)
        started = time.monotonic()
        with pytest.raises(StoreError):
            await store.check()
        assert time.monotonic() - started < 2.6
    finally:
        await store.close()
