"""The extractive writer: the answer sentence first, then support with [n], then the footer; deterministic, safe."""

import re

from pharmabot.answer.base import SAFETY_FOOTER, AnswerContext, Finding, Intent, Passage
from pharmabot.answer.extractive import (
    DOSING_REFERRAL,
    NONE_LISTED,
    NOT_DIRECT,
    STOPPING_REFERRAL,
    TOOK_TOO_MUCH,
    ExtractiveWriter,
    compose,
    split_sentences,
)
from pharmabot.answer.selection import clean_sentence
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


def test_the_answer_sentence_comes_first_with_its_citation_then_the_footer() -> None:
    text = compose(context())
    first = text.split("\n\n")[0]
    assert first.startswith("From the FDA label for metformin: The most common side effects of metformin include")
    assert re.search(r"stomach pain\. \[1\]$", first)
    assert text.endswith(SAFETY_FOOTER)


def test_support_follows_the_answer_without_repeats() -> None:
    repeated = passage(2, "adverse_reactions", "The most common side effects of metformin include diarrhea and nausea.")
    text = compose(context(passages=[passage(1, "spl_medguide", ADVERSE), repeated]))
    assert text.count("most common side effects") == 1


def test_a_stopping_question_gets_the_taper_sentence_and_a_referral_never_advice_to_stop() -> None:
    label = (
        "Take one tablet once daily with or without food. "
        "Stop taking the tablets and call your doctor if you get a rash. "
        "Discontinuing Treatment\nAdverse reactions may occur when treatment ends. "
        "Reduce the dosage gradually rather than stopping abruptly whenever possible."
    )
    text = compose(
        context(
            question="how do I come off it safely?",
            section_keys=["dosage_and_administration"],
            passages=[passage(1, "dosage_and_administration", label)],
        )
    )
    assert text.startswith(
        "From the FDA label for metformin: Reduce the dosage gradually rather than stopping abruptly"
    )
    assert "Stop taking the tablets" not in text
    assert STOPPING_REFERRAL in text


def test_table_rows_are_short_lines_with_their_column_names() -> None:
    table = (
        "Table: Adult Dosage Guidelines\nInfection | Dose | Frequency | Duration\n"
        "Urinary Tract | 250 mg | every 12 hours | 7 to 14 days\n"
        "Bone and Joint | 500 mg | every 12 hours | 4 to 6 weeks"
    )
    text = compose(
        context(
            question="how many days of treatment for a urinary tract infection?",
            section_keys=["dosage_and_administration"],
            passages=[passage(1, "dosage_and_administration", table)],
        )
    )
    assert "Urinary Tract: Dose: 250 mg; Frequency: every 12 hours; Duration: 7 to 14 days [1]" in text
    assert " | " not in text


def test_when_no_sentence_answers_it_says_so() -> None:
    text = compose(
        context(
            question="how long does it take to start working?",
            section_keys=["clinical_pharmacology"],
            passages=[passage(1, "indications_and_usage", "Metformin is indicated to improve glycemic control.")],
        )
    )
    assert text.startswith(NOT_DIRECT.format(drugs="metformin"))


def test_a_label_whose_contraindications_are_none_says_so_and_promises_nothing() -> None:
    text = compose(
        context(
            question="who should not take metformin",
            section_keys=["contraindications"],
            passages=[
                passage(1, "contraindications", "None. None."),
                passage(2, "indications_and_usage", "Metformin is indicated to improve glycemic control."),
            ],
        )
    )
    assert text.startswith(NONE_LISTED.format(drugs="metformin", index=1))
    assert "None None" not in text
    assert "safe" not in text.split(SAFETY_FOOTER)[0].lower()


