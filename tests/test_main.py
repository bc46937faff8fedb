"""The app: OpenAPI page, CORS from settings, clients opened once in the lifespan and closed after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from pharmabot import __version__
from pharmabot.config import load_settings
from pharmabot.errors import StoreError
from pharmabot.main import create_app


async def test_openapi_has_title_description_and_version(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert spec["info"]["title"] == "PharmaBot API"
    assert "FDA drug labels" in spec["info"]["description"]
    assert spec["info"]["version"] == __version__
    assert {"/health", "/health/live"} <= set(spec["paths"])


def _has_example(schema: dict[str, Any]) -> bool:
    return bool(schema.get("example") is not None or schema.get("examples"))


async def test_every_schema_has_an_example(client: httpx.AsyncClient) -> None:
    schemas = (await client.get("/openapi.json")).json()["components"]["schemas"]
    assert schemas
    missing = sorted(name for name, schema in schemas.items() if not _has_example(schema))
    assert missing == []


async def test_docs_page_is_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/docs")
    assert response.status_code == 200
    assert "swagger-ui" in response.text
    assert "/openapi.json" in response.text


def _preflight(origin: str) -> dict[str, str]:
    return {"Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}


async def test_cors_allows_the_default_dev_origin(client: httpx.AsyncClient) -> None:
    response = await client.options("/health", headers=_preflight("http://localhost:5173"))
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "x-request-id" in response.headers
    simple = await client.get("/health/live", headers={"Origin": "http://localhost:5173"})
    assert simple.headers["access-control-allow-origin"] == "http://localhost:5173"
    assert "x-request-id" in simple.headers["access-control-expose-headers"].lower()


async def test_cors_refuses_another_origin(client: httpx.AsyncClient) -> None:
    response = await client.options("/health", headers=_preflight("https://evil.example"))
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "cors_rejected"
    assert response.json()["error"]["message"] == "Disallowed CORS origin"
    assert response.json()["error"]["request_id"] == response.headers["x-request-id"]
    assert "access-control-allow-origin" not in response.headers
    simple = await client.get("/health/live", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers


async def test_cors_origins_come_from_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PHARMABOT_CORS_ORIGINS", "https://app.example,https://admin.example")
    app = create_app(load_settings(sqlite_path=tmp_path / "s.sqlite"))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as http:
        allowed = await http.options("/health", headers=_preflight("https://admin.example"))
        dev = await http.options("/health", headers=_preflight("http://localhost:5173"))
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://admin.example"
    assert dev.status_code == 400


async def test_lifespan_opens_services_once_and_closes_them(app: FastAPI) -> None:
    assert not hasattr(app.state, "services")
    async with app.router.lifespan_context(app):
        services = app.state.services
        await services.store.check()
    with pytest.raises(StoreError):
        await services.store.check()
