"""Sentence-level answer selection over label passages written for these tests."""

from __future__ import annotations

from pharmabot.answer.base import Passage
from pharmabot.answer.selection import (
    candidates,
    clean_sentence,
    passage_scores,
    question_of,
    rank,
    select,
    split_sentences,
    term_weights,
)
from pharmabot.schemas.common import Citation


def passage(index: int, section: str, text: str) -> Passage:
    citation = Citation(
        index=index,
        drug_name="examplol",
        label_section=section.upper(),
        set_id=f"set-{index}",
        url=f"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=set-{index}",
    )
    return Passage(citation=citation, section_key=section, text=text)


DOSING = passage(
    1,
    "dosage_and_administration",
    "Recommended Dosage\nThe recommended starting dose is 25 mg once daily. The maximum dose is 100 mg daily.\n"
    "Discontinuation of Treatment\nWhen stopping treatment, reduce the dose gradually over 1 to 2 weeks.",
)
LEAFLET = passage(
    2,
    "spl_medguide",
    "How should I store examplol? Store examplol at room temperature between 68°F and 77°F. "
    "Keep examplol and all medicines out of the reach of children. "
    "What are the possible side effects of examplol? Examplol may cause dizziness.",
)


def test_candidates_know_the_heading_they_sit_under() -> None:
    found = {c.text: c.heading for c in candidates(DOSING)}
    assert found["When stopping treatment, reduce the dose gradually over 1 to 2 weeks."] == (
        "Discontinuation of Treatment"
    )
    assert "Recommended Dosage" not in found  # headings are context, never candidates
    leaflet = {c.text: c.heading for c in candidates(LEAFLET)}
    assert leaflet["Store examplol at room temperature between 68°F and 77°F."] == "How should I store examplol?"


def test_the_kind_of_question_picks_the_sentence() -> None:
    stop = select([DOSING, LEAFLET], question_of("can I just stop examplol?", drugs=["examplol"]))
    assert stop[0].candidate.text.startswith("When stopping treatment, reduce the dose gradually")
    dose = select([DOSING, LEAFLET], question_of("what is the highest dose of examplol", drugs=["examplol"]))
    assert dose[0].candidate.text == "The maximum dose is 100 mg daily."
    store = select([DOSING, LEAFLET], question_of("does examplol need the fridge?", drugs=["examplol"]))
    assert store[0].candidate.text.startswith("Store examplol at room temperature")


def test_everyday_words_find_label_words() -> None:
    label = passage(
        1,
        "adverse_reactions",
        "Somnolence was reported in 12% of patients. Headache was reported in 5% of patients.",
    )
    best = select([label], question_of("will examplol make me sleepy?", drugs=["examplol"]))[0]
    assert best.candidate.text.startswith("Somnolence")


def test_no_sentence_that_tells_the_reader_to_stop_a_medicine() -> None:
    label = passage(
        1,
        "spl_medguide",
        "Stop taking examplol and call your doctor right away if you have swelling of your face. "
        "Do not stop taking examplol suddenly without talking to your doctor.",
    )
    texts = [s.candidate.text for s in rank([label], question_of("should I stop examplol", drugs=["examplol"]))]
    assert texts == ["Do not stop taking examplol suddenly without talking to your doctor."]


def test_an_instruction_to_stop_is_never_quoted_whatever_follows_the_verb() -> None:
    label = passage(
        1,
        "warnings_and_cautions",
        "Stop examplol if the patient has anaphylaxis or angioedema. "
        "If such a reaction occurs, stop examplol and immediately begin appropriate therapy. "
        "Do not stop examplol abruptly: taper the dose over 2 weeks.",
    )
    texts = [s.candidate.text for s in rank([label], question_of("can i stop examplol suddenly", drugs=["examplol"]))]
    assert texts == ["Do not stop examplol abruptly: taper the dose over 2 weeks."]


def test_flattened_table_text_and_long_rows_are_not_answers() -> None:
    debris = passage(1, "adverse_reactions", "Headache 12 10 8 4 Nausea 9 7 6 3 Dizziness 8 6 5 2 Rash 3 2 1 1.")
    rows = passage(
        2,
        "adverse_reactions",
        "Table: Adverse Reactions\nReaction | Examplol | Placebo\nHeadache | 12% | 8%\nRash | " + "x " * 200 + "| 1%",
    )
    best = select([debris, rows], question_of("does examplol cause headache?", drugs=["examplol"]))[0]
    assert best.candidate.text == "Headache: Examplol: 12%; Placebo: 8%"
    assert all("x x x" not in c.text for c in candidates(rows))


def test_passages_are_scored_by_their_best_sentence() -> None:
    scores = passage_scores([DOSING, LEAFLET], question_of("how should I store examplol", drugs=["examplol"]))
    assert scores[2] > scores[1]


def test_a_misspelled_word_still_finds_its_sentence() -> None:
    label = passage(
        1,
        "dosage_and_administration",
        "Administer as an intravenous infusion over 60 minutes. Dilute with sodium chloride before use.",
    )
    best = select([label], question_of("how long is the infusoin of examplol", drugs=["examplol"]))[0]
    assert best.candidate.text.startswith("Administer as an intravenous infusion over 60 minutes")


def test_a_clinician_told_to_withdraw_a_medicine_is_not_an_answer() -> None:
    label = passage(
        1,
        "warnings_and_cautions",
        "With high dose methotrexate, consider a temporary withdrawal of examplol. "
        "Rebound symptoms may occur after abrupt withdrawal of examplol; reduce the dose gradually.",
    )
    texts = [s.candidate.text for s in rank([label], question_of("can I stop examplol", drugs=["examplol"]))]
    assert texts == ["Rebound symptoms may occur after abrupt withdrawal of examplol; reduce the dose gradually."]


def test_the_name_the_question_used_is_not_a_word_to_match() -> None:
    # Every sentence of the Exampra leaflet names Exampra; a question naming it must not prefer any of them.
    label = passage(
        1,
        "spl_patient_package_insert",
        "Exampra is a prescription medicine used to treat high blood pressure. "
        "Do not take Exampra if you take medicines called nitrates.",
    )
    question = question_of("who shouldnt take exampra", drugs=["examplol"], names=["exampra"])
    assert "exampra" not in question.terms
    assert select([label], question)[0].candidate.text.startswith("Do not take Exampra if you take")


def test_a_comparison_prefers_the_sentence_that_names_the_other_drug() -> None:
    own = Passage(
        citation=Citation(index=1, drug_name="examplol", label_section="DESCRIPTION", set_id="s1", url="u"),
        section_key="description",
        text="Examplol tablets are white and round. Examplol is the methyl ester of the antiviral drug otherol.",
    )
    other = Passage(
        citation=Citation(index=2, drug_name="otherol", label_section="DESCRIPTION", set_id="s2", url="u"),
        section_key="description",
        text="Otherol is a synthetic nucleoside analogue.",
    )
    question = question_of("difference between examplol and otherol", drugs=["examplol", "otherol"])
    best = select([own, other], question)[0]
    assert best.candidate.text == "Examplol is the methyl ester of the antiviral drug otherol."


