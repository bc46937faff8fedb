"""Start the `@vercel/cosmosdb-server` npm package (a Cosmos DB server implementation) for the tests.

The real `azure-cosmos` SDK talks to it over HTTPS on 127.0.0.1 (the SDK skips TLS verification for
local endpoints, which this server needs: its certificate is self-signed). Known differences from Cosmos
DB are listed where tests meet them; `launcher.js` fixes the one that matters here (404 on a missed read).
"""

from __future__ import annotations

import selectors
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = Path(__file__).with_name("launcher.js")
# The documented, public key of the Cosmos DB emulator; the test server accepts any key.
EMULATOR_KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="


@contextmanager
def cosmos_server() -> Iterator[str]:
    """Run the server on a free port for the duration of the block; yield its endpoint."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is required for the Cosmos DB tests (install Node 20)", pytrace=False)
    if not (ROOT / "node_modules" / "@vercel" / "cosmosdb-server").is_dir():
        pytest.fail(
            "node_modules is missing @vercel/cosmosdb-server: run `npm ci` at the repository root "
            "(`make test` does it)",
            pytrace=False,
        )
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen([node, str(LAUNCHER)], cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr)
        try:
            assert process.stdout is not None
            with selectors.DefaultSelector() as selector:
                selector.register(process.stdout, selectors.EVENT_READ)
                ready = selector.select(timeout=20)
            line = process.stdout.readline().decode().strip() if ready else ""
            if not line.isdigit():
                stderr.seek(0)
                pytest.fail(f"Cosmos DB test server did not start: {stderr.read().decode()[-2000:]}", pytrace=False)
            yield f"https://127.0.0.1:{line}/"
        finally:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
