"""Telemetry is off without a connection string and never loaded by importing the app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pharmabot.config import load_settings
from pharmabot.telemetry import configure_telemetry

ROOT = Path(__file__).resolve().parents[1]


def test_not_configured_without_connection_string() -> None:
    settings = load_settings(applicationinsights_connection_string=None)
    assert configure_telemetry(settings) is False


def test_importing_the_app_does_not_load_telemetry_packages(tmp_path: Path) -> None:
    # A fresh interpreter, so modules other tests loaded don't count. FastAPI itself imports the
    # small no-op `opentelemetry` API package when it is installed; the SDK, exporters and
    # instrumentations are the heavy part and must stay out.
    heavy = ("azure.monitor", "opentelemetry.sdk", "opentelemetry.instrumentation", "opentelemetry.exporter")
    code = (
        "import sys\n"
        "import pharmabot.main\n"
        f"loaded = sorted(m for m in sys.modules if m.startswith({heavy!r}))\n"
        "print(loaded)\n"
        "assert not loaded, loaded\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PHARMABOT_SQLITE_PATH": str(tmp_path / "state.sqlite")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
