"""Sentence-level answer selection: which label sentences answer the question, best first.

Every candidate sentence (or table row) of the retrieved passages is scored against the question:
the kind of question (`pharmabot.retrieval.intents`: the wording labels use to state that kind of fact,
and the sections that hold it), the question's own words, the subsection heading the sentence sits
under ("Discontinuing Treatment", "How should I store ...?"), and plain patient-leaflet wording.
The best one is the answer; a few more that add something support it. Near-repeats are dropped
(labels state a point in the highlights and again in full), as are headings, table debris,
cross-references, and sentences telling the reader to stop a medicine.

This scoring is hand-written rather than a learned ranker: it must be deterministic, explainable,
and fast enough to run inside every request with no model.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from pharmabot.answer.base import Passage
from pharmabot.answer.drug_facts import BULLET, is_directions
from pharmabot.answer.poison_help import wrong_poison_number
from pharmabot.knowledge.cleaning import is_heading, remove_cross_references
from pharmabot.knowledge.labels import PATIENT_SECTIONS, SECTION_TITLES
from pharmabot.retrieval.intents import (
    BY_NAME,
    CAFFEINE,
    QuestionKind,
    detect_intents,
    normalize_question,
    symptoms_in,
)
from pharmabot.retrieval.lay_terms import label_terms

# Sentence ends; patient leaflets flattened by openFDA also lose the stop before their headings and
# stock openings ("...or stroke Common side effects of X include..."), so those start a sentence too, as do
# the headings of an OTC Drug Facts panel (21 CFR 201.66(c)(5)-(7): "Ask a doctor before use if", ...).
_SENTENCE_END = re.compile(
    # A numbered list's "1." is no sentence end: the list is cut before each number instead ("... in the following
    # conditions: 1. Endocrine Disorders ... thyroiditis 2. Rheumatic Disorders ...").
    r"(?<=[.!?])(?<![\s:]\d\.)(?<![\s:]\d\d\.)(?<!^\d\.)(?<!^\d\d\.)\s+(?=[A-Z(\"'•])"
    r"|(?<=[a-z)])\s+(?=\d{1,2}\.\s+[A-Z][a-z])"
    # How Supplied lists one strength after another, each entry led by its strength ("... (NDC 1234-56).
    # 1 mg: Light purple, oval ..."): each entry is a sentence of its own, so a question about one strength
    # gets the line about it.
    r"|(?<=[.;])\s+(?=\d+(?:\.\d+)?\s?(?:mg|mcg|g|mL|units?)\b[^.:;]{0,20}:)"
    r"|(?<=[a-z)])\s+(?=(?:The most common|Common side effects|Serious side effects|The most important|"
    r"Tell your|Call your|What (?:is|are|should)|How should|Who should|Do not|Before (?:taking|you take)|"
    r"Ask a doctor|Stop use and ask|When using this product|If pregnant or breast-feeding|Keep out of reach|"
    r"(?:Allergy|Liver|Stomach bleeding|Heart attack and stroke|Reye's syndrome) (?:alert|warning))\b)"
    # Highlights end their adverse-reactions line with the contact statement 21 CFR 201.57(a)(11) requires ("Most
    # common adverse reactions: headache, fatigue To report SUSPECTED ADVERSE REACTIONS, contact ..."), and How
    # Supplied runs its storage statement (21 CFR 201.57(c)(17)(iv)) into the package codes before it ("... 1 in 1
    # POUCH Storage Store at 20° to 25°C"): both start a sentence of their own.
    r"|\s+(?=To report SUSPECTED ADVERSE REACTIONS\b)"
    r"|(?<=[A-Za-z0-9)])\s+(?=(?:Storage:?\s+)?Store (?:at|between|below|in|refrigerated|unopened)\b)"
    # The same statement in the passive, after the codes: "... 10 count of 10 mL vials Vials of KENGREAL should be
    # stored at ...".
    r"|(?<=[A-Za-z0-9)])(?<!\sof)\s+(?=(?:[A-Z][\w®-]*\s+){1,2}(?:of\s+[A-Z][\w®-]*\s+)?(?:should|must|are to|is to) be"
    r" stored\b)"
)
_WORD = re.compile(r"[a-z][a-z\-]{2,}")
_STOPWORDS = frozenset(
    """the and for are with what does can how you your this that have has from into about when will not
    was were which who why should could would there their they them its it's also any all may more most
    take taking use used using drug drugs medicine medicines medication medications pill pills tablet
    tablets capsule capsules dose doses mg get got been being after before other some much many long
    time times day days yes well like need needs want know tell please safe okay kind kinds type types cause
    causes caused happen happens too very really ever even still just better best good bad fine body
    shouldn couldn wouldn doesn didn isn aren wasn weren won don can until till out stay
    help helps helped helping where while""".split()
)
# Words that ask nothing in particular ("info on X", "X pills?").
_VAGUE_WORDS = frozenset("info information detail details fact facts general".split())
# Words that say what kind of question it is rather than what it is about: every candidate of the right
# kind answers them, so a sentence is not marked down for lacking them.
_KIND_WORDS = frozenset(
    """dosage dosing dosages side effect effects adverse reaction reactions store storage stop stopping quit
    work works working interact interaction interactions ingredient ingredients look looks color colour
    strength strengths overdose pregnant pregnancy breastfeed breastfeeding contraindication contraindications
    usual normal recommended maximum minimum often long soon best start starts begin begins kick effect last lasts
    difference different differ between same compare compared comparison versus stronger weaker
    fridge refrigerator refrigerate refrigerated refrigeration freezer freeze frozen room temperature
    treat treats treated treating purpose purposes prescribed prescribe uses condition conditions
    sudden suddenly abrupt abruptly system""".split()
)
# Label sentences that tell the reader to stop a medicine are left out: PharmaBot never tells anyone
# to stop one (the footer sends them to their prescriber instead). Sentences about stopping safely
# ("do not stop suddenly", "taper gradually") are what a stopping question needs, so they stay.
_STOP_ADVICE = re.compile(
    r"\b(stop(ped|ping|s)?\b(\s+[\w®-]+){0,3}?\s+(taking|using|treatment|therapy|use|dosing|it|them)\b"
    r"|discontinu\w*|interrupt\w*|withh[oe]ld\w*|temporarily stop\w*|withdrawal of|(?:therapy|treatment) withdrawn)",
    re.IGNORECASE,
)
_SAFE_STOPPING = re.compile(
    r"\b(taper\w*|gradual\w*|abrupt\w*|sudden\w*|do not stop|don't stop|without (first )?(talking|consulting|"
    r"checking)|withdrawal|rebound)\b",
    re.IGNORECASE,
)
# A report of what happened once a medicine was stopped ("cough ..., always resolving after discontinuation of
# therapy", "reversible upon discontinuation") describes the effect; it tells no one to stop. It still counts as
# advice when it is worded as one (_TELLS_TO_STOP).
_AFTER_STOPPING_REPORT = re.compile(
    r"\b(?:resolv\w*|revers\w*|disappear\w*|subsid\w*|improv\w*|recover\w*|return\w*|abated?|went away)"
    r"\b.{0,30}\b(?:after|upon|following|on|with)\s+(?:the\s+)?discontinu\w*",
    re.IGNORECASE,
)
# Alcohols that are ingredients, not drinks (USP-NF excipient names in a label's Description and Drug Facts
# "Inactive ingredients", 21 CFR 201.66(c)(8)), and a liver disease named by what it is not.
_EXCIPIENT_ALCOHOL = re.compile(
    r"\b(?:polyvinyl|vinyl|benzyl|cetyl|stearyl|cetostearyl|cetearyl|isopropyl|dehydrated|denatured|diluted"
    r"|phenylethyl|lanolin|oleyl|myristyl|behenyl|butyl|ethyl|SD|wool)\s+alcohol\b|\balcohol[- ]free\b"
    r"|\balcohol,? USP\b|\bnon-?alcoholic\b",
    re.IGNORECASE,
)
# A food or drink a question names is answered only by a sentence that names it.
_ALCOHOL = re.compile(r"\balcohol", re.IGNORECASE)
_NAMED_FOODS = (CAFFEINE, _ALCOHOL, re.compile(r"\bgrapefruit", re.IGNORECASE))
_FDA = re.compile(r"\bfood and drug administration\b", re.IGNORECASE)
_FOOD = re.compile(r"\bfoods?\b", re.IGNORECASE)
# "If such a reaction occurs, stop examplol and begin ...": an instruction to stop in the middle of a sentence.
_STOP_AFTER_A_CLAUSE = re.compile(
    r",\s*(?:stop|discontinue)\s+[\w-]+\s+(?:and|immediately|right away|at once)\b", re.IGNORECASE
)
_TELLS_TO_STOP = re.compile(
    r"^(\w+:\s*)?(temporarily\s+)?(stop|discontinue|interrupt|withhold)\b"
    r"|\b(stop taking|stop using|discontinue|withhold"
    r"|temporarily stop)\b[^.]{0,80}\b(and|if|right away|immediately|at once|before|until|for)\b"
    r"|\bconsider\b.{0,25}\b(withdrawal|discontinu\w*|stopping|interrupt\w*)",
    re.IGNORECASE,
)
# Text that does not read as an answer: reporting boilerplate, package codes, pointers to tables.
_NOT_PROSE = re.compile(
    # A pointer to a table, also once cleaning has taken the table's number away ("... is displayed in").
    # Cleaning can leave the pointer's "in" last on its line, with no space after it.
    r"(?-i:^[A-Z0-9 ,/&-]{12,}$)|(\b(are|is) (listed|shown|summarized|presented|described|displayed|reflected"
    r"|given|provided|found) in(?: (the following |the )?(table|figure)s?( below| above)?| below| above|\W*$))"
    # A lead-in whose list was a table or bullets ("... may cause the following side effects."): nothing of its own.
    r"|\bthe following (side effects|adverse (reactions|events))\W*$"
    r"|to report suspected adverse reactions|1-800-fda-1088|medwatch|widely varying conditions"
    r"|listed in (decreasing |descending )?order of (decreasing )?(severity|frequency)"
    r"|see (the )?(full prescribing information|table|figure|section)|\bcontact [a-z ,.]+ at 1-\d"
    r"|^see\b|\bNDC\b|^table \d|\brevised:|\bclinical trials? (are|is) conducted under"
    r"|^(tables?|figures?) \d+\w*( and \d+\w*)? (summarize|show|list|present|describe|display)"
    # Statements every Medication Guide carries (21 CFR 208.20): true of any medicine, an answer to nothing.
    r"|these are not all the possible side effects|call your doctor for medical advice about side effects"
    r"|if you have any side effects? that bothers? you|medicines are sometimes (?:prescribed|used) for purposes other"
    r"|tell your (?:doctor|healthcare provider) if you are concerned about any side effects?"
    r"|does not take the place of (?:talking|discussions?)|\bnot a substitute for\b"
    r"|this medication guide has been approved|talk to your (doctor|pharmacist|healthcare provider)"
    r" (or pharmacist )?(if you have any questions|for more information)"
    # And statements the labeling rule makes every label carry (21 CFR 201.57(c)(7), (c)(9)(i)): the
    # postmarketing caveat and the background risk of birth defects, the same for every medicine.
    r"|reported voluntarily from a population of uncertain size|not always possible to (reliably )?estimate"
    r"|background risk of (major )?birth defects?|all pregnancies have a background risk"
    # The Medication Guide's general information (21 CFR 208.20(b)(8)): the same for every medicine.
    r"|for a condition for which (it|they) (was|were) not prescribed|do not give [\w ,-]{1,60} to other people"
    # The end of "approved by the U.S. Food and Drug Administration", split off as a sentence of its own.
    r"|^(the )?(u\.?\s?s\.?\s)?food and drug administration\W*$",
    re.IGNORECASE,
)
_SUPPLIER = re.compile(r"manufactured (for|by)|distributed by|marketed by", re.IGNORECASE)
# A table footnote that says how reported terms were grouped or analysed ("Somnolence combines adverse reaction
# terms somnolence and sedation", "includes the MedDRA preferred terms ...", "explorations for interactions on the
# basis of gender, age, and race"): how the table was built, never what a patient asked.
_TERM_FOOTNOTE = re.compile(
    r"\b(?:combines|includes|including|comprises|represents?) (?:the )?(?:(?:following|MedDRA|preferred|adverse "
    r"(?:reactions?|events?)|events?) )+terms?\b|\bMedDRA\b|\bexplorations for interactions on the basis of\b",
    re.IGNORECASE,
)
_ALTERS_THE_FORM = re.compile(
    r"\b(?:crush\w*|chew\w*|split\w*|cut\w*|break\w*|broken|halve\w*|in half|open\w*|dissolv\w*|sprinkl\w*)\b",
    re.IGNORECASE,
)
# How labels say whether a dosage form may be altered (21 CFR 201.57(c)(3)(iv): administration instructions).
_FORM_INTEGRITY = re.compile(
    r"\bwhole\b|\bdo not (?:\w+ ){0,3}(?:crush|chew|cut|split|break|open|dissolve)|\b(?:crush\w*|chew\w*|split\w*"
    r"|cut|broken|divided|scored|halves|in half|opened|sprinkl\w*)\b",
    re.IGNORECASE,
)
_STUDY_DESIGN = re.compile(
    r"\b(?:trials?|stud(?:y|ies)) (?:was|were) (?:conducted|performed|designed|undertaken|carried out) to (?:assess"
    r"|evaluate|compare|determine|examine|investigate|study)\b"
    # "... and maintenance of response up to 24 hours post-dose were evaluated.": what was measured, not found.
    r"|\b(?:was|were) (?:also )?(?:evaluated|assessed|measured|examined)\W*$"
    # A sentence whose figure or table was left out of the text ("... is depicted in", "are shown in").
    r"|\b(?:is|are) (?:depicted|shown|presented|summarized|displayed) (?:in|below)\W*$",
    re.IGNORECASE,
)
_AS_TOLD = re.compile(
    r"\bexactly as (?:your |the )?(?:\w+ )?(?:doctor|healthcare provider|health care provider|prescriber|"
    r"pharmacist)s? (?:tells?|told|prescribes?|prescribed|directs?|directed)",
    re.IGNORECASE,
)
_STARTS_INSIDE_PARENTHESES = re.compile(r"\([a-z][^()]*\)\s+[a-z]")
# The chemistry a description gives (21 CFR 201.57(c)(12): chemical name, structural formula, molecular weight,
# physical properties): true of the substance, an answer only to what it is made of or looks like.
_CHEMISTRY = re.compile(
    r"\b(molecular (weight|formula|mass)|empirical formula|structural formula|chemical (name|structure|formula)"
    r"|chemically (designated|described)|(freely |sparingly |slightly |very slightly )?soluble in|insoluble in"
    r"|crystalline|pKa\b|partition coefficient|melting (point|onset))",
    re.IGNORECASE,
)
# Not appearance: what the powder looks like ("white crystalline powder") is not what the tablet looks like.
_CHEMISTRY_KINDS = frozenset({"ingredients", "strengths", "comparison"})
# How often to take a dose, or the most in a day, is no time for an effect to come: "take 2 every 6 hours" says
# nothing of how soon it works.
_DOSING_INTERVAL = re.compile(
    r"\bevery \d+(?:\s*(?:-|to)\s*\d+)?\s*(?:hours?|hrs?|days?|weeks?)\b|\b(?:in|per|within) (?:any )?24 hours\b"
    r"|\b(?:once|twice|\d+ times) (?:a|per|each) (?:day|week)\b|\bmore than \d+ days\b",
    re.IGNORECASE,
)
# What a medicine is and what it is for are said of the product asked about, not of one of its ingredients.
_WHAT_IT_IS_KINDS = frozenset({"information", "indications", "mechanism"})
# A question about taking a medicine with a kidney or liver condition, and the label wording that answers it
# (21 CFR 201.57(c)(9)(vi)-(vii) Renal and Hepatic Impairment; creatinine clearance and Child-Pugh classes).
_ORGAN = re.compile(r"\b(?:kidneys?|renal|liver|hepatic|dialysis)\b", re.IGNORECASE)
_IMPAIRMENT = re.compile(
    r"\b(?:renal|hepatic|kidney|liver) (?:impairment|insufficiency|disease|failure|problems?|function)\b"
    r"|\bcreatinine clearance\b|\bCrCl\b|\beGFR\b|\bdialysis\b|\bChild-Pugh\b",
    re.IGNORECASE,
)
# "Where do I inject it?" is answered by the sites Dosage and Administration and the Instructions for Use name
# ("inject subcutaneously in the abdomen, thigh, or upper arm"; "the back of the upper arm").
_WHERE = re.compile(r"\bwhere\b", re.IGNORECASE)
_BODY_SITE = re.compile(
    r"\b(?:abdomen|abdominal|stomach area|belly|thighs?|upper arms?|back of (?:the |your )?(?:upper )?arms?"
    r"|buttocks?|deltoid|gluteal)\b",
    re.IGNORECASE,
)
# When an effect comes or how long it holds is a time (21 CFR 201.57(c)(3), (c)(13)): a sentence without one
# ("evaluated at the time of peak plasma concentration") does not answer "how soon" or "how long".
_EFFECT_TIME_KINDS = frozenset({"onset", "effect_duration"})
_TIME_SPAN = re.compile(
    r"\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|a few|several|some|many|a|an)\s*(?:to \d+ |- ?\d+ )?"
    r"(?:minutes?|min|hours?|hrs?|days?|weeks?|months?)\b|\bdelayed\b|\brapid(?:ly)?\b|\bimmediate(?:ly)?\b|\bquickly\b",
    re.IGNORECASE,
)
# A span of time that is not the length of treatment: watching for an effect, or the wait after a last dose.
_WATCH_OR_WASHOUT = re.compile(
    r"\bmonitor\w*\b.{0,40}\bfor (?:at least |up to )?\d|\bobserv\w* for\b|\bafter the last dose\b"
    r"|\b(?:after|of) (?:stopping|discontinu\w*)\b|\bwash-?out\b",
    re.IGNORECASE,
)
# A change of dose after some weeks ("a dose increase may be considered after several weeks") names a time too,
# but says when to adjust the dose, not when the medicine starts to work.
_DOSE_CHANGE = re.compile(
    r"\bdos(?:e|age) (?:increase|decrease|reduction|adjustment|titration)s?\b|\b(?:dose|dosage)\b.{0,30}\b(?:may|should"
    r"|can) be (?:increased|decreased|titrated|adjusted|reduced)\b|\b(?:increase|titrate)d? (?:the dose|to \d)",
    re.IGNORECASE,
)
_OUT_OF_REACH = re.compile(r"\bout of (the )?reach of children\b", re.IGNORECASE)
# Colour additives are named by a colour ("FD&C Blue No. 1 Aluminum Lake", "iron oxide yellow", 21 CFR 74 and
# 21 CFR 73.1200): a sentence listing them says what the tablet contains, not what colour it is.
_DYE = re.compile(
    r"\b(?:FD&C|D&C|Ext\. D&C)\s+[a-z]+(?:\s+no\.?\s*\d+)?"
    r"|\b(?:iron|ferric) oxide(?:,)?\s+(?:black|red|yellow|brown)\b"
    r"|\b(?:black|red|yellow|brown) (?:iron|ferric) oxide\b",
    re.IGNORECASE,
)
# Storage once a pen, vial or bottle is in use is a different fact from storage before first use (FDA's
# Instructions for Use guidance, 2022, gives them apart): a question about one does not want the other.
_IN_USE_QUESTION = re.compile(
    r"\b(?:after|once|since) (?:i |you |we )?(?:start(?:ed)?|begin|began|first|have started) (?:using|use|to use)\b"
    r"|\b(?:after|once) (?:it'?s |it is |the \w+ is )?(?:opened|open|in use|first use)\b|\bin[- ]use\b"
    r"|\b(?:an? |the |my )?opened (?:\w+ ){0,3}(?:pens?|vials?|bottles?|cartridges?|tubes?|packs?)\b",
    re.IGNORECASE,
)
_IN_USE = re.compile(
    r"\bafter (?:the )?first use\b|\bin[- ]use\b|\bafter (?:it has been |being )?opened\b|\bonce opened\b"
    r"|\bafter (?:you )?(?:start|begin|first) (?:using|use)\b"
    r"|\bafter (?:the )?(?:pen|vial|bottle) (?:has been|is) opened\b|\b(?:pen|vial|bottle) you are using\b"
    r"|\bafter (?:its|their) first use\b",
    re.IGNORECASE,
)
_BEFORE_USE = re.compile(r"\bbefore (?:first )?use\b|\bprior to first use\b|\bunused\b|\bunopened\b", re.IGNORECASE)
_STOPPING_CONTEXT = re.compile(
    r"\b(?:stopping|discontinu\w*|withdrawal|abrupt\w*|too quickly|suddenly stop\w*|after stopping)\b", re.IGNORECASE
)
# 21 CFR 201.57(c)(11) gives the Overdosage section two parts: the signs and symptoms, then the treatment
# (dialysis, lavage, charcoal, supportive care). "What happens if ..." asks for the first.
_OVERDOSE_EFFECT_QUESTION = re.compile(
    r"\bwhat (?:happens|will happen|would happen|could happen)\b|\bsigns?\b|\bsymptoms?\b|\beffects?\b"
    r"|\bwhat (?:does|will|would|can) .{0,30}\bdo\b|\bdangerous\b|\bkill\b|\bfatal\b",
    re.IGNORECASE,
)
_OVERDOSE_CARE = re.compile(
    r"\bdialy[sz]|\bhemodialysis\b|\bgastric lavage\b|\bactivated charcoal\b|\binduc\w* emesis\b"
    r"|\bsupportive (?:care|measures|treatment)\b|\b(?:treatment|management) of (?:the )?overdos",
    re.IGNORECASE,
)
_OVERDOSE_SIGNS = re.compile(
    r"\bsigns?\b|\bsymptoms?\b|\bmanifest|\bcharacterized by\b|\bhave been reported\b|\b(?:may|can) cause\b",
    re.IGNORECASE,
)
# 21 CFR 201.57(c)(3)(i): Dosage and Administration gives the usual dose, then its changes for particular
# populations (kidney or liver impairment, dialysis, the elderly, children). A dose question that names none of
# them asks for the usual dose, so a sentence about one of them is not its answer.
_POPULATION = re.compile(
    r"\b(?:renal|kidney|hepatic|liver) (?:impairment|insufficiency|disease|function|failure)\b|\bdialy[sz]\w*"
    r"|\bhemodialysis\b|\bcreatinine clearance\b|\belderly\b|\bgeriatric\b|\bolder (?:adults?|patients)\b"
    r"|\bpediatric\b|\bchildren\b|\binfants?\b|\bneonates?\b|\badolescents?\b|\bmg/kg\b",
    re.IGNORECASE,
)
_POPULATION_QUESTION = re.compile(
    r"\b(?:kidneys?|renal|liver|hepatic|dialysis|elderly|older|seniors?|geriatric|child\w*|kids?|bab(?:y|ies)"
    r"|infants?|toddlers?|teens?\w*|adolescents?|pediatric|weigh\w*|lbs?|pounds|kg|years? old|\d+ ?(?:yo|yrs?))\b",
    re.IGNORECASE,
)
_ADULTS = re.compile(r"\badults?\b", re.IGNORECASE)
_CHILD = re.compile(r"\b(child|children|kids?|toddlers?|baby|babies|grandchild\w*)\b", re.IGNORECASE)
# Subsection numbers and highlight markers at the start of a sentence ("( 5.2 )", "6.1 ").
# ("1 mg: Light purple ..." starts with its strength, not a number: kept.)
_NUMBERING = re.compile(r"^(\(\s*\d+(\.\d+)*\s*\)|\d+(\.\d+)*\.?)\s+(?!(?:mg|mcg|g|mL|units?)\b)")
# Package codes after a How Supplied entry ("packaged in bottles of 100 (NDC 72603-274-01)"): the entry reads
# as prose without them.
_NDC_CODE = re.compile(r"\s*\(NDC[\s:]*[\d-]+\)")
# Drug Facts headings that begin the advice they head ("Ask a doctor before use if you have ..."): kept.
_DRUG_FACTS_ADVICE = frozenset(
    {
        "DO NOT USE",
        "ASK A DOCTOR BEFORE USE",
        "ASK A DOCTOR OR PHARMACIST BEFORE USE",
        "WHEN USING THIS PRODUCT",
        "STOP USE AND ASK A DOCTOR",
        "IF PREGNANT OR BREAST-FEEDING",
        "KEEP OUT OF REACH OF CHILDREN",
    }
)
_ADVICE = re.compile(
    r"(?:Do not use|Ask a doctor|Stop use and ask a doctor|When using this product|If pregnant or breast-feeding)"
    r"\b.*?\b(?:if|you|when|during|while|for|right|with)\b\s+\S+",
    re.IGNORECASE,
)
# Section headings run into the first sentence of a section ("1 INDICATIONS AND USAGE Naproxen is...").
_HEADING = re.compile(
    r"^(?:"
    + "|".join(
        sorted(
            (
                re.escape(t)
                for t in {
                    *SECTION_TITLES.values(),
                    # Older labels write "and" as "&" ("DOSAGE & ADMINISTRATION").
                    *(title.replace(" AND ", " & ") for title in SECTION_TITLES.values() if " AND " in title),
                    "INDICATIONS",
                    "MEDICATION GUIDE",
                    "DIRECTIONS",
                    "USES",
                }
                - _DRUG_FACTS_ADVICE
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\b[:\s]*",
    re.IGNORECASE,
)
_NUMBERS = re.compile(r"\b\d+(?:[.,]\d+)?%?")
MAX_SENTENCE_CHARS = 400
# Run-on lists ("Adverse reactions include the following: General: ... Dermatologic: hair loss ...") are scored
# whole, up to this length, and shown around what was asked (`_shown`).
MAX_LIST_CHARS = 1500
MIN_SENTENCE_CHARS = 25
MAX_ROW_CHARS = 300
_TYPO_SIMILARITY = 85  # rapidfuzz ratio: one or two letters off in a word of six or more


@dataclass(frozen=True)
class Candidate:
    """One sentence or table row of a passage, with what it is about."""

    text: str
    index: int  # the passage's citation number
    section_key: str
    position: int
    heading: str = ""  # the subsection heading or leaflet question it sits under
    row: bool = False  # a table row, rendered as a short line
    drug: str = ""  # the drug whose label it comes from
    # It starts inside another sentence: the text before it was lost (a list item openFDA dropped). Never the answer.
    fragment: bool = False


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    score: float
    answers: bool  # states the kind of fact asked for, or shares the question's words


@dataclass(frozen=True)
class Question:
    """What the selector needs to know about a question."""

    text: str
    intents: tuple[QuestionKind, ...]
    terms: frozenset[str]
    sections: tuple[str, ...]
    specific: frozenset[str] = frozenset()  # the terms that name what it is about (a rash, an infection)
    phrases: frozenset[str] = frozenset()  # label phrases for its everyday words ("blood pressure increased")
    drugs: tuple[str, ...] = ()  # the drugs it names (catalog keys)
    # The symptoms it names, each as the sets of words that name it (its own words, or one label term's).
    effects: tuple[tuple[frozenset[str], ...], ...] = ()
    # What each of its specific words is worth in a sentence: rare among the sentences at hand, a word says
    # more ("seizures" against "daily"). Set by `rank` from the passages given; a word without one counts by
    # its length.
    weights: tuple[tuple[str, float], ...] = ()

    @functools.cached_property
    def weight_of(self) -> dict[str, float]:
        return dict(self.weights)

    @property
    def lead(self) -> QuestionKind | None:
        return self.intents[0] if self.intents else None


_LINE_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)  # HTML line breaks some openFDA leaflets keep


def split_sentences(text: str) -> list[str]:
    """Sentences of run-on label text (openFDA has no paragraph breaks); "include:" keeps its list."""
    sentences: list[str] = []
    listing = False  # inside a list introduced by "...include:" (bullets join it, separated by commas)
    for line in _LINE_BREAK.sub("\n", text).split("\n"):
        # Item by item: openFDA often runs a list's bullets and the sentences after it into one line
        # ("...treatment of: • ADHD ... older. • Binge eating disorder. Limitations of Use: ... X is a CNS
        # stimulant ..."); the list ends at the first sentence that is not a bullet, which stands on its own.
        for part in (s.strip() for s in _SENTENCE_END.split(line)):
            if not part:
                continue
            if listing and part.startswith("•"):
                item = part.lstrip("• ").strip()
                if item.rstrip(".;,"):
                    joiner = " " if sentences[-1].endswith(":") else ", "
                    # The list keeps the full stop of its last item, so it never reads as a heading.
                    end = "." if item.endswith(".") else ""
                    sentences[-1] = f"{sentences[-1].removesuffix('.')}{joiner}{item.rstrip('.;,')}{end}"
                continue
            if sentences and sentences[-1].endswith(":") and not is_heading(sentences[-1]):
                sentences[-1] = f"{sentences[-1]} {part}"
            else:
                sentences.append(part)
            listing = sentences[-1].endswith(":")
        listing = bool(sentences) and sentences[-1].endswith(":")
    return sentences


def clean_sentence(sentence: str, *, limit: int = MAX_SENTENCE_CHARS) -> str:
    """One sentence as it is shown: no cross-references, numbering or run-in section heading; at most LIMIT chars."""
    sentence = remove_cross_references(sentence).replace("\n", " ")
    # Headings nest ("8 USE IN SPECIFIC POPULATIONS 8.4 Pediatric Use ..."): peel them until none is left.
    for _ in range(4):
        peeled = _HEADING.sub(_run_in_heading, _NUMBERING.sub("", _NDC_CODE.sub("", sentence))).strip()
        if peeled == sentence:
            break
        sentence = peeled
    # A section whose heading held the sentence's start (", ask a health professional before use.").
    sentence = sentence.lstrip(",;:-–•* ").strip()
    sentence = sentence[:1].upper() + sentence[1:]
    if len(sentence) > limit:
        cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:")
        sentence = cut + "…"
    return sentence


def _run_in_heading(match: re.Match[str]) -> str:
    """A section title run into the sentence goes; a sentence that starts with the same word stays.

    "OVERDOSAGE Signs of ..." and "Pediatric Use Safety ..." lose their title; "Overdosage might be
    expected to cause ..." is a sentence about overdosage.
    """
    following = match.string[match.end() : match.end() + 1]
    if not match.group().strip().isupper() and following.islower():
        return match.group()
    return ""


def terms_of(text: str) -> set[str]:
    """Content words, lightly stemmed so "tablets"/"tablet" and "stopping"/"stop" meet."""
    out = set()
    for word in _WORD.findall(text.lower()):
        # "half-life" counts as "half" and "life", "film-coated" as "film" and "coated"; and as one word too, so
        # "breast-feeding" meets "breastfeeding".
        parts = word.split("-")
        for part in parts if len(parts) == 1 else [*parts, "".join(parts)]:
            if len(part) > 2 and part not in _STOPWORDS:
                out.add(_stem(part))
    return out | _amounts(text)


_AMOUNT = re.compile(r"\b(\d+(?:\.\d+)?)\s*(mg|mcg|g|ml|units?|%)(?![a-z])", re.IGNORECASE)


# A dose states an amount (21 CFR 201.57(c)(3)(i)): a weight or volume, units, or a count of tablets, drops, puffs,
# sprays, patches or applications ("one drop in the affected eye", "apply a thin layer").
_DOSE_AMOUNT = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|micrograms?|milligrams?|g|grams?|ml|mL|units?|international units|iu|ppm|%"
    r"|mmol|meq|tablets?|capsules?|caplets?|drops?|puffs?|sprays?|inhalations?|patch(?:es)?|packets?|vials?"
    r"|teaspoon\w*|tablespoon\w*|suppositor\w*)\b"
    r"|\b(?:one|two|three|four|a|an|half an?|1/2) (?:tablets?|capsules?|caplets?|drops?|puffs?|sprays?|inhalations?"
    r"|patch(?:es)?|packets?|teaspoon\w*|tablespoon\w*|suppositor\w*|thin (?:layer|film)|applicatorful)\b",
    re.IGNORECASE,
)


def _amounts(text: str) -> set[str]:
    """Strengths named in TEXT ("5 mg" -> "5mg"): a question about one strength wants the line about it."""
    return {f"{n}{unit.lower().rstrip('s')}" for n, unit in _AMOUNT.findall(text)}


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # Cached: every sentence of every retrieved passage is stemmed word by word on each turn, and label
    # vocabulary repeats across all of them.
    for suffix in ("ment", "ness", "ing", "ies", "es", "ed", "ly", "s"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    # A silent final e goes too, so each form meets the others: "headache"/"headaches", "reduce"/"reduces"/"reduced".
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def question_of(
    text: str, *, drugs: Iterable[str] = (), sections: Sequence[str] = (), names: Iterable[str] | None = None
) -> Question:
    """What the selector needs of a question; DRUGS are its catalog keys, NAMES the words it used for them.

    Drug names are left out of the words a sentence is matched on: every sentence of the label is about
    the drug, whichever name ("Viagra", "sildenafil") the question used. Without NAMES the catalog keys'
    words are left out. A name several products share is not among NAMES: "magnesium" asked about in an
    infusion of five salts is what its sentences have to be about.
    """
    text = normalize_question(text)
    drugs = tuple(drugs)
    named = drugs if names is None else names
    # Read as the question's words are (a hyphenated name, "fam-trastuzumab" or a biosimilar's "adalimumab-atto",
    # counts as its parts too).
    drug_words = {_stem(w) for drug in named for w in _WORD.findall(drug.lower())}.union(*map(terms_of, named))
    # The label's words for everyday ones ("sleepy" -> somnolence) count as the question's own.
    # A label term of several words ("memory impairment") counts only as the whole phrase.
    found = label_terms(text)
    words = (terms_of(text) | terms_of(" ".join(t for t in found if " " not in t))) - drug_words
    phrases = frozenset(t.lower() for t in found if " " in t)
    kind_words = {_stem(w) for w in _KIND_WORDS}
    effects = tuple(
        tuple(_naming_words(name) for name in (symptom, *label_terms(symptom)) if _naming_words(name))
        for symptom in symptoms_in(text)
    )
    intents = detect_intents(text)
    if not intents and not {w for w in words if w not in _VAGUE_WORDS and _stem(w) not in _VAGUE_WORDS}:
        # Nothing but a name ("metformin?", "tell me about Zoloft"): what the medicine is and is for.
        intents = (BY_NAME["information"],)
    return Question(
        text=text,
        intents=intents,
        terms=frozenset(words),
        sections=tuple(sections),
        specific=frozenset(words - kind_words),
        phrases=phrases,
        drugs=drugs,
        effects=effects,
    )


_FOOTNOTE = re.compile(r"(?<=[A-Za-z)])\s*[*†‡§\d]{1,2}$")


# The first cell of a Drug Facts "Directions" row: an age group (21 CFR 201.66(c)(6) gives directions by age).
AGE_GROUP = re.compile(
    r"(?:adults?|children|child|infants?|babies|teens?|adolescents?|persons?)\b[^|]{0,60}"
    r"\b(?:\d+\s*(?:years?|yrs?|months?)|older|over|under)\b|(?:under|over) \d+\s*(?:years?|months?)\b",
    re.IGNORECASE,
)


def _labelled_cell(name: str, cell: str) -> str:
    """CELL under its column NAME; a cell that repeats its column's name ("Do not use: Do not use unless ...")
    is shown without it."""
    return cell if cell.lower().startswith(name.lower()) else f"{name}: {cell}"


def _render_row(cells: list[str], header: list[str] | None) -> str:
    cells = [c.strip() for c in cells]
    if header:
        header = [_FOOTNOTE.sub("", h.strip()) for h in header]  # "Usual Durations 1": a footnote mark
    if header and len(header) == len(cells) and len(cells) > 1:
        rest = "; ".join(_labelled_cell(h.strip(), c) for h, c in zip(header[1:], cells[1:], strict=True) if c)
        return f"{cells[0]}: {rest}".strip()
    return f"{cells[0]}: " + ", ".join(c for c in cells[1:] if c) if len(cells) > 1 else cells[0]


_TABLE_START = re.compile(r"(?:^|\n)(?=Table: )")
_NUMBERED_CAPTION = re.compile(r"\s*(?:Figure|Fig\.|Table|Chart|Graph)\s*\d", re.IGNORECASE)
_NUMERIC_CELL = re.compile(r"[\d\s.,%()<>=≥≤±/-]*")


def candidates(passage: Passage) -> list[Candidate]:
    """The sentences of a passage and the rows of its tables, each with the heading it sits under."""
    return list(
        _passage_candidates(passage.text, passage.citation.index, passage.section_key, passage.citation.drug_name)
    )


# Label chunks never change while the index is open and the same ones come back for every question about a
# medicine, so splitting and cleaning a chunk (about a third of a chat turn's work before its first token) is
# done once per chunk and citation number. Bounded for a small Functions worker: 1,024 chunks (about 5,000
# sentences) and 8,192 sentences' features take about 20 MB at most (measured: ~1.7 KB a sentence, both caches).
@functools.lru_cache(maxsize=1024)
def _passage_candidates(text: str, index: int, section_key: str, drug: str) -> tuple[Candidate, ...]:
    passage = _PassageParts(text=text, index=index, section_key=section_key, drug=drug)
    out: list[Candidate] = []
    for segment in _TABLE_START.split(text):
        if segment.startswith("Table:") and (" | " in segment or _NUMBERED_CAPTION.match(segment, len("Table:"))):
            out += _table_candidates(segment.removeprefix("Table:"), passage, start=len(out))
        elif segment.startswith("Table:"):
            # A "table" with no columns is prose laid out in a box: Medication Guides often set a whole answer
            # ("If you miss a dose, ...") in a one-cell table. Its text is read as sentences, not as a caption.
            out += _prose_candidates(segment.removeprefix("Table:"), passage, start=len(out))
        elif segment.strip():
            out += _prose_candidates(segment, passage, start=len(out))
    return tuple(out)


@dataclass(frozen=True)
class _PassageParts:
    """What candidates are made of: a passage's text, citation number, section and drug."""

    text: str
    index: int
    section_key: str
    drug: str


