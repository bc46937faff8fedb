"""Severity: every rule that decides how serious an interaction is, in this one module.

Scale: contraindicated > major > moderate > minor. How a pair's severity is decided (`pair_severity`):
1. Each label sentence gets the strongest wording rule that matches it (`WORDING_RULES`): "contraindicated"
   is contraindicated; "avoid", "do not use", "not recommended" or a serious outcome (serotonin syndrome,
   respiratory depression, torsades, lactic acidosis) is major, and so is a fixed fraction of the usual dose ("give
   one third of the recommended dosage"); any other dose change, monitoring or an exposure change is moderate;
   a bare mention of using both is minor. Where the sentence sits raises it (`SECTION_SEVERITY`): a drug
   named in CONTRAINDICATIONS is contraindicated, one named in a BOXED WARNING is major. Sentences that only
   say an interaction was NOT seen are dropped (None).
2. Published lists and class rules set floors: the ONC high-priority list is major, the ONC non-interruptive
   list minor (`ONC_SEVERITY`); each pharmacodynamic class rule has the level its reference gives it
   (`CLASS_RULE_SEVERITY`, with the reason next to it), and a strong CYP inhibitor or inducer with one of that
   enzyme's sensitive substrates is major (FDA's definitions: a 5-fold rise or an 80% fall in exposure).
   A run-on sentence of flattened highlights bullets is rated clause by clause (`knowledge._clause_around`).
3. A change in the blood levels of a narrow-therapeutic-index drug (FDA's designation: small changes in dose or
   concentration can cause serious therapeutic failure or toxicity; warfarin, digoxin, tacrolimus, ... and drugs
   whose own label says so) is major (`PK_RULES`, `narrow_index_exposure`).
   Lower blood levels of a hormonal contraceptive are major too: contraceptive failure (FDA guidance on clinical
   drug interaction studies with combined oral contraceptives, 2020; labels then advise back-up contraception).
   So is an effect class rule whose effect both drugs' own boxed warnings name (`BOXED_COMBINATION_RULES`).
4. A potassium or QT signal is never minor (`NEVER_MINOR_CLASSES`).
5. A contraindication stated for an enzyme or transporter role without a strength ("a number of CYP3A4 substrates
   are contraindicated") is major for a drug it does not name (`for_target`).
The pair gets the strongest of these: a label saying "contraindicated" always wins, and a reference rating a
combination major is never lowered by a label that only says "monitor". A listing is a floor, never a cap: a pair on
the ONC non-interruptive list (minor) that a class rule or a label rates moderate is moderate (lisinopril with
ibuprofen: non-interruptive, and moderate by the NSAID class labeling's ACE inhibitor row).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pharmabot.interactions.class_rules import STRONG_MODULATOR_RULES
from pharmabot.interactions.lexicon import CLASS_BY_ID

Severity = Literal["contraindicated", "major", "moderate", "minor"]
SEVERITY_ORDER: dict[str, int] = {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1}


@dataclass(frozen=True)
class WordingRule:
    """A wording pattern and the severity it signals."""

    name: str
    severity: Severity
    pattern: re.Pattern[str]


def _rule(name: str, severity: Severity, pattern: str) -> WordingRule:
    return WordingRule(name, severity, re.compile(pattern, re.IGNORECASE))


# Strongest first; the first match wins.
WORDING_RULES: tuple[WordingRule, ...] = (
    _rule("contraindicated", "contraindicated", r"\bcontraindicat"),
    _rule(
        "must_not",
        "contraindicated",
        r"\b(?:must not|should never) be (?:used|given|taken|co-?administered|combined)|\bnever (?:use|take|give)\b",
    ),
    _rule(
        "do_not_use",
        "major",
        r"\bdo not (?:use|take|administer|co-?administer|give|start|initiate|combine|exceed)\b"
        r"|\bshould (?:ordinarily |generally |usually )?not be (?:used|taken|given|co-?administered|combined|started|"
        r"administered|treated|prescribed|initiated)",
    ),
    _rule("avoid", "major", r"\bavoid\b|\bavoided\b"),
    _rule("not_recommended", "major", r"\bnot (?:be )?recommended\b"),
    # "Consider discontinuing these agents at least 48 hours before ...": the two are not to be on board together.
    _rule(
        "stop_before",
        "major",
        r"\b(?:discontinu\w+|stop\w*|withh[oe]ld\w*|interrupt\w*)\b[^.;]{0,60}?\b\d+\s*(?:hours?|days?|weeks?)\b"
        r"[^.;]{0,30}?\b(?:before|prior to)\b",
    ),
    _rule(
        "serious_outcome",
        "major",
        # Lactic acidosis: the outcome of metformin's boxed warning (fatal cases), which its label and the iodinated
        # contrast labels tie to the other drug.
        r"serotonin syndrome|rhabdomyolysis|life-?threatening|fatal|torsades? de pointes|hypertensive crisis"
        r"|lactic acidosis"
        r"|profound sedation|respiratory depression|coma\b|death"
        # FDA's guidance names "increased risk of serious ..." as the wording of a clinically important interaction.
        r"|\b(?:increase|raise|heighten|enhance)\w*\b[^.;]{0,40}?\brisk of (?:serious|severe)\b"
        r"|\b(?:result in|cause|lead to|produce) (?:serious|severe)\b"
        # Failure of a contraceptive or of transplant immunosuppression is a major outcome in every reference.
        r"|contraceptive failure|unintended pregnanc|(?:additional|alternative|back-?up|non-?hormonal) (?:\w+ )?"
        r"(?:method of )?contracepti|(?:reduce|decrease)\w* (?:the )?(?:contraceptive )?(?:efficacy|effectiveness) of "
        r"(?:hormonal|oral) contraceptive|(?:organ|graft|transplant) rejection|graft loss"
        # "the possibility of decreased contraceptive efficacy", "loss of contraceptive effectiveness".
        r"|(?:reduced|decreased|diminished|impaired|lower|loss of|compromised?) contraceptive "
        r"(?:efficacy|effectiveness|effect|protection|action)"
        # Treatment failure whose harm is serious on its own: seizures returning when an antiepileptic falls below
        # its therapeutic range, and an antiretroviral or antiviral losing its effect and selecting resistant virus.
        # The labels state the consequence; the references rate such pairs major (DHHS Guidelines for the Use of
        # Antiretroviral Agents, drug interaction tables: "do not coadminister" for inducers that may cause virologic
        # failure; AAN/AES guidance on enzyme-inducing drugs with antiseizure medicines: breakthrough seizures).
        r"|loss of (?:seizure control|(?:anti)?virologic(?:al)? (?:response|efficacy|control|activity|effect)"
        r"|antiviral (?:efficacy|activity|response|effect))|breakthrough seizures?|virologic(?:al)? (?:failure|rebound)"
        # "loss of therapeutic effect and development of resistance": the loss and the resistance together, so an
        # antibacterial's "to reduce the development of drug-resistant bacteria" is not read as an interaction.
        r"|loss of (?:\w+ ){0,3}(?:effect|efficacy|response|activity)\b[^.;]{0,80}?\bresistan(?:ce|t)"
        r"|subtherapeutic (?:\w+ ){0,3}(?:levels?|concentrations?|exposure)[^.;]{0,80}?\b(?:seizure|virolog|resistan"
        r"|rejection)",
    ),
    # A fixed fraction of the usual dose ("give one third of the recommended dosage", "administer a quarter of the
    # recommended dosage", "reduce the dose by 50%"): FDA's labeling guidance on the Drug Interactions section (2020)
    # asks for a specific dose only where the change in exposure is clinically significant, and a cut to half or
    # less answers a rise of 2-fold or more, the range FDA's guidance assigns to moderate and strong inhibitors.
    # Without the cut the patient gets a toxic exposure: "requires a change of therapy to prevent serious adverse
    # effects", the clinical references' definition of major. "Adjust the dose as needed" stays moderate.
    _rule(
        "dose_fraction",
        "major",
        r"\b(?:one[- ](?:half|third|quarter|fourth)|half|a third|a quarter|one[- ]fourth) (?:of )?(?:the )?"
        r"(?:recommended |usual |starting |original |current |normal )?(?:daily )?(?:dose|dosage)"
        r"|\b(?:reduce|decrease|lower)\w* (?:the )?(?:\w+ )?(?:dose|dosage) (?:by )?(?:half|one[- ]half|two[- ]thirds|"
        r"(?:[5-9]\d) ?%)"
        # The same fractions written as numbers: "a dose reduction ... to approximately 1/3 to 1/4 the usual dose".
        r"|\b1/[234](?: (?:to|or) 1/[234])? (?:of )?(?:the )?(?:recommended |usual |starting |original |current "
        r"|normal )?(?:daily )?(?:dose|dosage)",
    ),
    _rule(
        "dose_change",
        "moderate",
        r"\b(?:reduce|reduction|decrease|lower|limit|adjust|adjustment|modif\w+|increase) (?:in |of )?"
        r"(?:the |their |its |your )?(?:\w+ )?(?:dose|dosage|daily dose)|\bdose (?:adjustment|reduction|modification)"
        r"|\b(?:do|should) not exceed"
        r"|\bnot to exceed|\bconsider (?:reducing|increasing|alternative|a dose|dose)",
    ),
    _rule(
        "monitoring",
        "moderate",
        r"\bmonitor|\bclose(?:ly)? (?:observation|monitoring)|\bobserve\b|\bcheck (?:the )?(?:INR|levels)"
        r"|\bmeasure\b|\bcaution\b|\bcautiously\b|\bcareful",
    ),
    # Binding or chelation in the gut, managed by spacing the doses: the labels' wording ("may bind to
    # levothyroxine", "Administer ... at least 4 hours apart from these agents", "take ... 2 hours before or 6 hours
    # after"). FDA class labeling of the fluoroquinolones, tetracyclines and levothyroxine states these as
    # interactions to manage, not to avoid.
    _rule(
        "separate_doses",
        "moderate",
        r"\b(?:administer\w*|take|taken|given|give|dosed?|dosing)\b[^.;]{0,80}?\b(?:at least |within )?"
        r"(?:\d+(?:\.\d+)?|one|two|three|four|six|eight|twelve)(?: (?:to|or) (?:\d+|two|three|four|six|eight))?"
        r" ?(?:hours?|hrs?)\b[^.;]{0,12}?\b(?:apart|before|after|prior to)\b"
        r"|\bseparat\w* (?:the )?(?:doses?|dosing|administration|times? of administration)\b"
        r"|\b(?:may|can|will|to) (?:bind|chelate|complex)\b",
    ),
    _rule(
        "exposure_change",
        "moderate",
        r"\b(?:increase[sd]?|decrease[sd]?|elevat\w+|reduc\w+|rais\w+|lower\w*|alter\w*|affect\w*|potentiat\w*|enhanc\w*)"
        r"\b[^.]{0,80}\b(?:concentrations?|levels?|exposure|AUC|Cmax|effects?|risk|clearance|absorption|INR|"
        r"prothrombin|bleeding|toxicity|activity|half-life|plasma)"
        # "The risk of tendon rupture is further increased in patients taking corticosteroids".
        r"|\brisk of [^.;]{0,80}?\b(?:is|are) (?:further |also )?increased\b"
        # The exposure named before the change: "X plasma concentrations may increase up to 2 fold".
        r"|\b(?:concentrations?|levels?|exposure|AUC|Cmax|clearance|half-life|absorption)\b[^.;]{0,30}?\b(?:may|can|could|might|"
        r"will|is|are|was|were)(?: be)? (?:significantly |substantially |markedly )?(?:increase[sd]?|decrease[sd]?|"
        r"elevated|reduced|raised|lowered|doubled|tripled|impaired|diminished)\b"
        # The effect named before the change: "the hypoglycemic action of sulfonylureas may be potentiated by ...",
        # "may exaggerate their response to these drugs" (pharmacodynamic wording of older labels).
        r"|\b(?:action|effects?|activity|response)\b[^.;]{0,60}?\b(?:may|can|could|might|is|are) (?:be )?"
        r"(?:potentiated|enhanced|exaggerated|augmented|intensified|diminished|antagonized|blunted|reversed)\b"
        r"|\bexaggerat\w* (?:their|its|the) (?:[\w'’]+ )?(?:response|effects?|action)"
        # Chelation and binding in the gut: "may interfere with the gastrointestinal absorption of levofloxacin".
        r"|\binterfer\w* with (?:the )?(?:\w+ )?absorption\b",
    ),
)

# Wording that reports NO interaction: a sentence with only this is not evidence.
NEGATIVE_PATTERN = re.compile(
    r"\bno (?:clinically )?(?:significant|relevant|meaningful|important|apparent|notable|appreciable|substantial|"
    r"major|marked|pertinent|detectable|measurable) (?:\w+ ){0,3}(?:interactions?|effects?|changes?|differences?|"
    r"alterations?|increases?|decreases?)"
    r"|\bno (?:dose|dosage) (?:adjustment|modification|change)s? (?:is|are|was|were)? ?"
    r"(?:necessary|needed|required|recommended)"
    r"|\b(?:did|does|do|was|were) not (?:\w+ ){0,2}(?:affect|alter|change|influence|modify|interact|result in|"
    r"increase|decrease|appear|produce|show|cause|have a)"
    r"|\bnot (?:clinically )?(?:significant|relevant|meaningful|important)|\bno (?:pharmacokinetic|drug) interaction"
    r"|\bno (?:\w+ )?(?:increase|decrease|change|alteration|reduction|elevation)s? (?:was |were )?"
    r"(?:observed |seen |noted )?in (?:the )?(?:\w+ ){0,3}"
    r"(?:concentrations?|levels?|exposure|AUC|Cmax|pharmacokinetics|clearance)"
    r"|\bhad no (?:\w+ ){0,2}effect|\bno effect\b|\bunaffected\b|\bnot affected\b|\bnot expected to\b"
    r"|\bunlikely to\b|\bcan be (?:co-?administered|used|given|taken) (?:with|without)"
    r"|\bwithout (?:dose|dosage) adjustment"
    r"|\bwithout (?:evidence of )?(?:any )?(?:undesirable|significant|clinically significant|adverse|untoward) "
    r"(?:adverse )?(?:drug )?interactions?"
    r"|\b(?:it is )?(?:unknown|not known) whether\b"
    r"|\b(?:dose|dosage) adjustments? (?:\w+ ){0,4}(?:is|are) not (?:recommended|necessary|needed|required)",
    re.IGNORECASE,
)

# Wording that some drug is used together with another: required outside the drug interactions section.
_POPULATION = r"in patients (?:taking|receiving|treated|on)\b|\btaking\b|\breceiving\b"
_TOGETHER = (
    r"concomitant|concurrent|co-?administ|combin|together|interact|added to|in addition to"
    # "As with other beta-blockers, ..." compares; it does not speak of using the two together.
    r"|\b(?:use|used|given|taken|administered) with\b(?! (?:caution|care)\b)|(?<!as )\bwith other\b"
    r"|\buse of (?:\w+ ){0,3}(?:drugs?|medications?|agents?|medicines?) (?:that|which)\b"
    # Drug Facts wording: "ask a doctor ... if you are taking", "the chance is higher if you take a blood thinner".
    r"|\bif you (?:are )?(?:take|taking|use|using)\b|\byou (?:take|are taking)\b|\btake (?:a|an|other|any|another)\b"
    r"|along with|co-?medicat|co-?prescri|\bplus\b"
)
CO_USE_PATTERN = re.compile(f"{_TOGETHER}|{_POPULATION}", re.IGNORECASE)
# Co-use wording beyond "patients taking X", which may only describe who is at risk of a drug's own effect.
TOGETHER_PATTERN = re.compile(_TOGETHER, re.IGNORECASE)


def only_population(sentence: str) -> bool:
    """True when the sentence speaks of the other drug only as what some patients take ("patients taking diuretics
    ... may be at greater risk"), not of using the two together."""
    return TOGETHER_PATTERN.search(sentence) is None


SECTION_SEVERITY: dict[str, Severity] = {"contraindications": "contraindicated", "boxed_warning": "major"}


@dataclass(frozen=True)
class Classified:
    severity: Severity
    rule: str


# A sentence about allergy to the other drug ("patients with known aspirin sensitivity should avoid NSAIDs") speaks
# of cross-sensitivity, not of taking the two together.
ALLERGY_PATTERN = re.compile(
    r"\b(?:known|history of|documented)\s+(?:\w+\s+){0,3}(?:sensitivity|hypersensitivity|allergy|allergies|"
    r"intolerance)|\bcross-?(?:sensitivity|reactivity|hypersensitivity)",
    re.IGNORECASE,
)


# Changes in binding proteins ("corticosteroids decrease TBG concentration") alter a total hormone level, not the
# effect of either drug; advice to start the two together ("concurrent prophylaxis with colchicine is recommended")
# is co-therapy, not a warning; and a drug named as the treatment of a contraindicated condition is neither.
NOT_AN_INTERACTION_PATTERN = re.compile(
    r"\bTBG\b|thyroxine-binding globulin|\bT4-binding|binding sites? on|\bto carrier proteins"
    r"|(?<!not )(?<!never )\b(?:is|are) recommended\b(?![^.;]{0,30}\b(?:avoid|caution|monitor))"
    # A contraindication's own treatment ("diabetic ketoacidosis ... should be treated with insulin"), and another
    # drug's contraindications ("contraindicated in patients for whom a statin ... is contraindicated").
    r"|\bshould be (?:treated|managed) with\b|\bin patients for whom [^.;]{0,120}?\b(?:is|are) contraindicated",
    re.IGNORECASE,
)


def is_allergy_note(sentence: str) -> bool:
    """True when the sentence is about allergy or cross-sensitivity rather than combined use."""
    return ALLERGY_PATTERN.search(sentence) is not None


def is_not_an_interaction(sentence: str) -> bool:
    """True when the sentence is about binding proteins or recommends the two together."""
    return NOT_AN_INTERACTION_PATTERN.search(sentence) is not None


def is_negative(sentence: str) -> bool:
    """True when the sentence only reports that no interaction was seen."""
    if not NEGATIVE_PATTERN.search(sentence):
        return False
    # "No dose adjustment is needed ...; however, avoid ..." still carries a warning.
    return not re.search(r"\bhowever\b|\bbut\b|\bavoid|\bcontraindicat|\bmonitor", sentence, re.IGNORECASE)


# A pharmacokinetic change reported in percent ("an increase in the zolpidem half-life (17%) was observed"). FDA's
# guidance on clinical drug interaction studies (2020) takes 80-125% of the reference exposure as the default
# no-effect boundary: a sentence whose every reported change is under 20%, with nothing to do about it, reports no
# interaction that matters.
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")
_PK_TERMS = re.compile(r"\bAUC|\bC ?max|concentration|exposure|half-life|clearance|\blevels?\b", re.IGNORECASE)
_NOT_PK_PERCENT = re.compile(r"fold|\bpatients\b|\bsubjects\b|incidence|\brisk\b|\brate of\b", re.IGNORECASE)
NO_EFFECT_PERCENT = 20.0


def is_small_change(sentence: str) -> bool:
    """True when a sentence only reports exposure changes inside FDA's default no-effect boundary."""
    values = [float(v) for v in _PERCENT.findall(sentence)]
    if not values or max(values) >= NO_EFFECT_PERCENT:
        return False
    return _PK_TERMS.search(sentence) is not None and _NOT_PK_PERCENT.search(sentence) is None


def classify(sentence: str, *, section: str) -> Classified | None:
    """Severity of one label sentence that names another drug or class, or None when it reports no interaction."""
    if is_negative(sentence):
        return None
    best: Classified = Classified("minor", "mention")
    for rule in WORDING_RULES:
        if rule.pattern.search(sentence):
            best = Classified(rule.severity, rule.name)
            break
    if best.rule == "exposure_change" and section not in SECTION_SEVERITY and is_small_change(sentence):
        return None
    floor = SECTION_SEVERITY.get(section)
    if floor is not None and SEVERITY_ORDER[floor] > SEVERITY_ORDER[best.severity]:
        best = Classified(floor, f"section:{section}")
    return best


def general_role(class_id: str) -> bool:
    """True for an enzyme or transporter role named without a strength ("CYP3A4 substrates", "inhibitors of P-gp")."""
    drug_class = CLASS_BY_ID.get(class_id)
    return drug_class is not None and drug_class.role is not None and "unspecified" in drug_class.role.grades


def for_target(classified: Classified, *, target_kind: str, target: str) -> Classified:
    """A sentence's severity for one drug or class it names. Contraindicated needs the drug itself or a class that
    fits it as the label means it ("strong CYP3A4 inhibitors", "statins"): a general role ("coadministration of a
    number of CYP3A4 substrates is contraindicated") covers hundreds of drugs of which the label's contraindication
    list names a few, and FDA's labeling rule asks a contraindication to name the drugs it means (21 CFR
    201.57(c)(5): known hazards, not theoretical ones), so for any other member it is at most major."""
    if classified.severity == "contraindicated" and target_kind == "class" and general_role(target):
        return Classified("major", f"{classified.rule}:general_role")
    return classified


def stronger(a: Severity, b: Severity) -> Severity:
    return a if SEVERITY_ORDER[a] >= SEVERITY_ORDER[b] else b


# The ONC lists as severity signals: high-priority items "should always interrupt" prescribers; non-interruptive
# items are real but low priority (Phansalkar et al., JAMIA 2012;19:735 and 2013;20:489).
ONC_SEVERITY: dict[str, Severity] = {"high_priority": "major", "non_interruptive": "minor"}

# Pharmacodynamic class rules (`class_rules.py`): the level each is given, and why.
CLASS_RULE_SEVERITY: dict[str, tuple[Severity, str]] = {
    "qt_qt": ("major", "ONC high-priority list (always interrupt): two QT-prolonging drugs"),
    "opioid_benzodiazepine": ("major", "FDA boxed warning on opioids and benzodiazepines (2016)"),
    "opioid_cns": ("major", "FDA opioid boxed warning names other CNS depressants; FDA 2019 on gabapentinoids"),
    "cns_cns": ("moderate", "Beers Criteria: avoid combining CNS-active drugs (falls, sedation); monitor"),
    "sedating_antihistamine_cns": (
        "moderate",
        "21 CFR 341.72(c)(4): sedatives and tranquilizers may increase the drowsiness effect; ask before use",
    ),
    "decongestant_antihypertensive": (
        "moderate",
        "21 CFR 341.80(c)(1) (ask a doctor first with high blood pressure); references: may reduce the "
        "antihypertensive effect, monitor blood pressure",
    ),
    # Major, as every class rule at most: "contraindicated" comes from a label that says so (the MAOIs' own labels
    # contraindicate sympathomimetics, and those sentences rate the pair).
    "decongestant_maoi": (
        "major",
        "21 CFR 341.80(c)(1): do not use with a prescription MAOI or for 2 weeks after stopping it (hypertensive "
        "crisis)",
    ),
    "maoi_serotonergic": ("major", "FDA labels contraindicate MAOIs with SSRIs, SNRIs, triptans, opioids"),
    "serotonergic_serotonergic": ("major", "FDA labels: serotonin syndrome is potentially life-threatening"),
    "anticoagulant_antithrombotic": ("major", "CHEST/ACC-AHA and anticoagulant labels: major bleeding risk"),
    "anticoagulant_bleeding": ("moderate", "anticoagulant labels: monitor for bleeding with SSRIs/SNRIs and others"),
    "antiplatelet_bleeding": ("moderate", "NSAID and antiplatelet labels: monitor for gastrointestinal bleeding"),
    "bleeding_bleeding": ("moderate", "labels of both warn of bleeding: monitor for bleeding"),
    "hepatotoxic_hepatotoxic": (
        "moderate",
        "hepatotoxic drugs' labels: monitor liver tests with other hepatotoxic drugs",
    ),
    # Side A is a drug the lexicon or FDA's pharmacologic classes list as nephrotoxic (aminoglycosides, polymyxins,
    # amphotericin B, platinum drugs, iodinated contrast) or whose boxed warning names kidney injury.
    "nephrotoxic_nephrotoxic": (
        "major",
        "boxed warnings of the aminoglycosides and polymyxins: avoid concurrent use of other nephrotoxic drugs; "
        "iodinated contrast labels and the ACR Manual on Contrast Media: nephrotoxic drugs add to the risk of acute "
        "kidney injury",
    ),
    "raas_dual": ("major", "FDA 2012 communication and labels: avoid dual renin-angiotensin blockade"),
    "raas_potassium": ("major", "labels of ACE inhibitors, ARBs and potassium-sparing drugs: severe hyperkalemia"),
    "potassium_raising": ("moderate", "labels warn to monitor potassium (never minor: hyperkalemia)"),
    "lithium_clearance": ("major", "lithium labeling: toxicity when clearance falls"),
    "anticholinergic_burden": ("moderate", "Beers Criteria: avoid two or more anticholinergic drugs"),
    "nsaid_antihypertensive": (
        "moderate",
        "NSAID class labeling: monitor blood pressure and renal function with ACE inhibitors, ARBs, beta-blockers",
    ),
    "nsaid_diuretic": ("moderate", "NSAID class labeling: observe for renal failure and diuretic efficacy"),
    "immunosuppression": (
        "major",
        "JAK inhibitor, S1P modulator, TNF blocker, leflunomide labels: avoid or take "
        "great care with other immunosuppressive or anticancer therapy (serious infections)",
    ),
    "opioid_maoi": (
        "major",
        "FDA opioid labeling: use with MAOIs not recommended (serotonin syndrome, opioid toxicity)",
    ),
    "myelosuppression": ("moderate", "labels: additive myelosuppression, monitor blood counts"),
    "myelosuppression_warnings": ("moderate", "labels of both warn of low blood counts: monitor blood counts"),
    "immunosuppression_warnings": (
        "moderate",
        "labels of both warn of serious infections or immune suppression: monitor for infection",
    ),
    "insulin_secretagogue": ("moderate", "labels: a lower dose of insulin or secretagogue may be needed"),
}

# Alcohol (`class_rules.ALCOHOL_RULES`): major where FDA labeling boxes or forbids the combination, or the reaction is
# itself dangerous; moderate otherwise (NIAAA's reactions are added effects to watch for), unless the medicine's own
# label sentence about alcohol says more ("avoid", "do not take").
CLASS_RULE_SEVERITY.update(
    {
        "alcohol_opioid": ("major", "FDA opioid boxed warning: CNS depressants including alcohol (fatal overdose)"),
        "alcohol_benzodiazepine": (
            "major",
            "benzodiazepine labels: alcohol and other CNS depressants; NIAAA: overdose risk, slowed breathing",
        ),
        "alcohol_disulfiram": ("major", "disulfiram, metronidazole, tinidazole labels: do not drink alcohol"),
        "alcohol_maoi": ("major", "MAOI labels: tyramine-rich drinks can cause a hypertensive crisis"),
        "alcohol_anticoagulant": ("moderate", "NIAAA: bleeding risk; heavy drinking changes warfarin's effect"),
        "alcohol_acetaminophen": ("moderate", "21 CFR 201.326 liver warning: 3 or more drinks a day"),
        "alcohol_nsaid": ("moderate", "21 CFR 201.326 stomach bleeding warning: 3 or more drinks a day"),
        "alcohol_glucose_lowering": ("moderate", "NIAAA and labels: hypoglycemia; monitor blood sugar"),
        "alcohol_metformin": (
            "moderate",
            "metformin labels: alcohol potentiates its effect on lactate; limit drinking",
        ),
        "alcohol_nitrate": ("moderate", "NIAAA: low blood pressure, fainting"),
        "alcohol_cns": ("moderate", "NIAAA: added sedation; the label's own alcohol sentence may say more"),
        # The Drug Facts wording every sedating antihistamine carries is "avoid alcoholic drinks": the label's own
        # "avoid", rated as any label sentence saying avoid is (cetirizine's label says it; a label here that lost
        # its warnings panel must not rate the same combination lower).
        "alcohol_sedating_antihistamine": ("major", "21 CFR 341.72(c)(4): avoid alcoholic drinks"),
        "alcohol_antihistamine": ("moderate", "21 CFR 341.72: alcohol may increase drowsiness"),
        "alcohol_antidepressant": ("moderate", "NIAAA: added drowsiness, worse depression"),
        "alcohol_blood_pressure": ("moderate", "NIAAA: dizziness, fainting"),
    }
)

# A strong CYP inhibitor or inducer with a sensitive substrate of the same enzyme: FDA's definitions put the change at
# 5-fold or more up, or 80% or more down, a change the references rate major (avoid, or adjust and monitor closely).
CLASS_RULE_SEVERITY.update(
    dict.fromkeys(
        STRONG_MODULATOR_RULES,
        ("major", "FDA Table 1 definitions: a strong inhibitor or inducer with a sensitive substrate (5-fold, 80%)"),
    )
)

# Effect class rules that are major when each drug's own label names the effect in its boxed warning: FDA boxes only
# risks that may lead to death or serious injury (21 CFR 201.57(c)(1)), so two drugs that each carry the boxed risk
# add up to a serious one (the boxed hepatotoxicity and myelosuppression labels warn against exactly that).
BOXED_COMBINATION_RULES = frozenset(
    {
        "bleeding_bleeding",
        "hepatotoxic_hepatotoxic",
        "nephrotoxic_nephrotoxic",
        "myelosuppression",
        "myelosuppression_warnings",
        "immunosuppression_warnings",
        "cns_cns",
    }
)

# Wording rules that describe a change in exposure (the ones that matter for a narrow-therapeutic-index drug).
PK_RULES = frozenset(
    {"exposure_change", "dose_change", "dose_fraction", "monitoring", "avoid", "not_recommended", "do_not_use"}
)

# Classes whose interactions are never rated minor: hyperkalemia and QT prolongation can kill without warning.
NEVER_MINOR_CLASSES = frozenset({"qt_prolonging", "hyperkalemia", "potassium"})
NEVER_MINOR_RULES = frozenset({"qt_qt", "raas_dual", "raas_potassium", "potassium_raising"})


def pair_severity(
    *,
    label: Iterable[Severity],
    rules: Iterable[Severity],
    classes_named: Iterable[str] = (),
    narrow_index_exposure: bool = False,
    contraceptive_exposure_down: bool = False,
    boxed_combination: bool = False,
) -> Severity:
    """The severity of a pair: the strongest signal from its label sentences and rules, major when the other drug
    changes the blood levels of a narrow-therapeutic-index drug, never minor for a potassium or QT signal (see the
    module docstring for the order)."""
    severity: Severity = "minor"
    for signal in (*label, *rules):
        severity = stronger(severity, signal)
    if narrow_index_exposure or contraceptive_exposure_down or boxed_combination:
        severity = stronger(severity, "major")
    if severity == "minor" and NEVER_MINOR_CLASSES & set(classes_named):
        severity = "moderate"
    return severity
