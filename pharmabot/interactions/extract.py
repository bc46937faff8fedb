"""Build-time scanning of label text: sentences, drug and class mentions, mechanism and management wording.

Sentence splitting is hand-written (a few rules for openFDA's run-on text and its abbreviations);
mention scanning is a dictionary lookup over token n-grams, so a whole corpus scans in seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pharmabot.interactions.lexicon import (
    CLASS_BY_ID,
    CLASSES,
    FOOD_INTERACTION_CUES,
    FOOD_KINDS,
    FOOD_NOT_INTERACTIONS,
    SYSTEM_BY_ID,
    SYSTEMS,
)
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
    "compounds medication medications strongly potently hepatic microsomal liver anti lowering can cause causes "
    "produce induce associated lower reduce decrease raise elevate effects effect use used have having possessing "
    "those is be such potential potentially an in on by via for product products substance substances medicine "
    "medicines therapy therapies blood serum plasma levels level interval drug induced inducing depress decrease "
    "increased increases reduced or as from at who has been being interact system response factor alpha antagonist "
    "antagonists blocker blockers blocking disease modifying lead result class suppress containing regimen weaken "
    "modulate causing reducing stimulating ation ly al sis tic pro prolong prolonging increas result propensity "
    "function impair alter worsen compromise rate slow".split()
)


def _hints(patterns: Iterable[str]) -> tuple[str, ...]:
    """Lower-case words of the patterns; a class regex only runs on sentences containing one of them."""
    runs: set[str] = set()
    for pattern in patterns:
        bare = re.sub(
            r"\(\?<?[!=][^)]*\)|\\[a-zA-Z]|[A-Za-z0-9]\?", " ", pattern
        )  # drop lookarounds, escapes, optionals
        # Fragments ("ly" of "(?:s|ly)") and numbers from quantifiers are not words a sentence must hold.
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", bare) if len(w) >= 3 or w.lower() == "qt"}
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
        # A semicolon inside parentheses separates list items ("(phenothiazines; tricyclic antidepressants; MAO
        # inhibitors) should be carefully evaluated"), not sentences.
        if text[end - 1] == ";" and text.count("(", start, end) > text.count(")", start, end):
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


# Drug Facts warnings list their conditions after a lead-in ending "if you:" (21 CFR 201.66(c)(5): "Ask a doctor
# before use if you", "The chance is higher if you"). openFDA's text has lost the bullets, so the items run on; each
# starts with the verb the rule's wording gives it ("are age 60 or older", "have 3 or more alcoholic drinks", "take a
# blood thinning drug").
_LIST_LEAD = re.compile(r"(?:^|(?<=[.:]\s))(?P<lead>[A-Z][^.:]{0,100}?\bif you(?: are| have)?)\s*:\s*")
_LIST_ITEM_START = re.compile(r"\s(?=(?:are|have|had|take|use|drink|consume|smoke)\s)")
_HEADING_START = re.compile(r"\s(?=[A-Z][a-z]+\s)")


def list_item_quote(sentence: str, start: int, end: int) -> str | None:
    """The item of a run-on Drug Facts list that holds [start, end), with its lead-in ("The chance is higher if you:
    have 3 or more alcoholic drinks every day while using this product."), or None when it is not in such a list."""
    leads = [m for m in _LIST_LEAD.finditer(sentence, 0, start) if start - m.end() <= 400]
    if not leads:
        return None
    lead = leads[-1]
    starts = [m.end() for m in _LIST_ITEM_START.finditer(sentence, lead.end(), start)]
    item_start = starts[-1] if starts else lead.end()
    following = [m.start() for m in (_LIST_ITEM_START.search(sentence, end), _HEADING_START.search(sentence, end)) if m]
    item_end = min(following) if following else len(sentence)
    item = sentence[item_start:item_end].strip().rstrip(".;,")
    if not item or len(item) > 200:
        return None
    return f"{lead.group('lead')}: {item}."


# The Drug Facts warnings headings (21 CFR 201.66(c)(5)) and the first words of their bullet items, for text whose
# bullets were lost: an alcohol note from "When using this product drowsiness may occur avoid alcoholic drinks
# alcohol, sedatives, and tranquilizers may increase drowsiness be careful when driving ..." quotes only the items
# about alcohol. The item openings are the monographs' own (21 CFR 341.72, 341.80, 338.50, 201.326).
_FACTS_HEADING = re.compile(
    r"\b(?:When using this product|Do not use|Ask a doctor(?: or pharmacist)? before use if you(?: are| have)?"
    r"|Stop use and ask a doctor if|If pregnant or breast-feeding|Keep out of reach of children|Directions"
    r"|Other information|Inactive ingredients|Allergy alert|Liver warning|Stomach bleeding warning"
    r"|Warnings?(?! and Precautions))\b:?"
)
_FACTS_ITEM = re.compile(
    # Not after "do not", "you" or "are" ("do not drink", "if you take", "are taking"): those are inside an item.
    r"\s*[■•●▪]\s*|(?<!\bnot)(?<!\byou)(?<!\bare)(?<!\btake)\s(?=alcohol(?:,| and | may )"
    r"|(?:avoid|do not|be careful|use caution|drowsiness may|marked drowsiness|excitability|you may|may cause"
    r"|have|take|taking|are taking|drink|use of|with other drugs|more than|\d+ or more)\b)",
    re.IGNORECASE,
)


def drug_facts_items(sentence: str, pattern: re.Pattern[str]) -> str | None:
    """The bullet items of a run-on Drug Facts warning that match PATTERN, under their heading ("When using this
    product: avoid alcoholic drinks; alcohol, sedatives, and tranquilizers may increase drowsiness."), or None when
    the text has no Drug Facts heading or no such item."""
    headings = list(_FACTS_HEADING.finditer(sentence))
    if not headings:
        return None
    segments = [
        (h.group(0).rstrip(":"), h.end(), headings[n + 1].start() if n + 1 < len(headings) else len(sentence))
        for n, h in enumerate(headings)
    ]
    # Text before the first heading is a list too when it opens with its own lead-in (21 CFR 201.326's "Severe liver
    # damage may occur if you take" and its items).
    lead = _FACTS_LEAD.match(sentence, 0, headings[0].start())
    if lead:
        segments.insert(0, (lead.group("lead"), lead.end(), headings[0].start()))
    for title, start, end in segments:
        items = [i.strip(" .;,") for i in _FACTS_ITEM.split(sentence[start:end]) if i and i.strip(" .;,")]
        hits = [i for i in items if pattern.search(i)]
        # Only a cut is worth it: a text that is one item under one heading ("Do not use with alcohol.") is quoted
        # as it is.
        if hits and (len(hits) < len(items) or len(segments) > 1):
            return f"{title}: {'; '.join(hits)}."
    return None


_FACTS_LEAD = re.compile(r"\s*(?P<lead>[A-Z][^.:]{0,80}?\bif you(?: take| are| have)?)\s+")


@dataclass(frozen=True)
class Found:
    """A drug or class named in a sentence."""

    kind: str  # "drug" or "class"
    target: str  # moiety or class id
    start: int
    end: int


# --- enzyme and transporter role phrases --------------------------------------------------------------------------
# "strong CYP3A4 inhibitors", "moderate CYP2C9/CYP3A4 dual inhibitors", "inhibitors of P-gp", "drugs metabolized by
# CYP2D6", "substrates of OATP1B1": one pass finds every system named, groups lists of systems, then reads the role
# word after the list or the phrase before it. (One regex per class and strength would be many large alternations,
# slow to compile and to run over a corpus.)
SYSTEM_HINT = re.compile(r"cyp|p450|p-?gp|glycoprotein|bcrp|oatp|\boat|\boct|mate\b|mate\d|transporter", re.IGNORECASE)
_SYSTEM_ANY = re.compile("|".join(f"(?P<{s.id}>{s.pattern})" for s in SYSTEMS), re.IGNORECASE)
_LIST_GAP = re.compile(
    # ", and" closes a list: "cimetidine, a CYP1A2, CYP2D6, and CYP3A inhibitor" is one list of three systems.
    r"\s*(?:,\s*(?:and/or|and|or)?|/|&|and/or|and|or)?\s*(?:(?:dual|combined|the|strong|potent|moderate|weak|mild|both)\s+)*",
    re.IGNORECASE,
)
_GRADE_WORD = re.compile(r"\b(strong|potent|moderate|weak|mild)\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(
    r"\s*-?\s*(?:dual\s+|enzyme\s+|transporter\s+|\(\w+\)\s+)?"
    r"(?P<noun>inhibitors?|inducers?|substrates?|inhibiting|inducing)\b",
    re.IGNORECASE,
)
_GRADES_BEFORE = re.compile(
    r"(?:\b(?:strong|potent|moderate|weak|mild)\b\s*(?:,|/|or|and|and/or)?\s*)+$", re.IGNORECASE
)
_DRUG_NOUN = r"\b(?:drugs?|compounds?|agents?|medications?|medicines?|products?|substances?)"
_PHRASE_BEFORE = re.compile(
    r"(?P<grades>(?:\b(?:strong|potent|moderate|weak|mild)\b\s*(?:,|/|or|and|and/or)?\s*)*)"
    r"(?:(?P<noun>inhibitors?|inducers?|substrates?)\s+(?:of|for)\s+(?:the\s+)?(?:activity\s+of\s+)?"
    rf"|{_DRUG_NOUN}\s+(?:that|which)\s+(?:are\s+)?(?:known\s+to\s+|may\s+|can\s+)?"
    r"(?P<adverb>strongly\s+|potently\s+|moderately\s+)?(?P<verb>inhibit|induce)s?\s+(?:the\s+)?(?:activity\s+of\s+)?"
    r"(?:\(?[\w-]+\)?\s+){0,3}?"
    rf"|{_DRUG_NOUN}\s+(?:that\s+are\s+|which\s+are\s+)?(?:\w+\s+){{0,2}}?(?P<metab>metaboli[sz]ed|cleared)\s+"
    r"(?:\w+\s+){0,2}?(?:by|via|through)\s+(?:the\s+)?"
    rf"|{_DRUG_NOUN}\s+(?:that|which)\s+(?:are\s+)?(?:highly\s+)?(?P<dependent>dependent)\s+on\s+(?:the\s+)?"
    r")$",
    re.IGNORECASE,
)
# "X is a strong CYP3A4 inhibitor", "ketoconazole, a strong CYP3A4 inhibitor,": the phrase describes a drug named
# in the sentence, not an open class of other drugs ("drugs that are strong CYP3A4 inhibitors" is a class).
_PREDICATE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|as)\s+(?:also\s+|both\s+|likely\s+)?(?:an?\s+)?|,\s*an?\s+|\(\s*an?\s+)$",
    re.IGNORECASE,
)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|such)\s+$", re.IGNORECASE)
_CLASS_RELATIVE_BEFORE = re.compile(rf"(?:{_DRUG_NOUN}|\bthose)\s+(?:that|which|who)\s+(?:are|is)\s+$", re.IGNORECASE)
_KIND_OF = {"inhibit": "inhibitor", "induc": "inducer", "substr": "substrate"}


