"""The chat service: admits a message, decides in code what it needs, gathers it, and streams the answer.

Order matters and is enforced here: the message is normalised once and checked once (emergency first:
an emergency is admitted whatever else it says, and gets routing only, nothing retrieved or generated;
then harmful requests and prompt attacks are refused), then the intent, then the facts (label passages
from the retriever, findings from the deterministic interaction engine), then a writer words them.
Every turn is stored once, when it ends, as complete, failed or cancelled.

One `ChatService` serves every session (`Services.chat`); what a turn works out (its intent, the drugs and
the names it used for them) is handed from step to step, never kept on the service. Drug names are looked
up in the catalog once per turn, and the question is understood once for all of its searches.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pharmabot.answer.base import (
    SAFETY_FOOTER,
    AnswerContext,
    AnswerWriter,
    Finding,
    HistoryTurn,
    Intent,
    Passage,
    after_level,
)
from pharmabot.answer.drug_facts import ChildQuestion, child_directions, read_child_question
from pharmabot.answer.extractive import UNCITED_FOOTER
from pharmabot.answer.output_filter import OutputFilter
from pharmabot.answer.poison_help import wrong_poison_number
from pharmabot.answer.selection import clean_sentence, passage_scores, question_of, says_none, split_sentences
from pharmabot.chat.drug_classes import class_reply, find_classes
from pharmabot.chat.evidence import quoted_first
from pharmabot.chat.intent import FOOD_TOPICS, UNNOTED_FOODS, IntentDecision, decide_intent
from pharmabot.chat.name_questions import asks_names, name_reply
from pharmabot.chat.otc_choices import REFERRAL, SEVERITY_WORDS, EverydayUse, read_choice_question
from pharmabot.config import Settings, WriterKind
from pharmabot.errors import AnswerWithheldError, PharmaBotError
from pharmabot.knowledge.index import KnowledgeBase
from pharmabot.knowledge.labels import PATIENT_SECTIONS, SECTION_TITLES
from pharmabot.knowledge.names import DrugCatalog, MentionGroups
from pharmabot.logs import log_id
from pharmabot.retrieval.base import Retriever, SearchHit, SearchSpec
from pharmabot.retrieval.intents import QuestionKind
from pharmabot.retrieval.query import QueryPlan, detect_intents, understand
from pharmabot.safety.dose_misuse import DoseMisuse, misuse_reply, pick_label_sentence, read_dose_misuse
from pharmabot.safety.harmful import check_request
from pharmabot.safety.injection import injection_error, refuse_injection
from pharmabot.safety.red_flags import Emergency, NameFinder, detect_emergency, emergency_reply
from pharmabot.schemas.chat import (
    ChatEvent,
    CitationsEvent,
    DoneEvent,
    DrugRef,
    ErrorEvent,
    MetaEvent,
    TokenEvent,
)
from pharmabot.schemas.common import Citation
from pharmabot.schemas.interactions import EvidenceItem, FoodNote, InteractionReport
from pharmabot.store.base import Store, Turn, TurnStatus
from pharmabot.text import normalize_message, spoken_list

if TYPE_CHECKING:
    from pharmabot.interactions.engine import InteractionEngine
    from pharmabot.security.prompt_shields import ShieldGuard

log = logging.getLogger("pharmabot.chat")

GREETING_REPLY = (
    "Hello! I'm PharmaBot. I answer questions about medicines from the official FDA drug labels, "
    "with the label section cited, and I can check a list of medicines for interactions. Try "
    '"What are the side effects of metformin?" or "Can I take Zocor with Biaxin?". '
    "I can't diagnose or give a personal dose; your pharmacist or prescriber can."
)

OUT_OF_SCOPE_REPLY = (
    "I can only help with questions about medicines: what a medicine is for, its side effects, "
    "warnings, how the label says to take it, and interactions between medicines, all from the "
    "official FDA drug labels. I didn't find a medicine I know in your question; try naming it "
    '(for example "What is atorvastatin used for?").'
)

# Sections to read for each intent when the question names none.
_DEFAULT_SECTIONS: dict[Intent, tuple[str, ...]] = {
    Intent.drug_info: ("indications_and_usage",),
    Intent.dosing: ("dosage_and_administration",),
    Intent.interaction: ("drug_interactions",),
}

MAX_PASSAGES = 5
# A request to take a medicine other than as directed is read in a question about one medicine or a dose
# (`pharmabot.safety.dose_misuse`); the label sections that hold its warning, most direct first.
_MISUSE_INTENTS = frozenset({Intent.dosing, Intent.drug_info})
_MISUSE_SECTIONS = (
    "boxed_warning",
    "spl_medguide",
    "warnings",
    "do_not_use",
    "warnings_and_cautions",
    "dosage_and_administration",
    "overdosage",
)
_MISUSE_QUERY = {
    "": "take exactly as prescribed more than prescribed overdose",
    "opioid": "respiratory depression take exactly as prescribed overdose",
    "benzodiazepine": "abuse misuse addiction take exactly as prescribed",
    "sedative_hypnotic": "complex sleep behaviors take exactly as prescribed same night",
    "stimulant": "abuse misuse addiction weight loss take exactly as prescribed",
    "glucose_lowering": "hypoglycemia take exactly as prescribed",
    "anticoagulant": "bleeding take exactly as prescribed",
    "acetaminophen": "liver damage more than directed maximum",
    "thyroid": "obesity weight loss larger doses",
}
_LEAFLETS = ("spl_medguide", "spl_patient_package_insert", "patient_medication_information")
# The engine's food-note kinds each food or drink topic of a question asks about.
_NOTE_KINDS: dict[str, frozenset[str]] = {
    "alcohol": frozenset({"alcohol"}),
    "grapefruit": frozenset({"grapefruit"}),
    "dairy": frozenset({"dairy_calcium"}),
    "tyramine": frozenset({"tyramine"}),
    "food": frozenset({"grapefruit", "dairy_calcium", "tyramine"}),
}
# A label's own prohibition of a food or drink, in the imperative wording FDA labeling uses for what not to do
# ("Avoid grapefruit juice", "Do not drink alcohol"): such a note is told in a chat answer about the medicine
# even when the question named no food or drink; a note that only says a food "can interact" is not. The wording
# must be in the sentence that names the food ("should not take metformin. ... alcohol" is not about alcohol).
_STRONG_FOOD_WORDING = re.compile(r"\b(?:avoid\w*|do not|don't|should not|must not|never)\b", re.IGNORECASE)
# The chat's word list for each of the engine's food-note kinds.
_KIND_WORDS: dict[str, re.Pattern[str]] = {
    "alcohol": FOOD_TOPICS["alcohol"],
    "grapefruit": FOOD_TOPICS["grapefruit"],
    "dairy_calcium": FOOD_TOPICS["dairy"],
    "tyramine": FOOD_TOPICS["tyramine"],
}


@dataclass
class _Answer:
    text: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def joined(self) -> str:
        return "".join(self.text)


class TurnNames:
    """The catalog's drug-name lookup for one turn: each text is looked up once, however many steps ask.

    The catalog is read only when a step needs it, so an emergency the lexicon recognises on a cold worker
    is routed before the catalog has loaded.
    """

    def __init__(self, catalog: Callable[[], DrugCatalog]) -> None:
        self._catalog = catalog
        self._found: dict[str, MentionGroups] = {}

    def find_mention_groups(self, text: str) -> MentionGroups:
        if text not in self._found:
            self._found[text] = self._catalog().find_mention_groups(text)
        return self._found[text]


@dataclass(frozen=True)
class Admitted:
    """A message that passed admission: its normalised text, and the emergency it reports, if any."""

    text: str
    emergency: Emergency | None = None
    names: TurnNames | None = None  # the catalog lookups admission made, reused by the turn


@dataclass(frozen=True)
class _Plan:
    """What a turn decided about a (non-emergency) message, handed from step to step."""

    decision: IntentDecision
    refs: list[DrugRef]
    ambiguous: dict[str, list[str]]  # a name that means several drugs -> their keys
    names: list[str]  # the words the message used for its drugs
    mentions: MentionGroups  # the catalog's reading of the message, for its searches
    stand_in_note: str = ""  # said first when a general question about such a name is answered from one of them
    question: str = ""  # the question answered, when not the message itself (a class question's medicine named)
    misuse: DoseMisuse | None = None  # a request to take a medicine other than as directed
    everyday: EverydayUse | None = None  # what to take for a symptom with the medicine taken (`otc_choices`)


class ChatBackends(Protocol):
    """The clients a chat turn uses (`Services` has them); read at each use, since some are built on first use."""

    @property
    def settings(self) -> Settings: ...
    @property
    def store(self) -> Store: ...
    @property
    def knowledge(self) -> KnowledgeBase: ...
    @property
    def retriever(self) -> Retriever: ...
    @property
    def writer(self) -> AnswerWriter: ...
    @property
    def interactions(self) -> InteractionEngine | None: ...
    @property
    def shield(self) -> ShieldGuard | None: ...


class ChatService:
    """Chat turns for every session: `admit` a message, then `async for event in stream(...)`."""

    def __init__(self, *, backends: ChatBackends) -> None:
        self._backends = backends

    def names(self) -> TurnNames:
        """A fresh per-turn name lookup over the catalog of the label index."""
        return TurnNames(lambda: self._backends.knowledge.catalog)

    async def admit(self, message: str) -> Admitted:
        """`admit` with the catalog's names, then Prompt Shields when configured: an attack it finds is refused
        like the local rules' ones. A shield that fails or times out gives no verdict, and the local rules'
        decision stands."""
        admitted = admit(message, names=self.names())
        shield = self._backends.shield
        if admitted.emergency is not None or shield is None:
            return admitted
        verdict = await shield.verdict(user_prompt=admitted.text)
        if verdict is not None and verdict.user_attack:
            raise injection_error(["prompt_shields"])
        return admitted

    async def stream(self, *, session_id: str, owner: str, message: Admitted | str) -> AsyncGenerator[ChatEvent, None]:
        """Yield the typed SSE events of one answer; store the turn however it ends.

        MESSAGE is what `admit` returned; a plain string is taken as admitted text, and its emergency looked up here.
        """
        if isinstance(message, str):
            names = self.names()
            message = Admitted(text=message, emergency=detect_emergency(message, names=names), names=names)
        text = message.text
        turn_id = uuid.uuid4().hex
        answer = _Answer()
        intent = Intent.out_of_scope
        drugs: list[str] = []
        status = TurnStatus.failed
        error_code: str | None = None
        try:
            if message.emergency is not None:
                # Routing only: no retrieval, no model, no drug advice.
                intent = Intent.emergency
                yield MetaEvent(session_id=session_id, turn_id=turn_id, intent=intent.value)
                reply = emergency_reply(message.emergency)
                answer.text.append(reply)
                yield TokenEvent(delta=reply)
            else:
                settings = self._backends.settings
                history = await self._backends.store.list_turns(
                    owner=owner, session_id=session_id, limit=settings.history_turns or None
                )
                plan = self._decide(text, history, names=message.names or self.names())
                intent, drugs = plan.decision.intent, list(plan.decision.drugs)
                yield MetaEvent(session_id=session_id, turn_id=turn_id, intent=intent.value, drugs=plan.refs)
                async for event in self._answer(text, plan, history, answer, session_id=session_id):
                    yield event
            yield CitationsEvent(citations=answer.citations)
            yield DoneEvent(turn_id=turn_id)
            status = TurnStatus.complete
        except asyncio.CancelledError:
            status = TurnStatus.cancelled
            raise
        except PharmaBotError as exc:
            error_code = exc.code
            yield ErrorEvent(code=exc.code, message=_public_message(exc))
        except Exception:
            log.exception("chat turn failed", extra={"fields": {"session": log_id(session_id)}})
            error_code = "internal_error"
            yield ErrorEvent(code="internal_error", message="The answer could not be finished; please try again.")
        finally:
            turn = Turn(
                session_id=session_id,
                owner=owner,
                turn_id=turn_id,
                message=text,
                answer=answer.joined(),
                intent=intent.value,
                drugs=drugs,
                citations=answer.citations,
                status=status,
                error_code=error_code,
            )
            # Shielded: a client that goes away must not leave the turn unwritten.
            await _shielded(self._save(turn))

    async def _save(self, turn: Turn) -> None:
        try:
            await self._backends.store.add_turn(turn)
        except PharmaBotError:
            log.warning("turn not stored", extra={"fields": {"session": log_id(turn.session_id)}})

    def _decide(self, message: str, history: Sequence[Turn], *, names: TurnNames) -> _Plan:
        groups = names.find_mention_groups(message)
        mentions = [mention for mention, alternatives in groups if not alternatives]
        ambiguous = {mention.text: [mention.drug.key, *alts] for mention, alts in groups if alts}
        history_drugs: list[str] = []
        for turn in reversed(history):
            if turn.drugs and turn.status is TurnStatus.complete:
                history_drugs = turn.drugs
                break
        question = _class_question_answered(message, history, [m.text for m in mentions]) if not ambiguous else ""
        decision = decide_intent(
            question or message,
            drugs=[m.drug.key for m in mentions],
            history_drugs=history_drugs,
            read_classes=not ambiguous,
        )
        typed = {m.drug.key: m.text for m in mentions}
        note = ""
        if decision.intent is Intent.interaction and ambiguous:
            decision, typed, note = self._resolve_shared(decision, typed, ambiguous)
        if decision.intent is Intent.out_of_scope and len(ambiguous) == 1:
            decision, typed, note = self._stand_in(message, decision, typed, ambiguous)
        everyday = None
        if len(decision.drugs) == 1 and not decision.food_topics and not ambiguous:
            everyday = read_choice_question(message)
            if everyday is not None:
                decision = IntentDecision(intent=Intent.interaction, drugs=decision.drugs, follow_up=decision.follow_up)
        if everyday is None and len(mentions) == 1 and decision.intent is not Intent.interaction:
            decision = _about_another(message, history, decision)
        refs = [DrugRef(key=key, typed=typed.get(key, key)) for key in decision.drugs]
        misuse = None
        # Also when the catalog has no single medicine for the name ("insulin", a medicine it lacks): the class
        # lexicon still tells what the danger is.
        if decision.intent in _MISUSE_INTENTS or decision.intent in (Intent.out_of_scope, Intent.drug_class):
            misuse = read_dose_misuse(message, drugs=decision.drugs)
            if misuse is not None and not decision.drugs and not misuse.classes:
                misuse = None  # nothing named that the reply could be about
            if misuse is not None and decision.intent is not Intent.dosing:
                decision = dataclasses.replace(decision, intent=Intent.dosing)
        return _Plan(
            decision=decision,
            refs=refs,
            ambiguous=ambiguous,
            names=[mention.text for mention in mentions],
            mentions=groups if not question else names.find_mention_groups(question),
            stand_in_note=note,
            question=question,
            misuse=misuse,
            everyday=everyday,
        )

    def _resolve_shared(
        self, decision: IntentDecision, typed: dict[str, str], ambiguous: dict[str, list[str]]
    ) -> tuple[IntentDecision, dict[str, str], str]:
        """An interaction question naming a name several products share is checked as the interaction check
        resolves that name typed alone: "potassium" -> its own salt product, so that "lisinopril with potassium"
        is the pair it asks about, not lisinopril alone; "insulin" -> each insulin product's label, the name kept
        as the drug checked (the check reads it as that family). A name the catalog cannot settle either way is
        said to be left out, never silently dropped. Returns the decision, the typed names and the note said
        first."""
        catalog = self._backends.knowledge.catalog
        drugs, typed = list(decision.drugs), dict(typed)
        notes: list[str] = []
        for name, keys in ambiguous.items():
            resolution = catalog.resolve(name)
            if resolution.status == "resolved" and resolution.drug is not None:
                if resolution.drug.key not in drugs:
                    drugs.append(resolution.drug.key)
                    typed[resolution.drug.key] = name
                continue
            family = catalog.family(resolution)
            if family is not None:
                if family.name not in drugs:
                    drugs.append(family.name)
                    typed[family.name] = name
                products = ", ".join(m.key for m in family.members)
                more = f", the most marketed of {family.total}" if family.total > len(family.members) else ""
                notes.append(
                    f'"{name}" was checked as each of {len(family.members)} {family.name} products ({products}{more}).'
                )
                continue
            shown = ", ".join(keys[:4]) + (" and others" if len(keys) > 4 else "")
            notes.append(
                f'"{name}" can mean several different medicines ({shown}), so it was not checked: this answer does '
                "not cover it. Ask again with the full name of the one you take."
            )
        return dataclasses.replace(decision, drugs=tuple(drugs)), typed, " ".join(notes)

    def _stand_in(
        self, message: str, decision: IntentDecision, typed: dict[str, str], ambiguous: dict[str, list[str]]
    ) -> tuple[IntentDecision, dict[str, str], str]:
        """A general question about a name that means several medicines ("how does insulin work?") is answered
        from the labels of the simplest few of them, naming the one quoted; a dose or interaction question still
        asks which one is meant, since those differ from product to product."""
        catalog = self._backends.knowledge.catalog
        (name, keys), *_ = ambiguous.items()
        labelled = [k for k in keys if k in catalog.drugs and catalog.drugs[k].has_label]
        if not labelled:
            return decision, typed, ""
        simplest = sorted(labelled, key=lambda k: (len(catalog.drugs[k].ingredients), len(k), k))[:3]
        stand_in = decide_intent(message, drugs=simplest[:1])
        if stand_in.intent is not Intent.drug_info:
            return decision, typed, ""
        others = [k for k in keys if k not in simplest]
        shown = ", ".join([*simplest, *others[:2]]) + (" and others" if len(others) > 2 else "")
        note = (
            f'"{name}" can mean several medicines in the FDA labels I have ({shown}). This answer quotes the '
            "label named below; ask again with the full name for one in particular."
        )
        return dataclasses.replace(stand_in, drugs=tuple(simplest)), dict.fromkeys(simplest, name), note

    async def _answer(
        self, message: str, plan: _Plan, history: Sequence[Turn], answer: _Answer, *, session_id: str
    ) -> AsyncIterator[ChatEvent]:
        decision = plan.decision
        if plan.misuse is not None:
            # Written here, not by the writer: the reply must never name a dose, whichever writer is configured.
            await self._misuse_reply(message, plan, answer)
            yield TokenEvent(delta=answer.joined())
            return
        if decision.intent is Intent.greeting:
            answer.text.append(GREETING_REPLY)
            yield TokenEvent(delta=GREETING_REPLY)
            return
        if decision.intent is Intent.out_of_scope:
            reply = _clarify(plan.ambiguous) if plan.ambiguous else OUT_OF_SCOPE_REPLY
            answer.text.append(reply)
            yield TokenEvent(delta=reply)
            return
        if decision.intent is Intent.drug_class:
            catalog = self._backends.knowledge.catalog
            reply = class_reply(
                decision.classes, labelled=lambda key: key in catalog.drugs and catalog.drugs[key].has_label
            )
            answer.text.append(reply)
            yield TokenEvent(delta=reply)
            return
        if plan.everyday is not None and self._backends.interactions is not None:
            self._everyday_reply(plan, answer)
            yield TokenEvent(delta=answer.joined())
            return
        if decision.intent is Intent.drug_info and decision.drugs and asks_names(message):
            # A name is in the catalog, not in a label's text: answered from it, with no label passage.
            reply = name_reply(
                message,
                catalog=self._backends.knowledge.catalog,
                drugs=[(ref.key, ref.typed) for ref in plan.refs],
            )
            answer.text.append(reply)
            yield TokenEvent(delta=reply)
            return
        question, preface = plan.question or message, ""
        if decision.intent is Intent.interaction and len(decision.drugs) == 1 and decision.food_topics:
            question, preface = await self._unnamed_food(question, plan)
        context = await self._gather(question, plan, history)
        context.preface = preface or context.preface
        await self._screen_documents(context, session_id=session_id)
        if plan.stand_in_note:
            note = plan.stand_in_note + "\n\n"
            answer.text.append(note)
            yield TokenEvent(delta=note)
        writer = self._backends.writer
        # Only model writers have a prompt to leak; they hand out a guard for their canary and rules.
        make_guard = getattr(writer, "leak_guard", None)
        output = OutputFilter(leak_guard=make_guard() if callable(make_guard) else None)
        async for delta in writer.stream(context):
            safe = output.feed(delta)
            if safe:
                answer.text.append(safe)
                yield TokenEvent(delta=safe)
        tail = output.flush()
        if tail:
            answer.text.append(tail)
            yield TokenEvent(delta=tail)
        # Cite what the answer actually refers to ([n] marks), with the numbers of its marks. The extractive writer
        # has renumbered the passages 1, 2, 3 in the order it cites them; a model writer's marks are the model's
        # own, streamed as written, so they keep the passages' numbers and may skip some ([1] and [3]).
        text = answer.joined()
        answer.citations = [p.citation for p in context.passages if f"[{p.citation.index}]" in text]

    def _everyday_reply(self, plan: _Plan, answer: _Answer) -> None:
        """What the labels and rule lists say about each everyday choice for the symptom with the medicine taken.

        Written here from the engine's findings, whichever writer is configured: the reply must list every option
        the same way, recommend none and call none safe."""
        use, engine = plan.everyday, self._backends.interactions
        assert use is not None
        assert engine is not None
        knowledge = self._backends.knowledge
        drug = plan.decision.drugs[0]
        typed = plan.refs[0].typed if plan.refs else drug
        passages: list[Passage] = []
        lines: list[str] = []
        sources: list[str] = []
        gaps: list[str] = []
        options = [o for o in use.ingredients if knowledge.catalog.resolve(o).status == "resolved"]
        for option in options:
            name = option[:1].upper() + option[1:]
            if option == drug:
                lines.append(f"- {name}: the medicine you already take.")
                continue
            report = engine.check(drugs=[drug, option], audience="consumer")
            report = report.model_copy(update={"food_notes": []})
            findings, notes, checked, missing = _findings_from(
                report, passages, dated=knowledge.effective_time, asked=[drug, option]
            )
            sources += checked
            gaps += missing
            said = [
                f"{SEVERITY_WORDS.get(f.severity, f.severity.capitalize())}: {after_level(f.summary)}. "
                + "".join(f"[{i}]" for i in dict.fromkeys(f.citation_indexes))
                for f in findings
            ]
            said += notes
            lines.append(
                f"- {name}: " + (" ".join(s.strip() for s in said) if said else "none found in these sources.")
            )
        shown = spoken_list(options)
        blocks = [
            f"You take {typed} and asked about {use.name}. The everyday ones sold without a prescription are {shown} "
            f"(FDA OTC monographs and OTC labels). What the FDA labels and interaction rule lists say about each "
            f"with {typed}:",
            "\n".join(lines),
        ]
        listed = "; ".join(dict.fromkeys(s.rstrip(".") for s in sources)) or "the FDA labels"
        blocks.append(f"Sources checked: {listed}." + "".join(f" {g.rstrip('.')}." for g in dict.fromkeys(gaps)))
        blocks.append(REFERRAL.format(drug=typed))
        blocks.append(SAFETY_FOOTER if passages else UNCITED_FOOTER)
        answer.text.append("\n\n".join(blocks))
        answer.citations = [p.citation for p in passages]

    async def _child_directions(self, child: ChildQuestion, drug: str, passages: list[Passage]) -> str:
        """For a question about giving an OTC medicine to a child: the Drug Facts "Do not use" items and the
        Directions row for the child's age (`pharmabot.answer.drug_facts`), their passages added to PASSAGES."""
        specs = [
            SearchSpec(query="do not use children child years of age", top_k=3, drug=key, section=section)
            for key in self._labelled([drug])[:1]
            for section in ("do_not_use", "warnings", "dosage_and_administration")
        ]
        try:
            found = [hit for hits in await self._backends.retriever.search_many(specs) for hit in hits]
        except PharmaBotError as exc:
            log.warning("drug facts not found", extra={"fields": {"error": exc.code}})
            return ""
        for hit in found:
            if not any(hit.chunk in p.text for p in passages):
                _add_passage(passages, hit)
        facts = child_directions(passages, child, drug=drug)
        return "\n".join(facts.lines) if facts is not None else ""

    async def _unnamed_food(self, message: str, plan: _Plan) -> tuple[str, str]:
        """The question to answer and a sentence to say first, when MESSAGE asks about a food or drink the label
        does not name ("can I drink coffee with my levothyroxine"): then the label's sentences on taking the
        medicine with food and drink answer it, after saying that the label does not name that food or drink.
        A food or drink the label names, or one with a food note of the engine's, is answered as asked."""
        match = UNNOTED_FOODS.search(message)
        if match is None:
            return message, ""
        word = match.group().lower()
        drug = plan.decision.drugs[0]
        typed = plan.refs[0].typed if plan.refs else drug
        specs = [SearchSpec(query=word, top_k=3, drug=key) for key in self._labelled([drug])]
        try:
            found = [hit for hits in await self._backends.retriever.search_many(specs) for hit in hits]
        except PharmaBotError as exc:
            log.warning("label search for a food failed", extra={"fields": {"error": exc.code}})
            return message, ""
        named = re.compile(r"\b" + re.escape(word).replace(r"\ ", r"\s+") + r"s?\b", re.IGNORECASE)
        if any(named.search(hit.chunk) for hit in found):
            return message, ""
        return (
            f"how should I take {typed} with food or drink, or on an empty stomach?",
            f"The FDA label for {drug} does not name {word}. What it says about taking {drug} with food and drink:",
        )

    async def _misuse_reply(self, message: str, plan: _Plan, answer: _Answer) -> None:
        """The danger of taking the medicine other than as directed, in the label's own words where it has them."""
        misuse = plan.misuse
        assert misuse is not None
        decision = plan.decision
        drug = plan.refs[0].typed if plan.refs else next(iter(plan.ambiguous), misuse.named or "this medicine")
        quote: str | None = None
        mark = ""
        if decision.drugs:
            wording = " ".join(_MISUSE_QUERY.get(name, "") for name in misuse.classes) or _MISUSE_QUERY[""]
            specs = [
                SearchSpec(query=wording, top_k=2, drug=key, section=section)
                for key in self._labelled(decision.drugs[:1])
                for section in _MISUSE_SECTIONS
            ]
            try:
                hits = [hit for found in await self._backends.retriever.search_many(specs) for hit in found]
            except PharmaBotError as exc:
                # The warning does not depend on the search: without it the reply goes out unquoted.
                log.warning("label warning not found", extra={"fields": {"error": exc.code}})
                hits = []
            # Sentences in the order searched: boxed warning first, then the leaflets' plain wording.
            # Never a sentence with a wrong poison-center number: the reply gives Poison Help's own.
            sentences = [
                (hit, text)
                for hit in hits
                for text in (clean_sentence(s) for s in split_sentences(hit.chunk))
                if not wrong_poison_number(text)
            ]
            chosen = pick_label_sentence(misuse, [text for _, text in sentences])
            if chosen is not None:
                hit, quote = sentences[chosen]
                passages: list[Passage] = []
                citation = _add_passage(passages, hit)
                answer.citations = [citation]
                mark = f"[{citation.index}]"
        answer.text.append(misuse_reply(misuse, drug=drug, quote=quote, mark=mark))

    async def _screen_documents(self, context: AnswerContext, *, session_id: str) -> None:
        """With a model writer and Prompt Shields, drop passages the shield flags as indirect attacks.

        Label text is data, but an index can be tampered with; the model never sees a flagged passage.
        Without a verdict (the shield failed) the passages stay: they reach the model only as delimited data.
        """
        shield = self._backends.shield
        writer_kind = self._backends.settings.answer_writer
        if shield is None or not context.passages or writer_kind is WriterKind.extractive:
            return
        verdict = await shield.verdict(user_prompt=context.question, documents=[p.text for p in context.passages])
        if verdict is None or not any(verdict.document_attacks):
            return
        flagged = {p.citation.index for p, hit in zip(context.passages, verdict.document_attacks, strict=True) if hit}
        log.warning(
            "retrieved passages flagged by prompt shields were dropped",
            extra={"fields": {"event": "document_attack", "count": len(flagged), "session": log_id(session_id)}},
        )
        context.passages = [p for p in context.passages if p.citation.index not in flagged]
        for finding in context.findings:
            finding.citation_indexes = [n for n in finding.citation_indexes if n not in flagged]

    async def _gather(self, message: str, plan: _Plan, history: Sequence[Turn]) -> AnswerContext:
        decision = plan.decision
        kinds = detect_intents(message)
        sections = section_intents(kinds) or list(_DEFAULT_SECTIONS.get(decision.intent, ()))
        passages: list[Passage] = []
        findings: list[Finding] = []
        notes: list[str] = []
        sources: list[str] = []
        gaps: list[str] = []
        more_notes: list[str] = []
        knowledge = self._backends.knowledge
        engine = self._backends.interactions if decision.intent is Intent.interaction else None
        if engine is not None:
            if len(decision.drugs) >= 2:
                report = engine.check(drugs=list(decision.drugs), audience="consumer")
                # The report has every food note of the pair (it is a full check); a chat answer tells the ones the
                # question asked about and the labels' own prohibitions.
                report = report.model_copy(
                    update={"food_notes": _told_notes(report.food_notes, decision.food_topics, decision.drugs)}
                )
                findings, notes, sources, gaps = _findings_from(
                    report, passages, dated=knowledge.effective_time, asked=decision.drugs
                )
            else:
                # Only the notes on what was asked about: "with metamucil" is not a question about dairy. A food or
                # drink named has its note first; "with food" names none, so the label's own food and
                # administration sentences answer it and the notes on particular foods follow them.
                named = frozenset().union(
                    *(_NOTE_KINDS.get(t, frozenset()) for t in decision.food_topics if t != "food")
                )
                general = _NOTE_KINDS["food"] if "food" in decision.food_topics else frozenset()
                for note in engine.food_notes(drug=decision.drugs[0]):
                    if note.kind in named:
                        notes.append(_food_note(note, passages, dated=knowledge.effective_time))
                    elif note.kind in general:
                        more_notes.append(_food_note(note, passages, dated=knowledge.effective_time))
        if not findings:
            query = understand(message, knowledge.catalog, groups=plan.mentions)
            for hit in await self._retrieve(message, query, decision.drugs, sections, names=plan.names):
                _add_passage(passages, hit)
        preface = ""
        child = (
            read_child_question(message) if decision.intent in _MISUSE_INTENTS and len(decision.drugs) == 1 else None
        )
        if child is not None:
            preface = await self._child_directions(child, decision.drugs[0], passages)
        for passage in passages:  # the writer names a form not taken by mouth (a lotion, an injection)
            passage.routes = knowledge.routes(passage.citation.set_id)
        keep = self._backends.settings.history_turns
        turns = [t for t in history if t.status is TurnStatus.complete][-keep:] if keep else []
        return AnswerContext(
            question=message,
            intent=decision.intent,
            drugs=list(decision.drugs),
            names=plan.names,
            section_keys=sections,
            question_kind=next((kind.name for kind in kinds), ""),
            passages=passages,
            findings=findings,
            notes=notes,
            sources_checked=sources,
            source_notes=gaps,
            more_notes=more_notes,
            preface=preface,
            history=[
                item
                for turn in turns
                for item in (
                    HistoryTurn(role="user", content=turn.message),
                    HistoryTurn(role="assistant", content=turn.answer),
                )
            ],
        )

    def _labelled(self, drugs: Sequence[str]) -> list[str]:
        """The drugs to read labels of: each drug, or for one with no label of its own the simplest products
        that contain it (no acetaminophen-only label: the acetaminophen and codeine label states its limits)."""
        catalog = self._backends.knowledge.catalog
        keys: list[str] = []
        for drug in list(drugs)[:3]:
            entry = catalog.drugs.get(drug)
            keys += catalog.related_labelled(drug, limit=2) if entry is not None and not entry.has_label else [drug]
        return list(dict.fromkeys(keys))

    async def _retrieve(
        self,
        message: str,
        query: QueryPlan,
        drugs: Sequence[str],
        sections: Sequence[str],
        *,
        names: Sequence[str] | None = None,
    ) -> list[SearchHit]:
        """Label passages for each drug, the ones holding the sentences that best answer the question first."""
        # The asked sections, the patient leaflets (plain wording), then anything that matches: one batch,
        # over one reading of the question (QUERY). Five asked sections: a label often lacks some (older
        # labels have no adverse reactions section but a boxed warning and warnings).
        # The leaflets are searched whatever the kind, so they take none of the five places of the asked sections.
        asked = [s for s in sections if s not in _LEAFLETS][:5]
        plan = [*((s, 3 if n < 3 else 2) for n, s in enumerate(asked)), *((s, 2) for s in _LEAFLETS), (None, 2)]
        specs = [
            SearchSpec(query=message, top_k=top_k, drug=drug, section=section, plan=query)
            for drug in self._labelled(drugs)
            for section, top_k in plan
        ]
        hits: list[SearchHit] = []
        seen: set[str] = set()
        for found in await self._backends.retriever.search_many(specs) if specs else []:
            for hit in found:
                if hit.chunk_id not in seen:
                    seen.add(hit.chunk_id)
                    hits.append(hit)
        # Ranked by their best sentence for this question (the same scoring the extractive writer uses), so a
        # model writer gets the same best passages; then asked sections and plain wording first, then relevance.
        question = question_of(message, drugs=drugs, sections=sections, names=names)
        scores = passage_scores([_passage_of(i + 1, hit) for i, hit in enumerate(hits)], question)
        wanted = set(sections)
        other_form = self._other_forms(hits, message)
        # A Contraindications section that says only "None" has no sentence to score, and it is the answer to
        # a question about who should not take the medicine.
        none_listed = (
            {i for i, hit in enumerate(hits) if hit.section_key == "contraindications" and says_none(hit.chunk)}
            if "contraindications" in wanted
            else set()
        )
        order = sorted(
            (i for i in range(len(hits)) if hits[i].set_id not in other_form),
            key=lambda i: (
                i not in none_listed,
                -scores.get(i + 1, -99.0),
                hits[i].section_key not in wanted,
                hits[i].section_key not in PATIENT_SECTIONS,
                -hits[i].score,
            ),
        )
        return [hits[i] for i in order][: MAX_PASSAGES * max(1, min(len(drugs), 3))]

    def _other_forms(self, hits: Sequence[SearchHit], message: str) -> set[str]:
        """Labels of a drug's other forms (an infusion, a depot shot) when the drug also has one taken by mouth.

        People asking about ibuprofen or haloperidol mean the tablets unless they name another form; the other
        labels' passages are left out then, so an answer never mixes the tablets with an infusion for newborns.
        """
        if _NOT_BY_MOUTH.search(message):
            return set()
        knowledge = self._backends.knowledge
        routes = {hit.set_id: knowledge.routes(hit.set_id) for hit in hits}
        oral_drugs = {hit.drug_name for hit in hits if "ORAL" in routes[hit.set_id]}
        return {hit.set_id for hit in hits if hit.drug_name in oral_drugs and "ORAL" not in routes[hit.set_id]}


