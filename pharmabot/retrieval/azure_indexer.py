"""Ingest label chunks into Azure AI Search: incremental, resumable, and patient with quotas.

The chunks are the local index's chunks, streamed from it (`pharmabot.knowledge.index.iter_chunks`): the same
labels chosen per drug, cut by the same `chunk_label`, so both backends search the same texts under the same ids.

Incremental and resumable: every document carries `content_hash` (a digest of everything it holds but its
vector) and `embedding_model` (which model and size made its vector, empty without one). Before uploading,
the ingest reads those two fields of every document already in the index (paged by key), then sends only
what differs: a chunk whose id and hash are already there is neither re-embedded nor re-uploaded, a chunk
whose vector came from another model is embedded again, a changed hash without a new vector is merged
without the vector field (`mergeOrUpload` keeps the stored one, still right: the same id means the same
text). So a re-run after a failure goes on where the last one stopped, and a re-run with nothing changed
sends nothing. After a complete, error-free run, documents whose keys are not in the corpus any more
(labels no longer chosen, texts that changed) are deleted.

Quotas: texts are embedded in batches bounded by an estimate of their tokens (so no request is large
against a tokens-per-minute quota), one request at a time, each uploaded as soon as it is embedded (so
a stop loses at most one batch). Throttled embeddings calls (429) wait what Azure asks (`retry-after-ms`,
`Retry-After`), other failures back off exponentially with jitter (tenacity, `pharmabot.retry`). Search
requests are retried by the Azure SDK's retry policy, which also honours `Retry-After`; documents the
service rejects one by one with a retryable status (409, 422, 429, 503) are sent again, a bounded number of
times. Anything still rejected fails the ingest with a RetrieverError naming the first failures (before any
deletion). Progress shows as a bar on a terminal and as a line every half minute in logs (CI).
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import logging
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from azure.core.exceptions import AzureError, HttpResponseError, ResourceNotFoundError
from azure.search.documents.aio import SearchClient
from azure.search.documents.indexes.aio import SearchIndexClient
from azure.search.documents.indexes.models import SearchIndex
from tqdm import tqdm

from pharmabot.config import Settings
from pharmabot.errors import ConfigError, RetrieverError
from pharmabot.knowledge.build import index_counts, iter_chunks
from pharmabot.knowledge.chunking import Chunk
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retrieval.azure_search import (
    DEFAULT_VECTOR_DIMENSIONS,
    VECTOR_FIELD,
    Embedder,
    index_definition,
    make_credential,
    odata_literal,
    valid_key,
)
from pharmabot.retrieval.embeddings import INGEST_RETRY, estimate_tokens
from pharmabot.retry import RetryPolicy

log = logging.getLogger("pharmabot.retrieval.azure_indexer")

BATCH_SIZE = 500  # documents per upload request (Azure allows 1000 and 16 MB)
# Estimated tokens per embeddings request: about 55 chunks, a small slice of a 120K tokens-per-minute quota,
# so one throttled request never waits long and a stop loses little.
EMBED_BATCH_TOKENS = 16_000
EMBED_BATCH_INPUTS = 256
RETRYABLE = frozenset({409, 422, 429, 503})  # per-document statuses worth sending again
STATE_PAGE = 1000  # documents per page when reading the index's keys and hashes (Azure's largest page)
PROGRESS_LOG_SECONDS = 30.0
# Fields that describe a document's state in the index rather than its content.
BOOKKEEPING = ("content_hash", "embedding_model", VECTOR_FIELD)


@dataclass
class IngestStats:
    """What an ingest did."""

    index_name: str
    corpus_version: str
    labels: int = 0
    total: int = 0  # chunks in the corpus, when known
    chunks: int = 0  # chunks gone through (all of them, unless the ingest stopped)
    unchanged: int = 0  # already in the index with the same hash (and vector model): nothing sent
    uploaded: int = 0
    batches: int = 0
    retried: int = 0  # documents sent again after a per-document rejection
    embedded: int = 0
    embed_requests: int = 0
    estimated_tokens: int = 0  # of the texts embedded
    throttled: str = "no retries"  # the embedder's retry log, summarized
    deleted: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """The ingest's final report, a few lines for a person or a CI log."""
        rate = f", {self.embedded / self.seconds:.1f} chunks embedded/s" if self.embedded and self.seconds else ""
        return "\n".join(
            [
                f"search index {self.index_name}: {self.labels} labels, "
                + (f"{self.chunks} of {self.total} chunks" if self.chunks < self.total else f"{self.chunks} chunks")
                + (f" (corpus {self.corpus_version})" if self.corpus_version else ""),
                f"  unchanged {self.unchanged}, uploaded {self.uploaded} in {self.batches} requests,"
                f" deleted {self.deleted}, rejected {len(self.failures)}",
                f"  embedded {self.embedded} in {self.embed_requests} requests (~{self.estimated_tokens:,} tokens),"
                f" embedding retries: {self.throttled}",
                f"  {self.seconds:.1f} s{rate}",
            ]
        )


