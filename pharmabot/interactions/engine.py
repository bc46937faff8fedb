"""The interaction check: resolve names, look pairs up in the precomputed knowledge, word the report.

Pure and fast: no label text is scanned here, no model is called.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from pharmabot.interactions.knowledge import (
    WORDING,
    InteractionKnowledge,
    LabelEvidence,
    Membership,
    Rule,
    has_interaction_knowledge,
)
from pharmabot.interactions.lexicon import CLASS_BY_ID, CLASSES, FDA_DDI_TABLE, FOOD_TITLES, TYPED_FOODS
from pharmabot.interactions.severity import (
    BOXED_COMBINATION_RULES,
    PK_RULES,
    SEVERITY_ORDER,
    Severity,
    pair_severity,
)
from pharmabot.knowledge.index import KnowledgeBase, connect_readonly
from pharmabot.knowledge.labels import SECTION_TITLES, dailymed_url
from pharmabot.knowledge.names import DrugCatalog, DrugEntry, Family
from pharmabot.lazy import Lazy
from pharmabot.schemas.interactions import (
    Audience,
    Duplication,
    EvidenceItem,
    FoodNote,
    Interaction,
    InteractionReport,
    ResolvedDrug,
    RuleSource,
    SourceChecked,
    UnresolvedName,
)

MAX_EVIDENCE = 5
_ALCOHOL_RULE = "class-alcohol_"
_LIST_NAMES = {
    "high_priority": "ONC high-priority",
    "non_interruptive": "ONC non-interruptive",
    "class_rule": "PharmaBot class rule",
}
_MEMBERSHIP_LISTS = {"fda_table": "FDA CYP/transporter examples", "pharm_class": "openFDA pharmacologic class"}
_CONSUMER_MANAGEMENT: dict[str, str] = {
    "contraindicated": "The label says not to use these together — talk to your prescriber or pharmacist before "
    "making any change.",
    "major": "The label says to avoid or be very careful with this combination — talk to your prescriber or "
    "pharmacist before making any change.",
    "moderate": "The label says the dose may need adjusting or you may need closer checks — talk to your prescriber "
    "or pharmacist before making any change.",
    "minor": "Ask your pharmacist whether this matters for you.",
}


class InteractionEngine:
    """Checks a list of medicine names against label evidence, the ONC rules and the class lexicon."""

    def __init__(
        self,
        *,
        knowledge: InteractionKnowledge | Lazy[InteractionKnowledge],
        catalog: DrugCatalog | Lazy[DrugCatalog],
    ) -> None:
        self._knowledge = knowledge if isinstance(knowledge, Lazy) else Lazy.of(knowledge)
        self._catalog = catalog if isinstance(catalog, Lazy) else Lazy.of(catalog)
        self._target_cache: dict[str, frozenset[str]] = {}
        self._rule_cache: dict[str, frozenset[int]] = {}

    @property
    def knowledge(self) -> InteractionKnowledge:
        return self._knowledge.get()

    @property
    def catalog(self) -> DrugCatalog:
        return self._catalog.get()

    def warm(self) -> None:
        """Load the knowledge and catalog now (start-up runs this in a background thread)."""
        self._catalog.get()
        self._knowledge.get()

    def check(self, *, drugs: Sequence[str], audience: Audience = "consumer") -> InteractionReport:
        """Resolve DRUGS and report every pair's interactions, duplications and food notes."""
        resolved: list[ResolvedDrug] = []
        entries: list[DrugEntry] = []
        families: list[Family] = []
        unresolved: list[UnresolvedName] = []
        notes: list[str] = []
        foods: list[tuple[str, str]] = []
        typed: list[tuple[str, DrugEntry]] = []  # every recognized name, repeats included: same-ingredient checks
        for name in drugs:
            result = self.catalog.resolve(name)
            if result.status == "resolved" and result.drug is not None:
                typed.append((name, result.drug))
                if any(e.key == result.drug.key for e in entries):
                    unresolved.append(UnresolvedName(input=name, status="duplicate", suggestions=[result.drug.key]))
                    continue
                entries.append(result.drug)
                resolved.append(
                    ResolvedDrug(
                        input=name,
                        drug=result.drug.key,
                        matched=result.matched,
                        method=result.method,
                        has_label=result.drug.has_label,
                    )
                )
            elif result.status == "unknown" and (food := typed_food(name)):
                # Not a medicine, and no near spelling of one is meant: the labels' notes on it are the answer.
                unresolved.append(UnresolvedName(input=name, status="food"))
                foods.append((name, food))
            elif (family := self.catalog.family(result)) is not None:
                typed.extend((name, member) for member in family.members)
                if any(f.name == family.name for f in families):
                    unresolved.append(UnresolvedName(input=name, status="duplicate", suggestions=[family.name]))
                    continue
                families.append(family)
                resolved.append(_family_resolved(name, family))
                notes.append(_family_note(name, family))
            else:
                suggestions = [c.drug for c in result.candidates] or [
                    c.drug for c in self.catalog.suggest(name, limit=5)
                ]
                status = "ambiguous" if result.status == "ambiguous" else "unknown"
                unresolved.append(UnresolvedName(input=name, status=status, suggestions=suggestions[:5]))
        # Each checked medicine with the products read for it, in the order typed: one product for a resolved name,
        # several for a family name.
        by_name = {e.key: (e,) for e in entries} | {f.name: f.members for f in families}
        units = [(r.drug, by_name[r.drug]) for r in resolved]
        if len(units) < 2:
            notes.append("Fewer than two different medicines were recognized, so no pair could be checked.")
        interactions = [
            i
            for (name_a, a), (name_b, b) in combinations(units, 2)
            if (i := self._unit_pair(name_a, a, name_b, b, audience=audience))
        ]
        interactions.sort(key=lambda i: (-SEVERITY_ORDER[i.severity], i.drugs))
        if not interactions and len(units) >= 2:
            notes.append("No interaction between these medicines was found in these sources.")
        members = [m for f in families for m in f.members]
        family_of = {m.key: f.name for f in families for m in f.members}
        food_notes = _relabel_food(self._food([*entries, *members]), family_of)
        # Alcohol typed as a medicine: each pair with it already quotes the medicine's alcohol sentences.
        with_alcohol = {d for i in interactions if "alcohol" in i.drugs for d in i.drugs}
        food_notes = [n for n in food_notes if not (n.kind == "alcohol" and n.drug in with_alcohol)]
        for name, kind in foods:
            title = FOOD_TITLES[kind].lower()
            if any(note.kind == kind for note in food_notes):
                notes.append(f"'{name}' is a food or drink, not a medicine: see food_notes for what the labels say.")
            elif units:
                notes.append(
                    f"'{name}' is a food or drink, not a medicine. No interaction with {title} was found in these "
                    "medicines' labels."
                )
        return InteractionReport(
            audience=audience,
            resolved=resolved,
            unresolved=unresolved,
            interactions=interactions,
            duplications=_same_ingredient(typed) + self._duplications(entries, families),
            food_notes=food_notes,
            sources_checked=self._sources([*entries, *members]),
            notes=notes,
        )

    # --- pairs -----------------------------------------------------------------------------

    def _subjects(self, drug: DrugEntry) -> list[str]:
        # A combination's own labels, and the labels of each of its ingredients sold alone.
        subjects = [drug.key]
        if len(drug.ingredients) > 1:
            subjects.extend(i for i in drug.ingredients if i in self.knowledge.labels)
        return subjects

    def _targets(self, drug: DrugEntry) -> frozenset[str]:
        # Memoized per drug: the tables never change, and a 20-drug check asks for each drug 38 times.
        targets = self._target_cache.get(drug.key)
        if targets is None:
            classes_of = self.knowledge.classes_of
            found = set(drug.ingredients)
            for ingredient in drug.ingredients:
                found |= classes_of.get(ingredient, frozenset())
            targets = self._target_cache[drug.key] = frozenset(found)
        return targets

    def _rule_indexes(self, drug: DrugEntry) -> frozenset[int]:
        indexes = self._rule_cache.get(drug.key)
        if indexes is None:
            rules_of = self.knowledge.rules_of
            indexes = frozenset().union(*(rules_of.get(i, frozenset()) for i in drug.ingredients))
            self._rule_cache[drug.key] = indexes
        return indexes

    def evidence_for(self, a: DrugEntry, b: DrugEntry) -> list[LabelEvidence]:
        """Label evidence in both directions: A's labels naming B or its classes, and B's naming A."""
        found: list[LabelEvidence] = []
        evidence = self.knowledge.evidence
        for x, y in ((a, b), (b, a)):
            targets = self._targets(y)
            for subject in self._subjects(x):
                by_target = evidence.get(subject)
                if by_target:
                    # Sorted: set order changes with each process's hash seed, and ties in the ranking below keep
                    # the order found, so the same pair must be gathered the same way every time.
                    for target in sorted(targets & by_target.keys()):
                        found.extend(by_target[target])
            if not any(s in self.knowledge.labels for s in self._subjects(x)):
                found.extend(self._class_statements(x, targets))
        if not found:
            return found
        # A sentence naming both the drug and its class ("statins ... (lovastatin or simvastatin)") is kept once, as
        # naming the drug.
        unique: dict[tuple[str, str], LabelEvidence] = {}
        for e in sorted(found, key=lambda e: e.target_kind != "drug"):
            unique.setdefault((e.subject, e.quote), e)
        order = self.knowledge.evidence_order
        own = {*self._subjects(a), *self._subjects(b)}
        # The pair's own labels first; another member's statement for the class after them.
        return sorted(unique.values(), key=lambda e: (e.subject not in own, order[id(e)]))

    def _class_statements(self, drug: DrugEntry, targets: frozenset[str]) -> list[LabelEvidence]:
        """For a drug with no label of its own: what other members' labels state for its class by the class name
        ("absorption of tetracyclines is impaired by antacids", in the doxycycline label, speaks for tetracycline)."""
        statements = self.knowledge.class_statements
        found: list[LabelEvidence] = []
        for class_id in sorted(self._targets(drug) & statements.keys()):
            by_target = statements[class_id]
            for target in sorted(targets & by_target.keys()):
                found.extend(by_target[target])
        return found

    def rules_for(self, a: DrugEntry, b: DrugEntry) -> list[tuple[Rule, set[str], set[str]]]:
        """ONC and class rules covering the pair, each with the ingredients on its side A and side B."""
        candidates = self._rule_indexes(a) & self._rule_indexes(b)
        if not candidates:
            return []
        ia, ib = set(a.ingredients), set(b.ingredients)
        found = []
        for n in sorted(candidates):
            rule = self.knowledge.rules[n]
            sides = rule.matches(ia, ib)
            if sides is not None:
                found.append((rule, *sides))
        return found

    def _supports(
        self, a: DrugEntry, b: DrugEntry, evidence: list[LabelEvidence], rules: list[tuple[Rule, set[str], set[str]]]
    ) -> list[Membership]:
        """Why each drug belongs to the role or effect class an interaction was inferred through: the sentence of
        its own label ("X is a strong CYP3A4 inhibitor"), or FDA's table or its pharmacologic class."""
        memberships = self.knowledge.memberships
        found: dict[tuple[str, str], Membership] = {}

        def add(ingredients: set[str] | tuple[str, ...], classes: tuple[str, ...]) -> None:
            for ingredient in sorted(ingredients):
                for class_id in classes:
                    reason = memberships.get(ingredient, {}).get(class_id)
                    if reason is not None:
                        # One statement can place a drug in two classes (FDA's "sensitive substrate of CYP3A" makes
                        # it a CYP3A substrate and a sensitive one): quote it once.
                        found.setdefault((reason.moiety, reason.quote), reason)
                        return

        for e in evidence:
            if e.target_kind == "class" and CLASS_BY_ID[e.target].property_class:
                other = b if e.subject in self._subjects(a) else a
                add(other.ingredients, (e.target,))
        for rule, side_a, side_b in rules:
            if rule.list == "class_rule":
                add(side_a, rule.classes_a)
                add(side_b, rule.classes_b)
        return sorted(found.values(), key=lambda m: m.rank)

    def _narrow_index_exposure(self, a: DrugEntry, b: DrugEntry, evidence: list[LabelEvidence]) -> bool:
        """True when a label sentence says one drug changes the blood levels of the other, a narrow-therapeutic-index
        drug ("increases tacrolimus exposure")."""
        narrow = self.knowledge.class_members.get("narrow_therapeutic_index", frozenset())
        affected = [i for i in (*a.ingredients, *b.ingredients) if i in narrow]
        if not affected:
            return False
        return any(
            e.rule in PK_RULES
            and e.mechanism is not None
            and any(f"creases {name} exposure" in e.mechanism for name in affected)
            for e in evidence
        )

    def _contraceptive_exposure_down(self, a: DrugEntry, b: DrugEntry, evidence: list[LabelEvidence]) -> bool:
        """True when a label sentence about the pair says a hormonal contraceptive's levels or effect fall."""
        hormonal = self.knowledge.class_members.get("hormonal_contraceptives", frozenset())
        if not hormonal & {*a.ingredients, *b.ingredients}:
            return False
        return any(
            (e.target == "hormonal_contraceptives" or e.target in hormonal)
            and e.mechanism is not None
            and e.mechanism.startswith("decreases")
            for e in evidence
        )

    def _boxed_combination(self, matched: list[tuple[Rule, set[str], set[str]]]) -> bool:
        """True when an effect class rule covers the pair and each drug's own boxed warning names that effect."""
        memberships = self.knowledge.memberships

        def boxed(ingredients: set[str], classes: tuple[str, ...]) -> bool:
            return any(
                (reason := memberships.get(i, {}).get(c)) is not None and reason.how == "boxed warning"
                for i in ingredients
                for c in classes
            )

        return any(
            rule.id.removeprefix("class-") in BOXED_COMBINATION_RULES
            and boxed(side_a, rule.classes_a)
            and boxed(side_b, rule.classes_b)
            for rule, side_a, side_b in matched
        )

    def pair(self, a: DrugEntry, b: DrugEntry, *, audience: Audience = "consumer") -> Interaction | None:
        """The interaction between two drugs, or None when no source names it."""
        evidence = self.evidence_for(a, b)
        matched = self.rules_for(a, b)
        if not evidence and not matched:
            return None
        rules = [rule for rule, _, _ in matched]
        supports = self._supports(a, b, evidence, matched)
        severity = pair_severity(
            label=[e.severity for e in evidence],
            rules=[r.severity for r in rules],
            classes_named=[e.target for e in evidence if e.target_kind == "class"]
            + [c for r in rules for c in (*r.classes_a, *r.classes_b)],
            narrow_index_exposure=self._narrow_index_exposure(a, b, evidence),
            contraceptive_exposure_down=self._contraceptive_exposure_down(a, b, evidence),
            boxed_combination=self._boxed_combination(matched),
        )
        own_subjects = {*self._subjects(a), *self._subjects(b)}
        # The evidence as shown; the summary names the label of the first quote, whatever ranked first before
        # worded sentences were put ahead of lists and cut-out pieces.
        shown = _ordered_evidence(
            evidence, [m for m in supports if m.source == "label"], self.knowledge.evidence_order, own_subjects
        )
        top = shown[0] if evidence else None
        class_rule = next((r for r in rules if r.list == "class_rule"), None)
        mechanism = next((e.mechanism for e in evidence if e.mechanism), None)
        if class_rule is not None and (mechanism is None or class_rule.id.startswith(_ALCOHOL_RULE)):
            # A label's alcohol sentence is often a list of risk factors: the alcohol rule says what happens.
            mechanism = class_rule.mechanism
        if audience == "professional":
            management = next((e.management for e in evidence if e.management), None)
        else:
            # "The label says ..." only when a label sentence speaks of the pair; otherwise the rule's own source.
            management = _CONSUMER_MANAGEMENT[severity] if evidence else _rule_management(severity, rules)
            if mechanism:
                mechanism = (
                    mechanism.replace(" exposure", " levels in the blood")
                    .replace("risk: reduced absorption", "can reduce absorption")  # not a risk of it
                    .replace("risk: ", "can raise the risk of ")
                )
        items = [
            _property_item(x, severity)
            if isinstance(x, Membership)
            else _evidence_item(x, class_statement=_stated_for_class(x, own_subjects) is not None)
            for x in shown
        ]
        return Interaction(
            drugs=(a.key, b.key),
            severity=severity,
            summary=_summary(
                a.key,
                b.key,
                severity,
                top,
                rules,
                audience,
                mechanism=mechanism,
                for_class=_stated_for_class(top, own_subjects) if isinstance(top, LabelEvidence) else None,
                named=self._named(a, b, top),
            ),
            mechanism=mechanism,
            management=management,
            evidence=items,
            rules=[
                RuleSource(
                    list=_LIST_NAMES[r.list],
                    rule=f"{r.class_a} + {r.class_b}",
                    source=r.source,
                    severity=r.severity,
                )
                for r in rules
            ]
            + [
                RuleSource(
                    list=_MEMBERSHIP_LISTS[m.source],
                    rule=_membership_rule(m),
                    source=FDA_DDI_TABLE if m.source == "fda_table" else "openFDA pharm_class (FDA SPL indexing)",
                    severity=severity,
                )
                for m in supports
                if m.source != "label"
            ],
        )

    def _named(self, a: DrugEntry, b: DrugEntry, top: LabelEvidence | Membership | None) -> str | None:
        """What the first quote says of the other drug when it does not name it: "sedatives, a class that includes
        diphenhydramine" for a class the sentence names, "its own label counts ketoconazole among strong CYP3A4
        inhibitors" for a fact the interaction is inferred from."""
        if isinstance(top, Membership):
            return f"which counts {top.moiety} among {CLASS_BY_ID[top.class_id].name}"
        if top is None or top.target_kind != "class":
            return None
        if top.subject in self._subjects(a):
            other = b
        elif top.subject in self._subjects(b):
            other = a
        else:  # another member's label: the drug whose classes hold the class it names
            other = b if top.target in self._targets(b) else a
        classes_of = self.knowledge.classes_of
        member = next((i for i in other.ingredients if top.target in classes_of.get(i, frozenset())), other.key)
        return _class_words(top, member)

    # --- list-level notes ---------------------------------------------------------------

    def _unit_pair(
        self,
        name_a: str,
        a: tuple[DrugEntry, ...],
        name_b: str,
        b: tuple[DrugEntry, ...],
        *,
        audience: Audience,
    ) -> Interaction | None:
        """The pair of two checked medicines; a family name's products are each checked and their findings merged."""
        if len(a) == 1 and len(b) == 1:
            return self.pair(a[0], b[0], audience=audience)
        found = [
            (x, y, i) for x in a for y in b if x.key != y.key and (i := self.pair(x, y, audience=audience)) is not None
        ]
        if not found:
            return None
        return _merged(
            name_a, name_b, found, families={name for name, unit in ((name_a, a), (name_b, b)) if len(unit) > 1}
        )

    def _duplications(self, entries: list[DrugEntry], families: Sequence[Family] = ()) -> list[Duplication]:
        found: list[Duplication] = []
        for drug_class in CLASSES:
            if not drug_class.duplication:
                continue
            members = self.knowledge.class_members.get(drug_class.id, drug_class.members)
            in_class = [e.key for e in entries if members & set(e.ingredients)]
            # A family name counts once, by its name, when any of its products is in the class.
            in_class += [f.name for f in families if any(members & set(m.ingredients) for m in f.members)]
            if len(in_class) >= 2:
                found.append(
                    Duplication(
                        drug_class=drug_class.name,
                        drugs=in_class,
                        note=f"{', '.join(in_class)} are all {drug_class.name}. Taking two medicines of the same "
                        "class can add up their effects and side effects; ask your prescriber or pharmacist whether "
                        "both are intended.",
                    )
                )
        return found

    def food_notes(self, *, drug: str) -> list[FoodNote]:
        """Alcohol and food warnings the labels state for one drug (a catalog key)."""
        entry = self.catalog.get(drug)
        if entry is not None:
            return self._food([entry])
        # A family name ("insulin") a chat turn kept as its drug: its products' notes, told once for the name.
        family = self.catalog.family(self.catalog.resolve(drug))
        if family is None:
            return []
        return _relabel_food(self._food(list(family.members)), {m.key: family.name for m in family.members})

    def _food(self, entries: list[DrugEntry]) -> list[FoodNote]:
        notes: dict[tuple[str, str], FoodNote] = {}
        for entry in entries:
            for subject in self._subjects(entry):
                for note in self.knowledge.food.get(subject, ()):
                    notes.setdefault(
                        (entry.key, note.kind),
                        FoodNote(
                            drug=entry.key,
                            kind=note.kind,
                            title=FOOD_TITLES[note.kind],
                            quote=note.quote,
                            section=note.section,
                            set_id=note.set_id,
                            url=dailymed_url(note.set_id),
                        ),
                    )
        return list(notes.values())

    def _sources(self, entries: list[DrugEntry]) -> list[SourceChecked]:
        sources: list[SourceChecked] = []
        seen: set[str] = set()  # a family's products can share a label (insulin aspart, and its pack with water)
        for entry in entries:
            subjects = [s for s in self._subjects(entry) if s in self.knowledge.labels]
            fresh = [s for s in subjects if s not in seen]
            seen.update(subjects)
            subjects, known = fresh, bool(subjects)
            for subject in subjects:
                info = self.knowledge.labels[subject]
                sources.append(
                    SourceChecked(
                        kind="label",
                        name=f"FDA label: {subject}",
                        set_id=info.set_id,
                        effective_time=info.effective_time,
                        url=dailymed_url(info.set_id),
                    )
                )
            if not known:
                sources.append(
                    SourceChecked(
                        kind="note",
                        name=f"No FDA label for {entry.key} in this corpus: only the other medicines' labels and "
                        "the rule lists were checked for it.",
                    )
                )
        sources.append(
            SourceChecked(kind="rule_list", name="ONC high-priority drug-drug interactions (JAMIA 2012;19:735)")
        )
        sources.append(
            SourceChecked(kind="rule_list", name="ONC non-interruptive drug-drug interactions (JAMIA 2013;20:489)")
        )
        sources.append(
            SourceChecked(
                kind="rule_list",
                name="FDA examples of drugs that interact with CYP enzymes and transporter systems (Table 1)",
            )
        )
        sources.append(
            SourceChecked(
                kind="class_lexicon",
                name="PharmaBot drug-class lexicon and class rules (FDA label class wording, each label's own "
                "statements of its enzyme roles and warnings, openFDA pharmacologic classes)",
            )
        )
        return sources


