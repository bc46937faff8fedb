"""Call the Azure Functions entry without the Functions host, the way the host would call it.

The host hands the function a Starlette-based `Request` and sends the returned response back;
`call_function` does both in-process, and `functions_host_app` puts the function behind a
catch-all route so a real uvicorn can serve it.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message

HttpFunction = Callable[[Request], Awaitable[Response]]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


@functools.cache
def entry_function() -> HttpFunction:
    """function_app's one HTTP function; cached because `get_functions()` raises when called twice."""
    import function_app

    functions = function_app.app.get_functions()
    assert len(functions) == 1
    user_function: HttpFunction = functions[0].get_user_function()
    return user_function


@dataclass
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v.decode() for k, v in self.headers if k.decode().lower() == name.lower()), None)


def make_request(
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    query: bytes = b"",
) -> tuple[Request, asyncio.Event]:
    """The Request the host would pass; the client stays connected until the returned event is set."""
    raw_headers = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    if body:
        raw_headers.append((b"content-length", str(len(body)).encode()))
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": raw_headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 7071),
    }
    gone = asyncio.Event()
    delivered = False

    async def receive() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}
        await gone.wait()
        return {"type": "http.disconnect"}

    return Request(scope, receive), gone


async def call_function(
    function: HttpFunction,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    query: bytes = b"",
) -> Answer:
    """Call FUNCTION as the host would and send its response through a recording ASGI `send`."""
    request, gone = make_request(method, path, headers=headers, body=body, query=query)
    messages: list[Message] = []

    async def send(message: Message) -> None:
        messages.append(message)

    response = await function(request)
    try:
        await response(request.scope, request.receive, send)
    finally:
        gone.set()
    start = messages[0]
    return Answer(
        status=start["status"],
        headers=[(bytes(k), bytes(v)) for k, v in start["headers"]],
        body=b"".join(m.get("body", b"") for m in messages[1:]),
    )


def functions_host_app(function: HttpFunction) -> Starlette:
    """A stand-in for the Functions host: one catch-all route that calls FUNCTION with the request."""

    async def forward(request: Request) -> Response:
        return await function(request)

    return Starlette(routes=[Route("/{route:path}", forward, methods=METHODS)])
