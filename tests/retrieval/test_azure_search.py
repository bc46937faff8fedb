"""The Azure AI Search retriever with the real `azure-search-documents` SDK over real HTTP.

The service is `tests.support.search_server`, a local stand-in written for these tests (no Azure AI Search
emulator exists): it stores the documents the indexer uploaded, answers searches with a tiny term-count
ranking honouring filters and paging, and records each request, so the tests assert the filter, select,
top, scoring parameters, vector and query type that were sent, and the mapping back to SearchHit.
"""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator, Sequence

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.search.documents.aio import SearchClient
from azure.search.documents.indexes.aio import SearchIndexClient

from pharmabot.config import load_settings
from pharmabot.errors import RetrieverError
from pharmabot.retrieval.azure_indexer import upload_chunks
from pharmabot.retrieval.azure_search import (
    SELECT,
    AzureSearchRetriever,
    drug_filter,
    search_filter,
)
from pharmabot.retrieval.base import Retriever, SearchSpec
from tests.retrieval.test_azure_indexer import FakeEmbedder, chunks_for
from tests.support.labels import catalog_for
from tests.support.search_server import SEARCH_KEY, SearchServerState, search_server

INDEX = "pharmabot-labels"
DRUGS = ("simvastatin", "clarithromycin", "warfarin", "ibuprofen")


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[str, SearchServerState]]:
    """One stand-in server per module, loaded once with the test drugs' chunks by the real indexer."""
    import asyncio

    with search_server() as (url, state):

        async def load() -> None:
            credential = AzureKeyCredential(SEARCH_KEY)
            async with SearchIndexClient(url, credential) as index_client, SearchClient(url, INDEX, credential) as sc:
                await upload_chunks(
                    index_client=index_client, search_client=sc, index_name=INDEX, chunks=chunks_for(DRUGS)
                )

        asyncio.run(load())
        yield url, state


Make = Callable[..., AzureSearchRetriever]


@pytest.fixture
async def make() -> AsyncIterator[Make]:
    """Builds retrievers on a URL (SDK retries off) and closes them after the test, pass or fail."""
    made: list[AzureSearchRetriever] = []

    def build(url: str, **kwargs: object) -> AzureSearchRetriever:
        client = SearchClient(url, INDEX, AzureKeyCredential(SEARCH_KEY), retry_total=0)
        made.append(AzureSearchRetriever(client=client, catalog=catalog_for(DRUGS), **kwargs))  # type: ignore[arg-type]
        return made[-1]

    yield build
    for retriever in made:
        await retriever.close()


@pytest.fixture
def state(loaded: tuple[str, SearchServerState]) -> SearchServerState:
    """The shared stand-in's state, with its request log and injected failure reset."""
    _, server_state = loaded
    server_state.requests.clear()
    server_state.fail_search = None
    return server_state


def last_search(state: SearchServerState) -> dict[str, object]:
    body = state.calls("search.post.search")[-1].body
    assert isinstance(body, dict)
    return body


def test_is_a_retriever(make: Make) -> None:
    """No server needed: the class satisfies the Retriever protocol the services use."""
    retriever: Retriever = make("http://127.0.0.1:1")
    assert retriever.name == "azure_search"