def _family_resolved(name: str, family: Family) -> ResolvedDrug:
    return ResolvedDrug(
        input=name,
        drug=family.name,
        matched=family.name,
        method="family",
        has_label=any(m.has_label for m in family.members),
        products=[m.key for m in family.members],
        products_total=family.total if family.total > len(family.members) else None,
    )


def _family_note(name: str, family: Family) -> str:
    """Says which products a family name was checked as, how many were left out by the cap, and which combinations
    were not read."""
    count = len(family.members)
    products = ", ".join(m.key for m in family.members)
    note = f"{name}: checked as {count} {family.name} product{'s' if count != 1 else ''} ({products})"
    if family.total > count:
        note += f", the {count} sold under the most product names of the {family.total} that hold {family.name}"
    note += "."
    if family.left_out:
        shown = ", ".join(family.left_out[:3]) + (" and others" if len(family.left_out) > 3 else "")
        note += (
            f" Combinations of {family.name} with another medicine ({shown}) were not read: their partner's "
            f"interactions are not {family.name}'s. Check a combination by its own name."
        )
    return note


def _merged(
    name_a: str, name_b: str, found: list[tuple[DrugEntry, DrugEntry, Interaction]], *, families: set[str]
) -> Interaction:
    """One finding for a pair checked product by product: the most severe product's finding first, then the other
    products' sentences that say something it does not (the same sentence in several labels is quoted once)."""
    # Stable: at equal severity the family's first product (alone, most marketed) speaks, so the summary names it.
    found = sorted(found, key=lambda f: -SEVERITY_ORDER[f[2].severity])
    top = found[0][2]
    evidence: list[EvidenceItem] = []
    quotes: set[str] = set()
    for _, _, interaction in found:
        for item in interaction.evidence:
            said = " ".join(item.quote.lower().split())
            if said not in quotes and len(evidence) < MAX_EVIDENCE:
                quotes.add(said)
                evidence.append(item)
    rules: dict[tuple[str, str], RuleSource] = {}
    for _, _, interaction in found:
        for rule in interaction.rules:
            rules.setdefault((rule.list, rule.rule), rule)
    products = [key for x, y, _ in found for key, name in ((x.key, name_a), (y.key, name_b)) if name in families]
    return top.model_copy(
        update={
            "drugs": (name_a, name_b),
            "evidence": evidence,
            "rules": list(rules.values()),
            "products": list(dict.fromkeys(products)),
        }
    )


