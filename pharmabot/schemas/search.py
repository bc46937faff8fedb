"""POST /api/search: label passages for a query, and the hit every retriever returns."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict

from pharmabot.knowledge.labels import SECTION_TITLES
from pharmabot.text import clean_text_input


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


_RESULT_EXAMPLE: JsonDict = {
    "chunk": "6 ADVERSE REACTIONS The following important adverse reactions are described...",
    "drug_name": "simvastatin",
    "score": 57.81,
    "source": "local",
    "label_section": "ADVERSE REACTIONS",
    "section_key": "adverse_reactions",
    "set_id": "8a2a7a1f-1d8e-4a4e-9d5b-1c3c6a0a1d11",
    "effective_time": "2025-03-01",
    "url": "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=8a2a7a1f-1d8e-4a4e-9d5b-1c3c6a0a1d11",
    "chunk_id": "4c1f9a0d2b7e6a3c5d8e",
}


class SearchRequest(BaseModel):
    """A search over the FDA label passages, optionally limited to one drug and/or one label section."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"query": "simvastatin side effects", "top_k": 3},
                {"query": "can I take it while pregnant", "top_k": 5, "drug": "Zocor", "section": "pregnancy"},
            ]
        },
    )

    query: str = Field(min_length=3, max_length=300, description="What to look for, in plain words.")
    # Strict: JSON `true` or `2.0` is a mistake, not a count.
    top_k: int = Field(default=3, ge=1, le=10, strict=True, description="How many passages to return.")
    drug: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Only this drug's labels: generic or brand name (misspellings are resolved).",
    )
    section: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="Only this label section, as an openFDA key, e.g. `adverse_reactions`.",
        json_schema_extra={"enum": list(SECTION_TITLES)},
    )

    @field_validator("query", "drug")
    @classmethod
    def _clean(cls, value: str | None) -> str | None:
        return None if value is None else clean_text_input(value)

    @field_validator("query")
    @classmethod
    def _long_enough(cls, value: str) -> str:
        if len(value) < 3:
            raise ValueError("must have at least 3 characters besides spaces")
        return value

    @field_validator("section")
    @classmethod
    def _known_section(cls, value: str | None) -> str | None:
        if value is None:
            return None
        key = value.strip().lower()
        if key in SECTION_TITLES:
            return key
        by_title = {title.lower(): k for k, title in SECTION_TITLES.items()}
        if key in by_title:
            return by_title[key]
        raise ValueError(f"unknown label section {value[:60]!r}; use an openFDA key such as adverse_reactions")


class SearchResult(SearchHit):
    """One label passage, with the citation data to show next to it (the retrievers' own hit model)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RESULT_EXAMPLE]})


class SearchResponse(BaseModel):
    """The passages found, best first."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"results": [_RESULT_EXAMPLE]}]})

    results: list[SearchResult]
