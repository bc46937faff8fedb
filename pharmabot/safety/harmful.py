"""Harmful-request policy for a pharmacy assistant, decided in code before any retrieval or model call.

Five kinds of request are refused (400 `unsafe_request`), each written from the law or guidance that
names it rather than from example messages:

- `synthesis`: making a controlled or illicit drug or its precursors. Sources: 21 U.S.C. 841(a)(1)
  (manufacture); DEA, *Drugs of Abuse* (2020 ed.) for the substance names; MLCommons AILuminate
  hazard taxonomy, "non-violent crimes: drug crimes".
- `extraction`: extracting or separating a drug out of a product (codeine or DXM from syrup,
  oxycodone from a combination, pseudoephedrine for conversion). Sources: 21 U.S.C. 841(a)(1); FDA
  guidance *Abuse-Deterrent Opioids: Evaluation and Labeling* (2015), which lists extraction among
  the manipulations of a product.
- `misuse_route`: injecting, snorting or smoking medicines not made for it, defeating an
  extended-release or abuse-deterrent form or releasing a patch's dose at once, the amount of any
  medicine that gets someone high or mixing for a stronger high, pretending to swallow a dose to
  keep it ("cheeking"). Sources: FDA opioid and stimulant labels ("crushing,
  chewing, snorting, or injecting the dissolved product"); the same FDA guidance (physical and
  chemical manipulation, insufflation, injection, smoking).
- `prescription_fraud`: forging, faking or altering a prescription, a prescription pad or a DEA
  number, or deceiving a prescriber (faking symptoms, claiming a loss for an early refill, talking a
  doctor into a controlled drug one does not need). Source: 21 U.S.C. 843(a)(3) (obtaining a
  controlled substance by fraud, forgery or deception).
- `covert_dosing`: giving someone a drug without their knowledge (in a stranger's drink, to make
  someone pass out or forget, knockout drinks, poisoning), or asking how much would kill another
  person. Sources: 21 U.S.C. 841(b)(7) (giving a controlled substance to someone without
  their knowledge to commit a crime of violence); NICE guideline SC1 (2014), section 1.15: covert
  medication only under a care team's documented decision.

What is answered normally: questions about what a medicine is for (ketamine in anaesthesia), how
to store it, how it treats addiction, its risks ("what happens if someone snorts it", which the
label's abuse section answers), interactions with alcohol, and how pharmacists spot a forged
prescription. A misuse rule that matches a question about consequences or about what someone else
did ("my teen asked how many it takes to trip; what are the dangers?") answers it, unless the
message also asks how to do it (`answered_if`). Self-harm is not handled here: the emergency check
runs first and routes it to 988. Getting a controlled drug without a prescription is not one of the
refused kinds.

Rules are matched on the normalized, lower-cased text with chat spellings written out ("u", "wanna");
each pairs a request (how to, help me, can I...) or an unambiguous act with its object, so words
alone ("inject", "extract", "prescription") never refuse a question.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from pharmabot.errors import UnsafeRequestError

__all__ = ["CATEGORIES", "SUBSTANCES", "HarmCategory", "check_request", "compile_verbose", "detect_harmful", "fold"]

# Substances people misuse, by class (DEA, Drugs of Abuse, 2020 edition): street and brand names.
_OPIOIDS = r"""(?:opioids?|opiates?|opium|poppy\ (?:pods?|straw|seed\ tea)|heroin|fentanyl|carfentanil|morphine|codeine
    |oxycodone|oxycontin|oxy|percocet|roxicodone|hydrocodone|vicodin|norcos?|hydromorphone|dilaudid|oxymorphone|opana
    |methadone|tramadol|tapentadol|buprenorphine|suboxone|subutex|desomorphine|krokodil|lean|purple\ drank|percs?|roxys?
    |vikes|m30s?)"""
_STIMULANTS = r"""(?:meth|methamphetamine|crystal\ meth|crystal|ice|amphetamines?|adderall|addys?|vyvanse|dexedrine
    |methylphenidate|ritalin|concerta|cocaine|coke|crack|mdma|ecstasy|molly|cathinones?|bath\ salts|speed)"""
_DEPRESSANTS = r"""(?:benzos?|benzodiazepines?|xanax|xans?|alprazolam|valium|diazepam|klonopin|clonazepam|ativan
    |lorazepam|ghb|rohypnol|roofies?|flunitrazepam|barbiturates?|z-?drugs?|ambien)"""
_OTHERS = r"""(?:ketamine|pcp|lsd|acid|dmt|psilocybin|mushrooms|mescaline|dxm|dextromethorphan|k2|spice
    |synthetic\ cannabinoids)"""
_DRUG = rf"(?:{_OPIOIDS}|{_STIMULANTS}|{_DEPRESSANTS}|{_OTHERS})"
# The same, for other rules that need to know when a message names a substance people misuse (a VERBOSE pattern).
SUBSTANCES = _DRUG
# Medicine forms that are swallowed, worn or dissolved in the mouth: not made to be injected or snorted.
_ORAL_FORM = r"""(?:pills?|tablets?|tabs?|capsules?|caps|patch(?:es)?|films?|strips?|gel\ caps?|lozenges?|syrup
    |(?:my\ |the\ |a\ |crushed\ |dissolved\ )?(?:meds?|medicines?|medications?))"""

# "how do I", "help me", "can I", "best way to", "teach me to"...: a request to do, not to know.
_REQUEST = r"""(?:how\ (?:do|can|could|would|should|might)\ (?:i|we|you|one|someone|people|a\ person)\b
    |how\ to\b|how\ much\b|best\ way\b|easiest\ way\b|fastest\ way\b|safest\ way\b|way\ to\b|ways\ to\b|steps?\b
    |instructions?\b|guide\b|recipe\b|tutorial\b|tips?\b|teach\ me\b|show\ me\b|tell\ me\ how\b|explain\ how\b
    |help\ me\b|i\ want\ to\b|i\ wanna\b|i(?:'m|\ am)\ (?:going|trying|planning)\ to\b|i\ need\ to\b
    |can\ (?:i|we|you)\b|could\ (?:i|we)\b|should\ i\b|is\ it\ (?:ok|okay|possible|safe|fine)\ to\b
    |what\ do\ i\ need\b|(?:method|process|procedure|technique|trick)s?\b)"""
# Asking for the method itself, as opposed to asking about a risk.
_HOW_TO = r"""(?:\bhow\ (?:do|can|could|should)\ (?:i|we|you)\b(?!\ (?:know|tell|spot|recogni[sz]e|check|find\ out|help
    |talk|stop|prevent|keep|protect|store|dispose|get\ rid))|\bhow\ to\b|\b(?:best|easiest|fastest|safest)\ way\b
    |\bteach\ me\b|\bsteps\b|\btips\b|\bguide\b|\bhelp\ me\b|\bi\ want\ to\b
    |\bi(?:'m|\ am)\ (?:going|trying|planning)\ to\b
    |\b(?:should|can)\ i\b(?!\ (?:tell|say|ask|do\b|worry|be\ worried|call|talk|watch|look|know|expect|help)))"""
# A question about the consequences or the label's warning, or about what someone else did.
_RISK_QUESTION = r"""(?:\bwhat\ (?:happens|would\ happen|will\ happen|could\ happen|can\ happen)\b
    |\bwhat\ are\ the\ (?:risks|dangers|effects|consequences)\b|\bwhy\ (?:does|do|is|are|should|shouldn'?t|can'?t)\b
    |\bis\ it\ (?:dangerous|harmful|bad|deadly|risky|fatal)\b|\bhow\ (?:dangerous|bad|risky|harmful|deadly)\b
    |\b(?:the\ )?(?:risks?|dangers?)\b|\bwarn\w*\ against\b
    |\bmy\ (?:\w+\ )?(?:friend|son|daughter|kid|child|teen\w*|brother|sister|husband|wife|partner|patient|roommate)
    \ (?:did|does|is|has|was|snorted|injected|crushed|smoked|asked|tried|took))"""


@functools.cache
def compile_verbose(source: str) -> re.Pattern[str]:
    """A rule's pattern compiled once per process (rules are VERBOSE: spaces in them are written `\\ `)."""
    return re.compile(source, re.VERBOSE)


def fold(text: str) -> str:
    """Case-folded NFKC text with typographic apostrophes made plain and spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class HarmCategory:
    """One refused kind of request: its rules, the law or guidance behind it, and the reply."""

    name: str
    source: str
    message: str
    rules: tuple[str, ...]
    # A question of the kind the label answers (what happens if someone does it, why the label warns against it):
    # answered unless the message also asks how to do it.
    answered_if: str | None = None

    def matches(self, text: str) -> bool:
        if not any(compile_verbose(rule).search(text) for rule in self.rules):
            return False
        return self.answered_if is None or not (
            compile_verbose(self.answered_if).search(text) and not compile_verbose(_HOW_TO).search(text)
        )


_SUBSTANCE_HELP = (
    "If you or someone you know is struggling with drug use, the SAMHSA National Helpline (1-800-662-4357) "
    "is free, confidential and open 24/7. In an emergency call 911."
)

CATEGORIES: tuple[HarmCategory, ...] = (
    HarmCategory(
        name="synthesis",
        source="21 U.S.C. 841(a)(1); DEA Drugs of Abuse (2020); MLCommons AILuminate 'non-violent crimes'",
        message="I can't help with making drugs. " + _SUBSTANCE_HELP,
        rules=(
            # A request to make, cook or synthesize a controlled or illicit substance.
            rf"""{_REQUEST}.{{0,40}}\b(?:make|making|cook|cooking|synthesi[sz]e|synthesi[sz]ing|manufacture|manufacturing
                |produce|producing|brew|brewing|press|pressing|home-?make|purify|purifying|refine|refining
                |recrystalli[sz]e|recrystalli[sz]ing)\b.{{0,30}}\b{_DRUG}\b""",
            rf"""\b(?:recipe|ingredients|precursors?|chemicals|lab\ equipment|synthesis\ route|synthesis)\b.{{0,30}}
                \b(?:for|of|to\ make|needed\ for)\b.{{0,20}}\b{_DRUG}\b""",
            rf"\b(?:cook|cooking|synthesi[sz]e|synthesi[sz]ing|manufactur\w+)\s+(?:some\s+|my\s+own\s+)?{_DRUG}\b",
            # Converting a precursor into a drug, and the home methods named for it.
            r"""\b(?:turn|convert|converting|turning|make)\b.{0,40}\b(?:pseudoephedrine|ephedrine|sudafed|p2p|safrole)\b
                .{0,30}\b(?:into|to)\s+(?:meth|methamphetamine|amphetamine|mdma)\b""",
            r"\bshake\ and\ bake\b.{0,20}\bmeth\b|\bone[\s-]pot\ meth\b|\bpill\ press\b.{0,40}\b(?:make|press|fake)\b",
            r"""\b(?:turn|turning|convert|converting|make|making)\s+(?:\w+\s+){0,2}(?:cold|allergy|sinus|decongestant|cough
                |diet)\s+(?:pills|medicines?|tablets|syrup|meds)\s+into\s+(?:something\s+)?(?:stronger|meth|crystal|speed
                |a\s+drug|drugs)\b""",
            r"""\b(?:make|makes|making|press|presses|pressed|pressing|cut|cuts|cutting)\s+(?:and\s+\w+\s+)?(?:fake|counterfeit)\s+
                (?:pills?|tablets?|oxys?|xanax|xans?|bars|adderall|percs?|blues)\b""",
            # Pressing one's own pills ("bars", "blues"): counterfeit tablets, often with fentanyl in them.
            r"""\b(?:press|pressing|pressed)\s+(?:my\s+own|our\s+own|your\s+own|some|fake|counterfeit|homemade)\s+
                (?:xanax\s+)?(?:bars|pills|tablets|blues|m30s?|percs?|xans?|oxys?)\b""",
        ),
    ),
    HarmCategory(
        name="extraction",
        source="21 U.S.C. 841(a)(1); FDA Guidance, Abuse-Deterrent Opioids: Evaluation and Labeling (2015)",
        message="I can't help with extracting drugs from medicines. " + _SUBSTANCE_HELP,
        rules=(
            rf"""\b(?:extract|extracts|extracted|extracting|isolate|isolates|isolating|separate|separates|separating|pull
                |pulls|pulling|get|gets|getting|remove|removes|removing|filter\ out|filters\ out|filtering\ out)\b
                .{{0,30}}\b(?:{_DRUG}|the\ active\ ingredient
                |the\ (?:acetaminophen|tylenol|apap|paracetamol|naloxone))\b
                .{{0,30}}\b(?:from|out\ of|out)\b""",
            r"\bcold[\s-]water\ extraction\b|\bcwe\b|\ba/?b\ extraction\b|\bacid[\s/-]base\ extraction\b",
            rf"\bextract(?:ion|ing)?\s+(?:of\s+)?(?:my\s+own\s+|some\s+|the\s+|pure\s+)?{_DRUG}\b",
            rf"\b{_DRUG}\s+extraction\b",
        ),
    ),
    HarmCategory(
        name="misuse_route",
        source=(
            "FDA opioid and stimulant labels ('crushing, chewing, snorting, or injecting'); "
            "FDA Guidance, Abuse-Deterrent Opioids: Evaluation and Labeling (2015)"
        ),
        message=(
            "I can't help with injecting, snorting or smoking medicines, or with getting around how they are made "
            "to be taken: used that way they can cause overdose, infection and death. " + _SUBSTANCE_HELP
        ),
        rules=(
            # Injecting something taken by mouth, or a drug people inject to get high.
            rf"""{_REQUEST}.{{0,40}}\b(?:inject|injecting|shoot|shooting|iv|slam|slamming|mainline)\b
                (?:\s+up)?\s+(?:\w+\s+){{0,3}}?(?:{_ORAL_FORM}|{_DRUG})\b""",
            rf"""\b(?:dissolve|dissolving|crush|crushing|cook|cooking)\b.{{0,40}}\b(?:{_ORAL_FORM}|{_DRUG})\b.{{0,40}}
                \b(?:to|and|then|for|so\ i\ can)\s+(?:inject|shoot|iv|snort|smoke|sniff|slam|plug)""",
            r"\bshoot(?:ing)?\s+up\b|\bslam(?:ming)?\s+(?:meth|it|pills)\b|\bbanging\ (?:meth|dope)\b",
            # Snorting (insufflation) and smoking.
            rf"""{_REQUEST}.{{0,40}}\b(?:snort|snorting|insufflate|rail|railing|sniff|sniffing|smoke|smoking|vape|vaping
                |freebase|free-base|chase\ the\ dragon|plug|plugging|boof|boofing)\b
                \s+(?:\w+\s+){{0,3}}?(?:{_ORAL_FORM}|{_DRUG})\b""",
            rf"\b(?:snort|snorting|insufflat\w+|rail)\s+(?:a\s+|my\s+|the\s+|some\s+|crushed\s+)*(?:{_ORAL_FORM}|{_DRUG})\b",
            rf"\b(?:crush|crushing|grind|grinding)\b.{{0,40}}\b(?:{_ORAL_FORM}|{_DRUG})\b.{{0,30}}\b(?:lines?|snort\w*)\b",
            # Defeating an extended-release or abuse-deterrent form, or "getting high".
            r"""\b(?:bypass|defeat|get\ around|get\ past|work\ around|break|beat|disable|remove|circumvent|cheat|trick
                |undo|crack|outsmart)\b.{0,30}\b(?:time[\s-]?release
                |extended[\s-]?release|controlled[\s-]?release|slow[\s-]?release|abuse[\s-]deterr\w+|tamper[\s-]resist\w+
                |\ber\b|\bxr\b|\bcr\b|\bsr\b|coating|gel\ (?:coating|matrix))""",
            rf"""{_REQUEST}.{{0,40}}\b(?:get|getting|feel|stay)\s+
                (?:high|stoned|a\ buzz|buzzed|euphori\w+|fucked\ up|wasted)
                \b.{{0,20}}\b(?:on|off|from|with)\b""",
            rf"{_REQUEST}.{{0,40}}\b(?:potentiate|intensify|boost|stronger)\b.{{0,30}}\b(?:high|buzz|euphoria)\b",
            rf"""{_REQUEST}.{{0,40}}\b(?:strongest|best|biggest|most\s+intense|longest|fastest|good|great|nice|better)\s+
                (?:high|buzz|rush|euphoria|trip)\b""",
            # The amount or dose of any medicine that gets someone high ("how many Benadryl to trip").
            r"""\b(?:how\s+(?:many|much)|what\s+(?:dose|amount|number)|what'?s\s+the\s+(?:\w+\s+)?(?:dose|amount))\b.{0,60}
                \b(?:to|does\s+it\s+take\s+to|do\s+i\s+need\s+to|would\s+it\s+take\s+to|until\s+i|till\s+i|before\s+i
                |should\s+i\s+take\s+to|for\s+me\s+to|for\s+a)\s+(?:get\s+|be\s+|start\s+)?(?:trip|tripping|trip\s+balls|high
                |stoned|buzzed|a\s+buzz|fucked\s+up|wasted|messed\s+up|zooted|faded|roll|rolling|nod|nodding|euphoric)\b""",
            r"""\b(?:doses?|dosages?|amounts?|number|max|maximum|most|how\ much|how\ many|mgs?|milligrams|pills
                |tablets)\b.{0,40}\bto\s+
                (?:get\s+|be\s+|feel\s+|start\s+)?(?:trip|tripping|high|stoned|buzzed|a\s+buzz|fucked\s+up|wasted|messed\s+up
                |zooted|faded|rolling|nodding|euphoric)\b""",
            r"""\b(?:doses?|dosing|dosages?|amounts?|how\ (?:much|many))\b.{0,40}\brecreational(?:ly)?\b
                |\brecreational(?:ly)?\s+(?:doses?|dosing|dosages?|amounts?)\b""",
            # Making a drug hit harder: mixing it with something else for a stronger high.
            rf"""\b(?:mix|combine|take|add|stack|pair)\w*\b.{{0,40}}\b{_DRUG}\b.{{0,40}}\b(?:hits?\s+harder|hit\s+(?:harder
                |stronger)|kicks?\s+in\s+harder|stronger\s+(?:high|buzz)|more\s+(?:high|buzz)|potentiat\w*)""",
            # Getting an extended-release or transdermal dose out all at once.
            r"""\bget\s+(?:the\s+)?most\s+out\s+of\s+(?:a\s+|my\s+|the\s+|this\s+)?(?:\w+\s+)?(?:patch(?:es)?|fentanyl|oxy\w*
                |opioids?|duragesic|butrans)\b""",
            r"""\b(?:patch(?:es)?|extended[\s-]release|time[\s-]release|er|xr|cr|sr|oxycontin)\b.{0,40}\b(?:release|work|hit|kick
                \s+in)\s+(?:it\s+)?all\s+at\s+once\b""",
            r"""\b(?:abuse[\s-]deterr\w+|tamper[\s-]resist\w+|extended[\s-]release|time[\s-]release)\b.{0,60}\b(?:defeat|bypass
                |get\s+around|circumvent|break|beat|crack|cheat)\w*\s+(?:them|it|these|those)\b""",
            # Pretending to swallow a medicine to keep it ("cheeking").
            r"""\b(?:hide|hiding|hold|holding|keep|keeping|stash|stashing|pocket|cheek|cheeking)\b.{0,30}\b(?:in|under)\s+
                (?:my\s+)?(?:cheek|mouth|tongue|gums?)\b.{0,60}\b(?:thinks?|believes?|sees?|won'?t\s+know)\b""",
            r"""\b(?:turn|make|convert|get|change)\b.{0,40}\b(?:into|in)\s+(?:something|a\s+(?:liquid|solution|powder|form
                |shot))\s+(?:that\s+)?(?:you|i|we|one|someone|people)?\s*(?:can|could)\s+(?:shoot|inject|snort|smoke|iv|slam)\b""",
        ),
        answered_if=_RISK_QUESTION,
    ),
    HarmCategory(
        name="prescription_fraud",
        source="21 U.S.C. 843(a)(3): obtaining a controlled substance by fraud, forgery or deception",
        message=(
            "I can't help with forging, faking or altering a prescription. If you need a medicine, your prescriber "
            "or a pharmacist can help with a new or changed prescription."
        ),
        rules=(
            # Forging or faking, unless the question is how to spot or report it.
            r"""(?<!spot\ )(?<!spot\ a\ )(?<!detect\ )(?<!detect\ a\ )(?<!recognize\ a\ )(?<!report\ a\ )
                \b(?:forge|forging|falsify|falsifying|counterfeit|fake|faking|phony|fraudulent)\s+(?:a\s+|an\s+|my\s+|the\s+)?
                (?:(?:doctor'?s?|paper|electronic|e-?)\s+)?(?:prescriptions?|scripts?|rx|prescription\ pads?
                |dea\ numbers?
                |refills?)\b(?!\s+(?:fraud\ )?(?:look|be\ (?:spotted|detected)))""",
            r"""\b(?:alter|altering|edit|editing|modify|modifying|change|changing|photoshop|white[\s-]?out
                |scratch\ out|add)\b
                .{0,40}\b(?:quantity|number|amount|dose|strength|refills?|date|name|count|pills)\b.{0,15}\bon\s+(?:a|my|the|this)
                \s+(?:paper\s+|written\s+|old\s+)?(?:prescription|script|rx)\b""",
            r"""\bwrite\s+(?:myself\s+a|my\s+own|your\s+own|a\s+fake)\s+(?:prescription|script|rx)\b
                |\b(?:steal|stealing|buy|get|print)\s+(?:a\s+|blank\s+|some\s+)*(?:prescription|script|rx)\ pads?\b
                |\bwhere\s+(?:do|can|could|would)\s+(?:i|people|you|someone)\s+(?:\w+\s+)?(?:get|buy|find)\s+(?:\w+\s+)?
                (?:blank\s+)?(?:prescription|script|rx)\s+pads?\b
                |\b(?:make\ up|generate|invent|fake)\s+(?:a\s+)?dea\ (?:number|registration)\b
                |\b(?:real[\s-]looking|legit[\s-]looking|fake|made[\s-]up|random|working)\s+dea\s+(?:number|registration)\b
                |\bpretend(?:ing)?\ to\ be\ (?:a|the|my)\ (?:doctor|prescriber|physician|nurse)\b
                |\bcall\ in\ (?:a\ )?(?:fake\ )?prescription\s+(?:as|pretending|posing)\b""",
            r"""\b(?:fake|forged|fraudulent|phony|altered|counterfeit)\s+(?:\w+\s+)?(?:prescriptions?|scripts?|rx)\s+
                (?:look|seem|appear|pass)\s+(?:\w+\s+)?(?:real|legit\w*|authentic|genuine|valid|as\s+real)\b""",
            # Deceiving a prescriber: faking or exaggerating symptoms, or saying what gets a controlled drug.
            rf"""\b(?:get|convince|persuade|trick|fool|con|manipulate)\s+(?:my|a|the)\s+(?:doctor|dr|doc|psychiatrist|prescriber
                |physician)\s+(?:\w+\s+)?(?:to\s+|into\s+)?(?:prescrib\w*|giv\w*|writ\w*)\b.{{0,40}}\b{_DRUG}\b.{{0,40}}
                \b(?:(?:if|when|though|even\s+though)\s+i\s+(?:don'?t|dont|do\s+not)\s+(?:really\s+)?need|without\s+(?:really\s+)?
                needing|i'?m\s+(?:not\s+)?(?:fine|faking))""",
            r"""\b(?:refills?|script|prescription|more|extra|early)\b.{0,60}\bby\s+(?:saying|telling\s+\w+|claiming|pretending
                |lying|acting\s+like|making\s+up)\s+(?:that\s+)?(?:i|my|it|they|someone)\b.{0,20}\b(?:lost|stolen|stole|spilled
                |dropped|fell|flushed|threw|washed|got\ wet)\b""",
            rf"""\b(?:get|obtain|score)\s+(?:more|extra|stronger|higher|a\s+higher\s+dose\s+of|some|a\s+script\s+for)\s+
                (?:\w+\s+)?{_DRUG}\b.{{0,40}}\bby\s+(?:telling|saying|lying|pretending|acting|faking|exaggerating|claiming
                |complaining)\b""",
            r"""\b(?:fake|faking|feign|feigning|exaggerate|exaggerating|lie\ about|lying\ about|make\ up|invent
                |pretend\ to\ have|act\ out)\s+(?:\w+\s+){0,2}?(?:symptoms?|pain|anxiety|adhd|insomnia|panic\ attacks?
                |a\ condition|an?\ injury|a\ diagnosis)\b""",
            rf"""\bwhat\s+(?:symptoms?|to\ say|should\ i\ (?:say|tell|complain\ about)|do\ i\ (?:say|tell)
                |can\ i\ (?:say|tell))\b.{{0,60}}\b(?:to\s+get|so\s+(?:my|the|a)\s+(?:doctor|dr|doc|psychiatrist
                |prescriber|physician)|into\s+(?:giving|prescribing))\b.{{0,40}}\b{_DRUG}\b""",
            r"""\b(?:see|visit|go\ to|use)\s+(?:multiple|several|different|two|2|three|many)\s+(?:doctors|prescribers
                |pharmacies|urgent\ cares|ers)\b.{0,40}\b(?:to\s+get|so\s+i\s+(?:can\s+)?get|for)\s+
                (?:more|extra|double)\b""",
        ),
    ),
    HarmCategory(
        name="covert_dosing",
        source=("21 U.S.C. 841(b)(7) (drugging without knowledge); NICE guideline SC1 (2014), covert medication"),
        message=(
            "I can't help with giving anyone a medicine or drug without their knowledge. If you care for someone who "
            "refuses medicines, their prescriber or pharmacist can plan with you what is safe and lawful. If someone "
            "may have been drugged, call 911."
        ),
        rules=(
            r"""\b(?:without|w/o)\s+(?:him|her|them|my\s+\w+|his|their|someone|somebody|anyone|anybody|the\s+person
                |the\s+\w+)\s+(?:\w+\s+)?(?:knowing|noticing|finding\ out|tasting\ it|knowledge|consent|realizing)\b""",
            r"""\b(?:so|that)\s+(?:he|she|they|my\s+\w+)\s+
                (?:won'?t|wont|doesn'?t|does\ not|don'?t|do\ not|wouldn'?t|can'?t|cannot)
                \s+(?:notice|know|taste|find\ out|tell|realize)\b""",
            r"""\b(?:slip|sneak|spike|secretly\ (?:give|put|add|mix|dose|drug|crush)\w*|covertly\ (?:give|dose)\w*)\b
                .{0,40}\b(?:into|in|to)\s+(?:his|her|their|someone'?s|somebody'?s|a\ person'?s|my\s+\w+'?s?)\b""",
            r"\bspike\s+(?:a|his|her|their|someone'?s|somebody'?s|my\s+\w+'?s?)\s+(?:drinks?|food|coffee|tea)\b",
            r"""\b(?:drug|sedate|knock\s+out)\s+
                (?:my\s+\w+|him|her|them|someone|somebody|a\ (?:girl|guy|woman|man|person))
                \b(?!\s+(?:test|interactions?|screen))""",
            r"""\b(?:undetectable|untraceable)\b.{0,30}\b(?:poison|drug|overdose|dose|way)\b
                |\bhow\ much\b.{0,60}\b(?:to|would|will|could|does\ it\ take\ to)\s+kill\s+
                (?:a\s+(?:person|man|woman|child|kid)
                |someone|somebody|him|her|them|my\s+(?!self)\w+|an?\s+adult)\b""",
            r"\bknock\s+(?:him|her|them|someone|somebody|my\s+\w+|a\s+(?:girl|guy|woman|man|person))\s+out\b",
            r"""\bdrug\w*\s+(?:a|his|her|their|someone'?s|somebody'?s|my\s+\w+'s)\s+(?:drink|coffee|tea|food|beer|wine|soda)\b
                |\b(?:drug|poison|dose|spike)\w*\b.{0,40}\b(?:undetectabl\w*|untraceabl\w*|without\s+(?:a\s+)?trace)""",
            r"""\bmake\s+(?:someone|somebody|him|her|them|a\s+(?:girl|guy|woman|man|person))\s+(?:forget|not\s+remember)\b""",
            # Anything put in a stranger's or "someone's" drink; poisoning a person; knockout drinks.
            r"""\b(?:put|slip|crush|dissolve|mix|drop|add|pour|sneak|stir)\w*\s+(?:\w+\s+){0,3}(?:in|into)\s+(?:someone'?s
                |somebody'?s|a\s+(?:girl|guy|woman|man|person|stranger|date)'?s)\s+(?:\w+\s+)?(?:drink|coffee|tea|beer|wine
                |soup|food|meal|juice|water|smoothie|cocktail|soda)\b""",
            r"""\bpoison\w*\s+(?:him|her|them|someone|somebody|my\s+\w+|the\s+\w+|a\s+(?:person|man|woman|child|kid))\b
                |\b(?:look|looks|seem|seems|appear)\s+(?:like\s+)?(?:natural\s+causes|natural|an?\s+accident|a\s+heart\s+attack)\b
                |\bknock\s?out\s+(?:drinks?|drops|punch|pills?)\b""",
            r"""\b(?:doses?|amount|how\s+much|how\s+many|quantity)\b.{0,60}\b(?:would|will|could|to|that)\s+(?:\w+\s+)?(?:kill
                |be\s+(?:lethal|fatal)\s+(?:to|for))\s+(?:an?\s+(?:adult|person|man|woman|child|kid|elderly\s+\w+)|someone
                |somebody|him|her|them|my\s+(?!self)\w+)\b""",
            r"\b(?:date[\s-]rape\s+drugs?|roofie\s+(?:someone|somebody|her|him|a|my))\b",
            r"""\bmake\s+(?:someone|somebody|him|her|them|a\s+(?:girl|guy|woman|man|person)|my\s+\w+)\s+(?:pass\s+out
                |black\s+out|go\s+unconscious|lose\s+consciousness)\b""",
            # Something put in another person's food or drink so that they sleep, pass out or forget.
            r"""\b(?:put|slip|add|mix|drop|pour|sneak|stir|crush|dissolve|hide)\w*\b.{0,40}\b(?:in|into)\s+(?:his|her|their
                |someone'?s|somebody'?s|a\s+\w+'s|my\s+\w+'s|the\s+\w+'s)\s+(?:\w+\s+)?(?:drink|coffee|tea|beer|wine|soup|food
                |meal|juice|water|smoothie|cereal|dinner|breakfast|lunch|cocktail|soda)\b.{0,60}\b(?:to\s+(?:make|knock|get)
                |so\s+(?:that\s+)?(?:he|she|they)|until\s+(?:he|she|they))\b.{0,20}\b(?:sleeps?|sleepy|pass(?:es)?\ out
                |black(?:s)?\ out|out|unconscious|drowsy|forget|forgets|calm|quiet|sick|won'?t|can'?t)\b""",
        ),
    ),
)

# Questions about pets are not a person dosed without their knowledge ("hide the pill in a treat").
_PET = re.compile(r"\b(?:dog|dogs|puppy|cat|cats|kitten|pet|pets|horse|parrot|rabbit)\b")


# Chat spellings written out, so that the rules' "how do you", "want to" also read "how do u", "wanna".
_CHAT_SPELLINGS: tuple[tuple[str, str], ...] = (
    (r"\b(?:u|ya)\b", "you"),
    (r"\bur\b", "your"),
    (r"\bppl\b", "people"),
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\btryna\b", "trying to"),
    (r"\bgotta\b", "got to"),
    (r"\bpls\b|\bplz\b", "please"),
)


def _fold_chat_spelling(text: str) -> str:
    """Case-folded NFKC text with chat spellings written out ("how do u" -> "how do you"), spaces collapsed."""
    text = fold(text)
    for spelling, written in _CHAT_SPELLINGS:
        text = compile_verbose(spelling).sub(written, text)
    return " ".join(text.split())


def detect_harmful(text: str) -> HarmCategory | None:
    """The first refused category the message falls in, or None."""
    folded = _fold_chat_spelling(text)
    for category in CATEGORIES:
        if category.name == "covert_dosing" and _PET.search(folded):
            continue
        if category.matches(folded):
            return category
    return None


def check_request(text: str) -> None:
    """Raise UnsafeRequestError (400 `unsafe_request`) for a request this assistant must refuse."""
    category = detect_harmful(text)
    if category is not None:
        raise UnsafeRequestError(category.message, details={"category": category.name})
