"""Store fixtures: the same contract runs against SQLite and against Cosmos DB (the npm test server)."""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from pharmabot.config import Settings, load_settings
from pharmabot.store import Store
from pharmabot.store.sqlite import SqliteStore
from tests.cosmos_server.server import EMULATOR_KEY, cosmos_server

Clock = Callable[[], float]
StoreFactory = Callable[..., Awaitable[Store]]
_databases = itertools.count()


@pytest.fixture(scope="session")
def cosmos_endpoint() -> Iterator[str]:
    with cosmos_server() as endpoint:
        yield endpoint


def cosmos_settings(endpoint: str, **overrides: object) -> Settings:
    """Settings for a Cosmos store with a fresh database, so tests never see each other's items."""
    values: dict[str, object] = {
        "store": "cosmos",
        "cosmos_endpoint": endpoint,
        "cosmos_key": EMULATOR_KEY,
        "cosmos_database": f"test{next(_databases)}",
        "cosmos_create_containers": True,
    }
    values.update(overrides)
    return load_settings(**values)


@pytest.fixture(params=["sqlite", "cosmos"])
async def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[StoreFactory]:
    """Open stores of the parametrized kind (optionally with a fake clock); all are closed afterwards."""
    opened: list[Store] = []

    async def factory(*, clock: Clock = time.time) -> Store:
        store: Store
        if request.param == "sqlite":
            store = await SqliteStore(path=tmp_path / f"state{len(opened)}.sqlite", clock=clock).open()
        else:
            from pharmabot.store.cosmos import CosmosStore

            endpoint = request.getfixturevalue("cosmos_endpoint")
            store = await CosmosStore.from_settings(cosmos_settings(endpoint), clock=clock)
        opened.append(store)
        return store

    yield factory
    for store in opened:
        await store.close()


@pytest.fixture
async def store(make_store: StoreFactory) -> Store:
    return await make_store()
