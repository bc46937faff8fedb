"""Azure Functions entry point (Python v2 model, HTTP streams).

One catch-all HTTP function forwards every request into the FastAPI app, so routes, validation
and dependencies all stay in FastAPI and streaming answers stream (see pharmabot.functions_bridge).
"""

from __future__ import annotations

import os
from pathlib import Path

import azure.functions as func
from azurefunctions.extensions.http.fastapi import Request, Response

# The label index ships inside the deployment package (built by azd's prepackage hook); the worker's
# working directory is not guaranteed, so a relative PHARMABOT_INDEX_PATH (the default, or the app
# setting's `.data/labels-catalog.sqlite`) is taken relative to this folder; an absolute one stays as is.
os.environ["PHARMABOT_INDEX_PATH"] = str(
    Path(__file__).parent / (os.environ.get("PHARMABOT_INDEX_PATH") or ".data/labels-index.sqlite")
)

from pharmabot.functions_bridge import FunctionsAsgiBridge
from pharmabot.main import app as fastapi_app

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
