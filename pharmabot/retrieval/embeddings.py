"""Text embeddings for vector search: Azure OpenAI or any OpenAI-compatible endpoint."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pharmabot.config import Settings
from pharmabot.errors import ModelError
from pharmabot.retry import RetryLog, RetryPolicy

if TYPE_CHECKING:
    from openai.types import CreateEmbeddingResponse

    from pharmabot.openai_client import ModelClient

logger = logging.getLogger(__name__)

BATCH_SIZE = 64  # well under every provider's per-request input limit (Azure: 2048)
MAX_INPUTS = 2048  # Azure OpenAI's limit of inputs per embeddings request
# A question's embedding sits in front of a chat answer: one quick retry, never a long wait.
QUERY_RETRY = RetryPolicy(attempts=2, base_wait_seconds=0.3, max_wait_seconds=1.0, retry_timeouts=False)
# An ingest embeds for hours under a tokens-per-minute quota: wait as long as the service asks.
INGEST_RETRY = RetryPolicy(attempts=10, base_wait_seconds=2.0, max_wait_seconds=120.0)
# Upper estimate of a text's tokens for sizing requests, with no tokenizer download: cl100k-family
# tokenizers average about 4 characters per token on label text; 3 leaves room for numbers and names.
CHARS_PER_TOKEN_BOUND = 3


def estimate_tokens(text: str) -> int:
    """An upper estimate of TEXT's tokens (see CHARS_PER_TOKEN_BOUND)."""
    return len(text) // CHARS_PER_TOKEN_BOUND + 1


def _retryable(error: BaseException, *, timeouts: bool) -> bool:
    """Throttling (429), server errors, conflicts and lost connections are worth another try; a 4xx is not."""
    import openai

    if isinstance(error, openai.APITimeoutError):
        return timeouts
    if isinstance(error, openai.APIConnectionError):
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code in {408, 409, 429} or error.status_code >= 500
    return False


class Embedder:
    """Embeds texts in batches through one long-lived `openai` SDK client.

    Retries are tenacity's, by RETRY (`pharmabot.retry`): the SDK's own are off (`max_retries=0`) so a
    question never waits behind a long Retry-After, while an ingest waits exactly as long as Azure asks.
    """

    def __init__(
        self,
        *,
        model_client: ModelClient,
        model: str,
        batch_size: int = BATCH_SIZE,
        retry: RetryPolicy = QUERY_RETRY,
    ) -> None:
        self._model_client = model_client
        self.model = model
        self._batch_size = max(1, min(batch_size, MAX_INPUTS))
        self.retry = retry
        self.retry_log = RetryLog()
        self.requests = 0  # embeddings calls answered

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        credential: Any = None,
        retry: RetryPolicy = QUERY_RETRY,
        batch_size: int = BATCH_SIZE,
    ) -> Embedder | None:
        """The Azure OpenAI embedder when AZURE_OPENAI_EMBEDDING_DEPLOYMENT is set, else None (keyword search)."""
        if not (settings.azure_openai_endpoint and settings.azure_openai_embedding_deployment):
            return None
        from pharmabot.openai_client import azure_openai_client

        client = azure_openai_client(settings, credential=credential)
        return cls(
            model_client=client, model=settings.azure_openai_embedding_deployment, retry=retry, batch_size=batch_size
        )

    @classmethod
    def openai_compatible(cls, settings: Settings, *, model: str) -> Embedder:
        """An embedder for OPENAI_BASE_URL with the embedding MODEL that endpoint serves."""
        from pharmabot.openai_client import openai_compatible_client

        return cls(model_client=openai_compatible_client(settings), model=model)

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            vectors.extend(await self._batch(list(texts[start : start + self._batch_size])))
        return vectors

    async def _batch(self, texts: list[str]) -> list[list[float]]:
        import openai

        timeouts = self.retry.retry_timeouts
        retrying = self.retry.async_retrying(retry_if=lambda e: _retryable(e, timeouts=timeouts), log=self.retry_log)
        try:
            response: CreateEmbeddingResponse = await retrying(
                self._model_client.client.embeddings.create, model=self.model, input=texts, encoding_format="float"
            )
        except openai.APIError as exc:
            status = getattr(exc, "status_code", None)
            logger.warning("embedding call failed: %s (HTTP %s)", type(exc).__name__, status)
            raise ModelError("The embedding model is unavailable.", details={"model": "embeddings"}) from exc
        self.requests += 1
        data = sorted(response.data, key=lambda item: item.index)
        if len(data) != len(texts):
            raise ModelError("The embedding model returned the wrong number of vectors.")
        return [list(item.embedding) for item in data]

    async def close(self) -> None:
        await self._model_client.close()
