"""What an OTC label's Drug Facts say about giving the medicine to a child: its "Do not use" items and the
"Directions" row for the child's age.

Drug Facts have fixed headings in a fixed order (21 CFR 201.66(c)): Warnings hold "Do not use" (c)(5)(iii), then
"Ask a doctor before use", "Ask a doctor or pharmacist before use", "When using this product", "Stop use and ask a
doctor", "If pregnant or breast-feeding" and "Keep out of reach of children" (c)(5)(iv)-(x); Directions (c)(6) give
the dose by age group, often as a table of age | dose rows. A question about giving an OTC medicine to a child is
answered from these two places, in the label's words, before anything else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pharmabot.answer.base import Passage

# A child spoken of: "my 5 year old", "my 18-month-old", "my toddler", "give it to my kid".
_AGE = re.compile(r"\b(\d{1,2})\s*(?:-\s*)?(years?|yrs?|yo|months?|mos?)\b(?:[\s-]*old)?", re.IGNORECASE)
_CHILD_WORDS = re.compile(
    r"\b(?:child|children|kids?|toddlers?|baby|babies|infants?|newborns?|son|daughter|grandchild\w*|grandson|"
    r"granddaughter|preschooler|\d{1,2}\s*(?:-\s*)?(?:years?|yrs?|months?)[\s-]*old)\b",
    re.IGNORECASE,
)
# The Drug Facts headings that end a "Do not use" list (21 CFR 201.66(c)(5)(iv)-(x), then (c)(6) Directions).
_NEXT_HEADING = re.compile(
    r"\b(?:Ask a doctor|When using this product|Stop use and ask|If pregnant or breast-feeding|Keep out of reach"
    r"|Directions|Other information|Inactive ingredients|Questions\??)\b",
)
_DO_NOT_USE = re.compile(r"\bDo not use\b")
_DRUG_FACTS = re.compile(r"\bAsk a doctor\b|\bStop use and ask\b|\bKeep out of reach\b|\bWhen using this product\b")
# Drug Facts bullets (openFDA keeps some of them in the text).
BULLET = re.compile(r"\s*[■•▪●◆]\s*")
_RANGE_TO = re.compile(r"(\d+)\s*(?:years?|months?)?\s*(?:to|-|through)\s*(under\s*)?(\d+)\s*(years?|months?)", re.I)
_UNDER = re.compile(r"\bunder\s*(\d+)\s*(years?|months?)", re.IGNORECASE)
_AND_OVER = re.compile(r"(\d+)\s*(years?|months?)\s*(?:of age\s*)?(?:and|&|or)\s*(?:over|older)", re.IGNORECASE)


@dataclass(frozen=True)
class ChildQuestion:
    """A question about giving a medicine to a child, with the child's age in years when it says one."""

    age: float | None


def read_child_question(message: str) -> ChildQuestion | None:
    if not _CHILD_WORDS.search(message):
        return None
    match = _AGE.search(message)
    if match is None:
        return ChildQuestion(age=None)
    number, unit = int(match.group(1)), match.group(2).lower()
    age = number / 12 if unit.startswith("m") else float(number)
    return ChildQuestion(age=age) if age < 18 else None


def _years(number: str, unit: str) -> float:
    return int(number) / 12 if unit.lower().startswith("m") else float(int(number))


def age_range(group: str) -> tuple[float, float] | None:
    """The ages [low, high) an age-group cell covers ("children 4 to under 6 years of age" -> (4, 6))."""
    if (match := _RANGE_TO.search(group)) is not None:
        low, high = _years(match.group(1), match.group(4)), _years(match.group(3), match.group(4))
        return (low, high if match.group(2) else high + 1)
    if (match := _AND_OVER.search(group)) is not None:
        return (_years(match.group(1), match.group(2)), math.inf)
    if (match := _UNDER.search(group)) is not None:
        return (0.0, _years(match.group(1), match.group(2)))
    return None


