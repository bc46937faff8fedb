"""A name several products share as an ingredient word ("insulin"), checked as each product: API, command line."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from pharmabot.cli import main
from pharmabot.config import get_settings, load_settings
from tests.support.fixtures import app_client, check_interactions

# Two insulins with labels (each says beta-blockers change or mask low blood sugar) and a beta-blocker; the other
# insulins and the tenofovir products are in the catalog through the Orange Book, with no label here.
FAMILY_TEST_DRUGS = ("insulin glargine", "insulin aspart", "metoprolol")


@pytest.fixture(scope="module")
def family_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.support.index import build_small_index

    return build_small_index(tmp_path_factory.mktemp("families"), FAMILY_TEST_DRUGS).path


@pytest.fixture
async def client(family_index: Path, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    settings = load_settings(index_path=family_index, sqlite_path=tmp_path / "state.sqlite")
    async with app_client(settings) as http:
        yield http


async def test_insulin_is_checked_as_each_insulin_product(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "insulin", "metoprolol")
    assert body["unresolved"] == []
    insulin, metoprolol = body["resolved"]
    assert (insulin["input"], insulin["drug"], insulin["method"]) == ("insulin", "insulin", "family")
    assert {"insulin aspart", "insulin glargine"} <= set(insulin["products"])
    assert not any(" and " in p and "water" not in p for p in insulin["products"])  # no partner medicine
    assert metoprolol["products"] == []
    (hit,) = body["interactions"]
    assert hit["drugs"] == ["insulin", "metoprolol"]
    assert hit["severity"] in ("moderate", "major")
    assert set(hit["products"]) <= set(insulin["products"])
    assert any("beta-blocker" in e["quote"].lower() for e in hit["evidence"])
    assert {e["label_drug"] for e in hit["evidence"]} <= {"insulin aspart", "insulin glargine", "metoprolol"}
    # A sentence several labels share is quoted once.
    quotes = [" ".join(e["quote"].lower().split()) for e in hit["evidence"]]
    assert len(quotes) == len(set(quotes))
    (note,) = [n for n in body["notes"] if n.startswith("insulin: checked as")]
    assert "insulin aspart" in note
    assert "insulin glargine" in note
    labels = {s["name"] for s in body["sources_checked"]}
    assert {"FDA label: insulin aspart", "FDA label: insulin glargine", "FDA label: metoprolol"} <= labels
    assert len(labels) == len(body["sources_checked"])


async def test_the_order_typed_is_kept(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "metoprolol", "Insulin")
    assert [d["drug"] for d in body["resolved"]] == ["metoprolol", "insulin"]
    assert body["interactions"][0]["drugs"] == ["metoprolol", "insulin"]


async def test_a_family_with_nothing_found_says_none_found_not_unrecognized(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "tenofovir", "metoprolol")
    (tenofovir, _) = body["resolved"]
    assert tenofovir["method"] == "family"
    assert set(tenofovir["products"]) == {"tenofovir alafenamide", "tenofovir disoproxil"}
    assert body["interactions"] == []
    assert "No interaction between these medicines was found in these sources." in body["notes"]
    assert any(s["kind"] == "note" and "tenofovir disoproxil" in s["name"] for s in body["sources_checked"])


async def test_a_family_and_one_of_its_products_is_the_same_ingredient_twice(client: httpx.AsyncClient) -> None:
    body = await check_interactions(client, "insulin", "insulin glargine", "insulin")
    assert [u["status"] for u in body["unresolved"]] == ["duplicate"]
    assert any(d["drug_class"] == "same active ingredient: insulin glargine" for d in body["duplications"])
    # No product is checked against itself.
    assert all(i["drugs"][0] != i["drugs"][1] for i in body["interactions"])


async def test_the_report_schema_documents_the_family_fields(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()["components"]["schemas"]
    assert "products" in schema["ResolvedDrug"]["properties"]
    assert "products_total" in schema["ResolvedDrug"]["properties"]
    assert "products" in schema["Interaction"]["properties"]


@pytest.fixture
def family_env(family_index: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PHARMABOT_INDEX_PATH", str(family_index))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_the_command_line_names_the_products_read(family_env: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["interactions", "insulin", "metoprolol"]) == 0
    out = capsys.readouterr().out
    assert "Not recognized" not in out
    assert "insulin -> 2 insulin products" in out
    assert "insulin + metoprolol" in out
    assert "insulin: checked as" in out
