"""Conversation memory: who owns a session; read its turns, or erase it (the person's right to erasure)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from pharmabot.api.deps import CallerDep, ServicesDep
from pharmabot.api.errors import error_responses
from pharmabot.errors import NotFoundError
from pharmabot.schemas.chat import SESSION_ID_PATTERN, SessionDeleted, SessionMessages, TurnOut
from pharmabot.schemas.common import ErrorResponse
from pharmabot.security.auth import Caller
from pharmabot.store import Store


async def require_session_owner(store: Store, caller: Caller, session_id: str, *, create: bool) -> None:
    """Make sure CALLER owns SESSION_ID (claiming it when CREATE); 404 for anyone else's session.

    Another caller's session answers exactly like a missing one, so ids cannot be probed.
    """
    if create:
        owned = await store.claim_session(owner=caller.id, session_id=session_id)
    else:
        owned = await store.session_exists(owner=caller.id, session_id=session_id)
    if not owned:
        raise NotFoundError("No such session.", code="session_not_found")


router = APIRouter(prefix="/api/sessions", tags=["sessions"], responses=error_responses(401, 429, 503))

SessionId = Annotated[str, Path(pattern=SESSION_ID_PATTERN, description="The conversation id.")]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No such session for this caller."}
}


@router.get("/{session_id}/messages", response_model=SessionMessages, responses=_NOT_FOUND)
async def session_messages(
    session_id: SessionId,
    caller: CallerDep,
    services: ServicesDep,
    limit: Annotated[int, Query(ge=1, le=500, description="At most this many of the latest turns.")] = 100,
) -> SessionMessages:
    """A conversation's latest turns, oldest first."""
    await require_session_owner(services.store, caller, session_id, create=False)
    turns = await services.store.list_turns(owner=caller.id, session_id=session_id, limit=limit)
    return SessionMessages(session_id=session_id, turns=[TurnOut.model_validate(t.model_dump()) for t in turns])


@router.delete("/{session_id}", response_model=SessionDeleted, responses=_NOT_FOUND)
async def delete_session(session_id: SessionId, caller: CallerDep, services: ServicesDep) -> SessionDeleted:
    """Erase a conversation and every turn in it."""
    await require_session_owner(services.store, caller, session_id, create=False)
    removed = await services.store.delete_session(owner=caller.id, session_id=session_id)
    return SessionDeleted(session_id=session_id, deleted_turns=removed)