def _relabel_food(notes: list[FoodNote], family_of: dict[str, str]) -> list[FoodNote]:
    """A family product's food note is told once for the family name (its quote and label stay the product's)."""
    kept: dict[tuple[str, str], FoodNote] = {}
    for note in notes:
        drug = family_of.get(note.drug, note.drug)
        kept.setdefault((drug, note.kind), note.model_copy(update={"drug": drug}) if drug != note.drug else note)
    return list(kept.values())


def _same_ingredient(typed: list[tuple[str, DrugEntry]]) -> list[Duplication]:
    """Two names in the list that hold the same active ingredient (Benadryl and a diphenhydramine sleep aid, NyQuil
    and Tylenol): each Drug Facts label says not to use it with any other product containing that ingredient
    (e.g. 21 CFR 201.326(a)(1) for acetaminophen), because the doses add up."""
    found: list[Duplication] = []
    by_ingredient: dict[str, list[str]] = {}
    for name, entry in typed:
        for ingredient in entry.ingredients:
            names = by_ingredient.setdefault(ingredient, [])
            if name not in names:
                names.append(name)
    for ingredient, names in by_ingredient.items():
        if len(names) >= 2:
            found.append(
                Duplication(
                    drug_class=f"same active ingredient: {ingredient}",
                    drugs=names,
                    note=f"{_joined(names)} {_both(names)} contain {ingredient}. Taking two products with the same "
                    "active ingredient adds up to a higher dose than either label intends; ask your pharmacist or "
                    "prescriber whether both are intended.",
                )
            )
    return found


