"""The extractive writer: reads like an answer (lead, points with [n], footer), deterministic, safe."""

import re

from pharmabot.answer.base import SAFETY_FOOTER, AnswerContext, Finding, Intent, Passage
from pharmabot.answer.extractive import DOSING_REFERRAL, ExtractiveWriter, compose, split_sentences
from pharmabot.schemas.common import Citation


def passage(index: int, section: str, text: str) -> Passage:
    citation = Citation(
        index=index,
        drug_name="metformin",
        label_section=section.upper(),
        set_id=f"set-{index}",
        url=f"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=set-{index}",
    )
    return Passage(citation=citation, section_key=section, text=text)


ADVERSE = (
    "The most common side effects of metformin include diarrhea, nausea, vomiting, gas and stomach pain. "
    "Adverse reactions are listed in Table 1. "
    "Stop taking metformin and call your doctor right away if you feel very weak or tired. "
    "Hypoglycemia can happen when metformin is used with insulin or a sulfonylurea."
)


def context(**kwargs: object) -> AnswerContext:
    base: dict[str, object] = {
        "question": "What are the side effects of metformin?",
        "intent": Intent.drug_info,
        "drugs": ["metformin"],
        "section_keys": ["adverse_reactions"],
        "passages": [passage(1, "spl_medguide", ADVERSE)],
    }
    base.update(kwargs)
    return AnswerContext.model_validate(base)


def test_answer_has_lead_points_with_citations_and_footer() -> None:
    text = compose(context())
    assert text.startswith("The FDA label for metformin lists these side effects:")
    assert "- The most common side effects of metformin include diarrhea" in text
    assert re.search(r"stomach pain\. \[1\]", text)
    assert text.endswith(SAFETY_FOOTER)


def test_never_passes_on_advice_to_stop_a_medicine_or_table_pointers() -> None:
    text = compose(context())
    assert "Stop taking" not in text
    assert "Table 1" not in text


def test_deterministic() -> None:
    assert compose(context()) == compose(context())


def test_dosing_gets_the_referral() -> None:
    text = compose(
        context(
            question="how much metformin should I take",
            intent=Intent.dosing,
            section_keys=["dosage_and_administration"],
            passages=[
                passage(
                    1,
                    "dosage_and_administration",
                    "The recommended starting dose is 500 mg orally twice a day with meals.",
                )
            ],
        )
    )
    assert "500 mg" in text
    assert DOSING_REFERRAL in text


def test_interaction_findings_are_listed_with_severity_and_marks() -> None:
    finding = Finding(
        drugs=("simvastatin", "clarithromycin"),
        severity="contraindicated",
        summary="Clarithromycin raises simvastatin levels and the risk of muscle damage",
        management="do not use together",
        citation_indexes=[1, 2],
    )
    text = compose(
        AnswerContext(
            question="zocor with biaxin?",
            intent=Intent.interaction,
            drugs=["simvastatin", "clarithromycin"],
            findings=[finding],
        )
    )
    assert text.startswith("I found 1 interaction between simvastatin and clarithromycin")
    assert "- Contraindicated: Clarithromycin raises simvastatin levels and the risk of muscle damage. [1][2]" in text


def test_no_finding_is_never_called_safe() -> None:
    text = compose(
        AnswerContext(
            question="metformin and amlodipine?",
            intent=Intent.interaction,
            drugs=["metformin", "amlodipine"],
            sources_checked=["FDA labels of metformin and amlodipine", "ONC high-priority list"],
        )
    )
    assert "I found no interaction between metformin and amlodipine in these sources" in text
    assert "not proof of safety" in text


def test_nothing_found_says_so() -> None:
    text = compose(context(passages=[]))
    assert text.startswith("I could not find that in the FDA labels I have for metformin")


def test_sentence_splitting_keeps_abbreviations_together() -> None:
    assert split_sentences("Take 500 mg daily. Do not crush. e.g. with food.") == [
        "Take 500 mg daily.",
        "Do not crush. e.g. with food.",
    ]


async def test_streams_word_by_word_and_joins_to_the_composed_text() -> None:
    writer = ExtractiveWriter()
    deltas = [delta async for delta in writer.stream(context())]
    assert len(deltas) > 10
    assert "".join(deltas) == compose(context())


def test_headings_numbers_and_cross_references_are_cleaned_from_sentences() -> None:
    text = compose(
        context(
            question="what is metformin used for",
            section_keys=["indications_and_usage"],
            passages=[
                passage(
                    1,
                    "indications_and_usage",
                    "1 INDICATIONS AND USAGE Metformin is indicated to improve glycemic control in adults ( 1.1 ). "
                    "See BOXED WARNINGS and PRECAUTIONS. NDC: 1234-5678-90 bottles of 100 tablets each.",
                )
            ],
        )
    )
    assert "- Metformin is indicated to improve glycemic control in adults. [1]" in text
    assert "See BOXED" not in text
    assert "NDC" not in text


def test_leaflet_text_that_lost_its_stops_is_still_split_at_stock_openings() -> None:
    text = "drink enough fluids have a heart attack, or stroke Common side effects of metformin include diarrhea."
    assert split_sentences(text) == [
        "drink enough fluids have a heart attack, or stroke",
        "Common side effects of metformin include diarrhea.",
    ]


def test_nested_headings_and_orphaned_openings_are_cleaned() -> None:
    from pharmabot.answer.extractive import _clean

    assert _clean("8 USE IN SPECIFIC POPULATIONS 8.4 Pediatric Use Safety has been established.") == (
        "Safety has been established."
    )
    assert _clean(", ask a health professional before use.") == "Ask a health professional before use."
