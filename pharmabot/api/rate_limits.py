"""Rate limits per caller and per session, counted in the shared store so every instance agrees.

`check_rate_limit` is the FastAPI dependency (installed app-wide by `create_app`): it infers the
route class from the path, counts the request under every rule of that class, and answers 429
with `Retry-After` when one is exceeded. Chat routes also call `admit_chat_turn` once they know
the session id (the session's limits and the budget check in one store round-trip) and
`charge_generated_chars` after.
The rule table and the fail-open/fail-closed choices are in `pharmabot.security.rules`.

Headers follow draft-ietf-httpapi-ratelimit-headers-11 (May 2026): `RateLimit-Policy` lists the
policies as `"chat-minute";q=10;w=60` and `RateLimit` their state as `"chat-minute";r=3;t=41`
(remaining quota and seconds to the window's end), on successes and on 429s alike.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from functools import lru_cache

from fastapi import Request

from pharmabot.errors import RateLimitedError, StoreError
from pharmabot.logs import log_id
from pharmabot.security.auth import Caller, get_caller, is_open_path
from pharmabot.security.rules import RouteClass, Rule, parse_rate_limits
from pharmabot.services import Services

log = logging.getLogger("pharmabot.security")

# The characters budget is not counted in requests, so it is announced with this vendor
# parameter (the draft's registered quota units have no "characters").
_CHARS_UNIT = ';pharmabot-unit="characters"'


@dataclass(frozen=True)
class Usage:
    """One rule's state after counting: used so far, and seconds to the end of the window."""

    rule: Rule
    used: int
    reset_seconds: int

    @property
    def remaining(self) -> int:
        return max(self.rule.limit - self.used, 0)


@lru_cache(maxsize=8)
def rules_from(overrides: str) -> tuple[Rule, ...]:
    """The effective rules for a `PHARMABOT_RATE_LIMITS` value (validated at start-up)."""
    return parse_rate_limits(overrides)


@lru_cache(maxsize=64)
def _rules_of(overrides: str, cls: RouteClass) -> list[Rule]:
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


def _window(rule: Rule, now: float) -> tuple[int, int]:
    """(start of the current fixed window, seconds left in it)."""
    start = int(now // rule.window_seconds) * rule.window_seconds
    return start, max(math.ceil(start + rule.window_seconds - now), 1)


async def _count(services: Services, counts: list[tuple[Rule, str, int]]) -> list[Usage]:
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
        totals = await services.store.increment_many(items=items)
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


async def _apply(
    services: Services, rules: list[Rule], subject: str, *, amount: int, request: Request | None, what: str
) -> list[Usage]:
    usages = await _count(services, [(rule, subject, amount) for rule in rules])
    exceeded = [u for u in usages if u.used > u.rule.limit]
    if exceeded:
        _reject(usages, exceeded, what=what)
    _remember(request, _headers(usages))
    return usages


async def check_rate_limit(request: Request) -> None:
    """FastAPI dependency: count this request against its caller's limits for the route class.

    Health, docs and non-API paths are exempt. Resolving the caller here also enforces API keys.
    """
    cls = route_class(request.url.path)
    if cls is None:
        return
    caller = get_caller(request)
    services: Services = request.app.state.services
    rules = _rules_of(services.settings.rate_limits, cls)
    await _apply(services, rules, caller.id, amount=1, request=request, what="requests")


def _session_subject(caller: Caller, session_id: str) -> str:
    # The caller is part of the subject: a session id alone could be chosen to exhaust someone else's.
    return f"{caller.id}:{log_id(session_id)}"


_SESSION_WHAT = "messages in this session"


def _chars_rules(services: Services) -> list[Rule]:
    return _rules_of(services.settings.rate_limits, RouteClass.chat_chars)


async def check_chat_budget(services: Services, caller: Caller, *, request: Request | None = None) -> None:
    """Refuse to generate when the caller's generated-characters budget is spent (fails closed)."""
    # Adding 0 reads the counter.
    _check_budget(await _count(services, [(rule, caller.id, 0) for rule in _chars_rules(services)]), request)


async def admit_chat_turn(
    services: Services, caller: Caller, session_id: str, *, request: Request | None = None
) -> None:
    """Count one chat turn against the session's limits, then check the budget: one store round-trip."""
    session_rules = _rules_of(services.settings.rate_limits, RouteClass.session)
    subject = _session_subject(caller, session_id)
    counts = [(rule, subject, 1) for rule in session_rules] + [(rule, caller.id, 0) for rule in _chars_rules(services)]
    usages = await _count(services, counts)
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


async def charge_generated_chars(services: Services, caller: Caller, n: int) -> None:
    """Add N generated characters to the caller's daily budget (after the answer was sent).

    The answer has already been delivered, so a store failure here is logged, not raised.
    """
    if n <= 0:
        return
    try:
        await _count(services, [(rule, caller.id, n) for rule in _chars_rules(services)])
    except StoreError:
        log.warning("generated characters not charged: store unavailable", extra={"fields": {"count": n}})
