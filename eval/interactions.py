"""Precision, recall and F1 of the interaction engine on a labelled pair file (drug_a, drug_b, interacts).

Usage: python eval/interactions.py DATA [--show N]
Builds the knowledge from the full shipped corpus, then counts an interaction as found when the engine
reports any interaction for the pair, in either order.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.knowledge import InteractionKnowledge
from pharmabot.knowledge.labels import iter_labels, shipped_data_path, shipped_labels_path
from pharmabot.knowledge.names import DrugCatalog, read_orange_book


def _read_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score_pairs(engine: InteractionEngine, rows: list[dict[str, Any]], *, show: int = 0) -> dict[str, Any]:
    """Count each labelled pair in both orders; an interaction is found when the engine reports any."""
    tp = fp = fn = tn = unresolved = 0
    fps: list[str] = []
    fns: list[str] = []
    for row in rows:
        truth = bool(row["interacts"])
        hits = []
        for a, b in ((row["drug_a"], row["drug_b"]), (row["drug_b"], row["drug_a"])):
            report = engine.check(drugs=[a, b], audience="professional")
            unresolved += bool(report.unresolved)
            hits.append(report.interactions[0] if report.interactions else None)
        for hit in hits:
            if hit and truth:
                tp += 1
            elif hit:
                fp += 1
                if len(fps) < show * 2:
                    ev = hit.evidence[0] if hit.evidence else None
                    where = f"{ev.label_drug}/{ev.section}: {ev.quote[:300]}" if ev else hit.rules[0].rule
                    fps.append(f"{row['drug_a']} + {row['drug_b']} [{hit.severity}] {where}")
            elif truth:
                fn += 1
                if len(fns) < show * 2:
                    fns.append(f"{row['drug_a']} + {row['drug_b']}")
            else:
                tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "unresolved": unresolved,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "false_positives": fps,
        "false_negatives": fns,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print N false positives and N false negatives")
    args = parser.parse_args()
    started = time.perf_counter()
    labels = list(iter_labels([shipped_labels_path()]))
    catalog = DrugCatalog.from_labels(
        labels, orange_book=read_orange_book(shipped_data_path("names/orange_book_products.tsv.gz"))
    )
    engine = InteractionEngine(knowledge=InteractionKnowledge.from_labels(labels, catalog), catalog=catalog)
    print(f"knowledge built from {len(labels)} labels in {time.perf_counter() - started:.1f} s")
    scores = score_pairs(engine, _read_rows(args.data), show=args.show)
    tp, fp, fn, tn, unresolved = (scores[k] for k in ("tp", "fp", "fn", "tn", "unresolved"))
    precision, recall, f1 = scores["precision"], scores["recall"], scores["f1"]
    fps, fns = scores["false_positives"], scores["false_negatives"]
    print(f"pairs counted in both directions: tp={tp} fp={fp} fn={fn} tn={tn} (unresolved names: {unresolved})")
    print(f"precision={precision:.3f} recall={recall:.3f} F1={f1:.3f}")
    for title, items in (("false positives", fps[::2]), ("false negatives", fns[::2])):
        if items:
            print(f"\n{title}:")
            for item in items:
                print(" -", item)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
