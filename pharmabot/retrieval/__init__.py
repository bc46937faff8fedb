"""Label retrieval: the Retriever protocol, backend-neutral query understanding, and the backends."""

from __future__ import annotations

from pharmabot.config import RetrieverKind, Settings
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retrieval.base import Retriever, SearchHit

__all__ = ["Retriever", "SearchHit", "open_retriever"]


async def open_retriever(settings: Settings, knowledge: KnowledgeBase) -> Retriever:
    """The retriever the settings name, created once at start-up."""
    if settings.retriever is RetrieverKind.local:
        from pharmabot.retrieval.local import LocalRetriever

        return LocalRetriever(index_path=knowledge.index_path, catalog=knowledge.lazy_catalog)
    # Imported only when chosen: the Azure SDKs cost cold-start time the local shape never pays.
    from pharmabot.answer.embeddings import Embedder
    from pharmabot.retrieval.azure_search import AzureSearchRetriever

    embedder = Embedder.from_settings(settings)
    return AzureSearchRetriever.from_settings(settings, knowledge.lazy_catalog, embedder=embedder)
