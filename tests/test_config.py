"""Settings: every option from the environment, validated at start-up with a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmabot.config import Environment, Settings, StoreKind, WriterKind, load_settings, settings_table
from pharmabot.errors import ConfigError


def test_defaults_are_the_local_shape() -> None:
    settings = Settings()
    assert settings.store is StoreKind.sqlite
    assert settings.answer_writer is WriterKind.extractive
    assert settings.environment is Environment.development
    assert settings.cors_origins == ["http://localhost:5173"]


def test_every_option_has_an_env_name_and_description() -> None:
    rows = settings_table()
    assert len(rows) == len(Settings.model_fields)
    names = [env for env, _, _ in rows]
    assert len(set(names)) == len(names)
    assert all(description for _, _, description in rows)


def test_options_are_read_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PHARMABOT_SQLITE_PATH", str(tmp_path / "s.sqlite"))
    monkeypatch.setenv("PHARMABOT_CORS_ORIGINS", " https://a.example , https://b.example ,")
    monkeypatch.setenv("PHARMABOT_MAX_BODY_BYTES", "2048")
    monkeypatch.setenv("PHARMABOT_LOG_LEVEL", "debug")
    monkeypatch.setenv("AZURE_SEARCH_SEMANTIC", "true")
    monkeypatch.setenv("pharmabot_history_turns", "3")  # names are case-insensitive
    settings = load_settings()
    assert settings.sqlite_path == tmp_path / "s.sqlite"
    assert settings.cors_origins == ["https://a.example", "https://b.example"]
    assert settings.max_body_bytes == 2048
    assert settings.log_level == "DEBUG"
    assert settings.azure_search_semantic is True
    assert settings.history_turns == 3


@pytest.mark.parametrize(
    ("env", "value", "named"),
    [
        ("PHARMABOT_MAX_BODY_BYTES", "lots", "PHARMABOT_MAX_BODY_BYTES"),
        ("PHARMABOT_MAX_BODY_BYTES", "12", "PHARMABOT_MAX_BODY_BYTES"),
        ("PHARMABOT_STORE", "postgres", "PHARMABOT_STORE"),
        ("PHARMABOT_LOG_LEVEL", "LOUD", "PHARMABOT_LOG_LEVEL"),
        ("PHARMABOT_HEARTBEAT_SECONDS", "0", "PHARMABOT_HEARTBEAT_SECONDS"),
        ("COSMOS_TIMEOUT_SECONDS", "60", "COSMOS_TIMEOUT_SECONDS"),
        ("PHARMABOT_STORE", "cosmos", "COSMOS_ENDPOINT"),
        ("PHARMABOT_ENVIRONMENT", "production", "PHARMABOT_API_KEYS"),
        ("PHARMABOT_ANSWER_WRITER", "openai", "OPENAI_BASE_URL"),
    ],
)
def test_bad_value_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, env: str, value: str, named: str
) -> None:
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = raised.value.message
    assert "\n" not in message
    assert message.startswith("invalid configuration: ")
    assert named in message


def test_overrides_win_over_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PHARMABOT_HISTORY_TURNS", "9")
    assert load_settings(history_turns=2).history_turns == 2


# One non-default value per option; the test below fails when an option is added without one here.
EVERY_OPTION = {
    "PHARMABOT_ENVIRONMENT": ("production", "environment", Environment.production),
    "PHARMABOT_LOG_LEVEL": ("warning", "log_level", "WARNING"),
    "PHARMABOT_STORE": ("cosmos", "store", StoreKind.cosmos),
    "PHARMABOT_SQLITE_PATH": ("/srv/state.sqlite", "sqlite_path", Path("/srv/state.sqlite")),
    "PHARMABOT_RETRIEVER": ("azure_search", "retriever", "azure_search"),
    "PHARMABOT_INDEX_PATH": ("/srv/index.sqlite", "index_path", Path("/srv/index.sqlite")),
    "PHARMABOT_ANSWER_WRITER": ("azure_openai", "answer_writer", WriterKind.azure_openai),
    "PHARMABOT_CORS_ORIGINS": ("https://a.example", "cors_origins", ["https://a.example"]),
    "PHARMABOT_MAX_BODY_BYTES": ("4096", "max_body_bytes", 4096),
    "PHARMABOT_RATE_LIMITS": ("chat=5/minute", "rate_limits", "chat=5/minute"),
    "PHARMABOT_API_KEYS": ("a" * 64 + "," + "b" * 64, "api_keys", ["a" * 64, "b" * 64]),
    "PHARMABOT_CLIENT_IP_HEADER": ("x-azure-clientip", "trusted_proxy_header", "x-azure-clientip"),
    "PHARMABOT_TRUSTED_PROXIES": ("10.0.0.0/8,127.0.0.1", "trusted_proxies", ["10.0.0.0/8", "127.0.0.1/32"]),
    "PHARMABOT_HISTORY_TURNS": ("2", "history_turns", 2),
    "PHARMABOT_HEARTBEAT_SECONDS": ("5", "heartbeat_seconds", 5.0),
    "COSMOS_ENDPOINT": ("https://c.example:443/", "cosmos_endpoint", "https://c.example:443/"),
    "COSMOS_DATABASE": ("db2", "cosmos_database", "db2"),
    "COSMOS_KEY": ("k", "cosmos_key", "k"),
    "COSMOS_CREATE_CONTAINERS": ("1", "cosmos_create_containers", True),
    "COSMOS_TIMEOUT_SECONDS": ("5.5", "cosmos_timeout_seconds", 5.5),
    "AZURE_SEARCH_ENDPOINT": ("https://s.example", "azure_search_endpoint", "https://s.example"),
    "AZURE_SEARCH_INDEX": ("labels2", "azure_search_index", "labels2"),
    "AZURE_SEARCH_KEY": ("sk", "azure_search_key", "sk"),
    "AZURE_SEARCH_SEMANTIC": ("yes", "azure_search_semantic", True),
    "OPENAI_BASE_URL": ("http://127.0.0.1:11434/v1", "openai_base_url", "http://127.0.0.1:11434/v1"),
    "OPENAI_API_KEY": ("ok", "openai_api_key", "ok"),
    "OPENAI_MODEL": ("m2", "openai_model", "m2"),
    "AZURE_OPENAI_ENDPOINT": ("https://o.example", "azure_openai_endpoint", "https://o.example"),
    "AZURE_OPENAI_CHAT_DEPLOYMENT": ("chat2", "azure_openai_chat_deployment", "chat2"),
    "AZURE_OPENAI_EMBEDDING_DEPLOYMENT": ("emb", "azure_openai_embedding_deployment", "emb"),
    "AZURE_OPENAI_API_VERSION": ("2025-01-01", "azure_openai_api_version", "2025-01-01"),
    "AZURE_OPENAI_API_KEY": ("ak", "azure_openai_api_key", "ak"),
    "PHARMABOT_MODEL_TIMEOUT_SECONDS": ("12.5", "model_timeout_seconds", 12.5),
    "PHARMABOT_MODEL_MAX_TOKENS": ("300", "model_max_tokens", 300),
    "AZURE_CONTENT_SAFETY_ENDPOINT": ("https://cs.example", "azure_content_safety_endpoint", "https://cs.example"),
    "AZURE_CONTENT_SAFETY_KEY": ("csk", "azure_content_safety_key", "csk"),
    "PHARMABOT_CONTENT_SAFETY_TIMEOUT_SECONDS": ("1.5", "content_safety_timeout_seconds", 1.5),
    "PHARMABOT_PROMPT_CANARY": ("canary-0123456789", "prompt_canary", "canary-0123456789"),
    "AZURE_CLIENT_ID": ("cid", "azure_client_id", "cid"),
    "APPLICATIONINSIGHTS_CONNECTION_STRING": (
        "InstrumentationKey=x",
        "applicationinsights_connection_string",
        "InstrumentationKey=x",
    ),
}


def test_every_option_is_read_from_its_env_var(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sorted(EVERY_OPTION) == sorted(env for env, _, _ in settings_table())
    for env, (raw, _, _) in EVERY_OPTION.items():
        monkeypatch.setenv(env, raw)
    settings = load_settings()
    for env, (_, field, expected) in EVERY_OPTION.items():
        assert getattr(settings, field) == expected, env
