"""An EventSource-style reader for tests: parses a raw SSE byte stream line by line, as a browser does.

Written for the tests (rather than reusing `pharmabot.schemas.chat.parse_sse`) so the stream is
checked by an independent parser that follows the WHATWG "event stream interpretation" rules:
lines end with CRLF, LF or CR (possibly split across network reads); a line starting with `:` is
a comment; `field: value` loses one leading space; `data` lines accumulate joined by newlines; a
blank line dispatches the event (type `message` when no `event` field was given) unless no data
was buffered. Each dispatched event and comment carries the time its last byte arrived.
"""

from __future__ import annotations

import codecs
import json
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SseEvent:
    """A dispatched event (`comment` events are the `:` heartbeat lines)."""

    event: str
    data: str
    at: float

    def json(self) -> Any:
        return json.loads(self.data)


@dataclass
class EventSourceReader:
    """Feed it bytes as they arrive; it returns the events each read completed."""

    _decoder: codecs.IncrementalDecoder = field(default_factory=lambda: codecs.getincrementaldecoder("utf-8")())
    _pending: str = ""
    _event: str = ""
    _data: list[str] = field(default_factory=list)
    _after_cr: bool = False

    def feed(self, chunk: bytes, *, at: float | None = None) -> list[SseEvent]:
        now = time.monotonic() if at is None else at
        text = self._decoder.decode(chunk)
        out: list[SseEvent] = []
        for char in text:
            if self._after_cr and char == "\n":  # the LF of a CRLF split or not: one line end
                self._after_cr = False
                continue
            self._after_cr = char == "\r"
            if char in "\r\n":
                out.extend(self._line(self._pending, now))
                self._pending = ""
            else:
                self._pending += char
        return out

    def _line(self, line: str, at: float) -> Iterator[SseEvent]:
        if not line:
            if self._data:
                yield SseEvent(event=self._event or "message", data="\n".join(self._data), at=at)
            self._event, self._data = "", []
            return
        if line.startswith(":"):
            yield SseEvent(event="comment", data=line[1:].removeprefix(" "), at=at)
            return
        name, colon, value = line.partition(":")
        value = value.removeprefix(" ") if colon else ""
        if name == "event":
            self._event = value
        elif name == "data":
            self._data.append(value)
        # `id` and `retry` are not used by this API; unknown fields are ignored, as a browser does.


async def read_events(chunks: AsyncIterator[bytes]) -> list[SseEvent]:
    """Every event and comment of a byte stream, in arrival order."""
    reader = EventSourceReader()
    events: list[SseEvent] = []
    async for chunk in chunks:
        events.extend(reader.feed(chunk))
    return events


def named(events: list[SseEvent]) -> list[SseEvent]:
    """The events without the heartbeat comments."""
    return [e for e in events if e.event != "comment"]
