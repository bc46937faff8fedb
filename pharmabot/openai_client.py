"""One place that builds `openai` SDK clients for OpenAI-compatible endpoints and Azure OpenAI.

Imported only when a model writer or the embedder is configured, so the extractive default never
pays for importing `openai` or `azure.identity`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import openai

from pharmabot.config import Settings

COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default"

# Ollama, vLLM and llama.cpp ignore the key, but the SDK refuses to start without one.
PLACEHOLDER_API_KEY = "unused"


@dataclass
class ModelClient:
    """An SDK client plus the Entra ID credential it owns (closed together)."""

    client: openai.AsyncOpenAI
    credential: Any = None
    owns_credential: bool = False

    async def close(self) -> None:
        await self.client.close()
        if self.credential is not None and self.owns_credential:
            await self.credential.close()


def openai_compatible_client(settings: Settings) -> ModelClient:
    """A client for OPENAI_BASE_URL (or OpenAI itself when unset)."""
    client = openai.AsyncOpenAI(
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key or PLACEHOLDER_API_KEY,
        timeout=settings.model_timeout_seconds,
        max_retries=0,  # retries are ours: only before the first token
    )
    return ModelClient(client=client)


def azure_openai_client(settings: Settings, *, credential: Any = None) -> ModelClient:
    """A client for AZURE_OPENAI_ENDPOINT: the key when set, else Microsoft Entra ID.

    CREDENTIAL is any async token credential (`get_token`); by default a `DefaultAzureCredential`
    that prefers the user-assigned managed identity AZURE_CLIENT_ID.
    """
    if not settings.azure_openai_endpoint:
        raise ValueError("AZURE_OPENAI_ENDPOINT is not set")
    common: dict[str, Any] = {
        "azure_endpoint": settings.azure_openai_endpoint,
        "api_version": settings.azure_openai_api_version,
        "timeout": settings.model_timeout_seconds,
        "max_retries": 0,
    }
    if settings.azure_openai_api_key:
        return ModelClient(client=openai.AsyncAzureOpenAI(api_key=settings.azure_openai_api_key, **common))

    from azure.identity.aio import DefaultAzureCredential, get_bearer_token_provider

    owns = credential is None
    if credential is None:
        credential = DefaultAzureCredential(managed_identity_client_id=settings.azure_client_id)
    provider = get_bearer_token_provider(credential, COGNITIVE_SERVICES_SCOPE)
    client = openai.AsyncAzureOpenAI(azure_ad_token_provider=provider, **common)
    return ModelClient(client=client, credential=credential, owns_credential=owns)
