"""The FastAPI application: `create_app(settings)` builds it, `app` is the one uvicorn and Functions serve.

The feature routers (chat, search, drugs, interactions, sessions, the web page) are included on first
use, not here: see `pharmabot.api.routes`. The health probes are the only routes a cold start imports.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from pharmabot import __version__
from pharmabot.api import health
from pharmabot.api.deps import check_rate_limit
from pharmabot.api.errors import install_error_handlers
from pharmabot.api.middleware import JsonCORSMiddleware, RequestContextMiddleware, RequestLimitsMiddleware
from pharmabot.api.routes import FeatureRoutes, FeaturesOnFirstUse, PharmaBotAPI, import_features
from pharmabot.config import Settings, get_settings
from pharmabot.logs import configure_logging
from pharmabot.schemas.common import ErrorResponse
from pharmabot.services import Services
from pharmabot.telemetry import configure_telemetry

DESCRIPTION = """\
PharmaBot answers questions about medicines from the official FDA drug labels, citing the exact
label section, checks a list of medicines for interactions ranked by severity with the label text
behind each, and routes emergencies to help before anything is generated.

It is not a substitute for a pharmacist or prescriber. "No interaction found" means none was found
in the sources checked, not that a combination is safe.
"""

_ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    422: {"model": ErrorResponse, "description": "The request is not valid."},
    500: {"model": ErrorResponse, "description": "Internal error (logged, never a stack trace)."},
}


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; clients are created in the lifespan, once, and closed on shutdown."""
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services = await Services.start(settings)
        app.state.services = services
        try:
            yield
        finally:
            await services.close()

    app = PharmaBotAPI(
        title="PharmaBot API",
        description=DESCRIPTION,
        version=__version__,
        lifespan=lifespan,
        responses=_ERROR_RESPONSES,
        # API keys and rate limits on every /api/* route; health and docs are exempt inside.
        dependencies=[Depends(check_rate_limit)],
    )
    app.state.settings = settings
    app.feature_routes = FeatureRoutes(app)
    install_error_handlers(app)

    def warm_up() -> None:
        services: Services | None = getattr(app.state, "services", None)
        if services is not None:
            services.start_warming(first=[import_features])

    # Innermost: the features are included before routing, whatever the outer middleware did.
    app.add_middleware(FeaturesOnFirstUse, routes=app.feature_routes, after_first_response=warm_up)
    app.add_middleware(RequestLimitsMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(
        JsonCORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
        allow_headers=["Content-Type", "Authorization", "X-API-Key", "X-Request-ID"],
        expose_headers=["X-Request-ID", "Retry-After", "RateLimit", "RateLimit-Policy"],
    )
    # Added last so it is outermost: every response, CORS preflights and errors included, gets an id.
    app.add_middleware(RequestContextMiddleware)
    app.include_router(health.router)
    configure_telemetry(settings, app)
    return app


app = create_app()
