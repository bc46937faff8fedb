"""What a label says about its own drug: its enzyme and transporter roles, and the effects it warns of.

A pair can interact although neither label names the other drug: one label warns about "strong CYP3A4
inhibitors" and the other says "X is a strong inhibitor of CYP3A4", or one warns about "other hepatotoxic
drugs" and the other carries a "Hepatotoxicity" warning. This module finds those statements of a drug's
own properties, each kept with the sentence that states it so the engine can quote it:
- roles: "X is a strong inhibitor of CYP3A4", "X is primarily metabolized by CYP2C9", "X is a P-gp
  substrate" (with the strength or share where stated), plus FDA's table of examples;
- effects: a numbered warnings heading ("5.3 QT Prolongation"), a highlights line ("Hepatotoxicity: ..."), a
  boxed-warning title, or a warnings sentence that names the drug and says it causes the effect.
The patterns are hand-written from FDA's labeling wording (21 CFR 201.57 section structure, the drug
interaction labeling guidance's role statements), not fitted to any evaluation set.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pharmabot.interactions.extract import Found, split_sentences
from pharmabot.interactions.lexicon import CLASSES, SYSTEMS, DrugClass
from pharmabot.knowledge.cleaning import clean_quote, heading_length, split_section_heading
from pharmabot.knowledge.names import SALT_WORDS, ingredients_of

# Sections where a label states its drug's roles (section 7 and 12.3 mostly).
ROLE_SECTIONS = (
    "drug_interactions",
    "clinical_pharmacology",
    "pharmacokinetics",
    "mechanism_of_action",
    "warnings_and_cautions",
    "precautions",
    "warnings",
)
# Sections where a label warns of its drug's own effects.
EFFECT_SECTIONS = ("boxed_warning", "warnings_and_cautions", "warnings", "precautions")

_SYSTEM_PATTERNS = [(system.id, re.compile(system.pattern, re.IGNORECASE)) for system in SYSTEMS]
_SYSTEM_HINT = re.compile(r"cyp|p450|p-?gp|glycoprotein|bcrp|oatp|\boat|\boct|mate|transporter", re.IGNORECASE)
_ROLE_WORD = re.compile(
    r"\b(?:(?P<noun>inhibitors?|inducers?|substrates?)|(?P<verb>inhibits|induces)|(?P<metab>metaboli[sz]ed)"
    r"|(?P<metabolism>metabolism)\s+of\b)",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|no|neither|nor|non|unlikely|minimal|negligible|little|without)\b|\bn't\b", re.IGNORECASE
)
# Between the subject and the role word: something else's exposure is being described, not the drug's role.
_NOT_A_ROLE_GAP = re.compile(
    r"concentration|exposure|\bAUC|\blevels?\b|plasma|clearance|\bdoses?\b|effect of|coadminist|co-administ"
    r"|administered with|\bwith\b|\bwhen\b|increase|decrease|metabolite|\b(?:drugs?|agents?|medications?)\b"
    r"|clinical impact|\bif\b",
    re.IGNORECASE,
)
# Between the drug and its role only these words may stand ("X hydrochloride is also a strong, time-dependent
# inhibitor of"); anything else ("X is contraindicated in patients receiving strong inhibitors of") means the role
# belongs to other drugs.
_GAP_WORDS = frozenset(
    """is are was were be been being also both a an the as acts act serves serve considered known to likely and its
    in vitro vivo strong potent moderate weak mild time-dependent mechanism-based reversible irreversible competitive
    primarily mainly predominantly extensively principally largely partly partially mostly highly sensitive major
    minor substrate substrates inhibitor inhibitors inducer inducers of for by via through metabolized metabolised
    hepatic cytochrome enzyme enzymes isoenzyme isozyme p450 system transporter transport protein efflux uptake
    human identified shown has have found appears appear may might be""".split()
)
_GAP_TOKEN = re.compile(r"[a-z][a-z0-9-]*", re.IGNORECASE)


def _plain_gap(gap: str, own_words: set[str]) -> bool:
    """True when only link words, grades, system names and the drug's own name stand between it and its role."""
    text = re.sub(r"\([^)]*\)", " ", gap)
    for _, pattern in _SYSTEM_PATTERNS:
        text = pattern.sub(" ", text)
    return all(
        w.lower() in _GAP_WORDS or w.lower() in own_words or w.lower() in SALT_WORDS for w in _GAP_TOKEN.findall(text)
    )