def _both(names: list[str]) -> str:
    return "both" if len(names) == 2 else "all"


def _joined(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _ordered_evidence(
    evidence: list[LabelEvidence],
    supports: list[Membership],
    order: dict[int, tuple[int, ...]],
    own_subjects: set[str],
) -> list[LabelEvidence | Membership]:
    """The sources to show, at most MAX_EVIDENCE: sentences that name the other drug or its class and say what
    happens first; then each drug's own statement of the role or effect the interaction is inferred from; bare lists
    of names (flattened tables) last."""
    worded: list[LabelEvidence] = []
    rest: list[LabelEvidence] = []
    for e in evidence:
        # evidence_rank's wording parts: says what happens or what to do; not a list or a cut-out piece.
        good = order[id(e)][WORDING] == (0, 0)
        (worded if good else rest).append(e)
    # Another member's statement for the class comes after what the pair's own labels say.
    worded.sort(key=lambda e: _stated_for_class(e, own_subjects) is not None)
    # Only the items shown are built (a 20-drug check can hold a hundred pairs).
    chosen: list[LabelEvidence | Membership] = [*worded, *supports]
    return [*chosen, *rest][:MAX_EVIDENCE]


def _class_words(e: LabelEvidence, member: str) -> str:
    """The class as the quote words it, with the class it stands for: "tranquilizers or sedatives (CNS depressants, a
    class that includes diphenhydramine)"; the lexicon's name alone when the quote's words are not found."""
    drug_class = CLASS_BY_ID[e.target]
    which = f"a class that includes {member}"
    words = _quoted_class_words(e.target, e.quote)
    if words is None:
        return f"{drug_class.name}, {which}"
    if _content_words(words) & _content_words(drug_class.name):  # "drugs known to prolong the QT": already clear
        return f"{words}, {which}"
    return f"{words} ({drug_class.name}, {which})"


@functools.lru_cache(maxsize=8192)
def _quoted_class_words(class_id: str, quote: str) -> str | None:
    """The words of QUOTE that name the class, a list of its names kept whole ("tranquilizers or sedatives").
    Cached: a 20-drug check words dozens of summaries, and the same ones again on the next check."""
    spans = sorted(m.span() for pattern in _class_patterns(class_id) for m in pattern.finditer(quote) if m.group(0))
    if not spans:
        return None
    lo, hi = spans[0]
    for start, end in spans[1:]:
        if start >= hi and _LIST_JOIN.fullmatch(quote[hi:start]):
            hi = max(hi, end)
    return quote[lo:hi].strip()


@functools.cache
def _class_patterns(class_id: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in CLASS_BY_ID[class_id].patterns)


_LIST_JOIN = re.compile(r"\s*(?:,|/)?\s*(?:and/or|and|or)?\s*")


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 1 and w not in _FILLER}


