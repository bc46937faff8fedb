"""A forged X-Forwarded-For neither escapes a rate limit nor opens another caller's conversation, on both hosts.

`python -m pharmabot serve` runs in a subprocess exactly as a user starts it (real uvicorn), and
its clients connect from distinct loopback addresses (127.0.0.2, 127.0.0.3...) so that they are
different callers. The Functions host cannot run here: its bridge is driven the way the host
drives it, with the header as the Azure front end leaves it (the client's own value, then the
address the front end appends).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from pharmabot.config import load_settings
from pharmabot.functions_bridge import FunctionsAsgiBridge
from pharmabot.main import create_app
from tests.support.functions import call_function

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "What is metformin used for?"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Served:
    """A `python -m pharmabot serve` process and clients bound to chosen loopback source addresses."""

    def __init__(self, url: str) -> None:
        self.url = url

    def client(self, source: str) -> httpx.Client:
        transport = httpx.HTTPTransport(local_address=source)
        return httpx.Client(base_url=self.url, transport=transport, timeout=10)


def _serve(tmp_path: Path, **env: str) -> Iterator[Served]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pharmabot", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PHARMABOT_SQLITE_PATH": str(tmp_path / "s.sqlite"), **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(url + "/health/live", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, "serve exited"
                assert time.monotonic() < deadline, "serve did not answer in time"
                time.sleep(0.1)
        yield Served(url)
    finally:
        process.terminate()
        process.wait(timeout=15)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    # A day's window: the limiter's windows are fixed and aligned to the epoch, so a minute's window could roll
    # over between the third and fourth request and let one more through.
    yield from _serve(tmp_path, PHARMABOT_RATE_LIMITS="search=3/day")


@pytest.fixture
def served_behind_proxy(tmp_path: Path) -> Iterator[Served]:
    yield from _serve(tmp_path, PHARMABOT_TRUSTED_PROXIES="127.0.0.9")


def _chat(http: httpx.Client, session_id: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return http.post("/api/chat", json={"message": QUESTION, "session_id": session_id}, headers=headers or {})


def test_serve_a_new_forwarding_header_per_request_does_not_escape_the_limit(served: Served) -> None:
    with served.client("127.0.0.2") as http:
        statuses = [
            http.post(
                "/api/search", json={"query": "metformin side effects"}, headers={"X-Forwarded-For": f"198.51.100.{n}"}
            ).status_code
            for n in range(6)
        ]
    assert statuses == [200, 200, 200, 429, 429, 429]
    # A different machine is a different caller, with its own quota.
    with served.client("127.0.0.3") as other:
        assert other.post("/api/search", json={"query": "metformin side effects"}).status_code == 200


def test_serve_another_callers_address_in_the_header_opens_nothing(served: Served) -> None:
    with served.client("127.0.0.2") as alice, served.client("127.0.0.3") as mallory:
        started = _chat(alice, "alice-notes")
        assert started.status_code == 200
        assert started.text.rstrip().endswith("data: [DONE]")
        assert alice.get("/api/sessions/alice-notes/messages").json()["turns"][0]["message"] == QUESTION
        forged = {"X-Forwarded-For": "127.0.0.2"}
        read = mallory.get("/api/sessions/alice-notes/messages", headers=forged)
        joined = _chat(mallory, "alice-notes", headers=forged)
        erased = mallory.delete("/api/sessions/alice-notes", headers=forged)
        assert [read.status_code, joined.status_code, erased.status_code] == [404, 404, 404]
        assert read.json()["error"]["code"] == "session_not_found"
        assert QUESTION not in read.text
        # Alice's conversation is untouched.
        assert len(alice.get("/api/sessions/alice-notes/messages").json()["turns"]) == 1


def test_serve_believes_the_header_only_from_a_configured_proxy(served_behind_proxy: Served) -> None:
    with served_behind_proxy.client("127.0.0.9") as proxy, served_behind_proxy.client("127.0.0.3") as direct:
        # Through the proxy, Alice (192.0.2.10) starts a conversation and reads it back.
        assert _chat(proxy, "alice-notes", {"X-Forwarded-For": "192.0.2.10"}).status_code == 200
        alice = proxy.get("/api/sessions/alice-notes/messages", headers={"X-Forwarded-For": "192.0.2.10"})
        assert alice.status_code == 200
        # Mallory sends Alice's address through the proxy: the proxy appends Mallory's own.
        via_proxy = proxy.get(
            "/api/sessions/alice-notes/messages", headers={"X-Forwarded-For": "192.0.2.10, 203.0.113.66"}
        )
        # Or connects directly, around the proxy: the header is not believed from an unknown peer.
        around = direct.get("/api/sessions/alice-notes/messages", headers={"X-Forwarded-For": "192.0.2.10"})
    assert via_proxy.status_code == around.status_code == 404


# --- Azure Functions: the bridge as the host calls it ----------------------------------------------


async def test_functions_a_forged_left_entry_does_not_escape_the_limit(tmp_path: Path) -> None:
    settings = load_settings(sqlite_path=tmp_path / "s.sqlite", rate_limits="search=3/day")
    bridge = FunctionsAsgiBridge(create_app(settings))
    body = json.dumps({"query": "metformin side effects"}).encode()
    try:
        statuses = []
        for n in range(6):
            # The client writes any value; the front end appends the address it received the request from.
            headers = {"content-type": "application/json", "x-forwarded-for": f"198.51.100.{n}, 192.0.2.50:61000"}
            answer = await call_function(bridge.handle, "POST", "/api/search", headers=headers, body=body)
            statuses.append(answer.status)
        other = await call_function(
            bridge.handle,
            "POST",
            "/api/search",
            headers={"content-type": "application/json", "x-forwarded-for": "192.0.2.51:61000"},
            body=body,
        )
    finally:
        await bridge.shutdown()
    assert statuses == [200, 200, 200, 429, 429, 429]
    assert other.status == 200


async def test_functions_another_callers_address_opens_nothing(tmp_path: Path) -> None:
    bridge = FunctionsAsgiBridge(create_app(load_settings(sqlite_path=tmp_path / "s.sqlite")))
    chat = json.dumps({"message": QUESTION, "session_id": "alice-notes"}).encode()
    json_type = {"content-type": "application/json"}
    alice = {"x-forwarded-for": "192.0.2.10:50100"}
    # Mallory sends Alice's address; the front end appends Mallory's.
    mallory = {"x-forwarded-for": "192.0.2.10, 203.0.113.66:40000"}
    try:
        started = await call_function(bridge.handle, "POST", "/api/chat", headers={**json_type, **alice}, body=chat)
        mine = await call_function(bridge.handle, "GET", "/api/sessions/alice-notes/messages", headers=alice)
        read = await call_function(bridge.handle, "GET", "/api/sessions/alice-notes/messages", headers=mallory)
        joined = await call_function(bridge.handle, "POST", "/api/chat", headers={**json_type, **mallory}, body=chat)
        unreadable = await call_function(
            bridge.handle, "GET", "/api/sessions/alice-notes/messages", headers={"x-forwarded-for": "not-an-ip"}
        )
    finally:
        await bridge.shutdown()
    assert started.status == mine.status == 200
    assert json.loads(mine.body)["turns"][0]["message"] == QUESTION
    assert read.status == joined.status == unreadable.status == 404
    assert QUESTION.encode() not in read.body
