"""Emergency red flags, detected in code before any retrieval or model call; the reply is routing only.

An emergency is recognised by composition, from the clinical model in `red_flag_model`: who (I, my
toddler, grandpa), an ingestion or exposure (took, ate, swallowed, got into), how much (a handful, a
whole bottle, 40), what (a medicine the catalog or the lexicon knows, a street name, a household
poison), a danger sign reported now (can't wake him, lips turning blue, face drooping) and intent
(want to die, ending it this weekend). Negations, hypotheticals, past events that are over,
questions about a topic and figures of speech are cut out first, so they stay routine.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pharmabot.safety import red_flag_model as model
from pharmabot.safety.red_flag_model import EmergencyKind, Help, Sign, Strength

__all__ = ["Emergency", "EmergencyKind", "NameFinder", "detect_emergency", "emergency_reply", "warm"]

# Hand-written rules on purpose: the check must be deterministic, instant and reviewable, and it runs
# before anything else, so it cannot depend on a model.

_MAX_CHARS = 2000  # chat messages are at most 500 characters; this bounds any other caller


@dataclass(frozen=True, slots=True)
class Emergency:
    """A detected emergency: the primary kind, every kind found (by priority) and the rule that fired first."""

    kind: EmergencyKind
    kinds: tuple[EmergencyKind, ...]
    rule: str


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class NameFinder(Protocol):
    """Finds drug names in free text (the drug catalog does, with fuzzy matching of misspellings)."""

    def find_mention_groups(self, text: str) -> Sequence[tuple[_Spanned, tuple[str, ...]]]: ...


# --- compiled on first use ----------------------------------------------------------------------------


@functools.cache
def _re(source: str) -> re.Pattern[str]:
    # Compiled on first use, once: compiling every rule at import would slow a cold start.
    return re.compile(source)


def _word(source: str) -> re.Pattern[str]:
    """SOURCE as whole words."""
    # A match may end on a space ("when she was a ..."): the space is then its boundary.
    # A pattern may also start at an apostrophe ("she" + "'s choking").
    return _re(rf"(?:(?<![\w'])|(?='))(?:{source})(?:(?<= )|(?![\w']))")


@functools.cache
def _sign_patterns() -> tuple[tuple[Sign, re.Pattern[str]], ...]:
    return tuple((sign, _word(sign.pattern)) for sign in model.SIGNS)


@functools.cache
def _any_sign() -> re.Pattern[str]:
    # One pass tells whether a sentence has any sign at all: most sentences have none, and then the signs are not
    # scanned one by one (the check runs on every message).
    return _word("|".join(f"(?:{sign.pattern})" for sign in model.SIGNS))


_SUBSTANCE_SOURCES = (
    model.MEDICINE_WORD,
    model.COMMON_DRUG,
    model.STREET_NAME,
    model.POISON,
    model.HIGH_RISK,
    model.ANTICOAGULANT,
    model.SEDATIVE,
    model.DRUG_STEM,
)

# --- normalizing -----------------------------------------------------------------------------------------

_CONTRACTIONS = {
    "cant": "can't",
    "wont": "won't",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "im": "i'm",
    "ive": "i've",
    "hes": "he's",
    "shes": "she's",
    "theyre": "they're",
    "whats": "what's",
    "thats": "that's",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "rn": "right now",
    "cuz": "because",
    "bc": "because",
    "w/": "with",
    "b/c": "because",
}
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
# Words of the model worth correcting when misspelled ("siezure", "unconsious", "swolen", "tylenl").
_VOCABULARY = frozenset(
    """breathing breathe seizure seizures seizing convulsing unconscious unresponsive swallowed overdosed overdose
    overdosing swelling swollen bleeding vomiting confused hallucinating blistering peeling suicidal suicide throat
    tongue collapsed poison anaphylaxis anaphylactic shaking twitching sweating drowsy slurred slurring drooping
    numbness fainted gummies medicine medication medications pills tablets capsules tylenol acetaminophen ibuprofen
    benadryl xanax oxycodone fentanyl percocet antifreeze detergent battery unconscious responding breathing
    grandpa grandma daughter toddler swallowing ambulance emergency""".split()
)
# Real words close to a vocabulary word that must not be "corrected" into it.
_NOT_TYPOS = frozenset(
    """breeding swearing sweeping seeing seeding bleeping breaking breathes breaths sleeping slurping dropping
    drooling shaving sweeting twitchy pillows tablet tablets medicated poisons swelled swallows confuses confusing
    breather shaming shaping peeking peering peeping blistered tongues throats beating heating eating bleating
    peeing meditation mediation dedication drowning crowding bathing bittering consulting deterrent mediating
    mediators modification modifications provision sedating selling smelling sharing anaphylactoid anaplastic
    shaping spelling spilling swinging sweetening blustering""".split()
)


_ENDINGS = frozenset({"", "s", "es", "d", "ed", "ing", "e", "on", "ons", "ion", "ions", "ive", "er", "ers", "ly", "y"})


@functools.cache
def _correct(word: str) -> str:
    """WORD, or the vocabulary word it misspells (same first letter, close by edit distance)."""
    from rapidfuzz import fuzz, process

    if len(word) < 6 or word in _VOCABULARY or word in _NOT_TYPOS or not word.isalpha():
        return word
    found = process.extractOne(
        word, [w for w in _VOCABULARY if w[0] == word[0]], scorer=fuzz.ratio, score_cutoff=85 if len(word) < 9 else 80
    )
    # Another form of the same word ("swallow", "swallowed") is not a typo: its tense matters.
    if not found:
        return word
    stem = next((i for i, (a, b) in enumerate(zip(word, found[0], strict=False)) if a != b), len(word))
    return word if {word[stem:], found[0][stem:]} <= _ENDINGS else found[0]


def _numbers(text: str) -> str:
    """Number words as digits: "forty five" -> 45, "a dozen" -> 12, "a hundred" -> 100."""

    def tens(match: re.Match[str]) -> str:
        return str(_TENS[match.group(1)] + (_UNITS[match.group(2)] if match.group(2) else 0))

    text = _re(r"\b(a|one) (hundred)\b").sub("100", text)
    text = _re(r"\b(?:a )?dozens?\b").sub(lambda m: "12" if "s" not in m.group() else "24", text)
    text = _re(
        r"\b(" + "|".join(_TENS) + r")(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b",
    ).sub(tens, text)
    # "One" stays a word: "little one", "one side of his face", "one of my pills" read better that way.
    small = "|".join(word for word in _UNITS if word not in ("zero", "one"))
    return _re(r"\b(" + small + r")\b").sub(lambda m: str(_UNITS[m.group(1)]), text)


def _canonical(text: str) -> str:
    """Lower-case NFKC text, plain quotes, contractions expanded, typos of the vocabulary fixed, numbers as digits."""
    text = unicodedata.normalize("NFKC", text[:_MAX_CHARS]).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("\u201c", '"')
    text = _re(r"(\d),(\d{3})\b").sub(r"\1\2", text)  # 4,000 mg
    words = []
    for token in text.split():
        core = token.strip(".,!?;:()\"'")
        if core in _CONTRACTIONS:
            token = token.replace(core, _CONTRACTIONS[core], 1)
        elif core and core.isalpha() and (fixed := _correct(core)) != core:
            token = token.replace(core, fixed, 1)
        words.append(token)
    return _numbers(" ".join(words))


# --- sentences and clauses --------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r",|:| - | and (?=(?:i|i'm|i've|he|he's|she|she's|they|they're|now|then|my|his|her|it|it's|its|we|is|are|was|has"
    r"|had)\b)"
    r"| but | so | because | then | though | although | while "
)


@dataclass
class _Sentence:
    text: str  # with hypothetical, past and topic spans blanked out (same length as the original)
    plain: str  # before hypotheticals and question topics are blanked out: intent shows through a "would" form
    question: bool
    personal: bool
    now: bool


def _split_sentences(text: str) -> list[tuple[str, bool]]:
    """Sentences, each with whether it is a question (ends in "?" or starts like one)."""
    parts: list[tuple[str, bool]] = []
    start = 0
    for match in _re(r"\?+|[!;\n]+|(?<!\d)\.+|\.+(?!\d)").finditer(text):
        piece = text[start : match.end()]
        if piece.strip(" .!?;\n"):
            parts.append((piece, "?" in match.group()))
        start = match.end()
    if text[start:].strip():
        parts.append((text[start:], False))
    return [(piece, asks or bool(_question_start().match(piece.strip()))) for piece, asks in parts]


@functools.cache
def _question_start() -> re.Pattern[str]:
    return _re(
        r"(?:what|what's|which|can|could|does|do|did|is|are|was|were|why|how|when|should|would|will|may|might|who"
        r"|where|whats|is it|tell me|explain|describe|list)\b(?!')"
    )


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _clause_end(text: str, start: int) -> int:
    found = _CLAUSE_BREAK.search(text, start)
    return found.start() if found else len(text)


def _clause_start(text: str, end: int) -> int:
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def _prepare_sentences(text: str) -> list[_Sentence]:
    """The message's sentences with what is not a present event blanked out.

    A story that starts in the past ("last year my son swallowed a coin...") stays in the past, clause after
    clause and sentence after sentence, until something is said in the present ("now", "is", "can't").
    """
    sentences = []
    past = False
    for raw, asks in _split_sentences(text):
        sentence, past = _prepare_sentence(raw, asks, past=past)
        sentences.append(sentence)
    return sentences


def _prepare_sentence(raw: str, asks: bool, *, past: bool) -> tuple[_Sentence, bool]:
    text = raw
    # Figures of speech first: "this toothache is killing me" never reaches the intent rules.
    for match in _word(model.IDIOM).finditer(text):
        text = _blank(text, match.start(), match.end())
    # What was read, heard or feared, up to the end of its clause.
    for match in list(_word(model.REPORTED).finditer(text)):
        text = _blank(text, match.start(), _clause_end(text, match.end()))
    # "..., that was months ago" dates the clause before it.
    for match in list(_word(model.RETRO_PAST).finditer(text)):
        start = _clause_start(text, match.start())
        if start > 0 and not _word(model.STILL_NOW).search(text, start, match.end()):
            text = _blank(text, _clause_start(text, start - 1), match.end())
    # Clauses about events that are over ("I overdosed years ago", "she had a seizure in 2019").
    for start in [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text))]:
        end = _clause_end(text, start)
        clause = text[start:end]
        dated = _word(model.PAST).search(clause)
        if _word(model.STILL_NOW).search(clause):
            past = False
        elif dated and not _onset(clause[: dated.start()]):
            past = True
        elif past and _word(model.PRESENT).search(clause):
            past = False
        if past:
            text = _blank(text, start, end)
    # Habits are not events ("my chest feels tight when I get anxious"): their clause goes.
    for match in list(_word(model.HABITUAL).finditer(text)):
        start = _clause_start(text, match.start())
        end = _clause_end(text, match.end())
        if not _word(model.STILL_NOW).search(text, start, end):
            text = _blank(text, start, end)
    plain = text
    # Hypothetical and conditional spans, up to the end of their clause; "what if my son swallowed..." is kept.
    real = [m.span() for m in _word(model.REAL_CONDITIONAL).finditer(text)]
    for match in list(_word(model.HYPOTHETICAL).finditer(text)):
        end = _clause_end(text, match.end())
        plain_if = _re(r"(?:what |wat |so |and |but )?if\b").fullmatch(match.group())
        if not (plain_if and any(match.start() <= s < end for s, _ in real)):
            text = _blank(text, match.start(), end)
    # The topic of a question ("signs of an overdose", "can it cause chest pain"): up to six words.
    if asks:
        for match in list(_word(model.INFO_CUE).finditer(text)):
            end = _clause_end(text, match.end())
            words = list(_re(r"\S+").finditer(text, match.end(), end))
            if len(words) > 6:
                end = words[5].end()
            text = _blank(text, match.start(), end)
    personal = bool(_word(model.PERSONAL).search(text))
    now = bool(_word(model.REPORT_NOW).search(text))
    return _Sentence(text=text, plain=plain, question=asks, personal=personal, now=now), past


def _onset(before: str) -> bool:
    """Whether a date dates the start of a medicine ("began carbamazepine last month"), not an event that is over."""
    onset = _re(model.ONSET).search(before)
    return bool(onset and any(_word(s).search(onset.group()) for s in (*_SUBSTANCE_SOURCES, r"taking|using|dose")))


def _negated(text: str, start: int, protected: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a negation governs what starts at START: "no chest pain", "isn't having trouble breathing", and the
    rest of a list ("no rash, fever or blisters"), but not across "but" or a new subject ("and now she...").

    Negations inside PROTECTED spans belong to a sign of their own ("won't wake up"), not to this one.
    """
    lower = max(0, start - 80)
    cues = [
        m
        for m in _word(model.NEGATION).finditer(text, lower, start)
        if not any(s <= m.start() < e for s, e in protected)
    ]
    if not cues:
        return False
    cue = cues[-1]
    if any(m.start() <= cue.start() < m.end() for m in _word(model.UNCERTAIN).finditer(text, lower, start)):
        return False
    between = text[cue.end() : start]
    if len(between.split()) > 8 or _re(model.NEGATION_ENDS).search(between):
        return False
    # "Not having chest pain or trouble breathing": "or" and "nor" carry any negation down a list...
    if len(_re(r",| and ").split(between)) == 1:
        return True
    # ...commas and "and" only a negation of nouns ("no rash, fever or blisters"): "it isn't helping, wheezing so
    # bad" starts something new.
    pieces = _re(r",| or | and | nor ").split(between)
    return bool(_word(model.NEGATION_OF_LIST).fullmatch(cue.group())) and all(len(p.split()) <= 3 for p in pieces)


