"""The app's long-lived clients, built once in the lifespan and reached through dependencies."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request

from pharmabot.answer import create_writer
from pharmabot.answer.base import AnswerWriter
from pharmabot.config import Settings
from pharmabot.errors import ConfigError, IndexMissingError
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retrieval import Retriever, open_retriever
from pharmabot.retrieval.base import LabelTextSource
from pharmabot.store import Store, open_store

if TYPE_CHECKING:
    from pharmabot.interactions.engine import InteractionEngine
    from pharmabot.security.prompt_shields import ShieldGuard

HealthCheck = Callable[[], Awaitable[Any]]

log = logging.getLogger("pharmabot.services")


@dataclass
class Services:
    """Everything a request handler may need; one instance per process."""

    settings: Settings
    store: Store
    knowledge: KnowledgeBase
    retriever: Retriever
    writer: AnswerWriter
    health_checks: dict[str, tuple[str, HealthCheck]] = field(default_factory=dict)
    interactions: InteractionEngine | None = None
    shield: ShieldGuard | None = None
    _warming: threading.Thread | None = field(default=None, repr=False)

    @classmethod
    async def start(cls, settings: Settings) -> Services:
        knowledge = open_knowledge(settings)
        try:
            retriever = await open_retriever(settings, knowledge)
        except BaseException:
            knowledge.close()
            raise
        store = await open_store(settings)
        services = cls(
            settings=settings,
            store=store,
            knowledge=knowledge,
            retriever=retriever,
            writer=create_writer(settings),
            interactions=knowledge.interaction_engine(),
        )
        services.health_checks["store"] = (store.name, store.check)
        services.health_checks["retriever"] = (retriever.name, retriever.check)
        services.health_checks["writer"] = (services.writer.name, services.writer.check)
        if settings.azure_content_safety_endpoint:
            # Imported only when configured: httpx and azure-identity stay out of the default cold start.
            from pharmabot.security.prompt_shields import create_guard

            services.shield = create_guard(settings)
            if services.shield is not None:
                services.health_checks["prompt_shields"] = (services.shield.name, services.shield.check)
        services._warming = threading.Thread(target=services._warm, name="pharmabot-warm", daemon=True)
        services._warming.start()
        return services

    @property
    def label_text(self) -> LabelTextSource | None:
        """Where drug pages read section texts the local index does not hold: the retriever, when it can."""
        return self.retriever if isinstance(self.retriever, LabelTextSource) else None

    def _warm(self) -> None:
        """Load the catalog, interaction tables and safety rules off the event loop: a cold worker answers at once.

        A request that needs them before this ends waits for them (they are built once, under a lock).
        """
        from pharmabot.agents import red_flags
        from pharmabot.security.sanitizer import detect_injection

        try:
            # Every message passes both checks: compile all their rules now.
            red_flags.warm()
            detect_injection("start-up")
            self.knowledge.warm()
            if self.interactions is not None:
                self.interactions.warm()
        except Exception:  # the request that needs them will raise it again, with a proper error body
            log.warning("background load of the catalog or interaction tables failed", exc_info=True)

    async def warmed(self) -> None:
        """Wait until the background load of start-up has ended."""
        if self._warming is not None:
            await asyncio.to_thread(self._warming.join)

    async def close(self) -> None:
        await self.warmed()  # the loads read the index: let them end before it is closed
        await self.writer.close()
        if self.shield is not None:
            await self.shield.close()
        await self.retriever.close()
        self.knowledge.close()
        await self.store.close()

    async def run_health_checks(self, *, seconds: float = 2.0) -> dict[str, dict[str, Any]]:
        """Run every backend check concurrently, each bounded by SECONDS.

        A check fails by raising; one that returns a dict reports its own fields, e.g. `status:
        degraded` for a layer whose fallback is in effect.
        """

        async def one(backend: str, check: HealthCheck) -> dict[str, Any]:
            started = time.perf_counter()
            try:
                reported = await asyncio.wait_for(check(), seconds)
            except TimeoutError:
                return {"status": "fail", "backend": backend, "error": f"timed out after {seconds:g}s"}
            except Exception as exc:  # a failed check is reported, never raised
                return {"status": "fail", "backend": backend, "error": type(exc).__name__}
            result: dict[str, Any] = {
                "status": "ok",
                "backend": backend,
                "latency_ms": round((time.perf_counter() - started) * 1000, 2),
            }
            if isinstance(reported, dict):
                result.update(reported)
            return result

        names = list(self.health_checks)
        results = await asyncio.gather(*(one(*self.health_checks[n]) for n in names))
        return dict(zip(names, results, strict=True))


def open_knowledge(settings: Settings) -> KnowledgeBase:
    """Open the label index; building it takes seconds, so that is the run command's job, not start-up's."""
    try:
        return KnowledgeBase.open(settings.index_path)
    except IndexMissingError as exc:
        raise ConfigError(exc.message) from None


async def get_services(request: Request) -> Services:
    """The process's services (async: a sync dependency would cost a thread-pool hop per request)."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
