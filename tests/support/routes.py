"""Test-only routes added to an app built by the tests.

`add_test_routes`: routes that fail in each way real routes can. `stand_in_router`: stand-ins for the
chat, search and other API routes that use the caller, rate-limit and session dependencies exactly as
the real routers do, so tests of that wiring need no index or answer.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI, Request
from pydantic import BaseModel, Field

from pharmabot.api.deps import CallerDep, ServicesDep
from pharmabot.chat.sessions import require_session_owner
from pharmabot.errors import (
    BadRequestError,
    NotFoundError,
    PharmaBotError,
    PromptInjectionError,
    RateLimitedError,
    StoreError,
)
from pharmabot.security.rate_limits import admit_chat_turn, charge_generated_chars, check_chat_budget
from pharmabot.store import Turn


class Question(BaseModel):
    message: str = Field(min_length=3, max_length=500)
    top_k: int = Field(default=3, ge=1, le=10)


def add_test_routes(app: FastAPI) -> None:
    """Routes that fail in each way the real routes can."""

    @app.post("/_test/echo")
    async def echo(question: Question) -> Question:
        return question

    @app.get("/_test/boom")
    async def boom() -> None:
        raise RuntimeError("unexpected")

    @app.post("/_test/leak")
    async def leak(question: Question) -> None:
        # A bug that lets pydantic's own error escape: its text quotes the input it was given.
        Turn.model_validate({"message": question.message})

    @app.get("/_test/raise/{kind}")
    async def raise_(kind: str) -> None:
        errors: dict[str, PharmaBotError] = {
            "bad": BadRequestError("bad input", details={"field": "message"}),
            "injection": PromptInjectionError("not accepted"),
            "missing": NotFoundError("no such session"),
            "limited": RateLimitedError("slow down", headers={"Retry-After": "30"}),
            "store": StoreError("store down"),
            "base": PharmaBotError("generic"),
        }
        raise errors[kind]


class EchoRequest(BaseModel):
    message: str = Field(min_length=1, max_length=2000)
    session_id: str | None = Field(default=None, min_length=1, max_length=64)


stand_in_router = APIRouter()


@stand_in_router.post("/api/chat/echo")
async def chat_echo(body: EchoRequest, request: Request, caller: CallerDep, services: ServicesDep) -> dict[str, Any]:
    limits = {"store": services.store, "rules": services.settings.rate_limits, "caller": caller}
    if body.session_id:
        await require_session_owner(services.store, caller, body.session_id, create=True)
        # As the chat route does: session limits and the budget in one round-trip.
        await admit_chat_turn(**limits, session_id=body.session_id, request=request)
    else:
        await check_chat_budget(**limits, request=request)
    answer = body.message  # stands in for generation
    await charge_generated_chars(**limits, n=len(answer))
    return {"answer": answer, "caller": caller.id, "kind": caller.kind}


@stand_in_router.post("/api/search/echo")
async def search_echo(body: EchoRequest, caller: CallerDep) -> dict[str, Any]:
    return {"caller": caller.id}


@stand_in_router.get("/api/things")
async def things(caller: CallerDep) -> dict[str, Any]:
    return {"caller": caller.id, "kind": caller.kind}


@stand_in_router.get("/api/boom")
async def boom() -> None:
    raise RuntimeError("secret internals")