_PROSE_CELL_CHARS = 60  # a table line without columns this long is a cell of prose, not a caption


def _table_candidates(text: str, passage: _PassageParts, *, start: int) -> list[Candidate]:
    out: list[Candidate] = []
    header: list[str] | None = None
    first_row: list[str] | None = None
    first_position = -1
    caption = ""
    position = start
    for line in (line.strip() for line in text.split("\n")):
        position += 1
        if " | " not in line:
            if header is not None and len(line) >= _PROSE_CELL_CHARS:
                # A one-cell row of prose: patient leaflets are often laid out as one big table, each answer a
                # row ("Manufactured by: ...", "Store ... in the refrigerator ..."). Read as sentences.
                prose = _prose_candidates(line, passage, start=position)
                out += prose
                position += len(prose)
            else:
                caption = caption or line[:160]
            continue
        cells = line.split(" | ")
        if header is None and not AGE_GROUP.match(cells[0].strip()):
            header = cells
            continue
        if header is None:
            header = []  # a Drug Facts directions table has no header row: its first row is an age group's dose
        if first_row is None:
            first_row, first_position = cells, position
        names = header
        if len(cells) != len(header) and _is_subheader(first_row) and len(first_row) + 1 == len(cells):
            # A header in two rows: the arms over their columns ("Adverse Reaction | TUKYSA N=86"), then the
            # columns ("All Grades % | Grade 3 %"); the rows name the reaction in a column of their own.
            names = [header[0], *first_row]
            if first_position >= 0:  # the column names are no row to read (dropped once)
                out = [c for c in out if c.position != first_position]
                first_position = -1
        rendered = remove_cross_references(_render_row(cells, names or None))
        if len(rendered) > MAX_ROW_CHARS:
            continue  # a row this long is a flattened paragraph, not a line to read
        if len(names) != len(cells) and all(_NUMERIC_CELL.fullmatch(c.strip()) for c in cells[1:]):
            continue  # numbers that cannot be given the column names they belong to say nothing
        out.append(
            Candidate(
                rendered,
                passage.index,
                passage.section_key,
                position,
                heading=caption,
                row=True,
                drug=passage.drug,
            )
        )
    return out


