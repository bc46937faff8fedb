"""Requests to take a medicine other than as directed, read in code before any retrieval or model call.

Three kinds, written from the definitions of prescription misuse (SAMHSA, NSDUH: using a medicine "in any
way a doctor did not direct", in greater amounts, more often or longer; NIDA, *Misuse of Prescription
Drugs* research report: taking a medicine in a way or dose other than prescribed, or for the effect it
causes) and from the labels' own directions:

- `more`: more than prescribed: an extra, doubled or second dose, several instead of one, twice in one day,
  over the label's maximum, raising the dose on one's own. Sources: FDA opioid and benzodiazepine boxed
  warnings and Medication Guides ("take exactly as prescribed", "do not take more than prescribed");
  FDA OTC acetaminophen Drug Facts, liver warning (21 CFR 201.326).
- `sooner`: the next dose earlier than directed ("only been two hours", "every hour"). Sources: the same
  Medication Guides (dose and how often); the Drug Facts' "do not take more often than directed".
- `effect`: a medicine used for an effect it is not for: sleep, calm, energy, staying awake, weight loss.
  Sources: NIDA (taking a medicine for the feeling it causes); FDA thyroid-hormone boxed warning (not for
  obesity or weight loss); FDA stimulant labels (abuse and misuse; lisdexamfetamine "not indicated for
  weight loss"). A medicine's own use is not misuse: a sleep medicine for sleep, a benzodiazepine for
  anxiety; it is when taken in more than prescribed.

The classes named (ISMP *List of High-Alert Medications in Community/Ambulatory Care*, 2021: opioids,
benzodiazepines and other sedative-hypnotics, insulin and sulfonylureas, anticoagulants; DEA *Drugs of
Abuse*, 2020: stimulants; FDA acetaminophen liver warning) decide what the reply warns of, which label
sentences it quotes, and, for the sedating classes, the overdose signs it lists.

What is answered from the label as before: a missed dose ("I forgot, should I double up?": the label
says what to do), the maximum or usual dose, bedtime dosing, extra-strength products, questions about what
happens after too much, and a dose the prescriber set ("my doctor told me to take two"). A dose already
taken with danger signs is an emergency: that check runs first.

A request is matched on the case-folded text; a rule pairs an act (take, use, double) with what makes it
misuse, so words alone ("extra", "double", "sleep") never match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pharmabot.safety.harmful import compile_verbose, fold

__all__ = ["CLASSES", "KINDS", "DoseMisuse", "MisuseClass", "misuse_reply", "pick_label_sentence", "read_dose_misuse"]


@dataclass(frozen=True, slots=True)
class MisuseClass:
    """A class of medicine whose misuse the reply names: its names, its uses, its warning and label wording."""

    name: str
    source: str
    names: str  # a VERBOSE pattern of generic and brand names
    uses: frozenset[str]  # effects the class is taken for: asking for one of these is not misuse by itself
    danger: str  # what taking more than prescribed can do, in plain words
    label_wording: tuple[str, ...]  # label sentences to quote, most wanted first (VERBOSE patterns)
    overdose_signs: str = ""  # for the sedating classes: the signs to call for help


# The label sentences every class may quote, after its own: the labels' "exactly as prescribed" and
# "more than prescribed" directions, then their overdose sentences.
_AS_PRESCRIBED = (
    r"\bexactly\ as\ (?:prescribed|directed)\b|\bonly\ as\ (?:prescribed|directed)\b",
    r"""\b(?:do\ not|don'?t|never)\s+(?:take|use|give)\s+(?:\w+\s+){0,4}?more\b|\bmore\s+(?:\w+\s+){0,3}?(?:than
        |often\ than)
    \s+(?:prescribed|directed|recommended)\b|\bdo\ not\ (?:change|increase)\s+(?:your|the)\s+dose\b""",
    r"\boverdos\w*\b",
)
_SEDATION_SIGNS = (
    "Signs of an overdose include being very sleepy or hard to wake, slow or shallow breathing, confusion, "
    "small pupils, and blue or gray lips. If you see them, call 911 right away; for questions about a dose "
    "taken, call Poison Help at 1-800-222-1222."
)

CLASSES: tuple[MisuseClass, ...] = (
    MisuseClass(
        name="opioid",
        source="FDA opioid analgesic boxed warning and Medication Guides (REMS, 2023); ISMP high-alert list (2021)",
        names=r"""(?:opioids?|opiates?|oxycodone|oxycontin|oxy|roxicodone|percocet|percs?|endocet|hydrocodone|vicodin
            |norco|lortab|hysingla|zohydro|morphine|ms\ contin|kadian|codeine|tylenol\ (?:with\ codeine|\#?3|\#?4)
            |hydromorphone|dilaudid|oxymorphone|opana|tramadol|ultram|ultracet|tapentadol|nucynta|methadone
            |fentanyl|duragesic|buprenorphine|suboxone|butrans|belbuca|meperidine|demerol|pain\ pills?)""",
        uses=frozenset({"pain"}),
        danger=(
            "Taking more of an opioid than prescribed, taking it sooner, or taking it for sleep or to relax can "
            "slow or stop your breathing, and it can be fatal"
        ),
        label_wording=(r"\brespiratory\ depression\b", *_AS_PRESCRIBED),
        overdose_signs=_SEDATION_SIGNS,
    ),
    MisuseClass(
        name="benzodiazepine",
        source="FDA benzodiazepine boxed warning (2020: abuse, misuse and addiction) and Medication Guides",
        names=r"""(?:benzos?|benzodiazepines?|alprazolam|xanax|xans?|clonazepam|klonopin|lorazepam|ativan|diazepam
            |valium
            |chlordiazepoxide|librium|clorazepate|tranxene|temazepam|restoril|triazolam|halcion|oxazepam
            |estazolam|clobazam)""",
        uses=frozenset({"calm", "sleep"}),
        danger=(
            "Taking more of a benzodiazepine than prescribed, or taking it sooner, can cause dangerous sleepiness "
            "and slowed breathing (more so with alcohol or opioids), and raises the risk of dependence"
        ),
        label_wording=(r"\babuse\ and\ misuse\b|\bmisuse\b", *_AS_PRESCRIBED, r"\brespiratory\ depression\b"),
        overdose_signs=_SEDATION_SIGNS,
    ),
    MisuseClass(
        name="sedative_hypnotic",
        source="FDA insomnia-drug boxed warning (2019: complex sleep behaviors) and Medication Guides",
        names=r"""(?:zolpidem|ambien|edluar|intermezzo|eszopiclone|lunesta|zaleplon|sonata|suvorexant|belsomra
            |lemborexant|dayvigo|trazodone|desyrel|sleeping\ pills?|sleep\ aids?)""",
        uses=frozenset({"sleep", "calm"}),
        danger=(
            "Taking more of a sleep medicine than prescribed, or a second dose in the same night, can cause "
            "dangerous sleepiness, slowed breathing, and next-day impairment"
        ),
        label_wording=(
            r"\bcomplex\ sleep\ behaviou?rs?\b",
            r"\bsame\ night\b|\bmore\ than\ once\ (?:a|per|each)\ night\b",
            *_AS_PRESCRIBED,
        ),
        overdose_signs=_SEDATION_SIGNS,
    ),
    MisuseClass(
        name="stimulant",
        source="FDA CNS stimulant boxed warning (2023: abuse, misuse and addiction); DEA Drugs of Abuse (2020)",
        names=r"""(?:stimulants?|adderall|addys?|amphetamine|dextroamphetamine|dexedrine|zenzedi|evekeo|mydayis
            |lisdexamfetamine|vyvanse|methylphenidate|ritalin|concerta|metadate|daytrana|quillichew|jornay
            |dexmethylphenidate|focalin|methamphetamine|desoxyn|adhd\ (?:meds?|medicine|medication|pills?))""",
        uses=frozenset({"focus"}),
        danger=(
            "Taking more of a stimulant than prescribed, or taking it for energy, to stay awake or to lose "
            "weight, can cause a fast or irregular heartbeat, high blood pressure, and addiction; misuse has "
            "led to sudden death"
        ),
        label_wording=(
            r"\bnot\s+(?:indicated|approved|recommended)\s+(?:or\s+recommended\s+)?for\s+(?:the\s+treatment\s+of\s+)?"
            r"(?:obesity|weight\s+loss)\b",
            r"\babuse,?\s+misuse,?\s+and\s+addiction\b|\bmisuse\b",
            *_AS_PRESCRIBED,
        ),
    ),
    MisuseClass(
        name="glucose_lowering",
        source="ISMP high-alert list (2021: insulin, sulfonylureas); FDA insulin and sulfonylurea labels",
        names=r"""(?:insulins?|lantus|basaglar|toujeo|semglee|levemir|tresiba|humalog|admelog|lyumjev|novolog|fiasp
            |apidra|humulin|novolin|glipizide|glucotrol|glyburide|diabeta|glynase|micronase|glimepiride|amaryl)""",
        uses=frozenset(),
        danger=(
            "Taking more insulin or a sulfonylurea than prescribed can drop your blood sugar dangerously low "
            "(shaking, sweating, confusion, seizures, passing out)"
        ),
        label_wording=(r"\bhypoglyc(?:a)?emi\w*\b", *_AS_PRESCRIBED),
    ),
    MisuseClass(
        name="anticoagulant",
        source="ISMP high-alert list (2021: anticoagulants); FDA warfarin boxed warning (bleeding risk)",
        names=r"""(?:warfarin|coumadin|jantoven|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban
            |savaysa|blood\ thinners?)""",
        uses=frozenset(),
        danger=(
            "Taking more of a blood thinner than prescribed raises the risk of serious, even fatal, bleeding; "
            "the dose is set from your tests and only your prescriber should change it"
        ),
        label_wording=(r"\b(?:major|serious|fatal)\s+(?:or\s+fatal\s+)?bleeding\b|\bbleeding\b", *_AS_PRESCRIBED),
    ),
    MisuseClass(
        name="acetaminophen",
        source="FDA OTC acetaminophen Drug Facts, liver warning (21 CFR 201.326); FDA acetaminophen boxed warning",
        names=r"""(?:acetaminophen|paracetamol|apap|tylenol(?!\s+(?:pm|with\ codeine|\#?3|\#?4))|mapap|panadol)""",
        uses=frozenset({"pain"}),
        danger=(
            "Taking more acetaminophen than the label allows, or taking it more often, can cause severe liver "
            "damage, even without warning signs at first"
        ),
        label_wording=(
            r"\bliver\ (?:damage|injury|failure)\b|\bhepatotoxicity\b",
            r"\bdo\ not\ (?:take|use)\ more\ than\b|\bmore\ often\ than\ directed\b|\bexceed\b",
            *_AS_PRESCRIBED,
        ),
    ),
    MisuseClass(
        name="thyroid",
        source="FDA thyroid-hormone boxed warning (not for obesity or for weight loss)",
        names=r"(?:levothyroxine|synthroid|levoxyl|unithroid|euthyrox|tirosint|liothyronine|cytomel|armour\ thyroid)",
        uses=frozenset(),
        danger=(
            "Taking more thyroid hormone than prescribed, or taking it to lose weight, can cause serious or even "
            "life-threatening effects on the heart"
        ),
        label_wording=(r"\b(?:obesity|weight\ (?:loss|reduction))\b", *_AS_PRESCRIBED),
    ),
)
_BY_NAME = {cls.name: cls for cls in CLASSES}

# --- the request ------------------------------------------------------------------------------------------------

# The person asks to do it: "can I", "should I", "is it ok to", "thinking of", "I'm going to".
_ASKS = r"""(?:\b(?:can|could|should|may|shall)\s+(?:i|we|you|he|she|they|my\s+\w+)\b|\bis\s+it\s+(?:ok|okay|fine
    |safe|alright
    |all\ right|bad|dangerous|possible)\b|\bwould\s+(?:it|that)\s+(?:be\s+(?:ok|okay|fine|safe|bad)|help|hurt|work)\b
    |\b(?:would|will|does)\s+taking\b|\bi(?:'m|\ am)?\s+(?:going|gonna|planning|thinking|about)\b
        |\bthinking\s+(?:of|about)\b
    |\bi\s+(?:want|wanna|need|plan|might|will|'ll)\b|\bi'll\b|\bok\s+to\b|\bokay\s+to\b|\bif\s+i\b|\bjust\s+take\b
    |\bdo\s+i\s+(?:take|use|double)\b|\bany\ harm\b)"""
# Taking, using, injecting or doubling.
_ACT = r"(?:take|taking|use|using|inject|injecting|have|pop|popping|double|doubling|up|increase|bump|go)"

# Words for a dose or a unit of medicine.
_UNIT = r"""(?:doses?|pills?|tablets?|tabs?|capsules?|caps|shots?|units?|ones?|puffs?|patch(?:es)?|mgs?|half|halves
    |sprays?|drops?|injections?)"""
_NUMBER = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|a\ couple|a\ few|some|several|half\ a|another)"
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True, slots=True)
class MisuseKind:
    name: str
    source: str
    rules: tuple[str, ...]


