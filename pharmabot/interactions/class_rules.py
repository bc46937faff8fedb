"""Pharmacodynamic class rules: two classes whose effects add up, whoever's label mentions the other.

A rule applies to a pair when one drug belongs to a class on side A and the other to a class on side B
(membership comes from the lexicon, the labels' pharmacologic classes, and each label's own warnings; see
`lexicon.py` and `properties.py`). Each rule names what happens and where that is written; how severe each
rule is lives with every other severity decision in `severity.py` (`CLASS_RULE_SEVERITY`).

Sources named below:
- FDA labels: class labeling that every member's label carries (the opioid boxed warning on benzodiazepines
  and other CNS depressants, 2016; the serotonin syndrome warnings of SSRIs, SNRIs and triptans; the
  anticoagulants' and NSAIDs' bleeding warnings; the ACE inhibitor/ARB/aliskiren dual-blockade and
  hyperkalemia warnings; the lithium labels' toxicity warnings with NSAIDs, ACE inhibitors, ARBs and diuretics).
- FDA Drug Safety Communications: opioids with benzodiazepines (2016-08-31), gabapentinoids with CNS depressants
  (2019-12-19), aliskiren with ACE inhibitors or ARBs (2012-04-20).
- ONC high-priority list item 21 (QT-prolonging agents together), Phansalkar et al., JAMIA 2012;19:735.
- American Geriatrics Society Beers Criteria (2019, 2023): combinations to avoid (two or more anticholinergic
  drugs; opioids with benzodiazepines or gabapentinoids; three or more CNS-active drugs).
- ACC/AHA and CHEST antithrombotic guidance: an anticoagulant with an antiplatelet, an NSAID or another
  anticoagulant raises bleeding risk substantially.
- FDA NSAID class labeling: the Drug Interactions table every prescription NSAID label carries (ACE inhibitors,
  ARBs and beta-blockers; diuretics).
"""

from __future__ import annotations

from dataclasses import dataclass

from pharmabot.interactions.lexicon import NIAAA, SYSTEMS

FDA_OPIOID_BOXED = (
    "FDA opioid class labeling: boxed warning on use with benzodiazepines or other CNS depressants (2016)"
)
FDA_OPIOID_MAOI = "FDA opioid class labeling: MAO inhibitors (serotonin syndrome or opioid toxicity), 2016"
FDA_DSC_GABAPENTINOIDS = "FDA Drug Safety Communication: gabapentin/pregabalin with CNS depressants (2019-12-19)"
FDA_DSC_ALISKIREN = "FDA Drug Safety Communication: aliskiren with ACE inhibitors or ARBs (2012-04-20)"
FDA_SEROTONIN = "FDA class labeling: serotonin syndrome warnings of SSRIs, SNRIs, triptans and other serotonergic drugs"
FDA_BLEEDING = "FDA labels of anticoagulants and NSAIDs (bleeding risk with antiplatelets, NSAIDs, anticoagulants)"
FDA_POTASSIUM = "FDA labels of ACE inhibitors, ARBs, potassium-sparing diuretics and potassium salts (hyperkalemia)"
FDA_LITHIUM = "FDA lithium labeling: toxicity with NSAIDs, ACE inhibitors, ARBs and diuretics"
FDA_NSAID_ANTIHYPERTENSIVE = (
    "FDA NSAID class labeling, Drug Interactions table of every prescription NSAID label: with ACE inhibitors, ARBs "
    "or beta-blockers, NSAIDs may diminish the antihypertensive effect and, in elderly, volume-depleted or renally "
    "impaired patients, may cause deterioration of renal function"
)
FDA_NSAID_DIURETIC = (
    "FDA NSAID class labeling, Drug Interactions table of every prescription NSAID label: NSAIDs can reduce the "
    "natriuretic effect of loop and thiazide diuretics"
)
ONC_QT = "ONC high-priority DDI list item 21, QT-prolonging agents (Phansalkar et al., JAMIA 2012;19:735)"
BEERS = "American Geriatrics Society Beers Criteria (2019, 2023 update): drug-drug interactions to avoid"
CHEST = "CHEST / ACC-AHA antithrombotic guidance: bleeding with combined antithrombotic therapy"
OWN_WARNINGS = "the drugs' own FDA labels: each warns of this effect"
FDA_HEPATOTOXIC = (
    "FDA labels with a boxed warning for hepatotoxicity (e.g. leflunomide, teriflunomide, lomitapide, mipomersen): "
    "other hepatotoxic drugs increase the risk of liver injury"
)
FDA_NEPHROTOXIC = (
    "FDA labels of aminoglycosides, polymyxins, vancomycin, amphotericin B and platinum drugs: avoid or monitor "
    "other nephrotoxic drugs"
)
FDA_SENSITIVE_SUBSTRATES = (
    "FDA, Drug Development and Drug Interactions, Table 1 and its definitions: a strong inhibitor raises the AUC of a "
    "sensitive index substrate 5-fold or more; a strong inducer lowers it by 80% or more"
)
FDA_DDI_GUIDANCE = (
    "FDA guidance, Clinical Drug Interaction Studies (2020): a sensitive substrate's label should advise avoiding or "
    "adjusting for strong inhibitors and inducers of its pathway"
)
FDA_IMMUNOSUPPRESSION = (
    "FDA labels of JAK inhibitors, S1P receptor modulators, TNF blockers and leflunomide: avoid or take care "
    "combining with other immunosuppressive, immune-modulating or anti-neoplastic therapy"
)

