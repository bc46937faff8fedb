"""`POST /api/interactions`: check a list of medicines against the labels and rule lists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from pharmabot.api.deps import ServicesDep
from pharmabot.api.errors import error_responses
from pharmabot.errors import DependencyError
from pharmabot.interactions.engine import InteractionEngine
from pharmabot.schemas.common import ErrorResponse
from pharmabot.schemas.interactions import Audience, InteractionReport, InteractionsRequest

router = APIRouter(prefix="/api", tags=["interactions"], responses=error_responses(400, 401, 413, 415, 429))


async def get_interaction_engine(services: ServicesDep) -> InteractionEngine:
    if services.interactions is None:
        raise DependencyError(
            "The interaction checker is not loaded: build the local index first.", code="interactions_unavailable"
        )
    return services.interactions


EngineDep = Annotated[InteractionEngine, Depends(get_interaction_engine)]


@router.post(
    "/interactions",
    response_model=InteractionReport,
    responses={503: {"model": ErrorResponse, "description": "The interaction knowledge is not loaded."}},
    summary="Check 2-20 medicines for interactions, duplications and food/alcohol notes",
)
def check_interactions(
    body: InteractionsRequest,
    engine: EngineDep,
    audience: Annotated[Audience, Query(description="`consumer` (plain words) or `professional` (label wording).")] = (
        "consumer"
    ),
) -> InteractionReport:
    return engine.check(drugs=body.drugs, audience=audience)
