"""Label text cleaning for quotes: section numbers, "[see ...]" cross-references and their debris, captions.

openFDA flattens a label into run-on text: headings ("7.1 Strong CYP1A2 Inhibitors") run into the sentence
after them, cross-references ("[see Warnings and Precautions (5.3)]", "( 5.1 , 7.2 )") sit mid-sentence, and
figure or table captions start sentences. A quote shown to a reader keeps the label's words and drops that
scaffolding. Each function does one thing so callers can pick; `clean_quote` applies them all.
"""

from __future__ import annotations

import re

from pharmabot.knowledge.labels import SECTION_TITLES

# "[see Warnings and Precautions (5.5), Use in Specific Populations (8.6)]"; an unclosed one runs to the end.
_SEE_BRACKETS = re.compile(r"\s*\[\s*(?:see|See|SEE)\b[^\]]*(?:\]|$)")
# "(see Warnings and Precautions 5.2)", "(See CLINICAL PHARMACOLOGY)".
_SEE_PARENS = re.compile(r"\s*\(\s*(?:see|See|SEE)\b[^()]*(?:\([^()]*\)[^()]*)*\)")
# Reference debris: "( 5.1 )", "( 4 , 5.8 )", "(5.2, 7.1, 12.3)", "(7)", "( 2.2 , 2.8 , 5.1 )".
_NUMBER_REFS = re.compile(r"\s*\(\s*\d{1,2}(?:\.\d{1,2})?(?:\s*[,;]\s*\d{1,2}(?:\.\d{1,2})?)*\s*\)")
# A section number at the start: "7.1", "5.12", "(7.2)", "7".
_LEADING_NUMBER = re.compile(r"^\s*\(?\d{1,2}(?:\.\d{1,2})*\)?\s+")
# A caption at the start: "Figure 2:", "Table 3.", "Figure 1".
_LEADING_CAPTION = re.compile(r"^\s*(?:Figure|Fig\.|Table)\s+\d{1,2}[A-Za-z]?\s*[:.]?\s+")
# A section's own title in capitals right after its number ("7 DRUG INTERACTIONS").
_SECTION_TITLE = re.compile(
    "(?:" + "|".join(re.escape(t) for t in sorted(SECTION_TITLES.values(), key=len, reverse=True)) + r")\b\s*"
)
# Words that may sit inside a heading between capitalized words ("Drugs that Prolong the QT Interval").
_HEADING_JOINERS = frozenset(
    "a an and or of in on to for with that which the by from as at vs versus not other than".split()
)
_WORD = re.compile(r"\S+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]])")
_SPACES = re.compile(r"\s{2,}")
_DANGLING = re.compile(r"[\s(\[,;:]+$")


def remove_cross_references(text: str) -> str:
    """Drop "[see ...]" and "(see ...)" pointers and bare section-number references like "( 5.1 , 7.2 )"."""
    text = _SEE_BRACKETS.sub("", text)
    text = _SEE_PARENS.sub("", text)
    return _NUMBER_REFS.sub("", text)


def _is_capitalized(word: str) -> bool:
    stripped = word.lstrip("(\"'[")
    return bool(stripped) and (stripped[0].isupper() or stripped[0].isdigit())


def heading_length(text: str) -> int:
    """Length of a leading run of Title Case heading words ("Strong CYP1A2 Inhibitors "), 0 when none.

    The run ends at the last capitalized word before the first lower-case word, because that word starts the
    sentence ("Strong CYP1A2 Inhibitors Concomitant use ..." -> heading "Strong CYP1A2 Inhibitors"). Short joiners
    ("and", "of", "that") may sit inside a heading between capitalized words.
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    last_capital = -1
    for n, (_, _, word) in enumerate(words):
        if _is_capitalized(word):
            last_capital = n
            continue
        if word.lower().strip(",:;") in _HEADING_JOINERS and n + 1 < len(words) and _is_capitalized(words[n + 1][2]):
            continue
        break
    else:
        return 0  # all capitalized (a heading only, or a shouted sentence): leave it
    if last_capital < 1:
        return 0  # the first word is the sentence's own
    heading_end = words[last_capital - 1][1]
    # A colon-ended heading ("Warfarin: ...") keeps its words as the sentence's subject.
    if text[heading_end - 1] == ":":
        return 0
    return words[last_capital][0]


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
    text = _SPACES.sub(" ", text).strip()
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
