"""Does a static-embedding similarity help sentence choice? The answer selector's score alone vs fused with wordllama.

Usage: python eval/semantic_sentences.py [DEV_DIR] --variant NAME --weight W [--weight W ...] [--reveal]
       python eval/semantic_sentences.py DEV_DIR --cost

The extractive writer quotes the best-scored candidate sentences of the passages it is given
(`pharmabot.answer.selection.rank`). Here that ranking is wrapped so that the cosine between the question
and each candidate, in wordllama's 256-dimension static model (shipped inside its wheel: loaded from the
package folder, downloads disabled), is ONE more feature next to the existing score, in one of three ways:

- `rrf`: reciprocal rank fusion (Cormack et al., SIGIR 2009) of the selector's ranking with the cosine
  ranking of the same candidates, 1/(k + rank) + W/(k + cosine rank), k = 60; the scores the selector's
  cut-offs use are left as they were;
- `bonus`: W x cosine added to every candidate's score (the candidates are those the selector's rules allow);
- `tiebreak`: W x the cosine rescaled to 0..1 among one question's candidates, so it can only reorder
  candidates whose scores are less than W apart.

Every set of eval/answers.py (the development set when DEV_DIR is given, and the project's five own sets)
goes through the real chat path, as there. The halves are those of eval/answers.py (even rows A, odd rows B).
Without `--reveal` only the A halves are printed, so a variant's weight is fixed from them; `--reveal` prints
the B halves too, with drug hit@1 and section hit@3 of the search API (which selection does not touch) —
run it once per variant, with the weight the A halves chose. `--cost` measures the model's load time and
memory and the time to embed each question's candidates (no cache), over the development set.

wordllama is not a dependency of PharmaBot (install it to run this: `pip install wordllama`): it would be
used in the product only if these figures showed it helps.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from answers import FRESH, FRESH2, FRESH3, FRESH4, FRESH5, answer_rows, half_of, rows_of, score_answers  # noqa: E402
from retrieval import score_questions  # noqa: E402
from semantic import load_model  # noqa: E402

from pharmabot.answer import selection  # noqa: E402
from pharmabot.answer.base import Passage  # noqa: E402
from pharmabot.answer.selection import Question, Scored  # noqa: E402
from pharmabot.ingest import ensure_index  # noqa: E402
from pharmabot.knowledge.index import KnowledgeBase  # noqa: E402
from pharmabot.retrieval.local import LocalRetriever  # noqa: E402

RRF_K = 60
VARIANTS = ("baseline", "rrf", "bonus", "tiebreak")
Rank = Callable[[Sequence[Passage], Question], list[Scored]]


class Embedder:
    """The question and its candidates' cosines; a sentence's vector is kept once computed (as the product would)."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.vectors: dict[str, Any] = {}

    def cosines(self, question: str, sentences: list[str]) -> list[float]:
        new = [s for s in dict.fromkeys(sentences) if s not in self.vectors]
        if new:
            for sentence, vector in zip(new, self.model.embed(new, norm=True), strict=True):
                self.vectors[sentence] = vector
        asked = self.model.embed([question], norm=True)[0]
        return [float(self.vectors[s] @ asked) for s in sentences]


def fused_rank(original: Rank, embedder: Embedder, variant: str, weight: float) -> Rank:
    """The selector's `rank` with the cosine fused in as VARIANT says, with WEIGHT."""

    def rank(passages: Sequence[Passage], question: Question) -> list[Scored]:
        ranked = original(passages, question)
        if variant == "baseline" or len(ranked) < 2:
            return ranked
        cosine = embedder.cosines(question.text, [item.candidate.text for item in ranked])
        if variant == "rrf":
            by_cosine = sorted(range(len(ranked)), key=lambda i: (-cosine[i], i))
            cosine_place = {i: place for place, i in enumerate(by_cosine, start=1)}
            fused = {i: 1 / (RRF_K + i + 1) + weight / (RRF_K + cosine_place[i]) for i in range(len(ranked))}
            return [ranked[i] for i in sorted(fused, key=lambda i: (-fused[i], i))]
        if variant == "bonus":
            added = cosine
        else:  # tiebreak
            low, high = min(cosine), max(cosine)
            added = [(c - low) / (high - low) if high > low else 0.0 for c in cosine]
        pairs = zip(ranked, added, strict=True)
        rescored = [dataclasses.replace(item, score=item.score + weight * extra) for item, extra in pairs]
        rescored.sort(key=lambda s: (-s.score, s.candidate.index, s.candidate.position))
        return rescored

    return rank


def answer_sets(dev_dir: Path | None) -> dict[str, list[dict[str, Any]]]:
    sets = {}
    if dev_dir is not None:
        sets["answers_dev"] = rows_of(dev_dir / "answers_dev.jsonl")
    for path in (FRESH, FRESH2, FRESH3, FRESH4, FRESH5):
        sets[path.stem] = rows_of(path)
    return sets


@dataclasses.dataclass
class Run:
    """Key-fact counts per set and half, and every answer given (to count how many a variant changed)."""

    key_facts: dict[str, dict[str, tuple[int, int]]]
    answers: dict[str, list[str]]


