"""Label retrieval: the Retriever protocol, backend-neutral query understanding, and the backends."""

from __future__ import annotations

from pharmabot.config import RetrieverKind, Settings
from pharmabot.errors import ConfigError
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retrieval.base import Retriever, SearchHit

__all__ = ["Retriever", "SearchHit", "open_retriever"]


async def open_retriever(settings: Settings, knowledge: KnowledgeBase) -> Retriever:
    """The retriever the settings name, created once at start-up."""
    if settings.retriever is RetrieverKind.local:
        from pharmabot.retrieval.local import LocalRetriever

        return LocalRetriever(index_path=knowledge.index_path, catalog=knowledge.catalog)
    raise ConfigError(f"PHARMABOT_RETRIEVER={settings.retriever.value} is not available in this version; use local")
