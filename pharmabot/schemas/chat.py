"""The chat request and the Server-Sent Events contract of `POST /api/chat`.

A chat answer is a `text/event-stream` of these events, in this order:

    event: meta        {"session_id", "turn_id", "intent", "drugs": [{"key", "typed"}]}   exactly once, first
    event: token       {"delta": "text"}                                                   zero or more
    event: citations   {"citations": [Citation, ...]}                                      once, may be empty
    event: done        {"turn_id", "status": "complete"}                                   once
    data: [DONE]                                                                           always last

If anything fails after the stream has started, `event: error {"code", "message"}` replaces the
remaining events and is followed by `data: [DONE]`. Lines starting with `:` are heartbeats (sent
every PHARMABOT_HEARTBEAT_SECONDS) and carry nothing. Every `data:` of a named event is one line of
JSON, so text holding newlines never breaks the framing. Citations are built by the server from
the label passages, never by a model.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pharmabot.schemas.common import Citation
from pharmabot.text import normalize_message

SESSION_ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"


class ChatRequest(BaseModel):
    """A question for PharmaBot."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"message": "Can I take Zocor with Biaxin?", "session_id": "3f1c2a9e-demo"},
                {"message": "What are the side effects of metformin?", "session_id": "3f1c2a9e-demo"},
            ]
        },
    )

    # A greeting ("hi") is a message too: the agent answers it; only an empty one is refused.
    message: str = Field(min_length=1, max_length=500, description="The question, 1 to 500 characters.")
    session_id: str = Field(
        pattern=SESSION_ID_PATTERN,
        description="Conversation id chosen by the client (letters, digits, `_.:-`, up to 64).",
    )

    @field_validator("message")
    @classmethod
    def _visible(cls, value: str) -> str:
        # The agent sees the normalized text: one made only of spaces or invisible characters is empty.
        if not normalize_message(value):
            raise ValueError("must contain visible text, not only whitespace or control characters")
        return value


class DrugRef(BaseModel):
    """A drug the question is about: catalog key and what the person typed."""

    key: str
    typed: str


class ChatEvent(BaseModel):
    """Base of the typed SSE events; `event` is the SSE event name."""

    event: ClassVar[str]

    def sse(self) -> dict[str, str]:
        """The event as sse-starlette expects it: name plus one line of JSON."""
        return {"event": self.event, "data": self.model_dump_json()}


class MetaEvent(ChatEvent):
    event: ClassVar[str] = "meta"
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "session_id": "3f1c2a9e-demo",
                    "turn_id": "01J9Z...",
                    "intent": "interaction",
                    "drugs": [{"key": "simvastatin", "typed": "Zocor"}],
                }
            ]
        }
    )
    session_id: str
    turn_id: str
    intent: Literal["emergency", "interaction", "drug_info", "dosing", "greeting", "drug_class", "out_of_scope"]
    drugs: list[DrugRef] = Field(default_factory=list)


class TokenEvent(ChatEvent):
    event: ClassVar[str] = "token"
    model_config = ConfigDict(json_schema_extra={"examples": [{"delta": "Simvastatin "}]})
    delta: str


class CitationsEvent(ChatEvent):
    event: ClassVar[str] = "citations"
    model_config = ConfigDict(json_schema_extra={"examples": [{"citations": []}]})
    citations: list[Citation]


class DoneEvent(ChatEvent):
    event: ClassVar[str] = "done"
    model_config = ConfigDict(json_schema_extra={"examples": [{"turn_id": "01J9Z...", "status": "complete"}]})
    turn_id: str
    status: Literal["complete"] = "complete"


class ErrorEvent(ChatEvent):
    event: ClassVar[str] = "error"
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"code": "model_unavailable", "message": "The answer could not be finished."}]}
    )
    code: str
    message: str


DONE_SENTINEL = "[DONE]"


class StreamEvent(BaseModel):
    """One Server-Sent Event of a chat answer as a client reads it: the event name and its data line."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"event": "token", "data": '{"delta":"Simvastatin "}'},
                {"event": "message", "data": DONE_SENTINEL},
            ]
        }
    )

    event: Literal["meta", "token", "citations", "done", "error", "message"] = Field(
        description="The SSE event name; the closing `data: [DONE]` has none, so it reads as `message`."
    )
    data: str = Field(description="One line of JSON (the event's payload above), or `[DONE]`.")


def parse_sse(text: str) -> list[tuple[str, str]]:
    """Split an SSE body into (event, data) pairs, skipping heartbeats; for clients and tests."""
    events: list[tuple[str, str]] = []
    name, data_lines = "message", list[str]()
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line:
            if data_lines:
                events.append((name, "\n".join(data_lines)))
            name, data_lines = "message", list[str]()
        elif line.startswith(":"):
            continue
        elif line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:"):
            data_lines.append(line[5:].removeprefix(" "))
    if data_lines:
        events.append((name, "\n".join(data_lines)))
    return events


class TurnOut(BaseModel):
    """One stored turn of a conversation."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "turn_id": "01J9Z...",
                    "created_at": "2026-11-26T10:00:00Z",
                    "message": "What is metformin for?",
                    "answer": "Metformin is used ... [1]",
                    "intent": "drug_info",
                    "drugs": ["metformin"],
                    "citations": [],
                    "status": "complete",
                }
            ]
        }
    )

    turn_id: str
    created_at: datetime
    message: str
    answer: str
    intent: str
    drugs: list[str]
    citations: list[Citation]
    status: Literal["complete", "failed", "cancelled"]


class SessionMessages(BaseModel):
    """A conversation's turns, oldest first."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"session_id": "3f1c2a9e-demo", "turns": []}]})

    session_id: str
    turns: list[TurnOut]


class SessionDeleted(BaseModel):
    """Confirmation that a conversation was erased."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"session_id": "3f1c2a9e-demo", "deleted_turns": 3}]})

    session_id: str
    deleted_turns: int