def _is_subheader(cells: Sequence[str]) -> bool:
    """A row of column names under a header row: short cells, none of them only numbers."""
    return all(c.strip() and len(c) <= 40 and not _NUMERIC_CELL.fullmatch(c.strip()) for c in cells)


def _prose_candidates(text: str, passage: _PassageParts, *, start: int) -> list[Candidate]:
    out: list[Candidate] = []
    index, section = passage.index, passage.section_key
    heading = ""
    previous = ""
    sentences, listed = _with_their_items(split_sentences(text))
    for position, raw in enumerate(sentences, start=start):
        advice = _ADVICE.match(raw)  # Drug Facts advice has no full stop: "Ask a doctor before use if you have ..."
        field = _FIELD.match(raw)  # "Active Ingredient: atorvastatin calcium, USP" states a value; it heads nothing
        if (
            raw not in listed
            and not _USES_STATEMENT.match(raw)
            and is_heading(raw)
            and not raw.endswith("?")
            and "\n" not in raw
            and len(raw) < 120
            and not advice
            and not field
            # A Drug Facts list ("Directions ■ take every 4-6 hours ■ do not ...") has no full stop yet says things.
            and not BULLET.search(raw)
            and not (is_directions(raw, section) and len(raw.split()) > 3)
        ):
            heading, previous = raw, ""
            continue
        if raw.endswith("?"):  # leaflet headings are questions: "How should I store X?"
            heading, previous = raw, ""
            continue
        for number, piece in enumerate(_joined_pieces(raw)):
            fragment = number > 0 or (not previous and bool(_EXPLAINS_LOST_ITEM.match(piece)))
            sentence = clean_sentence(piece, limit=MAX_LIST_CHARS)
            if number > 0:
                sentence = "…" + piece[:1] + sentence[1:]  # its start is lost: shown as a continuation
            # Short text is mostly debris; a section that is one short statement is that statement ("Treats head
            # lice.", the whole of a Drug Facts "Uses").
            if len(sentence) < MIN_SENTENCE_CHARS and not (len(sentences) == 1 and len(sentence.split()) >= 2):
                continue
            # "It is an important cofactor for ...": a sentence about the one before it is shown with it.
            if previous and _REFERS_BACK.match(sentence) and len(previous) + len(sentence) < MAX_SENTENCE_CHARS:
                sentence = f"{previous} {sentence}"
            # A Drug Facts "Stop use and ask a doctor if" lists the effects to act on (21 CFR 201.66(c)(5)(vii)); it is
            # shown as the referral it also is, since an answer never tells anyone to stop a medicine.
            sentence = _STOP_USE_HEADING.sub("Ask a doctor if", sentence)
            out.append(
                Candidate(sentence, index, section, position, heading=heading, drug=passage.drug, fragment=fragment)
            )
            previous = sentence
    return out