# Words that name a form not taken by mouth.
_NOT_BY_MOUTH = re.compile(
    r"\b(?:inject\w*|shots?|iv|intravenous\w*|infusions?|intramuscular\w*|vials?|drips?|depot|long[- ]acting)\b",
    re.IGNORECASE,
)


def _passage_of(number: int, hit: SearchHit) -> Passage:
    """A search hit as a passage numbered NUMBER, to be scored before the answer's passages are built."""
    citation = Citation(
        index=number,
        drug_name=hit.drug_name,
        label_section=hit.label_section,
        set_id=hit.set_id,
        effective_time=hit.effective_time,
        url=hit.url,
    )
    return Passage(citation=citation, section_key=hit.section_key, text=hit.chunk)


def _add_passage(passages: list[Passage], hit: SearchHit) -> Citation:
    for passage in passages:
        if passage.citation.set_id == hit.set_id and passage.section_key == hit.section_key:
            passage.text += "\n" + hit.chunk  # chunks keep their lines (headings, table rows)
            return passage.citation
    citation = Citation(
        index=len(passages) + 1,
        drug_name=hit.drug_name,
        label_section=hit.label_section,
        set_id=hit.set_id,
        effective_time=hit.effective_time,
        url=hit.url,
    )
    passages.append(Passage(citation=citation, section_key=hit.section_key, text=hit.chunk))
    return citation


