"""Request and response shapes of `POST /api/interactions`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from pharmabot.text import clean_text_input

Severity = Literal["contraindicated", "major", "moderate", "minor"]
Audience = Literal["consumer", "professional"]

DISCLAIMER = (
    'This check covers only the sources listed. "None found in these sources" is not proof that a '
    "combination is safe. It does not replace a pharmacist or prescriber: talk to them before making any "
    "change to your medicines."
)


class InteractionsRequest(BaseModel):
    """Two to twenty medicine names, as typed (generic or brand)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"drugs": ["warfarin", "ibuprofen", "sertraline"]}]}
    )

    drugs: list[Annotated[str, Field(min_length=1, max_length=100)]] = Field(
        min_length=2, max_length=20, description="Medicine names, generic or brand, 1-100 characters each."
    )

    @field_validator("drugs")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        cleaned: list[str] = []
        for position, name in enumerate(value, start=1):
            try:
                cleaned.append(clean_text_input(name))
            except ValueError as exc:
                raise ValueError(f"name {position} {exc}") from None
        return cleaned


class ResolvedDrug(BaseModel):
    """A typed name and the drug it was matched to."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"input": "Zocor", "drug": "simvastatin", "matched": "zocor", "method": "brand", "has_label": True}
            ]
        }
    )

    input: str
    drug: str = Field(description="Active moieties, joined with ' and ' for combinations.")
    matched: str | None = None
    method: str | None = Field(
        default=None,
        description="exact, brand, ingredient or fuzzy; family for a name several products share as an ingredient "
        'word ("insulin"), checked as each of `products`.',
    )
    has_label: bool = Field(description="Whether an FDA label for this drug is in the corpus.")
    products: list[str] = Field(
        default_factory=list,
        description="For method family: the products whose labels were read for this name (drug is then the name "
        "itself), those sold under the most product names first.",
    )
    products_total: int | None = Field(
        default=None, description="For method family: how many products hold the name, when more than were read."
    )


class UnresolvedName(BaseModel):
    """A typed name that matched no drug, or several."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"input": "simvastatn", "status": "unknown", "suggestions": ["simvastatin"]}]}
    )

    input: str
    # "food": a food or drink typed as a medicine; what the labels say about it is under food_notes.
    status: Literal["unknown", "ambiguous", "duplicate", "food"]
    suggestions: list[str] = Field(default_factory=list)


class EvidenceItem(BaseModel):
    """A label sentence behind an interaction, with where it comes from."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "label_drug": "simvastatin",
                    "section": "contraindications",
                    "section_title": "CONTRAINDICATIONS",
                    "set_id": "1e6f5c0a-0000-0000-0000-000000000000",
                    "effective_time": "2025-03-01",
                    "url": "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1e6f5c0a-0000-0000-0000-000000000000",
                    "quote": "Concomitant administration of strong CYP3A4 inhibitors (e.g., ... clarithromycin ...).",
                    "severity": "contraindicated",
                    "names": "strong CYP3A4 inhibitors",
                }
            ]
        }
    )

    label_drug: str
    section: str
    section_title: str
    set_id: str
    effective_time: str | None
    url: str
    quote: str
    severity: Severity
    names: str = Field(description="The drug or class the sentence names.")
    kind: Literal["interaction", "drug_property", "class_statement"] = Field(
        default="interaction",
        description="interaction: the sentence states the interaction; drug_property: it states one drug's own "
        "role or effect (e.g. that it is a strong CYP3A4 inhibitor, or that it prolongs the QT interval), which "
        "the interaction is inferred from; class_statement: a drug with no label here is spoken for by another "
        "member of its class, whose label states the interaction for the class by name (label_drug is that "
        "member).",
    )


class RuleSource(BaseModel):
    """A published list item, class rule or reference table behind the pair."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "list": "ONC high-priority",
                    "rule": "HMG Co-A reductase inhibitors + CYP3A4 inhibitors / Macrolides",
                    "source": "ONC High-Priority DDI list (Phansalkar et al. JAMIA 2012;19:735) - item #11",
                    "severity": "major",
                }
            ]
        }
    )

    list: str
    rule: str
    source: str
    severity: Severity


