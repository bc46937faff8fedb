"""Shared fixtures: isolated settings on a temporary SQLite file, the app, and an in-process client."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from pharmabot.config import Settings, get_settings, load_settings

# Settings come from the environment, and `pharmabot.main` builds its module-level `app` on import:
# drop whatever the developer's shell exports and point the default state at a throwaway directory
# before any test module imports the app, so no test writes `.data/` in the checkout.
for _field in Settings.model_fields.values():
    for _name in getattr(_field.validation_alias, "choices", []):
        os.environ.pop(str(_name), None)
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="pharmabot-tests-"))
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)
os.environ["PHARMABOT_SQLITE_PATH"] = str(_SESSION_DIR / "state.sqlite")
os.environ["PHARMABOT_INDEX_PATH"] = str(_SESSION_DIR / "labels-index.sqlite")
get_settings.cache_clear()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with this test's own SQLite file."""
    return load_settings(sqlite_path=tmp_path / "state" / "pharmabot.sqlite")


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    from pharmabot.main import create_app

    return create_app(settings)


@pytest.fixture
async def started_app(app: FastAPI) -> AsyncIterator[FastAPI]:
    """The app with its lifespan running (services open), as a server would run it."""
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
async def client(started_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client calling the app in-process over ASGI."""
    transport = httpx.ASGITransport(app=started_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