_FILLER = frozenset(
    "drug drugs agents agent medicines medications other that which known to the of and or with".split()
)


def _stated_for_class(e: LabelEvidence, own_subjects: set[str]) -> str | None:
    """The class name when E comes from another member's label and states the fact for the class, else None."""
    if e.about_class and e.subject not in own_subjects:
        return CLASS_BY_ID[e.about_class].name
    return None


def typed_food(name: str) -> str | None:
    """The food-note kind of a food or drink typed as a medicine ("grapefruit juice" -> grapefruit), else None."""
    text = " ".join(name.lower().split())
    return next((kind for kind, words in TYPED_FOODS.items() if re.fullmatch(words, text)), None)


def _membership_rule(m: Membership) -> str:
    if m.source == "fda_table":
        return m.quote
    return f"{m.moiety}: {m.quote} ({CLASS_BY_ID[m.class_id].name})"


def _property_item(m: Membership, severity: Severity) -> EvidenceItem:
    return _item(m, severity=severity, names=CLASS_BY_ID[m.class_id].name, kind="drug_property")


def _evidence_item(e: LabelEvidence, *, class_statement: bool = False) -> EvidenceItem:
    names = CLASS_BY_ID[e.target].name if e.target_kind == "class" else e.target
    kind = "class_statement" if class_statement else "interaction"
    return _item(e, severity=e.severity, names=names, kind=kind)