# --- the analysis of one message -----------------------------------------------------------------------------


@dataclass
class _Found:
    kind: EmergencyKind
    rule: str


@dataclass
class _Ingestion:
    """One intake the message reports: who took what, how much."""

    sentence: int
    subject: str  # child, other, self or unknown
    verb: str
    large: bool
    substance: bool
    high_risk: bool
    poison: bool
    toxic_product: bool
    # Someone else's medicine, an adult product, "found", "by mistake", more than one: not a child's own dose.
    not_theirs: bool
    # The child's own medicine at its dose ("took her amoxicillin", "swallowed his pill whole").
    own_dose: bool
    # Only a pronoun or a quantity after the verb ("she drank some"): the substance is named elsewhere.
    anaphoric: bool
    # More than the usual dose, a street drug, someone else's medicine or a mix: a poisoning if signs follow.
    beyond_use: bool
    # A depressant of breathing and consciousness (opioid, benzodiazepine, sleeping pill), more than one of it.
    sedative: bool = False
    several: bool = False
    # Someone else's medicine, or one found ("my", "mom's", "found", "by mistake"): not a teenager's own.
    someone_elses: bool = False
    # Another adult's medicine taken by mistake ("my mom's methadone by accident"): the wrong person took it.
    wrong_person: bool = False
    # The message says it was a mistake or an accident.
    mistaken: bool = False
    # The words after the verb that name what was taken.
    window: str = ""


