"""Chunking label sections: bounded size, subsection and sentence boundaries, tables kept, stable ids."""

from __future__ import annotations

import dataclasses

from pharmabot.knowledge.chunking import MAX_CHARS, chunk_label, split_text
from tests.support.labels import labels_for


def test_split_at_numbered_subsections() -> None:
    text = "5 WARNINGS AND PRECAUTIONS Intro text here. 5.1 Myopathy " + "Muscle pain may occur. " * 40
    text += "5.2 Liver Enzyme Abnormalities " + "Check enzymes. " * 40
    pieces = split_text(text)
    assert any(p.startswith("5.1 Myopathy") or "5.1 Myopathy" in p[:80] for p in pieces)
    assert any(p.startswith("5.2 Liver Enzyme Abnormalities") for p in pieces)
    assert all(len(p) <= MAX_CHARS for p in pieces)


def test_long_text_splits_at_sentences_within_bound() -> None:
    text = " ".join(f"Sentence number {i} says something about the drug." for i in range(200))
    pieces = split_text(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_CHARS for p in pieces)
    assert all(p.endswith(".") for p in pieces)
    assert " ".join(pieces) == text


def test_run_on_text_without_sentences_is_still_bounded() -> None:
    pieces = split_text("word " * 2000)
    assert all(len(p) <= MAX_CHARS for p in pieces)


def test_chunks_carry_citation_fields_and_keep_tables() -> None:
    label = labels_for(["simvastatin"])[0]
    chunks = chunk_label(label, drug_key="simvastatin")
    assert chunks
    first = chunks[0]
    assert first.drug_name == "simvastatin"
    assert first.set_id == label.set_id
    assert first.url.endswith(label.set_id)
    assert first.effective_time == label.effective_time
    assert first.brand_names == label.brand_names
    assert {c.section_key for c in chunks} >= {"indications_and_usage", "adverse_reactions", "drug_interactions"}
    assert any(c.text.startswith("Table:") for c in chunks)
    assert all(len(c.text) <= MAX_CHARS for c in chunks)
    titles = {c.section_key: c.section_title for c in chunks}
    assert titles["adverse_reactions"] == "ADVERSE REACTIONS"


def test_chunk_ids_are_stable_and_unique() -> None:
    label = labels_for(["warfarin"])[0]
    first = [c.chunk_id for c in chunk_label(label)]
    again = [c.chunk_id for c in chunk_label(dataclasses.replace(label))]
    assert first == again
    assert len(set(first)) == len(first)
    changed = dataclasses.replace(label, sections={**label.sections, "overdosage": "Different text."})
    changed_ids = {c.chunk_id for c in chunk_label(changed) if c.section_key == "overdosage"}
    assert changed_ids.isdisjoint(first)