def test_statements_every_label_carries_are_not_answers() -> None:
    label = passage(
        1,
        "pregnancy",
        "All pregnancies have a background risk of birth defect, loss, or other adverse outcomes. "
        "Prolonged use of examplol during pregnancy can cause neonatal withdrawal.",
    )
    texts = [s.candidate.text for s in rank([label], question_of("can I take examplol while pregnant"))]
    assert texts == ["Prolonged use of examplol during pregnancy can cause neonatal withdrawal."]
    postmarketing = passage(
        2,
        "adverse_reactions",
        "Because these reactions are reported voluntarily from a population of uncertain size, it is not always "
        "possible to reliably estimate their frequency. Alopecia has been reported.",
    )
    best = select([postmarketing], question_of("does examplol cause hair loss"))[0]
    assert best.candidate.text == "Alopecia has been reported."


def test_numbers_without_their_column_names_are_not_a_line() -> None:
    table = passage(
        1,
        "adverse_reactions",
        "Table: Adverse Reactions\nBody System/Preferred Term | Examplol % | Placebo %\nWeight gain | 2 | 0\n"
        "Metabolic and Nutritional\nPeripheral edema: 2, 1",
    )
    texts = {c.text for c in candidates(table)}
    assert "Weight gain: Examplol %: 2; Placebo %: 0" in texts


def test_a_question_naming_an_effect_is_answered_only_by_a_sentence_naming_it() -> None:
    label = passage(1, "adverse_reactions", "The most common adverse reaction is edema. Fatigue was also reported.")
    best = select([label], question_of("does examplol cause a cough", drugs=["examplol"]))[0]
    assert not best.answers  # the writer says the label does not answer it directly
    best = select([label], question_of("does examplol make your ankles swell", drugs=["examplol"]))[0]
    assert best.answers
    assert best.candidate.text == "The most common adverse reaction is edema."


def test_drug_facts_headings_start_the_advice_they_head() -> None:
    panel = passage(
        1,
        "warnings",
        "Do not use right before or after heart surgery Ask a doctor before use if you have high blood pressure "
        "or kidney disease Stop use and ask a doctor if you feel faint",
    )
    texts = [c.text for c in candidates(panel)]
    assert texts == [
        "Do not use right before or after heart surgery",
        "Ask a doctor before use if you have high blood pressure or kidney disease",
        # Shown as the referral it also is: an answer never tells anyone to stop a medicine.
        "Ask a doctor if you feel faint",
    ]


def test_a_sentence_about_the_one_before_it_is_shown_with_it() -> None:
    label = passage(
        1,
        "clinical_pharmacology",
        "Examplium is the second most plentiful cation of the intracellular fluids. "
        "It is an important cofactor for enzymatic reactions.",
    )
    best = select([label], question_of("what does examplium do in the body", names=[]))[0]
    assert best.candidate.text == (
        "Examplium is the second most plentiful cation of the intracellular fluids. "
        "It is an important cofactor for enzymatic reactions."
    )


def test_a_sentence_that_answers_comes_before_one_that_scored_higher_without_answering() -> None:
    warnings = passage(
        1,
        "warnings_and_cautions",
        "There was considerable variation in risk among drugs in pooled analyses of placebo-controlled trials.",
    )
    table = passage(
        2,
        "adverse_reactions",
        "Table: Adverse Reactions\nReaction | Examplol | Placebo\nSweating Increased | 5% | 2%",
    )
    best = select([warnings, table], question_of("examplol and sweating", drugs=["examplol"]))[0]
    assert best.candidate.text == "Sweating Increased: Examplol: 5%; Placebo: 2%"


def test_a_question_with_nothing_but_a_name_asks_what_it_is() -> None:
    assert question_of("examplol?", drugs=["examplol"]).lead is not None
    assert question_of("info on examplol", drugs=["examplol"]).lead.name == "information"  # type: ignore[union-attr]


def test_a_comparison_counts_how_one_is_made_from_the_other_only_when_it_names_the_other() -> None:
    own = Passage(
        citation=Citation(index=1, drug_name="examplol", label_section="DESCRIPTION", set_id="s1", url="u"),
        section_key="description",
        text="Examplol is the S-enantiomer of racemic citralol. Examplol is a selective serotonin reuptake inhibitor.",
    )
    question = question_of("difference between examplol and otherol", drugs=["examplol", "otherol"])
    best = select([own], question)[0]
    assert best.candidate.text == "Examplol is a selective serotonin reuptake inhibitor."


def test_a_sentence_that_starts_with_a_section_title_word_keeps_it() -> None:
    assert clean_sentence("Overdosage might be expected to cause hypotension.") == (
        "Overdosage might be expected to cause hypotension."
    )
    assert clean_sentence("OVERDOSAGE Overdosage might be expected to cause hypotension.") == (
        "Overdosage might be expected to cause hypotension."
    )


def test_a_section_title_written_with_an_ampersand_is_peeled_too() -> None:
    assert clean_sentence("DOSAGE & ADMINISTRATION The usual adult dose is 15 mg before retiring.") == (
        "The usual adult dose is 15 mg before retiring."
    )


def test_an_effect_is_named_by_its_own_words_not_by_how_it_goes() -> None:
    label = passage(
        1,
        "warnings_and_cautions",
        "Patients should not drive until they have gained experience with examplol. Dizziness was common.",
    )
    best = select([label], question_of("does examplol cause weight gain", drugs=["examplol"]))[0]
    assert not best.answers  # "gained" does not name weight gain


def test_the_medication_guides_general_information_is_not_an_answer() -> None:
    label = passage(
        1,
        "spl_medguide",
        "Do not use examplol for a condition for which it was not prescribed. "
        "Examplol is a prescription medicine used to treat high blood pressure.",
    )
    texts = [s.candidate.text for s in rank([label], question_of("what is examplol prescribed for"))]
    assert texts == ["Examplol is a prescription medicine used to treat high blood pressure."]


def test_a_chunk_split_once_keeps_each_passage_its_own_citation_and_drug() -> None:
    # Candidates are cached per chunk text, citation number and drug: the same text cited as [3] for another
    # drug must not come back as the first passage's [1].
    text = "Take examplol with food. Store at room temperature away from light and moisture."
    first = Passage(
        citation=Citation(index=1, drug_name="examplol", label_section="DOSAGE", set_id="s1", url="u"),
        section_key="dosage_and_administration",
        text=text,
    )
    again = first.model_copy(
        update={"citation": first.citation.model_copy(update={"index": 3, "drug_name": "otherol"})}
    )
    assert candidates(first) == candidates(first)
    assert candidates(first) is not candidates(first)  # a fresh list: a caller may change it
    assert {(c.index, c.drug) for c in candidates(first)} == {(1, "examplol")}
    assert {(c.index, c.drug) for c in candidates(again)} == {(3, "otherol")}
    assert [c.text for c in candidates(again)] == [c.text for c in candidates(first)]