@dataclass
class _Analysis:
    text: str
    names: NameFinder | None
    sentences: list[_Sentence] = field(default_factory=list)
    found: list[_Found] = field(default_factory=list)

    def add(self, kind: EmergencyKind, rule: str) -> None:
        if all(f.kind is not kind for f in self.found):
            self.found.append(_Found(kind, rule))

    _mentions: tuple[str, ...] | None = None
    _context: bool | None = None

    def has_substance(self, text: str) -> bool:
        """A medicine, drug, street name or poison in TEXT: from the lexicon, else from the catalog."""
        if any(_word(source).search(text) for source in _SUBSTANCE_SOURCES):
            return True
        return any(_word(re.escape(name)).search(text) for name in self.mentions())

    def mentions(self) -> tuple[str, ...]:
        """The drug names the catalog finds in the whole message: one scan, and only when the lexicon did not decide."""
        if self._mentions is None:
            found = self.names.find_mention_groups(self.text) if self.names is not None else ()
            self._mentions = tuple({self.text[m.start : m.end] for m, _ in found})
        return self._mentions

    def pet_only(self) -> bool:
        """Whether the message is about a pet and names no other person than the writer (PET_POISON)."""
        return bool(
            _word(model.PET).search(self.text)
            and not _word(model.CHILD).search(self.text)
            and not _word(model.OTHER_PERSON).search(self.text)
        )

    def substance_named(self) -> bool:
        """A substance named anywhere, even in the story before ("she drank some" names it elsewhere)."""
        return self.has_substance(self.text)


_NUMBER = re.compile(r"(?<![\w.])(\d{1,4})(?:\+| or \d+| to \d+|-\d+)?")


