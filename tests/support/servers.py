"""A real uvicorn server on 127.0.0.1, port 0, in a background thread, for tests that need real HTTP."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp


class UvicornThread:
    """Runs APP on uvicorn in a thread; `url` is known once the socket is bound."""

    def __init__(self, app: ASGIApp, *, lifespan: str = "on") -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan=lifespan, log_config=None, access_log=False)
        self.server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, name="uvicorn-test", daemon=True)
        self._error: BaseException | None = None
        self.url = ""

    def _run(self) -> None:
        try:
            asyncio.run(self.server.serve())
        except BaseException as exc:  # surfaced by start() or stop()
            self._error = exc

    def start(self, *, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if self._error is not None or not self._thread.is_alive():
                raise RuntimeError(f"uvicorn did not start: {self._error!r}")
            if time.monotonic() > deadline:
                raise TimeoutError("uvicorn did not start in time")
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"

    def stop(self, *, timeout: float = 10.0) -> None:
        self.server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():
            # Open streams keep a graceful shutdown waiting; force it rather than hang the suite.
            self.server.force_exit = True
            self._thread.join(timeout)
        if self._thread.is_alive():
            raise RuntimeError("uvicorn thread did not stop")


@contextmanager
def serve_in_thread(app: ASGIApp, *, lifespan: str = "on") -> Iterator[str]:
    """Serve APP on a free port for the duration of the block; yields its base URL."""
    server = UvicornThread(app, lifespan=lifespan)
    server.start()
    try:
        yield server.url
    finally:
        server.stop()