def _kind(word: str) -> str:
    return next(kind for prefix, kind in _KIND_OF.items() if word.lower().startswith(prefix))


def _role_class_ids(system: str, kind: str, grades: set[str]) -> list[str]:
    plural = {"inhibitor": "inhibitors", "inducer": "inducers", "substrate": "substrates"}[kind]
    if kind == "substrate":
        return [f"{system}_substrates"]
    ids = []
    graded = SYSTEM_BY_ID[system].graded
    if graded and grades & {"strong", "potent"}:
        ids.append(f"strong_{system}_{plural}")
    if graded and "moderate" in grades:
        ids.append(f"moderate_{system}_{plural}")
    if not grades or (not graded and grades - {"weak", "mild"}):
        ids.append(f"{system}_{plural}")
    return [i for i in ids if i in CLASS_BY_ID]


_SYSTEM_WORDS = (
    "cyp",
    "p450",
    "p-gp",
    "pgp",
    "glycoprotein",
    "bcrp",
    "oat",
    "oct",
    "mate",
    "transporter",
    "mdr",
    "abc",
)


def role_mentions(sentence: str) -> list[Found]:
    """Enzyme and transporter role classes a sentence names ("strong CYP3A4 inhibitors" -> strong_cyp3a_inhibitors)."""
    lowered = sentence.lower()
    # Most sentences name no enzyme: plain substring checks rule them out before any regex runs.
    if not any(word in lowered for word in _SYSTEM_WORDS) or not SYSTEM_HINT.search(sentence):
        return []
    groups: list[list[tuple[str, int, int]]] = []
    for m in _SYSTEM_ANY.finditer(sentence):
        item = (m.lastgroup or "", m.start(), m.end())
        if groups:
            last_end = groups[-1][-1][2]
            gap = _LIST_GAP.match(sentence, last_end)
            if gap and gap.end() == item[1] and item[1] - last_end <= 30:
                groups[-1].append(item)
                continue
        groups.append([item])
    found: list[Found] = []
    for group in groups:
        g_start, g_end = group[0][1], group[-1][2]
        after = _NOUN_AFTER.match(sentence, g_end)
        grades: set[str] = set()
        if after:
            kind = _kind(after.group("noun"))
            end = after.end()
            lead = _GRADES_BEFORE.search(sentence[max(0, g_start - 40) : g_start])
            start = g_start - len(lead.group()) if lead else g_start
            if lead:
                grades = {g.lower() for g in _GRADE_WORD.findall(lead.group())}
        else:
            window = sentence[max(0, g_start - 110) : g_start]
            before = _PHRASE_BEFORE.search(window)
            if not before:
                continue
            word = before.group("noun") or before.group("verb") or ("substr" if before.group("metab") else "")
            word = word or ("substr" if before.group("dependent") else "")
            kind = _kind(word)
            grades = {g.lower() for g in _GRADE_WORD.findall(before.group("grades") + (before.group("adverb") or ""))}
            start, end = g_start - (len(window) - before.start()), g_end
        head = sentence[max(0, start - 60) : start]
        if _PREDICATE_BEFORE.search(head) and not _CLASS_RELATIVE_BEFORE.search(head):
            continue
        # "... may be needed if the CYP3A inhibitor is discontinued": an ungraded phrase with a definite article points
        # back at the class an earlier sentence named with its strength ("strong CYP3A inhibitors").
        if not grades and _DEFINITE_BEFORE.search(head):
            continue
        # "combined P-gp and strong CYP3A4 inhibitors", "strong CYP3A4/P-gp inhibitors": drugs that are both. The
        # graded CYP role is the one that selects them (strong CYP3A4 inhibitors inhibit P-gp as well), so a list
        # joined by "and" or "/" that mixes a graded CYP with a transporter names the CYP class only.
        joined = sentence[g_start:g_end]
        if len(group) > 1 and not re.search(r"\bor\b", joined, re.IGNORECASE):
            graded = [g for g in group if SYSTEM_BY_ID[g[0]].graded]
            if graded and len(graded) < len(group) and (grades or _GRADE_WORD.search(joined)):
                group = graded
        previous = start
        for system, s_start, _ in group:
            local = (
                {g.lower() for g in _GRADE_WORD.findall(sentence[previous:s_start])} if previous < s_start else set()
            )
            previous = s_start
            for class_id in _role_class_ids(system, kind, local or grades):
                found.append(Found("class", class_id, start, end))
    return found


