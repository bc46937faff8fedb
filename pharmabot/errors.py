"""One error hierarchy for the whole app; the HTTP handlers that render it live in `pharmabot.api.errors`."""

from __future__ import annotations

from typing import Any


class PharmaBotError(Exception):
    """Base of every error the app raises on purpose; carries its HTTP status and stable code."""

    status_code = 500
    code = "internal_error"

    def __init__(
        self,
        message: str,
        *,
        details: Any = None,
        headers: dict[str, str] | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.details = details
        self.headers = headers or {}
        if code is not None:
            self.code = code


class ConfigError(PharmaBotError):
    """Bad settings: raised at start-up, never while serving."""

    code = "config_error"


class BadRequestError(PharmaBotError):
    status_code = 400
    code = "bad_request"


class PromptInjectionError(BadRequestError):
    code = "prompt_injection"


class UnsafeRequestError(BadRequestError):
    """A request this assistant refuses whatever the wording (making or misusing drugs, forgery, covert dosing)."""

    code = "unsafe_request"


class AuthenticationError(PharmaBotError):
    status_code = 401
    code = "unauthorized"


class NotFoundError(PharmaBotError):
    status_code = 404
    code = "not_found"


class RateLimitedError(PharmaBotError):
    status_code = 429
    code = "rate_limited"


class DependencyError(PharmaBotError):
    """A backend (store, search, model) failed or timed out."""

    status_code = 503
    code = "dependency_unavailable"


class StoreError(DependencyError):
    code = "store_unavailable"


class ConcurrencyError(PharmaBotError):
    """An optimistic-concurrency check failed (ETag mismatch); the caller may retry."""

    status_code = 409
    code = "conflict"


class RetrieverError(DependencyError):
    code = "search_unavailable"


class ModelError(DependencyError):
    code = "model_unavailable"


class AnswerWithheldError(PharmaBotError):
    """A model's answer was stopped mid-stream because it leaked the system prompt (the model misbehaved)."""

    status_code = 502
    code = "answer_withheld"


class IndexMissingError(DependencyError):
    code = "index_missing"


class DownloadError(DependencyError):
    """The label download (openFDA's manifest or a partition) failed or was not what it claims to be."""

    code = "download_failed"


class AmbiguousDrugError(PharmaBotError):
    """A drug name matches several drugs; `details.candidates` lists them for a "did you mean"."""

    status_code = 409
    code = "ambiguous_drug"


class InvalidInputError(PharmaBotError):
    """Input that passed the schema but is still not usable (checked in code, e.g. path parameters)."""

    status_code = 422
    code = "validation_error"
