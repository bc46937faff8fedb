"""Embedder with the real `openai` SDK over real HTTP.

The server is `FakeOpenAIServer`, a local stand-in written for these tests (no real OpenAI or
Azure OpenAI server can run here); it records each embeddings request and answers deterministic
vectors, deliberately out of order.
"""

from __future__ import annotations

import pytest

from pharmabot.config import load_settings
from pharmabot.errors import ModelError
from pharmabot.retrieval.embeddings import Embedder
from tests.support.fake_openai import FakeCredential, FakeOpenAIServer, vector

TEXTS = ["simvastatin", "clarithromycin raises levels", "warfarin", "aspirin", "grapefruit juice"]


async def test_azure_embeddings_in_batches_with_key(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server on the Azure deployment path: batches of 2, order kept, api-key header."""
    settings = load_settings(
        azure_openai_endpoint=fake_server.base_url,
        azure_openai_embedding_deployment="embed-dep",
        azure_openai_api_key="azure-key-2",
    )
    embedder = Embedder.from_settings(settings)
    assert embedder is not None
    embedder._batch_size = 2
    try:
        assert await embedder.embed(TEXTS) == [vector(text) for text in TEXTS]
    finally:
        await embedder.close()
    assert [r.path for r in fake_server.requests] == ["/openai/deployments/embed-dep/embeddings"] * 3
    assert [r.body["input"] for r in fake_server.requests] == [TEXTS[0:2], TEXTS[2:4], TEXTS[4:]]
    assert all(r.headers["api-key"] == "azure-key-2" for r in fake_server.requests)
    assert fake_server.requests[0].query == {"api-version": settings.azure_openai_api_version}


async def test_azure_embeddings_with_entra_id(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server over plain http: the bearer token comes from the token credential."""
    settings = load_settings(azure_openai_endpoint=fake_server.base_url, azure_openai_embedding_deployment="embed-dep")
    embedder = Embedder.from_settings(settings, credential=FakeCredential())
    assert embedder is not None
    try:
        assert await embedder.embed(["one"]) == [vector("one")]
    finally:
        await embedder.close()
    (request,) = fake_server.requests
    assert request.headers["authorization"] == "Bearer entra-token-123"
    assert "api-key" not in request.headers


async def test_openai_compatible_embeddings_and_retry(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server at /v1/embeddings answers 500 once; the embedder retries."""
    fake_server.behaviour.fail_first = 1
    settings = load_settings(openai_base_url=fake_server.base_url + "/v1", openai_api_key="k")
    embedder = Embedder.openai_compatible(settings, model="nomic-embed-text")
    try:
        assert await embedder.embed(TEXTS[:3]) == [vector(text) for text in TEXTS[:3]]
    finally:
        await embedder.close()
    assert [r.path for r in fake_server.requests] == ["/v1/embeddings", "/v1/embeddings"]
    assert fake_server.requests[-1].body["model"] == "nomic-embed-text"


async def test_embedding_failure_is_a_model_error(fake_server: FakeOpenAIServer) -> None:
    """Local stand-in server answers 401: no retry, a ModelError without the key."""
    fake_server.behaviour.fail_first = 3
    fake_server.behaviour.fail_status = 401
    settings = load_settings(openai_base_url=fake_server.base_url + "/v1", openai_api_key="sk-hidden")
    embedder = Embedder.openai_compatible(settings, model="m")
    try:
        with pytest.raises(ModelError) as caught:
            await embedder.embed(["x"])
    finally:
        await embedder.close()
    assert len(fake_server.requests) == 1
    assert "sk-hidden" not in caught.value.message


def test_no_deployment_means_no_embedder() -> None:
    assert Embedder.from_settings(load_settings(azure_openai_endpoint="https://x.openai.azure.com")) is None
