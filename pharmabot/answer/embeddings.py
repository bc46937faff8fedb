"""Text embeddings for vector search: Azure OpenAI or any OpenAI-compatible endpoint."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pharmabot.config import Settings
from pharmabot.errors import ModelError

if TYPE_CHECKING:
    from pharmabot.answer.openai_client import ModelClient

logger = logging.getLogger(__name__)

BATCH_SIZE = 64  # well under every provider's per-request input limit (Azure: 2048)
ATTEMPTS = 2
BACKOFF_SECONDS = 0.3


class Embedder:
    """Embeds texts in batches through one long-lived `openai` SDK client."""

    def __init__(
        self, *, model_client: ModelClient, model: str, batch_size: int = BATCH_SIZE, attempts: int = ATTEMPTS
    ) -> None:
        self._model_client = model_client
        self.model = model
        self._batch_size = max(1, batch_size)
        self._attempts = max(1, attempts)

    @classmethod
    def from_settings(cls, settings: Settings, *, credential: Any = None) -> Embedder | None:
        """The Azure OpenAI embedder when AZURE_OPENAI_EMBEDDING_DEPLOYMENT is set, else None (keyword search)."""
        if not (settings.azure_openai_endpoint and settings.azure_openai_embedding_deployment):
            return None
        from pharmabot.answer.openai_client import azure_openai_client

        client = azure_openai_client(settings, credential=credential)
        return cls(model_client=client, model=settings.azure_openai_embedding_deployment)

    @classmethod
    def openai_compatible(cls, settings: Settings, *, model: str) -> Embedder:
        """An embedder for OPENAI_BASE_URL with the embedding MODEL that endpoint serves."""
        from pharmabot.answer.openai_client import openai_compatible_client

        return cls(model_client=openai_compatible_client(settings), model=model)

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """One vector per text, in order."""
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self._batch_size):
            vectors.extend(await self._batch(list(texts[start : start + self._batch_size])))
        return vectors

    async def _batch(self, texts: list[str]) -> list[list[float]]:
        import openai

        for attempt in range(1, self._attempts + 1):
            try:
                response = await self._model_client.client.embeddings.create(
                    model=self.model, input=texts, encoding_format="float"
                )
            except openai.APIError as exc:
                status = getattr(exc, "status_code", None)
                retryable = not isinstance(exc, openai.APITimeoutError) and (
                    status is None or status in {408, 409, 429} or status >= 500
                )
                if attempt == self._attempts or not retryable:
                    logger.warning("embedding call failed: %s (HTTP %s)", type(exc).__name__, status)
                    raise ModelError("The embedding model is unavailable.", details={"model": "embeddings"}) from exc
                await asyncio.sleep(BACKOFF_SECONDS * attempt)
                continue
            data = sorted(response.data, key=lambda item: item.index)
            if len(data) != len(texts):
                raise ModelError("The embedding model returned the wrong number of vectors.")
            return [list(item.embedding) for item in data]
        raise AssertionError("unreachable")  # pragma: no cover

    async def close(self) -> None:
        await self._model_client.close()
