"""Azure AI Search retriever: the index definition in code, and hybrid keyword + vector search over label chunks.

The index holds the same chunks as the local FTS5 index (see `pharmabot.retrieval.azure_indexer`), one
document per chunk, keyed by the chunk id. Queries are planned exactly as for the local index
(`pharmabot.retrieval.query.understand`): the drugs a question names become an OData filter, the label
sections its intent asks for become a boost (a tag scoring function on `section_key`), and an explicit
`section` argument becomes a filter. When an embedder is configured the question's vector is searched too
(hybrid: Azure fuses the keyword and vector rankings); with `AZURE_SEARCH_SEMANTIC` the semantic ranker
reorders the fused results and its score is reported.

Without an embedder the index still has its vector field (so vectors can be added later by re-ingesting,
with no index rebuild) and queries are keyword only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Sequence
from typing import Any, Protocol

from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import AzureError, HttpResponseError
from azure.search.documents.aio import SearchClient
from azure.search.documents.indexes.models import (
    HnswAlgorithmConfiguration,
    ScoringFunctionAggregation,
    ScoringProfile,
    SearchableField,
    SearchField,
    SearchIndex,
    SemanticConfiguration,
    SemanticField,
    SemanticPrioritizedFields,
    SemanticSearch,
    SimpleField,
    TagScoringFunction,
    TagScoringParameters,
    TextWeights,
    VectorSearch,
    VectorSearchProfile,
)
from azure.search.documents.models import VectorizedQuery

from pharmabot.config import Settings
from pharmabot.errors import RetrieverError
from pharmabot.knowledge.names import DrugCatalog
from pharmabot.lazy import Lazy
from pharmabot.retrieval.base import SearchHit, SearchSpec
from pharmabot.retrieval.query import QueryPlan, understand

log = logging.getLogger("pharmabot.retrieval.azure_search")

VECTOR_FIELD = "content_vector"
VECTOR_PROFILE = "pharmabot-hnsw-profile"
VECTOR_ALGORITHM = "pharmabot-hnsw"
SEMANTIC_CONFIG = "pharmabot-semantic"
SECTION_PROFILE = "section-boost"
SECTION_PARAMETER = "sections"
# text-embedding-3-small and ada-002; used for the vector field when no embedder tells us its size.
DEFAULT_VECTOR_DIMENSIONS = 1536
# Fields a search returns: everything a SearchHit needs (never the vector).
SELECT = [
    "chunk_id",
    "content",
    "drug_key",
    "drug_name",
    "section_key",
    "section_title",
    "set_id",
    "effective_time",
    "url",
]
# Search keys may hold letters, digits, '_', '-' and '='; chunk ids are hex digests, checked on upload.
_KEY = re.compile(r"^[A-Za-z0-9_\-=]{1,1024}$")
# Mirrors the local index's bm25 column weights (names 2, section heading 3, text 1).
_TEXT_WEIGHTS = {"drug_name": 2.0, "brand_names": 2.0, "section_title": 3.0, "content": 1.0}
# Multiplies the text score of a chunk whose section the question asks for (the local index adds a bonus).
_SECTION_BOOST = 5.0
# Semantic ranking reorders at most 50 results, so hybrid queries fetch that many vector neighbours.
_SEMANTIC_WINDOW = 50
BOOSTED_SECTIONS = 5
# Azure's largest page; a label's chunks are read in pages of this many.
_PAGE = 1000
# Chunks made from a section's tables start with this (see chunking): a drug page shows the prose.
_TABLE_PREFIX = "Table: "


class Embedder(Protocol):
    """Turns texts into vectors (Azure OpenAI embeddings in production)."""

    async def embed(self, texts: Sequence[str]) -> list[list[float]]: ...


def valid_key(value: str) -> bool:
    """True when VALUE is usable as an Azure AI Search document key."""
    return bool(_KEY.match(value))


def index_definition(name: str, *, vector_dimensions: int, semantic: bool) -> SearchIndex:
    """The label-chunk index: filterable/facetable citation fields, searchable text, a vector field, boosts."""
    analyzer = "en.microsoft"  # stemming and stop words, like the local index's porter tokenizer
    fields = [
        SimpleField(name="chunk_id", type="Edm.String", key=True, filterable=True, sortable=True),
        SearchableField(name="content", analyzer_name=analyzer),
        SimpleField(name="drug_key", type="Edm.String", filterable=True, facetable=True, sortable=True),
        SearchableField(name="drug_name", analyzer_name=analyzer, filterable=True, facetable=True),
        SearchableField(name="brand_names", collection=True, analyzer_name=analyzer, filterable=True, facetable=True),
        SimpleField(name="section_key", type="Edm.String", filterable=True, facetable=True),
        SearchableField(name="section_title", analyzer_name=analyzer, filterable=True, facetable=True),
        SimpleField(name="section_pos", type="Edm.Int32", sortable=True),
        SimpleField(name="ordinal", type="Edm.Int32", sortable=True),
        SimpleField(name="set_id", type="Edm.String", filterable=True, facetable=True),
        # ISO dates (YYYY-MM-DD) as strings: they sort and range-filter correctly and map back unchanged.
        SimpleField(name="effective_time", type="Edm.String", filterable=True, sortable=True, facetable=True),
        SimpleField(name="url", type="Edm.String"),
        # Ingest bookkeeping (see azure_indexer): a digest of the document, and the model that made its vector.
        SimpleField(name="content_hash", type="Edm.String"),
        SimpleField(name="embedding_model", type="Edm.String", filterable=True, facetable=True),
        SearchField(
            name=VECTOR_FIELD,
            type="Collection(Edm.Single)",
            searchable=True,
            retrievable=False,
            vector_search_dimensions=vector_dimensions,
            vector_search_profile_name=VECTOR_PROFILE,
        ),
    ]
    semantic_search = None
    if semantic:
        semantic_search = SemanticSearch(
            default_configuration_name=SEMANTIC_CONFIG,
            configurations=[
                SemanticConfiguration(
                    name=SEMANTIC_CONFIG,
                    prioritized_fields=SemanticPrioritizedFields(
                        title_field=SemanticField(field_name="drug_name"),
                        content_fields=[SemanticField(field_name="content")],
                        keywords_fields=[
                            SemanticField(field_name="section_title"),
                            SemanticField(field_name="brand_names"),
                        ],
                    ),
                )
            ],
        )
    return SearchIndex(
        name=name,
        fields=fields,
        scoring_profiles=[
            ScoringProfile(
                name=SECTION_PROFILE,
                text_weights=TextWeights(weights=_TEXT_WEIGHTS),
                functions=[
                    TagScoringFunction(
                        field_name="section_key",
                        boost=_SECTION_BOOST,
                        parameters=TagScoringParameters(tags_parameter=SECTION_PARAMETER),
                    )
                ],
                function_aggregation=ScoringFunctionAggregation.SUM,
            )
        ],
        vector_search=VectorSearch(
            algorithms=[HnswAlgorithmConfiguration(name=VECTOR_ALGORITHM)],
            profiles=[VectorSearchProfile(name=VECTOR_PROFILE, algorithm_configuration_name=VECTOR_ALGORITHM)],
        ),
        semantic_search=semantic_search,
    )


def odata_literal(value: str) -> str:
    """VALUE as an OData string literal (single quotes doubled)."""
    return "'" + value.replace("'", "''") + "'"


def drug_filter(drugs: Sequence[str]) -> str | None:
    """`drug_key eq '...'` for one drug, `search.in(...)` for several; None for none."""
    if not drugs:
        return None
    if len(drugs) == 1:
        return f"drug_key eq {odata_literal(drugs[0])}"
    if any("|" in d for d in drugs):  # search.in cannot hold its own delimiter
        return "(" + " or ".join(f"drug_key eq {odata_literal(d)}" for d in drugs) + ")"
    return f"search.in(drug_key, {odata_literal('|'.join(drugs))}, '|')"


def search_filter(drugs: Sequence[str], section: str | None) -> str | None:
    """The OData filter for a drug list and an explicit section."""
    parts = [p for p in (drug_filter(drugs), f"section_key eq {odata_literal(section)}" if section else None) if p]
    return " and ".join(parts) or None


def to_hit(document: dict[str, Any]) -> SearchHit:
    """A search result document as a SearchHit; the semantic score wins when there is one."""
    reranker = document.get("@search.reranker_score")
    score = reranker if reranker is not None else document.get("@search.score") or 0.0
    return SearchHit(
        chunk=document["content"],
        drug_name=document.get("drug_name") or document["drug_key"],
        score=round(float(score), 4),
        source=AzureSearchRetriever.name,
        label_section=document["section_title"],
        section_key=document["section_key"],
        set_id=document["set_id"],
        effective_time=document.get("effective_time"),
        url=document["url"],
        chunk_id=document["chunk_id"],
    )


def make_credential(settings: Settings) -> Any:
    """A key credential when AZURE_SEARCH_KEY is set, else Microsoft Entra ID (managed identity in Azure)."""
    if settings.azure_search_key:
        return AzureKeyCredential(settings.azure_search_key)
    from azure.identity.aio import DefaultAzureCredential

    return DefaultAzureCredential(managed_identity_client_id=settings.azure_client_id)


class AzureSearchRetriever:
    """Label search on an Azure AI Search index; one SearchClient for the process."""

    name = "azure_search"

    def __init__(
        self,
        *,
        client: SearchClient,
        catalog: DrugCatalog | Lazy[DrugCatalog],
        embedder: Embedder | None = None,
        semantic: bool = False,
        credential: Any = None,
        timeout_seconds: float = 10.0,
        check_timeout_seconds: float = 2.0,
    ) -> None:
        self._client = client
        self._catalog = catalog if isinstance(catalog, Lazy) else Lazy.of(catalog)
        self.embedder = embedder
        self.semantic = semantic
        self._credential = credential
        self._timeout = timeout_seconds
        self._check_timeout = check_timeout_seconds

    @property
    def catalog(self) -> DrugCatalog:
        return self._catalog.get()

    @classmethod
    def from_settings(
        cls, settings: Settings, catalog: DrugCatalog | Lazy[DrugCatalog], embedder: Embedder | None = None
    ) -> AzureSearchRetriever:
        """The retriever for AZURE_SEARCH_ENDPOINT / AZURE_SEARCH_INDEX, with a key or Entra ID."""
        if not settings.azure_search_endpoint:
            raise RetrieverError("AZURE_SEARCH_ENDPOINT is not set")
        credential = make_credential(settings)
        client = SearchClient(
            settings.azure_search_endpoint,
            settings.azure_search_index,
            credential,
            # Throttling and 503s are retried by the SDK (with the server's retry-after), a bounded number of
            # times; the per-call deadline in `search` is the hard bound.
            retry_total=2,
            connection_timeout=3,
            read_timeout=10,
        )
        return cls(
            client=client,
            catalog=catalog,
            embedder=embedder,
            semantic=settings.azure_search_semantic,
            credential=None if settings.azure_search_key else credential,
        )

    def plan(self, query: str) -> QueryPlan:
        return understand(query, self.catalog)

    def request(
        self, plan: QueryPlan, *, query: str, top_k: int, drug: str | None, section: str | None
    ) -> dict[str, Any] | None:
        """The keyword arguments of `SearchClient.search` for a plan (no vector yet); None when nothing to match."""
        drugs = (drug,) if drug else plan.drugs
        if not plan.terms and not drugs:
            return None
        kwargs: dict[str, Any] = {
            # As in the local index: with a drug filter and no other words, every chunk of the drug matches.
            "search_text": plan.text or "*",
            "filter": search_filter(drugs, section),
            "top": top_k,
            "select": SELECT,
            "scoring_profile": SECTION_PROFILE,
        }
        if plan.section_rank:
            # A tag boost treats every tag alike, so only the leading sections are boosted (the local index
            # orders all of them): a longer list would lift patient leaflets as high as the asked section.
            boosted = plan.sections[:BOOSTED_SECTIONS]
            kwargs["scoring_parameters"] = [f"{SECTION_PARAMETER}-{','.join(boosted)}"]
        if self.semantic:
            kwargs["query_type"] = "semantic"
            kwargs["semantic_configuration_name"] = SEMANTIC_CONFIG
            kwargs["semantic_query"] = query  # the reranker reads the whole question, drug names included
        return kwargs

    async def _embedding(self, query: str) -> list[float] | None:
        if self.embedder is None:
            return None
        try:
            vectors = await self.embedder.embed([query])
        except Exception:  # the keyword half still answers; a failed embedding is logged, not fatal
            log.warning("query embedding failed; searching by keywords only", exc_info=True)
            return None
        return vectors[0]

    def _vector(self, embedding: list[float], top_k: int) -> VectorizedQuery:
        k = max(top_k, _SEMANTIC_WINDOW) if self.semantic else top_k
        return VectorizedQuery(vector=embedding, k_nearest_neighbors=k, fields=VECTOR_FIELD)

    async def _run(self, kwargs: dict[str, Any], top_k: int) -> list[SearchHit]:
        results = await self._client.search(**kwargs)
        hits: list[SearchHit] = []
        async for document in results:
            hits.append(to_hit(document))
            if len(hits) >= top_k:
                break
        return hits

    async def search(
        self, *, query: str, top_k: int, drug: str | None = None, section: str | None = None
    ) -> list[SearchHit]:
        """Best chunks for QUERY: drug filter, section boost, hybrid and semantic ranking when configured."""
        (hits,) = await self.search_many([SearchSpec(query=query, top_k=top_k, drug=drug, section=section)])
        return hits

    async def search_many(self, specs: Sequence[SearchSpec]) -> list[list[SearchHit]]:
        """The searches run concurrently (each is its own HTTP request); each distinct question is read once
        and, for hybrid search, embedded once."""
        plans: dict[str, QueryPlan] = {}
        embeddings: dict[str, asyncio.Task[list[float] | None]] = {}

        async def one(spec: SearchSpec) -> list[SearchHit]:
            if spec.query not in plans:
                plans[spec.query] = spec.plan or self.plan(spec.query)
            plan = plans[spec.query]
            kwargs = self.request(plan, query=spec.query, top_k=spec.top_k, drug=spec.drug, section=spec.section)
            if kwargs is None:
                return []
            if spec.query not in embeddings:
                embeddings[spec.query] = asyncio.ensure_future(self._embedding(spec.query))
            async with _bounded(self._timeout):
                # Shielded: one search's deadline must not cancel the embedding the others share.
                embedding = await asyncio.shield(embeddings[spec.query])
                if embedding is not None:
                    kwargs["vector_queries"] = [self._vector(embedding, spec.top_k)]
                return await self._run(kwargs, spec.top_k)

        try:
            return list(await asyncio.gather(*(one(spec) for spec in specs)))
        finally:
            for task in embeddings.values():
                task.cancel()  # a no-op for those done: only an embedding no search waits for any more

    async def label_sections(self, set_id: str) -> dict[str, str]:
        """A label's section texts rebuilt from its chunks (in order, tables left out), for drug pages.

        The text is the chunks' cleaned text (no section numbers or cross-references), not the raw label text
        the local index keeps for its pages.

        The app's package carries no label text when retrieval is Azure AI Search (see
        `pharmabot.knowledge.build.write_catalog_index`); chunks are consecutive pieces of a section's text,
        so joining them in order gives the section back (spaces between sentences normalized).
        """
        pieces: dict[str, list[str]] = {}
        async with _bounded(self._timeout):
            skip = 0
            while True:
                results = await self._client.search(
                    search_text="*",
                    filter=f"set_id eq {odata_literal(set_id)}",
                    select=["section_key", "content"],
                    order_by=["section_pos asc", "ordinal asc"],
                    top=_PAGE,
                    skip=skip or None,
                )
                page = [doc async for doc in results]
                for doc in page:
                    if not doc["content"].startswith(_TABLE_PREFIX):
                        pieces.setdefault(doc["section_key"], []).append(doc["content"])
                if len(page) < _PAGE:
                    break
                skip += _PAGE
        return {key: " ".join(texts) for key, texts in pieces.items()}

    async def check(self) -> None:
        """Cheap readiness check: the index's document count (no model call), bounded by the check timeout."""
        async with _bounded(
            self._check_timeout,
            late=f"Azure AI Search did not answer within {self._check_timeout:g}s.",
            refused="index check failed",
        ):
            await self._client.get_document_count()

    async def close(self) -> None:
        await self._client.close()
        if self._credential is not None:
            await self._credential.close()


@contextlib.asynccontextmanager
async def _bounded(
    seconds: float, *, late: str = "Azure AI Search did not answer in time.", refused: str = "refused the query"
) -> AsyncIterator[None]:
    """One call to Azure AI Search within SECONDS, its failures worded the same way everywhere as RetrieverError."""
    try:
        async with asyncio.timeout(seconds):
            yield
    except TimeoutError:
        raise RetrieverError(late) from None
    except HttpResponseError as exc:
        raise RetrieverError(f"Azure AI Search {refused} (HTTP {exc.status_code}).") from exc
    except AzureError as exc:
        raise RetrieverError("Azure AI Search could not be reached.") from exc
