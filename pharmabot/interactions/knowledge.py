"""Precomputed interaction knowledge: label evidence, class membership, ONC rules, food/alcohol notes.

Built once at ingest time (`write_interaction_knowledge` stores it in the SQLite index) or in memory
(`InteractionKnowledge.from_labels`); a check only looks things up, it never re-scans label text.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pharmabot.interactions.extract import (
    FOOD_SECTIONS,
    INTERACTION_SECTIONS,
    MentionScanner,
    after_withdrawal,
    food_mentions,
    is_heading,
    management_of,
    mechanism_of,
    names_other_member,
    names_own_example,
    quote_around,
    split_sentences,
)
from pharmabot.interactions.lexicon import CLASS_BY_ID, CLASSES, ONC
from pharmabot.interactions.severity import (
    CO_USE_PATTERN,
    ONC_SEVERITY,
    SEVERITY_ORDER,
    Severity,
    classify,
    is_allergy_note,
    is_not_an_interaction,
)
from pharmabot.knowledge.labels import LabelRecord, shipped_data_path
from pharmabot.knowledge.names import DrugCatalog, drug_key, label_ingredients, moiety

if TYPE_CHECKING:
    from pharmabot.interactions.engine import InteractionEngine

MAX_EVIDENCE_PER_TARGET = 3
MIN_EXAMPLE_LABELS = 3
_SECTION_RANK = {s: i for i, s in enumerate(INTERACTION_SECTIONS)}

# Spelling fixes for the third-party expansion of the ONC member lists.
_ONC_MEMBER_FIXES = {
    "esmoprazole": "esomeprazole",
    "lisdexamefetamine": "lisdexamfetamine",
    "st john’s wort": "st john's wort",
}


@dataclass(frozen=True)
class LabelEvidence:
    """One label sentence naming another drug or class, classified at build time."""

    subject: str  # drug key whose label says it
    target_kind: str  # "drug" | "class"
    target: str  # moiety or class id
    section: str
    set_id: str
    label_title: str
    effective_time: str | None
    quote: str
    severity: Severity
    rule: str
    mechanism: str | None
    management: str | None


@dataclass(frozen=True)
class Rule:
    """An ONC list item as a class rule."""

    id: str
    list: str  # "high_priority" | "non_interruptive"
    class_a: str
    members_a: frozenset[str]
    class_b: str
    members_b: frozenset[str]
    source: str

    @property
    def severity(self) -> Severity:
        return ONC_SEVERITY[self.list]


@dataclass(frozen=True)
class FoodNote:
    """A food or alcohol warning a label states."""

    subject: str
    kind: str
    section: str
    set_id: str
    label_title: str
    effective_time: str | None
    quote: str


@dataclass(frozen=True)
class LabelInfo:
    """The label chosen to represent a drug in 'sources checked'."""

    subject: str
    set_id: str
    title: str
    effective_time: str | None


@dataclass
class InteractionKnowledge:
    """Everything a check needs, keyed for O(1) lookups."""

    evidence: dict[str, dict[str, list[LabelEvidence]]]  # subject -> target -> evidence
    class_members: dict[str, frozenset[str]]  # class id -> moieties
    rules: list[Rule]
    food: dict[str, list[FoodNote]]  # subject -> notes
    labels: dict[str, LabelInfo]  # subject -> representative label
    classes_of: dict[str, frozenset[str]] = field(default_factory=dict)  # moiety -> class ids

    def __post_init__(self) -> None:
        classes_of: dict[str, set[str]] = defaultdict(set)
        for class_id, members in self.class_members.items():
            for member in members:
                classes_of[member].add(class_id)
        self.classes_of = {m: frozenset(c) for m, c in classes_of.items()}

    # --- building -------------------------------------------------------------------------

    @classmethod
    def from_labels(cls, labels: Sequence[LabelRecord], catalog: DrugCatalog) -> InteractionKnowledge:
        """Scan the interaction-bearing sections of every label once."""
        scanner = MentionScanner(catalog)
        learned: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        raw: dict[str, dict[str, list[LabelEvidence]]] = defaultdict(lambda: defaultdict(list))
        food: dict[str, dict[str, FoodNote]] = defaultdict(dict)
        infos: dict[str, LabelInfo] = {}
        by_set = {label.set_id: label for label in labels}
        ordered: list[tuple[str, LabelRecord]] = []
        for drug in catalog.drugs.values():
            ordered.extend((drug.key, by_set[s]) for s in drug.set_ids if s in by_set)
        for key, label in ordered:
            infos.setdefault(key, LabelInfo(key, label.set_id, label.title, label.effective_time))
        seen_text: set[tuple[str, int]] = set()
        seen_sentences: set[tuple[str, str]] = set()
        for key, label in ordered:
            own = set(label_ingredients(label)) or set(key.split(" and "))
            for section in FOOD_SECTIONS:
                text = label.sections.get(section)
                if not text or (key, hash(text)) in seen_text:
                    continue
                seen_text.add((key, hash(text)))
                for start, end in split_sentences(text):
                    sentence = text[start:end]
                    if (key, sentence) in seen_sentences:
                        continue  # repackager and generic copies repeat the same sentences
                    seen_sentences.add((key, sentence))
                    if section in INTERACTION_SECTIONS:
                        _scan_sentence(scanner, key, own, label, section, sentence, raw, learned)
                    for kind, (hit_start, hit_end) in food_mentions(sentence):
                        # Drug Facts text has no sentence breaks: quote around the food, not the opening.
                        note = FoodNote(
                            key,
                            kind,
                            section,
                            label.set_id,
                            label.title,
                            label.effective_time,
                            quote_around(sentence, hit_start, hit_end),
                        )
                        if kind not in food[key] or _food_rank(note) > _food_rank(food[key][kind]):
                            food[key][kind] = note
        members = _class_members(labels, learned)
        evidence = {
            subject: {
                target: sorted(items, key=evidence_rank)[:MAX_EVIDENCE_PER_TARGET] for target, items in targets.items()
            }
            for subject, targets in raw.items()
        }
        return cls(
            evidence=evidence,
            class_members=members,
            rules=load_onc_rules(members),
            food={k: list(v.values()) for k, v in food.items()},
            labels=infos,
        )

    # --- SQLite ------------------------------------------------------------------------------

    def write(self, conn: sqlite3.Connection) -> None:
        """Store the tables in the index (replacing any previous ones)."""
        conn.executescript(_SCHEMA)
        conn.executemany(
            "INSERT INTO ix_evidence VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                tuple(asdict(e).values())
                for targets in self.evidence.values()
                for items in targets.values()
                for e in items
            ),
        )
        conn.executemany(
            "INSERT INTO ix_class_members VALUES (?,?)",
            ((c, m) for c, members in self.class_members.items() for m in sorted(members)),
        )
        conn.executemany(
            "INSERT INTO ix_rules VALUES (?,?,?,?,?,?,?)",
            (
                (
                    r.id,
                    r.list,
                    r.class_a,
                    json.dumps(sorted(r.members_a)),
                    r.class_b,
                    json.dumps(sorted(r.members_b)),
                    r.source,
                )
                for r in self.rules
            ),
        )
        conn.executemany(
            "INSERT INTO ix_food VALUES (?,?,?,?,?,?,?)",
            (tuple(asdict(n).values()) for notes in self.food.values() for n in notes),
        )
        conn.executemany(
            "INSERT INTO ix_labels VALUES (?,?,?,?)", (tuple(asdict(i).values()) for i in self.labels.values())
        )

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> InteractionKnowledge:
        """Read the tables written by `write`."""
        evidence: dict[str, dict[str, list[LabelEvidence]]] = defaultdict(lambda: defaultdict(list))
        for row in conn.execute("SELECT * FROM ix_evidence ORDER BY rowid"):
            item = LabelEvidence(*row)
            evidence[item.subject][item.target].append(item)
        members: dict[str, set[str]] = defaultdict(set)
        for class_id, member in conn.execute("SELECT class_id, moiety FROM ix_class_members"):
            members[class_id].add(member)
        rules = [
            Rule(rid, lst, ca, frozenset(json.loads(ma)), cb, frozenset(json.loads(mb)), src)
            for rid, lst, ca, ma, cb, mb, src in conn.execute("SELECT * FROM ix_rules ORDER BY rowid")
        ]
        food: dict[str, list[FoodNote]] = defaultdict(list)
        for row in conn.execute("SELECT * FROM ix_food ORDER BY rowid"):
            note = FoodNote(*row)
            food[note.subject].append(note)
        labels = {row[0]: LabelInfo(*row) for row in conn.execute("SELECT * FROM ix_labels")}
        return cls(
            evidence={s: dict(t) for s, t in evidence.items()},
            class_members={c: frozenset(m) for c, m in members.items()},
            rules=rules,
            food=dict(food),
            labels=labels,
        )


_SCHEMA = """
DROP TABLE IF EXISTS ix_evidence;
DROP TABLE IF EXISTS ix_class_members;
DROP TABLE IF EXISTS ix_rules;
DROP TABLE IF EXISTS ix_food;
DROP TABLE IF EXISTS ix_labels;
CREATE TABLE ix_evidence (subject TEXT, target_kind TEXT, target TEXT, section TEXT, set_id TEXT, label_title TEXT,
    effective_time TEXT, quote TEXT, severity TEXT, rule TEXT, mechanism TEXT, management TEXT);
