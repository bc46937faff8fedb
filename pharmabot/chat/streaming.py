"""Streaming helpers of the chat endpoint: token events already waiting are sent as one."""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import AsyncIterator

from pharmabot.schemas.chat import ChatEvent, TokenEvent

_END = object()


async def coalesce_tokens(events: AsyncIterator[ChatEvent], *, buffer: int = 1024) -> AsyncIterator[ChatEvent]:
    """EVENTS, with token events that are already waiting sent as one; nothing is ever held back.

    The agent runs in its own task, one step ahead: a model streaming slowly gives one event per
    token as before, a fast one gives a few large events instead of one SSE frame, middleware pass
    and socket write per token (most of a streamed answer's CPU time). The hand-over is a plain
    deque with two flags rather than an asyncio.Queue, whose bookkeeping per item cost more than
    the rest of a token's way; at most BUFFER events wait, then the agent waits for the client.
    """
    pending: deque[object] = deque()
    ready = asyncio.Event()  # set while PENDING holds something
    room = asyncio.Event()  # set while PENDING is below BUFFER
    room.set()

    async def pump() -> None:
        try:
            async for event in events:
                pending.append(event)
                ready.set()
                if len(pending) >= buffer:
                    room.clear()
                    await room.wait()
        except Exception as exc:  # handed to the consumer, raised there
            pending.append(exc)
        else:
            pending.append(_END)
        ready.set()

    task = asyncio.create_task(pump())
    try:
        while True:
            if not pending:
                ready.clear()
                await ready.wait()
            item = pending.popleft()
            if item is _END:
                return
            if isinstance(item, Exception):
                raise item
            if isinstance(item, TokenEvent):
                text = [item.delta]
                while pending and isinstance(pending[0], TokenEvent):
                    following = pending.popleft()
                    assert isinstance(following, TokenEvent)
                    text.append(following.delta)
                room.set()
                yield item if len(text) == 1 else TokenEvent(delta="".join(text))
            elif isinstance(item, ChatEvent):
                room.set()
                yield item
    finally:
        if not task.done():
            # The client went away: stop the agent where it is (it records the turn as cancelled).
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
