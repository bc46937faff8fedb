"""`POST /api/chat`: an answer streamed as Server-Sent Events (contract in pharmabot.schemas.chat)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from sse_starlette import EventSourceResponse, ServerSentEvent

from pharmabot.api.errors import error_responses
from pharmabot.schemas import chat as chat_schema
from pharmabot.schemas.chat import DONE_SENTINEL, ChatEvent, ChatRequest, StreamEvent, TokenEvent
from pharmabot.schemas.common import ErrorResponse
from pharmabot.security.auth import Caller, CallerDep, require_session_owner
from pharmabot.security.rate_limiter import admit_chat_turn, charge_generated_chars
from pharmabot.services import Services, ServicesDep

if TYPE_CHECKING:
    from pharmabot.agents.triage import TriageAgent

router = APIRouter(prefix="/api", tags=["chat"], responses=error_responses(401, 413, 415, 503))


_END = object()


async def coalesce_tokens(events: AsyncIterator[ChatEvent], *, buffer: int = 1024) -> AsyncIterator[ChatEvent]:
    """EVENTS, with token events that are already waiting sent as one; nothing is ever held back.

    The agent runs in its own task, one step ahead: a model streaming slowly gives one event per
    token as before, a fast one gives a few large events instead of one SSE frame, middleware pass
    and socket write per token (most of a streamed answer's CPU time).
    """
    queue: asyncio.Queue[object] = asyncio.Queue(maxsize=buffer)

    async def pump() -> None:
        try:
            async for event in events:
                await queue.put(event)
        except Exception as exc:  # handed to the consumer, raised there
            await queue.put(exc)
            return
        await queue.put(_END)

    task = asyncio.create_task(pump())
    carry: object | None = None
    try:
        while True:
            item, carry = (carry if carry is not None else await queue.get()), None
            if item is _END:
                return
            if isinstance(item, Exception):
                raise item
            if isinstance(item, TokenEvent):
                text = [item.delta]
                while not queue.empty():
                    following = queue.get_nowait()
                    if not isinstance(following, TokenEvent):
                        carry = following
                        break
                    text.append(following.delta)
                yield item if len(text) == 1 else TokenEvent(delta="".join(text))
            elif isinstance(item, ChatEvent):
                yield item
    finally:
        if not task.done():
            # The client went away: stop the agent where it is (it records the turn as cancelled).
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def _events(agent: TriageAgent, message: str, *, services: Services, caller: Caller) -> AsyncIterator[Any]:
    generated = 0
    try:
        async for event in coalesce_tokens(agent.stream(message)):
            if isinstance(event, TokenEvent):
                generated += len(event.delta)
            yield event.sse()
        yield {"data": DONE_SENTINEL}
    finally:
        await charge_generated_chars(services, caller, generated)


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
    # Imported on the first chat, not at start-up: the agent pulls in the intent, answer and
    # interaction modules, which a cold start serving /health does not need.
    from pharmabot.agents.triage import TriageAgent, admit_message, catalog_names

    message = await admit_message(body.message, shield=services.shield, names=catalog_names(services))
    await require_session_owner(services.store, caller, body.session_id, create=True)
    await admit_chat_turn(services, caller, body.session_id, request=request)
    agent = TriageAgent(session_id=body.session_id, services=services, owner=caller.id)
    return EventSourceResponse(
        _events(agent, message, services=services, caller=caller),
        ping=services.settings.heartbeat_seconds,
        ping_message_factory=lambda: ServerSentEvent(comment="heartbeat"),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
