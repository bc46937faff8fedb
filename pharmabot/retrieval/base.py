"""The protocol every retriever implements (local FTS5, Azure AI Search); its hit model is the API's `SearchHit`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from pharmabot.schemas.search import SearchHit

if TYPE_CHECKING:
    from pharmabot.retrieval.query import QueryPlan

__all__ = ["LabelTextSource", "Retriever", "SearchHit", "SearchSpec"]


@dataclass(frozen=True)
class SearchSpec:
    """One search of a batch: the arguments of `Retriever.search`, and the query's reading when the caller has it.

    PLAN is `pharmabot.retrieval.query.understand` of QUERY; without it the retriever reads the query itself.
    """

    query: str
    top_k: int
    drug: str | None = None
    section: str | None = None
    plan: QueryPlan | None = None


class Retriever(Protocol):
    """A label search backend."""

    name: str

    async def search(
        self, *, query: str, top_k: int, drug: str | None = None, section: str | None = None
    ) -> list[SearchHit]:
        """Best chunks for QUERY; DRUG is a catalog drug key, SECTION an openFDA section key."""
        ...

    async def search_many(self, specs: Sequence[SearchSpec]) -> list[list[SearchHit]]:
        """`search` for each spec (as one unit of work where the backend allows); results in SPECS' order."""
        ...

    async def check(self) -> None:
        """Raise when the backend cannot serve."""
        ...

    async def close(self) -> None: ...


@runtime_checkable
class LabelTextSource(Protocol):
    """Where a drug page reads a label's section texts when the local index holds none (a cloud package)."""

    async def label_sections(self, set_id: str) -> dict[str, str]:
        """Section key -> the section's text, for every section of the label the source holds."""
        ...
