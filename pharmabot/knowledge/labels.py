"""FDA label records in openFDA's `drug/label` format: reading them as a stream and normalizing them.

Accepts the shipped `.jsonl.gz`, plain `.jsonl`, and openFDA's bulk download files (`.json`, a
`{"meta": ..., "results": [...]}` object, and `.json.zip`): these are parsed incrementally with
ijson so a 1 GB file never sits in memory.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

import ijson

# openFDA section keys and the headings the label itself uses. Order is the label's own order, so
# a drug page lists sections the way the printed label does.
SECTION_TITLES: dict[str, str] = {
    "boxed_warning": "BOXED WARNING",
    "indications_and_usage": "INDICATIONS AND USAGE",
    "dosage_and_administration": "DOSAGE AND ADMINISTRATION",
    "dosage_forms_and_strengths": "DOSAGE FORMS AND STRENGTHS",
    "contraindications": "CONTRAINDICATIONS",
    "warnings_and_cautions": "WARNINGS AND PRECAUTIONS",
    "warnings": "WARNINGS",
    "precautions": "PRECAUTIONS",
    "general_precautions": "GENERAL PRECAUTIONS",
    "adverse_reactions": "ADVERSE REACTIONS",
    "drug_interactions": "DRUG INTERACTIONS",
    "drug_and_or_laboratory_test_interactions": "DRUG/LABORATORY TEST INTERACTIONS",
    "use_in_specific_populations": "USE IN SPECIFIC POPULATIONS",
    "pregnancy": "PREGNANCY",
    "teratogenic_effects": "TERATOGENIC EFFECTS",
    "nonteratogenic_effects": "NONTERATOGENIC EFFECTS",
    "labor_and_delivery": "LABOR AND DELIVERY",
    "nursing_mothers": "NURSING MOTHERS",
    "pediatric_use": "PEDIATRIC USE",
    "geriatric_use": "GERIATRIC USE",
    "drug_abuse_and_dependence": "DRUG ABUSE AND DEPENDENCE",
    "controlled_substance": "CONTROLLED SUBSTANCE",
    "abuse": "ABUSE",
    "dependence": "DEPENDENCE",
    "overdosage": "OVERDOSAGE",
    "description": "DESCRIPTION",
    "clinical_pharmacology": "CLINICAL PHARMACOLOGY",
    "mechanism_of_action": "MECHANISM OF ACTION",
    "pharmacodynamics": "PHARMACODYNAMICS",
    "pharmacokinetics": "PHARMACOKINETICS",
    "pharmacogenomics": "PHARMACOGENOMICS",
    "microbiology": "MICROBIOLOGY",
    "nonclinical_toxicology": "NONCLINICAL TOXICOLOGY",
    "carcinogenesis_and_mutagenesis_and_impairment_of_fertility": (
        "CARCINOGENESIS, MUTAGENESIS, IMPAIRMENT OF FERTILITY"
    ),
    "animal_pharmacology_and_or_toxicology": "ANIMAL PHARMACOLOGY AND/OR TOXICOLOGY",
    "clinical_studies": "CLINICAL STUDIES",
    "references": "REFERENCES",
    "how_supplied": "HOW SUPPLIED/STORAGE AND HANDLING",
    "storage_and_handling": "STORAGE AND HANDLING",
    "laboratory_tests": "LABORATORY TESTS",
    "information_for_patients": "PATIENT COUNSELING INFORMATION",
    "spl_medguide": "MEDICATION GUIDE",
    "spl_patient_package_insert": "PATIENT INFORMATION",
    "patient_medication_information": "PATIENT MEDICATION INFORMATION",
    "instructions_for_use": "INSTRUCTIONS FOR USE",
    "risks": "RISKS",
    "spl_unclassified_section": "OTHER LABEL TEXT",
    # OTC "Drug Facts" labels use their own headings.
    "active_ingredient": "ACTIVE INGREDIENT",
    "purpose": "PURPOSE",
    "do_not_use": "DO NOT USE",
    "ask_doctor": "ASK A DOCTOR BEFORE USE",
    "ask_doctor_or_pharmacist": "ASK A DOCTOR OR PHARMACIST BEFORE USE",
    "when_using": "WHEN USING THIS PRODUCT",
    "stop_use": "STOP USE AND ASK A DOCTOR",
    "pregnancy_or_breast_feeding": "IF PREGNANT OR BREAST-FEEDING",
    "keep_out_of_reach_of_children": "KEEP OUT OF REACH OF CHILDREN",
    "inactive_ingredient": "INACTIVE INGREDIENTS",
    "questions": "QUESTIONS",
    "package_label_principal_display_panel": "PACKAGE LABEL",
}

# The numbers of the Full Prescribing Information's sections, in the order 21 CFR 201.57(c) gives them. A
# subsection number is "N.k" under section N, so "1.1 Hypertension" inside Indications and Usage is a heading
# even where the text before it has no full stop (a list's last item: "... with heart failure 1.1 Hypertension").
PLR_SECTION_NUMBERS: dict[str, int] = {
    "indications_and_usage": 1,
    "dosage_and_administration": 2,
    "dosage_forms_and_strengths": 3,
    "contraindications": 4,
    "warnings_and_cautions": 5,
    "adverse_reactions": 6,
    "drug_interactions": 7,
    "use_in_specific_populations": 8,
    "drug_abuse_and_dependence": 9,
    "overdosage": 10,
    "description": 11,
    "clinical_pharmacology": 12,
    "nonclinical_toxicology": 13,
    "clinical_studies": 14,
    "references": 15,
    "how_supplied": 16,
    "storage_and_handling": 16,
    "information_for_patients": 17,
}

# Consumer-facing sections: written for patients, preferred when answering in plain language.
PATIENT_SECTIONS = frozenset(
    {"spl_medguide", "spl_patient_package_insert", "patient_medication_information", "information_for_patients"}
)

SHIPPED_LABELS = "labels/openfda-labels.jsonl.gz"
# Every label file the project ships, in reading order: the main corpus, then records of common drugs it lacks.
SHIPPED_LABEL_FILES = (SHIPPED_LABELS, "labels/openfda-labels-extra.jsonl.gz")
# What `--source DIR` reads from a folder: openFDA's bulk files and the shipped corpus's own format.
LABEL_FILE_SUFFIXES = (".json.zip", ".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson")

# How a repackager's or relabeler's copy of another firm's label says so ("Repackaged by: ...",
# "NDC 1234-567-01 (relabeled from NDC ...)"); "must not be repackaged" is storage advice, not a marker.
_REPACKAGED_TEXT = re.compile(r"\b(?:re-?packaged|re-?label(?:l)?ed)\s+(?:by|from|for)\b", re.IGNORECASE)
REPACKAGER_SECTIONS = ("package_label_principal_display_panel", "how_supplied", "spl_unclassified_section")
# Firms whose labels are repackaged or relabeled copies (FDA labeler names as openFDA spells them); the text
# marker above misses many of them because their copies do not always say so.
_REPACKAGER_NAME = re.compile(
    r"repack|prepack|relabel|a-s medication solutions|pd-rx|proficient rx|direct[_ ]rx|nucare|"
    r"preferred pharmaceuticals|quality care products|aphena pharma|lake erie medical|northwind|denton pharma|"
    r"asclemed|medsource pharmaceuticals|unit dose services|american health packaging|golden state medical supply|"
    r"qpharma|physicians total care|rebel distributors|stat rx|dispensing solutions|blenheim pharmacal|"
    r"henry schein|h\.?j\.? harkins|safecor health|advanced rx|clinical solutions wholesale|med-health pharma|"
    r"contract pharmacy services|st\.? mary'?s medical park",
    re.IGNORECASE,
)

_TAG = re.compile(r"<[^>]+>")
_CELL_END = re.compile(r"</t[dh]\s*>", re.IGNORECASE)
_ROW_END = re.compile(r"</tr\s*>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def table_to_text(fragment: str) -> str:
    """Turn an openFDA `*_table` HTML fragment into text: cells separated by ' | ', rows by newlines."""
    text = _CELL_END.sub(" | ", fragment)
    text = _ROW_END.sub("\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    lines = (_SPACES.sub(" ", line).strip(" |") for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def clean_text(text: str) -> str:
    """Collapse runs of spaces; openFDA text has no paragraph breaks worth keeping."""
    return _SPACES.sub(" ", html.unescape(text)).strip()


def _date(value: Any) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def dailymed_url(set_id: str) -> str:
    """The DailyMed page of a label, built from its set id (never by a model)."""
    return f"https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid={set_id}"


@dataclass(frozen=True)
class LabelRecord:
    """One FDA label, normalized: names, classes, and section texts keyed by openFDA section key."""

    set_id: str
    label_id: str
    version: str | None
    effective_time: str | None  # YYYY-MM-DD
    generic_names: tuple[str, ...]
    brand_names: tuple[str, ...]
    substance_names: tuple[str, ...]
    routes: tuple[str, ...]
    manufacturer: str | None
    product_type: str | None
    pharm_classes: dict[str, tuple[str, ...]]  # epc/moa/cs/pe -> class names
    sections: dict[str, str]  # section key -> text
    tables: dict[str, str] = field(default_factory=dict)  # section key -> tables as text
    repackaged: bool = False  # a repackager's or relabeler's copy of another firm's label

    @property
    def url(self) -> str:
        return dailymed_url(self.set_id)

    @property
    def title(self) -> str:
        return self.generic_names[0].lower() if self.generic_names else self.set_id

    @classmethod
    def from_openfda(cls, record: dict[str, Any]) -> LabelRecord:
        openfda = record.get("openfda") or {}

        def names(key: str) -> tuple[str, ...]:
            values = openfda.get(key) or []
            return tuple(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))

        sections: dict[str, str] = {}
        tables: dict[str, str] = {}
        for key, value in record.items():
            if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
                continue
            if key.endswith("_table"):
                base = key.removesuffix("_table")
                tables[base] = "\n\n".join(table_to_text(v) for v in value)
            elif key in SECTION_TITLES:
                sections[key] = clean_text(" ".join(value))
        set_id = str(record.get("set_id") or openfda.get("spl_set_id", [""])[0])
        if not set_id:
            raise ValueError("label record has no set_id")
        return cls(
            set_id=set_id,
            label_id=str(record.get("id") or set_id),
            version=str(record["version"]) if record.get("version") else None,
            effective_time=_date(record.get("effective_time")),
            generic_names=names("generic_name"),
            brand_names=names("brand_name"),
            substance_names=names("substance_name"),
            routes=names("route"),
            manufacturer=(names("manufacturer_name") or (None,))[0],
            product_type=(names("product_type") or (None,))[0],
            pharm_classes={
                kind: names(f"pharm_class_{kind}")
                for kind in ("epc", "moa", "cs", "pe")
                if openfda.get(f"pharm_class_{kind}")
            },
            sections=sections,
            tables=tables,
            repackaged=_is_repackaged(record, openfda),
        )


def _is_repackaged(record: dict[str, Any], openfda: dict[str, Any]) -> bool:
    if any(_REPACKAGER_NAME.search(str(name)) for name in openfda.get("manufacturer_name") or []):
        return True
    for key in REPACKAGER_SECTIONS:
        value = record.get(key)
        if isinstance(value, list) and any(isinstance(v, str) and _REPACKAGED_TEXT.search(v) for v in value):
            return True
    return False


def _records_from_stream(stream: IO[bytes] | gzip.GzipFile, name: str) -> Iterator[dict[str, Any]]:
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        for line in stream:
            if line.strip():
                yield json.loads(line)
        return
    # openFDA bulk files: one JSON object with a `results` array, parsed item by item.
    yield from ijson.items(stream, "results.item", use_float=True)


def iter_raw_records(path: Path) -> Iterator[dict[str, Any]]:
    """Raw openFDA label dicts from one file, streamed (.jsonl[.gz], .json[.gz], .json.zip)."""
    name = path.name.lower()
    if name.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.lower().endswith((".json", ".jsonl")):
                    with archive.open(member) as stream:
                        yield from _records_from_stream(stream, member.lower())
        return
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as gz_stream:
            yield from _records_from_stream(gz_stream, name.removesuffix(".gz"))
    else:
        with path.open("rb") as stream:
            yield from _records_from_stream(stream, name)


def iter_labels(paths: Iterable[Path]) -> Iterator[LabelRecord]:
    """Normalized labels from every file, skipping records that are not labels (no set id)."""
    for path in paths:
        for raw in iter_raw_records(path):
            if isinstance(raw, dict) and (raw.get("set_id") or (raw.get("openfda") or {}).get("spl_set_id")):
                yield LabelRecord.from_openfda(raw)


def shipped_data_path(relative: str) -> Path:
    """Path of a data file shipped inside the package."""
    return Path(str(resources.files("pharmabot.data").joinpath(relative)))


def shipped_labels_path() -> Path:
    """The main shipped label file (tests pick small label sets from it)."""
    return shipped_data_path(SHIPPED_LABELS)


def shipped_label_paths() -> list[Path]:
    """Every shipped label file: what the index and the search ingest read by default."""
    return [shipped_data_path(name) for name in SHIPPED_LABEL_FILES]


def label_files(sources: Iterable[Path]) -> list[Path]:
    """SOURCES with each folder replaced by the label files in it (sorted, so a build reads them in a stable order).

    A missing path, or a folder holding no label file, raises FileNotFoundError naming it.
    """
    files: list[Path] = []
    for source in map(Path, sources):
        if source.is_dir():
            found = sorted(p for p in source.iterdir() if p.is_file() and p.name.lower().endswith(LABEL_FILE_SUFFIXES))
            if not found:
                raise FileNotFoundError(f"no label files ({', '.join(LABEL_FILE_SUFFIXES)}) in {source}")
            files += found
        elif source.is_file():
            files.append(source)
        else:
            raise FileNotFoundError(f"no such label file or folder: {source}")
    return files
