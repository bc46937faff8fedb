"""Who is calling: API keys (`Authorization: Bearer` or `X-API-Key`), else the client address.

Keys are configured as SHA-256 hashes (`python -m pharmabot hash-key`). A plain SHA-256 is the
standard choice for random high-entropy API keys: a slow password hash (bcrypt, Argon2) protects
guessable secrets, and a 256-bit random key cannot be guessed, so it would only slow every
request. The presented key is hashed and compared with every configured hash in constant time.

Without configured keys the caller is its client address, and that address must not be something the
client can choose. A forwarding header (`PHARMABOT_CLIENT_IP_HEADER`, default `X-Forwarded-For`) is
written by whoever sends it, so it is believed only from a proxy the app knows:

- under Azure Functions the front end is always in between: the Functions bridge takes the
  right-most entry of the header (the one the front end appended; anything to its left came from
  the client) and hands it to the app as the connection's address;
- under any other server the header is read only when the connection comes from an address in
  `PHARMABOT_TRUSTED_PROXIES` (the idea of uvicorn's `forwarded_allow_ips`), walking the entries
  from the right past those proxies; by default no proxy is trusted and the peer address is the caller.

Behind Azure Front Door, which appends its own edge address, use `PHARMABOT_CLIENT_IP_HEADER=X-Azure-ClientIP`
and let only Front Door reach the app (access restrictions on `X-Azure-FDID`): the header is believed.
Addresses are hashed into the caller id, so neither the store nor the logs hold them.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import ipaddress
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from starlette.datastructures import Headers
from starlette.requests import Request

from pharmabot.errors import AuthenticationError

log = logging.getLogger("pharmabot.security")

CallerKind = Literal["api_key", "ip", "anonymous"]
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Paths that never need a key and are never rate limited: probes, the API documentation and the
# built-in web page with its static files (the page then sends the person's key with its API calls).
OPEN_PATHS = frozenset({"/", "/health", "/health/live", "/docs", "/docs/oauth2-redirect", "/openapi.json", "/redoc"})

_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="pharmabot"'}


class CallerSettings(Protocol):
    """The settings a caller is resolved with (`pharmabot.config.Settings` has them)."""

    @property
    def api_keys(self) -> Sequence[str]: ...
    @property
    def trusted_proxies(self) -> Sequence[str]: ...
    @property
    def trusted_proxy_header(self) -> str: ...


@dataclass(frozen=True)
class Caller:
    """The party a request is counted against and whose sessions it may touch."""

    id: str
    kind: CallerKind


def is_open_path(path: str) -> bool:
    return path in OPEN_PATHS or path.startswith(("/health/", "/static/"))


def hash_key(key: str) -> str:
    """The SHA-256 hex digest configured in `PHARMABOT_API_KEYS` for KEY."""
    return hashlib.sha256(key.encode()).hexdigest()


def key_id(key_hash: str) -> str:
    """A short public id for a key (first 12 hex of its hash), used as caller id and in logs."""
    return key_hash[:12]


def match_key(presented: str, configured: list[str]) -> str | None:
    """The configured hash matching PRESENTED, compared in constant time against every hash."""
    digest = hash_key(presented)
    found: str | None = None
    for candidate in configured:
        # No early exit: the time taken does not depend on which entry (if any) matched.
        if hmac.compare_digest(digest, candidate):
            found = candidate
    return found


def presented_key(request: Request) -> str | None:
    """The key sent as `Authorization: Bearer KEY` or `X-API-Key: KEY`, if any."""
    authorization = request.headers.get("authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    header = request.headers.get("x-api-key", "").strip()
    return header or None


def _parse_address(value: str) -> str | None:
    """An IP address from a header entry: `1.2.3.4`, `1.2.3.4:5678`, `[::1]:80` or `::1`."""
    value = value.strip().strip('"')
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]  # IPv4 with a port, as the App Service front end sends it
    try:
        ip = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client reaching a dual-stack socket shows up as ::ffff:a.b.c.d: one caller, one address.
    mapped = getattr(ip, "ipv4_mapped", None)
    return str(mapped or ip)


@functools.lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in proxies)


def _trusted(address: str, networks: tuple[IPNetwork, ...]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip.version == net.version and ip in net for net in networks)


def header_entries(headers: Headers, name: str) -> list[str]:
    """The comma-separated entries of every NAME header, in order (proxies may send it several times)."""
    name = name.strip().lower()
    if not name:
        return []
    return [entry.strip() for value in headers.getlist(name) for entry in value.split(",") if entry.strip()]


def forwarded_client(entries: list[str], trusted: tuple[str, ...] = ()) -> str | None:
    """The client named by a forwarding header that a trusted proxy appended to.

    Entries are read from the right: the right-most was written by the proxy that handed over the
    request; an entry that is itself a TRUSTED proxy hands over to the one on its left. Anything left
    of the first untrusted address was written by the client and is ignored. None when an entry on
    that walk is not an address: a malformed chain is not believed.
    """
    networks = _networks(tuple(trusted))
    address: str | None = None
    for entry in reversed(entries):
        address = _parse_address(entry)
        if address is None or not _trusted(address, networks):
            return address
    return address  # every entry is a trusted proxy: the left-most is as far as the chain goes


def client_address(request: Request, settings: CallerSettings) -> str | None:
    """The caller's address: the peer's, or the forwarded one when the peer is a trusted proxy."""
    peer = _parse_address(request.client.host) if request.client is not None else None
    if peer is None or not settings.trusted_proxies:
        return peer
    if not _trusted(peer, _networks(tuple(settings.trusted_proxies))):
        return peer
    entries = header_entries(request.headers, settings.trusted_proxy_header)
    if not entries:
        return peer
    return forwarded_client(entries, tuple(settings.trusted_proxies)) or peer


def resolve_caller(request: Request, settings: CallerSettings) -> Caller:
    """Identify the caller; raise AuthenticationError (401) when keys are configured and none matches."""
    if settings.api_keys:
        key = presented_key(request)
        matched = match_key(key, list(settings.api_keys)) if key else None
        if matched is None:
            log.info("authentication failed", extra={"fields": {"event": "auth_failed" if key else "auth_missing"}})
            message = "Invalid API key." if key else "An API key is required (Authorization: Bearer or X-API-Key)."
            raise AuthenticationError(message, headers=_CHALLENGE)
        return Caller(id=key_id(matched), kind="api_key")
    address = client_address(request, settings)
    if address is None:
        return Caller(id="anonymous", kind="anonymous")
    return Caller(id="ip-" + hashlib.sha256(address.encode()).hexdigest()[:16], kind="ip")
