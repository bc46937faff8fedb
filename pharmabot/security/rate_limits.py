"""Rate limits per caller and per session: the rule table, its `PHARMABOT_RATE_LIMITS` overrides, the counting.

The rules are data (the settings parse them at start-up, to fail fast on a bad override). Requests
are counted in the state store, so every instance agrees: `count_request` counts one request under
every rule of its route class (the app-wide dependency `pharmabot.api.deps.check_rate_limit` calls
it), chat calls `admit_chat_turn` once it knows the session (the session's limits and the budget
check in one store round-trip) and `charge_generated_chars` after. Over a limit they raise
RateLimitedError (429) with `Retry-After`.

Headers follow draft-ietf-httpapi-ratelimit-headers-11 (May 2026): `RateLimit-Policy` lists the
policies as `"chat-minute";q=10;w=60` and `RateLimit` their state as `"chat-minute";r=3;t=41`
(remaining quota and seconds to the window's end), on successes and on 429s alike.

Defaults (per caller unless noted; fixed windows aligned to the epoch, so every instance agrees):

| class          | default limits        | counts                                 | store outage |
|----------------|-----------------------|----------------------------------------|--------------|
| `chat`         | 10/minute, 200/day    | requests to `/api/chat*`               | fail open    |
| `search`       | 60/minute, 2000/day   | requests to `/api/search`              | fail open    |
| `interactions` | 60/minute, 2000/day   | requests to `/api/interactions`        | fail open    |
| `other`        | 120/minute            | any other `/api/*` request             | fail open    |
| `session`      | 5/minute, 100/day     | chat turns in one session (per caller) | fail open    |
| `chat_chars`   | 200000/day            | characters of generated chat answers   | fail closed  |

Request counts fail open: an unreachable store must not take the API down, and the worst case
is unthrottled traffic for the length of the outage. The generated-characters budget fails
closed: it is the only bound on model spending (denial of wallet), and chat cannot keep its
conversation memory during a store outage anyway, so refusing chat costs little extra.

An override `class=N/period` replaces the default rule of that class and period (or adds one);
`class=off` removes every rule of the class.
"""

from __future__ import annotations

import logging
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Protocol

from starlette.requests import Request

from pharmabot.errors import RateLimitedError, StoreError
from pharmabot.logs import log_id
from pharmabot.security.auth import Caller, is_open_path

log = logging.getLogger("pharmabot.security")

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


class RouteClass(StrEnum):
    chat = "chat"
    search = "search"
    interactions = "interactions"
    other = "other"
    session = "session"
    chat_chars = "chat_chars"


# Rules that refuse service when their counter cannot be read (see the module docstring).
FAIL_CLOSED = frozenset({RouteClass.chat_chars})


@dataclass(frozen=True)
class RateLimitRule:
    """At most LIMIT units per fixed window of WINDOW_SECONDS for one route class."""

    route_class: RouteClass
    limit: int
    period: str

    @property
    def window_seconds(self) -> int:
        return PERIODS[self.period]

    @property
    def name(self) -> str:
        """The policy name shown in the RateLimit headers, e.g. `chat-minute`."""
        return f"{self.route_class.value.replace('_', '-')}-{self.period}"

    @property
    def fail_open(self) -> bool:
        return self.route_class not in FAIL_CLOSED


DEFAULT_RULES: tuple[RateLimitRule, ...] = (
    RateLimitRule(RouteClass.chat, 10, "minute"),
    RateLimitRule(RouteClass.chat, 200, "day"),
    RateLimitRule(RouteClass.search, 60, "minute"),
    RateLimitRule(RouteClass.search, 2000, "day"),
    RateLimitRule(RouteClass.interactions, 60, "minute"),
    RateLimitRule(RouteClass.interactions, 2000, "day"),
    RateLimitRule(RouteClass.other, 120, "minute"),
    RateLimitRule(RouteClass.session, 5, "minute"),
    RateLimitRule(RouteClass.session, 100, "day"),
    RateLimitRule(RouteClass.chat_chars, 200_000, "day"),
)

_ITEM = re.compile(r"^(?P<cls>[a-z_]+)\s*=\s*(?:(?P<off>off)|(?P<n>\d{1,12})\s*/\s*(?P<period>[a-z]+))$")


