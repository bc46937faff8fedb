"""Clean FDA label text for answers: numbering, cross-references, figure captions and flattened tables out.

openFDA gives each label section as one run of text: section and subsection numbers and headings run
into the first sentence ("2.6 Discontinuing Treatment Adverse reactions may occur..."), cross-references
leave debris ("[see Warnings and Precautions ( 5.2 )] ."), figure captions and table captions sit in the
middle of prose, and every table appears a second time flattened into run-on text (its cells are kept
as rows in the `*_table` fields). Each function here removes one of these and nothing else, so they
can be used alone (interaction evidence quotes) or together (`clean_section`, used for search chunks).
The label's raw text is kept unchanged elsewhere for the drug pages.

Quotes (interaction evidence) use `clean_quote`: one sentence with its leading section number, heading,
caption and cross-references removed.

Subsection headings are kept, on a line of their own, because they say what the sentences under them
are about ("Discontinuing Treatment", "How should I store ...?"); answers never quote them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import regex

from pharmabot.knowledge.labels import SECTION_TITLES

# Bracketed cross-references, nested parentheses included: "[see Warnings and Precautions ( 5.1 , 5.2 )]",
# "(see Clinical Pharmacology [12.3])". The recursive group matches balanced brackets of either kind.
_SEE_REFERENCE = regex.compile(
    r"\s*(?P<ref>[\[(]\s*(?:see|refer to)\b"
    r"(?:[^\[\]()]|(?:\((?:[^()]|(?&ref))*\))|(?:\[(?:[^\[\]]|(?&ref))*\]))*[\])])",
    regex.IGNORECASE,
)
# A cross-reference cut off where a truncated sentence ends: "... is contraindicated [see Contraindications (4) and".
_OPEN_SEE_REFERENCE = re.compile(r"\s*[\[(]\s*(?:see|refer to)\b[^\])]*(?:\([^()]*\)[^\])]*)*$", re.IGNORECASE)
# Bare subsection references: "( 2.4 , 5.6 )", "(5.1)", "( 7 )", "[5.2]".
_NUMBER_REFERENCE = re.compile(r"\s*[\[(]\s*\d{1,2}(?:\.\d{1,2})*(?:\s*[,;]\s*\d{1,2}(?:\.\d{1,2})*)*\s*[\])]")
# What removals leave behind: a space before punctuation, doubled stops.
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[.,;:](?:\s|$))")
_REPEATED_STOP = re.compile(r"([.;:])(?:\s*[.;:])+")
_SPACES = re.compile(r"[ \t]+")

# "See Figure 3." and "(Figure 2)" point at pictures the text does not have.
_FIGURE_POINTER = re.compile(
    r"\s*\(?\b[Ss]ee Figures? [A-Z0-9]{1,3}(?:\s*(?:and|,|-)\s*[A-Z0-9]{1,3})*\s*\)?\s*\.?"
    r"|\s*\(Figures? [A-Z0-9]{1,3}\)"
)
# "Figure 2: Mean Plasma Concentrations ..." / "Figure A - Pen Parts": a caption, up to where prose starts.
_FIGURE_CAPTION = re.compile(r"(?:(?<=\s)|^)Figures? [A-Z0-9]{1,3}(?:[.:]|\s+-|\s+–)?\s+")
_TABLE_CAPTION = re.compile(r"(?:(?<=\s)|^)Table \d{1,3}[A-Za-z]?(?:[.:]|\s+-|\s+–)?\s+")

# Section and subsection numbering: "2 DOSAGE AND ADMINISTRATION", "2.6 Discontinuing Treatment".
_SECTION_NUMBER_HEADING = re.compile(r"(?:(?<=[.!?:;)\]]\s)|^)\d{1,2}\s+(?=[A-Z][A-Z ,&/\-]{3,}\b)")
# After a sentence, at the start, or after a section title in capitals ("DOSAGE AND ADMINISTRATION 2.1 ...").
_SUBSECTION_NUMBER = re.compile(r"(?:(?<=[.!?:;)\]]\s)|(?<=[A-Z]{2}\s)|^)\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+(?=[A-Z])")
# A subsection number of the section being cleaned ("1.1" in section 1) after any word: lists end without a stop, so
# "... with heart failure 1.1 Hypertension Metoprolol ..." holds a heading the pattern above cannot see. Unit words
# keep doses apart ("2.5 Units/kg" in Dosage and Administration, section 2).
_NOT_A_UNIT = r"(?!(?:Units?|IU|International|L|Gi|Days?|Hours?|Weeks?|Months?|Years?|Times?|Million|Billion)\b)"


@functools.lru_cache(maxsize=32)
def _subsection_splitter(number: int | None) -> re.Pattern[str]:
    if number is None:
        return _SUBSECTION_NUMBER
    own = rf"(?<=\s){number}\.\d{{1,2}}(?:\.\d{{1,2}})?\s+(?=[A-Z]){_NOT_A_UNIT}"
    return re.compile(f"{_SUBSECTION_NUMBER.pattern}|{own}")


_UPPER_HEADING = re.compile(
    r"^(?:[A-Z][A-Z0-9,&/()'\-]*\s+){0,8}[A-Z][A-Z0-9,&/()'\-]*:?(?=\s+(?:[A-Z][a-z]|[•\-–(\d])|\s*$)"
)

# Words that stay lowercase inside a Title Case heading.
_MINOR = frozenset(
    """a an and as at by for from in into of on or per the to vs with without about after before during over
    under""".split()
)
# Words of a product name that may follow the drug's name ("Buprenorphine Sublingual Tablets are ...").
_PRODUCT_WORDS = frozenset(
    """tablet tablets capsule capsules injection injections solution suspension oral sublingual extended-release
    delayed-release orally disintegrating chewable film-coated for usp cream ointment gel patch spray inhalation
    powder syrup elixir drops ophthalmic otic topical transdermal vial vials pen pens kit er xr sr cd la hcl
    hydrochloride sodium potassium""".split()
)
_TOKEN = re.compile(r"\S+")


def remove_cross_references(text: str) -> str:
    """Drop "[see ...]" / "(see ...)" cross-references, bare subsection numbers "( 5.2 )", and their debris."""
    text = _SEE_REFERENCE.sub("", text)
    text = _OPEN_SEE_REFERENCE.sub("", text)
    text = _NUMBER_REFERENCE.sub("", text)
    return tidy(_drop_orphan_brackets(text))


def _drop_orphan_brackets(text: str) -> str:
    """Remove closing square brackets that close nothing (what is left of a cut "[see ...]")."""
    if "]" not in text:
        return text  # nothing to remove; the character walk below is the costly part of cleaning a sentence
    out: list[str] = []
    depth = 0
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                continue
            depth -= 1
        out.append(char)
    return "".join(out)


def tidy(text: str) -> str:
    """Spaces before stops, doubled stops and runs of spaces, as removals leave them."""
    text = _SPACE_BEFORE_STOP.sub("", text)
    text = _REPEATED_STOP.sub(r"\1", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _flat(table: str) -> str:
    """A table's text as openFDA flattens it into the section prose: cells and rows joined by spaces."""
    return " ".join(table.replace(" | ", " ").split())


