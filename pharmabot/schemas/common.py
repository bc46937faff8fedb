"""Shapes shared across routes: the error body and label citations."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    """What went wrong, in a shape that never changes between error kinds."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "code": "validation_error",
                    "message": "The request is not valid; see details.",
                    "request_id": "5f0c6a1e0b6e4c6f9d3c2b1a09876543",
                    "details": [
                        {
                            "loc": ["body", "message"],
                            "msg": "String should have at least 3 characters",
                            "type": "string_too_short",
                            "ctx": {"min_length": 3},
                        }
                    ],
                }
            ]
        }
    )

    code: str = Field(description="Stable machine-readable code, e.g. `validation_error`.")
    message: str = Field(description="Human-readable explanation.")
    request_id: str | None = Field(default=None, description="Echo of the X-Request-ID header.")
    details: Any = Field(default=None, description="Extra data, e.g. pydantic's field errors for 422.")


class ErrorResponse(BaseModel):
    """Every non-2xx answer has this body."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "error": {
                        "code": "not_found",
                        "message": "No route matches GET /nope",
                        "request_id": "5f0c6a1e0b6e4c6f9d3c2b1a09876543",
                        "details": None,
                    }
                }
            ]
        }
    )

    error: ErrorDetail


class Citation(BaseModel):
    """A pointer to the label text an answer or interaction comes from; built by the server."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "index": 1,
                    "drug_name": "simvastatin",
                    "label_section": "CONTRAINDICATIONS",
                    "set_id": "1e6f5c0a-...",
                    "effective_time": "2025-03-01",
                    "url": "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1e6f5c0a-...",
                }
            ]
        }
    )

    index: int = Field(ge=1, description="The number used in the answer's [n] marks.")
    drug_name: str
    label_section: str
    set_id: str
    effective_time: str | None = Field(default=None, description="Label effective date, YYYY-MM-DD.")
    url: str
