"""State stores behind one interface, chosen by `PHARMABOT_STORE`."""

from __future__ import annotations

from pharmabot.config import Settings, StoreKind
from pharmabot.store.base import Store, Turn, TurnStatus

__all__ = ["Store", "Turn", "TurnStatus", "open_store"]


async def open_store(settings: Settings) -> Store:
    """Open the configured store; SDKs for cloud backends are imported only when chosen."""
    if settings.store is StoreKind.cosmos:
        from pharmabot.store.cosmos import CosmosStore

        return await CosmosStore.from_settings(settings)
    from pharmabot.store.sqlite import SqliteStore

    return await SqliteStore(path=settings.sqlite_path).open()
