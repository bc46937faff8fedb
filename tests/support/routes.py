"""Test-only routes that fail in each way real routes can; added to an app built by the tests."""

from __future__ import annotations

from fastapi import FastAPI
from pydantic import BaseModel, Field

from pharmabot.errors import (
    BadRequestError,
    NotFoundError,
    PharmaBotError,
    PromptInjectionError,
    RateLimitedError,
    StoreError,
)
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
