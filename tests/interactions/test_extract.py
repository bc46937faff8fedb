"""Quotes from run-on Drug Facts lists: the item that names the food or drink, with its lead-in."""

from pharmabot.interactions.extract import list_item_quote, mechanism_of

# Written in the Drug Facts manner (21 CFR 201.66(c)(5)) for these tests; the bullets are gone, as in openFDA's text.
EXAMPLOL_WARNINGS = (
    "Allergy alert: examplol may cause a severe allergic reaction. Stomach bleeding warning: This product contains "
    "an NSAID, which may cause severe stomach bleeding. The chance is higher if you: are age 60 or older have had "
    "stomach ulcers or bleeding problems take a blood thinning (anticoagulant) or steroid drug have 3 or more "
    "alcoholic drinks every day while using this product take more or for a longer time than directed Heart attack "
    "and stroke warning: NSAIDs may increase the risk of heart attack."
)


def _quote_of(text: str, word: str) -> str | None:
    at = text.find(word)
    return list_item_quote(text, at, at + len(word))


def test_the_item_that_names_the_drink_is_quoted_with_its_lead_in() -> None:
    assert _quote_of(EXAMPLOL_WARNINGS, "alcoholic") == (
        "The chance is higher if you: have 3 or more alcoholic drinks every day while using this product."
    )


def test_the_item_ends_at_a_heading_run_into_it() -> None:
    text = EXAMPLOL_WARNINGS.replace(" take more or for a longer time than directed", "")
    assert _quote_of(text, "alcoholic") == (
        "The chance is higher if you: have 3 or more alcoholic drinks every day while using this product."
    )


def test_a_sentence_without_a_list_lead_in_is_not_a_list_item() -> None:
    text = "Avoid alcoholic beverages while taking examplol because they may increase drowsiness. " * 5
    assert _quote_of(text, "alcoholic") is None


def test_the_mechanism_names_lactic_acidosis_before_the_kidneys() -> None:
    mechanism = mechanism_of("In patients with renal impairment, metformin can cause lactic acidosis.", affected="x")
    # The renal impairment is who is at risk, not an effect of the combination.
    assert mechanism == "risk: lactic acidosis"
    assert mechanism_of("NSAIDs may cause deterioration of renal function.", affected="x") == "risk: kidney effects"
