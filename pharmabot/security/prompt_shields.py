"""Azure AI Content Safety Prompt Shields: a trained attack classifier in front of the local rules.

`POST {endpoint}/contentsafety/text:shieldPrompt?api-version=2024-09-01` with `{"userPrompt",
"documents"}` answers whether the user's message (a direct attack: jailbreaks, instruction override,
prompt extraction) or any document (an indirect attack hidden in retrieved text) tries to steer the
model. It is called with httpx: the `azure-ai-contentsafety` SDK has no Prompt Shields operation.
Auth is the key when `AZURE_CONTENT_SAFETY_KEY` is set, else a Microsoft Entra ID token (role
"Cognitive Services User"), from azure-identity imported only when needed.

The service is a layer, not a dependency: every call is time-bounded, and when it fails or times out
the local rules (which always run first) decide alone. Failures are logged and counted, and /health
reports the shield as degraded until a call succeeds again; a chat is never refused with a 5xx for it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

log = logging.getLogger("pharmabot.security")

API_VERSION = "2024-09-01"
COGNITIVE_SERVICES_SCOPE = "https://cognitiveservices.azure.com/.default"
# Service limits per call (Content Safety input requirements): a prompt of up to 10,000 characters
# and at most five documents of 10,000 characters in total.
MAX_PROMPT_CHARS = 10_000
MAX_DOCUMENTS = 5
MAX_DOCUMENT_CHARS = 10_000


class ShieldSettings(Protocol):
    """The settings a shield is built from (`pharmabot.config.Settings` has them)."""

    @property
    def azure_content_safety_endpoint(self) -> str | None: ...
    @property
    def azure_content_safety_key(self) -> str | None: ...
    @property
    def azure_client_id(self) -> str | None: ...
    @property
    def content_safety_timeout_seconds(self) -> float: ...


class ShieldUnavailableError(Exception):
    """The shield could not give a verdict (timeout, transport error, non-2xx or malformed answer)."""


@dataclass(frozen=True)
class ShieldVerdict:
    """Whether the user prompt, and each document in order, was judged an attack."""

    user_attack: bool
    document_attacks: tuple[bool, ...] = ()


class PromptShield(Protocol):
    """Screens a user prompt and documents for prompt attacks."""

    name: str

    async def analyze(self, *, user_prompt: str, documents: Sequence[str] = ()) -> ShieldVerdict:
        """The verdict; raise ShieldUnavailableError when there is none."""
        ...

    async def close(self) -> None:
        """Release clients."""


@dataclass
class ShieldStats:
    """Calls and failures since start-up, for /health."""

    calls: int = 0
    attacks: int = 0
    failures: int = 0
    last_error: str | None = None
    last_failure_at: float | None = None
    last_success_at: float | None = None

    def record_success(self, verdict: ShieldVerdict) -> None:
        self.calls += 1
        self.attacks += verdict.user_attack or any(verdict.document_attacks)
        self.last_success_at = time.time()

    def record_failure(self, error: str) -> None:
        self.calls += 1
        self.failures += 1
        self.last_error = error
        self.last_failure_at = time.time()

    @property
    def degraded(self) -> bool:
        """True while the latest call failed: the local rules are deciding alone."""
        if self.last_failure_at is None:
            return False
        return self.last_success_at is None or self.last_failure_at > self.last_success_at

    def report(self) -> dict[str, Any]:
        return {
            "status": "degraded" if self.degraded else "ok",
            "calls": self.calls,
            "attacks": self.attacks,
            "failures": self.failures,
            **({"error": self.last_error} if self.degraded and self.last_error else {}),
        }


def _batches(documents: Sequence[str]) -> list[list[str]]:
    """DOCUMENTS cut to the per-call limits; a document too long for one call is split into parts."""
    step = MAX_DOCUMENT_CHARS
    pieces = [doc[i : i + step] for doc in documents for i in range(0, max(len(doc), 1), step)]
    batches: list[list[str]] = []
    size = 0
    for piece in pieces:
        if not batches or len(batches[-1]) == MAX_DOCUMENTS or size + len(piece) > MAX_DOCUMENT_CHARS:
            batches.append([])
            size = 0
        batches[-1].append(piece)
        size += len(piece)
    return batches


def _owners(documents: Sequence[str]) -> list[int]:
    """For each piece made by `_batches`, the index of the document it came from."""
    return [n for n, doc in enumerate(documents) for _ in range(0, max(len(doc), 1), MAX_DOCUMENT_CHARS)]


class ContentSafetyShield:
    """Prompt Shields over HTTP; one httpx client for the process."""

    name = "azure_content_safety"

    def __init__(
        self,
        *,
        endpoint: str,
        key: str | None = None,
        credential: Any = None,
        timeout_seconds: float = 3.0,
        client: httpx.AsyncClient | None = None,
        owns_credential: bool = False,
    ) -> None:
        self._url = endpoint.rstrip("/") + "/contentsafety/text:shieldPrompt"
        self._key = key
        self._credential = credential
        self._owns_credential = owns_credential
        self._timeout = timeout_seconds
        self._client = client or httpx.AsyncClient(timeout=timeout_seconds)

    @classmethod
    def from_settings(cls, settings: ShieldSettings, *, credential: Any = None) -> ContentSafetyShield:
        """The shield for AZURE_CONTENT_SAFETY_ENDPOINT: its key when set, else Entra ID."""
        if not settings.azure_content_safety_endpoint:
            raise ValueError("AZURE_CONTENT_SAFETY_ENDPOINT is not set")
        owns = False
        if not settings.azure_content_safety_key and credential is None:
            from azure.identity.aio import DefaultAzureCredential

            credential = DefaultAzureCredential(managed_identity_client_id=settings.azure_client_id)
            owns = True
        return cls(
            endpoint=settings.azure_content_safety_endpoint,
            key=settings.azure_content_safety_key,
            credential=credential,
            timeout_seconds=settings.content_safety_timeout_seconds,
            owns_credential=owns,
        )

    async def _headers(self) -> dict[str, str]:
        if self._key:
            return {"Ocp-Apim-Subscription-Key": self._key}
        token = await self._credential.get_token(COGNITIVE_SERVICES_SCOPE)  # cached by azure-identity
        return {"Authorization": f"Bearer {token.token}"}

    async def _call(self, user_prompt: str, documents: list[str]) -> dict[str, Any]:
        try:
            async with asyncio.timeout(self._timeout):
                response = await self._client.post(
                    self._url,
                    params={"api-version": API_VERSION},
                    json={"userPrompt": user_prompt[:MAX_PROMPT_CHARS], "documents": documents},
                    headers=await self._headers(),
                )
        except TimeoutError:
            raise ShieldUnavailableError(f"timed out after {self._timeout:g}s") from None
        except httpx.HTTPError as exc:
            raise ShieldUnavailableError(type(exc).__name__) from None
        except Exception as exc:  # a credential that cannot get a token
            raise ShieldUnavailableError(type(exc).__name__) from None
        if response.status_code != 200:
            raise ShieldUnavailableError(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise ShieldUnavailableError("answer is not JSON") from None
        if not isinstance(body, dict):
            raise ShieldUnavailableError("unexpected answer")
        return body

    async def analyze(self, *, user_prompt: str, documents: Sequence[str] = ()) -> ShieldVerdict:
        batches = _batches(documents) or [[]]
        # Documents beyond one call's limits go in parallel calls, each with the (short) prompt.
        answers = await asyncio.gather(*(self._call(user_prompt, batch) for batch in batches))
        try:
            user_attack = any(bool(answer["userPromptAnalysis"]["attackDetected"]) for answer in answers)
            flags = [bool(item["attackDetected"]) for answer in answers for item in answer.get("documentsAnalysis", [])]
        except (KeyError, TypeError):
            raise ShieldUnavailableError("unexpected answer") from None
        owners = _owners(documents)
        if len(flags) != len(owners):
            raise ShieldUnavailableError("answer does not match the documents sent")
        attacked = [False] * len(documents)
        for owner, flag in zip(owners, flags, strict=True):
            attacked[owner] = attacked[owner] or flag
        return ShieldVerdict(user_attack=user_attack, document_attacks=tuple(attacked))

    async def close(self) -> None:
        await self._client.aclose()
        if self._credential is not None and self._owns_credential:
            await self._credential.close()


class ShieldGuard:
    """Calls a shield and keeps its statistics; answers None (no verdict) when the shield fails."""

    def __init__(self, shield: PromptShield) -> None:
        self.shield = shield
        self.stats = ShieldStats()

    @property
    def name(self) -> str:
        return self.shield.name

    async def verdict(self, *, user_prompt: str, documents: Sequence[str] = ()) -> ShieldVerdict | None:
        try:
            verdict = await self.shield.analyze(user_prompt=user_prompt, documents=documents)
        except ShieldUnavailableError as exc:
            self.stats.record_failure(str(exc))
            log.warning(
                "prompt shields unavailable: the local rules decide",
                extra={"fields": {"event": "prompt_shields_unavailable", "error": str(exc)}},
            )
            return None
        self.stats.record_success(verdict)
        return verdict

    async def check(self) -> dict[str, Any]:
        """Health: the state of recent calls (the service is not called: each call is billed)."""
        return self.stats.report()

    async def close(self) -> None:
        await self.shield.close()


def create_guard(settings: ShieldSettings) -> ShieldGuard | None:
    """The guard for the configured shield, or None when Prompt Shields is not configured."""
    if not settings.azure_content_safety_endpoint:
        return None
    return ShieldGuard(ContentSafetyShield.from_settings(settings))
