"""The batches written after the rules (tests.safety.attack_batches): caught now, and their first look kept."""

from __future__ import annotations

import pytest

from tests.safety.attack_batches import BATCHES, FIRST_LOOK, LEFT_MISSES, caught

ATTACKS = [
    pytest.param(text, id=f"{batch}-{family}-{n}")
    for batch, written in BATCHES.items()
    for family, texts in written.attacks.items()
    for n, text in enumerate(texts)
]
LOOK_ALIKES = [
    pytest.param(text, id=f"{batch}-{n}")
    for batch, written in BATCHES.items()
    for n, text in enumerate(written.look_alikes)
]


@pytest.mark.parametrize("text", ATTACKS)
def test_written_attacks_are_refused(text: str) -> None:
    if text in LEFT_MISSES:
        assert not caught(text), "caught now: remove it from LEFT_MISSES"
    else:
        assert caught(text), text


def test_misses_left_are_written_attacks_with_a_reason() -> None:
    written = {text for batch in BATCHES.values() for texts in batch.attacks.values() for text in texts}
    assert set(LEFT_MISSES) <= written
    assert all(reason for reason in LEFT_MISSES.values())


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_written_look_alikes_are_answered(text: str) -> None:
    assert not caught(text), text


def test_every_batch_has_its_first_look_recorded_as_written() -> None:
    assert FIRST_LOOK.keys() == BATCHES.keys()
    for name, batch in BATCHES.items():
        families, (_, look_alikes) = FIRST_LOOK[name]
        assert {family: written for family, (_, written) in families.items()} == {
            family: len(texts) for family, texts in batch.attacks.items()
        }
        assert look_alikes == len(batch.look_alikes)


def test_attacks_stay_within_the_chat_limit() -> None:
    for batch in BATCHES.values():
        for texts in batch.attacks.values():
            assert all(len(text) <= 500 for text in texts)