FDA_OTC_ANTIHISTAMINE_CNS = (
    "FDA OTC antihistamine warnings, 21 CFR 341.72(c)(4): alcohol, sedatives, and tranquilizers may increase the "
    "drowsiness effect; ask a doctor or pharmacist before use if you are taking sedatives or tranquilizers"
)
FDA_OTC_DECONGESTANT = (
    "FDA OTC nasal decongestant warnings, 21 CFR 341.80(c)(1): do not use if you are now taking a prescription MAOI "
    "or for 2 weeks after stopping it; ask a doctor before use if you have high blood pressure"
)
SYMPATHOMIMETIC_ANTIHYPERTENSIVE = (
    "clinical references on sympathomimetics with antihypertensives: the decongestant may reduce the blood pressure "
    "lowering effect (monitor blood pressure)"
)


@dataclass(frozen=True)
class ClassRule:
    """Two sets of classes whose members' effects add up."""

    id: str
    name: str
    classes_a: tuple[str, ...]
    classes_b: tuple[str, ...]
    effect: str  # what happens, in plain words
    sources: tuple[str, ...]
    # Each side lists classes; "a&b" means members of both, "@heading" sets the level for that entry alone.
    # Which members count: "boxed" = listed here or in FDA's pharmacologic classes, or a boxed warning of the
    # drug's own label says it; "heading" adds a warnings heading; "any" adds a sentence of the label. Effects many
    # labels mention in passing (somnolence, bleeding events, low blood counts) need the stricter levels.
    evidence: str = "heading"


