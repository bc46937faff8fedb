"""Precomputed interaction knowledge: label evidence, class membership, ONC rules, food/alcohol notes.

Built once at ingest time (`write_interaction_knowledge` stores it in the SQLite index) or in memory
(`InteractionKnowledge.from_labels`); a check only looks things up, it never re-scans label text.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pharmabot.interactions.class_rules import CLASS_RULES
from pharmabot.interactions.extract import (
    FOOD_SECTIONS,
    INTERACTION_SECTIONS,
    Found,
    MentionScanner,
    TableRow,
    after_withdrawal,
    example_items,
    food_items,
    food_mentions,
    is_example_of_class,
    is_heading,
    list_item_quote,
    management_of,
    mechanism_of,
    names_example,
    names_other_member,
    narrowed_to_members,
    next_row,
    quote_around,
    role_mentions,
    singled_out,
    split_sentences,
    table_rows,
)
from pharmabot.interactions.lexicon import CLASS_BY_ID, CLASSES, FDA_DDI_TABLE, GENERAL_CLASSES, ONC
from pharmabot.interactions.properties import (
    EFFECT_SECTIONS,
    ROLE_SECTIONS,
    Property,
    classes_for_role,
    fda_table_roles,
    heading_effects,
    roles_in,
    statement_effects,
)
from pharmabot.interactions.severity import (
    CLASS_RULE_SEVERITY,
    CO_USE_PATTERN,
    ONC_SEVERITY,
    SEVERITY_ORDER,
    Classified,
    Severity,
    classify,
    for_target,
    is_allergy_note,
    is_not_an_interaction,
    only_population,
)
from pharmabot.knowledge.cleaning import clean_quote, remove_cross_references, split_section_heading, tidy_spacing
from pharmabot.knowledge.labels import LabelRecord, shipped_data_path
from pharmabot.knowledge.names import DrugCatalog, drug_key, label_ingredients, moiety

MAX_EVIDENCE_PER_TARGET = 3
FDA_TABLE = "interactions/fda_cyp_transporter_examples.tsv"
EPC_SOURCE = "openFDA pharmacologic class (FDA SPL indexing)"
MIN_EXAMPLE_LABELS = 3
_SECTION_RANK = {s: i for i, s in enumerate(INTERACTION_SECTIONS)}
# Commas a sentence may hold and still read as one: four examples and an "e.g.,".
_MAX_EXAMPLE_COMMAS = 4
# Where `evidence_rank` says whether a sentence says what happens or what to do (0, 0) rather than being a list of
# names or a cut-out piece.
WORDING = slice(2, 4)

# Spelling fixes for the third-party expansion of the ONC member lists.
_ONC_MEMBER_FIXES = {
    "esmoprazole": "esomeprazole",
    "lisdexamefetamine": "lisdexamfetamine",
    "st john’s wort": "st john's wort",
}
# The expansion lists two calcium salts and four antacids where the papers name the classes: the other salts people
# take by mouth belong to them too (USP monographs of oral calcium salts; antacid active ingredients of 21 CFR
# 331.11), and so does the mineral typed alone (`names.is_bare_mineral`), and "antacid" typed alone (`names.ANTACIDS`).
_ONC_CLASS_MEMBERS = {
    "calcium salts": "calcium, calcium citrate, calcium lactate, calcium gluconate, calcium phosphate",
    "calcium salts (oral)": "calcium, calcium citrate, calcium lactate, calcium gluconate, calcium phosphate",
    "antacids": "magnesium, magnesium hydroxide, magnesium carbonate, magnesium trisilicate, potassium bicarbonate, "
    "antacids",
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
    # The label's own therapeutic class when the sentence states the fact for it by the class name ("absorption of
    # tetracyclines is impaired by antacids" in the doxycycline label): it then speaks for members with no label.
    about_class: str = ""


@dataclass(frozen=True)
class Rule:
    """A published list item (ONC) or a pharmacodynamic class rule, with its members on each side."""

    id: str
    list: str  # "high_priority" | "non_interruptive" | "class_rule"
    class_a: str
    members_a: frozenset[str]
    class_b: str
    members_b: frozenset[str]
    source: str
    severity: Severity = "minor"
    mechanism: str | None = None
    classes_a: tuple[str, ...] = ()  # lexicon class ids behind each side (class rules)
    classes_b: tuple[str, ...] = ()

    def matches(self, ia: set[str], ib: set[str]) -> tuple[set[str], set[str]] | None:
        """The ingredients on side A and side B when the pair is covered (in either order), else None."""
        if ia & self.members_a and ib & self.members_b:
            return ia & self.members_a, ib & self.members_b
        if ib & self.members_a and ia & self.members_b:
            return ib & self.members_a, ia & self.members_b
        return None


@dataclass(frozen=True)
class Membership:
    """Why a drug belongs to a role or effect class: the sentence of its own label that says so, or the
    table or pharmacologic class that lists it."""

    moiety: str
    class_id: str
    source: str  # "label" | "fda_table" | "pharm_class"
    subject: str  # the drug key of the label quoted ("" for a table)
    section: str
    set_id: str
    label_title: str
    effective_time: str | None
    quote: str
    how: str  # "heading", "boxed warning", "role: strong CYP3A4 inhibitor", "FDA Table 1", "EPC: ..."
    rank: int  # lower is better evidence


@dataclass(frozen=True)
class FoodStatement:
    """A food or alcohol warning as the label states it (the API's `schemas.interactions.FoodNote` is made from it)."""

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
    food: dict[str, list[FoodStatement]]  # subject -> notes
    labels: dict[str, LabelInfo]  # subject -> representative label
    memberships: dict[str, dict[str, Membership]] = field(default_factory=dict)  # moiety -> class id -> why
    # class id -> moiety -> how firmly it belongs (0: listed/pharmacologic class/FDA table/boxed warning,
    # 1: a warnings heading, 2: a sentence); class rules that ask for firm members use it.
    member_levels: dict[str, dict[str, int]] = field(default_factory=dict)
    classes_of: dict[str, frozenset[str]] = field(default_factory=dict)  # moiety -> class ids
    rules_of: dict[str, frozenset[int]] = field(default_factory=dict)  # moiety -> indexes of rules naming it
    # class id -> target -> sentences of a member's label that state the fact for the class by its name (see
    # `LabelEvidence.about_class`), computed once on load.
    class_statements: dict[str, dict[str, list[LabelEvidence]]] = field(default_factory=dict, repr=False)
    # id(evidence) -> its sort key (`evidence_rank` up to its wording parts, then drug before class, then length),
    # computed once on load.
    evidence_order: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        classes_of: dict[str, set[str]] = defaultdict(set)
        for class_id, members in self.class_members.items():
            drug_class = CLASS_BY_ID.get(class_id)
            limit = _EVIDENCE_LEVEL[drug_class.named_members] if drug_class else 2
            levels = self.member_levels.get(class_id, {})
            for member in members:
                # A label naming a broad class ("other hepatotoxic drugs") means the drugs firmly in it.
                if levels.get(member, 0) <= limit:
                    classes_of[member].add(class_id)
        self.classes_of = {m: frozenset(c) for m, c in classes_of.items()}
        rules_of: dict[str, set[int]] = defaultdict(set)
        for n, rule in enumerate(self.rules):
            for member in rule.members_a | rule.members_b:
                rules_of[member].add(n)
        self.rules_of = {m: frozenset(r) for m, r in rules_of.items()}
        statements: dict[str, dict[str, list[LabelEvidence]]] = defaultdict(lambda: defaultdict(list))
        for targets in self.evidence.values():
            for items in targets.values():
                for e in items:
                    if e.about_class:
                        statements[e.about_class][e.target].append(e)
        self.class_statements = {c: dict(t) for c, t in statements.items()}
        self.evidence_order = {
            id(e): (*evidence_rank(e)[: WORDING.stop], int(e.target_kind != "drug"), len(e.quote))
            for targets in self.evidence.values()
            for items in targets.values()
            for e in items
        }

    # --- building -------------------------------------------------------------------------

    @classmethod
    def from_labels(cls, labels: Sequence[LabelRecord], catalog: DrugCatalog) -> InteractionKnowledge:
        """Scan every label once: interaction sentences, its own roles and effects, food and alcohol notes."""
        scanner = MentionScanner(catalog)
        learned: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        raw: dict[str, dict[str, list[LabelEvidence]]] = defaultdict(lambda: defaultdict(list))
        food: dict[str, dict[str, FoodStatement]] = defaultdict(dict)
        properties: list[tuple[LabelRecord, str, Property]] = []
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
            ingredients = label_ingredients(label)
            own = set(ingredients) or set(key.split(" and "))
            # A combination label's warnings and roles belong to one of its parts, not to both.
            single = len(ingredients) == 1
            for section in _SCANNED_SECTIONS:
                text = label.sections.get(section)
                if not text or (key, hash(text)) in seen_text:
                    continue
                seen_text.add((key, hash(text)))
                if single and section in EFFECT_SECTIONS:
                    properties.extend((label, key, p) for p in heading_effects(text, section))
                previous: tuple[str, list[Found]] = ("", [])
                row = ""  # the drug interaction table row read so far, from its "Clinical Impact:" cell on
                rows: list[TableRow] = []
                if section in INTERACTION_SECTIONS and label.tables.get(section):
                    text, rows = table_rows(text, label.tables[section])
                prose = [TableRow(text[start:end]) for start, end in split_sentences(text)]
                for n, unit in enumerate(prose + rows):
                    sentence = unit.text
                    if n >= len(prose):
                        # A row read from the table's cells stands alone: nothing before it carries over.
                        previous, row = ("", []), ""
                    row_before, row = row, next_row(row, sentence)
                    if (key, sentence) in seen_sentences:
                        continue  # repackager and generic copies repeat the same sentences
                    seen_sentences.add((key, sentence))
                    found = None
                    if section in INTERACTION_SECTIONS:
                        found = scanner.scan(sentence)
                        cut, items = example_items(sentence, found) if row_before else (0, [])
                        rest = [f for f in found if f not in items]
                        if items:
                            # "Examples: phenelzine, linezolid": what the row's Clinical Impact and Intervention cells
                            # say applies to them; the rest of the sentence is the next row's.
                            offset = len(row_before) + 1
                            shifted = [
                                Found(f.kind, f.target, f.start + offset, f.end + offset)
                                for f in _row_examples(row_before, items, section)
                            ]
                            joined = f"{row_before} {sentence[:cut]}"
                            _scan_sentence(scanner, key, own, label, section, joined, shifted, raw, learned)
                        referred = _referring_back(sentence, rest, own, previous)
                        if referred is not None:
                            # "Examples of drugs known to increase the risk of bleeding are in Table 3. Because
                            # bleeding risk is increased when these drugs are used with warfarin, closely monitor":
                            # the second sentence says what to do about the class the first one names.
                            _scan_sentence(scanner, key, own, label, section, *referred, raw, learned)
                        else:
                            singled, spans = singled_out(unit, rest, own) if n >= len(prose) else (set(), [])
                            kept = [f for f in rest if f.kind != "drug" or f.target not in singled]
                            _scan_sentence(scanner, key, own, label, section, sentence, kept, raw, learned)
                            for lo, hi in spans:
                                # The sentence of the row's comment that names the drug is what the row says of it.
                                named = [
                                    Found(f.kind, f.target, f.start - lo, f.end - lo)
                                    for f in rest
                                    if lo <= f.start and f.end <= hi and f.kind == "drug" and f.target in singled
                                ]
                                _scan_sentence(scanner, key, own, label, section, sentence[lo:hi], named, raw, learned)
                        previous = (sentence, rest)
                    if single and section in ROLE_SECTIONS and _ROLE_HINT.search(sentence):
                        found = scanner.scan(sentence) if found is None else found
                        for role in roles_in(sentence, found, own):
                            quote = _short(clean_quote(_from_own_statement(sentence, found, own)))
                            properties.extend(
                                (label, key, Property(c, quote, section, f"role: {role.describe()}", 4))
                                for c in classes_for_role(role)
                            )
                    if single and section in EFFECT_SECTIONS and found:
                        properties.extend((label, key, p) for p in statement_effects(sentence, found, own, section))
                    if section in FOOD_SECTIONS:
                        for kind, (hit_start, hit_end) in food_mentions(sentence):
                            # Drug Facts text has no sentence breaks: quote around the food, not the opening.
                            note = FoodStatement(
                                key,
                                kind,
                                section,
                                label.set_id,
                                label.title,
                                label.effective_time,
                                _food_quote(sentence, hit_start, hit_end, kind),
                            )
                            if kind not in food[key] or _food_rank(note) > _food_rank(food[key][kind]):
                                food[key][kind] = note
                            if kind == "alcohol":
                                _alcohol_evidence(key, label, section, sentence, note.quote, raw)
        members, memberships, levels = _class_members(labels, learned, properties)
        evidence = {
            subject: {
                target: sorted(items, key=evidence_rank)[:MAX_EVIDENCE_PER_TARGET] for target, items in targets.items()
            }
            for subject, targets in raw.items()
        }
        return cls(
            evidence=evidence,
            class_members=members,
            member_levels=levels,
            rules=load_onc_rules(members) + class_rules(levels),
            food={k: list(v.values()) for k, v in food.items()},
            labels=infos,
            memberships=memberships,
        )

    # --- SQLite ------------------------------------------------------------------------------

    def write(self, conn: sqlite3.Connection) -> None:
        """Store the tables in the index (replacing any previous ones)."""
        conn.executescript(_SCHEMA)
        conn.executemany(
            "INSERT INTO ix_evidence VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                tuple(asdict(e).values())
                for targets in self.evidence.values()
                for items in targets.values()
                for e in items
            ),
        )
        conn.executemany(
            "INSERT INTO ix_class_members VALUES (?,?,?)",
            (
                (c, m, self.member_levels.get(c, {}).get(m, 0))
                for c, members in self.class_members.items()
                for m in sorted(members)
            ),
        )
        conn.executemany(
            "INSERT INTO ix_rules VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    r.id,
                    r.list,
                    r.class_a,
                    json.dumps(sorted(r.members_a)),
                    r.class_b,
                    json.dumps(sorted(r.members_b)),
                    r.source,
                    r.severity,
                    r.mechanism,
                    json.dumps(r.classes_a),
                    json.dumps(r.classes_b),
                )
                for r in self.rules
            ),
        )
        conn.executemany(
            "INSERT INTO ix_memberships VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (tuple(asdict(m).values()) for by_class in self.memberships.values() for m in by_class.values()),
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
        members: dict[str, set[str]] = {c.id: set() for c in CLASSES}
        levels: dict[str, dict[str, int]] = defaultdict(dict)
        for class_id, member, level in conn.execute("SELECT class_id, moiety, level FROM ix_class_members"):
            members.setdefault(class_id, set()).add(member)
            levels[class_id][member] = level
        rules = [
            Rule(
                rid,
                lst,
                ca,
                frozenset(json.loads(ma)),
                cb,
                frozenset(json.loads(mb)),
                src,
                severity,
                mechanism,
                tuple(json.loads(cla)),
                tuple(json.loads(clb)),
            )
            for rid, lst, ca, ma, cb, mb, src, severity, mechanism, cla, clb in conn.execute(
                "SELECT * FROM ix_rules ORDER BY rowid"
            )
        ]
        memberships: dict[str, dict[str, Membership]] = defaultdict(dict)
        for row in conn.execute("SELECT * FROM ix_memberships ORDER BY rowid"):
            membership = Membership(*row)
            memberships[membership.moiety][membership.class_id] = membership
        food: dict[str, list[FoodStatement]] = defaultdict(list)
        for row in conn.execute("SELECT * FROM ix_food ORDER BY rowid"):
            note = FoodStatement(*row)
            food[note.subject].append(note)
        labels = {row[0]: LabelInfo(*row) for row in conn.execute("SELECT * FROM ix_labels")}
        return cls(
            evidence={s: dict(t) for s, t in evidence.items()},
            class_members={c: frozenset(m) for c, m in members.items()},
            member_levels=dict(levels),
            rules=rules,
            food=dict(food),
            labels=labels,
            memberships=dict(memberships),
        )


_SCANNED_SECTIONS = tuple(dict.fromkeys((*FOOD_SECTIONS, *ROLE_SECTIONS, *EFFECT_SECTIONS)))
_ROLE_HINT = re.compile(r"inhibit|induc|substrate|metaboli", re.IGNORECASE)

_SCHEMA = """
DROP TABLE IF EXISTS ix_evidence;
DROP TABLE IF EXISTS ix_class_members;
DROP TABLE IF EXISTS ix_rules;
DROP TABLE IF EXISTS ix_memberships;
DROP TABLE IF EXISTS ix_food;
DROP TABLE IF EXISTS ix_labels;
CREATE TABLE ix_evidence (subject TEXT, target_kind TEXT, target TEXT, section TEXT, set_id TEXT, label_title TEXT,
    effective_time TEXT, quote TEXT, severity TEXT, rule TEXT, mechanism TEXT, management TEXT, about_class TEXT);
CREATE TABLE ix_class_members (class_id TEXT, moiety TEXT, level INTEGER);
CREATE TABLE ix_rules (id TEXT, list TEXT, class_a TEXT, members_a TEXT, class_b TEXT, members_b TEXT, source TEXT,
    severity TEXT, mechanism TEXT, classes_a TEXT, classes_b TEXT);
CREATE TABLE ix_memberships (moiety TEXT, class_id TEXT, source TEXT, subject TEXT, section TEXT, set_id TEXT,
    label_title TEXT, effective_time TEXT, quote TEXT, how TEXT, rank INTEGER);
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
    found: list[Found],
    raw: dict[str, dict[str, list[LabelEvidence]]],
    learned: dict[str, dict[str, set[str]]],
) -> None:
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
    cells = _recommendation_cells(sentence, found)
    about = _own_class_stated(sentence, found, own)
    own_spans = [(f.start, f.end) for f in found if f.kind == "drug" and f.target in own]
    other_spans = [(f.start, f.end) for f in found if f.kind == "drug" and f.target not in own]
    for item in found:
        if item.kind == "drug" and item.target in own:
            continue
        if after_withdrawal(sentence, item):
            continue
        if item.kind == "class" and _narrowed_by_therapeutic_class(item, found):
            continue
        if item.kind == "class":
            drug_class = CLASS_BY_ID[item.target]
            own_class = bool(own & drug_class.members)
            # The label's own therapeutic class stands for the label's drug ("NSAIDs can cause ...", "statins,
            # including X", "concomitant use of PPIs with methotrexate") unless qualified as another member ("other
            # NSAIDs"). Effect-based classes (serotonergic, CNS depressants) name the other drugs even without "other".
            # So does a therapeutic class of its own when the sentence names the other drug ("Lithium generally
            # should not be given with diuretics", in a thiazide's label, is about lithium, not other diuretics).
            # Unless the class's examples are other drugs ("Antifolate drugs (e.g., dapsone, pemetrexed)" in the
            # methotrexate label means the other antifolates).
            partner_named = any(
                f.kind == "drug" and f.target not in own and f.target not in drug_class.members for f in found
            ) and not names_example(sentence, item, other_spans)
            if own_class and (
                not co_use
                or names_example(sentence, item, own_spans)
                or (
                    (drug_class.duplication or (partner_named and not drug_class.property_class))
                    and not names_other_member(sentence, item)
                )
            ):
                continue
            if is_heading(sentence, item, found) or is_example_of_class(sentence, item, found):
                continue
            # "Statins that are extensively metabolized by CYP3A4 (lovastatin or simvastatin) is contraindicated": the
            # members named carry the sentence; the class does not speak for its other members.
            if (
                drug_class.role is None
                and not drug_class.property_class
                and narrowed_to_members(sentence, item, found, drug_class.members)
            ):
                continue
        if classified is None:
            # Pointers such as "[see Contraindications (4)]" name a section, not what the sentence says.
            plain = tidy_spacing(remove_cross_references(sentence))
            classified = classify(plain, section=section)
            if classified is None or is_allergy_note(plain):
                return
            if (
                classified.rule in ("mention", "exposure_change") or classified.rule.startswith("section:")
            ) and is_not_an_interaction(plain):
                return
            if classified.rule == "mention" and not co_use:
                return  # a bare list ("Examples: thiazides, corticosteroids, ...") says nothing about using both
            if classified.rule == "mention" and section != "drug_interactions" and only_population(plain):
                # "Elderly patients, patients taking diuretics, and those who are volume-depleted may be at greater
                # risk of hyponatremia": who is at risk of the drug's own effect, not a warning about the pair.
                return
            mechanism = mechanism_of(plain, affected="\x00")
            management = management_of(plain)
        said, said_mechanism, said_management = classified, mechanism, management
        clause = _clause_around(sentence, item)
        if clause is not None:
            # A run-on of flattened highlights bullets: what is said about this drug or class is its own clause's.
            lo, hi = clause
            plain_clause = tidy_spacing(remove_cross_references(sentence[lo:hi]))
            clause_classified = classify(plain_clause, section=section)
            if clause_classified is None:
                continue
            # A clause that only names the drug is a table row's first cell ("Antiretrovirals: atazanavir ↑
            # voxilaprevir Coadministration ... is not recommended"): what the rest says is about it.
            if clause_classified.rule != "mention" and not clause_classified.rule.startswith("section:"):
                said = clause_classified
                said_mechanism = mechanism_of(plain_clause, affected="\x00")
                said_management = management_of(plain_clause)
            else:
                clause = None
        if item.kind == "drug" and item.target in cells:
            # A flattened table row's own recommendation cell, not a neighbouring row's "Contraindicated".
            said = cells[item.target]
        elif said.severity == "contraindicated" and clause is None:
            said = _outside_aside(sentence, item, found, own, said, section=section)
        said = for_target(said, target_kind=item.kind, target=item.target)
        if item.kind == "class" and not _wording_enough(item.target, said.severity):
            continue
        # "Lomitapide, Lovastatin, and Simvastatin: Concomitant administration ... with lomitapide is contraindicated":
        # a drug named only in a row heading before the colon, while the sentence after it names another drug, is
        # not what the sentence is about (the next sentence is).
        if item.kind == "drug" and _only_in_row_heading(sentence, item, found, own):
            continue
        # Whose exposure changes: the other drug when the sentence puts its name before "concentrations".
        affected = key
        if item.kind == "drug":
            at = lowered.find(item.target)
            named_first = at >= 0 and _EXPOSURE_AFTER.match(lowered, at + len(item.target)) is not None
            if named_first or _exposure_of(lowered, item, own_spans):
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
                quote=_quote(sentence, item.start, item.end)
                if clause is None
                else _quote(sentence[clause[0] : clause[1]], item.start - clause[0], item.end - clause[0]),
                severity=said.severity,
                rule=said.rule,
                mechanism=said_mechanism.replace("\x00", affected) if said_mechanism else None,
                management=said_management,
                about_class=about
                if about and item.target != about and item.target not in CLASS_BY_ID[about].members
                else "",
            )
        )


# A parenthesis that names another drug as contraindicated: "Avoid concomitant use with drugs that prolong the QT
# interval (citalopram is contraindicated in patients taking pimozide)".
_ASIDE = re.compile(r"\([^()]*\bcontraindicat[^()]*\)", re.IGNORECASE)


def _outside_aside(
    sentence: str, item: Found, found: list[Found], own: set[str], said: Classified, *, section: str
) -> Classified:
    """The sentence's severity for ITEM without an aside that makes another drug contraindicated. FDA's labeling rule
    asks a contraindication to name the drugs it means (21 CFR 201.57(c)(5)); the rest of the sentence ("avoid")
    speaks for the drugs and classes outside the parenthesis."""
    if section == "contraindications":
        return said
    asides = [
        m.span()
        for m in _ASIDE.finditer(sentence)
        if not m.start() <= item.start < m.end()
        and any(f.kind == "drug" and f.target not in own and m.start() <= f.start < m.end() for f in found)
    ]
    if not asides:
        return said
    rest = sentence
    for lo, hi in reversed(asides):
        rest = rest[:lo] + rest[hi:]
    reclassified = classify(tidy_spacing(remove_cross_references(rest)), section=section)
    return reclassified if reclassified is not None else said


def _own_class_stated(sentence: str, found: list[Found], own: set[str]) -> str:
    """The label's own therapeutic class when the sentence names it ("Absorption of tetracyclines is impaired by ..."
    in the doxycycline label; "other tetracyclines" too, which means the members besides the label's drug), else "".
    Enzyme roles and effect classes are left out: a label names those for its partners, and whether its own drug
    belongs is a fact of that label alone. So are classes that gather several kinds of drugs, and sentences that name
    the label's own drug ("monitor for methotrexate adverse reactions with ... antifolate drugs", "patients receiving
    ULTRAM and ... opioid toxicity"): those speak of that drug, and the class they name is its partner or its kind of
    effect."""
    if any(f.kind == "drug" and f.target in own for f in found):
        return ""
    for f in found:
        if f.kind != "class":
            continue
        drug_class = CLASS_BY_ID[f.target]
        if (
            drug_class.role is None
            and not drug_class.property_class
            # Classes that gather several kinds of drugs ("blood pressure medicines", "diuretics") and broad use
            # categories: what one member's label says of them is about its own kind.
            and f.target not in GENERAL_CLASSES
            and drug_class.min_wording is None
            and own & drug_class.members
            and not is_heading(sentence, f, found)
        ):
            return f.target
    return ""


def _alcohol_evidence(
    key: str,
    label: LabelRecord,
    section: str,
    sentence: str,
    quote: str,
    raw: dict[str, dict[str, list[LabelEvidence]]],
) -> None:
    """A label's own sentence about drinking alcohol, as evidence for the pair of its drug with alcohol: alcohol has
    no label, so the medicine's label is what speaks for the pair (with the alcohol class rules)."""
    plain = tidy_spacing(remove_cross_references(sentence))
    classified = classify(plain, section=section)
    if classified is None:
        return
    mechanism = mechanism_of(plain, affected="\x00")
    raw[key]["alcohol"].append(
        LabelEvidence(
            subject=key,
            target_kind="drug",
            target="alcohol",
            section=section,
            set_id=label.set_id,
            label_title=label.title,
            effective_time=label.effective_time,
            quote=quote,
            severity=classified.severity,
            rule=classified.rule,
            mechanism=mechanism.replace("\x00", key) if mechanism else None,
            management=management_of(plain),
        )
    )


# Flattened highlights bullets run on without a period ("... with other alpha adrenergic blocking agents Exercise
# caution with concomitant administration of warfarin Advise patients ..."): a lower-case word followed by a
# capitalized instruction or subject that opens a labeling bullet starts a new clause. Words from FDA's highlights
# wording for drug interactions and warnings (21 CFR 201.57(a)).
_CLAUSE_START = re.compile(
    r"(?<=[a-z0-9)\]])\s+(?=(?:Avoid|Use|Exercise|Monitor|Consider|Do not|Co-?administration|Concomitant|Advise|Inform"
    r"|Reduce|Discontinue|Caution|Should|Closely|Dosage|Limit|Not recommended|Contraindicated)\b)"
)
_MIN_CLAUSE_WORDS = 5  # a shorter piece is a row heading or a name ("Zolpidem Avoid Use ..."), not a clause


# Older section 7 tables ("Drug(s) | Recommendation | Comments") give each row a short recommendation cell in the
# labels' own terms. Flattened, the cell stands between the row's drug names and the next row ("Lomitapide Lovastatin
# Simvastatin Contraindicated ... Atorvastatin Pravastatin Use With Caution Fluvastatin No Dose Adjustment"), so a drug
# takes the cell right after its run of names, not the strongest word of the whole run.
_CELL_TERMS: dict[str, Classified] = {
    "contraindicated": Classified("contraindicated", "contraindicated"),
    "avoid use": Classified("major", "avoid"),
    "avoid concomitant use": Classified("major", "avoid"),
    "not recommended": Classified("major", "not_recommended"),
    "use with caution": Classified("moderate", "monitoring"),
    "no dose adjustment": Classified("minor", "mention"),
}
_CELL = re.compile(
    r"(?<=[A-Za-z0-9)] )(Contraindicated|Avoid Use|Avoid Concomitant Use|Not Recommended|Use [Ww]ith [Cc]aution"
    r"|No Dose Adjustment)(?= [A-Z(]|\s*$)"
)
# Between a drug and its row's cell: only other names of the row ("Atorvastatin Pravastatin", "Lovastatin, and").
_NAME_RUN = re.compile(r"(?:\s+|,|\band\b|\bor\b|[A-Z][\w/-]*)*")


def _recommendation_cells(sentence: str, found: Sequence[Found]) -> dict[str, Classified]:
    """Each drug's own recommendation cell in a flattened table of several rows (at least two cells), else {}."""
    cells = list(_CELL.finditer(sentence))
    if len(cells) < 2:
        return {}
    own: dict[str, Classified] = {}
    for item in found:
        if item.kind != "drug":
            continue
        cell = next((c for c in cells if c.start() >= item.end), None)
        if cell is None or _NAME_RUN.fullmatch(sentence, item.end, cell.start()) is None:
            continue
        term = _CELL_TERMS[cell.group(1).lower()]
        before = own.get(item.target)
        if before is None or SEVERITY_ORDER[term.severity] > SEVERITY_ORDER[before.severity]:
            own[item.target] = term
    return own


def _clause_around(sentence: str, item: Found) -> tuple[int, int] | None:
    """The span of the clause that holds ITEM when the sentence is a run-on of several bullets, else None."""
    cuts = [0]
    for match in _CLAUSE_START.finditer(sentence):
        words = sentence[cuts[-1] : match.start()].split()
        # A title-case piece is a heading ("7.3 Aspirin and Drugs that Increase Bleeding Risk"): it belongs to the
        # text after it.
        capitalized = sum(w[:1].isupper() for w in words)
        if len(words) >= _MIN_CLAUSE_WORDS and capitalized * 2 < len(words):
            cuts.append(match.end())
    if len(cuts) == 1:
        return None
    cuts.append(len(sentence))
    for lo, hi in itertools.pairwise(cuts):
        if lo <= item.start < hi:
            return (lo, hi) if item.end <= hi else None
    return None


def _row_examples(row: str, items: list[Found], section: str) -> list[Found]:
    """The examples that stand for themselves. Drugs named always do. A whole class does not when the row is about an
    enzyme or transporter role ("CYP3A4 Inhibitors ... Examples: macrolide antibiotics (e.g., erythromycin)": the
    class is an example of the role, and azithromycin is a macrolide but no CYP3A4 inhibitor), nor when the row only
    says to observe the patient ("Drugs Affecting Glycemic Control ... observe the patient closely ... Examples:
    thiazides and other diuretics, corticosteroids, ..., calcium channel blockers": a generic list of classes)."""
    classified = classify(tidy_spacing(remove_cross_references(row)), section=section)
    observe_only = classified is None or classified.rule in ("monitoring", "mention")
    if not observe_only and not role_mentions(row):
        return items
    if observe_only:
        return [f for f in items if f.kind == "drug"]
    return [f for f in items if f.kind == "drug" or CLASS_BY_ID[f.target].role is not None]


def _wording_enough(class_id: str, severity: Severity) -> bool:
    """True when a sentence's wording is strong enough for the class it names (`DrugClass.min_wording`)."""
    floor = CLASS_BY_ID[class_id].min_wording
    return floor is None or SEVERITY_ORDER[severity] >= SEVERITY_ORDER[floor]


_ANAPHORA = re.compile(r"\b(?:these|such|those) (?:drugs?|agents?|medications?|medicines?|products?)\b", re.I)


def _referring_back(
    sentence: str, found: list[Found], own: set[str], previous: tuple[str, list[Found]]
) -> tuple[str, list[Found]] | None:
    """The previous sentence joined to this one, with the previous sentence's class mentions, when this sentence
    names no other drug or class and refers back to "these drugs"; else None."""
    before, before_found = previous
    if not before or len(before) + len(sentence) > 600 or not _ANAPHORA.search(sentence):
        return None
    if any(f.kind == "class" or f.target not in own for f in found):
        return None
    classes = [f for f in before_found if f.kind == "class"]
    if not classes:
        return None
    offset = len(before) + 1
    shifted = [Found(f.kind, f.target, f.start + offset, f.end + offset) for f in found]
    return f"{before} {sentence}", classes + shifted


def _narrowed_by_therapeutic_class(item: Found, found: list[Found]) -> bool:
    """True for an effect or role class inside the same phrase as a therapeutic class: "cytotoxic drugs associated
    with myelosuppression" means the cytotoxic drugs, not every drug whose label mentions neutropenia."""
    if not CLASS_BY_ID[item.target].property_class:
        return False
    return any(
        f.kind == "class" and not CLASS_BY_ID[f.target].property_class and f.start < item.end and item.start < f.end
        for f in found
    )


def _only_in_row_heading(sentence: str, item: Found, found: list[Found], own: set[str]) -> bool:
    heading, rest = split_section_heading(sentence)
    colon = len(sentence) - len(rest) if heading else sentence.find(": ", 0, 120)
    if colon <= 0 or item.start > colon:
        return False
    # The label's own drug named after the colon is not another drug: a row "Bile Acid Sequestrants (e.g.,
    # colesevelam, cholestyramine): ... decrease levothyroxine absorption", in levothyroxine's label, is about them.
    body = [f for f in found if f.kind == "drug" and f.start > colon and f.target not in own]
    return bool(body) and all(f.target != item.target for f in body)


_EXPOSURE_AFTER = re.compile(r"[^.;]{0,40}?(?:concentration|exposure|level|auc)")
# "... increases the plasma concentrations of digoxin", "decreased levels of the following drugs ...: acetaminophen":
# the drug named after "levels of" is the one whose exposure changes.
_EXPOSURE_OF = re.compile(r"\b(?:concentrations?|levels?|exposure|auc|c ?max|half-life|clearance) of\b")


def _exposure_of(lowered: str, item: Found, own_spans: list[tuple[int, int]]) -> bool:
    """True when the sentence speaks of the exposure of ITEM ("concentrations of X"), with no mention of the label's
    own drug between those words and the name."""
    last = None
    for match in _EXPOSURE_OF.finditer(lowered, max(0, item.start - 300), item.start):
        last = match
    if last is None or re.search(r"[.;]", lowered[last.end() : item.start]):
        return False
    return not any(last.end() <= start < item.start for start, _ in own_spans)


def evidence_rank(e: LabelEvidence) -> tuple[int, int, int, int, int, int]:
    """Best evidence first: a sentence naming the drug or its own class before one naming a class that gathers
    several kinds of drugs (`GENERAL_CLASSES`: "NSAIDs" before "drugs that impair hemostasis", whatever their
    severities; the pair's severity is decided from all of them), then the strongest severity, then a sentence that
    says what happens or what to do over a bare list of drug names or a cut-out piece of a flattened table (they read
    badly as a quote), then section and length."""
    general = int(e.target_kind == "class" and e.target in GENERAL_CLASSES)
    words = max(len(e.quote.split()), 1)
    commas = e.quote.count(",")
    # A list is a run of names; a sentence giving a few examples ("aspirin, clopidogrel and chronic NSAID use may
    # increase the risk of bleeding") still reads as a sentence.
    listy = int(commas > _MAX_EXAMPLE_COMMAS and commas / words > 0.15)
    # Cut at either end: a piece of a flattened table or of a run-on Drug Facts panel.
    fragment = int(e.quote.startswith("…") or e.quote.endswith("…") or not e.quote[:1].isupper())
    worded = int(e.mechanism is None and e.management is None)
    return (
        general,
        -SEVERITY_ORDER[e.severity],
        worded,
        listy + fragment,
        _SECTION_RANK.get(e.section, 99),
        len(e.quote),
    )


def _food_rank(note: FoodStatement) -> tuple[int, int]:
    strong = bool(re.search(r"\bavoid|\bdo not|\bshould not|\bnot recommended", note.quote, re.IGNORECASE))
    return (int(strong), int(note.section in INTERACTION_SECTIONS))


def _food_quote(sentence: str, start: int, end: int, kind: str) -> str:
    """A food or drink note's quote: the items of a run-on Drug Facts list that name it, else `_quote`."""
    item = list_item_quote(sentence, start, end) if len(sentence) > 300 else None
    if item is None:
        item = food_items(sentence, kind)
    return clean_quote(item) if item else _quote(sentence, start, end)


def _quote(sentence: str, start: int, end: int) -> str:
    """The sentence as a quote about the words at [start, end): cleaned of section numbers, cross-references and
    captions, and cut to a window around them when the sentence is a flattened table."""
    heading, rest = split_section_heading(sentence)
    if heading:
        cut = len(sentence) - len(rest)
        named = sentence[start:end]
        if start >= cut:
            sentence, start, end = rest, start - cut, end - cut
        else:  # the heading itself names the drug or class: keep it as the sentence's subject
            sentence = f"{heading}: {rest}"
            at = sentence.find(named)
            start, end = (at, at + len(named)) if at >= 0 else (0, 0)
    return clean_quote(quote_around(sentence, start, end))


def _from_own_statement(sentence: str, found: list[Found], own: set[str]) -> str:
    """The sentence from the table cell that holds the drug's statement: "Examples: warfarin ... Clinical Impact:
    Sertraline is a CYP2D6 inhibitor." -> "Sertraline is a CYP2D6 inhibitor." """
    first = next((f.start for f in found if f.kind == "drug" and f.target in own), None)
    if first is None:
        return sentence
    colon = sentence.rfind(": ", 0, first)
    return sentence[colon + 2 :] if colon >= 0 and first - colon <= 40 else sentence


def _short(quote: str) -> str:
    return quote if len(quote) <= 400 else quote[:397].rsplit(" ", 1)[0] + "…"


def _pharm_class_names(label: LabelRecord) -> set[str]:
    """The label's openFDA EPC, MoA, PE and chemical-structure class names without their "[EPC]" tags."""
    return {re.sub(r"\s*\[[A-Za-z]+\]$", "", name) for names in label.pharm_classes.values() for name in names}


def _class_members(
    labels: Iterable[LabelRecord],
    learned: dict[str, dict[str, set[str]]],
    properties: Iterable[tuple[LabelRecord, str, Property]],
    *,
    fda_table: Path | None = None,
) -> tuple[dict[str, frozenset[str]], dict[str, dict[str, Membership]], dict[str, dict[str, int]]]:
    """Class members and why: the lexicon, FDA's table of roles, the labels' pharmacologic classes and
    indications, their own statements of roles and effects, and examples several labels give."""
    members = {c.id: {moiety(m) for m in c.members} for c in CLASSES}
    why: dict[str, dict[str, Membership]] = defaultdict(dict)
    # How firmly each member belongs (0: listed, pharmacologic class, FDA table or boxed warning; 1: a warnings
    # heading; 2: a sentence), for class rules that only take firm members.
    levels: dict[str, dict[str, int]] = {c: dict.fromkeys(m, 0) for c, m in members.items()}

    def add(member: str, class_id: str, reason: Membership | None) -> None:
        members[class_id].add(member)
        level = 0 if reason is None else _LEVEL.get(reason.how, 2 if reason.source == "label" else 0)
        levels[class_id][member] = min(level, levels[class_id].get(member, level))
        if reason is None or not CLASS_BY_ID[class_id].property_class:
            return
        known = why[member].get(class_id)
        if known is None or reason.rank < known.rank:
            why[member][class_id] = reason

    for label, key, prop in properties:
        for member in label_ingredients(label):
            add(
                member,
                prop.class_id,
                Membership(
                    member,
                    prop.class_id,
                    "label",
                    key,
                    prop.section,
                    label.set_id,
                    label.title,
                    label.effective_time,
                    prop.quote,
                    prop.how,
                    prop.rank,
                ),
            )
    for member, role, text in fda_table_roles(fda_table or shipped_data_path(FDA_TABLE)):
        for class_id in classes_for_role(role):
            add(
                member,
                class_id,
                Membership(member, class_id, "fda_table", "", "", "", "", None, text, FDA_DDI_TABLE, 5),
            )
    for label in labels:
        ingredients = label_ingredients(label)
        if len(ingredients) != 1:
            continue  # a combination's classes belong to one of its parts, not to both
        member = ingredients[0]
        names = _pharm_class_names(label)
        for c in CLASSES:
            matched = names & {*c.epc, *c.moa}
            if not matched and c.pharm_class_pattern:
                matched = {n for n in names if re.search(c.pharm_class_pattern, n)}
            if matched:
                name = sorted(matched)[0]
                add(member, c.id, Membership(member, c.id, "pharm_class", "", "", "", "", None, name, EPC_SOURCE, 6))
            elif c.indication and _indicated(label, c.indication, c.not_indication):
                add(member, c.id, None)
    # An example joins a class only when several drugs' labels list it, so one label's aside does not.
    for class_id, found in learned.items():
        for member, subjects in found.items():
            if len(subjects) >= MIN_EXAMPLE_LABELS:
                add(member, class_id, None)
    return (
        {c: frozenset(m) for c, m in members.items()},
        {m: dict(c) for m, c in why.items()},
        {c: dict(by) for c, by in levels.items()},
    )


_LEVEL = {"boxed warning": 0, "heading": 1, "highlights": 1}
_EVIDENCE_LEVEL = {"boxed": 0, "heading": 1, "any": 2}


def _indicated(label: LabelRecord, pattern: str, exclude: str | None) -> bool:
    """True when the label's indications name the condition PATTERN in a sentence EXCLUDE does not match."""
    text = label.sections.get("indications_and_usage", "")[:3000]
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if re.search(pattern, sentence, re.IGNORECASE) and not (exclude and re.search(exclude, sentence, re.I)):
            return True
    return False


def class_rules(levels: dict[str, dict[str, int]]) -> list[Rule]:
    """The pharmacodynamic class rules over the members each side's classes have in this corpus, keeping only
    members held as firmly as the rule asks (see `ClassRule.evidence`)."""
    rules = []
    for rule in CLASS_RULES:
        severity, _reason = CLASS_RULE_SEVERITY[rule.id]
        limit = _EVIDENCE_LEVEL[rule.evidence]

        def side(entries: tuple[str, ...], limit: int = limit) -> frozenset[str]:
            members: set[str] = set()
            for entry in entries:
                names, _, level = entry.partition("@")
                cap = _EVIDENCE_LEVEL[level] if level else limit
                sets = [{m for m, n in levels.get(c, {}).items() if n <= cap} for c in names.split("&")]
                members |= set.intersection(*sets)
            return frozenset(members)

        rules.append(
            Rule(
                id=f"class-{rule.id}",
                list="class_rule",
                class_a=" / ".join(dict.fromkeys(CLASS_BY_ID[_first(c)].name for c in rule.classes_a)),
                members_a=side(rule.classes_a),
                class_b=" / ".join(dict.fromkeys(CLASS_BY_ID[_first(c)].name for c in rule.classes_b)),
                members_b=side(rule.classes_b),
                source="; ".join(rule.sources),
                severity=severity,
                mechanism=rule.effect,
                classes_a=tuple(dict.fromkeys(_first(c) for c in rule.classes_a)),
                classes_b=tuple(dict.fromkeys(_first(c) for c in rule.classes_b)),
            )
        )
    return rules


def _first(entry: str) -> str:
    """The class a rule entry ("antineoplastics&myelosuppressive@heading") is named and quoted by: its last class."""
    return entry.partition("@")[0].split("&")[-1]


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
                extra = _ONC_CLASS_MEMBERS.get(class_name.lower(), "").split(",")
                return frozenset(
                    moiety(_ONC_MEMBER_FIXES.get(v.strip().lower(), v.strip().lower()))
                    for v in (*values, *extra)
                    if v.strip()
                )

            rules.append(
                Rule(
                    id=f"onc-{list_name}-{n}",
                    list=list_name,
                    class_a=item["class_a"],
                    members_a=fixed(item.get("members_a"), item["class_a"]),
                    class_b=item["class_b"],
                    members_b=fixed(item.get("members_b"), item["class_b"]),
                    source=item.get("source") or ONC,
                    severity=ONC_SEVERITY[list_name],
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
