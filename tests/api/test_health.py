"""Readiness runs a check per backend (200 healthy, 503 degraded); liveness touches nothing."""

from __future__ import annotations

import asyncio

import httpx
from fastapi import FastAPI

from pharmabot import __version__
from pharmabot.config import Settings


async def test_health_is_200_with_a_check_per_backend(client: httpx.AsyncClient, settings: Settings) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy"
    assert body["version"] == __version__
    assert body["checks"]["store"]["status"] == "ok"
    assert body["checks"]["store"]["backend"] == "sqlite"
    assert body["checks"]["store"]["latency_ms"] >= 0
    assert settings.sqlite_path.is_file()


async def test_health_is_503_naming_the_failed_check(client: httpx.AsyncClient, started_app: FastAPI) -> None:
    await started_app.state.services.store.close()
    response = await client.get("/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["store"] == {"status": "fail", "backend": "sqlite", "error": "StoreError"}


async def test_slow_check_times_out_as_a_failure(client: httpx.AsyncClient, started_app: FastAPI) -> None:
    async def hangs() -> None:
        await asyncio.sleep(60)

    services = started_app.state.services
    # The background load right after start-up competes for the GIL; this 50 ms bound is for the hang only.
    await services.warmed()
    services.health_checks["search"] = ("azure_search", hangs)
    checks = await services.run_health_checks(seconds=0.05)
    assert checks["search"] == {"status": "fail", "backend": "azure_search", "error": "timed out after 0.05s"}
    assert checks["store"]["status"] == "ok"


async def test_liveness_touches_no_dependency(client: httpx.AsyncClient, started_app: FastAPI) -> None:
    await started_app.state.services.store.close()
    response = await client.get("/health/live")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}


async def test_liveness_answers_before_services_exist(app: FastAPI) -> None:
    # No lifespan has run: nothing is open, and liveness must still answer.
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        response = await http.get("/health/live")
    assert response.status_code == 200
