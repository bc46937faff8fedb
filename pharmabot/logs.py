"""Structured JSON logs: one line per event, never the text people send or receive."""

from __future__ import annotations

import hashlib
import json
import logging
import sys
import traceback
from datetime import UTC, datetime
from typing import Any

# Fields a log call may attach with `extra={"fields": {...}}`; anything else is dropped, which is
# what keeps message text and keys out of the logs even if a caller passes them by mistake.
ALLOWED_FIELDS = frozenset(
    {
        "request_id",
        "method",
        "route",
        "status",
        "duration_ms",
        "caller",
        "session",
        "intent",
        "event",
        "backend",
        "error_code",
        "error_type",
        "count",
        "drugs",
    }
)


def log_id(value: str) -> str:
    """A short stable stand-in for an identifier (session id, address) that must not be logged as is."""
    return hashlib.sha256(value.encode()).hexdigest()[:16]


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.update({k: v for k, v in fields.items() if k in ALLOWED_FIELDS})
        if record.exc_info and record.exc_info[0] is not None:
            line["error_type"] = record.exc_info[0].__name__
            line["traceback"] = stack_only(record.exc_info[1])
        return json.dumps(line, default=str)


def stack_only(exc: BaseException | None) -> str:
    """Frames and exception types of the whole chain, without the exception messages."""
    # Messages can quote what people sent (pydantic's ValidationError prints the input it rejected).
    chain: list[BaseException] = []
    while exc is not None and exc not in chain:
        chain.append(exc)
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    parts = []
    for item in reversed(chain):
        parts.append("Traceback (most recent call last):\n" + "".join(traceback.format_tb(item.__traceback__)))
        parts.append(f"{type(item).__module__}.{type(item).__qualname__}\n")
    return "".join(parts)


def configure_logging(level: str) -> None:
    """Route the app's and uvicorn's logs through one JSON handler on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("pharmabot", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level)
        logger.propagate = False
    # uvicorn's access log would repeat our request line with the client address: keep one.
    logging.getLogger("uvicorn.access").disabled = True