# "X is a strong CYP3A4 inhibitor", "X, a P-gp substrate,": a role noun needs a link to its subject.
_LINK = re.compile(
    r"\b(?:is|are|was|were|be|been|being|acts? as|serves? as|as)\b|,\s*(?:a|an)\s|\(\s*(?:a|an)\s", re.IGNORECASE
)
_PRONOUN_START = re.compile(r"^(?:In vitro,?\s+|In vivo,?\s+)?(?:it|this drug|this medicine)\b", re.IGNORECASE)
_IN_VITRO = re.compile(r"\bin vitro\b", re.IGNORECASE)
_IN_VIVO = re.compile(
    r"\bin vivo\b|\bclinical(?:ly)?\b|\bin (?:healthy )?(?:subjects|patients|humans)\b", re.IGNORECASE
)
_STRONG = re.compile(r"\b(?:strong|potent|strongly|potently)\b", re.IGNORECASE)
_MODERATE = re.compile(r"\bmoderate(?:ly)?\b", re.IGNORECASE)
_WEAK = re.compile(r"\b(?:weak|weakly|mild|mildly)\b", re.IGNORECASE)
_SENSITIVE = re.compile(r"\bsensitive\b", re.IGNORECASE)
_MAJOR_SHARE = re.compile(
    r"\b(?:primarily|mainly|predominantly|extensively|principally|largely|major|majority|mostly|chiefly|"
    r"almost (?:entirely|exclusively)|exclusively)\b",
    re.IGNORECASE,
)
_MINOR_SHARE = re.compile(r"\b(?:minor|lesser|partly|partially|small|some|limited)\b", re.IGNORECASE)
_OF_AFTER_NOUN = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:of|for)\b", re.IGNORECASE)
_BY_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:by|via|through)\b", re.IGNORECASE)
_MEDIATED_BY = re.compile(
    r"[^.;]{0,60}?\b(?:mediated|catalyzed|carried out|performed)\b[^.;]{0,20}?\bby\b", re.IGNORECASE
)

FDA_ROLE_GRADES: dict[str, tuple[str, str]] = {
    "strong_inhibitor": ("inhibitor", "strong"),
    "moderate_inhibitor": ("inhibitor", "moderate"),
    "weak_inhibitor": ("inhibitor", "weak"),
    "strong_inducer": ("inducer", "strong"),
    "moderate_inducer": ("inducer", "moderate"),
    "weak_inducer": ("inducer", "weak"),
    "sensitive_substrate": ("substrate", "sensitive"),
    # 2- to 5-fold AUC rise with a strong inhibitor: a substrate, but not one of FDA's sensitive index substrates.
    "moderate_sensitive_substrate": ("substrate", "moderate_sensitive"),
    "inhibitor": ("inhibitor", "unspecified"),
    "substrate": ("substrate", "unspecified"),
}


@dataclass(frozen=True)
class Role:
    """An enzyme or transporter role: system id, kind (inhibitor/inducer/substrate) and grade."""

    system: str
    kind: str
    # strong/moderate/weak/unspecified/in_vitro (inhibitors, inducers); sensitive/moderate_sensitive/major/minor/
    # unspecified (substrates)
    grade: str

    def describe(self) -> str:
        name = next(s.name for s in SYSTEMS if s.id == self.system)
        grade = "" if self.grade in ("unspecified", "major") else f"{self.grade.replace('_', ' ')} "
        return f"{grade}{name} {self.kind}"


@dataclass(frozen=True)
class Property:
    """A fact a label states about its own drug, as the class it makes the drug a member of."""

    class_id: str
    quote: str
    section: str
    how: str  # "role: strong CYP3A4 inhibitor", "heading", "highlights", "boxed warning", "statement"
    rank: int  # lower is better evidence