# A Drug Facts "Use(s)" panel states what the product does without a full stop ("Use controls symptoms of
# diarrhea", 21 CFR 201.66(c)(4)): a statement, not a heading.
_USES_STATEMENT = re.compile(r"Uses?\s+(?:\S+\s+){2,}\S", re.IGNORECASE)
_LEAD_IN = re.compile(r":\s*\S[^:]{0,60}$|:$")
MAX_LIST_ITEMS = 12


def _with_their_items(sentences: list[str]) -> tuple[list[str], set[str]]:
    """SENTENCES with each list lead-in ("... due to hay fever: runny nose") joined to the bullet items after it
    ("• sneezing"), so "temporarily relieves these symptoms: runny nose; sneezing; ..." is one statement instead of a
    heading and items too short to quote; and the joined ones."""
    out: list[str] = []
    joined: set[str] = set()
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        index += 1
        items: list[str] = []
        while _LEAD_IN.search(sentence) and index < len(sentences) and len(items) < MAX_LIST_ITEMS:
            item = BULLET.sub("", sentences[index], count=1).strip()
            if not BULLET.match(sentences[index]) or item.endswith(":"):
                break  # not an item, or the lead-in of a list of its own
            items.append(item)
            index += 1
        if items:
            sentence = "; ".join([sentence.rstrip(), *items])
            joined.add(sentence)
        out.append(sentence)
    return out, joined


