"""Small label sets for tests, picked from the shipped corpus (tests build small indexes, never the full one)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from pharmabot.knowledge.labels import SHIPPED_LABEL_FILES, LabelRecord, shipped_data_path, shipped_labels_path
from pharmabot.knowledge.names import DrugCatalog, drug_key, ingredients_of, read_orange_book

# Drugs the tests talk about: interaction pairs, brands, misspellings, combinations.
DEFAULT_TEST_DRUGS = (
    "simvastatin",
    "clarithromycin",
    "sertraline",
    "phenelzine",
    "sildenafil",
    "isosorbide mononitrate",
    "warfarin",
    "ibuprofen",
    "methotrexate",
    "sulfamethoxazole and trimethoprim",
    "tizanidine",
    "ciprofloxacin",
    "metformin",
    "atorvastatin",
    "amlodipine",
    "levothyroxine",
)


@lru_cache(maxsize=1)
def _all_raw() -> tuple[dict[str, Any], ...]:
    with gzip.open(shipped_labels_path(), "rt", encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in handle if line.strip())


def _key(raw: dict[str, Any]) -> str:
    openfda = raw.get("openfda") or {}
    found: set[str] = set()
    for name in openfda.get("generic_name") or openfda.get("substance_name") or []:
        found.update(ingredients_of(name))
    return drug_key(found)


def labels_for(drugs: Iterable[str] = DEFAULT_TEST_DRUGS) -> list[LabelRecord]:
    """The shipped labels whose drug key (active moieties joined by ' and ') is in DRUGS."""
    wanted = set(drugs)
    # Only the wanted records are normalized: normalizing all 1,238 takes seconds.
    return [LabelRecord.from_openfda(raw) for raw in _all_raw() if _key(raw) in wanted]


@lru_cache(maxsize=4)
def _catalog(drugs: tuple[str, ...]) -> DrugCatalog:
    return DrugCatalog.from_labels(
        labels_for(drugs), orange_book=read_orange_book(shipped_data_path("names/orange_book_products.tsv.gz"))
    )


def catalog_for(drugs: Iterable[str] = DEFAULT_TEST_DRUGS) -> DrugCatalog:
    """A catalog from those labels plus the shipped Orange Book names (brands, unlabelled drugs)."""
    return _catalog(tuple(sorted(set(drugs))))


@lru_cache(maxsize=1)
def _extra_raw() -> tuple[dict[str, Any], ...]:
    with gzip.open(shipped_data_path(SHIPPED_LABEL_FILES[1]), "rt", encoding="utf-8") as handle:
        return tuple(json.loads(line) for line in handle if line.strip())


def raw_records_for(drugs: Iterable[str] = DEFAULT_TEST_DRUGS, *, extra: bool = False) -> list[dict[str, Any]]:
    """The shipped openFDA records (unchanged dicts) of those drugs; with EXTRA, also those of the second shipped
    file (OTC Drug Facts records such as diphenhydramine and acetaminophen)."""
    wanted = set(drugs)
    records = [raw for raw in _all_raw() if _key(raw) in wanted]
    return records + ([raw for raw in _extra_raw() if _key(raw) in wanted] if extra else [])


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    """Write records one per line (the shipped corpus format)."""
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_bulk_json(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    """Write records in openFDA's bulk download shape: {"meta": ..., "results": [...]}."""
    body = {"meta": {"disclaimer": "test copy", "results": {"total": 0}}, "results": list(records)}
    path.write_text(json.dumps(body), encoding="utf-8")
    return path
