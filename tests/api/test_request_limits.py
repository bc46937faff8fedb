"""Body size (413), JSON-only bodies (415), security headers, no stack traces, logs without secrets."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import socket
from collections.abc import AsyncIterator

import pytest
import uvicorn

from pharmabot.api.middleware import is_json_media_type
from pharmabot.logs import JsonFormatter, log_id
from pharmabot.security.auth import hash_key
from tests.support.fixtures import AppFactory

MAX = 2048


async def chunks(total: int, size: int = 512) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        yield b"x" * min(size, total - sent)
        sent += size


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("application/json", True),
        ("Application/JSON; charset=utf-8", True),
        ("application/merge-patch+json", True),
        ("text/plain", False),
        ("application/x-www-form-urlencoded", False),
        ("multipart/form-data; boundary=x", False),
        ("", False),
    ],
)
def test_json_media_types(value: str, expected: bool) -> None:
    assert is_json_media_type(value) is expected


async def test_body_over_the_limit_by_content_length_is_413(make_app: AppFactory) -> None:
    async with make_app(max_body_bytes=MAX) as (_, http):
        big = json.dumps({"message": "x" * MAX})
        response = await http.post("/api/search/echo", content=big, headers={"Content-Type": "application/json"})
        fits = await http.post("/api/search/echo", json={"message": "x" * 1000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    assert response.json()["error"]["request_id"] == response.headers["x-request-id"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert fits.status_code == 200


async def test_chunked_body_over_the_limit_is_413(make_app: AppFactory) -> None:
    async with make_app(max_body_bytes=MAX) as (_, http):
        response = await http.post(
            "/api/search/echo", content=chunks(MAX * 4), headers={"Content-Type": "application/json"}
        )
        small = await http.post("/api/search/echo", content=chunks(20, 7), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "content-length" not in response.request.headers
    # Under the limit, a chunked body reaches the app whole (here: not valid JSON, so 422).
    assert small.status_code == 422


async def test_chunked_body_over_the_limit_on_a_real_server(make_app: AppFactory) -> None:
    """Real uvicorn on a free port and a raw socket client: the answer comes before the body ends.

    A raw client, because httpx sends the whole body before reading and then sees the closed
    connection instead of the early 413.
    """
    async with make_app(max_body_bytes=MAX) as (app, _):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_config=None))
        task = asyncio.create_task(server.serve(sockets=[sock]))
        try:
            while not server.started:
                await asyncio.sleep(0.01)
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(
                b"POST /api/search HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n"
            )
            for _ in range(MAX // 512 + 1):  # just over the limit, and the final chunk never comes
                writer.write(b"200\r\n" + b"x" * 512 + b"\r\n")
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            payload = await asyncio.wait_for(reader.read(), 5)
            writer.close()
        finally:
            server.should_exit = True
            await task
    assert head.startswith(b"HTTP/1.1 413 ")
    assert b"connection: close" in head.lower()
    assert json.loads(payload)["error"]["code"] == "payload_too_large"


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "text/plain"},
        {"Content-Type": "application/x-www-form-urlencoded"},
        {},
    ],
)
async def test_non_json_bodies_to_the_api_are_415(make_app: AppFactory, headers: dict[str, str]) -> None:
    async with make_app() as (_, http):
        response = await http.post("/api/search/echo", content=b'{"message": "hello"}', headers=headers)
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


async def test_json_with_charset_is_accepted(make_app: AppFactory) -> None:
    async with make_app() as (_, http):
        response = await http.post(
            "/api/search/echo",
            content=b'{"message": "hello"}',
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
    assert response.status_code == 200


async def test_bad_content_length_is_400(make_app: AppFactory) -> None:
    async with make_app() as (app, _):
        sent: list[dict[str, object]] = []

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": b"{}", "more_body": False}

        async def send(message: dict[str, object]) -> None:
            sent.append(message)

        scope = {
            "type": "http",
            "method": "POST",
            "path": "/api/search/echo",
            "raw_path": b"/api/search/echo",
            "query_string": b"",
            "headers": [(b"content-length", b"lots"), (b"content-type", b"application/json")],
            "http_version": "1.1",
            "scheme": "http",
            "client": ("127.0.0.1", 1),
            "server": ("testserver", 80),
        }
        await app(scope, receive, send)
    assert sent[0]["status"] == 400


SECURITY = ("x-content-type-options", "referrer-policy", "x-frame-options", "permissions-policy")


async def test_security_headers_on_successes_and_errors(make_app: AppFactory) -> None:
    async with make_app(api_keys=hash_key("k" * 40), max_body_bytes=MAX) as (_, http):
        key = {"X-API-Key": "k" * 40}
        responses = {
            "ok": await http.get("/api/things", headers=key),
            "health": await http.get("/health"),
            "401": await http.get("/api/things"),
            "404": await http.get("/api/nothing-here", headers=key),
            "413": await http.post("/api/search/echo", content=b"x" * (MAX + 1), headers=key),
            "415": await http.post("/api/search/echo", content=b"x", headers={**key, "Content-Type": "text/plain"}),
            "422": await http.post("/api/search/echo", json={}, headers=key),
            "500": await http.get("/api/boom", headers=key),
        }
        docs = await http.get("/docs")
        https = await http.get("/health/live", headers={"X-Forwarded-Proto": "https"})
    for name, response in responses.items():
        for header in SECURITY:
            assert header in response.headers, (name, header)
        assert response.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'", name
        assert "strict-transport-security" not in response.headers, name
    assert [r.status_code for r in responses.values()] == [200, 200, 401, 404, 413, 415, 422, 500]
    # Swagger UI needs its scripts and styles; framing stays forbidden.
    csp = docs.headers["content-security-policy"]
    assert "script-src 'self' 'unsafe-inline' https://" in csp
    assert "frame-ancestors 'none'" in csp
    assert https.headers["strict-transport-security"].startswith("max-age=")


async def test_internal_errors_show_no_stack_trace(make_app: AppFactory) -> None:
    async with make_app() as (_, http):
        response = await http.get("/api/boom")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "Traceback" not in response.text
    assert "secret internals" not in response.text


async def test_logs_hold_no_message_text_keys_or_session_ids(make_app: AppFactory) -> None:
    key = "k" * 40
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("pharmabot")
    async with make_app(api_keys=hash_key(key), rate_limits="session=1/minute") as (_, http):
        logger.addHandler(handler)
        try:
            body = {"message": "my private question about warfarin", "session_id": "session-secret-123"}
            await http.post("/api/chat/echo", json=body, headers={"Authorization": f"Bearer {key}"})
            await http.post("/api/chat/echo", json=body, headers={"Authorization": f"Bearer {key}"})
            await http.post("/api/chat/echo", json=body, headers={"Authorization": "Bearer wrong-key-guess"})
        finally:
            logger.removeHandler(handler)
    logs = stream.getvalue()
    assert logs.count('"msg": "request"') == 3
    for secret in ("warfarin", "session-secret-123", key, "wrong-key-guess", hash_key(key)):
        assert secret not in logs


def test_log_id_is_short_stable_and_one_way() -> None:
    assert log_id("session-1") == log_id("session-1")
    assert log_id("session-1") != log_id("session-2")
    assert len(log_id("session-1")) == 16
    assert "session" not in log_id("session-1")
