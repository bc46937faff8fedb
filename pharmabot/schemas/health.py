"""Health probe responses."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class HealthResponse(BaseModel):
    """Readiness: one check per configured backend."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "healthy",
                    "version": "0.1.0",
                    "checks": {"store": {"status": "ok", "backend": "sqlite", "latency_ms": 0.4}},
                }
            ]
        }
    )

    status: Literal["healthy", "degraded"]
    version: str
    checks: dict[str, dict[str, Any]] = Field(
        description="Per-backend result: status ok|degraded|fail, backend, latency or error. `degraded`: a layer "
        "with a fallback (Prompt Shields) is failing and its fallback decides."
    )


class LivenessResponse(BaseModel):
    """Liveness: the process answers; no dependency is touched."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"status": "alive"}]})

    status: Literal["alive"]