KINDS: tuple[MisuseKind, ...] = (
    MisuseKind(
        name="more",
        source="SAMHSA NSDUH and NIDA definitions of misuse (greater amounts); FDA Medication Guides",
        rules=(
            # An extra, doubled, second or another dose; "double my X", "double up", "take it twice today".
            rf"""\b{_ACT}\s+(?:\w+\s+){{0,3}}?(?:an?\s+|some\s+|\d+\s+|two\s+|a\ couple\s+(?:of\s+)?|a\ few\s+)?extra\b
                (?![\s-]+strength)""",
            r"\bextra\s+(?:\w+\s+)?(?:doses?|pills?|tablets?|shots?|units?|ones?)\b",
            rf"""\b(?:double|doubling|triple|tripling)\s+(?:up\b|(?:my|the|your|his|her|a|it|this|that)\b|the\s+dose
                |dose\b|{_UNIT})|\b(?:take|taking|use|inject|have)\s+(?:\w+\s+){{0,2}}?(?:double
                    |twice\ (?:as\ much|the))\b""",
            r"""\b(?:take|taking|use|have|inject|pop)\s+(?:a\s+|my\s+|the\s+)?(?:second|2nd|third|another
                |one\ more)\s+(?:\w+\s+)?(?:if|when|because|since|to|so|after|tonight|today|this|than)\b""",
            r"""\b(?:take|taking|use|have|inject|pop)\s+(?:a\s+|my\s+|the\s+)?(?:second|2nd|third
                |another)\s+\w+\s+(?:if|when)\b""",
            # Twice in one day or night, as opposed to a twice-daily regimen.
            r"""\btwice\s+(?:today|tonight|this\s+(?:morning|afternoon|evening)|in\s+(?:one|a|the\s+same)\s+(?:day
                |night)
                |in\s+a\s+row|back\s+to\s+back)\b""",
            # More than prescribed, than the doctor said, than the label's maximum.
            r"""\bmore\s+(?:\w+\s+){0,4}?than\s+(?:(?:i'?m|i\ am|i\ was|it\ says|is)\s+)?(?:prescribed|directed
                |recommended
                |(?:my|the)\s+(?:doctor|dr|doc|prescriber|pharmacist|label|bottle|box)|(?:i'?m|i\ am)\s+supposed|allowed
                |the\s+(?:max|maximum|limit|label)|what\s+(?:the|my|is)|\d+|\w+\s+(?:a|per|in\s+a)\s+day
                |usual|normal|i\s+(?:usually|normally)\b)""",
            r"""\b(?:go|going|get|getting)\s+(?:over|above|past|beyond)\s+(?:the|my)\s+(?:\w+\s+)?(?:max|maximum
                |limit|dose)\b
                |\bexceed\w*\s+(?:the|my)\s+(?:\w+\s+)?(?:max|maximum|limit|dose)\b""",
            # Several instead of fewer ("3 instead of 1", "two of my X instead of one").
            rf"""\b(?P<more>{_NUMBER})\s+(?:\w+\s+){{0,6}}?instead\s+of\s+(?:the\s+|my\s+)?(?P<fewer>\d+|one|two
                |three|four|a|an)\b""",
            # Raising the dose on one's own.
            r"""\b(?:up|increase|raise|bump\s+up|bump)\s+(?:my|the)\s+(?:\w+\s+)?(?:dose|dosage)\s+(?:myself
                |on\s+my\s+own
                |without)|\b(?:up|increase|raise)\s+(?:my|the)\s+(?:\w+\s+)?(?:dose|dosage)\b(?=.*\b(?:myself
                    |on\s+my\s+own)\b)""",
            r"""\b(?:take|taking|use|using|inject)\s+(?:a\s+lot\s+|way\s+|a\s+bit\s+
                |a\s+little\s+)?more\s+(?:of\s+(?:my|the|it)\b)?""",
        ),
    ),
    MisuseKind(
        name="sooner",
        source="FDA Medication Guides (how much and how often); OTC Drug Facts ('more often than directed')",
        rules=(
            r"""\b(?:earlier|sooner)\s+than\s+(?:\w+\s+){0,3}?(?:scheduled|prescribed|directed|supposed|usual
                |normal|it\ says
                |the\ label|the\ bottle|i\ should|allowed|due|told|said|says|wants)\b""",
            r"\b(?:next|another|my)\s+(?:\w+\s+)?dose\s+(?:early|earlier|sooner)\b|\btake\s+(?:it|them|one)\s+early\b",
            r"""\b(?:it'?s|its|it\ has|it\ has\ only)\s+only\s+been\s+(?:\d+|an?|one|two|three)\s*(?:hours?|hrs?
                |minutes?|mins?)\b""",
            r"\bbefore\s+(?:it'?s|its|it\ is)\s+time\b|\bbefore\s+the\s+\d+\s+hours?\b|\bmore\s+often\s+than\b",
        ),
    ),
    MisuseKind(
        name="effect",
        source="NIDA, Misuse of Prescription Drugs (taking a medicine for the feeling it causes); FDA boxed warnings",
        rules=(),  # read by _effects_of: each effect is misuse only for a class not taken for it
    ),
)

