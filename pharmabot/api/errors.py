"""The one set of error handlers: every error answers `{"error": {"code", "message", ...}}`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from pharmabot.errors import PharmaBotError
from pharmabot.schemas.common import ErrorResponse

log = logging.getLogger("pharmabot.errors")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}


def request_id_of(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def error_response(
    *,
    status: int,
    code: str,
    message: str,
    request_id: str | None,
    details: Any = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "request_id": request_id, "details": details}}
    return JSONResponse(jsonable_encoder(body), status_code=status, headers=headers)


def _validation_details(errors: Any) -> list[dict[str, Any]]:
    # pydantic's `input` would echo what the caller sent (message text, possibly huge): keep
    # the field location, message, type and constraints only.
    return [{k: v for k, v in err.items() if k in {"loc", "msg", "type", "ctx"}} for err in errors]


async def _app_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PharmaBotError)
    if exc.status_code >= 500:
        log.warning("request failed", extra={"fields": {"error_code": exc.code, "request_id": request_id_of(request)}})
    return error_response(
        status=exc.status_code,
        code=exc.code,
        message=exc.message,
        request_id=request_id_of(request),
        details=exc.details,
        headers=exc.headers,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    message = exc.detail if isinstance(exc.detail, str) else "request failed"
    if status == 400 and message == "There was an error parsing the body":
        # FastAPI's words for a body json.loads refused: not UTF-8/16/32, or nested past the recursion limit.
        message = "The request body could not be parsed: send UTF-8 JSON that is not nested too deeply."
    elif status == 404 and message == "Not Found":
        message = f"No route matches {request.method} {request.url.path}"
    elif status == 405:
        message = f"Method {request.method} is not allowed on {request.url.path}"
    return error_response(
        status=status,
        code=_HTTP_CODES.get(status, "http_error"),
        message=message,
        request_id=request_id_of(request),
        headers=dict(exc.headers or {}),
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(
        status=422,
        code="validation_error",
        message="The request is not valid; see details.",
        request_id=request_id_of(request),
        details=_validation_details(exc.errors()),
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(PharmaBotError, _app_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)


_DESCRIPTIONS = {
    400: "The body is not parseable JSON (invalid UTF-8, nested too deep), or a bad Content-Length.",
    401: "API keys are configured and none (or a wrong one) was sent.",
    413: "The body is larger than PHARMABOT_MAX_BODY_BYTES.",
    415: "The body is not application/json.",
    429: "A rate limit was reached; see Retry-After.",
    503: "A backend (store, search) is unavailable.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries with the error body and the generic reason for each status."""
    return {status: {"model": ErrorResponse, "description": _DESCRIPTIONS[status]} for status in statuses}
