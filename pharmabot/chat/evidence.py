"""Which of an interaction's label sentences a chat answer quotes first.

The engine gives every label sentence behind a pair, in its own order of strength of evidence; a consumer
who asked "can I take X with Y" is answered best by the sentence of X's own label that names Y (or Y's
class) and says what happens, at the severity the answer states. The engine's findings and severity are
not changed: only which of its sentences is quoted, and in what order they are cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pharmabot.schemas.interactions import EvidenceItem

# What a label's interaction sentence says happens when the two are taken together. 21 CFR 201.57(c)(8)
# asks the Drug Interactions section for the clinically significant interactions and then the practical
# instructions for preventing or managing them; the first half is worded with these verbs ("may result in
# deterioration of renal function", "was shown to potentiate the hypotensive effect", "increases exposure"),
# the second with monitoring and dose words ("Monitor renal function periodically"), which say what to do
# without saying why. A contraindication states its own reason by being one, so it counts as saying it.
STATES_EFFECT = re.compile(
    r"\b(?:potentiat\w*|increas\w*|decreas\w*|reduc\w*|enhanc\w*|prolong\w*|inhibit\w*|induc\w*|elevat\w*"
    r"|lower\w*|rais\w*|intensif\w*|amplif\w*|risk|toxicity|result(?:s|ed)? in|lead(?:s)? to|cause[sd]?"
    r"|(?:may|can|could) (?:occur|develop)|deteriorat\w*|loss of|serious|fatal|death)\b",
    re.IGNORECASE,
)
CONTRAINDICATES = re.compile(r"\bcontraindicated\b|\bdo not (?:use|take|administer)\b|\bnot be used\b", re.IGNORECASE)


def quoted_first(evidence: Sequence[EvidenceItem], *, severity: str, asked: Sequence[str]) -> list[EvidenceItem]:
    """EVIDENCE in the order an answer cites it: the sentence to quote first.

    First the sentences that state the interaction itself (not a property of one drug it is inferred from),
    then a sentence that says what happens over one that only says what to do or lists who is more at risk
    (a boxed warning's bullet "concomitant use of drugs that affect hemostasis" names the risk, not what it
    is), then those at the severity the answer gives, then the label of the drug the question is about (the
    first it names: "can I take advil with ramipril" asks about advil); the engine's order breaks ties.
    """
    subject = asked[0] if asked else ""

    def key(item: tuple[int, EvidenceItem]) -> tuple[int, int, int, int, int]:
        position, found = item
        says = bool(STATES_EFFECT.search(found.quote) or CONTRAINDICATES.search(found.quote))
        return (
            int(found.kind != "interaction"),
            int(not says),
            int(found.severity != severity),
            int(found.label_drug != subject),
            position,
        )

    return [found for _, found in sorted(enumerate(evidence), key=key)]