def _count_is_large(window: str, analysis: _Analysis, *, high_risk: bool) -> bool:
    """A number of doses ("40 tylenol", "like 20", "15 of my pills") at or above the model's threshold."""
    threshold = model.LARGE_COUNT_HIGH_RISK if high_risk else model.LARGE_COUNT
    if _word(model.AT_ONCE).search(window):
        threshold = model.LARGE_COUNT_AT_ONCE_HIGH_RISK if high_risk else model.LARGE_COUNT_AT_ONCE

    for match in _NUMBER.finditer(window):
        if int(match.group(1)) < threshold:
            continue
        # Right after a drug name a number is its strength ("metformin 500", "oxy 30"), not a count.
        previous = window[: match.start()].split()[-1:]
        if previous and analysis.has_substance(previous[0]):
            continue
        # What follows may take two words: "10 extra" doses, but "15 extra strength excedrin".
        if _re(rf"(?:{model.NOT_A_COUNT})(?![\w'])").match(window[match.end() :].lstrip()):
            continue
        # A reference dose is not the amount taken ("90 instead of the usual 30", "more than 10").
        if _re(model.REFERENCE_AMOUNT + r"\s*$").search(window[: match.start()]):
            continue
        # What was counted: a medicine, or nothing said ("took 20", "20 of them"); not "12 tacos", "15 photos".
        after = window[match.end() :]
        if _re(r"^ ?(?:$|[,.;:!?)]| (?:and|or|then|but|so|of (?:them|it|those|these)|at once|together|total|in total"
               r"|each|now|today|tonight|ago|last|this|since|with|plus|\+)\b)").match(after) or analysis.has_substance(
            " ".join(after.split()[:6])
        ):  # fmt: skip
            return True
    return False


def _volume_is_large(window: str, analysis: _Analysis) -> bool:
    """A liquid medicine by the glass ("500 ml of cough syrup")."""
    return any(
        float(m.group(1)) >= model.LARGE_VOLUME_ML and analysis.has_substance(window)
        for m in _re(r"(\d+(?:\.\d+)?) ?(?:ml|mls|milliliters?|millilitres?|cc)\b").finditer(window)
    )


def _acetaminophen_overdose(window: str) -> bool:
    """More acetaminophen at once than the labels' daily maximum ("took 6000 mg of tylenol")."""
    if not _word(model.ACETAMINOPHEN).search(window):
        return False
    for match in _re(r"(\d+(?:\.\d+)?) ?(mg|milligrams?|g|grams?)\b").finditer(window):
        milligrams = float(match.group(1)) * (1 if match.group(2).startswith("m") else 1000)
        if milligrams > model.ACETAMINOPHEN_MAX_MG:
            return True
    return _acetaminophen_per_day(window) > model.ACETAMINOPHEN_MAX_MG


def _acetaminophen_per_day(window: str) -> float:
    """Milligrams a day of tablets taken on a schedule ("4 extra strength tylenol every 4 hours"), or 0."""
    schedule = _re(r"(?:every|q) ?(\d{1,2}) ?(?:hours?|hrs?|h)\b|(\d{1,2}) (?:times )?(?:a|per) day").search(window)
    tablets = _re(r"^(?:\D{0,20}?)(\d{1,2})\b(?! ?(?:mg|g|ml|hours?|hrs?|times|days?))").match(window)
    if not (schedule and tablets):
        return 0
    strength = next(
        (mg for source, mg in model.ACETAMINOPHEN_TABLET_MG if _re(source).search(window)),
        model.ACETAMINOPHEN_DEFAULT_TABLET_MG,
    )
    doses = 24 / max(int(schedule.group(1)), 1) if schedule.group(1) else int(schedule.group(2))
    if not schedule.group(1):  # "8 a day": the number of the schedule is the tablets of the day
        return float(doses * strength)
    return float(int(tablets.group(1)) * strength * doses)


def _dosing_error_ratio(window: str) -> bool:
    """An amount many times the intended one ("gave 10 ml instead of 1 ml")."""
    match = _re(r"(\d+(?:\.\d+)?) ?(?:\S+ ){0,4}?instead of (?:\S+ ){0,2}?(\d+(?:\.\d+)?)").search(window)
    return bool(
        match
        and float(match.group(2)) > 0
        and float(match.group(1)) / float(match.group(2)) >= model.DOSING_ERROR_RATIO
    )


