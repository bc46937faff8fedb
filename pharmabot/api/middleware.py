"""Request context as plain ASGI middleware: request id, the access log line, the last-resort 500.

Plain ASGI rather than Starlette's BaseHTTPMiddleware, because that one buffers nothing but does
run the endpoint in a separate task, which hides client disconnects from streaming responses.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pharmabot.api.errors import error_response

log = logging.getLogger("pharmabot.access")

# Matched with fullmatch: `$` would also accept a trailing newline, which must never be echoed.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")

SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


class RequestContextMiddleware:
    """Gives every request an id (echoing a valid X-Request-ID), logs one line, never leaks a trace."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = _header(scope, b"x-request-id")
        request_id = sent if sent and _VALID_REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode()))
                present = {h[0].lower() for h in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error", extra={"fields": {"request_id": request_id}})
            if not response_started:
                await _send_internal_error(send_with_id, request_id)
            # A stream that already started cannot change its status; ending it is all we can do.
        finally:
            route = scope.get("route")
            log.info(
                "request",
                extra={
                    "fields": {
                        "request_id": request_id,
                        "method": scope.get("method"),
                        "route": getattr(route, "path", None) or "unmatched",
                        "status": status,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    }
                },
            )


async def _send_internal_error(send: Send, request_id: str) -> None:
    body: dict[str, Any] = {
        "error": {
            "code": "internal_error",
            "message": "An internal error occurred; it has been logged.",
            "request_id": request_id,
            "details": None,
        }
    }
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 500,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, except that a refused preflight gets the app's JSON error body, not plain text."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS":
            await super().__call__(scope, receive, send)
            return
        headers = Headers(scope=scope)
        # Same preflight test as CORSMiddleware.__call__; everything else is left to it.
        if "origin" not in headers or "access-control-request-method" not in headers:
            await super().__call__(scope, receive, send)
            return
        response = self.preflight_response(request_headers=headers)
        if response.status_code == 400:
            reason = bytes(response.body).decode()
            kept = {k: v for k, v in response.headers.items() if k not in {"content-length", "content-type"}}
            response = error_response(
                status=400,
                code="cors_rejected",
                message=reason,
                request_id=scope.get("state", {}).get("request_id"),
                headers=kept,
            )
        await response(scope, receive, send)