def parse_rate_limits(text: str, *, base: tuple[RateLimitRule, ...] = DEFAULT_RULES) -> tuple[RateLimitRule, ...]:
    """Apply comma-separated overrides to BASE; raise ValueError naming the bad item."""
    rules = {(r.route_class, r.period): r for r in base}
    for raw in text.split(","):
        item = raw.strip().lower()
        if not item:
            continue
        match = _ITEM.match(item)
        if not match:
            raise ValueError(f"bad rate limit {raw.strip()!r}: expected class=N/period or class=off")
        try:
            route_class = RouteClass(match["cls"])
        except ValueError:
            known = ", ".join(c.value for c in RouteClass)
            raise ValueError(f"unknown rate-limit class {match['cls']!r} (known: {known})") from None
        if match["off"]:
            rules = {key: rule for key, rule in rules.items() if key[0] is not route_class}
            continue
        period = match["period"].removesuffix("s")
        if period not in PERIODS:
            raise ValueError(f"unknown period {match['period']!r} in {raw.strip()!r} (use {', '.join(PERIODS)})")
        limit = int(match["n"])
        if limit < 1:
            raise ValueError(f"rate limit {raw.strip()!r} must allow at least 1 (use {route_class.value}=off)")
        rules[(route_class, period)] = RateLimitRule(route_class, limit, period)
    return tuple(sorted(rules.values(), key=lambda r: (list(RouteClass).index(r.route_class), r.window_seconds)))


# --- counting ------------------------------------------------------------------------------------------

# The characters budget is not counted in requests, so it is announced with this vendor
# parameter (the draft's registered quota units have no "characters").
_CHARS_UNIT = ';pharmabot-unit="characters"'
_SESSION_WHAT = "messages in this session"


class Counters(Protocol):
    """The part of the state store rate limits use (`pharmabot.store.base.Store` has it)."""

    async def increment_many(self, *, items: Sequence[tuple[str, int, int]]) -> list[int]: ...


@dataclass(frozen=True)
class Usage:
    """One rule's state after counting: used so far, and seconds to the end of the window."""

    rule: RateLimitRule
    used: int
    reset_seconds: int

    @property
    def remaining(self) -> int:
        return max(self.rule.limit - self.used, 0)


@lru_cache(maxsize=8)
def rules_from(overrides: str) -> tuple[RateLimitRule, ...]:
    """The effective rules for a `PHARMABOT_RATE_LIMITS` value (validated at start-up)."""
    return parse_rate_limits(overrides)


@lru_cache(maxsize=64)
def _rules_of(overrides: str, cls: RouteClass) -> list[RateLimitRule]:
    # Filtered once per (setting, class) rather than on every request; callers never mutate it.
    return [r for r in rules_from(overrides) if r.route_class is cls]


def route_class(path: str) -> RouteClass | None:
    """The class a path is limited under; None for paths that are never limited."""
    if is_open_path(path) or not (path == "/api" or path.startswith("/api/")):
        return None
    if path == "/api/chat" or path.startswith("/api/chat/"):
        return RouteClass.chat
    if path.startswith("/api/search"):
        return RouteClass.search
    if path.startswith("/api/interactions"):
        return RouteClass.interactions
    return RouteClass.other