def remove_flattened_tables(text: str, tables: Iterable[str]) -> str:
    """Cut each table's flattened copy out of the prose; TABLES are row-per-line texts (`table_to_text`).

    openFDA repeats every table as run-on text inside the section; the rows themselves are indexed
    separately, one per line, where they can be read. A table whose copy is not found verbatim stays.
    """
    normalized = " ".join(text.split(" "))
    for table in tables:
        flat = _flat(table)
        if len(flat) >= 20 and flat in normalized:
            normalized = normalized.replace(flat, "\n", 1)
    return tidy(normalized)


def mark_headings(text: str, names: Iterable[str] = (), *, number: int | None = None) -> str:
    """Numbered headings to lines of their own, numbers dropped: "2.6 Discontinuing X Adverse..." ->
    "Discontinuing X" / "Adverse...". Section titles in capitals ("2 DOSAGE AND ADMINISTRATION") are dropped.

    NAMES are the drug's names (generic and brand), which help find where a heading ends; NUMBER is the section's
    own number in the prescribing information (`PLR_SECTION_NUMBERS`), when it has one.
    """
    known = frozenset(word.lower() for name in names for word in name.split())
    text = _SECTION_NUMBER_HEADING.sub("\n", text)
    parts = _subsection_splitter(number).split(text)
    out = [parts[0]]
    for part in parts[1:]:
        tokens = _TOKEN.findall(part)
        end = heading_words(tokens, known)
        if end:
            heading = " ".join(tokens[:end]).rstrip(":")
            body = part.split(None, end)[-1] if len(tokens) > end else ""
            out.append(f"\n{heading}\n{body}")
        else:
            out.append("\n" + part)
    lines = []
    for line in "".join(out).split("\n"):
        # A section title in capitals at a line's start ("DOSAGE AND ADMINISTRATION Take ...") is dropped.
        stripped = line.strip()
        match = _UPPER_HEADING.match(stripped)
        title = _title_before_name(match.group(), known) if match else ""
        if len(title) >= 8 and sum(c.isalpha() for c in title) >= 6:
            stripped = stripped[len(title) :].strip()
        lines.append(stripped)
    return tidy("\n".join(lines))