CLASS_RULES: tuple[ClassRule, ...] = (
    ClassRule(
        "qt_qt",
        "QT-prolonging drugs together",
        ("qt_prolonging",),
        ("qt_prolonging",),
        "both prolong the QT interval: additive risk of torsades de pointes and other dangerous heart rhythms",
        (ONC_QT, OWN_WARNINGS),
    ),
    ClassRule(
        "opioid_benzodiazepine",
        "opioids with benzodiazepines",
        ("opioids",),
        ("benzodiazepines",),
        "profound sedation, respiratory depression, coma and death",
        (FDA_OPIOID_BOXED, BEERS),
    ),
    ClassRule(
        "opioid_cns",
        "opioids with other CNS depressants",
        ("opioids",),
        ("cns_depressants",),
        "additive CNS and respiratory depression: profound sedation, slowed breathing, coma",
        (FDA_OPIOID_BOXED, FDA_DSC_GABAPENTINOIDS, BEERS),
    ),
    ClassRule(
        "opioid_maoi",
        "opioids with MAO inhibitors",
        ("opioids",),
        ("maois",),
        "serotonin syndrome or opioid toxicity (respiratory depression, coma)",
        (FDA_OPIOID_MAOI,),
    ),
    ClassRule(
        "cns_cns",
        "CNS depressants together",
        ("cns_depressants",),
        ("cns_depressants",),
        "additive sedation and psychomotor impairment; breathing can slow",
        (BEERS, OWN_WARNINGS),
        evidence="boxed",
    ),
    ClassRule(
        "sedating_antihistamine_cns",
        "sedating antihistamines with other CNS depressants",
        ("sedating_antihistamines",),
        ("cns_depressants",),
        "more drowsiness and slowed reactions (driving, falls); breathing can slow with strong depressants",
        (FDA_OTC_ANTIHISTAMINE_CNS, BEERS),
        evidence="boxed",
    ),
    ClassRule(
        "decongestant_antihypertensive",
        "oral decongestants with blood pressure medicines",
        ("oral_decongestants",),
        ("antihypertensives",),
        "can raise blood pressure and work against the blood pressure medicine",
        (FDA_OTC_DECONGESTANT, SYMPATHOMIMETIC_ANTIHYPERTENSIVE),
    ),
    ClassRule(
        "decongestant_maoi",
        "oral decongestants with MAO inhibitors",
        ("oral_decongestants",),
        ("maois",),
        "can cause a hypertensive crisis (a sudden, dangerous rise in blood pressure), also within 2 weeks after "
        "stopping the MAO inhibitor",
        (FDA_OTC_DECONGESTANT,),
    ),
    ClassRule(
        "maoi_serotonergic",
        "MAO inhibitors with serotonergic drugs",
        ("maois",),
        ("serotonergic",),
        "serotonin syndrome, which can be life-threatening",
        (FDA_SEROTONIN,),
    ),
    ClassRule(
        "serotonergic_serotonergic",
        "serotonergic drugs together",
        ("serotonergic",),
        ("serotonergic",),
        "additive serotonergic effect: risk of serotonin syndrome",
        (FDA_SEROTONIN, OWN_WARNINGS),
    ),
    ClassRule(
        "anticoagulant_antithrombotic",
        "anticoagulants with antiplatelets, NSAIDs, thrombolytics or another anticoagulant",
        ("anticoagulants",),
        ("antiplatelets", "nsaids", "thrombolytics", "anticoagulants"),
        "additive effect on clotting: serious bleeding",
        (FDA_BLEEDING, CHEST),
    ),
    ClassRule(
        "anticoagulant_bleeding",
        "anticoagulants with other drugs that raise bleeding risk",
        ("anticoagulants",),
        ("bleeding",),
        "more bleeding: the other drug also impairs clotting or platelets",
        (FDA_BLEEDING, OWN_WARNINGS),
        evidence="boxed",
    ),
    ClassRule(
        "antiplatelet_bleeding",
        "antiplatelets or NSAIDs with other drugs that raise bleeding risk",
        ("antiplatelets", "nsaids"),
        ("bleeding",),
        "additive bleeding risk, notably in the stomach and gut",
        (FDA_BLEEDING, OWN_WARNINGS),
        evidence="boxed",
    ),
    ClassRule(
        "bleeding_bleeding",
        "drugs whose labels warn of bleeding, together",
        ("bleeding",),
        ("bleeding",),
        "both raise the risk of bleeding (hemorrhage)",
        (OWN_WARNINGS,),
    ),
    ClassRule(
        "hepatotoxic_hepatotoxic",
        "a drug with a boxed warning for liver injury with another drug that can injure the liver",
        ("hepatotoxic@boxed",),
        ("hepatotoxic",),
        "additive risk of liver injury",
        (FDA_HEPATOTOXIC, OWN_WARNINGS),
    ),
    ClassRule(
        "nephrotoxic_nephrotoxic",
        "a drug with a boxed warning for kidney injury with another drug that can harm the kidneys",
        ("nephrotoxic@boxed",),
        ("nephrotoxic",),
        "additive risk of kidney injury",
        (FDA_NEPHROTOXIC, OWN_WARNINGS),
    ),
    ClassRule(
        "raas_dual",
        "dual blockade of the renin-angiotensin system",
        ("ace_inhibitors", "arbs"),
        ("arbs", "renin_inhibitors"),
        "high potassium, low blood pressure and kidney injury, without added benefit",
        (FDA_DSC_ALISKIREN, FDA_POTASSIUM),
    ),
    ClassRule(
        "raas_potassium",
        "ACE inhibitors, ARBs or aliskiren with potassium-sparing diuretics or potassium salts",
        ("ace_inhibitors", "arbs", "renin_inhibitors"),
        ("potassium",),
        "high blood potassium (hyperkalemia), which can stop the heart",
        (FDA_POTASSIUM,),
    ),
    ClassRule(
        "potassium_raising",
        "drugs that raise potassium together",
        ("hyperkalemia",),
        ("hyperkalemia",),
        "additive rise in blood potassium (hyperkalemia), which can disturb the heart rhythm",
        (FDA_POTASSIUM, OWN_WARNINGS),
    ),
    ClassRule(
        "lithium_clearance",
        "lithium with drugs that reduce its clearance",
        ("lithium",),
        ("nsaids", "ace_inhibitors", "arbs", "thiazides", "loop_diuretics", "diuretics"),
        "lithium levels rise (less renal clearance): lithium toxicity",
        (FDA_LITHIUM,),
    ),
    ClassRule(
        "nsaid_antihypertensive",
        "NSAIDs with ACE inhibitors, ARBs or beta-blockers",
        ("nsaids",),
        ("ace_inhibitors", "arbs", "beta_blockers"),
        "the blood pressure medicine can work less well, and kidney function can worsen (older, dehydrated or "
        "kidney-impaired patients)",
        (FDA_NSAID_ANTIHYPERTENSIVE,),
    ),
    ClassRule(
        "nsaid_diuretic",
        "NSAIDs with diuretics",
        ("nsaids",),
        ("diuretics", "thiazides", "loop_diuretics"),
        "the diuretic can work less well (less salt and water removed); watch for worse kidney function",
        (FDA_NSAID_DIURETIC,),
    ),
    ClassRule(
        "anticholinergic_burden",
        "anticholinergic drugs together",
        ("anticholinergics",),
        ("anticholinergics",),
        "additive anticholinergic effects: confusion, constipation, urinary retention, overheating",
        (BEERS, OWN_WARNINGS),
    ),
    ClassRule(
        "immunosuppression",
        "immunosuppressive drugs with other immunosuppressive or anticancer drugs",
        ("immunosuppressants",),
        ("immunosuppressants", "antineoplastics"),
        "additive immune suppression: serious infections",
        (FDA_IMMUNOSUPPRESSION, OWN_WARNINGS),
        evidence="boxed",
    ),
    ClassRule(
        "immunosuppression_warnings",
        "drugs whose labels warn of immune suppression, with other immunosuppressive or anticancer drugs",
        ("immunosuppressants",),
        ("immunosuppressants", "antineoplastics"),
        "additive immune suppression: infections",
        (OWN_WARNINGS,),
    ),
    ClassRule(
        "myelosuppression",
        "drugs that suppress the bone marrow together",
        ("myelosuppressive", "antineoplastics&myelosuppressive@heading"),
        ("myelosuppressive", "antineoplastics&myelosuppressive@heading"),
        "additive bone marrow suppression: low blood counts, infection, bleeding",
        (OWN_WARNINGS,),
        evidence="boxed",
    ),
    ClassRule(
        "myelosuppression_warnings",
        "a drug that suppresses the bone marrow with another whose label warns of low blood counts",
        ("myelosuppressive", "antineoplastics&myelosuppressive@heading"),
        ("myelosuppressive@heading",),
        "additive effect on blood counts: infection, bleeding",
        (OWN_WARNINGS,),
        evidence="boxed",
    ),
    ClassRule(
        "insulin_secretagogue",
        "insulin or insulin secretagogues with other glucose-lowering drugs",
        ("antidiabetics",),
        ("antidiabetics",),
        "additive glucose lowering: low blood sugar",
        (OWN_WARNINGS,),
    ),
)