def test_a_list_run_into_later_sentences_ends_at_the_first_sentence_that_is_not_a_bullet() -> None:
    text = (
        "Examplol tablets are indicated for the treatment of:\n• Condition A in adults. • Condition B in adults. "
        "Limitations of Use: not for weight loss. Examplol tablets are a beta-adrenergic blocker indicated for "
        "the treatment of: • hypertension."
    )
    found = [c.text for c in candidates(passage(1, "indications_and_usage", text))]
    assert found[0].startswith("Examplol tablets are indicated for the treatment of: Condition A in adults")
    assert any(t.startswith("Examplol tablets are a beta-adrenergic blocker") for t in found)


def test_chemistry_does_not_answer_what_a_medicine_is() -> None:
    description = passage(
        1,
        "description",
        "Examplol hydrochloride is a white crystalline powder that is freely soluble in water. "
        "Examplol is a beta-adrenergic blocking agent.",
    )
    best = select([description], question_of("what is examplol", drugs=["examplol"]))
    assert best[0].candidate.text == "Examplol is a beta-adrenergic blocking agent."


def test_a_leaflet_laid_out_as_a_table_is_read_as_sentences() -> None:
    leaflet = passage(
        1,
        "spl_medguide",
        "Table: This Medication Guide has been approved by the FDA | Revised: 1/2030\n"
        "What are the ingredients in examplol? Active ingredient: examplol. Manufactured by: Example Pharma Inc., "
        "Springfield, USA. For more information, call 1-800-555-0100.",
    )
    best = select([leaflet], question_of("who makes examplol", drugs=["examplol"]))
    assert best[0].candidate.text.startswith("Manufactured by: Example Pharma Inc.")


def test_a_long_list_is_shown_around_the_symptom_asked_about() -> None:
    systems = " ".join(f"System {n}: effect {n}a, effect {n}b, effect {n}c, effect {n}d;" for n in range(18))
    label = passage(1, "adverse_reactions", f"They include the following: {systems} Skin: hair loss, flushing, rash")
    best = select([label], question_of("can examplol cause hair loss", drugs=["examplol"]))
    shown = best[0].candidate.text
    assert shown.startswith("They include the following")
    assert "hair loss" in shown
    assert len(shown) < 500


def test_a_section_of_one_short_statement_is_kept() -> None:
    uses = passage(1, "indications_and_usage", "Treats head lice.")
    assert [c.text for c in candidates(uses)] == ["Treats head lice."]


def test_a_field_with_its_value_is_a_statement_not_a_heading() -> None:
    leaflet = passage(
        1,
        "spl_patient_package_insert",
        "What are the ingredients in examplol? <br/> Active Ingredient: examplol hydrochloride <br/> "
        "Inactive Ingredients: lactose monohydrate, magnesium stearate.",
    )
    found = [c.text for c in candidates(leaflet)]
    assert "Active Ingredient: examplol hydrochloride" in found
    assert all("<br" not in text for text in found)


def test_a_dose_answer_states_an_amount() -> None:
    dosing = passage(
        1,
        "dosage_and_administration",
        "The maximum time between doses should not exceed 12 hours. The maximum dose is 3600 mg per day.",
    )
    best = select([dosing], question_of("max dose of examplol per day", drugs=["examplol"]))
    assert best[0].candidate.text == "The maximum dose is 3600 mg per day."


def test_keep_out_of_reach_of_children_answers_no_storage_question() -> None:
    leaflet = passage(
        1,
        "spl_medguide",
        "Keep examplol and all medicines out of the reach of children. "
        "Examplol pens may be kept at room temperature for up to 28 days after first use.",
    )
    best = select([leaflet], question_of("how long can examplol stay out of the fridge", drugs=["examplol"]))
    assert best[0].candidate.text.startswith("Examplol pens may be kept at room temperature")


SUPPLIED = passage(
    3,
    "how_supplied",
    "Examplol Tablets are available as: 5 mg: White, round tablet debossed with X and 5 on one side, packaged in "
    "bottles of 30 (NDC 00000-111-30). 10 mg: Light purple, oval, scored tablet debossed with X and 10 on one "
    "side, packaged in bottles of 30 (NDC 00000-112-30).",
)
COLOURANTS = passage(
    4,
    "description",
    "Each tablet contains lactose and magnesium stearate. In addition, the 10 mg also contains FD&C blue no. 1 "
    "aluminum lake and D&C red no. 27 aluminum lake.",
)


def test_each_strength_in_how_supplied_is_a_line_of_its_own() -> None:
    texts = [c.text for c in candidates(SUPPLIED)]
    assert (
        "10 mg: Light purple, oval, scored tablet debossed with X and 10 on one side, packaged in bottles of 30."
        in (texts)
    )
    looks = select([COLOURANTS, SUPPLIED], question_of("what does examplol 10 mg look like", drugs=["examplol"]))
    assert looks[0].candidate.text.startswith("10 mg: Light purple")  # a colour additive names no colour


def test_storage_once_in_use_is_not_storage_before_first_use() -> None:
    pen = passage(
        5,
        "how_supplied",
        "Before first use, store the unused examplol pen in a refrigerator at 2°C to 8°C. "
        "After first use, the examplol pen can be stored for 28 days at room temperature or in a refrigerator.",
    )
    asked = "once i have started using the pen does it need the fridge"
    in_use = select([pen], question_of(asked, drugs=["examplol"]))
    assert in_use[0].candidate.text.startswith("After first use")
    unopened = select([pen], question_of("does the examplol pen need the fridge", drugs=["examplol"]))
    assert unopened[0].candidate.text.startswith("Before first use")


def test_mode_of_action_answers_how_it_works() -> None:
    label = passage(
        6,
        "indications_and_usage",
        "Examplol may inhibit the effect of other medicines. "
        "The mode of action of examplol has not been clearly identified, but may be related to its sedative "
        "properties.",
    )
    works = select([label], question_of("how does examplol work", drugs=["examplol"]))
    assert works[0].candidate.text.startswith("The mode of action of examplol")


def test_a_side_effect_of_stopping_is_not_a_side_effect_of_taking() -> None:
    label = passage(
        7,
        "spl_medguide",
        "Stopping examplol too quickly may cause serious symptoms including anxiety, headache and sweating. "
        "The most common side effects of examplol include nausea, sweating and tremor.",
    )
    taking = select([label], question_of("does examplol cause sweating", drugs=["examplol"]))
    assert taking[0].candidate.text.startswith("The most common side effects")
    stopping = select([label], question_of("sweating after stopping examplol", drugs=["examplol"]))
    assert stopping[0].candidate.text.startswith("Stopping examplol too quickly")


