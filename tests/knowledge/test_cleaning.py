"""Label text cleaning for quotes: section numbers, headings, cross-references, captions."""

from __future__ import annotations

import pytest

from pharmabot.knowledge.cleaning import (
    clean_quote,
    heading_length,
    remove_caption,
    remove_cross_references,
    remove_section_heading,
    split_section_heading,
    tidy_spacing,
)


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
def test_cross_references_and_their_debris_go(text: str, expected: str) -> None:
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


def test_captions_go() -> None:
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
