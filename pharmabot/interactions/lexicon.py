"""The drug-class lexicon: how labels name classes, and which active moieties belong to each class.

Each class lists the phrases labels use for it, its members, the openFDA pharmacologic classes (EPC,
MoA, PE) whose single-ingredient labels join it at build time, and where the members come from. Three
kinds of class:
- therapeutic classes a label names ("NSAIDs", "MAOIs", "nitrates");
- enzyme and transporter roles ("strong CYP3A4 inhibitors", "P-gp substrates"), generated from one table
  of systems below; members come from FDA's table of examples and from each label's own statement of its
  roles (`pharmabot/interactions/properties.py`);
- effect classes ("drugs that prolong the QT interval", "hepatotoxic drugs"): members are drugs whose own
  label warns of that effect (a warnings heading, a boxed-warning title, its own sentence), plus the
  members listed here.
Sources:
- FDA: "Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers", shipped as
  `pharmabot/data/interactions/fda_cyp_transporter_examples.tsv` (Table 1 of "FDA's Examples of Drugs that
  Interact with CYP Enzymes and Transporter Systems").
- FDA label wording: the classes that class-wide labeling names ("NSAIDs", "MAOIs", "serotonergic
  drugs such as ...", "nitrates", "drugs that prolong the QT interval") and the examples those labels give.
- ONC high-priority and non-interruptive lists (Phansalkar et al., JAMIA 2012 and 2013).
- openFDA `pharm_class_epc` / `_moa` / `_pe` (FDA's SPL pharmacologic class indexing).
- Effect-class members listed by hand are those whose own FDA label carries the warning (noted per class).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

FDA_DDI_TABLE = "FDA, Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers"
FDA_CLASS_LABELING = "FDA class labeling wording (drug interaction sections of the class's labels)"
ONC = "ONC high-priority / non-interruptive DDI lists (Phansalkar et al., JAMIA 2012;19:735, 2013;20:489)"
EPC = "openFDA pharm_class_epc"
OWN_LABEL = "the drug's own FDA label (warnings heading, boxed warning or its own statement)"
NIAAA = (
    "NIAAA, Harmful Interactions: Mixing Alcohol with Medicines (NIH Publication No. 13-5329, rev. 2014; a US "
    "government work)"
)


@dataclass(frozen=True)
class RoleSpec:
    """Which enzyme or transporter roles make a drug a member of a role class."""

    system: str  # a System id: "cyp3a", "pgp", ...
    kind: str  # "inhibitor", "inducer" or "substrate"
    grades: frozenset[str]  # strengths that count: strong, moderate, weak, unspecified; sensitive, major, minor


@dataclass(frozen=True)
class DrugClass:
    """A class of drugs as labels name it."""

    id: str
    name: str
    patterns: tuple[str, ...]  # regular expressions (case-insensitive) for the class as labels write it
    members: frozenset[str]
    epc: tuple[str, ...] = ()  # openFDA EPC names whose single-ingredient labels join the class
    sources: tuple[str, ...] = (FDA_CLASS_LABELING,)
    duplication: bool = False  # two members in one list are a therapeutic duplication
    learn_examples: bool = True  # drugs a label lists in parentheses after the class join it
    moa: tuple[str, ...] = ()  # openFDA mechanism-of-action names, used like `epc`
    pharm_class_pattern: str | None = None  # a regex over EPC/MoA/PE names, for families of classes
    own_effect: str | None = None  # how a label titles or states its own drug's effect (headings, boxed title)
    not_own_effect: str | None = None  # look-alike headings that are something else ("uterine bleeding")
    indication: str | None = None  # indications wording that makes a drug a member ("... carcinoma")
    not_indication: str | None = None
    role: RoleSpec | None = None  # an enzyme/transporter role class: who joins it
    # How firmly a drug must belong for a label that names this class ("other hepatotoxic drugs") to mean it:
    # "any", "heading" (a warnings heading of its own label, or listed) or "boxed" (a boxed warning, or listed).
    named_members: str = "any"
    property_class: bool = False  # membership is a property the drug's own label states: quote it as evidence
    # The least severe wording a label sentence naming this class must carry to count ("major": avoid, not
    # recommended, a serious outcome, contraindicated). For use categories so broad that a "monitor" or "adjust the
    # dose" sentence about them is background advice rather than an interaction with each member.
    min_wording: str | None = None


def _m(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


_STRONG_3A4_INH = _m(
    "boceprevir, cobicistat, idelalisib, indinavir, itraconazole, ketoconazole, lopinavir, nefazodone, nelfinavir, "
    "posaconazole, ritonavir, saquinavir, telaprevir, telithromycin, tipranavir, voriconazole, clarithromycin, "
    "conivaptan, mibefradil, troleandomycin, ceritinib, ribociclib, tucatinib"
)
_MODERATE_3A4_INH = _m(
    "aprepitant, ciprofloxacin, crizotinib, cyclosporine, diltiazem, dronedarone, erythromycin, fluconazole, "
    "fluvoxamine, imatinib, verapamil, atazanavir, darunavir, fosamprenavir, amprenavir, isavuconazonium, "
    "letermovir, netupitant"
)
_STRONG_3A4_IND = _m(
    "apalutamide, carbamazepine, enzalutamide, mitotane, phenytoin, rifampin, st john's wort, phenobarbital, "
    "fosphenytoin, primidone, rifapentine, lumacaftor"
)
_MODERATE_3A4_IND = _m("bosentan, efavirenz, etravirine, modafinil, nafcillin, rifabutin, dexamethasone, lesinurad")
_NSAIDS = _m(
    "ibuprofen, naproxen, diclofenac, celecoxib, meloxicam, indomethacin, ketorolac, etodolac, nabumetone, "
    "piroxicam, sulindac, oxaprozin, flurbiprofen, ketoprofen, fenoprofen, diflunisal, mefenamic acid, "
    "meclofenamate, tolmetin, aspirin, salsalate"
)
_MAOIS = _m(
    "isocarboxazid, phenelzine, tranylcypromine, selegiline, rasagiline, safinamide, linezolid, methylene blue, "
    "procarbazine"
)
_SSRIS = _m("citalopram, escitalopram, fluoxetine, paroxetine, sertraline, fluvoxamine, vilazodone, vortioxetine")
_SNRIS = _m("duloxetine, venlafaxine, desvenlafaxine, milnacipran, levomilnacipran")
_TCAS = _m(
    "amitriptyline, amoxapine, clomipramine, desipramine, doxepin, imipramine, nortriptyline, protriptyline, "
    "trimipramine, maprotiline"
)
_TRIPTANS = _m("almotriptan, eletriptan, frovatriptan, naratriptan, rizatriptan, sumatriptan, zolmitriptan")
_OPIOIDS = _m(
    "morphine, hydrocodone, oxycodone, oxymorphone, hydromorphone, fentanyl, methadone, meperidine, codeine, "
    "tramadol, tapentadol, buprenorphine, butorphanol, levorphanol, sufentanil, remifentanil, alfentanil, "
    "pentazocine, nalbuphine"
)
_BENZOS = _m(
    "alprazolam, chlordiazepoxide, clobazam, clonazepam, clorazepate, diazepam, estazolam, flurazepam, lorazepam, "
    "midazolam, oxazepam, quazepam, temazepam, triazolam, remimazolam"
)
_ANTICOAGULANTS = _m(
    "warfarin, apixaban, rivaroxaban, dabigatran, edoxaban, heparin, enoxaparin, dalteparin, fondaparinux, "
    "argatroban, bivalirudin, desirudin, tinzaparin"
)
# "Oral anticoagulants" in a label means warfarin and the oral direct inhibitors, never the heparins.
_ORAL_ANTICOAGULANTS = _m("warfarin, apixaban, rivaroxaban, dabigatran, edoxaban")
_THROMBOLYTICS = _m("alteplase, tenecteplase, reteplase, urokinase, streptokinase")
_BETA_BLOCKERS = _m(
    "acebutolol, atenolol, betaxolol, bisoprolol, carvedilol, esmolol, labetalol, metoprolol, nadolol, "
    "nebivolol, pindolol, propranolol, sotalol, timolol"
)
_CCBS = _m("amlodipine, felodipine, isradipine, nicardipine, nifedipine, nimodipine, nisoldipine, diltiazem, verapamil")
_ALPHA_BLOCKERS = _m("doxazosin, prazosin, terazosin, tamsulosin, alfuzosin, silodosin, phentolamine, phenoxybenzamine")
_ANTIPLATELETS = _m(
    "clopidogrel, prasugrel, ticagrelor, ticlopidine, aspirin, dipyridamole, cilostazol, vorapaxar, cangrelor, "
    "tirofiban, eptifibatide, abciximab"
)
_ACE = _m(
    "benazepril, captopril, enalapril, fosinopril, lisinopril, moexipril, perindopril, quinapril, ramipril, "
    "trandolapril"
)
_ARBS = _m("azilsartan, candesartan, eprosartan, irbesartan, losartan, olmesartan, telmisartan, valsartan")
_INSULINS = _m("insulin glargine, insulin lispro, insulin aspart, insulin detemir, insulin degludec, insulin human")
_THIAZIDES = _m("hydrochlorothiazide, chlorthalidone, chlorothiazide, indapamide, metolazone, methyclothiazide")
_LOOP_DIURETICS = _m("furosemide, bumetanide, torsemide, ethacrynic acid")
# Quinine, pentamidine and the tricyclics carry QT-prolongation warnings in their own FDA labels; so do oral
# ketoconazole tablets (boxed warning, FDA 2013: QT prolongation, alone and through raised levels of other drugs),
# whose label the shipped corpus lacks (it has a topical one).
_QT = _m(
    "amiodarone, sotalol, dofetilide, dronedarone, quinidine, procainamide, disopyramide, ibutilide, haloperidol, "
    "chlorpromazine, thioridazine, pimozide, ziprasidone, citalopram, escitalopram, methadone, erythromycin, "
    "clarithromycin, azithromycin, moxifloxacin, levofloxacin, ondansetron, droperidol, hydroxychloroquine, "
    "chloroquine, arsenic trioxide, vandetanib, bedaquiline, quinine, pentamidine, amitriptyline, nortriptyline, "
    "desipramine, imipramine, clomipramine, ketoconazole"
)

CLASSES: tuple[DrugClass, ...] = (
    DrugClass(
        "nsaids",
        "NSAIDs",
        (r"\bNSAIDs?\b", r"non-?steroidal anti-?inflammatory (?:drugs?|agents?)"),
        _NSAIDS,
        epc=("Nonsteroidal Anti-inflammatory Drug",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
    ),
    DrugClass(
        "maois",
        "MAO inhibitors",
        (
            r"\bMAOIs?\b",
            r"mono-?amine oxidase inhibitors?",
            r"\bMAO inhibitors?",
            r"MAO-?A inhibitors?",
            r"monoamine oxidase \(MAO\)-?A? inhibitors?",
        ),
        _MAOIS,
        epc=("Monoamine Oxidase Inhibitor",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "ssris",
        "SSRIs",
        (
            r"\bSSRIs?\b",
            r"selective serotonin re-?uptake inhibitors?",
            r"\b(?:drugs?|agents?|medications?) (?:that|which) (?:interfere with|inhibit) serotonin re-?uptake",
        ),
        _SSRIS,
        epc=("Serotonin Reuptake Inhibitor",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "snris",
        "SNRIs",
        (
            r"\bSNRIs?\b",
            r"serotonin and norepinephrine re-?uptake inhibitors?",
            r"serotonin[- ]norepinephrine",
            r"\b(?:drugs?|agents?|medications?) (?:that|which) (?:interfere with|inhibit) serotonin re-?uptake",
        ),
        _SNRIS,
        epc=("Serotonin and Norepinephrine Reuptake Inhibitor",),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "tcas",
        "tricyclic antidepressants",
        (r"tricyclic antidepressants?", r"\bTCAs?\b"),
        _TCAS,
        epc=("Tricyclic Antidepressant",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "triptans",
        "triptans",
        (r"\btriptans?\b", r"5-?HT1[BD/]* (?:receptor )?agonists?"),
        _TRIPTANS,
        epc=("Serotonin-1b and Serotonin-1d Receptor Agonist",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "serotonergic",
        "serotonergic drugs",
        (
            r"serotonergic (?:drugs?|agents?|medications?|medicines?|products?)",
            r"other serotonergic",
            r"drugs that (?:affect|impair) (?:the )?serotonergic",
            r"\b(?:drugs?|agents?|medications?) (?:that|which) (?:may )?(?:impair (?:the )?metabolism of serotonin|"
            r"affect (?:the )?seroton\w+ neurotransmitter|increase serotonin|have serotonergic)",
        ),
        _SSRIS
        | _SNRIS
        | _TCAS
        | _TRIPTANS
        | _MAOIS
        | _m(
            "fentanyl, tramadol, meperidine, methadone, tapentadol, lithium, buspirone, tryptophan, st john's wort, "
            "amphetamine, dextroamphetamine, lisdexamfetamine, mirtazapine, trazodone, nefazodone, dextromethorphan"
        ),
        sources=(FDA_CLASS_LABELING, OWN_LABEL),
        own_effect=r"serotonin syndrome|serotonergic syndrome",
        property_class=True,
    ),
    DrugClass(
        "opioids",
        "opioids",
        (r"\bopioids?\b(?! antagonists?)", r"opioid analgesics?", r"narcotic analgesics?"),
        _OPIOIDS,
        epc=("Opioid Agonist", "Opioid Agonist-Antagonist", "Partial Opioid Agonist"),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "benzodiazepines",
        "benzodiazepines",
        (r"\bbenzodiazepines?\b",),
        _BENZOS,
        epc=("Benzodiazepine",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "cns_depressants",
        "CNS depressants",
        (
            r"(?:CNS|central nervous system)[- ]depressants?",
            r"other depressants",
            r"sedative-?hypnotics?",
            r"respiratory depressants?",
            # "sedative" alone is mostly the adjective ("sedative effects"), which names an effect, not drugs.
            r"\b(?:sedatives|hypnotics|tranquilizers|gabapentinoids)\b|\ba sedative\b(?![- ](?:effect|propert))",
            r"sedating (?:drugs?|medications?|agents?|antihistamines?)",
            r"\b(?:drugs?|agents?|medications?|substances?) (?:that|which) (?:may )?(?:cause|produce|depress|increase)"
            r"(?: the risk of)? (?:CNS depression|central nervous system depression|sedation|drowsiness|"
            r"respiration|respiratory depression)",
        ),
        _OPIOIDS
        | _BENZOS
        | _m(
            "zolpidem, eszopiclone, zaleplon, phenobarbital, butalbital, gabapentin, pregabalin, carisoprodol, "
            "cyclobenzaprine, baclofen, tizanidine, quetiapine, olanzapine, promethazine, hydroxyzine, "
            "diphenhydramine, suvorexant, lemborexant, daridorexant, doxylamine, meprobamate, methocarbamol, "
            "metaxalone, chlorzoxazone, dexmedetomidine, propofol, ketamine, sodium oxybate, trazodone, mirtazapine"
        ),
        epc=("Barbiturate", "Orexin Receptor Antagonist", "General Anesthetic", "Benzodiazepine", "Opioid Agonist"),
        sources=(FDA_CLASS_LABELING, OWN_LABEL, EPC),
        own_effect=r"respiratory depression|CNS depression|central nervous system depress|profound sedation|"
        r"\bsedation\b|somnolence|drowsiness|depressant effects",
        not_own_effect=r"neonatal|withdrawal",
        property_class=True,
    ),
    DrugClass(
        "anticoagulants",
        "anticoagulants",
        (
            # Not the adjective of an effect ("potentiates anticoagulant response").
            r"(?<!oral )\banti-?coagulants?\b(?! (?:response|effects?|activity|action|properties))",
            r"vitamin K antagonists?",
            r"\bcoumarins?\b",
            r"blood[- ]thinn(?:ers?|ing (?:drugs?|medicines?|medications?))",
            r"(?:drugs?|medicines?|medications?) for anti-?coagulation",
        ),
        _ANTICOAGULANTS,
        epc=("Anti-coagulant", "Vitamin K Antagonist", "Factor Xa Inhibitor", "Direct Thrombin Inhibitor"),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "oral_anticoagulants",
        "oral anticoagulants",
        (r"\boral anti-?coagulants?",),
        _ORAL_ANTICOAGULANTS,
        epc=("Vitamin K Antagonist", "Factor Xa Inhibitor"),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "antiplatelets",
        "antiplatelet agents",
        (
            r"anti-?platelet (?:drugs?|agents?|therapy|medications?)",
            r"platelet (?:aggregation )?inhibitors?",
            r"P2Y12 inhibitors?",
        ),
        _ANTIPLATELETS,
        epc=("P2Y12 Platelet Inhibitor", "Platelet Aggregation Inhibitor", "Glycoprotein IIb/IIIa Inhibitor"),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "bleeding",
        "drugs that affect hemostasis",
        (
            r"drugs? (?:that|which) (?:affect|interfere with|impair) (?:hemostasis|coagulation|platelet)",
            r"\b(?:drugs?|agents?|medications?|medicines?) (?:that|which|known to) (?:may )?increase (?:the )?"
            r"(?:risk of )?bleeding",
            r"affect(?:ing)? (?:hemostasis|coagulation)",
            r"interfere with (?:hemostasis|coagulation)",
            r"antithrombotic (?:drugs?|agents?|therapy|therapies|medications?)",
        ),
        _ANTICOAGULANTS | _ANTIPLATELETS | _NSAIDS | _SSRIS | _SNRIS | _THROMBOLYTICS,
        sources=(FDA_CLASS_LABELING, OWN_LABEL),
        learn_examples=False,
        own_effect=r"bleeding|hemorrhag|haemorrhag",
        not_own_effect=r"uterine|vaginal|genital|menstrua|breakthrough|withdrawal bleeding|postmenopausal|"
        r"intermenstrual|gingival|nose|effects? on|ulcer|peptic|gastro|\bGI\b",
        property_class=True,
    ),
    DrugClass(
        "thrombolytics",
        "thrombolytic agents",
        (r"thrombolytic (?:drugs?|agents?|therapy)", r"\bthrombolytics\b", r"fibrinolytic (?:drugs?|agents?|therapy)"),
        _THROMBOLYTICS,
        epc=("Tissue Plasminogen Activator", "Plasminogen Activator"),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "nitrates",
        "nitrates",
        (r"\bnitrates?\b(?! reductase)", r"nitric oxide donors?", r"organic nitrates?", r"amyl nitrite"),
        _m("nitroglycerin, isosorbide mononitrate, isosorbide dinitrate, amyl nitrite, nitroprusside"),
        epc=("Nitrate Vasodilator",),
        sources=(FDA_CLASS_LABELING, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "pde5",
        "PDE5 inhibitors",
        (r"\bPDE-?5 inhibitors?", r"phosphodiesterase(?: type)?[- ]5 \(?(?:PDE-?5\)? )?inhibitors?"),
        _m("sildenafil, tadalafil, vardenafil, avanafil"),
        epc=("Phosphodiesterase 5 Inhibitor",),
        sources=(FDA_CLASS_LABELING, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "qt_prolonging",
        "drugs that prolong the QT interval",
        (
            r"(?:drugs?|agents?|medications?|medicines?|products?) (?:that|which|known to) (?:are known to |may |can )?"
            r"(?:also )?(?:prolong|increase|cause|lead to|result in)[^.;]{0,20}?\bQTc?\b",
            r"QTc?[- ](?:interval[- ])?prolonging (?:drugs?|agents?|medications?|medicines?|effects)",
            r"(?:drugs?|agents?|medications?) (?:that|which) prolong QTc?",
            r"(?:drugs?|agents?|medications?) with (?:a )?(?:known )?(?:potential|risk|propensity) (?:to|of|for) "
            r"(?:prolong\w*|increas\w*)? ?(?:the )?QTc?",
            r"class (?:IA|III|1A|3) antiarrhythmics?",
        ),
        _QT,
        sources=(FDA_CLASS_LABELING, ONC, OWN_LABEL),
        own_effect=r"\bQTc?\b|torsade",
        not_own_effect=r"QT shortening|short QT",
        property_class=True,
    ),
    DrugClass(
        "antiarrhythmics",
        "antiarrhythmics",
        (r"(?:class IA?|class III) antiarrhythmics?", r"antiarrhythmic (?:drugs?|agents?)"),
        _m(
            "amiodarone, sotalol, dofetilide, dronedarone, quinidine, procainamide, disopyramide, flecainide, "
            "propafenone, mexiletine"
        ),
        epc=("Antiarrhythmic",),
        learn_examples=False,
    ),
    DrugClass(
        "ace_inhibitors",
        "ACE inhibitors",
        (r"\bACE inhibitors?", r"\bACEIs?\b", r"angiotensin[- ]converting enzyme (?:\(ACE\) )?inhibitors?"),
        _ACE,
        epc=("Angiotensin Converting Enzyme Inhibitor",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "arbs",
        "angiotensin receptor blockers",
        (r"\bARBs?\b", r"angiotensin (?:II )?receptor (?:blockers?|antagonists?)"),
        _ARBS,
        epc=("Angiotensin 2 Receptor Blocker",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "raas",
        "drugs that block the renin-angiotensin system",
        (r"renin-?angiotensin(?:-aldosterone)? system", r"dual blockade"),
        _ACE | _ARBS | _m("aliskiren, sacubitril"),
        learn_examples=False,
    ),
    DrugClass(
        "potassium",
        "potassium-sparing diuretics and potassium supplements",
        (
            r"potassium[- ]sparing (?:diuretics?|agents?|drugs?)",
            r"potassium supplements?(?:ation)?",
            r"potassium[- ]containing (?:salt substitutes?|products?|supplements?|medications?)",
            r"potassium salts?",
            r"mineralocorticoid[- ]receptor antagonists?|aldosterone (?:receptor )?antagonists?",
        ),
        _m(
            "spironolactone, eplerenone, amiloride, triamterene, finerenone, potassium chloride, potassium citrate, "
            "potassium acetate, potassium gluconate, potassium phosphate, potassium bicarbonate"
        ),
        epc=(
            "Potassium-sparing Diuretic",
            "Aldosterone Antagonist",
            "Nonsteroidal Mineralocorticoid-Receptor Antagonist",
        ),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "diuretics",
        "diuretics",
        (r"(?<!thiazide )(?<!loop )(?<!potassium-sparing )(?<!potassium sparing )\bdiuretics?\b",),
        _THIAZIDES | _LOOP_DIURETICS | _m("spironolactone, eplerenone, amiloride, triamterene"),
        epc=("Thiazide Diuretic", "Loop Diuretic", "Thiazide-like Diuretic"),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "thiazides",
        "thiazide diuretics",
        (r"\bthiazides?(?:[- ]like)?(?: diuretics?)?\b",),
        _THIAZIDES,
        epc=("Thiazide Diuretic", "Thiazide-like Diuretic"),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "loop_diuretics",
        "loop diuretics",
        (r"\bloop diuretics?",),
        _LOOP_DIURETICS,
        epc=("Loop Diuretic",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "beta_blockers",
        "beta blockers",
        (r"beta[- ]?(?:adrenergic )?(?:blockers?|blocking agents?|antagonists?)", r"β-?(?:adrenergic )?blockers?"),
        _m(
            "acebutolol, atenolol, betaxolol, bisoprolol, carvedilol, esmolol, labetalol, metoprolol, nadolol, "
            "nebivolol, pindolol, propranolol, sotalol, timolol"
        ),
        epc=("beta-Adrenergic Blocker",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "ccbs",
        "calcium channel blockers",
        (r"calcium channel (?:blockers?|blocking agents?|antagonists?)", r"calcium antagonists?"),
        _m(
            "amlodipine, felodipine, isradipine, nicardipine, nifedipine, nimodipine, nisoldipine, diltiazem, verapamil"
        ),
        epc=("Calcium Channel Blocker",),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "antidiabetics",
        "insulin and insulin secretagogues",
        (
            r"\binsulin secretagogues?",
            r"\bsulfonylureas?\b",
            r"(?:anti-?diabetic|hypoglycemic|glucose-lowering) (?:drugs?|agents?|medications?|therapy)",
            r"\boral hypoglycemics?\b",
        ),
        _m("glipizide, glyburide, glimepiride, chlorpropamide, tolbutamide, tolazamide, repaglinide, nateglinide")
        | _INSULINS,
        epc=("Sulfonylurea", "Insulin Analog", "Insulin"),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "insulins",
        "insulins",
        (r"\binsulins?\b(?! resistance| sensitivity| secretion| secretagogues?)",),
        _INSULINS,
        epc=("Insulin Analog", "Insulin"),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "corticosteroids",
        "corticosteroids",
        # Not "endogenous steroid hormones" or "anabolic steroids", which are not corticosteroid medicines.
        (
            r"\bcorticosteroids?\b",
            r"\bglucocorticoids?\b",
            r"(?<!endogenous )(?<!anabolic )(?<!anabolic-androgenic )\bsteroids?\b(?! hormones?)",
        ),
        _m(
            "prednisone, prednisolone, methylprednisolone, dexamethasone, hydrocortisone, betamethasone, "
            "triamcinolone, budesonide, fludrocortisone, cortisone, deflazacort"
        ),
        sources=(FDA_CLASS_LABELING, ONC),
        # A corticosteroid's label says "corticosteroids" of itself ("live vaccines are contraindicated in patients
        # receiving immunosuppressive doses of corticosteroids"); two of them together are a duplication.
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "fluoroquinolones",
        "fluoroquinolones",
        (r"fluoroquinolones?", r"\bquinolones?\b"),
        _m("ciprofloxacin, levofloxacin, moxifloxacin, ofloxacin, gemifloxacin, delafloxacin, norfloxacin"),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "macrolides",
        "macrolide antibiotics",
        (r"\bmacrolides?\b(?! immunosuppress)",),
        _m("clarithromycin, erythromycin, azithromycin, telithromycin"),
        epc=("Macrolide Antimicrobial",),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "azoles",
        "azole antifungals",
        (r"azole antifungals?", r"\bazoles?\b"),
        _m("fluconazole, itraconazole, ketoconazole, posaconazole, voriconazole, isavuconazonium, miconazole"),
        epc=("Azole Antifungal",),
        learn_examples=False,
    ),
    DrugClass(
        "protease_inhibitors",
        "HIV protease inhibitors",
        (r"(?:HIV|HCV)? ?protease inhibitors?",),
        _m(
            "atazanavir, darunavir, fosamprenavir, indinavir, lopinavir, nelfinavir, ritonavir, saquinavir, "
            "tipranavir, boceprevir, telaprevir, simeprevir, paritaprevir, glecaprevir, grazoprevir, voxilaprevir"
        ),
        epc=("Protease Inhibitor",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "statins",
        "statins",
        (r"\bstatins?\b", r"HMG-?CoA reductase inhibitors?"),
        _m("atorvastatin, fluvastatin, lovastatin, pitavastatin, pravastatin, rosuvastatin, simvastatin"),
        epc=("HMG-CoA Reductase Inhibitor",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "fibrates",
        "fibrates",
        (r"\bfibrates?\b", r"fibric acid derivatives?"),
        _m("gemfibrozil, fenofibrate, fenofibric acid"),
        learn_examples=False,
    ),
    DrugClass(
        "cations",
        "antacids and products with calcium, iron, magnesium, aluminum or zinc",
        (
            r"\bantacids?\b",
            r"(?:polyvalent|multivalent|divalent) cations?",
            r"(?:products|supplements) containing (?:calcium|iron|magnesium|aluminum|zinc)",
            r"iron supplements?",
            r"calcium supplements?",
            r"phosphate binders?",
        ),
        _m(
            "calcium carbonate, calcium acetate, aluminum hydroxide, magnesium hydroxide, magnesium oxide, "
            "ferrous sulfate, iron, zinc, sucralfate, sevelamer, lanthanum, calcium, "
            # Antacid active ingredients (21 CFR 331.11) and phosphate binders sold under their salt names.
            "sodium bicarbonate, potassium bicarbonate, lanthanum carbonate, ferric citrate, magnesium carbonate, "
            "magnesium trisilicate, "
            "calcium citrate, magnesium citrate, "
            # A mineral typed alone (`names.is_bare_mineral`) stands for the oral salts people take of it.
            "magnesium, "
            # "antacid" typed alone (`names.ANTACIDS`): the class itself, as the labels name it.
            "antacids"
        ),
        sources=(FDA_CLASS_LABELING, ONC),
        learn_examples=False,
    ),
    DrugClass(
        "thyroid",
        "thyroid hormones",
        (r"thyroid hormones?", r"thyroid (?:replacement|hormone) therapy"),
        _m("levothyroxine, liothyronine, liotrix, thyroid"),
        sources=(FDA_CLASS_LABELING, ONC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "anticholinergics",
        "anticholinergic drugs",
        (
            r"anticholinergic (?:drugs?|agents?|medications?|medicines?|properties|activity|effects?)",
            r"\banticholinergics\b",
            r"anticholinergic-containing",
            r"antimuscarinic (?:drugs?|agents?|medications?)",
            r"\b(?:drugs?|agents?|medications?) (?:with|having|that have|possessing) (?:\w+ )?anticholinergic",
        ),
        _m(
            "oxybutynin, tolterodine, solifenacin, darifenacin, trospium, fesoterodine, benztropine, "
            "trihexyphenidyl, scopolamine, glycopyrrolate, dicyclomine, hyoscyamine, diphenhydramine, atropine, "
            "propantheline, chlorpheniramine, hydroxyzine, promethazine, doxylamine, meclizine, cyproheptadine, "
            "clemastine, brompheniramine, cyclobenzaprine, orphenadrine, clozapine, olanzapine, chlorpromazine, "
            "thioridazine, disopyramide, paroxetine"
        )
        | _TCAS,
        epc=("Anticholinergic", "Cholinergic Muscarinic Antagonist", "Tricyclic Antidepressant"),
        moa=("Cholinergic Antagonists", "Cholinergic Muscarinic Antagonists", "Muscarinic Antagonists"),
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        own_effect=r"anticholinergic|antimuscarinic",
        property_class=True,
    ),
    DrugClass(
        "antipsychotics",
        "antipsychotics",
        (r"\bantipsychotics?\b", r"neuroleptics?", r"dopamine (?:D2 )?(?:receptor )?antagonists?"),
        _m(
            "haloperidol, chlorpromazine, fluphenazine, perphenazine, thioridazine, pimozide, risperidone, "
            "olanzapine, quetiapine, ziprasidone, aripiprazole, paliperidone, lurasidone, clozapine, asenapine, "
            "brexpiprazole, cariprazine, iloperidone, metoclopramide"
        ),
        epc=("Atypical Antipsychotic", "Typical Antipsychotic"),
        sources=(FDA_CLASS_LABELING, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "stimulants",
        "amphetamines and CNS stimulants",
        (r"\bamphetamines?\b", r"CNS stimulants?", r"sympathomimetics?(?: amines?| drugs?| agents?)?"),
        _m(
            "amphetamine, dextroamphetamine, lisdexamfetamine, methamphetamine, methylphenidate, dexmethylphenidate, "
            "phentermine, pseudoephedrine, phenylephrine, ephedrine, atomoxetine"
        ),
        epc=("Central Nervous System Stimulant",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "hormonal_contraceptives",
        "hormonal contraceptives",
        (r"(?:oral|hormonal) contraceptives?", r"estrogen-containing", r"\bestrogens?\b(?! receptor)"),
        _m(
            "ethinyl estradiol, estradiol, levonorgestrel, norethindrone, drospirenone, desogestrel, norgestimate, "
            "etonogestrel, conjugated estrogens"
        ),
        sources=(FDA_CLASS_LABELING, ONC),
        learn_examples=False,
    ),
    DrugClass(
        "ppis",
        "proton pump inhibitors",
        (
            r"proton[- ]pump inhibitors?",
            r"\bPPIs?\b",
            r"acid[- ]reducing agents?",
            r"H2[- ](?:receptor )?(?:antagonists?|blockers?)",
        ),
        _m(
            "omeprazole, esomeprazole, lansoprazole, dexlansoprazole, pantoprazole, rabeprazole, famotidine, "
            "cimetidine, nizatidine"
        ),
        epc=("Proton Pump Inhibitor",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "immunosuppressants",
        "immunosuppressive and immune-modulating drugs",
        (
            r"\bimmunosuppressants?\b",
            r"immunosuppressive (?:drugs?|agents?|therapy|therapies|medications?|regimens?|effects)",
            r"calcineurin inhibitors?",
            r"immune[- ]modulating,? (?:(?:or|and) [\w-]+ )?(?:drugs?|agents?|therapy|therapies|medications?)",
            r"immuno-?modulat\w+ (?:drugs?|agents?|therapy|therapies|medications?)",
            r"\b(?:drugs?|agents?|medications?|therapies) (?:that|which) (?:suppress|weaken|affect|modulate|interact "
            r"with) the immune (?:system|response)",
            r"biologic(?:al)? (?:DMARDs?|disease[- ]modifying|therapies|agents|immunomodulators|response modifiers)",
            r"\bDMARDs?\b",
            r"TNF(?:-?α| alpha)?[- ](?:blockers?|blocking agents?|antagonists?|inhibitors?)",
            r"tumor necrosis factor (?:\(TNF\) )?(?:blockers?|blocking agents?|antagonists?|inhibitors?)",
            r"\bimmunosuppression\b",
        ),
        _m(
            "cyclosporine, tacrolimus, sirolimus, everolimus, mycophenolate, mycophenolate mofetil, mycophenolic acid, "
            "azathioprine, methotrexate, leflunomide, teriflunomide, fingolimod, siponimod, ozanimod, ponesimod, "
            "tofacitinib, baricitinib, upadacitinib, ruxolitinib, adalimumab, etanercept, infliximab, golimumab, "
            "certolizumab pegol, abatacept, anakinra, tocilizumab, sarilumab, rituximab, ocrelizumab, ofatumumab, "
            "alemtuzumab, natalizumab, cyclophosphamide, belatacept, basiliximab"
        ),
        epc=("Calcineurin Inhibitor Immunosuppressant", "mTOR Inhibitor Immunosuppressant", "Antirheumatic Agent"),
        pharm_class_pattern=r"Tumor Necrosis Factor|Janus Kinase|Immunosuppress|Sphingosine 1-phosphate|Interleukin|"
        r"CD20-directed|CD52-directed|T Cell Costimulation|Integrin Receptor|Decreased Immunologic Activity|"
        r"Pyrimidine Synthesis Inhibitor|Decreased Cytokine Activity",
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        own_effect=r"serious infections?|^infections?$|^infections? (?:and|or) |risk of (?:serious )?infections?|"
        r"increased risk of infection|opportunistic infections?|immunosuppression|"
        r"progressive multifocal leukoencephalopathy|\bPML\b|lymphopenia",
        not_own_effect=r"urinary|genital|mycotic|injection[- ]site|catheter|device|clostridi|resistan|superinfection|"
        r"hepatitis B|HBV|sexually|neonat|fungal infections? in|bacterial infections? in|vaccin",
        property_class=True,
    ),
    DrugClass(
        "aminoglycosides",
        "aminoglycosides",
        (r"\baminoglycosides?\b",),
        _m("gentamicin, tobramycin, amikacin, streptomycin, neomycin"),
        epc=("Aminoglycoside Antibacterial",),
        learn_examples=False,
    ),
    DrugClass(
        "anticonvulsants",
        "enzyme-inducing anticonvulsants",
        (r"(?:enzyme[- ]inducing )?(?:anticonvulsants?|antiepileptic drugs?|AEDs?)\b",),
        _m("carbamazepine, phenytoin, fosphenytoin, phenobarbital, primidone, oxcarbazepine"),
        learn_examples=False,
    ),
)

CLASSES += (
    DrugClass(
        "penicillins",
        "penicillins",
        (r"\bpenicillins?\b(?! allergy| hypersensitivity| sensitivity)",),
        _m(
            "amoxicillin, ampicillin, piperacillin, penicillin g, penicillin v, dicloxacillin, nafcillin, oxacillin, "
            "ticarcillin"
        ),
        epc=("Penicillin-class Antibacterial",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "carbapenems",
        "carbapenem antibiotics",
        (r"\bcarbapenems?\b",),
        _m("ertapenem, imipenem, meropenem, doripenem"),
        epc=("Penem Antibacterial",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "sulfonamides",
        "sulfonamide antibiotics",
        (r"\bsulfonamides?\b(?![- ](?:containing|allergy|hypersensitivity|sensitivity))",),
        _m("sulfamethoxazole, sulfadiazine, sulfisoxazole, sulfasalazine"),
        epc=("Sulfonamide Antibacterial",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "rifamycins",
        "rifamycins",
        (r"\brifamycins?\b",),
        _m("rifampin, rifabutin, rifapentine"),
        epc=("Rifamycin Antibacterial",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "adrenergic_agonists",
        "adrenergic agents and vasopressors",
        (
            r"\b(?:adrenergic|sympathomimetic|vasopressor|pressor) (?:agents?|drugs?|amines?|medications?)",
            r"\bvasopressors?\b",
        ),
        _m(
            "epinephrine, norepinephrine, dopamine, dobutamine, phenylephrine, pseudoephedrine, ephedrine, "
            "isoproterenol, midodrine"
        ),
        epc=("alpha-Adrenergic Agonist", "Catecholamine"),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "valproate",
        "valproate",
        (r"\bvalproate\b", r"\bvalproic acid\b", r"\bdivalproex\b"),
        _m("valproic acid, divalproex, valproate"),
        learn_examples=False,
    ),
)


# --- enzymes and transporters ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class System:
    """A drug-metabolizing enzyme or transporter, as labels and FDA's table name it."""

    id: str
    name: str  # how the engine writes it
    pattern: str  # how labels write it (case-insensitive)
    fda: tuple[str, ...]  # its `system` values in FDA's table
    graded: bool = True  # FDA grades CYP inhibitors and inducers strong/moderate/weak, not transporters


