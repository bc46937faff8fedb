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


def test_records_for_azure_monitor_carry_no_message_text_or_exception_messages() -> None:
    import logging

    from pharmabot.telemetry import _ScrubFields

    typed = "my " + "secret question"  # built at run time: tracebacks show source lines, not values
    try:
        raise ValueError(f"what the person typed: {typed}")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.LogRecord("pharmabot.agent", logging.ERROR, __file__, 1, "chat turn failed", None, exc_info)
    record.fields = {"session": "abc123", "message": typed}

    assert _ScrubFields().filter(record)

    exported = {k: v for k, v in vars(record).items() if isinstance(v, str)}
    assert record.exc_info is None
    assert record.session == "abc123"
    assert record.error_type == "ValueError"
    assert "ValueError" in record.traceback
    assert not any("secret question" in v for v in exported.values())
