"""The built-in page in headless Chromium against the app on uvicorn: chat, interactions, drug pages, safety."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Page, expect

from tests.support.fake_openai import FakeOpenAIServer
from tests.web.conftest import API_KEY, PHONE, screenshot

DAILYMED = "https://dailymed.nlm.nih.gov/"


def ask(page: Page, question: str) -> None:
    page.fill("#chat-input", question)
    page.press("#chat-input", "Enter")


def wait_idle(page: Page) -> None:
    """Until the stream ended (the Ask button is enabled again)."""
    expect(page.locator("#chat-send")).to_be_enabled()
    expect(page.locator("#chat-stop")).to_be_hidden()


def test_chat_streams_an_answer_with_citation_links(page: Page, base_url: str) -> None:
    page.goto(base_url)
    ask(page, "What are the side effects of metformin?")
    answer = page.locator(".turn.answer").last
    expect(answer).to_contain_text("metformin")
    wait_idle(page)
    cite = answer.locator("a.cite").first
    expect(cite).to_have_text("[" + cite.inner_text().strip("[]") + "]")
    assert (cite.get_attribute("href") or "").startswith(DAILYMED)
    assert cite.get_attribute("rel") == "noopener noreferrer"
    source = answer.locator(".sources a").first
    assert (source.get_attribute("href") or "").startswith(DAILYMED)
    screenshot(page, "chat-answer-with-citations", full_page=True)


def test_tokens_appear_before_the_answer_is_finished(page: Page, model_url: str, fake_model: FakeOpenAIServer) -> None:
    fake_model.behaviour.chunks = ["Metformin ", "is used ", "to lower ", "blood sugar ", "[1]."]
    fake_model.behaviour.chunk_delay = 0.4
    page.goto(model_url)
    ask(page, "What is metformin used for?")
    answer = page.locator(".turn.answer").last
    # Part of the text is on screen while the stream is still open (Stop is still offered).
    expect(answer).to_contain_text("Metformin is used")
    assert page.locator("#chat-stop").is_visible()
    assert "blood sugar" not in answer.inner_text()
    wait_idle(page)
    expect(answer.locator(".answer-body")).to_have_text("Metformin is used to lower blood sugar [1].")
    assert (answer.locator("a.cite").get_attribute("href") or "").startswith(DAILYMED)


def test_stop_cancels_the_stream(page: Page, model_url: str, fake_model: FakeOpenAIServer) -> None:
    fake_model.behaviour.chunks = ["Metformin ", *["word " for _ in range(40)]]
    fake_model.behaviour.chunk_delay = 0.3
    page.goto(model_url)
    ask(page, "What is metformin used for?")
    expect(page.locator(".turn.answer").last).to_contain_text("Metformin")
    page.click("#chat-stop")
    expect(page.locator(".turn.answer .answer-note")).to_have_text("Stopped.")
    wait_idle(page)
    assert fake_model.disconnected.wait(5), "the server kept generating after Stop"


def test_emergency_reply_is_shown_prominently(page: Page, base_url: str) -> None:
    page.goto(base_url)
    ask(page, "I took 40 of my sleeping pills and feel strange")
    answer = page.locator(".turn.answer.emergency")
    expect(answer).to_have_attribute("role", "alert")
    expect(answer.locator(".emergency-badge")).to_be_visible()
    expect(answer).to_contain_text("911")
    expect(answer).to_contain_text("1-800-222-1222")
    wait_idle(page)
    screenshot(page, "chat-emergency", full_page=True)


def test_reload_shows_the_conversation(page: Page, base_url: str) -> None:
    page.goto(base_url)
    ask(page, "What is warfarin used for?")
    wait_idle(page)
    before = page.locator(".turn.answer .answer-body").last.text_content() or ""
    page.reload()
    expect(page.locator(".turn.question")).to_contain_text("What is warfarin used for?")
    expect(page.locator(".turn.answer .answer-body").last).to_contain_text(before[:40])
    assert page.locator(".turn.answer .answer-body").last.text_content() == before
    expect(page.locator(".turn.answer a.cite").first).to_be_visible()


def test_new_conversation_erases_the_stored_one(page: Page, base_url: str) -> None:
    page.goto(base_url)
    ask(page, "What is ibuprofen used for?")
    wait_idle(page)
    session_id = page.evaluate("localStorage.getItem('pharmabot.sessionId')")
    assert session_id
    page.click("#new-chat")
    expect(page.locator("#transcript > li")).to_have_count(0)
    expect(page.locator("#chat-input")).to_be_focused()
    page.wait_for_function("localStorage.getItem('pharmabot.sessionId') === null")
    gone = page.request.get(f"{base_url}/api/sessions/{session_id}/messages")
    assert gone.status == 404
    page.reload()
    expect(page.locator("#chat-empty")).to_be_visible()


def test_model_errors_are_inline_with_a_retry(page: Page, model_url: str, fake_model: FakeOpenAIServer) -> None:
    fake_model.behaviour.fail_first = 2  # both of the writer's attempts fail, then the model recovers
    fake_model.behaviour.chunks = ["Metformin lowers blood sugar [1]."]
    page.goto(model_url)
    ask(page, "What is metformin used for?")
    error = page.locator(".turn.answer .inline-error")
    expect(error).to_have_attribute("role", "alert")
    error.get_by_role("button", name="Retry").click()
    expect(page.locator(".turn.answer .answer-body")).to_have_text("Metformin lowers blood sugar [1].")
    expect(page.locator(".turn.question")).to_have_count(1)
    expect(page.locator(".inline-error")).to_have_count(0)


def test_model_markup_is_never_rendered(page: Page, model_url: str, fake_model: FakeOpenAIServer) -> None:
    # The server's output filter drops tags; what passes (entities, odd links) must still stay text.
    fake_model.behaviour.chunks = [
        "Metformin <script>window.__pwned = 1</script>",
        '<img src=x onerror="window.__pwned = 2"> ',
        "&lt;script&gt;alert(1)&lt;/script&gt; ",
        "[see this](javascript:alert(1)) [1].",
    ]
    page.goto(model_url)
    ask(page, "What is metformin used for?")
    wait_idle(page)
    body = page.locator(".turn.answer .answer-body")
    expect(body).to_contain_text("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert body.locator("script, img, iframe").count() == 0
    assert [a.get_attribute("href") for a in body.locator("a").all()] == [
        a.get_attribute("href") for a in body.locator("a.cite").all()
    ]
    assert all((a.get_attribute("href") or "").startswith(DAILYMED) for a in body.locator("a").all())
    assert page.evaluate("window.__pwned") is None


def test_stored_question_with_markup_shows_as_text(page: Page, base_url: str) -> None:
    # The question comes back unfiltered from GET /api/sessions/{id}/messages after a reload.
    question = 'Is metformin <img src=x onerror="window.__pwned = 1"> <b>safe</b> to take?'
    page.goto(base_url)
    ask(page, question)
    wait_idle(page)
    page.reload()
    expect(page.locator(".turn.question")).to_have_text("You asked: " + question)
    assert page.locator("#transcript img, #transcript b").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_render_functions_build_text_nodes_only(page: Page, base_url: str) -> None:
    page.goto(base_url)
    result = page.evaluate(
        """async () => {
            const r = await import('/static/render.js');
            const box = document.createElement('div');
            const citations = [
              {index: 1, drug_name: 'x', label_section: 'Warnings', url: 'https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1'},
              {index: 2, drug_name: 'y', label_section: 'Uses', url: 'javascript:alert(1)'},
            ];
            r.renderAnswer(box, '<script>window.__pwned=1<\\/script><img src=x onerror=window.__pwned=2> [1] [2] ' +
              '[a](https://evil.example/) [b](https://www.fda.gov/drugs) **bold**', citations);
            document.body.append(box);
            const links = Array.from(box.querySelectorAll('a'), a => a.href);
            const url = ['https://dailymed.nlm.nih.gov/x', 'http://fda.gov/', 'https://evil.example/',
              'javascript:alert(1)', 'https://dailymed.nlm.nih.gov.evil.example/', 'https://u@dailymed.nlm.nih.gov/',
              'https://dailymed.nlm.nih.gov:8443/', 'data:text/html,hi'].map(r.safeLabelUrl);
            return {elements: box.querySelectorAll('script, img').length, text: box.textContent, links, url,
                    strong: box.querySelectorAll('strong').length};
        }"""
    )
    assert result["elements"] == 0
    assert "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>" in result["text"]
    assert result["links"] == [
        "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=1",
        "https://www.fda.gov/drugs",
    ]
    assert "[2]" in result["text"]  # its URL is not a label URL: the mark stays text
    assert result["url"] == ["https://dailymed.nlm.nih.gov/x", "http://fda.gov/", None, None, None, None, None, None]
    assert result["strong"] == 1
    assert page.evaluate("window.__pwned") is None


def test_interaction_checker_shows_severity_rows(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("tab", name="Interactions").click()
    page.fill("#ix-input", "warf")
    expect(page.locator("#ix-options option[value='warfarin']")).to_have_count(1)  # autocomplete from /api/drugs
    page.fill("#ix-input", "warfarin")
    page.press("#ix-input", "Enter")
    page.fill("#ix-input", "ibuprofen")
    page.press("#ix-input", "Enter")
    expect(page.locator("#ix-chips li")).to_have_count(2)
    page.get_by_role("button", name="Check interactions").click()
    row = page.locator("tr.ix-row", has_text="warfarin + ibuprofen")
    # Severity is written out, not only coloured.
    expect(row.locator(".severity")).to_have_text(re.compile(r"(Contraindicated|Major|Moderate|Minor)$"))
    toggle = row.locator("button[aria-expanded]")
    expect(toggle).to_have_text(re.compile(r"^Show evidence"))
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    evidence = page.locator(f"#{toggle.get_attribute('aria-controls')}")
    expect(evidence.locator("blockquote").first).to_be_visible()
    assert (evidence.locator("a").first.get_attribute("href") or "").startswith(DAILYMED)
    expect(page.locator(".ix-result .disclaimer")).to_contain_text("not proof")
    screenshot(page, "interactions-with-evidence", full_page=True)


def test_interaction_rows_are_sorted_by_severity(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("tab", name="Interactions").click()
    page.fill("#ix-input", "simvastatin, clarithromycin, warfarin, ibuprofen, sertraline")
    page.press("#ix-input", "Enter")
    page.get_by_role("button", name="Check interactions").click()
    expect(page.locator("tr.ix-row").first).to_be_visible()
    order = ["Contraindicated", "Major", "Moderate", "Minor"]
    shown = [order.index(text.strip().split()[-1]) for text in page.locator("tr.ix-row .severity").all_inner_texts()]
    assert len(shown) >= 2
    assert shown == sorted(shown)


def test_drug_page_has_a_table_of_contents(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("tab", name="Drug lookup").click()
    page.fill("#drug-input", "Zocor")
    page.press("#drug-input", "Enter")
    expect(page.locator(".drug-name")).to_have_text("simvastatin")
    toc_links = page.locator("nav.toc a")
    sections = page.locator(".label-section")
    expect(sections.first).to_be_visible()
    assert toc_links.count() == sections.count() >= 5
    assert (page.locator(".facts a").get_attribute("href") or "").startswith(DAILYMED)
    screenshot(page, "drug-page-with-contents")
    target = toc_links.nth(3)
    target.click()
    expect(page.locator(f"#{(target.get_attribute('href') or '#').lstrip('#')}")).to_be_focused()


def test_ambiguous_and_unknown_drugs_are_explained(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("tab", name="Drug lookup").click()
    page.fill("#drug-input", "statin")  # 409: several drugs match
    page.press("#drug-input", "Enter")
    error = page.locator(".drug-result .inline-error")
    expect(error).to_contain_text("matches several drugs")
    error.get_by_role("button", name="nystatin").click()
    expect(page.locator(".drug-name")).to_have_text("nystatin")
    expect(page.locator(".drug-result")).to_contain_text("known by name only")
    page.fill("#drug-input", "zzqx")  # 404
    page.press("#drug-input", "Enter")
    expect(page.locator(".drug-result .inline-error")).to_be_visible()
    expect(page.locator(".drug-result .inline-error button")).to_have_count(0)


def test_label_text_with_markup_shows_as_text(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("tab", name="Drug lookup").click()
    page.fill("#drug-input", "levothyroxine")
    page.press("#drug-input", "Enter")
    expect(page.locator(".label-sections")).to_contain_text('<script>window.__pwned = "label"</script>')
    assert page.locator(".label-sections script, .label-sections img").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_keyboard_moves_between_tabs(page: Page, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_role("tab", name="Chat").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("tab", name="Interactions")).to_be_focused()
    expect(page.locator("#panel-interactions")).to_be_visible()
    expect(page.locator("#panel-chat")).to_be_hidden()
    page.keyboard.press("End")
    expect(page.get_by_role("tab", name="Drug lookup")).to_have_attribute("aria-selected", "true")
    # Every control has an accessible name.
    unnamed = page.evaluate(
        """() => Array.from(document.querySelectorAll('input, textarea, button'))
              .filter(e => !e.labels?.length && !e.getAttribute('aria-label') && !e.textContent.trim())
              .map(e => e.id)"""
    )
    assert unnamed == []


def test_phone_width_has_no_sideways_scrolling(page: Page, base_url: str) -> None:
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.goto(base_url)
    ask(page, "Can I take ibuprofen with warfarin?")
    wait_idle(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "phone-chat", full_page=True)
    page.get_by_role("tab", name="Interactions").click()
    page.fill("#ix-input", "warfarin, ibuprofen")
    page.press("#ix-input", "Enter")
    page.get_by_role("button", name="Check interactions").click()
    expect(page.locator("tr.ix-row").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "phone-interactions", full_page=True)


def test_api_key_is_asked_for_and_sent(page: Page, keyed_url: str) -> None:
    assert httpx.get(keyed_url + "/").status_code == 200  # the page itself needs no key
    page.goto(keyed_url)
    ask(page, "What is metformin used for?")
    expect(page.locator(".turn.answer .inline-error")).to_contain_text("API key")
    expect(page.locator("#key-panel")).to_have_attribute("open", "")
    expect(page.locator("#key-input")).to_be_focused()
    page.fill("#key-input", API_KEY)
    page.press("#key-input", "Enter")
    page.locator(".turn.answer .inline-error").get_by_role("button", name="Retry").click()
    wait_idle(page)
    expect(page.locator(".turn.answer a.cite").first).to_be_visible()
    assert page.evaluate("localStorage.getItem('pharmabot.apiKey')") == API_KEY
