"""The local FTS5 retriever over a small real index."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.retrieval.base import SearchSpec
from pharmabot.retrieval.local import LocalRetriever


@pytest.fixture
async def retriever(small_index: Path) -> AsyncIterator[LocalRetriever]:
    kb = KnowledgeBase.open(small_index)
    local = LocalRetriever(index_path=small_index, catalog=kb.catalog)
    yield local
    await local.close()
    kb.close()


async def test_section_intent_ranks_the_asked_section_first(retriever: LocalRetriever) -> None:
    cases = {
        "what are the side effects of metformin": "adverse_reactions",
        "how much metformin should I take": "dosage_and_administration",
        "can I take sertraline while pregnant": "pregnancy",
        "what is atorvastatin used for": "indications_and_usage",
        "warfarin overdose": "overdosage",
    }
    for query, section in cases.items():
        hits = await retriever.search(query=query, top_k=3)
        assert hits, query
        assert section in {h.section_key for h in hits}, query


async def test_drug_in_query_filters_to_that_drug(retriever: LocalRetriever) -> None:
    hits = await retriever.search(query="Coumadin bleeding risk", top_k=5)
    assert {h.drug_name for h in hits} == {"warfarin"}


async def test_explicit_drug_and_section_filters(retriever: LocalRetriever) -> None:
    hits = await retriever.search(query="muscle", top_k=4, drug="simvastatin", section="adverse_reactions")
    assert hits
    assert all(h.drug_name == "simvastatin" and h.section_key == "adverse_reactions" for h in hits)
    assert all(h.source == "local" and h.label_section == "ADVERSE REACTIONS" for h in hits)


async def test_query_without_a_drug_searches_everything(retriever: LocalRetriever) -> None:
    hits = await retriever.search(query="rhabdomyolysis", top_k=5)
    assert hits
    assert "rhabdomyolysis" in hits[0].chunk.lower()


async def test_fts_syntax_in_queries_is_harmless(retriever: LocalRetriever) -> None:
    for query in ['"unbalanced', "NEAR(a b)", "col:umn * ^ -", "AND OR NOT", "drugtag : x"]:
        await retriever.search(query=query, top_k=3)


async def test_check(retriever: LocalRetriever) -> None:
    await retriever.check()


async def test_search_many_answers_as_the_searches_one_by_one(retriever: LocalRetriever) -> None:
    specs = [
        SearchSpec(query="metformin side effects", top_k=2, drug="metformin", section="adverse_reactions"),
        SearchSpec(query="metformin side effects", top_k=1, drug="metformin"),
        SearchSpec(query="rhabdomyolysis", top_k=3),
        SearchSpec(query="Coumadin bleeding risk", top_k=2, section="warnings_and_cautions"),
    ]
    one_by_one = [await retriever.search(query=s.query, top_k=s.top_k, drug=s.drug, section=s.section) for s in specs]
    assert await retriever.search_many(specs) == one_by_one
    assert any(one_by_one)
    assert await retriever.search_many([]) == []


async def test_every_kind_of_question_ranks_its_section_first(retriever: LocalRetriever) -> None:
    cases = {
        "how do I get off sertraline": "dosage_and_administration",
        "what does a 10 mg amlodipine tablet look like": "how_supplied",
        "what are the inactive ingredients in levothyroxine": "description",
        "how should atorvastatin be stored": "storage_and_handling",
        "what is the half-life of tizanidine": "clinical_pharmacology",
        "who should not take simvastatin": "contraindications",
    }
    for query, section in cases.items():
        hits = await retriever.search(query=query, top_k=3)
        assert hits, query
        assert hits[0].section_key == section, (query, [h.section_key for h in hits])


async def test_the_words_labels_use_find_the_subsection(retriever: LocalRetriever) -> None:
    hits = await retriever.search(query="how do I come off sertraline", top_k=3)
    assert any(word in hits[0].chunk.lower() for word in ("gradual", "taper", "abrupt"))


async def test_results_hold_clean_text_and_no_repeats(retriever: LocalRetriever) -> None:
    for query in ("side effects of warfarin", "ciprofloxacin dosage", "metformin lactic acidosis"):
        hits = await retriever.search(query=query, top_k=8)
        assert len({h.chunk for h in hits}) == len(hits), query
        for hit in hits:
            assert "[see" not in hit.chunk.lower(), query
            assert "] ." not in hit.chunk, query


async def test_a_side_effect_question_finds_the_most_common_reactions(retriever: LocalRetriever) -> None:
    # Highlights and section 6 name the most common adverse reactions (21 CFR 201.57(a)(11), (c)(7)): the chunk
    # that says which they are ranks first among a label's adverse reactions.
    for question in ("does ciprofloxacin make you tired", "can metformin give me a headache"):
        hits = await retriever.search(query=question, top_k=1, section="adverse_reactions")
        assert "most common" in hits[0].chunk.lower(), question