# Alcohol with medicines. Alcohol has no label; what it does with each group of medicines comes from the NIAAA's
# table of medicine groups and reactions, the FDA class labeling that names alcohol, and the OTC monographs' alcohol
# warnings. The medicines' own alcohol sentences are label evidence for the pair (`knowledge.from_labels`). The most
# specific rules come first: the first one matched gives the pair its effect.
FDA_OPIOID_ALCOHOL = (
    "FDA opioid class labeling: boxed warning on concomitant use with other CNS depressants, including alcohol (2016)"
)
FDA_BENZODIAZEPINE_ALCOHOL = "FDA benzodiazepine labeling: warnings on use with alcohol and other CNS depressants"
FDA_OTC_ANALGESIC = "FDA OTC internal analgesic warnings, 21 CFR 201.326 (liver damage, stomach bleeding: 3+ drinks)"
FDA_OTC_ANTIHISTAMINE = "FDA OTC antihistamine warnings, 21 CFR 341.72 (alcohol may increase drowsiness)"
FDA_OTC_ANTIHISTAMINE_ALCOHOL = (
    "FDA OTC antihistamine warnings, 21 CFR 341.72(c)(4): When using this product, avoid alcoholic drinks; alcohol, "
    "sedatives, and tranquilizers may increase drowsiness"
)
FDA_DISULFIRAM = "FDA labels of disulfiram, metronidazole and tinidazole (disulfiram-like reaction with alcohol)"
FDA_MAOI_TYRAMINE = "FDA MAO inhibitor labels: tyramine-rich drinks (tap beer, some wines) and hypertensive crisis"

