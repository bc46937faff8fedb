"""The OpenAPI schema against the running app: schemathesis generates requests for every operation (derandomized,
so the same examples every run) and checks no 5xx, documented status codes and content types, and responses that
match their schemas. Valid (positive) and invalid (negative) requests both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import shutdown_lifespans
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pharmabot.config import load_settings
from pharmabot.main import app as default_app
from pharmabot.main import create_app

# Rate limits off: a 429 is documented, but it would stop the generator reaching the code behind it.
_NO_LIMITS = "chat=off,search=off,interactions=off,other=off,session=off"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# Collected from the schema without starting anything (schemathesis' own pytest loader does not support
# this pytest version's nodes, so the operations are parametrized here and run through hypothesis directly).
OPERATIONS = [(method.upper(), path) for path, item in default_app.openapi()["paths"].items() for method in item]


@pytest.fixture(scope="module")
def api_schema(small_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    state = tmp_path_factory.mktemp("schemathesis") / "state.sqlite"
    app = create_app(load_settings(index_path=small_index, sqlite_path=state, rate_limits=_NO_LIMITS))
    # Loaded from the ASGI app itself; schemathesis runs the app's lifespan for the calls and stops it here.
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    shutdown_lifespans()


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_matches_its_schema(api_schema: schemathesis.BaseSchema, method: str, path: str) -> None:
    operation = api_schema[path][method]
    cases = st.one_of(operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE))

    @given(case=cases)
    @settings(
        max_examples=30,
        derandomize=True,  # a fixed seed: the same examples on every run and machine, so failures reproduce
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    run()
