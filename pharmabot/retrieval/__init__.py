"""Label retrieval: the Retriever protocol, backend-neutral query understanding, and the backends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pharmabot.config import RetrieverKind, Settings
from pharmabot.errors import ConfigError

if TYPE_CHECKING:
    from pharmabot.knowledge.index import KnowledgeBase
    from pharmabot.retrieval.base import Retriever

__all__ = ["open_retriever"]


async def open_retriever(settings: Settings, knowledge: KnowledgeBase) -> Retriever:
    """The retriever the settings name, created once at start-up.

    Backends are imported only when chosen: the Azure SDKs cost cold-start time the local shape never
    pays, and the local one reads its query vocabulary on the first search, not at start-up.
    """
    if settings.retriever is RetrieverKind.local:
        from pharmabot.retrieval.local import LocalRetriever

        if not knowledge.has_label_text:
            raise ConfigError(
                f"The label index {knowledge.index_path} holds no label text (it is a cloud package index): set"
                " PHARMABOT_RETRIEVER=azure_search, or point PHARMABOT_INDEX_PATH at a full index (build-index)."
            )

        return LocalRetriever(index_path=knowledge.index_path, catalog=knowledge.lazy_catalog)
    from pharmabot.retrieval.azure_search import AzureSearchRetriever
    from pharmabot.retrieval.embeddings import Embedder

    embedder = Embedder.from_settings(settings)
    return AzureSearchRetriever.from_settings(settings, knowledge.lazy_catalog, embedder=embedder)
