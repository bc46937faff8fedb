"""The README's configuration table and local.settings.json.example are generated from Settings: keep them current."""

import re
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


def _named_paths(text: str) -> set[str]:
    """Package paths a document names in backticks (`pharmabot/chat/service.py`, `safety/red_flags.py`)."""
    return set(re.findall(r"`((?:pharmabot/)?[a-z_]+/[a-z_/]+\.py)", text))


def test_request_flow_names_only_files_that_exist() -> None:
    text = (ROOT / "docs" / "request-flow.md").read_text()
    named = _named_paths(text)
    assert len(named) > 20
    missing = sorted(p for p in named if not (ROOT / p).exists() and not (ROOT / "pharmabot" / p).exists())
    assert missing == [], f"docs/request-flow.md names files that do not exist: {missing}"


def test_readme_layout_lists_every_package_folder() -> None:
    readme = (ROOT / "README.md").read_text()
    layout = readme[readme.index("## Project layout") : readme.index("## Deploy to Azure")]
    packages = sorted(p.parent.name for p in (ROOT / "pharmabot").glob("*/__init__.py"))
    missing = [name for name in packages if f"  {name}/" not in layout]
    assert missing == [], f"README layout misses package folders: {missing}"


def test_readmes_name_only_files_that_exist() -> None:
    # Files move (the feature folders did): a README that points at an old path sends readers nowhere.
    documents = [ROOT / "README.md", ROOT / "infra" / "README.md", *ROOT.glob("tests/**/README.md")]
    missing = [
        f"{doc.relative_to(ROOT)}: {path}"
        for doc in documents
        for path in sorted(set(re.findall(r"\b((?:pharmabot|tests|bench|eval)/[a-z_/]+\.py)\b", doc.read_text())))
        if not (ROOT / path).exists()
    ]
    assert missing == []
