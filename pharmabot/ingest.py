"""The app's ingest jobs: its label index (the knowledge index plus the tables the app's parts add, built by
handing the builders in) and the upload of that index to Azure AI Search.

`pharmabot.knowledge.build` knows labels, chunks and the catalog; it knows nothing of the features that keep
tables of their own in the same file. This module is where they meet: every command, benchmark and test that
builds the index the app serves calls `build_index` or `ensure_index` here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pharmabot.config import Settings
from pharmabot.errors import ConfigError
from pharmabot.interactions.knowledge import write_interaction_knowledge
from pharmabot.knowledge import build
from pharmabot.knowledge.build import ExtraBuilder, IndexStats

if TYPE_CHECKING:
    from pharmabot.retrieval.azure_indexer import IngestStats

# What every index the app serves holds besides chunks: the interaction engine's precomputed tables.
BUILDERS: tuple[ExtraBuilder, ...] = (write_interaction_knowledge,)


def build_index(*, sources: Sequence[Path], index_path: Path, progress: bool = False) -> IndexStats:
    """Build the app's index from SOURCES into INDEX_PATH (atomic)."""
    return build.build_index(sources=sources, index_path=index_path, builders=BUILDERS, progress=progress)


def ensure_index(
    *, sources: Sequence[Path] | None = None, index_path: Path, force: bool = False, progress: bool = False
) -> IndexStats:
    """Build the app's index when missing, stale or FORCEd; otherwise only report on it (fast)."""
    return build.ensure_index(sources=sources, index_path=index_path, builders=BUILDERS, force=force, progress=progress)


async def ingest_to_azure_search(
    *, settings: Settings, sources: Sequence[Path], progress: bool, **upload: Any
) -> IngestStats:
    """`python -m pharmabot ingest --target azure-search`: the app's index into AZURE_SEARCH_INDEX.

    The local index (PHARMABOT_INDEX_PATH) is built first when missing or stale, from SOURCES (label files or
    folders) or, without them, from what it was built from before (the shipped corpus by default); then its
    chunks are uploaded (`pharmabot.retrieval.azure_indexer.upload_index`, which takes the UPLOAD options).
    """
    if not settings.azure_search_endpoint:
        raise ConfigError("AZURE_SEARCH_ENDPOINT is required for `ingest --target azure-search`")
    from pharmabot.retrieval.azure_indexer import upload_index

    await asyncio.to_thread(
        ensure_index, sources=list(sources) or None, index_path=settings.index_path, progress=progress
    )
    return await upload_index(settings=settings, progress=progress, **upload)
