"""Ingest into Azure AI Search with the real `azure-search-documents` SDK over real HTTP.

The service is `tests.support.search_server`, a local stand-in written for these tests (no Azure AI Search
emulator exists): it implements the few REST calls used and records every request, so the tests assert
the index definition, batches, retries, vectors and pruning that the SDK actually sent.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import math
import sqlite3
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path

import pytest
from azure.core.credentials import AzureKeyCredential
from azure.search.documents.aio import SearchClient
from azure.search.documents.indexes.aio import SearchIndexClient

from pharmabot.config import load_settings
from pharmabot.errors import ConfigError, RetrieverError
from pharmabot.ingest import build_index, ingest_to_azure_search
from pharmabot.knowledge.build import catalog_key_of
from pharmabot.knowledge.chunking import Chunk, chunk_label
from pharmabot.retrieval import azure_indexer
from pharmabot.retrieval.azure_indexer import IngestStats, upload_chunks
from pharmabot.retrieval.azure_search import valid_key
from pharmabot.retrieval.embeddings import estimate_tokens
from tests.support.labels import _all_raw, labels_for
from tests.support.search_server import SEARCH_KEY, SearchServerState, search_server

INDEX = "pharmabot-labels"


def chunks_for(drugs: Sequence[str]) -> list[Chunk]:
    """The chunks of the first shipped label of each drug, filed under its catalog key."""
    out: list[Chunk] = []
    for drug in drugs:
        label = labels_for([drug])[0]
        out += chunk_label(label, drug_key=catalog_key_of(label))
    return out


class FakeEmbedder:
    """Deterministic vectors (our own Embedder protocol, not an SDK): records each call's size."""

    def __init__(self, dimensions: int = 8, model: str = "fake-embedder") -> None:
        self.dimensions = dimensions
        self.model = model
        self.calls: list[int] = []

    async def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.calls.append(len(texts))
        return [[float((len(t) + i) % 7) for i in range(self.dimensions)] for t in texts]


@pytest.fixture
def server() -> Iterator[tuple[str, SearchServerState]]:
    with search_server() as running:
        yield running


@pytest.fixture
async def clients(server: tuple[str, SearchServerState]) -> AsyncIterator[tuple[SearchIndexClient, SearchClient]]:
    url, _ = server
    credential = AzureKeyCredential(SEARCH_KEY)
    # Fast SDK retries so the 503 test takes milliseconds.
    index_client = SearchIndexClient(url, credential, retry_backoff_factor=0.01)
    search_client = SearchClient(url, INDEX, credential, retry_backoff_factor=0.01)
    async with index_client, search_client:
        yield index_client, search_client


async def ingest(
    clients: tuple[SearchIndexClient, SearchClient], chunks: Sequence[Chunk], **kwargs: object
) -> IngestStats:
    index_client, search_client = clients
    options: dict[str, object] = {"backoff_seconds": 0.0, **kwargs}
    return await upload_chunks(
        index_client=index_client, search_client=search_client, index_name=INDEX, chunks=chunks, **options
    )  # type: ignore[arg-type]


