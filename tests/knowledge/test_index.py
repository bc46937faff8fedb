"""Reading the label index: the KnowledgeBase, its labels and catalog, and a clear error when it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmabot.errors import IndexMissingError
from pharmabot.knowledge.index import KnowledgeBase


def test_knowledge_base_reads_labels_and_catalog(small_index: Path) -> None:
    kb = KnowledgeBase.open(small_index)
    try:
        page = kb.drug_page("simvastatin")
        assert page is not None
        assert page.label is not None
        assert page.label.url.endswith(page.label.set_id)
        assert page.label.sections[0].key == "indications_and_usage"
        assert kb.get_label(page.label.set_id) == page.label
        assert kb.get_label("no-such-set-id") is None
        assert kb.catalog.resolve("Zocor").drug is not None
    finally:
        kb.close()


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="build-index"):
        KnowledgeBase.open(tmp_path / "nope.sqlite")
