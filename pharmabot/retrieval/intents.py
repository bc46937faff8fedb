"""Kinds of consumer medication questions, and where an FDA label answers each one.

The kinds follow the question types of MedicationQA (Ben Abacha et al., "Bridging the gap between
consumers' medication questions and trusted answers", MEDINFO 2019): information, indication, dose,
usage, time, duration, stopping, onset of action, side effects, interactions, contraindications,
appearance, ingredients, storage and disposal, overdose, pregnancy and breastfeeding, comparison,
manufacturer... Each kind is written as readable data with three parts:

- `pattern`: how people ask it, in general phrasing (never the wording of particular questions);
- `sections`: the label sections that hold the answer, best first. Their content is fixed by the FDA
  labeling rule for prescription drugs, 21 CFR 201.57(c) (e.g. (c)(3) dosage and administration,
  (c)(11) overdosage, (c)(12) description with the inactive ingredients, (c)(13) clinical pharmacology,
  (c)(17) how supplied: strength, "shape, color, coating, scoring, and imprinting", storage), by the OTC
  Drug Facts rule, 21 CFR 201.66(c), and by the Medication Guide rule, 21 CFR 208.20 (headings such as
  "How should I take ...?", "What are the possible side effects of ...?", "How should I store ...?");
- `terms` and `cues`: the words labels use when they state that kind of fact, from the same rules and
  FDA's labeling guidances (e.g. "Dosage and Administration Section" guidance, 2010: "do not ...
  abruptly", "taper"; "Clinical Pharmacology Section" guidance, 2016: onset, peak (Tmax), half-life;
  USP <659> storage wording: "Store at 20° to 25°C", "Protect from light"). `terms` are added to the
  search so the right subsection ranks first; `cues` mark the label sentences that state the answer.

A kind with `supported=False` is one a label does not answer (price, where to buy, pronunciation...):
the answer says so instead of quoting label text that merely shares a word with the question.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pharmabot.retrieval.kind_model import likely_kind


@dataclass(frozen=True)
class QuestionKind:
    """A kind of question, the label sections that answer it (best first) and how answers are worded."""

    name: str
    pattern: re.Pattern[str]
    sections: tuple[str, ...]
    terms: tuple[str, ...] = ()
    cues: re.Pattern[str] | None = None
    strong: re.Pattern[str] | None = None  # the most direct wording of an answer (counts more than a cue)
    supported: bool = True
    topic: str = ""  # how an answer names the kind ("side effects"); empty for the plain kinds


# "How long before bed should I take it?": when to take a dose relative to an event, not how soon it works.
_TAKE_BEFORE = r".{0,40}\b(?:should|do|can|must|to) (?:i |you |we )?(?:take|use|give|have)\b"


def _intent(
    name: str,
    pattern: str,
    sections: tuple[str, ...],
    *,
    terms: str = "",
    cues: str = "",
    strong: str = "",
    supported: bool = True,
    topic: str = "",
) -> QuestionKind:
    return QuestionKind(
        name=name,
        pattern=re.compile(pattern, re.IGNORECASE),
        sections=sections,
        terms=tuple(term.replace("_", " ") for term in terms.split()),  # "t_max": the phrase "t max"
        cues=re.compile(cues, re.IGNORECASE) if cues else None,
        strong=re.compile(strong, re.IGNORECASE) if strong else None,
        supported=supported,
        topic=topic,
    )


_WARNINGS = ("warnings_and_cautions", "warnings", "precautions")
_LEAFLETS = ("spl_medguide", "spl_patient_package_insert", "patient_medication_information", "information_for_patients")
# Where labels say when a dose's effect comes and how long it holds (21 CFR 201.57(c)(3), (c)(13), (c)(15)).
_EFFECT_TIME_SECTIONS = (
    "dosage_and_administration",
    "pharmacodynamics",
    "clinical_pharmacology",
    "clinical_studies",
    *_LEAFLETS,
)
_DRUG_WORDS = (
    r"(?:medicines?|medications?|meds?|drugs?|pills?|tablets?|capsules?|shots?|injections?|vaccines?|it|this|them)"
)
# Common symptoms people ask about as possible side effects (consumer words for frequent adverse-reaction
# terms, e.g. MedlinePlus's symptom vocabulary); naming one makes a question about side effects.
_SYMPTOMS = (
    r"rash\w*|itch\w*|hives|red(?:ness)?\b|swell\w*|hair loss|bald\w*|weight (?:gain|loss)|gain(?:ing)? weight"
    r"|nause\w*|vomit\w*|throw(?:ing)? up|dizz\w*|light-?headed|headaches?|migraines?|drows\w*|sleep(?:y|iness)"
    r"|tired\w*|fatigue\w*|insomnia|can'?t sleep|trouble sleeping|nightmares?|constipat\w*|diarrh\w*|bloat\w*|gas\b"
    r"|stomach (?:ache|pain|upset)|heartburn|dry mouth|blurr\w*|vision|cough\w*|sweat\w*|bleed\w*|bruis\w*|cramps?"
    # "Shake the inhaler first" is a step of using it, not a tremor.
    r"|muscle (?:pain|aches?|weakness)|joint pain|tremors?|shak\w*\b(?! (?:the|it|them|well|first|before|up)\b)"
    r"|anxi\w*|depress\w*|mood|confus\w*|memory|numb\w*"
    r"|tingl\w*|palpitations?|heart (?:rate|racing|pounding)|(?:low|high) blood (?:pressure|sugar)|hypotension"
    r"|hypertension|libido|sex drive|impoten\w*|chills?|fever|thirst\w*|urinat\w*|pee\w*|incontinen\w*|acne|sunburn"
    r"|sun sensitiv\w*|sensitiv\w* to (?:the )?(?:sun|sunlight|light)|ringing|tinnitus|taste|mouth sores?|ulcers?"
    r"|liver (?:damage|problems?)"
    r"|kidney (?:damage|problems?)|fractures?|bone loss|osteopor\w*|cataracts?"
)

# Long-standing conditions people name when asking whether a medicine suits them ("with high blood pressure",
# "if I have asthma"): MedlinePlus health-topic names of common chronic diseases.
CONDITIONS = (
    r"(?:high|low) blood (?:pressure|sugar)|hypertension|diabetes|diabetic|asthma|copd|glaucoma|epilepsy|seizures"
    r"|heart (?:disease|failure|problems?|conditions?)|a heart condition|kidney (?:disease|problems?|failure|stones?)"
    r"|liver (?:disease|problems?|damage)|hepatitis|(?:an? )?(?:stomach |peptic )?ulcers?|gout|arthritis|lupus"
    r"|depression|bipolar|sleep apnea|an enlarged prostate|bph|thyroid (?:disease|problems?)|migraines?"
    r"|(?:an? )?allerg(?:y|ies)|hiv|cancer|high cholesterol|anemia|osteoporosis|psoriasis|a pacemaker"
)

_SYMPTOM = re.compile(r"\b(?<!for )(?:" + _SYMPTOMS + r")", re.IGNORECASE)

# A symptom or condition named as what the medicine acts on ("how soon will it heal my ulcer", "start working
# on a migraine", "help with the nausea") is what it treats, not an effect it may cause: labels state such
# facts under indications, dosage and clinical studies, never among adverse reactions.
TREATED = re.compile(
    r"\b(?:heal|heals|healing|treat|treats|treating|cure|cures|relieve|relieves|ease|eases|clear up|clears up"
    r"|get rid of|gets rid of|(?:help|helps|helping|work|works|working)(?: on| for| with)?"
    # A condition the person already has ("can I take it if I have kidney problems") is no effect of the medicine.
    r"|if (?:i|you|he|she|they|someone|my \w+) (?:have|has|had|got|suffer from|am on|is on|are on))"
    r" (?:(?:my|your|his|her|their|our|the|a|an|this|that|bad|some) )?(?:(?:" + _SYMPTOMS + r")|" + CONDITIONS + r")\b",
    re.IGNORECASE,
)


# Caffeinated drinks: no food-note kind covers them, so a question about one is answered only by a label sentence
# that names it (chat food topics and answer selection both read it from here).
CAFFEINE = re.compile(r"\b(?:coffee|caffeine|espresso|energy drinks?|cola|tea)\b", re.IGNORECASE)


def without_treated(text: str) -> str:
    """TEXT with the symptoms it names as what the medicine treats left out (see TREATED)."""
    return TREATED.sub(" ", text)


def symptoms_in(text: str) -> tuple[str, ...]:
    """The common symptoms a question names as possible effects ("does it cause a cough?" -> "cough")."""
    return tuple(match.group() for match in _SYMPTOM.finditer(without_treated(text)))


# Nouns that end the names of FDA's established pharmacologic classes ("HMG-CoA reductase inhibitor",
# "fluoroquinolone antibacterial", "opioid agonist") and of plain descriptions ("a prescription medicine").
_CLASS_NOUNS = (
    r"agonists?|antagonists?|inhibitors?|blockers?|antibacterials?|antibiotics?|antivirals?|antifungals?|analgesics?"
    r"|anti-inflammator\w+|antihistamines?|anticonvulsants?|antiepileptics?|antidepressants?|antipsychotics?"
    r"|anticoagulants?|diuretics?|hormones?|steroids?|corticosteroids?|vaccines?|sedatives?|hypnotics?|stimulants?"
    r"|antispasmodics?|anticholinergics?|bronchodilators?|vasodilators?|statins?|benzodiazepines?|barbiturates?"
    r"|antiemetics?|laxatives?|antacids?|supplements?|vitamins?|minerals?|enzymes?|antibod(?:y|ies)|modulators?"
    r"|activators?|analogs?|analogues?|derivatives?|medicines?|medications?|drugs?|agents?|compounds?"
)

# "What does X do to your body": what it does (its mechanism) and the effects it has.
_TO_THE_BODY = r"\bdo(?:es)? to (?:your|the|my|a|his|her|their|our) (?:body|system)\b"
_TO_THE_BODY_PATTERN = re.compile(_TO_THE_BODY, re.IGNORECASE)

# Checked in this order: a question can be of several kinds; the first found leads. Specific kinds come
# before the broad ones they overlap with (a storage or stopping question often also says "take").
INTENTS: tuple[QuestionKind, ...] = (
    _intent(
        "unsupported_price",
        r"\b(?:cost|costs|price|prices|pricing|cheap\w*|expensive|afford\w*|coupons?|insurance|covered by|copay"
        r"|medicare|medicaid|where (?:can|do|to) (?:i )?(?:buy|get|order|purchase)|buy\b|online pharmac)",
        (),
        supported=False,
        topic="prices, insurance or where to buy a medicine",
    ),
    _intent(
        "unsupported_pronunciation",
        # "Spell" asks how a name is written only next to a name or "how": a dizzy, fainting or coughing spell is
        # an episode of a symptom.
        r"\bpronounc\w*|\bhow (?:do (?:you|i)|to) say\b|\bspelled\b|\bspelling\b"
        r"|\bhow (?:do (?:you|i) |to |is (?:it |\w+ )?)?spell\b|\bspell (?:it|that|this|the name)\b",
        _LEAFLETS,
        cues=r"\((?=[^)]*['’])\s*[a-z]+(?:['’ -]+[a-z]+){1,6}['’]?\s*\)",
        supported=False,
        topic="how to pronounce a medicine's name",
    ),
    _intent(
        "unsupported_alternatives",
        # "Instead of" a number is a dose taken wrongly; "instead of (right) at bedtime" is when to take it.
        r"\b(?:alternatives?|instead of(?! (?:\d|one|two|three|four|five|six)\b)"
        r"(?! (?:right |just )?(?:at |in the |with |before |after )?(?:bedtime|night|morning|evening|afternoon"
        r"|breakfast|lunch|dinner|supper|meals?|food)\b)|substitut\w*|replace(?:ment)? for"
        r"|similar to|equivalent to"
        r"|natural (?:remed\w*|alternatives?)|over the counter (?:version|equivalent))\b"
        r"|\bwhat (?:else|other (?:medicines?|medications?|drugs?|pills?)) can\b"
        r"|\b(?:best|better|safest|strongest) (?:medicines?|medications?|drugs?|pills?|antidepressants?"
        r"|painkillers?)\b",
        ("indications_and_usage",),
        supported=False,
        topic="which medicine to choose or use instead",
    ),
    _intent(
        "boxed_warning",
        r"\bboxed\b|\bblack[- ]box",
        ("boxed_warning",),
        cues=r"\bwarning\b|\brisk\b|\bdeath\b|\bserious\b|\bfatal\b",
        topic="boxed warning",
    ),
    _intent(
        "overdose",
        # "How much X is too much?" asks for the most one may take (a dose question); "took too much" is an overdose.
        # "Lower my blood pressure too much", "sleep too much": an effect gone too far, not an amount taken.
        r"\boverdos|(?<!\bis )(?<!\bare )(?<!pressure )(?<!sugar )(?<!glucose )(?<!weight )(?<!sleep )(?<!rate )"
        r"\btoo (?:much|many)\b"
        r"|\bdouble dose|\btook (?:an )?extra\b"
        # A number taken over the one prescribed: "took 4 instead of 2", "had three on top of my usual".
        r"|\b(?:took|taken|had|swallowed) (?:\d+|two|three|four|five|six|several) (?:[\w-]+ ){0,3}?(?:instead of"
        r"|rather than|on top of)\b|\brevers(?:e|es|al|ing)\b|\bantidote"
        r"|(?<!food )\bpoison(?!\s+(?:ivy|oak|sumac))|\btoxicity\b"
        # Poison centres' own categories: an accidental or unintended ingestion (a child or pet getting into the
        # medicine, a dose taken twice by mistake) and an amount that kills.
        r"|\b(?:lethal|deadly)\b|\bfatal (?:dose|amount)\b|\b(?:accident(?:al)?ly|by mistake|by accident)\b"
        r"|\b(?:child|kid|son|daughter|toddler|baby|grand(?:son|daughter|child)|dog|cat|puppy) (?:swallowed|ate|took"
        r"|got into|chewed)\b|\bdouble (?:my|the|his|her|your|their) (?:[\w-]+ ){0,2}(?:dose|dosage|amount)\b",
        # Drug Facts put "In case of overdose, get medical help or contact a Poison Control Center right away" under
        # the Warnings or next to "Keep out of reach of children" (the general warning of 21 CFR 330.1(g)).
        ("overdosage", "keep_out_of_reach_of_children", "warnings", *_LEAFLETS),
        terms="overdosage overdose antidote naloxone hemodialysis",
        # 21 CFR 201.57(c)(11): signs, symptoms and treatment of overdosage ("Overdosage might be expected to
        # cause ...", "Signs and symptoms of X toxicity include ...").
        strong=r"\b(?:signs|symptoms|manifestations) of (?:an? )?(?:overdos|\w+ toxicity|toxicity|intoxication)"
        r"|\boverdos\w* (?:(?:may|can|could|might|would|will)\b.{0,25}\b)?(?:cause|result|lead|produce)"
        # "Acute overdose with X can be manifested by ...", "... is characterized by ..." (the clinical presentation).
        r"|\boverdos\w*\b.{0,40}\b(?:manifested|characterized|marked) by\b"
        r"|\b(?:treatment|management) of overdos|\bin (?:case|the event) of (?:an? )?overdos",
        cues=r"\boverdos|\bantidote\b|\bnaloxone\b|\bhemodialysis\b|\bpoison|\bsupportive\b|\bsigns and symptoms\b"
        r"|\bmanifestations?\b|\btoxicity\b",
        topic="overdose",
    ),
    _intent(
        "dependence",
        # 21 CFR 201.57(c)(10): "Drug Abuse and Dependence" (controlled substance schedule, abuse, dependence).
        r"\baddict\w*|\bhabit[- ]forming\b|\bdependen(?:ce|t|cy)\b|\bcontrolled substance|\bnarcotics?\b"
        r"|\bscheduled? (?:drug|substance|ii|iii|iv|v|[2-5])\b|\babuse\b|\bget (?:you |people )?high\b|\brecreational",
        (
            "drug_abuse_and_dependence",
            "controlled_substance",
            "abuse",
            "dependence",
            "boxed_warning",
            *_WARNINGS,
            *_LEAFLETS,
        ),
        terms="abuse dependence addiction controlled",
        strong=r"\b(?:is|are) (?:not )?a (?:schedule \w+ )?controlled substance|\bschedule (?:I|II|III|IV|V)\b"
        r"|\brisks? of (?:opioid )?(?:addiction|abuse)|\b(?:can|may) (?:cause|lead to|result in) (?:physical )?"
        r"(?:dependence|addiction)|\b(?:potential|liability) for (?:abuse|dependence)|\b(?:abuse|dependence) potential",
        cues=r"\babuse\b|\bdependence\b|\baddict|\bcontrolled substance\b|\bmisuse\b|\bschedule\b|\btolerance\b"
        r"|\bhabit[- ]forming\b",
        topic="addiction and dependence",
    ),
    _intent(
        "pregnancy",
        r"\bpregnan|\bbreast[- ]?(?:feed|fed|milk)|\bnursing\b|\blactat|\btrying to (?:conceive|get pregnant)"
        r"|\bunborn\b|\bbirth defects?\b|\bexpecting a baby\b|\bfertility\b|\btrimester\b|\bconceiv\w*"
        r"|\b(?:while|when|if|i'm|i am|she is|she's|we're|we are) expecting\b(?! (?:to|it|that|side|some|any)\b)",
        # Drug Facts put "If pregnant or breast-feeding, ask a health professional before use" among the
        # Warnings (21 CFR 201.66(c)(5)(ix)); older prescription labels keep "Usage in Pregnancy" there as well.
        (
            "pregnancy",
            "use_in_specific_populations",
            "nursing_mothers",
            "pregnancy_or_breast_feeding",
            *_LEAFLETS,
            "warnings",
        ),
        terms="pregnancy lactation breastfeeding fetal",
        # 21 CFR 201.57(c)(9)(i)(B) (the Pregnancy and Lactation Labeling Rule): the Risk Summary states what the
        # human data show ("Available data ... have not identified a drug-associated risk of major birth defects",
        # "Published studies ... have reported inconsistent findings") and whether the drug is present in milk.
        strong=r"\b(?:may|can) (?:harm|cause harm to) (?:your|an|the) (?:unborn|fetus)|\bpregnancy category\b"
        r"|\b(?:data|studies|reports|experience)\b.{0,160}\b(?:drug[- ]associated risks?|(?:major )?birth defects"
        r"|(?:major )?(?:congenital )?malformations|adverse (?:maternal|fetal|pregnancy|developmental) outcomes)\b"
        # Drug Facts' "If pregnant or breast-feeding, ask a health professional before use" (21 CFR 201.63(a)).
        r"|\b(?:present in|excreted in|passes into) (?:human |breast )?milk\b|\bbreast[- ]?feed\w*\b",
        cues=r"\bpregnan|\bfetal\b|\bfetus\b|\bbreast|\blactation\b|\bhuman milk\b|\bnursing\b|\bbirth defects?\b",
        topic="pregnancy and breastfeeding",
    ),
    _intent(
        "children",
        r"\b(?:child|children|kids?|toddlers?|infants?|baby|babies|pediatric|paediatric|teens?|teenagers?"
        # An age in years counts only under 18, the labels' pediatric range (21 CFR 201.57(c)(9)(iv)).
        r"|adolescents?|(?:[1-9]|1[0-7])[- ](?:year|yr)s?[- ]old|\d+[- ](?:month|week)s?[- ]old)\b",
        ("pediatric_use", "use_in_specific_populations", "dosage_and_administration"),
        terms="pediatric",
        cues=r"\bpediatric\b|\bchildren\b|\binfants?\b|\badolescents?\b|\byears of age\b",
    ),
    _intent(
        "elderly",
        r"\b(?:elderly|older (?:adults?|people|patients|persons?)|geriatric|seniors?|over (?:6|7|8)\d)\b",
        ("geriatric_use", "use_in_specific_populations"),
        terms="geriatric elderly",
        cues=r"\bgeriatric\b|\belderly\b|\b(?:65|sixty-five) years\b|\bolder (?:adults?|patients)\b",
    ),
    _intent(
        "stopping",
        # Stopping a symptom ("stop nausea", "stop my itching") is what the medicine does, not coming off it.
        r"\b(?:stop|quit)(?:s|ping|ped|ting)?\b(?!\s+(?:smoking|drinking|bleeding|vomiting|diarrh\w*|itch\w*|pain\b"
        r"|(?:the |my |your |his |her )?(?:" + _SYMPTOMS + r")))"
        r"|\btaper|\bwean|\bcome off\b|\bcoming off\b|\bget(?:ting)? off\b|\bwithdraw|\bcold turkey\b|\bdiscontinu"
        r"|\bcut (?:back|down)\b|\bgo off\b|\bgoing off\b|\bafter (?:i )?stop"
        # Lowering a dose step by step is a taper (FDA's Dosage and Administration guidance: "reduce gradually").
        r"|\b(?:slowly|gradually) (?:reduce|lower|decrease|cut)\b|\bhow (?:slowly|gradually)\b"
        r"|\b(?:reduc|lower|decreas)\w* (?:\w+ ){0,4}(?:slowly|gradually)\b",
        # A boxed warning says what stopping early does where it is grave (anticoagulants' "premature
        # discontinuation increases the risk of thrombotic events"; opioids' and benzodiazepines' withdrawal).
        (
            "dosage_and_administration",
            "boxed_warning",
            *_WARNINGS,
            "drug_abuse_and_dependence",
            "dependence",
            *_LEAFLETS,
        ),
        terms="discontinuation discontinuing taper tapering gradually abruptly withdrawal",
        strong=r"\btaper|\bgradual\w* (?:reduc|decreas|withdraw|lower)|\bpremature(?:ly)? discontinu"
        r"|\b(?:stopping|discontinuing|discontinuation of)\b.{0,60}\bincreases? (?:the|your)? ?risk\b"
        r"|\b(?:reduc|decreas|lower)\w* (?:the )?(?:dose|dosage)"
        r"\w* gradually|\b(?:do not|don't|never) stop\b|\babrupt\w* (?:discontinu|stop|withdraw)"
        r"|\b(?:withdrawn|discontinued|stopped|reduced|tapered|decreased) gradually\b",
        cues=r"\btaper|\bgradual|\babrupt|\bsuddenly\b|\bdo not stop\b|\bwithout (?:first )?(?:talking|consulting)"
        r"|\bwithdrawal\b|\bdiscontinu|\brebound\b|\bwhen (?:you )?stop",
        topic="stopping",
    ),
    _intent(
        "storage",
        r"\bstor(?:e|ed|ing|age)\b|\brefrigerat|\bfridge\b|\bexpir|\bdispos|\bthrow (?:away|out)\b|\bget rid of\b"
        r"|\broom temperature|\bstay (?:good|fresh)\b|\bshelf[- ]life\b|\bgo(?:es)? bad\b|\bfreez|\bfro(?:ze|zen)\b"
        r"|\bhot car\b|\b(?:left|leave|get|gets|got|too hot)\b.{0,20}\bin (?:the|my|a) car\b"
        r"|\bheat\b|\bkeep (?:it|them) (?:cold|cool)\b|\bout of the fridge\b|\bflush"
        r"|\b(?:once|after) (?:it'?s |it is |they are |the \w+ is )?open(?:ed|ing)?\b"
        r"|\bhow long (?:is|are|will|can|does|do)\b.{0,40}\b(?:good|keep|stay good)\b"
        # USP <659>'s storage conditions are a temperature, light and moisture: where a medicine is kept ("in the
        # bathroom", "in my purse"), at what temperature, and whether heat, cold or wet spoiled it.
        r"|\b(?:keep|kept|leave|left) (?:\w+ ){0,3}in (?:the|my|a|your) (?:car|bathroom|kitchen|purse|bag|backpack"
        r"|cabinet|closet|glove ?box|sun|heat|garage|luggage|suitcase)\b"
        r"|\b(?:what|which) temperature (?:should|do|does|can|must|to|is (?:it|best|right|safe))\b"
        r"|\bwhere (?:do|should|can|must|to|would) (?:i |you |we |one )?keep\b"
        r"|\b(?:kept|stored) (?:at|in|below|above|under)\b|\bstill (?:good|usable|potent)\b"
        r"|\b(?:got|gets|get|went|became|left) (?:too |very |really )?(?:hot|warm|wet|damp|frozen|cold)\b"
        r"|\bhumid\w*|\bmoisture\b",
        # FDA's Instructions for Use guidance (2022) gives storing the product a section of its own.
        (
            "storage_and_handling",
            "how_supplied",
            *_LEAFLETS,
            "instructions_for_use",
            "package_label_principal_display_panel",
        ),
        terms="store storage refrigerate discard expiration",
        # The storage statement may name the product first ("Store REPATHA in the refrigerator": one word of any
        # case, as these patterns ignore case) or say "Store refrigerated" (USP storage wording).
        strong=r"\bstore[ds]? (?:[A-Z][\w®-]+ )?(?:at|in|below|between|the|your|it|them|unopened|opened|refrigerated)\b"
        r"|\bdiscard\b.{0,60}\bafter\b"
        # "Do not use after the expiration date" answers how long it keeps; "check the expiration date" does not.
        r"|\b(?:until|after|beyond|past) (?:the )?expiration\b|\bbeyond\b.{0,20}\bdate\b"
        r"|\b(?:once|after)\b.{0,30}\bopened\b",
        cues=r"\bstore[ds]?\b|\bstorage\b|°\s?[CF]\b|\bdegrees\b|\brefrigerat|\bfreez|\broom temperature\b"
        r"|\bprotect(?:ed)? from (?:light|moisture|heat)|\bdiscard|\bdispos|\bexpir|\bflush|\bout of (?:the )?reach"
        r"|\bopened\b|\bafter first use\b",
        topic="storage",
    ),
    _intent(
        "appearance",
        r"\blooks? like\b|\bcolou?rs?\b|\bshape\b|\bimprint|\bmarkings?\b|\bstamped\b|\bengraved\b|\bdebossed\b"
        r"|\bwhat does .{1,40} look\b|\bidentify\b"
        r"|\b(?:white|blue|pink|yellow|orange|green|red|purple|peach|brown|round|oval|oblong) (?:pill|tablet|capsule)"
        r"|\b(?:pill|tablet|capsule)s? (?:is|are|looks?) (?:\w+ ){0,2}(?:white|blue|pink|yellow|orange|green|red"
        r"|purple|peach|brown|round|oval|oblong)\b"
        r"|\bshow\b|\bpictures?\b|\bphotos?\b|\bimages?\b|\bscored\b",
        ("how_supplied", "dosage_forms_and_strengths", "description", "package_label_principal_display_panel"),
        terms="debossed imprinted engraved film-coated color",
        strong=r"\b(?:debossed|imprinted|engraved|embossed|printed)\b"
        r"|\b(?:white|yellow|blue|pink|orange|green|red|peach|brown|purple)\b.{0,40}\b(?:tablets?|capsules?)\b",
        cues=r"\b(?:white|off-white|blue|pink|yellow|orange|green|red|purple|peach|brown|tan|gray|grey|beige|lavender"
        r"|maroon|clear|colorless)\b|\b(?:round|oval|oblong|capsule-shaped|biconvex|triangular|diamond"
        r"|hexagonal)\b|\bdeboss|\bimprint|\bengraved|\bscored\b|\bbisect",
        topic="appearance",
    ),
    _intent(
        "ingredients",
        r"\bingredients?\b|\bcontains?\b|\bmade (?:of|from|with)\b|\bgluten\b|\blactose\b|\bdyes?\b|\bexcipient"
        r"|\bwhat(?:'s| is) in\b|\bgelatin\b|\bsugar[- ]free\b|\balcohol[- ]free\b|\bvegan\b|\bpork\b|\bsoy\b"
        r"|\bpeanut|\bsulfites?\b|\bcorn\b|\bwheat\b|\blatex\b|\bparabens?\b"
        # Whether a substance is in the product: "does it have X in it", "is there any X in them".
        r"|\b(?:have|has) (?:any )?[\w-]+(?: [\w-]+)? in (?:it|them)\b"
        r"|\b(?:is|are) there (?:any )?(?!risks?\b|dangers?\b|harm\b|problems?\b|issues?\b)[\w-]+ in\b",
        ("description", "inactive_ingredient", "active_ingredient", *_LEAFLETS, "how_supplied"),
        terms="inactive ingredients",
        strong=r"\binactive ingredients?\b|\bexcipients\b",
        cues=r"\binactive ingredients?\b|\bexcipients?\b|\beach (?:tablet|capsule|ml|film|patch)\b.{0,40}\bcontains?"
        r"|\bcontains?\b|\bstarch\b|\blactose\b|\bgluten\b|\bstearate\b|\bcellulose\b|\bFD&C\b|\bgelatin\b",
        topic="ingredients",
    ),
    _intent(
        "avoid",
        # Medication Guides answer it under their own heading, "What should I avoid while taking X?" (21 CFR 208.20).
        r"\bwhat (?:should|do|must|can't|cannot) (?:i|you|we|he|she|they) avoid\b"
        r"|\b(?:things?|foods?|drinks?|activities) (?:to|i should|should i|you should|we should) avoid\b"
        r"|\bavoid\w* (?:while|when) (?:on|taking|using)\b|\bshould (?:i|you|we) avoid\b"
        # Driving and machinery are among what Medication Guides say to avoid, and what labels' warnings on mental
        # and motor impairment cover (21 CFR 208.20(b)(7)(iii); "until you know how X affects you").
        r"|(?<!sex )\b(?:drive|driving)\b|\boperat\w* (?:heavy )?machinery\b",
        (*_LEAFLETS, "drug_interactions", *_WARNINGS),
        terms="avoid",
        cues=r"\bavoid\b|\bdo not (?:drink|eat|drive|take|use|operate)\b|\bshould not (?:drink|eat|drive)\b"
        r"|\bdriv(?:e|ing)\b|\boperat\w* (?:heavy |hazardous )?machinery\b|\bhazardous (?:activities|tasks)\b",
        topic="what to avoid",
    ),
    _intent(
        "contraindications",
        # "should not be taken with ..." asks about interactions, not contraindications.
        r"\bcontraindicat|\bshould(?:n't| not) (?:take|use|be (?:taken|used))\b(?!.{0,30}\bwith\b)"
        r"|\bwho (?:can(?:no|')t|should(?:n't| not))\b|\ballergic to\b"
        # "Can everyone take X", "is it safe for anyone": whether anybody must not (Medication Guides' "Who should
        # not take X?").
        r"|\b(?:can|could|may|should) (?:everyone|everybody|anyone|anybody) (?:take|use|have)\b(?!.{0,30}\bwith\b)"
        r"|\b(?:safe|ok|okay|suitable|right) for (?:everyone|everybody|anyone|anybody|all)\b"
        r"|\breasons? (?:not to|to not|why (?:i|you|someone|people) (?:can(?:no|')t|should(?:n't| not))) (?:take|use)\b"
        r"|\b(?:not|never) (?:supposed|meant|safe) (?:to|for (?:me|you|someone|people) to) (?:take|use)\b"
        r"(?!.{0,30}\bwith\b)"
        r"|\bnot (?:allowed|recommended|be used|to be used)\b|\bwhen (?:not|shouldn'?t) (?:to )?(?:take|use)"
        r"|\b(?:safe|ok|okay|alright|fine|good) (?:for|with) (?:people|someone|somebody|anyone|patients?|a person"
        r"|persons?) (?:with|who)\b"
        r"|\b(?:conditions?|diseases?|illness\w*|problems|situations?|reasons?|times?) (?:where|when|in which|that)"
        r" (?:you|i|someone|people|one|a person)? ?(?:can(?:no|')t|should(?:n't| not)|must(?:n't| not)|may not)\b"
        # Someone with a condition asking whether they may take it: "can people with asthma take X",
        # "can I take X if I have ulcers".
        r"|\b(?:someone|somebody|anyone|people|persons?|patients?|those|a person) with\b.{1,50}"
        r"\b(?:take|use|be on|avoid)\b"
        r"|\b(?:ok|okay|safe|alright|fine)\b.{0,20}\bif (?:i|you|he|she|they|someone) (?:have|has|had)\b"
        r"|\b(?:take|use|be on)\b.{1,40}\bif (?:i|you|he|she|they|someone) (?:have|has|had)\b"
        # ... or names a state of the body: "if my blood pressure is low", "if your heart rate is slow".
        r"|\b(?:take|use|be on)\b.{1,40}\bif (?:my|your|his|her|their) (?:[\w-]+ ){1,3}(?:is|are|runs?|gets?) "
        r"(?:too |very |really |a bit |a little )?(?:low|high|slow|fast|weak|bad|poor)\b"
        r"|\b(?:take|use|be on)\b.{1,40}\bwith (?:a |an |my |his |her )?(?:" + CONDITIONS + r")\b"
        r"|^\W*(?:i|he|she|my \w+) (?:have|has|had|'ve got|got)\b.{1,40}\b(?:can|should|may|could) (?:i|he|she|they)"
        r" (?:take|use|be on)\b"
        r"|\bif (?:i|you|he|she|they|someone) (?:have|has|had)\b.{1,50}\b(?:can|should|may|is it)\b.{0,20}"
        r"\b(?:take|use)\b",
        # Renal and hepatic impairment are under Use in Specific Populations (21 CFR 201.57(c)(9)(vi)-(vii)):
        # "can I take it with kidney disease" is answered there as often as under Contraindications.
        ("contraindications", *_WARNINGS, "use_in_specific_populations", *_LEAFLETS),
        terms="contraindicated",
        strong=r"\b(?:is|are) contraindicated (?:in|with|for)\b|\bdo not (?:take|use)\b.{0,60}\bif (?:you|your)\b",
        cues=r"\bcontraindicated\b|\bdo not (?:take|use)\b|\bshould not (?:take|use|be (?:used|taken))\b"
        r"|\bhypersensitiv|\ballergic\b",
        topic="who should not take it",
    ),
    _intent(
        "indications",
        # Asked before side effects ("does it help with anxiety" names a symptom it treats), unless the question
        # is plainly about side effects, timing, doses or interactions.
        # "How (do) you use X for ..." asks how to use it, even with "for" after it.
        r"^(?!.*\bhow (?:do |should |can |would |to )?(?:i |you |we |one )?(?:use|take|give|apply)\b)"
        r"(?!.*\b(?:side[- ]?(?:e|a)ff?ects?|adverse|reactions?|how (?:long|soon|fast|quick|quickly|many hours)"
        r"|interact\w*|dos(?:e|es|age)|overdos\w*|pregnan\w*|stop(?:s|ping|ped)?\b(?! smok)|length of|for life"
        r"|life-?long)\b)"
        r".*(?:\bwhat (?:is|are|was) (?:\S+\s+){0,4}?for\W*$"
        r"|\bwhat (?:do|does|would|did|can|should) (?:\S+\s+){0,3}?(?:take|use|give|prescribe)s? (?:\S+\s+){0,4}?"
        r"for\W*$|\bused (?:for|to|in)\b|\buse(?:s)? (?:of|for)\b"
        r"|^\W*(?:can|could|should|may|do|does) (?:i|you|we|one|people|someone) (?:use|take|give|try)\b.{1,40}\bfor\b"
        r"|\btreats?\b|\btreat(?:ing|ment)\b|\bindicat|\bgood for\b|\bhelp(?:s)? (?:with|for)\b|\bhelps?\b"
        # "Is X ok for a sinus infection": whether it is used for an illness, not who should not take it.
        r"|\b(?:ok|okay|effective|right|strong enough) (?:for|against) (?:a |an |my |the |your )?(?:[\w-]+ ){0,2}"
        r"(?:infections?|colds?|flu|(?:" + CONDITIONS + r"))\b(?! to (?:take|use|be on|have)\b)"
        r"|\bpurpose\b|\bwhy (?:do|would|is|are)\b|\bprescribed? (?:for|to)\b|\bprescribe\b|\bfor (?:what|which)\b"
        r"|\bwhat for\b|\bwork for\b|\bfor my\b|\bprevent|\bwhat conditions?\b"
        # "reason for taking X", "does X protect the kidneys", "what is X given for", "what does X do for women",
        # and the bare "X for anxiety?" (a name, "for", a condition and nothing else).
        r"|\breasons? (?:for|to|why)\b|\breasons? (?:someone|people|a person|you|i) (?:would|might|is|are)\b"
        r"|\bwhat(?:'s| is) (?:it|this|that|\w+) for\b|\bprotects?\b|\b(?:given|taken) (?:for|to)\b"
        # "Does X lower cholesterol": a measure medicines are prescribed to bring down and seldom lower as a side
        # effect (MedlinePlus health topics: cholesterol and triglycerides, A1C, uric acid, eye pressure, stomach
        # acid) is what it is for. Blood pressure and blood sugar are left out: "can X lower blood pressure" is as
        # often asked of a medicine that may cause hypotension.
        r"|\b(?:lower|lowers|lowering|reduce|reduces|reducing|bring down|brings down|control|controls)\s+"
        r"(?:(?:my|your|his|her|the|high|bad|elevated|ldl)\s+){0,2}(?:cholesterol|triglycerides?|ldl|a1c"
        r"|hba1c|uric acid|eye pressure|intraocular pressure|stomach acid)\b"
        r"|\bwhat does .{1,40} do for\b"
        r"|^\W*[\w-]+(?: [\w-]+)? for (?:my |a |an |the )?[\w' -]{2,40}\W*$"
        # A name and "uses" alone ("meclizine uses"): a Drug Facts "Uses" heading asked for.
        r"|^\W*[\w-]+(?: [\w-]+)? uses?\W*$)",
        ("indications_and_usage", "purpose", *_LEAFLETS),
        terms="indicated",
        strong=r"\b(?:is|are) (?:a |an )?(?:prescription |over-the-counter )?medicines? (?:that is )?used (?:to|for"
        r"|in)\b|\b(?:is|are) indicated (?:for|as|in|to)\b|^uses?\b",
        cues=r"\bindicated\b|\bused (?:to|for|in)\b|\btreat|\bprevent|\brelie(?:f|ve)|\bmanagement of\b|\buses?\b",
        topic="what it is used for",
    ),
    _intent(
        "side_effects",
        # Not when the question asks how fast a wanted effect comes ("how fast does it make you sleepy", unless it
        # names side effects) or what alcohol or a food does with it (an interaction).
        r"^(?!(?!.*\bside[- ]?(?:e|a)ff?ects?\b).*\bhow (?:fast|soon|quick|quickly)\b)"
        r"(?!.*\b(?:alcohol|beer|wine|liquor|grapefruit|caffeine|coffee)\b.{0,20}\b(?:affect|interact|react|mix)\w*)"
        r".*?(?:"
        r"\bside[- ]?(?:e|a)ff?ects?\b|\badverse\b|\breactions?\b|\bcause[sd]?\b|\bcausing\b"
        r"|\bmake[s]? (?:me|you|him|her|them|us|people)\b|\bmaking me\b|\bharm|\bdanger|\brisks?\b|\bworse[n]?\b"
        r"|\bgives? (?:me|you|him|her|them|us|people|anyone|someone)\b"
        r"|\b(?:hurt|damage|harm)s? (?:your|my|the|his|her|their)\b"
        r"|\beffects? (?:of|on|from)\b(?!.{0,40}\b(?:kick in|start|begin|wear off|last)\b)"
        r"|\b(?:bad|harmful|negative|ill|long[- ]term) effects?\b"
        # "Is it safe to take X every day?" (with another medicine it is an interaction question).
        r"|\bis it (?:safe|ok|okay|bad|dangerous) to (?:take|use)\b"
        r"(?!.{0,40}\b(?:with|and|together|while|empty stomach|food|meals?|at night|in the morning|before|after"
        r"|in the (?:daytime|evening)|at bedtime)\b)"
        # "What happens when you take X?" asks for its effects (stopping, missed doses and overdoses lead earlier).
        r"|\bwhat (?:happens|will happen|would happen|can happen) (?:when|if|after)"
        r" (?:you|i|someone|people|he|she|they|we)(?:'re| are| am| is)? (?:take|takes|taking|use|uses|using|on)\b"
        r"|\bbad for\b"
        # "What does X do to your body" asks for its effects as well as how it works (mechanism leads, see
        # detect_intents).
        r"|(?:" + _TO_THE_BODY + ")"
        # Whether something noticed came from the medicine: "is that from it", "could it be due to X".
        r"|\b(?:is|was|could|can|might) (?:that|this|it) (?:be )?(?:from|due to|because of|caused by)\b|\bcaused by\b"
        # "Can X lower ...?", "Does X affect ...?": a yes/no question about an effect on the body.
        r"|^\W*(?:can|does|do|will|could|would|might|may)\b.{0,60}\b(?:lower|raise|increase|decrease|affect|change"
        r"|reduce|trigger|damage|thin)s?\b"
        r"|\baddict\w*|\bhabit[- ]forming\b"
        # "for acne" names what it treats; so does "how soon does it stop the nausea" (how soon it works).
        # Relief said of the symptom: "does the fever come down", "the nausea settle", "the pain go away".
        r"|^(?!.*\bhow (?:long|soon|fast|quick|quickly)\b.{0,60}\b(?:stops?|relieves?|eases?|clears?|get rid of"
        r"|comes? down|go(?:es)? (?:away|down)|settles?|subsides?|improves?|breaks?|lifts?|calms? down)\b)"
        r".*?\b(?<!for )(?<!for a )(?<!for an )(?<!for my )(?<!for the )(?:" + _SYMPTOMS + "))",
        # An OTC Drug Facts panel has no adverse reactions section (21 CFR 201.66(c)(5)): the effects to expect are
        # under "When using this product", the ones to act on under "Stop use and ask a doctor if" (last: a
        # prescription label has neither).
        ("adverse_reactions", *_WARNINGS, "boxed_warning", *_LEAFLETS, "when_using", "stop_use"),
        # Highlights and section 6 say which reactions are the most common (21 CFR 201.57(a)(11), (c)(7)); so do
        # Medication Guides ("The most common side effects of X include", 21 CFR 208.20(b)(7)).
        terms="most_common",
        strong=r"\bmost common (?:adverse reactions|side effects)\b|\b(?:common|serious|possible) side effects\b"
        r"|\b(?:may|can) cause (?:serious|severe|life-threatening)\b",
        cues=r"\bside effects?\b|\badverse (?:reactions?|events?)\b|\bmost common\b|\bmay cause\b|\bcan cause\b"
        r"|\breported\b|\bincidence\b|\binclude\b|\brisk of\b",
        topic="side effects",
    ),
    _intent(
        "interactions",
        r"\binteract|\b(?:with|and|drink(?:ing)?) (?:alcohol|beer|wine|liquor|grapefruit|coffee|caffeine)\b"
        r"|\b(?:mix|mixing|combine|combining|combined)\b|\btogether\b|\bat the same time\b"
        # Taking it with food, a meal or water is how to take it (time of day, usage), not an interaction.
        r"|\btak(?:e|en|ing)\b.{0,40}\bwith\b"
        r"(?!\s+(?:or without\s+)?(?:food|a meal|meals|water|a glass|breakfast|lunch|dinner|supper|a snack))"
        r"|\bwith (?:tea|milk|juice|antacids?|vitamins?|supplements?|calcium|iron|magnesium)\b"
        # Medication Guides' "What should I avoid" foods and drinks, named before the medicine ("grapefruit with X").
        r"|\b(?:alcohol|beer|wine|liquor|grapefruit|grapefruit juice)\b.{0,20}\b(?:with|while|on)\b"
        r"|\b(?:alcohol|beer|wine|liquor|grapefruit|caffeine|coffee)\b.{0,20}\b(?:affect|interact|react|mix)\w*"
        r"|\b(?:take|use|have|drink)\b.{0,40}\bwhile (?:on|taking|using)\b",
        ("drug_interactions", "contraindications", *_WARNINGS, "dosage_and_administration", *_LEAFLETS),
        # Labels tell how to space doses of products that bind each other ("2 hours before or 6 hours after");
        # "hours" ranks that text (a phrase search would cost twice the time).
        terms="concomitant coadministration hours",
        strong=r"\bhours? (?:before|after)\b|\bdo not (?:take|use|drink)\b.{0,60}\bwith\b"
        r"|\bavoid (?:taking|using|drinking|concomitant|co-?administration|alcohol)"
        r"|\bshould not be (?:taken|used|combined) with\b|\bseparate",
        cues=r"\bconcomitant|\bco-?administ|\binteract|\btogether\b|\bhours? (?:before|after)\b|\bavoid\b"
        r"|\bwhile taking\b|\bwith (?:other|any) (?:medicines?|drugs?)\b"
        r"|\bincrease[sd]? the (?:risk|levels?|exposure)",
        topic="interactions",
    ),
    _intent(
        "onset",
        # "How many days until it works" (not "how many hours does it work for": how long one dose lasts).
        r"\bhow many (?:minutes|hours|days|weeks) (?:until|till|before|(?:does|will|would) it take)\b"
        r"|\bhow (?:long|soon|fast|quick|quickly) (?:does|do|will|should|until|before|after|till|for)?.{0,40}"
        r"\b(?:work|working|works|kick in|take effect|takes effect|start|starts|help|helps|feel|notice|see"
        r"|effective|heal|heals|clear|clears|improve|improves|get better|stop|stops|relieve|relieves|ease|eases"
        r"|make (?:me|you)|makes (?:me|you))\b"
        r"|\bkick in\b|\btakes? effect\b"
        r"|\bstart(?:s)? (?:to )?work|\bwhen (?:does|will|do"
        r"|should) .{0,40}\b(?:work|start|kick in|take effect|peak|begin)\b|\bonset\b|\bpeak\b|\bhow (?:long"
        r"|soon) (?:until|till|before|after|for)\b(?!" + _TAKE_BEFORE + r")|\bhow long (?:does|will|did) it take\b",
        # 21 CFR 201.57(c)(3), (c)(13) and (c)(15): when the effect comes is stated in Dosage and Administration ("the
        # full effect may be delayed until 4 weeks of treatment or longer", FDA's antidepressant class labeling; "the
        # analgesic effect begins in ~30 minutes"), in pharmacodynamics and in Clinical Studies; leaflets say "may
        # take N weeks". Pharmacokinetics (time to peak blood levels) is searched too: it answers when none of them does
        # (selection ranks the effect's own wording first).
        (
            "dosage_and_administration",
            "clinical_pharmacology",
            "pharmacokinetics",
            "pharmacodynamics",
            "clinical_studies",
            *_LEAFLETS,
        ),
        terms="onset peak tmax t_max effect delayed",
        # The onset of the effect itself ("The onset of diuresis ... is within 1 hour", "onset of relief began as
        # early as 10 minutes") answers first; the time to peak blood levels (Tmax) is the fallback (a cue).
        strong=r"\b(?:effect|action|activity|relief|analgesia|response)\b.{0,60}\b(?:begins?|began|starts?|started"
        r"|occurs?|appears?)\b.{0,20}?\b(?:in|within|after|by) (?:about |approximately |~\s?)?"
        r"(?:\d|one|two|three|four|a few|several)"
        r"|\b(?:may|can|will) take (?:\w+ ){0,2}(?:\d+|one|two|three|four|six|a few|several) (?:\w+ )?"
        r"(?:days|weeks|months)"
        r"|\bonset of (?:the |its )?(?:\w+ ){0,2}?(?:action|effect|activity|analgesia|relief|response|diuresis"
        r"|sedation|sleep)\b|\bonset\b.{0,60}\b(?:within|as early as|after) (?:about |approximately )?\d"
        r"|\bpeak (?:\w+ )?effect|\bbegins? to work|\bstarts? (?:to )?work|\bas early as\b"
        r"|\b(?:effect|relief|improvement)\b.{0,60}\bwithin (?:the first )?\d+ (?:to \d+ )?"
        r"(?:minutes|hours|days|weeks)\b"
        r"|\b(?:full|maximal|maximum|therapeutic|clinical) (?:\w+ )?(?:effect|response|benefit|improvement)\b.{0,60}"
        r"\b(?:delayed|weeks?|days?)\b"
        # When the benefit shows: "the majority of patients healed within 4 weeks", "the optimal clinical effect is
        # seen some months after ...", "the full effect ... will usually be seen within one to two weeks".
        r"|\b(?:healed|healing|cured|resolved|relieved)\b.{0,30}\bwithin (?:about |approximately )?(?:\d|one|two|a few)"
        # Clinical Studies (21 CFR 201.57(c)(15)) reports relief at a time after the dose: "headache response 2
        # hours after treatment", "pain freedom at 2 hours post-dose", "healing rates at 4 weeks of therapy".
        r"|\b(?:response|relief|pain[- ]free(?:dom)?|healed|healing|improvement)\b.{0,40}?\b(?:at |by |within )?\d+"
        r" (?:to \d+ )?(?:minutes|hours|days|weeks) (?:(?:after|following|of) (?:the )?|post-?)(?:dos\w*|treat\w*"
        r"|administration|therapy)\b"
        r"|\b(?:effect|benefit|response|improvement)s? (?!on\b)(?:\w+ ){0,5}(?:is|are|was|were|will|may|can)? ?"
        r"(?:usually |generally )?(?:be )?(?:seen|noted|observed|apparent|evident)\b",
        cues=r"\bonset\b|\bpeak\b|\bT\s?max\b|\bwithin (?:the first |about |approximately )?\d|\btime to peak\b"
        r"|\bwithin (?:a few|one|two|several)"
        r"|\bmaximum (?:plasma |serum )?(?:concentrations?|levels?|effect)\b.{0,60}\b(?:reached|achieved|occur"
        r"|attained)|\b(?:reached|achieved|attained"
        r"|occurs?) (?:with)?in\b|\bbegins? to work\b|\bstarts? working\b|\b(?:after|in) (?:about "
        r"|approximately )?\d+ (?:to \d+ )?(?:minutes|hours|days|weeks)\b",
        topic="how soon it works",
    ),
    _intent(
        "effect_duration",
        # How long one dose keeps working ("how long does a shot last"), kept apart from how long the body takes
        # to clear it (elimination: "in your system", half-life) and from how long to keep taking it (duration).
        r"\bhow (?:long|many hours) (?:does|do|will|can|would|is|should) .{0,40}\b(?:last|lasts|keep working|work for"
        r"|stay effective|be effective|protect)\b(?!.{0,25}\b(?:in|out of|from) (?:your|my|the|his|her|a)? ?"
        r"(?:system|body|blood|urine|breast ?milk|milk)\b)(?!.{0,20}\b(?:after (?:opening|opened|it is opened)"
        r"|in the (?:fridge|refrigerator)|once opened|unopened)\b)"
        r"|\bduration of (?:the )?(?:action|effect)\b|\bhow long (?:is|are) (?:it|they|\w+) effective for\b"
        r"|\bhow long (?:does|do|will) (?:the |its |it'?s )?(?:effects?|relief|action)\b.{0,20}\blast\b",
        _EFFECT_TIME_SECTIONS,
        terms="duration effect hours",
        # "Duration of analgesic effect is usually 4 to 6 hours", "improves erectile function ... up to 36 hours post
        # dose", "the effect persists for 24 hours": the time the effect holds after a dose.
        strong=r"\bduration of (?:\w+ ){0,2}?(?:action|effect|activity|analgesia|relief|response)\b"
        r"|\b(?:lasts?|lasting|persists?|persisted|maintained|sustained|continues?) (?:for )?(?:up to |about "
        r"|approximately |at least |usually )?\d+ (?:to \d+ )?(?:minutes|hours|days|weeks)\b"
        r"|\b(?:for )?up to \d+ (?:to \d+ )?hours? (?:after|following|post)\b",
        cues=r"\bduration\b|\blasts?\b|\bpersist|\bup to \d+ hours\b|\bfor (?:about |approximately |up to )?\d+"
        r" (?:to \d+ )?hours\b|\b\d+ (?:to \d+ )?hours (?:after|following|post)",
        topic="how long it keeps working",
    ),
    _intent(
        "monitoring",
        # 21 CFR 201.57(c)(6)(iii) and 201.80(f)(3): the "Laboratory Tests" a label names for following the response
        # or catching an adverse reaction; Medication Guides say "your doctor will do blood tests". Asked as blood
        # work, labs, a level or a value being checked or monitored. Before time of day and dosing: "how often should
        # my INR be checked" asks about the test, not the dose.
        r"\bblood ?(?:work|tests?|draws?)\b|\b(?:lab|labs|laboratory) (?:tests?|work|values?|results?|monitoring"
        r"|checks?)\b|\b(?:what|which|any) labs?\b(?! (?:makes?|made|produces?|manufactures?))"
        r"|\blabs? (?:should|do|will|need|must)\b|\bmonitor(?:s|ed|ing)?\b|\b(?:inr|pt/inr|a1c|hba1c)\b"
        r"|\bcheck(?:s|ed|ing)? (?:my |your |his |her |their |the )?(?:[\w-]+ ){0,2}?(?:levels?|blood|liver|kidneys?"
        r"|kidney function|potassium|sodium|thyroid|cholesterol|blood counts?)\b"
        r"|\b(?:levels?|potassium|sodium|liver|kidneys?|kidney function|thyroid|blood counts?) (?:be |get |gets |being"
        r" |to be )?(?:checked|tested|monitored|measured)\b"
        r"|\b(?:liver|kidney|thyroid|eye|hearing|lung|heart) (?:function )?(?:tests?|exams?|checks?)\b",
        ("laboratory_tests", *_WARNINGS, "dosage_and_administration", *_LEAFLETS),
        terms="monitor monitoring laboratory tests periodic",
        strong=r"\b(?:laboratory|lab|blood) tests?\b.{0,60}\b(?:should|may|must|will|are|is) (?:be )?(?:performed|done"
        r"|obtained|monitored|checked|recommended|needed)\b"
        r"|\bmonitor\w*\b.{0,60}\b(?:levels?|concentrations?|function|counts?|INR|potassium|glucose|electrolytes"
        r"|tests?)\b|\b(?:serum|plasma|blood) (?:\w+ )?(?:level|concentration) (?:determinations?|monitoring"
        r"|measurements?)\b|\bperiodic(?:ally)? (?:\w+ ){0,3}?(?:tests?|monitor\w*|determinations?|measure\w*|check\w*"
        r"|assess\w*|evaluat\w*)\b|\b(?:do|order|check) (?:\w+ ){0,2}?blood tests?\b",
        cues=r"\bmonitor|\blaboratory\b|\bblood tests?\b|\bperiodic|\bdeterminations?\b|\bmeasure|\bbaseline\b"
        r"|\bINR\b|\bprothrombin time\b|\bcheck|\bserum (?:\w+ )?(?:levels?|concentrations?)\b",
        topic="tests to expect",
    ),
    _intent(
        "elimination",
        r"\b(?:stay|stays|remain|remains|last|lasts|linger)\b.{0,30}\b(?:in|out of) (?:your|my|the|his|her)? ?"
        r"(?:system|body|blood|urine)\b|\bhalf[- ]life\b|\bwears? off\b|\bout of (?:your|my|the) system\b"
        r"|\bhow long (?:does|do|will|is) .{0,40}\blast\b|\bmetaboli[sz]|\bexcret|\beliminat|\bclear(?:ed)? from\b"
        r"|\bdrug test",
        ("clinical_pharmacology", "pharmacokinetics", *_LEAFLETS, "drug_and_or_laboratory_test_interactions"),
        terms="half-life elimination excreted metabolized",
        strong=r"\bhalf-?life\b|\b(?:primarily|mainly|extensively|largely) (?:metaboli[sz]ed|excreted|eliminated)"
        r"|\b(?:metaboli[sz]ed|excreted|eliminated) (?:primarily |mainly |largely )?(?:by|in|via|through)\b",
        cues=r"\bhalf-?life\b|\beliminat|\bexcret|\bmetaboli[sz]|\bclearance\b|\bcleared\b|\burine\b|\bfeces\b"
        r"|\bhepatic\b|\bliver\b|\bCYP\w*",
        topic="how long it stays in the body",
    ),
    _intent(
        "duration",
        r"\bhow long (?:should|can|do|must|will|would|are|is) (?:i|you|we|he|she|they|one|a person|people|patients)\b"
        r"|\bhow long (?!(?:before|after)\b).{0,30}\b(?:take|taking|taken|use|using|used|be on|stay on|continue"
        r"|continued|treat|treated|course)\b"
        r"|\b(?:take|use|be on|stay on)\b.{0,30}\bfor (?:years|many years|months|decades|a long time)\b"
        r"|\bfor how long\b"
        r"|\bhow many (?:days|weeks|months)\b|\bduration\b|\bhow long is .{0,30}\b(?:course|treatment|therapy)\b"
        r"|\blength of (?:the )?(?:treatment|therapy|course)\b"
        r"|\b(?:stay|be|remain|keep) on\b.{0,30}\b(?:for (?:years|months|life|ever|a long time|the rest)|long[- ]term"
        r"|indefinitely|forever)\b|\b(?:for|on it for) the rest of (?:my|your|his|her|their) li(?:fe|ves)\b"
        r"|\bfor life\b|\blife-?long\b",
        ("dosage_and_administration", "indications_and_usage", *_LEAFLETS),
        terms="duration days weeks",
        strong=r"\bfor (?:at least |up to )?\d+ (?:to \d+ )?(?:days|weeks|months)\b|\b(?:continued?|treat\w*) for\b"
        r"|\bduration of (?:treatment|therapy|use)\b"
        # How long a medicine for a lasting condition is meant to be used, as Indications ("a short-term (a few
        # weeks) adjunct", 21 CFR 201.57(c)(2) limitations of use) and Dosage and Administration say it: the length
        # of use studied ("effectiveness in long-term use, that is, for more than 3 to 4 weeks, has not been
        # demonstrated") and the advice to reassess the need for continued treatment.
        r"|\b(?:short|long)[- ]term (?:\([^()]{1,30}\) )?(?:use|treatment|therapy|adjunct|administration)\b"
        r"|\b(?:beyond|longer than|more than|over) (?:\d+|one|two|three|six|a few|several) (?:to \d+ )?"
        r"(?:days|weeks|months|years?)\b.{0,80}\b(?:not been|not established|not demonstrated|not studied)\b"
        r"|\bnot been (?:established|demonstrated|studied|evaluated|assessed|systematically evaluated)\b.{0,60}"
        r"\b(?:beyond|longer than|more than|for more than|long-term)\b"
        r"|\bperiodically (?:re-?)?(?:assess|evaluat|examin)\w* (?:\w+ ){0,4}?(?:need|usefulness|benefit|continued)",
        cues=r"\b\d+ (?:to \d+ )?(?:days|weeks|months)\b|\bduration\b|\bcontinued? (?:for|until)\b|\bcourse\b"
        r"|\blong-?term\b|\bshort-?term\b|\bup to \d|\bmaintenance\b",
        topic="how long to take it",
    ),
    _intent(
        "missed_dose",
        r"\bmiss(?:ed|ing)? (?:a |my |the |one )?(?:dose|pill|tablet|shot|injection)|\bforg[eo]t(?:ten)? to take\b"
        r"|\bskip(?:ped)? a dose\b|\blate dose\b"
        # A dose forgotten, skipped or missed, counted or named by the medicine and when: "forgot my dose yesterday",
        # "missed two doses", "skipped my metformin this morning", "didn't take my pill last night".
        r"|\b(?:forg[eo]t(?:ten)?|miss(?:ed)?|skip(?:ped)?)\b (?:about )?(?:(?!(?:what|how|which|whether|if|when)\b)"
        r"[\w-]+ ){0,3}?(?:doses?|pills?|tablets?|capsules?|shots?|injections?|days?)\b"
        # Not "the bus", "lunch" or "work": those are no missed dose.
        r"|\b(?:forg[eo]t|skipped|missed|didn'?t take|did not take|never took) (?:to take )?(?:my|it|them"
        r"|(?!(?:the|a|an|his|her|lunch|breakfast|dinner|work|school|class)\b)\w+)"
        r" (?:[\w-]+ ){0,3}?(?:this (?:morning|evening|afternoon|week)|last night|yesterday|today|tonight)\b",
        ("dosage_and_administration", *_LEAFLETS),
        terms="missed",
        strong=r"\bif (?:you|a patient) miss(?:es)? a dose\b|\bmissed dose\b",
        cues=r"\bmiss(?:ed|es)?\b|\bskip\b|\bnext (?:scheduled )?dose\b|\bas soon as (?:you )?remember",
        topic="a missed dose",
    ),
    _intent(
        "time_of_day",
        r"\b(?:best|right|good|what|which) times?\b|\bwhen (?:to|should|do|can) (?:i|you|we)? ?(?:take|use|give)\b"
        # The medicine named between ("when should atorvastatin be taken").
        r"|\bwhen (?:should|do|is|are|must|can) (?:[\w-]+ ){1,3}(?:be )?(?:taken|used|given|administered)\b"
        r"|\b(?:morning|evening|night|nighttime|bedtime|breakfast|dinner|lunch)\b|\bbefore or after\b"
        r"|\b(?:before|at|going to) bed\b|\b(?:during|in|time of) the day\b|\bday ?time\b|\bdoes it matter when\b"
        r"|\b(?:hour|part) of (?:the )?day\b|\b(?:when|after|before|as soon as) (?:i|you|we) (?:wake|get up)\b"
        r"|\bupon (?:waking|rising)\b|\b(?:before|after|when|while) (?:i|you|we) (?:eat|have eaten|have a meal|sleep"
        r"|go to sleep)\b"
        r"|\bempty stomach\b|\bwith (?:or without )?(?:food|meals?)\b|\bhow often\b|\btimes? (?:a|per) day\b"
        r"|\b(?:before|after|with|without) (?:eating|meals?|food|a meal|breakfast|dinner|lunch)\b"
        r"|\bhow (?:long|soon|early|much time|many (?:minutes|hours)) (?:before|after)\b" + _TAKE_BEFORE,
        ("dosage_and_administration", *_LEAFLETS),
        terms="morning evening bedtime meals",
        # "at any time of (the) day" is how labels say the time does not matter (statins, weekly incretins).
        # Hypnotics' labels say it as "immediately before going to bed" and "once per night" (lemborexant,
        # zolpidem, suvorexant Dosage and Administration).
        strong=r"\b(?:in the morning|at bedtime|in the evening|at night|at the same time each day)\b"
        r"|\b(?:before|prior to) (?:going to |getting into )?(?:bed|bedtime)\b|\b(?:minutes?|hours?) of bedtime\b"
        # Older labels' word for bedtime ("15 mg before retiring", "just prior to retiring").
        r"|\b(?:before|prior to|upon|on) retiring\b"
        r"|\bonce (?:per night|nightly)\b"
        r"|\b(?:on|upon) (?:awakening|waking|arising|rising)\b"
        r"|\bat any time of (?:the )?day\b"
        r"|\b(?:before|after|with) (?:breakfast|meals?|a meal)\b|\bon an empty stomach\b"
        r"|\b(?:\d+|one|two|an?|half an?) (?:minutes?|hours?) (?:before|after|prior to)\b",
        cues=r"\bmorning\b|\bevening\b|\bbedtime\b|\bat night\b|\bsame time\b"
        r"|\b(?:to|into|in) bed\b|\bper night\b|\bnightly\b|\bretiring\b"
        r"|\bwith (?:or without )?(?:food|a meal|meals)\b|\bempty stomach\b|\bbefore (?:breakfast|meals?|a meal)\b"
        r"|\bonce (?:a )?daily\b|\btwice (?:a )?daily\b"
        r"|\bevery \d+(?:\s*(?:-|to)\s*\d+)? (?:hours|weeks|months|years)\b"
        r"|\b(?:once|twice|\d+ times) (?:a|per|each) (?:day|week)\b|\b(?:minutes?|hours?) (?:before|after)\b",
        topic="when to take it",
    ),
    _intent(
        "usage",
        r"\bhow (?:(?:do|should|can|would|does|is|are) )?(?:i|you|we|one|he|she|they)? ?(?:take|use|give|inject|apply"
        r"|insert|administer|administered|mix|dilute|prepare|taken|used|given|injected|applied|inhale"
        r"|swallow)\b|\bhow to (?:take|use|give|apply|inject|insert|administer|mix|dilute|prepare|inhale|swallow"
        r"|open)\b|\b(?:crush|crushed|chew|chewed|split|cut|break|dissolve|open) (?:it|the|my|a|them|this"
        r"|\w+ (?:pill|tablet"
        r"|capsule)s?)|\binfusion\b|\binject|\bdilut|\breconstitut|\bsublingual\b|\bunder (?:the|my|your) tongue\b"
        r"|\b(?:put(?! (?:me|him|her|them|us|you) on\b)|place|instill|spray|rub)\b.{0,30}\b(?:in|into|on)\b"
        r"|\bcontacts\b|\bcontact lens"
        r"|\bbe (?:crushed|chewed|split|cut|broken|halved|dissolved|opened|sprinkled|mixed)\b"
        r"|\bswallow\w*\b.{0,30}\bwhole\b"
        r"|\b(?:best|right|proper|correct|safest) way to (?:take|use|give|apply|inject)\b"
        # Instructions for Use steps: "Shake well before each use", "Prime the inhaler before first use".
        r"|\bshak(?:e|ing)\b.{0,30}\b(?:first|before|well)\b|\bprim(?:e|ing) (?:the|it|my|a)\b",
        ("dosage_and_administration", "instructions_for_use", *_LEAFLETS),
        terms="administer swallow inject subcutaneous infusion",
        strong=r"\bswallow\w*\b.{0,30}\bwhole\b|\b(?:take|give)\b.{0,40}\b(?:with|without) food\b"
        r"|\binject\w* (?:under the skin|subcutaneously|into)\b"
        r"|\badminister\w* (?:orally|subcutaneously|intravenously|intramuscularly|as an? (?:intravenous|subcutaneous))"
        # Medication Guides answer "how should I take X?" with instructions: "Take ...", "Swallow ...".
        r"|^(?:take|swallow|use|apply|inject|insert|place|chew|dissolve|mix|shake)\b"
        r"|\b(?:is|are) (?:taken|given|administered|applied|injected) (?:orally|by mouth|once|twice|as|with|about"
        r"|approximately|under|into)\b",
        cues=r"\badminist|\bswallow|\binject|\bsubcutaneous|\bintravenous|\binfus|\borally\b|\bapply\b|\bdilut"
        r"|\breconstitut|\bcrush|\bchew|\bwhole\b|\bwith (?:a )?(?:glass|full glass) of water\b|\bover \d+ minutes\b"
        r"|\brotate\b|\binjection sites?\b|\bcontact lens|\binstill|\bdrops? in\b",
        topic="how to take it",
    ),
    _intent(
        "mechanism",
        r"\bhow (?:does|do|is) .{0,40}\bwork|\bhow it works\b|\bmechanism\b|\bwhat does .{1,40} do\b(?! for\b)"
        r"|\bwhy (?:does|do) .{1,40}\b(?:help|work)\b",
        ("mechanism_of_action", "clinical_pharmacology", "pharmacodynamics", *_LEAFLETS),
        terms="mechanism inhibits inhibited receptor binds blocks",
        # Older labels say "mode of action" ("The mode of action of X has not been clearly identified").
        strong=r"\bmechanism of action\b|\bmode of action\b|\bworks by\b|\bexerts? (?:its|their)\b"
        r"|\bis thought to\b"
        r"|\bacts (?:by|on|as)\b",
        # Nutrients, electrolytes and hormones are described by their role in the body ("Magnesium is an important
        # cofactor for enzymatic reactions", "Potassium ... plays an important role in ...").
        cues=r"\bmechanism\b|\bmode of action\b|\binhibit|\bblock|\bbind|\breceptor|\bagonist\b|\bantagonist\b"
        r"|\bworks by\b|\bacts\b"
        r"|\bresult(?:s|ing)? in\b|\breduc|\bincreas|\bdecreas|\bplays? (?:a|an) (?:\w+ ){0,2}role in\b|\bcofactor\b"
        r"|\b(?:is|are) (?:an? )?(?:essential|important|necessary|required)\b|\b(?:principal|chief) cation\b",
        topic="how it works",
    ),
    _intent(
        "strengths",
        r"\bstrengths?\b|\bcomes? in\b|\bavailable (?:as|in)\b|\bwhat (?:sizes?|forms?|mg)\b",
        # Dosage and administration names the strength each dose uses (21 CFR 201.57(c)(3)).
        ("dosage_forms_and_strengths", "dosage_and_administration", "how_supplied", "description"),
        terms="supplied strengths",
        strong=r"\b(?:available|supplied) (?:as|in)\b"
        r"|\b(?:tablets?|capsules?|solution|injection)\b.{0,20}\bcontaining \d|\bstrengths?\b",
        cues=r"\bavailable (?:as|in)\b|\bsupplied\b|\bcontaining \d|\bstrengths?\b"
        r"|\b\d+(?:\.\d+)? ?(?:mg|mcg|g|mL|units?)\b|\bbottles? of \d+",
        topic="strengths",
    ),
    _intent(
        "dosage",
        r"\bdos(?:e|es|age|ing)\b|\bhow (?:much|many)\b|\b\d+ ?(?:mg|mcg|ml|milligrams?|units?)\b|\bmg\b|\bmaximum\b"
        r"|\bmax\b|\bhighest\b|\blowest\b|\bminimum\b|\bhow often\b"
        r"|\b(?:normal|usual|typical|standard|regular|right|safe|recommended) amount\b"
        r"|\bthe most\b.{0,30}\b(?:i|you|one|someone|a person|an adult|a child) (?:can|could|should|may)"
        r" (?:take|have|use"
        r"|give)\b",
        ("dosage_and_administration", "dosage_forms_and_strengths", *_LEAFLETS),
        terms="recommended maximum",
        strong=r"\b(?:recommended|usual) (?:starting |initial |maintenance |adult |daily )*(?:dose|dosage)s? (?:is|of"
        r"|for|range)|\b(?:the )?(?:initial|starting) (?:adult )?(?:dose|dosage)s? (?:of [\w-]+ )?(?:is|are)\b"
        r"|\bmaximum (?:recommended )?(?:daily )?(?:dose|dosage)|\bnot (?:to )?exceed\b|\bup to \d",
        cues=r"\brecommended (?:starting |initial |maintenance |usual )?(?:adult )?dos|\busual (?:adult )?dos"
        r"|\bmaximum\b|\bnot (?:to )?exceed\b|\b\d+(?:\.\d+)? ?(?:mg|mcg|g|mL|units?)(?:/kg)?\b|\bonce (?:a )?daily\b"
        r"|\btwice (?:a )?daily\b|\bevery \d+(?:\s*(?:-|to)\s*\d+)? (?:hours|days|weeks)\b|\bper day\b",
        topic="dosing",
    ),
    _intent(
        "manufacturer",
        r"\bwho (?:makes|made|manufactures|produces|distributes)\b|\bmanufactur\w*\b|\bmade by\b|\bwhat company\b"
        r"|\bmakers? of\b|\b(?:company|companies|firm|lab|labs|laboratory|laboratories) (?:that |who )?(?:makes|made"
        r"|produces|distributes|sells|owns|markets)\b|\bdistributor\b"
        r"|\bwhere (?:is|are|was|were) .{1,40}\b(?:made|manufactured|produced)\b",
        # Medication Guides and patient leaflets end with the "Manufactured by" or "Distributed by" lines too.
        (
            "package_label_principal_display_panel",
            "spl_unclassified_section",
            *_LEAFLETS,
            "instructions_for_use",
            "how_supplied",
            "description",
        ),
        terms="manufactured distributed",
        strong=r"\b(?:manufactured|distributed|marketed|made) (?:by|for|in)\b",
        cues=r"\bmanufactured (?:by|for)\b|\bdistributed by\b|\bmarketed by\b|\bLLC\b|\bInc\b|\bLtd\b",
        topic="the manufacturer",
    ),
    _intent(
        "comparison",
        r"\b(?:vs\.?|versus|compared? (?:to|with)|comparison|difference between|differ(?:s|ent)? from|same as"
        r"|better than|stronger than|weaker than|equivalent)\b"
        r"|\bwhich (?:one )?(?:is|lasts|works|acts) (?:better|stronger|longer|faster|safer|best)\b"
        r"|\bas (?:good|strong|effective|safe) as\b|\b[\w-]+ or [\w-]+,? which\b",
        ("indications_and_usage", "description", "mechanism_of_action"),
        terms="indicated",
        # What each label says the medicine is: its established pharmacologic class (21 CFR 201.57(a)(6)); most
        # of all, how it is made from the other one ("the L-valyl ester of acyclovir"; selection counts this
        # wording only in a sentence that names the other medicine).
        strong=r"\b(?:enantiomer|isomer|ester|prodrug|metabolite|salt|derivative|analog|analogue) of\b"
        r"|\b(?:converted|metabolized) (?:in the body )?(?:in)?to\b",
        cues=r"\bindicated\b|(?:\b(?:is|are|contains?)|,) an? (?:[\w-]+ ){0,5}(?:" + _CLASS_NOUNS + r")\b",
        supported=False,
        topic="comparing medicines",
    ),
    _intent(
        "information",
        r"^\W*(?:what|who)(?:'s| is| are)\b(?! the (?:side|dose|dosage|maximum|most|usual|best|difference))"
        r"|\btell me about\b|\binformation (?:on|about)\b|\bexplain (?:what|about)\b"
        r"|^\W*(?:is|are)\b.{1,60}\b(?:an?)\s+\W*\w+\W*$"
        r"|\b(?:is|are) (?:it|\w+) (?:an?|the same)\b|\b(?:drug )?class\b"
        r"|\b(?:family|group) of (?:drugs|medicines|medications)\b"
        # The medicine named first, then "what is this", or "never heard of it".
        r"|\bwhat(?:'s| is) (?:this|that|it)\W*$|\bnever heard of\b"
        r"|\bwhat (?:kind|type|sort) of (?:drug|medicine|medication|pill)\b",
        ("indications_and_usage", "description", "mechanism_of_action", *_LEAFLETS),
        terms="indicated",
        # "X is a <pharmacologic class>": FDA's established pharmacologic class names end in these nouns.
        strong=r"\b(?:is|are) an? (?:[\w-]+ |\([\w-]+\) ){0,5}(?:"
        + _CLASS_NOUNS
        + r")\b|\bbelongs? to (?:a|the) (?:class|group)|\bmember of (?:the|a) .{0,40}\bclass\b"
        r"|\b(?:pharmacologic|therapeutic)(?:al)? (?:category|class)\b",
        # What it is for answers "what is X" as well: the indication wording (21 CFR 201.57(c)(2); a Drug Facts
        # "Uses" line, "Treats head lice.") counts as much as what class it is.
        cues=r"\bis an?\b|\bindicated\b|\bbelongs? to\b|\bclass of\b|\bprescription medicine\b|\bused (?:to|for|in)\b"
        r"|\bcontains\b|\btreats?\b|\btreatment of\b|\bprevents?\b|\brelieves?\b|\brelief of\b|^uses?\b",
        topic="what it is",
    ),
)

BY_NAME = {intent.name: intent for intent in INTENTS}


# People type contractions without the apostrophe, or with a typographic one ("shouldnt", "whats", "don’t");
# the kinds are written with the plain apostrophe. "u"/"ur" are chat spellings of "you"/"your".
_CONTRACTIONS = {
    "shouldnt": "shouldn't",
    "cant": "can't",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "wont": "won't",
    "isnt": "isn't",
    "arent": "aren't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "whats": "what's",
    "hows": "how's",
    "im": "i'm",
    "ive": "i've",
    "u": "you",
    "ur": "your",
}
_CONTRACTION = re.compile(r"(?<![\w'’.])(" + "|".join(_CONTRACTIONS) + r")(?![\w'’]|\.\w)", re.IGNORECASE)


# The words that name a kind of question (the kinds above; MedicationQA's question types), as people misspell
# them: "pregancy", "brestfeeding", "overdoes", "contraindicaton". A word of six letters or more one edit away
# from one of these (two edits from ten letters on; a swap of two letters is one edit) is read as it. Shorter
# words are left alone: one edit turns them into other words too often. rapidfuzz does the matching.
KIND_VOCABULARY = frozenset(
    """pregnancy pregnant breastfeeding breastfeed breastfed lactation lactating overdose overdosed overdoses
    overdosing interaction interactions interact contraindicated contraindication contraindications refrigerate
    refrigerated refrigerator refrigeration withdrawal discontinue tapering addiction addictive addicted dependence
    expiration expired ingredients ingredient manufacturer manufactures allergic effects adverse reactions dosage
    dosages maximum storage""".split()
)
# Everyday words one edit from a kind word that mean something else ("it affects my sleep").
_NOT_MISSPELLINGS = frozenset({"affects", "overdone", "interacts", "reaction", "ingredient", "dosing"})
_LONG_WORD = re.compile(r"\b[a-z]{6,}\b", re.IGNORECASE)


def _kind_word(word: str) -> str:
    """WORD, or the kind word it misspells (see KIND_VOCABULARY)."""
    lowered = word.lower()
    if lowered in KIND_VOCABULARY or lowered in _NOT_MISSPELLINGS:
        return word
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    allowed = 2 if len(lowered) >= 10 else 1
    found = process.extractOne(lowered, KIND_VOCABULARY, scorer=OSA.distance, score_cutoff=allowed)
    if found is None or found[0].startswith(lowered) or lowered.startswith(found[0]):
        return word  # another form of the word ("effect" and "effects", "interacting"), not a misspelling of it
    return str(found[0])


def normalize_question(text: str) -> str:
    """QUESTION with typographic apostrophes made plain, apostrophe-less contractions restored and misspelled
    kind words read as the word meant ("is it safe in pregancy" -> "pregnancy")."""
    text = text.replace("’", "'").replace("‘", "'")

    def restore(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.lower() == "u" and re.search(r"\d\s*$", text[: match.start()]):
            return word  # "100 u": units
        return _CONTRACTIONS[word.lower()]

    text = _CONTRACTION.sub(restore, text)
    return _LONG_WORD.sub(lambda match: _kind_word(match.group()), text)


# One chat turn reads its question several times (sections, the query plan, passage ranking, the writer): the
# reading is pure, so it is kept rather than redone, the learned fallback included.
@functools.lru_cache(maxsize=1024)
def detect_intents(text: str) -> tuple[QuestionKind, ...]:
    """The kinds a question is of, in the order they lead (see INTENTS)."""
    text = normalize_question(text)
    # Side effects are asked about symptoms the medicine may cause, so a symptom it is asked to treat is left out.
    untreated = without_treated(text)
    kinds = tuple(
        intent for intent in INTENTS if intent.pattern.search(untreated if intent.name == "side_effects" else text)
    )
    if kinds and _TO_THE_BODY_PATTERN.search(text):
        # How it works leads and its effects follow: side effects are checked first only because a symptom named
        # in a question usually makes it one about effects, and this phrase names none.
        kinds = tuple(sorted(kinds, key=lambda kind: kind.name != "mechanism"))
    if kinds:
        return kinds
    # A phrasing no cue was written for: the kind learned from example phrasings, when the model is sure of it.
    guess = likely_kind(text)
    return (BY_NAME[guess],) if guess is not None else ()