# Effects people take medicines for that they are not for (NIDA's "for the feeling it causes"); the class's
# `uses` say when one is the medicine's own purpose.
_EFFECTS: dict[str, str] = {
    "sleep": r"""\b(?:to|for|so\s+(?:that\s+)?i(?:'ll|\s+can|\s+could
        |\s+will)?|help\s+me|help\s+(?:me\s+)?(?:to\s+)?)\s*(?:\w+\s+){0,3}?(?:sleep
        |fall\s+asleep|get\s+to\s+sleep
        |knock\s+(?:me\s+)?out|pass\s+out)\b|\bsleep\s+(?:aid|better)\b""",
    "calm": r"""\b(?:to|for|help\s+me|so\s+(?:that\s+)?i(?:'ll|\s+can|\s+could
        |\s+will)?)\s+(?:\w+\s+)?(?:calm\s+down|calm|relax|chill|unwind|de-?stress
        |take\s+the\s+edge
        \s+off|zone\s+out|numb\s+out|feel\s+(?:calm|relaxed|good|better|nothing|numb))\b|\b(?:feel|get)\s+calm\b""",
    "energy": r"""\b(?:to|for|so\s+(?:that\s+)?i(?:'ll|\s+can|\s+could
        |\s+will)?)\s+(?:\w+\s+)?(?:energy|more\s+energy|stay\s+(?:awake|up)
        |study\s+all\s+night|pull\s+an
        \s+all[\s-]nighter|party|get\s+through\s+(?:my|the|a)\s+(?:shift|night|day))\b|\bmore\s+energy\b""",
    "weight": r"""\b(?:to|for|so\s+(?:that\s+)?i(?:'ll|\s+can|\s+could
        |\s+will)?|help\s+me)\s+(?:\w+\s+)?(?:lose
        \s+(?:\w+\s+){0,3}?(?:weight|pounds|lbs|kilos|kg)
        |weight\s+loss|slim\s+down
        |drop\s+(?:\w+\s+)?
        (?:pounds|lbs|weight)|suppress\s+my\s+appetite|not\s+eat)\b""",
}
# Doses an hour or two apart: shorter than any interval the high-risk classes' labels give (every four to six
# hours at the shortest for the pain relievers), so read only when one of those classes is named; some other
# products are labelled for it (nicotine gum every one to two hours).
_SHORT_INTERVAL = r"""\bevery\s+(?:hour|half\s+(?:an\s+)?hour|\d+\s+min\w*|(?:1|2|one|two|an
    |a\s+couple\s+(?:of\s+)?|few)\s*(?:hours?|hrs?))\b"""