def classes_for_role(role: Role, classes: Iterable[DrugClass] = CLASSES) -> list[str]:
    """The role classes a role makes a drug a member of ("strong CYP3A4 inhibitor" -> strong and any-strength)."""
    return [
        c.id
        for c in classes
        if c.role is not None
        and c.role.system == role.system
        and c.role.kind == role.kind
        and role.grade in c.role.grades
    ]


# --- roles -------------------------------------------------------------------------------------------------------


def _systems_in(text: str) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    for system_id, pattern in _SYSTEM_PATTERNS:
        found.extend((system_id, m.start(), m.end()) for m in pattern.finditer(text))
    found.sort(key=lambda f: (f[1], -f[2]))
    kept: list[tuple[str, int, int]] = []
    for item in found:  # "cytochrome P450 3A4" also holds shorter matches: keep the longest at each place
        if kept and item[1] < kept[-1][2]:
            continue
        kept.append(item)
    return kept


def _inhibition_grade(text: str) -> str:
    if _STRONG.search(text):
        return "strong"
    if _MODERATE.search(text):
        return "moderate"
    if _WEAK.search(text):
        return "weak"
    return "unspecified"


def _substrate_grade(text: str, default: str) -> str:
    if _SENSITIVE.search(text):
        return "sensitive"
    if _MINOR_SHARE.search(text):
        return "minor"
    if _MAJOR_SHARE.search(text):
        return "major"
    return default


def roles_in(sentence: str, found: Sequence[Found], own: Iterable[str]) -> list[Role]:
    """The roles a sentence states for the label's own drug ("X is a strong inhibitor of CYP3A4 and P-gp")."""
    if not _SYSTEM_HINT.search(sentence):
        return []
    own = set(own)
    own_words = {w for name in own for w in name.split()}
    drugs = [f for f in found if f.kind == "drug"]
    pronoun = _PRONOUN_START.match(sentence)
    in_vitro = bool(_IN_VITRO.search(sentence)) and not _IN_VIVO.search(sentence)
    roles: list[Role] = []
    words = list(_ROLE_WORD.finditer(sentence))
    consumed = 0  # end of the last system given to a role: a later role never takes it again
    for n, word in enumerate(words):
        start, end = word.span()
        previous = max(consumed, words[n - 1].end() if n else 0)
        next_start = words[n + 1].start() if n + 1 < len(words) else len(sentence)
        if word.group("metabolism"):
            # "Metabolism of X is mediated primarily by CYP3A4": the subject follows.
            subject = next((d for d in drugs if d.start >= end and d.start - end <= 3), None)
            if subject is None or subject.target not in own:
                continue
            mediated = _MEDIATED_BY.match(sentence, subject.end)
            if not mediated:
                continue
            kind, qualifier = "substrate", sentence[subject.end : mediated.end()]
            # "The metabolism of oxycodone to oxymorphone is catalyzed by CYP2D6": one pathway, not the main one,
            # unless the sentence says it is.
            if re.match(r"\s+to\s", qualifier) and not _MAJOR_SHARE.search(qualifier):
                qualifier += " minor"
            lo, hi = mediated.end(), min(len(sentence), mediated.end() + 120)
        else:
            before = [d for d in drugs if d.end <= start]
            subject = before[-1] if before else None
            if subject is not None:
                if subject.target not in own:
                    continue
                gap = sentence[subject.end : start]
            elif pronoun is not None:
                gap = sentence[pronoun.end() : start]
            else:
                continue
            if len(gap) > 90 or _NOT_A_ROLE_GAP.search(gap) or _NEGATION.search(gap):
                continue
            if not _plain_gap(gap, own_words):
                continue
            # Grade words belong to this role only: from the previous role (or the subject) up to this word.
            qualifier = sentence[max(previous, start - 45) : end]
            lo, hi = end, min(next_start, end + 120)
            if word.group("noun"):
                if not _LINK.search(gap):
                    continue
                kind = word.group("noun").lower().rstrip("s")
                # "a strong CYP3A4 inhibitor": the systems sit between the previous role and this word.
                if _systems_in(sentence[max(previous, start - 45) : start]):
                    lo, hi = max(previous, start - 45), start
                elif not _OF_AFTER_NOUN.match(sentence, end):
                    continue
            elif word.group("verb"):
                if len(gap) > 40:
                    continue
                kind = "inhibitor" if word.group("verb").lower().startswith("inhibit") else "inducer"
            else:
                kind = "substrate"
                if not _BY_AFTER.match(sentence[end:hi]):
                    continue
        tail = sentence[lo:hi]
        if _NEGATION.search(tail[:25]):
            continue
        systems = _systems_in(tail)
        if not systems:
            continue
        local_start = 0
        # "metabolized by CYP3A4, CYP1A2, CYP2C8 and CYP2C9" without a share: none of them is a main pathway.
        default_share = "unspecified" if len(systems) <= 2 else "minor"
        for system_id, s_start, s_end in systems:
            local = tail[local_start:s_start]
            local_start = s_end
            if kind == "substrate":
                grade = _substrate_grade(local, _substrate_grade(qualifier, default_share))
            else:
                grade = _inhibition_grade(qualifier + " " + local)
                if in_vitro and grade == "unspecified":
                    grade = "in_vitro"
            roles.append(Role(system_id, kind, grade))
        consumed = max(consumed, lo + systems[-1][2])
    return list(dict.fromkeys(roles))


