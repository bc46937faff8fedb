"""Rate limits over HTTP: create_app on a real SQLite file, requests through httpx's ASGI transport."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import http_sf
import pytest

from pharmabot.errors import StoreError
from pharmabot.security import rate_limits
from pharmabot.security.auth import Caller
from pharmabot.security.rate_limits import RouteClass, charge_generated_chars, route_class
from pharmabot.services import Services
from pharmabot.store import Store
from tests.support.fixtures import AppFactory


def policies(headers: Any) -> dict[str, dict[str, Any]]:
    """Parse RateLimit-Policy as the structured-field List the draft defines."""
    return dict(http_sf.parse(headers["ratelimit-policy"].encode(), tltype="list"))


def limits(headers: Any) -> dict[str, dict[str, Any]]:
    return dict(http_sf.parse(headers["ratelimit"].encode(), tltype="list"))


class FailingCounters:
    """Wraps the real store; counters raise StoreError as during a store outage."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.name = store.name

    async def increment(self, *, key: str, amount: int, window_seconds: int) -> int:
        raise StoreError("store unreachable")

    async def increment_many(self, *, items: Sequence[tuple[str, int, int]]) -> list[int]:
        raise StoreError("store unreachable")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A settable clock for the limiter's windows only (the store keeps real time)."""
    now = [1_800_000_030.0]  # 30 s into a minute
    monkeypatch.setattr(rate_limits, "time", SimpleNamespace(time=lambda: now[0]))
    return now


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/api/chat", RouteClass.chat),
        ("/api/chat/stream", RouteClass.chat),
        ("/api/chatter", RouteClass.other),
        ("/api/search/echo", RouteClass.search),
        ("/api/interactions", RouteClass.interactions),
        ("/api/sessions/abc", RouteClass.other),
        ("/health", None),
        ("/health/live", None),
        ("/docs", None),
        ("/openapi.json", None),
        ("/", None),
        ("/static/app.js", None),
    ],
)
def test_route_class_from_path(path: str, expected: RouteClass | None) -> None:
    assert route_class(path) == expected


async def test_success_carries_ratelimit_headers(make_app: AppFactory) -> None:
    async with make_app(rate_limits="search=5/minute") as (_, http):
        response = await http.post("/api/search/echo", json={"message": "ibuprofen"})
    assert response.status_code == 200
    assert policies(response.headers) == {
        "search-minute": {"q": 5, "w": 60},
        "search-day": {"q": 2000, "w": 86400},
    }
    state = limits(response.headers)
    assert state["search-minute"]["r"] == 4
    assert 1 <= state["search-minute"]["t"] <= 60
    assert state["search-day"]["r"] == 1999
    assert "retry-after" not in response.headers


async def test_over_the_limit_answers_429_with_retry_after(make_app: AppFactory, clock: list[float]) -> None:
    async with make_app(rate_limits="search=2/minute", trusted_proxies="203.0.113.7") as (_, http):
        for _ in range(2):
            assert (await http.post("/api/search/echo", json={"message": "x"})).status_code == 200
        response = await http.post("/api/search/echo", json={"message": "x"})
        # Another caller (another address, named by the trusted proxy in front) is counted apart.
        other = await http.post("/api/search/echo", json={"message": "x"}, headers={"X-Forwarded-For": "198.51.100.9"})
    assert response.status_code == 429
    assert response.headers["retry-after"] == "30"  # the clock is 30 s into the minute
    assert limits(response.headers)["search-minute"] == {"r": 0, "t": 30}
    assert policies(response.headers)["search-minute"] == {"q": 2, "w": 60}
    error = response.json()["error"]
    assert error["code"] == "rate_limited"
    assert error["details"] == {"violated_policies": ["search-minute"], "retry_after_seconds": 30}
    assert response.headers["x-request-id"] == error["request_id"]
    assert other.status_code == 200


async def test_fixed_windows_reset_at_the_boundary(make_app: AppFactory, clock: list[float]) -> None:
    async with make_app(rate_limits="search=1/minute") as (_, http):
        assert (await http.post("/api/search/echo", json={"message": "x"})).status_code == 200
        clock[0] += 29.5  # 59.5 s into the minute: same window
        refused = await http.post("/api/search/echo", json={"message": "x"})
        clock[0] += 0.5  # the next minute starts
        again = await http.post("/api/search/echo", json={"message": "x"})
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "1"
    assert again.status_code == 200
    assert limits(again.headers)["search-minute"] == {"r": 0, "t": 60}


