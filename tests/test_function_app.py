"""The Azure Functions entry, tested without the Functions host (which cannot be installed here).

The function object is called directly with a Starlette Request, as the HTTP-streams extension
calls it, and compared with the same request sent straight to the FastAPI app. Streaming and
client disconnects are checked over real HTTP: the function is put behind a catch-all route on a
real uvicorn, standing in for the host.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI
from fastapi.responses import StreamingResponse

from tests.support.functions import (
    Answer,
    HttpFunction,
    call_function,
    entry_function,
    functions_host_app,
    make_request,
)
from tests.support.routes import add_test_routes
from tests.support.servers import serve_in_thread

# One event loop for the module: the bridge keeps its lifespan (and SQLite connection) between requests.
module_loop = pytest.mark.asyncio(loop_scope="module")

ROOT = Path(__file__).resolve().parent.parent


class StreamProbe:
    """What the test-only streaming routes did, read from the test's thread."""

    def __init__(self) -> None:
        self.produced: list[float] = []
        self.cancelled = threading.Event()
        self.closed_at = 0.0

    async def events(self, count: int, interval: float) -> AsyncIterator[str]:
        try:
            for n in range(count):
                self.produced.append(time.monotonic())
                yield f"event: token\ndata: {json.dumps({'n': n})}\n\n"
                await asyncio.sleep(interval)
            yield "data: [DONE]\n\n"
        except (asyncio.CancelledError, GeneratorExit):
            self.closed_at = time.monotonic()
            self.cancelled.set()
            raise


PROBES: dict[str, StreamProbe] = {}


def add_stream_routes(app: FastAPI) -> None:
    """SSE routes: `/_test/sse` sends 5 events 200 ms apart, `/_test/sse-long` one per 100 ms for 30 s."""

    @app.get("/_test/sse")
    async def sse() -> StreamingResponse:
        probe = PROBES["sse"] = StreamProbe()
        return StreamingResponse(probe.events(5, 0.2), media_type="text/event-stream")

    @app.get("/_test/sse-long")
    async def sse_long() -> StreamingResponse:
        probe = PROBES["sse-long"] = StreamProbe()
        return StreamingResponse(probe.events(300, 0.1), media_type="text/event-stream")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def entry() -> AsyncIterator[tuple[HttpFunction, Any]]:
    """The entry function and function_app's bridge; the bridge's lifespan is closed at the end."""
    import function_app

    add_test_routes(function_app.fastapi_app)
    add_stream_routes(function_app.fastapi_app)
    yield entry_function(), function_app.bridge
    await function_app.bridge.shutdown()


def test_one_catch_all_anonymous_function() -> None:
    import function_app

    entry_function()  # builds the function list once (a second get_functions() raises)
    binding = json.loads(function_app.http_entry._function.get_function_json())["bindings"][0]
    assert binding["type"] == "httpTrigger"
    assert binding["route"] == "{*route}"
    assert binding["authLevel"] == "ANONYMOUS"
    assert set(binding["methods"]) == {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}


def test_host_json_serves_routes_without_a_prefix() -> None:
    host = json.loads((ROOT / "host.json").read_text())
    assert host["extensions"]["http"]["routePrefix"] == ""
    assert host["version"] == "2.0"


@module_loop
async def test_lifespan_runs_once_for_many_requests(entry: tuple[HttpFunction, Any]) -> None:
    function, bridge = entry
    answers = await asyncio.gather(*(call_function(function, "GET", "/health") for _ in range(5)))
    answers.append(await call_function(function, "GET", "/health/live"))
    assert [a.status for a in answers] == [200] * 6
    assert json.loads(answers[0].body)["checks"]["store"]["status"] == "ok"
    assert bridge.startups == 1


async def _direct(app: FastAPI, method: str, path: str, headers: dict[str, str], body: bytes) -> Answer:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:7071") as http:
        response = await http.request(method, path, headers=headers, content=body or None)
    return Answer(status=response.status_code, headers=response.headers.raw, body=response.content)


