"""Classes of medicine named in everyday or professional words ("my statin", "water pills", "blood thinners").

Answers come from one medicine's label, so a question that names a class and no medicine is answered by saying
which class was understood and asking which medicine of it the person takes, with a few examples that have a
label here. Each class below lists:
- `words`: names of the class itself, professional and everyday (regular expressions, case-insensitive);
- `treats`: what its medicines are for, so "cholesterol pills" and "medicine for high blood pressure" are read
  as the class (the condition alone, "my blood pressure is high", is not a medicine and stays out of scope);
- `lexicon`: classes of the interaction lexicon (`pharmabot/interactions/lexicon.py`) whose members and openFDA
  EPC names belong to it (the EPC names are read as words of the class too: "proton pump inhibitor");
- `common`: members most used first, the order examples are offered in.
Sources:
- everyday names: MedlinePlus (US National Library of Medicine) health topics and drug-class pages, which give
  the plain names next to the class ("Diuretics, also called water pills", "Blood Thinners", "Statins",
  "Antibiotics", "Antidepressants", "Birth Control Pills", "Pain Relievers", "Diabetes Medicines", "Steroids",
  "Antihistamines", "Heartburn": "acid reducers", "H2 blockers", "PPIs"; "Muscle relaxants"; "ADHD medicines");
- class names and membership: openFDA `pharm_class_epc` (FDA's SPL pharmacologic class indexing) through the
  interaction lexicon; members a lexicon class lacks are those MedlinePlus lists on the class's page;
- order of use (`common`): ClinCalc DrugStats Top 300 (2021), from the AHRQ Medical Expenditure Panel Survey,
  a count of US outpatient prescriptions (public figures).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

MEDLINEPLUS = "MedlinePlus health topics and drug-class pages (US National Library of Medicine)"
EPC = "openFDA pharm_class_epc, through the interaction lexicon"
TOP_300 = "ClinCalc DrugStats Top 300 (2021), AHRQ Medical Expenditure Panel Survey"

# Words for a medicine, after a condition ("cholesterol pills") or before one ("medicine for heartburn").
_MEDICINE = r"(?:pills?|tablets?|tabs|meds|medicines?|medications?|medicaments?|drugs?|prescriptions?|rx)"


@dataclass(frozen=True)
class EverydayClass:
    """A class of medicine as people name it, and the members offered as examples."""

    id: str
    name: str  # plural, as said back: "statins", "blood thinners"
    words: tuple[str, ...]
    common: tuple[str, ...]  # catalog keys, most used first
    treats: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()
    sources: tuple[str, ...] = (MEDLINEPLUS, EPC, TOP_300)


# Specific classes come before the broad ones that hold them: a phrase both could read ("SSRIs" is both an SSRI
# and an antidepressant) is read as the one listed first.
CLASSES: tuple[EverydayClass, ...] = (
    EverydayClass(
        "statins",
        "statins",
        (r"statins?", r"hmg[- ]?coa reductase inhibitors?"),
        ("atorvastatin", "simvastatin", "rosuvastatin", "pravastatin", "lovastatin"),
        lexicon=("statins",),
    ),
    EverydayClass(
        "ssris",
        "SSRIs",
        (r"ssris?", r"selective serotonin reuptake inhibitors?"),
        ("sertraline", "escitalopram", "fluoxetine", "citalopram", "paroxetine"),
        lexicon=("ssris",),
    ),
    EverydayClass(
        "snris",
        "SNRIs",
        (r"snris?", r"serotonin[- ]norepinephrine reuptake inhibitors?"),
        ("duloxetine", "venlafaxine", "desvenlafaxine"),
        lexicon=("snris",),
    ),
    EverydayClass(
        "beta_blockers",
        "beta blockers",
        (r"beta[- ]?blockers?", r"beta[- ]adrenergic blockers?"),
        ("metoprolol", "carvedilol", "atenolol", "propranolol"),
        lexicon=("beta_blockers",),
    ),
    EverydayClass(
        "ace_inhibitors",
        "ACE inhibitors",
        (r"ace[- ]?inhibitors?", r"angiotensin[- ]converting enzyme inhibitors?"),
        ("lisinopril", "enalapril", "benazepril", "ramipril"),
        lexicon=("ace_inhibitors",),
    ),
    EverydayClass(
        "arbs",
        "angiotensin receptor blockers (ARBs)",
        (r"arbs", r"angiotensin (?:ii |2 )?receptor blockers?"),
        ("losartan", "valsartan", "olmesartan", "irbesartan"),
        lexicon=("arbs",),
    ),
    EverydayClass(
        "ccbs",
        "calcium channel blockers",
        (r"calcium channel blockers?",),
        ("amlodipine", "diltiazem", "nifedipine", "verapamil"),
        lexicon=("ccbs",),
    ),
    EverydayClass(
        "diuretics",
        "water pills (diuretics)",
        (r"water (?:pills?|tablets?)", r"fluid (?:pills?|tablets?)", r"diuretics?"),
        ("hydrochlorothiazide", "furosemide", "spironolactone", "chlorthalidone"),
        lexicon=("diuretics",),
    ),
    EverydayClass(
        "blood_pressure",
        "blood pressure medicines",
        (r"anti-?hypertensives?", r"bp " + _MEDICINE),
        ("amlodipine", "lisinopril", "losartan", "metoprolol", "hydrochlorothiazide"),
        treats=(r"(?:high )?blood pressure", r"hypertension"),
        lexicon=("antihypertensives",),
    ),
    EverydayClass(
        "blood_thinners",
        "blood thinners",
        (
            r"blood[- ]?thinn(?:ers?|ing " + _MEDICINE + ")",
            r"anti-?coagulants?",
            r"anti-?platelets?(?: " + _MEDICINE + ")?",
        ),
        ("apixaban", "clopidogrel", "warfarin", "rivaroxaban"),
        treats=(r"blood clots?",),
        lexicon=("anticoagulants", "antiplatelets"),
    ),
    EverydayClass(
        "cholesterol",
        "cholesterol medicines",
        (r"(?:cholesterol|lipid)[- ]lowering (?:" + _MEDICINE + "|agents?)",),
        ("atorvastatin", "simvastatin", "rosuvastatin", "ezetimibe", "fenofibrate"),
        treats=(r"(?:high )?cholesterol", r"triglycerides"),
        lexicon=("statins", "fibrates"),
    ),
    EverydayClass(
        "benzodiazepines",
        "benzodiazepines",
        (r"benzodiazepines?", r"benzos?"),
        ("alprazolam", "clonazepam", "lorazepam", "diazepam"),
        lexicon=("benzodiazepines",),
    ),
    EverydayClass(
        "sleeping_pills",
        "sleeping pills",
        (r"sleep(?:ing)? (?:pills?|tablets?|aids?|" + _MEDICINE + ")", r"hypnotics?"),
        ("zolpidem", "eszopiclone", "temazepam", "suvorexant", "ramelteon"),
        treats=(r"sleep", r"insomnia"),
    ),
    EverydayClass(
        "antibiotics",
        "antibiotics",
        (r"anti-?biotics?", r"anti-?bacterials?"),
        ("azithromycin", "amoxicillin", "cephalexin", "doxycycline", "ciprofloxacin"),
        treats=(r"(?:an? )?bacterial infections?", r"(?:an? )?urinary tract infections?", r"(?:an? )?utis?"),
        lexicon=("penicillins", "macrolides", "fluoroquinolones", "tetracyclines", "sulfonamides"),
    ),
    EverydayClass(
        "antidepressants",
        "antidepressants",
        (r"anti-?depressants?",),
        ("sertraline", "escitalopram", "bupropion", "fluoxetine", "citalopram", "duloxetine"),
        treats=(r"depression",),
        lexicon=("ssris", "snris", "tcas"),
    ),
    EverydayClass(
        "birth_control",
        "birth control pills",
        (
            r"birth[- ]control(?: " + _MEDICINE + ")?",
            r"(?:oral )?contraceptives?(?: " + _MEDICINE + ")?",
            # "The pill" alone is also any pill ("can I crush the pill?"): only where it is something one is on.
            r"(?<=\bon )the pill\b|(?<=\boff )the pill\b|(?<=\bdoes )the pill\b|(?<=\bmissed )the pill\b",
        ),
        (
            "ethinyl estradiol and norethindrone",
            "ethinyl estradiol and levonorgestrel",
            "drospirenone and ethinyl estradiol",
            "ethinyl estradiol and norgestimate",
        ),
        lexicon=("hormonal_contraceptives",),
    ),
    EverydayClass(
        "nsaids",
        "NSAIDs",
        (
            r"nsaids?",
            r"non-?steroidal anti-?inflammator(?:y|ies)(?: " + _MEDICINE + ")?",
            r"anti-?inflammator(?:y|ies)",
        ),
        ("ibuprofen", "meloxicam", "naproxen", "celecoxib", "diclofenac"),
        lexicon=("nsaids",),
    ),
    EverydayClass(
        "opioids",
        "opioids",
        (r"opioids?", r"opiates?", r"narcotics?(?: " + _MEDICINE + ")?"),
        ("oxycodone", "tramadol", "morphine", "hydrocodone"),
        lexicon=("opioids",),
    ),
    EverydayClass(
        "painkillers",
        "pain relievers",
        (r"pain ?killers?", r"pain relievers?", r"analgesics?"),
        ("ibuprofen", "acetaminophen", "naproxen", "tramadol"),
        treats=(r"pain", r"aches?", r"headaches?"),
        lexicon=("nsaids", "opioids"),
    ),
    EverydayClass(
        "diabetes",
        "diabetes medicines",
        (r"anti-?diabetics?", r"oral hypoglycemics?", r"diabetic " + _MEDICINE),
        ("metformin", "glipizide", "glimepiride", "sitagliptin", "pioglitazone", "empagliflozin"),
        treats=(r"(?:type 2 |type ii )?diabetes", r"blood sugar"),
        lexicon=("antidiabetics",),
    ),
    EverydayClass(
        "steroids",
        "steroids (corticosteroids)",
        (r"(?:cortico)?steroids?",),
        ("prednisone", "methylprednisolone", "dexamethasone", "hydrocortisone"),
        lexicon=("corticosteroids",),
    ),
    EverydayClass(
        "antihistamines",
        "antihistamines",
        (r"anti-?histamines?", r"histamine[- ]1 receptor antagonists?"),
        ("cetirizine", "loratadine", "fexofenadine", "diphenhydramine", "hydroxyzine"),
        treats=(r"allerg(?:y|ies)", r"hay fever"),
    ),
    EverydayClass(
        "acid_reducers",
        "acid reducers (PPIs and H2 blockers)",
        (r"ppis?", r"proton[- ]pump inhibitors?", r"h2 blockers?", r"acid (?:reducers?|blockers?)"),
        ("omeprazole", "pantoprazole", "famotidine", "esomeprazole", "lansoprazole"),
        treats=(r"heartburn", r"(?:acid )?reflux", r"gerd", r"(?:stomach )?acid", r"(?:stomach )?ulcers?"),
        lexicon=("ppis",),
    ),
    EverydayClass(
        "muscle_relaxants",
        "muscle relaxants",
        (r"muscle relax(?:ers?|ants?)",),
        ("cyclobenzaprine", "methocarbamol", "tizanidine", "baclofen", "carisoprodol"),
        treats=(r"muscle spasms?",),
    ),
    EverydayClass(
        "adhd",
        "ADHD medicines",
        (r"(?:cns |central nervous system )?stimulants?(?: " + _MEDICINE + ")?",),
        ("methylphenidate", "lisdexamfetamine", "amphetamine", "atomoxetine", "guanfacine"),
        treats=(r"adhd",),
        lexicon=("stimulants",),
    ),
    EverydayClass(
        "thyroid",
        "thyroid medicines",
        (r"thyroid hormones?",),
        ("levothyroxine", "liothyronine"),
        treats=(r"(?:an )?(?:under-?active |low )?thyroid", r"hypothyroidism"),
        lexicon=("thyroid",),
    ),
    EverydayClass(
        "antipsychotics",
        "antipsychotics",
        (r"anti-?psychotics?",),
        ("quetiapine", "aripiprazole", "risperidone", "olanzapine"),
        lexicon=("antipsychotics",),
    ),
    EverydayClass(
        "seizure",
        "seizure medicines",
        (r"anti-?convulsants?", r"anti-?epileptics?", r"anti-?seizure " + _MEDICINE),
        ("gabapentin", "levetiracetam", "lamotrigine", "topiramate"),
        treats=(r"seizures?", r"epilepsy"),
    ),
    EverydayClass(
        "triptans",
        "migraine medicines (triptans)",
        (r"triptans?",),
        ("sumatriptan", "rizatriptan"),
        treats=(r"migraines?",),
        lexicon=("triptans",),
    ),
)

CLASS_BY_ID: dict[str, EverydayClass] = {c.id: c for c in CLASSES}


def _pattern(cls: EverydayClass) -> re.Pattern[str]:
    words = list(cls.words)
    if cls.treats:
        condition = "(?:" + "|".join(cls.treats) + ")"
        words += [
            condition + " " + _MEDICINE,
            _MEDICINE + r" (?:for|to treat|to lower|to control) (?:my |your )?" + condition,
        ]
    return re.compile(r"\b(?:" + "|".join(f"(?:{w})" for w in words) + r")\b", re.IGNORECASE)


@cache
def _patterns() -> tuple[tuple[EverydayClass, re.Pattern[str]], ...]:
    return tuple((cls, _pattern(cls)) for cls in CLASSES)


@cache
def _epc_patterns() -> tuple[tuple[EverydayClass, re.Pattern[str]], ...]:
    """The openFDA EPC names of each class's lexicon classes, as words of the class ("proton pump inhibitor")."""
    from pharmabot.interactions.lexicon import CLASS_BY_ID as LEXICON  # large table: read on first use only

    found = []
    for cls in CLASSES:
        names = [re.escape(epc) for lex in cls.lexicon for epc in LEXICON[lex].epc if epc.lower() not in _MEDICINE_EPC]
        if names:
            found.append((cls, re.compile(r"\b(?:" + "|".join(names) + r")s?\b", re.IGNORECASE)))
    return tuple(found)


