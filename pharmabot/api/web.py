"""The built-in web page: `GET /` answers index.html, `/static` serves its CSS and JS modules."""

from __future__ import annotations

import os
from os import PathLike

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from pharmabot.web import STATIC_DIR

router = APIRouter(tags=["web"])

# The page is small and changes with the package: revalidate rather than cache stale JS.
_NO_STALE = {"Cache-Control": "no-cache"}


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
async def index() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8", headers=_NO_STALE)


class _StaticFiles(StaticFiles):
    """StaticFiles with revalidation headers (ETag and Last-Modified come from Starlette)."""

    def file_response(
        self, full_path: PathLike[str] | str, stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers.setdefault("Cache-Control", "no-cache")
        return response


def mount_web(app: FastAPI) -> None:
    """Add the page and its static files to APP."""
    app.include_router(router)
    app.mount("/static", _StaticFiles(directory=STATIC_DIR), name="static")
