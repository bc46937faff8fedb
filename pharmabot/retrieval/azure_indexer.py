"""Ingest label chunks into Azure AI Search: create or update the index, upload in batches with retry, prune.

The chunks are the local index's chunks: the same labels are chosen per drug (the catalog's ranking,
`pharmabot.knowledge.index`) and cut by the same `chunk_label`, so both backends search the same texts.

Idempotent: a document's key is its chunk id, a digest of the label's set id, section, position and
text, so ingesting the same corpus twice writes the same documents under the same keys
(`mergeOrUpload`). Every document carries the ingest's `corpus_version` (a digest of all chunk ids);
after a complete, error-free upload, documents of another version (chunks whose label text changed,
labels no longer chosen) are deleted, so the index ends up holding exactly the current chunks.

Retries: whole-request throttling and outages (429, 503...) are retried by the SDK's retry policy with
backoff (honouring retry-after); documents the service rejects one by one with a retryable status
(409, 422, 429, 503) are sent again, a bounded number of times, with exponential backoff. Anything
still rejected fails the ingest with a RetrieverError naming the first failures (before any pruning).

Vectors: with an embedder the chunk texts are embedded in batches and uploaded in `content_vector`;
without one the field is left out of the upload (`mergeOrUpload` then keeps any vector a document
already has, which is still right because the same key means the same text).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from azure.core.exceptions import AzureError, HttpResponseError
from azure.search.documents.aio import SearchClient
from azure.search.documents.indexes.aio import SearchIndexClient
from tqdm import tqdm

from pharmabot.config import Settings
from pharmabot.errors import ConfigError, RetrieverError
from pharmabot.knowledge.chunking import Chunk, chunk_label
from pharmabot.knowledge.index import ORANGE_BOOK, choose_labels, label_stub
from pharmabot.knowledge.labels import LabelRecord, iter_labels, shipped_data_path, shipped_labels_path
from pharmabot.knowledge.names import DrugCatalog, label_ingredients, read_orange_book
from pharmabot.retrieval.azure_search import (
    DEFAULT_VECTOR_DIMENSIONS,
    VECTOR_FIELD,
    Embedder,
    index_definition,
    make_credential,
    odata_literal,
    valid_key,
)

log = logging.getLogger("pharmabot.retrieval.azure_indexer")

BATCH_SIZE = 500  # documents per upload request (Azure allows 1000 and 16 MB)
EMBED_BATCH_SIZE = 64  # texts per embeddings request
RETRYABLE = frozenset({409, 422, 429, 503})  # per-document statuses worth sending again
_PRUNE_PAGE = 1000


@dataclass
class IngestStats:
    """What an ingest did."""

    index_name: str
    corpus_version: str
    labels: int = 0
    chunks: int = 0
    uploaded: int = 0
    batches: int = 0
    retried: int = 0
    embedded: int = 0
    deleted: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def chosen_chunks(sources: Sequence[Path]) -> tuple[int, list[Chunk]]:
    """(labels chosen, their chunks): the same label choice and chunking as the local index build."""
    labels: dict[str, LabelRecord] = {}
    for label in iter_labels(sources):
        if label_ingredients(label):  # as in build_index: a label naming no ingredient is not filed
            labels[label.set_id] = label
    stubs = {set_id: label_stub(label) for set_id, label in labels.items()}
    catalog = DrugCatalog.from_labels(stubs.values(), orange_book=read_orange_book(shipped_data_path(ORANGE_BOOK)))
    chosen = choose_labels(catalog, stubs)
    chunks = [chunk for set_id, key in chosen for chunk in chunk_label(labels[set_id], drug_key=key)]
    return len(chosen), chunks


def corpus_version(chunks: Sequence[Chunk]) -> str:
    """A digest of the chunk ids: equal for equal corpora, whatever order they come in."""
    digest = hashlib.sha256()
    for chunk_id in sorted(c.chunk_id for c in chunks):
        digest.update(chunk_id.encode())
    return digest.hexdigest()[:16]


def document(chunk: Chunk, *, version: str, vector: list[float] | None = None) -> dict[str, Any]:
    """The search document of a chunk."""
    if not valid_key(chunk.chunk_id):
        raise RetrieverError(f"chunk id {chunk.chunk_id!r} is not a valid search key")
    doc: dict[str, Any] = {
        "chunk_id": chunk.chunk_id,
        "content": chunk.text,
        "drug_key": chunk.drug_key,
        "drug_name": chunk.drug_name,
        "brand_names": list(chunk.brand_names),
        "section_key": chunk.section_key,
        "section_title": chunk.section_title,
        "section_pos": chunk.section_pos,
        "ordinal": chunk.ordinal,
        "set_id": chunk.set_id,
        "effective_time": chunk.effective_time,
        "url": chunk.url,
        "corpus_version": version,
    }
    if vector is not None:
        doc[VECTOR_FIELD] = vector
    return doc


async def _embed(embedder: Embedder, texts: Sequence[str]) -> list[list[float]]:
    vectors: list[list[float]] = []
    for start in range(0, len(texts), EMBED_BATCH_SIZE):
        vectors += await embedder.embed(texts[start : start + EMBED_BATCH_SIZE])
    if len(vectors) != len(texts):
        raise RetrieverError(f"the embedder returned {len(vectors)} vectors for {len(texts)} texts")
    return vectors


async def _upload_batch(
    client: SearchClient,
    docs: list[dict[str, Any]],
    stats: IngestStats,
    *,
    max_attempts: int,
    backoff_seconds: float,
) -> None:
    """mergeOrUpload DOCS; resend the ones rejected with a retryable status, with exponential backoff."""
    pending = docs
    for attempt in range(max_attempts):
        if attempt:
            stats.retried += len(pending)
            await asyncio.sleep(backoff_seconds * 2 ** (attempt - 1))
        results = await client.merge_or_upload_documents(pending)
        by_key = {doc["chunk_id"]: doc for doc in pending}
        retry: list[dict[str, Any]] = []
        for result in results:
            if result.succeeded:
                stats.uploaded += 1
            elif result.status_code in RETRYABLE and attempt + 1 < max_attempts:
                retry.append(by_key[result.key])
            else:
                stats.failures.append(f"{result.key}: {result.status_code} {result.error_message or ''}".strip())
        if not retry:
            return
        pending = retry


async def _stale_keys(client: SearchClient, version: str) -> list[str]:
    """Keys of documents written by another ingest, paged by key range ($skip stops at 100,000 documents)."""
    keys: list[str] = []
    while True:
        condition = f"corpus_version ne {odata_literal(version)}"
        if keys:
            condition += f" and chunk_id gt {odata_literal(keys[-1])}"
        results = await client.search(
            search_text="*", filter=condition, select=["chunk_id"], order_by=["chunk_id asc"], top=_PRUNE_PAGE
        )
        page = [doc["chunk_id"] async for doc in results]
        keys += page
        if len(page) < _PRUNE_PAGE:
            return keys


async def upload_chunks(
    *,
    index_client: SearchIndexClient,
    search_client: SearchClient,
    index_name: str,
    chunks: Sequence[Chunk],
    embedder: Embedder | None = None,
    semantic: bool = False,
    vector_dimensions: int | None = None,
    batch_size: int = BATCH_SIZE,
    max_attempts: int = 5,
    backoff_seconds: float = 1.0,
    prune: bool = True,
    progress: bool = False,
) -> IngestStats:
    """Create or update the index, upload CHUNKS in batches (vectors too with EMBEDDER), then prune old documents."""
    started = time.perf_counter()
    version = corpus_version(chunks)
    stats = IngestStats(index_name=index_name, corpus_version=version, chunks=len(chunks))
    batches = [chunks[i : i + batch_size] for i in range(0, len(chunks), batch_size)]
    try:
        first_vectors: list[list[float]] | None = None
        if embedder is not None and batches:
            # The index's vector size is the embedder's: embed the first batch before defining the index.
            first_vectors = await _embed(embedder, [c.text for c in batches[0]])
            vector_dimensions = len(first_vectors[0])
        definition = index_definition(
            index_name, vector_dimensions=vector_dimensions or DEFAULT_VECTOR_DIMENSIONS, semantic=semantic
        )
        await index_client.create_or_update_index(definition)
        bar = tqdm(total=len(chunks), desc="uploading", unit=" chunks", disable=not (progress and sys.stderr.isatty()))
        with bar:
            for number, batch in enumerate(batches):
                vectors: Sequence[list[float] | None] = [None] * len(batch)
                if embedder is not None:
                    vectors = (
                        first_vectors
                        if number == 0 and first_vectors
                        else await _embed(embedder, [c.text for c in batch])
                    )
                    stats.embedded += len(batch)
                docs = [document(c, version=version, vector=v) for c, v in zip(batch, vectors, strict=True)]
                await _upload_batch(
                    search_client, docs, stats, max_attempts=max_attempts, backoff_seconds=backoff_seconds
                )
                stats.batches += 1
                bar.update(len(batch))
        if stats.failures:
            raise RetrieverError(
                f"{len(stats.failures)} of {len(chunks)} documents were rejected by Azure AI Search"
                f" (first: {stats.failures[0]}); nothing was pruned.",
                details={"failures": stats.failures[:20]},
            )
        if prune:
            stale = await _stale_keys(search_client, version)
            for start in range(0, len(stale), batch_size):
                part = stale[start : start + batch_size]
                results = await search_client.delete_documents([{"chunk_id": key} for key in part])
                stats.deleted += sum(1 for r in results if r.succeeded)
    except HttpResponseError as exc:
        message = exc.message.splitlines()[0] if exc.message else ""
        raise RetrieverError(f"Azure AI Search refused the ingest (HTTP {exc.status_code}): {message}") from exc
    except AzureError as exc:
        raise RetrieverError("Azure AI Search could not be reached during the ingest.") from exc
    stats.seconds = round(time.perf_counter() - started, 2)
    log.info(
        "azure search ingest done",
        extra={"fields": {"event": "azure_search_ingest", "count": stats.uploaded, "deleted": stats.deleted}},
    )
    return stats


async def ingest_to_azure_search(
    *,
    settings: Settings,
    sources: Sequence[Path],
    progress: bool,
    embedder: Embedder | None = None,
    batch_size: int = BATCH_SIZE,
) -> IngestStats:
    """`python -m pharmabot ingest --target azure-search`: the local index's chunks into AZURE_SEARCH_INDEX."""
    if not settings.azure_search_endpoint:
        raise ConfigError("AZURE_SEARCH_ENDPOINT is required for `ingest --target azure-search`")
    sources = [Path(s) for s in sources] or [shipped_labels_path()]
    for source in sources:
        if not source.is_file():
            raise FileNotFoundError(f"no such label file: {source}")
    labels, chunks = await asyncio.to_thread(chosen_chunks, sources)
    credential = make_credential(settings)
    # Throttling (429) and 503s: the SDK retries whole requests with exponential backoff and retry-after.
    client_options: dict[str, Any] = {"retry_total": 5, "retry_backoff_factor": 1.0, "read_timeout": 120}
    index_client = SearchIndexClient(settings.azure_search_endpoint, credential, **client_options)
    search_client = SearchClient(
        settings.azure_search_endpoint, settings.azure_search_index, credential, **client_options
    )
    try:
        stats = await upload_chunks(
            index_client=index_client,
            search_client=search_client,
            index_name=settings.azure_search_index,
            chunks=chunks,
            embedder=embedder,
            semantic=settings.azure_search_semantic,
            batch_size=batch_size,
            progress=progress,
        )
    finally:
        await search_client.close()
        await index_client.close()
        if not settings.azure_search_key:
            await credential.close()
    stats.labels = labels
    return stats
