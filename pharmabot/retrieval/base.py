"""What every retriever returns and the protocol it implements (local FTS5 now, Azure AI Search later)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field


class SearchHit(BaseModel):
    """One label chunk found for a query, with everything needed to cite it."""

    model_config = ConfigDict(frozen=True)

    chunk: str = Field(description="The label text.")
    drug_name: str = Field(description="Drug (active ingredients) the label is about.")
    score: float = Field(description="Relevance; higher is better; comparable only within one response.")
    source: str = Field(description="Retriever backend, e.g. `local`.")
    label_section: str = Field(description="The label's own section heading, e.g. `ADVERSE REACTIONS`.")
    section_key: str = Field(description="openFDA section key, e.g. `adverse_reactions`.")
    set_id: str = Field(description="The label's SPL set id.")
    effective_time: str | None = Field(default=None, description="Label effective date, YYYY-MM-DD.")
    url: str = Field(description="DailyMed page of the label.")
    chunk_id: str = Field(description="Stable id of the chunk.")


@dataclass(frozen=True)
class SearchSpec:
    """One search of a batch: the arguments of `Retriever.search`."""

    query: str
    top_k: int
    drug: str | None = None
    section: str | None = None


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