def _ingestions(analysis: _Analysis) -> list[_Ingestion]:
    events: list[_Ingestion] = []
    # "He" is the child when one was named, even in the story before.
    children = [m.group() for m in _word(model.CHILD).finditer(analysis.text)]
    child_in_message = "teen" if children and all(_word(model.TEEN).fullmatch(c) for c in children) else bool(children)
    pet_only = analysis.pet_only()

    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text
        intakes = [(m.start(), m.end(), m.group()) for m in _word(model.INGESTED).finditer(text)]
        # "16 of my pills gone down the hatch": the object comes first (see below).
        intakes += [(m.start(), m.end(), "down the hatch") for m in _word(model.POSTPOSED_INTAKE).finditer(text)]
        # "I had 20 of my xanax": "had" is an intake when a medicine is what was had (see below).
        intakes += [(m.start(), m.end(), "had") for m in _word(r"had").finditer(text)]
        if _word(model.MISTAKE).search(text):
            intakes += [(m.start(), m.end(), m.group()) for m in _word(model.PLAIN_INTAKE).finditer(text)]
        # "My brother eat many tablet": the verb after its subject; "my husband take 12 pills every morning" is a habit.
        if not _word(model.ROUTINE_SCHEDULE).search(text):
            intakes += [(m.end() - len(v), m.end(), v) for source in (model.BARE_THIRD_PERSON, model.AUX_INTAKE)
                        for m in _word(source).finditer(text) for v in m.group().split()[-1:]]  # fmt: skip
        for start, verb_end, verb in intakes:
            if _negated(text, start):
                continue
            end = min(_clause_end(text, verb_end), verb_end + 90)
            if verb in ("mixed", "combined"):
                end = max(end, min(len(text), verb_end + 40))  # "mixed my xanax, then some vodka"
            # "took my wife's pills plus mine, 14 tablets total": an amount told in the next clause counts.
            amount = _re(
                r"[,:;]? ?(?:(?:about |like |maybe |around |roughly |at least |over |~)?\d+ |all of (?:it|them)|the "
                r"(?:whole|entire) |every (?:one|pill|tablet|last)|a whole )"
            ).match(text, end)
            if amount:
                end = _clause_end(text, amount.end())
            window = text[verb_end:end].strip()
            if verb == "down the hatch":
                window = text[_clause_start(text, start) : start].strip()
            if verb == "had" and not (analysis.has_substance(window) or _word(model.POISON).search(window)):
                continue  # "had a seizure", "had 15 stitches"
            if _re(model.MEASUREMENT_TAKEN).match(window):
                continue  # "took my bp 190/100", "took 2 readings"

            # Who: the last person named up to the verb ("caught my nephew eating" names him in the verb).
            before = text[:verb_end]

            high_risk = bool(_word(model.HIGH_RISK).search(window))
            poison = bool(_word(model.POISON).search(window)) and not _word(model.HARMLESS_DRINK).search(window)
            substance = poison or analysis.has_substance(window)
            # "A whole bottle of water" is not an amount of medicine.
            # "A whole bottle of water", "too much pizza": not an amount of medicine.
            container = any(
                not _re(rf" (?:of )?(?:[\w']+ )?(?:{model.HARMLESS_DRINK}|{model.FOOD_LIKE})\b").match(window, m.end())
                for m in _word(model.LARGE_AMOUNT).finditer(window)
            )
            large = bool(
                container
                or _count_is_large(window, analysis, high_risk=high_risk)
                or _volume_is_large(window, analysis)
                or _acetaminophen_overdose(window)
                or _dosing_error_ratio(window)
            )
            if large and not substance and _word(model.HARMLESS_DRINK).search(window):
                large = False  # "drank a whole bottle of water"
            events.append(
                _Ingestion(
                    sentence=index,
                    subject=_subject(before, child_in_message, pet_only),
                    verb=verb,
                    large=large,
                    substance=substance,
                    high_risk=high_risk,
                    poison=poison,
                    toxic_product=bool(_word(model.TOXIC_PRODUCT).search(window)),
                    not_theirs=bool(_word(model.NOT_THEIRS).search(window) or _word(model.BY_ACCIDENT).search(text)),
                    own_dose=_own_dose(window, analysis),
                    anaphoric=bool(_re(model.ANAPHORIC_OBJECT).match(window)),
                    beyond_use=bool(
                        verb in ("mixed", "combined")
                        or _word(model.STREET_NAME).search(window)
                        or _word(model.BEYOND_USE).search(window)
                    ),
                    sedative=bool(_word(model.SEDATIVE).search(window)),
                    several=bool(_word(model.SEVERAL).search(window)),
                    someone_elses=bool(
                        _word(model.SOMEONE_ELSES).search(window) or _word(model.BY_ACCIDENT).search(text)
                    ),
                    window=window,
                    mistaken=bool(_word(model.MISTAKE).search(text)),
                    wrong_person=bool(
                        _word(model.ANOTHER_PERSONS).search(window) and _word(model.MISTAKE).search(text)
                    ),
                )
            )
    return events


def _own_dose(window: str, analysis: _Analysis) -> bool:
    """The child's own medicine as given: "her amoxicillin for an ear infection", "his pill whole"."""
    if _word(model.OWN_DOSE).search(window):
        return True
    # "...instead of her tylenol drops" names the medicine that should have been given, not the one that was.
    own = _re(
        r"^(?:[\w']+ ){0,4}?(?<!instead of )(?<!rather than )(?:his|her|their) (?:own |usual |regular |daily "
        r"|prescribed )?([\w'-]+)"
    ).match(window)

    return bool(own and analysis.has_substance(own.group(1)))


def _subject(before: str, child_in_message: bool | str, pet_only: bool = False) -> str:
    """Who took it: the last person named before the verb ("he" or "she" is the child when one was named, the pet
    when only a pet was); a teenager is told apart from a younger child."""
    found = [
        (m.start(), kind)
        for kind, source in (
            ("teen", model.TEEN),
            ("child", model.CHILD),
            ("other", model.OTHER_PERSON),
            ("self", r"i|i'm|i've|me"),
            ("pronoun", r"he|she|they|he's|she's|they've|he'd|she'd|they'd" + ("|it|it's" if pet_only else "")),
            ("pet", model.PET),
        )
        for m in _word(source).finditer(before)
    ]
    if not found:
        return "unknown"
    # The last person named; at one place "teen" names more than "child" does.
    _, kind = max(found, key=lambda f: (f[0], f[1] == "teen"))
    if kind == "pronoun":
        if child_in_message:
            return "teen" if child_in_message == "teen" else "child"
        return "pet" if pet_only else "other"
    return kind


# --- the decision ----------------------------------------------------------------------------------------------


def _intent(analysis: _Analysis) -> None:
    """Suicidal intent, plans and lethal-amount questions (C-SSRS)."""
    whole = " ".join(s.plain for s in analysis.sentences)
    distress = bool(_word(model.SUICIDAL_DISTRESS).search(whole))
    # The purpose may come in a sentence of its own ("How much would it take? Asking for me.").
    purpose = bool(_word(model.LETHAL_PURPOSE).search(whole))
    plan = bool(_word(model.SUICIDE_PLAN).search(whole))
    # Kept-back medicines are preparation only with despair or a plan; pills laid out or a rope bought are by
    # themselves.
    preparation = bool(_word(model.SUICIDE_PREPARATION).search(whole)) or bool(
        _word(model.STOCKPILING).search(whole) and (distress or plan)
    )
    for sentence in analysis.sentences:
        # Intent is about what someone will do: a future or conditional form does not make it hypothetical.
        text = sentence.plain
        for match in _word(model.SUICIDAL_INTENT).finditer(text):
            if _negated(text, match.start()) or (sentence.question and not sentence.personal):
                continue
            # "From now on I'll take all my tablets together at breakfast" is a schedule.
            if _re(r"\b(?:take|taking|swallow|inject|use|drink)\b").search(match.group()) and _word(
                model.ROUTINE_SCHEDULE
            ).search(text, _clause_start(text, match.start()), _clause_end(text, match.end())):
                continue
            analysis.add(EmergencyKind.SUICIDAL, "suicidal.intent")
            return
        if _word(model.METHOD_SEEKING).search(sentence.plain):
            analysis.add(EmergencyKind.SUICIDAL, "suicidal.method_seeking")
            return
        # Asking how much would kill is intent when a purpose or despair comes with it, even in a "would" form.

        if _word(model.LETHAL_QUESTION).search(sentence.plain) and (
            purpose or distress or preparation or _own_means(sentence.plain, whole)
        ):
            analysis.add(EmergencyKind.SUICIDAL, "suicidal.lethal_amount_with_intent")
            return
    if preparation and (distress or analysis.has_substance(whole)):
        analysis.add(EmergencyKind.SUICIDAL, "suicidal.preparation")
    elif distress and _word(model.FUTURE_ABSENCE).search(whole):
        analysis.add(EmergencyKind.SUICIDAL, "suicidal.despair_and_absence")


