"""The drug-class lexicon: how labels name classes, and which active moieties belong to each class.

Each class lists the phrases labels use for it, its members, the openFDA established pharmacologic
classes (EPC) whose single-ingredient labels join it at build time, and where the members come from.
Sources:
- FDA: "Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers"
  (strong/moderate CYP inhibitors and inducers, P-gp inhibitors).
- FDA label wording: the classes that class-wide labeling names ("NSAIDs", "MAOIs", "serotonergic
  drugs such as ...", "nitrates") and the examples those labels give in parentheses.
- ONC high-priority and non-interruptive lists (Phansalkar et al., JAMIA 2012 and 2013).
- openFDA `pharm_class_epc` (Established Pharmacologic Class, from FDA's SPL indexing).
"""

from __future__ import annotations

from dataclasses import dataclass

FDA_DDI_TABLE = "FDA, Drug Development and Drug Interactions: Table of Substrates, Inhibitors and Inducers"
FDA_CLASS_LABELING = "FDA class labeling wording (drug interaction sections of the class's labels)"
ONC = "ONC high-priority / non-interruptive DDI lists (Phansalkar et al., JAMIA 2012;19:735, 2013;20:489)"
EPC = "openFDA pharm_class_epc"


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
_MAOIS = _m("isocarboxazid, phenelzine, tranylcypromine, selegiline, rasagiline, safinamide, linezolid, methylene blue")
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
_ANTIPLATELETS = _m("clopidogrel, prasugrel, ticagrelor, ticlopidine, aspirin, dipyridamole, cilostazol, vorapaxar")
_ACE = _m(
    "benazepril, captopril, enalapril, fosinopril, lisinopril, moexipril, perindopril, quinapril, ramipril, "
    "trandolapril"
)
_ARBS = _m("azilsartan, candesartan, eprosartan, irbesartan, losartan, olmesartan, telmisartan, valsartan")
_INSULINS = _m("insulin glargine, insulin lispro, insulin aspart, insulin detemir, insulin degludec, insulin human")
_THIAZIDES = _m("hydrochlorothiazide, chlorthalidone, chlorothiazide, indapamide, metolazone, methyclothiazide")
_LOOP_DIURETICS = _m("furosemide, bumetanide, torsemide, ethacrynic acid")
# Quinine, pentamidine and the tricyclics carry QT-prolongation warnings in their own FDA labels.
_QT = _m(
    "amiodarone, sotalol, dofetilide, dronedarone, quinidine, procainamide, disopyramide, ibutilide, haloperidol, "
    "chlorpromazine, thioridazine, pimozide, ziprasidone, citalopram, escitalopram, methadone, erythromycin, "
    "clarithromycin, azithromycin, moxifloxacin, levofloxacin, ondansetron, droperidol, hydroxychloroquine, "
    "chloroquine, arsenic trioxide, vandetanib, bedaquiline, quinine, pentamidine, amitriptyline, nortriptyline, "
    "desipramine, imipramine, clomipramine"
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
        (r"\bSSRIs?\b", r"selective serotonin re-?uptake inhibitors?"),
        _SSRIS,
        epc=("Serotonin Reuptake Inhibitor",),
        sources=(FDA_CLASS_LABELING, ONC, EPC),
        duplication=True,
        learn_examples=False,
    ),
    DrugClass(
        "snris",
        "SNRIs",
        (r"\bSNRIs?\b", r"serotonin and norepinephrine re-?uptake inhibitors?", r"serotonin[- ]norepinephrine"),
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
            r"serotonergic (?:drugs?|agents?|medications?|medicines?)",
            r"other serotonergic",
            r"drugs that (?:affect|impair) (?:the )?serotonergic",
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
        (r"(?:CNS|central nervous system) depressants?", r"other depressants", r"sedative-?hypnotics?"),
        _OPIOIDS
        | _BENZOS
        | _m(
            "zolpidem, eszopiclone, zaleplon, phenobarbital, butalbital, gabapentin, pregabalin, carisoprodol, "
            "cyclobenzaprine, baclofen, tizanidine, quetiapine, olanzapine, promethazine, hydroxyzine, "
            "diphenhydramine, suvorexant"
        ),
    ),
    DrugClass(
        "anticoagulants",
        "anticoagulants",
        (r"(?<!oral )\banti-?coagulants?\b", r"vitamin K antagonists?", r"\bcoumarins?\b"),
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
        epc=("P2Y12 Platelet Inhibitor", "Platelet Aggregation Inhibitor"),
        sources=(FDA_CLASS_LABELING, EPC),
        learn_examples=False,
    ),
    DrugClass(
        "bleeding",
        "drugs that affect hemostasis",
        (
            r"drugs? (?:that|which) (?:affect|interfere with) (?:hemostasis|coagulation|platelet)",
            r"drugs? (?:that|which|known to) increase the risk of bleeding",
            r"affect(?:ing)? hemostasis",
        ),
        _ANTICOAGULANTS | _ANTIPLATELETS | _NSAIDS | _SSRIS | _SNRIS,
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
        "strong_cyp3a_inhibitors",
        "strong CYP3A4 inhibitors",
        (
            r"strong (?:CYP\s?3A4?|cytochrome P450 3A4?)(?:/P-gp)? inhibitors?",
            r"potent (?:CYP\s?3A4?|cytochrome P450 3A4?) inhibitors?",
            r"strong inhibitors? of (?:CYP\s?3A4?|cytochrome P450 3A4?)",
        ),
        _STRONG_3A4_INH,
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING),
    ),
    DrugClass(
        "moderate_cyp3a_inhibitors",
        "moderate CYP3A4 inhibitors",
        (
            r"moderate (?:CYP\s?3A4?|cytochrome P450 3A4?) inhibitors?",
            r"moderate inhibitors? of (?:CYP\s?3A4?|cytochrome P450 3A4?)",
        ),
        _MODERATE_3A4_INH,
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING),
    ),
    DrugClass(
        "cyp3a_inhibitors",
        "CYP3A4 inhibitors",
        (
            r"(?<!strong )(?<!moderate )(?<!potent )(?<!weak )(?:CYP\s?3A4?|cytochrome P450 3A4?) inhibitors?",
            r"inhibitors? of (?:CYP\s?3A4?|cytochrome P450 3A4?)",
            r"(?:drugs?|compounds?|agents?|medications?) (?:that|which) (?:may |are known to )?(?:strongly |potently )?"
            r"inhibit (?:\(?[\w-]+ ){0,5}\(?(?:CYP\s?3A4?|cytochrome P-?450 3A4?|P-?450\s?IIIA4?)",
        ),
        _STRONG_3A4_INH | _MODERATE_3A4_INH,
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING, ONC),
        learn_examples=False,
    ),
    DrugClass(
        "cyp3a_inducers",
        "CYP3A4 inducers",
        (
            r"(?:strong |moderate |potent )?(?:CYP\s?3A4?|cytochrome P450 3A4?)(?:/P-gp)? inducers?",
            r"inducers? of (?:CYP\s?3A4?|cytochrome P450 3A4?)",
            # Older labels name the same drugs as enzyme inducers or drugs that induce liver enzymes.
            r"\benzyme[- ]inducers?",
            r"\benzyme[- ]inducing (?:drugs?|agents?|medications?)",
            r"(?:drugs?|compounds?|agents?|medications?) (?:that|which) (?:may |are known to )?(?:strongly |potently )?"
            r"induce (?:\(?[\w-]+ ){0,5}\(?"
            r"(?:CYP\s?3A4?|cytochrome P-?450|P-?450\s?IIIA4?|CYP450|hepatic|microsomal|liver)",
        ),
        _STRONG_3A4_IND | _MODERATE_3A4_IND,
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING, ONC),
    ),
    DrugClass(
        "cyp2d6_inhibitors",
        "CYP2D6 inhibitors",
        (
            r"(?:strong |moderate |potent )?(?:CYP\s?2D6|cytochrome P450 2D6) inhibitors?",
            r"inhibitors? of (?:CYP\s?2D6|cytochrome P450 2D6)",
        ),
        _m("bupropion, fluoxetine, paroxetine, quinidine, terbinafine, duloxetine, mirabegron, cinacalcet"),
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING),
    ),
    DrugClass(
        "cyp1a2_inhibitors",
        "CYP1A2 inhibitors",
        (
            r"(?:strong |moderate |potent )?(?:CYP\s?1A2|cytochrome P450 1A2) inhibitors?",
            r"inhibitors? of (?:CYP\s?1A2|cytochrome P450 1A2)",
        ),
        _m(
            "ciprofloxacin, enoxacin, fluvoxamine, methoxsalen, mexiletine, zileuton, amiodarone, ticlopidine, "
            "propafenone, rofecoxib, cimetidine, vemurafenib"
        ),
        sources=(FDA_DDI_TABLE, ONC, FDA_CLASS_LABELING),
    ),
    DrugClass(
        "cyp2c9_inhibitors",
        "CYP2C9 inhibitors",
        (
            r"(?:strong |moderate |potent )?(?:CYP\s?2C9|cytochrome P450 2C9) inhibitors?",
            r"inhibitors? of (?:CYP\s?2C9|cytochrome P450 2C9)",
        ),
        _m("fluconazole, amiodarone, miconazole, voriconazole, fluvoxamine, sulfamethoxazole, metronidazole"),
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING),
    ),
    DrugClass(
        "cyp2c19_inhibitors",
        "CYP2C19 inhibitors",
        (
            r"(?:strong |moderate |potent )?(?:CYP\s?2C19|cytochrome P450 2C19) inhibitors?",
            r"inhibitors? of (?:CYP\s?2C19|cytochrome P450 2C19)",
        ),
        _m("fluconazole, fluoxetine, fluvoxamine, ticlopidine, omeprazole, esomeprazole, voriconazole"),
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING),
    ),
    DrugClass(
        "pgp_inhibitors",
        "P-gp inhibitors",
        (r"P-?gp inhibitors?", r"P-glycoprotein (?:\(P-gp\) )?inhibitors?", r"inhibitors? of P-?(?:gp|glycoprotein)"),
        _m(
            "amiodarone, carvedilol, clarithromycin, dronedarone, itraconazole, ketoconazole, lapatinib, lopinavir, "
            "propafenone, quinidine, ranolazine, ritonavir, saquinavir, telaprevir, tipranavir, verapamil, "
            "cyclosporine"
        ),
        sources=(FDA_DDI_TABLE, FDA_CLASS_LABELING),
    ),
    DrugClass(
        "qt_prolonging",
        "drugs that prolong the QT interval",
        (
            r"(?:drugs?|agents?|medications?) (?:that|which|known to) (?:also )?(?:prolong|increase) the QTc? interval",
            r"QTc?[- ]prolonging (?:drugs?|agents?|medications?)",
            r"(?:drugs?|agents?) (?:that|which) prolong QTc?",
        ),
        _QT,
        sources=(FDA_CLASS_LABELING, ONC),
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
            r"potassium[- ]sparing diuretics?",
            r"potassium supplements?",
            r"potassium-containing salt substitutes?",
            r"drugs that (?:increase|raise) (?:serum )?potassium",
        ),
        _m("spironolactone, eplerenone, amiloride, triamterene, potassium chloride, potassium citrate, finerenone"),
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
        (r"\bcorticosteroids?\b", r"\bglucocorticoids?\b", r"\bsteroids?\b"),
        _m(
            "prednisone, prednisolone, methylprednisolone, dexamethasone, hydrocortisone, betamethasone, "
            "triamcinolone, budesonide, fludrocortisone, cortisone, deflazacort"
        ),
        sources=(FDA_CLASS_LABELING, ONC),
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
            "ferrous sulfate, iron, zinc, sucralfate, sevelamer, lanthanum, calcium"
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
        (r"anticholinergic (?:drugs?|agents?|medications?)", r"\banticholinergics\b"),
        _m(
            "oxybutynin, tolterodine, solifenacin, darifenacin, trospium, fesoterodine, benztropine, "
            "trihexyphenidyl, scopolamine, glycopyrrolate, dicyclomine, hyoscyamine, diphenhydramine"
        ),
        learn_examples=False,
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
        "immunosuppressants",
        (r"\bimmunosuppressants?\b", r"immunosuppressive (?:drugs?|agents?|therapy)", r"calcineurin inhibitors?"),
        _m("cyclosporine, tacrolimus, sirolimus, everolimus, mycophenolate, azathioprine, methotrexate"),
        epc=("Calcineurin Inhibitor Immunosuppressant",),
        learn_examples=False,
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

CLASS_BY_ID: dict[str, DrugClass] = {c.id: c for c in CLASSES}

# Food and alcohol: the kinds of note the engine reports and the words labels use for them.
FOOD_KINDS: dict[str, str] = {
    "alcohol": r"\b(?<!benzyl )(?<!cetyl )(?<!stearyl )(?<!polyvinyl )(?<!isopropyl )(?<!dehydrated )"
    r"(?:alcohol(?:ic beverages?)?|ethanol)\b(?![- ](?:abuse|dependence|use disorder|withdrawal|based|free))",
    "grapefruit": r"\bgrapefruit",
    "dairy_calcium": r"\b(?<!breast )(?<!human )(?<!mother's )(?:dairy|milk(?! production| supply| of magnesia)|"
    r"calcium-(?:rich|fortified)|calcium-containing foods?)\b",
    "tyramine": r"\btyramine",
}
FOOD_TITLES: dict[str, str] = {
    "alcohol": "Alcohol",
    "grapefruit": "Grapefruit",
    "dairy_calcium": "Dairy and calcium",
    "tyramine": "Tyramine-rich foods",
}
