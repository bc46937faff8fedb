"""Text hygiene shared by the request models and the safety checks, and the one way replies join a list in words.

A chat message is normalised once, by `normalize_message`, when it is admitted; the request models
use the same function to refuse text that is empty once normalised, and everything after admission
sees the normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Characters that render as nothing: they split words for a pattern while staying invisible to a reader.
_ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
)
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_message(text: str) -> str:
    """NFKC-normalize, drop zero-width and control characters (keeping newlines) and collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = [ch for ch in text if ch == "\n" or unicodedata.category(ch) not in {"Cc", "Cf", "Co", "Cs"}]
    lines = [" ".join(line.split()) for line in "".join(kept).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_text_input(value: str) -> str:
    """Strip; refuse blank text and control characters (tabs and newlines become spaces)."""
    value = value.replace("\t", " ").replace("\r", " ").replace("\n", " ").strip()
    if not value:
        raise ValueError("must not be empty or only whitespace")
    if any(unicodedata.category(ch) in {"Cc", "Cf"} for ch in value):
        raise ValueError("must not contain control characters")
    return value


def spoken_list(items: Sequence[str]) -> str:
    """ITEMS as a reply says them: "a", "a and b", "a, b and c" (empty for none)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