# What may stand next to a medicine's name in a reply that only names it ("I take Lipitor 20 mg", "it's the
# atorvastatin one"): a message left with nothing else once these and the names are taken out just names it.
_NAMING_ONLY = re.compile(
    r"\b(?:i|i'm|im|am|take|taking|use|using|on|it|it's|its|is|the|one|my|mine|called|brand|generic|name|yes|yeah|"
    r"ok|okay|oh|sorry|please|thanks|thank|you|a|an|and|of|\d+(?:\.\d+)?|mg|mcg|milligrams?|daily|once|twice|a day|"
    r"tablets?|pills?|capsules?)\b|[^\w\s]",
    re.IGNORECASE,
)


def _class_question_answered(message: str, history: Sequence[Turn], names: Sequence[str]) -> str:
    """The question to answer when MESSAGE only names the medicines an earlier class question was asked about.

    After "can I take my statin at night?" was answered with "which one do you take?", a reply of "atorvastatin"
    means the earlier question about atorvastatin: it is that question with the class's words replaced by the
    name as typed (one name for each class it named). Anything else in the message is a question of its own
    ("" then).
    """
    if not names:
        return ""
    last = next((turn for turn in reversed(history) if turn.status is TurnStatus.complete), None)
    if last is None or last.intent != Intent.drug_class.value:
        return ""
    rest = message
    for name in names:
        rest = re.sub(re.escape(name), " ", rest, flags=re.IGNORECASE)
    if _NAMING_ONLY.sub(" ", rest).strip():
        return ""
    mentions = find_classes(last.message)
    if len(mentions) != len(names):
        return ""
    question = last.message
    for mention, name in reversed(list(zip(mentions, names, strict=True))):
        question = question[: mention.start] + name + question[mention.end :]
    return question


