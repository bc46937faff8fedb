"""Poison-center telephone numbers printed in label text, checked against the US Poison Help line.

Some labels print a wrong number for the poison center (four here give 1-800-221-2222 in their overdosage
section). The one national number that reaches the local poison center anywhere in the US is Poison Help,
1-800-222-1222 (HRSA, Poison Help program; the number every answer's footer gives). A person must never be
handed a wrong emergency number, so:
- the extractive writer does not quote a sentence that gives any other number for a poison center: the reply's
  own footer already gives the right one, and a quote corrected in brackets would still show the wrong number
  first to someone in a hurry;
- a model writer reads the passage with the number corrected in brackets next to it, so that a model quoting the
  sentence quotes the correction too.
"""

from __future__ import annotations

import re

POISON_HELP = "1-800-222-1222"
# A US toll-free number as labels print it: 1-800-222-1222, 1 (800) 222-1222, 800.222.1222.
_PHONE = re.compile(r"(?<!\d)(?:1[-. ]?)?\(?(8\d\d)\)?[-. ]?(\d{3})[-. ]?(\d{4})(?!\d)")
# The sentence speaks of a poison center (Poison Help, poison control center, Poison Center).
_POISON = re.compile(r"\bpoison\w*\b", re.IGNORECASE)


def _national(match: re.Match[str]) -> bool:
    return match.group(1, 2, 3) == ("800", "222", "1222")


def wrong_poison_number(text: str) -> bool:
    """TEXT speaks of a poison center and gives a toll-free number that is not Poison Help's."""
    return bool(_POISON.search(text)) and any(not _national(m) for m in _PHONE.finditer(text))


def correct_poison_numbers(text: str) -> str:
    """TEXT with each wrong poison-center number followed by a bracketed correction (for a model's passages)."""
    if not _POISON.search(text):
        return text

    def corrected(match: re.Match[str]) -> str:
        if _national(match):
            return match.group()
        return f"{match.group()} [this number is wrong; the US Poison Help line is {POISON_HELP}]"

    return _PHONE.sub(corrected, text)