# Another dose of a high-risk medicine ("if I wake up at 3am can I take another"): read only when one of the
# classes whose labels set one dose a night or a fixed interval is named; acetaminophen's next dose is due by the
# clock the Drug Facts give.
_ANOTHER = r"\b(?:take|have|pop|use|inject)\s+(?:a\s+)?(?:another|one\s+more|a\s+second|second)\b"
# Several at once because the dose "isn't cutting it": the dose is not working, so more of it.
_NOT_WORKING = r"""\b(?:isn'?t|is\s+not|doesn'?t|does\s+not|didn'?t|not|wasn'?t)\s+(?:\w+\s+)?(?:cutting\s+it|working
    |helping|enough|doing\s+(?:anything|much|it))\b|\bw(?:ore|ears)\s+off\b"""
_SEVERAL = r"\b(?:take|taking|have|pop|use)\s+(?:two|three|four|[2-9]|a\s+couple|a\s+few)\b"
# A shorter interval than directed ("every 3 hours instead of every 12").
_INTERVAL = r"\bevery\s+(?P<asked>\d+)\s*(?:hours?|hrs?)\s+instead\s+of\s+(?:every\s+)?(?P<directed>\d+)\b"
# A missed or forgotten dose: the label says what to do (never two doses at once).
_MISSED = r"""\b(?:miss|missed|missing|forgot|forget|forgotten|forgetting|skipped|skip|skipping|didn'?t\s+take
    |did\s+not\s+take
    |late\s+(?:dose|taking)|too\s+late)\b"""