def _cyp(code: str, extra: str = "") -> str:
    # "CYP2C9", "CYP 2C9", "cytochrome P450 2C9", "cytochrome P-450 (CYP) 2C9", "CYP450 2C9".
    return rf"(?:CYP\s?(?:450\s?)?{code}|cytochrome P-?450 (?:\(CYP\)\s?)?(?:enzyme\s)?{code}{extra})"


SYSTEMS: tuple[System, ...] = (
    System(
        "cyp3a",
        "CYP3A4",
        rf"(?:{_cyp('3A(?:4(?:/5)?|5)?')}|P-?450\s?IIIA4?)",
        ("CYP3A",),
    ),
    System("cyp2d6", "CYP2D6", rf"(?:{_cyp('2D6')}|P-?450\s?IID6)", ("CYP2D6",)),
    System("cyp2c9", "CYP2C9", _cyp("2C9"), ("CYP2C9",)),
    System("cyp2c19", "CYP2C19", _cyp("2C19"), ("CYP2C19",)),
    System("cyp1a2", "CYP1A2", _cyp("1A2"), ("CYP1A2",)),
    System("cyp2c8", "CYP2C8", _cyp("2C8"), ("CYP2C8",)),
    System("cyp2b6", "CYP2B6", _cyp("2B6"), ("CYP2B6",)),
    System("pgp", "P-gp", r"(?:P-?gp|P-?glycoprotein(?:\s?\(P-?gp\))?|MDR-?1|ABCB1)", ("P-gp",), graded=False),
    System(
        "bcrp",
        "BCRP",
        r"(?:BCRP|breast cancer resistance protein(?:\s?\(BCRP\))?|ABCG2)",
        ("BCRP",),
        graded=False,
    ),
    System(
        "oatp1b",
        "OATP1B1/1B3",
        r"(?:OATP\s?1B[13]?(?:\s?(?:/|and|or)\s?(?:OATP\s?)?1B[13])?|organic anion[- ]transporting polypeptides?"
        r"(?:\s?\(OATP\))?\s?1B[13]?)",
        ("OATP1B1", "OATP1B3", "OATP1B"),
        graded=False,
    ),
    System(
        "oat",
        "OAT1/OAT3",
        r"(?:OAT\s?[13](?![\dB])(?:\s?(?:/|and|or)\s?(?:OAT\s?)?[13](?![\dB]))?|organic anion transporters?"
        r"(?:\s?\(OAT\))?\s?[13](?!\d))",
        ("OAT1", "OAT3"),
        graded=False,
    ),
    System("oct2", "OCT2", r"(?:OCT\s?2|organic cation transporter 2)", ("OCT2",), graded=False),
    System(
        "mate",
        "MATE1/MATE2-K",
        r"(?:MATE\s?(?:1|2-?K)(?:\s?(?:/|and|or)\s?(?:MATE\s?)?(?:1|2-?K))?|multidrug and toxin extrusion)",
        ("MATE1", "MATE2-K"),
        graded=False,
    ),
)
SYSTEM_BY_ID: dict[str, System] = {s.id: s for s in SYSTEMS}
# Any system, for lists ("strong CYP2C9 and CYP3A4 inhibitors", "P-gp/BCRP substrates", "CYP2C9 and 3A4").
_DRUGS = r"(?:drugs?|compounds?|agents?|medications?|medicines?|products?|substances?)"