def _item(source: LabelEvidence | Membership, **fields: Any) -> EvidenceItem:
    """An evidence item quoting SOURCE's label sentence, where it comes from, and FIELDS."""
    return EvidenceItem(
        label_drug=source.subject,
        section=source.section,
        section_title=SECTION_TITLES.get(source.section, source.section.upper()),
        set_id=source.set_id,
        effective_time=source.effective_time,
        url=dailymed_url(source.set_id),
        quote=_LEADING_DEBRIS.sub("", source.quote),
        **fields,
    )


# Punctuation left at the start of a quote where a table row was cut from the text before it (". Consider ...").
_LEADING_DEBRIS = re.compile(r"^[\s.,;:)\]]+(?=\S)")


# Mechanisms worded as what happens ("can raise the risk of bleeding", "increases tacrolimus levels in the blood"):
# a consumer summary says that instead of a general "can cause serious problems".
_SAYS_WHAT_HAPPENS = ("can raise ", "can reduce ", "can cause ", "both raise ", "increases ", "decreases ")


def _rule_management(severity: Severity, rules: list[Rule]) -> str:
    """What to do, for a pair no label sentence speaks of: said as the rule list's, with its source named, since no
    label here says it."""
    rule = max(rules, key=lambda r: (SEVERITY_ORDER[r.severity], r.list == "high_priority"))
    advice = {
        "contraindicated": "do not use these together",
        "major": "avoid this combination or be very careful with it",
        "moderate": "doses may need adjusting or closer checks may be needed",
        "minor": "a real interaction, usually of low importance; ask your pharmacist whether it matters for you",
    }[severity]
    where = {"high_priority": "the ONC high-priority list", "non_interruptive": "the ONC non-interruptive list"}
    return (
        f"No label here states this interaction. It is rated {severity} by {where.get(rule.list, 'a class rule')} "
        f"({rule.class_a} + {rule.class_b}; source: {rule.source.rstrip('.')}): {advice} — talk to your "
        "prescriber or pharmacist before making any change."
    )