async def test_index_definition_sent(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """The PUT carries the key, the citation fields as filterable/facetable, the vector profile and semantic config."""
    _, state = server
    await ingest(clients, chunks_for(["warfarin"]), semantic=True)
    (put,) = [r for r in state.requests if r.method == "PUT"]
    assert put.path == f"/indexes('{INDEX}')"
    fields = {f["name"]: f for f in put.body["fields"]}
    assert fields["chunk_id"]["key"] is True
    for name in ("drug_key", "section_key", "set_id", "brand_names", "effective_time"):
        assert fields[name]["filterable"] is True, name
        assert fields[name]["facetable"] is True, name
    # Bookkeeping for incremental ingests: what a document holds, and which model made its vector.
    assert fields["content_hash"]["retrievable"] is True
    assert fields["embedding_model"]["filterable"] is True
    for name in ("content", "drug_name", "brand_names", "section_title"):
        assert fields[name]["searchable"] is True, name
    assert fields["brand_names"]["type"] == "Collection(Edm.String)"
    vector = fields["content_vector"]
    assert vector["type"] == "Collection(Edm.Single)"
    assert vector["dimensions"] == 1536  # no embedder: the default size, so vectors can be added later
    assert vector["vectorSearchProfile"] == put.body["vectorSearch"]["profiles"][0]["name"]
    assert put.body["vectorSearch"]["algorithms"][0]["kind"] == "hnsw"
    config = put.body["semantic"]["configurations"][0]
    assert config["prioritizedFields"]["titleField"] == {"fieldName": "drug_name"}
    assert config["prioritizedFields"]["prioritizedContentFields"] == [{"fieldName": "content"}]
    assert [f["fieldName"] for f in config["prioritizedFields"]["prioritizedKeywordsFields"]] == [
        "section_title",
        "brand_names",
    ]
    (profile,) = put.body["scoringProfiles"]
    assert profile["functions"][0] == {
        "fieldName": "section_key",
        "boost": 5.0,
        "tag": {"tagsParameter": "sections"},
        "type": "tag",
    }


async def test_no_semantic_config_when_off(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: semantic=False defines no semantic configuration."""
    _, state = server
    await ingest(clients, chunks_for(["warfarin"]), semantic=False)
    (put,) = [r for r in state.requests if r.method == "PUT"]
    assert put.body.get("semantic") is None


async def test_batches_and_documents(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: mergeOrUpload batches of the given size, one document per chunk."""
    _, state = server
    chunks = chunks_for(["warfarin", "clarithromycin"])
    stats = await ingest(clients, chunks, batch_size=50)
    uploads = state.calls("search.index")
    assert len(uploads) == math.ceil(len(chunks) / 50)
    assert [len(r.body["value"]) for r in uploads][:-1] == [50] * (len(uploads) - 1)
    sent = [doc for r in uploads for doc in r.body["value"]]
    assert {doc["@search.action"] for doc in sent} == {"mergeOrUpload"}
    assert all("content_vector" not in doc for doc in sent)  # keyword only: no vectors uploaded
    assert [doc["chunk_id"] for doc in sent] == [c.chunk_id for c in chunks]
    first, chunk = sent[0], chunks[0]
    assert first["content"] == chunk.text
    assert first["drug_key"] == "warfarin"
    assert first["brand_names"] == list(chunk.brand_names)
    assert (first["section_key"], first["section_title"], first["set_id"]) == (
        chunk.section_key,
        chunk.section_title,
        chunk.set_id,
    )
    assert (first["effective_time"], first["url"]) == (chunk.effective_time, chunk.url)
    assert stats.uploaded == len(chunks)
    assert stats.batches == len(uploads)
    assert len(state.docs[INDEX]) == len(chunks)


async def test_vectors_from_embedder(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: the vector field takes the embedder's size; every document has a vector."""
    _, state = server
    embedder = FakeEmbedder(dimensions=8)
    chunks = chunks_for(["clarithromycin"])
    stats = await ingest(clients, chunks, embedder=embedder, batch_size=40)
    (put,) = [r for r in state.requests if r.method == "PUT"]
    assert {f["name"]: f for f in put.body["fields"]}["content_vector"]["dimensions"] == 8
    sent = [doc for r in state.calls("search.index") for doc in r.body["value"]]
    assert all(len(doc["content_vector"]) == 8 for doc in sent)
    assert sum(embedder.calls) == len(chunks)  # each text embedded once
    assert max(embedder.calls) <= azure_indexer.EMBED_BATCH_INPUTS
    assert stats.embedded == len(chunks)
    assert {doc["embedding_model"] for doc in sent} == {"fake-embedder"}


async def test_whole_request_503_is_retried(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: a 503 for a batch is retried by the SDK with the same documents."""
    _, state = server
    state.fail_next_index = [503]
    chunks = chunks_for(["clarithromycin"])
    stats = await ingest(clients, chunks)
    first, second = state.calls("search.index")[:2]
    assert first.body == second.body
    assert stats.uploaded == len(chunks)
    assert len(state.docs[INDEX]) == len(chunks)


async def test_rejected_documents_are_resent(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: documents rejected with 503/409 in a 207 answer are sent again, alone."""
    _, state = server
    chunks = chunks_for(["clarithromycin"])
    state.reject = {chunks[3].chunk_id: [503, 409], chunks[7].chunk_id: [429]}
    stats = await ingest(clients, chunks)
    uploads = state.calls("search.index")
    assert [len(r.body["value"]) for r in uploads] == [len(chunks), 2, 1]
    assert {d["chunk_id"] for d in uploads[1].body["value"]} == {chunks[3].chunk_id, chunks[7].chunk_id}
    assert stats.retried == 3
    assert stats.uploaded == len(chunks)
    assert set(state.docs[INDEX]) == {c.chunk_id for c in chunks}


async def test_permanent_rejection_fails_without_pruning(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: a per-document 400 is not retried; the ingest fails and prunes nothing."""
    _, state = server
    chunks = chunks_for(["clarithromycin"])
    state.reject = {chunks[0].chunk_id: [400]}
    with pytest.raises(RetrieverError, match="1 of") as caught:
        await ingest(clients, chunks)
    assert chunks[0].chunk_id in caught.value.details["failures"][0]
    assert len(state.calls("search.index")) == 1
    assert state.calls("search.post.search") == []  # no prune query


async def test_retries_are_bounded(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: a document rejected with 503 every time is given up after max_attempts."""
    _, state = server
    chunks = chunks_for(["clarithromycin"])
    state.reject = {chunks[0].chunk_id: [503] * 10}
    with pytest.raises(RetrieverError):
        await ingest(clients, chunks, max_attempts=3)
    assert len(state.calls("search.index")) == 3


async def test_ingesting_twice_is_idempotent(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: a second ingest of the same chunks sends nothing and changes nothing."""
    _, state = server
    chunks = chunks_for(["warfarin", "clarithromycin"])
    first = await ingest(clients, chunks)
    before = json.loads(json.dumps(state.docs[INDEX]))
    uploads = len(state.calls("search.index"))
    second = await ingest(clients, chunks)
    assert state.docs[INDEX] == before
    assert len(state.calls("search.index")) == uploads  # no upload, no delete
    assert (second.unchanged, second.uploaded, second.deleted) == (len(chunks), 0, 0)
    assert first.corpus_version == second.corpus_version
    assert all(valid_key(key) for key in state.docs[INDEX])


async def test_a_changed_document_is_merged_without_a_new_vector(
    server: tuple[str, SearchServerState], clients: tuple
) -> None:
    """Against the local stand-in server: changed metadata (a brand name) is sent again, its text not re-embedded."""
    _, state = server
    chunks = chunks_for(["clarithromycin"])
    await ingest(clients, chunks, embedder=FakeEmbedder())
    vector = state.docs[INDEX][chunks[0].chunk_id]["content_vector"]
    changed = [dataclasses.replace(chunks[0], brand_names=("Biaxin XL",)), *chunks[1:]]
    embedder = FakeEmbedder()
    stats = await ingest(clients, changed, embedder=embedder)
    assert embedder.calls == []
    (upload,) = state.calls("search.index")[-1:]
    (sent,) = upload.body["value"]
    assert sent["brand_names"] == ["Biaxin XL"]
    assert "content_vector" not in sent  # merged: the stored vector (same id, same text) stays
    assert state.docs[INDEX][chunks[0].chunk_id]["content_vector"] == vector
    assert (stats.uploaded, stats.unchanged, stats.embedded) == (1, len(chunks) - 1, 0)


async def test_vectors_from_another_model_are_embedded_again(
    server: tuple[str, SearchServerState], clients: tuple
) -> None:
    """Against the local stand-in server: keyword-only documents, or vectors of another model, get new vectors."""
    _, state = server
    chunks = chunks_for(["clarithromycin"])
    await ingest(clients, chunks)  # no embedder: text only
    first = FakeEmbedder(dimensions=1536, model="model-a")
    assert (await ingest(clients, chunks, embedder=first)).embedded == len(chunks)
    again = FakeEmbedder(dimensions=1536, model="model-a")
    assert (await ingest(clients, chunks, embedder=again)).embedded == 0
    other = FakeEmbedder(dimensions=1536, model="model-b")
    assert (await ingest(clients, chunks, embedder=other)).embedded == len(chunks)
    assert {d["embedding_model"] for d in state.docs[INDEX].values()} == {"model-b"}


async def test_a_vector_size_the_index_cannot_hold_is_a_clear_error(
    server: tuple[str, SearchServerState], clients: tuple
) -> None:
    """Against the local stand-in server: the index was made for 1536 dimensions; 8-dimension vectors are refused."""
    chunks = chunks_for(["clarithromycin"])
    await ingest(clients, chunks)
    with pytest.raises(RetrieverError, match="8 dimensions, the index's vector field 1536"):
        await ingest(clients, chunks, embedder=FakeEmbedder(dimensions=8))


async def test_stale_documents_are_pruned(
    server: tuple[str, SearchServerState], clients: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Against the local stand-in server: the index's keys are read in key-range pages; keys not in the corpus go."""
    _, state = server
    monkeypatch.setattr(azure_indexer, "STATE_PAGE", 20)
    old = chunks_for(["warfarin", "clarithromycin"])
    new = chunks_for(["clarithromycin", "ibuprofen"])
    await ingest(clients, old)
    state.requests.clear()
    stats = await ingest(clients, new)
    assert set(state.docs[INDEX]) == {c.chunk_id for c in new}
    assert stats.deleted == len({c.chunk_id for c in old} - {c.chunk_id for c in new})
    assert stats.unchanged == len({c.chunk_id for c in old} & {c.chunk_id for c in new})
    pages = state.calls("search.post.search")
    assert all(q.body["top"] == 20 and q.body["orderby"] == "chunk_id asc" for q in pages)
    assert pages[0].body.get("filter") is None
    assert pages[1].body["filter"] == f"chunk_id gt '{sorted(c.chunk_id for c in old)[19]}'"
    assert len(pages) == len(old) // 20 + 1


async def test_an_empty_corpus_never_empties_the_index(server: tuple[str, SearchServerState], clients: tuple) -> None:
    """Against the local stand-in server: no chunks (a wrong folder, a failed download) is refused, nothing deleted."""
    _, state = server
    chunks = chunks_for(["clarithromycin"])
    await ingest(clients, chunks)
    with pytest.raises(RetrieverError, match="refusing to delete"):
        await ingest(clients, [])
    assert len(state.docs[INDEX]) == len(chunks)


async def test_an_older_index_keeps_its_fields_and_gets_the_bookkeeping(
    server: tuple[str, SearchServerState], clients: tuple
) -> None:
    """Against the local stand-in server: Azure refuses to drop fields, so a field only the old index has is kept."""
    _, state = server
    chunks = chunks_for(["clarithromycin"])
    await ingest(clients, chunks)
    put = next(r for r in state.requests if r.method == "PUT")
    old_fields = [f for f in put.body["fields"] if f["name"] not in {"content_hash", "embedding_model"}]
    old_fields.append({**old_fields[1], "name": "corpus_version", "searchable": False})
    state.indexes[INDEX]["fields"] = old_fields
    for doc in state.docs[INDEX].values():  # documents written before content hashes existed
        doc.pop("content_hash")
    state.requests.clear()
    stats = await ingest(clients, chunks)
    (update,) = [r for r in state.requests if r.method == "PUT"]
    names = [f["name"] for f in update.body["fields"]]
    assert {"corpus_version", "content_hash", "embedding_model"} <= set(names)
    assert stats.uploaded == len(chunks)  # once, to add the hashes
    assert (await ingest(clients, chunks)).uploaded == 0


def test_token_batches_bound_estimated_tokens_and_inputs() -> None:
    """No server needed: batches keep their order and stay within the token and input bounds."""
    docs = [{"chunk_id": str(i), "content": "x" * size} for i, size in enumerate([300, 300, 3270, 30, 30, 30, 9000])]
    batches = list(azure_indexer.token_batches(docs, max_tokens=1100, max_inputs=2))
    assert [[d["chunk_id"] for d in b] for b in batches] == [["0", "1"], ["2"], ["3", "4"], ["5"], ["6"]]
    # A single text above the bound still goes, alone (Azure's own per-input limit is the embedder's concern).
    assert all(sum(estimate_tokens(d["content"]) for d in b) <= 1100 or len(b) == 1 for b in batches)


def write_corpus(path: Path, drugs: Sequence[str]) -> Path:
    """A small openFDA `.jsonl.gz` file with the shipped records of DRUGS."""
    wanted = {label.set_id for label in labels_for(drugs)}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for raw in _all_raw():
            if raw.get("set_id") in wanted:
                handle.write(json.dumps(raw) + "\n")
    return path


async def test_ingest_to_azure_search_from_settings(server: tuple[str, SearchServerState], tmp_path: Path) -> None:
    """Against the local stand-in server: the CLI entry point uploads the local index's label choice and chunks."""
    url, state = server
    source = write_corpus(tmp_path / "labels.jsonl.gz", ["clarithromycin", "ibuprofen"])
    settings = load_settings(
        index_path=tmp_path / "built.sqlite",
        azure_search_endpoint=url,
        azure_search_key=SEARCH_KEY,
        azure_search_index="custom",
    )
    stats = await ingest_to_azure_search(settings=settings, sources=[source], progress=False)
    assert (tmp_path / "built.sqlite").exists()  # the local index it streamed from, built from the same source
    local = build_index(sources=[source], index_path=tmp_path / "local.sqlite")
    with contextlib.closing(sqlite3.connect(local.path)) as conn:
        local_ids = {row[0] for row in conn.execute("SELECT chunk_id FROM chunks")}
    assert set(state.docs["custom"]) == local_ids  # the same chunks as the local index
    assert stats.labels == local.labels_indexed
    assert stats.uploaded == local.chunks


async def test_ingest_needs_an_endpoint(tmp_path: Path) -> None:
    """No server needed: without AZURE_SEARCH_ENDPOINT the ingest stops with a config error."""
    with pytest.raises(ConfigError, match="AZURE_SEARCH_ENDPOINT"):
        await ingest_to_azure_search(settings=load_settings(), sources=[], progress=False)
