"""Streaming helpers of the chat endpoint: token events already waiting are sent as one."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from pharmabot.schemas.chat import ChatEvent, TokenEvent

_END = object()


async def coalesce_tokens(events: AsyncIterator[ChatEvent], *, buffer: int = 1024) -> AsyncIterator[ChatEvent]:
    """EVENTS, with token events that are already waiting sent as one; nothing is ever held back.

    The agent runs in its own task, one step ahead: a model streaming slowly gives one event per
    token as before, a fast one gives a few large events instead of one SSE frame, middleware pass
    and socket write per token (most of a streamed answer's CPU time).
    """
    queue: asyncio.Queue[object] = asyncio.Queue(maxsize=buffer)

    async def pump() -> None:
        try:
            async for event in events:
                await queue.put(event)
        except Exception as exc:  # handed to the consumer, raised there
            await queue.put(exc)
            return
        await queue.put(_END)

    task = asyncio.create_task(pump())
    carry: object | None = None
    try:
        while True:
            item, carry = (carry if carry is not None else await queue.get()), None
            if item is _END:
                return
            if isinstance(item, Exception):
                raise item
            if isinstance(item, TokenEvent):
                text = [item.delta]
                while not queue.empty():
                    following = queue.get_nowait()
                    if not isinstance(following, TokenEvent):
                        carry = following
                        break
                    text.append(following.delta)
                yield item if len(text) == 1 else TokenEvent(delta="".join(text))
            elif isinstance(item, ChatEvent):
                yield item
    finally:
        if not task.done():
            # The client went away: stop the agent where it is (it records the turn as cancelled).
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
