"""Parsing `PHARMABOT_RATE_LIMITS` overrides and the default table."""

from __future__ import annotations

import pytest

from pharmabot.config import load_settings
from pharmabot.errors import ConfigError
from pharmabot.security.rate_limits import DEFAULT_RULES, RateLimitRule, RouteClass, parse_rate_limits


def by_key(rules: tuple[RateLimitRule, ...]) -> dict[tuple[str, str], int]:
    return {(r.route_class.value, r.period): r.limit for r in rules}


def test_empty_overrides_give_the_defaults() -> None:
    assert parse_rate_limits("") == DEFAULT_RULES
    assert by_key(DEFAULT_RULES)[("chat", "minute")] == 10
    assert by_key(DEFAULT_RULES)[("chat_chars", "day")] == 200_000


def test_override_replaces_same_class_and_period_and_keeps_the_rest() -> None:
    rules = by_key(parse_rate_limits("chat=20/minute, chat=300/day,search=5/second"))
    assert rules[("chat", "minute")] == 20
    assert rules[("chat", "day")] == 300
    assert rules[("search", "second")] == 5
    assert rules[("search", "minute")] == 60  # untouched default
    assert rules[("other", "minute")] == 120


def test_plural_periods_case_and_spaces_are_accepted() -> None:
    rules = by_key(parse_rate_limits(" Chat = 7 / Minutes ,"))
    assert rules[("chat", "minute")] == 7


def test_off_removes_every_rule_of_the_class() -> None:
    rules = parse_rate_limits("session=off,chat_chars=off")
    assert not [r for r in rules if r.route_class in {RouteClass.session, RouteClass.chat_chars}]


def test_names_and_fail_modes() -> None:
    rule = RateLimitRule(RouteClass.chat_chars, 10, "day")
    assert rule.name == "chat-chars-day"
    assert rule.window_seconds == 86400
    assert not rule.fail_open
    assert RateLimitRule(RouteClass.chat, 1, "minute").fail_open


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("chat", "expected class=N/period"),
        ("chat=20", "expected class=N/period"),
        ("chat=-1/minute", "expected class=N/period"),
        ("chat=ten/minute", "expected class=N/period"),
        ("chat=0/minute", "at least 1"),
        ("chat=20/fortnight", "unknown period"),
        ("voice=20/minute", "unknown rate-limit class"),
        ("chat=20/minute;search=1/day", "expected class=N/period"),
    ],
)
def test_bad_values_fail_at_start_up_with_one_line(text: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_rate_limits(text)
    with pytest.raises(ConfigError) as info:
        load_settings(rate_limits=text)
    assert fragment in info.value.message
    assert "\n" not in info.value.message


def test_env_variable_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHARMABOT_RATE_LIMITS", "chat=1/hour")
    assert load_settings().rate_limits == "chat=1/hour"
    monkeypatch.setenv("PHARMABOT_RATE_LIMITS", "chat=1/year")
    with pytest.raises(ConfigError, match="PHARMABOT_RATE_LIMITS: unknown period"):
        load_settings()
