"""Build-time scanning of label text: sentences, drug and class mentions, mechanism and management wording.

Sentence splitting is hand-written (a few rules for openFDA's run-on text and its abbreviations);
mention scanning is a dictionary lookup over token n-grams, so a whole corpus scans in seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pharmabot.interactions.lexicon import CLASSES, FOOD_KINDS
from pharmabot.knowledge.names import DrugCatalog, normalize

# Sections that carry interactions, and the ones only scanned for food and alcohol notes.
INTERACTION_SECTIONS = (
    "contraindications",
    "boxed_warning",
    "drug_interactions",
    "warnings_and_cautions",
    "warnings",
    "precautions",
)
FOOD_SECTIONS = (*INTERACTION_SECTIONS, "information_for_patients", "spl_patient_package_insert", "spl_medguide")

_ABBREVIATIONS = frozenset(
    "e.g i.e approx vs dr st no fig figs ref refs mg inc u.s al ca ph max min conc resp incl sec".split()
)
_BOUNDARY = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9(\[\"'•])|\s+(?=•)|\s+(?=\d{1,2}\.\d{1,2} [A-Z])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)[.!?;]$")

# Names that are chemistry or everyday words more often than a drug someone takes.
_NOT_DRUG_NAMES = frozenset(
    """alcohol water oxygen sodium potassium calcium magnesium iron zinc glucose dextrose sodium chloride
    potassium chloride nitrogen histamine serotonin dopamine norepinephrine epinephrine insulin
    vitamin sugar lactose sucrose fructose caffeine charcoal activated charcoal protamine urea
    hydrogen peroxide ethanol glycerin sorbitol mannitol saline""".split()
)
_MAX_QUOTE = 420
_TOKEN = re.compile(r"[a-z0-9][a-z0-9\-]*")
# Words too common to tell whether a class regex could match.
_GENERIC = frozenset(
    "drug drugs agent agents other that which the medication medications known with affect also increase "
    "inhibitor inhibitors inducer inducers receptor risk and of to ing non oral type re are may known compound "
    "compounds medication medications strongly potently hepatic microsomal liver anti lowering".split()
)


def _hints(patterns: Iterable[str]) -> tuple[str, ...]:
    """Lower-case words of the patterns; a class regex only runs on sentences containing one of them."""
    runs: set[str] = set()
    for pattern in patterns:
        bare = re.sub(
            r"\(\?<?[!=][^)]*\)|\\[a-zA-Z]|[A-Za-z0-9]\?", " ", pattern
        )  # drop lookarounds, escapes, optionals
        words = {w.lower() for w in re.findall(r"[A-Za-z0-9]{2,}", bare)}
        specific = {w for w in words if w not in _GENERIC}
        runs.update(specific or words)
    return tuple(sorted(runs))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a section's text; abbreviations such as "e.g." and "St." do not end a sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start()
        before = _WORD_BEFORE.search(text[max(start, end - 12) : end])
        if before and before.group(1).lower().rstrip(".") in _ABBREVIATIONS and text[end - 1] == ".":
            continue
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def quote_around(sentence: str, start: int, end: int) -> str:
    """The sentence, or a window of it around [start, end) when the sentence is a flattened table."""
    if len(sentence) <= _MAX_QUOTE:
        return sentence.strip()
    half = (_MAX_QUOTE - (end - start)) // 2
    lo = max(0, start - half)
    hi = min(len(sentence), end + half)
    lo = sentence.find(" ", lo) + 1 if lo > 0 else 0
    space = sentence.rfind(" ", 0, hi) if hi < len(sentence) else -1
    hi = space if space > end else hi
    return ("…" if lo > 0 else "") + sentence[lo:hi].strip() + ("…" if hi < len(sentence) else "")


@dataclass(frozen=True)
class Found:
    """A drug or class named in a sentence."""

    kind: str  # "drug" or "class"
    target: str  # moiety or class id
    start: int
    end: int


class MentionScanner:
    """Finds drug names (active moieties, label brand names) and class phrases in sentences."""

    MAX_WORDS = 4

    def __init__(self, catalog: DrugCatalog) -> None:
        names: dict[str, set[str]] = {}
        for drug in catalog.drugs.values():
            for ingredient in drug.ingredients:
                names.setdefault(normalize(ingredient), set()).add(ingredient)
            for brand in drug.brands if drug.has_label else ():
                names.setdefault(normalize(brand), set()).update(drug.ingredients)
        self.names = {
            name: frozenset(moieties)
            for name, moieties in names.items()
            if len(name) >= 4 and name not in _NOT_DRUG_NAMES and not name.isdigit() and len(name.split()) <= 4
        }
        self._first_words = {name.split()[0] for name in self.names}
        self._classes = [
            (c.id, re.compile("|".join(f"(?:{p})" for p in c.patterns), re.IGNORECASE), frozenset(_hints(c.patterns)))
            for c in CLASSES
        ]

    def scan(self, sentence: str) -> list[Found]:
        """Drugs and classes named in one sentence; drug names inside a class phrase do not count."""
        found: list[Found] = []
        lowered = sentence.lower()
        for class_id, pattern, hints in self._classes:
            if any(h in lowered for h in hints):
                found.extend(Found("class", class_id, m.start(), m.end()) for m in pattern.finditer(sentence))
        class_spans = [(f.start, f.end) for f in found]
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(lowered)]
        first_words = self._first_words
        i = 0
        while i < len(tokens):
            matched = 0
            if tokens[i][2] in first_words:
                for size in range(min(self.MAX_WORDS, len(tokens) - i), 0, -1):
                    name = " ".join(t[2] for t in tokens[i : i + size]) if size > 1 else tokens[i][2]
                    moieties = self.names.get(name)
                    if moieties is None:
                        continue
                    start, end = tokens[i][0], tokens[i + size - 1][1]
                    if not any(s <= start and end <= e for s, e in class_spans):
                        found.extend(Found("drug", m, start, end) for m in sorted(moieties))
                    matched = size
                    break
            i += matched or 1
        return found

    def class_examples(self, sentence: str, found: Iterable[Found]) -> Iterator[tuple[str, str]]:
        """(class id, moiety) pairs for drugs listed in parentheses right after a class phrase."""
        drugs = [f for f in found if f.kind == "drug"]
        for f in found:
            if f.kind != "class":
                continue
            opening = sentence.find("(", f.end, f.end + 4)
            if opening < 0:
                continue
            closing = sentence.find(")", opening)
            closing = closing if closing > 0 else len(sentence)
            for drug in drugs:
                if opening < drug.start < closing:
                    yield f.target, drug.target


_ENZYME = re.compile(r"\b(CYP\s?\d[A-Z]\d{0,2}|P-gp|P-glycoprotein|OATP1B1|BCRP|UGT1A1|MATE1|OCT2)\b")
_EXPOSURE_UP = re.compile(
    r"\bincrease[sd]?\b[^.;]{0,60}\b(?:exposure|concentrations?|levels?|AUC|Cmax)|"
    r"\b(?:exposure|concentrations?|levels?|AUC)\b[^.;]{0,30}\bincrease",
    re.IGNORECASE,
)
_EXPOSURE_DOWN = re.compile(
    r"\b(?:decrease[sd]?|reduce[sd]?|lower(?:s|ed)?)\b[^.;]{0,60}\b(?:exposure|concentrations?|levels?|AUC|Cmax|efficacy)",
    re.IGNORECASE,
)
_EFFECTS: tuple[tuple[str, str], ...] = (
    (r"serotonin syndrome", "serotonin syndrome"),
    (r"rhabdomyolysis|myopathy", "myopathy/rhabdomyolysis"),
    (r"bleed|hemorrhag|\bINR\b|prothrombin", "bleeding"),
    (r"hypotension|blood pressure", "low blood pressure"),
    (r"\bQTc?\b|torsade", "QT prolongation"),
    (r"hyperkalemia|serum potassium", "high potassium"),
    (r"respiratory depression|sedation|CNS depression", "sedation and respiratory depression"),
    (r"hypoglycemi", "low blood sugar"),
    (r"hypertensive crisis|hypertensive reaction", "hypertensive crisis"),
    (r"renal (?:function|failure|impairment|toxicity)|nephrotox|kidney", "kidney effects"),
    (r"myelosuppression|bone marrow|pancytopenia|neutropenia", "bone marrow suppression"),
    (r"seizure", "seizures"),
    (r"hypotension", "low blood pressure"),
    (r"absorption", "reduced absorption"),
)
_EFFECT_PATTERNS = [(re.compile(p, re.IGNORECASE), label) for p, label in _EFFECTS]
_MANAGEMENT = re.compile(
    r"contraindicat|\bavoid|do not|should not|not recommended|\bmonitor|\breduc|\badjust|\blimit|\bconsider"
    r"|\bexceed|\bseparate|\bhours? (?:before|after)|\bcaution",
    re.IGNORECASE,
)


def mechanism_of(sentence: str, *, affected: str) -> str | None:
    """A short mechanism from the sentence's own words: exposure change, enzyme, effect."""
    parts: list[str] = []
    enzymes = list(dict.fromkeys(m.group(1).replace(" ", "") for m in _ENZYME.finditer(sentence)))
    via = f" via {'/'.join(enzymes[:2])}" if enzymes else ""
    if _EXPOSURE_UP.search(sentence):
        parts.append(f"increases {affected} exposure{via}")
    elif _EXPOSURE_DOWN.search(sentence):
        parts.append(f"decreases {affected} exposure{via}")
    elif enzymes:
        parts.append(f"involves {'/'.join(enzymes[:2])}")
    effects = list(dict.fromkeys(label for pattern, label in _EFFECT_PATTERNS if pattern.search(sentence)))
    if effects:
        parts.append("risk: " + ", ".join(effects[:3]))
    return "; ".join(parts) or None


