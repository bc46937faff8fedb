"""Questions about a medicine's names: its generic (active ingredient) name, its brand names, whether a generic exists.

A label says what a medicine is for, not what else it is called, so these are answered from the name catalog
(each brand name the labels and the FDA Orange Book list here, with the active ingredients it stands for). Whether
a generic version is sold, and what it costs, is in no label: the reply says so and refers to the pharmacist, and
never says that a generic is or is not available.

Source of the wording read as a name question: FDA, "Generic Drugs: Questions & Answers" and "What Is a Brand-Name
Drug?" (FDA Center for Drug Evaluation and Research consumer pages), which speak of a medicine's "generic name",
"brand name", "generic version", "generic equivalent" and "brand-name drug".
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Sequence

from pharmabot.knowledge.names import DrugCatalog, drug_key, normalize
from pharmabot.text import spoken_list

# What a name question asks, in the FDA consumer pages' words (see the module docstring).
NAME_QUESTION = re.compile(
    r"\b(?:generic|brand|trade|chemical)[- ]?names?\b"
    r"|\bgeneric (?:version|equivalent|form|alternative|substitute|options?|kind|one|available)s?\b"
    r"|\b(?:is|are) there (?:a |an |any )?(?:cheaper |generic)\w*\b"
    r"|\b(?:come|comes|available|sold|made) (?:in|as) (?:a )?generic\b"
    r"|\bgenerics? (?:for|of|to)\b|\bbrands? (?:for|of)\b|\b(?:what|which) brands?\b"
    r"|\b(?:other|another|different) names?\b|\balso (?:called|known as)\b|\bsold as\b",
    re.IGNORECASE,
)
# Asking for the brand names of a medicine rather than the generic name of a brand.
_ASKS_BRANDS = re.compile(r"\bbrand|\btrade|\b(?:other|another|different) names?\b", re.IGNORECASE)

NOT_IN_LABELS = (
    "Whether a generic version is sold, and what it costs, is not in the FDA labels: your pharmacist can tell you "
    "which versions they stock and their prices."
)
SOURCE_NOTE = (
    "Names from the FDA labels and the FDA Orange Book product list that PharmaBot ships; a pharmacist can confirm "
    "which product you have."
)
MAX_BRANDS = 6
# Words of a listed product name that describe a version (a strength, a form, who it is for), not a brand.
_VERSION_WORDS = frozenset(
    "childrens children s infants infant s junior pediatric extra strength preservative free pain reliever "
    "allergy relief antitussive liquid gels liqui-gels".split()
)

_brands_cache: weakref.WeakKeyDictionary[DrugCatalog, dict[str, list[str]]] = weakref.WeakKeyDictionary()


def asks_names(message: str) -> bool:
    return bool(NAME_QUESTION.search(message))


def brands_of(catalog: DrugCatalog, key: str) -> list[str]:
    """Brand names the catalog lists for the drug KEY, the plain ones first (no versions such as "Xanax XR")."""
    if catalog not in _brands_cache:
        by_key: dict[str, list[str]] = defaultdict(list)
        for name, ingredients in catalog.to_dict()["brand_map"].items():
            by_key[drug_key(ingredients)].append(name)
        _brands_cache[catalog] = dict(by_key)
    names = _brands_cache[catalog].get(key, [])
    ingredient_words = set(key.replace(" and ", " ").split())
    plain = [
        name
        for name in names
        if not set(name.split()) & (_VERSION_WORDS | ingredient_words)
        and not any(name != other and name.startswith(other + " ") for other in names)
    ]
    return sorted(plain, key=lambda n: (len(n.split()), n))


def _display(name: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def name_reply(message: str, *, catalog: DrugCatalog, drugs: Sequence[tuple[str, str]]) -> str:
    """The reply to a name question about DRUGS ((catalog key, name as typed) pairs)."""
    lines: list[str] = []
    for key, typed in drugs[:3]:
        entry = catalog.drugs.get(key)
        ingredients = list(entry.ingredients) if entry is not None else [key]
        generic = spoken_list(ingredients)
        if normalize(typed) != key and normalize(typed) not in ingredients:
            what = "its active ingredient" if len(ingredients) == 1 else "its active ingredients"
            lines.append(f"{_display(typed)} is a brand name for {generic}: {what} and generic name.")
            if not _ASKS_BRANDS.search(message):
                continue
        brands = [b for b in brands_of(catalog, key) if b != normalize(typed)]
        if brands:
            shown = ", ".join(_display(b) for b in brands[:MAX_BRANDS]) + (
                " and others" if len(brands) > MAX_BRANDS else ""
            )
            lines.append(
                f"{generic[:1].upper() + generic[1:]} is the generic name; brand names listed for it: {shown}."
            )
        else:
            lines.append(
                f"{generic[:1].upper() + generic[1:]} is the generic name; no brand name is listed for it here."
            )
    lines.append(NOT_IN_LABELS)
    lines.append(SOURCE_NOTE)
    return "\n\n".join(lines)