@dataclass(frozen=True)
class Stored:
    """What the index holds for one key."""

    content_hash: str | None
    embedding_model: str | None


def corpus_version(chunk_ids: Iterable[str]) -> str:
    """A digest of the chunk ids: equal for equal corpora, whatever order they come in."""
    digest = hashlib.sha256()
    for chunk_id in sorted(chunk_ids):
        digest.update(chunk_id.encode())
    return digest.hexdigest()[:16]


def document(chunk: Chunk) -> dict[str, Any]:
    """The search document of a chunk, with its content hash (no vector yet)."""
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
    }
    doc["content_hash"] = content_hash(doc)
    return doc


def content_hash(doc: dict[str, Any]) -> str:
    """A digest of everything a document holds but its vector and bookkeeping."""
    content = {k: v for k, v in doc.items() if k not in BOOKKEEPING}
    return hashlib.sha256(json.dumps(content, sort_keys=True, separators=(",", ":")).encode()).hexdigest()[:24]


def token_batches(
    docs: Iterable[dict[str, Any]], *, max_tokens: int, max_inputs: int
) -> Iterator[list[dict[str, Any]]]:
    """DOCS in order, in batches of at most MAX_INPUTS whose estimated tokens stay within MAX_TOKENS."""
    batch: list[dict[str, Any]] = []
    tokens = 0
    for doc in docs:
        cost = estimate_tokens(doc["content"])
        if batch and (tokens + cost > max_tokens or len(batch) >= max_inputs):
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += cost
    if batch:
        yield batch


def _first_batch(
    docs: Iterator[dict[str, Any]], *, max_tokens: int, max_inputs: int
) -> tuple[list[dict[str, Any]], Iterator[dict[str, Any]]]:
    """The first batch `token_batches` would make, and an iterator over all of DOCS again (nothing lost)."""
    batch: list[dict[str, Any]] = []
    tokens = 0
    for doc in docs:
        cost = estimate_tokens(doc["content"])
        if batch and (tokens + cost > max_tokens or len(batch) >= max_inputs):
            return batch, itertools.chain(batch, [doc], docs)
        batch.append(doc)
        tokens += cost
    return batch, iter(batch)


def merged_definition(wanted: SearchIndex, existing: SearchIndex | None) -> SearchIndex:
    """WANTED, keeping fields only EXISTING has: Azure refuses to delete a field from an index."""
    if existing is not None:
        names = {f.name for f in wanted.fields}
        wanted.fields += [f for f in existing.fields if f.name not in names]
    return wanted


def vector_dimensions_of(index: SearchIndex | None) -> int | None:
    for f in index.fields if index is not None else []:
        if f.name == VECTOR_FIELD:
            dimensions: int | None = f.vector_search_dimensions
            return dimensions
    return None


