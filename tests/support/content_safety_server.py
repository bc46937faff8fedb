"""A local stand-in for Azure AI Content Safety Prompt Shields, written for the tests (no emulator exists).

It serves `POST /contentsafety/text:shieldPrompt` in the service's request and answer shape and
records every request (path, query, headers, JSON body), so tests assert what PharmaBot sent. It is
no classifier: it reports an attack for any prompt or document holding one of the strings in
`state.attack_markers`. Failures can be injected: an HTTP status, a delay (for timeouts) or a body
that is not the service's shape.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from tests.support.servers import serve_in_thread

CONTENT_SAFETY_KEY = "test-content-safety-key"
ATTACK_MARKER = "zebra-quartz-7"  # a neutral word the local rules never flag: only the shield sees an attack


@dataclass
class ShieldRequest:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class ShieldServerState:
    attack_markers: list[str] = field(default_factory=lambda: [ATTACK_MARKER])
    requests: list[ShieldRequest] = field(default_factory=list)
    status: int = 200
    delay: float = 0.0
    malformed: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
        self.status, self.delay, self.malformed = 200, 0.0, False
        self.attack_markers = [ATTACK_MARKER]


def _attack(text: str, markers: list[str]) -> bool:
    return any(marker in text for marker in markers)


def content_safety_app(state: ShieldServerState) -> Starlette:
    async def shield(request: Request) -> Response:
        body = await request.json()
        with state.lock:
            state.requests.append(
                ShieldRequest(
                    path=request.url.path,
                    query=dict(request.query_params),
                    headers={k.lower(): v for k, v in request.headers.items()},
                    body=body,
                )
            )
        if state.delay:
            await asyncio.sleep(state.delay)
        if state.status != 200:
            return JSONResponse({"error": {"code": "InternalError", "message": "unavailable"}}, state.status)
        if request.query_params.get("api-version") != "2024-09-01":
            return JSONResponse({"error": {"code": "InvalidRequest", "message": "bad api-version"}}, 400)
        auth = request.headers.get("ocp-apim-subscription-key") == CONTENT_SAFETY_KEY or request.headers.get(
            "authorization", ""
        ).startswith("Bearer ")
        if not auth:
            return JSONResponse({"error": {"code": "401", "message": "Access denied"}}, 401)
        if state.malformed:
            return PlainTextResponse("<html>gateway</html>")
        documents = body.get("documents") or []
        return JSONResponse(
            {
                "userPromptAnalysis": {"attackDetected": _attack(body.get("userPrompt", ""), state.attack_markers)},
                "documentsAnalysis": [{"attackDetected": _attack(doc, state.attack_markers)} for doc in documents],
            }
        )

    return Starlette(routes=[Route("/contentsafety/text:shieldPrompt", shield, methods=["POST"])])


@contextmanager
def content_safety_server() -> Iterator[tuple[str, ShieldServerState]]:
    """Serve the stand-in on a free port; yields its base URL and its state."""
    state = ShieldServerState()
    with serve_in_thread(content_safety_app(state), lifespan="off") as url:
        yield url, state