def _summary(
    a: str,
    b: str,
    severity: Severity,
    top: LabelEvidence | Membership | None,
    rules: list[Rule],
    audience: Audience,
    *,
    mechanism: str | None = None,
    for_class: str | None = None,
    named: str | None = None,
) -> str:
    """One line for the pair. It names only what the first quote says: a label sentence that names a class, not the
    drug, is said to name the class ("sedatives, a class that includes diphenhydramine"), and a pair inferred from a
    drug's own statement of its role is said to be inferred."""
    if top is None:
        # The rule that rates the pair: the strongest, a published high-priority item before a class rule of the
        # same level (a non-interruptive listing never speaks for a pair a class rule rates higher).
        rule = max(rules, key=lambda r: (SEVERITY_ORDER[r.severity], r.list == "high_priority"))
        if rule.list == "class_rule":
            return f"{a} with {b}: {rule.class_a} + {rule.class_b}; {rule.mechanism}."
        return f"{a} with {b} is on the {_LIST_NAMES[rule.list]} interaction list ({rule.class_a} + {rule.class_b})."
    where = f"the {top.subject} label ({SECTION_TITLES.get(top.section, top.section).lower()})"
    if for_class:
        # Neither drug's own label: another member's, stating it for the class both belong to.
        where = f"{where}, which says it of {for_class} as a class"
    inferred = isinstance(top, Membership)
    if inferred:
        # The label states the drug's role or effect, not the pair: the interaction is inferred from it.
        where = f"{where}, {named}"
        according = f"Inferred from {where}"
    elif named:
        according = f"According to {where}, which names {named}"
    else:
        according = f"According to {where}"
    if audience == "professional":
        per = f"inferred from {where}" if inferred else f"per {where}" + (f", which names {named}" if named else "")
        return f"{a} + {b}: {severity}, {per}."
    if severity == "contraindicated":
        return f"{according}, {a} and {b} should not be used together."
    effect = mechanism.split("; ")[0] if mechanism and mechanism.startswith(_SAYS_WHAT_HAPPENS) else None
    if severity == "major":
        if effect:
            return f"{according}, using {a} with {b} {effect}: a major interaction."
        return f"{according}, using {a} with {b} can cause serious problems."
    if severity == "moderate":
        if effect:
            return f"{according}, using {a} with {b} {effect}; doses or checks may need to change."
        return f"{according}, {a} and {b} can interact; doses or checks may need to change."
    if inferred:
        return f"{according}: {a} and {b} may interact; the effect may be small."
    mentions = named if named else f"{a} together with {b}"
    return f"{where[0].upper()}{where[1:]} mentions {mentions}; the effect may be small."


def open_engine(knowledge: KnowledgeBase) -> InteractionEngine | None:
    """The engine over the tables the index holds (None for an index built without them, e.g. an old one).

    The tables are read on first use (or by the engine's `warm`), through a connection of their own.
    """
    index_path = knowledge.index_path
    with contextlib.closing(connect_readonly(index_path)) as conn:
        if not has_interaction_knowledge(conn):
            return None

    def load() -> InteractionKnowledge:
        with contextlib.closing(connect_readonly(index_path)) as conn:
            return InteractionKnowledge.load(conn)

    return InteractionEngine(knowledge=Lazy(load), catalog=knowledge.lazy_catalog)
