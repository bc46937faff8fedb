"""The interaction engine on labelled pair files: NDF-RT precision/recall and DDInter recall and severity agreement.

Usage:
    python eval/interactions.py [--ndfrt ddi_dev.jsonl] [--ddinter ddinter_dev.jsonl] [--half A|B|all]
                                [--index PATH] [--show N]

- NDF-RT rows (`drug_a`, `drug_b`, `interacts`, `severity` critical/significant): precision, recall and F1 (each
  pair checked in both orders), the share of "critical" pairs rated major or contraindicated, and a confusion
  matrix of the NDF-RT class against the engine's severity.
- DDInter rows (`drug_a`, `drug_b`, `level` major/moderate/minor): per level, the share found and the share rated
  at least as severe as the level says, and the confusion matrix. DDInter lists only pairs it knows, so it
  measures recall and severity agreement, never precision.

- Why severe pairs are not rated severe (NDF-RT critical and DDInter major checks rated below major), counted per
  half: (a) no evidence at all; (b) evidence, but no sentence about the pair uses serious-outcome or
  avoid/contraindicate wording; (c) such a sentence exists (in the engine's evidence, or in either label's
  interaction-bearing sections naming the other drug, its class or a role it has) and the rating missed it;
  (d) anything else. It tells how much of the gap a severity rule could close at all: (b) and (a) are out of reach
  of any rating rule.

Pairs are split into two fixed halves by a hash of the sorted pair (never by row order), so rules written while
looking at half A can be checked on half B: a gap between the halves means the rules fit the rows, not the drugs.
Examples (--show) are printed for half A only: half B stays unseen so it can check what half A taught.
Without --index the knowledge is built in memory from the shipped corpus; with it, the built label index is used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.extract import INTERACTION_SECTIONS, MentionScanner, split_sentences
from pharmabot.interactions.severity import WORDING_RULES, is_negative
from pharmabot.knowledge.names import DrugEntry
from pharmabot.schemas.interactions import Interaction

ENGINE_LEVELS = ("none", "minor", "moderate", "major", "contraindicated")
SEVERE = frozenset({"major", "contraindicated"})
_RANK = {level: n for n, level in enumerate(ENGINE_LEVELS)}
# The engine level at least as severe as a DDInter level ("major" is met by major or contraindicated).
_DDINTER_FLOOR = {"major": "major", "moderate": "moderate", "minor": "minor"}


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def half_of(row: dict[str, Any]) -> str:
    """'A' or 'B': a fixed hash of the sorted, lower-cased pair, so both orders land in the same half."""
    a, b = sorted((str(row["drug_a"]).lower().strip(), str(row["drug_b"]).lower().strip()))
    return "A" if hashlib.sha256(f"{a}|{b}".encode()).digest()[0] % 2 == 0 else "B"


def select_half(rows: Iterable[dict[str, Any]], half: str) -> list[dict[str, Any]]:
    return [r for r in rows if half == "all" or half_of(r) == half]


def _check(engine: InteractionEngine, a: str, b: str) -> Interaction | None:
    report = engine.check(drugs=[a, b], audience="professional")
    return report.interactions[0] if report.interactions else None


def _describe(row: dict[str, Any], hit: Interaction | None) -> str:
    pair = f"{row['drug_a']} + {row['drug_b']}"
    if hit is None:
        return pair
    if hit.evidence:
        ev = hit.evidence[0]
        return f"{pair} [{hit.severity}] {ev.label_drug}/{ev.section}: {ev.quote[:240]}"
    return f"{pair} [{hit.severity}] {hit.rules[0].rule if hit.rules else ''}"


def score_pairs(engine: InteractionEngine, rows: list[dict[str, Any]], *, show: int = 0) -> dict[str, Any]:
    """NDF-RT-style rows: each pair in both orders; an interaction is found when the engine reports any."""
    tp = fp = fn = tn = unresolved = 0
    fps: list[str] = []
    fns: list[str] = []
    mild_critical: list[str] = []
    confusion: dict[str, Counter[str]] = {"critical": Counter(), "significant": Counter(), "none": Counter()}
    for row in rows:
        truth = bool(row["interacts"])
        truth_class = str(row.get("severity") or "significant") if truth else "none"
        for a, b in ((row["drug_a"], row["drug_b"]), (row["drug_b"], row["drug_a"])):
            report = engine.check(drugs=[a, b], audience="professional")
            unresolved += bool(report.unresolved)
            hit = report.interactions[0] if report.interactions else None
            confusion.setdefault(truth_class, Counter())[hit.severity if hit else "none"] += 1
            if hit and truth:
                tp += 1
                if truth_class == "critical" and hit.severity not in SEVERE and len(mild_critical) < show * 2:
                    mild_critical.append(_describe(row, hit))
            elif hit:
                fp += 1
                if len(fps) < show * 2:
                    fps.append(_describe(row, hit))
            elif truth:
                fn += 1
                if len(fns) < show * 2:
                    fns.append(_describe(row, None))
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    critical = confusion["critical"]
    critical_total = sum(critical.values())
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "unresolved": unresolved,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "critical_severe": sum(critical[s] for s in SEVERE) / critical_total if critical_total else 0.0,
        "critical_checks": critical_total,
        "confusion": {k: dict(v) for k, v in confusion.items()},
        "false_positives": fps,
        "false_negatives": fns,
        "critical_rated_mild": mild_critical,
    }


def score_levels(engine: InteractionEngine, rows: list[dict[str, Any]], *, show: int = 0) -> dict[str, Any]:
    """DDInter-style rows: per level, found (any severity) and rated at least as severe as the level."""
    confusion: dict[str, Counter[str]] = {}
    missed: dict[str, list[str]] = {}
    underrated: dict[str, list[str]] = {}
    for row in rows:
        level = str(row["level"])
        # One check per pair: the engine looks at both labels whatever the order.
        hit = _check(engine, row["drug_a"], row["drug_b"])
        got = hit.severity if hit else "none"
        confusion.setdefault(level, Counter())[got] += 1
        if hit is None:
            if len(missed.setdefault(level, [])) < show:
                missed[level].append(_describe(row, None))
        elif _RANK[got] < _RANK[_DDINTER_FLOOR[level]] and len(underrated.setdefault(level, [])) < show:
            underrated[level].append(_describe(row, hit))
    levels: dict[str, Any] = {}
    for level, counts in confusion.items():
        total = sum(counts.values())
        floor = _RANK[_DDINTER_FLOOR[level]]
        levels[level] = {
            "pairs": total,
            "found": (total - counts["none"]) / total if total else 0.0,
            "rated_at_least": sum(n for s, n in counts.items() if _RANK[s] >= floor) / total if total else 0.0,
            "rated_severe": sum(counts[s] for s in SEVERE) / total if total else 0.0,
        }
    return {
        "levels": levels,
        "confusion": {k: dict(v) for k, v in confusion.items()},
        "missed": missed,
        "underrated": underrated,
    }


# --- why severe pairs are not rated severe -------------------------------------------------------------------------
# Serious-outcome and avoid/contraindicate wording: every wording rule the severity module rates major or
# contraindicated (severity.WORDING_RULES: contraindicated, must not, do not use, avoid, not recommended, stop
# before, serious outcomes, a fixed fraction of the dose), plus the terms FDA's labeling rule uses for the
# Warnings and Precautions and Drug Interactions sections, 21 CFR 201.57(c)(6) and (c)(8):
# "contraindicated", "avoid", "not recommended", "fatal", "life-threatening", "serious".
SERIOUS_RULES = tuple(rule for rule in WORDING_RULES if rule.severity in SEVERE)
CFR_TERMS = re.compile(
    r"\b(?:contraindicat\w*|avoid\w*|not (?:be )?recommended|fatal\w*|life-?threatening|serious\w*)", re.IGNORECASE
)
GAP_CLASSES = (
    ("a", "no evidence at all (no label sentence, rule or role names the pair)"),
    ("b", "evidence, but no sentence about the pair uses serious or avoid/contraindicate wording"),
    ("c_evidence", "(c) a serious sentence is in the engine's evidence, rated below major"),
    ("c_labels", "(c) a serious sentence names the other drug, its class or role in a label, not in the evidence"),
    ("d", "anything else (a name that does not resolve, or a family name checked as its products)"),
)


def serious_wording(sentence: str) -> str | None:
    """The first serious-outcome or avoid/contraindicate wording in a sentence (a rule name or a CFR term)."""
    if is_negative(sentence):
        return None
    for rule in SERIOUS_RULES:
        if rule.pattern.search(sentence):
            return rule.name
    match = CFR_TERMS.search(sentence)
    return f"cfr:{match.group().lower()}" if match else None


SectionTexts = Callable[[str], dict[str, str]]  # set id -> section key -> text


class GapAudit:
    """Sorts checks rated below major into the classes of `GAP_CLASSES`.

    The label scan is deliberately wider than the engine's extraction: any drug of the other side, any class the
    other drug belongs to at any firmness (its label, FDA's table, its pharmacologic class), any interaction-bearing
    section, every sentence. So (b) is a firm "no such wording", and (c) an upper bound: its serious word may be
    about a third drug named in the same sentence.
    """

    def __init__(self, engine: InteractionEngine, sections: SectionTexts) -> None:
        self.engine = engine
        self.sections = sections
        self.scanner = MentionScanner(engine.catalog)
        classes: dict[str, set[str]] = defaultdict(set)
        for class_id, members in engine.knowledge.class_members.items():
            for member in members:
                classes[member].add(class_id)
        self.classes = {m: frozenset(c) for m, c in classes.items()}
        self._sentences: dict[str, list[tuple[str, str, frozenset[str], str]]] = {}

    def _subjects(self, drug: DrugEntry) -> list[str]:
        subjects = [drug.key]
        for ingredient in drug.ingredients if len(drug.ingredients) > 1 else ():
            entry = self.engine.catalog.get(ingredient)
            if entry is not None and entry.has_label:
                subjects.append(ingredient)
        return subjects

    def _targets(self, drug: DrugEntry) -> frozenset[str]:
        found = set(drug.ingredients)
        for ingredient in drug.ingredients:
            found |= self.classes.get(ingredient, frozenset())
        return frozenset(found)

    def _serious_sentences(self, subject: str) -> list[tuple[str, str, frozenset[str], str]]:
        """(section, sentence, drugs and classes named, wording) for each serious sentence of a subject's labels."""
        cached = self._sentences.get(subject)
        if cached is not None:
            return cached
        entry = self.engine.catalog.get(subject)
        found: list[tuple[str, str, frozenset[str], str]] = []
        seen: set[str] = set()
        for set_id in entry.set_ids if entry is not None else ():
            texts = self.sections(set_id)
            for section in INTERACTION_SECTIONS:
                text = texts.get(section, "")
                for start, end in split_sentences(text):
                    sentence = text[start:end]
                    if sentence in seen:
                        continue
                    seen.add(sentence)
                    wording = serious_wording(sentence)
                    if wording is not None:
                        named = frozenset(f.target for f in self.scanner.scan(sentence))
                        found.append((section, sentence, named, wording))
        self._sentences[subject] = found
        return found

    def label_sentences(self, a: DrugEntry, b: DrugEntry) -> list[tuple[str, str, str, str]]:
        """(subject, section, wording, sentence): serious sentences of either label naming the other drug."""
        hits = []
        for x, y in ((a, b), (b, a)):
            targets = self._targets(y)
            for subject in self._subjects(x):
                for section, sentence, named, wording in self._serious_sentences(subject):
                    if named & targets:
                        hits.append((subject, section, wording, sentence))
        return hits

    def classify(self, name_a: str, name_b: str) -> tuple[str, str]:
        """The gap class of a check rated below major, and an example of what put it there."""
        resolved = [self.engine.catalog.resolve(n) for n in (name_a, name_b)]
        a, b = (r.drug if r.status == "resolved" else None for r in resolved)
        if a is None or b is None:
            # A family name ("insulin") is checked as each of its products: the check's own rating counts.
            report = self.engine.check(drugs=[name_a, name_b], audience="professional")
            if any(d.method == "family" for d in report.resolved) and not report.unresolved:
                hit = report.interactions[0] if report.interactions else None
                if hit is not None and hit.severity in SEVERE:
                    return "severe", ""
                return "d", f"family name, rated {hit.severity if hit else 'none'}"
            return "d", "unresolved name"
        hit = self.engine.pair(a, b, audience="professional")
        if hit is not None and hit.severity in SEVERE:
            return "severe", ""
        for e in self.engine.evidence_for(a, b):
            wording = serious_wording(e.quote)
            if wording is not None and e.severity not in SEVERE:
                return "c_evidence", f"[{e.severity} by {e.rule}; {wording}] {e.subject}/{e.section}: {e.quote}"
        in_labels = self.label_sentences(a, b)
        if in_labels:
            subject, section, wording, sentence = in_labels[0]
            return "c_labels", f"[{wording}] {subject}/{section}: {sentence}"
        return ("a", "") if hit is None else ("b", hit.severity)


def audit_gaps(audit: GapAudit, pairs: list[tuple[str, str]], *, title: str, show: int) -> dict[str, int]:
    """Count the gap classes over checks (each pair in the orders given); print up to SHOW examples of (c)."""
    counts: Counter[str] = Counter()
    examples: list[str] = []
    for a, b in pairs:
        kind, detail = audit.classify(a, b)
        if kind == "severe":
            continue
        counts[kind] += 1
        if kind.startswith("c") and len(examples) < show:
            examples.append(f"{a} + {b}: {detail[:400]}")
    total = sum(counts.values())
    print(f"\n{title}: {total} checks rated below major")
    print("| class | checks | share of the gap |")
    print("|---|---:|---:|")
    for kind, meaning in GAP_CLASSES:
        share = counts[kind] / total if total else 0.0
        print(f"| {kind}: {meaning} | {counts[kind]} | {share:.2f} |")
    if examples:
        print(f"\n{title}, class (c) examples:")
        for item in examples:
            print(" -", item)
    return dict(counts)


def print_confusion(title: str, confusion: dict[str, dict[str, int]], order: Iterable[str]) -> None:
    print(f"\n{title} (rows: reference, columns: engine)")
    print("| reference | " + " | ".join(ENGINE_LEVELS) + " | total |")
    print("|---|" + "---:|" * (len(ENGINE_LEVELS) + 1))
    for level in order:
        counts = confusion.get(level, {})
        cells = [str(counts.get(s, 0)) for s in ENGINE_LEVELS]
        print(f"| {level} | " + " | ".join(cells) + f" | {sum(counts.values())} |")


def load_engine(index: Path | None) -> InteractionEngine:
    """The engine from a built index, or built in memory from the shipped corpus."""
    if index is not None:
        from pharmabot.ingest import ensure_index
        from pharmabot.interactions.engine import open_engine
        from pharmabot.knowledge.index import KnowledgeBase

        ensure_index(index_path=index, progress=True)
        kb = KnowledgeBase.open(index)
        engine = open_engine(kb)
        kb.close()
        if engine is None:
            raise SystemExit(f"{index} has no interaction tables: rebuild it with `build-index --force`")
        return engine
    from pharmabot.interactions.knowledge import build_from_shipped

    knowledge, catalog = build_from_shipped()
    return InteractionEngine(knowledge=knowledge, catalog=catalog)


def section_texts(index: Path | None) -> SectionTexts:
    """Label sections by set id: from the built index, or from the shipped corpus when there is none."""
    if index is not None:
        from pharmabot.knowledge.index import KnowledgeBase

        kb = KnowledgeBase.open(index)

        def from_index(set_id: str) -> dict[str, str]:
            label = kb.get_label(set_id)
            return {s.key: s.text for s in label.sections} if label is not None else {}

        return from_index
    from pharmabot.knowledge.labels import iter_labels, shipped_labels_path

    by_set = {label.set_id: dict(label.sections) for label in iter_labels([shipped_labels_path()])}
    return lambda set_id: by_set.get(set_id, {})


def report_ndfrt(engine: InteractionEngine, rows: list[dict[str, Any]], *, label: str, show: int) -> dict[str, Any]:
    scores = score_pairs(engine, rows, show=show)
    print(f"\nNDF-RT {label}: {len(rows)} pairs, checked in both orders (unresolved names: {scores['unresolved']})")
    print(
        f"precision={scores['precision']:.3f} recall={scores['recall']:.3f} F1={scores['f1']:.3f} "
        f"(tp={scores['tp']} fp={scores['fp']} fn={scores['fn']} tn={scores['tn']}); "
        f"critical rated major/contraindicated={scores['critical_severe']:.3f} of {scores['critical_checks']}"
    )
    print_confusion(f"NDF-RT {label}", scores["confusion"], ("critical", "significant", "none"))
    for title, key in (
        ("false positives", "false_positives"),
        ("false negatives", "false_negatives"),
        ("critical rated below major", "critical_rated_mild"),
    ):
        if scores[key]:
            print(f"\n{title}:")
            for item in scores[key][::2]:
                print(" -", item)
    return scores


def report_ddinter(engine: InteractionEngine, rows: list[dict[str, Any]], *, label: str, show: int) -> dict[str, Any]:
    scores = score_levels(engine, rows, show=show)
    print(f"\nDDInter {label}: {len(rows)} pairs")
    print("| level | pairs | found | rated at least this level | rated major/contraindicated |")
    print("|---|---:|---:|---:|---:|")
    for level in ("major", "moderate", "minor"):
        if level in scores["levels"]:
            s = scores["levels"][level]
            print(
                f"| {level} | {s['pairs']} | {s['found']:.3f} | {s['rated_at_least']:.3f} | {s['rated_severe']:.3f} |"
            )
    print_confusion(f"DDInter {label}", scores["confusion"], ("major", "moderate", "minor"))
    for title, key in (("missed", "missed"), ("rated below the reference level", "underrated")):
        for level, items in scores[key].items():
            if items:
                print(f"\n{title} ({level}):")
                for item in items:
                    print(" -", item)
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", help="an NDF-RT pair file (same as --ndfrt)")
    parser.add_argument("--ndfrt", type=Path, help="NDF-RT pairs: drug_a, drug_b, interacts, severity")
    parser.add_argument("--ddinter", type=Path, help="DDInter pairs: drug_a, drug_b, level")
    parser.add_argument("--half", choices=("A", "B", "all", "both"), default="both")
    parser.add_argument("--index", type=Path, help="use this built label index instead of building in memory")
    parser.add_argument("--show", type=int, default=0, help="print up to N examples of each kind of miss")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    ndfrt = args.ndfrt or args.data
    if ndfrt is None and args.ddinter is None:
        parser.error("give an NDF-RT file (--ndfrt) and/or a DDInter file (--ddinter)")
    started = time.perf_counter()
    engine = load_engine(args.index)
    engine.warm()
    print(f"knowledge ready in {time.perf_counter() - started:.1f} s")
    halves = ("A", "B") if args.half == "both" else (args.half,)
    audit = GapAudit(engine, section_texts(args.index))
    out: dict[str, Any] = {}
    for half in halves:
        label = "all pairs" if half == "all" else f"half {half}"
        # Half B's rows are never printed: it checks rules written while looking at half A.
        show = args.show if half == "A" else 0
        if ndfrt is not None:
            rows = select_half(read_rows(ndfrt), half)
            out[f"ndfrt_{half}"] = report_ndfrt(engine, rows, label=label, show=show)
            critical = [r for r in rows if r["interacts"] and r.get("severity") == "critical"]
            checks = [p for r in critical for p in ((r["drug_a"], r["drug_b"]), (r["drug_b"], r["drug_a"]))]
            out[f"ndfrt_gaps_{half}"] = audit_gaps(
                audit, checks, title=f"NDF-RT {label}: critical not rated severe", show=show
            )
        if args.ddinter is not None:
            rows = select_half(read_rows(args.ddinter), half)
            out[f"ddinter_{half}"] = report_ddinter(engine, rows, label=label, show=show)
            majors = [(r["drug_a"], r["drug_b"]) for r in rows if r["level"] == "major"]
            out[f"ddinter_gaps_{half}"] = audit_gaps(
                audit, majors, title=f"DDInter {label}: major not rated major/contraindicated", show=show
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
