"""Forward an Azure Functions HTTP-streams request into the FastAPI app, streaming the answer out.

`azure.functions.AsgiFunctionApp` joins every body chunk before replying, which turns SSE into one
late blob, so this small bridge is written here instead: it calls the ASGI app with the request's
own `receive`, turns the app's `http.response.*` messages into a `StreamingResponse` as they
come, runs the app's lifespan once per worker, and cancels the app when the client goes away.

It also tells the app who the client is. Behind the Functions front end the connection the worker
sees comes from the host, and the front end appends the client's address to `X-Forwarded-For`
(`PHARMABOT_CLIENT_IP_HEADER`): the right-most entry is the only one a client cannot write, so the
bridge passes it as the ASGI `client` and the app never believes the header itself.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import Message

from pharmabot.security.auth import forwarded_client, header_entries

# Scope keys an ASGI server defines; the outer FastAPI app that hosts the function adds its own
# (`app`, `router`, `route`, ...) which must not leak into the inner app.
_SCOPE_KEYS = (
    "type",
    "asgi",
    "http_version",
    "method",
    "scheme",
    "path",
    "raw_path",
    "query_string",
    "headers",
    "client",
    "server",
    "extensions",
)

_END = object()


class FunctionsAsgiBridge:
    """Serves an ASGI app from inside one catch-all Functions HTTP trigger."""

    def __init__(
        self, app: FastAPI, *, client_ip_header: str | None = None, trusted_proxies: tuple[str, ...] = ()
    ) -> None:
        self.app = app
        settings = getattr(app.state, "settings", None)
        # The header the front end appends to, and proxies in front of it (e.g. a gateway) that are also believed.
        self.client_ip_header = client_ip_header or (settings.trusted_proxy_header if settings else "x-forwarded-for")
        self.trusted_proxies = trusted_proxies or tuple(settings.trusted_proxies if settings else ())
        self._lifespan: AsyncExitStack | None = None
        self._lock = asyncio.Lock()
        self.startups = 0

    async def startup(self) -> None:
        """Run the app's lifespan startup once for this worker."""
        if self._lifespan is not None:
            return
        async with self._lock:
            if self._lifespan is None:
                stack = AsyncExitStack()
                await stack.enter_async_context(self.app.router.lifespan_context(self.app))
                self.startups += 1
                self._lifespan = stack

    async def shutdown(self) -> None:
        if self._lifespan is not None:
            stack, self._lifespan = self._lifespan, None
            await stack.aclose()

    def _scope(self, request: Request) -> dict[str, Any]:
        scope = {key: request.scope[key] for key in _SCOPE_KEYS if key in request.scope}
        scope["type"] = "http"
        scope.setdefault("asgi", {"version": "3.0", "spec_version": "2.3"})
        scope["root_path"] = ""
        scope["state"] = {}
        scope.setdefault("raw_path", scope["path"].encode())
        entries = header_entries(request.headers, self.client_ip_header)
        address = forwarded_client(entries, self.trusted_proxies) if entries else None
        # No header (e.g. `func start` on a laptop): the host's connection is all there is; a malformed
        # one is not believed, and the caller is then anonymous rather than whoever the client claims.
        if entries:
            scope["client"] = (address, 0) if address else None
        return scope

    async def handle(self, request: Request) -> Response:
        """Run the inner app for REQUEST and return a response that streams its body."""
        await self.startup()
        queue: asyncio.Queue[Any] = asyncio.Queue()

        async def send(message: Message) -> None:
            await queue.put(message)

        async def run() -> None:
            try:
                await self.app(self._scope(request), request.receive, send)
            finally:
                await queue.put(_END)

        task = asyncio.create_task(run())
        start = await queue.get()
        if start is _END or start["type"] != "http.response.start":
            # The app ended without answering; its middleware normally prevents this.
            await _finish(task)
            return Response(status_code=500)

        async def body() -> AsyncIterator[bytes]:
            try:
                while True:
                    message = await queue.get()
                    if message is _END:
                        return
                    if message["type"] == "http.response.body":
                        chunk = message.get("body", b"")
                        if chunk:
                            yield chunk
                        if not message.get("more_body", False):
                            return
            finally:
                # Reached on normal end and also when the client disconnects and the outer
                # response closes this generator: the inner app must not keep generating.
                if not task.done():
                    task.cancel()
                await _finish(task)

        response = StreamingResponse(body(), status_code=start["status"])
        response.raw_headers = [(bytes(k), bytes(v)) for k, v in start.get("headers", [])]
        return response


async def _finish(task: asyncio.Task[None]) -> None:
    with contextlib.suppress(asyncio.CancelledError, Exception):
        await task
