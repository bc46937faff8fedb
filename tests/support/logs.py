"""Capture the app's log lines exactly as they would be written (JSON, through the real formatter)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from pharmabot.logs import JsonFormatter


class JsonLines(logging.Handler):
    """Keeps every formatted line; the app's loggers do not propagate to the root, so caplog misses them."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@contextmanager
def capture_json_logs(*names: str) -> Iterator[JsonLines]:
    """Attach a capturing handler to the named loggers (default: the app's and uvicorn's)."""
    handler = JsonLines()
    loggers = [logging.getLogger(name) for name in (names or ("pharmabot", "uvicorn.error", "uvicorn"))]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