def fda_table_roles(path: Path) -> Iterator[tuple[str, Role, str]]:
    """(moiety, role, FDA's own words) from the shipped FDA table of CYP and transporter examples."""
    systems = {fda: s.id for s in SYSTEMS for fda in s.fda}
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for row in rows:
            system = systems.get(row["system"])
            graded = FDA_ROLE_GRADES.get(row["role"])
            if system is None or graded is None:
                continue
            kind, grade = graded
            text = f"{row['drug']}: {row['role'].replace('_', ' ')} of {row['system']} (FDA Table 1)"
            for moiety_name in ingredients_of(row["drug"]):
                yield moiety_name, Role(system, kind, grade), text


# --- effects ------------------------------------------------------------------------------------------------------

_NUMBERED_HEADING = re.compile(r"(?:^|(?<=\s))(?:5|6)\.\d{1,2}\s+(?=[A-Z])")
_HIGHLIGHT = re.compile(r"(?:^|(?<=[.)]\s))(?P<title>[A-Z][\w ,/()'&-]{2,80}?):\s+(?=\S)")
_BOXED_TITLE = re.compile(
    r"^\s*(?:BOXED\s+)?WARNINGS?:?\s*(?P<title>(?:[A-Z0-9][A-Z0-9,;/()'&.-]*|and|or|of|with|in)"
    r"(?:\s+(?:[A-Z0-9][A-Z0-9,;/()'&.-]*|and|or|of|with|in|the|to|for))*)"
)
_CAUSES = re.compile(
    r"\b(?:can|may|might|could|has been (?:shown|reported|associated|observed)|have been (?:reported|observed)|"
    r"(?:was|were|is|are) (?:associated|reported|observed)|causes?|caused|induces?|produces?|prolongs?|"
    r"increases? the risk|reported in patients)\b",
    re.IGNORECASE,
)
_EFFECT_CLASSES = [c for c in CLASSES if c.own_effect]
_EFFECT_PATTERNS = [
    (
        c.id,
        re.compile(c.own_effect or "", re.IGNORECASE),
        re.compile(c.not_own_effect, re.IGNORECASE) if c.not_own_effect else None,
    )
    for c in _EFFECT_CLASSES
]
_MULTILINE_START = re.compile(r"^", re.MULTILINE)


# Headings about a kind of patient ("Patients with Hepatic Failure") or a use, not an effect of the drug.
_POPULATION_HEADING = re.compile(
    r"^(?:use in|patients? with|risks? in patients|in patients|pre-?existing|history of)|\bstroke\b", re.IGNORECASE
)


def effects_named(title: str) -> list[str]:
    """Effect class ids a heading or title names ("QT Prolongation" -> qt_prolonging)."""
    if _POPULATION_HEADING.search(title.strip()):
        return []
    found = []
    for class_id, pattern, exclude in _EFFECT_PATTERNS:
        if pattern.search(title) and not (exclude and exclude.search(title)):
            found.append(class_id)
    return found