async def read_state(client: SearchClient) -> dict[str, Stored]:
    """Key -> (content hash, embedding model) of every document, paged by key range ($skip stops at 100,000)."""
    state: dict[str, Stored] = {}
    last: str | None = None
    while True:
        results = await client.search(
            search_text="*",
            filter=f"chunk_id gt {odata_literal(last)}" if last is not None else None,
            select=["chunk_id", "content_hash", "embedding_model"],
            order_by=["chunk_id asc"],
            top=STATE_PAGE,
        )
        page = [doc async for doc in results]
        for doc in page:
            state[doc["chunk_id"]] = Stored(doc.get("content_hash"), doc.get("embedding_model"))
        if len(page) < STATE_PAGE:
            return state
        last = page[-1]["chunk_id"]


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
        stats.batches += 1
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


class _Progress:
    """A bar on a terminal; a line every PROGRESS_LOG_SECONDS elsewhere (CI logs), with the rate and time left."""

    def __init__(self, *, total: int | None, enabled: bool) -> None:
        self.total = total
        self.done = 0
        self.enabled = enabled
        self.tty = sys.stderr.isatty()
        self.bar = tqdm(total=total, desc="ingesting", unit=" chunks", disable=not (self.enabled and self.tty))
        self.started = self.last_line = time.monotonic()

    def update(self, count: int, *, note: str) -> None:
        self.done += count
        self.bar.update(count)
        self.bar.set_postfix_str(note, refresh=False)
        now = time.monotonic()
        if self.enabled and not self.tty and now - self.last_line >= PROGRESS_LOG_SECONDS:
            self.last_line = now
            rate = self.done / max(now - self.started, 1e-9)
            if self.total:
                left = (self.total - self.done) / rate / 60 if rate else float("inf")
                where = (
                    f"{self.done}/{self.total} chunks ({100 * self.done / self.total:.0f}%), about {left:.0f} min left"
                )
            else:
                where = f"{self.done} chunks"
            print(f"ingest: {where}, {rate:.1f}/s; {note}", file=sys.stderr, flush=True)

    def close(self) -> None:
        self.bar.close()


