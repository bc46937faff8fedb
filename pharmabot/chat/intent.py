"""Intent of a chat message, decided in code before any retrieval or model call.

Emergencies are detected separately (`pharmabot.safety.red_flags`) and always first; this module sorts the rest:
interaction questions, individual-dose requests, drug information, follow-ups that lean on the
drugs of earlier turns, greetings, and everything out of scope.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pharmabot.answer.base import Intent
from pharmabot.chat.drug_classes import ClassMention, find_classes
from pharmabot.retrieval.intents import BY_NAME, CAFFEINE, CONDITIONS

_GREETING = re.compile(
    r"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|greetings|thanks?( you)?|thank you|help|"
    r"what can you do|who are you|what are you|how does this work|how do you work)\b[\s!?.,]*",
    re.IGNORECASE,
)

# Words that make a one-drug question an interaction question ("can I take it with other medicines?").
# A bare "with" does not: "how much weight gain with carvedilol" asks about a side effect.
_COMBINATION = re.compile(
    r"\b(together|combin\w*|mix\w*|interact\w*|alongside|at the same time|other (medicines?|medications?|drugs?|"
    r"pills?)|take (it|them|\w+) with|taken with|with (my|other|another|an?) \w+)\b",
    re.IGNORECASE,
)

# "Someone with a stomach ulcer", "people with asthma": a person's condition, not a second thing taken with it.
_HAS_CONDITION = re.compile(
    r"\b(?:someone|somebody|anyone|people|persons?|patients?|those|a person|women|men|children|kids)"
    r"(?: who (?:is|are))? with (?:an? |their |his |her )?\w+"
    r"|\bwith (?:a |an |my |his |her )?(?:" + CONDITIONS + r")\b",
    re.IGNORECASE,
)

# Vitamins and minerals a medicine can lower or raise ("can metformin lower vitamin B12?", "does it cause low
# magnesium?"): the nutrient is what changes, an effect of the medicine, not a second thing taken with it.
# Labels state these as adverse effects (metformin: vitamin B12; proton pump inhibitors: magnesium;
# diuretics: potassium, sodium). Absorption ("lower iron absorption") stays an interaction.
_NUTRIENT = (
    r"(?:vitamin\s*[a-z]\d*|b\s?12|b\s?6|iron|magnesium|calcium|potassium|zinc|sodium|folate|folic acid"
    r"|electrolytes?)"
)
_NUTRIENT_EFFECT = re.compile(
    r"\b(?:lower|raise|deplete|reduce|decrease|increase|drop|affect|mess with|low|high)\w*\b(?:\s+(?:my|your|the|his"
    r"|her|their|blood|body'?s?|levels? of))*\s+" + _NUTRIENT + r"\b(?!\s+(?:absorption|supplements?|pills?|tablets?))"
    r"|\b" + _NUTRIENT + r"\s+(?:deficiency|deficient|levels?|depletion)\b",
    re.IGNORECASE,
)
# Ingredient words of nutrient products: a drug key made of these is the nutrient asked about.
_NUTRIENT_WORDS = frozenset(
    """cyanocobalamin hydroxocobalamin ascorbic cholecalciferol ergocalciferol folic iron ferrous ferric magnesium
    calcium potassium zinc sodium thiamine pyridoxine riboflavin niacin niacinamide vitamin""".split()
)

FOOD_TOPICS: dict[str, re.Pattern[str]] = {
    # "Drink" alone means alcohol ("can I drink on metronidazole?"), not when a drink is named ("drink coffee").
    "alcohol": re.compile(
        r"\b(alcohol\w*|drink\w*(?! (?:\w+ )?(?:coffee|tea|water|juice|milk|soda|caffeine|grapefruit|fluids?))|beer"
        r"|wine|liquor|booze|drunk)\b",
        re.IGNORECASE,
    ),
    "grapefruit": re.compile(r"\bgrapefruit\w*\b", re.IGNORECASE),
    "dairy": re.compile(r"\b(dairy|milk|cheese|yogh?urt|calcium|antacids?)\b", re.IGNORECASE),
    "tyramine": re.compile(r"\b(tyramine|aged cheese|cured meats?|fermented)\b", re.IGNORECASE),
    "food": re.compile(r"\b(food|foods|eat|eating|meal|meals|empty stomach|juice)\b", re.IGNORECASE),
    # No food-note kind covers caffeine: the labels' own passages answer, not another food's note.
    "caffeine": CAFFEINE,
}

# Foods and drinks people ask about that no food-note kind of the engine covers (grapefruit, alcohol, dairy and
# tyramine have their notes): a question about one is answered from the label's own words on taking the
# medicine with food and drink when the label does not name it. The list is of everyday drinks and foods as the
# FDA consumer page "Avoid Food and Drug Interactions" (FDA/NCL) groups them: caffeinated drinks, juices, water,
# soft drinks, and everyday foods.
UNNOTED_FOODS = re.compile(
    CAFFEINE.pattern
    + r"|\b(?:orange|apple|cranberry|pomegranate|tomato|lemon|lime|fruit) juice\b|\bsoda\b|\bsoft drinks?\b"
    r"|\bsmoothies?\b|\bchocolate\b|\bbananas?\b|\bspinach\b|\bkale\b|\bleafy greens?\b|\beggs?\b|\bbread\b"
    r"|\bcereal\b|\boatmeal\b|\bfiber\b|\bsoy\w*\b|\bwalnuts?\b|\bnuts\b",
    re.IGNORECASE,
)

# A dose for a particular person ("how much should I take", "for my 4 year old"), as opposed
# to "what is the usual dose", which is answered from the label all the same, with a referral.
_DOSING = re.compile(
    r"\b(how (much|many)|what dose|which dose|dosage|dosing|dose|doses|mg|milligrams?|pills?|tablets?|"
    r"capsules?|maximum|max|double up|extra)\b",
    re.IGNORECASE,
)
_PERSONAL = re.compile(
    r"\b(i|me|my|mine|myself|should i|can i|we|our|son|daughter|child|kid|baby|toddler|wife|husband|mom|"
    r"mum|dad|mother|father|grandma|grandpa|\d+\s*(year|yr|month|lb|kg|pound)s?[- ]?old|\d+\s*(lbs?|kg|pounds))\b",
    re.IGNORECASE,
)

# Words that point back to something said before ("what about its side effects?").
_FOLLOW_UP = re.compile(
    r"^\s*(and|also|what about|how about|what of|is it|are they|can it|does it|do they|will it|and if)\b|"
    r"\b(it|its|it's|this|that|these|those|them|they|their|the same|this drug|that drug|this medicine|"
    r"that medicine|the medicine|the drug|the pill)\b",
    re.IGNORECASE,
)

# A follow-up that names one more medicine to take with the one asked about before ("what about with ibuprofen?",
# "can I take it with ibuprofen?", "ibuprofen with it?"): the pair is the earlier medicine and the new one. A new
# name alone ("what about ibuprofen?") is a new subject, not a combination.
_WITH_EARLIER = re.compile(
    r"^\s*(?:and|also|or|so|what about|how about|what if|and if)\b[^?.!]*\bwith\b"
    r"|\b(?:it|them|this|that|these|those)(?:\s+\w+){0,2}\s+with\b"
    r"|\bwith\s+(?:it|them|this|that|these|those)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class IntentDecision:
    """What the agent will do with a message."""

    intent: Intent
    drugs: tuple[str, ...] = ()
    follow_up: bool = False
    food_topics: tuple[str, ...] = field(default_factory=tuple)
    classes: tuple[ClassMention, ...] = ()  # the classes of medicine a message names instead of a medicine


def food_topics_of(message: str) -> tuple[str, ...]:
    return tuple(topic for topic, pattern in FOOD_TOPICS.items() if pattern.search(message))


def is_individual_dose_request(message: str) -> bool:
    """A dose question asked for someone in particular (the label's dosing plus a referral)."""
    return bool(_DOSING.search(message) and _PERSONAL.search(message))


def decide_intent(
    message: str, *, drugs: Sequence[str], history_drugs: Sequence[str] = (), read_classes: bool = True
) -> IntentDecision:
    """Sort a (non-emergency) message into an intent; DRUGS are the catalog keys named in it.

    A message that names no medicine but a class of them ("my statin", "water pills") asks which one is meant,
    unless READ_CLASSES is off (the message holds a name the catalog reads as several medicines).
    """
    mentioned = tuple(dict.fromkeys(drugs))
    follow_up = False
    if not mentioned and history_drugs and _FOLLOW_UP.search(message):
        mentioned = tuple(dict.fromkeys(history_drugs))
        follow_up = True
    elif len(mentioned) == 1 and history_drugs and history_drugs[0] not in mentioned and _WITH_EARLIER.search(message):
        # The earlier question's first medicine is its subject ("is warfarin safe with aspirin?").
        mentioned = (history_drugs[0], *mentioned)
        follow_up = True
    if not mentioned:
        classes = tuple(find_classes(message)) if read_classes else ()
        if classes:
            return IntentDecision(intent=Intent.drug_class, classes=classes)
        if _GREETING.match(message):
            return IntentDecision(intent=Intent.greeting)
        return IntentDecision(intent=Intent.out_of_scope)
    combination = _COMBINATION.search(_HAS_CONDITION.sub(" ", message))
    if _NUTRIENT_EFFECT.search(message) and not combination:
        taken = tuple(d for d in mentioned if not set(d.replace("-", " ").split()) & _NUTRIENT_WORDS)
        return IntentDecision(intent=Intent.drug_info, drugs=taken or mentioned, follow_up=follow_up)
    topics = food_topics_of(message)
    # "What is the difference between X and Y?" is about each drug, not about taking them together.
    comparison = BY_NAME["comparison"].pattern.search(message) and not topics and not combination
    if (len(mentioned) >= 2 and not comparison) or topics or combination:
        return IntentDecision(intent=Intent.interaction, drugs=mentioned, follow_up=follow_up, food_topics=topics)
    if _DOSING.search(message) and (is_individual_dose_request(message) or "dose" in message.lower()):
        return IntentDecision(intent=Intent.dosing, drugs=mentioned, follow_up=follow_up)
    return IntentDecision(intent=Intent.drug_info, drugs=mentioned, follow_up=follow_up)
