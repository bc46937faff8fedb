"""Emergency red flags, detected in code before any retrieval or model call; the reply is routing only."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Emergency", "EmergencyKind", "detect_emergency", "emergency_reply"]

# Hand-written rules on purpose: the check must be deterministic, instant and reviewable, and it runs
# before anything else, so it cannot depend on a model.


class EmergencyKind(StrEnum):
    """What kind of emergency a message describes; the order is the routing priority."""

    SUICIDAL = "suicidal"
    CHILD_INGESTION = "child_ingestion"
    OVERDOSE = "overdose"
    UNRESPONSIVE = "unresponsive"
    BREATHING = "breathing"
    ANAPHYLAXIS = "anaphylaxis"
    SEIZURE = "seizure"
    CHEST_PAIN = "chest_pain"


@dataclass(frozen=True, slots=True)
class Emergency:
    """A detected emergency: the primary kind, every kind found (by priority) and the rule that fired first."""

    kind: EmergencyKind
    kinds: tuple[EmergencyKind, ...]
    rule: str


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.VERBOSE)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    kind: EmergencyKind
    source: str

    @property
    def pattern(self) -> re.Pattern[str]:
        # Compiled on first use, once: compiling every rule at import cost a cold start ~30 ms.
        return _compiled(self.source)


def _rule(kind: EmergencyKind, name: str, *parts: str) -> _Rule:
    # Parts are concatenated: a part that starts a new alternative begins with "|".
    return _Rule(f"{kind.value}.{name}", kind, "".join(parts))


_CHILD = r"""(?:son|daughter|kid|kids|child|children|toddler|baby|infant|boy|girl|grandson|granddaughter|grandchild
    |grandkid|nephew|niece|little\ one|teen|teenager|\d+\s*(?:yo|y/o|yrs?)
    |\d+\s*-?\s*(?:year|yr|month|mo)s?\s*-?\s*old)"""
_NUMBER_WORDS = r"(?:eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\ hundred|dozens?|hundreds)"
# "ate" or "had" 10 of something is only an overdose when it is pills, so those verbs are not here.
_TOOK = r"(?:took|taken|swallowed|popped|downed|injected|chewed|overdosed\ on|od'?d\ on)"
# Quantities that are an overdose by themselves (a count of 8+ units, a whole container, "too many").
_BIG_AMOUNT = rf"""(?:(?:like|about|around|maybe|almost|over|nearly|at\ least|more\ than)\s+)?
    (?:(?:[89]|\d{{2,}}|{_NUMBER_WORDS})\s+(?!mg|mcg|g\b|grams?|ml|milligrams?|micrograms?|units?|iu|hours?|hrs?|minutes?|mins?
        |days?|weeks?|months?|years?|percent|%)
    |a\ (?:whole\ )?bunch|a\ handful|handfuls|a\ lot\ of|lots\ of|t(?:o|oo)\ many|way\ too\ much
    |all\ (?:of\ )?(?:my|his|her|their|the)\ (?:\w+\ )?\w+\s+(?:at\ once|in\ the\ bottle|left|together)
    |the\ (?:whole|entire|rest\ of\ the)\ (?:bottle|pack|packet|box|container|blister)
    |an?\ (?:whole|entire|full)\ (?:bottle|pack|box)
    |a\ bottle|(?:\d+|two|three|four|several)\ (?:bottles|packs|boxes|packets|blister\ packs)
    |(?:a|an|his|her|my|the|their)\ (?:whole\ |full\ |entire\ )?(?:week|month)(?:'s)?\ (?:worth\ )?of
    |(?:[3-9]|\d{{2,}}|three|four|five|ten|twenty)\s+times)"""
# What a child got into that was not theirs, or any amount of it.
_NOT_THEIRS = r"""(?:my|mom'?s|mommy'?s|dad'?s|daddy'?s|grandma'?s|grandpa'?s|granny'?s|nana'?s|someone'?s|\w+'s|our
    |your
    |some|several|a\ few|a\ bunch|a\ handful|all|the\ whole|an?\ (?:entire|whole)|\d+|two|three|four|five|a\ bottle
    |(?:a|an|one|the)\ (?:\w+\ )?(?:pills?|tablets?|capsules?|patch|gummy|gummies|button\ batter))"""

RULES: tuple[_Rule, ...] = (
    # --- Suicidal intent: wanting to die, to hurt oneself, or to take everything on purpose (route to 988 and 911).
    _rule(EmergencyKind.SUICIDAL, "self_harm", r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting)\s+myself\b"),
    _rule(
        EmergencyKind.SUICIDAL,
        "end_life",
        r"\b(?:end|ending|take|taking)\s+my\s+(?:own\s+)?life\b",
        r"|\bend(?:ing)?\s+it\s+all\b|\bcommit(?:ting)?\s+suicide\b",
        r"|\bsuicide\s+(?:attempt|plan|note)\b|\b(?:attempt|attempted|attempting)\s+suicide\b",
    ),
    _rule(
        EmergencyKind.SUICIDAL,
        "suicidal_now",
        r"\b(?:i'?m|i\ am|im|i\ feel|i'?ve\ been|feeling|feel)\s+(?:so\s+",
        r"|really\s+|very\s+|kind\ of\s+|kinda\s+)?suicidal\b",
        r"|\b(?:i|i'?ve|i\ have|i'?m|i\ am|im)\s+(?:been\s+)?(?:having|getting|thinking|had)\s+(?:\w+\s+)?",
        r"(?:suicidal\s+(?:thoughts|ideas|feelings)|thoughts\s+(?:of",
        r"|about)\s+(?:suicide|killing\ myself|dying|ending))",
    ),
    _rule(
        EmergencyKind.SUICIDAL,
        "wish_to_die",
        r"\b(?:i|i\ just|i\ really)\s+(?:want|wanna|wish",
        r"|need)\s+(?:to\s+)?(?:die|be\s+dead|not\s+wake\s+up|not\s+exist)\b",
        r"|\b(?:don'?t|do\ not|dont)\s+want\s+to\s+(?:live|be\s+alive|exist|be\s+here|wake\s+up)\b",
        r"|\bi\s+wish\s+i\s+(?:was|were)\s+dead\b|\bbetter\s+off\s+dead\b",
        r"|\bno\s+(?:reason|point)\s+(?:to|in)\s+living\b",
        r"|\bno\s+reason\s+to\s+live\b|\bcan'?t\s+go\s+on\s+(?:living|anymore|like\ this)\b",
    ),
    _rule(
        EmergencyKind.SUICIDAL,
        "intent_to_overdose",
        r"\b(?:going\s+to|gonna|want\s+to|wanna|plan(?:ning)?\s+to|about\s+to|thinking\s+(?:of|about)|think\s+about",
        r"|considering|trying\s+to|will)\s+(?:\w+\s+){0,2}?(?:take",
        r"|taking|swallow|swallowing|overdose|overdosing|od)\s+",
        r"(?:all|every|the\ whole|a\ whole|the\ entire|an\ entire|a\ bunch|a\ handful|enough|them\ all|\d{2,})\b",
        r"|\boverdos\w*\s+on\s+purpose\b|\bwould\s+it\s+take\s+to\s+(?:die|kill|end|not\s+wake)\b",
        r"|\b(?:how\s+many|how\s+much|what\s+amount)\b.{0,40}\bto\s+(?:kill\s+(?:me|myself)|die|end\s+my\s+life)\b",
        r"|\b(?:plan|planning|going\s+to|gonna|about\s+to|want\s+to|wanna|trying\s+to)\s+(?:to\s+)?(?:overdose|od)\b",
    ),
    # --- A child got into medicine: any amount of something not theirs (route to Poison Help and 911).
    _rule(
        EmergencyKind.CHILD_INGESTION,
        "child_swallowed",
        rf"\b{_CHILD}\b.{{0,40}}?\b(?:just\s+|may\s+have\s+|might\s+have\s+|has\s+|have\s+|must\s+have\s+)?",
        r"(?:swallowed|ate|eaten|got\s+into|gotten\s+into|chewed|chewed\s+on|ingested|drank|licked|sucked\s+on)\s+",
        rf"(?:(?:some|part|half|one|two|three|a\ few|several)\s+of\s+)?(?:\w+\s+)?{_NOT_THEIRS}",
    ),
    _rule(
        EmergencyKind.CHILD_INGESTION,
        "child_by_mistake",
        rf"\b{_CHILD}\b.{{0,40}}?\b(?:accidentally\s+(?:took|swallowed|ate|drank)",
        r"|(?:took|swallowed|ate|drank)\b.{0,40}\bby\s+(?:mistake|accident))",
    ),
    _rule(
        EmergencyKind.CHILD_INGESTION, "child_big_amount", rf"\b{_CHILD}\b(?:\s+\w+){{0,3}}?\s+{_TOOK}\s+{_BIG_AMOUNT}"
    ),
    _rule(
        EmergencyKind.CHILD_INGESTION,
        "child_found_with",
        rf"\bfound\s+(?:my|our|the)\s+(?:\w+\s+)?{_CHILD}\b.{{0,40}}\b(?:pills?|tablets?|medicine|meds|bottle|patch)",
        rf"|\b{_CHILD}\b.{{0,30}}\b(?:into|opened)\s+(?:my|the|a|his|her|grandma'?s|\w+'s)\s+(?:\w+\s+)?",
        r"(?:pills?|medicine|meds|bottle|pill\s+bottle|medicine\s+cabinet)",
    ),
    # --- Overdose happening now: overdosed, or a large amount taken (route to Poison Help and 911).
    _rule(
        EmergencyKind.OVERDOSE,
        "overdosed",
        r"\b(?:overdosed|overdosing|od'?d|od'?ed|o\.d\.'?d)\b|\b(?:i|he|she|they)\s+(?:just\s+|think\s+i\s+)?od\b",
        r"|\b(?:took|taken|had|taking)\s+an\s+overdose\b|\b(?:is|i'?m|he'?s|she'?s|am)\s+(?:having\s+an\s+)?overdos",
    ),
    _rule(EmergencyKind.OVERDOSE, "big_amount", rf"\b{_TOOK}\s+(?:\w+\s+)?{_BIG_AMOUNT}"),
    _rule(
        EmergencyKind.OVERDOSE,
        "times_the_dose",
        r"\b(?:[3-9]|\d{2,}|three|four|five|ten|twenty)\s+times\s+(?:my|his|her|their|the|the\s+normal|the\s+usual)\s+",
        r"(?:\w+\s+)?(?:dose|dosage|amount|pills?)",
    ),
    # --- Someone unresponsive, unconscious or unrousable (route to 911).
    _rule(
        EmergencyKind.UNRESPONSIVE,
        "unresponsive",
        r"\bunresponsive\b|\b(?:won'?t|will\ not|wont|isn'?t",
        r"|is\ not|not)\s+(?:wake|waking)\s+up\b|\bnot\s+responding\b",
        r"|\b(?:can'?t|cannot|can\ not|cant|couldn'?t)\s+(?:wake|rouse)\s+(?:him|her|them|my|up)\b",
        r"|\b(?:can'?t|cannot|cant)\s+stay\s+awake\b|\b(?:he|she",
        r"|they|my\ \w+|someone|friend)(?:'s|'re|\s+is|\s+are|\s+has|\s+have)?\s+(?:just\s+)?",
        r"(?:passed\s+out|collapsed|unconscious|blacked\s+out|out\s+cold|barely\s+conscious)",
    ),
    # --- Trouble breathing now, or breathing slow, stopped or blue (route to 911).
    _rule(
        EmergencyKind.BREATHING,
        "cannot_breathe",
        r"\b(?:can'?t|cannot|can\ not|cant|couldn'?t|unable\s+to",
        r"|struggling\s+to|hard\s+to|trouble|difficulty|hard\s+time)",
        r"\s+(?:breathe|breath|breathing|catch\s+(?:my|his|her|their)\s+breath|get\s+(?:enough\s+)?air)\b",
    ),
    _rule(
        EmergencyKind.BREATHING,
        "breathing_stopped",
        r"\b(?:not|isn'?t|is\ not|stopped|stops|barely|hardly)\s+breathing\b",
        r"|\bbreathing\s+(?:is\s+|has\s+|seems\s+|got\s+)?(?:really\s+",
        r"|very\s+|so\s+)?(?:slow|shallow|labou?red|weird|irregular",
        r"|stopped|raspy|gurgling)\b",
        r"|\b(?:gasping|choking)\s+for\s+air\b|\b(?:lips|face",
        r"|skin)\s+(?:is\s+|are\s+)?(?:turning\s+)?blue\b|\bturning\s+blue\b",
        r"|\b(?:i'?m|i\ am|he'?s|she'?s|is)\s+(?:very\s+|really\s+|so\s+|extremely\s+)?short\s+of\s+breath\b",
        r"|\bsevere\s+shortness\s+of\s+breath\b",
    ),
    # --- Anaphylaxis: throat, tongue or face swelling, or a severe reaction now (route to 911).
    _rule(
        EmergencyKind.ANAPHYLAXIS,
        "airway_swelling",
        r"\b(?:throat|airway)\s+(?:is\s+|feels\s+|keeps\s+|started\s+",
        r"|starting\s+)?(?:closing|closed|swelling|swollen|tight",
        r"|tightening|getting\s+tight|closing\s+up)\b",
        r"|\b(?:tongue|lips?|face|mouth|eyes?|eyelids)\s+(?:is\s+|are\s+|keeps?\s+|started\s+|starting\s+)?",
        r"(?:swelling|swollen|swelled|puffing|puffed|blowing)\b",
        r"|\bswelling\s+(?:of|in)\s+(?:my|his|her|the)\s+(?:face|lips?|tongue|throat|mouth)\b",
    ),
    _rule(
        EmergencyKind.ANAPHYLAXIS,
        "anaphylaxis_now",
        r"\b(?:having|going\s+into|in|is\s+in|i'?m\s+in)\s+(?:an?\s+)?anaphyla\w*",
        r"|\banaphylactic\s+(?:shock|reaction)\b(?=.{0,40}\b(?:now|right|help|after|from)\b)",
        r"|\b(?:used|using|need|needs|gave\s+(?:him|her|them))\s+(?:an?\s+|my\s+|his\s+|her\s+)?epi-?pen\b",
        r"|\b(?:having|is\s+having|had)\s+an?\s+(?:severe|bad|serious)\s+allergic\s+reaction\b",
        r"|\bhives\b.{0,60}\b(?:can'?t\s+breathe|wheez\w*|swelling|swollen|throat)\b",
    ),
    # --- Seizure happening now (route to 911).
    _rule(
        EmergencyKind.SEIZURE,
        "seizing",
        r"\b(?:having|had|has)\s+(?:an?\s+|another\s+)?(?:seizure|seizures|fit|convulsions?)\b|\bseiz(?:ing|ed)\b",
        r"|\bconvuls\w*|\bshaking\s+(?:on\s+the\s+floor|uncontrollably|all\s+over|and\s+(?:won'?t|not)\s+respond)",
        r"|\b(?:is|are)\s+jerking\b",
    ),
    # --- Chest pain or a heart attack now (route to 911).
    _rule(
        EmergencyKind.CHEST_PAIN,
        "chest_pain",
        r"\bchest\s+(?:pain|pains|pressure|tightness|is\s+(?:tight",
        r"|hurting|heavy)|hurts|feels\s+(?:tight|heavy|crushed))\b",
        r"|\b(?:crushing|sharp|severe|bad)\s+(?:pain|pressure)\s+in\s+(?:my|his|her)\s+chest\b",
        r"|\bpain\s+in\s+(?:my|his|her)\s+chest\b|\b(?:my|his|her)\s+chest\s+(?:hurts|is\s+hurting|feels)\b",
        r"|\b(?:having|is\s+having|i'?m\s+having|think\s+i'?m\s+having)\s+a\s+heart\s+attack\b",
    ),
)

# A medicine was taken too much ("double", "an extra dose") AND something alarming is happening.
_EXTRA_DOSE = re.compile(
    r"\b(?:took|taken|had|gave|given|swallowed"
    r"|injected)\s+(?:\w+\s+){0,2}?(?:double|twice|too\s+much|an?\s+extra|two\s+doses"
    r"|another\s+dose|2x|3x)\b|\bdouble\s+(?:dose|dosed)\b"
)
_ALARMING = re.compile(
    r"\b(?:vomiting|throwing\s+up|coughing\s+up)\s+blood\b|\bblack\s+(?:stool"
    r"|poop)\b|\bbleeding\s+(?:a\s+lot|heavily|won'?t\s+stop)"
    r"|\bconfused\b|\bhallucinat\w*|\bcan'?t\s+(?:stay\s+awake|wake"
    r"|walk|talk)\b|\bfaint\w*|\bpassed\s+out\b|\bvery\s+drowsy"
    r"|\bheart\s+(?:is\s+)?racing\b|\bblood\s+sugar\s+(?:is\s+)?(?:very\s+)?(?:low|\d{1,2}\b)|\bshaking\b|\bsweating\b"
)

# Sentence prefixes that ask for information rather than report an event ("can X cause seizures?").
_QUESTION_START = re.compile(
    r"^(?:what|which|can|could|does|do|did|is|are|was|were|why|how|when|should|would|will|may|might|who|where|whats"
    r"|what's|is\s+it|tell\s+me|explain|list)\b(?!')"
)
_INFO_CUE = re.compile(
    r"\b(?:side\s+effects?|symptoms?\s+of|signs?\s+of|warning\s+signs|cause|causes|risk\s+of|antidote|treatment\s+for"
    r"|lead\s+to|boxed\s+warning|label|max(?:imum)?\s+dose|how\s+much\s+is\s+too\s+much)\b"
)
# The writer or someone with them is in it now: keeps a question-shaped sentence from being dismissed.
_PRESENT_PERSON = re.compile(
    r"\b(?:i'?m|i\ am|im|i'?ve|i\ have|i\ just|i\ took|i\ think"
    r"|i\ can'?t|i\ cant|i\ feel|i\ want|he'?s|she'?s|he\ is|she\ is"
    r"|they'?re|he\ can'?t|she\ can'?t|he\ took|she\ took"
    r"|my\ (?:\w+\s+){1,3}(?:swallowed|ate|got\ into)|my\ \w+\s+(?:is"
    r"|are|has|just|won'?t|can'?t|isn'?t|took|swallowed|ate)"
    r"|right\ now|currently)\b"
)
# Conditional or hypothetical spans are cut out up to the next comma ("what happens if you take 20?").
# "What do I do if my son swallowed..." reports a real event in conditional form: it is kept.
_HYPOTHETICAL = re.compile(
    r"\b(?:if(?!\s+(?:my|our)\s+\w+(?:\s+\w+){0,2}\s+(?:just\s+)?(?:swallowed|took|ate|drank|got\s+into|overdosed))|whether|in\s+case|suppose|supposing|hypothetically|imagine|let'?s\s+say|say\s+someone|would\s+happen"
    r"|what\s+happens\s+when|when\s+someone|when\s+a\s+person|someone\s+who|a\s+person\s+who|people\s+who)\b[^,]*"
)
# Past events already over ("I had a seizure in 2019"): no emergency now.
_PAST = re.compile(
    r"\b(?:(?:\d+|a|one|two|few|several|many)\s+)?(?:years?|months?"
    r"|weeks?)\s+ago\b|\blast\s+(?:year|month|week|summer|winter)\b"
    r"|\bwhen\s+i\s+was\b|\bas\s+a\s+(?:kid|child|teen|teenager|baby)\b|\bin\s+(?:19|20)\d\d\b|\bin\s+the\s+past\b"
    r"|\bused\s+to\b|\bhistory\s+of\b|\bback\s+in\b|\ba\s+while\s+(?:back"
    r"|ago)\b|\bin\s+high\s+school\b|\bin\s+college\b"
)
_STILL_NOW = re.compile(r"\b(?:right\s+now|again|just\s+now|currently|still)\b")
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|without|don'?t|dont|didn'?t|didnt|isn'?t|wasn'?t|haven'?t|hasn'?t|won'?t)\b"
)
_SENTENCE_SPLIT = re.compile(r"[.!?;\n]+|\s+but\s+|\s+-\s+")
_MAX_CHARS = 2000  # chat messages are at most 500 characters; this bounds any other caller


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:_MAX_CHARS]).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return " ".join(text.split())


def _negated(sentence: str, start: int) -> bool:
    window = " ".join(sentence[:start].split()[-4:])
    return bool(_NEGATION.search(window))


def _sentences(text: str) -> list[tuple[str, bool]]:
    """Sentences that could report an event now (hypothetical spans removed), each with whether it only asks."""
    kept: list[tuple[str, bool]] = []
    for raw in _SENTENCE_SPLIT.split(text):
        sentence = _HYPOTHETICAL.sub(" ", raw).strip(" ,")
        if not sentence:
            continue
        if _PAST.search(sentence) and not _STILL_NOW.search(sentence):
            continue
        asks = bool(_QUESTION_START.match(sentence) or _INFO_CUE.search(sentence))
        kept.append((sentence, asks and not _PRESENT_PERSON.search(sentence)))
    return kept


def detect_emergency(text: str) -> Emergency | None:
    """The emergency a message reports happening now, or None for questions, hypotheticals and past events."""
    normalized = _normalize(text)
    hits: dict[EmergencyKind, str] = {}
    for sentence, only_asks in _sentences(normalized):
        for rule in RULES:
            # A question can still carry suicidal intent ("how many would it take to die"): those rules see it too.
            if rule.kind in hits or (only_asks and rule.kind is not EmergencyKind.SUICIDAL):
                continue
            for match in rule.pattern.finditer(sentence):
                if not _negated(sentence, match.start()):
                    hits[rule.kind] = rule.name
                    break
        if only_asks:
            continue
        if EmergencyKind.OVERDOSE not in hits and _EXTRA_DOSE.search(sentence) and _ALARMING.search(normalized):
            hits[EmergencyKind.OVERDOSE] = "overdose.extra_dose_with_symptoms"
    if not hits:
        return None
    kinds = tuple(kind for kind in EmergencyKind if kind in hits)
    return Emergency(kind=kinds[0], kinds=kinds, rule=hits[kinds[0]])


_POISONING = {EmergencyKind.OVERDOSE, EmergencyKind.CHILD_INGESTION, EmergencyKind.UNRESPONSIVE}


def emergency_reply(emergency: Emergency) -> str:
    """Routing-only reply: who to call now, no drug advice."""
    lines = ["This sounds like an emergency. Please get help right now."]
    if EmergencyKind.SUICIDAL in emergency.kinds:
        lines.append(
            "- If you might act on thoughts of ending your life, or have already taken something, call 911 "
            "(or your local emergency number) now."
        )
        lines.append("- Call or text 988 (Suicide & Crisis Lifeline, US) to talk to someone now. You are not alone.")
    else:
        lines.append("- Call 911 (or your local emergency number) now.")
    if _POISONING & set(emergency.kinds) or EmergencyKind.SUICIDAL in emergency.kinds:
        lines.append("- For a poisoning or overdose, Poison Help: 1-800-222-1222 (US, 24/7).")
    lines.append(
        "- Stay with the person, keep the medicine containers to show the responders, and follow their directions."
    )
    lines.append("I can't give medicine advice for an emergency; the people on these lines can help right away.")
    return "\n".join(lines)