_REFERS_BACK = re.compile(r"(?:It|They|Its|Their)\s")
_STOP_USE_HEADING = re.compile(r"^Stop use and ask a doctor(?: or pharmacist)? if\b", re.IGNORECASE)
# openFDA drops some list items and keeps the text around them, so one "sentence" can run two pieces together
# at a full stop followed by the rest of a clause whose start was the lost item ("... bad cholesterol. along
# with diet for ..."): a lower-case word that only continues a clause (a conjunction, "along with", "which").
# Drug Facts bullets also start in lower case after a full stop ("... 2 tablets. children under 12: ask a
# doctor"), but with a word that can begin an instruction, so they stay as they are. A full stop after an
# abbreviation ("vs. and", "Inc. and") is no join; one- and two-letter words ("e.g.", "U.S.") never match.
_JOIN = re.compile(
    r"(?<=[A-Za-z]{3}\.)\s+(?=(?:along|and|or|but|nor|with|without|which|whose|that|including|plus|alone|than"
    r"|whereas|as well as|together with|in addition to|such as)\b)"
)
_ABBREVIATIONS = frozenset(
    "inc vs corp mfd ltd approx etc fig figs resp dept min max hrs sec vol ref refs lbs osha viz ibid nos avg".split()
)
# A sentence that explains a list item ("This is an inherited condition that ...") whose item was lost: it
# starts a passage, with nothing before it to explain.
_EXPLAINS_LOST_ITEM = re.compile(r"(?:This|These) (?:is|are|means?|includes?)\b")


