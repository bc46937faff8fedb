"""Cosmos DB state store (NoSQL API, `azure-cosmos` async client created once).

Partition design (the Bicep in `infra/` creates exactly these containers):

- `sessions`, partition key `/id`: one item per session, `{id: session_id, owner, createdAt, lastTurnAt}`.
  A session is claimed with `create_item`; on 409 the item is read and its owner compared, so exactly
  one caller ever owns a session id. Every turn touches the item (a patch filtered on the owner), which
  renews its TTL while the conversation is alive.
- `turns`, partition key `/sessionKey` = `"<owner>|<session_id>"`, id = turn_id: one small item per
  turn (never an ever-growing document), so a session's turns live in one logical partition that is
  reached only through its owner: a caller can query nothing but its own partitions, and a turn written
  under another caller's session id can never show up in that caller's history.
- `counters`, partition key `/id`: one item per rate-limit key and fixed window, id derived from the key
  and the window start (epoch-aligned), per-item `ttl` = the window. Increments are `patch_item` `incr`
  (atomic on the server); a missing item is created, and a 409 from a concurrent create retries the patch.
  Keying by window makes expiry exact without relying on when TTL deletes the old item.

Sessions and turns expire after 30 days (container default TTL). Throttling (429) is retried by the SDK
with the server's retry-after, at most a few times, and every call is bounded by a deadline of about two
seconds, so a chat request never hangs on a throttled or unreachable account. SDK errors become the
app's `StoreError` (or `ConcurrencyError` on an ETag mismatch).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, NoReturn

from azure.core import MatchConditions
from azure.core.exceptions import AzureError
from azure.cosmos import PartitionKey
from azure.cosmos.aio import ContainerProxy, CosmosClient, DatabaseProxy
from azure.cosmos.exceptions import CosmosHttpResponseError

from pharmabot.config import Settings
from pharmabot.errors import ConcurrencyError, NotFoundError, StoreError
from pharmabot.store.base import Turn

SESSIONS = "sessions"
TURNS = "turns"
COUNTERS = "counters"
DEFAULT_TTL_SECONDS = 30 * 24 * 3600
# Characters Cosmos DB refuses in an item id.
_FORBIDDEN_ID_CHARS = frozenset("/\\?#")


def item_id(value: str) -> str:
    """VALUE when Cosmos accepts it as an item id, else a stable hash of it."""
    if value and len(value) <= 255 and not (_FORBIDDEN_ID_CHARS & set(value)) and value.isprintable():
        return value
    return "h-" + hashlib.sha256(value.encode()).hexdigest()


def session_key(owner: str, session_id: str) -> str:
    """The partition key of a session's turns: scoped to its owner."""
    return f"{owner}|{session_id}"