_SINGULAR_ROLE = re.compile(r"(?:inhibitor|inducer|substrate)$", re.IGNORECASE)


def _without_appositive_roles(sentence: str, found: list[Found]) -> list[Found]:
    """Drop a singular role phrase that follows a drug's name ("Digitalis Glycosides: digoxin P-gp substrate;"): it
    says what that drug is, like "digoxin, a P-gp substrate", and names no class of other drugs."""
    drug_ends = {f.end for f in found if f.kind == "drug"}
    if not drug_ends:
        return found
    return [
        f
        for f in found
        if f.kind == "drug"
        or CLASS_BY_ID[f.target].role is None
        or not _SINGULAR_ROLE.search(sentence[f.start : f.end])
        or not any(0 <= f.start - end <= 2 and not sentence[end : f.start].strip(" ,:") for end in drug_ends)
    ]


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literal words, factored by shared prefixes ("seroton(?:in|ergic)") so a position that
    starts none of them fails on its first character; a flat alternation of hundreds of words is several times
    slower. Longer words win at each position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


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
            if c.patterns
        ]
        # One pass finds which hint words a sentence holds (the longest at each place; any shorter hint inside it is
        # then present too), so only the classes that could match are run.
        hints = sorted({h for _, _, class_hints in self._classes for h in class_hints}, key=len, reverse=True)
        self._hint_pattern = re.compile(_trie_pattern(hints))
        self._implied = {h: [p for p in hints if p in h] for h in hints}
        by_hint: dict[str, list[int]] = {}
        for n, (_, _, class_hints) in enumerate(self._classes):
            for h in class_hints:
                by_hint.setdefault(h, []).append(n)
        self._by_hint = by_hint

    def scan(self, sentence: str) -> list[Found]:
        """Drugs and classes named in one sentence; drug names inside a class phrase do not count."""
        found: list[Found] = role_mentions(sentence)
        lowered = sentence.lower()
        present = {p for h in set(self._hint_pattern.findall(lowered)) for p in self._implied[h]}
        for n in sorted({n for h in present for n in self._by_hint[h]}):
            class_id, pattern, _ = self._classes[n]
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
        return _without_appositive_roles(sentence, found)

    def class_examples(self, sentence: str, found: Iterable[Found]) -> Iterator[tuple[str, str]]:
        """(class id, moiety) pairs for drugs listed in parentheses right after a class phrase."""
        drugs = [f for f in found if f.kind == "drug"]
        spans: dict[tuple[int, int], int] = {}
        for f in found:
            if f.kind == "class":
                spans[(f.start, f.end)] = spans.get((f.start, f.end), 0) + 1
        for f in found:
            # "strong or moderate CYP3A inhibitors (e.g., ...)": the examples may be of either grade.
            if f.kind != "class" or spans[(f.start, f.end)] > 1:
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
    # Before "kidney effects": "in patients with renal impairment, metformin can cause lactic acidosis" is about the
    # acidosis; the kidneys are why.
    (r"lactic acidosis", "lactic acidosis"),
    # An outcome for the kidneys, not the patient's condition: "in the presence of impaired renal function" or "in
    # patients with renal impairment" says who needs care, not what the combination does.
    (
        r"renal (?:failure|toxicity|injury|damage)|nephrotox|kidney (?:injury|damage|failure|problems|toxicity)"
        r"|acute kidney|(?:deteriorat\w*|worsen\w*|declin\w*|decreas\w*|reduc\w*|impairment) (?:of |in )?(?:the )?"
        r"renal function|renal function (?:may |can |could )?(?:deteriorat|worsen|declin|decreas)",
        "kidney effects",
    ),
    (r"myelosuppression|bone marrow|pancytopenia|neutropenia", "bone marrow suppression"),
    (r"seizure", "seizures"),
    (r"hypotension", "low blood pressure"),
    (r"absorption|\b(?:bind|chelate)s? (?:to |with )?", "reduced absorption"),
)
_EFFECT_PATTERNS = [(re.compile(p, re.IGNORECASE), label) for p, label in _EFFECTS]
_MANAGEMENT = re.compile(
    r"contraindicat|\bavoid|do not|should not|not recommended|\bmonitor|\breduc|\badjust|\blimit|\bconsider"
    r"|\bexceed|\bseparate|\bhours? (?:before|after|apart|prior to)|\bcaution",
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
_FOOD_CUES = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in FOOD_INTERACTION_CUES.items()}
_FOOD_EXCLUSIONS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in FOOD_NOT_INTERACTIONS.items()}
_FOOD_WINDOW = 140


