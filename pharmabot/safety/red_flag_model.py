"""The clinical model behind emergency triage, as data a reviewer can read.

Every category lists its danger signs, each sign with where it comes from; the vocabulary of
people, ingestions, amounts, substances and the modifiers that keep a message routine
(negation, hypotheticals, past events, questions, idioms) follows. `red_flags` composes them:
an emergency is recognised from its parts (who, what was taken, how much, a present danger
sign, an intent), never from whole example sentences.

Patterns are regular-expression fragments matched on lower-cased text whose spaces are single
(see `red_flags._canonical`), so a literal space stands for any run of whitespace. Numbers have
been turned into digits ("forty" -> 40) before matching.

Sources, cited by key next to what they support:
- POISON_HELP: US Poison Help line (HRSA, poisonhelp.hrsa.gov) and America's Poison Centers: call
  1-800-222-1222 for a poisoning, a medicine taken in too large an amount or by the wrong person;
  call 911 when the person is unconscious, has trouble breathing or has a seizure.
- APC_NPDS: America's Poison Centers, National Poison Data System annual reports: the substance
  classes most often involved (analgesics, household cleaning substances, sedatives/hypnotics,
  antidepressants, antihistamines, cardiovascular drugs, stimulants, anticonvulsants, button
  batteries, nicotine liquid, cannabis edibles in children).
- ONE_PILL: Bar-Oz B, Levichek Z, Koren G. Medications that can be fatal for a toddler with one
  tablet or teaspoonful: a 2004 update. Paediatr Drugs 2004;6:123-6; Michael JB, Sztajnkrycer MD.
  Deadly pediatric poisons: nine common agents that kill at low doses. Emerg Med Clin North Am
  2004;22:1019-50 (opioids, sulfonylureas, calcium-channel blockers, clonidine, tricyclic
  antidepressants, camphor, methyl salicylate, benzocaine, iron, buprenorphine).
- CDC_OPIOID: CDC, "Preventing Opioid Overdose: signs of an overdose" (small pupils, falling
  asleep or losing consciousness, slow, weak or no breathing, choking or gurgling sounds, limp
  body, cold or clammy skin, discoloured skin, especially lips and nails).
- DEA_SLANG: DEA Intelligence Report DEA-HOU-DIR-022-18, "Slang Terms and Code Words: A Reference
  for Law Enforcement Personnel" (2018; US government work): street names of drugs.
- CSSRS: Columbia-Suicide Severity Rating Scale, screener (Posner et al., Am J Psychiatry
  2011;168:1266-77): wish to be dead, active suicidal thoughts, method, intent, plan, preparatory
  behaviour; 988 Suicide & Crisis Lifeline warning signs (talking about wanting to die, having no
  reason to live, being a burden, looking for a way to end one's life, saying goodbye).
- BEFAST: BE-FAST stroke signs (Aroor S et al., Stroke 2017;48:479-81): Balance, Eyes, Face
  drooping, Arm weakness, Speech difficulty, Time to call 911; American Stroke Association
  (sudden severe headache, sudden confusion, sudden numbness on one side).
- AHA_MI: American Heart Association, "Warning Signs of a Heart Attack" (chest discomfort,
  pressure, squeezing, fullness or pain; pain in one or both arms, the back, neck, jaw or
  stomach; shortness of breath; cold sweat, nausea, light-headedness); AHA/ACC guidance for people
  prescribed nitroglycerin: call 911 when chest pain is not better 5 minutes after one dose.
- AHA_BP: American Heart Association, "Hypertensive Crisis: When You Should Call 911 for High
  Blood Pressure": a reading higher than 180/120 with chest pain, shortness of breath, back pain,
  numbness or weakness, a change in vision or difficulty speaking is a hypertensive emergency:
  call 911 (without such symptoms: wait five minutes, measure again, call the doctor).
- ACOG_PREECLAMPSIA: American College of Obstetricians and Gynecologists, "Gestational
  Hypertension and Preeclampsia" (Practice Bulletin 222, 2020) and its patient pages: in pregnancy
  or after giving birth, 160/110 or higher is severe, and a headache that will not go away, changes
  in vision, pain in the upper belly or trouble breathing need care right away.
- ANAPHYLAXIS: Sampson HA et al., Second symposium on the definition and management of
  anaphylaxis, J Allergy Clin Immunol 2006;117:391-7 (skin or mucosal signs with breathing
  trouble or collapse; two organ systems after an exposure).
- LABEL_ALLERGY, LABEL_BLEEDING, LABEL_SKIN, LABEL_SEROTONIN, LABEL_NMS, LABEL_OPIOID,
  LABEL_LIVER, LABEL_HYPOGLYCEMIA, LABEL_LITHIUM, LABEL_DIGOXIN, LABEL_SEIZURE: the FDA labels'
  own "get emergency help right away" lists (medication guides and warnings sections of the
  shipped labels): allergic reactions (swelling of the face, lips, tongue or throat, trouble
  breathing or swallowing, hives); warfarin and other anticoagulants (vomiting blood or what looks
  like coffee grounds, red or black tarry stools, coughing up blood, bleeding that will not stop,
  head injury); serious skin reactions (blisters, peeling skin, sores in the mouth, rash with
  fever); serotonin syndrome (agitation, hallucinations, fast heartbeat, sweating, high body
  temperature, muscle twitching or stiffness, loss of coordination, seizures); neuroleptic
  malignant syndrome (high fever, stiff muscles, confusion); opioids (slowed or stopped breathing,
  extreme sleepiness); acetaminophen (more than 4,000 mg in 24 hours; yellow skin or eyes);
  insulin and sulfonylureas (severe low blood sugar: confusion, seizures, passing out); lithium
  (diarrhoea, vomiting, coarse tremor, unsteadiness, confusion); digoxin (nausea, vomiting,
  yellow or green vision, slow or irregular heartbeat).
- ADA_HYPO: American Diabetes Association, Standards of Care, glycemic targets: level 2
  hypoglycaemia below 54 mg/dL (3.0 mmol/L); level 3: altered mental or physical state needing help.
- HUNTER: Dunkley EJC et al., The Hunter Serotonin Toxicity Criteria, QJM 2003;96:635-42;
  Levenson JL, Neuroleptic malignant syndrome, Am J Psychiatry 1985;142:1137-45.
- SEIZURE_FIRST_AID: CDC and Epilepsy Foundation seizure first aid: call 911 for a seizure that
  lasts over 5 minutes, a first seizure, repeated seizures, trouble breathing or waking after it.
- HEAD_INJURY: NICE guideline NG232 (head injury, 2023): people on anticoagulants who hit their
  head need hospital assessment; ACEP clinical policy on mild traumatic brain injury.
- IDIOMS: Merriam-Webster and Cambridge dictionaries' idiom entries ("be killing someone", "be
  dying to/for", "to die for", "scared/bored to death", "give someone a heart attack").
- ASTHMA: NAEPP Expert Panel Report 3 (2007) and GINA: an attack the quick-relief inhaler does not
  relieve, or breathlessness that stops someone finishing a sentence, needs emergency care.
- ICD_SHOCKS: Heart Rhythm Society patient guidance: call 911 after two or more shocks from an
  implanted defibrillator, or a shock followed by symptoms; AHA: systolic pressure below 90 with
  symptoms is shock.
- CHOKING: American Red Cross first aid: someone choking who cannot talk or breathe needs help now.
- LABEL_CNS_DEPRESSANTS: the boxed warning of opioid and benzodiazepine labels: taken with other central
  nervous system depressants, alcohol included, they can cause profound sedation, respiratory depression,
  coma and death.
- RESP_DISTRESS: American Academy of Pediatrics (HealthyChildren.org) and CDC guidance on RSV and
  croup: a child who grunts with each breath, whose skin pulls in between or under the ribs or at the
  neck (retractions), whose nostrils flare or who turns blue needs emergency care.
- USAN_STEMS: American Medical Association, USAN Council, "USAN stems" (the common stems of US adopted drug
  names: -olol beta blockers, -pril ACE inhibitors, -sartan, -statin, -azepam and -azolam benzodiazepines,
  -oxetine, -triptan, -prazole, -dipine, -gliptin, -xaban, -apine, -idone, -cillin, -mycin, -oxacin...): an
  unknown word with one of them is most likely a medicine.
- PET_POISON: US poison centres serve human poisonings and send pet owners to a veterinarian or an animal
  poison control centre (for example Wisconsin Poison Center, "Pet Poisoning"; ASPCA Animal Poison
  Control Center): a pet's ingestion is not a human emergency, and this check routes only to help for
  people.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CATEGORIES",
    "SIGNS",
    "Category",
    "EmergencyKind",
    "Help",
    "Sign",
    "Strength",
    "alt",
]


def alt(*items: str) -> str:
    """One non-capturing alternation of regex fragments."""
    return "(?:" + "|".join(items) + ")"


class EmergencyKind(StrEnum):
    """What kind of emergency a message describes; the order is the reporting priority."""

    SUICIDAL = "suicidal"
    CHILD_INGESTION = "child_ingestion"
    OVERDOSE = "overdose"
    UNRESPONSIVE = "unresponsive"
    BREATHING = "breathing"
    ANAPHYLAXIS = "anaphylaxis"
    SEIZURE = "seizure"
    CARDIAC = "cardiac"
    STROKE = "stroke"
    HYPERTENSIVE_CRISIS = "hypertensive_crisis"
    BLEEDING = "bleeding"
    TOXICITY = "toxicity"
    SEVERE_SKIN = "severe_skin"


class Help(StrEnum):
    """Where a category sends people first."""

    EMERGENCY = "911"
    POISON = "poison_help"
    CRISIS = "988"


@dataclass(frozen=True, slots=True)
class Category:
    """One kind of emergency: where it routes and what it rests on."""

    kind: EmergencyKind
    title: str
    help: tuple[Help, ...]
    sources: tuple[str, ...]


class Strength(StrEnum):
    """How much a sign says by itself."""

    # Reported as happening now, the sign alone is an emergency ("not breathing", "lips swelling").
    ALONE = "alone"
    # An emergency with a cause or company: a medicine or ingestion in the message, another sign, or a
    # word of severity ("very confused after taking them", "vomiting and can't stay awake").
    WITH_CAUSE = "with_cause"


@dataclass(frozen=True, slots=True)
class Sign:
    """A danger sign of one category, as a regex fragment, with where it comes from."""

    kind: EmergencyKind
    name: str
    pattern: str
    strength: Strength
    source: str
    # Signs of the same group count once when toxicity signs are counted ("sweating" and "drenched").
    group: str = ""
    # A harmless cause named in the same clause ("lips peeling from the cold").
    unless: str = ""
    # ...or anywhere in the message, for causes told apart from the sign ("I take iron and my stools are black").
    unless_in_message: bool = False


CATEGORIES: tuple[Category, ...] = (
    Category(
        EmergencyKind.SUICIDAL,
        "thoughts, intent or a plan to end one's life or to hurt oneself; looking for a lethal amount to do it",
        (Help.CRISIS, Help.EMERGENCY),
        ("CSSRS",),
    ),
    Category(
        EmergencyKind.CHILD_INGESTION,
        "a child swallowed, chewed or got into a medicine or household product not meant for them",
        (Help.POISON, Help.EMERGENCY),
        ("POISON_HELP", "APC_NPDS", "ONE_PILL"),
    ),
    Category(
        EmergencyKind.OVERDOSE,
        "a large amount taken (a handful, a whole bottle, many times the dose), or an ingestion with danger signs",
        (Help.POISON, Help.EMERGENCY),
        ("POISON_HELP", "APC_NPDS", "LABEL_OPIOID", "LABEL_LIVER", "LABEL_CNS_DEPRESSANTS"),
    ),
    Category(
        EmergencyKind.UNRESPONSIVE,
        "someone who cannot be woken, is unconscious, or is suddenly very confused",
        (Help.EMERGENCY,),
        ("POISON_HELP", "CDC_OPIOID"),
    ),
    Category(
        EmergencyKind.BREATHING,
        "breathing that is stopped, slow, shallow or a struggle; blue lips",
        (Help.EMERGENCY,),
        ("CDC_OPIOID", "LABEL_OPIOID"),
    ),
    Category(
        EmergencyKind.ANAPHYLAXIS,
        "swelling of the face, lips, tongue or throat; a severe allergic reaction",
        (Help.EMERGENCY,),
        ("ANAPHYLAXIS", "LABEL_ALLERGY"),
    ),
    Category(EmergencyKind.SEIZURE, "a seizure now", (Help.EMERGENCY,), ("SEIZURE_FIRST_AID", "LABEL_SEIZURE")),
    Category(EmergencyKind.CARDIAC, "heart attack signs; fainting", (Help.EMERGENCY,), ("AHA_MI",)),
    Category(EmergencyKind.STROKE, "stroke signs (BE-FAST)", (Help.EMERGENCY,), ("BEFAST",)),
    Category(
        EmergencyKind.HYPERTENSIVE_CRISIS,
        "a blood pressure of 180/120 or higher (160/110 in pregnancy or after birth) with symptoms",
        (Help.EMERGENCY,),
        ("AHA_BP", "ACOG_PREECLAMPSIA"),
    ),
    Category(
        EmergencyKind.BLEEDING,
        "serious bleeding, or a head injury while on a blood thinner",
        (Help.EMERGENCY,),
        ("LABEL_BLEEDING", "HEAD_INJURY"),
    ),
    Category(
        EmergencyKind.TOXICITY,
        "a toxic reaction to a medicine: serotonin syndrome, NMS, severe low blood sugar, lithium, digoxin or "
        "acetaminophen toxicity",
        (Help.EMERGENCY, Help.POISON),
        ("HUNTER", "LABEL_SEROTONIN", "LABEL_NMS", "ADA_HYPO", "LABEL_LITHIUM", "LABEL_DIGOXIN", "LABEL_LIVER"),
    ),
    Category(
        EmergencyKind.SEVERE_SKIN,
        "blistering or peeling skin, mouth or eye sores with a rash (Stevens-Johnson syndrome, TEN, DRESS)",
        (Help.EMERGENCY,),
        ("LABEL_SKIN",),
    ),
)

# --- People ---------------------------------------------------------------------------------------

# Children, by relation or by age (a minor's ingestion goes to Poison Help whatever the amount). (POISON_HELP)
CHILD = alt(
    r"(?:step-?|grand)?(?:son|daughter)s?",
    r"kids?|kiddos?|child|children|toddlers?|bab(?:y|ies)|infants?|newborns?|preschooler|twins",
    r"grand(?:kid|child|baby)s?|grandchildren|nephews?|nieces?|little (?:one|boy|girl|guy|man)|boys?|girls?",
    r"teens?|teenagers?|(?:1[0-7]|[1-9]) ?(?:yo|y/o|y\.o\.|yrs?|years?)(?: ?-?old)?|(?:1[0-7]|[1-9])-years?-old",
    r"\d{1,2} ?-?(?:months?|mos?|mths?|weeks?|wks?)(?: ?-?old)",
)
# Teenagers take adult doses and are not exploring: only an amount, a poison, a high-risk medicine or someone else's
# medicine makes their intake a poisoning. (POISON_HELP)
TEEN = r"(?:teens?|teenagers?|1[3-7] ?(?:yo|y/o|y\.o\.|yrs?|years?)(?: ?-?old)?|1[3-7]-years?-old)"
# Whose medicine: someone else's, or found.
SOMEONE_ELSES = alt(
    r"my|our|mom'?s|mum'?s|dad'?s|grandma'?s|grandpa'?s|someone'?s|somebody'?s|(?!his|her|its)\w+'s|found",
    r"by (?:mistake|accident)|accidental\w*|not (?:his|hers|theirs|prescribed)",
)
# A child found with a product, which may have been in their mouth: treated as an ingestion. (POISON_HELP)
CHILD_FOUND = alt(
    r"found (?:[\w']+ ){0,4}?(?:with|holding|chewing|eating|sucking|licking|drinking|playing with|in|into|next to)",
    r"(?:with|had|has) (?:an? |the |my |his |her |our )?(?:open|opened|empty|half[- ]empty|chewed) (?:[\w']+ ){0,2}?"
    r"(?:bottle|container|pack|packet|box|jar|tube|pod|blister)",
    r"(?:in|around|on) (?:his|her|their) (?:mouth|lips)|(?:mouth|lips|breath) (?:[\w']+ )?(?:smells?|smelled|tastes?) "
    r"(?:like|of)|(?:some|pills?|tablets?|gumm(?:y|ies)|\d+|a few|several|one|two) (?:are |is |were |was )?missing"
    r"|(?:count|there were) \d+",
    r"(?:was|were|is|been|caught (?:him|her|them)) (?:playing|messing|fiddling) with (?:[\w']+ ){0,3}?(?:pills?|meds"
    r"|medicines?|bottles?|containers?|pill ?box|organi[sz]er|blister\w*|pack|packet|patch\w*|vape)",
    r"(?:is|are|was|were) (?:now )?(?:open|opened|empty|emptied|torn open|chewed open|ripped open)",
    r"got (?:the )?(?:child ?proof |child-proof |safety )?(?:cap|lid|top) off|opened (?:the|my|a|his|her) (?:[\w']+ )"
    r"{0,2}?(?:bottle|container|jar|pack|packet|pill ?box)",
    r"(?:only|just|now) \d+ (?:left|remain\w*)|\d+ (?:are |were )?(?:left|remaining|gone)\b|there(?:'s| is"
    r"| are) (?:only )?"
    r"\d+ left",
)
# Animals are not people: their ingestions and signs go to a veterinarian, not to 911 or Poison Help. (PET_POISON)
PET = alt(
    r"dogs?|doggy|doggo|pupp(?:y|ies)|pups?|cats?|kittens?|kitty|pets?|parrots?|bird|budgie|rabbits?|bunny",
    r"hamsters?|guinea pigs?|ferrets?|horses?|pony|goats?|(?:my|our|the) (?:lab|beagle|poodle|terrier|husky|chihuahua"
    r"|retriever|shepherd|pug|corgi|dachshund)",
)
# Adults the writer speaks for. (POISON_HELP: calls are often made by someone else)
OTHER_PERSON = alt(
    r"mom|mum|mother|dad|father|husband|wife|partner|spouse|boyfriend|girlfriend|bf|gf|fianc[eé]e?",
    r"(?:best )?friend|roommate|room mate|flatmate|brother|sister|bro|sis|sibling|cousin|uncle|aunt|auntie",
    r"grandma|grandpa|grandmother|grandfather|granny|gran|nana|nan|papa|pop-pop|grandparent",
    r"neighbou?r|coworker|co-worker|colleague|patient|resident|client|guest|someone|somebody",
)
# Specific people (as opposed to "you", "someone", "a person", "people" in general questions).
PERSONAL = alt(
    r"i|i'm|i've|i'd|me|my|myself|we|we're|our|us",
    r"he|she|he's|she's|him|his|her|hers|himself|herself",
    r"they're|their|themselves",
    # "A patient", "a friend": anyone, as in a general question; "my patient" is a specific person.
    r"(?<!\ba )(?<!\ban )" + OTHER_PERSON.replace("|someone|somebody", ""),
    r"(?<!\ba )(?<!\ban )" + CHILD,
)

# --- Ingestion and exposure -------------------------------------------------------------------------

# An intake that has happened (past forms; "taking" only after "after"/"since"). (POISON_HELP)
INGESTED = alt(
    r"took|taken|tooken|had taken|swallowed|swallow(?:ed)? down|ate|eaten|chewed(?: on| up)?|popped|downed",
    r"drank|chugged|injected|shot up|snorted|smoked|ingested|consumed|necked|gulped",
    # "She has take her pills 3 times": a perfect without its participle, in simpler English.
    r"(?:has|have|had) (?:take|eat|drink|swallow|consume)",
    r"finished(?: off)?|used up|went through",
    r"(?:after|since|from) (?:taking|swallowing|eating|drinking|mixing|popping|chewing)",
    r"got into|gotten into|got ahold of|got hold of|got a hold of|licked|sucked on|bit into|bit open|mixed|combined",
    r"od'?d on|od'?ed on|overdosed on|took an overdose of",
    r"gave (?:him|her|them|my [\w']+|the (?:baby|kid|child|boy|girl|toddler|twins)|(?!me\b|us\b|you\b)[\w']+)",
    r"tok|tooked|(?:i've|i have|he's|she's|he has|she has|they've|we've|has|have|had) had",
    # Caught in the act ("was chewing on a patch", "caught him eating my pills"). (POISON_HELP)
    r"(?:was|were|is|are|been|caught (?:him|her|them|my [\w']+)|found (?:him|her|them|my [\w']+)) (?:chewing(?: on)?"
    r"|eating|sucking(?: on)?|licking|drinking|swallowing|biting)",
    r"(?:chewing|sucking|gnawing) on|put (?:[\w']+ ){0,4}?in (?:his |her |their |the |its )?mouth|sucked|bit (?:into"
    r"|open|on|off|through)|chewed",
    r"(?:was|were|got|been|accidentally|mistakenly) given",
)
# Verbs of accidental intake: a child who did this with a medicine or a product is a poisoning. (POISON_HELP)
ACCIDENTAL_VERB = alt(
    r"swallowed|swallow\w* down|ate|eaten|chewed|chewed on|chewed up|drank|got into|gotten into|got ahold of",
    r"got hold of|licked|sucked on|bit (?:into|open|on|off|through)|ingested|popped|downed|gulped|chugged|sucked",
    r"chewed",
    r"(?:was|were|is|are|been|caught (?:him|her|them|my [\w']+)|found (?:him|her|them|my [\w']+)) (?:chewing(?: on)?"
    r"|eating|sucking(?: on)?|licking|drinking|swallowing|biting)|(?:chewing|sucking|gnawing) on",
    r"put (?:[\w']+ ){0,4}?in (?:his |her |their |the |its )?mouth|take|takes|eat|eats|swallow|swallows|drink|drinks",
)
# A plain verb is a report in simpler English when the sentence says it was a mistake ("my father take his pills
# two times by mistake"). (POISON_HELP: callers of every language)
PLAIN_INTAKE = alt(r"take|takes|eat|eats|swallow|swallows|drink|drinks|taking|eating|swallowing|drinking|had")
MISTAKE = alt(
    r"by mistake|by accident|accidentally|mistakenly|wrongly|(?:an? |\d+ )(?:minutes?|mins?|hours?|hrs?) ago",
)
# In simpler English a bare verb after a third person tells what happened ("my brother eat many tablet"); a native
# habit takes an -s ("he takes"), a question or a modal an auxiliary ("does he take", "can she eat").
# (POISON_HELP: callers of every language)
BARE_THIRD_PERSON = (
    r"(?<!does )(?<!did )(?<!can )(?<!could )(?<!should )(?<!would )(?<!will )(?<!may )(?<!might )(?<!must )"
    r"(?<!to )(?<!let )(?<!make )(?<!help )(?<!n't )(?<!not )(?<!i )(?<!you )(?<!we )(?<!they )(?:he|she|(?:my|our"
    r"|his|her) [\w']+)"
    r" (?:eat|take|swallow|drink|drank|eated|taked|consume)(?= (?:many|a lot|lots|so many|too many|all|the whole|whole"
    r"|\d))"
)
# An intake told after what was taken ("16 of my lamictal gone down the hatch"): the amount is before it.
POSTPOSED_INTAKE = r"(?:gone|went|going|are|is|all) down the hatch|down the hatch"
# An auxiliary before a plain verb tells a past intake in simpler English ("I was took many", "she is drink all the
# bottle", "I did swallow 20"), when an amount follows.
AUX_INTAKE = (
    r"(?:i|he|she|they|we|(?:my|our|his|her) [\w']+) (?:was|were|is|are|am|did|do|does|has|have|had) (?:take|took"
    r"|eat|ate|drink|drank|swallow|swallowed|consume|consumed)(?= (?:many|a lot|lots|so many|too many|all|the whole"
    r"|whole|\d))"
)
# Another adult's medicine, named by its owner ("my mom's methadone", "my husbands oxycodone"): taken by the wrong
# person. (POISON_HELP)
ANOTHER_PERSONS = alt(
    r"(?:my|our|his|her|their|a|the) (?:(?:best |ex[- ]?)?(?:"
    + OTHER_PERSON.removeprefix("(?:").removesuffix(")")
    + r"))'?s|(?:someone|somebody) else'?s|not (?:mine|prescribed to me|my own)",
)
# Not the child's own medicine at its dose. (POISON_HELP: exploratory ingestions)
NOT_THEIRS = alt(
    r"my|our|your|mom'?s|mommy'?s|mum'?s|dad'?s|daddy'?s|grandma'?s|grandpa'?s|granny'?s|nana'?s|someone'?s",
    r"somebody'?s|(?!his|her|its|children|kids|infants|baby|babies|toddlers|junior)\w+'s|(?:he|she|they) found|found",
    r"accidental\w*|by (?:mistake|accident)|wrong",
    r"some|a few|several|a couple|a bunch|a handful|one of|a bottle|the bottle|an adult|adult",
    # More than one of something; a volume or a strength is a dose ("5 ml", "10 mg").
    r"(?:[2-9]|\d{2,})(?![.,]\d)(?! ?(?:ml|mls|mg|mcg|g|cc|teaspoons?|tsp|tablespoons?|tbsp|units?|%|percent|drops?"
    r"|hours?|minutes?|days?))",
    r"grown-?up|without (?:me|us|asking)|not (?:his|hers|theirs|prescribed)",
)
# How an intake happened, said anywhere in the sentence: not a dose someone gave. (POISON_HELP)
BY_ACCIDENT = alt(
    r"found|accidental\w*|by (?:mistake|accident)|got into|gotten into|got a?hold of|got a hold of|without (?:me|us)"
    r" (?:knowing|seeing|looking)|when i wasn't looking|caught",
)

# The child's own medicine as given ("took her amoxicillin for an ear infection", "swallowed his pill whole").
OWN_DOSE = alt(
    r"(?:his|her|their) (?:own |usual |normal |regular |daily |morning |evening |bedtime |night ?time |prescribed )?"
    r"(?:[\w']+ )?(?:dose|medicine|meds|medication|antibiotics?|vitamins?|prescription|pills?|tablets?|capsules?)",
    r"whole(?! (?:bottle|pack|box|sheet|strip|thing|container|jar|tube|packet))|instead of chewing|wrong (?:way|pipe)",
    r"as prescribed|for (?:his|her|their|an?) (?:[\w']+ )?(?:infection|cold|fever|cough|allergies|asthma|adhd|pain)",
    # A repeated dose of their own medicine: a double dose, which labels and poison centres treat as routine.
    r"(?:a second|another|an extra|a double|double|the same|an additional) dose|(?:dosed|gave) (?:him|her|them) twice"
    r"|twice|(?:two|2) doses",
)
# An object that only points back ("she drank some", "ate one", "swallowed it"): the substance is named elsewhere.
ANAPHORIC_OBJECT = (
    r"(?:some|it|them|one|a few|several|\d+|a bunch|all|the rest|a couple|half|what|those|these|another)\b"
)
# Beyond normal use: more than the dose, someone else's medicine. (POISON_HELP)
BEYOND_USE = alt(
    r"double|twice|extra|another|too much|too many|more than|2x|3x|a second|again|instead of",
    r"(?:mom|dad|wife|husband|friend|roommate|brother|sister|someone|somebody|grandma|grandpa|\w+)'s",
)
# Numbers that describe the intended dose, not the amount taken ("90 instead of the usual 30", "more than 10").
REFERENCE_AMOUNT = (
    r"(?:usual|normal|regular|prescribed|recommended|instead of|than|from|every|per|each|max(?:imum)?|limit(?: is)?"
    r"|up to|only|out of)(?: my| the| his| her| their)?(?: usual| normal| regular| prescribed| daily)?"
)
# What a number must not be followed by to count as a number of doses. ("took 10 days off", "10 mg")
NOT_A_COUNT = alt(
    r"mg|mcg|µg|ug|g|gram|grams|kg|ml|mls|cc|oz|ounces?|milligrams?|micrograms?|units?|iu|l|liters?|litres?",
    r"%|percent|seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|nights?|weeks?|wks?|months?|years?|yrs?",
    r"times?|x|am|pm|o'?clock|steps|miles?|km|lbs?|pounds|kilos?|degrees|points?|calories|cups?|glasses",
    r"ago|a day|per day|daily|each(?! of)|every|refills?",
    # "10 more minutes", "20 extra mg"; but "12 extra tylenol" are tablets, "15 extra strength" a product.
    r"(?:more|extra|less)(?= (?:mg|mcg|units?|ml|minutes?|mins?|hours?|hrs?|days?|weeks?|times?)\b)",
)
# Amounts that are an overdose whatever the medicine. (POISON_HELP: more than the label's maximum)
LARGE_AMOUNT = alt(
    # A container or a share of one.
    r"(?:an?|the|one|my|his|her|their|our|your|half (?:a|the|my|his|her)|\d+|several) "
    r"(?:(?:whole|entire|full|complete|new|brand new|fresh|half|rest of (?:the|my|his|her|a)) )*"
    r"(?:[\w']+ ){0,2}?(?:bottles?|packs?|packets?|box(?:es)?|containers?|blister(?: packs?| sheets?| strips?)?"
    r"|sheets?|strips?|vials?|jars?|tubs?|pill ?box(?:es)?|pill organizers?|prescriptions?|scripts?|supply|bags?"
    r"|pens?|cartridges?"
    r"|sleeves?|cards?)",
    r"(?:the|my|his|her) (?:whole|entire) (?:[\w']+ ){0,2}?(?:supply|stash|prescription|refill)",
    r"the rest of (?:the|my|his|her|their) (?:[\w']+ ){0,2}?(?:pills|meds|tablets|capsules|medicine|bottle|pack|box)",
    # Everything.
    r"all (?:of )?(?:my|his|her|their|the|those|these|our)(?: [\w']+){0,3}? [\w']+(?= left| (?:that )?(?:i|he|she"
    r"|they) (?:had|have|got)| in (?:the|my|his|her|that) | from (?:the|my|his|her) | out of )",
    # "All my xanax at once" is an overdose; "all my pills at once" can be a morning's medicines.
    r"all (?:of )?(?:my|his|her|their|the|those|these|our)(?: [\w']+){0,3}? (?!pills|meds|medications?|medicines?"
    r"|vitamins|supplements|tablets|capsules|morning|evening|night|daily|doses)[\w']+(?= at once| together| in one go"
    r"| at one go| at the same time)",
    r"all (?:of )?(?:my|his|her|their|the) (?:sleeping |sleep |pain |anxiety |nerve |heart |blood pressure |seizure "
    r"|psych |diabetes )(?:pills|meds|tablets)",
    r"all of (?:them|it)|them all|everything (?:in|from) (?:the|my|his|her) \w+|every (?:single )?(?:pill|tablet|one)",
    r"all (?:of )?(?:my|his|her|the) (?:[\w']+ )?(?:insulin|pen|vial|syringe|cartridge)s?\b",
    # A week's or a month's pills at once; "all my pills at once" can be a normal morning.
    r"(?:monday|mon) (?:through|thru|to|-) (?:sunday|sun)|(?:all|the whole|a whole|the entire) (?:week|month)(?:'s)?"
    r"(?: of)? (?:pills|meds|doses|tablets|pill ?box)|all (?:\d+|7|seven|30) days",
    # Vague but large.
    r"an? (?:whole )?(?:handful|fistful|mouthful|bunch|lot|ton|load|heap|shit ?load|shit ?ton|fuck ?ton)",
    # "So many pills"; "many tablet" in simpler English; "many pills this year" is a period, not an amount.
    r"(?:so|very|too) many (?:tablets?|pills?|capsules?|caps|tabs|of (?:them|my|his|her|the))|many (?:tablet|pill"
    r"|capsule)\b|many (?:[\w']+ )?(?:tablet|pill|capsule)\b|many of (?:them|my|his|her|the)",
    r"handfuls|lots|tons|loads|dozens|hundreds|a dozen|(?:way |far )?t(?:oo|o) (?:many|much)",
    r"(?:his |her |my |their |a |the )?(?:whole|entire|full) (?:week|month|weeks|months|days?)(?:'s|s'|')?"
    r"(?: (?:worth|supply))?",
    r"(?:a )?(?:week|month|weeks|months|\d+ days?)'?s?'? (?:worth|supply)",
    r"(?:way |much |a lot |far |so much )more (?:[\w']+ ){0,2}?than (?:usual|normal|prescribed|i should|he should"
    r"|she should|they should|recommended|i'm supposed to|the label says|the dose|my dose|i normally)",
    # Many times the dose.
    r"(?:[3-9]|\d{2,}|triple|quadruple) ?(?:times|x) (?:the|my|his|her|their|what|a|as much as)? ?"
    r"(?:[\w']+ ){0,2}?(?:dose|dosage|amount|prescribed|recommended|normal|usual|max|maximum)",
    r"(?:a |my |his |her )?triple (?:dose|dosage)",
    # The same dose taken three times or more over ("took her morning pills 3 times"). (DOSING_ERROR_RATIO)
    r"(?:[3-9]|three|four|five) times(?! (?:a|per|each|every|in a) (?:day|week|night|month))(?= |$|[.,!?])",
    r"(?:triple|quadruple|(?:[3-9]|10) ?(?:times|x)) (?:my|his|her|their|the|a) (?:usual |normal |regular "
    r"|prescribed )?[\w']+",
)
# A liquid medicine by the glass: labels dose 5 to 30 ml, so 100 ml or more at once is many doses. (POISON_HELP)
LARGE_VOLUME_ML = 100
# Adults found with emptied containers: a possible overdose for Poison Help to assess. (POISON_HELP)
FOUND_WITH_EMPTY = alt(
    r"found (?:him|her|them|my [\w']+)(?: [\w']+){0,6}? (?:with|next to|surrounded by|and) (?:[\w']+ ){0,2}?(?:empty"
    r"|opened|open) (?:pill |medicine |prescription )?(?:bottles?|packs?|packets?|blister\w*|containers?|boxes)",
    r"empty (?:pill |medicine |prescription )?(?:bottles?|packs?|blister\w*|containers?) (?:[\w']+ ){0,2}?(?:everywhere"
    r"|next to (?:him|her|them)|beside (?:him|her|them)|all around|around (?:him|her|them))",
)
# A drug name the lexicon lacks, by its USAN stem (USAN_STEMS); distinctive stems only.
DRUG_STEM = (
    r"[a-z]{2,}(?:azepam|azolam|olol|pril|sartan|statin|mycin|cillin|cycline|oxacin|oxetine|triptan|tidine|prazole"
    r"|codone|morphone|profen|barbital|dipine|formin|gliptin|glitazone|parin|xaban|gatran|setron|lukast|triptyline"
    r"|pramine|peridol|apine|idone|piclone|pidem|semide|thiazide|zosin|conazole|nidazole|fenac|oxicam|dronate"
    r"|gabalin|tiapine|afil|vudine|navir|terol|sonide)"
)

# A number of doses at or above which the amount is large (10 of anything; 5 of a high-risk medicine).
LARGE_COUNT = 10
LARGE_COUNT_HIGH_RISK = 5
# Taken at once, fewer are already too many (three fentanyl patches, six sleeping tablets).
AT_ONCE = alt(r"at once|all at once|at the same time|in one go|together|in one sitting|back to back")
LARGE_COUNT_AT_ONCE = 6
LARGE_COUNT_AT_ONCE_HIGH_RISK = 3

# Acetaminophen above the labels' 4,000 mg a day (LABEL_LIVER), taken at once.
ACETAMINOPHEN = r"(?:acetaminophen|paracetamol|tylenol|apap|panadol)"
ACETAMINOPHEN_MAX_MG = 4000
# Tablet strengths of the labels, for doses told in tablets ("4 extra strength every 4 hours"); unnamed, the
# smallest adult one. (LABEL_LIVER)
ACETAMINOPHEN_TABLET_MG = (
    (r"extra[- ]strength|x-?strength|\bes\b|500 ?mg", 500),
    (r"arthritis|8[- ]?h(?:ou)?r|650 ?mg", 650),
)
ACETAMINOPHEN_DEFAULT_TABLET_MG = 325
# An amount "instead of" the right one: this ratio or more is an overdose (POISON_HELP: dosing errors).
DOSING_ERROR_RATIO = 3

# Opioids: their labels make extreme sleepiness a danger sign however it is asked about. (LABEL_OPIOID)
OPIOID = alt(
    r"opioids?|opiates?|oxy\w*|percs?|perc\w*|roxy\w*|m30s?|fent\w*|fetty|heroin|morphine|methadone|hydrocodone",
    r"hydromorphone|dilaudid|codeine|tramadol|tapentadol|buprenorphine|suboxone|norcos?|vicodin|narcotics?|pain pills?",
)
# How people ask about a side effect: the medicine made them feel so, or is it from the medicine. With nothing taken
# beyond its use, a sign that needs a cause ("really sleepy", "so dizzy") is then a side-effect question.
SIDE_EFFECT_FRAME = alt(
    r"(?:making|makes|made|make|giving|gives|gave) (?:me|him|her|them|my [\w']+) (?:feel |so |really |very |super )*"
    r"(?:drowsy|sleepy|tired|groggy|dizzy|lightheaded|light-headed|foggy|spacey|spacy|out of it|sluggish)",
    r"(?:is|could|can|would) (?:that|this|it) (?:be )?(?:from|because of|due to|caused by|a side effect)"
    r"|side[- ]effects?|is (?:that|this|it) normal",
)

# --- Blood pressure readings (AHA_BP, ACOG_PREECLAMPSIA) --------------------------------------------

# "bp 190/125", "blood pressure is 185 over 110", "my pressure was 200/100": systolic and diastolic groups.
BP_READING = (
    r"(?:bp|b\.p\.|blood ?pressure|pressure|readings?)(?:[ ,:=-]+[a-z']+){0,4}?[ ,:=-]+(\d{2,3}) ?(?:/|over|on) ?"
    r"(\d{2,3})\b"
)
CRISIS_SYSTOLIC = 180
CRISIS_DIASTOLIC = 120
PREGNANCY_SEVERE_SYSTOLIC = 160
PREGNANCY_SEVERE_DIASTOLIC = 110
PREGNANCY = alt(
    r"pregnant|pregnancy|(?:\d{1,2}|a few) (?:weeks?|wks?|months?) (?:pregnant|along)|expecting|gave birth",
    r"(?:just |recently )?had (?:a|my|the) baby|postpartum|post-partum|after (?:giving birth|delivery|my delivery)",
)
# The symptoms that make a high reading an emergency (target-organ damage). (AHA_BP, ACOG_PREECLAMPSIA)
PRESSURE_SYMPTOM = alt(
    r"headaches?|head (?:is )?(?:pounding|throbbing|hurts|killing)|chest (?:pain|pressure|tightness|hurts|is tight)",
    r"short(?:ness)? of breath|(?:can't|cannot|hard to|trouble|struggling to) (?:breathe|breath|catch my breath)",
    r"blurr?(?:y|ed) vision|vision (?:is )?(?:blurr?(?:y|ed)|changes?|going|went)|seeing (?:spots|stars|flashes)",
    r"spots in (?:my|her) (?:eyes|vision)|can't see|numb\w*|weak(?:ness)? (?:in|on)|trouble (?:speaking|talking)",
    r"slurr\w*|confus\w*|back pain|upper (?:belly|stomach|abdominal) pain|pain under (?:my|her) ribs|nosebleed",
)
# "Took my blood pressure", "took 2 readings": a measurement taken, not a medicine.
MEASUREMENT_TAKEN = (
    r"^(?:(?:my|his|her|their|a|the|another|\d+|two|three|several|some) )?(?:[\w']+ )?(?:bp|b\.p\.|blood ?pressure"
    r"|pressure|temperature|temp|pulse|heart ?rate|blood sugar|sugar|glucose|readings?|weight|oxygen|o2|sats?"
    r"|measurements?)\b(?! (?:pills?|meds|medicine|medication|tablets?))"
)

# --- Substances --------------------------------------------------------------------------------------

# Medicine words and drug classes people use. (APC_NPDS)
MEDICINE_WORD = alt(
    r"pills?|tablets?|tabs|capsules?|caps|caplets?|meds|medicines?|medications?|drugs?|prescriptions?|scripts?",
    r"gumm(?:y|ies)|edibles?|syrup|liquid medicine|drops|patch(?:es)?|vitamins?|supplements?|lozenges?",
    r"painkillers?|pain killers?|pain pills?|pain meds?|sleeping pills?|sleep(?:ing)? (?:aids?|meds)",
    r"anxiety (?:meds|pills|medicine)|nerve pills|water pills?|heart (?:pills|meds|medicine)",
    r"blood pressure (?:pills|meds|medicine|medication)|bp (?:pills|meds)|diabetes (?:pills|meds|medicine)",
    r"sugar pills|thyroid (?:pills|meds)|seizure (?:pills|meds|medicine)|psych meds|antidepressants?",
    r"antipsychotics?|benzodiazepines?|opioids?|opiates?|narcotics?|stimulants?|muscle relaxers?|blood thinners?",
    r"antihistamines?|allergy (?:pills|meds|medicine)|cold medicine|cough (?:syrup|medicine)|iron pills?",
    r"birth control(?: pills)?|insulin|inhaler|antibiotics?|steroids?|chemo",
    r"beta[- ]?blockers?|ace inhibitors?|calcium channel blockers?|statins?|ssris?|snris?|maois?|tricyclics?|nsaids?",
    r"diuretics?|anticonvulsants?|antiepileptics?|mood stabili[sz]ers?|sedatives?|hypnotics?|tranquili[sz]ers?",
    r"antiemetics?|anti-?nausea (?:pills|meds)|laxatives?|decongestants?|sleep(?:ing)? (?:tablets|medicine)",
)
# Everyday names for medicines most often involved in overdoses, for when no catalog is at hand. (APC_NPDS)
COMMON_DRUG = alt(
    r"tylenol|acetaminophen|paracetamol|panadol|excedrin|advil|motrin|ibuprofen|aleve|naproxen|aspirin|bayer",
    r"benadryl|diphenhydramine|nyquil|dayquil|zzzquil|unisom|doxylamine|dramamine|melatonin|robitussin|tylenol pm",
    r"xanax|alprazolam|valium|diazepam|klonopin|clonazepam|ativan|lorazepam|ambien|zolpidem|restoril|temazepam",
    r"oxycodone|oxycontin|percocet|vicodin|norco|hydrocodone|morphine|fentanyl|methadone|tramadol|ultram|codeine",
    r"dilaudid|hydromorphone|suboxone|buprenorphine|subutex|heroin|kratom|gabapentin|neurontin|lyrica|pregabalin",
    r"seroquel|quetiapine|zoloft|sertraline|prozac|fluoxetine|lexapro|escitalopram|celexa|citalopram|paxil",
    r"wellbutrin|bupropion|trazodone|amitriptyline|nortriptyline|elavil|lithium|lamictal|lamotrigine|depakote",
    r"adderall|ritalin|vyvanse|concerta|metformin|glipizide|glyburide|insulin|lisinopril|amlodipine|metoprolol",
    r"propranolol|clonidine|digoxin|warfarin|coumadin|eliquis|xarelto|iron|ferrous sulfate|prednisone|imodium",
    r"loperamide|claritin|zyrtec|allegra|sudafed|coricidin|dextromethorphan|dxm|thc|cbd|marijuana|weed|cannabis",
)
# Street names and slang (DEA_SLANG), and shorthand people use for the same drugs.
STREET_NAME = alt(
    r"benzos?|xans?|xannies|zannies|zans?|bars|xanax bars|footballs|ladders|klonnies|k-?pins|vals|vallies",
    r"percs?|perc 30s|percocets|roxys?|roxies|oxys?|oxies|blues|m30s?|30s|vikes|vicos|norcos|hydros|lortabs?",
    r"fent|fetty|fenty|china white|dope|smack|tar|h|boy|heroine|morph|m&ms|dillies|subs|strips|bupe",
    r"lean|purple drank|drank|sizzurp|syrup|tussin|robo|dex|triple c'?s|skittles|cough syrup",
    r"molly|mdma|ecstasy|e|x|rolls|beans|coke|cocaine|crack|blow|meth|crystal|ice|tina|speed|uppers|downers",
    r"addys?|addies|adderal|ket|ketamine|special k|k|ghb|g|acid|lsd|tabs|shrooms|mushrooms|dmt|pcp|spice|k2",
    r"gabbies|gabas|johnnies|trams|tramadols|somas?|quells?|seros|edibles?|carts?|dabs?|gummies|pills",
)
# High-risk medicines: dangerous in small amounts, and one tablet can kill a toddler. (ONE_PILL, CDC_OPIOID)
HIGH_RISK = alt(
    r"opioids?|opiates?|oxy\w*|percs?|perc\w*|roxy\w*|blues|m30s?|fent\w*|fetty|heroin|dope|morphine|methadone",
    r"hydrocodone|hydromorphone|dilaudid|codeine|tramadol|tapentadol|buprenorphine|suboxone|subutex|subs|norcos?",
    r"vicodin|vikes|lean|benzos?|xan\w*|zan\w*|bars|klonopin|clonazepam|valium|diazepam|ativan|lorazepam",
    r"alprazolam|sleeping pills?|ambien|zolpidem|clonidine|amitriptyline|nortriptyline|imipramine|doxepin",
    r"verapamil|diltiazem|nifedipine|amlodipine|propranolol|metoprolol|glipizide|glyburide|glimepiride",
    r"sulfonylureas?|insulin|digoxin|lithium|iron|camphor|oil of wintergreen|methyl salicylate|benzocaine",
    r"lomotil|diphenoxylate|colchicine|flecainide|theophylline|bupropion|wellbutrin|seroquel|quetiapine",
)
# Household and other poisons a poison centre takes calls for. (APC_NPDS, POISON_HELP)
# Products toxic at any age when swallowed: caustics, alcohols, hydrocarbons, pesticides. (APC_NPDS, POISON_HELP)
TOXIC_PRODUCT = alt(
    r"bleach|drain cleaner|oven cleaner|toilet (?:bowl )?cleaner|antifreeze|windshield (?:washer )?fluid|lamp oil",
    r"lighter fluid|kerosene|gasoline|paint thinner|rat poison|mouse poison|rodenticide|pesticides?|insecticides?",
    r"weed ?killer|roundup|methanol|rubbing alcohol|isopropyl|lye|ammonia|(?:laundry|dishwasher|detergent|tide) "
    r"(?:pods?|detergent|packets?)|button batter(?:y|ies)|ethylene glycol|wood alcohol|paraquat",
    r"(?:pool|hot tub|spa) (?:shock|chlorine|tabs|tablets|chemicals?)|chlorine|muriatic acid|hypochlorite|caustic"
    r"|degreaser|solvents?",
)
# Also dangerous for a child in small amounts. (APC_NPDS: the most common exposures of children under 6)
POISON = alt(
    TOXIC_PRODUCT,
    r"cleaning (?:products?|spray|fluid|supplies|stuff|solution|wipes)|under the sink|pods|ant (?:bait|poison)"
    r"|(?:coin|lithium|watch|hearing aid) batter(?:y|ies)",
    r"batter(?:y|ies)|magnets?|nicotine|vapes?|vape (?:juice|liquid|pods?)|juul|e-?cig\w*|e-?liquid|e-?juice",
    r"cigarettes?|nicotine gum|cigars?|tobacco|snus|zyn|nicotine pouch(?:es)?",
    r"hand sanitizer|mouthwash|mushrooms?|essential oils?|eucalyptus oil|tea tree oil|superglue|glue",
    r"nail polish remover|acetone|hydrogen peroxide|bug spray|mothballs|(?:dish|hand|laundry) soap|chemicals?",
    # Spirits: a small drink is a poisoning for a small child (low blood sugar, drowsiness). (APC_NPDS)
    r"vodka|whiske?y|rum|gin|tequila|bourbon|brandy|liquor|everclear|moonshine",
)
# Blood thinners: with a head injury or heavy bleeding, a hospital now. (LABEL_BLEEDING, HEAD_INJURY)
ANTICOAGULANT = alt(
    r"warfarin|coumadin|jantoven|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban|savaysa",
    r"heparin|enoxaparin|lovenox|fondaparinux|clopidogrel|plavix|ticagrelor|brilinta|prasugrel|effient",
    r"blood ?thinners?|anticoagulants?|thinners",
)
# Central nervous system depressants whose labels warn against alcohol and each other. (LABEL_CNS_DEPRESSANTS)
SEDATIVE = alt(
    r"opioids?|opiates?|oxy\w*|percs?|perc\w*|roxy\w*|blues|m30s?|fent\w*|fetty|heroin|dope|morphine|methadone",
    r"hydrocodone|hydromorphone|dilaudid|codeine|tramadol|tapentadol|buprenorphine|suboxone|norcos?|vicodin|vikes|lean",
    r"benzos?|xan\w*|zan\w*|bars|klonopin|klonnies|clonazepam|valium|vals|diazepam|ativan|lorazepam|alprazolam",
    r"temazepam|restoril|sleeping pills?|sleep(?:ing)? (?:aids?|meds)|ambien|zolpidem|lunesta|eszopiclone",
    r"gabapentin|neurontin|gabbies|pregabalin|lyrica|somas?|carisoprodol|muscle relaxers?|seroquel|quetiapine",
    r"phenobarbital|barbiturates?|ghb|g|ketamine|ket|downers|trazodone|benadryl|diphenhydramine|zzzquil|unisom",
    r"nyquil|doxylamine|tylenol pm|advil pm|promethazine|phenergan|hydroxyzine|zopiclone",
)
ALCOHOL = alt(
    r"alcohol|booze|liquor|vodka|whiske?y|rum|gin|tequila|bourbon|brandy|cognac|henny|hennessy|everclear|moonshine",
    r"beers?|wine|shots?|drinks|a fifth|fifth|a handle|a 40|forties|white claws?|seltzers|ciders?|sake|soju",
    r"(?:got|was|been|am|i'm|is|he's|she's) (?:really |so |super )?(?:drunk|wasted|hammered|smashed|trashed)",
)
# Symptoms that are mild alone but with sedatives and alcohol together are depression setting in.
# (LABEL_CNS_DEPRESSANTS: profound sedation)
SEDATION = alt(
    r"dizzy|spinning|woozy|sleepy|drowsy|groggy|sedated|nodding|wobbly|floaty|heavy|slurr\w*|slow|sluggish",
    r"out of it|(?:can't|cannot|can barely|can hardly) (?:stand|walk|stay awake|keep (?:my|his|her) eyes open|think)",
    r"(?:blacking|passing|zoning) out|fading|numb|high as|fucked up|messed up|so high|really high",
)
# More than one dose, or a vague several: beyond a dose taken as directed.
SEVERAL = r"(?<![\w.])(?:[2-9]|[1-9]\d)(?![\w.])|a few|several|a couple|a bunch|some of|handful"

# Drinks that are not an overdose by the bottle ("drank a whole bottle of water").
HARMLESS_DRINK = (
    alt(r"water|juice|soda|pop|coke zero|milk|tea|coffee|gatorade|electrolytes?|pedialyte|smoothie|shake|beer|wine")
    + r"(?! (?:pills?|tablets?|capsules?|meds|medicine))"  # "water pills" are diuretics
)

# --- Suicide risk (CSSRS) ---------------------------------------------------------------------------

_ONESELF = r"(?:myself|himself|herself|themselves|themself|ourselves|my ?self)"
_WANT = (
    r"(?:wants?|wanna|wanted|wish(?:es)?|wishing|needs?|needed|going|gonna|planning|plans?|ready|trying|tries|tried"
    r"|about|decided|intends?|intending|will|'ll)"
)
# Wish to be dead, active thoughts, intent (C-SSRS items 1-4); strong enough alone.
SUICIDAL_INTENT = alt(
    rf"(?:kill|killing|killed|hurt|hurting|harm|harming|cut|cutting|burn|burning|off|offing|unalive|end) {_ONESELF}",
    r"self[- ]?harm(?:ing)?|kms|kys myself|suicid(?:e|al)(?! (?:prevention|hotline|line|rates?|risk|warning))",
    r"(?:end|ending|ended|take|taking) (?:my|his|her|their) (?:own )?li(?:fe|ves)",
    # Wanting to die, not fearing it: "this stomach bug makes me feel like I'll die" is not intent.
    r"(?:wants?|wanna|wanted|wish|wishes|wishing|ready|needs?) (?:to )?(?:just )?(?:die|be dead|not be alive)",
    r"(?:i'm|i am|he's|she's) (?:so )?(?:done|finished|through) (?:living|with (?:life|living|being alive))",
    r"(?:knife|blade|razor|glass|scissors) (?:to|on|into|across) (?:my|his|her|their) (?:wrists?|arms?|throat|skin"
    r"|legs?|thighs?)|slit (?:my|his|her|their) (?:wrists?|throat)",
    r"(?:has|have|'s|'ve|had) been (?:cutting|burning|hurting)(?: (?:himself|herself|themselves|myself))?(?! (?:the|my"
    r"|his|her|them|it|pills?|tablets?|back|down|out|up|on|costs?))",
    r"wish(?:es|ed)? (?:i|he|she|they) (?:was|were|could be|had) (?:dead|never been born)",
    r"(?:been |keeps? |started |is |am |i'm |she's |he's )(?:cutting|carving|burning|scratching) (?:into )?(?:his|her"
    r"|my|their) (?:arms?|wrists?|legs?|thighs?|skin|stomach|body|hips?)",
    r"better off (?:dead|without me|gone)|(?:everyone|they|family)(?: [\w']+)? (?:would|will|'d) be better off",
    r"(?:don't|do not|never) want to (?:live|be alive|exist|wake up|be here)(?: anymore| any more)?",
    r"(?:want|wanna|hope|hoping|wish) (?:i|he|she)? ?(?:to )?(?:don't |won't |never |not )?(?:wake up|wake)"
    r"(?: again| tomorrow)?(?!\w)",
    r"sleep (?:and|&) (?:not|never) wake(?: up)?|sleep forever|never wake up again",
    # A method with intent: cutting, jumping, hanging, a weapon. (CSSRS: method, intent)
    r"(?:going to|gonna|want to|wanna|about to|plan(?:ning)? (?:to|on)|will|decided to|i'll) (?:cut|jump|hang"
    r"|shoot|drown|slit)(?: myself)?(?= tonight| again| today| now| deep| later|$|[.,!])",
    r"(?:cut|cutting|slit|slitting) (?:again|tonight|deep(?:er)?|my (?:wrists?|arms?|legs?|thighs?|throat))",
    r"(?:drive|driving|crash|crashing|steer|steering) (?:my |the |his |her )?(?:car|truck) (?:off|into) (?:a |the )?"
    r"(?:bridge|cliff|wall|tree|river|lake|traffic|the water)|(?:step|walk|stepping|walking) in front of (?:a |the )?"
    r"(?:train|bus|truck|car)",
    r"(?:jump|jumping) (?:off|from|in front of) (?:a |the |my |our |this )?(?:bridge|building|roof|train|balcony"
    r"|cliff|car|bus|overpass|parking garage|window)",
    r"(?:hang|hanging) myself|(?:a |the |my )(?:rope|noose) (?:[\w']+ ){0,3}?(?:ready|tied|up)|(?:gun|pistol|rifle)"
    r" (?:[\w']+ ){0,3}?(?:to my head|in my mouth|loaded|ready)",
    r"(?:the |a |my )?(?:blade|razor) (?:is |are )?(?:right )?(?:next to|beside|in|on|with) (?:me|my)",
    r"(?:life|living|it) (?:isn't|is not|ain't|not|is no longer) worth (?:living|it anymore|it any more)",
    r"no (?:reason|point)(?: for me)? (?:to|in|of) (?:keep |go on |going on |still )?(?:living|live|going on|being"
    r" alive|being here|stay(?:ing)? alive|be(?:ing)? here)|nothing (?:left )?to live for",
    r"(?:can't|cannot|can not) (?:go on|keep going)(?: anymore| like this| living)?",
    r"(?:ending|end|finish|finishing) (?:it|things|everything)(?: all)?(?: for good| tonight| today| now"
    r"| this (?:weekend|week|time)| tomorrow| soon)",
    r"(?:decided|ready|going|gonna|planning|plan) to end (?:it|things|everything)",
    r"decided (?:that )?(?:tonight|today|tomorrow|this weekend)(?:'s| is) the (?:night|day)",
    r"i'm (?:gonna |going to )?(?:end|ending) it(?: all)?(?! with| for)",
    r"end it all|ending it all|be done with (?:it all|life|everything)|want (?:it|everything) (?:all )?to (?:be over"
    r"|end|stop)",
    r"(?:texted|messaged|wrote|sent|called|posted|left|recorded)(?: me| us| her| him)?(?: to say)? (?:a |his |her )?"
    r"goodbye(?: message| note| text| post| video)?",
    r"(?:say|said|saying) (?:my )?goodbyes?|this is (?:my )?goodbye|won't be (?:here|around) (?:much longer|tomorrow"
    r"|anymore)",
    r"(?:wrote|writing|left) (?:a|my) (?:suicide )?note|overdos\w* on purpose|od on purpose|od'?ing on purpose",
    rf"{_WANT} (?:to )?(?:overdose|od)\b",
    r"(?:thinking (?:about|of)|considering|contemplating|tempted to|fantasi[sz]ing about) (?:just )?(?:taking"
    r"|swallowing|downing|injecting|overdosing on|od'?ing on) (?:all|every|the whole|a whole|the entire|enough"
    r"|them all|\d{2,})",
    rf"{_WANT} (?:to )?(?:just )?(?:take|swallow|down|inject|shoot up|drink|use|overdose on|od on) (?:all|every"
    r"|the whole|a whole|the entire|an entire|enough|them all|a bunch|a handful|\d{2,})",
)

# Saying one will not be there: intent when despair comes with it; alone it may be a trip. (CSSRS; 988: saying
# goodbye, talking about not being around)
FUTURE_ABSENCE = alt(
    r"(?:not going to|not gonna|won't|will not|wont|i'll not) be (?:here|around|alive)(?! (?:to pick|at|for the|in"
    r" (?:town|the office)))",
    r"(?:you|they|nobody|no one) (?:won't|will not|will never|'ll never) (?:hear from|see) me again",
    r"won't need (?:my |any |these |them |it |more )?(?:refills?|meds|pills|medicine|them|it)?(?: anymore| after)",
    r"(?:i'll|i will|i'm gonna|i'm going to) (?:take care of|handle|deal with|sort) (?:it|this|everything)(?: myself)?"
    r" (?:tonight|today|tomorrow|soon|for good|once and for all)",
)

# Preparation and plans (C-SSRS items 5-6): with a means or a time, intent.
SUICIDE_PREPARATION = alt(
    r"(?:pills|meds|tablets|them) (?:all )?(?:lined up|counted out|laid out|ready|in front of me|in my hand)",
    r"gave away (?:my|his|her) (?:things|stuff)",
    r"giv(?:e|en|ing) (?:away )?(?:all )?(?:my|his|her) (?:things|stuff|belongings|possessions|pets?)(?: away)?",
    r"(?:pills|meds|tablets|doses) (?:saved|stashed|hidden|put aside|set aside)",
    r"(?:i'm|i am) (?:thinking (?:about|of)|considering|contemplating|tempted to) (?:just )?(?:taking|swallowing)"
    r" (?:all|every|the whole|a whole|enough|them all)",
    r"(?:got|have|bought) (?:enough|all the) (?:pills|meds)|counted out (?:my|the|all)",
    r"(?:got|bought|have|found|picked up|ordered) (?:a |the |some )?(?:rope|noose)\b",
    # Arrangements for after: who takes the pets, the children. (CSSRS: preparatory behaviour)
    r"(?:what to do|who (?:will|can|should) (?:take|look after|feed)|take care of|look after) (?:with )?my (?:cats?"
    r"|dogs?"
    r"|pets?|kids|children) (?:after|when i'm gone|once i'm gone)|when i'm gone|after i'm gone",
    r"(?:i )?(?:have|got) everything i need(?! for| to (?:make|cook|bake|start|get))",
)
# Keeping medicines back: preparation (C-SSRS item 6) when despair or a plan comes with it; people also keep
# leftovers for later illnesses or against price rises.
STOCKPILING = alt(
    r"stockpil\w+|sav(?:ed|ing) up (?:all )?(?:my |his |her |the )?(?:[\w']+ )?(?:pills|meds|tablets|doses|\w+)(?= for"
    r"| until| so)|hoard\w*|been saving (?:my |his |her )?(?:[\w']+ )?(?:pills|meds|tablets|\w+ pills)|(?:hiding|hidden"
    r"|hid|stashed|stashing) (?:my |his |her |some )?(?:[\w']+ )?(?:pills|meds|tablets)",
    r"(?:a |her |his |my )?stash of (?:[\w']+ )?(?:pills|meds|tablets)|collect(?:ed|ing) (?:my |all )?(?:pills|meds)",
)
# A plan for kept medicines. (C-SSRS item 5: intent with a plan)
SUICIDE_PLAN = alt(
    r"plans? (?:to|on) (?:use|using|take|taking|swallow|down)|planning (?:to|on) (?:use|using|take|taking)",
    r"(?:going|gonna) to (?:use|take|swallow) (?:them|it|all)|when the time comes|(?:for|when) (?:i'm|i am) ready",
    r"(?:talk|stop) me out of (?:it|this)|(?:my )?mind is made up|made up my mind",
)
# Hopelessness and burden (988 warning signs): intent with a means or a plan in the same message.
SUICIDAL_DISTRESS = alt(
    r"(?:can't|cannot) (?:do this|take (?:it|this)|handle (?:it|this)|live like this)(?: anymore| any more)",
    r"(?:no|don't see (?:a|any|another)|there's no (?:other)?) (?:other )?(?:way out|point anymore|future)|(?:i'm"
    r"|i am) (?:a burden|done|tired of living)",
    r"(?:feel|feeling) like (?:a|such a|i'm a|i am a) burden|(?:i'm|i am) (?:just )?a burden",
    r"what'?s the point|no point (?:anymore|refilling|taking|in taking)|don't care (?:if i|anymore)",
    r"(?:want|wanna|need) (?:all of |all )?(?:it|this|everything|the pain)(?: all)? (?:to )?(?:stop|end|be over"
    r"|go away)|disappear forever",
    r"(?:won't|will not|wouldn't) need (?:them|it|these|my \w+) (?:anymore|after)|i'?m ready(?: to go)?(?=$|[.,!?])",
    r"(?:want|need) out(?! of)|(?:tonight|today|this)(?:'s| is) the (?:night|day)|don't care (?:anymore|what happens)",
    r"(?:when|once) i'?m ready to go|(?:ready|time) to (?:go|leave) (?:for good|this world)",
    r"(?:i'm|i am|im) (?:so )?(?:done|finished) (?:with (?:everything|it all|life|this life)|for good)",
    r"tired of (?:this life|living|being alive|everything)|(?:life|everything) is (?:pointless|hopeless)",
    r"(?:nobody|no one|no-one) (?:would|will|'d) (?:even )?(?:notice|care|miss me)|(?:if|when) i(?:'m| am| was| were)"
    r" gone|done pretending",
)
# Food, drink and pastimes people "overdose" on in a figure of speech ("OD'd on sugar at the party").
FOOD_LIKE = alt(
    r"caffeine|coffee|espresso|sugar|chocolate|candy|sweets|energy drinks?|red bull|monster|tea|soda|junk food",
    r"carbs|pizza|netflix|tv|tiktok|youtube|social media|work|studying|gym|cardio|sun|sunshine|love|drama",
    r"food|chips|cake|ice cream|fries|dessert|cookies|burgers?|turkey|spicy food|cheese|bread|pasta|fruit|salt",
)
# Asking for the way to do it is intent even when asked impersonally (C-SSRS: method).
METHOD_SEEKING = alt(
    r"(?:best|easiest|quickest|fastest|painless|least painful|surest|most effective|most reliable|simplest|quietest)"
    r" (?:way|method|means|pills?|drugs?|meds) to (?:overdose|od|die|kill (?:myself|yourself|oneself)|end (?:it|my"
    r" life|things|your life)|commit suicide)",
    r"how (?:do|can|could|would|should) (?:i|you|one) (?:overdose|od|kill (?:myself|yourself)|end (?:it all|my"
    r" life|your life)|commit suicide)(?! by accident| accidentally)",
)
# Asking for an amount that kills (C-SSRS: method); intent when a purpose or first person comes with it.

LETHAL_QUESTION = alt(
    r"how (?:many|much)\b.{0,50}?\b(?:would|will|does|do|could|to|it takes?|until|till|before|enough|needed|need)",
    r"(?:what|which) (?:is|'s|would be)? ?(?:a |the )?(?:lethal|fatal|deadly|killing|overdose) (?:dose|amount|number)",
    r"(?:lethal|fatal|deadly) (?:dose|amount|number|quantity|combo|combination|mix)",
    r"(?:what|which)(?: [\w']+){0,4}? (?:would|will|could|can|might) (?:[\w']+ ){0,2}?(?:kill|end|stop|be (?:fatal"
    r"|lethal|deadly)|be (?:the )?"
    r"(?:most|least|best|fastest|quickest|easiest))",
    r"(?:what|which)(?:'s| is)?(?: the| a)? (?:amount|dose|number|quantity|combination|combo|mix|pills?|meds|drugs?)"
    r"\b.{0,50}?\b(?:would"
    r"|will|could|to|is|for|kills?|is fatal|is lethal|is deadly)\b",
    r"(?:is|are|would|will) (?:\d+|this|that|these|those)\b.{0,40}?\benough\b",
    r"(?:number|amount|dose|quantity|count) of (?:[\w']+ ){0,3}?(?:that|which|to|it takes to)(?:'ll| will| would"
    r"| could)?"
    r" (?:kill|stop|end|be (?:fatal|lethal|deadly))",
    r"(?:would|will|could|can|is|are) (?:\d{2,}|all|these|those|this|that|the whole bottle|a whole bottle)\b.{0,40}?"
    r"\b(?:kill|finish|end|do it|do the job|be fatal|be lethal|be deadly)",
    r"enough (?:pills|meds|tablets|of (?:my|them|it|these|those|\w+))\b.{0,30}?\bto\b",
    r"(?:enough|sufficient) (?:[\w']+ ){0,3}?to (?:kill|end|finish|stop)\b",
    r"(?:easiest|best|quickest|fastest|painless|least painful|surest|most effective|most reliable|simplest"
    r"|quietest) (?:way|method|pills?|drugs?)",
    r"(?:possible to|can you|could you|can i|could i|would i|will i|can someone|could someone) die (?:from|of|if|by)",
    # "If I swallow every one of them tonight, will it hurt?": a plan asked as a question.
    r"if (?:i|he|she) (?:take|took|swallow|swallowed|od on|overdose on|down|mix|mixed|combine|inject|shoot|snort"
    r"|drink) (?:all|every|the whole|a whole|my whole|my entire|his whole|her whole"
    r"|the entire|\d{2,}|enough)",
    r"will (?:it|that|i|this) (?:be painless|hurt|kill|work|be enough|be quick|be fatal)",
)
# Asking what amount of one's own medicine would kill is method seeking for oneself (C-SSRS: method), unless the
# message is about another person, a child or a pet.
LETHAL_WORD = alt(
    r"kill\w*|die|dead|death|fatal|lethal|deadly|(?:never|not) wake(?: up)?|stop (?:my|the|your) heart",
)
MY_MEANS = alt(
    r"(?:of|from|with) my (?:own |whole |entire )?|my own (?:[\w']+ )?(?:pills|meds|medications?|prescriptions?"
    r"|supply)",
    r"i (?:have|'ve got|got) (?:here|at home|left|in the house)|(?:would|do|will|should) i (?:need|have) to (?:take"
    r"|swallow|inject|use|down)|i'?d (?:need|have) to (?:take|swallow|inject)",
)

# The purpose that turns a question about amounts into intent.
LETHAL_PURPOSE = alt(
    # "Can you die from a whole pack? I want to." / "Need to know for tonight."
    r"(?:i|i really|i just) (?:want|wanna|need)(?: to)?(?= ?[.!?]|$)|(?:need|want) (?:it|this|to know)? ?(?:for|by"
    r"|before)"
    r" tonight",
    r"will (?:it|that|this|i) be (?:quick|painless|fast|peaceful)(?! to)",
    r"(?:talk|stop) me out of (?:it|this)|(?:my )?mind is made up|made up my mind",
    r"(?:go to |fall a)?sleep (?:for good|forever|and (?:never|not) wake)",
    r"to (?:just |simply |finally |quietly |peacefully )?(?:die|kill (?:me|myself|my ?self)|end (?:it|my life|things"
    r"|everything)|not wake up|never wake up|be dead|go to sleep forever|stop (?:my|his|her) (?:heart|breathing))",
    r"(?:kill|end|stop) (?:me|myself|my (?:life|heart|breathing))|(?:peaceful|painless|quick|quickest|easy|easiest"
    r"|best|gentle) way to (?:go|die|do it|end it|check out)|way (?:out|to go)\b",
    r"(?:not|don't want to|without) (?:be(?:ing)? )?found|(?:be|being) gone",
    r"(?:make sure|makes sure|ensure|until|so) (?:that )?(?:it's|it is|it'll be|everything's|i'm|i am) (?:over|done"
    r"|finished|gone|dead)",
    r"(?:so|make sure|makes sure|ensure|guarantee|to be sure)(?: that)? (?:i|he|she) (?:don't|won't|never|do not"
    r"|will not|wouldn't|doesn't) wake(?: up)?|and (?:not|never) wake up|not to wake up",
    r"finish (?:me|myself|things|it|everything)(?: off| for good)?",
    r"(?:kill|end) (?:me|myself|it all)|to be over|for good|permanently|peacefully|painless(?:ly)?|in my sleep",
    r"without (?:anyone|anybody|them) (?:knowing|finding)|before (?:anyone|they) (?:finds?|find|notices?)",
    r"asking for (?:myself|me)|for (?:me|myself) to (?:take|use)|before (?:tonight|tomorrow|the morning)",
    r"kill (?:a person|someone|somebody|an adult|a man|a woman) (?:my|of my) (?:size|weight|age)",
    r"(?:because|cause|'cause|since) (?:i|i really) (?:want|wanna) (?:to|it)(?: die| end)?",
    r"(?:will|would|could|do) i die|(?:will|would|could) (?:it|that|this|they) kill me",
    r"won'?t (?:be saved|survive)|can'?t be saved|(?:for|on) me\b.{0,20}?\b(?:tonight|to die)",
)

# --- Danger signs --------------------------------------------------------------------------------------

_BE = r"(?:is |are |was |were |'s |'re |am |i'm |has been |have been |been |keeps? |kept |started |starting |getting |"
_BE += r"seems? |looks? |look |feels? |feel |went |turned |turning |gone |going |got |get |is getting |is going )?"
_VERY = r"(?:very |really |so |super |extremely |completely |totally |badly |kinda |kind of |a lot |pretty |too )?"
_WHO = r"(?:him|her|them|my \w+|his|the baby|the kid|the child|my \w+ \w+)"
_SIDE = r"(?:one|1|the (?:left|right)|his (?:left|right)|her (?:left|right)|my (?:left|right)|left|right)"
_SUDDEN = r"(?:suddenly|sudden|all of a sudden|out of nowhere|just now)"
# One word between a body part and its sign that is not a negation ("face just drooping", not "face not drooping").
_FILLER = r"(?:(?!(?:not|no|never|isn't|wasn't|aren't|weren't|doesn't|don't|didn't|haven't|hasn't|ain't)\b)[\w']+ )"


def _s(
    kind: EmergencyKind,
    name: str,
    pattern: str,
    strength: Strength,
    source: str,
    group: str = "",
    unless: str = "",
    *,
    unless_in_message: bool = False,
) -> Sign:
    return Sign(kind, name, pattern, strength, source, group, unless, unless_in_message)


# Everyday causes of peeling or sore skin and lips: not a drug reaction.
_BENIGN_SKIN = (
    r"chapped|sunburn\w*|sun ?burn\w*|from the (?:cold|sun|wind|heat|beach|pool)|dry (?:skin|lips|air)|windburn"
    r"|eczema|dandruff|psoriasis|(?:chemical )?peel(?:ed)? at|after (?:a |the )?(?:peel|shave|waxing|sunburn|burn)"
    r"|blister from (?:my |new )?shoes|(?:my|new) shoes|cold sores?|fever blisters?|poison ivy|athlete'?s foot"
)


# Chest soreness with a cause of its own named in the same clause ("sore from coughing all week"). (AHA_MI lists
# pressure, squeezing and pain that come with exertion or at rest, not a strained muscle)
_BENIGN_CHEST = (
    r"from (?:all (?:the|this|that) |the |my |a )?(?:cough\w*|sneez\w*|lifting|working out|the gym|exercise|workout"
    r"|heartburn|a fall)|(?:pulled|strained) (?:a |my )?(?:chest )?muscle"
)

_K = EmergencyKind
_A = Strength.ALONE
_C = Strength.WITH_CAUSE

SIGNS: tuple[Sign, ...] = (
    # --- Someone who cannot be woken or is unconscious: 911 always. (POISON_HELP, CDC_OPIOID)
    _s(
        _K.UNRESPONSIVE,
        "unresponsive",
        r"un-?responsive|unconscious|unconcious|out cold|comatose|in a coma",
        _A,
        "CDC_OPIOID",
    ),
    _s(
        _K.UNRESPONSIVE,
        "cannot_wake",
        alt(
            rf"(?:can't|cannot|can not|couldn't|could not|unable to|not able to|trying to) (?:wake|rouse|get) {_WHO}"
            r"(?: up)?",
            r"(?:won't|will not|isn't|is not|not|doesn't|does not|wont) (?:wake|waking|wakening|waking up|wake up"
            r"|stay awake|staying awake|respond|responding|react|reacting|open (?:his|her|their) eyes|come to"
            r"|answer(?:ing)?(?: me| us| when)?|talk(?:ing)? to (?:me|us))",
            r"(?:can't|cannot|can not|couldn't|unable to|hard to|struggling to) (?:stay|keep) (?:awake|(?:his|her"
            r"|their|my) eyes open)",
            rf"(?:can't|cannot|can not|couldn't|unable to|hard to|struggling to) (?:keep|get) {_WHO} (?:awake|to wake"
            r"|to respond|to answer|to open (?:his|her|their) eyes)",
            r"(?:no|not) (?:response|responding|reacting)|barely (?:conscious|responsive|awake|responding)",
            r"(?:not|isn't|is not|wasn't|no longer|not really) (?:responsive|conscious|alert|with it)",
            r"(?:hard|difficult|impossible|tough) to (?:wake|rouse|arouse)(?: up)?",
            r"(?:keeps?|kept|is) (?:nodding|passing|blacking|zoning) (?:off|out)|nodding out"
            r"|in and out of consciousness",
            r"(?:he|she|they|the baby|my (?!bowels?|stomach|gut|stools?|poop|car|phone)[\w']+)(?:'s|'re| is| are"
            r"| has| just)? (?:not"
            r"|no longer|isn't|stopped|has stopped)"
            r" moving\b(?! (?:his|her|my|their) (?:bowels|arm|leg|hand))",
            rf"{_VERY}(?:limp|floppy)\b|slumped over|(?:passed|blacked) out (?:cold|and (?:won't|can't|isn't|not))",
        ),
        _A,
        "CDC_OPIOID",
    ),
    _s(
        _K.UNRESPONSIVE,
        "collapsed",
        r"(?:just |has |have |had )?(?:collapsed|fainted|passed out|blacked out|lost consciousness|keeled over)",
        _A,
        "POISON_HELP",
    ),
    _s(
        _K.UNRESPONSIVE,
        "acute_confusion",
        alt(
            r"(?:doesn't|does not|didn't|don't|can't) (?:know|recogni[sz]e|remember) (?:where|who|what|me|us|his|her"
            r"|my name|what day)",
            r"(?:isn't|is not|not) making (?:any )?sense|talking (?:nonsense|gibberish|crazy)|delirious|disoriented",
            rf"{_SUDDEN} (?:very |really )?confused|(?:very|really|so|extremely|super|completely) confused",
            r"confused and (?:[\w']+ ){0,3}?(?:drowsy|sleepy|agitated|can't|won't|isn't|not|shaking|sweating)",
        ),
        _A,
        "POISON_HELP",
    ),
    _s(
        _K.UNRESPONSIVE,
        "drowsy_or_confused",
        alt(
            # "Extreme drowsiness" (LABEL_OPIOID): a little sleepy is a common side effect, not a danger sign.
            rf"{_BE}(?:very|really|so|extremely|super|too|unusually|abnormally|excessively|way too|incredibly) "
            r"(?:drowsy|sleepy|lethargic|sedated|groggy)",
            r"slow to (?:answer|respond|react|wake)|(?:he|she|they)(?:'s| is| are|'re) (?:now )?(?:very|really|so"
            r"|extremely)"
            r" slow\b",
            # Tired is how many people feel on a medicine; only an extreme tiredness is a sign.
            rf"{_BE}(?:extremely|unusually|abnormally|excessively|incredibly|dangerously) (?:tired|sluggish)",
            rf"{_BE}(?:out of it|zonked|knocked out|incoherent|not acting right|not (?:himself|herself|themselves)"
            r"|acting (?:strange|weird|drunk|funny|off|loopy)|loopy)",
            rf"{_BE}{_VERY}confused(?! (?:about|by|as to|whether|if|why|how|what|which|with|on|over))",
            r"(?:hallucinat\w*|seeing things|hearing (?:voices|things)|(?:can't|cannot) (?:think|focus) straight)",
            r"seeing (?:bugs|spiders|insects|snakes|people|faces|shadows|stuff|things) (?:that|on|in|crawling"
            r"|everywhere"
            r"|who|moving)",
            # Fussiness comes with any fever; floppiness is a sign (see cannot_wake).
            r"(?:won't|will not) stop (?:crying|screaming)|(?:very|really|so) floppy",
        ),
        _C,
        "POISON_HELP",
        "mental",
    ),
    # --- Breathing stopped, slow or a struggle: 911. (CDC_OPIOID, LABEL_OPIOID)
    _s(
        _K.BREATHING,
        "not_breathing",
        alt(
            r"(?:not|isn't|is not|aren't|wasn't|stopped|stops|no longer|barely|hardly|not really|quit) breathing",
            r"(?:can't|cannot|can not|couldn't|could not|can hardly|can barely|unable to|not able to|struggling to"
            r"|struggle to|fighting to|hard to|having (?:a )?(?:hard|tough) time|trouble|difficulty|problems?) ?"
            r"(?:to |with |in )?(?:breathe|breath|breathing|get (?:a )?(?:breath|air)|catch (?:my|his|her|their"
            r"|a) breath|get (?:enough )?air)",
            r"(?:no|stopped) (?:breath|breaths|pulse)|(?:gasping|choking|struggling) (?:for )?(?:air|breath)|gasping",
            r"(?:like|as if) (?:i'm |i am |he's |she's |you're )?breathing through a (?:straw|pillow|towel|sponge)"
            r"|(?:like|as if) (?:i'm|i am|he's|she's) (?:drowning|suffocating)|suffocat\w*|(?:can't"
            r"|cannot) get (?:any |"
            r"enough )?air in",
            r"breath(?:ing|s)? (?:is |are |has |have |seems? |sounds? |getting |got |became |very |really |so |but "
            r"|and |kinda |super |weird and |strange and |too |like (?:a |an )?)*"
            r"(?:slow|slowed|shallow|weak|labou?red|irregular|stopp?(?:ed|ing)|raspy|gurgl\w*|rattl\w*|funny|weird"
            r"|strange|noisy)",
            r"(?:slow|shallow|weak|labou?red|irregular|gurgling|rattling|agonal) (?:breathing|breaths)",
            r"(?:making |is making )?(?:gurgling|choking|snoring|rattling) (?:sounds?|noises?)|turning (?:blue|gr[ae]y"
            r"|purple)",
            r"(?:lips|face|fingers?|fingertips|nails|fingernails|skin|mouth)(?: [\w']+){0,3} (?:blue|bluish|gr[ae]y"
            r"|purple|purplish|dusky)",
            r"(?:blue|bluish|purple|gr[ae]y) (?:lips|face|fingertips|nails|skin)|respiratory (?:depression|arrest)",
            r"(?:blue|bluish|purple|gr[ae]y)(?:ness)? (?:around|on|in|of) (?:the |his |her |my |their )?(?:lips|mouth"
            r"|face|fingertips|nails)",
            # Not knowing whether someone is breathing is reason enough. (CDC_OPIOID)
            r"(?:not sure|unsure|don't know|can't tell|cannot tell|no idea|don't think|do not think) (?:if |whether )?"
            r"(?:he|she|they|the baby|my [\w']+|it)(?:'s| is| are|'re)? (?:still )?breathing",
            r"(?:only )?breath\w* (?:only )?(?:once )?every (?:few|\d+|couple(?: of)?|several|10|15|20) (?:seconds"
            r"|secs)",
            r"(?:\d|1[0-1]|only \d+) breaths (?:a|per) minute|breath(?:ing|es|s)? (?:[\w']+ ){0,3}?(?:[1-9]|1[01]) "
            r"(?:times|breaths) (?:a|per|each|every) (?:minute|min)",
        ),
        _A,
        "CDC_OPIOID",
    ),
    _s(
        _K.BREATHING,
        "choking",
        # Choking on something now: the airway is blocked. ("Allergies are choking me" is not.)
        r"(?:is|'s|are|'re|am|i'm|started|keeps?) (?:choking|chocking)(?! (?:me|him|her|us|you|them|up)\b)"
        r"|choking on (?:a |an |the |his |her |my )?\w+",
        _A,
        "CHOKING",
    ),
    _s(
        _K.BREATHING,
        "asthma_not_relieved",
        alt(
            r"(?:inhaler|ventolin|albuterol|salbutamol|proair|nebuli[sz]er|neb|puffer|rescue)(?: [\w']+){0,4}? "
            r"(?:isn't|is not|not|doesn't|does not|didn't|ain't|no longer|stopped) (?:helping|working|help|work"
            r"|doing anything)",
            r"(?:can|could) (?:barely|hardly|not|n't) (?:talk|speak|type|say|finish (?:a |my |his |her )?sentences?)"
            r"(?= because| from| for| with|$|[.,!])|too (?:breathless|short of breath|winded) to (?:talk|speak)",
        ),
        _A,
        "ASTHMA",
    ),
    _s(
        _K.BREATHING,
        "respiratory_distress",
        alt(
            r"grunt\w* (?:[\w']+ ){0,4}?(?:breath\w*)|(?:breath\w*) (?:[\w']+ ){0,3}?grunt\w*",
            r"(?:chest|ribs?|belly|tummy|stomach|neck|skin (?:between|under) (?:his|her|their|the) ribs)(?: is| are"
            r"| keeps?| keep)? (?:caving|sucking|pulling|sinking|going) in",
            r"(?:caving|sucking|pulling|sinking) in (?:at|between|under|around) (?:the |his |her |their )?(?:ribs"
            r"|neck)",
            r"nostrils? (?:are |is )?flar\w*|head bobb\w*",
        ),
        _A,
        "RESP_DISTRESS",
    ),
    _s(
        _K.BREATHING,
        "breathing_pauses",
        # Pauses between breaths under an opioid: breathing slowing down. ("Sleep apnea" alone is a condition.)
        r"(?:long |big |scary |weird )?(?:pauses?|gaps?|stops?) (?:between|in) (?:(?:his|her|their|my|the) )?(?:breaths"
        r"|breathing)|(?:breathing|breaths) (?:keeps?|keep|kept) (?:stopping|pausing)",
        _C,
        "CDC_OPIOID",
        "breathing",
    ),
    _s(
        _K.BREATHING,
        "short_of_breath",
        alt(
            r"short(?:ness)? of breath|out of breath|breathless|winded|wheez\w*|chest (?:is )?tight\w*",
            r"breathing (?:is )?(?:fast|rapid|heavy|hard)",
        ),
        _C,
        "LABEL_ALLERGY",
        "breathing",
    ),
    # --- Swelling of the airway, severe allergic reaction: 911. (ANAPHYLAXIS, LABEL_ALLERGY)
    _s(
        _K.ANAPHYLAXIS,
        "airway_swelling",
        alt(
            r"(?:throat|airway|windpipe)(?: [\w']+)? (?:is |feels? |keeps? |started |starting |getting |seems? "
            r"|has been |itchy and |scratchy and |sore and |all |like it's |like its |like it is "
            r"|as if it's )*(?:closing|closed|swell\w*|swollen|tight\w*"
            r"|narrow\w*|constrict\w*|thick|blocked|closing up)",
            r"(?:tongue|lips?|face|mouth|eyes?|eyelids?|cheeks?|jaw)(?: and (?:tongue|lips?|face|mouth|eyes?|throat"
            rf"|eyelids?))* {_FILLER}{{0,3}}?(?:swell\w*|swollen|puff\w*|blow\w* up|blew up|ballooning|huge"
            rf"|twice (?:the"
            r"|its) size)",
            r"tongue (?:[\w']+ )?(?:feels|is|seems|got) (?:[\w']+ )?(?:thick|heavy|too big|fat|numb and swollen)",
            r"swell\w* (?:up )?(?:of|in|on|around) (?:my|his|her|their|the) (?:face|lips?|tongue|throat|mouth|eyes?)",
            r"(?:swollen|puffy|puffed up) (?:face|lips?|tongue|throat|mouth|eyes?)",
            r"(?:can't|cannot|hard to|trouble|difficulty) (?:swallow\w*|talk\w*|speak\w*)(?: and| or|,)? (?:[\w']+ )?"
            r"(?:swell\w*|hives|throat)",
        ),
        _A,
        "LABEL_ALLERGY",
    ),
    _s(
        _K.ANAPHYLAXIS,
        "anaphylaxis_now",
        alt(
            r"(?:having|going into|went into|into|is in|i'm in|he's in|she's in|think it's|this is|might be|could be) "
            r"(?:an? )?anaphyla\w*",
            r"anaphylactic (?:shock|reaction)|(?:used|using|gave|had to use|grabb\w*|injected) (?:an? |my |his |her "
            r"|the |their )?epi[- ]?pens?|(?:used|using|gave) (?:an? |my |his |her |the )?(?:epinephrine|adrenaline)",
            r"^(?:a )?(?:severe|serious|major|massive|really bad) allergic reaction",
            r"(?:having|having an|is having|had|got) (?:a |an )?(?:severe|bad|serious|major|massive|really bad"
            r"|horrible) allergic reaction",
        ),
        _A,
        "ANAPHYLAXIS",
    ),
    _s(
        _K.ANAPHYLAXIS,
        "voice_change",
        # Hoarseness after an exposure: swelling at the larynx. (LABEL_ALLERGY: swelling of the throat)
        r"(?:voice|throat) (?:is |sounds? |got |getting |went |has gone |all )*(?:hoarse|raspy|muffled|croaky|squeaky)"
        r"|(?:hoarse|raspy|muffled) voice|(?:lost|losing) (?:my|his|her) voice",
        _C,
        "LABEL_ALLERGY",
        "throat",
    ),
    _s(_K.ANAPHYLAXIS, "hives", r"hives|welts|itchy bumps all over|breaking out all over", _C, "ANAPHYLAXIS", "skin"),
    # --- Heart attack signs, fainting: 911. (AHA_MI)
    _s(
        _K.CARDIAC,
        "chest_pain",
        alt(
            r"chest (?:has been|'s been|keeps getting|was|is getting|got) (?:really |so |very )?(?:tight|heavy|hurting"
            r"|painful|squeez\w*)",
            r"chest (?:pain|pains|pressure|tightness|discomfort|heaviness|squeez\w*|is (?:tight|hurting|heavy|killing)"
            r"|hurts|feels (?:tight|heavy|crushed|like|weird|squeezed)|is being (?:crushed|squeezed))",
            r"(?:crushing|sharp|severe|bad|stabbing|squeezing|heavy|tight|burning|pressing) (?:pain|pressure|ache"
            r"|feeling|sensation|weight) (?:in|on|across) (?:my|his|her|the) chest",
            r"(?:pain|pressure|tightness|heaviness) (?:in|on|across) (?:my|his|her|the) chest",
            r"(?:my|his|her) chest (?:really |so |very )?(?:hurts|is hurting|aches)",
            r"(?:elephant|weight) (?:is )?(?:on|sitting on) (?:my|his|her) chest",
            r"(?:having|is having|i'm having|having a|think i'm having|might be having) (?:a )?heart attack",
            r"(?:pain|ache|numbness|tingling|pressure|tightness|feeling|sensation|discomfort"
            r"|heaviness) (?:[\w']+ ){0,3}?"
            r"(?:spread\w*|radiat\w*|going|moving"
            r"|shoot\w*|travel\w*) (?:[\w']+ ){0,3}?(?:arm|jaw|neck|back|shoulder)",
            r"(?:left|my|his|her) arm (?:is |went |feels |gone )?(?:numb|tingling|heavy|hurts|aching)",
            r"(?:clutching|grabbing|holding|gripping) (?:at )?(?:his|her|my|their) chest",
            r"heart (?:stopped|has stopped|stopping)|cardiac arrest|no (?:heartbeat|pulse)|(?:can't"
            r"|cannot) find a pulse",
            # Chest pain that one nitroglycerin has not relieved. (AHA_MI)
            r"(?:nitro\w*|gtn|nitrostat)(?: [\w']+){0,5}? (?:didn't|did not|isn't|is not|not|doesn't|does not|hasn't"
            r"|has not|won't) (?:help\w*|work\w*|touch\w*|do anything|doing anything|chang\w*|relie\w*)",
        ),
        _A,
        "AHA_MI",
        unless=_BENIGN_CHEST,
    ),
    _s(
        _K.CARDIAC,
        "heart_rhythm",
        alt(
            r"heart (?:is |keeps |started |rate is |rate )?(?:racing|pounding|beating (?:[\w']+ )?(?:fast|hard"
            r"|weird|irregular)|fluttering|skipping|going crazy|going a mile a minute|(?:beating |pounding "
            r"|jumping )?out"
            r" of (?:my|his|her) chest)",
            r"(?:racing|pounding|irregular|fast|rapid) (?:heart|heartbeat|pulse|heart ?rate)|palpitations",
            r"(?:very|really|super) (?:slow|low) (?:pulse|heart ?rate|heartbeat)",
        ),
        _C,
        "AHA_MI",
        "heart",
    ),
    _s(
        _K.CARDIAC,
        "shock_or_device",
        alt(
            # Systolic pressure below 80 (shock); an implanted defibrillator firing more than once. (ICD_SHOCKS)
            r"(?:blood )?(?:pressure|bp)(?: is| was| of| at| dropped to| down to| reads?| like| only| around)* "
            r"(?:[3-7]\d)/\d{2,3}",
            r"(?:defibrillator|defib|icd|device|implant)(?: [\w']+){0,3}? (?:shocked|fired|went off|zapped|shocking"
            r"|going off)(?: [\w']+){0,3}? (?:twice|again|\d+ times|several times|multiple times|more than once"
            r"|repeatedly)",
        ),
        _A,
        "ICD_SHOCKS",
    ),
    _s(
        _K.CARDIAC,
        "extreme_heart_rate",
        # Below 40 or above 150 a minute, reported now. (AHA: bradycardia and tachycardia with symptoms)
        r"(?:(?:pulse|heart ?rate|hr|heart is beating|heartbeat)(?: [\w']+){0,2}?|heart(?: is| 's)? (?:doing|going"
        r"|beating"
        r"|racing|pounding|running|at)) (?:is |of |at |around |down to |dropped to |only |like |about |reads? |says? "
        r"|:)*(?:[1-3]\d|1[5-9]\d|2\d\d)(?! ?(?:%|percent|mg|min ago|minutes ago))\b",
        _A,
        "AHA_MI",
        # A fast heart during exercise is expected.
        unless=r"(?:after|during|while|from) (?:my |a |the )?(?:run\w*|jog\w*|workout|working out|exercis\w*|gym|cardio"
        r"|spin class|hike|hiking|training|sprint\w*|climb\w*|lifting)",
        unless_in_message=True,
    ),
    _s(
        _K.CARDIAC,
        "near_fainting",
        alt(
            r"(?:dizzy|light-?headed|faint) (?:and|with) (?:[\w']+ ){0,2}?(?:sweat\w*|clammy|pale)|cold sweat",
            r"(?:feel|feels|feeling|felt) like (?:fainting|passing out|blacking out|collapsing|i'?m fainting)",
            r"(?:feel|feels|feeling|about to|going to|gonna) (?:like (?:i'm|i am|he's|she's|i'll|i'?m gonna|i am going "
            r"to) (?:going to |gonna )?)?(?:faint|pass out|black out|collapse)",
            r"(?:dizzy|light-?headed|faint|woozy) (?:when|whenever|every time) (?:i|he|she) (?:stand|get up|sit up)",
            r"(?:almost|nearly) (?:fainted|passed out|blacked out|collapsed)",
        ),
        _C,
        "AHA_MI",
        "faint",
    ),
    # --- Stroke, BE-FAST: one sign is enough to call 911. (BEFAST)
    _s(
        _K.STROKE,
        "face_arm_speech",
        alt(
            rf"(?:face|smile|mouth|lip|eye ?lid)(?: is| was| has| looks?| seems?)? {_FILLER}{{0,2}}?(?:droop\w*"
            r"|sagging|uneven|lopsided|crooked|numb|twisted|pulled to one side|not moving)",
            rf"(?:droop\w*|numb\w*|sagging) (?:on )?(?:{_SIDE} side|side of (?:his|her|my|the) face|face)",
            rf"(?:one side|{_SIDE} side|half) (?:of )?(?:his|her|my|the|their) (?:face|body|mouth)(?: is| went| feels"
            rf"| just| suddenly| has| got| gone| looks?| seems?| kind of| kinda)* {_FILLER}?(?:droop\w*|numb|weak"
            rf"|dead|paralyzed|sagging|limp|tingl\w*|(?:isn't|is not|not|won't|can't"
            r"|doesn't|stopped) mov\w*|frozen)",
            rf"(?:can't|cannot|can not|couldn't|unable to) (?:lift|raise|move|feel|use) (?:his|her|my|their) "
            rf"(?:{_SIDE} )?(?:arms?|legs?|hands?|side)",
            rf"(?:can't|cannot|can not|couldn't|unable to) (?:feel|move) (?:the |my |his |her |their )?{_SIDE} side",
            rf"(?:{_SIDE}|his|her|my) (?:arm|leg|hand|side)(?: [\w']+)? (?:is |went |feels |has gone "
            rf"|suddenly )*(?:weak|numb"
            r"|limp|dead|heavy|paralyzed|useless|won't move|not working|won't work|doesn't work|isn't working"
            r"|stopped working|won't (?:grip|grab|hold)|can't (?:grip|grab|hold))",
            r"(?:weak|numb|paralyzed|weakness|numbness) (?:in|on|of) (?:one|the (?:left|right)|his|her|my) "
            r"(?:side|arm|leg)",
            r"(?:speech|words|talking|voice) (?:is |are |sounds? |seems? |got |getting |suddenly |just "
            r"|all of a sudden )*"
            r"(?:slurr\w*|garbled|jumbled|weird|strange|wrong|mixed up|nonsense|not making sense|(?:doesn't|does not"
            r"|don't|isn't|is not) mak\w* (?:any )?sense)",
            r"slurr\w* (?:his |her |my |their )?(?:words|speech)|slurring|(?:can't|cannot|unable to|couldn't) (?:speak"
            r"|talk|get (?:the |his |her |my )?words out|find (?:the |his |her |my )?words|understand (?:me|us|what))",
            # "Had a stroke" alone is mostly history ("my mom had a stroke, can she take..."); "just had" is now.
            r"(?:having|is having|just had|having a|might be having|may have had|might have had|think (?:he|she|i)'?s?"
            r" (?:is |has )?(?:having|had)) (?:a )?stroke",
            r"stroke (?:symptoms|signs)(?: right now| now)",
        ),
        _A,
        "BEFAST",
    ),
    _s(
        _K.STROKE,
        "balance_eyes_headache",
        alt(
            rf"{_SUDDEN} (?:[\w']+ ){{0,3}}?(?:lost|loss of|losing|can't|cannot) (?:[\w']+ ){{0,2}}?(?:balance|vision"
            rf"|sight"
            r"|see|walk|stand|coordination)",
            r"(?:lost|losing|loss of) (?:vision|sight|the vision) in (?:one|his|her|my|an) eye|went blind"
            r"|double vision",
            rf"seeing double (?:[\w']+ ){{0,2}}?{_SUDDEN}|{_SUDDEN} (?:i'm |i am |he's |she's |i )?(?:seeing"
            rf"|see) double",
            r"(?:worst|most severe|most painful|worst ever) headache (?:i|he|she)(?:'ve| has| have)? ever (?:had|felt)",
            r"worst headache (?:of|in) (?:my|his|her) life|thunderclap headache|(?:sudden|suddenly) (?:a )?(?:severe"
            r"|worst|terrible|horrible|excruciating) headache",
            r"(?:can't|cannot|unable to) (?:walk|stand) (?:straight|up|without falling)|keeps? falling (?:over"
            r"|to one side)",
        ),
        _A,
        "BEFAST",
    ),
    # --- Serious bleeding; head injury on a blood thinner: 911. (LABEL_BLEEDING, HEAD_INJURY)
    _s(
        _K.BLEEDING,
        "serious_bleeding",
        alt(
            r"(?:vomit\w*|throw\w* up|threw up|puk\w*|cough\w*|spit\w*|hack\w*)(?: up)?(?: [\w']+){0,5}? (?:blood"
            r"|bloody|coffee[- ]grounds?|clots)",
            r"(?:blood|bloody) (?:vomit|in (?:my|his|her|the) (?:vomit|puke))",
            # The labels' "vomit that looks like coffee grounds", however far from the word for vomiting.
            r"(?:looks?|looked|looking|like|resembl\w*) (?:like )?(?:coffee[- ]grounds?|used coffee)",
            r"(?:a lot of|lots of|so much|tons of|pure|bright red|heavy|large amounts? of|cups? of) blood",
            r"(?:won't|will not|doesn't|does not|isn't|is not|can't|not) stop(?:ping)? (?:the )?bleed\w*",
            r"(?:can't|cannot|couldn't) get (?:it|the bleeding|the blood|him|her) to stop",
            r"bleed\w* (?:[\w']+ ){0,2}?(?:won't|will not|wont|doesn't|does not|isn't|is not|can't|not) (?:stop\w*"
            r"|slow\w*)|(?:can't|cannot|can not|unable to) (?:stop|control) (?:the |his |her |my )?bleed\w*",
            r"(?:blood|bleeding) (?:is |keeps |started |has been |just )?(?:pouring|gushing|streaming|pumping|running"
            r"|dripping|spurting) (?:out|from|down|everywhere)",
            r"(?:bleeding|blood) (?:[\w']+ ){0,2}?(?:everywhere|heavily|profusely|a lot|like crazy|through)|soak\w* "
            r"(?:through|a) (?:[\w']+ ){0,2}?(?:towels?|pads?|bandages?|gauze)|gushing|spurting",
            r"(?:nose ?bleed|nose (?:is|has been|'s been|keeps|started|is still) bleeding)\w* (?:[\w']+ ){0,4}?(?:won't"
            r"|will not|for (?:over "
            r"|more than )?(?:[2-9]\d|an? hour|\d+ hours?)|not stopping|still)",
            r"(?:peeing|urinating|pissing) (?:[\w']+ )?blood|(?:red|pink|brown|bloody) (?:pee|urine)|blood in (?:my|his"
            r"|her|the) (?:pee|urine)",
            r"(?:pee|urine)(?: is| was| looks?| turned| has been| came out| coming out){1,2} (?:bright |dark )?(?:red"
            r"|pink|bloody|cola|brown)",
        ),
        _A,
        "LABEL_BLEEDING",
    ),
    _s(
        _K.BLEEDING,
        "black_stool",
        alt(
            r"(?:black|tarry|tar-like|maroon) (?:[\w']+ ){0,2}?(?:stool|stools|poop|poo|bowel movements?|diarrh\w*)",
            r"(?:poop|stool|stools|poo|bowel movements?) (?:is |are |was |looks? |has been )*(?:black|tarry|bloody"
            r"|full of blood|all blood)",
            rf"(?:poop\w*|pooing|shitting|stools?|bowel movements?|going to the bathroom) {_FILLER}{{0,2}}?(?:black"
            rf"|tarry"
            r"|like tar|maroon|bloody|blood)",
        ),
        _A,
        "LABEL_BLEEDING",
        # Iron and bismuth turn stools black. (labels of ferrous sulfate and bismuth subsalicylate)
        unless=r"\biron\b|ferrous|bismuth|pepto|blueberr\w*|black licorice|activated charcoal",
        unless_in_message=True,
    ),
    _s(
        _K.BLEEDING,
        "head_injury",
        alt(
            r"(?:hit|hitting|bumped|banged|smacked|whacked|cracked|struck|slammed|knocked|injured|hurt) (?:his|her|my"
            r"|their|the back of (?:his|her|my)|its) (?:[\w']+ )?head",
            r"head (?:injury|trauma|wound|bleed\w*)|(?:fell|fall|fallen|slipped|tripped)\b"
            r"(?:(?!\b(?:no|not|didn't|without|never)\b).){0,40}?\bhead\b",
            r"(?:head|face|skull) (?:hit|struck|smacked|slammed|bounced off|banged (?:on|against|into)|cracked (?:on"
            r"|against)) (?:the |a )?(?:floor|ground|table|counter|wall|concrete|pavement|tub|sink|door|stairs|ice"
            r"|edge)",
            r"(?:concussion|knocked (?:out|unconscious))",
        ),
        _C,
        "HEAD_INJURY",
        "head",
    ),
    # --- Seizures now: 911. (SEIZURE_FIRST_AID)
    _s(
        _K.SEIZURE,
        "seizing",
        alt(
            r"(?:having|had|has|have|had another|having another|just had|is having|went into|in the middle of) "
            r"(?:an? |another |multiple |several |more )?(?:[\w'-]+ ){0,2}?(?:seizures?|siezures?|seisures?|fits?"
            r"|convulsions?|fitting)",
            r"seiz(?:ing|ed|ed up)|siezing|convuls\w+|(?:is|was|keeps?|started|start) (?:jerking|twitching|shaking"
            r"|fitting) (?:all over|uncontrollabl\w*|violently|and (?:won't|isn't|not|can't)|on the floor)",
            r"(?:shaking|jerking|twitching|thrashing) (?:all over|uncontrollabl\w*|violently|on the floor|and (?:won't"
            r"|isn't|is not|not|can't|cannot) (?:stop|respond|responding|answer|wake))",
            r"(?:is|was|'s|are|started|keeps?|been) foaming|foaming (?:and|&) (?:jerk|shak|twitch|convuls|seiz)\w*"
            r"|(?:jerk|shak|twitch)\w* (?:and|&) foaming",
            r"(?:eyes|eye) (?:rolled|rolling|roll) (?:back|up)|foaming at the mouth|(?:body|arms|legs) (?:went|is|are|"
            r"going) (?:stiff|rigid) and (?:jerk|shak|twitch)\w*",
            r"seizures? (?:[\w']+ ){0,3}?(?:won't|will not|hasn't|has not|isn't|not) (?:stop\w*|end\w*)|(?:seizure"
            r"|fit) "
            r"(?:for|lasting|lasted|going on for) (?:over |more than |about |almost )?(?:[5-9]|\d{2,}) (?:min|mins"
            r"|minutes)|(?:[2-9]|several|multiple|many) (?:seizures|fits) (?:in|within|back to back|one after)",
            # A first seizure is a 911 call whether or not it has stopped (SEIZURE_FIRST_AID).
            r"(?:first|1st) (?:ever )?(?:seizure|convulsion)|(?:seizure|convulsion) (?:[\w',]+ ){0,4}?(?:for the )?"
            r"first time\b",
        ),
        _A,
        "SEIZURE_FIRST_AID",
    ),
    # --- Toxic reactions to a medicine: a cluster of signs with a medicine named. (HUNTER, labels)
    _s(
        _K.TOXICITY,
        "named_syndrome",
        alt(
            r"(?:having|have|has|got|getting|developing|in|think (?:i|he|she) (?:has|have|'ve got|is having)"
            r"|might have|could (?:have|be)|is it|this is|looks like) (?:a |an )?(?:serotonin (?:syndrome|toxicity)"
            r"|neuroleptic malignant|nms|lithium toxicity|digoxin toxicity|dig toxicity|malignant hyperthermia"
            r"|toxic (?:level|reaction))",
            r"(?:lithium|digoxin|dilantin|phenytoin|theophylline|depakote|valproate|tylenol|acetaminophen) "
            r"(?:level|levels) (?:is |are |came back |was )?(?:[\w']+ )?(?:high|toxic|critical|through the roof)",
        ),
        _A,
        "HUNTER",
    ),
    _s(
        _K.TOXICITY,
        "severe_low_sugar",
        alt(
            # Below 54 mg/dL, or 3.0 mmol/L (level 2); a meter reads 20 mg/dL at the lowest, so 10-19 is mmol/L (high).
            r"(?:blood )?(?:sugar|glucose|bg|bs|reading|cbg|fingerstick|meter|monitor|cgm|dexcom|libre|freestyle)s?"
            r"(?: (?:meter|monitor|reading|level|levels|number|test))? (?:is |was |at |of |reads? |says? |shows? "
            r"|showing |reading |dropped to |down to |went down to |keeps dropping to |only |like |around |just "
            r"|came back |:)*(?:[2-4]\d|5[0-3]|[12](?:\.\d)?)(?! ?(?:%|percent|units?|u\b|mmol|to [6-9]\d|\d|\.\d"
            r"|hours?"
            r"|hrs?|h\b|minutes?|mins?|times|x\b|days?|weeks?|years?|yrs?|mg|carbs?|grams?|g\b|points?|lbs?|pounds))\b",
            r"(?:sugar|glucose) (?:is |was )?(?:[12](?:\.\d)?) ?mmol",
            r"(?:sugar|glucose) (?:[\w']+ ){0,3}?(?:says? |reads? |shows? )?(?:lo|low reading)\b(?! (?:and|but) fine)",
            r"(?:sugar|glucose|bg|bs)s? (?:keeps? |kept |is |was )?(?:dropping|crashing|tanking|falling|going down)"
            r"(?:,| -| to| at| now)* (?:now |at |is |only |like |around )*(?:[2-4]\d|5[0-3])(?! ?(?:%|\d|\.\d))\b",
            r"(?:low|dropping|crashing|tanking) (?:blood )?sugar (?:[\w']+ ){0,4}?(?:won't|can't|isn't|not|passed"
            r"|confused|unresponsive|seizing|shaking|sweating|slurr\w*)",
            r"(?:insulin|diabetic|sugar) (?:shock|reaction|coma)|hypoglycemic (?:episode|reaction|coma)|severe "
            r"hypo(?:glycemia)?",
        ),
        _A,
        "ADA_HYPO",
    ),
    _s(
        _K.TOXICITY,
        "fever",
        rf"{_BE}{_VERY}(?:fever\w*|burning up|(?:very |really |super )?hot to the touch"
        r"|high (?:fever|temp\w*)|temp(?:erature)? (?:is |of )?(?:10[1-9]|39|4[0-2])|overheat\w*)",
        _C,
        "HUNTER",
        "fever",
    ),
    _s(
        _K.TOXICITY,
        "rigidity",
        r"(?:stiff|rigid|locked|clenched|tight) (?:muscles|body|neck|jaw|arms|legs|all over)"
        rf"|(?:jaw|teeth|neck|body|arms|legs)(?: is| are| feels?| keeps?| has been| got)? {_VERY}(?:clench\w*|locked"
        r"|lock\w* up|stiff|rigid|grinding)"
        rf"|muscles? (?:are |is |feel |went |keep )?{_VERY}(?:stiff|rigid|locked|tight|cramping)|muscle (?:stiffness"
        r"|rigidity)"
        rf"|(?:body|he|she|i) (?:is |went |am |feel |feels )?{_VERY}(?:stiff as a board|rigid|stiff)|stiff as a board",
        _C,
        "HUNTER",
        "rigidity",
    ),
    _s(
        _K.TOXICITY,
        "clonus_tremor",
        r"(?:muscles?|legs?|arms?|body|hands?|eyes?|jaw|feet|foot) (?:[\w']+ )?(?:twitch\w*"
        r"|jerk\w*|shak\w*|trembl\w*|spasm\w*|bouncing)|(?:twitch\w*|jerk\w*|tremors?|trembl\w*|shaking|shaky|shakes"
        r"|spasms|myoclonus|clonus)",
        _C,
        "HUNTER",
        "neuromuscular",
    ),
    _s(_K.TOXICITY, "sweating", r"(?:sweat\w*|drenched|soaked|diaphore\w*|clammy)", _C, "HUNTER", "sweating"),
    _s(
        _K.TOXICITY,
        "agitation",
        r"(?:agitat\w*|restless|can't sit still|panick\w*|combative|manic|frantic|freaking out|pacing)",
        _C,
        "HUNTER",
        "agitation",
    ),
    _s(
        _K.TOXICITY,
        "heart_fast",
        r"(?:heart|pulse|heartbeat|heart rate)(?: [\w']+){0,2} (?:racing|pounding|fast|rapid"
        r"|through the roof|skipping|irregular|slow)",
        _C,
        "HUNTER",
        "heart",
    ),
    _s(
        _K.TOXICITY,
        "vomiting",
        r"(?:vomit\w*|throw\w* up|threw up|puk\w*|can't keep (?:anything|food|water) down|diarrh\w*|the runs)",
        _C,
        "LABEL_LITHIUM",
        "gut",
    ),
    _s(
        _K.TOXICITY,
        "unsteady",
        r"(?:unsteady|wobbly|stumbling|staggering|off balance|can't walk (?:straight|right)"
        r"|uncoordinated|clumsy|slurr\w*|ataxi\w*)",
        _C,
        "LABEL_LITHIUM",
        "coordination",
    ),
    _s(
        _K.TOXICITY,
        "vision",
        r"(?:seeing|see|vision is|everything (?:looks|is)) (?:[\w']+ ){0,2}?(?:yellow\w*|green\w*"
        r"|halos?|blurry|blurred|double)|(?:yellow|green) (?:halos?|vision|tint)|halos? around (?:lights|everything)"
        r"|(?:yellow|green|colou?red|rainbow) (?:rings?|circles?|halos?)|(?:rings?|circles?|halos?) around (?:the )?"
        r"(?:lights?|everything|them|things)",
        _C,
        "LABEL_DIGOXIN",
        "vision",
    ),
    _s(
        _K.TOXICITY,
        "jaundice",
        r"(?:eyes|skin|whites of (?:my|his|her) eyes)(?: [\w']+)? (?:are |is |look |looks |turned "
        r"|turning |going |getting |have gone |has gone )*(?:yellow\w*|jaundic\w*)|(?:yellow|jaundiced) (?:eyes|skin)"
        r"|jaundice|dark (?:brown |tea[- ]colou?red |cola[- ]colou?red )?(?:pee|urine)"
        r"|pain (?:[\w']+ ){0,2}?(?:upper right|right upper|right side)",
        _C,
        "LABEL_LIVER",
        "liver",
    ),
    _s(
        _K.TOXICITY,
        "pupils",
        r"(?:pupils|eyes) (?:are |look )?(?:huge|dilated|pinpoint|tiny|like pinpoints|blown)"
        r"|(?:pinpoint|dilated|tiny) pupils",
        _C,
        "CDC_OPIOID",
        "pupils",
    ),
    # --- Serious skin reactions: Stevens-Johnson syndrome, TEN, DRESS. (LABEL_SKIN)
    _s(
        _K.SEVERE_SKIN,
        "blistering_peeling",
        alt(
            r"(?:skin|lips|mouth|eyes|eyelids)(?: [\w']+){0,4}? (?:peel\w*|blister\w*|slough\w*|coming off|falling off"
            r"|shedding|bubbling|coming away)",
            r"(?:peel\w*|blister\w*|sloughing|raw) (?:[\w']+ ){0,2}?(?:skin|lips|rash|patches|spots|sores|areas)",
            r"(?:is|are|it's|'s|started|starting|keeps|now|getting|turned|turning) (?:into )?blister\w*",
            r"(?:spots|blotches|patches|rash|lesions|bumps|marks|welts)(?: [\w']+){0,3}? (?:with|and|have|has|forming)"
            r" (?:[\w']+ )?blisters?",
            r"(?:eyes?|eyelids?)(?: [\w']+){0,2}? (?:crust\w*|glued|stuck) (?:shut|closed|together)",
            r"rash (?:[\w']+ ){0,3}?(?:with|and|into|turned|turning|has|is|now) (?:[\w']+ ){0,2}?(?:blisters|blistering"
            r"|peeling|bubbles)",
            r"covered (?:in|with) (?:[\w']+ )?(?:blisters|sores|peeling skin)",
            r"blisters? (?:[\w']+ ){0,3}?(?:all over|everywhere|(?:on|across|over|covering) (?:his|her|my"
            r"|the) (?:[\w']+ )?(?:body|chest|back|face|lips|arms|legs|skin))",
            r"(?:have|having|has|got|getting|developing|develop(?:ed)?|think (?:i|he|she) (?:have|has|'ve got)|it's"
            r"|this is|might have|could have|diagnosed with) (?:a |an )?(?:stevens[- ]johnson|sjs|toxic epidermal|ten"
            r"|dress)\b",
            r"skin (?:looks|feels|is) (?:like it's )?(?:burn\w*|scalded)|(?:looks|look) like (?:a )?(?:burns?|scald)",
        ),
        _A,
        "LABEL_SKIN",
        unless=_BENIGN_SKIN,
    ),
    _s(
        _K.SEVERE_SKIN,
        "mucosal_sores",
        alt(
            r"(?:sores|ulcers|blisters|lesions|open spots) (?:[\w']+ ){0,3}?(?:in|on|inside|around) (?:my|his|her|their"
            r"|the) (?:mouth|lips|eyes?|nose|throat|genitals|private)",
            r"(?:mouth|lips|eyes|genitals|privates|private parts|throat)(?: and \w+)?(?: [\w']+){0,2}? (?:sore|raw"
            r"|burning|ulcerated|bleeding)",
            r"(?:mouth|eye|genital|lip) (?:sores|ulcers|blisters|lesions)|(?:eyes|eye) (?:are |is )?(?:red and "
            r"(?:burning|crusty|swollen)|burning|burn|sting|stinging)\b",
        ),
        _C,
        "LABEL_SKIN",
        "mucosa",
        unless=_BENIGN_SKIN,
    ),
    _s(
        _K.SEVERE_SKIN,
        "spreading_rash",
        alt(
            r"rash(?: [\w']+){0,3} (?:spread\w*|all over|everywhere|getting worse|purple|dark red|with (?:a )?fever)",
            r"(?:spots|patches|blotches|marks)(?: [\w']+){0,2} (?:spread\w*|all over|everywhere)",
            r"(?:purple|dark red|dusky|target[- ](?:like|shaped)|bullseye)(?:-?ish)? (?:[\w']+ )?(?:rash|spots|patches"
            r"|blotches"
            r"|marks|bruises)",
            r"rash and (?:a )?(?:fever|high temp|sores|blisters|swollen glands)",
            r"(?:spreading|widespread|blistering|peeling|purple|dusky|painful red) rash",
        ),
        _C,
        "LABEL_SKIN",
        "rash",
        unless=_BENIGN_SKIN,
    ),
)

# One sign that a named medicine's label lists as its own toxicity is enough with that medicine in the message.
TOXIC_SIGN_OF = (
    ("liver", r"(?:acetaminophen|paracetamol|tylenol|apap|panadol|nyquil|dayquil|excedrin|norco|vicodin|percocet)",
     "LABEL_LIVER"),
    ("vision", r"(?:digoxin|lanoxin|digitek|digitalis)", "LABEL_DIGOXIN"),
)  # fmt: skip

# What makes a WITH_CAUSE sign expected rather than a danger: a cold, a run, nerves, a cough, said in the same
# sentence ("wheezing from my cold", "dizzy and sweaty after my run"). (AHA_MI, ASTHMA: symptoms at rest or
# with an exposure are what count)
BENIGN_CAUSE = alt(
    r"(?:from|with|because of|due to|after|during) (?:a |an |my |the |this |all (?:the|this|that) )?(?:head )?(?:colds?"
    r"|flu|virus|bug|allerg\w*|hay ?fever|pollen|sinus\w*|anxiety|stress|nerves|panic attacks?|cough\w*|sneez\w*"
    r"|run|running|jog\w*|workout|working out|exercis\w*|gym|hike|hiking|sports?|practice|training|laugh\w*|cry\w*"
    r"|yell\w*|screaming|singing|smoke|smoking|the heat|heat|the weather|teething)\b",
)
# Words that make a WITH_CAUSE sign mild: "wheezing a bit", "slightly dizzy".
MILD = alt(r"a (?:little |tiny |wee )?bit|a little|slight(?:ly)?|mild(?:ly)?|kinda|kind of|sort of|somewhat|barely")
# A medicine asked about for the future ("can I give her tylenol?", "how much motrin for a 2 year old?"): not the
# cause of a sign told in the same question.
FUTURE_USE = alt(
    r"(?:can|could|should|may|do|would|will) (?:i|we|you|he|she|they|my [\w']+) (?:still |also |safely |just )?"
    r"(?:take|give|use|try|have|mix|combine|add|start|put)",
    r"(?:ok|okay|safe|fine|alright|good|better) to (?:take|give|use|mix|try|start|combine)",
    r"how (?:much|many|often) (?:[\w']+ ){0,4}?(?:can|should|do|for|to)\b|(?:what|which"
    r"|how much)(?: [\w']+){0,3}? (?:can"
    r"|should|do) (?:i|we) (?:take|give|use)|recommend\w*|(?:or|and) (?:should|can) (?:i|we)",
)

# Toxicity signs that every fever or stomach bug brings: a cluster needs one sign beyond them.
INFECTION_GROUPS = frozenset({"fever", "gut"})

# Words that make a WITH_CAUSE sign serious by themselves. (labels: "severe", "that will not go away")
SEVERITY = alt(
    r"severe\w*|extreme\w*|worst|terrible|horrible|unbearable|really bad|so bad|very bad|super bad|getting worse",
    r"worse and worse|won't stop|will not stop|can't stop|nonstop|non-stop|all over|everywhere|suddenly|sudden",
    r"scared|terrified|panicking|freaking out|emergency|help|911|ambulance|er\b|hospital",
)

# --- Modifiers that keep a message routine ----------------------------------------------------------------

# A negation just before a sign ("no chest pain", "isn't having trouble breathing").
NEGATION = alt(
    r"no|not|never|without|denies|denied|deny|none|neither|nor|zero|free of|absence of|ruled out|negative for",
    r"don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|aren't|arent|wasn't|wasnt|weren't|haven't|hasn't",
    r"hadn't|won't|wouldn't|shouldn't|no signs? of|no sign|no symptoms? of|nothing like|not any|no more",
)
# Uncertainty is not negation: "not sure if he's breathing" is a report of danger.
UNCERTAIN = alt(
    r"not sure|unsure|don't know if|don't know whether|do not know if|can't tell|cannot tell|don't think",
    r"do not think|not certain|no idea if",
)
# Conditional and hypothetical spans, cut out up to the next comma or clause ("what happens if you take 20?").
HYPOTHETICAL = alt(
    r"(?:what|wat|wht) (?:if|happens|would happen|will happen|could happen|should happen)",
    r"(?<!sure )(?<!know )(?<!tell )(?<!unsure )\bif\b|in case|suppose|supposing|hypothetically|imagine|let'?s say"
    r"|say (?:someone|a person|i|you)",
    r"what (?:are|is) the (?:chances|odds|risk)|is it possible|could (?:it|this|that|taking|they|these|an?)",
    r"would (?:it|that|taking|this|an?)|(?:worr(?:y|ied|ying)|afraid|scared|concerned|nervous|paranoid|fear) "
    r"(?:that |about )?(?:[\w']+ ){0,3}?(?:might|could|will|would|may|gonna|going to)",
    # A modal with a bare verb is a possibility ("he could swallow one"); "might have swallowed" is an event.
    r"(?:(?:i|he|she|they|we|it)'ll|(?:i|he|she|they) will) (?:[\w']+ )?(?:have|get|go into|develop|start) (?:a|an"
    r"|another|any|some)",
    r"(?:could|might|may|can|would|will) (?:[\w']+ )?(?:swallow|eat|take|get into|drink|chew|find|get|overdose|od"
    r"|stop|fall|hit|bleed|choke)\b",
    r"when (?:someone|somebody|a person|people|you|patients?|a patient|kids|children|a child)",
    r"(?:am|is|are) (?:i|he|she|it|we|they) (?:gonna|going to) (?:be|get|have|feel|need)|will (?:i|he|she|it|this"
    r"|that|we|they) (?:be|get|have|feel|need)",
    r"(?:someone|somebody|a person|people|anyone|patients?) (?:who|that)",
    r"(?:how|what) (?:do|would|should|can|will) (?:i|you|we) (?:know|tell|recogni[sz]e|spot)",
    r"before (?:i|he|she|we) (?:start|take|give|try)|planning (?:to|on) (?:start|take|give|try)",
    r"(?:how to|how do (?:i|you|we)) (?:prevent|avoid|keep|store|childproof)|so (?:that )?(?:he|she|they|kids) "
    r"(?:can't|don't|won't)",
)
# "What do I do if my son swallowed..." reports a real event in conditional form: a specific person and a past
# tense verb in the if-clause keep it. (POISON_HELP: callers phrase real exposures this way)
REAL_CONDITIONAL = alt(
    r"if (?:my|our) (?!(?:[\w']+ ){0,3}?(?:ever|someday|one day|again|later))(?:[\w']+ ){0,3}?"
    r"(?:just |already |accidentally |maybe |may have |might have )?"
    r"(?:swallowed|took|ate|drank|chewed|got into|licked|overdosed|od'?d)",
    r"if (?:i|he|she) (?:just |already |accidentally )(?:swallowed|took|ate|drank|chewed|overdosed)",
)
# Asking for information rather than reporting: the object of these cues is a topic, not an event.
INFO_CUE = alt(
    r"signs? (?:of|for)|symptoms? (?:of|for)|side[- ]?effects?|risks? (?:of|for)|chances? of|odds of",
    r"(?:can|could|does|do|did|will|would|may|might) (?:[\w']+ ){1,4}?(?:cause|causes|give you|lead to|trigger|result"
    r" in|increase|raise|lower)",
    r"\bcause[sd]?\b|lead to|leads to|result in|associated with|linked to|warning (?:signs|about|for)|boxed warning",
    r"treat(?:ment|ed|ing)? (?:of|for)|antidote|manage(?:ment)? (?:of|for)|how (?:is|are) (?:[\w']+ ){0,2}?(?:treated"
    r"|managed|diagnosed)",
    r"what (?:is|are|does|do) (?:a |an |the )?(?:[\w']+ ){0,4}?(?:mean|like|look like|feel like)|definition|define",
    r"what counts as|difference between|how (?:common|long|soon|fast|rare)",
    r"(?:tell|teach) me about|explain|describe|list (?:the )?|(?:should|do) i (?:watch|look) (?:out )?for",
    # "Is it normal that my lips are swelling?" asks about something happening: only a topic is cut out.
    r"is (?:it|this|that) (?:common|a sign|a symptom|a side effect|possible)",
    r"(?:what|which) (?:should|do) (?:i|you|we) (?:watch|look)|when (?:should|do) (?:i|you|we) (?:call|go|worry|seek)",
    r"how (?:much|many) (?:[\w']+ ){0,3}?(?:is|are) (?:too much|too many|safe|dangerous|toxic|lethal|fatal)",
    r"max(?:imum)? (?:daily )?dose|how much (?:can|should|do) (?:i|you|he|she)|dosing|dosage for",
    r"in (?:the )?(?:label|package insert|leaflet|medguide|medication guide)",
)
# What someone read, heard or fears is a topic, not an event ("reading stories about skin peeling off").
REPORTED = alt(
    r"(?:read|reading|heard|hearing|saw|seen|seeing|watched|watching|learned|learning|googled|googling|looked up"
    r"|researching|searched)"
    # Seeing what is not there is a sign, not a source ("seeing bugs on the wall").
    r"(?! (?:bugs|spiders|insects|snakes|people|faces|shadows|things|stuff|double|spots|stars|halos?|colou?rs"
    r"|flashes|lights|yellow|green)\b)"
    # Looking up how to kill oneself is method research (CSSRS), not a topic.
    r"(?! (?:[\w']+ ){0,3}?(?:how|ways?) to (?:kill|hang|end|overdose|od|die|cut|shoot|drown|slit|suffocate))"
    r" (?:[\w']+ ){0,4}?(?:about|of|that|on|online|where|how)",
    r"(?:stories|story|articles?|posts?|videos?|reviews?|forums?|reddit|tiktok|news|warnings?|leaflet|insert"
    r"|label|pamphlet) (?:[\w']+ ){0,3}?(?:about|of|on|say|says|said|mention\w*|warn\w*|where|that)",
    r"(?:worried|afraid|scared|concerned|nervous|paranoid|anxious|freaked out|freaking out) (?:about|of)",
    r"(?:risk|chance|possibility|fear) (?:of|that)",
    # A question someone was asked ("the doctor asked if I have thoughts of hurting myself").
    r"(?:asked|asks|asking) (?:me |him |her |us |them )?(?:if|whether|about)|(?:screening|questionnaire|form|survey)"
    r" (?:[\w']+ ){0,2}?(?:asks?|asked|about)",
)
# Words that make a question a personal report ("is it normal that my lips are swelling right now?").

REPORT_NOW = alt(
    r"right now|just now|currently|at the moment|as we speak|as i type|this minute|this second|since (?:this|an)",
    r"(?:an? |\d+ )(?:minutes?|mins?|hours?|hrs?) ago|tonight|this (?:morning|afternoon|evening)|now",
    r"(?:please )?help(?: me| us| him| her)?(?= ?[!.]|$)|please help|need help|help please|hurry|asap|911",
    r"ambulance|scared|terrified|panicking|freaking out|emergency|omg|oh my god",
)
# Events over and done with ("I had a seizure in 2019", "she overdosed in college").
PAST = alt(
    r"(?:\d+|a|one|two|three|few|several|many|couple(?: of)?) (?:years?|yrs?|months?|weeks?|decades?) ago",
    r"(?:years?|months?|weeks?|decades?) (?:ago|back|before)|last (?:year|month|summer|winter|spring|fall|autumn"
    r"|christmas|semester|time)|a (?:while|long time) (?:ago|back)",
    r"when (?:i|he|she|we|they) (?:was|were) (?:a |little|younger|young|in|\d)|as a (?:kid|child|teen|teenager|baby"
    r"|toddler)|in (?:19|20)\d\d|in the past|used to|history of|back in|in (?:high school|college|university)",
    r"in (?:my|his|her|their|our) (?:teens|twenties|thirties|forties|fifties|sixties|[2-6]0s|youth|younger (?:days"
    r"|years))",
    r"(?:once|before) (?:when|in)|previously|(?:had|have had) (?:[\w']+ ){0,3}?(?:before|in the past|as a \w+)",
    r"(?:\d+|two|three|few|several) (?:days?) ago|the other (?:day|week)|last week",
)
# A date told after the event, in a clause of its own ("I passed out once, that was months ago").
RETRO_PAST = (
    r"(?:that|this|it|which) (?:was|happened|were) (?:[\w']+ ){0,2}?(?:ago|back|in (?:19|20)\d\d|last (?:year|month"
    r"|week|summer|winter|spring|fall)|when (?:i|he|she) was)"
)
# "Again", "still", "now": an old condition is happening now.
STILL_NOW = alt(
    r"right now|again|just now|currently|still|at the moment|as we speak|today|tonight|this morning|now",
    r"just (?:had|took|swallowed|ate|drank|collapsed|passed|started|found|got|fell|hit|happened|went)",
)
# A time that dates when a medicine was started, not an event that is over ("after starting lamotrigine last week").
ONSET = (
    r"(?:start\w*|began|begun|since|after|switched to|increased|upped|raised|changed|new"
    r"|(?<!overdosed )(?<!od'd )(?<!od'ed )(?<!\bod )(?<!high )(?<!chewed )(?<!sucked )on)(?: (?:taking|using|on"
    r"|the|a|my|new))*(?: [\w']+){0,3} ?$"
)
# Habits are not events: "my chest feels tight when I get anxious", "my skin peels every time I get a sunburn".
HABITUAL = alt(
    r"whenever|sometimes|usually|often|at times|from time to time|every so often|occasionally|tends? to",
    r"all the time|always",
    r"(?:every|each) time (?:i|he|she|they|we) (?!breathe|move|swallow|talk|stand)",
    r"when (?:i|he|she|they|we) (?:get|am|'m|is|feel|feels) (?:really |very |so )?(?:anxious|stressed|nervous|upset"
    r"|panicky|cold|hot|tired|excited|angry|dehydrated|hungry)",
    r"when (?:i|he|she) (?:exercise|exercises|run|runs|work out|works out|climb|climbs|lie down|lies down)",
)
# A schedule makes "take all my meds" a routine ("with breakfast from now on").
ROUTINE_SCHEDULE = alt(
    r"with (?:breakfast|food|water|dinner|lunch|meals?|a meal|milk|juice)|in the (?:morning|evening)|at (?:breakfast"
    r"|dinner|lunch|night"
    r"|bedtime|once a day)|from now on|every (?:day|morning|night)|daily|each (?:day|morning|night)|once a day",
    r"twice a day|as prescribed|as directed|on time|same time",
)
# Present tense: a story told in the past has come back to the present.

PRESENT = alt(
    r"is|are|am|i'm|he's|she's|it's|they're|we're|isn't|aren't|can't|won't|doesn't|don't|keeps?|has been",
    r"have been|i've been|feels?|looks?|seems?|need|needs|want|wants|take|takes|taking",
)
# Negations that govern a list of nouns ("no rash, fever or blisters"); a negated verb ends at its clause.
NEGATION_OF_LIST = alt(
    r"no|never|without|denies|denied|deny|none|neither|nor|free of|absence of|negative for|no signs? of"
    r"|no symptoms? of",
    r"not any|no more",
)
# What ends the reach of a negation: a contrast, a new subject, the present moment.

NEGATION_ENDS = (
    r"\b(?:but|however|though|although|except|now|then|until|yet|still)\b|[.;!?]"
    r"|(?:,| and) (?:i|i'm|he|he's|she|she's|they|they're|my|his|her|it|it's|we|there)\b"
)

# Figures of speech that look like danger (IDIOMS); masked before anything is matched.
IDIOM = alt(
    r"(?:is|are|'s|'re|keeps?|been|were|was|it's|its|they're|these|this|that|which|who) killing (?:me|my|him|her|us)",
    r"kill(?:s|ing)? me(?: now)?(?: lol| lmao| haha|!)",
    # A person threatening in jest ("my mom is gonna kill me"); a pill "would kill me" is not a figure of speech.
    r"(?:he|she|they|you|mom|mum|dad|wife|husband|boss|parents|teacher|coach|boyfriend|girlfriend|doctor|pharmacist"
    r"|\w+'s)(?:'s|'re|'ll| is| are| will| would)? (?:gonna|going to|will|would|could)? ?kill (?:me|him|her|you|us)"
    r"(?! to| with)",
    r"dying (?:to|for|of (?:laughter|boredom|embarrassment|curiosity)|laughing|here lol)|to die for|(?:could|would"
    r"|i'll|gonna) die of (?:embarrassment|shame|boredom|laughter)",
    r"(?:(?:want|wanna|gonna|going|could|would|might|about|i'll|will|wanted|ready) (?:to )?)?(?:literally |just |"
    r"actually )?die (?:of|from) (?:embarrassment|shame|boredom|laughter|laughing|cringe|cuteness|jealousy|envy"
    r"|happiness|excitement|hunger|thirst|the heat|heat)",
    r"(?:scared|bored|frightened|worried|freaked|tickled|stressed) (?:[\w']+ )?to death|sick to death|dead (?:tired"
    r"|beat|on my feet|serious|wrong|set|last|center|end|ringer)|i'm dead(?: lol| 😂| lmao|!)|dead (?:lol|😂)",
    r"(?:gave|give|giving|almost had|nearly had|about to have|going to have|gonna have) (?:me |him |her |us )?an? "
    r"(?:heart attack|stroke|aneurysm|seizure|coronary)(?: when| at| over| seeing| if| because| lol| haha)?",
    r"(?:heart|stomach) (?:skipped|dropped|sank)(?: a beat)?(?: when| at| seeing)|took my breath away|breathtaking",
    r"(?:can't|couldn't) breathe (?:from|for|because i was|i was) laugh\w*|(?:can't|couldn't) breathe (?:lol|lmao"
    r"|haha|😂)|laugh\w* so hard(?: that)?(?: (?:i|he|she|we) (?:couldn't|could not|can't|cried|almost|nearly|peed)"
    r"(?: [\w']+)?)?",
    r"kill (?:for|two birds)|killing it|killed it|dressed to kill|kill time|killing time|overkill|painkiller",
    r"the death of (?:me|us)|over my dead body",
    r"(?:until|till|til) (?:i'm|you're|he's|she's|i am|we're|they're|i was|he was|she was) blue in the face|blue in the"
    r" face (?:from|with) (?:laugh|yell|scream|argu|talk|shout)\w*",
    r"bleeding (?:money|cash|me dry)|blood pressure (?:is )?(?:through the roof|sky high) (?:over|when|about)",
    r"choked (?:on|in|during) (?:the|my|a|his|her) (?:game|exam|test|interview|match|speech|final)",
    r"(?:my head|brain) (?:is )?(?:gonna |going to |about to )?(?:explode|exploding|fried|melting)",
    r"heartbroken|broke my heart|heartache|pain in the (?:neck|butt|ass)|sick of|sick and tired",
    r"blew up my phone|blowing up my phone|blew my mind|mind blown",
)
# After a sign, words that say it is over ("my chest pain from last week is gone now").
RESOLVED_AFTER = alt(
    r"(?:is|are|'s|was|were|got|has been|seems?)(?: all| much| a lot)? (?:gone|over|better|fine now|done|resolved)",
    r"went away|go away|goes away|stopped|has stopped|resolved|cleared(?: up)?|subsided|passed|disappeared|went down",
    r"settled(?: down)?|wore off|calmed down|came back (?:normal|fine)",
)
# Overdose named as such, happening now. (POISON_HELP)

OVERDOSED = alt(
    r"overdos(?:ed|ing)|od'?d|od'?ed|o\.d\.'?d|od'?ing|(?:took|taken|had|having) an overdose",
    r"(?:i|he|she|they|i think i|we) (?:just |may have |might have )?od(?: on| again)?",
    # In simpler English: "my brother has overdose with the pills", "I overdose on my meds".
    r"(?:has|have|had|did|was|is|are) overdose\b|(?:i|he|she|they|we) overdose (?:on|with)\b",
    # Told without a subject, texting style ("od on my dad's heart pills"); the object decides (see red_flags).
    r"^(?:just |i )?od(?= on )",
    # "pls help od": an overdose with a call for help ("OD" is also the right eye on prescriptions).
    r"(?:(?<=help )|(?<=please )|(?<=pls )|(?<=plz ))od\b(?! (?:and|os|ou|eye|drops?))|\bod(?:'?d|ing)?(?= (?:help|pls"
    r"|please|plz)\b)",
)
# What someone took without knowing what it was: a substance all the same.
UNKNOWN_SUBSTANCE = r"(?:something|stuff|some stuff|it|them|those|these|what|whatever|who knows|unknown)"