# Members FDA's examples name and the labels repeat; the shipped FDA table adds the rest at build time.
_ROLE_MEMBERS: dict[str, frozenset[str]] = {
    "strong_cyp3a_inhibitors": _STRONG_3A4_INH,
    "moderate_cyp3a_inhibitors": _MODERATE_3A4_INH,
    "cyp3a_inhibitors": _STRONG_3A4_INH | _MODERATE_3A4_INH,
    "strong_cyp3a_inducers": _STRONG_3A4_IND,
    "moderate_cyp3a_inducers": _MODERATE_3A4_IND,
    "cyp3a_inducers": _STRONG_3A4_IND | _MODERATE_3A4_IND,
    "cyp2d6_inhibitors": _m(
        "bupropion, fluoxetine, paroxetine, quinidine, terbinafine, duloxetine, mirabegron, cinacalcet"
    ),
    "cyp1a2_inhibitors": _m(
        "ciprofloxacin, enoxacin, fluvoxamine, methoxsalen, mexiletine, zileuton, amiodarone, ticlopidine, "
        "propafenone, rofecoxib, cimetidine, vemurafenib"
    ),
    "cyp2c9_inhibitors": _m(
        "fluconazole, amiodarone, miconazole, voriconazole, fluvoxamine, sulfamethoxazole, metronidazole"
    ),
    "cyp2c19_inhibitors": _m(
        "fluconazole, fluoxetine, fluvoxamine, ticlopidine, omeprazole, esomeprazole, voriconazole"
    ),
    "pgp_inhibitors": _m(
        "amiodarone, carvedilol, clarithromycin, dronedarone, itraconazole, ketoconazole, lapatinib, lopinavir, "
        "propafenone, quinidine, ranolazine, ritonavir, saquinavir, telaprevir, tipranavir, verapamil, cyclosporine"
    ),
}
# Older labels name CYP3A inducers as enzyme inducers or drugs that induce liver enzymes.
_LEGACY_PATTERNS: dict[str, tuple[str, ...]] = {
    "cyp3a_inducers": (
        r"\benzyme[- ]inducers?",
        r"\benzyme[- ]inducing (?:drugs?|agents?|medications?|anticonvulsants?|antiepileptics?)",
        rf"\b{_DRUGS} (?:that|which) (?:may |are known to )?(?:strongly |potently )?induce (?:\(?[\w-]+ ){{0,5}}\(?"
        r"(?:cytochrome P-?450|CYP450|hepatic|microsomal|liver)",
    ),
    "cyp3a_inhibitors": (
        rf"\b{_DRUGS} (?:that|which) (?:may |are known to )?(?:strongly |potently )?inhibit (?:\(?[\w-]+ ){{0,5}}\(?"
        r"(?:cytochrome P-?450 3A4?|P-?450\s?IIIA4?)",
    ),
}
_UNGRADED_INHIBITION = frozenset({"strong", "moderate", "unspecified"})


