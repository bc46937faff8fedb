"""Label search behind `POST /api/search`: a drug filter resolved to one drug, then the retriever."""

from __future__ import annotations

from pharmabot.drugs.service import resolve_drug
from pharmabot.knowledge.names import DrugCatalog
from pharmabot.retrieval.base import Retriever, SearchHit


async def search_labels(
    *,
    retriever: Retriever,
    catalog: DrugCatalog,
    query: str,
    top_k: int,
    drug: str | None = None,
    section: str | None = None,
) -> list[SearchHit]:
    """Search label passages; a DRUG name is resolved first (unknown -> 404, ambiguous -> 409)."""
    drug_key = resolve_drug(catalog, drug)[0].key if drug else None
    return await retriever.search(query=query, top_k=top_k, drug=drug_key, section=section)