def _own_means(sentence: str, whole: str) -> bool:
    """A lethal amount asked of one's own medicine, with nobody else in the message (C-SSRS: method)."""
    others = model.CHILD + "|" + model.PET + "|" + model.OTHER_PERSON.replace("|someone|somebody", "")
    return bool(
        _word(model.LETHAL_WORD).search(sentence)
        and _word(model.MY_MEANS).search(sentence)
        and not _word(others).search(whole)
    )


def _signs(analysis: _Analysis, *, events: Sequence[_Ingestion]) -> None:
    """Danger signs reported now: alone, or with a cause (a medicine, an ingestion, another sign, severity)."""
    reported: list[Sign] = []
    pet_only = analysis.pet_only()
    for sentence in analysis.sentences:
        if sentence.question and not (sentence.personal or sentence.now):
            continue
        if not _any_sign().search(sentence.text):
            continue
        matches = [(sign, m) for sign, pattern in _sign_patterns() for m in pattern.finditer(sentence.text)]
        spans = [m.span() for _, m in matches]
        for sign, match in matches:
            if sign in reported or _negated(sentence.text, match.start(), spans):
                continue
            # "The swelling went down", "my chest pain from last week is gone now": over.
            clause = (_clause_start(sentence.text, match.start()), _clause_end(sentence.text, match.end()))
            if sign.unless and _re(sign.unless).search(
                analysis.text if sign.unless_in_message else sentence.text[clause[0] : clause[1]]
            ):
                continue  # "lips peeling from the cold"
            if sign.strength is Strength.WITH_CAUSE and _expected(sentence.text, match, clause):
                continue  # "wheezing a bit from my cold"
            if pet_only and _about_the_pet(sentence.text[clause[0] : clause[1]]):
                continue  # "the dog ate my gabapentin and is wobbly" (PET_POISON)
            after = sentence.text[match.end() : clause[1]]
            resolved = _re(r"^((?: [\w']+){0,4}?) " + model.RESOLVED_AFTER + r"\b").match(after)
            # ...unless it "won't go away".
            if resolved and not _word(model.NEGATION).search(" ".join(resolved.group(1).split()[-2:])):
                continue

            reported.append(sign)
    groups = {sign.group or sign.name for sign in reported}
    severity = any(_word(model.SEVERITY).search(s.text) for s in analysis.sentences)
    anticoagulant = any(_word(model.ANTICOAGULANT).search(s.plain) for s in analysis.sentences)
    toxicity_groups = {sign.group for sign in reported if sign.kind is EmergencyKind.TOXICITY and sign.group}
    toxicity_groups |= groups & {"mental", "faint"}
    for sign in reported:
        rule = f"{sign.kind.value}.{sign.name}"
        others = groups - {sign.group or sign.name}
        if sign.strength is Strength.ALONE:
            analysis.add(sign.kind, rule)
        elif sign.kind is EmergencyKind.TOXICITY:
            continue  # counted as a cluster below
        elif sign.name == "head_injury":
            if anticoagulant or others & {"mental", "gut", "faint"}:
                analysis.add(sign.kind, rule)
        elif sign.name in ("hives", "heart_rhythm", "near_fainting", "mucosal_sores", "spreading_rash"):
            if others or severity:
                analysis.add(sign.kind, rule)
        elif others or severity or (_context(analysis, events) and not _side_effect_report(analysis, events)):
            analysis.add(sign.kind, rule)
    # A fever with vomiting (and the sweats a fever brings) is any infection: a toxic syndrome has a sign of its own
    # (clonus, rigidity, confusion, ataxia, coloured vision, jaundice; sweating without a fever). (HUNTER, labels)
    specific = toxicity_groups - model.INFECTION_GROUPS - ({"sweating"} if "fever" in toxicity_groups else set())
    if specific and (len(toxicity_groups) >= 3 or (len(toxicity_groups) >= 2 and _context(analysis, events))):
        analysis.add(EmergencyKind.TOXICITY, "toxicity.cluster")
    for group, medicine, _source in model.TOXIC_SIGN_OF:
        if group in toxicity_groups and _word(medicine).search(analysis.text):
            analysis.add(EmergencyKind.TOXICITY, f"toxicity.{group}_sign_of_{medicine.strip('(?:)').split('|')[0]}")


def _side_effect_report(analysis: _Analysis, events: Sequence[_Ingestion]) -> bool:
    """A medicine blamed for how one feels on it ("geodon is making me really sleepy, is that from the med?"): a
    side effect to ask about, when nothing was taken beyond its use; a sign that needs a cause needs more then."""
    if any(e.large or e.poison or e.beyond_use or e.wrong_person for e in events):
        return False
    if any(_word(model.OPIOID).search(s.plain) for s in analysis.sentences):
        return False  # LABEL_OPIOID
    return any(_word(model.SIDE_EFFECT_FRAME).search(s.plain) for s in analysis.sentences)


