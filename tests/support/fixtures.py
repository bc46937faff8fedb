"""The fixtures every test folder shares, loaded as a pytest plugin by `tests/conftest.py`.

Apps over the small label index with a temporary SQLite store (`app`, `started_app`, and `client`, an
httpx client calling the app in-process; `make_app` for apps with other settings and the stand-in routes),
and the local stand-in OpenAI server (`fake_server`). A test folder's own conftest holds only what that
folder uses.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from pharmabot.config import Settings, load_settings
from tests.support.fake_openai import FakeOpenAIServer, running_server
from tests.support.index import build_small_index

AppFactory = Callable[..., AbstractAsyncContextManager[tuple[FastAPI, httpx.AsyncClient]]]

# The SDK and our settings read these; tests must see only what they set themselves.
MODEL_ENV = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "OPENAI_MODEL",
    "OPENAI_ORG_ID",
    "OPENAI_PROJECT_ID",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_AD_TOKEN",
    "AZURE_OPENAI_ENDPOINT",
    "AZURE_OPENAI_CHAT_DEPLOYMENT",
    "AZURE_OPENAI_EMBEDDING_DEPLOYMENT",
    "OPENAI_API_VERSION",
    "PHARMABOT_ANSWER_WRITER",
    "AZURE_CLIENT_ID",
)


@pytest.fixture(scope="session", autouse=True)
def small_index() -> Path:
    """A label index of the default test drugs (real SQLite FTS5), built once per session.

    It is the session's default PHARMABOT_INDEX_PATH (set by tests/conftest.py), so every test's settings
    (and the module-level app that function_app imports) find an index.
    """
    path = Path(os.environ["PHARMABOT_INDEX_PATH"])
    return build_small_index(path.parent).path


@pytest.fixture
def settings(tmp_path: Path, small_index: Path) -> Settings:
    """Default settings with this test's own SQLite file and the small label index."""
    return load_settings(sqlite_path=tmp_path / "state" / "pharmabot.sqlite", index_path=small_index)


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    from pharmabot.main import create_app

    return create_app(settings)


@pytest.fixture
async def started_app(app: FastAPI) -> AsyncIterator[FastAPI]:
    """The app with its lifespan running (services open), as a server would run it."""
    async with app.router.lifespan_context(app):
        yield app


def asgi_client(
    app: FastAPI, *, client: tuple[str, int] = ("127.0.0.1", 123), raise_app_exceptions: bool = True
) -> httpx.AsyncClient:
    """The one way tests call an app in-process: an httpx client over ASGI, connecting from CLIENT."""
    transport = httpx.ASGITransport(app=app, client=client, raise_app_exceptions=raise_app_exceptions)
    return httpx.AsyncClient(transport=transport, base_url="http://testserver")


@asynccontextmanager
async def app_client(
    settings: Settings, *, client: tuple[str, int] = ("127.0.0.1", 123)
) -> AsyncIterator[httpx.AsyncClient]:
    """`create_app(SETTINGS)` with its lifespan running, and a client for it."""
    from pharmabot.main import create_app

    app = create_app(settings)
    async with app.router.lifespan_context(app), asgi_client(app, client=client) as http:
        yield http


async def check_interactions(client: httpx.AsyncClient, *names: str) -> dict[str, Any]:
    """POST the names to /api/interactions, as typed, and return the report (the check must succeed)."""
    response = await client.post("/api/interactions", json={"drugs": list(names)})
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


@pytest.fixture
async def client(started_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client calling the app in-process over ASGI."""
    async with asgi_client(started_app) as http:
        yield http


@pytest.fixture
def make_app(tmp_path: Path, small_index: Path) -> AppFactory:
    """Start create_app (lifespan included) with settings overrides, plus the stand-in routes; give a client.

    The client connects from CLIENT (an address, as a server would see it).
    """
    from pharmabot.main import create_app
    from tests.support.routes import stand_in_router

    @asynccontextmanager
    async def factory(
        *, db: Path | None = None, client: tuple[str, int] = ("203.0.113.7", 5000), **overrides: Any
    ) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
        overrides.setdefault("index_path", small_index)
        settings = load_settings(sqlite_path=db or tmp_path / "state.sqlite", **overrides)
        app = create_app(settings)
        app.include_router(stand_in_router)
        async with app.router.lifespan_context(app), asgi_client(app, client=client) as http:
            yield app, http

    return factory


@pytest.fixture(scope="session")
def fake_server_session() -> Iterator[FakeOpenAIServer]:
    yield from running_server()


@pytest.fixture
def fake_server(fake_server_session: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAIServer:
    """The local stand-in server, with its recordings and behaviour reset, and no model env leaking in."""
    for name in MODEL_ENV:
        monkeypatch.delenv(name, raising=False)
    fake_server_session.reset()
    return fake_server_session