def _role_classes() -> tuple[DrugClass, ...]:
    out: list[DrugClass] = []
    for system in SYSTEMS:
        kinds: list[tuple[str, str | None, frozenset[str]]] = []
        for kind in ("inhibitor", "inducer"):
            if system.graded:
                kinds.append((kind, "strong", frozenset({"strong"})))
                kinds.append((kind, "moderate", frozenset({"moderate"})))
            kinds.append((kind, None, _UNGRADED_INHIBITION))
        kinds.append(("substrate", None, frozenset({"sensitive", "moderate_sensitive", "major", "unspecified"})))
        if system.graded:
            # FDA's sensitive index substrates: a strong inhibitor raises their AUC 5-fold or more, a strong inducer
            # lowers it by 80% or more (the table's definitions); the class rules for those pairs use this class.
            kinds.append(("substrate", "sensitive", frozenset({"sensitive"})))
        for kind, grade, grades in kinds:
            plural = {"inhibitor": "inhibitors", "inducer": "inducers", "substrate": "substrates"}[kind]
            class_id = f"{grade + '_' if grade else ''}{system.id}_{plural}"
            name = f"{grade + ' ' if grade else ''}{system.name} {plural}"
            out.append(
                DrugClass(
                    class_id,
                    name,
                    # Role phrases ("strong CYP3A4 inhibitors", "substrates of P-gp") are found by
                    # `extract.role_mentions`; only older wordings need patterns of their own.
                    _LEGACY_PATTERNS.get(class_id, ()),
                    _ROLE_MEMBERS.get(class_id, frozenset()),
                    sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING, OWN_LABEL),
                    learn_examples=class_id != "cyp3a_inhibitors" and grade != "sensitive",
                    role=RoleSpec(system.id, kind, grades),
                    property_class=True,
                )
            )
    return tuple(out)