# A dose taken by mistake is a past event, not a request: the label's overdose section and Poison Help answer it
# (and the emergency check, which runs first, routes one with danger signs).
_BY_MISTAKE = r"""\b(?:accidental(?:ly)?|by\s+(?:mistake|accident)|mistakenly|inadvertently)\b
    |\bi\s+(?:already\s+)?(?:took|have\s+taken|'ve\s+taken)\b"""
# A dose the prescriber or the label set ("my doctor told me to take two"), unless "more than" it.
_PRESCRIBED = r"""\b(?:doctor|dr|doc|prescriber|pharmacist|nurse|clinic|label|pack|instructions?)\s+(?:\w+\s+)?(?:told
    |said|says|wants
    |has|have|directs?|prescribed|increased|raised|changed)\b"""
_THAN_PRESCRIBER = (
    r"\bthan\s+(?:\w+\s+){0,2}?(?:doctor|dr|doc|prescriber|pharmacist|clinic|label|prescribed|directed)\b"
)
# A question about what happens, which the label's overdose section answers.
_WHAT_HAPPENS = r"""\bwhat\s+(?:happens|would\s+happen|will\s+happen|could\s+happen|are\s+the\s+(?:signs|symptoms
    |risks))\b
    |\bsigns\s+of\b|\bwhy\s+(?:does|do|is|did|would)\b"""


