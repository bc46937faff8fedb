"""An interaction question naming a name several products share ("insulin") checks each product's label."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmabot.config import load_settings
from pharmabot.services import Services
from tests.chat.test_service import ask, citations, meta, text


@pytest.fixture(scope="module")
def insulin_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.support.index import build_small_index

    return build_small_index(
        tmp_path_factory.mktemp("insulin-pairs"), ("insulin glargine", "insulin aspart", "metoprolol")
    ).path


async def test_insulin_with_a_beta_blocker_is_checked_against_the_insulin_labels(
    insulin_index: Path, tmp_path: Path
) -> None:
    started = await Services.start(load_settings(index_path=insulin_index, sqlite_path=tmp_path / "state.sqlite"))
    try:
        events = await ask(started, "can i take insulin with metoprolol")
        answer = text(events)
        # Says first which products the name was read as; the finding is the insulin labels' own.
        assert answer.startswith(
            '"insulin" was checked as each of 2 insulin products (insulin aspart, insulin glargine)'
        )
        assert "between metoprolol and insulin" in answer or "between insulin and metoprolol" in answer
        assert "beta-blocker" in answer.lower()
        assert {c.drug_name for c in citations(events).citations} & {"insulin aspart", "insulin glargine"}
        assert {ref.key for ref in meta(events).drugs} == {"metoprolol", "insulin"}
    finally:
        await started.close()