# --- effect classes: drugs whose own label warns of an effect that adds up with another drug's -------------------

_ANTINEOPLASTIC_CLASSES = (
    # Janus kinase inhibitors (tofacitinib, baricitinib, upadacitinib) treat immune disease: immunosuppressants.
    r"(?<!Janus )Kinase Inhibitor|Alkylating|Antimetabolite|Topoisomerase|Microtubule|Platinum-based|"
    r"Poly\(ADP-Ribose\)|"
    r"Histone Deacetylase|Proteasome Inhibitor|BCL-2|Anthracycline|Nucleoside Metabolic Inhibitor|Methylating|"
    r"Hedgehog|Menin|Isocitrate Dehydrogenase|Nuclear Export|Folate Analog|Thalidomide Analog|Programmed Death|"
    r"CTLA-4|HER2|Vascular Endothelial Growth Factor|Epidermal Growth Factor Receptor|Cytolytic Antibody|"
    r"Immunoconjugate|Cytotoxin|T Cell Engager|Androgen Receptor Inhibitor|Aromatase Inhibitor|"
    r"Estrogen Receptor Antagonist|Radioligand Therapeutic|Vinca Alkaloid|Cytolytic Agent"
)
_HYPOTENSIVE_EPC = (
    "Angiotensin Converting Enzyme Inhibitor",
    "Angiotensin 2 Receptor Blocker",
    "beta-Adrenergic Blocker",
    "Calcium Channel Blocker",
    "Dihydropyridine Calcium Channel Blocker",
    "Thiazide Diuretic",
    "Thiazide-like Diuretic",
    "Loop Diuretic",
    "Potassium-sparing Diuretic",
    "Aldosterone Antagonist",
    "alpha-Adrenergic Blocker",
    "Central alpha-2 Adrenergic Agonist",
    "Nitrate Vasodilator",
    "Arteriolar Vasodilator",
    "Renin Inhibitor",
)
_ANTIHYPERTENSIVES = (
    _ACE
    | _ARBS
    | _THIAZIDES
    | _LOOP_DIURETICS
    | _BETA_BLOCKERS
    | _CCBS
    | _ALPHA_BLOCKERS
    | _m(
        "spironolactone, eplerenone, amiloride, triamterene, clonidine, guanfacine, methyldopa, hydralazine, "
        "minoxidil, aliskiren, sacubitril"
    )
)

