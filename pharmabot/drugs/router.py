"""GET /api/drugs: drug name lookup and autocomplete; GET /api/drugs/{name}: a drug's label."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from pharmabot.api.deps import ServicesDep
from pharmabot.api.errors import error_responses
from pharmabot.drugs.service import drug_page, suggest_drugs
from pharmabot.errors import InvalidInputError
from pharmabot.schemas.common import ErrorResponse
from pharmabot.schemas.drugs import DrugDetail, DrugSearchResponse
from pharmabot.text import clean_text_input

router = APIRouter(prefix="/api/drugs", tags=["drugs"], responses=error_responses(401, 429, 503))


@router.get("", response_model=DrugSearchResponse, summary="Find drugs by name (autocomplete, misspellings)")
async def find_drugs(
    services: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=100, description="Part of a generic or brand name.")],
    limit: Annotated[int, Query(ge=1, le=20, description="Most results to return.")] = 10,
) -> DrugSearchResponse:
    query = _clean(q, "q")
    return DrugSearchResponse(query=query, results=suggest_drugs(services.knowledge.catalog, query, limit=limit))


@router.get(
    "/{name}",
    response_model=DrugDetail,
    summary="A drug's label, by generic or brand name",
    responses={
        404: {"model": ErrorResponse, "description": "No such drug; `details.suggestions` lists close names."},
        409: {"model": ErrorResponse, "description": "The name matches several drugs; `details.candidates`."},
    },
)
async def get_drug(
    services: ServicesDep,
    name: Annotated[str, Path(min_length=1, max_length=100, description="Generic or brand name.")],
) -> DrugDetail:
    return await drug_page(services.knowledge, _clean(name, "name"), label_text=services.label_text)


def _clean(value: str, field: str) -> str:
    try:
        return clean_text_input(value)
    except ValueError as exc:
        raise InvalidInputError(
            f"{field} {exc}", details=[{"loc": ["query" if field == "q" else "path", field], "msg": str(exc)}]
        ) from None
