"""The README's configuration table and local.settings.json.example are generated from Settings: keep them current."""

from pathlib import Path

from pharmabot.config import local_settings_example, settings_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_readme_configuration_table_matches_settings() -> None:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("<!-- settings-table:start -->\n") + len("<!-- settings-table:start -->\n")
    end = readme.index("<!-- settings-table:end -->")
    assert readme[start:end] == settings_markdown(), "run: python -m pharmabot settings > table, paste into README"


def test_local_settings_example_lists_every_setting() -> None:
    example = (ROOT / "local.settings.json.example").read_text()
    assert example == local_settings_example(), (
        "run: python -m pharmabot settings --format local-settings > local.settings.json.example"
    )