def _title_before_name(caps: str, names: frozenset[str]) -> str:
    """The section title in a run of capitals, without the drug's name in capitals that ends it.

    Brand names are printed in capitals, so "DESCRIPTION VALTREX (valacyclovir ...) is ..." is the title
    "DESCRIPTION" and a sentence whose subject is "VALTREX".
    """
    words = caps.split()
    tail = len(words)
    while tail > 0 and words[tail - 1].lower().strip(",:()®™") in names | _PRODUCT_WORDS:
        tail -= 1
    if tail < len(words) and any(w.lower().strip(",:()®™") in names for w in words[tail:]):
        return caps[: len(" ".join(words[:tail]))] if tail else ""
    return caps


def remove_figure_captions(text: str) -> str:
    """Drop pointers to figures ("See Figure 3.") and figure captions ("Figure 2: Mean Concentrations")."""
    text = _FIGURE_POINTER.sub("", text)
    return tidy(_remove_captions(text, _FIGURE_CAPTION))


def remove_table_captions(text: str) -> str:
    """Drop table captions left in prose ("Table 4: Change in Plasma Arginine from Baseline")."""
    return tidy(_remove_captions(text, _TABLE_CAPTION))


def _remove_captions(text: str, label: re.Pattern[str]) -> str:
    pieces = label.split(text)
    if len(pieces) == 1:
        return text
    out = [pieces[0].rstrip() + "\n"]
    for piece in pieces[1:]:
        tokens = _TOKEN.findall(piece)
        end = heading_words(tokens)
        # A caption that runs to the end, or into another caption, goes whole.
        if end == 0 and not any(t[:1].islower() and t not in _MINOR for t in tokens[:12]):
            end = len(tokens)
        out.append((piece.split(None, end)[-1] if 0 < end < len(tokens) else ("" if end else piece)) + "\n")
    return "".join(out)


_BULLET = re.compile(r"\s*[•●▪]\s*")


def bullets_to_lines(text: str) -> str:
    """One line per bullet point: flattened lists read as run-on text otherwise."""
    return tidy(_BULLET.sub("\n• ", text))


def is_heading(line: str) -> bool:
    """A line that names what follows rather than saying something (as `mark_headings` leaves them)."""
    line = line.strip()
    return bool(line) and len(line) <= 160 and not line.endswith((".", ";", ",", "•")) and not line.startswith("•")


def clean_section(
    text: str, *, tables: Sequence[str] = (), names: Iterable[str] = (), number: int | None = None
) -> str:
    """All of the above, for one section's text; TABLES are that section's tables (`table_to_text`), NUMBER its
    number in the prescribing information."""
    text = remove_flattened_tables(text, tables) if tables else text
    text = remove_cross_references(text)
    text = remove_figure_captions(text)
    text = remove_table_captions(text)
    return bullets_to_lines(mark_headings(text, names, number=number))


# --- Quotes: one sentence as a reader should see it ----------------------------------------------------

# A section number at the start: "7.1", "5.12", "(7.2)", "7".
_LEADING_NUMBER = re.compile(r"^\s*\(?\d{1,2}(?:\.\d{1,2})*\)?\s+")
# A caption at the start: "Figure 2:", "Table 3.", "Figure 1".
_LEADING_CAPTION = re.compile(r"^\s*(?:Figure|Fig\.|Table)\s+\d{1,2}[A-Za-z]?\s*[:.]?\s+")
# A section's own title in capitals right after its number ("7 DRUG INTERACTIONS").
_SECTION_TITLE = re.compile(
    "(?:" + "|".join(re.escape(t) for t in sorted(SECTION_TITLES.values(), key=len, reverse=True)) + r")\b\s*"
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]])")
_DANGLING = re.compile(r"[\s(\[,;:]+$")


# --- Headings run into the text: one detector for section text and for quotes -----------------------------------

# Words that may sit inside a heading between capitalized words ("Drugs that Prolong the QT Interval", "Administration
# with or without Food").
_HEADING_JOINERS = _MINOR | frozenset("that which not other than versus".split())