def test_someone_who_took_too_much_is_sent_to_poison_help_first() -> None:
    took = compose(
        context(
            question="i took two doses of metformin by mistake",
            intent=Intent.dosing,
            section_keys=["overdosage"],
            passages=[passage(1, "overdosage", "Overdose of metformin has occurred, including ingestion of 100 g.")],
        )
    )
    assert took.startswith(TOOK_TOO_MUCH)
    assert "1-800-222-1222" in TOOK_TOO_MUCH
    assert DOSING_REFERRAL not in took
    asked = compose(
        context(
            question="what happens if you take too much metformin",
            section_keys=["overdosage"],
            passages=[passage(1, "overdosage", "Overdose of metformin has occurred, including ingestion of 100 g.")],
        )
    )
    assert TOOK_TOO_MUCH not in asked  # a question about an overdose is answered from the label


def test_a_drug_facts_list_on_one_line_reads_as_a_sentence() -> None:
    text = compose(
        context(
            question="what is metformin used for",
            section_keys=["indications_and_usage"],
            passages=[
                passage(
                    1,
                    "indications_and_usage",
                    "Uses temporarily relieves these symptoms due to hay fever: ■ sneezing ■ runny nose "
                    "■temporarily relieves these symptoms due to the common cold: ■ sneezing",
                )
            ],
        )
    )
    assert (
        "Uses temporarily relieves these symptoms due to hay fever: sneezing; runny nose; temporarily relieves these "
        "symptoms due to the common cold: sneezing [1]"
    ) in text
    assert "■" not in text


def test_a_question_labels_do_not_answer_is_told_so() -> None:
    text = compose(context(question="how much does metformin cost at a pharmacy?", section_keys=[]))
    assert text.startswith("FDA drug labels don't cover prices, insurance or where to buy a medicine")


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


def test_a_finding_line_says_its_level_once() -> None:
    # The engine's summary closes with the level for a report read on its own; the chat line opens with it.
    finding = Finding(
        drugs=("warfarin", "ibuprofen"),
        severity="major",
        summary="According to the warfarin label, using warfarin with ibuprofen can raise the risk of bleeding: "
        "a major interaction.",
        citation_indexes=[1],
    )
    text = compose(
        AnswerContext(
            question="warfarin and advil?",
            intent=Intent.interaction,
            drugs=["warfarin", "ibuprofen"],
            findings=[finding],
        )
    )
    assert (
        "- Major: According to the warfarin label, using warfarin with ibuprofen can raise the risk of bleeding. [1]"
        in text
    )
    assert "a major interaction" not in text


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
    assert "Metformin is indicated to improve glycemic control in adults. [1]" in text
    assert "See BOXED" not in text
    assert "NDC" not in text


def test_leaflet_text_that_lost_its_stops_is_still_split_at_stock_openings() -> None:
    text = "drink enough fluids have a heart attack, or stroke Common side effects of metformin include diarrhea."
    assert split_sentences(text) == [
        "drink enough fluids have a heart attack, or stroke",
        "Common side effects of metformin include diarrhea.",
    ]


def test_nested_headings_and_orphaned_openings_are_cleaned() -> None:
    assert clean_sentence("8 USE IN SPECIFIC POPULATIONS 8.4 Pediatric Use Safety has been established.") == (
        "Safety has been established."
    )
    assert clean_sentence(", ask a health professional before use.") == "Ask a health professional before use."


def test_an_interaction_quote_names_the_label_it_is_from() -> None:
    finding = Finding(
        drugs=("warfarin", "fluconazole"),
        severity="major",
        summary="According to the warfarin label (drug interactions), using fluconazole with warfarin can cause "
        "serious problems",
        quote="Fluconazole can raise warfarin levels and the chance of bleeding.",
        quote_label="fluconazole",
        citation_indexes=[1],
    )
    text = compose(
        AnswerContext(
            question="warfarin with fluconazole?",
            intent=Intent.interaction,
            drugs=["warfarin", "fluconazole"],
            findings=[finding],
        )
    )
    assert 'The fluconazole label says: "Fluconazole can raise warfarin levels and the chance of bleeding."' in text