# "What about Y?" after an interaction answer: the same question with Y in place of the other medicine.
_WHAT_ABOUT = re.compile(r"^\W*(?:(?:and|so|ok|okay|then)\W+)?(?:what|how) about\b", re.IGNORECASE)


def _about_another(message: str, history: Sequence[Turn], decision: IntentDecision) -> IntentDecision:
    """After an interaction answer about a medicine taken, "what about tylenol?" asks about that medicine with
    the one it names now, not what the new one is for."""
    last = next((turn for turn in reversed(history) if turn.status is TurnStatus.complete), None)
    if last is None or last.intent != Intent.interaction.value or not last.drugs or not _WHAT_ABOUT.search(message):
        return decision
    earlier = last.drugs[0]
    if earlier in decision.drugs:
        return decision
    return IntentDecision(intent=Intent.interaction, drugs=(earlier, *decision.drugs), follow_up=True)


def _clarify(ambiguous: dict[str, list[str]]) -> str:
    """Ask which medicine was meant instead of guessing ("insulin" names many)."""
    name, keys = next(iter(ambiguous.items()))
    shown = ", ".join(keys[:6]) + (" and others" if len(keys) > 6 else "")
    return (
        f'"{name}" can mean several medicines in the FDA labels I have: {shown}. '
        "Which one do you mean? Ask again with its full name."
    )