CLASSES += (
    DrugClass(
        "antineoplastics",
        "anticancer drugs",
        (
            r"anti-?neoplastic,? (?:[\w-]+,? ){0,3}?(?:(?:or|and) [\w-]+ )?(?:drugs?|agents?|therapy|therapies|"
            r"medications?|treatments?)",
            r"anti-?cancer (?:drugs?|agents?|therapy|therapies|medications?)",
            r"chemotherapeutic (?:drugs?|agents?)",
            r"\bchemotherapy\b",
            r"cytotoxic (?:drugs?|agents?|therapy|therapies|chemotherapy|medications?)",
        ),
        _m(
            "cyclophosphamide, ifosfamide, temozolomide, cisplatin, carboplatin, oxaliplatin, doxorubicin, epirubicin, "
            "methotrexate, fluorouracil, capecitabine, gemcitabine, azacitidine, decitabine, paclitaxel, docetaxel, "
            "vincristine, etoposide, irinotecan"
        ),
        pharm_class_pattern=_ANTINEOPLASTIC_CLASSES,
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        indication=r"\b(?:carcinoma|cancers?|lymphomas?|leukemias?|myelomas?|melanomas?|sarcomas?|glioblastoma|"
        r"glioma|neoplasms?|tumou?rs?(?! necrosis)|myelodysplastic|mesothelioma|malignan\w+|myelofibrosis|"
        r"mastocytosis|hodgkin\w*|anti-?cancer drugs?)\b",
        not_indication=r"nausea|vomiting|chemotherapy-induced|febrile neutropenia|hypercalcemia|skeletal-related|"
        r"bone metastases|\bpain\b|mucositis|tumor lysis|hot flash|diagnostic|imaging|\bPET\b|scintigraph|palliative|"
        r"anemia due to|infections? in patients|not (?:approved|indicated)"
        # Supportive care of patients with cancer (uric acid, blood counts, stem cell mobilization, clots, TSH
        # suppression) does not make a drug an anticancer drug.
        r"|uric acid|hyperuricemi|neutropeni|thrombocytopeni|anemia|mobiliz|thromboembolism|\bVTE\b|ascites|"
        r"cytoprotect|rescue|thyrotropin|\bTSH\b|prolactin|acromegaly",
    ),
    DrugClass(
        "myelosuppressive",
        "drugs that suppress the bone marrow",
        (
            r"myelosuppressive (?:drugs?|agents?|therapy|therapies|medications?|effects)",
            r"\b(?:drugs?|agents?|medications?|therapies) (?:that|which|known to) (?:may )?"
            r"(?:cause|are associated with|produce|suppress|depress|increase the risk of)[^.;]{0,25}?"
            r"(?:bone marrow|myelo\w+|neutropenia|"
            r"agranulocytosis|hematologic(?:al)? toxicity|blood dyscrasias?|cytopenias?)",
            r"\b(?:drugs?|agents?|medications?|therapies) (?:known to be |that are )?associated with (?:neutropenia|"
            r"agranulocytosis|myelosuppression|bone marrow suppression|cytopenias?)",
            r"bone marrow (?:suppressants|depressants)",
            r"hematotoxic (?:drugs?|agents?)",
        ),
        _m(
            "azathioprine, mercaptopurine, methotrexate, cyclophosphamide, clozapine, carbamazepine, deferiprone, "
            "zidovudine, ganciclovir, valganciclovir, chloramphenicol, linezolid, flucytosine, hydroxyurea, "
            "capecitabine, fluorouracil, temozolomide, azacitidine, decitabine"
        ),
        sources=(FDA_CLASS_LABELING, OWN_LABEL),
        learn_examples=False,
        own_effect=r"myelosuppression|bone marrow (?:suppression|depression|toxicity|failure)|neutropenia|"
        r"agranulocytosis|pancytopenia|\bcytopenias?|hematologic(?:al)? (?:toxicit|adverse|abnormalit)|leukopenia|"
        r"aplastic anemia",
        # Agranulocytosis alone (antithyroid drugs, mirtazapine, sulfasalazine) is an idiosyncratic immune reaction,
        # not dose-related marrow suppression that adds up with another drug's (Andersohn et al., Ann Intern Med
        # 2007;146:657, non-chemotherapy drug-induced agranulocytosis); a label that also names neutropenia,
        # cytopenias or marrow suppression still counts.
        not_own_effect=r"heparin-induced|immune thrombocytopenia|autoimmune|^(?!.*(?:myelosuppress|bone marrow|"
        r"neutropeni|pancytopeni|cytopeni|hematologic|leukopeni|aplastic)).*agranulocytosis",
        property_class=True,
    ),
    DrugClass(
        "hepatotoxic",
        "drugs that can injure the liver",
        (
            r"hepatotoxic (?:drugs?|agents?|medications?|medicines?|products?|substances?|therapies)",
            r"potentially hepatotoxic",
            r"\b(?:drugs?|agents?|medications?) (?:known to be |that are )?associated with "
            r"(?:hepatotoxicity|liver injury)",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may )?(?:cause|are associated with|"
            r"increase the risk of) (?:liver|hepatic) (?:injury|toxicity|damage|failure)",
        ),
        frozenset(),
        sources=(FDA_CLASS_LABELING, OWN_LABEL),
        learn_examples=False,
        # Many labels mention liver enzyme rises in passing; "other hepatotoxic drugs" means drugs whose own label
        # carries a liver warning (a warnings heading or a boxed warning).
        named_members="heading",
        own_effect=r"hepatotox|liver injury|hepatic (?:failure|injury|toxicity|necrosis|decompensation|adverse)|"
        r"liver (?:failure|toxicity|damage)|hepatitis(?! B)|drug-induced liver|serious liver",
        not_own_effect=r"hepatitis B|\bHBV\b|hepatic impairment|reactivation",
        property_class=True,
    ),
    DrugClass(
        "nephrotoxic",
        "drugs that can harm the kidneys",
        (
            r"\bnephrotoxic (?:drugs?|agents?|medications?|medicines?|antibiotics?|potential|products?|therapy)",
            r"potentially nephrotoxic",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?(?:affect|reduce|impair|decrease|"
            r"alter|worsen|compromise)(?: the)? renal function",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?(?:cause|are associated with|"
            r"increase the risk of) (?:renal|kidney) (?:toxicity|injury|damage|impairment|failure)",
        ),
        _m(
            "gentamicin, tobramycin, amikacin, streptomycin, neomycin, amphotericin b, vancomycin, polymyxin b, "
            "colistimethate, cisplatin, foscarnet, cidofovir, bacitracin, pentamidine, zoledronic acid"
        ),
        epc=("Aminoglycoside Antibacterial", "Radiographic Contrast Agent"),
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        # Acute interstitial nephritis (proton pump inhibitors, penicillins) is an allergic reaction, not a toxicity
        # that adds up with another drug's.
        own_effect=r"nephrotox|renal toxicity|kidney injury|renal failure|acute renal|nephropathy|renal tubular|"
        r"renal (?:damage|injury|adverse)|kidney (?:damage|toxicity)",
        not_own_effect=r"pre-?existing|interstitial nephritis|tubulointerstitial",
        property_class=True,
    ),
    DrugClass(
        "hyperkalemia",
        "drugs that raise potassium",
        (
            r"\b(?:drugs?|agents?|medications?|medicines?|products?) (?:that|which|known to) (?:may |can )?"
            r"(?:increase|raise|elevate) (?:serum |blood |plasma )?potassium",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?"
            r"(?:cause|induce|increase the risk of) hyperkal",
            r"potassium[- ]conserving (?:drugs?|agents?|diuretics?)",
            r"(?:impair|reduce|decrease) potassium excretion",
        ),
        _ACE
        | _ARBS
        | _m(
            "aliskiren, spironolactone, eplerenone, amiloride, triamterene, finerenone, potassium chloride, "
            "potassium citrate, potassium acetate, potassium gluconate, potassium phosphate, "
            "trimethoprim, heparin, drospirenone, cyclosporine, tacrolimus, sacubitril"
        ),
        epc=(
            "Angiotensin Converting Enzyme Inhibitor",
            "Angiotensin 2 Receptor Blocker",
            "Potassium-sparing Diuretic",
            "Aldosterone Antagonist",
            "Nonsteroidal Mineralocorticoid-Receptor Antagonist",
            "Renin Inhibitor",
        ),
        pharm_class_pattern=r"Decreased Renal K\+ Excretion",
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        own_effect=r"hyperkal|serum potassium|potassium (?:increase|elevation)|increased potassium",
        property_class=True,
    ),
    DrugClass(
        "hypokalemia",
        "drugs that lower potassium",
        (
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?(?:cause|induce|produce) hypokal",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?"
            r"(?:decrease|lower|reduce|deplete) (?:serum |blood )?potassium",
            r"potassium[- ](?:depleting|wasting|losing) (?:drugs?|agents?|diuretics?)",
        ),
        _THIAZIDES | _LOOP_DIURETICS | _m("amphotericin b"),
        epc=("Thiazide Diuretic", "Thiazide-like Diuretic", "Loop Diuretic"),
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        own_effect=r"hypokal",
        property_class=True,
    ),
    DrugClass(
        "antihypertensives",
        "blood pressure medicines",
        (
            r"\bantihypertensives?\b(?: (?:drugs?|agents?|medications?|therapy|therapies))?",
            r"anti-hypertensive (?:drugs?|agents?|medications?|therapy|therapies)",
        ),
        _ANTIHYPERTENSIVES,
        epc=_HYPOTENSIVE_EPC,
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
        # About 75 drugs of ten pharmacologic classes: "may require a reduction in the dose of the antihypertensive"
        # is the additive blood-pressure effect every reference leaves to monitoring (the ONC lists and NDF-RT name
        # none of these pairs); labels that mean a real risk say to avoid the combination.
        min_wording="major",
    ),
    DrugClass(
        "hypotension",
        "drugs that lower blood pressure",
        (
            r"\b(?:drugs?|agents?|medications?|medicines?) (?:that|which|known to) (?:may |can )?(?:lower|reduce|"
            r"decrease) (?:the )?blood pressure",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?(?:cause|produce|induce) "
            r"(?:orthostatic )?hypotension",
            r"blood[- ]pressure[- ]lowering (?:drugs?|agents?|medications?)",
            r"hypotensive (?:drugs?|agents?|medications?)",
        ),
        _ANTIHYPERTENSIVES | _m("nitroglycerin, isosorbide mononitrate, isosorbide dinitrate, sildenafil, tadalafil"),
        epc=_HYPOTENSIVE_EPC,
        pharm_class_pattern=r"Vasodilat",
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        own_effect=r"hypotension|orthostatic|syncope|(?:decrease|reduction|drop) in blood pressure",
        property_class=True,
    ),
    DrugClass(
        "alpha_blockers",
        "alpha blockers",
        (
            r"alpha[- ]?(?:1[- ])?(?:adrenergic )?(?:blockers?|blocking (?:agents?|drugs?)|antagonists?)",
            r"α-?1?-?(?:adrenergic )?(?:blockers?|antagonists?)",
        ),
        _ALPHA_BLOCKERS,
        epc=("alpha-Adrenergic Blocker",),
        sources=(FDA_CLASS_LABELING, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "bradycardia",
        "drugs that slow the heart rate",
        (
            r"\b(?:drugs?|agents?|medications?|medicines?) (?:that|which|known to) (?:may |can )?"
            r"(?:decrease|slow|reduce|lower) (?:the )?heart rate",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?(?:cause|induce|produce) "
            r"bradycardia",
            r"bradycardi(?:c|a-causing|a-inducing) (?:drugs?|agents?|medications?)",
            r"negative(?:ly)? chronotrop",
            r"\b(?:drugs?|agents?) (?:that|which) (?:may )?(?:prolong|slow|depress) (?:the )?"
            r"(?:PR interval|AV (?:nodal )?conduction|atrioventricular (?:nodal )?conduction|sinus node)",
            r"AV[- ]nodal[- ]blocking (?:drugs?|agents?)",
            r"heart[- ]rate[- ]lowering (?:drugs?|agents?|medications?)",
        ),
        _BETA_BLOCKERS
        | _m(
            "diltiazem, verapamil, digoxin, amiodarone, dronedarone, ivabradine, clonidine, dexmedetomidine, "
            "fingolimod, siponimod, ozanimod, ponesimod, lacosamide"
        ),
        epc=("beta-Adrenergic Blocker", "Cardiac Glycoside", "Sphingosine 1-phosphate Receptor Modulator"),
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        own_effect=r"bradycardi|bradyarrhythmi|heart block|atrioventricular (?:block|conduction)|\bAV block|"
        r"conduction (?:abnormalit|disturbance|delay)|sinus (?:arrest|node dysfunction)|PR (?:interval )?prolongation|"
        r"(?:decrease|reduction) (?:in|of) heart rate",
        not_own_effect=r"paradoxical",
        property_class=True,
    ),
    DrugClass(
        "seizure_threshold",
        "drugs that lower the seizure threshold",
        (
            # Drugs that lower the threshold, not "conditions that lower the seizure threshold" (antipsychotic labels).
            r"\b(?:drugs?|agents?|medications?|medicines?|meds) (?:that|which|known to) (?:may |can )?(?:lower|reduce|"
            r"decrease) (?:the )?(?:seizure|convulsive) threshold",
            r"(?:potentially )?epileptogenic (?:drugs?|agents?|medications?)",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:may |can )?"
            r"(?:cause|induce|increase the risk of) seizures",
            r"pro-?convulsant",
        ),
        _m(
            "bupropion, tramadol, clozapine, chlorpromazine, theophylline, aminophylline, imipenem, meperidine, "
            "isoniazid, flumazenil"
        )
        | _TCAS,
        sources=(FDA_CLASS_LABELING, OWN_LABEL),
        learn_examples=False,
        own_effect=r"\bseizures?\b|convulsions?|seizure threshold",
        # An antiepileptic's own "Seizure Control During Pregnancy" or "Withdrawal Seizures" is about its effect
        # falling, not about provoking seizures.
        not_own_effect=r"withdraw|discontinu|antiepileptic drugs|taper|control|pregnan|breakthrough|worsening",
        property_class=True,
    ),
    DrugClass(
        "thrombosis",
        "drugs that raise the risk of blood clots",
        (
            r"\b(?:drugs?|agents?|medications?|products?) (?:that|which|known to) (?:may |can )?(?:increase|raise) "
            r"(?:the )?risk of (?:venous |arterial )?(?:thrombosis|thromboembolism|thromboembolic|blood clots)",
            r"erythropoie(?:sis|tic)[- ]stimulating agents?|\bESAs?\b|erythropoietic agents?",
            r"thrombogenic (?:drugs?|agents?)",
        ),
        _m(
            "thalidomide, lenalidomide, pomalidomide, raloxifene, tamoxifen, tranexamic acid, epoetin alfa, "
            "darbepoetin alfa, estradiol, ethinyl estradiol, conjugated estrogens"
        ),
        epc=("Erythropoiesis-stimulating Agent", "Thalidomide Analog", "Estrogen"),
        sources=(FDA_CLASS_LABELING, EPC, OWN_LABEL),
        learn_examples=False,
        own_effect=r"thrombo(?:sis|embolism|embolic)|venous thrombo|blood clots|arterial thrombo",
        not_own_effect=r"thrombocytopeni|microangiopath|thrombotic thrombocytopenic|heparin-induced|stent",
        property_class=True,
    ),
    DrugClass(
        "ototoxic",
        "drugs that can harm hearing",
        (
            r"\bototoxic (?:drugs?|agents?|medications?|potential|antibiotics?)",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:are |may be |can be )?ototoxic",
        ),
        _m("gentamicin, tobramycin, amikacin, streptomycin, neomycin, cisplatin, vancomycin") | _LOOP_DIURETICS,
        sources=(FDA_CLASS_LABELING, OWN_LABEL),
        learn_examples=False,
        own_effect=r"\bototox|hearing (?:loss|impairment)|deafness",
        property_class=True,
    ),
    DrugClass(
        "methemoglobinemia",
        "drugs that can cause methemoglobinemia",
        (
            r"\boxidizing (?:drugs?|agents?)",
            r"\b(?:drugs?|agents?|medications?) (?:that|which|known to) (?:are )?(?:associated with|cause|induce|may "
            r"cause) methemoglobinemia",
            r"methemoglobin[- ](?:inducing|forming)",
        ),
        _m(
            "dapsone, nitroglycerin, nitroprusside, benzocaine, lidocaine, prilocaine, primaquine, rasburicase, "
            "metoclopramide, phenazopyridine"
        ),
        sources=(FDA_CLASS_LABELING, OWN_LABEL),
        learn_examples=False,
        own_effect=r"methemoglobin",
        property_class=True,
    ),
    DrugClass(
        "antifolates",
        "antifolate drugs",
        (
            r"anti-?fol(?:ate|ic) (?:drugs?|agents?|medications?|therap\w+)",
            r"\bfol(?:ate|ic acid) antagonists?",
            r"dihydrofolate reductase inhibitors?",
        ),
        _m("methotrexate, pemetrexed, pralatrexate, pyrimethamine, trimethoprim, proguanil"),
        epc=(
            "Folate Analog Metabolic Inhibitor",
            "Dihydrofolate Reductase Inhibitor Antibacterial",
            "Dihydrofolate Reductase Inhibitor Antimalarial",
        ),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "tetracyclines",
        "tetracyclines",
        (r"\btetracyclines\b", r"tetracycline[- ]class (?:drugs?|antibiotics?|antibacterials?)"),
        _m("tetracycline, doxycycline, minocycline, demeclocycline, sarecycline, omadacycline, eravacycline"),
        epc=("Tetracycline-class Antibacterial",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "retinoids",
        "retinoids",
        (r"\b(?:systemic |oral )?retinoids?\b", r"vitamin A derivatives?"),
        _m("isotretinoin, tretinoin, acitretin, bexarotene, alitretinoin"),
        epc=("Retinoid",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "renin_inhibitors",
        "direct renin inhibitors",
        (r"(?:direct )?renin inhibitors?",),
        _m("aliskiren"),
        epc=("Renin Inhibitor",),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "narrow_therapeutic_index",
        "drugs with a narrow therapeutic index",
        # No phrases: labels say "CYP2D6 substrates with a narrow therapeutic index", a qualifier of another class;
        # the class only decides severity (a change in such a drug's blood levels is major).
        (),
        # FDA designates these narrow therapeutic index drugs in its product-specific bioequivalence guidances;
        # fosphenytoin is given for, and measured as, phenytoin (its label: dose in phenytoin sodium equivalents).
        _m(
            "carbamazepine, cyclosporine, digoxin, everolimus, levothyroxine, lithium, lithium carbonate, phenytoin, "
            "fosphenytoin, sirolimus, tacrolimus, warfarin"
        ),
        sources=("FDA product-specific guidances designating narrow therapeutic index drugs", OWN_LABEL),
        learn_examples=False,
        own_effect=r"narrow therapeutic (?:index|range|window|ratio)",
        property_class=True,
    ),
    DrugClass(
        "lithium",
        "lithium",
        (r"\blithium\b(?! (?:carbonate )?(?:test|battery|heparin))",),
        _m("lithium, lithium carbonate, lithium citrate"),
        sources=(FDA_CLASS_LABELING,),
        learn_examples=False,
    ),
    # Classes of the alcohol rules (`class_rules.ALCOHOL_RULES`). No phrases: a label's own sentences about alcohol
    # are read as food and drink notes, and these classes only say who the NIAAA's medicine groups hold.
    DrugClass("alcohol", "alcohol", (), _m("alcohol"), sources=(NIAAA,), learn_examples=False),
    DrugClass(
        "acetaminophen",
        "acetaminophen (paracetamol)",
        (),
        _m("acetaminophen"),
        sources=(NIAAA, "FDA OTC internal analgesic labeling: liver warning (21 CFR 201.326)"),
        learn_examples=False,
    ),
    DrugClass("biguanides", "metformin", (), _m("metformin"), sources=(NIAAA, EPC), learn_examples=False),
    DrugClass(
        "antihistamines",
        "antihistamines",
        (),
        # The OTC antihistamine monograph's actives (21 CFR 341.12) and the allergy medicines NIAAA names
        # (cetirizine, loratadine, fexofenadine), with the prescription H1 blockers sold for the same use.
        _m(
            "brompheniramine, chlorcyclizine, chlorpheniramine, dexbrompheniramine, dexchlorpheniramine, "
            "diphenhydramine, doxylamine, phenindamine, pheniramine, pyrilamine, thonzylamine, triprolidine, "
            "cetirizine, levocetirizine, loratadine, desloratadine, fexofenadine, hydroxyzine, promethazine, "
            "clemastine, cyproheptadine, carbinoxamine, dimenhydrinate, meclizine"
        ),
        epc=("Histamine-1 Receptor Antagonist",),
        sources=(NIAAA, "FDA OTC antihistamine monograph, 21 CFR 341.12 and its warnings, 21 CFR 341.72", EPC),
        learn_examples=False,
    ),
    # The sedating antihistamines: the OTC monograph's actives, whose warnings say "alcohol, sedatives, and
    # tranquilizers may increase the drowsiness effect" and "ask a doctor or pharmacist before use if you are taking
    # sedatives or tranquilizers" (21 CFR 341.72(c)(4)); cetirizine, whose Drug Facts carry the same two warnings;
    # and the prescription H1 blockers whose labels warn of additive CNS depression with other depressants.
    # Loratadine, desloratadine and fexofenadine carry neither warning and are left out.
    DrugClass(
        "sedating_antihistamines",
        "sedating antihistamines",
        (),
        _m(
            "brompheniramine, chlorcyclizine, chlorpheniramine, dexbrompheniramine, dexchlorpheniramine, "
            "diphenhydramine, doxylamine, phenindamine, pheniramine, pyrilamine, thonzylamine, triprolidine, "
            "cetirizine, levocetirizine, hydroxyzine, promethazine, clemastine, cyproheptadine, carbinoxamine, "
            "dimenhydrinate, meclizine"
        ),
        sources=("FDA OTC antihistamine monograph, 21 CFR 341.12 and its warnings, 21 CFR 341.72(c)(4)", OWN_LABEL),
        learn_examples=False,
    ),
    # The oral nasal decongestants of the OTC monograph (21 CFR 341.20(b): phenylephrine and pseudoephedrine salts),
    # whose warnings are "Do not use if you are now taking a prescription monoamine oxidase inhibitor (MAOI) ... or
    # for 2 weeks after stopping the MAOI drug" and "Ask a doctor before use if you have ... high blood pressure"
    # (21 CFR 341.80(c)(1)). No label wording is matched for the class: only its members join it.
    DrugClass(
        "oral_decongestants",
        "oral decongestants",
        (),
        _m("pseudoephedrine, phenylephrine"),
        sources=("FDA OTC nasal decongestant monograph, 21 CFR 341.20(b) and its warnings, 21 CFR 341.80(c)(1)",),
        learn_examples=False,
    ),
    DrugClass(
        "disulfiram_like",
        "drugs that cause a disulfiram-like reaction with alcohol",
        (),
        # Disulfiram itself; metronidazole and tinidazole, whose labels and NIAAA's list name the reaction.
        _m("disulfiram, metronidazole, tinidazole"),
        sources=(NIAAA, OWN_LABEL),
        learn_examples=False,
    ),
)
CLASSES += _role_classes()

CLASS_BY_ID: dict[str, DrugClass] = {c.id: c for c in CLASSES}


def _general_classes(classes: Sequence[DrugClass]) -> frozenset[str]:
    """Classes that gather several other classes of this lexicon: "drugs that affect hemostasis" takes in NSAIDs,
    SSRIs, anticoagulants and antiplatelets; "CYP3A inhibitors" the strong and the moderate ones. A label sentence
    naming such a class says less about a given pair than one naming the drug or its own class ("NSAIDs"), so it is
    quoted after it. One chain ("anticoagulants" > "oral anticoagulants") is not enough: the class is still one
    kind of drug. An enzyme or transporter role of any strength ("CYP3A4 substrates", "CYP2D6 inhibitors") is
    general too where FDA grades that role: it gathers the strong, moderate or sensitive ones."""
    members = {c.id: c.members for c in classes if len(c.members) >= 2}
    general: set[str] = set()
    for outer, wide in members.items():
        inside = [inner for inner, narrow in members.items() if narrow < wide]
        if any(
            not (members[x] <= members[y] or members[y] <= members[x]) for x, y in itertools.combinations(inside, 2)
        ):
            general.add(outer)
    roles = [(c.id, c.role) for c in classes if c.role is not None]
    for class_id, role in roles:
        if any((o.system, o.kind) == (role.system, role.kind) and o.grades < role.grades for _, o in roles):
            general.add(class_id)
    return frozenset(general)


GENERAL_CLASSES = _general_classes(CLASSES)

# Food and alcohol: the kinds of note the engine reports and the words labels use for them.
FOOD_KINDS: dict[str, str] = {
    "alcohol": r"\b(?<!benzyl )(?<!cetyl )(?<!stearyl )(?<!polyvinyl )(?<!isopropyl )(?<!dehydrated )"
    r"(?:alcohol(?:ic (?:beverages?|drinks?))?|ethanol)\b"
    r"(?![- ](?:abuse|dependence|use disorder|withdrawal|based|free))",
    "grapefruit": r"\bgrapefruit",
    "dairy_calcium": r"\b(?<!breast )(?<!human )(?<!mother's )(?:dairy|milk(?! production| supply| of magnesia)|"
    r"calcium-(?:rich|fortified)|calcium-containing foods?)\b",
    "tyramine": r"\btyramine",
}
# A food note needs a sentence that states an interaction with the food or drink: one of these words near it
# (label wording: "avoid alcohol", "grapefruit juice increases ... concentrations", "dairy products ... reduce
# absorption"), and none of the look-alikes ("take with food or milk if stomach upset occurs" is advice on how to
# take the drug; "alcohol swab" and "contains alcohol" are not a drink).
FOOD_INTERACTION_CUES: dict[str, str] = {
    "alcohol": r"\bavoid|do not (?:drink|consume|use|take)|should not|\blimit|\bwhile (?:taking|using|on)|potentiat|"
    r"enhanc|additive|increase[sd]? (?:the )?(?:risk|effect|sedat|drowsi|CNS|level|concentration|absorption)|"
    r"CNS depress|interact|concomitant|combin|together|\bwith alcohol|drinking|consum|intake|disulfiram|"
    r"intoxicat|impair|worsen",
    "grapefruit": r"\bavoid|juice|increase|interact|concentration|exposure|inhibit|consum|drink|do not|should not|"
    r"\blimit|products",
    "dairy_calcium": r"absorption|chelat|\bbind|interfer|interact|\breduc|\bdecreas|\bavoid|"
    r"do not (?:take|consume|drink)|should not be (?:taken|consumed)|separat|\bhours? (?:before|after)|"
    r"not (?:be )?(?:taken|administered) with",
    "tyramine": r"avoid|rich|food|beverage|pressor|hypertensi|interact|restrict|diet|ingest|consum|contain",
}
FOOD_NOT_INTERACTIONS: dict[str, str] = {
    "alcohol": r"alcohol (?:swab|wipe|pad|prep)|contains? (?:\d|alcohol)|% alcohol|alcohol content|alcohol-free|"
    r"history of alcohol|alcoholism|alcohol (?:abuse|use disorder)",
    "dairy_calcium": r"with (?:food|meals?|a meal) or milk|with milk or (?:food|a meal)|with (?:a )?(?:glass of )?milk "
    r"(?:if|to)|stomach upset|upset stomach|GI upset|(?:reduce|prevent|lessen|minimize) (?:stomach|gastric|GI) "
    r"(?:upset|irritation)",
}
# A food or drink typed where a medicine is expected ("grapefruit juice", "milk"): its note kind. Alcohol is not
# here: it resolves as a drug, since the class rules count it as a CNS depressant.
TYPED_FOODS: dict[str, str] = {
    "grapefruit": r"grapefruits?(?: juice)?|pomelos?",
    "dairy_calcium": r"milk|dairy(?: products?| foods?)?|cheese|yogh?urt|ice cream|calcium-(?:rich|fortified) foods?",
    "tyramine": r"tyramine(?:-rich)?(?: foods?)?|aged cheeses?|cured meats?|soy sauce",
}
FOOD_TITLES: dict[str, str] = {
    "alcohol": "Alcohol",
    "grapefruit": "Grapefruit",
    "dairy_calcium": "Dairy and calcium",
    "tyramine": "Tyramine-rich foods",
}
