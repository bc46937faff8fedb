"""The extractive answer writer: no model, deterministic, composed from label sentences.

It opens with the one label sentence that best answers the question (`pharmabot.answer.selection`),
naming the label it comes from, then up to three more that support it, each with its [n] citation
mark; then a referral where the question is about a personal dose or stopping, and the standard
safety footer. When no sentence answers the question it says so and shows the closest label text;
a kind of question labels do not cover is told so. Interaction answers come from the engine's
findings only.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Sequence

from pharmabot.answer.base import SAFETY_FOOTER, AnswerContext, Finding, Intent, after_level, number_by_mention
from pharmabot.answer.drug_facts import BULLET, directions_lines
from pharmabot.answer.poison_help import POISON_HELP
from pharmabot.answer.selection import (
    AGE_GROUP,
    Question,
    Scored,
    clean_sentence,
    question_of,
    says_none,
    select,
    split_sentences,
)
from pharmabot.text import spoken_list

__all__ = ["DOSING_REFERRAL", "ExtractiveWriter", "compose", "split_sentences"]

DOSING_REFERRAL = (
    "The right dose for you depends on things only your prescriber or pharmacist can weigh (age, "
    "weight, kidney and liver function, other medicines), so please ask them before taking or "
    "changing a dose."
)
NO_PASSAGES = (
    "I could not find that in the FDA labels I have for {drugs}. Your pharmacist can answer it, and the "
    "full label is on DailyMed."
)
# Someone who has taken more than they should is a possible poisoning: Poison Help (HRSA; America's Poison Centers)
# answers for free, day and night, and most such calls are handled at home. The red flags route emergencies first.
TOOK_TOO_MUCH = (
    f"If you have taken more than you should, call Poison Help at {POISON_HELP} now (free and confidential, day and "
    "night): they will tell you what to do. If someone has trouble breathing, has a seizure, collapses or cannot be "
    "woken up, call 911."
)
_TOOK = re.compile(
    r"\b(?:took|taken|swallowed|had|ate|gave|given)\b|\bby (?:mistake|accident)\b|\baccidentally\b", re.IGNORECASE
)
STOPPING_REFERRAL = (
    "Please talk to your prescriber before stopping or lowering a medicine: they can plan how to do it safely."
)
UNSUPPORTED = "FDA drug labels don't cover {topic}; your pharmacist can help with that."
# A time to peak blood levels answers "how long until it works" only for a medicine whose effect follows its level
# (a pain reliever); for an antidepressant it is days or weeks apart. The answer says which one the label gives.
LEVEL_NOT_EFFECT = (
    "The FDA label for {drugs} does not say how soon it starts to help; it says how fast it reaches its highest "
    "level in the blood, which is not the same thing: {text} [{index}]"
)
_BLOOD_LEVEL = re.compile(
    r"\b(?:plasma|serum|blood) (?:concentrations?|levels?)\b|\bC ?max\b|\bT ?max\b|\bpeak (?:plasma |serum )?"
    r"concentrations?\b|\babsorbed\b",
    re.IGNORECASE,
)
NOT_DIRECT = (
    "I could not find a sentence in the FDA label for {drugs} that answers this directly. The closest label text:"
)
# Many labels' Contraindications section (21 CFR 201.57(c)(5)) reads "None": the label says so, and that is no
# promise the medicine suits everyone.
NONE_LISTED = (
    'The FDA label for {drugs} lists no contraindications: its Contraindications section says "None" [{index}]. '
    "That does not make it right for everyone: its warnings say who needs care, and your prescriber or pharmacist "
    "can tell whether it suits you."
)
UNCITED_FOOTER = SAFETY_FOOTER.replace("comes from the FDA drug labels cited above and ", "")
MAX_POINTS = 4


def _drug_names(drugs: Sequence[str]) -> str:
    if not drugs:
        return "this medicine"
    return spoken_list(drugs)


def _finding_line(finding: Finding) -> str:
    marks = "".join(f"[{i}]" for i in dict.fromkeys(finding.citation_indexes))
    line = f"- {finding.severity.capitalize()}: {after_level(finding.summary)}.{' ' + marks if marks else ''}"
    if finding.quote:
        # The engine's summary names one label; the quote may be the other's, so it says whose it is.
        whose = f"The {finding.quote_label} label" if finding.quote_label else "The label"
        line += f' {whose} says: "{clean_sentence(finding.quote).rstrip(".")}."'
    if finding.management:
        # The advice may come from a rule list when no label states the pair, so it is not called "the label's".
        line += f" What to do: {finding.management.rstrip('.')}."
    return line


def _point(item: Scored) -> str:
    return f"- {_inline_list(item.candidate.text)} [{item.candidate.index}]"


def _inline_list(text: str) -> str:
    """A Drug Facts list flattened onto one line ("Uses relieves: ■ sneezing ■ runny nose") as a sentence reads it
    ("Uses relieves: sneezing; runny nose"); text with no bullet marks is returned as it is."""
    parts = [part.strip() for part in BULLET.split(text) if part.strip()]
    if len(parts) < 2:
        return text
    if not BULLET.match(text) and not parts[0].endswith(":"):
        parts[0] += ":"
    out = parts[0]
    for part in parts[1:]:
        out += (" " if out.endswith(":") else "; ") + part  # a lead-in inside the list keeps its own items
    return out


def _sentence_blocks(context: AnswerContext, question: Question, drugs: str) -> list[str]:
    """The answer sentence first, then what supports it; or an honest "not in the label"."""
    lead = question.lead
    # A label sentence already quoted in an engine note is not repeated.
    chosen = [
        s
        for s in select(context.passages, question, limit=MAX_POINTS)
        if not any(s.candidate.text[:80] in note for note in context.notes)
        # The directions row for the child's age already opens the answer: other age groups' rows are not for them.
        and not (context.preface and s.candidate.row and AGE_GROUP.match(s.candidate.text))
    ]
    blocks: list[str] = []
    if lead is not None and not lead.supported:
        blocks.append(UNSUPPORTED.format(topic=lead.topic))
        # Only a kind with label wording of its own (pronunciation, comparisons) gets label sentences here.
        useful = [s for s in chosen if s.answers][:2] if lead.cues is not None else []
        if len(context.drugs) > 1 and lead.cues is not None:  # comparisons: what each label says, side by side
            useful = _best_per_drug(context, question)
        if useful:
            blocks.append(f"Here is what the FDA label for {drugs} says that may help:")
            blocks.append("\n".join(_point(s) for s in useful))
        return blocks
    if context.intent is Intent.interaction and context.notes:
        blocks.append(f"Here is what the FDA label for {drugs} says:")
        blocks.append("\n".join([*(f"- {note}" for note in context.notes), *(_point(s) for s in chosen[:2])]))
        return blocks
    if not chosen:
        return blocks
    best, support = chosen[0], chosen[1:]
    none_listed = _no_contraindications(context) if lead is not None and lead.name == "contraindications" else None
    if not best.answers and none_listed is not None:
        blocks.append(NONE_LISTED.format(drugs=drugs, index=none_listed))
        closest = [s for s in chosen if s.answers and not says_none(s.candidate.text)][:2]
        if closest:
            blocks.append("More from the label:\n" + "\n".join(_point(s) for s in closest))
        return blocks
    if not best.answers:
        blocks.append(NOT_DIRECT.format(drugs=drugs))
        blocks.append("\n".join(_point(s) for s in chosen[:2]))
        return blocks
    text, index = best.candidate.text, best.candidate.index
    label = next((p.citation.drug_name for p in context.passages if p.citation.index == index), "")
    form = _form_of(context, index)
    if label and label not in context.drugs:  # the drug has no label of its own: a product containing it
        drugs = f"{label}{form}, a product that contains {drugs}"
    elif label and len(context.drugs) > 1:  # several labels were read: name the one quoted
        drugs = label + form
    else:
        drugs += form
    lines = directions_lines(text, section_key=best.candidate.section_key)
    if lead is not None and lead.name == "onset" and _level_only(text, lead.strong):
        blocks.append(LEVEL_NOT_EFFECT.format(drugs=drugs, text=text, index=index))
    elif lines:  # a flattened Drug Facts Directions panel reads as its items, never as one run-on sentence
        blocks.append(
            f"The Drug Facts directions on the FDA label for {drugs} [{index}]:\n"
            + "\n".join(f"- {line}" for line in lines)
        )
    else:
        blocks.append(f"From the FDA label for {drugs}: {_inline_list(text)} [{index}]")
    if support:
        blocks.append("More from the label:\n" + "\n".join(_support_point(s, best, context) for s in support))
    return blocks


# How a label's routes (openFDA's route of administration terms, from the FDA SPL route list) read to someone who
# would take a medicine by mouth unless told otherwise. A route missing here is shown in lower case.
ROUTE_WORDS: dict[str, str] = {
    "TOPICAL": "used on the skin (topical)",
    "CUTANEOUS": "used on the skin (cutaneous)",
    "TRANSDERMAL": "a skin patch (transdermal)",
    "OPHTHALMIC": "used in the eye (ophthalmic)",
    "AURICULAR (OTIC)": "used in the ear (otic)",
    "NASAL": "used in the nose (nasal)",
    "RESPIRATORY (INHALATION)": "inhaled",
    "SUBLINGUAL": "dissolved under the tongue (sublingual)",
    "VAGINAL": "used in the vagina (vaginal)",
    "RECTAL": "used in the rectum (rectal)",
}
# Routes given with a needle: a label with several of them (intravenous and subcutaneous insulin) is "an injection".
INJECTION_ROUTES = frozenset(
    """INTRAVENOUS SUBCUTANEOUS INTRAMUSCULAR INTRADERMAL INTRAVITREAL INTRAOCULAR INTRATHECAL EPIDURAL INTRAVASCULAR
    INTRA-ARTERIAL INTRA-ARTICULAR INTRALESIONAL INFILTRATION PERINEURAL INTRACAUDAL RETROBULBAR INTRALYMPHATIC
    INTRAPERITONEAL SUBMUCOSAL""".split()
)
# Words by which a question names a form not taken by mouth: then it knows the form, and the answer need not say it.
_FORM_NAMED = re.compile(
    r"\b(?:topical\w*|skin|creams?|lotions?|ointments?|gels?|patch(?:es)?|eyes?|ophthalmic|drops?|ears?|otic|nos(?:e|al)"
    r"|sprays?|inhal\w*|puffs?|sublingual|tongue|vagina\w*|rectal\w*|suppositor\w*|inject\w*|shots?|iv"
    r"|intravenous\w*|infusions?|intramuscular\w*|subcutaneous\w*|vials?|pens?|syringes?|needles?|drips?)\b",
    re.IGNORECASE,
)


def _form_of(context: AnswerContext, index: int) -> str:
    """How the product quoted at INDEX is used, when it is not taken by mouth and the question did not say so.

    A drug whose only label is a lotion or an injection answers a question about "ivermectin" from that
    product; naming its form keeps a reader from taking the lotion's directions for the tablets'.
    """
    routes = next((p.routes for p in context.passages if p.citation.index == index), ())
    if not routes or "ORAL" in routes or _FORM_NAMED.search(context.question):
        return ""
    needle = [r.lower() for r in routes if r in INJECTION_ROUTES]
    words = [ROUTE_WORDS.get(r, r.lower()) for r in routes if r not in INJECTION_ROUTES]
    if needle:
        words.insert(0, f"an injection ({' or '.join(needle)})")
    return ", " + " or ".join(words[:3])


def _support_point(item: Scored, lead: Scored, context: AnswerContext) -> str:
    """A supporting point; one from another product's label than the lead's says whose it is."""
    citations = {p.citation.index: p.citation for p in context.passages}
    own, theirs = citations.get(lead.candidate.index), citations.get(item.candidate.index)
    if own is None or theirs is None or own.set_id == theirs.set_id:
        return _point(item)
    return f"- From the {theirs.drug_name} label: {item.candidate.text} [{item.candidate.index}]"


def _no_contraindications(context: AnswerContext) -> int | None:
    """The citation of a Contraindications passage that says only "None", if one was read."""
    return next(
        (p.citation.index for p in context.passages if p.section_key == "contraindications" and says_none(p.text)),
        None,
    )


def _level_only(text: str, effect: re.Pattern[str] | None) -> bool:
    """The sentence times the blood level (peak concentration) and says nothing of when the effect comes."""
    return bool(_BLOOD_LEVEL.search(text)) and not (effect is not None and effect.search(text))


def _best_per_drug(context: AnswerContext, question: Question) -> list[Scored]:
    best: list[Scored] = []
    for drug in context.drugs:
        own = [p for p in context.passages if p.citation.drug_name == drug]
        best += [s for s in select(own, question, limit=1) if s.answers]
    return best


def compose(context: AnswerContext) -> str:
    """The whole extractive answer as text: the answer sentence, support, referral, footer."""
    drugs = _drug_names(context.drugs)
    blocks: list[str] = []
    question = question_of(context.question, drugs=context.drugs, sections=context.section_keys, names=context.names)
    if context.intent is Intent.interaction and len(context.drugs) >= 2:
        points: list[str] = []
        if context.findings:
            count = len(context.findings)
            noun = "interaction" if count == 1 else "interactions"
            blocks.append(f"I found {count} {noun} between {drugs} in the FDA labels and interaction rule lists:")
            points.extend(_finding_line(f) for f in context.findings)
        else:
            checked = "; ".join(s.rstrip(".") for s in context.sources_checked) or "the FDA labels"
            # A source the check could not read is a sentence of its own, not an item of the list.
            gaps = "".join(f" {note.rstrip('.')}." for note in context.source_notes)
            blocks.append(
                f"I found no interaction between {drugs} in these sources: {checked}.{gaps} Not finding one is not "
                "proof of safety; your pharmacist can check your full list."
            )
        points.extend(f"- {note}" for note in context.notes)
        if points:
            blocks.append("\n".join(points))
    else:
        blocks.extend(_sentence_blocks(context, question, drugs))
        if not blocks and not context.preface:
            blocks.append(NO_PASSAGES.format(drugs=drugs))
        if context.preface:
            blocks.insert(0, context.preface)
        if context.more_notes:
            # Notes on foods the question did not name follow the answer; they never lead it.
            blocks.append("The label also has these food notes:\n" + "\n".join(f"- {n}" for n in context.more_notes))
    took_extra = question.lead is not None and question.lead.name == "overdose" and _TOOK.search(context.question)
    if took_extra:
        blocks.insert(0, TOOK_TOO_MUCH)  # time matters more than label text: the number comes first
    elif context.intent is Intent.dosing:
        blocks.append(DOSING_REFERRAL)
    if question.lead is not None and question.lead.name == "stopping":
        blocks.append(STOPPING_REFERRAL)
    blocks.append(SAFETY_FOOTER if context.passages else UNCITED_FOOTER)
    return "\n\n".join(blocks)


class ExtractiveWriter:
    """Composes answers from the context alone; streams them word by word like a model would.

    The whole answer is known before the first word goes out, so its citation marks are numbered 1, 2, 3 in the
    order it cites them (`number_by_mention`, which renumbers the context's passages to match).
    """

    name = "extractive"

    async def stream(self, context: AnswerContext) -> AsyncIterator[str]:
        text = number_by_mention(compose(context), context)
        for match in re.finditer(r"\S+\s*", text):
            yield match.group()
            # Give the event loop a turn so every word goes out as it is produced.
            await asyncio.sleep(0)

    async def check(self) -> None:
        return None

    async def close(self) -> None:
        return None
