"""A server for the chat benchmark: PharmaBot with a zero-latency writer, or a bare FastAPI SSE endpoint.

Usage: python bench/chat_server.py {pharmabot,bare} --port N

Both stream the same 200 tokens as the same `event: token` frames. PharmaBot's writer is replaced by
`FixedWriter` (bench only, injected where Services builds its writer) rather than a model server
behind the OpenAI SDK, so the difference to the bare endpoint is PharmaBot's own work: admission,
rate limits, triage, retrieval or the interaction engine, the output filter, SSE framing, the store.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from starlette.responses import StreamingResponse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pharmabot.answer.base import AnswerContext
from pharmabot.config import Settings

WORDS = (
    "The label lists these effects most often in clinical studies: nausea, diarrhea, headache and "
    "dizziness were reported [1]. Read the leaflet that comes with the medicine and ask your pharmacist "
    "if anything is unclear [2]. "
).split(" ")
TOKENS = [(word + " ") for word in (WORDS * (200 // len(WORDS) + 1))[:200]]
assert len(TOKENS) == 200


class FixedWriter:
    """A model with zero latency: the same 200 tokens, as fast as the consumer takes them."""

    name = "bench"

    async def stream(self, context: AnswerContext) -> AsyncIterator[str]:
        for token in TOKENS:
            yield token

    async def check(self) -> None:
        """Always ready."""

    async def close(self) -> None:
        """Nothing to release."""


def pharmabot_app() -> FastAPI:
    """The real app (create_app) with FixedWriter in place of the configured writer."""
    import pharmabot.services

    def fixed_writer(settings: Settings) -> FixedWriter:
        return FixedWriter()

    pharmabot.services.create_writer = fixed_writer  # type: ignore[assignment]
    from pharmabot.main import create_app

    return create_app()


def bare_app() -> FastAPI:
    """One POST /api/chat route streaming the same token frames and the [DONE] sentinel."""
    app = FastAPI()
    frames = [f"event: token\r\ndata: {json.dumps({'delta': t})}\r\n\r\n".encode() for t in TOKENS]

    async def body() -> AsyncIterator[bytes]:
        for frame in frames:
            yield frame
        yield b"data: [DONE]\r\n\r\n"

    @app.post("/api/chat")
    async def chat() -> StreamingResponse:
        return StreamingResponse(
            body(), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        )

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", choices=["pharmabot", "bare"])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    app = pharmabot_app() if args.app == "pharmabot" else bare_app()
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False, backlog=1024)


if __name__ == "__main__":
    main()