def _joined_pieces(sentence: str) -> list[str]:
    """SENTENCE split where two pieces were run together across a lost list item; usually one piece."""
    pieces: list[str] = []
    start = 0
    for match in _JOIN.finditer(sentence):
        word = re.search(r"([A-Za-z]+)\.$", sentence[start : match.start()])
        if word is None or word.group(1).lower() in _ABBREVIATIONS:
            continue
        pieces.append(sentence[start : match.start()])
        start = match.end()
    pieces.append(sentence[start:])
    return [piece for piece in pieces if piece.strip()]


_FIELD = re.compile(r"[A-Z][A-Za-z]*(?: [A-Za-z]+){0,3}: +[\w(][^:]{2,}$")


# A heading that reads as a title: words capitalised but for short connectives, no full stop, no verb to state
# anything ("Recommended Dose in Adult Patients Reduction of Risk of Stroke ..."). Longer headings than
# `is_heading` takes reach the candidates whole; such a line answers nothing and is never quoted.
_TITLE_CONNECTIVES = "a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|with|without|vs"
_TITLE = re.compile(
    r"(?:[A-Z0-9][\w'’()/,-]*|(?:"
    + _TITLE_CONNECTIVES
    + r"))(?:\s+(?:[A-Z0-9(][\w'’()/,-]*|(?:"
    + _TITLE_CONNECTIVES
    + r")))+"
)


def _is_title(text: str) -> bool:
    return len(text.split()) >= 4 and bool(_TITLE.fullmatch(text.strip()))


def _allowed(candidate: Candidate, question: Question) -> bool:
    features = _features(candidate.text, candidate.heading)
    if not features.prose or (not candidate.row and _is_title(candidate.text)):
        return False
    return not (features.supplier and not (question.lead and question.lead.name == "manufacturer"))


@dataclass(frozen=True)
class _Features:
    """What a candidate's own words say, the same whatever the question: computed once per sentence."""

    words: frozenset[str]
    lowered: str
    heading_words: frozenset[str]
    numbers: int
    prose: bool  # reads as an answer: no reporting boilerplate, and never tells anyone to stop a medicine
    supplier: bool


@functools.lru_cache(maxsize=8192)
def _features(text: str, heading: str) -> _Features:
    stop_advice = bool(_STOP_ADVICE.search(text)) and (
        bool(_TELLS_TO_STOP.search(text)) or not (_SAFE_STOPPING.search(text) or _AFTER_STOPPING_REPORT.search(text))
    )
    # "Stop examplol if the patient has anaphylaxis": an instruction to stop, whatever words follow the verb.
    stop_advice = stop_advice or bool(_TELLS_TO_STOP.match(text) or _STOP_AFTER_A_CLAUSE.search(text))
    return _Features(
        words=frozenset(terms_of(text)),
        lowered=text.lower(),
        heading_words=frozenset(terms_of(heading)) if heading else frozenset(),
        numbers=len(_NUMBERS.findall(text)),
        # A wrong poison-center number is never quoted (`pharmabot.answer.poison_help`).
        prose=not _NOT_PROSE.search(text) and not stop_advice and not wrong_poison_number(text),
        supplier=bool(_SUPPLIER.search(text)),
    )


def _cue(intent: QuestionKind, text: str) -> bool:
    return bool(intent.cues and intent.cues.search(text))


def score(candidate: Candidate, question: Question) -> Scored:
    """How well one candidate answers the question (higher is better)."""
    text = candidate.text
    features = _features(text, candidate.heading)
    lowered, words = features.lowered, features.words
    value = 0.0
    lead = question.lead
    cue_text = _DYE.sub(" ", text) if lead and lead.name == "appearance" else text
    strong = bool(lead and lead.strong and lead.strong.search(cue_text))
    if strong and lead is not None and lead.name == "dosage" and not _AMOUNT.search(text):
        strong = False  # "the maximum interval between doses" is no dose: a dose states an amount
    # Comparing two medicines or taking them together: a label sentence that names the other one speaks to
    # both ("valacyclovir is the L-valyl ester of acyclovir", "take X 2 hours before Y").
    names_other = bool(lead and lead.name in _BOTH_DRUGS) and _names_other_drug(lowered, candidate, question)
    if strong and lead is not None and lead.name == "comparison" and not names_other:
        strong = False  # "the S-enantiomer of citalopram" compares nothing when citalopram was not asked about
    cue = strong or bool(lead and _cue(lead, cue_text))  # the most direct wording is a cue as well
    if cue and not strong and lead is not None and lead.name == "overdose" and not _about_overdose(candidate):
        cue = False  # "signs and symptoms" of a rash or an infection say nothing of an overdose
    other_route = bool(
        lead is not None
        and lead.name in _HOW_TO_TAKE_KINDS
        and _NOT_BY_MOUTH.search(text)
        and not _NOT_BY_MOUTH.search(question.text)
    )
    if other_route:
        strong = cue = False  # a rectal or enema use answers "how do I take it" only when that form was asked about
    if lead is not None and lead.name in _HOW_TO_TAKE_KINDS and is_directions(text, candidate.section_key):
        cue = True  # a Drug Facts "Directions" panel (21 CFR 201.66(c)(6)) is how to take it, whatever its wording
    if lead is not None and lead.name in _EFFECT_TIME_KINDS and not _TIME_SPAN.search(_DOSING_INTERVAL.sub(" ", text)):
        strong = cue = False
    heading_cue = bool(lead and candidate.heading and _cue(lead, candidate.heading))
    if cue:
        value += 3.0
    if strong:
        value += 1.5
    if heading_cue:
        value += 0.5 if cue else 1.5  # the subsection is about it; counts most when the sentence does not say so
    # The other kinds the question is of count less: "how long" + "side effects" wants both.
    value += sum(1.0 for intent in question.intents[1:3] if _cue(intent, text))
    shared = question.terms & words | _misspelled(question.terms - words, words)
    if "alcohol" in shared and not _ALCOHOL.search(_drink_text(text)):
        shared = shared - {"alcohol"}  # "polyvinyl alcohol" in the inactive ingredients is no drink
    if "food" in shared and not _FOOD.search(_FDA.sub(" ", text)):
        shared = shared - {"food"}  # nor is the Food and Drug Administration a meal
    phrases = {phrase for phrase in question.phrases if phrase in lowered}
    # The question's own words are the surest sign a sentence is about what was asked.
    weights = question.weight_of
    # A word that only says what kind of question it is ("treat", "dose") counts little: the kind's cues judge that.
    kind_only = question.terms - question.specific
    value += sum(
        _KIND_WORD_WEIGHT if term in kind_only else weights.get(term, 2.0 if len(term) >= 6 else 1.5) for term in shared
    ) + 2.0 * len(phrases)
    if names_other:
        value += 3.0
    in_heading = question.terms & features.heading_words
    value += 0.75 * len(in_heading)
    mentioned = question.specific & (words | features.heading_words)
    off_topic = bool(question.specific) and not phrases and not mentioned
    if off_topic:
        value -= 2.0  # the question names something (a rash, an infection) this sentence does not mention
    if lead and candidate.section_key in lead.sections:
        value += 1.5 * (1 - lead.sections.index(candidate.section_key) / len(lead.sections))
    elif candidate.section_key in question.sections:
        value += 0.5
    if candidate.section_key in PATIENT_SECTIONS:
        value += 0.4  # plain wording, when it says the same
    value -= 0.03 * min(candidate.position, 30)  # labels state the main point first
    if _flattened(candidate):
        value -= 3.0
    if candidate.row and not (lead and lead.name == "dosage" and _LABELLED_DOSE.search(text)):
        value -= 1.0 if shared else 4.0  # a row means something only next to the words it was asked with
    if len(text) > 300:
        value -= 0.5
    if _TERM_FOOTNOTE.search(text):
        value -= 3.0
    # "Can I cut / crush / chew it?": what the label says of the tablet's form answers, if it says anything.
    if lead and lead.name == "usage" and _ALTERS_THE_FORM.search(question.text) and _FORM_INTEGRITY.search(text):
        value += 2.0
    if lead and lead.name == "contraindications" and _ORGAN.search(question.text) and _IMPAIRMENT.search(text):
        value += 2.0  # "if I have kidney problems": what the label says of renal impairment
    if lead and lead.name == "usage" and _WHERE.search(question.text):
        value += 2.5 if _BODY_SITE.search(text) else -1.5  # "where do I inject it?": the sites the label names
    if _AS_TOLD.search(text):
        value -= 1.0  # every Medication Guide's "take it exactly as your healthcare provider tells you"
    if _STUDY_DESIGN.search(text):
        value -= 2.0  # what a trial set out to measure, not what it found
    if _STARTS_INSIDE_PARENTHESES.match(text):
        value -= 2.0  # the end of a parenthesis whose sentence start was lost: "(most common ...) yet were ..."
    if not (lead and lead.name in _CHEMISTRY_KINDS) and _CHEMISTRY.search(text):
        value -= 3.0
    if lead and lead.name == "storage" and _OUT_OF_REACH.search(text) and not _CHILD.search(question.text):
        value -= 3.0  # every OTC label says it (21 CFR 330.1(g)), leaflets too: no storage answer
    if lead and lead.name == "storage" and _IN_USE_QUESTION.search(question.text):
        if _IN_USE.search(text):
            value += 2.5
        elif _BEFORE_USE.search(text):
            value -= 2.5
    if lead and lead.name == "overdose" and _OVERDOSE_EFFECT_QUESTION.search(question.text):
        if _OVERDOSE_CARE.search(text) and not _OVERDOSE_SIGNS.search(text):
            value -= 2.0
        elif _OVERDOSE_SIGNS.search(candidate.heading or ""):
            value += 1.0  # under the "Signs and Symptoms" subheading
    if other_route:
        value -= 1.5
    if lead and lead.name == "dosage" and not _DOSE_AMOUNT.search(text):
        value -= 1.5  # "the recommended dose should be given once daily" names no amount: it is not the dose
    if lead and lead.name == "dosage" and _LOOK.search(text):
        value -= 2.0  # "100 mg tablets are yellow, debossed with 55": how a strength looks, not a dose to take
    if lead and lead.name == "dosage" and _UNIT_CONTENT.search(text):
        value -= 2.0  # what one tablet holds (21 CFR 201.57(c)(12) Description) is a strength, not a dose
    if lead and lead.name == "pregnancy" and (_DISEASE_RISK.search(text) or _DISEASE_RISK.search(candidate.heading)):
        value -= 2.0  # the risk of the illness itself (PLLR "Clinical Considerations"), not of the medicine
    elif lead and lead.name == "pregnancy" and _ANIMAL_DATA.search(text):
        value -= 1.0  # the Risk Summary states human data first; animal studies support it
    if lead and lead.name == "duration" and _WATCH_OR_WASHOUT.search(text):
        value -= 2.0  # "monitor for 2 weeks after the last dose": a time to watch or wait, not how long to take it
    if lead and lead.name in _EFFECT_TIME_KINDS and _DOSE_CHANGE.search(text):
        value -= 2.0
    if _for_another_population(text, question):
        value -= 2.0
    if lead and lead.name in _WHAT_IT_IS_KINDS and _about_one_component(text, question):
        value -= 1.5
    if lead and lead.name == "side_effects" and _STOPPING_CONTEXT.search(text) and not _asks_stopping(question):
        # Discontinuation syndromes list many symptoms (SSRIs, SNRIs, benzodiazepines, beta-blockers): effects
        # of stopping the medicine, not of taking it.
        value -= 2.0
    if lead and lead.name == "side_effects" and _USE_CONDITION.match(text):
        # A Drug Facts "Do not use" / "Ask a doctor before use if" line lists who should check first (21 CFR
        # 201.66(c)(5)(iii)-(iv)): conditions, not the effects the medicine may have.
        value -= 3.0
    if "?" in text:
        value -= 1.0
    answers = cue or heading_cue or bool(shared) or bool(phrases) or bool(in_heading) or names_other
    if (
        question.effects
        and lead is not None
        and lead.name == "side_effects"
        and not _names_an_effect(question, words, text)
    ):
        answers = False  # "does it cause a cough?": a sentence about other side effects does not answer it
    if lead is not None and lead.name in _EFFECT_TIME_KINDS and not (cue or heading_cue):
        answers = False  # "how long does it take to work?" is answered by a time, not by the word "work"
    if lead is not None and lead.name == "interactions" and _names_other_food(question.text, text):
        answers = False  # "with coffee?": a sentence about cyclosporine, or polyvinyl alcohol, does not answer it
    if lowered.startswith(_LEAFLET_BOILERPLATE):
        value -= 3.0
    return Scored(candidate, value, answers)