_ANY_FOOD = re.compile(r"alcohol|ethanol|grapefruit|dairy|milk|calcium-|tyramine", re.IGNORECASE)


def food_items(sentence: str, kind: str) -> str | None:
    """The Drug Facts items of SENTENCE about the food or drink KIND (`drug_facts_items`)."""
    return drug_facts_items(sentence, _FOOD_PATTERNS[kind])


def food_mentions(sentence: str) -> list[tuple[str, tuple[int, int]]]:
    """Each food/alcohol kind a sentence states an interaction with (alcohol, grapefruit, dairy_calcium, tyramine),
    with where it is named, so the quote can be taken around it. The interaction wording must sit near the food
    ("avoid alcohol"), and advice on how to take the drug ("take with food or milk") does not count."""
    if not _ANY_FOOD.search(sentence):
        return []
    found = []
    for kind, pattern in _FOOD_PATTERNS.items():
        for match in pattern.finditer(sentence):
            window = sentence[max(0, match.start() - _FOOD_WINDOW) : match.end() + _FOOD_WINDOW]
            exclusion = _FOOD_EXCLUSIONS.get(kind)
            if exclusion is not None and exclusion.search(window):
                continue
            if _FOOD_CUES[kind].search(window):
                found.append((kind, match.span()))
                break
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
    following = [f for f in found if f.kind == "drug" and f.start >= mention.end]
    if following:
        other = min(following, key=lambda f: f.start)
        gap = sentence[mention.end : other.start]
        # "Antidiabetic Drugs Repaglinide", "Anticoagulants and Antiplatelets Ticagrelor Contraindicated": a Title Case
        # row heading (class words joined by "and" or commas) runs straight into a capitalized drug name.
        if sentence[other.start : other.start + 1].isupper() and (
            (len(gap) <= 3 and _ROW_GAP.match(gap)) or _is_title_gap(gap)
        ):
            return True
    return False


