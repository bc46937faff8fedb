"""`POST /api/chat`: an answer streamed as Server-Sent Events (contract in pharmabot.schemas.chat)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from sse_starlette import EventSourceResponse, ServerSentEvent

from pharmabot.api.deps import CallerDep, ServicesDep
from pharmabot.api.errors import error_responses
from pharmabot.chat.service import Admitted
from pharmabot.chat.sessions import require_session_owner
from pharmabot.chat.streaming import coalesce_tokens
from pharmabot.schemas import chat as chat_schema
from pharmabot.schemas.chat import DONE_SENTINEL, ChatRequest, StreamEvent, TokenEvent
from pharmabot.schemas.common import ErrorResponse
from pharmabot.security.auth import Caller
from pharmabot.security.rate_limits import admit_chat_turn, charge_generated_chars
from pharmabot.services import Services

router = APIRouter(prefix="/api", tags=["chat"], responses=error_responses(401, 413, 415, 503))


async def _events(message: Admitted, *, session_id: str, services: Services, caller: Caller) -> AsyncIterator[Any]:
    generated = 0
    try:
        turn = services.chat.stream(session_id=session_id, owner=caller.id, message=message)
        async for event in coalesce_tokens(turn):
            if isinstance(event, TokenEvent):
                generated += len(event.delta)
            yield event.sse()
        yield {"data": DONE_SENTINEL}
    finally:
        await charge_generated_chars(
            store=services.store, rules=services.settings.rate_limits, caller=caller, n=generated
        )


@router.post(
    "/chat",
    summary="Ask a question; the answer streams as Server-Sent Events",
    description=chat_schema.__doc__ or "",
    response_class=EventSourceResponse,
    responses={
        # In OpenAPI 3.1 an event stream's schema describes each event, not the whole body.
        200: {
            "content": {"text/event-stream": {"schema": StreamEvent.model_json_schema()}},
            "description": "The SSE stream (the schema is that of one event).",
        },
        400: {
            "model": ErrorResponse,
            "description": "A prompt attack (`prompt_injection`), a request the assistant refuses (`unsafe_request`), "
            "or a body that is not parseable JSON.",
        },
        404: {"model": ErrorResponse, "description": "The session belongs to another caller."},
        429: {"model": ErrorResponse, "description": "Rate limit or daily answer budget reached."},
    },
)
async def chat(body: ChatRequest, request: Request, caller: CallerDep, services: ServicesDep) -> EventSourceResponse:
    message = await services.chat.admit(body.message)
    await require_session_owner(services.store, caller, body.session_id, create=True)
    await admit_chat_turn(
        store=services.store,
        rules=services.settings.rate_limits,
        caller=caller,
        session_id=body.session_id,
        request=request,
    )
    return EventSourceResponse(
        _events(message, session_id=body.session_id, services=services, caller=caller),
        ping=services.settings.heartbeat_seconds,
        ping_message_factory=lambda: ServerSentEvent(comment="heartbeat"),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
