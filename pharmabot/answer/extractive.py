"""The extractive answer writer: no model, deterministic, composed from label sentences.

It writes a lead sentence for the question, then the few label sentences that best answer it
(patient-leaflet wording first when the label has it), each with its [n] citation mark, then the
standard safety footer. Interaction answers come from the engine's findings only.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass

from pharmabot.answer.base import SAFETY_FOOTER, AnswerContext, Finding, Intent, Passage
from pharmabot.knowledge.labels import PATIENT_SECTIONS, SECTION_TITLES

# Sentence ends; patient leaflets flattened by openFDA also lose the stop before their headings and
# stock openings ("...or stroke Common side effects of X include..."), so those start a sentence too.
_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z(\"'•])"
    r"|(?<=[a-z)])\s+(?=(?:The most common|Common side effects|Serious side effects|The most important|"
    r"Tell your|Call your|What (?:is|are|should)|How should|Who should|Do not|Before (?:taking|you take))\b)"
)
_WORD = re.compile(r"[a-z][a-z\-]{2,}")
_STOPWORDS = frozenset(
    """the and for are with what does can how you your this that have has from into about when will not
    was were which who why should could would there their they them its it's also any all may more most
    take taking use used using drug drugs medicine medicines medication medications pill pills tablet
    tablets""".split()
)
# Label sentences that tell the reader to stop a medicine are left out: PharmaBot never tells
# anyone to stop one (the footer sends them to their prescriber instead).
_STOP_ADVICE = re.compile(r"\b(stop(ped|ping)? (taking|using|treatment)|discontinu\w*|interrupt\w*)\b", re.IGNORECASE)
# Table debris, cross-references and headings do not read as an answer.
_NOT_PROSE = re.compile(
    r"(\|)|(?-i:^[A-Z0-9 ,/&-]{12,}$)|(\b(are|is) (listed|shown|summarized) in (table|figure))"
    r"|to report suspected adverse reactions|1-800-fda-1088|medwatch|widely varying conditions"
    r"|see (the )?(full prescribing information|table|figure|section)|\bcontact [a-z ,.]+ at 1-\d"
    r"|^see\b|\bNDC\b|^table \d|manufactured (for|by)|distributed by|\brevised:",
    re.IGNORECASE,
)
# Subsection numbers and highlight markers at the start of a sentence ("( 5.2 )", "6.1 ").
_NUMBERING = re.compile(r"^(\(\s*\d+(\.\d+)*\s*\)|\d+(\.\d+)*)\s+")
# Section headings run into the first sentence of a section ("1 INDICATIONS AND USAGE Naproxen is...").
_HEADING = re.compile(
    r"^(?:"
    + "|".join(
        sorted(
            (re.escape(t) for t in {*SECTION_TITLES.values(), "INDICATIONS", "MEDICATION GUIDE"}), key=len, reverse=True
        )
    )
    + r")\b[:\s]*",
    re.IGNORECASE,
)
# Cross-references to label subsections: "( 2.1 )", "(5.2, 5.3)".
_SUBSECTION_REF = re.compile(r"\s*\(\s*\d+(\.\d+)*(\s*,\s*\d+(\.\d+)*)*\s*\)")
_SEE_REF = re.compile(r"\s*[\[(]see [^\])]*[\])]", re.IGNORECASE)

# Words that make a sentence about a section's topic.
_SECTION_CUES: dict[str, tuple[str, ...]] = {
    "adverse_reactions": ("most common", "common side effects", "side effect", "include", "reported"),
    "indications_and_usage": ("indicated", "used to", "treat", "treatment of", "used for", "prescription medicine"),
    "dosage_and_administration": ("dose", "dosage", "mg", "daily", "once", "twice", "recommended", "take"),
    "contraindications": ("contraindicated", "do not take", "do not use", "hypersensitivity", "allergic"),
    "drug_interactions": ("interact", "concomitant", "avoid", "increase", "decrease", "alcohol", "together"),
    "use_in_specific_populations": ("pregnan", "breast", "lactation", "fetal", "nursing", "milk"),
    "pregnancy": ("pregnan", "fetal", "birth"),
    "overdosage": ("overdose", "overdosage", "symptoms", "poison"),
    "boxed_warning": ("warning", "risk", "serious", "death"),
    "warnings_and_cautions": ("risk", "serious", "may cause", "monitor"),
}

_LEADS: dict[str, str] = {
    "adverse_reactions": "The FDA label for {drug} lists these side effects",
    "indications_and_usage": "According to its FDA label, {drug} is used as follows",
    "dosage_and_administration": "Here is how the FDA label for {drug} describes its dosing",
    "contraindications": "The FDA label for {drug} says it should not be used in these cases",
    "drug_interactions": "Here is what the FDA label for {drug} says about interactions",
    "use_in_specific_populations": "Here is what the FDA label for {drug} says about pregnancy and breastfeeding",
    "pregnancy": "Here is what the FDA label for {drug} says about pregnancy",
    "overdosage": "Here is what the FDA label for {drug} says about overdose",
    "boxed_warning": "The FDA label for {drug} carries this boxed warning",
    "warnings_and_cautions": "The FDA label for {drug} gives these warnings",
}

DOSING_REFERRAL = (
    "The right dose for you depends on things only your prescriber or pharmacist can weigh (age, "
    "weight, kidney and liver function, other medicines), so please ask them before taking or "
    "changing a dose."
)
NO_PASSAGES = (
    "I could not find that in the FDA labels I have for {drugs}. Your pharmacist can answer it, and the "
    "full label is on DailyMed."
)
UNCITED_FOOTER = SAFETY_FOOTER.replace("comes from the FDA drug labels cited above and ", "")
MAX_POINTS = 4
MAX_SENTENCE_CHARS = 320


@dataclass(frozen=True)
class _Sentence:
    text: str
    index: int  # the passage's citation number
    section_key: str
    position: int


def split_sentences(text: str) -> list[str]:
    """Sentences of run-on label text (openFDA has no paragraph breaks); "include:" keeps its list."""
    sentences: list[str] = []
    for part in (s.strip() for s in _SENTENCE_END.split(text)):
        if not part:
            continue
        if sentences and sentences[-1].endswith(":"):
            sentences[-1] = f"{sentences[-1]} {part}"
        else:
            sentences.append(part)
    return sentences


def _clean(sentence: str) -> str:
    sentence = _SUBSECTION_REF.sub("", _SEE_REF.sub("", sentence)).strip()
    # Headings nest ("8 USE IN SPECIFIC POPULATIONS 8.4 Pediatric Use ..."): peel them until none is left.
    for _ in range(4):
        peeled = _HEADING.sub("", _NUMBERING.sub("", sentence)).strip()
        if peeled == sentence:
            break
        sentence = peeled
    # A section whose heading held the sentence's start (", ask a health professional before use.").
    sentence = sentence.lstrip(",;:-–• ")
    sentence = sentence[:1].upper() + sentence[1:]
    if len(sentence) > MAX_SENTENCE_CHARS:
        cut = sentence[:MAX_SENTENCE_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
        sentence = cut + "…"
    return sentence


def _terms(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS}


def _candidates(passages: Sequence[Passage]) -> Iterable[_Sentence]:
    for passage in passages:
        for position, raw in enumerate(split_sentences(passage.text)):
            text = _clean(raw)
            if len(text) < 30 or _STOP_ADVICE.search(text) or _NOT_PROSE.search(text):
                continue
            yield _Sentence(text, passage.citation.index, passage.section_key, position)


def select_sentences(context: AnswerContext, *, limit: int = MAX_POINTS) -> list[_Sentence]:
    """The label sentences that best answer the question, in a stable, deterministic order."""
    query_terms = _terms(context.question) - {d for drug in context.drugs for d in drug.split()}
    cues = [cue for key in context.section_keys for cue in _SECTION_CUES.get(key, ())]
    wanted = set(context.section_keys)
    scored = []
    for sentence in _candidates(context.passages):
        lowered = sentence.text.lower()
        score = 2.0 * len(query_terms & _terms(lowered))
        score += sum(1.0 for cue in cues if cue in lowered)
        score += 1.5 if sentence.section_key in wanted else 0.0
        score += 1.0 if sentence.section_key in PATIENT_SECTIONS else 0.0
        score -= 0.15 * sentence.position  # labels state the main point first
        scored.append((score, sentence))
    scored.sort(key=lambda item: (-item[0], item[1].index, item[1].position))
    chosen: list[_Sentence] = []
    seen: list[set[str]] = []
    for _, sentence in scored:
        terms = _terms(sentence.text)
        # Skip near-repeats (labels often state a point in the highlights and again in full).
        if any(len(terms & other) >= 0.7 * max(len(terms), 1) for other in seen):
            continue
        chosen.append(sentence)
        seen.append(terms)
        if len(chosen) == limit:
            break
    chosen.sort(key=lambda s: (s.index, s.position))
    return chosen


def _drug_names(drugs: Sequence[str]) -> str:
    if not drugs:
        return "this medicine"
    if len(drugs) == 1:
        return drugs[0]
    return ", ".join(drugs[:-1]) + " and " + drugs[-1]


def _finding_line(finding: Finding) -> str:
    marks = "".join(f"[{i}]" for i in dict.fromkeys(finding.citation_indexes))
    line = f"- {finding.severity.capitalize()}: {finding.summary.rstrip('.')}.{' ' + marks if marks else ''}"
    if finding.quote:
        line += f' The label says: "{_clean(finding.quote).rstrip(".")}."'

    if finding.management:
        line += f" What the label advises: {finding.management.rstrip('.')}."
    return line


def compose(context: AnswerContext) -> str:
    """The whole extractive answer as text: lead, key points, referral, footer."""
    drugs = _drug_names(context.drugs)
    blocks: list[str] = []
    points: list[str] = []
    if context.intent is Intent.interaction and len(context.drugs) >= 2:
        if context.findings:
            count = len(context.findings)
            noun = "interaction" if count == 1 else "interactions"
            blocks.append(f"I found {count} {noun} between {drugs} in the FDA labels and interaction rule lists:")
            points.extend(_finding_line(f) for f in context.findings)
        else:
            checked = "; ".join(context.sources_checked) or "the FDA labels"
            blocks.append(
                f"I found no interaction between {drugs} in these sources: {checked}. Not finding one is not "
                "proof of safety; your pharmacist can check your full list."
            )
        points.extend(f"- {note}" for note in context.notes)
    else:
        # A label sentence already quoted in an engine note is not repeated as a point.
        sentences = [s for s in select_sentences(context) if not any(s.text[:80] in note for note in context.notes)]
        # The lead names the section the chosen sentences mostly come from, not just the one asked for.
        # Patient leaflets speak to whatever was asked, so they keep the asked section's lead.
        counts = Counter(s.section_key for s in sentences)
        leaflet = any(key in PATIENT_SECTIONS for key in counts)
        asked = [k for k in context.section_keys if k in _LEADS and (counts.get(k) or leaflet)]
        section = next(iter(asked), None) or next((k for k, _ in counts.most_common() if k in _LEADS), None)
        if context.intent is Intent.interaction and context.notes:
            blocks.append(f"Here is what the FDA label for {drugs} says:")
            points.extend(f"- {note}" for note in context.notes)
        elif sentences:
            lead = _LEADS.get(section or "", "Here is what the FDA label for {drug} says")
            blocks.append(lead.format(drug=drugs) + ":")
        points.extend(f"- {s.text} [{s.index}]" for s in sentences)
        if not blocks and not points:
            blocks.append(NO_PASSAGES.format(drugs=drugs))
    if points:
        blocks.append("\n".join(points))
    if context.intent is Intent.dosing:
        blocks.append(DOSING_REFERRAL)
    blocks.append(SAFETY_FOOTER if context.passages else UNCITED_FOOTER)
    return "\n\n".join(blocks)


class ExtractiveWriter:
    """Composes answers from the context alone; streams them word by word like a model would."""

    name = "extractive"

    async def stream(self, context: AnswerContext) -> AsyncIterator[str]:
        text = compose(context)
        for match in re.finditer(r"\S+\s*", text):
            yield match.group()
            # Give the event loop a turn so every word goes out as it is produced.
            await asyncio.sleep(0)

    async def check(self) -> None:
        return None

    async def close(self) -> None:
        return None