# EPC names that are also the name of a medicine: "insulin" is read by the catalog (it asks which insulin is meant).
_MEDICINE_EPC = frozenset({"insulin", "insulin analog"})


@dataclass(frozen=True)
class ClassMention:
    """Where a message names a class."""

    cls: EverydayClass
    start: int
    end: int
    text: str


def find_classes(message: str, *, limit: int = 2) -> list[ClassMention]:
    """The classes MESSAGE names, in the order it names them (at most LIMIT); a longer phrase wins an overlap."""
    found: list[tuple[int, int, int, EverydayClass]] = []
    for order, (cls, pattern) in enumerate((*_patterns(), *_epc_patterns())):
        for match in pattern.finditer(message):
            found.append((match.start(), -(match.end() - match.start()), order, cls))
    mentions: list[ClassMention] = []
    end = -1
    for start, negative_length, _, cls in sorted(found, key=lambda f: (f[0], f[1], f[2])):
        stop = start - negative_length
        if start < end:
            continue  # inside a phrase already read
        if mentions and not message[end:start].strip(" -"):
            end = stop  # a class right after another names one thing: "narcotic painkillers" are opioids
            continue
        end = stop
        if all(m.cls.id != cls.id for m in mentions):
            mentions.append(ClassMention(cls=cls, start=start, end=stop, text=message[start:stop]))
    return mentions[:limit]


