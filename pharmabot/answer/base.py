"""What every answer writer receives and produces.

The agent gathers everything an answer may say (numbered label passages, interaction findings
from the deterministic engine) before a writer runs; a writer only words it. Citations are built
by the server from the passages, never by a writer.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from enum import StrEnum
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from pharmabot.schemas.common import Citation


class Intent(StrEnum):
    emergency = "emergency"
    interaction = "interaction"
    drug_info = "drug_info"
    dosing = "dosing"
    greeting = "greeting"
    drug_class = "drug_class"  # names a class of medicine and no medicine: asks which one
    out_of_scope = "out_of_scope"


class Passage(BaseModel):
    """A numbered piece of label text the answer may use; `citation.index` is its [n] mark."""

    citation: Citation
    section_key: str = Field(description="openFDA section key, e.g. `adverse_reactions`.")
    text: str
    routes: tuple[str, ...] = Field(
        default=(), description='The label\'s routes as openFDA lists them ("ORAL", "TOPICAL"); () when unknown.'
    )


class Finding(BaseModel):
    """One interaction-engine result, already worded; the writer may rephrase, never add."""

    drugs: tuple[str, str]
    severity: str
    summary: str
    management: str | None = None
    quote: str | None = Field(default=None, description="The label sentence the finding rests on.")
    quote_label: str | None = Field(default=None, description="The drug whose label the quote is from.")
    citation_indexes: list[int] = Field(default_factory=list)


class HistoryTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class AnswerContext(BaseModel):
    """Everything a writer may use for one answer."""

    question: str
    intent: Intent
    drugs: list[str] = Field(default_factory=list, description="Catalog keys of the drugs in question.")
    names: list[str] | None = Field(
        default=None, description="The words the question used for them (brand names, misspellings), when known."
    )
    section_keys: list[str] = Field(default_factory=list, description="Label sections the question is about.")
    question_kind: str = Field(default="", description="What the question asks about, e.g. `stopping`, `storage`.")
    passages: list[Passage] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Engine notes: duplications, food/alcohol.")
    sources_checked: list[str] = Field(default_factory=list)
    source_notes: list[str] = Field(
        default_factory=list,
        description="What the check could not read (a medicine with no label here), each a sentence of its own.",
    )
    more_notes: list[str] = Field(
        default_factory=list, description="Engine notes on foods the question did not name, told after the answer."
    )
    preface: str = Field(default="", description="A sentence said before the answer (what the label does not name).")
    history: list[HistoryTurn] = Field(default_factory=list)


# The engine's summary ends "...: a major interaction." for a report read on its own; a chat line already opens
# with the level ("Major: ..."), so the closing words would say it twice.
_LEVEL_TAIL = re.compile(r"\s*[:;,]\s*an? (?:contraindicated|major|moderate|minor) interaction\.?\s*$", re.IGNORECASE)


def after_level(summary: str) -> str:
    """An engine summary to follow a "Major:"-style level word: without a closing restatement of the level."""
    return _LEVEL_TAIL.sub("", summary).rstrip(".")


_MARK = re.compile(r"\[(\d+)\]")


def number_by_mention(text: str, context: AnswerContext) -> str:
    """TEXT with its [n] marks renumbered 1, 2, 3... in the order the passages are first cited.

    Passages are numbered as they were gathered, and an answer cites only some of them, so its marks would
    otherwise skip numbers ([1] then [3]). CONTEXT's passages are renumbered to match (the cited ones first, in
    order of first mention, then the rest) and its findings' citation indexes with them, so the citations the
    server builds from the passages carry the numbers the reader sees. Only a writer that has its whole text
    before streaming any of it can do this.
    """
    known = {p.citation.index for p in context.passages}
    cited = list(dict.fromkeys(int(m.group(1)) for m in _MARK.finditer(text) if int(m.group(1)) in known))
    order = cited + [p.citation.index for p in context.passages if p.citation.index not in cited]
    new = {old: n for n, old in enumerate(order, start=1)}
    if all(old == n for old, n in new.items()):
        return text
    renumbered = [
        p.model_copy(update={"citation": p.citation.model_copy(update={"index": new[p.citation.index]})})
        for p in context.passages
    ]
    context.passages = sorted(renumbered, key=lambda p: p.citation.index)
    for finding in context.findings:
        finding.citation_indexes = [new.get(i, i) for i in finding.citation_indexes]

    def mark(match: re.Match[str]) -> str:
        old = int(match.group(1))
        return f"[{new[old]}]" if old in new else match.group()

    return _MARK.sub(mark, text)


class AnswerWriter(Protocol):
    """Turns an AnswerContext into streamed text."""

    name: str

    def stream(self, context: AnswerContext) -> AsyncIterator[str]:
        """Yield the answer as text deltas; raise ModelError on failure."""
        ...

    async def check(self) -> None:
        """Cheap readiness check (configuration only: health never calls a model)."""

    async def close(self) -> None:
        """Release clients."""


SAFETY_FOOTER = (
    "This information comes from the FDA drug labels cited above and is not a substitute for advice "
    "from your pharmacist or prescriber. Do not start, stop or change a medicine without talking to them. "
    "In an emergency call 911; for a possible poisoning call Poison Help at 1-800-222-1222."
)
