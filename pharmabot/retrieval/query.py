"""Query understanding shared by every retriever: which drugs a question names and which label sections it wants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pharmabot.knowledge.names import DrugCatalog


@dataclass(frozen=True)
class Intent:
    """A kind of question and the label sections that answer it, best first."""

    name: str
    pattern: re.Pattern[str]
    sections: tuple[str, ...]


def _intent(name: str, pattern: str, *sections: str) -> Intent:
    return Intent(name, re.compile(pattern, re.IGNORECASE), sections)


_WARNINGS = ("warnings_and_cautions", "warnings", "precautions")

# Checked in this order; a question can have several intents (the first found ranks first). The
# patterns are about how people phrase questions in general, not about particular questions.
INTENTS: tuple[Intent, ...] = (
    _intent("boxed_warning", r"\bboxed\b|\bblack[- ]box", "boxed_warning"),
    _intent(
        "overdose",
        r"\boverdos|\btoo (?:much|many)\b|\bdouble dose|\btook (?:an )?extra\b|\brevers(?:e|es|al|ing)\b|\bantidote",
        "overdosage",
    ),
    _intent(
        "contraindications",
        r"\bcontraindicat|\bshould(?:n't| not) (?:take|use|be (?:taken|used))|\bwho (?:can(?:no|')t|should not)\b"
        r"|\ballerg|\bnot (?:allowed|recommended|be used|to be used)\b",
        "contraindications",
    ),
    _intent(
        "pregnancy",
        r"\bpregnan|\bbreast[- ]?(?:feed|fed|milk)|\bnursing\b|\blactat|\btrying to conceive|\bunborn\b",
        "pregnancy",
        "use_in_specific_populations",
        "nursing_mothers",
        "pregnancy_or_breast_feeding",
    ),
    _intent(
        "children",
        r"\b(?:child|children|kids?|toddler|infant|baby|babies|pediatric|paediatric)\b",
        "pediatric_use",
        "use_in_specific_populations",
    ),
    _intent("elderly", r"\b(?:elderly|older (?:adults?|people|patients)|geriatric|seniors?)\b", "geriatric_use"),
    _intent(
        "interactions",
        r"\binteract|\b(?:with|and|drink(?:ing)?) (?:alcohol|beer|wine|liquor|grapefruit|coffee|caffeine)\b"
        r"|\b(?:mix|mixing|combine|combining)\b|\btogether\b|\bat the same time\b|\btak(?:e|ing) .{1,40}\bwith\b"
        r"|\bwith (?:tea|milk|food|juice|antacids?|vitamins?|supplements?)\b",
        "drug_interactions",
        "contraindications",
        *_WARNINGS,
    ),
    _intent(
        "side_effects",
        r"\bside[- ]?effects?\b|\badverse\b|\breactions?\b|\bcause[sd]?\b|\bmake (?:me|you|him|her|them)\b"
        r"|\bhair loss\b|\bweight (?:gain|loss)\b|\bnause|\bdizz|\bheadache|\brash\b|\binsomnia\b",
        "adverse_reactions",
        *_WARNINGS,
        "boxed_warning",
    ),
    _intent(
        "stopping",
        r"\bstop(?:ping|ped)?\b|\btaper|\bwean|\bquit(?:ting)?\b|\bcome off\b|\bcoming off\b|\bwithdraw",
        "dosage_and_administration",
        *_WARNINGS,
        "drug_abuse_and_dependence",
    ),
    _intent(
        "storage",
        r"\bstor(?:e|ed|ing|age)\b|\brefrigerat|\bfridge\b|\bexpir|\bdispos|\bthrow (?:away|out)\b|\broom temperature"
        r"|\bstay (?:good|fresh)\b|\bshelf[- ]life\b|\bgo(?:es)? bad\b",
        "storage_and_handling",
        "how_supplied",
    ),
    _intent(
        "appearance",
        r"\blooks? like\b|\bcolou?r\b|\bshape\b|\bimprint|\bmarkings?\b|\bwhat does .{1,40} look\b"
        r"|\b(?:white|blue|pink|yellow|orange|green|red|round|oval) (?:pill|tablet|capsule)"
        r"|\bshow\b|\bpictures?\b|\bphotos?\b|\bimages?\b",
        "how_supplied",
        "dosage_forms_and_strengths",
        "description",
    ),
    _intent(
        "ingredients",
        r"\bingredients?\b|\bcontains?\b|\bmade (?:of|from)\b|\bgluten\b|\blactose\b|\bdyes?\b|\bexcipient"
        r"|\bwhat(?:'s| is) in\b",
        "description",
        "active_ingredient",
        "inactive_ingredient",
    ),
    _intent(
        "mechanism",
        r"\bhow (?:does|do|is) .{0,40}\bwork|\bhow it works\b|\bmechanism\b|\bwhat does .{1,40} do\b"
        r"|\b(?:drug )?class\b|\bwhat kind of (?:drug|medicine|medication)\b",
        "mechanism_of_action",
        "clinical_pharmacology",
        "pharmacodynamics",
    ),
    _intent(
        "timing",
        r"\bhow (?:long|soon|fast|quickly)\b|\bkick in\b|\btake effect\b|\bstart working\b"
        r"|\bin (?:your|my|the) system\b|\bhalf[- ]life\b|\bwears? off\b|\blast\b"
        r"|\bmetaboli[sz]|\bexcret|\beliminat|\babsor[bp]",
        "clinical_pharmacology",
        "pharmacokinetics",
        "dosage_and_administration",
    ),
    _intent(
        "strengths",
        r"\bstrengths?\b|\bcomes? in\b|\bavailable (?:as|in)\b",
        "dosage_forms_and_strengths",
        "how_supplied",
        "dosage_and_administration",
    ),
    _intent(
        "drug_class",
        r"^\W*(?:is|are)\b.{1,60}\b(?:an?)\s+\W*\w+\W*$",
        "description",
        "mechanism_of_action",
    ),
    _intent(
        "dosage",
        r"\bdos(?:e|es|age|ing)\b|\bhow (?:much|many|often)\b|\bhow (?:do|should|can) (?:i|you|we) (?:take|use|give)\b"
        r"|\bhow to (?:take|use|give|apply|inject)\b|\b\d+ ?mg\b|\bmg\b|\bmaximum\b|\bmax\b|\bmissed\b"
        r"|\bwhen (?:to|should (?:i|you)) take\b|\btimes (?:a|per) day\b|\bbefore or after\b|\bempty stomach\b",
        "dosage_and_administration",
    ),
    _intent(
        "indications",
        r"\bwhat (?:is|are) .{0,40}\b(?:for|used)\b|\bused (?:for|to)\b|\buse(?:s)? (?:of|for)\b|\btreats?\b"
        r"|\bindicat|\bgood for\b|\bhelp (?:with|for)\b|\bhelps?\b|\bpurpose\b|\bwhy (?:do|would|is|are)\b"
        r"|\bprescribed for\b|\bfor (?:what|which)\b",
        "indications_and_usage",
        "purpose",
    ),
)

MAX_DRUGS = 12  # a drug filter wider than this is no longer a filter

_STOPWORDS = frozenset(
    """a an and are as at be been being but by can could did do does doing for from had has have how i if in into
    is it its it's me my of on or our should so than that the their them then there these they this to too was
    we were what when where which while who whom why will with would you your yours am any about also just
    much many take taking took use using used get getting drug drugs medicine medicines medication medications
    pill pills tablet tablets mg please tell know""".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@dataclass(frozen=True)
class QueryPlan:
    """What a retriever should look for: drug filter, sections to favour (by rank), and the search words."""

    drugs: tuple[str, ...] = ()
    intents: tuple[Intent, ...] = ()
    terms: tuple[str, ...] = ()
    section_rank: dict[str, int] = field(default_factory=dict)

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(self.section_rank)

    @property
    def text(self) -> str:
        return " ".join(self.terms)

    def section_weights(self) -> dict[str, float]:
        """Relative preference per asked-for section: earlier intents first, each intent's main section first."""
        weights: dict[str, float] = {}
        count = len(self.intents)
        for rank, intent in enumerate(self.intents):
            for position, section in enumerate(intent.sections):
                weight = (count - rank) + (0.2 if position == 0 else 0.0)
                weights[section] = max(weights.get(section, 0.0), weight)
        return weights


