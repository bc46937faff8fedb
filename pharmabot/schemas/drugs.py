"""GET /api/drugs (name lookup and autocomplete) and GET /api/drugs/{name} (a drug's label)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_URL = "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=8a2a7a1f-1d8e-4a4e-9d5b-1c3c6a0a1d11"


class DrugMatch(BaseModel):
    """A drug a typed name may mean."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"name": "simvastatin", "matched": "zocor", "score": 100.0, "has_label": True}]}
    )

    name: str = Field(description="The drug's name (its active ingredients); use it with /api/drugs/{name}.")
    matched: str = Field(description="The name that matched what was typed (a brand, a generic name...).")
    score: float = Field(description="How close the match is, 0-100.")
    has_label: bool = Field(description="Whether the shipped corpus has a label for this drug.")


class DrugSearchResponse(BaseModel):
    """Autocomplete: drugs whose names start with or resemble the query, best first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "query": "simva",
                    "results": [{"name": "simvastatin", "matched": "simvastatin", "score": 100.0, "has_label": True}],
                }
            ]
        }
    )

    query: str
    results: list[DrugMatch]


class LabelSectionOut(BaseModel):
    """One section of a label, in the label's own order."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "key": "indications_and_usage",
                    "title": "INDICATIONS AND USAGE",
                    "text": "1 INDICATIONS AND USAGE ...",
                }
            ]
        }
    )

    key: str = Field(description="openFDA section key.")
    title: str = Field(description="The label's heading.")
    text: str


class DrugDetail(BaseModel):
    """A drug and its best label (sections in label order), or its name data when no label is shipped."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "name": "simvastatin",
                    "query": "Zocor",
                    "matched": "zocor",
                    "ingredients": ["simvastatin"],
                    "brands": ["Zocor", "Flolipid"],
                    "has_label": True,
                    "set_id": "8a2a7a1f-1d8e-4a4e-9d5b-1c3c6a0a1d11",
                    "effective_time": "2025-03-01",
                    "url": _URL,
                    "sections": [
                        {
                            "key": "indications_and_usage",
                            "title": "INDICATIONS AND USAGE",
                            "text": "1 INDICATIONS AND USAGE Simvastatin tablets are indicated...",
                        }
                    ],
                    "other_set_ids": [],
                    "related": [],
                }
            ]
        }
    )

    name: str = Field(description="The drug (active ingredients).")
    query: str = Field(description="What was asked for.")
    matched: str | None = Field(default=None, description="The name that matched (brand, generic, misspelling...).")
    ingredients: list[str]
    brands: list[str]
    has_label: bool = Field(description="False for drugs known only by name (FDA Orange Book), with no shipped label.")
    set_id: str | None = None
    effective_time: str | None = Field(default=None, description="Label effective date, YYYY-MM-DD.")
    url: str | None = Field(default=None, description="The label on DailyMed.")
    sections: list[LabelSectionOut] = Field(default_factory=list)
    other_set_ids: list[str] = Field(default_factory=list, description="Other indexed labels (other routes).")
    related: list[str] = Field(
        default_factory=list, description="Labelled products that contain this drug (when it has no label of its own)."
    )
