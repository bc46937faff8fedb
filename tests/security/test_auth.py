"""API keys, caller identity, session ownership and the hash-key command."""

from __future__ import annotations

import hashlib
import io
import sys

import pytest
from fastapi import Request

from pharmabot.cli import main
from pharmabot.config import load_settings
from pharmabot.errors import ConfigError
from pharmabot.security.auth import (
    Caller,
    client_address,
    forwarded_client,
    hash_key,
    key_id,
    match_key,
    resolve_caller,
)
from tests.support.fixtures import AppFactory

KEY = "k3y-0123456789abcdefghijklmnopqrstuvwxyz"
OTHER_KEY = "another-0123456789abcdefghijklmnopqrstuv"


def test_match_key_is_against_the_sha256_hash() -> None:
    configured = [hash_key(OTHER_KEY), hash_key(KEY)]
    assert hash_key(KEY) == hashlib.sha256(KEY.encode()).hexdigest()
    assert match_key(KEY, configured) == configured[1]
    assert match_key(KEY + "x", configured) is None
    assert match_key(configured[1], configured) is None  # the hash itself is not a key
    assert key_id(configured[1]) == configured[1][:12]


async def test_no_keys_configured_means_open_and_callers_by_address(make_app: AppFactory) -> None:
    async with make_app() as (_, http):
        response = await http.get("/api/things")
        behind_proxy = await http.get("/api/things", headers={"X-Forwarded-For": "198.51.100.1, 192.0.2.44:6123"})
    assert response.status_code == 200
    assert response.json()["kind"] == "ip"
    assert response.json()["caller"].startswith("ip-")
    assert "203.0.113.7" not in response.text  # addresses are hashed, never stored or shown
    # No proxy is trusted by default: a forwarding header sent by the client changes nothing.
    assert behind_proxy.json()["caller"] == response.json()["caller"]


async def test_a_trusted_proxy_names_the_client(make_app: AppFactory) -> None:
    async with make_app(trusted_proxies="203.0.113.0/28") as (_, http):
        direct = await http.get("/api/things")
        forwarded = await http.get("/api/things", headers={"X-Forwarded-For": "198.51.100.1, 192.0.2.44:6123"})
        forged_left = await http.get("/api/things", headers={"X-Forwarded-For": "10.1.1.1, 192.0.2.44"})
    assert forwarded.json()["caller"] != direct.json()["caller"]
    # What the client put left of the proxy's own entry is ignored.
    assert forged_left.json()["caller"] == forwarded.json()["caller"]


async def test_keys_configured_require_one(make_app: AppFactory) -> None:
    async with make_app(api_keys=hash_key(KEY)) as (_, http):
        missing = await http.get("/api/things")
        wrong = await http.get("/api/things", headers={"Authorization": f"Bearer {OTHER_KEY}"})
        wrong_header = await http.get("/api/things", headers={"X-API-Key": "nope"})
        bearer = await http.get("/api/things", headers={"Authorization": f"Bearer {KEY}"})
        x_api_key = await http.get("/api/things", headers={"X-API-Key": KEY})
        post = await http.post("/api/search/echo", json={"message": "x"})
    for refused in (missing, wrong, wrong_header, post):
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"] == 'Bearer realm="pharmabot"'
        assert refused.json()["error"]["code"] == "unauthorized"
        assert KEY not in refused.text
    assert missing.json()["error"]["message"].startswith("An API key is required")
    assert wrong.json()["error"]["message"] == "Invalid API key."
    assert bearer.status_code == x_api_key.status_code == 200
    assert bearer.json() == {"caller": hash_key(KEY)[:12], "kind": "api_key"}
    assert x_api_key.json() == bearer.json()


async def test_health_and_docs_stay_open_with_keys(make_app: AppFactory) -> None:
    async with make_app(api_keys=hash_key(KEY)) as (_, http):
        for path in ("/health", "/health/live", "/docs", "/redoc", "/openapi.json"):
            assert (await http.get(path)).status_code == 200, path


def test_production_requires_keys_and_hashes_must_be_hashes() -> None:
    with pytest.raises(ConfigError, match="PHARMABOT_API_KEYS is required"):
        load_settings(environment="production")
    with pytest.raises(ConfigError, match="64-hex SHA-256") as info:
        load_settings(api_keys=KEY)
    assert KEY not in info.value.message
    settings = load_settings(api_keys=f" {hash_key(KEY).upper()} , {hash_key(OTHER_KEY)}")
    assert settings.api_keys == [hash_key(KEY), hash_key(OTHER_KEY)]


def _request(headers: list[tuple[bytes, bytes]], client: tuple[str, int] | None) -> Request:
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers, "client": client})


PEER = ("192.0.2.9", 1)
PROXY = ("10.0.0.5", 1)


