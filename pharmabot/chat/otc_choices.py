"""Questions about which everyday medicine someone who takes another one can use for a symptom.

"I take warfarin and my back hurts, what can I take for pain?" and "what cold medicine is OK with lisinopril?" are
interaction questions about the everyday choices for that symptom: the medicine taken is checked with each of them
by the interaction engine, and the reply says what the labels and rule lists say for each, then leaves the choice
to the pharmacist or prescriber. It never recommends one and never calls one safe: an option with nothing found is
"none found in these sources".

The options for each use are data (`pharmabot/data/otc/everyday_choices.json`): the active ingredients of the FDA OTC
monographs (21 CFR 343, 341, 331, 338) and the ingredients FDA has approved for the same use over the counter, with
the words people use for the symptom or the kind of medicine.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from pharmabot.knowledge.labels import shipped_data_path

CHOICES_FILE = "otc/everyday_choices.json"

# Words for a kind of medicine ("what cold medicine", "which pain reliever", "what antacid").
_KIND = (
    r"(?:medicines?|medications?|meds|relievers?|killers?|pills?|tablets?|antacids?|aids?|antihistamines?"
    r"|decongestants?|syrups?|drugs?|products?|remed(?:y|ies))"
)
# A question about a dose is a dose question, whatever else it names ("what dose of tylenol is safe for a headache").
_DOSE = re.compile(r"\b(?:dose|doses|dosage|dosing|how much|how many|mg|milligrams?)\b", re.IGNORECASE)
# Asking what to take, rather than about a medicine named: "what can I take for ...", "anything I can use for ...",
# "what <kind of medicine> is OK/safe with ...", "which <kind of medicine> can I take with ...".
_ASKING = re.compile(
    r"\b(?:what|which|anything|something)\b[^.?!]{0,30}\b(?:can|could|should|may|do|is|are)\b[^.?!]{0,12}"
    r"\b(?:i|we|you|he|she|they)\b[^.?!]{0,10}\b(?:take|use|have|give|try)\b[^.?!]{0,15}\b(?:for|to help)\b"
    r"|\b(?:what|which|any)\s+(?:[\w-]+\s+){0,3}" + _KIND + r"\s+(?:is|are|would be)\s+"
    r"(?:ok|okay|safe|fine|alright|good|best|compatible)\b"
    r"|\b(?:what|which)\b[^.?!]{0,40}\b(?:can|could|should|may)\s+(?:i|we)\s+(?:take|use|have)\b[^.?!]{0,20}\b(?:with|while|on)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EverydayUse:
    """A use the OTC monographs cover, the words for it and its active ingredients (catalog names)."""

    id: str
    name: str
    asks: re.Pattern[str]
    ingredients: tuple[str, ...]
    source: str


@cache
def everyday_uses() -> tuple[EverydayUse, ...]:
    data = json.loads(shipped_data_path(CHOICES_FILE).read_text(encoding="utf-8"))
    return tuple(
        EverydayUse(
            id=item["id"],
            name=item["name"],
            asks=re.compile(r"\b(?:" + "|".join(item["asks"]) + r")\b", re.IGNORECASE),
            ingredients=tuple(item["ingredients"]),
            source=item["source"],
        )
        for item in data["categories"]
    )


def read_choice_question(message: str) -> EverydayUse | None:
    """The everyday use MESSAGE asks what to take for, when it asks that."""
    asking = _ASKING.search(message)
    if asking is None or _DOSE.search(message):
        return None
    # The symptom or kind of medicine is said in the question ("for pain", "what cold medicine") or just before it
    # ("my back hurts, what can I take?").
    for use in everyday_uses():
        if use.asks.search(message):
            return use
    return None


SEVERITY_WORDS = {
    "contraindicated": "Contraindicated (not to be used together)",
    "major": "Major",
    "moderate": "Moderate",
    "minor": "Minor",
}
REFERRAL = (
    "Which one, if any, suits you is for your pharmacist or prescriber to decide: they know your dose of {drug}, "
    "your health and your other medicines. I can't recommend one, and not finding an interaction is not proof "
    "that a medicine is safe for you."
)
