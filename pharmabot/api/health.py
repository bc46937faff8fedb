"""Readiness and liveness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from pharmabot import __version__
from pharmabot.api.deps import ServicesDep
from pharmabot.schemas.health import HealthResponse, LivenessResponse

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    response_model=HealthResponse,
    responses={
        503: {"model": HealthResponse, "description": "A backend check failed."},
    },
    summary="Readiness: checks every configured backend",
)
async def health(services: ServicesDep) -> JSONResponse:
    checks = await services.run_health_checks()
    healthy = all(check["status"] == "ok" for check in checks.values())
    failed = any(check["status"] == "fail" for check in checks.values())
    body = HealthResponse(status="healthy" if healthy else "degraded", version=__version__, checks=checks)
    # 503 when a backend failed, so Azure's health probe takes the instance out and restarts it. A layer
    # running on its fallback (Prompt Shields down, local rules deciding) is reported but keeps 200:
    # restarting the instance would not bring the outside service back.
    return JSONResponse(body.model_dump(), status_code=503 if failed else 200)


@router.get("/health/live", response_model=LivenessResponse, summary="Liveness: no dependency is touched")
async def live() -> LivenessResponse:
    return LivenessResponse(status="alive")