def _comparable(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    return [(k.lower(), v) for k, v in headers]


@module_loop
@pytest.mark.parametrize(
    ("method", "path", "headers", "body"),
    [
        ("GET", "/health/live", {}, b""),
        ("GET", "/nope", {}, b""),
        ("DELETE", "/health", {}, b""),
        ("POST", "/_test/echo", {"content-type": "application/json"}, b'{"message": "hi", "top_k": 0}'),
        ("POST", "/_test/echo", {"content-type": "application/json"}, b"{broken"),
        ("POST", "/_test/echo", {"content-type": "application/json"}, b'{"message": "ibuprofen dose"}'),
        ("GET", "/_test/raise/limited", {}, b""),
        ("GET", "/_test/boom", {}, b""),
        ("OPTIONS", "/health", {"origin": "http://localhost:5173", "access-control-request-method": "GET"}, b""),
        ("OPTIONS", "/health", {"origin": "https://evil.example", "access-control-request-method": "GET"}, b""),
    ],
    ids=["live", "404", "405", "422", "422-json", "200-post", "429", "500", "preflight", "preflight-refused"],
)
async def test_answers_pass_through_unchanged(
    entry: tuple[HttpFunction, Any], method: str, path: str, headers: dict[str, str], body: bytes
) -> None:
    function, bridge = entry
    headers = {**headers, "x-request-id": "compare-0123456789"}
    through_functions = await call_function(function, method, path, headers=headers, body=body)
    direct = await _direct(bridge.app, method, path, headers, body)
    assert through_functions.status == direct.status
    assert _comparable(through_functions.headers) == _comparable(direct.headers)
    assert through_functions.body == direct.body
    if direct.status == 422:
        details = json.loads(through_functions.body)["error"]["details"]
        assert all({"loc", "msg", "type"} <= set(d) for d in details)


@module_loop
async def test_query_string_and_path_reach_the_app(entry: tuple[HttpFunction, Any]) -> None:
    function, _ = entry
    answer = await call_function(function, "GET", "/openapi.json", query=b"x=1")
    assert answer.status == 200
    assert json.loads(answer.body)["info"]["title"] == "PharmaBot API"


@module_loop
async def test_sse_events_arrive_one_by_one_over_real_http(entry: tuple[HttpFunction, Any]) -> None:
    function, _ = entry
    arrivals: list[float] = []
    with serve_in_thread(functions_host_app(function), lifespan="off") as url:
        async with httpx.AsyncClient(base_url=url, timeout=10) as http, http.stream("GET", "/_test/sse") as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            assert "x-request-id" in response.headers
            lines = []
            async for line in response.aiter_lines():
                if line.startswith("data:"):
                    arrivals.append(time.monotonic())
                    lines.append(line)
    produced = PROBES["sse"].produced
    assert lines[-1] == "data: [DONE]"
    assert len(arrivals) == 6
    assert len(produced) == 5
    # Buffered, every event would arrive after the last was produced; streamed, the first arrives
    # ~0.8 s before that, and each arrives soon after it is produced (200 ms apart).
    assert arrivals[0] < produced[-1] - 0.5
    assert arrivals[4] - arrivals[0] > 0.6
    for arrived, made in zip(arrivals, produced, strict=False):
        assert arrived - made < 0.3


@module_loop
async def test_client_disconnect_cancels_the_inner_stream(entry: tuple[HttpFunction, Any]) -> None:
    function, _ = entry
    with serve_in_thread(functions_host_app(function), lifespan="off") as url:
        async with httpx.AsyncClient(base_url=url, timeout=10) as http:
            async with http.stream("GET", "/_test/sse-long") as response:
                seen = 0
                async for line in response.aiter_lines():
                    seen += line.startswith("data:")
                    if seen == 2:
                        break
            closed = time.monotonic()
        probe = PROBES["sse-long"]
        assert await asyncio.to_thread(probe.cancelled.wait, 2.0), "inner stream was not cancelled"
        assert probe.closed_at - closed < 1.0
        count = len(probe.produced)
        await asyncio.sleep(0.3)
        assert len(probe.produced) == count, "inner stream kept producing after the client left"


@module_loop
async def test_closing_the_answer_cancels_the_inner_app(entry: tuple[HttpFunction, Any]) -> None:
    # The host may never report a disconnect to the app; closing the returned body must be enough.
    function, _ = entry
    request, _gone = make_request("GET", "/_test/sse-long")
    response = await function(request)
    assert isinstance(response, StreamingResponse)
    chunks = response.body_iterator
    assert b"event: token" in bytes(await anext(chunks))
    await chunks.aclose()
    probe = PROBES["sse-long"]
    assert probe.cancelled.is_set()
    count = len(probe.produced)
    await asyncio.sleep(0.25)
    assert len(probe.produced) == count
