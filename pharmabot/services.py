"""The app's long-lived clients, built once in the lifespan and reached through `pharmabot.api.deps`."""

from __future__ import annotations

import asyncio
import importlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

from pharmabot.answer import create_writer
from pharmabot.config import Settings, WriterKind
from pharmabot.errors import ConfigError, IndexMissingError
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.lazy import Lazy
from pharmabot.retrieval import open_retriever
from pharmabot.retrieval.base import LabelTextSource, Retriever
from pharmabot.store import Store, open_store

if TYPE_CHECKING:
    from pharmabot.answer.base import AnswerWriter
    from pharmabot.chat.service import ChatService
    from pharmabot.interactions.engine import InteractionEngine
    from pharmabot.security.prompt_shields import ShieldGuard

HealthCheck = Callable[[], Awaitable[Any]]

log = logging.getLogger("pharmabot.services")


class Services:
    """Everything a request handler may need; one instance per process.

    The answer writer and the interaction engine are built on first use (or by the background warm-up):
    their modules are most of the app's import time, and a cold worker's first request, often the
    platform's health probe, needs neither.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        store: Store,
        knowledge: KnowledgeBase,
        retriever: Retriever,
        writer: AnswerWriter | Lazy[AnswerWriter],
        interactions: InteractionEngine | Lazy[InteractionEngine | None] | None = None,
        shield: ShieldGuard | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.knowledge = knowledge
        self.retriever = retriever
        self._writer = writer if isinstance(writer, Lazy) else Lazy.of(writer)
        self._interactions: Lazy[InteractionEngine | None] = (
            interactions if isinstance(interactions, Lazy) else Lazy.of(interactions)
        )
        self.shield = shield
        self._chat: ChatService | None = None
        self.health_checks: dict[str, tuple[str, HealthCheck]] = {}
        self._warming: threading.Thread | None = None
        self._warming_lock = threading.Lock()

    @classmethod
    async def start(cls, settings: Settings) -> Services:
        # The index (its reads run off the event loop) and the store open at the same time.
        opened_knowledge, opened_store = await asyncio.gather(
            asyncio.to_thread(open_knowledge, settings), open_store(settings), return_exceptions=True
        )
        if isinstance(opened_knowledge, BaseException) or isinstance(opened_store, BaseException):
            if not isinstance(opened_knowledge, BaseException):
                opened_knowledge.close()
            if not isinstance(opened_store, BaseException):
                await opened_store.close()
            failed = opened_knowledge if isinstance(opened_knowledge, BaseException) else opened_store
            assert isinstance(failed, BaseException)
            raise failed
        knowledge, store = opened_knowledge, opened_store
        try:
            retriever = await open_retriever(settings, knowledge)
        except BaseException:
            knowledge.close()
            await store.close()
            raise
        services = cls(
            settings=settings,
            store=store,
            knowledge=knowledge,
            retriever=retriever,
            writer=_writer_for(settings),
            interactions=Lazy(lambda: _open_engine(knowledge)),
        )
        services.health_checks["store"] = (store.name, store.check)
        services.health_checks["retriever"] = (retriever.name, retriever.check)
        services.health_checks["writer"] = (settings.answer_writer.value, services._check_writer)
        if settings.azure_content_safety_endpoint:
            # Imported only when configured: httpx and azure-identity stay out of the default cold start.
            from pharmabot.security.prompt_shields import create_guard

            services.shield = create_guard(settings)
            if services.shield is not None:
                services.health_checks["prompt_shields"] = (services.shield.name, services.shield.check)
        return services

    @property
    def writer(self) -> AnswerWriter:
        """The answer writer (the extractive one is imported on first use)."""
        return self._writer.get()

    @writer.setter
    def writer(self, writer: AnswerWriter) -> None:
        self._writer = Lazy.of(writer)

    @property
    def interactions(self) -> InteractionEngine | None:
        """The interaction engine over the index's tables; None for an index without them."""
        return self._interactions.get()

    @interactions.setter
    def interactions(self, engine: InteractionEngine | None) -> None:
        self._interactions = Lazy.of(engine)

    @property
    def chat(self) -> ChatService:
        """The chat service, built once, on first use (its modules are the app's largest import)."""
        if self._chat is None:
            from pharmabot.chat.service import ChatService

            # It reads the clients above at each use, so the lazily built ones stay lazy and can be wrapped.
            self._chat = ChatService(backends=self)
        return self._chat

    @property
    def label_text(self) -> LabelTextSource | None:
        """Where drug pages read section texts the local index does not hold: the retriever, when it can."""
        return self.retriever if isinstance(self.retriever, LabelTextSource) else None

    async def _check_writer(self) -> None:
        # A writer not built yet has nothing to report: its settings were validated at start-up.
        if self._writer.ready:
            await self.writer.check()

    def start_warming(self, *, first: Sequence[Callable[[], object]] = ()) -> None:
        """Load what requests will need (FIRST, then rules, catalog, writer, interaction tables) in the background.

        Started after the app's first response, so that response never shares the CPU with it; a request
        that needs something before this ends builds it itself (each is built once, under a lock).
        """
        with self._warming_lock:
            if self._warming is None:
                self._warming = threading.Thread(
                    target=self._warm, args=(tuple(first),), name="pharmabot-warm", daemon=True
                )
                self._warming.start()

    def _warm(self, first: Sequence[Callable[[], object]]) -> None:
        from pharmabot.safety import red_flags
        from pharmabot.safety.harmful import detect_harmful
        from pharmabot.safety.injection import detect_injection

        try:
            for step in first:
                step()
            # Every message passes these checks: compile all their rules now.
            red_flags.warm()
            detect_injection("start-up")
            detect_harmful("start-up")
            self.knowledge.warm()
            importlib.import_module("pharmabot.retrieval.query")  # the question vocabulary, compiled on import
            self.writer  # noqa: B018  (built on first access)
            engine = self.interactions
            if engine is not None:
                engine.warm()
        except Exception:  # the request that needs them will raise it again, with a proper error body
            log.warning("background load of the catalog or interaction tables failed", exc_info=True)

    async def warmed(self) -> None:
        """Start the background load if it has not started, and wait until it has ended."""
        self.start_warming()
        await self._join_warming()

    async def _join_warming(self) -> None:
        if self._warming is not None:
            await asyncio.to_thread(self._warming.join)

    async def close(self) -> None:
        await self._join_warming()  # the loads read the index: let them end before it is closed
        if self._writer.ready:
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


def _open_engine(knowledge: KnowledgeBase) -> InteractionEngine | None:
    # Imported on first use: the engine's modules (lexicon, rules) are a large share of the app's import time.
    from pharmabot.interactions.engine import open_engine

    return open_engine(knowledge)


def _writer_for(settings: Settings) -> Lazy[AnswerWriter]:
    """The configured writer: a model writer is built now (its client settings fail fast), the extractive on use."""
    if settings.answer_writer is WriterKind.extractive:
        return Lazy(lambda: create_writer(settings))
    return Lazy.of(create_writer(settings))


def open_knowledge(settings: Settings) -> KnowledgeBase:
    """Open the label index; building it takes seconds, so that is the run command's job, not start-up's."""
    try:
        return KnowledgeBase.open(settings.index_path)
    except IndexMissingError as exc:
        raise ConfigError(exc.message) from None
