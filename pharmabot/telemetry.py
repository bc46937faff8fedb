"""Azure Monitor OpenTelemetry, switched on by APPLICATIONINSIGHTS_CONNECTION_STRING.

The exporter and instrumentation packages are imported inside `configure_telemetry`, only when the
connection string is set: local runs, tests and cold starts without it never load them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from pharmabot.logs import ALLOWED_FIELDS, stack_only

if TYPE_CHECKING:
    from fastapi import FastAPI

    from pharmabot.config import Settings

log = logging.getLogger("pharmabot.telemetry")

_exporter_configured = False


class _ScrubFields(logging.Filter):
    """Send Azure Monitor what the JSON logs hold: allow-listed `fields`, and exceptions as type and
    frames only. The exporter would otherwise ship exception messages, which can quote what people
    typed (pydantic's ValidationError prints the input it rejected)."""

    def filter(self, record: logging.LogRecord) -> bool:
        fields = getattr(record, "fields", None)
        kept = {k: v for k, v in fields.items() if k in ALLOWED_FIELDS} if isinstance(fields, dict) else {}
        if record.exc_info and record.exc_info[0] is not None:
            kept["error_type"] = record.exc_info[0].__name__
            kept["traceback"] = stack_only(record.exc_info[1])
            record.exc_info = None
            record.exc_text = None
        # Exported as flat attributes: the exporter takes primitive extras and would drop a dict.
        if hasattr(record, "fields"):
            del record.fields
        for key, value in kept.items():
            setattr(record, key, value if isinstance(value, str | int | float | bool) else str(value))
        return True


def _configure_exporter(settings: Settings) -> None:
    from azure.monitor.opentelemetry import configure_azure_monitor

    credential: Any = None
    if settings.azure_client_id:
        # With the identity's token, Application Insights can keep local (key) auth disabled.
        from azure.identity import ManagedIdentityCredential

        credential = ManagedIdentityCredential(client_id=settings.azure_client_id)
    configure_azure_monitor(
        connection_string=settings.applicationinsights_connection_string,
        credential=credential,
        logger_name="pharmabot",
        # The app is instrumented explicitly below (its FastAPI class was imported before this ran).
        instrumentation_options={
            "fastapi": {"enabled": False},
            "django": {"enabled": False},
            "flask": {"enabled": False},
            "psycopg2": {"enabled": False},
        },
    )
    for handler in logging.getLogger("pharmabot").handlers:
        if type(handler).__module__.startswith("opentelemetry"):
            handler.addFilter(_ScrubFields())


def configure_telemetry(settings: Settings, app: FastAPI | None = None) -> bool:
    """Export traces, metrics and logs to Application Insights when configured; True if it did."""
    global _exporter_configured
    if not settings.applicationinsights_connection_string:
        return False
    if not _exporter_configured:
        _configure_exporter(settings)
        _exporter_configured = True
    if app is not None:
        from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

        # Spans carry method, route template, status and the request id header; never bodies, so
        # no message text. Per-chunk send spans of a stream would be noise.
        FastAPIInstrumentor.instrument_app(
            app,
            http_capture_headers_server_response=["x-request-id"],
            exclude_spans=["receive", "send"],
        )
    log.info("telemetry configured", extra={"fields": {"backend": "azure_monitor"}})
    return True