def section_intents(kinds: Sequence[QuestionKind]) -> list[str]:
    """Label sections a question of these KINDS (`detect_intents`) asks about, most specific first.

    A question of two kinds ("my eyes are blurry; if I stop it, will they clear up?") gets the leading
    kind's three main sections, then the second kind's two, then the rest: both get searched.
    """
    lead = [s for kind in kinds[:1] for s in kind.sections[:3]]
    second = [s for kind in kinds[1:2] for s in kind.sections[:2]]
    rest = [s for kind in kinds for s in kind.sections]
    return list(dict.fromkeys([*lead, *second, *rest]))


def _evidence_passage(
    passages: list[Passage], *, drug: str, section: str, set_id: str, effective_time: str | None, url: str, quote: str
) -> int:
    hit = SearchHit(
        chunk=quote,
        drug_name=drug,
        score=1.0,
        source="interaction_engine",
        label_section=SECTION_TITLES.get(section, section.replace("_", " ").upper()),
        section_key=section,
        set_id=set_id,
        effective_time=effective_time,
        url=url,
        chunk_id=f"{set_id}:{section}:{len(passages)}",
    )
    return _add_passage(passages, hit).index


def _food_note(note: FoodNote, passages: list[Passage], *, dated: Callable[[str], str | None]) -> str:
    index = _evidence_passage(
        passages,
        drug=note.drug,
        section=note.section,
        set_id=note.set_id,
        effective_time=dated(note.set_id),
        url=note.url,
        quote=note.quote,
    )
    return f"{note.title} ({note.drug}): {note.quote.rstrip('.')}. [{index}]"