def management_of(sentence: str) -> str | None:
    """The clause of the sentence that says what to do, in the label's words."""
    clauses = re.split(r";\s+|\.\s+|,\s+(?=(?:and|or|but)\s)", sentence)
    for clause in clauses:
        if _MANAGEMENT.search(clause):
            text = clause.strip().rstrip(".")
            return text if len(text) <= 300 else text[:297].rsplit(" ", 1)[0] + "…"
    return None


_FOOD_PATTERNS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in FOOD_KINDS.items()}
_FOOD_CUE = re.compile(
    r"\bavoid|\bdo not|\bshould not|\bdrink|\bbeverage|\bjuice|\bconsum|\bintake|\bwith food|\bfoods?\b|\bmeals?\b"
    r"|\bwhile (?:taking|using|on)|\binteract|\bincrease|\bdecrease|\bcombin|\blimit",
    re.IGNORECASE,
)


def food_mentions(sentence: str) -> list[tuple[str, tuple[int, int]]]:
    """Each food/alcohol kind a sentence warns about (alcohol, grapefruit, dairy_calcium, tyramine), with where
    it is named, so the quote can be taken around it."""
    if not _FOOD_CUE.search(sentence):
        return []
    found = []
    for kind, pattern in _FOOD_PATTERNS.items():
        match = pattern.search(sentence)
        if match:
            found.append((kind, match.span()))
    return found


