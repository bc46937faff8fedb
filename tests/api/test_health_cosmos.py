"""`/health` with the Cosmos DB store: a cheap database read, bounded in time, naming the failed backend."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from pharmabot.config import load_settings
from tests.cosmos_server.server import EMULATOR_KEY, cosmos_server
from tests.support.fixtures import app_client


@pytest.fixture(scope="module")
def cosmos_endpoint() -> Iterator[str]:
    with cosmos_server() as endpoint:
        yield endpoint


async def test_health_reads_the_cosmos_database(cosmos_endpoint: str) -> None:
    settings = load_settings(
        store="cosmos",
        cosmos_endpoint=cosmos_endpoint,
        cosmos_key=EMULATOR_KEY,
        cosmos_database="health",
        cosmos_create_containers=True,
    )
    async with app_client(settings) as client:
        response = await client.get("/health")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "healthy"
    assert body["checks"]["store"]["status"] == "ok"
    assert body["checks"]["store"]["backend"] == "cosmos"


@pytest.fixture(params=["refused", "silent"])
def dead_endpoint(request: pytest.FixtureRequest, unused_tcp_port: int) -> Iterator[str]:
    """An endpoint that refuses connections, or one that accepts them and never answers."""
    if request.param == "refused":
        yield f"https://127.0.0.1:{unused_tcp_port}/"
        return
    with socket.create_server(("127.0.0.1", 0), backlog=50) as silent:  # never accepted: TLS never starts
        yield f"https://127.0.0.1:{silent.getsockname()[1]}/"


async def test_health_reports_cosmos_down_within_the_timeout(dead_endpoint: str) -> None:
    # The app still starts (containers are not created in this mode) and /health names the failing
    # backend instead of hanging.
    settings = load_settings(store="cosmos", cosmos_endpoint=dead_endpoint, cosmos_key=EMULATOR_KEY)
    async with app_client(settings) as client:
        started = time.monotonic()
        response = await client.get("/health")
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["store"]["status"] == "fail"
    assert body["checks"]["store"]["backend"] == "cosmos"
    assert body["checks"]["store"]["error"]
    assert elapsed < 3.0
