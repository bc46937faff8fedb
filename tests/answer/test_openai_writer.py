"""OpenAIWriter with the real `openai` SDK over real HTTP.

Every test here talks to `FakeOpenAIServer`, a local stand-in written for these tests (no real
OpenAI or Azure OpenAI server can run here); it streams OpenAI-format SSE chunks and records the
requests, so the tests assert exactly what the SDK sent.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest

from pharmabot.answer import create_writer
from pharmabot.answer.base import AnswerContext
from pharmabot.answer.openai_writer import OpenAIWriter
from pharmabot.answer.prompts import SYSTEM_PROMPT, system_prompt
from pharmabot.config import Settings, load_settings
from pharmabot.errors import ModelError
from pharmabot.openai_client import COGNITIVE_SERVICES_SCOPE
from tests.answer.contexts import history, interaction_context
from tests.support.fake_openai import FakeCredential, FakeOpenAIServer


def openai_settings(server: FakeOpenAIServer, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "answer_writer": "openai",
        "openai_base_url": server.base_url + "/v1",
        "openai_api_key": "test-key",
        "openai_model": "llama3.1",
        "model_timeout_seconds": 5,
        "model_max_tokens": 321,
        "history_turns": 4,
    }
    values.update(overrides)
    return load_settings(**values)


def azure_settings(server: FakeOpenAIServer, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "answer_writer": "azure_openai",
        "azure_openai_endpoint": server.base_url,
        "azure_openai_chat_deployment": "chat-dep",
        "azure_openai_api_version": "2024-10-21",
        "model_timeout_seconds": 5,
    }
    values.update(overrides)
    return load_settings(**values)


async def collect(writer: OpenAIWriter, context: AnswerContext) -> list[str]:
    return [delta async for delta in writer.stream(context)]


async def test_streams_tokens_and_sends_rules_passages_and_bounded_history(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server: the prompt holds the rules, the delimited label data and at most 4 history turns."""
    writer = OpenAIWriter.from_settings(openai_settings(fake_server))
    context = interaction_context(question="Can I take simvastatin with clarithromycin?", history=history(5, tag="s1"))
    try:
        assert await collect(writer, context) == ["Hel", "lo", " there", " [1]."]
    finally:
        await writer.close()

    (request,) = fake_server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer test-key"
    body = request.body
    assert body["model"] == "llama3.1"
    assert body["stream"] is True
    assert body["temperature"] == 0.1
    assert body["max_tokens"] == 321
    messages = body["messages"]
    assert messages[0] == {"role": "system", "content": system_prompt(writer.canary)}
    assert messages[0]["content"].startswith(SYSTEM_PROMPT)
    assert writer.canary in messages[0]["content"]
    for rule in ("individualized dose", "Never tell anyone to stop", "never say a combination is safe", "[n] mark"):
        assert rule in SYSTEM_PROMPT
    history_messages = messages[1:-1]
    assert [m["role"] for m in history_messages] == ["user", "assistant"] * 4
    assert "s1 question 1" in history_messages[0]["content"]
    assert history_messages[7]["content"] == "s1 answer 4"
    sent = str(messages)
    assert "s1 question 0" not in sent
    assert "s1 answer 0" not in sent
    data = messages[-1]["content"]
    assert messages[-1]["role"] == "user"
    start, end = data.index("<label_passages>"), data.index("</label_passages>")
    assert "strong CYP3A4 inhibitors" in data[start:end]
    assert '<passage n="1" drug="simvastatin" section="CONTRAINDICATIONS"' in data[start:end]
    assert "[2] Clarithromycin increases exposure" in data[start:end]
    findings = data[data.index("<engine_findings>") : data.index("</engine_findings>")]
    assert 'severity="contraindicated" cites="[1][2]"' in findings
    question = data[data.index("<user_question>") : data.index("</user_question>")]
    assert "Can I take simvastatin with clarithromycin?" in question