def do_not_use_items(text: str) -> list[str]:
    """The items of the "Do not use" list of a Drug Facts text (each bullet, as the label words it)."""
    items: list[str] = []
    for start in _DO_NOT_USE.finditer(text):
        rest = text[start.end() :]
        end = _NEXT_HEADING.search(rest)
        block = rest[: end.start() if end else len(rest)]
        for item in BULLET.split(block):
            item = " ".join(item.split()).strip(" .;,:")
            if len(item) >= 4 and item not in items:
                items.append(item)
    return items


# Where a flattened Directions panel starts a new item: a bullet, an age group, or a "do not" / "ask a doctor" line.
_DIRECTIONS_ITEM = re.compile(
    BULLET.pattern + r"|(?<!:)\s+(?=(?:do not|ask a doctor)\b)"
    r"|(?<!\band)(?<!\bor)\s+(?=(?:adults?|children|child|infants?|teens?|adolescents?|persons?)\b[^.;:]{0,40}?"
    r"\b(?:\d+\s*(?:years?|yrs?|months?)|under \d))",
    re.IGNORECASE,
)
MIN_DIRECTION_LINES = 3
_DIRECTIONS = re.compile(r"Directions\b(?!\s+for use\b)")


def is_directions(text: str, section_key: str) -> bool:
    """A Drug Facts "Directions" panel (21 CFR 201.66(c)(6)): named so, or a bullet list opening the dosage section."""
    return bool(_DIRECTIONS.match(text)) or (section_key == "dosage_and_administration" and bool(BULLET.match(text)))


def directions_lines(text: str, *, section_key: str) -> list[str]:
    """A Drug Facts "Directions" panel that openFDA flattened into one run of words, as its items.

    The panel is bullets and age-group rows (21 CFR 201.66(c)(6)); openFDA drops the bullets and line breaks, so
    "do not take more than directed adults and children 12 years and over take 2 ..." is cut again where an item
    starts. Fewer than three items means the text was not such a panel: [] then.
    """
    if not is_directions(text, section_key):
        return []
    body = text.removeprefix("Directions").strip(" :")
    lines = [" ".join(part.split()).strip(" ;,") for part in _DIRECTIONS_ITEM.split(body)]
    lines = [line for line in lines if len(line) >= 4]
    # Bullets mark a panel however short it is; without them three items do.
    enough = 2 if BULLET.search(text) else MIN_DIRECTION_LINES
    return lines if len(lines) >= enough else []


def directions_row(text: str, age: float) -> str | None:
    """The Directions table row for AGE, as "<age group>: <directions>"."""
    for segment in text.split("Table: ")[1:]:
        for line in segment.split("\n"):
            cells = [c.strip() for c in line.split(" | ")]
            if len(cells) < 2:
                continue
            covered = age_range(cells[0])
            if covered is not None and covered[0] <= age < covered[1]:
                return f"{cells[0]}: {'; '.join(c for c in cells[1:] if c)}"
    return None


@dataclass(frozen=True)
class ChildDirections:
    """The lines a child question's answer opens with, each with the citation number of its passage."""

    lines: list[str]


def child_directions(passages: Sequence[Passage], child: ChildQuestion, *, drug: str) -> ChildDirections | None:
    """The "Do not use" items and the Directions row for the child's age, from the first Drug Facts label read."""
    lines: list[str] = []
    for passage in passages:
        if passage.section_key not in ("do_not_use", "warnings"):
            continue
        # An OTC label's warnings carry the other Drug Facts headings too; a prescription label's "Do not use in
        # patients with ..." is not a Drug Facts list.
        if passage.section_key == "warnings" and not _DRUG_FACTS.search(passage.text):
            continue
        items = do_not_use_items(passage.text)
        if items:
            lines.append(f"Do not use: {'; '.join(items)}. [{passage.citation.index}]")
            break
    if child.age is not None:
        for passage in passages:
            if passage.section_key != "dosage_and_administration":
                continue
            row = directions_row(passage.text, child.age)
            if row is not None:
                lines.append(f"Directions, {row.rstrip('.')}. [{passage.citation.index}]")
                break
    if not lines:
        return None
    return ChildDirections(lines=[f"The Drug Facts on the {drug} label say:", *(f"- {line}" for line in lines)])
