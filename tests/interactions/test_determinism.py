"""The same medicines give the same report in every process, whatever its hash seed.

Python randomises the order of sets of strings per process; a report built by walking a set and ranking with ties
would quote different sentences first from one run (or worker) to the next. Two real interpreters with different
seeds must agree byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import hashlib
from itertools import combinations
from pharmabot.interactions.engine import InteractionEngine
from pharmabot.interactions.knowledge import InteractionKnowledge
from tests.support.labels import DEFAULT_TEST_DRUGS, catalog_for, labels_for

knowledge = InteractionKnowledge.from_labels(labels_for(DEFAULT_TEST_DRUGS), catalog_for(DEFAULT_TEST_DRUGS))
engine = InteractionEngine(knowledge=knowledge, catalog=catalog_for(DEFAULT_TEST_DRUGS))
digest = hashlib.sha256()
for a, b in combinations(DEFAULT_TEST_DRUGS, 2):
    digest.update(engine.check(drugs=[a, b]).model_dump_json().encode())
digest.update(engine.check(drugs=list(DEFAULT_TEST_DRUGS)).model_dump_json().encode())
print(digest.hexdigest())
"""


def _report_digest(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout.strip()


def test_reports_do_not_depend_on_the_hash_seed() -> None:
    assert _report_digest("1") == _report_digest("2")