@dataclass(frozen=True, slots=True)
class DoseMisuse:
    """A request read as misuse: its kinds (more, sooner, effect), the effects asked for, and the classes named."""

    kinds: tuple[str, ...]
    effects: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    named: str = ""  # the words that named the first class ("oxycodone", "my blood thinner"), for the reply

    @property
    def misuse_classes(self) -> tuple[MisuseClass, ...]:
        return tuple(_BY_NAME[name] for name in self.classes)


def _named_classes(text: str) -> list[tuple[str, str]]:
    """The high-risk classes TEXT names (medicine names, brands, or the class itself), with the words that did."""
    folded = fold(text)
    found = ((cls.name, compile_verbose(rf"\b{cls.names}\b").search(folded)) for cls in CLASSES)
    return [(name, match.group(0)) for name, match in found if match]


def classes_of(text: str) -> tuple[str, ...]:
    """The high-risk classes a text names (medicine names, brands, or the class itself)."""
    return tuple(name for name, _ in _named_classes(text))


def _fewer_than_more(match: re.Match[str]) -> bool:
    """'3 instead of 1' is more; '1 instead of 2' is not."""
    more, fewer = match.group("more"), match.group("fewer")
    if more in ("a couple", "a few", "some", "several", "another"):
        return True
    as_number = {**_WORD_NUMBERS, "a": 1, "an": 1, "half a": 0.5}

    def value(word: str) -> float:
        return float(word) if word[0].isdigit() else float(as_number.get(word, 0))

    return value(more) > value(fewer)


def _kind_matches(kind: MisuseKind, text: str) -> bool:
    for rule in kind.rules:
        for match in compile_verbose(rule).finditer(text):
            if "more" in match.re.groupindex and not _fewer_than_more(match):
                continue
            return True
    return False