def _kind_of_word(word: str) -> str:
    """ "capital", "neutral" (punctuation only, or a number: "18 Years", "90-degree" neither start nor end a heading)
    or "other"."""
    stripped = word.lstrip("(\"'[")
    if not any(c.isalnum() for c in stripped):
        return "neutral"
    if stripped[0].isdigit():
        return "neutral"
    return "capital" if stripped[0].isupper() else "other"


def _joins_heading(words: Sequence[str], at: int) -> bool:
    """True when WORDS[at] is a joiner and the next word that is neither a joiner nor a number is capitalized."""
    for word in words[at:]:
        if word.lower().strip(",:;") in _HEADING_JOINERS or _kind_of_word(word) == "neutral":
            continue
        return _kind_of_word(word) == "capital"
    return False


def heading_words(
    words: Sequence[str], names: frozenset[str] = frozenset(), *, colon_keeps_subject: bool = False
) -> int:
    """How many leading WORDS form a Title Case heading run into the sentence after it (0 when none does).

    The heading runs while words are capitalized, with joiners and numbers between them; the sentence starts at the
    last capitalized word before the first other word ("Strong CYP1A2 Inhibitors Concomitant use ..." -> "Strong
    CYP1A2 Inhibitors"), or earlier at the drug's name when that word belongs to the product name ("Buprenorphine
    Sublingual Tablets are ..."; NAMES are the drug's names, lower case). A run of capitals only (a heading alone, or
    a shouted sentence) and a run holding a sentence's end are left alone. With COLON_KEEPS_SUBJECT a colon-ended
    heading ("Warfarin: ...") stays the sentence's subject (quotes keep it).
    """
    last_capital = -1
    for n, word in enumerate(words):
        kind = _kind_of_word(word)
        if kind == "capital":
            last_capital = n
        elif kind == "other" and not _joins_heading(words, n):
            break
    else:
        return 0
    if last_capital < 1:
        return 0  # the first word is the sentence's own
    start = last_capital
    while start > 1 and words[start].lower().strip(",()") in _PRODUCT_WORDS:
        start -= 1
    if words[start].lower().strip(",()®™") not in names:
        start = last_capital  # no product name: the last capitalized word starts the sentence
    heading = words[:start]
    if any(w.endswith((".", "?", "!")) for w in heading[:-1]):
        return 0
    if colon_keeps_subject and heading[-1].endswith(":"):
        return 0
    return start


def heading_length(text: str) -> int:
    """Length in characters of a leading heading run into TEXT's sentence (`heading_words`), 0 when none."""
    spans = [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    cut = heading_words([w for _, w in spans], colon_keeps_subject=True)
    return spans[cut][0] if cut else 0


def split_section_heading(text: str) -> tuple[str, str]:
    """(heading, rest) of a text that starts with a section number: "7.1 Strong CYP1A2 Inhibitors Concomitant use
    ..." -> ("Strong CYP1A2 Inhibitors", "Concomitant use ..."); ("", text) when it starts with no number.
    Shouting headings ("7 DRUG INTERACTIONS") count too."""
    match = _LEADING_NUMBER.match(text)
    if not match:
        return "", text
    rest = text[match.end() :]
    shout = _SECTION_TITLE.match(rest)
    if shout:
        return shout.group().strip(), rest[shout.end() :]
    cut = heading_length(rest)
    return rest[:cut].strip(), rest[cut:]


def remove_section_heading(text: str) -> str:
    """Drop a leading section number and the heading words after it ("7.1 Strong CYP1A2 Inhibitors Concomitant
    use ..." -> "Concomitant use ...")."""
    return split_section_heading(text)[1]


def remove_caption(text: str) -> str:
    """Drop a leading "Figure 2:" / "Table 3." caption and its title words."""
    match = _LEADING_CAPTION.match(text)
    if not match:
        return text
    rest = text[match.end() :]
    cut = heading_length(rest)
    return rest[cut:] if cut else rest


def tidy_spacing(text: str) -> str:
    """Collapse spaces, close the gaps left before punctuation, drop dangling openers at the end."""
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = _DANGLING.sub("", text)
    return text.replace("( ", "(").replace("[ ", "[").replace(" )", ")")


def clean_quote(text: str) -> str:
    """A label sentence as a reader should see it: no numbers, headings, captions or cross-references."""
    text = remove_cross_references(text)
    text = remove_caption(remove_section_heading(text.strip()))
    text = tidy_spacing(text)
    if text and text[0].islower() and not text.startswith(("e.g", "i.e")):
        text = text[0].upper() + text[1:]
    return text
