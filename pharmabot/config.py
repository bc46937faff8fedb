"""Settings read from environment variables, validated once at start-up.

Every option has its environment variable name as its alias; the README's configuration table is
generated from these fields (`python -m pharmabot settings`), so the two never drift apart.
"""

from __future__ import annotations

import ipaddress
import re
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from pharmabot.errors import ConfigError


class StoreKind(StrEnum):
    sqlite = "sqlite"
    cosmos = "cosmos"


class RetrieverKind(StrEnum):
    local = "local"
    azure_search = "azure_search"


class WriterKind(StrEnum):
    extractive = "extractive"
    openai = "openai"
    azure_openai = "azure_openai"


class Environment(StrEnum):
    development = "development"
    production = "production"


def _env(name: str, **kwargs: Any) -> Any:
    """A field read from env var NAME; the Python field name also works (tests, factories)."""
    return Field(validation_alias=AliasChoices(name), **kwargs)


_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def _split_csv(value: Any) -> Any:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """All of PharmaBot's configuration."""

    model_config = SettingsConfigDict(
        env_file=None, extra="ignore", populate_by_name=True, case_sensitive=False, env_ignore_empty=True
    )

    environment: Environment = _env(
        "PHARMABOT_ENVIRONMENT",
        default=Environment.development,
        description="`production` enforces the cloud rules (API keys required).",
    )
    log_level: str = _env("PHARMABOT_LOG_LEVEL", default="INFO", description="Python log level.")
    store: StoreKind = _env(
        "PHARMABOT_STORE", default=StoreKind.sqlite, description="State store: `sqlite` or `cosmos`."
    )
    sqlite_path: Path = _env(
        "PHARMABOT_SQLITE_PATH",
        default=Path(".data/pharmabot.sqlite"),
        description="SQLite state file (created on first use).",
    )
    retriever: RetrieverKind = _env(
        "PHARMABOT_RETRIEVER",
        default=RetrieverKind.local,
        description="Label retrieval: `local` (SQLite FTS5) or `azure_search`.",
    )
    index_path: Path = _env(
        "PHARMABOT_INDEX_PATH",
        default=Path(".data/labels-index.sqlite"),
        description="Local label index (built by `python -m pharmabot build-index`).",
    )
    answer_writer: WriterKind = _env(
        "PHARMABOT_ANSWER_WRITER",
        default=WriterKind.extractive,
        description="Answer writer: `extractive`, `openai` or `azure_openai`.",
    )
    cors_origins: Annotated[list[str], NoDecode] = _env(
        "PHARMABOT_CORS_ORIGINS",
        default=["http://localhost:5173"],
        description="Comma-separated origins allowed by CORS.",
    )
    max_body_bytes: int = _env(
        "PHARMABOT_MAX_BODY_BYTES",
        default=64 * 1024,
        ge=1024,
        le=10 * 1024 * 1024,
        description="Largest request body accepted (413 above).",
    )
    rate_limits: str = _env(
        "PHARMABOT_RATE_LIMITS",
        default="",
        description="Rate-limit overrides, e.g. `chat=20/minute,chat=200/day,search=60/minute`.",
    )
    api_keys: Annotated[list[str], NoDecode] = _env(
        "PHARMABOT_API_KEYS",
        default=[],
        description="Comma-separated SHA-256 hashes of accepted API keys (`python -m pharmabot hash-key`).",
    )
    trusted_proxy_header: str = _env(
        "PHARMABOT_CLIENT_IP_HEADER",
        default="x-forwarded-for",
        description="Header in which a trusted proxy (the Azure Functions front end, or `PHARMABOT_TRUSTED_PROXIES`) "
        "names the client address.",
    )
    trusted_proxies: Annotated[list[str], NoDecode] = _env(
        "PHARMABOT_TRUSTED_PROXIES",
        default=[],
        description="Comma-separated proxy addresses or CIDR ranges whose client-address header is believed "
        "(like uvicorn's `forwarded_allow_ips`); by default none: the connection's own address is the caller.",
    )
    history_turns: int = _env(
        "PHARMABOT_HISTORY_TURNS",
        default=6,
        ge=0,
        le=50,
        description="Earlier turns given to a model as context.",
    )
    heartbeat_seconds: float = _env(
        "PHARMABOT_HEARTBEAT_SECONDS",
        default=15.0,
        gt=0,
        le=200,
        description="Seconds between SSE comment heartbeats.",
    )

    # Cosmos DB
    cosmos_endpoint: str | None = _env("COSMOS_ENDPOINT", default=None, description="Cosmos DB account URL.")
    cosmos_database: str = _env("COSMOS_DATABASE", default="pharmabot", description="Cosmos DB database.")
    cosmos_key: str | None = _env(
        "COSMOS_KEY", default=None, description="Cosmos DB key; unset uses Microsoft Entra ID."
    )
    cosmos_create_containers: bool = _env(
        "COSMOS_CREATE_CONTAINERS",
        default=False,
        description="Create the database and containers on start-up (infra creates them in production).",
    )
    cosmos_timeout_seconds: float = _env(
        "COSMOS_TIMEOUT_SECONDS",
        default=2.0,
        gt=0,
        le=30,
        description="Deadline of one Cosmos DB call; past it the request fails with a clear 503.",
    )

    # Azure AI Search
    azure_search_endpoint: str | None = _env(
        "AZURE_SEARCH_ENDPOINT", default=None, description="Azure AI Search service URL."
    )
    azure_search_index: str = _env(
        "AZURE_SEARCH_INDEX", default="pharmabot-labels", description="Azure AI Search index name."
    )
    azure_search_key: str | None = _env(
        "AZURE_SEARCH_KEY", default=None, description="Search key; unset uses Microsoft Entra ID."
    )
    azure_search_semantic: bool = _env(
        "AZURE_SEARCH_SEMANTIC", default=False, description="Use semantic ranking (needs a paid tier)."
    )

    # OpenAI-compatible and Azure OpenAI models
    openai_base_url: str | None = _env(
        "OPENAI_BASE_URL", default=None, description="OpenAI-compatible endpoint (Ollama, vLLM...)."
    )
    openai_api_key: str | None = _env("OPENAI_API_KEY", default=None, description="Key for that endpoint.")
    openai_model: str = _env("OPENAI_MODEL", default="gpt-4o-mini", description="Model name.")
    azure_openai_endpoint: str | None = _env(
        "AZURE_OPENAI_ENDPOINT", default=None, description="Azure OpenAI resource URL."
    )
    azure_openai_chat_deployment: str = _env(
        "AZURE_OPENAI_CHAT_DEPLOYMENT", default="chat", description="Chat model deployment."
    )
    azure_openai_embedding_deployment: str | None = _env(
        "AZURE_OPENAI_EMBEDDING_DEPLOYMENT",
        default=None,
        description="Embedding deployment for vector search (unset: keyword only).",
    )
    azure_openai_api_version: str = _env(
        "AZURE_OPENAI_API_VERSION", default="2024-10-21", description="Azure OpenAI API version."
    )
    azure_openai_api_key: str | None = _env(
        "AZURE_OPENAI_API_KEY", default=None, description="Azure OpenAI key; unset uses Entra ID."
    )
    model_timeout_seconds: float = _env(
        "PHARMABOT_MODEL_TIMEOUT_SECONDS", default=30.0, gt=0, le=300, description="Model call timeout."
    )
    model_max_tokens: int = _env(
        "PHARMABOT_MODEL_MAX_TOKENS", default=700, ge=16, le=4096, description="Answer length cap."
    )

    # Azure AI Content Safety (Prompt Shields) and the model prompt's canary
    azure_content_safety_endpoint: str | None = _env(
        "AZURE_CONTENT_SAFETY_ENDPOINT",
        default=None,
        description="Azure AI Content Safety URL: chat messages are screened by Prompt Shields "
        "(unset: local rules only).",
    )
    azure_content_safety_key: str | None = _env(
        "AZURE_CONTENT_SAFETY_KEY", default=None, description="Content Safety key; unset uses Microsoft Entra ID."
    )
    content_safety_timeout_seconds: float = _env(
        "PHARMABOT_CONTENT_SAFETY_TIMEOUT_SECONDS",
        default=2.0,
        gt=0,
        le=30,
        description="Prompt Shields call timeout; past it the local rules decide alone.",
    )
    prompt_canary: str | None = _env(
        "PHARMABOT_PROMPT_CANARY",
        default=None,
        min_length=12,
        max_length=64,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="Canary word in a model writer's system prompt; an answer that repeats it is stopped "
        "(unset: a random one per process).",
    )

    # Managed identity and telemetry
    azure_client_id: str | None = _env(
        "AZURE_CLIENT_ID", default=None, description="Client id of the user-assigned managed identity."
    )
    applicationinsights_connection_string: str | None = _env(
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        default=None,
        description="Enables Azure Monitor OpenTelemetry when set.",
    )

    @field_validator("cors_origins", "api_keys", "trusted_proxies", mode="before")
    @classmethod
    def _csv(cls, value: Any) -> Any:
        return _split_csv(value)

    @field_validator("api_keys")
    @classmethod
    def _key_hashes(cls, value: list[str]) -> list[str]:
        hashes = [item.lower() for item in value]
        for item in hashes:
            if not _SHA256_HEX.fullmatch(item):
                # Never echo the value: it may be a key pasted by mistake instead of its hash.
                raise ValueError("each entry must be a 64-hex SHA-256 hash (`python -m pharmabot hash-key`)")
        return hashes

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies(cls, value: list[str]) -> list[str]:
        networks = []
        for item in value:
            try:
                networks.append(str(ipaddress.ip_network(item, strict=False)))
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or CIDR range") from None
        return networks

    @field_validator("rate_limits")
    @classmethod
    def _rate_limits(cls, value: str) -> str:
        from pharmabot.security.rate_limits import parse_rate_limits

        parse_rate_limits(value)  # fail fast at start-up; the parsed rules are rebuilt where used
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @model_validator(mode="after")
    def _backends_configured(self) -> Settings:
        if self.store is StoreKind.cosmos and not self.cosmos_endpoint:
            raise ValueError("COSMOS_ENDPOINT is required when PHARMABOT_STORE=cosmos")
        if self.retriever is RetrieverKind.azure_search and not self.azure_search_endpoint:
            raise ValueError("AZURE_SEARCH_ENDPOINT is required when PHARMABOT_RETRIEVER=azure_search")
        if self.answer_writer is WriterKind.azure_openai and not self.azure_openai_endpoint:
            raise ValueError("AZURE_OPENAI_ENDPOINT is required when PHARMABOT_ANSWER_WRITER=azure_openai")
        if self.answer_writer is WriterKind.openai and not (self.openai_base_url or self.openai_api_key):
            raise ValueError("OPENAI_BASE_URL or OPENAI_API_KEY is required when PHARMABOT_ANSWER_WRITER=openai")
        if self.environment is Environment.production and not self.api_keys:
            raise ValueError("PHARMABOT_API_KEYS is required when PHARMABOT_ENVIRONMENT=production")
        return self