def test_an_opened_pen_is_storage_in_use() -> None:
    pen = passage(
        8,
        "instructions_for_use",
        "Store unused examplol pens in the refrigerator. Throw away the examplol pen you are using after 28 days.",
    )
    opened = select([pen], question_of("how long is an opened examplol pen good for", drugs=["examplol"]))
    assert opened[0].candidate.text.startswith("Throw away the examplol pen you are using")


def test_what_an_overdose_does_before_how_it_is_treated() -> None:
    label = passage(
        9,
        "overdosage",
        "Hemodialysis does not remove examplol, and the value of dialysis in the treatment of overdosage is unknown. "
        "Signs and Symptoms Overdose with examplol has caused drowsiness, slow heart rate and low blood pressure.",
    )
    happens = select([label], question_of("what happens if you overdose on examplol", drugs=["examplol"]))
    assert "Overdose with examplol has caused" in happens[0].candidate.text


def test_a_report_of_an_effect_ending_after_stopping_is_not_advice_to_stop() -> None:
    label = passage(
        1,
        "warnings_and_cautions",
        "Headache has been reported with examplol, usually resolving after discontinuation of therapy. "
        "Consider other causes of headache in the differential diagnosis.",
    )
    best = select([label], question_of("does examplol give you headaches", drugs=["examplol"]))[0]
    assert best.candidate.text.startswith("Headache has been reported")
    # Worded as an instruction it is still left out.
    told = passage(2, "warnings_and_cautions", "Discontinue examplol if headache occurs and resolves after stopping.")
    assert rank([told], question_of("does examplol give you headaches", drugs=["examplol"])) == []


def test_a_dose_question_that_names_no_population_gets_the_usual_dose() -> None:
    label = passage(
        1,
        "dosage_and_administration",
        "Patients on hemodialysis should be given 10 mg after each dialysis session. "
        "The initial dose of examplol is 20 mg given as one tablet a day.",
    )
    usual = select([label], question_of("examplol starting dose", drugs=["examplol"]))[0]
    assert usual.candidate.text.startswith("The initial dose of examplol is 20 mg")
    on_dialysis = select([label], question_of("examplol dose for someone on dialysis", drugs=["examplol"]))[0]
    assert on_dialysis.candidate.text.startswith("Patients on hemodialysis")


def test_a_pointer_to_a_table_is_not_an_answer() -> None:
    label = passage(
        1,
        "dosage_and_administration",
        "The recommended dose and titration for each indication is displayed in Table 1. "
        "Adults: 25 mg twice daily on day 1.",
    )
    texts = [s.candidate.text for s in rank([label], question_of("examplol dosage", drugs=["examplol"]))]
    assert texts == ["Adults: 25 mg twice daily on day 1."]
    # Cleaning took the table's name away and the next line starts a new sentence: "in" ends the pointer.
    cut = passage(
        1,
        "dosage_and_administration",
        "The recommended starting dose, the titration, the dose range and the highest dose of examplol for each "
        "indication is displayed in\nAdults: 25 mg twice daily on day 1.",
    )
    texts = [s.candidate.text for s in rank([cut], question_of("examplol dosage", drugs=["examplol"]))]
    assert texts == ["Adults: 25 mg twice daily on day 1."]


# Forty sentences that all name patients, one that names a rhythm: a pool the size of a few real passages.
_TRIALS = " ".join(f"Patients in study {n} took examplol for {n} weeks." for n in range(1, 41))
WARNINGS = passage(
    1,
    "warnings_and_cautions",
    "Patients with heart failure were seen more often. Examplol can change the heart rhythm. " + _TRIALS,
)


def test_a_word_few_sentences_hold_weighs_more_than_one_most_hold() -> None:
    pool = candidates(WARNINGS)
    weights = dict(term_weights(frozenset({"rhythm", "patient", "heart"}), pool))
    assert weights["rhythm"] > weights["heart"] > weights["patient"]
    assert weights["patient"] == 1.0  # saturated: a word every sentence holds still counts a little
    assert max(weights.values()) <= 3.0
    assert term_weights(frozenset({"kidney"}), pool) == ()  # no sentence holds it: the length weight stays


def test_the_sentence_with_the_telling_word_wins_over_one_with_the_common_word() -> None:
    question = question_of("does examplol mess with heart rhythm in patients", drugs=["examplol"])
    assert select([WARNINGS], question)[0].candidate.text == "Examplol can change the heart rhythm."


def test_a_footnote_on_how_table_terms_were_grouped_is_never_the_answer() -> None:
    adverse = passage(
        3,
        "adverse_reactions",
        "Drowsiness combines adverse reactions terms drowsiness and sedation. "
        "Drowsiness was reported in 14% of patients taking examplol compared to 5% of patients taking placebo.",
    )
    chosen = select([adverse], question_of("is examplol making me drowsy?", drugs=["examplol"]))
    assert chosen
    assert chosen[0].candidate.text.startswith("Drowsiness was reported in 14%")


