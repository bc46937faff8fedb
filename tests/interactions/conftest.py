"""A small engine built from the shipped labels of the test drugs (never the full corpus)."""

from __future__ import annotations

import pytest

from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.knowledge import InteractionKnowledge
from tests.support.labels import DEFAULT_TEST_DRUGS, catalog_for, labels_for


@pytest.fixture(scope="session")
def knowledge() -> InteractionKnowledge:
    return InteractionKnowledge.from_labels(labels_for(DEFAULT_TEST_DRUGS), catalog_for(DEFAULT_TEST_DRUGS))


@pytest.fixture(scope="session")
def engine(knowledge: InteractionKnowledge) -> InteractionEngine:
    return InteractionEngine(knowledge=knowledge, catalog=catalog_for(DEFAULT_TEST_DRUGS))


# Drugs whose labels exercise inference from stated roles and effects (metoprolol: "metabolized predominantly by
# CYP2D6"; spironolactone: hyperkalemia with ACE inhibitors) besides the default test drugs.
WIDE_TEST_DRUGS = (*DEFAULT_TEST_DRUGS, "spironolactone", "metoprolol", "naproxen")


@pytest.fixture(scope="session")
def wide_engine() -> InteractionEngine:
    knowledge = InteractionKnowledge.from_labels(labels_for(WIDE_TEST_DRUGS), catalog_for(WIDE_TEST_DRUGS))
    return InteractionEngine(knowledge=knowledge, catalog=catalog_for(WIDE_TEST_DRUGS))