def _is_title_gap(gap: str) -> bool:
    """True for a short run of capitalized words joined by "and", "or", "&" or commas ("and Antiplatelets")."""
    words = gap.replace(",", " ").split()
    return 0 < len(words) <= 6 and all(w in ("and", "or", "&") or w[:1].isupper() for w in words)


# "CYP3A4 inhibitors such as macrolide antibiotics (e.g., erythromycin)": the class after "such as" is an example of
# the one before it, so only its members that also belong to the first count; the engine keeps the first.
_EXAMPLE_LEAD = re.compile(r"(?:such as|e\.g\.,?|including|like|for example,?|\(e\.g\.,?)\s*$", re.IGNORECASE)


def is_example_of_class(sentence: str, mention: Found, found: Iterable[Found]) -> bool:
    """True when a class phrase is given as an example of another class named just before it."""
    lead = sentence[max(0, mention.start - 60) : mention.start]
    if not _EXAMPLE_LEAD.search(lead.rstrip(" (")) and not _EXAMPLE_LEAD.search(lead):
        return False
    return any(
        f.kind == "class" and f.target != mention.target and f.end <= mention.start and mention.start - f.end <= 60
        for f in found
    )


# Words that make a list after a class phrase a set of examples, not the members meant.
_EXAMPLE_WORDS = re.compile(
    r"\b(?:e\.g\.|i\.e\.)|\b(?:such as|including|include|for example|for instance|like)\b", re.IGNORECASE
)
MAX_NARROWING_GAP = 150
# A class heading cell and the names of its list cell: "HMG-CoA Reductase Inhibitors (statins): lovastatin".
_LIST_CELL_GAP = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?:\s*")
_BACK_REFERENCE = re.compile(r"\b(?:these|those|such|both)\s+$", re.IGNORECASE)


