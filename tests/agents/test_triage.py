"""`TriageAgent`, the original design's name for a chat turn, is the chat service's turn for one session."""

from __future__ import annotations

from fastapi import FastAPI

from pharmabot.agents.triage import TriageAgent
from pharmabot.chat.service import GREETING_REPLY
from pharmabot.schemas.chat import DoneEvent, MetaEvent, TokenEvent
from pharmabot.services import Services


async def test_stream_runs_the_chat_service_turn_for_its_session(started_app: FastAPI) -> None:
    services: Services = started_app.state.services
    await services.store.claim_session(owner="facade", session_id="s-1")
    agent = TriageAgent(session_id="s-1", services=services, owner="facade")

    events = [event async for event in agent.stream("hello")]

    assert isinstance(events[0], MetaEvent)
    assert (events[0].session_id, events[0].intent) == ("s-1", "greeting")
    assert "".join(e.delta for e in events if isinstance(e, TokenEvent)) == GREETING_REPLY
    assert isinstance(events[-1], DoneEvent)
    (turn,) = await services.store.list_turns(owner="facade", session_id="s-1")
    assert turn.message == "hello"


async def test_an_emergency_is_routed_through_the_facade_too(started_app: FastAPI) -> None:
    services: Services = started_app.state.services
    await services.store.claim_session(owner="facade", session_id="s-2")
    agent = TriageAgent(session_id="s-2", services=services, owner="facade")

    events = [event async for event in agent.stream("my son just swallowed a button battery")]

    assert isinstance(events[0], MetaEvent)
    assert events[0].intent == "emergency"
    assert "1-800-222-1222" in "".join(e.delta for e in events if isinstance(e, TokenEvent))
