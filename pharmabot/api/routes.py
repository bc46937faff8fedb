"""The feature routers, included when the app first needs them, and the warm-up after its first response.

A cold worker's first request is often the platform's health probe. Importing the feature routers (and
the schemas and services behind them) is most of the app's start-up time, so `create_app` registers
only the probes; the first other request, or the first look at the OpenAPI document, includes the
features, in the order below, before it is routed. After the first response, a background thread
imports the same modules and loads the catalog, the interaction tables and the safety rules, so
later requests find them ready.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pharmabot.api.web import mount_web

# Module paths of the routers, in the order their routes are matched (and listed in the OpenAPI document).
FEATURE_ROUTERS = (
    "pharmabot.search.router",
    "pharmabot.drugs.router",
    "pharmabot.interactions.router",
    "pharmabot.chat.router",
    "pharmabot.chat.sessions",
)
# What the first chat needs beyond its router, imported by the warm-up too.
FEATURE_MODULES = (*FEATURE_ROUTERS, "pharmabot.chat.service")
# Paths answered without the features: liveness and readiness probes.
PROBES = frozenset({"/health", "/health/live"})


def import_features() -> None:
    """Import every feature module (safe from any thread: the package has no import circle)."""
    for name in FEATURE_MODULES:
        importlib.import_module(name)


class FeatureRoutes:
    """Includes the feature routers and the web page into one app, once."""

    def __init__(self, app: FastAPI) -> None:
        self._app = app
        self._lock = threading.Lock()
        self.included = False

    def include(self) -> None:
        if self.included:
            return
        with self._lock:
            if self.included:
                return
            for name in FEATURE_ROUTERS:
                router: APIRouter = importlib.import_module(name).router
                self._app.include_router(router)
            mount_web(self._app)
            self.included = True


class FeaturesOnFirstUse:
    """ASGI middleware: the features are included before the first request that is not a probe is routed,
    and the services' warm-up starts once the first response has been sent."""

    def __init__(self, app: ASGIApp, *, routes: FeatureRoutes, after_first_response: Callable[[], None]) -> None:
        self.app = app
        self.routes = routes
        self._after_first_response: Callable[[], None] | None = after_first_response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] not in PROBES:
            self.routes.include()

        async def send_then_warm(message: Message) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                hook, self._after_first_response = self._after_first_response, None
                if hook is not None:
                    hook()

        await self.app(scope, receive, send_then_warm if self._after_first_response is not None else send)


class PharmaBotAPI(FastAPI):
    """FastAPI, with the feature routes included before the OpenAPI document is built."""

    feature_routes: FeatureRoutes

    def openapi(self) -> dict[str, Any]:
        self.feature_routes.include()
        return super().openapi()