def test_a_sentence_that_starts_inside_a_lost_parenthesis_ranks_below_a_whole_one() -> None:
    adverse = passage(
        4,
        "adverse_reactions",
        "(most common reactions in adults) yet were reported in 3% of children taking examplol include weight change. "
        "Weight change was reported in 6% of adults taking examplol.",
    )
    chosen = select([adverse], question_of("does examplol cause weight change?", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("Weight change was reported in 6%")


def test_lead_ins_to_a_table_or_list_are_not_answers() -> None:
    adverse = passage(
        5,
        "adverse_reactions",
        "The most commonly reported side effects more frequent than placebo are reflected in the table below. "
        "Examplol may cause the following side effects. "
        "Swelling of the ankles was reported in 10% of patients taking examplol.",
    )
    chosen = select([adverse], question_of("what are the side effects of examplol", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("Swelling of the ankles")
    assert not [c for c in chosen if "table below" in c.candidate.text or "the following" in c.candidate.text]


def test_a_question_about_cutting_a_tablet_is_answered_by_what_the_label_says_of_its_form() -> None:
    leaflet = passage(
        6,
        "spl_medguide",
        "Take examplol exactly as your healthcare provider tells you. Swallow examplol extended-release tablets whole. "
        "Take examplol with your evening meal.",
    )
    chosen = select([leaflet], question_of("can I cut my examplol tablet in half?", drugs=["examplol"]))
    assert chosen[0].candidate.text == "Swallow examplol extended-release tablets whole."


def test_what_a_trial_set_out_to_measure_or_a_pointer_to_a_lost_table_is_not_the_answer() -> None:
    adverse = passage(
        7,
        "adverse_reactions",
        "Two controlled trials were conducted to assess the effects of examplol on the incidence of cough. "
        "The incidence of cough is shown in below. "
        "These studies show that the incidence of cough with examplol is similar to placebo.",
    )
    chosen = select([adverse], question_of("does examplol cause cough?", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("These studies show that the incidence of cough")


def test_a_question_about_coffee_is_not_answered_by_a_sentence_about_other_medicines() -> None:
    interactions = passage(
        8,
        "drug_interactions",
        "Monitor patients taking examplol with other medicines that lower heart rate. "
        "Coffee and other caffeine-containing drinks may reduce the effect of examplol.",
    )
    asked = question_of("can I drink coffee with examplol?", drugs=["examplol"])
    chosen = select([interactions], asked)
    assert chosen[0].candidate.text.startswith("Coffee and other caffeine-containing drinks")
    assert chosen[0].answers
    other = select([passage(9, "drug_interactions", "Monitor patients taking examplol with beta blockers.")], asked)
    assert not [c for c in other if c.answers]


def product(index: int, section: str, text: str, *, drug: str, set_id: str) -> Passage:
    citation = Citation(
        index=index,
        drug_name=drug,
        label_section=section.upper(),
        set_id=set_id,
        url=f"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid={set_id}",
    )
    return Passage(citation=citation, section_key=section, text=text)


def test_a_piece_run_on_across_a_lost_list_item_is_never_the_lead() -> None:
    leaflet = passage(
        1,
        "spl_patient_package_insert",
        "This is an inherited condition that causes high levels of fat in the blood. along with diet to lower "
        "fat in the blood of adults with an inherited lipid disorder.",
    )
    label = passage(2, "indications_and_usage", "Examplol is indicated to lower fat in the blood of adults.")
    texts = [c.text for c in candidates(leaflet)]
    assert texts[1].startswith("…along with diet")
    assert [c.fragment for c in candidates(leaflet)] == [True, True]
    best = select([leaflet, label], question_of("what is examplol for", drugs=["examplol"]))[0]
    assert best.candidate.text == "Examplol is indicated to lower fat in the blood of adults."


def test_a_full_stop_after_an_abbreviation_joins_nothing() -> None:
    label = passage(
        1, "description", "Examplol is made by Examplo Pharma Inc. and packed in bottles of thirty tablets."
    )
    [only] = candidates(label)
    assert not only.fragment
    assert only.text.startswith("Examplol is made by")


def test_drug_facts_side_effects_lead_with_an_effect_not_a_condition_of_use() -> None:
    panel = passage(
        1,
        "warnings",
        "Ask a doctor before use if you have had stomach problems such as heartburn "
        "Stomach bleeding warning: This product contains an NSAID, which may cause severe stomach bleeding.",
    )
    stop = passage(2, "stop_use", "Stop use and ask a doctor if you vomit blood or have black stools")
    question = question_of("whats the side efects of examplol", drugs=["examplol"])
    assert question.lead is not None
    assert question.lead.name == "side_effects"
    assert "stop_use" in question.lead.sections
    assert "when_using" in question.lead.sections
    chosen = select([panel, stop], question)
    assert chosen[0].candidate.text.startswith("Stomach bleeding warning")
    assert all(not c.candidate.text.startswith("Stop use") for c in chosen)


def test_what_is_it_leads_with_what_it_treats() -> None:
    directions = passage(
        1,
        "dosage_and_administration",
        "Adults and children 6 months of age and over: hair and scalp must be dry before applying the lotion.",
    )
    uses = passage(2, "indications_and_usage", "Treats head lice.")
    best = select([directions, uses], question_of("what is examplol", drugs=["examplol"]))[0]
    assert best.candidate.text == "Treats head lice."


def test_support_for_one_medicine_comes_from_the_lead_products_label() -> None:
    own = product(
        1,
        "indications_and_usage",
        "EXAMPLOPAK is indicated for the treatment of stomach infection in adults. "
        "EXAMPLOPAK should be used only to treat infections caused by bacteria.",
        drug="examplol and otherol",
        set_id="pack-1",
    )
    other = product(
        2,
        "indications_and_usage",
        "OTHERPAK is indicated for the treatment of stomach infection caused by bacteria in adults.",
        drug="examplol and thirdol",
        set_id="pack-2",
    )
    chosen = select([own, other], question_of("what is examplol used for", drugs=["examplol"]))
    assert len(chosen) == 2
    assert {c.candidate.index for c in chosen} == {1}


def test_a_dose_answer_is_not_supported_by_what_the_tablet_looks_like() -> None:
    label = passage(
        1,
        "dosage_and_administration",
        "The starting dose is 500 mg twice a day with meals. "
        "Tablets: 500 mg white, oval-shaped, film-coated tablets debossed with 500 on one side and given twice a day.",
    )
    chosen = select([label], question_of("how many mg of examplol should I take twice a day", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("The starting dose")
    assert all("debossed" not in c.candidate.text for c in chosen)


def test_an_appearance_answer_is_not_supported_by_chemistry() -> None:
    supplied = passage(1, "how_supplied", "Examplol tablets, 50 mg, are blue, oval tablets debossed with E50.")
    description = passage(
        2,
        "description",
        "The empirical formula C 17 H 17 NCl 2 is shown below; examplol is a white crystalline powder that is "
        "sparingly soluble in methanol.",
    )
    chosen = select([supplied, description], question_of("what does examplol look like", drugs=["examplol"]))
    assert [c.candidate.index for c in chosen] == [1]


def test_a_time_of_day_answer_is_supported_by_timing_not_by_amounts() -> None:
    label = passage(
        1,
        "dosage_and_administration",
        "Take examplol once daily at any time of the day, with or without food. "
        "The recommended starting dosage is 10 mg to 20 mg once daily. "
        "Take the evening dose at bedtime if you take it twice a day.",
    )
    chosen = select([label], question_of("can i take examplol at night?", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("Take examplol once daily at any time of the day")
    assert all("10 mg" not in c.candidate.text for c in chosen)


def test_run_in_highlights_contact_line_and_storage_statement_stand_apart() -> None:
    """The Highlights' contact statement and How Supplied's storage line are sentences of their own."""
    highlights = passage(
        1,
        "adverse_reactions",
        "Most common adverse reactions: headache, tiredness To report SUSPECTED ADVERSE REACTIONS, contact "
        "Example Labs at 1-800-555-0100. Examplol has been evaluated for safety in 2000 patients.",
    )
    supplied = passage(
        2,
        "how_supplied",
        "Examplol Tablets, 10 mg are white round tablets supplied as follows: NDC: 12345-678-90 OUTER PACKAGING: "
        "30 in 1 BOX Storage Store at 20° to 25°C (68° to 77°F). Protect from light.",
    )
    tired = select([highlights], question_of("does examplol make you tired", drugs=["examplol"]))
    assert tired[0].candidate.text == "Most common adverse reactions: headache, tiredness"
    stored = select([supplied], question_of("how should examplol be stored", drugs=["examplol"]))
    assert stored[0].candidate.text == "Store at 20° to 25°C (68° to 77°F)."


def test_how_long_a_dose_keeps_working_is_answered_by_the_duration_of_its_effect() -> None:
    dosing = passage(
        1,
        "dosage_and_administration",
        "The analgesic effect begins in about 30 minutes. Duration of analgesic effect is usually 4 to 6 hours. "
        "If an erection lasts more than 4 hours, get medical help right away.",
    )
    kinetics = passage(
        2,
        "clinical_pharmacology",
        "Examplol is largely metabolized in the liver. The terminal half-life is 5 hours.",
    )
    lasts = select([kinetics, dosing], question_of("how long does an examplol shot last", drugs=["examplol"]))
    assert lasts[0].candidate.text == "Duration of analgesic effect is usually 4 to 6 hours."
    soon = select([kinetics, dosing], question_of("how fast does an examplol shot kick in", drugs=["examplol"]))
    assert soon[0].candidate.text == "The analgesic effect begins in about 30 minutes."


def test_how_soon_it_works_is_a_time_not_a_dose_change() -> None:
    pharmacology = passage(
        1,
        "clinical_pharmacology",
        "The effect of 10 mg examplol on the QT interval was evaluated at the time of peak plasma concentration. "
        "Peak plasma concentrations of examplol were reached within 3 to 8 hours after administration.",
    )
    dosing = passage(
        2,
        "dosage_and_administration",
        "A dose increase may be considered after several weeks if no clinical improvement is observed. "
        "The full effect may be delayed until 4 weeks of treatment or longer.",
    )
    best = select([pharmacology], question_of("how long before examplol takes effect", drugs=["examplol"]))
    assert best[0].candidate.text.startswith("Peak plasma concentrations of examplol were reached within")
    best = select([pharmacology, dosing], question_of("how long till examplol starts working", drugs=["examplol"]))
    assert best[0].candidate.text == "The full effect may be delayed until 4 weeks of treatment or longer."


def test_what_a_study_measured_and_a_lost_figure_are_not_answers() -> None:
    studies = passage(
        1,
        "clinical_studies",
        "The estimated probability of achieving headache response within 2 hours is depicted in "
        "Maintenance of response up to 24 hours post-dose was evaluated. "
        "More patients had headache response 2 hours after treatment with examplol than with placebo.",
    )
    best = select([studies], question_of("how fast does examplol kick in", drugs=["examplol"]))
    assert best[0].candidate.text.startswith("More patients had headache response 2 hours after treatment")


def test_a_table_without_columns_is_read_as_prose() -> None:
    # Medication Guides set whole answers in one-cell tables; a numbered caption stays a caption.
    boxed = passage(
        1,
        "spl_medguide",
        "Table: When taking examplol: Do not change your dose. If you miss a dose, take your next dose at your "
        "usual time. Call your healthcare provider if the dose you take does not help.",
    )
    texts = [c.text for c in candidates(boxed)]
    assert "If you miss a dose, take your next dose at your usual time." in texts
    missed = select([boxed], question_of("forgot my examplol dose yesterday", drugs=["examplol"]))
    assert missed[0].candidate.text == "If you miss a dose, take your next dose at your usual time."
    caption = passage(
        2, "adverse_reactions", "Table: Table 2 Adverse Reactions in at Least 2% of Patients\nReaction | %"
    )
    assert all(not c.text.startswith("Table 2") for c in candidates(caption))


def test_pregnancy_safety_is_answered_from_the_risk_summary() -> None:
    # 21 CFR 201.57(c)(9)(i)(B): the illness's own risk and animal studies come after the human-data summary.
    pregnancy = passage(
        1,
        "pregnancy",
        "Clinical Considerations Disease-Associated Maternal and/or Embryo/Fetal Risk: The risk of fetal "
        "examplosis in pregnancy is 30% when the mother's infection starts in the third trimester. "
        "Oral doses of examplol given to pregnant rats caused fetal loss at 10 times the human dose. "
        "Use of examplol in pregnancy has been reported for many years without a pattern of fetal harm.",
    )
    chosen = select([pregnancy], question_of("is examplol safe when pregnant", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("Use of examplol in pregnancy has been reported")


def test_how_long_to_take_it_is_not_a_time_to_watch_or_wait() -> None:
    label = passage(
        1,
        "indications_and_usage",
        "Monitor the patient for symptoms of serotonin syndrome for 2 weeks after the last dose of linezolid. "
        "The effectiveness of examplol in long-term use, that is, for more than 3 to 4 weeks, has not been "
        "demonstrated in controlled trials.",
    )
    chosen = select([label], question_of("how long can i stay on examplol", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("The effectiveness of examplol in long-term use")


def test_overdose_signs_come_from_overdose_wording() -> None:
    counselling = passage(
        1,
        "information_for_patients",
        "Advise patients of the early signs and symptoms of severe skin reactions and to report them at once.",
    )
    overdosage = passage(2, "overdosage", "The initial symptoms are nystagmus, ataxia, and dysarthria.")
    chosen = select([counselling, overdosage], question_of("examplol overdose symptoms", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("The initial symptoms are nystagmus")


def test_how_to_take_it_means_by_mouth_and_a_dose_is_not_a_tablets_content() -> None:
    directions = passage(
        1,
        "dosage_and_administration",
        "Examplol solution is administered rectally as a retention enema, 300 mL twice daily. "
        "Examplol solution is taken three or four times daily, 2 to 3 tablespoonfuls each time.",
    )
    chosen = select([directions], question_of("how to take examplol solution", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("Examplol solution is taken three or four times daily")
    enema = select([directions], question_of("how is an examplol enema given", drugs=["examplol"]))
    assert enema[0].candidate.text.startswith("Examplol solution is administered rectally")
    dosing = passage(
        2,
        "dosage_and_administration",
        "Each 25 mg tablet contains 28.78 mg of examplol fumarate, equivalent to 25 mg of examplol. "
        "Adults take 25 mg twice daily.",
    )
    dose = select([dosing], question_of("what is the dose of examplol", drugs=["examplol"]))
    assert dose[0].candidate.text == "Adults take 25 mg twice daily."


def test_getting_help_and_a_leaflets_words_about_itself_answer_nothing() -> None:
    leaflet = passage(
        1,
        "spl_medguide",
        "Get medical help right away if you have any of the following symptoms: feel short of breath, confusion. "
        "This leaflet does not take the place of talking with your doctor about your treatment. "
        "Examplol is a prescription medicine used to treat pain from damaged nerves.",
    )
    chosen = select([leaflet], question_of("does examplol help with anxiety", drugs=["examplol"]))
    assert chosen[0].candidate.text.startswith("Examplol is a prescription medicine used to treat")
    assert all(not s.candidate.text.startswith("This leaflet") for s in chosen)


def test_a_blurry_eye_beside_a_stopping_question_finds_the_blurred_vision_line() -> None:
    # "blurry" is read as the label's "blurred vision" (MedDRA "Vision blurred"), so the sentence naming it ranks.
    stopping = passage(
        1,
        "dosage_and_administration",
        "Abrupt discontinuation should be avoided and a gradual dosage-tapering schedule followed.",
    )
    reactions = passage(
        2,
        "adverse_reactions",
        "Other adverse reactions are fatigue, vertigo, visual disturbance (including diplopia and blurred vision), "
        "and headache.",
    )
    question = question_of("my eyes are blurry on examplol, if i stop it will they clear up", drugs=["examplol"])
    assert [kind.name for kind in question.intents][:2] == ["stopping", "side_effects"]
    texts = [s.candidate.text for s in select([stopping, reactions], question)]
    assert any("blurred vision" in text for text in texts)
    assert any(text.startswith("Abrupt discontinuation") for text in texts)


def test_a_dose_question_reads_the_dosing_table_not_the_tablets_look() -> None:
    forms = passage(
        1,
        "dosage_forms_and_strengths",
        "Examplol Tablets, 100 mg are yellow colored, round, biconvex, film-coated tablets debossed with 55.",
    )
    table = passage(
        2,
        "dosage_and_administration",
        "Table: Indication | Initial Dose | Maximum Dose\nExamplosis-Adults | 25 mg twice daily | 750 mg/day",
    )
    chosen = select([forms, table], question_of("what is the dosage of examplol", drugs=["examplol"]))
    assert chosen[0].candidate.text == "Examplosis-Adults: Initial Dose: 25 mg twice daily; Maximum Dose: 750 mg/day"


def test_drug_facts_directions_answer_how_to_take_it() -> None:
    directions = passage(
        1,
        "dosage_and_administration",
        "Directions do not take more than directed adults and children 12 years and over take 2 caplets every 6 "
        "hours while symptoms last children under 12 years: ask a doctor",
    )
    chosen = select([directions], question_of("how you use examplol", drugs=["examplol"]))
    assert chosen[0].answers
    assert chosen[0].candidate.text.startswith("Directions do not take more than directed")


def test_what_it_treats_is_answered_by_the_indication_not_a_sentence_with_the_word_treat() -> None:
    counselling = passage(
        1,
        "information_for_patients",
        "Advise patients of the possibility of serotonin syndrome with concomitant use of examplol and another "
        "serotonergic agent, such as medications to treat depression and migraines.",
    )
    indications = passage(
        2, "indications_and_usage", "Examplol is indicated for the prevention of nausea and vomiting after surgery."
    )
    general = passage(
        3,
        "spl_medguide",
        "Medicines are sometimes prescribed for purposes other than those listed in a Medication Guide.",
    )
    for question in ("what does examplol treat", "what is the purpose of taking examplol"):
        chosen = select([counselling, indications, general], question_of(question, drugs=["examplol"]))
        assert chosen[0].candidate.text.startswith("Examplol is indicated for the prevention"), question
        assert all("purposes other than" not in s.candidate.text for s in chosen)


def test_plural_and_silent_e_forms_meet_and_a_trials_arms_are_never_shown() -> None:
    reactions = passage(
        1,
        "adverse_reactions",
        "The incidence (%) of side effects was: Examplol Placebo N=520 2.5 mg N=275 5 mg N=296 Edema 1.8 3.0 10.8. "
        "The most common adverse reactions were headache (7%), abdominal pain (5%), and nausea (4%).",
    )
    chosen = select([reactions], question_of("can examplol cause headaches", drugs=["examplol"]))
    assert chosen[0].answers
    assert chosen[0].candidate.text.startswith("The most common adverse reactions were headache")
    assert all("N=520" not in s.candidate.text for s in chosen)


def test_a_numbered_list_is_cut_before_each_number_and_kind_words_count_little() -> None:
    assert split_sentences(
        "Examplol is indicated in the following conditions: 1. Endocrine Disorders Adrenal insufficiency "
        "2. Allergic States Contact dermatitis"
    ) == [
        "Examplol is indicated in the following conditions: 1. Endocrine Disorders Adrenal insufficiency",
        "2. Allergic States Contact dermatitis",
    ]
    leaflet = passage(
        1,
        "spl_patient_package_insert",
        "If you are being treated for a medical condition other than cancer, do not take examplol if pregnant.",
    )
    indications = passage(2, "indications_and_usage", "Examplol is indicated for the treatment of severe psoriasis.")
    chosen = select([leaflet, indications], question_of("what conditions does examplol treat", drugs=["examplol"]))
    assert chosen[0].candidate.text == "Examplol is indicated for the treatment of severe psoriasis."


def test_what_a_combination_is_is_said_of_the_combination() -> None:
    description = passage(1, "description", "Sitagliptin is an orally-active inhibitor of the DPP-4 enzyme.")
    indication = passage(
        2,
        "indications_and_usage",
        "Combixa is a combination of sitagliptin and examplol indicated to improve glycemic control in adults with "
        "type 2 diabetes mellitus.",
    )
    question = question_of("whats combixa", drugs=["examplol and sitagliptin"], names=["combixa"])
    best = select([description, indication], question)[0]
    assert best.candidate.text.startswith("Combixa is a combination")


def test_where_to_inject_is_answered_by_the_sites() -> None:
    label = passage(
        1,
        "dosage_and_administration",
        "Inject examplol under the skin once a month. "
        "Do not inject into areas where the skin is tender, bruised, red, or hard. "
        "Inject examplol into your stomach area (abdomen), thigh, or upper arm.",
    )
    best = select([label], question_of("where do i inject examplol", drugs=["examplol"]))[0]
    assert best.candidate.text.startswith("Inject examplol into your stomach area")


def test_a_dose_answer_names_an_amount() -> None:
    label = passage(
        1,
        "dosage_and_administration",
        "The recommended dosage of examplol should be based on body weight and should not exceed the recommended "
        "adult dose. Adults weighing more than 40 kg: 300 mg twice daily.",
    )
    best = select([label], question_of("what is the usual dose of examplol", drugs=["examplol"]))[0]
    assert best.candidate.text == "Adults weighing more than 40 kg: 300 mg twice daily."


def test_an_alcohol_that_is_an_ingredient_is_no_drink() -> None:
    label = passage(
        1,
        "description",
        "Inactive ingredients: magnesium stearate, polyvinyl alcohol, talc and titanium dioxide. "
        "When cyclosporine was co-administered with examplol, plasma concentrations of examplol increased.",
    )
    ranked = rank([label], question_of("can i drink alcohol with examplol", drugs=["examplol"]))
    assert not any(item.answers for item in ranked)


def test_a_sentence_about_drinking_answers_the_alcohol_question() -> None:
    label = passage(
        1,
        "spl_medguide",
        "Do not drink alcohol while taking examplol. Examplol tablets contain polyvinyl alcohol.",
    )
    best = select([label], question_of("can i drink alcohol with examplol", drugs=["examplol"]))[0]
    assert best.answers
    assert best.candidate.text == "Do not drink alcohol while taking examplol."

    drinks = passage(1, "when_using", "When using this product avoid alcoholic drinks.")
    assert select([drinks], question_of("can i drink alcohol with examplol", drugs=["examplol"]))[0].answers


def test_a_kidney_condition_is_answered_by_what_the_label_says_of_renal_impairment() -> None:
    warnings = passage(1, "warnings_and_cautions", "Do not take examplol if you are allergic to its ingredients.")
    populations = passage(
        2,
        "use_in_specific_populations",
        "Renal Impairment: No dose adjustment is recommended for patients with mild or moderate renal impairment. "
        "Examplol is not recommended in patients with creatinine clearance below 15 mL/min or on dialysis.",
    )
    question = question_of("can i take examplol if i have kidney problems", drugs=["examplol"])
    assert question.lead is not None
    assert question.lead.name == "contraindications"
    best = select([warnings, populations], question)[0]
    assert best.candidate.section_key == "use_in_specific_populations"


def test_the_food_and_drug_administration_is_no_meal() -> None:
    label = passage(
        1,
        "spl_medguide",
        "This Medication Guide has been approved by the U.S. Food and Drug Administration. Take examplol with a meal.",
    )
    ranked = rank([label], question_of("should i take examplol with food", drugs=["examplol"]))
    assert all("Drug Administration" not in item.candidate.text for item in ranked if item.answers)


def test_breast_feeding_with_a_hyphen_meets_breastfeeding() -> None:
    label = passage(
        1,
        "warnings",
        "Severe liver damage may occur if you take more than 4,000 mg in 24 hours while using this product. "
        "If pregnant or breast-feeding, ask a health professional before use.",
    )
    best = select([label], question_of("is examplol safe while breastfeeding", drugs=["examplol"]))[0]
    assert best.candidate.text == "If pregnant or breast-feeding, ask a health professional before use."


def test_how_often_to_take_it_is_no_time_for_it_to_work() -> None:
    label = passage(
        1,
        "spl_medguide",
        "Adults and children 12 years and over: take 2 tablets every 6 hours while symptoms last. "
        "Examplol may affect the way other medicines work.",
    )
    ranked = rank([label], question_of("how long does examplol take to work", drugs=["examplol"]))
    assert not any(item.answers for item in ranked)


def test_a_drug_facts_uses_list_is_one_statement_with_its_items() -> None:
    uses = passage(
        1,
        "indications_and_usage",
        "Uses temporarily relieves these symptoms due to hay fever or other upper respiratory allergies:\n"
        "• runny nose\n• itchy, watery eyes\n• sneezing\n• itching of the nose or throat",
    )
    assert [c.text for c in candidates(uses)] == [
        "Uses temporarily relieves these symptoms due to hay fever or other upper respiratory allergies: runny nose; "
        "itchy, watery eyes; sneezing; itching of the nose or throat"
    ]


def test_a_drug_facts_use_without_a_full_stop_is_a_statement_not_a_heading() -> None:
    use = passage(1, "indications_and_usage", "Use controls symptoms of diarrhea, including Travelers' Diarrhea")
    assert [c.text for c in candidates(use)] == ["Use controls symptoms of diarrhea, including Travelers' Diarrhea"]


def test_a_grapefruit_question_is_answered_only_by_a_sentence_about_grapefruit() -> None:
    label = passage(
        1,
        "spl_medguide",
        "Do not start any new medicines while taking examplol unless you check with your doctor first. "
        "Avoid grapefruit juice when taking examplol.",
    )
    ranked = rank([label], question_of("can i eat grapefruit while taking examplol", drugs=["examplol"]))
    assert [item.candidate.text for item in ranked if item.answers] == ["Avoid grapefruit juice when taking examplol."]


def test_sensitive_to_the_sun_is_answered_by_photosensitivity() -> None:
    label = passage(
        1,
        "adverse_reactions",
        "Children may be particularly sensitive to the respiratory effects of examplol. "
        "Skin: rash, pruritus, photosensitivity reaction.",
    )
    best = select([label], question_of("does examplol make you sensitive to the sun", drugs=["examplol"]))[0]
    assert best.candidate.text == "Skin: rash, pruritus, photosensitivity reaction."


def test_body_weight_as_a_dosing_basis_is_no_weight_gain() -> None:
    label = passage(
        1,
        "adverse_reactions",
        "Patients were given body weight-adjusted doses of examplol. General: asthenia, back pain, weight gain.",
    )
    ranked = rank([label], question_of("can examplol cause weight gain", drugs=["examplol"]))
    assert [item.candidate.text for item in ranked if item.answers] == ["General: asthenia, back pain, weight gain."]


def test_a_table_row_with_group_sizes_in_its_column_names_can_answer() -> None:
    rows = passage(
        1,
        "adverse_reactions",
        "Table: Adverse Reactions\nAdverse Reaction | Placebo (n = 34) n (%) | Examplol (n = 33) n (%)\n"
        "Nausea | 6 | 10\nHeadache | 2 | 4",
    )
    warning = passage(2, "warnings_and_cautions", "Examplol can cause serious liver problems.")
    best = select([rows, warning], question_of("can examplol give you headaches", drugs=["examplol"]))[0]
    assert best.candidate.text == "Headache: Placebo (n = 34) n (%): 2; Examplol (n = 33) n (%): 4"


def test_a_header_in_two_rows_names_the_columns_of_each_row() -> None:
    rows = passage(
        1,
        "adverse_reactions",
        "Table: Adverse Reactions (≥10%)\nAdverse Reaction | Examplol N=86\nAll Grades % | Grade 3 %\n"
        "Gastrointestinal disorders\nDiarrhea | 64 | 3.5\nConstipation | 14 | 1.2",
    )
    texts = [c.text for c in candidates(rows)]
    assert texts == ["Diarrhea: All Grades %: 64; Grade 3 %: 3.5", "Constipation: All Grades %: 14; Grade 3 %: 1.2"]
    # A first row of values is no header: rows that do not fit the columns are still left out.
    plain = passage(1, "adverse_reactions", "Table: Reactions\nReaction | Examplol\nNausea | 12\nRash | 3 | 1")
    assert [c.text for c in candidates(plain)] == ["Nausea: Examplol: 12"]


def test_a_passive_storage_statement_after_package_codes_is_a_sentence_of_its_own() -> None:
    text = (
        "NDC 10122-620-10: 10 count of 10 mL vials containing 50 mg examplol Vials of EXAMPLOL should be stored at "
        "20°C to 25°C (68°F to 77°F)."
    )
    assert split_sentences(text)[-1] == "Vials of EXAMPLOL should be stored at 20°C to 25°C (68°F to 77°F)."


def test_a_hyphenated_drug_name_is_not_among_the_words_a_sentence_must_share() -> None:
    question = question_of("examplamab-atto morning or night", drugs=["examplamab-atto"])
    assert question.terms.isdisjoint({"examplamab", "atto", "examplamabatto"})