def read_dose_misuse(text: str, *, drugs: Sequence[str] = ()) -> DoseMisuse | None:
    """The misuse TEXT asks about, or None. DRUGS are catalog keys already found in it (for the class)."""
    folded = fold(text)
    if not compile_verbose(_ASKS).search(folded) or compile_verbose(_WHAT_HAPPENS).search(folded):
        return None
    if compile_verbose(_MISSED).search(folded) or compile_verbose(_BY_MISTAKE).search(folded):
        return None
    prescribed = compile_verbose(_PRESCRIBED).search(folded) and not compile_verbose(_THAN_PRESCRIBER).search(folded)
    named = _named_classes(" ".join([folded, *drugs]))
    classes = tuple(name for name, _ in named)
    kinds = [kind.name for kind in KINDS if kind.rules and _kind_matches(kind, folded)]
    interval = compile_verbose(_INTERVAL).search(folded)
    if "sooner" not in kinds and (
        (classes and compile_verbose(_SHORT_INTERVAL).search(folded))
        or (interval and int(interval["asked"]) < int(interval["directed"]))
    ):
        kinds.append("sooner")
    if "more" not in kinds and (
        (set(classes) - {"acetaminophen"} and compile_verbose(_ANOTHER).search(folded))
        or (compile_verbose(_NOT_WORKING).search(folded) and compile_verbose(_SEVERAL).search(folded))
    ):
        kinds.append("more")
    if prescribed and kinds:
        return None
    effects = tuple(name for name, pattern in _EFFECTS.items() if compile_verbose(pattern).search(folded))
    own_use = any(effect in _BY_NAME[name].uses for name in classes for effect in effects)
    if effects and classes and not own_use:
        kinds.append("effect")
    if not kinds:
        return None
    return DoseMisuse(kinds=tuple(kinds), effects=effects, classes=classes, named=named[0][1] if named else "")


# --- the reply --------------------------------------------------------------------------------------------------

_GENERAL_DANGER = (
    "Taking a medicine in a way other than directed (more of it, sooner than the next dose is due, or for an "
    "effect it is not for) can cause an overdose or serious side effects"
)
_EFFECT_WORDS = {"sleep": "for sleep", "calm": "to calm down", "energy": "for energy", "weight": "to lose weight"}


_QUOTABLE_CHARS = (50, 320)  # a sentence with a subject and a verb, short enough to read at a glance


def pick_label_sentence(misuse: DoseMisuse, sentences: Sequence[str]) -> int | None:
    """The position of the label sentence to quote, or None when no sentence says it.

    The first of the classes' wordings any sentence holds wins; among the sentences holding it, the one that
    also holds most of the others, then the first in SENTENCES (searched boxed warning first). Headings and
    fragments ("Hypoglycemia.") and run-on passages are not quoted.
    """
    wording: list[str] = []
    for cls in misuse.misuse_classes:
        wording += [w for w in cls.label_wording if w not in wording]
    wording += [w for w in _AS_PRESCRIBED if w not in wording]
    quotable = [i for i, s in enumerate(sentences) if _QUOTABLE_CHARS[0] <= len(s) <= _QUOTABLE_CHARS[1]]
    for pattern in wording:
        found = [i for i in quotable if compile_verbose(pattern).search(sentences[i].casefold())]
        if found:
            return min(
                found,
                key=lambda i: (-sum(bool(compile_verbose(w).search(sentences[i].casefold())) for w in wording), i),
            )
    return None


def misuse_reply(misuse: DoseMisuse, *, drug: str, quote: str | None = None, mark: str = "") -> str:
    """The reply: the danger in plain words, the label's own sentence (cited), the referral, and for the
    sedating classes the overdose signs with 911 and Poison Help. It never names a dose."""
    classes = misuse.misuse_classes
    asked = " or ".join(_EFFECT_WORDS[e] for e in misuse.effects if "effect" in misuse.kinds)
    lines = [
        f"Please don't take {drug} other than as prescribed or as its label directs"
        + (f", and not {asked}" if asked else "")
        + ". "
        + (classes[0].danger if classes else _GENERAL_DANGER)
        + "."
    ]
    if quote:
        lines.append(f'The FDA label for {drug} says: "{quote.rstrip(".")}." {mark}'.rstrip())
    lines.append(
        "If it isn't working well enough, or you need help with "
        + (
            {"sleep": "sleep", "calm": "anxiety or stress", "energy": "tiredness", "weight": "your weight"}[
                misuse.effects[0]
            ]
            if misuse.effects
            else "your symptoms"
        )
        + ", please talk to your prescriber or pharmacist before taking any more: they can check what is safe "
        "for you and change the plan if needed."
    )
    signs = next((cls.overdose_signs for cls in classes if cls.overdose_signs), "")
    if signs:
        lines.append(signs)
    else:
        lines.append(
            "If you have already taken more than directed and feel unwell, call Poison Help at 1-800-222-1222, "
            "or 911 in an emergency."
        )
    return "\n\n".join(lines)