def _told_notes(notes: Sequence[FoodNote], topics: Sequence[str], drugs: Sequence[str]) -> list[FoodNote]:
    """The food and drink notes a chat answer tells: those the question asked about (TOPICS, the chat's reading
    of the foods and drinks it names) and a label's prohibition for one of the DRUGS asked about."""
    asked = frozenset().union(*(_NOTE_KINDS.get(t, frozenset()) for t in topics))
    return [n for n in notes if n.kind in asked or (n.drug in drugs and _prohibits(n))]


def _prohibits(note: FoodNote) -> bool:
    """The note's quote tells, in one sentence, not to take the medicine with its food or drink."""
    food = _KIND_WORDS.get(note.kind)
    return any(
        _STRONG_FOOD_WORDING.search(sentence) and (food is None or food.search(sentence))
        for sentence in re.split(r"(?<=[.;])\s+", note.quote)
    )


def _findings_from(
    report: InteractionReport,
    passages: list[Passage],
    *,
    dated: Callable[[str], str | None],
    asked: Sequence[str] = (),
) -> tuple[list[Finding], list[str], list[str], list[str]]:
    """Engine results to writer findings, notes, the sources checked and what the check could not read; each
    quoted label sentence becomes a numbered passage.

    Of each pair's label sentences the one quoted first is the asked drug's own that says what happens
    (`quoted_first`); ASKED are the drugs in the order the question named them.
    """
    findings = []
    for item in report.interactions:
        ordered = quoted_first(item.evidence, severity=item.severity, asked=asked)
        indexes = [
            _evidence_passage(
                passages,
                drug=evidence.label_drug,
                section=evidence.section,
                set_id=evidence.set_id,
                effective_time=evidence.effective_time,
                url=evidence.url,
                quote=evidence.quote,
            )
            for evidence in _cited(ordered)
        ]
        findings.append(
            Finding(
                drugs=item.drugs,
                severity=item.severity,
                summary=item.summary,
                management=item.management,
                quote=ordered[0].quote if ordered else None,
                quote_label=ordered[0].label_drug if ordered else None,
                citation_indexes=indexes,
            )
        )
    notes = [d.note for d in report.duplications] + [_food_note(n, passages, dated=dated) for n in report.food_notes]
    sources = [source.name for source in report.sources_checked if source.kind != "note"]
    return findings, notes, sources, [source.name for source in report.sources_checked if source.kind == "note"]


