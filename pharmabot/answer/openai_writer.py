"""Answer writer backed by a chat model: any OpenAI-compatible endpoint, or Azure OpenAI."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncGenerator
from typing import Any, cast

import openai
from openai.types.chat import ChatCompletionMessageParam

from pharmabot.answer.base import AnswerContext
from pharmabot.answer.output_filter import PromptLeakGuard
from pharmabot.answer.prompts import build_messages, system_prompt
from pharmabot.config import Settings, WriterKind
from pharmabot.errors import ModelError
from pharmabot.openai_client import ModelClient, azure_openai_client, openai_compatible_client

logger = logging.getLogger(__name__)

TEMPERATURE = 0.1
ATTEMPTS = 2
BACKOFF_SECONDS = 0.3


def _retryable(exc: Exception) -> bool:
    """Worth one more try: connection trouble, 408/409/429/5xx. A timeout already spent the budget."""
    if isinstance(exc, openai.APITimeoutError):
        return False
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in {408, 409, 429} or exc.status_code >= 500
    if isinstance(exc, openai.APIConnectionError):  # refused, reset, or dropped before the first token
        return True
    return not isinstance(exc, openai.APIError | ValueError | TypeError)  # raw transport errors


def _describe(exc: Exception) -> str:
    """Exception type and status for logs; never the message, which may echo the request."""
    status = getattr(exc, "status_code", None)
    return f"{type(exc).__name__}" + (f" (HTTP {status})" if status else "")


class OpenAIWriter:
    """Streams an answer from a chat model, grounded in the context's label passages and findings."""

    def __init__(
        self,
        *,
        model_client: ModelClient,
        model: str,
        name: str = "openai",
        max_tokens: int = 700,
        max_history: int = 6,
        attempts: int = ATTEMPTS,
        backoff_seconds: float = BACKOFF_SECONDS,
        canary: str | None = None,
    ) -> None:
        self.name = name
        # One canary per deployment when configured, else per process: either way an answer holding it
        # can only have come from this prompt.
        self.canary = canary or "pbc-" + secrets.token_hex(8)
        self._model_client = model_client
        self._model = model
        self._max_tokens = max_tokens
        self._max_history = max_history
        self._attempts = max(1, attempts)
        self._backoff = backoff_seconds
        self._closed = False

    @classmethod
    def from_settings(cls, settings: Settings, *, credential: Any = None) -> OpenAIWriter:
        """The writer PHARMABOT_ANSWER_WRITER names (`openai` or `azure_openai`); the client is made once."""
        if settings.answer_writer is WriterKind.azure_openai:
            model_client = azure_openai_client(settings, credential=credential)
            model = settings.azure_openai_chat_deployment
        else:
            model_client = openai_compatible_client(settings)
            model = settings.openai_model
        return cls(
            model_client=model_client,
            model=model,
            name=settings.answer_writer.value,
            max_tokens=settings.model_max_tokens,
            # The setting counts turns; each turn is two messages (the question and its answer).
            max_history=2 * settings.history_turns,
            canary=settings.prompt_canary,
        )

    def leak_guard(self) -> PromptLeakGuard:
        """A fresh guard for one answer: this writer's canary and rules."""
        return PromptLeakGuard(canary=self.canary, prompt=system_prompt())

    async def stream(self, context: AnswerContext) -> AsyncGenerator[str, None]:
        """Yield the model's text deltas; retry only while nothing has been yielded."""
        messages = build_messages(context, max_history=self._max_history, canary=self.canary)
        for attempt in range(1, self._attempts + 1):
            yielded = False
            try:
                # aclosing: when our consumer stops early, the inner stream (and its HTTP request) closes now.
                async with contextlib.aclosing(self._one_call(messages)) as deltas:
                    async for text in deltas:
                        yielded = True
                        yield text
                return
            except Exception as exc:  # every model failure becomes a ModelError with a safe message
                if yielded or attempt == self._attempts or not _retryable(exc):
                    logger.warning("model call failed after %d attempt(s): %s", attempt, _describe(exc))
                    message = (
                        "The language model stopped while answering."
                        if yielded
                        else "The language model is unavailable; please try again shortly."
                    )
                    raise ModelError(message, details={"writer": self.name}) from exc
                logger.info("model call failed before the first token (%s); retrying", _describe(exc))
                await asyncio.sleep(self._backoff * attempt)

    async def _one_call(self, messages: list[dict[str, Any]]) -> AsyncGenerator[str, None]:
        response = await self._model_client.client.chat.completions.create(
            model=self._model,
            messages=cast(list[ChatCompletionMessageParam], messages),  # plain dicts in the SDK's shape
            stream=True,
            temperature=TEMPERATURE,
            max_tokens=self._max_tokens,
        )
        try:
            async for chunk in response:
                for choice in chunk.choices:  # Azure's first chunk has no choices (filter results)
                    if choice.index == 0 and choice.delta is not None and choice.delta.content:
                        yield choice.delta.content
                    if choice.finish_reason == "content_filter":
                        logger.warning("model output stopped by the provider's content filter")
        finally:
            await response.close()  # also when the consumer goes away: closes the HTTP request

    async def check(self) -> None:
        """Configuration only: health never calls the model."""
        if self._closed:
            raise ModelError("The answer writer is closed.")

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            await self._model_client.close()
