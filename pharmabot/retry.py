"""Retries for the long batch jobs (search ingest embeddings, label downloads), built on tenacity.

A throttled or failing service is waited for the way it asks: the `retry-after-ms` header (Azure OpenAI),
else `Retry-After` in seconds or as an HTTP date; without either, exponential backoff with jitter. Every
wait is capped (`max_wait_seconds`), and what the server asked for is kept in a `RetryLog`, so a job can
report how much it was throttled and a test can check the waits the code computed without sleeping them.
"""

from __future__ import annotations

import email.utils
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import tenacity

HeadersOf = Callable[[BaseException], Mapping[str, str] | None]


def retry_after_seconds(headers: Mapping[str, str] | None) -> float | None:
    """Seconds a response asks the client to wait (retry-after-ms, then Retry-After seconds or date); None if unsaid."""
    if not headers:
        return None
    lowered = {k.lower(): v for k, v in headers.items()}
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = lowered.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) / divisor
        except ValueError:
            continue
        if math.isfinite(seconds) and seconds >= 0:
            return seconds
    value = lowered.get("retry-after")
    if value:
        parsed = email.utils.parsedate_tz(value)
        if parsed is not None:
            return max(0.0, float(email.utils.mktime_tz(parsed) - time.time()))
    return None


@dataclass
class RetryLog:
    """What the retries of one job did: how often, what the servers asked for, how long was waited."""

    retries: int = 0
    asked: list[float] = field(default_factory=list)  # Retry-After values the server sent, in seconds
    waited_seconds: float = 0.0

    def summary(self) -> str:
        if not self.retries:
            return "no retries"
        asked = f", server asked {sum(self.asked):.0f} s in {len(self.asked)} Retry-After" if self.asked else ""
        return f"{self.retries} retries, waited {self.waited_seconds:.0f} s{asked}"


class WaitRetryAfter(tenacity.wait.wait_base):
    """The server's Retry-After when it gives one, else the fallback backoff; capped; noted in LOG by `commit`."""

    def __init__(self, *, fallback: tenacity.wait.wait_base, cap: float, headers_of: HeadersOf, log: RetryLog) -> None:
        self.fallback = fallback
        self.cap = cap
        self.headers_of = headers_of
        self.log = log
        self._last: tuple[float | None, float] = (None, 0.0)

    def __call__(self, retry_state: tenacity.RetryCallState) -> float:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        asked = retry_after_seconds(self.headers_of(error)) if error is not None else None
        wait = min(asked if asked is not None else self.fallback(retry_state), self.cap)
        self._last = (asked, wait)
        return wait

    def commit(self, retry_state: tenacity.RetryCallState | None = None) -> None:
        """Note the wait about to be slept (tenacity also computes one after the last attempt, never slept)."""
        asked, wait = self._last
        if asked is not None:
            self.log.asked.append(asked)
        self.log.retries += 1
        self.log.waited_seconds += wait


def response_headers(error: BaseException) -> Mapping[str, str] | None:
    """The headers of the HTTP response an SDK error carries (openai, httpx), if any."""
    response: Any = getattr(error, "response", None)
    headers = getattr(response, "headers", None)
    return headers if isinstance(headers, Mapping) or hasattr(headers, "items") else None


@dataclass(frozen=True)
class RetryPolicy:
    """How patiently a job retries: ATTEMPTS in all, backoff from BASE_WAIT_SECONDS doubling, each wait capped.

    A test shrinks the waits through these fields; the header values are still read and logged as asked.
    """

    attempts: int = 10
    base_wait_seconds: float = 1.0
    # The openai SDK honours Retry-After up to two minutes; Azure OpenAI's throttling windows are shorter.
    max_wait_seconds: float = 120.0
    retry_timeouts: bool = True  # a request that timed out is sent again (not worth it where latency counts)

    def wait(self, log: RetryLog, *, headers_of: HeadersOf = response_headers) -> WaitRetryAfter:
        fallback = tenacity.wait_exponential_jitter(
            multiplier=self.base_wait_seconds, max=self.max_wait_seconds, jitter=self.base_wait_seconds
        )
        return WaitRetryAfter(fallback=fallback, cap=self.max_wait_seconds, headers_of=headers_of, log=log)

    def async_retrying(self, *, retry_if: Callable[[BaseException], bool], log: RetryLog) -> tenacity.AsyncRetrying:
        """An AsyncRetrying (`await retrying(fn, ...)`); the last error is re-raised as is."""
        return tenacity.AsyncRetrying(**self._options(retry_if=retry_if, log=log))

    def retrying(self, *, retry_if: Callable[[BaseException], bool], log: RetryLog) -> tenacity.Retrying:
        """The same, for blocking code."""
        return tenacity.Retrying(**self._options(retry_if=retry_if, log=log))

    def _options(self, *, retry_if: Callable[[BaseException], bool], log: RetryLog) -> dict[str, Any]:
        wait = self.wait(log)
        return {
            "stop": tenacity.stop_after_attempt(max(1, self.attempts)),
            "wait": wait,
            "retry": tenacity.retry_if_exception(retry_if),
            "before_sleep": wait.commit,
            "reraise": True,
        }