def _one_line(error: ValidationError) -> str:
    """Turn pydantic's multi-line report into one line naming the env variables at fault."""
    parts = []
    for item in error.errors():
        loc = ".".join(str(part) for part in item["loc"])
        name = loc.upper() if loc else "settings"
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{name}: {message}" if loc else message)
    return "invalid configuration: " + "; ".join(parts)


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment (plus overrides); raise ConfigError with one line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_one_line(exc)) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()


def settings_table() -> list[tuple[str, str, str]]:
    """(env var, default, description) for every option, for the README table."""
    rows = []
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        env = alias.choices[0] if isinstance(alias, AliasChoices) else name.upper()
        default = field.default
        if isinstance(default, list):
            default = ",".join(default)
        rows.append((str(env), "" if default is None else str(default), field.description or ""))
    return rows


def settings_markdown() -> str:
    """The README's configuration table."""
    lines = ["| Variable | Default | Meaning |", "|---|---|---|"]
    for env, default, description in settings_table():
        shown = f"`{default}`" if default else ""
        lines.append(f"| `{env}` | {shown} | {description} |")
    return "\n".join(lines) + "\n"


# Settings the Functions host itself needs next to the app's own.
FUNCTIONS_HOST_SETTINGS = {
    "FUNCTIONS_WORKER_RUNTIME": "python",
    "AzureWebJobsStorage": "UseDevelopmentStorage=true",
    "PYTHON_ENABLE_INIT_INDEXING": "1",
}


def local_settings_example() -> str:
    """`local.settings.json.example`: every setting the app reads, with its default."""
    import json

    values = dict(FUNCTIONS_HOST_SETTINGS)
    values.update({env: default for env, default, _ in settings_table()})
    return json.dumps({"IsEncrypted": False, "Values": values}, indent=2) + "\n"
