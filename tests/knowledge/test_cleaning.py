"""Cleaning label text for answers: numbering, cross-references, captions and flattened tables out."""

from __future__ import annotations

import re

import pytest

from pharmabot.knowledge.chunking import chunk_label
from pharmabot.knowledge.cleaning import (
    bullets_to_lines,
    clean_quote,
    clean_section,
    heading_length,
    is_heading,
    mark_headings,
    remove_caption,
    remove_cross_references,
    remove_figure_captions,
    remove_flattened_tables,
    remove_section_heading,
    remove_table_captions,
    split_section_heading,
    tidy_spacing,
)
from pharmabot.knowledge.labels import table_to_text
from tests.support.labels import labels_for, raw_records_for


def test_cross_references_and_their_debris_go() -> None:
    text = (
        "Dosages above 40 mg are not recommended [see Warnings and Precautions ( 5.2 )] . "
        "Reduce the dose gradually ( 2.4 , 5.6 ) . Monitor levels (see Clinical Pharmacology [12.3]). "
        "Adjust the dosage as appropriate ]."
    )
    assert remove_cross_references(text) == (
        "Dosages above 40 mg are not recommended. Reduce the dose gradually. Monitor levels. "
        "Adjust the dosage as appropriate."
    )


def test_brackets_that_are_not_references_stay() -> None:
    text = "Use in patients with renal impairment (creatinine clearance 30 to 50 mL/min) [as shown above]."
    assert remove_cross_references(text) == text


def test_numbered_headings_get_lines_of_their_own_and_lose_their_numbers() -> None:
    text = (
        "2 DOSAGE AND ADMINISTRATION 2.1 Recommended Dosage Take one tablet daily. "
        "2.2 Discontinuing Treatment Reduce the dosage gradually rather than stopping abruptly."
    )
    assert mark_headings(text).split("\n") == [
        "Recommended Dosage",
        "Take one tablet daily.",
        "Discontinuing Treatment",
        "Reduce the dosage gradually rather than stopping abruptly.",
    ]


def test_a_heading_ends_where_the_drug_name_starts_its_sentence() -> None:
    text = "2.1 Important Administration Instructions Examplamab Injection Pens are for subcutaneous use only."
    assert mark_headings(text, ["examplamab"]).split("\n") == [
        "Important Administration Instructions",
        "Examplamab Injection Pens are for subcutaneous use only.",
    ]


def test_a_brand_name_in_capitals_after_a_section_title_stays_the_subject() -> None:
    text = "11 DESCRIPTION EXAMPLAX (examplamab sodium) is the sodium salt of examplamab. Each tablet contains 5 mg."
    assert mark_headings(text, ["examplamab sodium", "EXAMPLAX"]).split("\n")[0] == (
        "EXAMPLAX (examplamab sodium) is the sodium salt of examplamab. Each tablet contains 5 mg."
    )
    # A title in capitals alone still goes.
    assert mark_headings("16 HOW SUPPLIED Tablets are white.", ["EXAMPLAX"]) == "Tablets are white."


def test_a_subsection_number_of_the_section_is_a_heading_after_a_list_item_without_a_stop() -> None:
    text = (
        "Examplol is indicated for: • Angina Pectoris. • Heart Failure, to reduce hospitalizations in patients with "
        "heart failure 1.1 Hypertension Examplol tablets are indicated for the treatment of hypertension."
    )
    lines = mark_headings(text, ["examplol"], number=1).split("\n")
    assert lines[-3:] == [
        "Examplol is indicated for: • Angina Pectoris. • Heart Failure, to reduce hospitalizations in patients with "
        "heart failure",
        "Hypertension",
        "Examplol tablets are indicated for the treatment of hypertension.",
    ]
    # Without the section's number, only a number after a full stop is known to start a heading.
    assert "heart failure 1.1 Hypertension" in mark_headings(text, ["examplol"])


def test_another_sections_number_or_a_dose_in_units_is_not_a_heading() -> None:
    dose = "Give examplamab 2.5 Units/kg every two weeks and 2.1 International Units at most"
    assert mark_headings(dose, ["examplamab"], number=2) == dose
    version = "Graded per NCI CTCAE v 3.0 Resume treatment when the reaction resolves."
    assert mark_headings(version, number=2) == version


def test_decimal_numbers_in_prose_are_not_headings() -> None:
    text = "The mean half-life was 2.5 hours in adults. Tablets contain 0.5 mg of drug."
    assert mark_headings(text) == text


def test_figure_pointers_and_captions_go() -> None:
    text = "Pinch the skin. See Figure 3. Figure 4: Injection Sites Inject at a 90-degree angle."
    assert remove_figure_captions(text).replace("\n", " ") == "Pinch the skin. Inject at a 90-degree angle."


def test_table_captions_in_prose_go() -> None:
    text = "Reactions were mild. Table 2: Adverse Reactions in Adults Headache was most common."
    assert remove_table_captions(text).replace("\n", " ") == "Reactions were mild. Headache was most common."


