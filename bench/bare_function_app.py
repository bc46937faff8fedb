"""The cold-start baseline: a bare FastAPI app with one route behind the same Functions bridge as function_app."""

from __future__ import annotations

import azure.functions as func
from azurefunctions.extensions.http.fastapi import Request, Response
from fastapi import FastAPI

from pharmabot.functions_bridge import FunctionsAsgiBridge

fastapi_app = FastAPI()


@fastapi_app.get("/health")
async def health() -> dict[str, str]:
    """The one route."""
    return {"status": "healthy"}


bridge = FunctionsAsgiBridge(fastapi_app)
app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)


@app.route(
    route="{*route}",
    methods=["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"],
    auth_level=func.AuthLevel.ANONYMOUS,
)
async def http_entry(req: Request) -> Response:
    """Every HTTP request of the app."""
    return await bridge.handle(req)
