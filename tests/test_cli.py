"""`python -m pharmabot`: serve on uvicorn, refuse bad settings with one line, print the settings table."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from pharmabot.cli import main
from pharmabot.config import Settings

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PHARMABOT_SQLITE_PATH": str(tmp_path / "state" / "s.sqlite")}
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_runs_the_api_on_uvicorn(tmp_path: Path) -> None:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pharmabot", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=tmp_path,  # not the checkout: nothing may depend on the working directory
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        response = None
        while time.monotonic() < deadline:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except httpx.TransportError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.1)
        assert response is not None, "server did not answer in time"
        assert response.status_code == 200
        assert response.json()["status"] == "healthy"
        assert (tmp_path / "state" / "s.sqlite").is_file()
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=15)
    # uvicorn shuts down gracefully on SIGTERM, then re-raises the signal so the exit status tells it.
    assert process.returncode in {0, -signal.SIGTERM}
    # Every line uvicorn and the app wrote is one JSON object.
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines
    records = [json.loads(line) for line in lines]
    assert any(r.get("route") == "/health" and r.get("status") == 200 for r in records)
    assert any(r["msg"] == "Application shutdown complete." for r in records)


@pytest.mark.parametrize(
    ("env", "value"),
    [("PHARMABOT_MAX_BODY_BYTES", "lots"), ("PHARMABOT_STORE", "postgres"), ("PHARMABOT_LOG_LEVEL", "LOUD")],
)
def test_serve_with_a_bad_setting_exits_2_with_one_line(tmp_path: Path, env: str, value: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pharmabot", "serve", "--port", str(_free_port())],
        cwd=tmp_path,
        env=_env(tmp_path, **{env: value}),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("pharmabot: invalid configuration: ")
    assert env in lines[0]


def test_settings_prints_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["settings"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "| Variable | Default | Meaning |"
    assert len(table) == 2 + len(Settings.model_fields)
    assert any(row.startswith("| `PHARMABOT_SQLITE_PATH` | `.data/pharmabot.sqlite` |") for row in table)