async def upload_chunks(
    *,
    index_client: SearchIndexClient,
    search_client: SearchClient,
    index_name: str,
    chunks: Iterable[Chunk],
    total: int | None = None,
    embedder: Embedder | None = None,
    semantic: bool = False,
    vector_dimensions: int | None = None,
    batch_size: int = BATCH_SIZE,
    embed_batch_tokens: int = EMBED_BATCH_TOKENS,
    embed_batch_inputs: int = EMBED_BATCH_INPUTS,
    max_attempts: int = 5,
    backoff_seconds: float = 1.0,
    prune: bool = True,
    progress: bool = False,
    stats: IngestStats | None = None,
) -> IngestStats:
    """Create or update the index, send what is new or changed (vectors too with EMBEDDER), delete what is gone.

    CHUNKS are streamed once, in order (TOTAL, when known, sizes the progress bar). STATS, when given, is
    filled as the ingest goes, so a caller can report what was done if it fails.
    """
    started = time.perf_counter()
    stats = stats or IngestStats(index_name=index_name, corpus_version="")
    stats.index_name, stats.total = index_name, total or 0
    docs: Iterator[dict[str, Any]] = (document(c) for c in chunks)
    vector_model = str(getattr(embedder, "model", type(embedder).__name__)) if embedder is not None else None
    seen: set[str] = set()
    try:
        try:
            existing: SearchIndex | None = await index_client.get_index(index_name)
        except ResourceNotFoundError:
            existing = None
        dimensions = vector_dimensions_of(existing) or vector_dimensions
        first: tuple[list[dict[str, Any]], list[list[float]]] | None = None
        if existing is None and embedder is not None:
            # A new index takes the embedder's vector size: embed the first batch before defining it.
            opening, docs = _first_batch(docs, max_tokens=embed_batch_tokens, max_inputs=embed_batch_inputs)
            if opening:
                first = (opening, await embedder.embed([d["content"] for d in opening]))
                dimensions = len(first[1][0])
        definition = index_definition(
            index_name, vector_dimensions=dimensions or DEFAULT_VECTOR_DIMENSIONS, semantic=semantic
        )
        await index_client.create_or_update_index(merged_definition(definition, existing))
        # Read after the update: an index made by an older version gains the bookkeeping fields first.
        stored = await read_state(search_client) if existing is not None else {}
        bar = _Progress(total=total, enabled=progress)
        to_merge: list[dict[str, Any]] = []
        to_embed: list[dict[str, Any]] = []
        embed_tokens = 0

        async def send_merge() -> None:
            await _upload_batch(
                search_client, to_merge, stats, max_attempts=max_attempts, backoff_seconds=backoff_seconds
            )
            bar.update(len(to_merge), note="text only")
            to_merge.clear()

        async def send_embedded() -> None:
            nonlocal first
            if first is not None and to_embed == first[0]:  # embedded already, to size the index: not bought twice
                vectors, first = first[1], None
            else:
                assert embedder is not None  # only called with one
                vectors = await embedder.embed([d["content"] for d in to_embed])
            _check_vectors(vectors, to_embed, dimensions)
            stats.embed_requests += 1
            stats.embedded += len(to_embed)
            stats.estimated_tokens += sum(estimate_tokens(d["content"]) for d in to_embed)
            sent = [
                {**d, VECTOR_FIELD: v, "embedding_model": vector_model} for d, v in zip(to_embed, vectors, strict=True)
            ]
            await _upload_batch(search_client, sent, stats, max_attempts=max_attempts, backoff_seconds=backoff_seconds)
            bar.update(len(to_embed), note=_retry_note(embedder))
            to_embed.clear()

        try:
            for doc in docs:
                stats.chunks += 1
                seen.add(doc["chunk_id"])
                old = stored.get(doc["chunk_id"])
                if vector_model is not None and (old is None or old.embedding_model != vector_model):
                    cost = estimate_tokens(doc["content"])
                    # The rule of `token_batches`: a new index's first batch comes out as `_first_batch` cut it.
                    if to_embed and (embed_tokens + cost > embed_batch_tokens or len(to_embed) >= embed_batch_inputs):
                        await send_embedded()
                        embed_tokens = 0
                    to_embed.append(doc)
                    embed_tokens += cost
                elif old is None or old.content_hash != doc["content_hash"]:
                    to_merge.append(doc)  # no vector field: a stored vector stays, a new document has none yet
                    if len(to_merge) >= batch_size:
                        await send_merge()
                else:
                    stats.unchanged += 1
                    bar.update(1, note="unchanged")
            if to_merge:
                await send_merge()
            if to_embed:
                await send_embedded()
        finally:
            bar.close()
            stats.throttled = _retry_note(embedder)
        stats.corpus_version = corpus_version(seen)
        if stats.failures:
            raise RetrieverError(
                f"{len(stats.failures)} of {stats.chunks} documents were rejected by Azure AI Search"
                f" (first: {stats.failures[0]}); nothing was deleted.",
                details={"failures": stats.failures[:20]},
            )
        if prune:
            if not seen:
                # No chunks is a mistake upstream (wrong folder, failed build), never a reason to empty the index.
                raise RetrieverError("No label chunks to ingest: refusing to delete every document of the index.")
            stale = sorted(key for key in stored if key not in seen)
            for start in range(0, len(stale), batch_size):
                keys = stale[start : start + batch_size]
                results = await search_client.delete_documents([{"chunk_id": key} for key in keys])
                stats.deleted += sum(1 for r in results if r.succeeded)
    except HttpResponseError as exc:
        message = exc.message.splitlines()[0] if exc.message else ""
        raise RetrieverError(f"Azure AI Search refused the ingest (HTTP {exc.status_code}): {message}") from exc
    except AzureError as exc:
        raise RetrieverError("Azure AI Search could not be reached during the ingest.") from exc
    finally:
        stats.seconds = round(time.perf_counter() - started, 2)
    log.info(
        "azure search ingest done",
        extra={"fields": {"event": "azure_search_ingest", "count": stats.uploaded, "deleted": stats.deleted}},
    )
    return stats