async def test_drug_query_filters_and_boosts(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: a named drug becomes a filter, the side-effect intent a section boost."""
    url, _ = loaded
    retriever = make(url)
    hits = await retriever.search(query="What are the side effects of simvastatin?", top_k=4)
    body = last_search(state)
    assert body["filter"] == "drug_key eq 'simvastatin'"
    assert body["search"] == "side effects"  # the drug's name is matched by the filter, not the text
    assert body["top"] == 4
    assert "skip" not in body
    assert body["select"] == ",".join(SELECT)
    assert body["scoringProfile"] == "section-boost"
    assert body["scoringParameters"] == [
        "sections-adverse_reactions,warnings_and_cautions,warnings,precautions,boxed_warning"
    ]
    assert "queryType" not in body
    assert "vectorQueries" not in body
    assert len(hits) == 4
    assert {h.drug_name for h in hits} == {"simvastatin"}
    stored = state.docs[INDEX][hits[0].chunk_id]
    assert hits[0].model_dump() == {
        "chunk": stored["content"],
        "drug_name": "simvastatin",
        "score": hits[0].score,
        "source": "azure_search",
        "label_section": stored["section_title"],
        "section_key": stored["section_key"],
        "set_id": stored["set_id"],
        "effective_time": stored["effective_time"],
        "url": stored["url"],
        "chunk_id": stored["chunk_id"],
    }
    assert hits[0].score > 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


async def test_two_drugs_and_an_interaction_intent(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: two drugs give a search.in filter; no other words match every chunk."""
    url, _ = loaded
    retriever = make(url)
    hits = await retriever.search(query="can I take simvastatin with clarithromycin", top_k=5)
    body = last_search(state)
    assert body["filter"] == "search.in(drug_key, 'simvastatin|clarithromycin', '|')"
    assert body["search"] == "*"
    assert str(body["scoringParameters"]).startswith("['sections-drug_interactions,contraindications")
    assert {h.drug_name for h in hits} <= {"simvastatin", "clarithromycin"}
    # With no words, the stand-in (like Azure's tag boost) ranks the asked-for sections above the rest.
    assert hits[0].section_key in {"drug_interactions", "contraindications", "warnings_and_cautions", "warnings"}


async def test_explicit_drug_and_section(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: explicit drug and section arguments are both filters."""
    url, _ = loaded
    retriever = make(url)
    hits = await retriever.search(query="bleeding risk", top_k=3, drug="warfarin", section="boxed_warning")
    assert last_search(state)["filter"] == "drug_key eq 'warfarin' and section_key eq 'boxed_warning'"
    assert hits
    assert {(h.drug_name, h.section_key) for h in hits} == {("warfarin", "boxed_warning")}


async def test_search_many_sends_each_search_and_keeps_their_order(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: a batch is one request per search, answered as one by one."""
    url, _ = loaded
    retriever = make(url)
    specs = [
        SearchSpec(query="bleeding risk", top_k=3, drug="warfarin", section="boxed_warning"),
        SearchSpec(query="side effects", top_k=2, drug="simvastatin"),
        SearchSpec(query="the", top_k=2),  # nothing to match: no request
    ]
    batch = await retriever.search_many(specs)
    filters = sorted(str(call.body["filter"]) for call in state.calls("search.post.search"))  # type: ignore[index]
    assert filters == ["drug_key eq 'simvastatin'", "drug_key eq 'warfarin' and section_key eq 'boxed_warning'"]
    one_by_one = [await retriever.search(query=s.query, top_k=s.top_k, drug=s.drug, section=s.section) for s in specs]
    assert batch == one_by_one
    assert [bool(hits) for hits in batch] == [True, True, False]


async def test_semantic_ranking(make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState) -> None:
    """Against the local stand-in server: semantic on sends queryType and config; reranker scores map back."""
    url, _ = loaded
    retriever = make(url, semantic=True)
    query = "Is warfarin safe during pregnancy?"
    hits = await retriever.search(query=query, top_k=3)
    body = last_search(state)
    assert body["queryType"] == "semantic"
    assert body["semanticConfiguration"] == "pharmabot-semantic"
    assert body["semanticQuery"] == query
    stored_score = state.docs[INDEX][hits[0].chunk_id]
    assert stored_score["drug_key"] == "warfarin"
    assert all(1 <= h.score < 10 for h in hits)  # the stand-in's rerankerScore is 1 + score/10


async def test_hybrid_with_embedder(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: with an embedder the question's vector is sent as a vector query."""
    url, _ = loaded
    embedder = FakeEmbedder(dimensions=8)
    retriever = make(url, embedder=embedder)
    query = "ibuprofen stomach bleeding"
    await retriever.search(query=query, top_k=3)
    (vector_query,) = last_search(state)["vectorQueries"]  # type: ignore[misc]
    assert vector_query == {
        "kind": "vector",
        "vector": (await FakeEmbedder(8).embed([query]))[0],
        "k": 3,
        "fields": "content_vector",
    }
    assert embedder.calls == [1]
    semantic = make(url, embedder=embedder, semantic=True)
    await semantic.search(query=query, top_k=3)
    assert last_search(state)["vectorQueries"][0]["k"] == 50  # type: ignore[index]


async def test_failing_embedder_falls_back_to_keywords(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: an embedding failure still answers, by keywords only."""

    class Broken:
        async def embed(self, texts: Sequence[str]) -> list[list[float]]:
            raise RuntimeError("model down")

    url, _ = loaded
    retriever = make(url, embedder=Broken())
    hits = await retriever.search(query="warfarin bleeding", top_k=2)
    assert hits
    assert "vectorQueries" not in last_search(state)


async def test_nothing_to_match_sends_nothing(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: a question with no drug and no content word is not searched (as locally)."""
    url, _ = loaded
    retriever = make(url)
    assert await retriever.search(query="what is the", top_k=3) == []
    assert state.calls("search.post.search") == []


async def test_service_error_is_a_retriever_error(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: an HTTP error becomes RetrieverError with a safe message."""
    url, _ = loaded
    state.fail_search = 400
    retriever = make(url)
    with pytest.raises(RetrieverError, match=r"refused the query \(HTTP 400\)"):
        await retriever.search(query="warfarin bleeding", top_k=2)


def test_odata_literals_are_escaped() -> None:
    """No server needed: single quotes are doubled; a key holding the delimiter falls back to eq/or."""
    assert drug_filter(["o'brien"]) == "drug_key eq 'o''brien'"
    assert drug_filter(["a'b", "c"]) == "search.in(drug_key, 'a''b|c', '|')"
    assert drug_filter(["a|b", "c"]) == "(drug_key eq 'a|b' or drug_key eq 'c')"
    assert search_filter([], "x'y") == "section_key eq 'x''y'"
    assert search_filter([], None) is None


async def test_check_counts_documents(
    make: Make, loaded: tuple[str, SearchServerState], state: SearchServerState
) -> None:
    """Against the local stand-in server: the health check is one `$count` request, no search or model call."""
    url, _ = loaded
    retriever = make(url)
    await retriever.check()
    assert [(r.method, r.path) for r in state.requests] == [("GET", f"/indexes('{INDEX}')/docs/$count")]


async def test_check_fails_when_the_index_is_missing(loaded: tuple[str, SearchServerState]) -> None:
    """Against the local stand-in server: a missing index fails the check with its HTTP status."""
    url, _ = loaded
    client = SearchClient(url, "no-such-index", AzureKeyCredential(SEARCH_KEY), retry_total=0)
    retriever = AzureSearchRetriever(client=client, catalog=catalog_for(DRUGS))
    try:
        with pytest.raises(RetrieverError, match="HTTP 404"):
            await retriever.check()
    finally:
        await retriever.close()


async def test_check_fails_fast_when_the_service_is_down(make: Make) -> None:
    """No server: a closed port fails the check with RetrieverError within the timeout."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    retriever = make(f"http://127.0.0.1:{port}", check_timeout_seconds=1.0)
    started = time.perf_counter()
    with pytest.raises(RetrieverError):
        await retriever.check()
    assert time.perf_counter() - started < 1.5


async def test_check_times_out_when_the_service_hangs(make: Make) -> None:
    """A socket that accepts connections and never answers: the check gives up at its timeout."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        retriever = make(f"http://127.0.0.1:{sock.getsockname()[1]}", check_timeout_seconds=0.5)
        started = time.perf_counter()
        with pytest.raises(RetrieverError, match=r"did not answer within 0\.5s"):
            await retriever.check()
        assert time.perf_counter() - started < 1.5


async def test_from_settings_with_a_key(loaded: tuple[str, SearchServerState], state: SearchServerState) -> None:
    """Against the local stand-in server: settings with AZURE_SEARCH_KEY build a working retriever."""
    url, _ = loaded
    settings = load_settings(
        retriever="azure_search", azure_search_endpoint=url, azure_search_key=SEARCH_KEY, azure_search_semantic=True
    )
    retriever = AzureSearchRetriever.from_settings(settings, catalog_for(DRUGS))
    try:
        assert retriever.semantic is True
        await retriever.check()
    finally:
        await retriever.close()
    assert state.requests[-1].path == f"/indexes('{INDEX}')/docs/$count"
