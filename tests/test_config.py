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
