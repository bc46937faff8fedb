"""`TriageAgent`, the original design's name for one chat turn: a thin facade over `ChatService`.

`TriageAgent(session_id=..., services=...).stream(message)` is `services.chat.stream(...)` for that session;
the work (admission, emergencies, intent, retrieval, the writer, storing the turn) is `pharmabot.chat.service`.
Nothing inside the package imports this module, so it sits above everything and creates no import circle.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

from pharmabot.chat.service import Admitted
from pharmabot.schemas.chat import ChatEvent
from pharmabot.services import Services

__all__ = ["TriageAgent"]


class TriageAgent:
    """One chat turn for one session: `async for event in TriageAgent(...).stream(message)`."""

    def __init__(self, *, session_id: str, services: Services, owner: str = "anonymous") -> None:
        self.session_id = session_id
        self.services = services
        self.owner = owner

    def stream(self, message: Admitted | str) -> AsyncGenerator[ChatEvent, None]:
        """Yield the typed SSE events of one answer to MESSAGE (admitted: see `ChatService.admit`)."""
        return self.services.chat.stream(session_id=self.session_id, owner=self.owner, message=message)