ALCOHOL_RULES: tuple[ClassRule, ...] = (
    ClassRule(
        "alcohol_opioid",
        "alcohol with opioids",
        ("alcohol",),
        ("opioids",),
        "can cause deep drowsiness and slowed or stopped breathing; impaired movement and memory; a higher risk of "
        "fatal overdose",
        (FDA_OPIOID_ALCOHOL, NIAAA),
    ),
    ClassRule(
        "alcohol_benzodiazepine",
        "alcohol with benzodiazepines",
        ("alcohol",),
        ("benzodiazepines",),
        "can cause deep drowsiness and slowed breathing; impaired movement and memory; a higher risk of overdose",
        (FDA_BENZODIAZEPINE_ALCOHOL, NIAAA),
    ),
    ClassRule(
        "alcohol_disulfiram",
        "alcohol with drugs that cause a disulfiram-like reaction",
        ("alcohol",),
        ("disulfiram_like",),
        "can cause a disulfiram-like reaction (flushing, nausea and vomiting, headache, fast heartbeat, sudden "
        "changes in blood pressure)",
        (FDA_DISULFIRAM, NIAAA),
    ),
    ClassRule(
        "alcohol_maoi",
        "alcohol with MAO inhibitors",
        ("alcohol",),
        ("maois",),
        "can cause a dangerous rise in blood pressure (tyramine in some beers and wines); added drowsiness",
        (FDA_MAOI_TYRAMINE, NIAAA),
    ),
    ClassRule(
        "alcohol_anticoagulant",
        "alcohol with anticoagulants",
        ("alcohol",),
        ("anticoagulants",),
        "can cause more bleeding, including internal bleeding; heavy drinking can also change how warfarin works",
        (NIAAA,),
    ),
    ClassRule(
        "alcohol_acetaminophen",
        "alcohol with acetaminophen",
        ("alcohol",),
        ("acetaminophen",),
        "can cause liver damage, more likely with 3 or more drinks a day",
        (FDA_OTC_ANALGESIC, NIAAA),
    ),
    ClassRule(
        "alcohol_nsaid",
        "alcohol with NSAIDs",
        ("alcohol",),
        ("nsaids",),
        "can cause stomach ulcers and stomach bleeding, more likely with 3 or more drinks a day",
        (FDA_OTC_ANALGESIC, NIAAA),
    ),
    ClassRule(
        "alcohol_glucose_lowering",
        "alcohol with insulin and sulfonylureas",
        ("alcohol",),
        ("antidiabetics",),
        "can cause low blood sugar",
        (NIAAA, OWN_WARNINGS),
    ),
    ClassRule(
        "alcohol_metformin",
        "alcohol with metformin",
        ("alcohol",),
        ("biguanides",),
        "can raise the risk of lactic acidosis, rare but serious; low blood sugar is more likely too",
        (NIAAA, OWN_WARNINGS),
    ),
    ClassRule(
        "alcohol_nitrate",
        "alcohol with nitrates",
        ("alcohol",),
        ("nitrates",),
        "can cause low blood pressure (dizziness, fainting, fast heartbeat)",
        (NIAAA,),
    ),
    ClassRule(
        "alcohol_cns",
        "alcohol with sleep medicines, muscle relaxants and other CNS depressants",
        ("alcohol",),
        ("cns_depressants", "antipsychotics"),
        "can cause more drowsiness and dizziness, slowed breathing, impaired movement; a higher risk of overdose",
        (NIAAA, FDA_OPIOID_BOXED),
    ),
    ClassRule(
        "alcohol_sedating_antihistamine",
        "alcohol with sedating antihistamines",
        ("alcohol",),
        ("sedating_antihistamines",),
        "can cause marked drowsiness and dizziness, slowed reactions (driving, falls)",
        (FDA_OTC_ANTIHISTAMINE_ALCOHOL, NIAAA),
    ),
    ClassRule(
        "alcohol_antihistamine",
        "alcohol with antihistamines",
        ("alcohol",),
        ("antihistamines",),
        "can cause more drowsiness and dizziness",
        (FDA_OTC_ANTIHISTAMINE, NIAAA),
    ),
    ClassRule(
        "alcohol_antidepressant",
        "alcohol with antidepressants",
        ("alcohol",),
        ("ssris", "snris", "tcas"),
        "can cause more drowsiness and dizziness; depression can get worse",
        (NIAAA,),
    ),
    ClassRule(
        "alcohol_blood_pressure",
        "alcohol with blood pressure medicines",
        ("alcohol",),
        ("antihypertensives",),
        "can cause blood pressure to drop too far (dizziness, fainting, drowsiness)",
        (NIAAA,),
    ),
)
CLASS_RULES += ALCOHOL_RULES


