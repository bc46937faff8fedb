"""A small label index for tests, built once per session from a few shipped labels."""

from __future__ import annotations

from pathlib import Path

from pharmabot.ingest import build_index
from pharmabot.knowledge.build import IndexStats
from tests.support.labels import DEFAULT_TEST_DRUGS, raw_records_for, write_jsonl


def build_small_index(
    directory: Path, drugs: tuple[str, ...] = DEFAULT_TEST_DRUGS, *, extra: bool = False
) -> IndexStats:
    """Write the drugs' shipped records as .jsonl into DIRECTORY and index them there (EXTRA: `raw_records_for`)."""
    directory.mkdir(parents=True, exist_ok=True)
    source = write_jsonl(directory / "labels.jsonl", raw_records_for(drugs, extra=extra))
    return build_index(sources=[source], index_path=directory / "index.sqlite")
