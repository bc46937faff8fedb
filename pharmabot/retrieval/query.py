"""Query understanding shared by every retriever: which drugs a question names and which label sections it wants."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pharmabot.knowledge.names import DrugCatalog, MentionGroups
from pharmabot.retrieval.intents import INTENTS, QuestionKind, detect_intents
from pharmabot.retrieval.lay_terms import label_terms

__all__ = ["INTENTS", "QueryPlan", "QuestionKind", "detect_intents", "understand"]


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
    intents: tuple[QuestionKind, ...] = ()
    terms: tuple[str, ...] = ()
    section_rank: dict[str, int] = field(default_factory=dict)
    # Words labels use for the leading kind of question ("taper", "half-life"): they rank a drug's chunks,
    # never widen a search without a drug.
    boost_terms: tuple[str, ...] = ()

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(self.section_rank)

    @property
    def text(self) -> str:
        return " ".join(self.terms)

    def section_weights(self) -> dict[str, float]:
        """Relative preference per asked-for section: the leading kind's sections first, each kind's in order.

        One step per section, so with the retriever's bonus the order of sections decides and the words
        of the question only order chunks within a section.
        """
        order: list[str] = []
        for intent in self.intents:
            order += [section for section in intent.sections if section not in order]
        return {section: float(len(order) - position) for position, section in enumerate(order)}


def understand(query: str, catalog: DrugCatalog, *, groups: MentionGroups | None = None) -> QueryPlan:
    """Find the drugs named in QUERY (they become a filter), its section intents, and its content words.

    GROUPS is the catalog's reading of QUERY when the caller already has it (`find_mention_groups`).
    """
    if groups is None:
        groups = catalog.find_mention_groups(query)
    # A name shared by many products ("calcium", "insulin") filters only when nothing more specific is named:
    # "can I take calcium with levothyroxine" is answered from the levothyroxine label, and "calcium" stays a
    # word to search it for.
    if any(not alternatives for _, alternatives in groups):
        groups = [(mention, alternatives) for mention, alternatives in groups if not alternatives]
    # The words of a name that means one drug only filter; a shared name ("magnesium" in an infusion of five
    # salts) also says which sentences of those labels are about it, so it stays a search word.
    mentions = [mention for mention, alternatives in groups if not alternatives]
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
    lead = next((intent for intent in intents if intent.terms), None)
    boost = tuple(dict.fromkeys(t for t in (*label_terms(query), *(lead.terms if lead else ())) if t not in terms))
    return QueryPlan(
        drugs=tuple(drugs)[:MAX_DRUGS], intents=intents, terms=terms, section_rank=section_rank, boost_terms=boost
    )