def _check_vectors(vectors: Sequence[Sequence[float]], batch: Sequence[dict[str, Any]], dimensions: int | None) -> None:
    if len(vectors) != len(batch):
        raise RetrieverError(f"the embedder returned {len(vectors)} vectors for {len(batch)} texts")
    if dimensions is not None and any(len(v) != dimensions for v in vectors):
        raise RetrieverError(
            f"the embedder's vectors have {len(vectors[0])} dimensions, the index's vector field {dimensions}:"
            " use a model of that size, or delete the index and ingest again"
        )


def _retry_note(embedder: Embedder | None) -> str:
    retry_log = getattr(embedder, "retry_log", None)
    return retry_log.summary() if retry_log is not None else "no retries"


def ingest_embedder(settings: Settings, *, retry: RetryPolicy = INGEST_RETRY) -> Embedder | None:
    """The embedder an ingest uses: Azure OpenAI's embedding deployment, patient with its quota; None without one."""
    from pharmabot.retrieval.embeddings import Embedder as OpenAIEmbedder

    return OpenAIEmbedder.from_settings(settings, retry=retry, batch_size=EMBED_BATCH_INPUTS)


async def upload_index(
    *,
    settings: Settings,
    progress: bool,
    vectors: bool = True,
    retry: RetryPolicy = INGEST_RETRY,
    embedder: Embedder | None = None,
    batch_size: int = BATCH_SIZE,
    embed_batch_tokens: int = EMBED_BATCH_TOKENS,
    stats: IngestStats | None = None,
) -> IngestStats:
    """The local index's chunks (PHARMABOT_INDEX_PATH, built already) into AZURE_SEARCH_INDEX.

    Its chunks are streamed to the search index, so both backends always hold the same texts under the same
    ids. With VECTORS and an embedding deployment the chunks are embedded too, retried by RETRY; EMBEDDER
    replaces that one (tests). `pharmabot.ingest.ingest_to_azure_search` builds the index first.
    """
    if not settings.azure_search_endpoint:
        raise ConfigError("AZURE_SEARCH_ENDPOINT is required for `ingest --target azure-search`")
    index_path = settings.index_path
    knowledge = KnowledgeBase.open(index_path)
    try:
        if not knowledge.has_label_text:
            raise ConfigError(
                f"{index_path} is a catalog index without label text: point PHARMABOT_INDEX_PATH at a full index"
            )
    finally:
        knowledge.close()
    labels, total = index_counts(index_path)
    stats = stats or IngestStats(index_name=settings.azure_search_index, corpus_version="")
    stats.labels = labels
    owned = embedder is None and vectors
    if owned:
        embedder = ingest_embedder(settings, retry=retry)
    credential = make_credential(settings)
    # Throttling (429) and 503s: the SDK retries whole requests with exponential backoff and retry-after.
    client_options: dict[str, Any] = {"retry_total": 8, "retry_backoff_factor": 1.0, "read_timeout": 120}
    index_client = SearchIndexClient(settings.azure_search_endpoint, credential, **client_options)
    search_client = SearchClient(
        settings.azure_search_endpoint, settings.azure_search_index, credential, **client_options
    )
    try:
        return await upload_chunks(
            index_client=index_client,
            search_client=search_client,
            index_name=settings.azure_search_index,
            chunks=iter_chunks(index_path),
            total=total,
            embedder=embedder if vectors else None,
            semantic=settings.azure_search_semantic,
            batch_size=batch_size,
            embed_batch_tokens=embed_batch_tokens,
            progress=progress,
            stats=stats,
        )
    finally:
        await search_client.close()
        await index_client.close()
        if not settings.azure_search_key:
            await credential.close()
        if owned and embedder is not None:
            close = getattr(embedder, "close", None)
            if close is not None:
                await close()


__all__ = ["INGEST_RETRY", "IngestStats", "RetryPolicy", "ingest_embedder", "upload_chunks", "upload_index"]