def detect_intents(text: str) -> tuple[Intent, ...]:
    return tuple(intent for intent in INTENTS if intent.pattern.search(text))


def understand(query: str, catalog: DrugCatalog) -> QueryPlan:
    """Find the drugs named in QUERY (they become a filter), its section intents, and its content words."""
    groups = catalog.find_mention_groups(query)
    mentions = [mention for mention, _ in groups]
    drugs: dict[str, None] = {}
    for mention, alternatives in groups:
        for key in (mention.drug.key, *alternatives):
            # A drug without a label of its own is searched in the labelled products that contain it.
            related = [key] if catalog.drugs[key].has_label else catalog.related_labelled(key)
            drugs.update(dict.fromkeys(related))
    # Drug words are matched by the filter; kept as terms they would only add noise to the ranking.
    remaining = query
    for mention in sorted(mentions, key=lambda m: -m.start):
        remaining = remaining[: mention.start] + " " + remaining[mention.end :]
    intents = detect_intents(query)
    section_rank: dict[str, int] = {}
    for rank, intent in enumerate(intents):
        for section in intent.sections:
            section_rank.setdefault(section, rank)
    words = _WORD.findall(remaining.lower())
    terms = tuple(dict.fromkeys(w for w in words if w not in _STOPWORDS and len(w) > 1 and not w.isdigit()))
    return QueryPlan(drugs=tuple(drugs)[:MAX_DRUGS], intents=intents, terms=terms, section_rank=section_rank)
