"""Token coalescing on the chat stream: waiting tokens merge, nothing is held back, order is kept."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from pharmabot.chat.streaming import coalesce_tokens
from pharmabot.schemas.chat import ChatEvent, DoneEvent, MetaEvent, TokenEvent


async def _collect(events: AsyncIterator[ChatEvent]) -> list[ChatEvent]:
    return [event async for event in events]


async def test_tokens_already_waiting_are_sent_as_one_event_in_order() -> None:
    async def fast() -> AsyncIterator[ChatEvent]:
        yield MetaEvent(session_id="s", turn_id="t", intent="drug_info")
        for n in range(200):
            yield TokenEvent(delta=f"w{n} ")
        yield DoneEvent(turn_id="t")

    out = await _collect(coalesce_tokens(fast()))
    assert isinstance(out[0], MetaEvent)
    assert isinstance(out[-1], DoneEvent)
    tokens = [e for e in out if isinstance(e, TokenEvent)]
    assert len(tokens) < 10
    assert "".join(t.delta for t in tokens) == "".join(f"w{n} " for n in range(200))


async def test_a_slow_writer_still_streams_token_by_token() -> None:
    async def slow() -> AsyncIterator[ChatEvent]:
        for n in range(5):
            await asyncio.sleep(0.02)
            yield TokenEvent(delta=str(n))

    seen: list[tuple[float, str]] = []
    loop = asyncio.get_running_loop()
    async for event in coalesce_tokens(slow()):
        assert isinstance(event, TokenEvent)
        seen.append((loop.time(), event.delta))
    assert [d for _, d in seen] == ["0", "1", "2", "3", "4"]
    assert seen[-1][0] - seen[0][0] > 0.05  # they arrived spread out, not in one late blob


async def test_closing_the_stream_cancels_the_agent_mid_step() -> None:
    stopped = asyncio.Event()

    async def hangs() -> AsyncIterator[ChatEvent]:
        try:
            yield TokenEvent(delta="first")
            await asyncio.sleep(60)
            yield TokenEvent(delta="never")
        finally:
            stopped.set()

    stream = coalesce_tokens(hangs())
    assert await anext(stream) == TokenEvent(delta="first")
    async with asyncio.timeout(5):
        with contextlib.suppress(StopAsyncIteration):
            await stream.aclose()
        await stopped.wait()
