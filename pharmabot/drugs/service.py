"""Drug lookups: a typed name -> one drug, or a clear 404/409 with what it might mean; a drug's label page."""

from __future__ import annotations

from pharmabot.errors import AmbiguousDrugError, NotFoundError, RetrieverError
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.knowledge.names import Candidate, DrugCatalog, DrugEntry, Resolution
from pharmabot.retrieval.base import LabelTextSource
from pharmabot.schemas.drugs import DrugDetail, DrugMatch, LabelSectionOut


def _match(catalog: DrugCatalog, candidate: Candidate) -> DrugMatch:
    entry = catalog.get(candidate.drug)
    return DrugMatch(
        name=candidate.drug,
        matched=candidate.matched,
        score=candidate.score,
        has_label=bool(entry and entry.has_label),
    )


def resolve_drug(catalog: DrugCatalog, name: str) -> tuple[DrugEntry, Resolution]:
    """The one drug NAME means; AmbiguousDrugError (409) or NotFoundError (404) carry the candidates."""
    resolution = catalog.resolve(name)
    if resolution.drug is not None:
        return resolution.drug, resolution
    if resolution.status == "ambiguous":
        raise AmbiguousDrugError(
            f"{name!r} matches several drugs; choose one of the candidates.",
            details={"query": name, "candidates": [_match(catalog, c).model_dump() for c in resolution.candidates]},
        )
    suggestions = resolution.candidates or tuple(catalog.suggest(name, limit=5))
    raise NotFoundError(
        f"No drug named {name!r} was found.",
        code="drug_not_found",
        details={"query": name, "suggestions": [_match(catalog, c).model_dump() for c in suggestions]},
    )


def suggest_drugs(catalog: DrugCatalog, query: str, *, limit: int) -> list[DrugMatch]:
    """Autocomplete: the resolved drug first when the name resolves, then prefix and fuzzy matches."""
    found: dict[str, DrugMatch] = {}
    resolution = catalog.resolve(query)
    if resolution.drug is not None:
        found[resolution.drug.key] = DrugMatch(
            name=resolution.drug.key,
            matched=resolution.matched or query,
            score=resolution.score,
            has_label=resolution.drug.has_label,
        )
    for candidate in (*resolution.candidates, *catalog.suggest(query, limit=limit)):
        found.setdefault(candidate.drug, _match(catalog, candidate))
    return list(found.values())[:limit]


def drug_detail(knowledge: KnowledgeBase, name: str) -> DrugDetail:
    """A drug's page: its best indexed label with sections in label order."""
    drug, resolution = resolve_drug(knowledge.catalog, name)
    page = knowledge.drug_page(drug.key)
    label = page.label if page else None
    return DrugDetail(
        name=drug.key,
        query=name,
        matched=resolution.matched,
        ingredients=list(drug.ingredients),
        brands=list(drug.brands),
        has_label=label is not None,
        set_id=label.set_id if label else None,
        effective_time=label.effective_time if label else None,
        url=label.url if label else None,
        sections=[LabelSectionOut(key=s.key, title=s.title, text=s.text) for s in label.sections] if label else [],
        other_set_ids=list(page.other_set_ids) if page else [],
        related=[] if label else knowledge.catalog.related_labelled(drug.key),
    )


async def drug_page(knowledge: KnowledgeBase, name: str, *, label_text: LabelTextSource | None) -> DrugDetail:
    """`drug_detail`, with the section texts read from LABEL_TEXT when the local index holds none (cloud package)."""
    detail = drug_detail(knowledge, name)
    if knowledge.has_label_text or detail.set_id is None:
        return detail
    if label_text is None:
        raise RetrieverError("This index holds no label text and no search service is configured to read it from.")
    texts = await label_text.label_sections(detail.set_id)
    sections = [s.model_copy(update={"text": texts[s.key]}) for s in detail.sections if texts.get(s.key)]
    if not sections:
        raise RetrieverError(
            f"The label text of {detail.name} is not in the search index yet (run the search ingest).",
            details={"set_id": detail.set_id},
        )
    return detail.model_copy(update={"sections": sections})
