"""The retry waits of the batch jobs: what a server asks for is honoured (and noted), anything else backs off."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest
import tenacity

from pharmabot.retry import RetryLog, RetryPolicy, response_headers, retry_after_seconds


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Retry-After": "1"}, 1.0),
        ({"retry-after": "2.5"}, 2.5),
        ({"retry-after-ms": "250", "Retry-After": "9"}, 0.25),  # Azure OpenAI's milliseconds win
        ({"Retry-After": "soon"}, None),
        ({"Retry-After": "-3"}, None),
        ({}, None),
        (None, None),
    ],
)
def test_retry_after_values(headers: dict[str, str] | None, seconds: float | None) -> None:
    assert retry_after_seconds(headers) == seconds


def test_retry_after_as_an_http_date() -> None:
    when = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 27 <= (retry_after_seconds({"Retry-After": when}) or 0) <= 31
    past = email.utils.formatdate(time.time() - 30, usegmt=True)
    assert retry_after_seconds({"Retry-After": past}) == 0.0


def _state(error: BaseException, attempt: int = 1) -> tenacity.RetryCallState:
    state = tenacity.RetryCallState(retry_object=tenacity.Retrying(), fn=None, args=(), kwargs={})
    state.attempt_number = attempt
    state.set_exception((type(error), error, None))
    return state


def _status_error(status: int, headers: dict[str, str]) -> httpx.HTTPStatusError:
    request = httpx.Request("GET", "https://example.test/")
    response = httpx.Response(status, headers=headers, request=request)
    return httpx.HTTPStatusError("throttled", request=request, response=response)


def test_the_wait_is_what_the_server_asks_capped_and_logged() -> None:
    log = RetryLog()
    wait = RetryPolicy(max_wait_seconds=60).wait(log)
    assert wait(_state(_status_error(429, {"Retry-After": "7"}))) == 7.0
    wait.commit()
    assert wait(_state(_status_error(429, {"Retry-After": "600"}))) == 60.0  # never more than the cap
    wait.commit()
    assert log.asked == [7.0, 600.0]
    assert log.retries == 2
    assert log.waited_seconds == 67.0
    assert "2 retries" in log.summary()


def test_without_retry_after_the_wait_grows_exponentially_with_jitter() -> None:
    log = RetryLog()
    wait = RetryPolicy(base_wait_seconds=1.0, max_wait_seconds=30).wait(log)
    waits = [wait(_state(_status_error(503, {}), attempt)) for attempt in range(1, 7)]
    for attempt, seconds in enumerate(waits, start=1):
        floor = min(2 ** (attempt - 1), 30)
        assert floor <= seconds <= min(floor + 1, 30)  # backoff plus up to one base of jitter
    assert waits[-1] == 30.0
    assert log.asked == []


def test_errors_without_a_response_use_the_backoff() -> None:
    assert response_headers(httpx.ConnectError("refused")) is None
    wait = RetryPolicy(base_wait_seconds=0.5).wait(RetryLog())
    assert 0.5 <= wait(_state(httpx.ConnectError("refused"))) <= 1.0


def test_retrying_stops_after_the_attempts_and_reraises() -> None:
    log = RetryLog()
    calls: list[int] = []

    def always_throttled() -> None:
        calls.append(1)
        raise _status_error(429, {"Retry-After": "0"})

    retrying = RetryPolicy(attempts=3, base_wait_seconds=0.001, max_wait_seconds=0.01).retrying(
        retry_if=lambda e: isinstance(e, httpx.HTTPStatusError), log=log
    )
    with pytest.raises(httpx.HTTPStatusError):
        retrying(always_throttled)
    assert len(calls) == 3
    assert log.retries == 2