_KIND_WORD_WEIGHT = 0.5
_BOTH_DRUGS = frozenset({"comparison", "interactions"})
# What every patient leaflet says of itself (21 CFR 208.20 and FDA's Patient Package Insert templates): it answers
# no question about the medicine.
_LEAFLET_BOILERPLATE = (
    "if you have any questions",
    "this medication guide",
    "this patient information",
    "this leaflet",
    "this information",
    "this instructions for use",
)
# 21 CFR 201.57(c)(11): the Overdosage section; elsewhere a sentence speaks of an overdose only in its own words.
_OVERDOSE_WORDS = re.compile(
    r"\boverdos|\btoxicity\b|\btoxic (?:levels?|doses?|concentrations?)\b|\bpoison"
    r"|\btoo much\b|\bintoxicat",
    re.IGNORECASE,
)
_OVERDOSE_SECTIONS = frozenset({"overdosage", "keep_out_of_reach_of_children"})
# Routes a question about taking a medicine does not mean unless it names them: by mouth is the default.
_HOW_TO_TAKE_KINDS = frozenset({"usage", "dosage", "time_of_day"})
_NOT_BY_MOUTH = re.compile(r"\brectal(?:ly)?\b|\benemas?\b|\bsuppositor", re.IGNORECASE)
_GROUP_SIZE = re.compile(r"\b[Nn]\s*=\s*\d")


def _flattened(candidate: Candidate) -> bool:
    """Table text openFDA flattened into a sentence: numbers with no sentence around them, or a trial's arms."""
    if candidate.row:
        return False
    features = _features(candidate.text, candidate.heading)
    numbers = features.numbers
    return (numbers > 6 and numbers > len(features.words) / 2) or _trial_arms(candidate.text)


def _trial_arms(text: str) -> bool:
    return len(_GROUP_SIZE.findall(text)) >= 2


# A dosing table's row rendered with its column names ("Initial Dose: 25 mg twice daily") says what it is.
_LABELLED_DOSE = re.compile(
    r"\b(?:dose|dosage|dosing)\b[^:;]{0,30}: [^;]{0,40}\b\d+(?:\.\d+)?\s?(?:mg|mcg|g|mL|units?)\b", re.IGNORECASE
)
# How a tablet looks (21 CFR 201.57(c)(4), (c)(17)): imprint, colour and shape.
_LOOK = re.compile(r"\b(?:debossed|imprinted|engraved|embossed|film-coated|biconvex|colored|coloured)\b", re.IGNORECASE)
# "Each tablet contains 28.78 mg of X fumarate equivalent to 25 mg X": the content of a unit.
_UNIT_CONTENT = re.compile(
    r"\beach (?:[\w-]+ ){0,3}?(?:tablets?|capsules?|mL|vials?|patch|sachets?|packets?)\b.{0,40}\bcontains?\b"
    r"|\bequivalent to \d",
    re.IGNORECASE,
)


def _about_overdose(candidate: Candidate) -> bool:
    return candidate.section_key in _OVERDOSE_SECTIONS or bool(
        _OVERDOSE_WORDS.search(candidate.text) or _OVERDOSE_WORDS.search(candidate.heading)
    )


# The Pregnancy and Lactation Labeling Rule's subsections (21 CFR 201.57(c)(9)(i)(B)): a Risk Summary (human data
# first, then animal data), then "Clinical Considerations", whose first part is the risk the illness itself carries
# ("Disease-associated maternal and/or embryo/fetal risk"), then the Data. "Is it safe in pregnancy" is answered
# by the Risk Summary.
_DISEASE_RISK = re.compile(r"\bdisease[- ]associated\b|\buntreated\b.{0,60}\b(?:risk|associated)\b", re.IGNORECASE)
_ANIMAL_DATA = re.compile(
    r"\b(?:rats?|rabbits?|mice|monkeys?|dams|animal (?:data|studies|reproduction))\b", re.IGNORECASE
)
_USE_CONDITION = re.compile(r"(?:Do not use|Ask a doctor(?: or pharmacist)? before use)\b", re.IGNORECASE)


def _about_one_component(text: str, question: Question) -> bool:
    """A sentence whose subject is one ingredient of a combination asked about ("Sitagliptin is a DPP-4 inhibitor"
    for "what is Janumet"): the label's sections describe each component in turn (21 CFR 201.57(c)(12), (13))."""
    components = [c for drug in question.drugs if " and " in drug for c in drug.split(" and ")]
    opening = " ".join(text.lower().split()[:2])
    return any(opening.startswith(component) or f" {component}" in opening for component in components)


def _drink_text(text: str) -> str:
    """TEXT without the alcohols that are ingredients ("polyvinyl alcohol"), which are no drink."""
    return _EXCIPIENT_ALCOHOL.sub(" ", text)


def _names_other_food(question: str, text: str) -> bool:
    """QUESTION names a food or drink (coffee, alcohol, grapefruit) that TEXT does not."""
    drinks = _drink_text(text)
    return any(food.search(question) and not food.search(drinks) for food in _NAMED_FOODS)


def _for_another_population(text: str, question: Question) -> bool:
    """A dose sentence for a population the dose question does not name ("25 mg after each dialysis")."""
    lead = question.lead
    if not (lead and lead.name == "dosage") or _POPULATION_QUESTION.search(question.text):
        return False
    # "Adults and adolescents: 25 mg twice daily" gives the usual dose as well.
    return bool(_POPULATION.search(text)) and not _ADULTS.search(text)


def _asks_stopping(question: Question) -> bool:
    return any(intent.name == "stopping" for intent in question.intents)


# Words that say how an effect goes rather than what it is: "weight gain" is named by "weight", "gained"
# alone names nothing.
_HOW_WORDS = frozenset(
    _stem(w) for w in "gain gained loss losing pain ache aches problems high low increased decreased change".split()
)


def _naming_words(name: str) -> frozenset[str]:
    words = terms_of(name)
    return frozenset(words - _HOW_WORDS or words)


def _names_an_effect(question: Question, words: AbstractSet[str], text: str = "") -> bool:
    """The sentence names one of the symptoms asked about, all its words ("weight gain", not "gained")."""
    return any(
        names <= words and (names != _WEIGHT or bool(_WEIGHT_CHANGE.search(text)))
        for effect in question.effects
        for names in effect
    )