CREATE TABLE ix_class_members (class_id TEXT, moiety TEXT);
CREATE TABLE ix_rules (id TEXT, list TEXT, class_a TEXT, members_a TEXT, class_b TEXT, members_b TEXT, source TEXT);
CREATE TABLE ix_food (subject TEXT, kind TEXT, section TEXT, set_id TEXT, label_title TEXT, effective_time TEXT,
    quote TEXT);
CREATE TABLE ix_labels (subject TEXT PRIMARY KEY, set_id TEXT, title TEXT, effective_time TEXT);
"""


def write_interaction_knowledge(conn: sqlite3.Connection, labels: Sequence[LabelRecord], catalog: DrugCatalog) -> None:
    """Index builder hook: scan the labels and store the interaction tables in the index."""
    InteractionKnowledge.from_labels(labels, catalog).write(conn)


def has_interaction_knowledge(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='ix_evidence'").fetchone()
    return row is not None


def _scan_sentence(
    scanner: MentionScanner,
    key: str,
    own: set[str],
    label: LabelRecord,
    section: str,
    sentence: str,
    raw: dict[str, dict[str, list[LabelEvidence]]],
    learned: dict[str, dict[str, set[str]]],
) -> None:
    found = scanner.scan(sentence)
    if not found:
        return
    for class_id, member in scanner.class_examples(sentence, found):
        if CLASS_BY_ID[class_id].learn_examples:
            learned[class_id][member].add(key)
    co_use = CO_USE_PATTERN.search(sentence) is not None
    # Outside section 7 a named drug is an interaction only when the sentence speaks of using them together.
    if section != "drug_interactions" and section != "contraindications" and not co_use:
        return
    classified = None
    mechanism: str | None = None
    management: str | None = None
    lowered = sentence.lower()
    own_spans = [(f.start, f.end) for f in found if f.kind == "drug" and f.target in own]
    for item in found:
        if item.kind == "drug" and item.target in own:
            continue
        if after_withdrawal(sentence, item):
            continue
        if item.kind == "class":
            drug_class = CLASS_BY_ID[item.target]
            own_class = bool(own & drug_class.members)
            # The label's own therapeutic class stands for the label's drug ("NSAIDs can cause ...", "statins,
            # including X", "concomitant use of PPIs with methotrexate") unless qualified as another member ("other
            # NSAIDs"). Effect-based classes (serotonergic, CNS depressants) name the other drugs even without "other".
            if own_class and (
                not co_use
                or names_own_example(sentence, item, own_spans)
                or (drug_class.duplication and not names_other_member(sentence, item))
            ):
                continue
            if is_heading(sentence, item, found):
                continue
        if classified is None:
            classified = classify(sentence, section=section)
            if classified is None or is_allergy_note(sentence):
                return
            if classified.rule in ("mention", "exposure_change") and is_not_an_interaction(sentence):
                return
            if classified.rule == "mention" and not co_use:
                return  # a bare list ("Examples: thiazides, corticosteroids, ...") says nothing about using both
            mechanism = mechanism_of(sentence, affected="\x00")
            management = management_of(sentence)
        # Whose exposure changes: the other drug when the sentence puts its name before "concentrations".
        affected = key
        if item.kind == "drug":
            at = lowered.find(item.target)
            if at >= 0 and _EXPOSURE_AFTER.match(lowered, at + len(item.target)):
                affected = item.target
        raw[key][item.target].append(
            LabelEvidence(
                subject=key,
                target_kind=item.kind,
                target=item.target,
                section=section,
                set_id=label.set_id,
                label_title=label.title,
                effective_time=label.effective_time,
                quote=quote_around(sentence, item.start, item.end),
                severity=classified.severity,
                rule=classified.rule,
                mechanism=mechanism.replace("\x00", affected) if mechanism else None,
                management=management,
            )
        )


_EXPOSURE_AFTER = re.compile(r"[^.;]{0,40}?(?:concentration|exposure|level|auc)")


def evidence_rank(e: LabelEvidence) -> tuple[int, int, int, int, int]:
    """Best evidence first: the strongest severity, then a sentence that says what happens or what to do
    over a bare list of drug names (flattened tables read badly as a quote), then section and length."""
    words = max(len(e.quote.split()), 1)
    listy = int(e.quote.count(",") / words > 0.15)
    worded = int(e.mechanism is None and e.management is None)
    return (-SEVERITY_ORDER[e.severity], worded, listy, _SECTION_RANK.get(e.section, 99), len(e.quote))


def _food_rank(note: FoodNote) -> tuple[int, int]:
    strong = bool(re.search(r"\bavoid|\bdo not|\bshould not|\bnot recommended", note.quote, re.IGNORECASE))
    return (int(strong), int(note.section in INTERACTION_SECTIONS))


def _class_members(labels: Iterable[LabelRecord], learned: dict[str, dict[str, set[str]]]) -> dict[str, frozenset[str]]:
    members = {c.id: set(c.members) for c in CLASSES}
    for label in labels:
        ingredients = label_ingredients(label)
        if len(ingredients) != 1:
            continue  # a combination's classes belong to one of its parts, not to both
        epcs = {re.sub(r"\s*\[EPC\]$", "", e) for e in label.pharm_classes.get("epc", ())}
        for c in CLASSES:
            if epcs & set(c.epc):
                members[c.id].add(ingredients[0])
    # An example joins a class only when several drugs' labels list it, so one label's aside does not.
    for class_id, found in learned.items():
        members[class_id].update(m for m, subjects in found.items() if len(subjects) >= MIN_EXAMPLE_LABELS)
    return {c: frozenset(m) for c, m in members.items()}


def load_onc_rules(members: dict[str, frozenset[str]] | None = None, *, directory: Path | None = None) -> list[Rule]:
    """The shipped ONC lists as rules; the QT item takes its members from the lexicon's QT class."""
    directory = directory or shipped_data_path("interactions")
    rules: list[Rule] = []
    for list_name, filename in (
        ("high_priority", "onc_high_priority.jsonl"),
        ("non_interruptive", "onc_non_interruptive.jsonl"),
    ):
        for n, line in enumerate((directory / filename).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            item = json.loads(line)

            def fixed(values: list[str] | None, class_name: str) -> frozenset[str]:
                if not values:
                    qt = (members or {}).get("qt_prolonging") or CLASS_BY_ID["qt_prolonging"].members
                    return frozenset(qt) if "QT" in class_name else frozenset()
                return frozenset(moiety(_ONC_MEMBER_FIXES.get(v.lower(), v.lower())) for v in values)

            rules.append(
                Rule(
                    id=f"onc-{list_name}-{n}",
                    list=list_name,
                    class_a=item["class_a"],
                    members_a=fixed(item.get("members_a"), item["class_a"]),
                    class_b=item["class_b"],
                    members_b=fixed(item.get("members_b"), item["class_b"]),
                    source=item.get("source") or ONC,
                )
            )
    return rules


__all__ = ["InteractionKnowledge", "LabelEvidence", "Rule", "drug_key", "write_interaction_knowledge"]


def build_from_shipped() -> tuple[InteractionKnowledge, DrugCatalog]:
    """Knowledge and catalog built in memory from the shipped corpus (slow: ~30 s; the index is the fast path)."""
    from pharmabot.knowledge.labels import iter_labels, shipped_labels_path
    from pharmabot.knowledge.names import read_orange_book

    labels = list(iter_labels([shipped_labels_path()]))
    catalog = DrugCatalog.from_labels(
        labels, orange_book=read_orange_book(shipped_data_path("names/orange_book_products.tsv.gz"))
    )
    return InteractionKnowledge.from_labels(labels, catalog), catalog


def load_engine_for_cli() -> InteractionEngine:
    """The engine from the built index (building the index first when it is missing or stale)."""
    from pharmabot.config import get_settings
    from pharmabot.errors import ConfigError
    from pharmabot.knowledge.index import KnowledgeBase, ensure_index

    index_path = get_settings().index_path
    ensure_index(index_path=index_path, progress=True)
    knowledge = KnowledgeBase.open(index_path)
    try:
        engine = knowledge.interaction_engine()
    finally:
        knowledge.close()
    if engine is None:
        raise ConfigError(f"The index {index_path} has no interaction tables: rebuild it with `build-index --force`.")
    return engine