def test_bullets_become_lines() -> None:
    assert bullets_to_lines("Uses • relieves pain • reduces fever") == "Uses\n• relieves pain\n• reduces fever"


def test_headings_are_recognized() -> None:
    assert is_heading("Discontinuing Treatment")
    assert not is_heading("Take one tablet daily.")
    assert not is_heading("• relieves pain")


def test_flattened_copies_of_a_labels_own_tables_are_cut_from_its_prose() -> None:
    cut = kept = 0
    for raw in raw_records_for(["simvastatin", "sertraline", "metformin"]):
        for key, fragments in raw.items():
            base = key.removesuffix("_table")
            if not key.endswith("_table") or base not in raw:
                continue
            prose = " ".join(" ".join(raw[base]).split())
            for fragment in fragments:
                table = table_to_text(fragment)
                flat = " ".join(table.replace(" | ", " ").split())
                if len(flat) < 40 or flat not in prose:
                    continue
                cleaned = remove_flattened_tables(prose, [table])
                assert flat not in " ".join(cleaned.split())
                cut += 1
            kept += 1
    assert cut >= 3
    assert kept >= 1


def test_a_table_not_found_in_the_prose_leaves_it_unchanged() -> None:
    assert remove_flattened_tables("Take with food.", ["A | B\n1 | 2 and more cells here"]) == "Take with food."


def test_clean_section_on_a_real_label_leaves_no_debris() -> None:
    (label,) = labels_for(["sertraline"])[:1]
    for key, text in label.sections.items():
        tables = [t for t in label.tables.get(key, "").split("\n\n") if t]
        cleaned = clean_section(text, tables=tables, names=label.generic_names)
        assert not re.search(r"\[see\b|\]\s+\.|\(\s*\d+\.\d+\s*\)", cleaned, re.IGNORECASE), key
        assert not re.search(r"(?m)^\d+\.\d+ [A-Z]", cleaned), key


def test_chunks_hold_clean_text_and_the_raw_text_stays_on_the_label() -> None:
    (label,) = labels_for(["citalopram"])[:1]
    chunks = chunk_label(label)
    prose = [c.text for c in chunks if not c.text.startswith("Table:")]
    assert not any(re.search(r"\[see\b|\]\s\.", text) for text in prose)
    assert any("\n" in text for text in prose)  # headings on their own lines
    assert "[see" in " ".join(label.sections.values())  # the record itself is unchanged


# --- quotes ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Avoid use [see Warnings and Precautions (5.5), Use in Specific Populations (8.6)] .", "Avoid use."),
        ("Monitor INR ( 5.1 , 7.2 ) closely.", "Monitor INR closely."),
        ("Reduce the dose (5.2, 7.1, 12.3).", "Reduce the dose."),
        ("Use caution (see WARNINGS) with it.", "Use caution with it."),
        ("Concomitant use is contraindicated [see Contraindications (4) and Cli", "Concomitant use is contraindicated"),
    ],
)
def test_quotes_lose_cross_references_and_their_debris(text: str, expected: str) -> None:
    assert tidy_spacing(remove_cross_references(text)) == expected


def test_a_numbered_heading_is_split_from_its_sentence() -> None:
    heading, rest = split_section_heading(
        "7.1 Strong CYP1A2 Inhibitors Concomitant use of tizanidine is contraindicated."
    )
    assert heading == "Strong CYP1A2 Inhibitors"
    assert rest == "Concomitant use of tizanidine is contraindicated."
    assert remove_section_heading("7.8 Drugs that Prolong the QT Interval Do not use with thioridazine.") == (
        "Do not use with thioridazine."
    )
    assert split_section_heading("7 DRUG INTERACTIONS CNS Depressants: Trazodone may enhance effects.") == (
        "DRUG INTERACTIONS",
        "CNS Depressants: Trazodone may enhance effects.",
    )


def test_text_without_a_section_number_keeps_its_first_words() -> None:
    assert split_section_heading("Warfarin Sodium tablets may increase bleeding.") == (
        "",
        "Warfarin Sodium tablets may increase bleeding.",
    )
    assert heading_length("Concomitant use is contraindicated.") == 0


def test_a_leading_caption_goes_from_a_quote() -> None:
    assert remove_caption("Figure 3: Effect of Other Drugs on Warfarin The figure shows ratios.") == (
        "The figure shows ratios."
    )


def test_clean_quote_reads_like_a_sentence() -> None:
    raw = (
        "7.1 Strong CYP1A2 Inhibitors Concomitant use of tizanidine with strong cytochrome P450 1A2 (CYP1A2) "
        "inhibitors (e.g., fluvoxamine, ciprofloxacin) is contraindicated [see Contraindications ( 4 )] ."
    )
    quote = clean_quote(raw)
    assert quote.startswith("Concomitant use of tizanidine")
    assert "7.1" not in quote
    assert "[see" not in quote
    assert quote.endswith("is contraindicated.")
