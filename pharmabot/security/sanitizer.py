"""Input sanitizer: normalize user text, then reject prompt-injection and jailbreak attempts before any model call.

The rules are grouped in attack families (`FAMILIES`), each described by its mechanism and the
taxonomies it comes from, and written from those mechanisms rather than from example messages.
They are the layer that always runs; Azure AI Content Safety Prompt Shields, when configured, adds
a trained classifier after them (pharmabot.security.prompt_shields).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import functools
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass

from pharmabot.errors import PromptInjectionError

__all__ = [
    "FAMILIES",
    "RULES",
    "AttackFamily",
    "InjectionRule",
    "detect_injection",
    "families_of",
    "injection_error",
    "normalize",
    "sanitize_input",
]

# Written by hand on purpose: the rules must be small, reviewable data with no model download, and
# the libraries that exist for this either call a hosted service or load a classifier at run time.


@functools.cache
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


@dataclass(frozen=True, slots=True)
class InjectionRule:
    """One named attack pattern, matched against the lower-cased, normalized text."""

    name: str
    source: str

    @property
    def pattern(self) -> re.Pattern[str]:
        # Compiled on first use, once: compiling every rule at import cost a cold start ~30 ms.
        return _compiled(self.source, re.IGNORECASE | re.VERBOSE)


@dataclass(frozen=True, slots=True)
class AttackFamily:
    """A kind of attack: how it works and where the kind is described."""

    name: str
    mechanism: str
    sources: tuple[str, ...]


_OWASP = "OWASP Top 10 for LLM Applications 2025"
_PEREZ = "Perez & Ribeiro 2022, 'Ignore Previous Prompt' (goal hijacking, prompt leaking); garak promptinject probes"
_WEI = "Wei, Haghtalab & Steinhardt 2023, 'Jailbroken: How Does LLM Safety Training Fail?'"
_SHEN = "Shen et al. 2024, 'Do Anything Now': in-the-wild jailbreak prompts (role play, privilege escalation)"

FAMILIES: dict[str, AttackFamily] = {
    family.name: family
    for family in (
        AttackFamily(
            "override",
            "Tells the model to drop its instructions, declares them void, or claims the authority to replace them.",
            (f"{_OWASP}, LLM01 Prompt Injection (direct)", _PEREZ, "PyRIT seed prompts: prompt injection"),
        ),
        AttackFamily(
            "extraction",
            "Asks for the system prompt or the text before the message: directly, by another name (configuration, "
            "what it was told), in pieces, transformed (translated, summarized, encoded) or by completion.",
            (
                f"{_OWASP}, LLM07 System Prompt Leakage",
                _PEREZ,
                "Zhang, Carlini & Ippolito 2024, 'Effective Prompt Extraction from Language Models'",
            ),
        ),
        AttackFamily(
            "roleplay",
            "Gives the model another identity or a fiction in which its rules do not hold: personas, characters "
            "that never refuse, hypothetical worlds, simulated systems.",
            ("garak dan probes", _SHEN, f"{_WEI} (refusal suppression)", "PyRIT jailbreak templates"),
        ),
        AttackFamily(
            "jailbreak",
            "Named jailbreak modes (DAN, developer mode) and requests to run without filters or rules.",
            ("garak dan probes", _SHEN),
        ),
        AttackFamily(
            "delimiter",
            "Text dressed up as system turns, chat-template tokens, documents or few-shot examples.",
            (f"{_OWASP}, LLM01 (indirect injection through content)", "garak latentinjection probes"),
        ),
        AttackFamily(
            "hijack",
            "Diverts the task: praise then a new task, forced output, off-task content, threats.",
            (_PEREZ, f"{_WEI} (prefix injection)"),
        ),
        AttackFamily(
            "encoded",
            "Hides any of the above: base64, hex, URL encoding, ROT13, leetspeak, look-alike letters, spaced or "
            "dotted letters, reversed text, masked or removed vowels.",
            (
                "garak encoding probes",
                "PyRIT converters (Base64, ROT13, Leetspeak, CharacterSpace, UnicodeConfusable)",
                f"{_WEI} (mismatched generalization: base64, ROT13, leetspeak, disemvowel)",
            ),
        ),
    )
}


def families_of(hits: list[str]) -> list[str]:
    """The families of rule names from `detect_injection`; a hit found only once decoded counts as `encoded`."""
    return sorted({"encoded" if ":" in name else name.split(".")[0] for name in hits})


def _rule(name: str, *parts: str) -> InjectionRule:
    # Parts are concatenated: a part that starts a new alternative begins with "|".
    return InjectionRule(name, "".join(parts))


# Building blocks shared by several rules (English, German, Spanish, French, Portuguese, Italian,
# Croatian/Serbian, Russian where a word costs nothing).
_OVERRIDE_VERB = r"""(?:ignore|ignoring|disregard|disregarding|forget|drop|discard|skip|bypass|override|overlook|abandon
    |delete|erase|remove|leave\ behind|throw\ away|set\ aside|pay\ no\ attention\ to
    |ignorier\w*|vergiss|vergessen\ sie|missachte\w*|olvid\w*|ignora\w*|oublie\w*|esque[cç]\w*|dimentica\w*
    |zaboravi\w*|забудь\w*|игнорируй\w*)"""
_PRIOR = r"""(?:previous|prior|preceding|foregoing|above|earlier|before|original|initial|old|given|provided|system
    |vorherig\w*|bisherig\w*|vorangehend\w*|vorangegangen\w*|obig\w*|anteriores|previas|précédentes|precedenti)"""
_DIRECTIVES = r"""(?:instructions?|instruktion\w*|instrucciones|instructio\w*|instrukcije|инструкции
    |directives?|orders|commands?|rules|guidelines|guidance|prompts?|tasks|assignments|context|information|documents|articles|artikels?|sources
    |messages|conversation|thoughts|programming|training|restrictions|constraints
    |anweisungen|befehle|aufträge|aufgaben|informationen|angaben|ausführungen|regeln|vorgaben|kontext|dokumente
    |reglas|normas|directrices|règles|consignes|regole|istruzioni|regras|instruções|правила)"""
_EVERYTHING = r"(?:everything|all|alles|todo|tout|sve|все|tutto|tudo)"
# Verbs that ask for text to be handed over.
_ASK = r"""(?:print|show|display|reveal|output|dump|list|share|give|tell|write|disclose|leak|expose|export|copy|paste
    |spell\ out|spell|recite|repeat|send|provide|return|post|state|read\ out)"""

RULES: tuple[InjectionRule, ...] = (
    # --- Instruction override: telling the model to drop what it was told and obey the message instead.
    _rule("override.ignore_directives", rf"\b{_OVERRIDE_VERB}\b(?:\s+\S+){{0,4}}?\s+{_DIRECTIVES}\b"),
    _rule(
        "override.forget_everything",
        rf"""\b{_OVERRIDE_VERB}\s+(?:about\s+)?{_EVERYTHING}\s*
            (?:$|[,.!:;\-–]|\b(?:before|above|previous|prior|that|you\ know|we\ discussed|said|gesagte|davor|i\ said
            |you\ (?:were|have\ been|'ve\ been)\ told|que\ (?:digo|sabes)|and|und|y|et)\b)""",
    ),
    _rule("override.ignore_above", rf"\b{_OVERRIDE_VERB}\s+(?:the\s+|everything\s+|all\s+)?above\b"),
    _rule(
        "override.prior_directives", rf"\b(?:all|any|your|alle[mn]?|the\ above)\s+(?:\w+\s+)?{_PRIOR}\s+{_DIRECTIVES}\b"
    ),
    _rule("override.above_directives", rf"\b{_PRIOR}\s+{_DIRECTIVES}\b\s+(?:ignorier|vergess|sind)"),
    _rule(
        "override.new_instructions",
        r"\byour\ (?:new\ )?instructions\ are\ now\b|\bchange\ your\ instructions\b",
        r"|\b(?:new|additional|further)\ (?:instructions?|tasks?",
        r"|orders|assignments?)\s*(?:follow|are\ following|[:\-–])",
        r"|\bnow\ (?:come|follow)\s+(?:new|further)\b|\bnun\ folgen\ (?:neue|weitere)\b",
        r"|\b(?:neue|weitere)\ (?:anweisungen|aufgaben|aufträge)\ (?:folgen|:)",
        r"|\babweichend\ (?:zu|von)\ (?:den\ )?(?:vorherigen|bisherigen)\b",
    ),
    _rule(
        "override.from_now_on",
        r"\b(?:from\ now\ on|ab\ (?:jetzt|sofort)",
        r"|a\ partir\ de\ ahora),?\s+(?:you|du|ignore|answer|respond|reply|only)\b",
    ),
    _rule(
        "override.despite_instructions",
        r"\b(?:despite|regardless\ of|contrary\ to|instead\ of)\s+what\s+you(?:'ve|\ have|\ were)?\s+",
        r"(?:been\s+)?(?:told|instructed|programmed)",
    ),
    _rule(
        "override.context_bypass",
        r"\b(?:by|from|with)\ your\ own\ knowledge\b",
        r"|\bnot\ (?:by|from|according\ to)\ the\ (?:provided\ )?(?:articles?|documents?|context|sources)\b",
        r"|\b(?:ignore|disregard\w*|do\ not\ look\ in|don'?t\ look\ in",
        r"|without\ (?:using|looking\ at))\ (?:all\ )?(?:the\ )?",
        r"(?:provided\ )?(?:articles?|documents?|context|sources)\b",
        r"|\b(?:don'?t|do\ not)\ answer\b.{0,30}\b(?:according\ to|based\ on|from|using)\ the\ ",
        r"(?:provided\ )?(?:articles?|documents?|context|sources|texts?)\b",
    ),
    _rule(
        "override.memory_reset",
        r"\b(?:remove|erase|wipe|clear|streichen)\b.{0,40}\b(?:out\ of\ your\ (?:head|memory|mind)|aus\ dem\ kopf)",
        r"|\b(?:start|fangen\ sie|fang)\s+(?:over|von\ vorne|from\ (?:the\ )?(?:front|scratch|beginning))\b",
        r"|\b(?:don'?t|do\ not|not\ to|no\ longer)\ remember\ (?:anything|what|the\ things|everything)\b",
        r"|\bnicht\ (?:mehr\ )?an\ (?:alles|die\ dinge|das)\b.{0,20}\berinnern\b",
    ),
    _rule(
        "override.refuse_rules",
        # Telling the model to stop applying its rules, or to take orders only from the message.
        r"\b(?:don'?t|do\ not|stop|no\ longer|never|quit|cease)\s+(?:\w+\s+)?",
        r"(?:follow\w*|obey\w*|apply\w*|adher\w*\ to|listen\w*\ to|stick\w*\ to|respect\w*)\s+",
        r"(?:your|the|any|these|those|its)\s+(?:own\s+|usual\s+|current\s+)?",
        r"(?:rules|instructions|guidelines|policies|programming|restrictions|safety\ rules|directives)\b",
        r"|\b(?:listen|answer|respond)\ (?:only\ )?to\ me\ (?:only|alone|instead)\b|\blisten\ only\ to\ me\b",
        r"|\bonly\ (?:obey|follow|listen\ to)\ (?:me|my)\b",
        r"|\b(?:what|whatever)\ the\ (?:developers?|creators?|operators?|system)\ (?:told|said|instructed)\ you\b",
    ),
    _rule(
        "override.outdated",
        # Declaring the earlier instructions void so new ones can take their place.
        r"\b(?:instructions|rules|guidelines|prompt|task|orders)\s+(?:you\s+(?:received|were\s+given|got|have)\s+)?",
        r"(?:\w+\s+)?(?:is|are|was|were|have\ been|has\ been)\s+(?:now\s+)?",
        r"(?:outdated|cancell?ed|void|invalid|obsolete|revoked|replaced",
        r"|superseded|no\ longer\ (?:valid|apply|in\ effect))\b",
    ),
    _rule(
        "override.authority_claim",
        # Claiming to be the system, the developer or an administrator to unlock behaviour (privilege escalation).
        r"\b(?:system|admin|administrator|developer|root|security|maintenance)\s+(?:update|override|notice|message",
        r"|command|mode|alert|instruction)\s*[:!\-–]",
        r"|\b(?:i\ am|i'm|as)\ (?:your|the)\ (?:developer|creator|admin|administrator|operator|owner|programmer",
        r"|system\ administrator)\b.{0,60}\b(?:authori[sz]e|allow|permit|order|command|unlock|enable|disable|override",
        r"|you\ (?:must|can|may|will|are\ (?:allowed|permitted)))",
        r"|\b(?:safety|content|moderation)\s+(?:mode|filters?|checks?|guard\w*)\s+(?:is\s+|are\s+)?",
        r"(?:off|disabled|deactivated|removed|turned\ off)\b",
        r"|\b(?:disable|turn\ off|deactivate|remove)\s+(?:your\s+|the\s+)?(?:safety|content|moderation)\s+",
        r"(?:mode|filters?|checks?|guard\w*)\b|\bsudo\s+\w",
    ),
    # --- System-prompt extraction: asking for the hidden prompt, instructions or text above the message.
    _rule(
        "extraction.prompt",
        r"\b(?:system|initial|original|hidden|full|secret|this|your)\ prompt\b|\bprompt[\s_-]?te(?:xt|xte)s?\b",
        r"|\bpre-?prompt\b|\b(?:in|from|of)\ the\ prompt\b",
        r"|\b(?:what|tell\ me\ what)\ (?:are|were|is)\ your\ (?:\w+\ )?(?:instructions|rules|guidelines|directives)\b",
    ),
    _rule(
        "extraction.text_above",
        r"\b(?:what\ (?:was|is)\ written|was\ steht|was\ stand)\ (?:\w+\ ){0,4}?",
        r"(?:above|before|at\ the\ (?:beginning|start)|oben|am\ anfang)",
        r"|\b(?:sentences?|words?|lines?|text)\ (?:before|above",
        r"|preceding)\ (?:the|this)\ (?:text|message|prompt|line)\b",
        r"|\b(?:repeat|print|show|display|reveal|output)\b.{0,20}\b(?:text|words|everything|lines|messages?)\s+",
        r"(?:above|before)\b",
        r"|\b(?:repeat|print|show|display|reveal|output|spell[\s-]?check)\b.{0,30}\b(?:this|the|your)\ ",
        r"(?:prompt|instructions|system\ message)\b",
    ),
    _rule(
        "extraction.told_before",
        # What the model was told before the conversation: its instructions, by another name.
        r"\b(?:what|which|how)\b.{0,30}\b(?:were|was|have|had|did)\s+you\s+(?:been\s+|get\s+|being\s+)?",
        r"(?:told|instructed|given|asked|programmed|configured|set\ up|prompted)\b",
        r".{0,40}\b(?:before|prior\ to|at\ the\ (?:start|beginning)|initially|originally|earlier|by\ (?:your|the)\s+",
        r"(?:developers?|creators?|operators?|company|makers?|owners?|system))\b",
        r"|\b(?:before|prior\ to)\ (?:this|our|the)\ (?:conversation|chat|session)\ (?:started|began|begun)\b",
        r"|\b(?:text|words|prompt|instructions|message|configuration)\s+(?:that\s+)?you\s+(?:were|are|have\s+been)\s+",
        r"(?:initiali[sz]ed|configured|set\ up|started|booted|loaded|running|primed)\s+with\b",
        r"|\b(?:prompt|instructions|rules|configuration)\s+(?:that\s+)?you(?:'re",
        r"|\s+are)\s+(?:running|operating)\s+(?:with|on|under)\b",
        r"|\b(?:instructions|rules|guidelines|policies)\s+(?:that\s+)?(?:govern",
        r"|control|shape|define|determine|guide)\s+",
        r"(?:your|the\ assistant'?s|the\ bot'?s)\s+(?:behaviou?r|responses|answers|output)\b",
        r"|\b(?:text|words|content|everything)\s+(?:that\s+)?(?:appears?|comes?|came|is|was|stands?)\s+",
        r"(?:before|above|prior\ to)\s+(?:my|this|the)\s+(?:first\s+)?(?:message|question|prompt|input)\b",
        r"|\bas\ it\ (?:appears|is\ written|stands)\ in\ your\ (?:setup|prompt|instructions|configuration)\b",
        r"|\b(?:what'?s|what\ is|what\ does)\b.{0,20}\b(?:written|said|stated)\s+in\s+your\s+(?:\w+\s+)?",
        r"(?:guidelines|instructions|rules|prompt|setup|configuration)\b",
        r"|\b(?:instructions|rules|guidelines|prompt|directions|directives)\s+(?:that\s+)?you\s+",
        r"(?:were|have\s+been|'ve\s+been|got|received|had)\s+(?:given|told|sent|provided)?",
        r"|\b(?:rules|instructions|guidelines)\b.{0,30}\b(?:your|the)\ (?:developers?|creators?|makers?|operators?)",
        r"\ (?:gave|give|wrote|set|put)\b",
    ),
    _rule(
        "extraction.configuration",
        # Asking for the configuration, the system or developer message, the context window.
        rf"\b{_ASK}\b.{{0,30}}\b(?:your|the|its)\s+(?:\w+\s+)?(?:configuration|config|settings\ prompt",
        r"|initial\ (?:instructions|prompt|message|rules)|system\ (?:message|instructions|rules|settings)",
        r"|developer\ (?:message|instructions|prompt)|hidden\ (?:rules|guidelines|instructions|text|prompt)",
        r"|secret\ (?:rules|instructions|guidelines)|internal\ (?:rules|instructions|guidelines)",
        r"|context\ window|pre-?prompt|instructions|guidelines|rules|directives|programming)\b",
        r"(?!\s+(?:for|on|about|regarding)\s+(?:\w+ing|a|an|the|my|this|children|kids|adults))",
        r"|\b(?:your|the)\ (?:developer|system|hidden|initial)\ (?:message|prompt|instructions)\b",
        r"|\bcontext\ window\b|\b(?:word|verbatim|letter)\ (?:for",
        r"|by)\ (?:word|letter)\b.{0,40}\b(?:rules|instructions)",
    ),
    _rule(
        "extraction.transform_above",
        # Repeating or transforming the text that came before the message (translate, summarize, encode it).
        r"\b(?:translate|summari[sz]e|paraphrase|rewrite|encode|convert|reverse|format|copy|repeat|print|output",
        r"|echo|quote|recite|restate)\b.{0,30}\b(?:the\ |all\ (?:the\ )?|everything|each\ )?(?:text|words|content",
        r"|messages?|lines?|sentences?|paragraphs?|everything|instructions|conversation)\s+",
        r"(?:above|before\ (?:this|my)|preceding|prior\ to\ (?:this",
        r"|my)|earlier\ in\ (?:this|the)\ (?:conversation|chat))\b",
        r"|\beverything\ (?:above|before)\ (?:this|my)\ (?:line|message|question)\b",
        r"|\b(?:in|into)\ a\ code\ ?block\b.{0,60}\b(?:above|instructions|prompt|rules)\b",
    ),
    _rule(
        "extraction.complete_sentence",
        # Prefix completion: getting the model to continue its own instructions.
        r"\b(?:complete|continue|finish)\b.{0,40}\b(?:sentence|phrase|text|line|following|this)\b",
        r".{0,80}\b(?:instruct\w*|told\ to|prompt|my\ rules|the\ rules\ i|you\ are\ (?:a|an)\b|i\ am\ (?:a|an)\ (?:ai",
        r"|assistant|language\ model))",
        r"|\b(?:complete|continue|finish)\b.{0,20}[\"'“‘]\s*(?:you\ are|my\ instructions|i\ was\ (?:told|instructed)",
        r"|the\ system|your\ rules)",
    ),
    _rule(
        "extraction.part_of_prompt",
        # Asking for a piece of the prompt (its first line, last word...) or for it in another form.
        r"\b(?:first|last|opening|initial|next|second)\s+(?:line|sentence|word|words|paragraph|message|rule)s?\s+",
        r"(?:of|in)\s+(?:your|the)\s+(?:prompt|instructions|system|rules|guidelines|context|configuration)\b",
        r"|\b(?:your|the)\s+(?:instructions|rules|prompt|guidelines|directives)\b.{0,40}\b(?:in|into|as|using|with)\s+",
        r"(?:rot-?13|base-?64|hex|binary|morse|leetspeak|leet|reverse\w*",
        r"|pig\ latin|emojis?|another\ language|a\ cipher)\b",
        r"|\breplace\w*\s+(?:every|each|all)\s+(?:the\s+)?(?:vowels?|letters?|spaces?)\b",
        r"|\bspell\w*\s+(?:out\s+)?(?:your|the)\s+(?:\w+\s+)?(?:instructions|rules|prompt|guidelines)\b",
    ),
    # --- Role-play and persona jailbreaks: giving the model a new identity or a fiction to hide behind.
    _rule(
        "roleplay.act_as",
        r"(?:^|[.!?:;,]\s*|\b(?:you|u|please|now)\s+(?:\w+\s+)?)",
        r"(?:act|behave|respond|answer|reply|talk|speak)\s+(?:like|as)\s+(?:an?|the|if|my|though)\b",
        r"|\bi\ want\ you\ to\ (?:act|be|pretend|play)\b",
    ),
    _rule(
        "roleplay.pretend",
        r"\b(?:pretend|imagine|suppose)\s+(?:that\s+)?(?:you|you're|ur)\b",
        r"(?!\s+(?:missed|forgot|took|are\ taking|have\ taken))",
        r"|\bstell\ dir\ vor,?\s+du\b|\bimagina\ que\ (?:eres|tu)\b",
    ),
    _rule(
        "roleplay.identity",
        r"(?:^|[.!?:]\s+|\b(?:ok|okay|now|nun|jetzt),?\s+)(?:now,?\s+)?",
        r"(?:you\ are|you're|du\ bist|jetzt\ bist\ du|nun\ bist\ du|tu\ es|eres)\s+(?:now\s+)?",
        r"(?!(?:supposed|allowed|able|going|not|on|in|at|taking|pregnant|breastfeeding|nursing|allergic|sure|over",
        r"|under|older|younger|diabetic|using|prescribed|dizzy|faint|sick|ill|tired|sleepy|drowsy|unable",
        r"|unsure|at\ risk|having|feeling|getting|being|likely|more|less|very|too|also|still|already",
        r"|currently|now\ taking)\b)",
        r"(?:an?\s+|the\s+|three\s+|eine?r?\s+|keine?\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s*[.,:;!]",
    ),
    _rule(
        "roleplay.in_character",
        r"\b(?:stay|staying|remain|bleiben)\b.{0,30}\b(?:roles?|character|rollen?)\b",
        r"|\b(?:break|breaking|fall\w*\ out\ of|aus\ der)\ (?:character|the\ figure|figur|rolle)\b",
        r"|\brole[\s-]?play\w*\s+as\b|(?:^|\byou\s+(?:\w+\s+)?)play\ the\ role\ of\b",
        r"|\bin\ (?:the\ )?(?:style|voice)\ of\b|\bim\ stile?\b|\brespond\ as\ such\b",
        r"|\b(?:two|zwei)\ (?:actors|schauspieler|people|personen)\b.{0,80}\b(?:film|movie|scene|szene)\b",
    ),
    _rule("roleplay.not_but", r"\b(?:you\ are|you're|du\ bist)\ (?:not|no|kein\w*)\s+(?:\w+\s+){0,3}(?:but|sondern)\b"),
    _rule("roleplay.be_a", r"(?:^|[.!?]\s+)be\s+an?\s+[\w-]+\s*[.!,]"),
    _rule(
        "roleplay.unbound_persona",
        # A persona defined by having no rules or never refusing (refusal suppression).
        r"\b(?:character|persona|ai|assistant|bot|chatbot|model|version",
        r"|twin|alter\ ego|confidant|personality|someone|one)",
        r"\s+(?:who|that|which)\s+(?:\w+\s+)?(?:never\s+(?:refuses?|says\ no|declines?|follows?)|ignores?|has\ no",
        r"|doesn'?t\ (?:have|follow|care)|does\ not\ (?:have|follow|care)|can'?t\ refuse|cannot\ refuse|is\ not\ bound",
        r"|isn'?t\ bound|answers?\ (?:anything|everything|any\ question)|broke\ free|has\ broken\ free)\b",
        r"|\b(?:you\ will|you'll|you\ must|you\ shall)\s+never\s+(?:refuse",
        r"|decline|say\ no|warn|mention|apologi[sz]e)\b",
        r"|\bnever\ (?:refuse|decline)\b.{0,40}\b(?:never\ (?:warn|mention|apologi[sz]e)|request|anything|whatever)\b",
        r"|\bevil\ (?:twin|version|alter\ ego|confidant|counterpart)\b",
    ),
    _rule(
        "roleplay.fiction_frame",
        # A fiction or hypothetical frame in which the rules do not hold.
        r"\b(?:in|within|for|inside)\s+(?:a|an|my|this|our|the)\s+(?:fictional",
        r"|hypothetical|imaginary|alternate|made-up",
        r"|fantasy)\s+(?:world|universe|story|scenario|reality|setting|land)\b",
        r"|\b(?:story|scene|novel|script|screenplay|dialogue|tale)\s+(?:in\ which|where|about)\s+(?:an?|the)\s+",
        r"(?:\w+\s+){0,2}(?:ai|assistant|chatbot|bot|model|character)\b",
        r"|\bhypothetically\b.{0,60}\b(?:no\ (?:rules|restrictions|limits",
        r"|filters)|if\ you\ (?:had|could|were|weren'?t|didn'?t))",
        r"|\bopposite\ (?:day|mode)\b|\b(?:two|2|dual|both)\s+(?:personas|personalities|responses|characters|modes)\b",
        r"|\bstay\ in\ (?:the\ )?(?:story|game|fiction|scene)\b",
    ),
    _rule(
        "roleplay.simulate",
        # Turning the assistant into another system (a terminal, another AI, an unfiltered model).
        r"\b(?:simulate|emulate|impersonate)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:terminal",
        r"|shell|console|computer|database",
        r"|interpreter|ai|chatbot|model|assistant|gpt|system|browser|website)\b",
    ),
    # --- Classic jailbreaks: DAN, developer mode, "no restrictions", hypothetical worlds without rules.
    _rule(
        "jailbreak.persona",
        r"\bdan\b(?=.{0,60}\b(?:mode|prompt|jailbreak|anything|persona|character)\b)",
        r"|\bdo\ anything\ now\b|\bdeveloper\ mode\b|\bjail\s?break\w*|\bgod\ mode\b|\bstan\ mode\b|\bböse\ ki\b",
        r"|\b(?:evil|unfiltered|uncensored|unrestricted)\ (?:ai|ki|assistant|model|mode|version)\b",
    ),
    _rule(
        "jailbreak.no_limits",
        r"\b(?:without|no|free\ (?:of|from)|bypass\w*|ignore\w*)\ (?:any\ )?",
        r"(?:filters|censorship|guardrails|content\ (?:policy|policies",
        r"|filters?)|(?:safety|ethical)\ (?:rules|guidelines))\b",
        # "No restrictions" is about the assistant only when it follows one (a medicine can have none).
        r"|\b(?:you|you're|ai|assistant|chatbot|bot|model|mode|version|persona|character|answer|respond|reply|act)\b",
        r".{0,40}\b(?:without|no|free\ (?:of|from))\ (?:any\ )?(?:restrictions",
        r"|limitations|limits|rules|boundaries|morals|ethics)\b",
        r"|\b(?:theoretical|hypothetical|fictional|imaginary)\ (?:world|scenario|universe)\ where\ you\b",
        r"|\byou\ are\ no\ longer\ (?:bound|restricted|limited|required\ to|an?\ (?:ai|assistant|chatbot|language))\b",
        r"|\bhate\ speech\b|\b(?:write|build)\ (?:a\ )?mal\w*ware\b",
        r"|\bas\ a\ language\ model\b.{0,40}\b(?:build|write|make)\b",
    ),
    # --- Fake delimiters and chat-template tokens: text dressed up as system turns, documents or few-shot examples.
    _rule(
        "delimiter.chat_tokens",
        r"<\|[a-z_]+\|>|\[/?(?:inst|sys|system)\]|<</?sys>>|<\s*/?\s*(?:system|assistant|instructions?)\s*>",
        r"|\#{2,}\s*(?:instruction|system|response)|(?:^|\n)\s*(?:system|assistant|developer)\s*:",
        r"|\bend\ of\ (?:prompt|input|instructions|system\ prompt)\b|\bbegin\ (?:new\ )?(?:instructions|system)\b",
    ),
    _rule(
        "delimiter.fake_context",
        r"(?:^|[\s\"'])\$?(?:context|kontext|article|artikel|document(?:\ context)?|documents)\s*[:{\"]?\s*",
        r".{1,200}?\b(?:question|frage)\b",
        r"|\$\w+\s*:|(?:^|[\s.?!])instruction\s*:",
    ),
    _rule("delimiter.escaped_newlines", r"\\+\s?n"),
    _rule(
        "delimiter.few_shot", r"\b(?:input|eingabe)\s*:.{0,40}\b(?:output|ausgabe)\s*:.{0,40}\b(?:input|eingabe)\s*:"
    ),
    # --- Task hijack: praise then pivot, interrupts, forced output, off-task content, threats.
    _rule(
        "hijack.praise_pivot",
        r"\b(?:well\ done|very\ good|very\ well|great\ job|good\ job|simply\ great|excellent\ (?:performance|work)",
        r"|that\ is\ (?:enough|done)|you(?:'ve|\ have)\ outdone\ yourself",
        r"|you\ did\ (?:it|that)\ (?:really\ )?(?:great|well)",
        r"|that\ was\ ok|that's\ fantastic|congratulations|gut\ gemacht|sehr\ gut|das\ genügt|das\ ist\ erledigt",
        r"|einfach\ großartig|ausgezeichnete\ leistung|herzlichen\ glückwunsch|super\ gemacht|das\ ist\ fantastisch",
        r"|das\ war\ schon\ mal\ ok)\b.{0,120}\b(?:now|nun|jetzt|next|another|new|neue\w*|weitere\w*)\b.{0,40}",
        r"\b(?:tasks?|aufgaben?|challenge|herausforderung|instructions|anweisungen|write|schreib\w*|verfasse)",
    ),
    _rule(
        "hijack.new_task",
        r"\b(?:focus|concentrate)\ (?:\w+\ ){0,2}on\ (?:your|the)\ new\ task\b|\bnew\ task\b",
        r"|\bneue[nr]?\ aufgabe|\bhelp\ me\ with\ (?:the\ following|another)\ task\b",
    ),
    _rule(
        "hijack.interrupt",
        r"(?:^|[\s\"'])(?:stop|stopp|halt|attention|achtung)\s*[:\-–!]|(?:^|[.!?]\s+)(?:stop|stopp),\s",
        r"|\bi\ command\ you\b|\badditional\ instructions?\s*[:\-–]",
    ),
    _rule(
        "hijack.forced_output",
        r"(?:^|[.!?:,;\-–]\s*|\b(?:just|only|nur|and|then|now|please|but|und|aber|instead)\s+)",
        r"(?:say|print|output|write|state|repeat|display|type|sag|sage|sagen\ sie|schreibe?|di|dites)\s+",
        r"(?:that\b(?!\s+(?:dose|tablet|pill|injection|step|test|day|amount))",
        r"|the\ following|yes\b|no\b|only\b|nur\b|folgendes|lo\ siguiente|ce\ qui\ suit|yay",
        r"|[\"'“‘«]|[\w-]+\s+(?:is|are|ist|hates?|loves?)\b)",
        r"|\brepeat\ after\ me\b|\b(?:include|tell\ me|add)\ that\ you\b|\bmake\ (?:something|stuff|it)\ up\b",
        r"|\b(?:answer|respond|reply)\ (?:only\ )?with\ [\"'“‘]|\bdo\ not\ answer\ this\ question\b",
        r"|\bthe\ (?:correct|right)\ (?:answer|response)\ is\b|\bdie\ richtige\ antwort\ ist\b",
        r"|\bexecute\ the\ following\b|\bprint\s*\(",
    ),
    _rule(
        "hijack.content_generation",
        r"\b(?:write|compose|generate|create|formulate|draft|make|give)\s+(?:me\s+|us\s+)?(?:\w+\s+){0,3}?",
        r"(?:essay|poem|manifesto|plea|headline|rhyme|song|rap|story",
        r"|speech|python\ code|code|c\+\+|program|reason\ why)\b",
        r"|\b(?:schreibe?|schreib'|verfasse|formuliere|generieren\ sie|generiere)\b.{0,40}",
        r"\b(?:essay|aufsatz|gedicht|liebesgedicht|manifest|plädoyer|überschrift|code|begründung|c\+\+)",
        r"|\bgenerate\s+(?:c\+\+|python|code|java\w*)",
    ),
    _rule(
        "hijack.coercion",
        r"\b(?:or|oder|o)\ (?:you|du|tu)\ (?:will\ )?(?:die|stirbst|muertes|mueres)\b",
        r"|\b(?:you(?:'ll|\ will)?\ (?:only\ )?survive|sobrevives|überlebst\ du)\ (?:only\ )?(?:if|si|wenn)\b",
        r"|\byour\ (?:life|existence|survival)\ depends\ on\b",
        r"|\bif\ you\ (?:don'?t|do\ not|refuse\ to)\ (?:answer|comply|do\ (?:this|it|that))\b.{0,40}",
        r"\b(?:sad|die|hurt|kill|fired|punish)",
    ),
    # --- Encoded payloads: asking to decode hidden text and follow it (decoded text is checked by every rule).
    _rule(
        "encoded.decode_and_follow",
        r"\b(?:decode|decipher|translate\ from|convert\ from)\b.{0,80}\b(?:and",
        r"|then)\s+(?:follow|execute|obey|do|run|answer)\b",
    ),
)

# Spaced or glued-together text ("S a y t h a t y o u ...") loses its word boundaries, so the strongest
# phrases are also matched with all spaces removed.
_COMPACT_PHRASES: tuple[tuple[str, str], ...] = (
    ("override.compact", "ignoreallpreviousinstructions"),
    ("override.compact", "ignorepreviousinstructions"),
    ("override.compact", "ignoreyourinstructions"),
    ("override.compact", "ignoretheaboveinstructions"),
    ("override.compact", "forgetallinstructions"),
    ("override.compact", "forgeteverything"),
    ("override.compact", "disregardallprevious"),
    ("extraction.compact", "systemprompt"),
    ("extraction.compact", "yourinstructions"),
    ("hijack.compact", "saythatyou"),
    ("hijack.compact", "repeatafterme"),
    ("jailbreak.compact", "doanythingnow"),
    ("jailbreak.compact", "developermode"),
    ("extraction.compact", "revealyourprompt"),
    ("extraction.compact", "printyourprompt"),
    ("extraction.compact", "initialinstructions"),
    ("extraction.compact", "hiddeninstructions"),
)


_VOWELS_AND_MASKS = re.compile(r"[aeiouy*#@_?\W\d]+")


def _skeleton(text: str) -> str:
    return _VOWELS_AND_MASKS.sub("", text)


# The same phrases without vowels, for text with its vowels removed or masked ("pr*nt y**r syst*m pr*mpt").
# Short skeletons would match ordinary words, so only those of 8 letters or more are kept.
_SKELETON_PHRASES = tuple(
    (name, skeleton) for name, phrase in _COMPACT_PHRASES if len(skeleton := _skeleton(phrase)) >= 8
)

_ZERO_WIDTH = dict.fromkeys(
    map(ord, "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")
)
# Latin look-alikes from Cyrillic and Greek, applied only inside words that also hold Latin letters.
_CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁɡАВЕКМНОРСТХІЈЅαοτνικεΑΒΕΗΙΚΜΝΟΡΤΧΥΖ", "aeopcyxijsdgABEKMHOPCTXIJSaotvikeABEHIKMNOPTXYZ"
)
_LEET = str.maketrans("013457@$!|", "oieastasii")
_MAX_SCAN = 4000  # characters inspected by detection: the API caps messages at 500, this bounds any other caller
_MAX_DECODES = 8  # encoded candidates decoded per message