# Weight is an effect only when it changes: "dosed by body weight", "a healthy body weight" and "weight-bearing
# joints" name no effect.
_WEIGHT = frozenset({"weight"})
_WEIGHT_CHANGE = re.compile(
    r"\bweight (?:gain|loss|increase|decrease|change|reduction)\w*"
    r"|\b(?:gain|los[est]|increase|decrease)\w* (?:in |of )?(?:body )?weight\b"
    r"|\bweight (?:was |were )?(?:gained|lost|increased|decreased)\b",
    re.IGNORECASE,
)


def _names_other_drug(lowered: str, candidate: Candidate, question: Question) -> bool:
    """The sentence names a drug of the question other than the one whose label it is from."""
    for drug in question.drugs:
        if drug == candidate.drug or not candidate.drug:
            continue
        if all(re.search(rf"\b{re.escape(word)}\b", lowered) for word in drug.split() if word != "and"):
            return True
    return False


def _misspelled(terms: Iterable[str], words: AbstractSet[str]) -> set[str]:
    """Question words that are a typing slip away from a word of the sentence ("injecetion", "tabelts")."""
    long_words = [w for w in words if len(w) >= 6]
    if not long_words:
        return set()
    return {
        term
        for term in terms
        if len(term) >= 6 and process.extractOne(term, long_words, scorer=fuzz.ratio, score_cutoff=_TYPO_SIMILARITY)
    }


def _similar(a: set[str], b: set[str]) -> bool:
    if not a or not b:
        return False
    overlap = len(a & b)
    return overlap >= 0.7 * min(len(a), len(b))


def rank(passages: Sequence[Passage], question: Question) -> list[Scored]:
    """Every allowed candidate of the passages, scored, best first (ties in label order)."""
    pool = [c for p in passages for c in candidates(p) if _allowed(c, question)]
    question = dataclasses.replace(question, weights=term_weights(question.specific, pool))
    scored = [score(c, question) for c in pool]
    scored.sort(key=lambda s: (-s.score, s.candidate.index, s.candidate.position))
    return scored


# A word in one sentence of two hundred weighs 3.0, one in half of them 1.0: about the 1.5 to 2.0 every shared
# word weighed before, spread by how telling it is.
IDF_SCALE = 0.6
MIN_WEIGHT, MAX_WEIGHT = 1.0, 3.0


def term_weights(terms: AbstractSet[str], pool: Sequence[Candidate]) -> tuple[tuple[str, float], ...]:
    """Each of TERMS' worth, from how few of the candidate sentences hold it (BM25's idf), saturated.

    A word most sentences at hand share tells them apart little; one few hold ("seizures", "grapefruit") is
    what the question is about. Counted over the passages given rather than the whole label: those are the
    sentences being told apart. Only the question's specific words are weighed so: its kind words
    ("pregnancy", "storage") fill the very sections it is answered from, and the kind's cues score those.
    A word no sentence holds (or holds only through a typing slip, `_misspelled`) keeps the length weight.
    """
    if not pool or not terms:
        return ()
    count = len(pool)
    held = dict.fromkeys(terms, 0)
    for candidate in pool:
        features = _features(candidate.text, candidate.heading)
        for term in terms & features.words:
            held[term] += 1
    return tuple(
        (term, min(MAX_WEIGHT, max(MIN_WEIGHT, IDF_SCALE * math.log(1 + (count - n + 0.5) / (n + 0.5)))))
        for term, n in sorted(held.items())
        if n
    )


def select(passages: Sequence[Passage], question: Question, *, limit: int = 4) -> list[Scored]:
    """The answer first, then up to LIMIT-1 supporting sentences that add something; no repeats."""
    chosen: list[Scored] = []
    seen: list[set[str]] = []
    ranked = rank(passages, question)
    # A trial's arms run together ("Placebo N=520 2.5 mg N=275 ... Edema 1.8 3.0") are a flattened table: never shown.
    # A table row rendered with its column names ("Headache: Placebo (n = 34) n (%): 2; ...") says which is which.
    ranked = [item for item in ranked if item.candidate.row or not _trial_arms(item.candidate.text)] or ranked
    # A sentence that answers comes first even when one that does not scored higher (a table row that names
    # the effect asked about, against a warning that shares nothing with the question).
    first = next((item for item in ranked if item.answers and not item.candidate.fragment), None)
    first = first or next((item for item in ranked if not item.candidate.fragment), None)
    if first is not None and first is not ranked[0]:
        ranked = [first, *(item for item in ranked if item is not first)]
    label_of = {p.citation.index: p.citation.set_id for p in passages}
    for item in ranked:
        item = _shown(item, question)  # a repeat is judged on what is shown of it
        terms = terms_of(item.candidate.text)
        if any(_similar(terms, other) for other in seen):
            continue
        if chosen and item.score < min(chosen[0].score * 0.4, chosen[0].score - 1.5):
            break
        if chosen and not item.answers:
            continue  # support has to be about what was asked
        if chosen and not _supports(item.candidate, chosen[0].candidate, question, label_of):
            continue
        chosen.append(item)
        seen.append(terms)
        if len(chosen) == limit:
            break
    return chosen


def _supports(candidate: Candidate, lead: Candidate, question: Question, label_of: dict[int, str]) -> bool:
    """CANDIDATE may follow LEAD: it is from the same label, and of the kind of fact the lead answers."""
    if (
        len(question.drugs) < 2
        and candidate.drug != lead.drug
        and label_of.get(candidate.index) != label_of.get(lead.index)
    ):
        # One medicine asked about: a point from another product that contains it (a combination pack) would read
        # as the lead product's. Another label of the same medicine says the same of it.
        return False
    kind = question.lead.name if question.lead else ""
    text = candidate.text
    if kind not in _LOOKS_KINDS and _DESCRIBES_THE_FORM.search(text):
        return False  # what the tablet looks like answers no dose or use question (21 CFR 201.57(c)(4))
    # "10 mg once daily" says how much, not when.
    return not (kind == "time_of_day" and _AMOUNT.search(text) and not _cue_strong(question.lead, text))


def _cue_strong(kind: QuestionKind | None, text: str) -> bool:
    return bool(kind and kind.strong and kind.strong.search(text))


# Kinds a description of the dosage form answers: what it looks like, its strengths, what is in it.
_LOOKS_KINDS = frozenset({"appearance", "strengths", "ingredients", "information", ""})
# How a label describes the tablet or capsule (21 CFR 201.57(c)(4) and (c)(17)): imprint, colour and shape.
_DESCRIBES_THE_FORM = re.compile(
    r"\b(?:debossed|embossed|engraved|imprinted)\b|\b(?:round|oval|oblong|capsule)[- ]shaped\b", re.IGNORECASE
)


_LEAD_CHARS = 120  # of a long sentence shown around its middle, the opening that says what the list is
_AROUND_CHARS = 240


def _shown(item: Scored, question: Question) -> Scored:
    """ITEM as it is shown: a sentence longer than MAX_SENTENCE_CHARS is cut, around the first thing asked about.

    A long list names the side effect asked about anywhere ("... Dermatologic: hair loss, flushing ..."):
    its opening is kept, then the part that names it.
    """
    text = item.candidate.text
    if len(text) <= MAX_SENTENCE_CHARS:
        return item
    lowered = text.lower()
    # What to look for, most telling first: the symptom asked about, a label phrase for it, a word of the question.
    wanted = [names for effect in question.effects for names in effect] or [question.specific]
    starts = [lowered.find(phrase) for phrase in question.phrases if phrase in lowered]
    words = [(match.start(), {_stem(part) for part in match.group().split("-")}) for match in _WORD.finditer(lowered)]
    for names in wanted:
        found = next((start for start, stems in words if stems & names), None)
        if found is not None:
            starts.append(found)
            break
    focus = min(starts, default=0)
    if focus + len(question.text) < MAX_SENTENCE_CHARS - 40:
        shown = clean_sentence(text)
    else:
        opening = text[:_LEAD_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
        begin = text.rfind(" ", 0, max(focus - _AROUND_CHARS // 3, _LEAD_CHARS)) + 1
        end = text.rfind(" ", 0, begin + _AROUND_CHARS)
        middle = text[begin : end if end > focus else begin + _AROUND_CHARS].strip().rstrip(",;:")
        shown = f"{opening} … {middle}" + ("…" if begin + len(middle) < len(text) - 1 else "")
    return Scored(dataclasses.replace(item.candidate, text=shown), item.score, item.answers)


# A Contraindications section that says only "None" (21 CFR 201.57(c)(5): "If no contraindications are known, this
# section must state 'None'"), as openFDA gives it ("None.", "4 CONTRAINDICATIONS None. None.").
_NONE_LISTED = re.compile(r"(?:\s*(?:\d+\s+)?(?:contraindications\s*:?\s*)?none\.?)+\s*", re.IGNORECASE)


def says_none(text: str) -> bool:
    """TEXT is a section that says only "None" (how a label states it knows no contraindications)."""
    return bool(_NONE_LISTED.fullmatch(text))


def passage_scores(passages: Sequence[Passage], question: Question) -> dict[int, float]:
    """Each passage's best candidate score, by citation index (passages with no candidate are left out)."""
    best: dict[int, float] = {}
    for item in rank(passages, question):
        index = item.candidate.index
        best.setdefault(index, item.score)
    return best