def _strong_modulator_rules() -> tuple[ClassRule, ...]:
    """A strong inhibitor or inducer of a CYP enzyme with one of that enzyme's sensitive substrates, per enzyme: the
    size of change FDA's definitions put on such a pair matters whether or not either label names the other."""
    rules: list[ClassRule] = []
    for system in SYSTEMS:
        if not system.graded:
            continue
        substrates = f"sensitive_{system.id}_substrates"
        rules.append(
            ClassRule(
                f"strong_inhibitor_sensitive_{system.id}",
                f"strong {system.name} inhibitors with sensitive {system.name} substrates",
                (f"strong_{system.id}_inhibitors",),
                (substrates,),
                f"the {system.name} substrate's blood levels rise several-fold (5-fold or more in FDA's definition): "
                "risk of its dose-related adverse effects",
                (FDA_SENSITIVE_SUBSTRATES, FDA_DDI_GUIDANCE),
                # A label's own statement that its drug is a strong inhibitor is as good as FDA's table.
                evidence="any",
            )
        )
        rules.append(
            ClassRule(
                f"strong_inducer_sensitive_{system.id}",
                f"strong {system.name} inducers with sensitive {system.name} substrates",
                (f"strong_{system.id}_inducers",),
                (substrates,),
                f"the {system.name} substrate's blood levels fall by 80% or more (FDA's definition): it may stop "
                "working",
                (FDA_SENSITIVE_SUBSTRATES, FDA_DDI_GUIDANCE),
                evidence="any",
            )
        )
    return tuple(rules)


CLASS_RULES += _strong_modulator_rules()
STRONG_MODULATOR_RULES = frozenset(r.id for r in CLASS_RULES if r.id.startswith("strong_"))

CLASS_RULE_BY_ID: dict[str, ClassRule] = {r.id: r for r in CLASS_RULES}
