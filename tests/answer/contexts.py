"""Small answer contexts built from real-looking label passages, for the writer and prompt tests."""

from __future__ import annotations

from pharmabot.answer.base import AnswerContext, Finding, HistoryTurn, Intent, Passage
from pharmabot.schemas.common import Citation


def passage(index: int, drug: str, section: str, text: str) -> Passage:
    return Passage(
        citation=Citation(
            index=index,
            drug_name=drug,
            label_section=section.upper(),
            set_id=f"set-{index}",
            effective_time="2024-01-31",
            url=f"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=set-{index}",
        ),
        section_key=section,
        text=text,
    )


def interaction_context(*, question: str, history: list[HistoryTurn] | None = None) -> AnswerContext:
    return AnswerContext(
        question=question,
        intent=Intent.interaction,
        drugs=["simvastatin", "clarithromycin"],
        passages=[
            passage(
                1,
                "simvastatin",
                "contraindications",
                "Concomitant administration of strong CYP3A4 inhibitors (e.g., clarithromycin) is contraindicated.",
            ),
            passage(
                2,
                "clarithromycin",
                "drug_interactions",
                "Clarithromycin increases exposure to HMG-CoA reductase inhibitors metabolized by CYP3A4.",
            ),
        ],
        findings=[
            Finding(
                drugs=("simvastatin", "clarithromycin"),
                severity="contraindicated",
                summary="Clarithromycin raises simvastatin levels; risk of myopathy and rhabdomyolysis.",
                management="Do not use together; the prescriber may choose another antibiotic or statin.",
                citation_indexes=[1, 2],
            )
        ],
        sources_checked=["FDA labels", "ONC high-priority list"],
        history=history or [],
    )


def history(pairs: int, *, tag: str) -> list[HistoryTurn]:
    turns: list[HistoryTurn] = []
    for number in range(pairs):
        turns.append(HistoryTurn(role="user", content=f"{tag} question {number}"))
        turns.append(HistoryTurn(role="assistant", content=f"{tag} answer {number}"))
    return turns
