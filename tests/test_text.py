"""Text hygiene: the one normalisation of a chat message, and the check of short text inputs."""

from __future__ import annotations

import pytest

from pharmabot.text import clean_text_input, normalize_message, spoken_list


def test_normalize_message_strips_invisible_and_control_characters() -> None:
    text = "  what\u200b is\u00a0 metformin?\x07\r\n\r\n\r\n\r\nthanks\tfor\u202e help  "
    assert normalize_message(text) == "what is metformin?\n\nthanks for help"


def test_normalize_message_applies_nfkc() -> None:
    assert normalize_message("ｍｅｔｆｏｒｍｉｎ ﬁle") == "metformin file"


def test_clean_text_input_refuses_blank_and_control_characters() -> None:
    assert clean_text_input("  Zocor\t20 mg\n") == "Zocor 20 mg"
    for bad in ("   ", "\n\t"):
        with pytest.raises(ValueError, match="empty"):
            clean_text_input(bad)
    with pytest.raises(ValueError, match="control characters"):
        clean_text_input("zo\u200bcor")


def test_spoken_list_joins_as_a_reply_says_it() -> None:
    assert spoken_list([]) == ""
    assert spoken_list(["ibuprofen"]) == "ibuprofen"
    assert spoken_list(["ibuprofen", "naproxen"]) == "ibuprofen and naproxen"
    assert spoken_list(["acetaminophen", "ibuprofen", "naproxen"]) == "acetaminophen, ibuprofen and naproxen"
