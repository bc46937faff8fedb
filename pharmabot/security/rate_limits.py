"""Rate-limit rules as data: the default table and the parser for `PHARMABOT_RATE_LIMITS` overrides.

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

import re
from dataclasses import dataclass
from enum import StrEnum

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
class Rule:
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


DEFAULT_RULES: tuple[Rule, ...] = (
    Rule(RouteClass.chat, 10, "minute"),
    Rule(RouteClass.chat, 200, "day"),
    Rule(RouteClass.search, 60, "minute"),
    Rule(RouteClass.search, 2000, "day"),
    Rule(RouteClass.interactions, 60, "minute"),
    Rule(RouteClass.interactions, 2000, "day"),
    Rule(RouteClass.other, 120, "minute"),
    Rule(RouteClass.session, 5, "minute"),
    Rule(RouteClass.session, 100, "day"),
    Rule(RouteClass.chat_chars, 200_000, "day"),
)

_ITEM = re.compile(r"^(?P<cls>[a-z_]+)\s*=\s*(?:(?P<off>off)|(?P<n>\d{1,12})\s*/\s*(?P<period>[a-z]+))$")


def parse_rate_limits(text: str, *, base: tuple[Rule, ...] = DEFAULT_RULES) -> tuple[Rule, ...]:
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
        rules[(route_class, period)] = Rule(route_class, limit, period)
    return tuple(sorted(rules.values(), key=lambda r: (list(RouteClass).index(r.route_class), r.window_seconds)))
