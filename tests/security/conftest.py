"""An app built by create_app on a temporary SQLite store, plus a small test-only router.

The real routers (chat, search, interactions) live elsewhere; these stand-ins use the security
dependencies exactly as those routers do, so what is tested here is the wiring they get.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Request
from pydantic import BaseModel, Field

from pharmabot.config import load_settings
from pharmabot.main import create_app
from pharmabot.security.auth import CallerDep, require_session_owner
from pharmabot.security.rate_limiter import admit_chat_turn, charge_generated_chars, check_chat_budget
from pharmabot.services import ServicesDep


class EchoRequest(BaseModel):
    message: str = Field(min_length=1, max_length=2000)
    session_id: str | None = Field(default=None, min_length=1, max_length=64)


router = APIRouter()


@router.post("/api/chat/echo")
async def chat_echo(body: EchoRequest, request: Request, caller: CallerDep, services: ServicesDep) -> dict[str, Any]:
    if body.session_id:
        await require_session_owner(services.store, caller, body.session_id, create=True)
        # As the chat route does: session limits and the budget in one round-trip.
        await admit_chat_turn(services, caller, body.session_id, request=request)
    else:
        await check_chat_budget(services, caller, request=request)
    answer = body.message  # stands in for generation
    await charge_generated_chars(services, caller, len(answer))
    return {"answer": answer, "caller": caller.id, "kind": caller.kind}


@router.post("/api/search/echo")
async def search(body: EchoRequest, caller: CallerDep) -> dict[str, Any]:
    return {"caller": caller.id}


@router.get("/api/things")
async def things(caller: CallerDep) -> dict[str, Any]:
    return {"caller": caller.id, "kind": caller.kind}


@router.get("/api/boom")
async def boom() -> None:
    raise RuntimeError("secret internals")


AppFactory = Callable[..., AbstractAsyncContextManager[tuple[FastAPI, httpx.AsyncClient]]]


@pytest.fixture
def make_app(tmp_path: Path) -> AppFactory:
    """Start create_app (lifespan included) with settings overrides and give an HTTP client for it."""

    @asynccontextmanager
    async def factory(
        *, db: Path | None = None, client: tuple[str, int] = ("203.0.113.7", 5000), **overrides: Any
    ) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
        settings = load_settings(sqlite_path=db or tmp_path / "state.sqlite", **overrides)
        app = create_app(settings)
        app.include_router(router)
        transport = httpx.ASGITransport(app=app, client=client)
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://testserver") as http,
        ):
            yield app, http

    return factory