class Interaction(BaseModel):
    """One interacting pair, its severity and the evidence behind it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "drugs": ["simvastatin", "clarithromycin"],
                    "severity": "contraindicated",
                    "summary": "The simvastatin label says simvastatin and clarithromycin should not be used together.",
                    "mechanism": "increases simvastatin exposure via CYP3A4; risk: myopathy/rhabdomyolysis",
                    "management": "The label says not to use these together — talk to your prescriber or pharmacist "
                    "before making any change.",
                    "evidence": [],
                    "rules": [],
                }
            ]
        }
    )

    drugs: tuple[str, str]
    severity: Severity
    summary: str
    mechanism: str | None = None
    management: str | None = None
    evidence: list[EvidenceItem] = Field(default_factory=list)
    rules: list[RuleSource] = Field(default_factory=list)
    products: list[str] = Field(
        default_factory=list,
        description='When a drug of the pair is a family name ("insulin"): the products of it whose check found '
        "this interaction; the same finding from several of them is shown once.",
    )


class Duplication(BaseModel):
    """Two or more drugs of the same class in one list."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"drug_class": "NSAIDs", "drugs": ["ibuprofen", "naproxen"], "note": "Both are NSAIDs: ..."}]
        }
    )

    drug_class: str
    drugs: list[str]
    note: str


class FoodNote(BaseModel):
    """An alcohol or food warning stated on a drug's label."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "drug": "simvastatin",
                    "kind": "grapefruit",
                    "title": "Grapefruit",
                    "quote": "Avoid grapefruit juice.",
                    "section": "drug_interactions",
                    "set_id": "1e6f5c0a-0000-0000-0000-000000000000",
                    "url": "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1e6f5c0a-0000-0000-0000-000000000000",
                }
            ]
        }
    )

    drug: str
    kind: Literal["alcohol", "grapefruit", "dairy_calcium", "tyramine"]
    title: str
    quote: str
    section: str
    set_id: str
    url: str


class SourceChecked(BaseModel):
    """A source the check looked at."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "kind": "label",
                    "name": "FDA label: simvastatin",
                    "set_id": "1e6f5c0a-0000-0000-0000-000000000000",
                    "effective_time": "2025-03-01",
                    "url": "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1e6f5c0a-0000-0000-0000-000000000000",
                }
            ]
        }
    )

    kind: Literal["label", "rule_list", "class_lexicon", "note"]
    name: str
    set_id: str | None = None
    effective_time: str | None = None
    url: str | None = None


class InteractionReport(BaseModel):
    """The answer to an interaction check."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "audience": "consumer",
                    "resolved": [
                        {
                            "input": "Zocor",
                            "drug": "simvastatin",
                            "matched": "zocor",
                            "method": "brand",
                            "has_label": True,
                        },
                        {
                            "input": "Biaxin",
                            "drug": "clarithromycin",
                            "matched": "biaxin",
                            "method": "brand",
                            "has_label": True,
                        },
                    ],
                    "unresolved": [],
                    "interactions": [],
                    "duplications": [],
                    "food_notes": [],
                    "sources_checked": [],
                    "disclaimer": DISCLAIMER,
                }
            ]
        }
    )

    audience: Audience
    resolved: list[ResolvedDrug]
    unresolved: list[UnresolvedName] = Field(default_factory=list)
    interactions: list[Interaction] = Field(default_factory=list)
    duplications: list[Duplication] = Field(default_factory=list)
    food_notes: list[FoodNote] = Field(default_factory=list)
    sources_checked: list[SourceChecked] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="E.g. why fewer than two drugs could be checked.")
    disclaimer: str = DISCLAIMER