def test_an_onset_question_answered_only_by_a_blood_level_time_says_they_differ() -> None:
    pk = passage(
        1,
        "clinical_pharmacology",
        "After once-daily oral doses, peak plasma concentrations of metformin occurred between 4 and 8 hours.",
    )
    text = compose(
        context(question="how long does metformin take to work?", passages=[pk], section_keys=["clinical_pharmacology"])
    )
    first = text.split("\n\n")[0]
    assert first.startswith("The FDA label for metformin does not say how soon it starts to help")
    assert first.endswith("between 4 and 8 hours. [1]")


def test_an_onset_question_answered_by_the_effect_is_quoted_plainly() -> None:
    effect = passage(
        1,
        "clinical_pharmacology",
        "The onset of the glucose-lowering effect of metformin is seen within 2 weeks of treatment.",
    )
    text = compose(
        context(
            question="how long does metformin take to work?", passages=[effect], section_keys=["clinical_pharmacology"]
        )
    )
    assert text.startswith("From the FDA label for metformin: The onset of the glucose-lowering effect")


def test_a_supporting_point_from_another_products_label_says_whose_it_is() -> None:
    def stored(index: int, drug: str, text: str) -> Passage:
        citation = Citation(
            index=index,
            drug_name=drug,
            label_section="STORAGE AND HANDLING",
            set_id=f"{drug}-label",
            url=f"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid={drug}-label",
        )
        return Passage(citation=citation, section_key="storage_and_handling", text=text)

    text = compose(
        context(
            question="how should I store examplin",
            drugs=["examplin rapid", "examplin weekly"],
            section_keys=["storage_and_handling"],
            passages=[
                stored(1, "examplin rapid", "Store unused pens in a refrigerator between 2°C and 8°C (36°F to 46°F)."),
                stored(2, "examplin weekly", "Do not store the pens in the freezer or next to the cooling element."),
            ],
        )
    )
    assert "From the FDA label for examplin weekly: Do not store the pens in the freezer" in text
    assert "- From the examplin rapid label: Store unused pens in a refrigerator" in text


# --- citation numbers and the product's form -----------------------------------------------------

NAUSEA = "Nausea and diarrhea are the most common side effects of metformin."
WEAK = "Other side effects of metformin include a metallic taste in the mouth and low vitamin B12 levels."


async def streamed(ctx: AnswerContext) -> str:
    return "".join([delta async for delta in ExtractiveWriter().stream(ctx)])


async def test_cited_passages_are_numbered_in_the_order_the_answer_first_cites_them() -> None:
    # Passage 2 answers nothing, so the composed answer cites [3] and [1]: the reader sees [1] and [2].
    ctx = context(
        passages=[
            passage(1, "adverse_reactions", WEAK),
            passage(2, "description", "Each tablet contains 500 mg of metformin hydrochloride."),
            passage(3, "spl_medguide", NAUSEA),
        ]
    )
    composed = compose(ctx.model_copy(deep=True))
    assert re.findall(r"\[(\d)\]", composed)[:2] == ["3", "1"]

    text = await streamed(ctx)

    assert re.findall(r"\[(\d)\]", text)[:2] == ["1", "2"]
    assert f"{NAUSEA} [1]" in text
    assert f"{WEAK} [2]" in text
    assert [(p.citation.index, p.citation.set_id) for p in ctx.passages] == [(1, "set-3"), (2, "set-1"), (3, "set-2")]


async def test_renumbering_keeps_each_findings_marks_on_its_own_passages() -> None:
    ctx = context(
        question="Can I take metformin with examplin?",
        intent=Intent.interaction,
        drugs=["metformin", "examplin"],
        passages=[passage(1, "warnings", WEAK), passage(2, "drug_interactions", NAUSEA)],
        findings=[
            Finding(drugs=("metformin", "examplin"), severity="moderate", summary="A finding", citation_indexes=[2])
        ],
    )

    text = await streamed(ctx)

    assert "A finding. [1]" in text
    assert "[2]" not in text
    assert ctx.findings[0].citation_indexes == [1]
    assert ctx.passages[0].citation.set_id == "set-2"
    assert ctx.passages[0].citation.index == 1