@cache
def members(class_id: str) -> frozenset[str]:
    """Every member the class has: its common members and its lexicon classes' members."""
    from pharmabot.interactions.lexicon import CLASS_BY_ID as LEXICON

    cls = CLASS_BY_ID[class_id]
    return frozenset(cls.common).union(*(LEXICON[lex].members for lex in cls.lexicon))


def examples(cls: EverydayClass, *, labelled: Callable[[str], bool], limit: int = 4) -> list[str]:
    """Members of CLS that have a label here, most used first; the lexicon's others only when too few are common."""
    shown = [key for key in cls.common if labelled(key)][:limit]
    if len(shown) < 2:
        shown += [key for key in sorted(members(cls.id) - set(cls.common)) if labelled(key)][: limit - len(shown)]
    return shown


def _or_list(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def class_reply(mentions: Sequence[ClassMention], *, labelled: Callable[[str], bool]) -> str:
    """Say which class was understood and ask which medicine of it is taken, with examples that have a label."""
    names = [m.cls.name for m in mentions]
    said = " and ".join(names)
    groups = "a group of medicines" if len(names) == 1 else "groups of medicines"
    lead = (
        f"{said[0].upper()}{said[1:]} are {groups}, and each medicine has its own FDA label, so I answer from the "
        "label of the one you take."
    )
    asks = []
    for mention in mentions:
        shown = examples(mention.cls, labelled=labelled)
        if shown and len(mentions) == 1:
            asks.append(f"Which one do you take, for example {_or_list(shown)}?")
        elif shown:
            asks.append(f"Which of the {mention.cls.name} do you take (for example {_or_list(shown)})?")
        else:
            asks.append(f"Which of the {mention.cls.name} do you take?")
    reply = "Reply with its name" if len(mentions) == 1 else "Reply with their names"
    return f"{lead} {' '.join(asks)} {reply} (or ask again naming it) and I'll answer your question from its label."
