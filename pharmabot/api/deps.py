"""The API's request dependencies: the process's services, who is calling, and the rate limits.

FastAPI solves each dependency once per request and hands the same value to every place that
declares it (its per-request dependency cache), so the caller is resolved once, by `check_rate_limit`
(installed on every route by `create_app`), and routes that declare `CallerDep` receive that caller.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from pharmabot.config import Settings
from pharmabot.security.auth import Caller, is_open_path, resolve_caller
from pharmabot.security.rate_limits import count_request, route_class
from pharmabot.services import Services


async def get_services(request: Request) -> Services:
    """The process's services (async: a sync dependency would cost a thread-pool hop per request)."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]

# Probes, the API documentation and the web page never need a key: their caller is nobody in particular.
_OPEN = Caller(id="anonymous", kind="anonymous")


async def get_caller(request: Request) -> Caller:
    """Who is calling: the API key's id, else the client address (hashed); 401 when keys are required."""
    if is_open_path(request.url.path):
        return _OPEN
    settings: Settings = request.app.state.settings
    return resolve_caller(request, settings)


CallerDep = Annotated[Caller, Depends(get_caller)]


async def check_rate_limit(request: Request, caller: CallerDep) -> None:
    """Count this request against its caller's limits for the route class (429 over a limit).

    Health, docs and non-API paths are exempt. Resolving the caller here also enforces API keys.
    """
    cls = route_class(request.url.path)
    if cls is None:
        return
    services = await get_services(request)
    await count_request(
        store=services.store, rules=services.settings.rate_limits, caller=caller, route=cls, request=request
    )
