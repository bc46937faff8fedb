"""Request ids on every response, and one JSON log line per request that never holds message text."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from starlette.types import Message

from pharmabot.api.middleware import RequestContextMiddleware
from tests.support.logs import capture_json_logs
from tests.support.routes import add_test_routes

SECRET = "zebra-quartz my chest hurts after ibuprofen"


@pytest.fixture
async def http(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    add_test_routes(app)
    transport = httpx.ASGITransport(app=app)
    async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        yield client


async def test_every_response_gets_a_request_id(http: httpx.AsyncClient) -> None:
    ids = set()
    for path in ("/health", "/health/live", "/nope", "/openapi.json"):
        response = await http.get(path)
        assert len(response.headers["x-request-id"]) == 32
        ids.add(response.headers["x-request-id"])
    assert len(ids) == 4


async def test_valid_request_id_is_echoed(http: httpx.AsyncClient) -> None:
    sent = "client-id.01:abc_DEF"
    response = await http.get("/nope", headers={"X-Request-ID": sent})
    assert response.headers["x-request-id"] == sent
    assert response.json()["error"]["request_id"] == sent


@pytest.mark.parametrize(
    "sent",
    ["short", "x" * 129, "has spaces in it", "semi;colon-1234", "tab\there-12345"],
    ids=["too-short", "too-long", "spaces", "semicolon", "tab"],
)
async def test_invalid_request_id_is_replaced(http: httpx.AsyncClient, sent: str) -> None:
    response = await http.get("/health/live", headers={"X-Request-ID": sent})
    assert response.headers["x-request-id"] != sent
    assert len(response.headers["x-request-id"]) == 32


@pytest.mark.parametrize("sent", [b"abcdefgh1234\n", b"abcdefgh1234\r\nSet-Cookie: x=1"])
async def test_request_id_with_line_breaks_is_replaced(sent: bytes) -> None:
    # HTTP clients refuse to send these, so the middleware is called the way a server would call it.
    async def inner(scope: dict[str, object], receive: object, send: object) -> None:
        await send({"type": "http.response.start", "status": 204, "headers": []})  # type: ignore[operator]
        await send({"type": "http.response.body", "body": b""})  # type: ignore[operator]

    sent_messages: list[Message] = []

    async def send(message: Message) -> None:
        sent_messages.append(message)

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    scope = {"type": "http", "method": "GET", "path": "/", "headers": [(b"x-request-id", sent)]}
    await RequestContextMiddleware(inner)(scope, receive, send)
    headers = dict(sent_messages[0]["headers"])
    assert b"\n" not in headers[b"x-request-id"]
    assert len(headers[b"x-request-id"]) == 32


async def test_security_headers_are_set(http: httpx.AsyncClient) -> None:
    response = await http.get("/health/live")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


async def test_one_json_line_per_request(http: httpx.AsyncClient) -> None:
    with capture_json_logs() as logs:
        response = await http.get("/health/live", headers={"X-Request-ID": "trace-12345678"})
    access = [json.loads(line) for line in logs.lines if json.loads(line)["logger"] == "pharmabot.access"]
    assert len(access) == 1
    line = access[0]
    assert line["request_id"] == response.headers["x-request-id"] == "trace-12345678"
    assert line["method"] == "GET"
    assert line["route"] == "/health/live"
    assert line["status"] == 200
    assert line["duration_ms"] >= 0


async def test_unmatched_route_is_logged_without_its_path(http: httpx.AsyncClient) -> None:
    with capture_json_logs() as logs:
        await http.get(f"/{SECRET.replace(' ', '-')}")
    line = json.loads(logs.lines[-1])
    assert line["route"] == "unmatched"
    assert line["status"] == 404
    assert "zebra-quartz" not in logs.lines[-1]


@pytest.mark.parametrize("path", ["/_test/echo", "/_test/leak"])
async def test_logs_never_hold_the_message_text(http: httpx.AsyncClient, path: str) -> None:
    with capture_json_logs() as logs:
        response = await http.post(path, json={"message": SECRET})
        invalid = await http.post(path, json={"message": SECRET, "top_k": "many"})
    assert response.status_code in {200, 500}
    assert invalid.status_code == 422
    assert logs.lines, "expected log lines"
    for line in logs.lines:
        json.loads(line)
        assert "zebra-quartz" not in line


async def test_500_is_logged_with_type_and_stack_but_not_message(http: httpx.AsyncClient) -> None:
    with capture_json_logs() as logs:
        response = await http.post("/_test/leak", json={"message": SECRET})
    assert response.status_code == 500
    errors = [json.loads(line) for line in logs.lines if json.loads(line)["level"] == "ERROR"]
    assert len(errors) == 1
    assert errors[0]["error_type"] == "ValidationError"
    assert errors[0]["request_id"] == response.headers["x-request-id"]
    assert "routes.py" in errors[0]["traceback"]
    assert "zebra-quartz" not in json.dumps(errors[0])