def narrowed_to_members(sentence: str, mention: Found, found: Iterable[Found], members: frozenset[str]) -> bool:
    """True when a class phrase is narrowed to the members the sentence names, so it does not stand for the rest of
    the class: a list in parentheses after it ("statins that are extensively metabolized by CYP3A4 (lovastatin or
    simvastatin) is contraindicated"), or a row heading whose cell names them ("HMG-CoA reductase inhibitors:
    lovastatin, simvastatin ... is contraindicated", "Statins: use with lovastatin or simvastatin is
    contraindicated"). A list given as examples ("statins (e.g., lovastatin)", "statins, such as lovastatin") does
    not narrow it."""
    found = list(found)
    # "... with lovastatin or simvastatin is contraindicated as these statins are ...": the members named before.
    if _BACK_REFERENCE.search(sentence, max(0, mention.start - 8), mention.start) and any(
        f.kind == "drug" and f.target in members and f.end <= mention.start for f in found
    ):
        return True
    named = sorted(
        (f for f in found if f.kind == "drug" and f.target in members and f.start >= mention.end), key=lambda f: f.start
    )
    if not named or named[0].start - mention.end > MAX_NARROWING_GAP:
        return False
    gap = sentence[mention.end : named[0].start]
    opened = gap.rfind("(")
    if opened >= 0 and ")" not in gap[opened:]:
        return _EXAMPLE_WORDS.search(gap[opened:]) is None
    if _LIST_CELL_GAP.fullmatch(gap):
        return True  # "... Ergot Derivatives: ergotamine HMG-CoA Reductase Inhibitors: lovastatin, simvastatin ..."
    colon = sentence.find(": ", 0, 120)
    return 0 <= mention.end <= colon + 1 <= named[0].start and _EXAMPLE_WORDS.search(gap) is None


def names_example(sentence: str, mention: Found, spans: Iterable[tuple[int, int]]) -> bool:
    """True when a drug at one of SPANS is given as the example of the class ("PPIs, including pantoprazole")."""
    for start, _ in spans:
        if mention.end <= start <= mention.end + 40 and _OWN_EXAMPLE_GAP.fullmatch(sentence[mention.end : start]):
            return True
    return False


def after_withdrawal(sentence: str, mention: Found) -> bool:
    """True when the mention is the object of a discontinuation ("abrupt discontinuation of alcohol, X")."""
    return _WITHDRAWAL_BEFORE.search(sentence[max(0, mention.start - 80) : mention.start]) is not None


# "other NSAIDs", "another serotonergic drug": the label's own class named as the other drug of a pair.
_OTHER_BEFORE = re.compile(
    r"(?<!as with )\b(?:other|another|additional|second|multiple|two or more|more than one)\b[^.;]{0,30}$",
    re.IGNORECASE,
)


