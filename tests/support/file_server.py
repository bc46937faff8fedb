"""A local stand-in for openFDA's download service, written for the tests (nothing can be fetched from openFDA here).

A threaded `http.server` on 127.0.0.1 (port 0) serving in-memory files: the manifest at `/download.json` and
the partition zips. It answers `Range: bytes=N-` with 206 and `Content-Range`, as a static file server does,
and records every request (path, Range header). Faults can be injected per path, one per request: cut the
connection after some bytes (with the full Content-Length announced), ignore Range (answer 200 with the
whole file), answer a status (e.g. 503 with `Retry-After`), or serve other bytes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_RANGE = re.compile(r"^bytes=(\d+)-$")


@dataclass
class Fault:
    """What to do instead of answering normally, once."""

    cut_after: int | None = None  # send this many body bytes, then close the connection
    ignore_range: bool = False
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # served instead of the file (e.g. bytes that are not a zip)


@dataclass
class FileServerState:
    files: dict[str, bytes] = field(default_factory=dict)  # path -> body
    faults: dict[str, list[Fault]] = field(default_factory=dict)  # path -> faults, first one next
    requests: list[tuple[str, str | None]] = field(default_factory=list)  # (path, Range header)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fault(self, path: str) -> Fault | None:
        with self.lock:
            queue = self.faults.get(path)
            return queue.pop(0) if queue else None


def _handler(state: FileServerState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            requested = self.headers.get("Range")
            with state.lock:
                state.requests.append((path, requested))
            fault = state.fault(path) or Fault()
            body = fault.body if fault.body is not None else state.files.get(path)
            if fault.status is not None or body is None:
                self._send(
                    fault.status or 404, b'{"error": "no"}', {**fault.headers, "Content-Type": "application/json"}
                )
                return
            start = 0
            match = _RANGE.match(requested or "")
            if match and not fault.ignore_range:
                start = int(match.group(1))
                if start >= len(body):
                    self._send(416, b"", {"Content-Range": f"bytes */{len(body)}"})
                    return
            status = 206 if start else 200
            headers = {"Content-Type": "application/octet-stream", "Accept-Ranges": "bytes"}
            if start:
                headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
            self._send(status, body[start:], headers, cut_after=fault.cut_after)

        def _send(self, status: int, body: bytes, headers: dict[str, str], *, cut_after: int | None = None) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            if cut_after is not None:
                self.send_header("Connection", "close")
            self.end_headers()
            if cut_after is not None:
                self.wfile.write(body[:cut_after])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(body)

    return Handler


@contextmanager
def file_server() -> Iterator[tuple[str, FileServerState]]:
    """Serve FileServerState.files on a free port for the block; yields (base URL, state)."""
    state = FileServerState()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