def _sentence_after(text: str, at: int, pattern: re.Pattern[str]) -> str:
    """The first sentence from AT on that names the effect (else the first sentence), cleaned, <= 400 chars."""
    spans = split_sentences(text[at : at + 2500])
    first = ""
    for n, (s, e) in enumerate(spans[:4]):
        sentence = text[at + s : at + e]
        if n == 0:
            first = sentence
        match = pattern.search(sentence)
        # "X was not associated with QT prolongation" names the effect but is not the warning.
        if match and not _NEGATION.search(sentence[max(0, match.start() - 50) : match.start()]):
            return _short(clean_quote(sentence))
    return _short(clean_quote(first))


def _short(quote: str) -> str:
    return quote if len(quote) <= 400 else quote[:397].rsplit(" ", 1)[0] + "…"


def heading_effects(text: str, section: str) -> list[Property]:
    """Effects a warnings section titles as its drug's own: numbered headings, highlights lines, boxed title."""
    out: list[Property] = []
    if section == "boxed_warning":
        boxed = _BOXED_TITLE.match(text)
        if boxed:
            for class_id in effects_named(boxed.group("title")):
                pattern = next(p for c, p, _ in _EFFECT_PATTERNS if c == class_id)
                out.append(Property(class_id, _sentence_after(text, boxed.end(), pattern), section, "boxed warning", 0))
    for match in _NUMBERED_HEADING.finditer(text):
        rest = text[match.end() : match.end() + 160]
        cut = heading_length(rest)
        title = rest[:cut] if cut else rest[:60]
        for class_id in effects_named(title):
            pattern = next(p for c, p, _ in _EFFECT_PATTERNS if c == class_id)
            out.append(Property(class_id, _sentence_after(text, match.end() + cut, pattern), section, "heading", 1))
    # Highlights lines ("Hepatotoxicity: Monitor liver tests.") open the section, right after its own title.
    opening = split_section_heading(text[:4000])[1]
    for match in _HIGHLIGHT.finditer(opening):
        title = match.group("title")
        if len(title.split()) > 8:
            continue
        for class_id in effects_named(title):
            pattern = next(p for c, p, _ in _EFFECT_PATTERNS if c == class_id)
            quote = _sentence_after(opening, match.end(), pattern)
            out.append(Property(class_id, _short(f"{title}: {quote}"), section, "highlights", 2))
    return out


# An effect on a fetus or a breastfed infant ("neonates born to mothers receiving atenolol ... bradycardia") is not
# one the drug adds to another drug's in the patient.
_NOT_THE_PATIENT = re.compile(r"neonat|newborn|fetus|fetal|in utero|infants?\b|breast-?fe|nursing", re.IGNORECASE)


def statement_effects(sentence: str, found: Sequence[Found], own: Iterable[str], section: str) -> list[Property]:
    """Effects a warnings sentence says the label's own drug causes ("Citalopram causes dose-dependent QTc
    prolongation"): the drug is the subject, a causal verb follows, the effect comes right after it, and the
    sentence names no other drug or class."""
    own = set(own)
    if any(f.kind == "class" or (f.kind == "drug" and f.target not in own) for f in found):
        return []
    if _NOT_THE_PATIENT.search(sentence):
        return []
    subject = next((f for f in found if f.kind == "drug" and f.target in own), None)
    if subject is None:
        return []
    cause = _CAUSES.search(sentence, subject.end)
    if cause is None or cause.start() - subject.end > 40:
        return []
    window = sentence[cause.start() : cause.end() + 60]
    return [
        Property(class_id, _short(clean_quote(sentence)), section, "statement", 3) for class_id in effects_named(window)
    ]


__all__ = [
    "EFFECT_SECTIONS",
    "ROLE_SECTIONS",
    "Property",
    "Role",
    "classes_for_role",
    "effects_named",
    "fda_table_roles",
    "heading_effects",
    "roles_in",
    "statement_effects",
]
