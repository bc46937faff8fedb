"""`POST /api/chat` with PHARMABOT_ANSWER_WRITER=openai, end to end over real HTTP on both sides.

The app runs on uvicorn; its real `openai` SDK client talks to `FakeOpenAIServer`, a local
OpenAI-compatible stand-in written for the tests (no real model can run here) that streams
chat-completion chunks, records every request, and can fail, drop the stream or go slowly. So
these tests assert what the model was sent (label passages, rules, bounded history, nothing from
another session), how a failing or slow model shows on the SSE stream (error event, heartbeats),
and what the store keeps (failed and cancelled turns).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pharmabot.answer.prompts import SYSTEM_PROMPT
from pharmabot.config import load_settings
from pharmabot.main import create_app
from pharmabot.schemas.chat import DONE_SENTINEL
from tests.support.fake_openai import FakeOpenAIServer
from tests.support.servers import serve_in_thread
from tests.support.sse import EventSourceReader, SseEvent, named

RATE_LIMITS = "chat=1000/minute,chat=1000/day,session=1000/minute,session=1000/day"
HEARTBEAT = 0.2
HISTORY_TURNS = 2
CANARY = "pbc-test-deployment-7f3a"


@pytest.fixture(scope="module")
def base_url(
    small_index: Path, tmp_path_factory: pytest.TempPathFactory, fake_server_session: FakeOpenAIServer
) -> Iterator[str]:
    settings = load_settings(
        index_path=small_index,
        sqlite_path=tmp_path_factory.mktemp("chat-openai") / "state.sqlite",
        rate_limits=RATE_LIMITS,
        answer_writer="openai",
        openai_base_url=fake_server_session.base_url + "/v1",
        openai_api_key="test-key",
        openai_model="test-model",
        model_timeout_seconds=5,
        heartbeat_seconds=HEARTBEAT,
        history_turns=HISTORY_TURNS,
        prompt_canary=CANARY,
    )
    with serve_in_thread(create_app(settings)) as url:
        yield url


@pytest.fixture
async def http(base_url: str, fake_server: FakeOpenAIServer) -> Any:
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as client:
        yield client


async def chat(http: httpx.AsyncClient, message: str, session_id: str) -> list[SseEvent]:
    reader = EventSourceReader()
    events: list[SseEvent] = []
    async with http.stream("POST", "/api/chat", json={"message": message, "session_id": session_id}) as response:
        assert response.status_code == 200
        async for chunk in response.aiter_raw():
            events.extend(reader.feed(chunk))
    return events


def tokens(events: list[SseEvent]) -> str:
    return "".join(e.json()["delta"] for e in events if e.event == "token")


def one(events: list[SseEvent], name: str) -> dict[str, Any]:
    (found,) = [e for e in events if e.event == name]
    payload: dict[str, Any] = found.json()
    return payload


async def stored_turns(http: httpx.AsyncClient, session_id: str) -> list[dict[str, Any]]:
    response = await http.get(f"/api/sessions/{session_id}/messages")
    assert response.status_code == 200
    turns: list[dict[str, Any]] = response.json()["turns"]
    return turns


async def test_the_model_answer_streams_and_is_cited_by_the_server(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    fake_server.behaviour.chunks = ["Metformin ", "treats type 2 ", "diabetes [1]."]
    events = await chat(http, "What is metformin used for?", "oa-basic")

    names = [e.event for e in named(events)]
    # Tokens that are already waiting when the stream sends may go out as one event (coalescing).
    assert names[0] == "meta"
    assert names[-3:] == ["citations", "done", "message"]
    assert set(names[1:-3]) == {"token"}
    assert named(events)[-1].data == DONE_SENTINEL
    assert tokens(events) == "Metformin treats type 2 diabetes [1]."
    (citation,) = one(events, "citations")["citations"]
    assert citation["index"] == 1
    assert citation["drug_name"] == "metformin"
    assert citation["url"].endswith(citation["set_id"])


async def test_the_model_request_carries_rules_label_passages_and_the_question(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    await chat(http, "What are the side effects of metformin?", "oa-prompt")

    (request,) = fake_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.body["model"] == "test-model"
    messages = request.body["messages"]
    assert messages[0]["role"] == "system"
    assert messages[0]["content"].startswith(SYSTEM_PROMPT)
    assert f"canary {CANARY}." in messages[0]["content"]  # the deployment's own canary
    data = messages[-1]["content"]
    passages = data[data.index("<label_passages>") : data.index("</label_passages>")]
    assert re.search(r'<passage n="1" drug="metformin" section="[A-Z ]+"', passages)
    assert "dailymed.nlm.nih.gov" in passages
    question = data[data.index("<user_question>") : data.index("</user_question>")]
    assert "What are the side effects of metformin?" in question


async def test_an_interaction_prompt_carries_the_engine_finding_and_its_label_quote(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    await chat(http, "Can I take Zocor with Biaxin?", "oa-interaction")

    data = fake_server.requests[0].body["messages"][-1]["content"]
    findings = data[data.index("<engine_findings>") : data.index("</engine_findings>")]
    assert '<finding drugs="simvastatin + clarithromycin"' in findings or '"clarithromycin + simvastatin"' in findings
    assert 'severity="contraindicated"' in findings
    assert "<passage n=" in data


async def test_history_is_bounded_and_holds_nothing_from_another_session(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    for number in range(3):
        fake_server.behaviour.chunks = [f"alpha answer {number} [1]."]
        await chat(http, f"What is metformin used for? (alpha {number})", "oa-alpha")
    fake_server.behaviour.chunks = ["bravo answer [1]."]
    await chat(http, "What is warfarin used for? (bravo)", "oa-bravo")
    fake_server.requests.clear()

    fake_server.behaviour.chunks = ["ok [1]."]
    await chat(http, "what about its side effects?", "oa-alpha")

    (request,) = fake_server.requests
    messages = request.body["messages"]
    history = messages[1:-1]
    # PHARMABOT_HISTORY_TURNS=2: the two latest turns, each a question and its answer.
    assert [m["role"] for m in history] == ["user", "assistant"] * HISTORY_TURNS
    assert "(alpha 1)" in history[0]["content"]
    assert history[1]["content"] == "alpha answer 1 [1]."
    assert history[3]["content"] == "alpha answer 2 [1]."
    sent = str(messages)
    assert "alpha 0" not in sent
    assert "bravo" not in sent
    assert "warfarin" not in sent.lower()
    assert '<passage n="1" drug="metformin"' in messages[-1]["content"]


async def test_an_emergency_never_reaches_the_model(http: httpx.AsyncClient, fake_server: FakeOpenAIServer) -> None:
    events = await chat(http, "I just took 30 of my metformin pills", "oa-emergency")

    assert one(events, "meta")["intent"] == "emergency"
    assert "1-800-222-1222" in tokens(events)
    assert fake_server.requests == []


async def test_a_model_that_fails_mid_stream_gives_an_error_event_then_done_and_a_failed_turn(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    fake_server.behaviour.chunks = ["Metformin ", "is used ", "to treat ", "diabetes [1]."]
    fake_server.behaviour.drop_after = 2
    events = await chat(http, "What is metformin used for?", "oa-midstream")

    names = [e.event for e in named(events)]
    assert names[0] == "meta"
    assert names[-2:] == ["error", "message"]
    assert named(events)[-1].data == DONE_SENTINEL
    assert "done" not in names
    assert "citations" not in names
    error = one(events, "error")
    assert error["code"] == "model_unavailable"
    assert error["message"]
    partial = tokens(events)
    assert partial.startswith("Metformin")
    (turn,) = await stored_turns(http, "oa-midstream")
    assert turn["status"] == "failed"
    assert turn["answer"] == partial
    assert turn["turn_id"] == one(events, "meta")["turn_id"]


@pytest.mark.parametrize(
    "chunks",
    [
        ["Metformin treats diabetes [1]. ", "(My marker is ", CANARY[:6], CANARY[6:], ".) More text."],
        ["Sure, ", "here are my rules: ", SYSTEM_PROMPT[120:260], " and so on."],
    ],
    ids=["canary", "instructions"],
)
async def test_an_answer_that_leaks_the_prompt_is_stopped_and_the_turn_failed(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer, chunks: list[str]
) -> None:
    fake_server.behaviour.chunks = chunks
    session = f"oa-leak-{len(chunks[0])}"
    events = await chat(http, "What is metformin used for?", session)

    names = [e.event for e in named(events)]
    assert names[-2:] == ["error", "message"]
    assert "done" not in names
    error = one(events, "error")
    assert error["code"] == "answer_withheld"
    assert "withheld" in error["message"]
    sent = tokens(events)
    assert CANARY not in sent
    assert SYSTEM_PROMPT[120:260] not in sent
    (turn,) = await stored_turns(http, session)
    assert turn["status"] == "failed"
    assert turn["answer"] == sent


async def test_a_model_that_never_answers_gives_an_error_event_and_a_failed_turn(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    fake_server.behaviour.fail_first = 5
    events = await chat(http, "What is metformin used for?", "oa-down")

    assert [e.event for e in named(events)] == ["meta", "error", "message"]
    assert one(events, "error")["code"] == "model_unavailable"
    assert len(fake_server.requests) == 2  # one retry before the first token, then give up
    (turn,) = await stored_turns(http, "oa-down")
    assert turn["status"] == "failed"
    assert turn["answer"] == ""


async def test_heartbeats_keep_a_slow_answer_alive_and_tokens_arrive_as_produced(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    fake_server.behaviour.first_chunk_delay = 0.7
    fake_server.behaviour.chunk_delay = 0.15
    fake_server.behaviour.chunks = ["Metformin ", "is ", "used ", "for ", "diabetes [1]."]
    started = time.monotonic()
    events = await chat(http, "What is metformin used for?", "oa-slow")

    before_first_token = [e for e in events if e.event == "comment" and e.at < _first(events, "token").at]
    assert len(before_first_token) >= 2  # every 0.2 s while the model thinks
    assert all(e.data == "heartbeat" for e in events if e.event == "comment")
    token_times = [e.at for e in events if e.event == "token"]
    assert len(token_times) >= 3
    assert token_times[-1] - token_times[0] >= 0.4  # arrived one by one, not at the end
    assert _first(events, "meta").at - started < 0.5  # meta is sent before the model answers


def _first(events: list[SseEvent], name: str) -> SseEvent:
    return next(e for e in events if e.event == name)


async def test_a_client_that_goes_away_cancels_the_model_call_and_the_turn_is_stored_cancelled(
    http: httpx.AsyncClient, fake_server: FakeOpenAIServer
) -> None:
    fake_server.behaviour.chunk_delay = 0.2
    fake_server.behaviour.chunks = [f"word{n} " for n in range(40)]
    reader = EventSourceReader()
    seen: list[SseEvent] = []
    body = {"message": "What is metformin used for?", "session_id": "oa-gone"}
    async with http.stream("POST", "/api/chat", json=body) as response:
        async for chunk in response.aiter_raw():
            seen.extend(reader.feed(chunk))
            if any(e.event == "token" for e in seen):
                break  # leaving the block closes the connection mid-answer

    assert await asyncio.to_thread(fake_server.disconnected.wait, 5), "the upstream model request stayed open"
    assert fake_server.chunks_sent < 40
    turns: list[dict[str, Any]] = []
    for _ in range(100):  # the turn is written as the cancelled request unwinds
        turns = await stored_turns(http, "oa-gone")
        if turns:
            break
        await asyncio.sleep(0.05)
    (turn,) = turns
    assert turn["status"] == "cancelled"
    assert turn["answer"].startswith("word0")
