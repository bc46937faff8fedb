"""Which label a drug gets, repackager copies, strengths in names, and the two-pass build that relies on them."""

from __future__ import annotations

import copy
import gzip
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from pharmabot.knowledge.build import build_index, label_stub, stub_from_raw
from pharmabot.knowledge.labels import LabelRecord, shipped_label_paths
from pharmabot.knowledge.names import DrugCatalog, ingredients_of, label_rank
from tests.support.labels import raw_records_for, write_jsonl

FULL = {
    "indications_and_usage": ["Used for pain."],
    "dosage_and_administration": ["Take one tablet."],
    "warnings": ["May cause bleeding."],
    "adverse_reactions": ["Nausea."],
    "clinical_pharmacology": ["Inhibits COX."],
}


def record(set_id: str, **extra: Any) -> dict[str, Any]:
    openfda = {"generic_name": ["NAPROXEN"], "route": ["ORAL"], "manufacturer_name": ["Maker Inc."]}
    openfda.update(extra.pop("openfda", {}))
    return {"set_id": set_id, "id": set_id, "effective_time": "20240101", "openfda": openfda, **FULL, **extra}


def best(*records: dict[str, Any]) -> str:
    catalog = DrugCatalog.from_labels(LabelRecord.from_openfda(r) for r in records)
    return catalog.drugs["naproxen"].set_ids[0]


def test_a_complete_label_beats_a_newer_partial_one() -> None:
    partial = record("partial", effective_time="20260101")
    for key in ("dosage_and_administration", "warnings", "adverse_reactions"):
        partial.pop(key)
    assert best(partial, record("complete")) == "complete"


def test_prescribing_information_beats_a_drug_facts_panel() -> None:
    otc = {k: v for k, v in record("otc", effective_time="20260101").items() if k != "clinical_pharmacology"}
    otc.pop("adverse_reactions")
    otc["openfda"]["product_type"] = ["HUMAN OTC DRUG"]
    assert best(otc, record("rx")) == "rx"


def test_a_repackagers_copy_comes_after_the_firms_own_label() -> None:
    copy_ = record("copy", effective_time="20260101", package_label_principal_display_panel=["Repackaged by: X Co."])
    assert best(copy_, record("original")) == "original"
    by_name = record("by-name", effective_time="20260101", openfda={"manufacturer_name": ["Bryant Ranch Prepack"]})
    assert best(by_name, record("original")) == "original"


def test_the_plain_oral_product_comes_before_other_routes_and_kits() -> None:
    topical = record("topical", effective_time="20260101", openfda={"route": ["TOPICAL"]})
    kit = record("kit", effective_time="20260101", openfda={"brand_name": ["Naproxen Pain Relief Kit"]})
    assert best(topical, kit, record("oral")) == "oral"


def test_then_the_newest() -> None:
    assert best(record("old", effective_time="20200101"), record("new", effective_time="20250101")) == "new"
    assert best(record("undated", effective_time=None), record("dated")) == "dated"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("NDC 1234-567-01 (repackaged from NDC 5555-111-01)", True),
        ("Relabeled by: Sample Pharmacy Services", True),
        ("This drug must not be repackaged. Store at 25°C.", False),
        ("Manufactured for Maker Inc.", False),
    ],
)
def test_repackager_text(text: str, flagged: bool) -> None:
    assert LabelRecord.from_openfda(record("x", how_supplied=[text])).repackaged is flagged


def test_label_rank_orders_by_the_documented_keys() -> None:
    label = LabelRecord.from_openfda(record("x"))
    assert label_rank(label) == (1, 1, 1, 2, "2024-01-01", len(label.sections))


@pytest.mark.parametrize(
    ("name", "ingredients"),
    [
        ("CLOBETASOL PROPIONATE OINTMENT USP, 0.05%", ("clobetasol",)),
        ("LATANOPROSTENE BUNOD OPHTHALMIC SOLUTION, 0.024%", ("latanoprostene bunod",)),
        ("BECAPLERMIN GEL 0.01%", ("becaplermin",)),
        ("CHLORHEXIDINE GLUCONATE SOLUTION 0.75% ANTISEPTIC", ("chlorhexidine",)),
        ("POLYETHYLENE GLYCOL 3350", ("polyethylene glycol 3350",)),  # a number that is part of the name stays
    ],
)
def test_percent_strengths_are_not_ingredients(name: str, ingredients: tuple[str, ...]) -> None:
    assert ingredients_of(name) == ingredients


def test_a_stub_from_the_raw_record_is_the_stub_of_the_full_label() -> None:
    """The first pass of a build ranks labels from stubs made without normalizing texts; they must agree."""
    for raw in raw_records_for(["warfarin", "ibuprofen", "metformin"]):
        assert stub_from_raw(raw) == label_stub(LabelRecord.from_openfda(raw))


def test_a_set_id_seen_twice_keeps_its_last_record(tmp_path: Path) -> None:
    (raw,) = raw_records_for(["warfarin"])[:1]
    older = copy.deepcopy(raw)
    older["indications_and_usage"] = ["An older text of this label."]
    source = write_jsonl(tmp_path / "labels.jsonl", [older, raw])
    build_index(sources=[source], index_path=tmp_path / "index.sqlite")
    with sqlite3.connect(tmp_path / "index.sqlite") as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM chunks WHERE section_key = 'indications_and_usage'")]
    assert texts
    assert not any("older text" in t for t in texts)


def test_the_shipped_corpus_includes_the_extra_labels_with_their_provenance() -> None:
    main, extra = shipped_label_paths()
    assert main.name == "openfda-labels.jsonl.gz"
    assert extra.name == "openfda-labels-extra.jsonl.gz"
    with gzip.open(extra, "rt", encoding="utf-8") as handle:
        set_ids = {json.loads(line)["set_id"] for line in handle if line.strip()}
    assert len(set_ids) == 30
    with gzip.open(extra.with_name("PROVENANCE-extra.tsv.gz"), "rt", encoding="utf-8") as handle:
        provenance = {line.split("\t")[0] for line in handle.read().splitlines()[1:]}
    assert set_ids <= provenance
    sources = (extra.parents[1] / "SOURCES.md").read_text()
    assert "labels/openfda-labels-extra.jsonl.gz" in sources
    assert "labels/PROVENANCE-extra.tsv.gz" in sources
