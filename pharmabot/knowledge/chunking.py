"""Label sections -> bounded search chunks, split at subsection headings and sentences, with stable ids.

Chunk text is the cleaned label text (`pharmabot.knowledge.cleaning`): no numbering, cross-references,
captions or flattened tables, each subsection heading on a line of its own before its text. Tables are
chunked separately, one row per line. The label's raw text stays in the index for the drug pages.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from pharmabot.knowledge.cleaning import clean_section, is_heading, remove_cross_references
from pharmabot.knowledge.labels import PLR_SECTION_NUMBERS, SECTION_TITLES, LabelRecord

MAX_CHARS = 1200  # upper bound of a chunk's text (a single longer word run is hard-split)
MIN_CHARS = 400  # a piece shorter than this is joined to the next one

# "5.1 Myopathy and Rhabdomyolysis" inside run-on text: a numbered heading after a sentence end.
_SUBSECTION = re.compile(r"(?<=[.!?:;)\]] )(?=\d{1,2}\.\d{1,2}(?:\.\d{1,2})? +[A-Z])")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\[•])")
_SECTION_ORDER = {key: position for position, key in enumerate(SECTION_TITLES)}


@dataclass(frozen=True)
class Chunk:
    """One searchable piece of a label section, with everything a citation needs."""

    chunk_id: str
    set_id: str
    drug_key: str
    drug_name: str
    brand_names: tuple[str, ...]
    section_key: str
    section_title: str
    section_pos: int
    ordinal: int
    text: str
    effective_time: str | None
    url: str


def chunk_id(set_id: str, section_key: str, ordinal: int, text: str) -> str:
    """Stable id: the same label text always gives the same ids, whatever order files are read in."""
    digest = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:12]
    raw = f"{set_id}|{section_key}|{ordinal}|{digest}"
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:20]


def _hard_split(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > limit:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
        while len(current) > limit:  # a "word" longer than the limit (a flattened table row)
            pieces.append(current[:limit])
            current = current[limit:]
    if current:
        pieces.append(current)
    return pieces


def _pack(units: list[str], limit: int, *, sep: str = " ") -> list[str]:
    """Greedily join consecutive units (sentences, table rows) with SEP into pieces of at most LIMIT chars."""
    pieces: list[str] = []
    current = ""
    for unit in units:
        for part in _hard_split(unit, limit) if len(unit) > limit else [unit]:
            if current and len(current) + len(sep) + len(part) > limit:
                pieces.append(current)
                current = part
            else:
                current = f"{current}{sep}{part}" if current else part
    if current:
        pieces.append(current)
    return pieces


def _groups(text: str) -> list[str]:
    """Numbered subsections of raw text, or heading-led groups of lines of cleaned text."""
    groups: list[str] = []
    for part in _SUBSECTION.split(text):
        current: list[str] = []
        for line in (line.strip() for line in part.split("\n")):
            if not line:
                continue
            # A heading starts a new group, unless the group so far is only headings.
            if is_heading(line) and current and not all(is_heading(c) for c in current):
                groups.append("\n".join(current))
                current = []
            current.append(line)
        if current:
            groups.append("\n".join(current))
    return groups


def _units(group: str) -> list[str]:
    """Sentences of a group of lines; a heading stays on its own line at the start of the sentence after it."""
    units: list[str] = []
    heading = ""
    for line in group.split("\n"):
        if is_heading(line):
            heading = f"{heading}{line}\n"
            continue
        sentences = _SENTENCE.split(line)
        sentences[0] = heading + sentences[0]
        heading = ""
        units.extend(sentences)
    if heading:
        units.append(heading.rstrip("\n"))
    return units


def split_text(text: str, *, limit: int = MAX_CHARS, minimum: int = MIN_CHARS) -> list[str]:
    """Split section text at subsection headings, then lines and sentences, into pieces of at most LIMIT chars."""
    text = text.strip()
    if not text:
        return []
    pieces: list[str] = []
    for group in _groups(text):
        sub = [group] if len(group) <= limit else _pack(_units(group), limit)
        # Tiny subsections ("5.3 Liver Enzymes: see 5.1") are joined to their neighbour.
        if pieces and len(pieces[-1]) < minimum and len(pieces[-1]) + 1 + len(sub[0]) <= limit:
            pieces[-1] = f"{pieces[-1]}\n{sub[0]}"
            sub = sub[1:]
        pieces.extend(sub)
    return pieces


def _table_pieces(tables: str, limit: int) -> list[str]:
    """Table text split at row boundaries (one row per line), bounded like prose.

    Each piece after a table's first starts with the table's header row again, so a row is never read
    without the column names that say what its cells are.
    """
    pieces: list[str] = []
    for table in (remove_cross_references(t) for t in tables.split("\n\n")):
        lines = table.splitlines()
        header = next((line for line in lines if " | " in line), None)
        if header is None or len(header) > limit // 3:
            pieces += _pack(lines, limit, sep="\n")
            continue
        room = limit - len(header) - 1
        current = ""
        for line in lines:
            for part in _hard_split(line, room) if len(line) > room else [line]:
                if current and len(current) + 1 + len(part) > limit:
                    pieces.append(current)
                    current = f"{header}\n{part}"
                else:
                    current = f"{current}\n{part}" if current else part
        if current:
            pieces.append(current)
    return pieces


def chunk_label(label: LabelRecord, *, drug_key: str | None = None, limit: int = MAX_CHARS) -> list[Chunk]:
    """All chunks of a label, section by section in label order; tables follow their section's prose."""
    key = drug_key or label.title
    chunks: list[Chunk] = []
    for section_key in sorted(set(label.sections) | set(label.tables), key=lambda k: _SECTION_ORDER.get(k, 999)):
        title = SECTION_TITLES.get(section_key)
        if title is None:
            continue
        tables = label.tables.get(section_key, "")
        text = clean_section(
            label.sections.get(section_key, ""),
            tables=[t for t in tables.split("\n\n") if t.strip()],
            names=(*label.generic_names, *label.brand_names),
            number=PLR_SECTION_NUMBERS.get(section_key),
        )
        pieces = split_text(text, limit=limit)
        pieces += [f"Table: {piece}" for piece in _table_pieces(tables, limit - 7)]
        for ordinal, text in enumerate(pieces):
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(label.set_id, section_key, ordinal, text),
                    set_id=label.set_id,
                    drug_key=key,
                    drug_name=key,
                    brand_names=label.brand_names,
                    section_key=section_key,
                    section_title=title,
                    section_pos=_SECTION_ORDER[section_key],
                    ordinal=ordinal,
                    text=text,
                    effective_time=label.effective_time,
                    url=label.url,
                )
            )
    return chunks