def names_other_member(sentence: str, mention: Found) -> bool:
    """True when a class phrase is qualified as another member ("other NSAIDs"), not the label's own drug."""
    return _OTHER_BEFORE.search(sentence[max(0, mention.start - 40) : mention.start]) is not None


# --- drug interaction tables ------------------------------------------------------------------------------------
# FDA's drug interaction labeling guidance (2020) lays section 7 out as a table: one row per drug or class, with
# "Clinical Impact:", "Intervention:" and "Examples:" cells. openFDA flattens it into run-on text, so the examples
# stand in a sentence of their own (which says nothing about using the drugs together) and run into the next row's
# heading ("Examples: phenelzine, tranylcypromine, linezolid Mixed Agonist/Antagonist ... Clinical Impact: ...").
ROW_IMPACT = re.compile(r"\bClinical Impact\b\s*:?")
_EXAMPLES_CELL = re.compile(r"^\s*Examples?\b(?:\s+include)?\s*:?\s*")
# Between two items of an examples list: separators, "(e.g.," and lower-case words ("other", "thyroid products").
# A capitalized word there is the next row's heading ("linezolid Mixed Agonist/Antagonist ... Opioid Analgesics").
_EXAMPLE_GAP = re.compile(r"(?:[\s,;:()/-]|e\.g\.|i\.e\.|[a-z][\w'-]*+)*+")
_ITEM_SEPARATOR = re.compile(r"[,;(/]|\b(?:and|or)\b")
MAX_ROW = 2500


def example_items(sentence: str, found: Iterable[Found]) -> tuple[int, list[Found]]:
    """Where an "Examples:" cell's list ends and the drugs and classes it lists: the mentions up to the first one
    followed by anything but list punctuation or lower-case words. (0, []) for any other sentence."""
    cell = _EXAMPLES_CELL.match(sentence)
    if cell is None:
        return 0, []
    impact = ROW_IMPACT.search(sentence, cell.end())
    limit = impact.start() if impact else len(sentence)
    mentions = sorted((f for f in found if cell.end() <= f.start < limit), key=lambda f: f.start)
    items: list[Found] = []
    at = cell.end()
    for mention in mentions:
        if mention.start < at:  # a class and a drug, or two classes, over the same words
            if items and mention.start >= items[-1].start:
                items.append(mention)
            continue
        gap = sentence[at : mention.start]
        # The cell's first word may be capitalized ("Examples: Topiramate", "Examples: Macrolide antibiotics"); later
        # items follow a separator ("methylene blue Other Serotonergic Drugs" runs into the next row's heading).
        if items and not _ITEM_SEPARATOR.search(gap):
            break
        if not _EXAMPLE_GAP.fullmatch(gap if items else gap[:1].lower() + gap[1:]):
            break
        items.append(mention)
        at = max(at, mention.end)
    return max((f.end for f in items), default=0), items


def next_row(row: str, sentence: str) -> str:
    """The table row read so far once SENTENCE is read: a "Clinical Impact:" cell starts a row, the sentences after
    it extend it, and its "Examples:" cell (or a run too long for one row) ends it."""
    impact = ROW_IMPACT.search(sentence)
    if impact is not None:
        return sentence[impact.start() :]
    if row and len(row) + len(sentence) < MAX_ROW and not _EXAMPLES_CELL.match(sentence):
        return f"{row} {sentence}"
    return ""


# openFDA also keeps each table's cells (`LabelRecord.tables`, one row a line, cells joined by " | "). Where a
# section's flattened copy of a table is found, the table is read from its cells instead: one row at a time, so a
# severity word, a recommendation and the quote belong to the row that names the drug (FDA's section 7 tables: drug
# or class | effect or clinical impact | recommendation or intervention), not to its neighbours or to the header.
# Tables in the guidance's "Clinical Impact:" / "Intervention:" / "Examples:" layout put each cell on a row of its
# own; `next_row` and `example_items` read them from the flattened text, so they stay there.
# An empty cell leaves two separators in a row ("metronidazole: | | Ritonavir formulations ...").
_CELL_SEPARATOR = re.compile(r"(?:^|\s)\|(?=\s|$)")


def _flat_table(table: str) -> str:
    return " ".join(_CELL_SEPARATOR.sub(" ", table).split())