def run_sets(index: Path, sets: dict[str, list[dict[str, Any]]]) -> Run:
    run = Run({}, {})
    for name, rows in sets.items():
        asked = asyncio.run(answer_rows(index, rows))
        halves = score_answers(rows, asked)["by_half"]
        run.key_facts[name] = {half: (sum(halves[half]), len(halves[half])) for half in "AB"}
        run.answers[name] = [a.answer for a in asked]
    return run


def changed(run: Run, baseline: Run, half: str) -> int:
    """How many answers of HALF (answerable or not) differ from the selector's own: a count, never the rows."""
    return sum(
        a != b
        for name, answers in run.answers.items()
        for position, (a, b) in enumerate(zip(answers, baseline.answers[name], strict=True))
        if half_of(position) == half
    )


def measure_cost(index: Path, dev_dir: Path) -> None:
    """Model load time and memory; embedding time of each dev question's candidates with nothing cached."""
    rss_before = _rss_mb()
    started = time.perf_counter()
    model = load_model()
    load_seconds = time.perf_counter() - started
    model.embed(["warm up"], norm=True)
    rss_after = _rss_mb()
    original = selection.rank
    timings: list[float] = []
    cached: list[float] = []
    counts: list[int] = []
    seen: set[str] = set()
    embedder = Embedder(model)  # keeps every sentence's vector, as a cache of a chunk's sentences would

    def timed(passages: Sequence[Passage], question: Question) -> list[Scored]:
        ranked = original(passages, question)
        if question.text not in seen:  # the first ranking of a turn; a cache would serve the second
            seen.add(question.text)
            t0 = time.perf_counter()
            vectors = model.embed([question.text, *(item.candidate.text for item in ranked)], norm=True)
            _ = vectors[1:] @ vectors[0]
            timings.append((time.perf_counter() - t0) * 1000)
            counts.append(len(ranked))
            t0 = time.perf_counter()
            embedder.cosines(question.text, [item.candidate.text for item in ranked])
            cached.append((time.perf_counter() - t0) * 1000)
        return ranked

    selection.rank = timed
    try:
        rows = rows_of(dev_dir / "answers_dev.jsonl")
        asyncio.run(answer_rows(index, rows))
    finally:
        selection.rank = original
    counts.sort()
    n = len(timings)
    memory = f"RSS {rss_before:.0f} MB before, {rss_after:.0f} MB after"
    print(f"model load {load_seconds:.2f} s (with its import); {memory}")
    print(f"{n} questions reached the writer; candidates per question p50 {counts[n // 2]}, max {counts[-1]}")
    for label, values in (("nothing cached", timings), ("sentences of earlier questions cached", cached)):
        values.sort()
        print(
            f"embedding + cosine, {label}: p50 {values[n // 2]:.2f} ms,"
            f" p95 {values[min(n - 1, int(n * 0.95))]:.2f} ms, max {values[-1]:.2f} ms"
        )


def _rss_mb() -> float:
    """Resident memory now (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_dir", type=Path, nargs="?", help="folder of the development sets (optional)")
    parser.add_argument("--index", type=Path, default=ROOT / ".data" / "labels-index.sqlite")
    parser.add_argument("--variant", choices=VARIANTS, default="baseline")
    parser.add_argument("--weight", type=float, action="append", help="one run per weight (default 1.0)")
    parser.add_argument("--reveal", action="store_true", help="print the B halves and the retrieval figures too")
    parser.add_argument("--cost", action="store_true", help="measure load time, memory and embedding time only")
    args = parser.parse_args(argv)
    ensure_index(index_path=args.index, progress=True)
    if args.cost:
        if args.dev_dir is None:
            parser.error("--cost needs DEV_DIR")
        measure_cost(args.index, args.dev_dir)
        return 0
    sets = answer_sets(args.dev_dir)
    embedder = Embedder(load_model()) if args.variant != "baseline" else None
    original = selection.rank
    halves = "AB" if args.reveal else "A"
    baseline = run_sets(args.index, sets)
    columns = [f"{name} {h}" for h in halves for name in sets] + [f"sum {h}" for h in halves]
    columns += [f"answers changed {h}" for h in halves]
    print(f"| variant | weight | {' | '.join(columns)} |")
    print("|---|---:|" + "---:|" * len(columns))
    for weight in args.weight or [1.0]:
        if embedder is None:
            run = baseline
        else:
            selection.rank = fused_rank(original, embedder, args.variant, weight)
            try:
                run = run_sets(args.index, sets)
            finally:
                selection.rank = original
        cells = [f"{run.key_facts[name][h][0]}/{run.key_facts[name][h][1]}" for h in halves for name in sets]
        cells += [str(sum(run.key_facts[name][h][0] for name in sets)) for h in halves]
        cells += [str(changed(run, baseline, h)) for h in halves]
        print(f"| {args.variant} | {weight:g} | {' | '.join(cells)} |", flush=True)
    if args.reveal and args.dev_dir is not None:
        kb = KnowledgeBase.open(args.index)
        retriever = LocalRetriever(index_path=args.index, catalog=kb.lazy_catalog)
        scored = score_questions(kb, retriever, rows_of(args.dev_dir / "medicationqa_dev.jsonl"))
        kb.close()
        print(
            f"\ndrug hit@1 {scored['drug_hit_at_1']:.3f} ({scored['drug_hits']}/{scored['rows']}),"
            f" section hit@3 {scored['section_hit_at_3']:.3f} ({scored['section_hits']}/{scored['section_rows']})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