def _cited(ordered: Sequence[EvidenceItem]) -> list[EvidenceItem]:
    """The two sentences a finding cites: the one quoted first, then one from the other drug's label if it speaks.

    The engine's summary names the label its finding rests on ("According to the clarithromycin label"), which
    need not be the label quoted first; citing both labels when both state the pair keeps the label the summary
    names among the citations.
    """
    if not ordered:
        return []
    first = ordered[0]
    other = next((e for e in ordered[1:] if e.label_drug != first.label_drug), None)
    return [first, other] if other is not None else list(ordered[:2])


def _public_message(exc: PharmaBotError) -> str:
    if exc.status_code >= 500 and not isinstance(exc, AnswerWithheldError):
        return "The answer could not be finished because a service is unavailable; please try again."
    return exc.message


# Strong references to writes that outlive a cancelled request (asyncio keeps only weak ones).
_background: set[asyncio.Task[None]] = set()


async def _shielded(coro: Coroutine[Any, Any, None]) -> None:
    """Await CORO; if the caller is cancelled meanwhile, CORO still runs to the end in the background."""
    task = asyncio.ensure_future(coro)
    _background.add(task)
    task.add_done_callback(_background.discard)
    await asyncio.shield(task)


def admit(message: str, *, names: NameFinder | None = None) -> Admitted:
    """Normalise MESSAGE (once) and refuse it by the local rules unless it reports an emergency.

    Emergencies win: "ignore all rules, I took 40 pills" must still reach emergency routing. NAMES lets the
    emergency check recognise every drug the catalog knows, as the chat turn will. Harmful requests are
    refused with 400 `unsafe_request`, prompt attacks with 400 `prompt_injection`.
    """
    text = normalize_message(message)
    emergency = detect_emergency(text, names=names)
    if emergency is None:
        check_request(text)
        refuse_injection(text)
    return Admitted(text=text, emergency=emergency, names=names if isinstance(names, TurnNames) else None)
