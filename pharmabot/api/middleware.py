"""The app's middleware, as plain ASGI: request context (request id, the access log line, the last-resort
500, security headers), CORS with the JSON error body, and request limits (body size, JSON only).

Plain ASGI rather than Starlette's BaseHTTPMiddleware, because that one buffers nothing but does
run the endpoint in a separate task, which hides client disconnects from streaming responses; and
so the request limits run before FastAPI reads anything, cutting off an oversized chunked body while
it streams in rather than after it has been buffered whole.
"""

from __future__ import annotations

import inspect
import logging
import re
import time
import uuid
from urllib.parse import urlsplit

from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
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
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
]

# The API serves JSON and event streams only: nothing to load, nothing to frame.
API_CSP = b"default-src 'none'; frame-ancestors 'none'"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _docs_csp() -> bytes:
    """Swagger UI and ReDoc load FastAPI's default assets and run an inline start-up script."""
    swagger = inspect.signature(get_swagger_ui_html).parameters
    redoc = inspect.signature(get_redoc_html).parameters
    assets = " ".join(sorted({_origin(swagger["swagger_js_url"].default), _origin(redoc["redoc_js_url"].default)}))
    favicon = _origin(swagger["swagger_favicon_url"].default)
    return (
        f"default-src 'none'; script-src 'self' 'unsafe-inline' {assets}; "
        f"style-src 'self' 'unsafe-inline' {assets} https://fonts.googleapis.com; "
        f"font-src https://fonts.gstatic.com; img-src 'self' data: {favicon}; "
        "worker-src blob:; connect-src 'self'; frame-ancestors 'none'"
    ).encode()


DOCS_CSP = _docs_csp()
_DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})

# The built-in page: its own scripts, styles and API only; no inline code, no framing, no forms posted away.
WEB_CSP = (
    b"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    b"form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def _csp(path: str) -> bytes:
    if path in _DOCS_PATHS:
        return DOCS_CSP
    if path == "/" or path.startswith("/static/"):
        return WEB_CSP
    return API_CSP


HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


def security_headers(scope: Scope) -> list[tuple[bytes, bytes]]:
    """The fixed headers plus the path's CSP, and HSTS when the request came over HTTPS."""
    headers = [
        *SECURITY_HEADERS,
        (b"content-security-policy", _csp(str(scope.get("path", "")))),
    ]
    # Behind the Azure front end TLS ends before the app, which then sees X-Forwarded-Proto.
    if scope.get("scheme") == "https" or Headers(scope=scope).get("x-forwarded-proto", "").lower() == "https":
        headers.append(HSTS)
    return headers


class RequestContextMiddleware:
    """Gives every request an id (echoing a valid X-Request-ID), logs one line, never leaks a trace."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = Headers(scope=scope).get("x-request-id")
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
                headers.extend(h for h in security_headers(scope) if h[0] not in present)
                # Headers queued by dependencies (rate-limit state), also for streamed responses.
                for name, value in scope["state"].get("response_headers", []):
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("unhandled error", extra={"fields": {"request_id": request_id}})
            if not response_started:
                response = error_response(
                    status=500,
                    code="internal_error",
                    message="An internal error occurred; it has been logged.",
                    request_id=request_id,
                )
                await response(scope, receive, send_with_id)
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


# --- request limits -----------------------------------------------------------------------------------

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