async def test_two_sessions_share_nothing(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server: concurrent answers for two sessions each send only their own question and history."""
    writer = OpenAIWriter.from_settings(openai_settings(fake_server))
    first = interaction_context(question="Question from Alpha about simvastatin", history=history(2, tag="alpha"))
    second = interaction_context(question="Question from Bravo about clarithromycin", history=history(2, tag="bravo"))
    try:
        await asyncio.gather(collect(writer, first), collect(writer, second))
    finally:
        await writer.close()

    assert len(fake_server.requests) == 2
    for request in fake_server.requests:
        sent = str(request.body["messages"])
        mine, other = ("alpha", "bravo") if "Alpha" in sent else ("bravo", "alpha")
        assert mine in sent
        assert other not in sent.lower()


async def test_retries_once_before_the_first_token(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server answers 500 once, then streams: the writer retries and the answer arrives."""
    fake_server.behaviour.fail_first = 1
    writer = OpenAIWriter.from_settings(openai_settings(fake_server))
    try:
        assert "".join(await collect(writer, interaction_context(question="Is it ok?"))) == "Hello there [1]."
    finally:
        await writer.close()
    assert len(fake_server.requests) == 2


async def test_client_errors_are_not_retried(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server answers 400: one request, then a ModelError that leaks neither key nor prompt."""
    fake_server.behaviour.fail_first = 5
    fake_server.behaviour.fail_status = 400
    writer = OpenAIWriter.from_settings(openai_settings(fake_server, openai_api_key="sk-secret-value"))
    try:
        with pytest.raises(ModelError) as caught:
            await collect(writer, interaction_context(question="secret question text"))
    finally:
        await writer.close()
    assert len(fake_server.requests) == 1
    assert caught.value.status_code == 503
    assert "sk-secret" not in caught.value.message
    assert "secret question" not in caught.value.message


async def test_failure_mid_stream_keeps_tokens_and_does_not_retry(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server drops the connection after 2 chunks: those 2 arrive, then ModelError, no retry."""
    fake_server.behaviour.drop_after = 2
    writer = OpenAIWriter.from_settings(openai_settings(fake_server))
    received: list[str] = []

    async def consume() -> None:
        async for delta in writer.stream(interaction_context(question="Is it ok?")):
            received.append(delta)

    try:
        with pytest.raises(ModelError) as caught:
            await consume()
    finally:
        await writer.close()
    assert received == ["Hel", "lo"]
    assert "stopped while answering" in caught.value.message
    assert len(fake_server.requests) == 1


async def test_connection_dropped_before_first_token_is_retried(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server drops every connection before any content: two attempts, then ModelError."""
    fake_server.behaviour.drop_after = 0
    writer = OpenAIWriter.from_settings(openai_settings(fake_server))
    try:
        with pytest.raises(ModelError) as caught:
            await collect(writer, interaction_context(question="Is it ok?"))
    finally:
        await writer.close()
    assert len(fake_server.requests) == 2
    assert "unavailable" in caught.value.message


async def test_timeout_before_first_token(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server waits 3 s before its first chunk; a 0.5 s timeout gives ModelError fast, no retry."""
    fake_server.behaviour.first_chunk_delay = 3
    writer = OpenAIWriter.from_settings(openai_settings(fake_server, model_timeout_seconds=0.5))
    started = time.perf_counter()
    try:
        with pytest.raises(ModelError):
            await collect(writer, interaction_context(question="Is it ok?"))
    finally:
        await writer.close()
    assert time.perf_counter() - started < 2.5
    assert len(fake_server.requests) == 1


async def test_consumer_going_away_closes_the_model_request(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server streams slowly; when the consumer stops after 2 tokens the server sees the disconnect."""
    fake_server.behaviour.chunks = [f"t{n} " for n in range(100)]
    fake_server.behaviour.chunk_delay = 0.05
    writer = OpenAIWriter.from_settings(openai_settings(fake_server))
    received: list[str] = []

    async def consume() -> None:
        async for delta in writer.stream(interaction_context(question="Is it ok?")):
            received.append(delta)

    try:
        task = asyncio.create_task(consume())
        while len(received) < 2:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await asyncio.to_thread(fake_server.disconnected.wait, 3)
        # aclose() on a half-read stream closes it too
        stream = writer.stream(interaction_context(question="Again?"))
        fake_server.disconnected.clear()
        assert await anext(stream) == "t0 "
        await stream.aclose()
        assert await asyncio.to_thread(fake_server.disconnected.wait, 3)
    finally:
        await writer.close()
    assert fake_server.chunks_sent < 100


async def test_azure_with_key_uses_deployment_path_and_api_key_header(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server on the Azure path: deployment URL, api-version query, `api-key` header, no bearer."""
    writer = OpenAIWriter.from_settings(azure_settings(fake_server, azure_openai_api_key="azure-key-1"))
    try:
        assert writer.name == "azure_openai"
        # the stand-in sends Azure's choice-less prompt-filter chunk first; it must be skipped
        assert "".join(await collect(writer, interaction_context(question="Is it ok?"))) == "Hello there [1]."
    finally:
        await writer.close()
    (request,) = fake_server.requests
    assert request.path == "/openai/deployments/chat-dep/chat/completions"
    assert request.query == {"api-version": "2024-10-21"}
    assert request.headers["api-key"] == "azure-key-1"
    assert "authorization" not in request.headers


async def test_azure_without_key_uses_entra_id_token(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server on the Azure path over plain http: a bearer token from the credential, no api-key."""
    credential = FakeCredential()
    writer = OpenAIWriter.from_settings(azure_settings(fake_server), credential=credential)
    try:
        await collect(writer, interaction_context(question="Is it ok?"))
    finally:
        await writer.close()
    (request,) = fake_server.requests
    assert request.headers["authorization"] == "Bearer entra-token-123"
    assert "api-key" not in request.headers
    assert credential.scopes == [(COGNITIVE_SERVICES_SCOPE,)]
    assert credential.closed is False  # an injected credential belongs to the caller


async def test_factory_builds_model_writers_and_check_is_configuration_only(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server: create_writer picks the writer by setting; check() sends nothing to the model."""
    for settings, name in (
        (openai_settings(fake_server), "openai"),
        (azure_settings(fake_server, azure_openai_api_key="k"), "azure_openai"),
    ):
        writer = create_writer(settings)
        assert isinstance(writer, OpenAIWriter)
        assert writer.name == name
        await writer.check()
        await writer.close()
        with pytest.raises(ModelError):
            await writer.check()
    assert fake_server.requests == []


def test_default_azure_credential_is_built_lazily_for_the_managed_identity(fake_server: FakeOpenAIServer) -> None:
    """No request is made: building the Entra ID client only constructs the credential for AZURE_CLIENT_ID."""
    from azure.identity.aio import DefaultAzureCredential

    from pharmabot.openai_client import azure_openai_client

    client = azure_openai_client(azure_settings(fake_server, azure_client_id="11111111-2222-3333-4444-555555555555"))
    assert isinstance(client.credential, DefaultAzureCredential)
    assert client.owns_credential is True
    asyncio.run(client.close())