def _window(rule: RateLimitRule, now: float) -> tuple[int, int]:
    """(start of the current fixed window, seconds left in it)."""
    start = int(now // rule.window_seconds) * rule.window_seconds
    return start, max(math.ceil(start + rule.window_seconds - now), 1)


async def _count(store: Counters, counts: list[tuple[RateLimitRule, str, int]]) -> list[Usage]:
    """Add each (rule, subject, amount) to its counter for the rule's current window, in one store round-trip.

    Returns the rules' usages; none when the store failed and every rule fails open.
    """
    if not counts:
        return []
    now = time.time()
    windows = [_window(rule, now) for rule, _, _ in counts]
    # The window start is part of the key, so all instances count into the same fixed window.
    items = [
        (f"rl:{rule.name}:{subject}:{start}", amount, rule.window_seconds)
        for (rule, subject, amount), (start, _) in zip(counts, windows, strict=True)
    ]
    try:
        totals = await store.increment_many(items=items)
    except StoreError:
        if not all(rule.fail_open for rule, _, _ in counts):
            raise
        for rule, _, _ in counts:
            log.warning("rate limit skipped: store unavailable", extra={"fields": {"event": rule.name}})
        return []
    return [
        Usage(rule=rule, used=used, reset_seconds=reset)
        for (rule, _, _), used, (_, reset) in zip(counts, totals, windows, strict=True)
    ]


def _policy_item(usage: Usage) -> str:
    unit = _CHARS_UNIT if usage.rule.route_class is RouteClass.chat_chars else ""
    return f'"{usage.rule.name}";q={usage.rule.limit};w={usage.rule.window_seconds}{unit}'


def _state_item(usage: Usage) -> str:
    return f'"{usage.rule.name}";r={usage.remaining};t={usage.reset_seconds}'


def _headers(usages: list[Usage]) -> list[tuple[str, str]]:
    if not usages:
        return []
    return [
        ("RateLimit-Policy", ", ".join(_policy_item(u) for u in usages)),
        ("RateLimit", ", ".join(_state_item(u) for u in usages)),
    ]


def _remember(request: Request | None, headers: list[tuple[str, str]]) -> None:
    """Queue headers for the response; the request middleware adds them to whatever answers."""
    if request is None or not headers:
        return
    pending: list[tuple[str, str]] = getattr(request.state, "response_headers", [])
    names = {name.lower() for name, _ in headers}
    merged = [(k, v) for k, v in pending if k.lower() not in names]
    # Several checks (caller, then session) each report their policies; keep both lists.
    for name, value in headers:
        earlier = [v for k, v in pending if k.lower() == name.lower()]
        merged.append((name, ", ".join([*earlier, value])))
    request.state.response_headers = merged


def _reject(usages: list[Usage], exceeded: list[Usage], *, what: str) -> None:
    """Raise the 429 for EXCEEDED rules, with the state of every rule counted."""
    # Retry-After must not point before the end of the longest exceeded window (draft section 6).
    retry_after = max(u.reset_seconds for u in exceeded)
    headers = dict(_headers(usages))
    headers["Retry-After"] = str(retry_after)
    raise RateLimitedError(
        f"Too many {what}; retry after {retry_after} s.",
        details={"violated_policies": [u.rule.name for u in exceeded], "retry_after_seconds": retry_after},
        headers=headers,
    )


async def count_request(
    *, store: Counters, rules: str, caller: Caller, route: RouteClass, request: Request | None = None
) -> None:
    """Count one request against CALLER's limits for ROUTE (RULES: the `PHARMABOT_RATE_LIMITS` value)."""
    usages = await _count(store, [(rule, caller.id, 1) for rule in _rules_of(rules, route)])
    exceeded = [u for u in usages if u.used > u.rule.limit]
    if exceeded:
        _reject(usages, exceeded, what="requests")
    _remember(request, _headers(usages))


def _session_subject(caller: Caller, session_id: str) -> str:
    # The caller is part of the subject: a session id alone could be chosen to exhaust someone else's.
    return f"{caller.id}:{log_id(session_id)}"


async def check_chat_budget(*, store: Counters, rules: str, caller: Caller, request: Request | None = None) -> None:
    """Refuse to generate when the caller's generated-characters budget is spent (fails closed)."""
    # Adding 0 reads the counter.
    chars = _rules_of(rules, RouteClass.chat_chars)
    _check_budget(await _count(store, [(rule, caller.id, 0) for rule in chars]), request)


async def admit_chat_turn(
    *, store: Counters, rules: str, caller: Caller, session_id: str, request: Request | None = None
) -> None:
    """Count one chat turn against the session's limits, then check the budget: one store round-trip."""
    subject = _session_subject(caller, session_id)
    counts = [(rule, subject, 1) for rule in _rules_of(rules, RouteClass.session)]
    counts += [(rule, caller.id, 0) for rule in _rules_of(rules, RouteClass.chat_chars)]
    usages = await _count(store, counts)
    session = [u for u in usages if u.rule.route_class is RouteClass.session]
    exceeded = [u for u in session if u.used > u.rule.limit]
    if exceeded:
        _reject(session, exceeded, what=_SESSION_WHAT)
    _remember(request, _headers(session))
    _check_budget([u for u in usages if u.rule.route_class is RouteClass.chat_chars], request)


def _check_budget(usages: list[Usage], request: Request | None) -> None:
    # The budget is spent once the counter reaches the limit.
    spent = [u for u in usages if u.remaining == 0]
    if spent:
        _reject(usages, spent, what="generated characters today")
    _remember(request, _headers(usages))


async def charge_generated_chars(*, store: Counters, rules: str, caller: Caller, n: int) -> None:
    """Add N generated characters to the caller's daily budget (after the answer was sent).

    The answer has already been delivered, so a store failure here is logged, not raised.
    """
    if n <= 0:
        return
    try:
        await _count(store, [(rule, caller.id, n) for rule in _rules_of(rules, RouteClass.chat_chars)])
    except StoreError:
        log.warning("generated characters not charged: store unavailable", extra={"fields": {"count": n}})
