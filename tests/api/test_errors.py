"""Every error answers the one JSON body, with the request id, and never a stack trace."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from tests.support.routes import add_test_routes


@pytest.fixture
async def error_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    add_test_routes(app)
    transport = httpx.ASGITransport(app=app)
    async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        yield http


def assert_error_body(response: httpx.Response, *, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"code", "message", "request_id", "details"}
    assert error["code"] == code
    assert isinstance(error["message"], str)
    assert error["message"]
    assert error["request_id"] == response.headers["x-request-id"]
    assert "Traceback" not in response.text
    return dict(error)


async def test_unknown_route_is_404(error_client: httpx.AsyncClient) -> None:
    error = assert_error_body(await error_client.get("/nope"), status=404, code="not_found")
    assert error["message"] == "No route matches GET /nope"


async def test_wrong_method_is_405_with_allow(error_client: httpx.AsyncClient) -> None:
    response = await error_client.delete("/health")
    assert_error_body(response, status=405, code="method_not_allowed")
    assert "GET" in response.headers["allow"]


async def test_validation_error_keeps_pydantic_field_details(error_client: httpx.AsyncClient) -> None:
    response = await error_client.post("/_test/echo", json={"message": "hi", "top_k": 99})
    error = assert_error_body(response, status=422, code="validation_error")
    details = error["details"]
    assert isinstance(details, list)
    by_loc = {tuple(d["loc"]): d for d in details}
    assert by_loc[("body", "message")]["type"] == "string_too_short"
    assert by_loc[("body", "top_k")]["type"] == "less_than_equal"
    assert all({"loc", "msg", "type"} <= set(d) for d in details)
    # The caller's input is not echoed back.
    assert all("input" not in d for d in details)


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2]"], ids=["malformed-json", "empty-body", "wrong-shape"])
async def test_malformed_bodies_are_422(error_client: httpx.AsyncClient, content: bytes) -> None:
    response = await error_client.post("/_test/echo", content=content, headers={"content-type": "application/json"})
    assert_error_body(response, status=422, code="validation_error")


@pytest.mark.parametrize(
    ("kind", "status", "code"),
    [
        ("bad", 400, "bad_request"),
        ("injection", 400, "prompt_injection"),
        ("missing", 404, "not_found"),
        ("limited", 429, "rate_limited"),
        ("store", 503, "store_unavailable"),
        ("base", 500, "internal_error"),
    ],
)
async def test_app_errors_render_their_status_and_code(
    error_client: httpx.AsyncClient, kind: str, status: int, code: str
) -> None:
    response = await error_client.get(f"/_test/raise/{kind}")
    assert_error_body(response, status=status, code=code)


async def test_app_error_keeps_its_details_and_headers(error_client: httpx.AsyncClient) -> None:
    error = assert_error_body(await error_client.get("/_test/raise/bad"), status=400, code="bad_request")
    assert error["details"] == {"field": "message"}
    limited = await error_client.get("/_test/raise/limited")
    assert limited.headers["retry-after"] == "30"


async def test_unhandled_exception_is_a_plain_500(error_client: httpx.AsyncClient) -> None:
    response = await error_client.get("/_test/boom")
    error = assert_error_body(response, status=500, code="internal_error")
    assert "unexpected" not in response.text
    assert "RuntimeError" not in response.text
    assert error["details"] is None


async def test_escaped_validation_error_is_500_not_422(error_client: httpx.AsyncClient) -> None:
    response = await error_client.post("/_test/leak", json={"message": "my private question"})
    assert_error_body(response, status=500, code="internal_error")
    assert "my private question" not in response.text