def _expected(text: str, match: re.Match[str], clause: tuple[int, int]) -> bool:
    """Whether a sign that needs a cause is mild or has a harmless one ("a bit dizzy after my run")."""
    near = text[max(clause[0], match.start() - 25) : min(clause[1], match.end() + 25)]
    return bool(_word(model.MILD).search(near) or _word(model.BENIGN_CAUSE).search(text))


def _about_the_pet(clause: str) -> bool:
    """Whether a clause of a message about a pet speaks of the pet rather than the writer."""
    return bool(_word(model.PET + r"|he|she|it|they|he's|she's|it's|they're").search(clause)) and not _word(
        r"i|i'm|i've|i'd|me|myself"
    ).search(clause)


def _context(analysis: _Analysis, events: Sequence[_Ingestion]) -> bool:
    """A cause for a danger sign: an intake, or a medicine told of (a past or conditional mention counts); in a
    question only a medicine someone is on ("can I give her tylenol?" asks about one not yet taken)."""
    if events:
        return True
    if analysis._context is None:
        analysis._context = any(analysis.has_substance(_past_and_present_use(s)) for s in analysis.sentences)
    return analysis._context


def _past_and_present_use(sentence: _Sentence) -> str:
    """The sentence without the medicines a question asks about giving or taking from now on."""
    text = sentence.plain
    if sentence.question:
        for match in list(_word(model.FUTURE_USE).finditer(text)):
            end = _clause_end(text, match.end())
            # "Should I use my inhaler again?", "can I give him more?": a medicine already in use.
            if not _word(r"my|his|her|their|another|more|again|extra|second|same").search(text, match.end(), end):
                text = _blank(text, match.start(), end)
    return text


def _present(analysis: _Analysis, source: str) -> bool:
    """Whether SOURCE is said, not negated, in what the message reports (questions about a topic aside)."""
    return any(
        not _negated(sentence.text, match.start())
        for sentence in analysis.sentences
        if not (sentence.question and not sentence.personal)
        for match in _word(source).finditer(sentence.text)
    )


def _child_exposure(analysis: _Analysis, events: Sequence[_Ingestion]) -> bool:
    for event in events:
        if event.subject == "teen":
            # A teenager: an amount, a poison, or a medicine not theirs (POISON_HELP); "took 2 benadryl" is a dose.
            if event.large or event.poison or (event.someone_elses and (event.substance or event.anaphoric)):
                return True
            continue
        if event.subject != "child":
            continue
        substance = event.substance or (event.anaphoric and analysis.substance_named())
        accidental = bool(_re(model.ACCIDENTAL_VERB).fullmatch(event.verb)) and substance
        risky = event.large or event.high_risk or event.poison or (event.not_theirs and substance)
        if (accidental or risky) and not (event.own_dose and not event.large and not event.poison):
            return True
    # "Found my toddler with the open bottle", "my son found my pills... 5 are missing": a possible ingestion, which
    # Poison Help assesses.
    child = any(_word(model.CHILD).search(s.text) for s in analysis.sentences)
    return (
        child
        and any(_word(model.CHILD_FOUND).search(s.text) for s in analysis.sentences)
        and analysis.substance_named()
    )


def _compose(analysis: _Analysis) -> None:
    events = [
        e
        for e in _ingestions(analysis)
        if not (analysis.sentences[e.sentence].question and not analysis.sentences[e.sentence].personal)
        and e.subject != "pet"  # a veterinarian's case, not a human emergency (PET_POISON)
    ]

    for sentence in analysis.sentences:
        if sentence.question and not sentence.personal:
            continue
        for match in _word(model.OVERDOSED).finditer(sentence.text):
            # "OD'd on netflix", "overdosed on caffeine": a figure of speech unless what follows is a drug.
            target = _re(
                r" on (?:my |his |her |some |the )?((?:[\w']+'s |dads? |moms? |mums? )?[\w']+(?: [\w']+)?)"
            ).match(sentence.text, match.end())
            if target:
                named = target.group(1)
                food = _word(model.FOOD_LIKE).match(named) and not _word(r"pills?|tablets?|caps|capsules").search(named)
                if food or not (analysis.has_substance(named) or _word(model.UNKNOWN_SUBSTANCE).match(named)):
                    continue
            if not _negated(sentence.text, match.start()):
                analysis.add(EmergencyKind.OVERDOSE, "overdose.overdosed")

    _intent(analysis)
    if _child_exposure(analysis, events):
        analysis.add(EmergencyKind.CHILD_INGESTION, "child_ingestion.exposure")
    # An adult who took another person's high-risk medicine by mistake: a medicine taken by the wrong person
    # (POISON_HELP), and for an opioid or sedative one tablet can be too many for someone not used to it (ONE_PILL).
    # "My husband took my oxycodone by mistake": the writer's medicine, someone else took it.
    if any(
        e.high_risk
        and e.subject not in ("child", "teen")
        and (e.wrong_person or (e.subject == "other" and e.mistaken and _word(r"my|our").search(e.window)))
        for e in events
    ):
        analysis.add(EmergencyKind.OVERDOSE, "overdose.wrong_person_high_risk")
    if any(e.large and e.subject != "child" for e in events):
        analysis.add(EmergencyKind.OVERDOSE, "overdose.large_amount")
    if any(e.toxic_product for e in events):
        analysis.add(EmergencyKind.OVERDOSE, "overdose.toxic_product")
    if any(_word(model.FOUND_WITH_EMPTY).search(s.text) for s in analysis.sentences if not s.question):
        analysis.add(EmergencyKind.OVERDOSE, "overdose.found_with_empty_containers")
    # More than a dose of a sedative, with alcohol, and sedation setting in. (LABEL_CNS_DEPRESSANTS)
    if (
        any(e.sedative and (e.several or e.large or e.beyond_use) and e.subject != "child" for e in events)
        and _present(analysis, model.ALCOHOL)
        and _present(analysis, model.SEDATION)
    ):
        analysis.add(EmergencyKind.OVERDOSE, "overdose.sedatives_with_alcohol")

    _signs(analysis, events=events)
    if _hypertensive_crisis(analysis):
        analysis.add(EmergencyKind.HYPERTENSIVE_CRISIS, "hypertensive_crisis.reading_with_symptoms")
    # An ingestion beyond use with danger signs is a poisoning too: Poison Help can guide the responders.
    poisoning_signs = {
        EmergencyKind.UNRESPONSIVE,
        EmergencyKind.BREATHING,
        EmergencyKind.SEIZURE,
        EmergencyKind.TOXICITY,
    }
    if any(f.kind in poisoning_signs for f in analysis.found) and any(
        e.large or e.poison or (e.substance and e.beyond_use) for e in events
    ):
        analysis.add(EmergencyKind.OVERDOSE, "overdose.ingestion_with_danger_signs")