@pytest.mark.parametrize(
    ("headers", "client", "trusted", "expected"),
    [
        # No proxy trusted (the default): the peer, whatever the header says.
        ([(b"x-forwarded-for", b"10.0.0.1, 192.0.2.5")], PEER, "", "192.0.2.9"),
        ([], PEER, "", "192.0.2.9"),
        ([], ("::ffff:192.0.2.9", 1), "", "192.0.2.9"),  # IPv4 through a dual-stack socket
        ([(b"x-forwarded-for", b"192.0.2.5")], None, "", None),  # no peer at all: anonymous
        # A trusted peer: the right-most entry, walking left past other trusted proxies.
        ([(b"x-forwarded-for", b"10.0.0.1, 192.0.2.5")], PROXY, "10.0.0.0/8", "192.0.2.5"),
        ([(b"x-forwarded-for", b"192.0.2.5, 10.0.0.7")], PROXY, "10.0.0.0/8", "192.0.2.5"),
        ([(b"x-forwarded-for", b"10.0.0.1"), (b"x-forwarded-for", b"192.0.2.6:443")], PROXY, "10.0.0.5", "192.0.2.6"),
        ([(b"x-forwarded-for", b"[2001:db8::1]:8080")], PROXY, "10.0.0.5", "2001:db8::1"),
        ([(b"x-forwarded-for", b"2001:db8::2")], PROXY, "10.0.0.5", "2001:db8::2"),
        ([(b"x-forwarded-for", b"not-an-address")], PROXY, "10.0.0.5", "10.0.0.5"),
        ([], PROXY, "10.0.0.5", "10.0.0.5"),
        # A peer outside the trusted list is not a proxy, even when one is configured.
        ([(b"x-forwarded-for", b"192.0.2.5")], PEER, "10.0.0.0/8", "192.0.2.9"),
    ],
)
def test_client_address(
    headers: list[tuple[bytes, bytes]], client: tuple[str, int] | None, trusted: str, expected: str | None
) -> None:
    settings = load_settings(trusted_proxies=trusted)
    assert client_address(_request(headers, client), settings) == expected


def test_client_address_from_a_single_value_header() -> None:
    settings = load_settings(trusted_proxy_header="X-Azure-ClientIP", trusted_proxies="10.0.0.0/8")
    request = _request([(b"x-azure-clientip", b"192.0.2.77"), (b"x-forwarded-for", b"10.9.9.9")], PROXY)
    assert client_address(request, settings) == "192.0.2.77"


@pytest.mark.parametrize(
    ("entries", "trusted", "expected"),
    [
        (["192.0.2.1"], (), "192.0.2.1"),
        (["198.51.100.7", "192.0.2.1"], (), "192.0.2.1"),  # the right-most: the one the front end appended
        (["198.51.100.7", "192.0.2.1", "10.0.0.3"], ("10.0.0.0/8",), "192.0.2.1"),
        (["10.0.0.2", "10.0.0.3"], ("10.0.0.0/8",), "10.0.0.2"),
        (["198.51.100.7", "garbage"], (), None),
    ],
)
def test_forwarded_client(entries: list[str], trusted: tuple[str, ...], expected: str | None) -> None:
    assert forwarded_client(entries, trusted) == expected


def test_trusted_proxies_must_be_addresses_or_ranges() -> None:
    assert load_settings(trusted_proxies=" 10.0.0.0/8 , 127.0.0.1,::1").trusted_proxies == [
        "10.0.0.0/8",
        "127.0.0.1/32",
        "::1/128",
    ]
    with pytest.raises(ConfigError, match=r"TRUSTED_PROXIES: 'proxy\.internal' is not an IP address"):
        load_settings(trusted_proxies="proxy.internal")


def test_no_address_at_all_is_anonymous() -> None:
    assert resolve_caller(_request([], None), load_settings()) == Caller(id="anonymous", kind="anonymous")


def test_hash_key_generates_a_key_and_its_hash(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hash-key"]) == 0
    lines = capsys.readouterr().out.splitlines()
    key = lines[0].rsplit(" ", 1)[1]
    digest = lines[1].rsplit(" ", 1)[1]
    assert len(key) >= 40
    assert digest == hash_key(key)
    assert load_settings(api_keys=digest).api_keys == [digest]


def test_hash_key_hashes_a_given_key(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["hash-key", "--key", KEY]) == 0
    assert capsys.readouterr().out.strip() == hash_key(KEY)
    monkeypatch.setattr(sys, "stdin", io.StringIO(KEY + "\n"))
    assert main(["hash-key", "--stdin"]) == 0
    assert capsys.readouterr().out.strip() == hash_key(KEY)
    assert main(["hash-key", "--key", "short"]) == 2
    assert "at least 24" in capsys.readouterr().err
