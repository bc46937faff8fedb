"""The state store interface: conversations, turns and rate-limit counters.

SQLite implements it locally and Cosmos DB in the cloud; nothing outside `pharmabot.store` knows
which one is in use.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, Field

from pharmabot.schemas.common import Citation


class TurnStatus(StrEnum):
    complete = "complete"
    failed = "failed"
    cancelled = "cancelled"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Turn(BaseModel):
    """One question and its answer, written once when the answer has ended (never half-written)."""

    session_id: str
    owner: str = Field(description="The caller that owns the session (API key id or `anonymous`).")
    turn_id: str
    created_at: datetime = Field(default_factory=utcnow)
    message: str
    answer: str = ""
    intent: str = ""
    drugs: list[str] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    status: TurnStatus = TurnStatus.complete
    error_code: str | None = None


class Store(Protocol):
    """What the app needs from a state store."""

    name: str

    async def check(self) -> None:
        """Cheap readiness probe; raises StoreError when the backend is unreachable."""

    async def claim_session(self, *, owner: str, session_id: str) -> bool:
        """Create the session for OWNER if new; False when another caller owns it."""

    async def add_turn(self, turn: Turn) -> None:
        """Store a finished turn."""

    async def list_turns(self, *, owner: str, session_id: str, limit: int | None = None) -> list[Turn]:
        """A session's turns, oldest first; with LIMIT, only the latest LIMIT of them."""

    async def session_exists(self, *, owner: str, session_id: str) -> bool:
        """True when OWNER has a session with this id."""

    async def delete_session(self, *, owner: str, session_id: str) -> int:
        """Erase a session and its turns; returns the number of turns removed."""

    async def increment(self, *, key: str, amount: int, window_seconds: int) -> int:
        """Atomically add AMOUNT to the counter KEY (which expires after the window); return the total."""

    async def increment_many(self, *, items: Sequence[tuple[str, int, int]]) -> list[int]:
        """`increment` for each (key, amount, window_seconds) in one round-trip; totals in ITEMS' order.

        Keys must be distinct (ValueError otherwise): each total is that of its own counter.
        """

    async def close(self) -> None:
        """Release connections."""