async def test_health_and_docs_are_never_limited(make_app: AppFactory) -> None:
    async with make_app(rate_limits="other=1/minute") as (_, http):
        for _ in range(3):
            for path in ("/health", "/health/live", "/docs", "/openapi.json"):
                response = await http.get(path)
                assert response.status_code == 200, path
                assert "ratelimit" not in response.headers
        assert (await http.get("/api/things")).status_code == 200
        assert (await http.get("/api/things")).status_code == 429


async def test_two_instances_share_counters_through_one_sqlite_file(make_app: AppFactory, tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite"
    async with (
        make_app(db=db, rate_limits="search=3/minute") as (_, first),
        make_app(db=db, rate_limits="search=3/minute") as (_, second),
    ):
        statuses = [
            (await first.post("/api/search/echo", json={"message": "x"})).status_code,
            (await second.post("/api/search/echo", json={"message": "x"})).status_code,
            (await first.post("/api/search/echo", json={"message": "x"})).status_code,
            (await second.post("/api/search/echo", json={"message": "x"})).status_code,
        ]
    assert statuses == [200, 200, 200, 429]


async def test_per_session_limit(make_app: AppFactory) -> None:
    async with make_app(rate_limits="session=2/minute") as (_, http):
        statuses = [
            (await http.post("/api/chat/echo", json={"message": "hello", "session_id": "s-1"})).status_code
            for _ in range(3)
        ]
        refused = await http.post("/api/chat/echo", json={"message": "hello", "session_id": "s-1"})
        other_session = await http.post("/api/chat/echo", json={"message": "hello", "session_id": "s-2"})
    assert statuses == [200, 200, 429]
    assert refused.json()["error"]["details"]["violated_policies"] == ["session-minute"]
    assert other_session.status_code == 200
    assert limits(other_session.headers)["session-minute"]["r"] == 1


async def test_generated_characters_budget(make_app: AppFactory) -> None:
    async with make_app(rate_limits="chat_chars=10/day") as (_, http):
        first = await http.post("/api/chat/echo", json={"message": "12345678"})
        second = await http.post("/api/chat/echo", json={"message": "12345678"})  # 8 < 10 before it ran
        third = await http.post("/api/chat/echo", json={"message": "1"})
    assert [first.status_code, second.status_code, third.status_code] == [200, 200, 429]
    assert limits(second.headers)["chat-chars-day"]["r"] == 2
    assert policies(second.headers)["chat-chars-day"] == {"q": 10, "w": 86400, "pharmabot-unit": "characters"}
    assert third.json()["error"]["details"]["violated_policies"] == ["chat-chars-day"]
    assert 1 <= int(third.headers["retry-after"]) <= 86400


async def test_store_outage_request_limits_fail_open_budget_fails_closed(
    make_app: AppFactory, caplog: pytest.LogCaptureFixture
) -> None:
    async with make_app(rate_limits="search=1/minute") as (app, http):
        services: Services = app.state.services
        services.store = FailingCounters(services.store)  # type: ignore[assignment]
        logging.getLogger("pharmabot").addHandler(caplog.handler)
        try:
            searches = [(await http.post("/api/search/echo", json={"message": "x"})).status_code for _ in range(3)]
            chat = await http.post("/api/chat/echo", json={"message": "hello"})
        finally:
            logging.getLogger("pharmabot").removeHandler(caplog.handler)
    assert searches == [200, 200, 200]
    assert any(r.getMessage() == "rate limit skipped: store unavailable" for r in caplog.records)
    assert chat.status_code == 503
    assert chat.json()["error"]["code"] == "store_unavailable"


async def test_without_a_budget_rule_chat_survives_a_store_outage(make_app: AppFactory) -> None:
    async with make_app(rate_limits="chat_chars=off") as (app, http):
        services: Services = app.state.services
        services.store = FailingCounters(services.store)  # type: ignore[assignment]
        response = await http.post("/api/chat/echo", json={"message": "hello"})
    assert response.status_code == 200
    assert "ratelimit" not in response.headers


async def test_charging_after_the_answer_never_raises(make_app: AppFactory) -> None:
    async with make_app() as (app, _):
        services: Services = app.state.services
        services.store = FailingCounters(services.store)  # type: ignore[assignment]
        await charge_generated_chars(
            store=services.store, rules=services.settings.rate_limits, caller=Caller(id="k", kind="api_key"), n=500
        )