# A class phrase right after a section number ("7.8 Drugs that Prolong the QT Interval") is a heading.
_SECTION_NUMBER_BEFORE = re.compile(r"(?:^|\s)\(?\d{1,2}(?:\.\d{1,2})+\)?\s*$")
# "statins, including simvastatin", "Proton pump inhibitors (PPIs), including pantoprazole": the label's own drug
# given as the example of the class.
_OWN_EXAMPLE_GAP = re.compile(r"\W{0,4}(?:\([^)]{0,12}\)\W{0,3})?(?:(?:including|such as|e\.g\.,?|like)\s+)?")
# Another drug's withdrawal ("abrupt discontinuation of benzodiazepines") is not using it together.
_WITHDRAWAL_BEFORE = re.compile(
    r"(?:discontinu\w*|withdrawal|withdrawing|stopping|cessation)\s+(?:of|from)\s+"
    r"(?:[\w-]+,?\s+){0,6}$",
    re.IGNORECASE,
)
_ROW_GAP = re.compile(r"[\s:,]{0,3}$")


def is_heading(sentence: str, mention: Found, found: Iterable[Found]) -> bool:
    """True when a class phrase only heads a section or a flattened table row naming specific drugs.

    "7.8 Drugs that Prolong the QT Interval Do not use ... with thioridazine" or "Antidiabetic Drugs
    Repaglinide Saxagliptin Monitor ...": the interaction is with the drugs named, not the whole class.
    """
    if _SECTION_NUMBER_BEFORE.search(sentence[max(0, mention.start - 12) : mention.start]):
        return True
    for other in found:
        if other.kind == "drug" and other.start >= mention.end:
            gap = sentence[mention.end : other.start]
            if len(gap) <= 3 and _ROW_GAP.match(gap) and sentence[other.start : other.start + 1].isupper():
                return True
    return False


def names_own_example(sentence: str, mention: Found, own_spans: Iterable[tuple[int, int]]) -> bool:
    """True when the label's own drug is given as the example of the class ("PPIs, including pantoprazole")."""
    for start, _ in own_spans:
        if mention.end <= start <= mention.end + 40 and _OWN_EXAMPLE_GAP.fullmatch(sentence[mention.end : start]):
            return True
    return False


def after_withdrawal(sentence: str, mention: Found) -> bool:
    """True when the mention is the object of a discontinuation ("abrupt discontinuation of alcohol, X")."""
    return _WITHDRAWAL_BEFORE.search(sentence[max(0, mention.start - 80) : mention.start]) is not None


# "other NSAIDs", "another serotonergic drug": the label's own class named as the other drug of a pair.
_OTHER_BEFORE = re.compile(
    r"\b(?:other|another|additional|second|multiple|two or more|more than one)\b[^.;]{0,30}$", re.IGNORECASE
)


def names_other_member(sentence: str, mention: Found) -> bool:
    """True when a class phrase is qualified as another member ("other NSAIDs"), not the label's own drug."""
    return _OTHER_BEFORE.search(sentence[max(0, mention.start - 40) : mention.start]) is not None