async def test_an_answer_already_numbered_in_order_is_left_as_it_is() -> None:
    ctx = context()
    assert await streamed(ctx) == compose(context())
    assert ctx.passages[0].citation.index == 1


def lotion(question: str, routes: tuple[str, ...] = ("TOPICAL",)) -> str:
    text = "Ivermectin lotion is used to treat head lice infestation in people 6 months of age and older."
    label = passage(1, "indications_and_usage", text)
    label = label.model_copy(
        update={"routes": routes, "citation": label.citation.model_copy(update={"drug_name": "ivermectin"})}
    )
    return compose(
        context(question=question, drugs=["ivermectin"], section_keys=["indications_and_usage"], passages=[label])
    )


def test_a_label_for_a_form_not_taken_by_mouth_says_which_product_it_is() -> None:
    assert "From the FDA label for ivermectin, used on the skin (topical): Ivermectin lotion" in lotion(
        "What is ivermectin used for?"
    )
    shot = lotion("What is ivermectin used for?", routes=("INTRAVENOUS", "SUBCUTANEOUS"))
    assert "From the FDA label for ivermectin, an injection (intravenous or subcutaneous):" in shot


def test_the_form_is_not_named_when_taken_by_mouth_unknown_or_named_by_the_question() -> None:
    for answer in (
        lotion("What is ivermectin used for?", routes=("ORAL",)),
        lotion("What is ivermectin used for?", routes=()),
        lotion("What is ivermectin lotion used for?"),
    ):
        assert "From the FDA label for ivermectin: Ivermectin lotion" in answer


def test_a_title_heading_is_never_a_point_of_the_answer() -> None:
    heading = (
        "Recommended Dose in Adult Patients Reduction of Risk of Stroke and Systemic Embolism in Patients with "
        "Nonvalvular Atrial Fibrillation"
    )
    dosing = passage(
        1,
        "dosage_and_administration",
        f"{heading}\nThe recommended dose of apixaban for most patients is 5 mg taken orally twice daily. If a dose "
        "is not taken at the scheduled time, the dose should be taken as soon as possible on the same day. The dose "
        "should not be doubled to make up for a missed dose.",
    )
    text = compose(
        context(
            question="what is the dose of apixaban for stroke with atrial fibrillation, and if I miss one?",
            intent=Intent.dosing,
            drugs=["apixaban"],
            section_keys=["dosage_and_administration"],
            passages=[dosing],
        )
    )
    assert "5 mg taken orally twice daily" in text
    assert "Recommended Dose in Adult Patients" not in text


def test_a_flattened_drug_facts_directions_panel_reads_as_its_items() -> None:
    # openFDA drops the panel's bullets and line breaks (21 CFR 201.66(c)(6)); the answer cuts it again per item.
    directions = passage(
        1,
        "dosage_and_administration",
        "Directions do not take more than directed adults and children 12 years and over take 2 caplets every 6 "
        "hours while symptoms last do not take more than 6 caplets in 24 hours children under 12 years: ask a doctor",
    )
    text = compose(context(question="how do you use metformin", passages=[directions]))
    assert text.startswith("The Drug Facts directions on the FDA label for metformin [1]:\n")
    assert "- do not take more than directed\n" in text
    assert "- adults and children 12 years and over take 2 caplets every 6 hours while symptoms last\n" in text
    assert "- children under 12 years: ask a doctor" in text
    bulleted = passage(
        2, "dosage_and_administration", "Directions ■ if needed, take every 4-6 hours ■ do not take more than 6 doses"
    )
    text = compose(context(question="how often can i take metformin", passages=[bulleted]))
    assert "- if needed, take every 4-6 hours\n- do not take more than 6 doses" in text
