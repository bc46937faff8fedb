"""Browser tests of the built-in page: headless Chromium (Debian's package) driven by Playwright.

The app runs on a real uvicorn server over a small label index in which one label's text was
made hostile (markup that would run if the page ever parsed label text as HTML). A second app
answers with the `openai` writer pointed at `FakeOpenAIServer`, the local OpenAI-compatible
stand-in written for the tests, so a test can choose exactly what the "model" streams.
Screenshots of each screen are saved to `test-artifacts/web/` for people to look at.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Playwright, sync_playwright

from pharmabot.config import load_settings
from pharmabot.ingest import build_index
from pharmabot.main import create_app
from pharmabot.security.auth import hash_key
from tests.support.fake_openai import FakeOpenAIServer, running_server
from tests.support.labels import DEFAULT_TEST_DRUGS, raw_records_for, write_jsonl
from tests.support.servers import serve_in_thread

CHROMIUM = Path(os.environ.get("PHARMABOT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
DESKTOP = {"width": 1100, "height": 900}
PHONE = {"width": 375, "height": 812}

# Put into the levothyroxine label's description: it must show as text and never run.
HOSTILE_LABEL_TEXT = '<script>window.__pwned = "label"</script><img src=x onerror="window.__pwned = \'img\'"> '
API_KEY = "web-test-key-0123456789abcdef"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # CI installs Chromium (`make chromium`); elsewhere a missing browser skips these tests with a reason.
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not found: run `make chromium` (Debian's chromium package)")
    for item in items:
        if "tests/web/" in item.nodeid.replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test drugs' shipped labels, one of them with hostile markup in its text."""
    directory = tmp_path_factory.mktemp("web-index")
    records = copy.deepcopy(raw_records_for(DEFAULT_TEST_DRUGS))
    for record in records:
        if "levothyroxine" in " ".join(record.get("openfda", {}).get("generic_name", [])).lower():
            record["description"] = [HOSTILE_LABEL_TEXT + record["description"][0]]
    source = write_jsonl(directory / "labels.jsonl", records)
    return build_index(sources=[source], index_path=directory / "index.sqlite").path


@pytest.fixture(scope="session")
def base_url(web_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with the default (extractive) writer, on uvicorn."""
    settings = load_settings(index_path=web_index, sqlite_path=tmp_path_factory.mktemp("web-state") / "s.sqlite")
    with serve_in_thread(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="session")
def fake_model_session() -> Iterator[FakeOpenAIServer]:
    yield from running_server()


@pytest.fixture
def fake_model(fake_model_session: FakeOpenAIServer) -> FakeOpenAIServer:
    fake_model_session.reset()
    return fake_model_session


@pytest.fixture(scope="session")
def model_url(
    web_index: Path, fake_model_session: FakeOpenAIServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The app answering through the `openai` writer, pointed at the local stand-in model server."""
    settings = load_settings(
        index_path=web_index,
        sqlite_path=tmp_path_factory.mktemp("web-model-state") / "s.sqlite",
        answer_writer="openai",
        openai_base_url=fake_model_session.base_url + "/v1",
        openai_api_key="test-key",
        model_timeout_seconds=5,
    )
    with serve_in_thread(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="session")
def keyed_url(web_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with an API key required on /api."""
    settings = load_settings(
        index_path=web_index,
        sqlite_path=tmp_path_factory.mktemp("web-keyed-state") / "s.sqlite",
        api_keys=[hash_key(API_KEY)],
    )
    with serve_in_thread(create_app(settings)) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    # Debian's Chromium, never a downloaded browser build; Playwright gives it a fresh profile.
    launched = playwright_driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
    yield launched
    launched.close()


@dataclass
class PageWatch:
    """What the page reported: console errors (CSP violations land there), uncaught errors, dialogs."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser: Browser, watch: PageWatch) -> Iterator[Page]:
    """A fresh browser context (empty local storage) and page; fails the test on script errors or dialogs."""
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    opened = context.new_page()
    opened.on("console", watch.console)
    opened.on("pageerror", lambda error: watch.errors.append(f"uncaught: {error}"))
    opened.on("dialog", watch.dialog)
    yield opened
    context.close()
    # Chromium also logs the refused calls the page handles (401 before a key, 404/409 for drug names).
    expected = [e for e in watch.errors if not re.search(r"status of (401|404|409)\b", e)]
    assert not expected, f"page reported errors: {expected}"
    assert not watch.dialogs, f"a dialog opened (script ran?): {watch.dialogs}"


def screenshot(page: Page, name: str, **options: Any) -> Path:
    """Save a PNG of the page under test-artifacts/web/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), **options)
    return path


@pytest.fixture(scope="session", autouse=True)
def _fresh_artifacts() -> None:
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
