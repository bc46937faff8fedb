"""POST /api/search: label passages for a query, from the configured retriever."""

from __future__ import annotations

from fastapi import APIRouter

from pharmabot.api.deps import ServicesDep
from pharmabot.api.errors import error_responses
from pharmabot.safety.injection import sanitize_input
from pharmabot.schemas.common import ErrorResponse
from pharmabot.schemas.search import SearchRequest, SearchResponse, SearchResult
from pharmabot.search.service import search_labels

router = APIRouter(prefix="/api", tags=["search"], responses=error_responses(401, 413, 415, 429))


@router.post(
    "/search",
    response_model=SearchResponse,
    summary="Search the FDA label passages",
    responses={
        400: {
            "model": ErrorResponse,
            "description": "Prompt injection (`prompt_injection`), or the body is not parseable JSON.",
        },
        404: {"model": ErrorResponse, "description": "The `drug` filter names no known drug (details: suggestions)."},
        409: {"model": ErrorResponse, "description": "The `drug` filter matches several drugs (details: candidates)."},
        503: {"model": ErrorResponse, "description": "The search backend is unavailable."},
    },
)
async def search(body: SearchRequest, services: ServicesDep) -> SearchResponse:
    # Every free-text input goes through the same sanitizer as chat; passages may reach a model later.
    for text in (body.query, body.drug):
        if text is not None:
            sanitize_input(text)
    hits = await search_labels(
        retriever=services.retriever,
        catalog=services.knowledge.catalog,
        query=body.query,
        top_k=body.top_k,
        drug=body.drug,
        section=body.section,
    )
    return SearchResponse(results=[SearchResult.model_validate(hit.model_dump()) for hit in hits])