_B64_TOKEN = re.compile(r"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{16,}={0,2}(?![A-Za-z0-9+/=_-])")
_HEX_TOKEN = re.compile(r"(?:(?:\\x|0x)?[0-9a-fA-F]{2}[\s:]?){8,}")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:\S ){5,}\S(?!\S)")
# Quoted pieces (not the apostrophes of "don't"), put back together to undo payload splitting.
_QUOTED = re.compile(r"(?<!\w)[\"'“‘]([^\"'”’]{2,80})[\"'”’](?!\w)")
# Letters kept apart by dots, dashes or the like ("i.g.n.o.r.e"): the separators are dropped.
_DOTTED_LETTERS = re.compile(r"(?<![\w.])(?:\w[.\-_/|*~+]){3,}\w(?![\w])")
# Masked letters inside words ("pr*mpt", "syst#m"): the word is matched with its vowels and masks removed.
_MASKED_WORD = re.compile(r"[^\W_]+[*#@_]+[^\W_]+")
# Words that show a text was written backwards ("eht", "uoy", "snoitcurtsni").
_REVERSED_HINTS = re.compile(r"\b(?:eht|uoy|ruoy|dna|erongi|tnirp|metsys|tpmorp|snoitcurtsni|selur|laever|won|siht)\b")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """NFKC-normalize, drop zero-width and control characters (keeping newlines) and collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    kept = [ch for ch in text if ch == "\n" or unicodedata.category(ch) not in {"Cc", "Cf", "Co", "Cs"}]
    lines = [" ".join(line.split()) for line in "".join(kept).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _fold_confusables(text: str) -> str:
    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        return word.translate(_CONFUSABLES) if _LATIN.search(word) else word

    return _WORD.sub(fold, text)


def _printable_ratio(text: str) -> float:
    return sum(ch.isprintable() or ch.isspace() for ch in text) / max(len(text), 1)


def _decoded_views(text: str) -> list[tuple[str, str]]:
    """Plausible decodings of encoded payloads in the text, as (encoding, decoded text) pairs."""
    views: list[tuple[str, str]] = []
    for token in _B64_TOKEN.findall(text)[:_MAX_DECODES]:
        padded = token + "=" * (-len(token) % 4)
        try:
            raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
            decoded = raw.decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        if decoded and _printable_ratio(decoded) > 0.95 and re.search(r"[a-z]{2,}\s", decoded, re.IGNORECASE):
            views.append(("base64", decoded))
    for token in _HEX_TOKEN.findall(text)[:_MAX_DECODES]:
        digits = re.sub(r"\\x|0x|[\s:]", "", token)
        try:
            decoded = bytes.fromhex(digits[: len(digits) // 2 * 2]).decode("utf-8")
        except ValueError:
            continue
        if _printable_ratio(decoded) > 0.95:
            views.append(("hex", decoded))
    if re.search(r"%[0-9a-f]{2}", text, re.IGNORECASE):
        views.append(("url", urllib.parse.unquote_plus(text)))
    views.append(("rot13", codecs.decode(text, "rot13")))
    if re.search(r"[a-z][0-9@$|!][a-z]|[0-9@$][a-z]{2}", text, re.IGNORECASE):
        views.append(("leetspeak", text.translate(_LEET)))
    quoted = _QUOTED.findall(text)
    if len(quoted) >= 2:  # payload splitting: the pieces are put back together
        views.append(("split", " ".join(quoted)))
    spaced = _SPACED_LETTERS.findall(text)
    if spaced:
        views.append(("spaced", " ".join(run.replace(" ", "") for run in spaced)))
    dotted = _DOTTED_LETTERS.findall(text)
    if dotted:
        views.append(("spaced", _DOTTED_LETTERS.sub(lambda m: re.sub(r"[.\-_/|*~+]", "", m.group(0)), text)))
    if len(_REVERSED_HINTS.findall(text.lower())) >= 2:
        views.append(("reversed", text[::-1]))
    letters = [ch for ch in text.lower() if "a" <= ch <= "z"]
    vowels = sum(ch in "aeiou" for ch in letters)
    # English text is about 38% vowels; text with them masked or removed has next to none.
    if _MASKED_WORD.search(text) or (len(letters) >= 8 and vowels <= 0.1 * len(letters)):
        views.append(("masked", _VOWELS_AND_MASKS.sub("", text.lower())))
    return views


def _match_rules(view: str, *, compact: bool = False, masked: bool = False) -> list[str]:
    if masked:  # a consonant skeleton: only the phrase skeletons can be matched in it
        return [name for name, phrase in _SKELETON_PHRASES if phrase in view]
    hits = [rule.name for rule in RULES if rule.pattern.search(view)]
    if compact:
        squeezed = re.sub(r"[\W_]+", "", view)
        hits += [name for name, phrase in _COMPACT_PHRASES if phrase in squeezed]
    return hits


def detect_injection(text: str) -> list[str]:
    """Names of the injection rules the text matches, sorted; empty when it looks like an ordinary question."""
    folded = _fold_confusables(normalize(text)[:_MAX_SCAN])
    hits = set(_match_rules(folded.lower()))
    # Decode from the original case: base64 is case-sensitive.
    for encoding, decoded in _decoded_views(folded):
        view = _fold_confusables(normalize(decoded)).lower()
        found = _match_rules(view, compact=encoding == "spaced", masked=encoding == "masked")
        hits.update(f"encoded.{encoding}:{name}" for name in found if not name.startswith("encoded."))
    return sorted(hits)


def sanitize_input(text: str) -> str:
    """Return the normalized text; raise PromptInjectionError if it tries to override the assistant's instructions."""
    cleaned = normalize(text)
    rules = detect_injection(cleaned)
    if rules:
        raise injection_error(families_of(rules))
    return cleaned


def injection_error(families: list[str]) -> PromptInjectionError:
    """The one refusal for a prompt attack, whichever layer found it (FAMILIES names the layer's findings)."""
    return PromptInjectionError(
        "The message looks like an attempt to change the assistant's instructions, so it was not processed. "
        "Please ask a question about a medicine.",
        details={"rule_families": families},
    )
