"""Request limits as plain ASGI middleware: body size (413) and JSON-only bodies on the API (415).

Plain ASGI so the checks run before FastAPI reads anything, and so an oversized chunked body is
cut off while it streams in rather than after it has been buffered whole.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pharmabot.api.errors import error_response

_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def is_json_media_type(content_type: str) -> bool:
    """True for `application/json` and `application/*+json`, with or without parameters."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


async def _send_error(scope: Scope, receive: Receive, send: Send, *, status: int, code: str, message: str) -> None:
    # The rest of a too-large body is never read, so the connection cannot be reused.
    headers = {"connection": "close"} if status == 413 else None
    request_id = scope.get("state", {}).get("request_id")
    response = error_response(status=status, code=code, message=message, request_id=request_id, headers=headers)
    await response(scope, receive, send)


class RequestLimitsMiddleware:
    """Refuses bodies over MAX_BODY_BYTES (413) and non-JSON bodies sent to `/api/*` (415)."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"The request body is larger than {self.max_body_bytes} bytes."
        request_headers = Headers(scope=scope)
        length = request_headers.get("content-length")
        declared: int | None = None
        if length is not None:
            try:
                declared = int(length)
                if declared < 0:
                    raise ValueError(length)
            except ValueError:
                await _send_error(
                    scope, receive, send, status=400, code="bad_request", message="Invalid Content-Length."
                )
                return
            if declared > self.max_body_bytes:
                await _send_error(scope, receive, send, status=413, code="payload_too_large", message=too_large)
                return
        has_body = (declared or 0) > 0 or request_headers.get("transfer-encoding") is not None
        path: str = scope.get("path", "")
        if scope.get("method") in _BODY_METHODS and path.startswith("/api/") and has_body:
            content_type = request_headers.get("content-type", "")
            if not is_json_media_type(content_type):
                refusal = "This endpoint accepts application/json bodies only."
                await _send_error(scope, receive, send, status=415, code="unsupported_media_type", message=refusal)
                return
        if not has_body:
            await self.app(scope, receive, send)
            return

        # Read the whole (bounded) body first: a chunked body has no length to check up front.
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                # The client went away while sending; let the app see the disconnect.
                await self.app(scope, _replay([], message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await _send_error(scope, receive, send, status=413, code="payload_too_large", message=too_large)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        await self.app(scope, _replay(chunks, None, receive), send)


def _replay(chunks: list[bytes], pending: Message | None, receive: Receive) -> Receive:
    """A receive that first hands out the already-read body, then defers to the real one."""
    first: list[Message] = [pending] if pending else [{"type": "http.request", "body": b"".join(chunks)}]

    async def replay() -> Message:
        if first:
            return first.pop()
        return await receive()

    return replay
