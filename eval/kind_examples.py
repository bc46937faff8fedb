"""Write the question-kind model's examples (`pharmabot/data/questions/kind_examples.jsonl`) from the coverage set.

Usage: python eval/kind_examples.py

Only half A of `eval/data/question_kinds.jsonl` is shipped as examples: half B stays a check on phrasings the model
never learned from (`eval/question_kinds.py` scores both). Each coverage kind becomes the reader's kind that answers
it (`READER_KINDS`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from question_kinds import DATA, rows_of  # noqa: E402

from pharmabot.retrieval.kind_model import EXAMPLES, READER_KINDS  # noqa: E402


def examples(rows: list[dict[str, Any]]) -> str:
    """The shipped file's text: half A's rows as {question, kind, drug}, in the coverage set's order."""
    lines = [
        json.dumps({"question": row["question"], "kind": READER_KINDS[row["kind"]], "drug": row.get("drug", "")})
        for row in rows
        if row["half"] == "A"
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    EXAMPLES.parent.mkdir(parents=True, exist_ok=True)
    EXAMPLES.write_text(examples(rows_of(DATA)), encoding="utf-8")
    print(f"wrote {EXAMPLES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
