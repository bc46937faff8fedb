"""Fixtures for the answer tests: the local stand-in OpenAI server and a clean model environment."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.answer.fake_openai import FakeOpenAIServer, running_server

# The SDK and our settings read these; tests must see only what they set themselves.
MODEL_ENV = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_MODEL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_AD_TOKEN",
    "AZURE_OPENAI_ENDPOINT",
    "AZURE_OPENAI_CHAT_DEPLOYMENT",
    "AZURE_OPENAI_EMBEDDING_DEPLOYMENT",
    "OPENAI_API_VERSION",
    "PHARMABOT_ANSWER_WRITER",
    "AZURE_CLIENT_ID",
)


@pytest.fixture(scope="session")
def fake_server_session() -> Iterator[FakeOpenAIServer]:
    yield from running_server()


@pytest.fixture
def fake_server(fake_server_session: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAIServer:
    """The local stand-in server, with its recordings and behaviour reset, and no model env leaking in."""
    for name in MODEL_ENV:
        monkeypatch.delenv(name, raising=False)
    fake_server_session.reset()
    return fake_server_session