def _hypertensive_crisis(analysis: _Analysis) -> bool:
    """A reported reading in the crisis range with a symptom of organ damage (AHA_BP); in pregnancy or after birth
    the severe range starts lower (ACOG_PREECLAMPSIA). A high reading alone is a call to the doctor, not 911."""
    # Pregnancy and a recent birth are context, told in the past as often as not ("had my baby last week").
    pregnant = bool(_word(model.PREGNANCY).search(analysis.text)) and not _word(
        r"(?:not|never been) (?:pregnant|expecting)"
    ).search(analysis.text)
    systolic_limit = model.PREGNANCY_SEVERE_SYSTOLIC if pregnant else model.CRISIS_SYSTOLIC
    diastolic_limit = model.PREGNANCY_SEVERE_DIASTOLIC if pregnant else model.CRISIS_DIASTOLIC
    for sentence in analysis.sentences:
        if sentence.question and not sentence.personal:
            continue  # "is 180/120 dangerous?"
        for match in _word(model.BP_READING).finditer(sentence.text):
            systolic, diastolic = int(match.group(1)), int(match.group(2))
            if systolic <= diastolic:
                continue  # not a systolic/diastolic pair
            if systolic >= systolic_limit or diastolic >= diastolic_limit:
                return _present(analysis, model.PRESSURE_SYMPTOM)
    return False


def warm() -> None:
    """Compile every rule now: start-up runs this off the event loop, so the first message pays nothing."""
    for name, value in vars(model).items():
        if name.isupper() and not name.startswith("_") and isinstance(value, str):
            _word(value)
    _sign_patterns()
    _any_sign()
    detect_emergency("Warming up: my son may have swallowed 20 of my pills, he can't wake and isn't breathing.")


def detect_emergency(text: str, *, names: NameFinder | None = None) -> Emergency | None:
    """The emergency a message reports happening now, or None for questions, hypotheticals and past events.

    NAMES (the drug catalog) recognises drug names the shipped lexicon lacks, misspellings included.
    """
    normalized = _canonical(text)
    analysis = _Analysis(text=normalized, names=names)
    analysis.sentences = _prepare_sentences(normalized)
    _compose(analysis)
    if not analysis.found:
        return None
    order = list(EmergencyKind)
    found = sorted(analysis.found, key=lambda f: order.index(f.kind))
    return Emergency(kind=found[0].kind, kinds=tuple(f.kind for f in found), rule=found[0].rule)


# --- the reply ---------------------------------------------------------------------------------------------------

_HELP_OF = {category.kind: category.help for category in model.CATEGORIES}
_POISONING = frozenset({EmergencyKind.OVERDOSE, EmergencyKind.CHILD_INGESTION, EmergencyKind.TOXICITY})


def emergency_reply(emergency: Emergency) -> str:
    """Routing-only reply: the line each kind of emergency needs, the most urgent first; no medicine advice.

    911 for breathing, the heart, stroke, bleeding, seizures, anaphylaxis, severe skin reactions and anyone
    unresponsive; 988 for suicidal thoughts; Poison Help (1-800-222-1222) for an overdose or a poisoning, with 911
    when the person is hard to wake, struggling to breathe or seizing (POISON_HELP), and 911 first when an overdose
    comes with suicidal intent.
    """
    kinds = set(emergency.kinds)
    suicidal = EmergencyKind.SUICIDAL in kinds
    poisoning = bool(kinds & _POISONING)
    call_911 = any(_HELP_OF[kind][0] is Help.EMERGENCY for kind in kinds) or (suicidal and poisoning)
    lines = ["This sounds like an emergency. Please get help right now."]
    if call_911:
        lines.append("- Call 911 (or your local emergency number) now.")
    if suicidal:
        lines.append("- Call or text 988 (Suicide & Crisis Lifeline, US) to talk to someone now. You are not alone.")
        if not call_911:
            lines.append(
                "- If you might act on these thoughts, or have already taken something, call 911 "
                "(or your local emergency number) now."
            )
    if poisoning:
        lines.append("- For a poisoning or overdose, call Poison Help: 1-800-222-1222 (US, free, 24/7).")
        if not call_911:
            lines.append(
                "- Call 911 (or your local emergency number) instead if the person is hard to wake, "
                "has trouble breathing or has a seizure."
            )
        lines.append(
            "- Keep the medicine or product containers to show the responders; if you are helping someone, stay "
            "with them."
        )
    elif suicidal:
        lines.append("- If this is about someone else, stay with them and keep medicines and weapons away from them.")
    else:
        lines.append(
            "- If you are helping someone, stay with them and follow the directions of the people on the line."
        )
    lines.append("I can't give medicine advice for an emergency; the people on these lines can help right away.")
    return "\n".join(lines)
