"""The app's long-lived clients, built once in the lifespan and reached through dependencies."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from pharmabot.config import Settings
from pharmabot.store import Store, open_store

if TYPE_CHECKING:
    from pharmabot.interactions.engine import InteractionEngine

HealthCheck = Callable[[], Awaitable[Any]]


@dataclass
class Services:
    """Everything a request handler may need; one instance per process."""

    settings: Settings
    store: Store
    health_checks: dict[str, tuple[str, HealthCheck]] = field(default_factory=dict)
    interactions: InteractionEngine | None = None

    @classmethod
    async def start(cls, settings: Settings) -> Services:
        store = await open_store(settings)
        services = cls(settings=settings, store=store)
        services.health_checks["store"] = (store.name, store.check)
        return services

    async def close(self) -> None:
        await self.store.close()

    async def run_health_checks(self, *, seconds: float = 2.0) -> dict[str, dict[str, Any]]:
        """Run every backend check concurrently, each bounded by SECONDS."""

        async def one(backend: str, check: HealthCheck) -> dict[str, Any]:
            started = time.perf_counter()
            try:
                await asyncio.wait_for(check(), seconds)
            except TimeoutError:
                return {"status": "fail", "backend": backend, "error": f"timed out after {seconds:g}s"}
            except Exception as exc:  # a failed check is reported, never raised
                return {"status": "fail", "backend": backend, "error": type(exc).__name__}
            return {
                "status": "ok",
                "backend": backend,
                "latency_ms": round((time.perf_counter() - started) * 1000, 2),
            }

        names = list(self.health_checks)
        results = await asyncio.gather(*(one(*self.health_checks[n]) for n in names))
        return dict(zip(names, results, strict=True))


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
