"""A local stand-in for an OpenAI-compatible and Azure OpenAI server, written for the tests.

No real OpenAI or Azure OpenAI service can run here, so the real `openai` SDK talks over real HTTP
to this small Starlette app on uvicorn (127.0.0.1, port 0, in a thread). It streams chat-completion
chunks in OpenAI's SSE format ending with `data: [DONE]`, serves embeddings, records every
request's path, query, headers and JSON body, and can be told to fail: N times with HTTP 500
before answering, drop the connection after some chunks, wait before the first chunk, stream
slowly so a test can watch the client go away, throttle embeddings as a quota does (429 with
`Retry-After` a number of times after every answered call), or fail every call after some.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from azure.core.credentials import AccessToken
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route


@dataclass
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class Behaviour:
    """What the server does next; tests change it between calls."""

    chunks: list[str] = field(default_factory=lambda: ["Hel", "lo", " there", " [1]."])
    fail_first: int = 0  # answer this many requests with HTTP 500 first
    fail_status: int = 500
    drop_after: int | None = None  # close the connection after this many content chunks
    first_chunk_delay: float = 0.0
    chunk_delay: float = 0.0
    # Embeddings under a tokens-per-minute quota: after every answered call, this many 429s in a row.
    throttle_after_answer: int = 0
    retry_after: str = "1"  # the Retry-After header of those 429s
    fail_embeddings_after: int | None = None  # answered embeddings calls before every later one fails with 500


class FakeOpenAIServer:
    """Runs the app in a background thread; `base_url` is `http://127.0.0.1:PORT`."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.behaviour = Behaviour()
        self.disconnected = threading.Event()
        self.chunks_sent = 0
        self.embeddings_answered = 0
        self.throttled = 0
        self._throttle_left = 0
        self._lock = threading.Lock()
        app = Starlette(
            routes=[
                Route("/v1/chat/completions", self._chat, methods=["POST"]),
                Route("/openai/deployments/{deployment}/chat/completions", self._chat, methods=["POST"]),
                Route("/v1/embeddings", self._embeddings, methods=["POST"]),
                Route("/openai/deployments/{deployment}/embeddings", self._embeddings, methods=["POST"]),
            ]
        )
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="critical", lifespan="off", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True)

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("fake OpenAI server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._socket.close()

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
        self.behaviour = Behaviour()
        self.disconnected.clear()
        self.chunks_sent = 0
        self.embeddings_answered = 0
        self.throttled = 0
        self._throttle_left = 0

    async def _record(self, request: Request) -> Recorded:
        body = await request.json()
        recorded = Recorded(
            method=request.method,
            path=request.url.path,
            query=dict(request.query_params),
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
        )
        with self._lock:
            self.requests.append(recorded)
        return recorded

    def _should_fail(self) -> bool:
        with self._lock:
            if self.behaviour.fail_first > 0:
                self.behaviour.fail_first -= 1
                return True
        return False

    async def _chat(self, request: Request) -> Response:
        recorded = await self._record(request)
        if self._should_fail():
            status = self.behaviour.fail_status
            return JSONResponse({"error": {"message": "upstream trouble", "type": "server_error"}}, status_code=status)
        azure = "deployment" in request.path_params
        model = request.path_params.get("deployment") or recorded.body.get("model", "model")
        behaviour = self.behaviour
        return StreamingResponse(self._events(behaviour, model=str(model), azure=azure), media_type="text/event-stream")

    async def _events(self, behaviour: Behaviour, *, model: str, azure: bool) -> AsyncIterator[str]:
        def event(choices: list[dict[str, Any]], **extra: Any) -> str:
            payload = {
                "id": "chatcmpl-test",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": model,
                "choices": choices,
                **extra,
            }
            return f"data: {json.dumps(payload)}\n\n"

        try:
            if azure:  # Azure sends the prompt filter results first, in a chunk with no choices
                yield event([], prompt_filter_results=[{"prompt_index": 0, "content_filter_results": {}}])
            if behaviour.first_chunk_delay:
                await asyncio.sleep(behaviour.first_chunk_delay)
            for number, text in enumerate(behaviour.chunks):
                if behaviour.drop_after is not None and number >= behaviour.drop_after:
                    raise ConnectionAbortedError("fake server drops the connection mid-stream")
                if number and behaviour.chunk_delay:
                    await asyncio.sleep(behaviour.chunk_delay)
                delta = {"role": "assistant", "content": text} if number == 0 else {"content": text}
                yield event([{"index": 0, "delta": delta, "finish_reason": None}])
                self.chunks_sent += 1
            yield event([{"index": 0, "delta": {}, "finish_reason": "stop"}])
            yield "data: [DONE]\n\n"
        except asyncio.CancelledError:
            self.disconnected.set()  # Starlette cancels the body when the client goes away
            raise

    async def _embeddings(self, request: Request) -> Response:
        recorded = await self._record(request)
        if self._should_fail():
            return JSONResponse({"error": {"message": "upstream trouble"}}, status_code=self.behaviour.fail_status)
        with self._lock:
            limit = self.behaviour.fail_embeddings_after
            if limit is not None and self.embeddings_answered >= limit:
                return JSONResponse({"error": {"message": "upstream trouble"}}, status_code=500)
            if self._throttle_left > 0:  # as Azure OpenAI answers past the deployment's tokens per minute
                self._throttle_left -= 1
                self.throttled += 1
                return JSONResponse(
                    {"error": {"code": "429", "message": "Requests have exceeded the token rate limit."}},
                    status_code=429,
                    headers={"Retry-After": self.behaviour.retry_after},
                )
            self.embeddings_answered += 1
            self._throttle_left = self.behaviour.throttle_after_answer
        inputs = recorded.body["input"]
        texts = [inputs] if isinstance(inputs, str) else list(inputs)
        data = [
            {"object": "embedding", "index": index, "embedding": vector(text)}
            for index, text in reversed(list(enumerate(texts)))  # out of order on purpose: clients must sort
        ]
        model = request.path_params.get("deployment") or recorded.body.get("model")
        return JSONResponse(
            {"object": "list", "data": data, "model": model, "usage": {"prompt_tokens": 1, "total_tokens": 1}}
        )


def vector(text: str) -> list[float]:
    """The fake embedding of TEXT: deterministic, so tests can check order."""
    return [float(len(text)), float(sum(map(ord, text)) % 97), 0.5]


def running_server() -> Iterator[FakeOpenAIServer]:
    """Generator for a pytest fixture: one server per module, reset between tests."""
    server = FakeOpenAIServer().start()
    try:
        yield server
    finally:
        server.stop()


class FakeCredential:
    """An async token credential like azure-identity's: `get_token` is all the token provider needs."""

    def __init__(self) -> None:
        self.scopes: list[tuple[str, ...]] = []
        self.closed = False

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.scopes.append(scopes)
        return AccessToken("entra-token-123", int(time.time()) + 3600)

    async def close(self) -> None:
        self.closed = True
