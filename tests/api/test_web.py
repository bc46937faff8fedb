"""The built-in page's files: served at / and /static, with the page's CSP, open without an API key."""

from __future__ import annotations

import httpx
import pytest

from pharmabot.api.middleware import API_CSP, WEB_CSP
from pharmabot.security.auth import hash_key
from pharmabot.web import STATIC_DIR
from tests.support.fixtures import AppFactory

PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
)


async def test_index_is_the_page_with_a_strict_csp(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == PAGE_CSP == WEB_CSP.decode()
    assert response.headers["x-frame-options"] == "DENY"
    assert '<script type="module" src="/static/app.js">' in response.text
    assert (await client.head("/")).status_code == 200


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/static/app.js", "text/javascript"), ("/static/app.css", "text/css"), ("/static/render.js", "text/javascript")],
)
async def test_static_files_are_served(client: httpx.AsyncClient, path: str, kind: str) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(kind)
    assert response.headers["content-security-policy"] == PAGE_CSP
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_api_keeps_its_own_csp(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health/live")).headers["content-security-policy"] == API_CSP.decode()


@pytest.mark.parametrize("path", ["/static/../main.py", "/static/%2e%2e/main.py", "/static/nope.js"])
async def test_nothing_outside_the_static_folder(client: httpx.AsyncClient, path: str) -> None:
    assert (await client.get(path)).status_code == 404


def test_page_has_no_inline_code_or_outside_assets() -> None:
    html = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    # The CSP forbids inline scripts and styles; the page must not need them.
    assert "<style" not in html
    assert " style=" not in html
    assert "<script>" not in html
    assert " on" + "click=" not in html
    for asset in STATIC_DIR.iterdir():
        text = asset.read_text(encoding="utf-8")
        assert "http://" not in text  # no outside assets: scripts, styles and fonts come from /static
        assert "innerHTML" not in text
        assert "insertAdjacentHTML" not in text
        assert "document.write" not in text


async def test_page_and_static_files_need_no_key_but_the_api_does(make_app: AppFactory) -> None:
    async with make_app(api_keys=[hash_key("k" * 32)]) as (_, client):
        assert (await client.get("/")).status_code == 200
        assert (await client.get("/static/app.js")).status_code == 200
        refused = await client.get("/api/drugs", params={"q": "warf"})
        assert refused.status_code == 401
        assert refused.json()["error"]["code"] == "unauthorized"
        allowed = await client.get("/api/drugs", params={"q": "warf"}, headers={"X-API-Key": "k" * 32})
        assert allowed.status_code == 200