def _timestamp(moment: datetime) -> str:
    """Fixed-width UTC ISO time, so string order is time order (ORDER BY on one field needs no composite index)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _status(exc: CosmosHttpResponseError) -> int:
    return int(exc.status_code or 0)


class CosmosStore:
    """Store on one Cosmos DB account: sessions, turns and counters containers."""

    name = "cosmos"

    def __init__(
        self,
        *,
        client: CosmosClient,
        database: str,
        credential: Any = None,
        timeout_seconds: float = 2.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._client = client
        self._credential = credential
        self._timeout = timeout_seconds
        self._clock = clock
        self._database: DatabaseProxy = client.get_database_client(database)
        self._sessions: ContainerProxy = self._database.get_container_client(SESSIONS)
        self._turns: ContainerProxy = self._database.get_container_client(TURNS)
        self._counters: ContainerProxy = self._database.get_container_client(COUNTERS)

    @classmethod
    async def from_settings(
        cls, settings: Settings, *, timeout_seconds: float | None = None, clock: Callable[[], float] = time.time
    ) -> CosmosStore:
        """Build the one client for the process (key or Microsoft Entra ID); create containers if asked."""
        if not settings.cosmos_endpoint:
            raise StoreError("COSMOS_ENDPOINT is not set")
        if timeout_seconds is None:
            timeout_seconds = settings.cosmos_timeout_seconds
        credential: Any
        if settings.cosmos_key:
            credential = settings.cosmos_key
        else:
            from azure.identity.aio import DefaultAzureCredential

            # A user-assigned managed identity is chosen by its client id; unset uses the system one.
            credential = DefaultAzureCredential(managed_identity_client_id=settings.azure_client_id)
        client = CosmosClient(
            settings.cosmos_endpoint,
            credential=credential,
            # 429s: the SDK waits the server's retry-after, at most 3 times and ~1 s in total; the
            # per-call deadline below is the hard bound (a retry-after may be longer than that).
            retry_throttle_total=3,
            retry_throttle_backoff_max=1,
            retry_total=2,
            connection_timeout=timeout_seconds,
            user_agent_suffix="pharmabot",
        )
        store = cls(
            client=client,
            database=settings.cosmos_database,
            credential=None if settings.cosmos_key else credential,
            timeout_seconds=timeout_seconds,
            clock=clock,
        )
        if settings.cosmos_create_containers:
            try:
                await store.create_containers()
            except BaseException:
                await store.close()
                raise
        return store

    async def create_containers(self) -> None:
        """Create the database and the three containers if missing (development; infra does it in production)."""
        try:
            async with asyncio.timeout(30):  # start-up only, so more patient than a request
                await self._create_containers()
        except TimeoutError as exc:
            raise StoreError("Cosmos DB create containers timed out") from exc
        except CosmosHttpResponseError as exc:
            _raise(exc, "create containers")
        except AzureError as exc:
            raise StoreError(f"Cosmos DB unreachable: {type(exc).__name__}") from exc

    async def _create_containers(self) -> None:
        database = await self._client.create_database_if_not_exists(self._database.id)
        await database.create_container_if_not_exists(
            SESSIONS, partition_key=PartitionKey(path="/id"), default_ttl=DEFAULT_TTL_SECONDS
        )
        await database.create_container_if_not_exists(
            TURNS, partition_key=PartitionKey(path="/sessionKey"), default_ttl=DEFAULT_TTL_SECONDS
        )
        # -1: TTL on, items live until their own `ttl` (each counter sets the window).
        await database.create_container_if_not_exists(COUNTERS, partition_key=PartitionKey(path="/id"), default_ttl=-1)

    @asynccontextmanager
    async def _call(self, what: str) -> AsyncIterator[None]:
        """Bound a store operation by the deadline and map SDK errors to the app's errors."""
        try:
            async with asyncio.timeout(self._timeout):
                yield
        except TimeoutError as exc:
            raise StoreError(f"Cosmos DB {what} timed out after {self._timeout:g}s") from exc
        except CosmosHttpResponseError as exc:
            _raise(exc, what)
        except AzureError as exc:
            raise StoreError(f"Cosmos DB {what} failed: {type(exc).__name__}") from exc

    async def check(self) -> None:
        async with self._call("check"):
            await self._database.read()

    async def claim_session(self, *, owner: str, session_id: str) -> bool:
        async with self._call("claim"):
            return await self._claim(owner=owner, session_id=session_id)

    async def _claim(self, *, owner: str, session_id: str) -> bool:
        now = _timestamp(datetime.now(UTC))
        item = {"id": item_id(session_id), "sessionId": session_id, "owner": owner, "createdAt": now}
        for _ in range(2):
            try:
                await self._sessions.create_item(item)
                return True
            except CosmosHttpResponseError as exc:
                if _status(exc) != 409:
                    raise
            existing = await self._read(self._sessions, item["id"])
            if existing is not None:
                return existing.get("owner") == owner
            # Deleted between our create and read: try once more.
        return False

    async def add_turn(self, turn: Turn) -> None:
        async with self._call("write"):
            await self._touch_or_claim(owner=turn.owner, session_id=turn.session_id)
            key = session_key(turn.owner, turn.session_id)
            body = {
                "id": item_id(turn.turn_id),
                "sessionKey": key,
                "createdAt": _timestamp(turn.created_at),
                "turn": turn.model_dump(mode="json"),
            }
            # Upsert: writing the same turn again (a retried request) replaces it, as in SQLite.
            await self._turns.upsert_item(body)

    async def _touch_or_claim(self, *, owner: str, session_id: str) -> None:
        """Renew the session's TTL if OWNER owns it, claim it if new; NotFoundError if another caller owns it."""
        sid = item_id(session_id)
        for _ in range(2):
            try:
                # The filter makes the owner check and the update one atomic server-side step (412 if not owner).
                await self._sessions.patch_item(
                    sid,
                    partition_key=sid,
                    patch_operations=[{"op": "set", "path": "/lastTurnAt", "value": _timestamp(datetime.now(UTC))}],
                    filter_predicate=f"FROM c WHERE c.owner = {json.dumps(owner)}",
                )
                return
            except CosmosHttpResponseError as exc:
                if _status(exc) == 412:
                    raise NotFoundError("session not found") from None
                if _status(exc) != 404:
                    raise
            if await self._claim(owner=owner, session_id=session_id):
                return
        raise NotFoundError("session not found")

    async def list_turns(self, *, owner: str, session_id: str, limit: int | None = None) -> list[Turn]:
        if limit is not None and limit <= 0:
            return []
        key = session_key(owner, session_id)
        # The partition key is also named in WHERE: required by the test server, harmless on Cosmos DB.
        query = "SELECT c.turn FROM c WHERE c.sessionKey = @key ORDER BY c.createdAt DESC"
        parameters: list[dict[str, object]] = [{"name": "@key", "value": key}]
        if limit is not None:
            query = query.replace("SELECT ", "SELECT TOP @n ", 1)
            parameters.append({"name": "@n", "value": limit})
        async with self._call("read"):
            rows = [
                row["turn"] async for row in self._turns.query_items(query, parameters=parameters, partition_key=key)
            ]
        return [Turn.model_validate(row) for row in reversed(rows)]

    async def session_exists(self, *, owner: str, session_id: str) -> bool:
        async with self._call("read"):
            item = await self._read(self._sessions, item_id(session_id))
        return item is not None and item.get("owner") == owner

    async def delete_session(self, *, owner: str, session_id: str) -> int:
        sid = item_id(session_id)
        key = session_key(owner, session_id)
        async with self._call("delete"):
            session = await self._read(self._sessions, sid)
            if session is None or session.get("owner") != owner:
                return 0
            ids = [
                row["id"]
                async for row in self._turns.query_items(
                    "SELECT c.id FROM c WHERE c.sessionKey = @key",
                    parameters=[{"name": "@key", "value": key}],
                    partition_key=key,
                )
            ]
            removed = sum(await asyncio.gather(*(self._delete(self._turns, i, key) for i in ids)))
            # If-Match: delete only the session item that was checked; a concurrent re-claim wins (409).
            try:
                await self._sessions.delete_item(
                    sid, partition_key=sid, etag=session["_etag"], match_condition=MatchConditions.IfNotModified
                )
            except CosmosHttpResponseError as exc:
                if _status(exc) != 404:
                    raise
        return removed

    async def increment(self, *, key: str, amount: int, window_seconds: int) -> int:
        return await self._increment(key=key, amount=amount, window_seconds=window_seconds, now=self._clock())

    async def increment_many(self, *, items: Sequence[tuple[str, int, int]]) -> list[int]:
        keys = [key for key, _, _ in items]
        if len(set(keys)) != len(keys):
            raise ValueError("increment_many needs distinct keys")
        now = self._clock()
        # Each counter is its own item and partition (no cross-partition batch): patch them concurrently.
        return list(
            await asyncio.gather(
                *(self._increment(key=key, amount=amount, window_seconds=w, now=now) for key, amount, w in items)
            )
        )

    async def _increment(self, *, key: str, amount: int, window_seconds: int, now: float) -> int:
        start = int(now // window_seconds) * window_seconds
        cid = "c-" + hashlib.sha256(f"{key}\n{window_seconds}\n{start}".encode()).hexdigest()
        operations = [{"op": "incr", "path": "/value", "value": amount}]
        async with self._call("counter"):
            for _ in range(2):
                try:
                    item = await self._counters.patch_item(cid, partition_key=cid, patch_operations=operations)
                    return int(item["value"])
                except CosmosHttpResponseError as exc:
                    if _status(exc) != 404:
                        raise
                # Lives to the end of its window (plus a little slack), then TTL removes it.
                ttl = max(1, int(start + window_seconds - now) + 1)
                body = {"id": cid, "key": key, "windowStart": start, "value": amount, "ttl": ttl}
                try:
                    await self._counters.create_item(body)
                    return amount
                except CosmosHttpResponseError as exc:
                    if _status(exc) != 409:
                        raise
                    # Another request created it first: go round and increment it.
        raise StoreError("Cosmos DB counter could not be updated")

    async def _read(self, container: ContainerProxy, iid: str) -> dict[str, Any] | None:
        try:
            item: dict[str, Any] = await container.read_item(iid, partition_key=iid)
        except CosmosHttpResponseError as exc:
            if _status(exc) == 404:
                return None
            raise
        return item

    async def _delete(self, container: ContainerProxy, iid: str, partition: str) -> int:
        try:
            await container.delete_item(iid, partition_key=partition)
        except CosmosHttpResponseError as exc:
            if _status(exc) == 404:
                return 0
            raise
        return 1

    async def close(self) -> None:
        await self._client.close()
        if self._credential is not None:
            await self._credential.close()
            self._credential = None


def _raise(exc: CosmosHttpResponseError, what: str) -> NoReturn:
    """Map a Cosmos DB HTTP error to the app's error hierarchy."""
    status = _status(exc)
    if status == 412:
        raise ConcurrencyError("the item changed meanwhile; retry the request") from exc
    if status == 429:
        raise StoreError(
            f"Cosmos DB is throttling {what} requests", headers={"Retry-After": "1"}, details={"status": 429}
        ) from exc
    if status in (401, 403):
        raise StoreError(f"Cosmos DB refused access for {what} (check the data-plane role)") from exc
    raise StoreError(f"Cosmos DB {what} failed with status {status}") from exc