def table_rows(text: str, tables: str) -> tuple[str, list[TableRow]]:
    """The section's prose without the flattened copies of its row-per-cell tables, and those tables' rows as
    sentences ("Zolpidem | Avoid Use | Co-administration ..." -> "Zolpidem: Avoid Use. Co-administration ...").
    TABLES is `LabelRecord.tables[section]` (tables separated by blank lines). A table whose flattened copy is not
    found in TEXT word for word is left where it is (reading it twice would count its rows twice)."""
    prose = " ".join(text.split(" "))
    rows: list[TableRow] = []
    for table in (t for t in tables.split("\n\n") if t.strip()):
        lines = [line for line in table.split("\n") if line.strip()]
        if any(ROW_IMPACT.match(line) or _EXAMPLES_CELL.match(line) for line in lines):
            continue
        flat = _flat_table(table)
        # A table too short to be told apart from prose, or whose copy is not in the text, is read as prose.
        if len(flat) < 20 or flat not in prose:
            continue
        at = prose.find(flat)
        before = prose[:at].rstrip()
        if before.endswith(":"):
            # "... monitor closely for X adverse reactions when coadministered with: | Proton pump inhibitors | ...":
            # a table of names introduced by a sentence; that sentence is what each cell's names are told.
            start = split_sentences(before)[-1][0]
            intro = before[start:]
            table_lines = [TableRow(f"{intro} {cell}") for line in lines for cell in _cells(line)]
        elif _says_per_row(lines):
            table_lines = [_row_sentence(line) for line in lines]
        else:
            continue  # columns of names under class headings: what they share is said around the table
        if any(len(line.text) > MAX_ROW for line in table_lines):
            continue  # a whole table laid out in one row, or a cell holding several paragraphs
        prose = prose[:at] + "\n" + prose[at + len(flat) :]
        rows.extend(line for line in table_lines if line.text)
    return prose, rows


MIN_STATEMENT_WORDS = 6  # a cell this long says something (an effect, a recommendation); a shorter one names


def _says_per_row(lines: list[str]) -> bool:
    """True when most rows of several cells say something after their first cell ("Zolpidem | Avoid Use |
    Co-administration ... may increase blood levels of zolpidem"), not a grid of names ("diltiazem | fluconazole |
    azithromycin" under "Calcium Channel Blockers | Antifungals | Antibiotics")."""
    rows = [cells for cells in map(_cells, lines) if len(cells) > 1]
    worded = sum(any(len(c.split()) >= MIN_STATEMENT_WORDS for c in cells[1:]) for cells in rows)
    return bool(rows) and worded * 2 >= len(rows)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELL_SEPARATOR.split(line) if c.strip()]


def _row_sentence(line: str) -> TableRow:
    """A table row as a sentence: its first cell as the row's heading, the other cells as sentences after it."""
    cells = _cells(line)
    if len(cells) <= 1:
        return TableRow(cells[0] if cells else "")
    head = f"{cells[0]}: "
    body = " ".join(c if c[-1:] in ".;:!?" else f"{c}." for c in cells[1:])
    last = cells[-1] if cells[-1][-1:] in ".;:!?" else f"{cells[-1]}."
    return TableRow(f"{head}{body}", len(cells[0]), len(head) + len(body) - len(last))


@dataclass(frozen=True)
class TableRow:
    """A table row read as a sentence, with where its first cell ends and its last cell starts (0 when it has one)."""

    text: str
    heading_end: int = 0
    last_cell: int = 0


def singled_out(row: TableRow, found: Iterable[Found], own: set[str]) -> tuple[set[str], list[tuple[int, int]]]:
    """The drugs of a row's heading that a sentence of its last cell speaks of apart from the others, and those
    sentences' spans. "HMG-CoA Reductase Inhibitor: lovastatin simvastatin atorvastatin | ... | Contraindicated due to
    potential for myopathy. Titrate atorvastatin dose carefully": the row's "Contraindicated" is about the drugs the
    comment does not single out; atorvastatin's advice is the sentence that names it."""
    found = list(found)
    heading = {f.target for f in found if f.kind == "drug" and f.end <= row.heading_end and f.target not in own}
    if len(heading) < 2 or not row.last_cell:
        return set(), []
    singled: set[str] = set()
    spans: list[tuple[int, int]] = []
    for start, end in split_sentences(row.text[row.last_cell :]):
        lo, hi = row.last_cell + start, row.last_cell + end
        named = {f.target for f in found if f.kind == "drug" and lo <= f.start < hi} & heading
        if named and named != heading:
            singled |= named
            spans.append((lo, hi))
    return singled, spans
