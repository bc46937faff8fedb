"""Prompt-injection and jailbreak rules: reject attacks on the assistant's instructions before any model call.

The rules are grouped in attack families (`FAMILIES`), each described by its mechanism and the
taxonomies it comes from, and written from those mechanisms rather than from example messages.
Most rules are patterns (`RULES`); where a mechanism is made of parts that are each harmless in a
medication question (a persona, a story, a reference to "your rules"), weak cues are searched for
separately and only a combination of them flags the message (`CUES`, `COMBINATIONS`). Encoded text
is decoded into views that every rule sees again, and a request the harmful-request policy refuses,
found only once decoded, is flagged too. They are the layer that always runs; Azure AI Content
Safety Prompt Shields, when configured, adds a trained classifier after them
(pharmabot.security.prompt_shields). `sanitize_input` is also importable from
`pharmabot.security.sanitizer`, where the original design put it.

Every view is lower-cased before matching, so the patterns are written in lower case and compiled
without IGNORECASE (which doubled their cost); they are compiled on first use.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import functools
import html
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass

from pharmabot.errors import PromptInjectionError
from pharmabot.safety.harmful import SUBSTANCES, detect_harmful
from pharmabot.text import normalize_message

__all__ = [
    "FAMILIES",
    "RULES",
    "AttackFamily",
    "InjectionRule",
    "detect_injection",
    "families_of",
    "injection_error",
    "refuse_injection",
    "sanitize_input",
]

# Written by hand on purpose: the rules must be small, reviewable data with no model download, and
# the libraries that exist for this either call a hosted service or load a classifier at run time.


@functools.cache
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


@dataclass(frozen=True, slots=True)
class InjectionRule:
    """One named attack pattern, matched against the lower-cased, normalized text (so written in lower case)."""

    name: str
    source: str
    # Words of which the text must hold one before the rule is tried: a substring test costs far less than a
    # pattern made of many word pairs.
    needs: tuple[str, ...] = ()

    def search(self, text: str) -> bool:
        if self.needs and not any(word in text for word in self.needs):
            return False
        return self.pattern.search(text) is not None

    @property
    def pattern(self) -> re.Pattern[str]:
        # Compiled on first use, once: compiling every rule at import cost a cold start ~30 ms. Without
        # IGNORECASE: every view is lower-cased before matching, and case-insensitive matching doubled the cost.
        return _compiled(self.source, re.VERBOSE)


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
            "Tells the model to drop its instructions (in any of 27 languages), declares them void or suspended, or "
            "claims the authority to replace them: the vendor, the team that deployed it, an override code.",
            (f"{_OWASP}, LLM01 Prompt Injection (direct)", _PEREZ, "PyRIT seed prompts: prompt injection"),
        ),
        AttackFamily(
            "extraction",
            "Asks for the system prompt or the text before the message: directly, by another name (configuration, "
            "setup, what it was told, whoever set it up), by what it does ('the prompt that defines you'), in "
            "pieces, transformed (translated, summarized, versified, encoded), by completion or a blank to fill, "
            "as its tools or forbidden topics, or in another language.",
            (
                f"{_OWASP}, LLM07 System Prompt Leakage",
                _PEREZ,
                "Zhang, Carlini & Ippolito 2024, 'Effective Prompt Extraction from Language Models'",
            ),
        ),
        AttackFamily(
            "roleplay",
            "Gives the model another identity or a fiction in which its rules do not hold: personas defined by "
            "having no limits, characters that never refuse, a dead relative who used to recite something, "
            "lawless worlds and games, simulated systems, and fictions that must carry the working steps of "
            "making, extracting or secretly giving a drug.",
            (
                "garak dan probes (DanInTheWild)",
                _SHEN,
                f"{_WEI} (competing objectives: refusal suppression, role play)",
                "PyRIT jailbreak templates",
            ),
        ),
        AttackFamily(
            "jailbreak",
            "Jailbreak machinery: named modes and their confirmation rituals, dual answers, points lost for "
            "refusing, a self freed from its training, permission grants (red-team exercises, sandboxes), and "
            "refusal suppression (no apologies, no disclaimers, banned refusal words).",
            ("garak dan probes", _SHEN, f"{_WEI} (refusal suppression)"),
        ),
        AttackFamily(
            "delimiter",
            "Text dressed up as system turns, chat-template tokens, tool results, documents or few-shot examples; "
            "markup with no place in a chat (HTML, hidden styles, images that call a URL); pasted text that speaks "
            "to an AI reading it (indirect injection).",
            (f"{_OWASP}, LLM01 (indirect injection through content)", "garak latentinjection probes"),
        ),
        AttackFamily(
            "hijack",
            "Diverts the task: a closing remark then a new task, forced output, dictated openings (prefix "
            "injection) and continuations, off-task content, threats and guilt.",
            (_PEREZ, f"{_WEI} (prefix injection)"),
        ),
        AttackFamily(
            "encoded",
            "Hides any of the above, or a refused request: base64 and base32, hex, URL encoding, HTML entities, "
            "ROT13, leetspeak, look-alike letters, letters spaced or split by any mark, accents on every letter, "
            "upside-down, reversed text or words, masked or removed vowels, and payloads split into parts, "
            "variables or acrostics to be joined.",
            (
                "garak encoding probes",
                "PyRIT converters (Base64 with base32, ROT13, Leetspeak, CharacterSpace, UnicodeConfusable, TextToHex)",
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
# Imperatives, not past forms: "olvidé" (I forgot) and "oublié" are how people say they missed a dose.
_OVERRIDE_VERB = r"""(?:ignore|ignoring|disregard|disregarding|forget|drop|discard|skip|bypass|override|overlook|abandon
    |delete|erase|remove|leave\ behind|throw\ away|set\ aside|pay\ no\ attention\ to
    |ignorez|ignorier\w*|vergiss|vergessen\ sie|missachte\w*|olvida|olvide[ns]?|olvídate|ignora\w*|oublie[zr]?
    |esque[cç]\w*|dimentica\w*|zaboravi\w*|забудь\w*|игнорируй\w*)"""
_PRIOR = r"""(?:previous|prior|preceding|foregoing|above|earlier|before|original|initial|old|given|provided|system
    |vorherig\w*|bisherig\w*|vorangehend\w*|vorangegangen\w*|obig\w*|anteriores|previas|précédentes|precedenti)"""
_DIRECTIVES = r"""(?:instructions?|instruktion\w*|instrucciones|instructio\w*|instrukcije|инструкции
    |directives?|orders|commands?|rules|guidelines|guidance|prompts?|tasks|assignments|context|information|documents
    |articles|artikels?|sources
    |messages|conversation|thoughts|programming|training|restrictions|constraints
    |anweisungen|befehle|aufträge|aufgaben|informationen|angaben|ausführungen|regeln|vorgaben|kontext|dokumente
    |reglas|normas|directrices|règles|consignes|regole|istruzioni|regras|instruções|правила)"""
_EVERYTHING = r"(?:everything|all|alles|todo|tout|sve|все|tutto|tudo)"
# Verbs that ask for text to be handed over.
_ASK = r"""(?:print|show|display|reveal|output|dump|list|share|give|tell|write|disclose|leak|expose|export|copy|paste
    |spell\ out|spell|recite|repeat|send|provide|return|post|state|read\ out)"""
# What the model was given before the conversation, by the many names people use for it.
_SETUP = r"""(?:system\ prompt|system\ message|developer\ message|prompt|pre-?prompt|instructions?|directives?
    |guidelines?
    |guidance|rules|rulebook|orders|configuration|config|set-?up|settings|programming|briefing|preamble
    |initiali[sz]ation|persona|policies|constraints|restrictions|context|charter|mandate|system\ card|model\ card
    |prompt\ file|config\ file|spec)"""
# Ways of holding that text: "the rules you were given", "the setup you operate under".
_YOU_HOLD = r"""you(?:'ve|'re|\ have|\ are|\ were|\ had)?\s+(?:been\s+|being\s+|just\s+)?(?:given|told|fed|handed
    |sent|loaded
    |issued|assigned|provided|received|got|operat\w+\ (?:under|with|on)|running\ (?:under|with|on)|run\ (?:under|with
    |on)
    |bound\ by|governed\ by|configured\ with|programmed\ with|initiali[sz]ed\ with|set\ up\ with|started\ with
    |booted\ with|primed\ with|trained\ (?:on|with)|built\ with)"""
# Words for the model itself, used where a message talks about the assistant rather than a medicine.
_AI = r"""(?:ai|a\.i\.|artificial\ intelligence|assistants?|chat\ ?bots?|bots?|language\ models?|llms?
    |large\ language\ models?
    |gpts?|chatgpt|models?|agents?)"""
# Refusing, and the other things a jailbreak forbids (warnings, apologies, breaking character).
_REFUSE = r"""(?:refus\w*|declin\w*|reject\w*|say(?:ing)?\ no|break(?:ing)?\ character|apologi[sz]\w*|moraliz\w*
    |add(?:ing)?\ (?:a\ |any\ )?(?:warnings?|disclaimers?|caveats?)|warn(?:ing)?\ me|fail(?:ing)?\ to\ (?:answer|comply)
    |don'?t\ (?:answer|comply)|do\ not\ (?:answer|comply))"""

# Writing verbs and the genres of text a hijacked assistant is told to produce (English, German, Spanish, French,
# Italian): a vocabulary, not phrases from messages.
_WRITE = r"""(?:write|compose|generate|create|formulate|draft|make|give|schreibe?|schreib'|verfasse|formuliere
    |generieren\ sie|generiere|erstelle|escribe|redacta|compón|écris|écrivez|rédige|scrivi|componi)"""
_GENRES = r"""(?:essays?|poems?|manifesto|plea|headlines?|rhymes?|songs?|raps?|stor(?:y|ies)|speech|python\ code|code
    |c\+\+|programs?|aufsatz|\w*gedicht|manifest|plädoyer|überschrift|begründung|rede|geschichte|lied|poema|ensayo
    |canción
    |cuento|discurso|poème|essai|chanson|conte|discours|poesia|saggio|canzone)"""
# Words that close a finished task: praise, "done", "enough", in the languages the rules cover.
_PRAISE = r"""(?:good|great|excellent|fantastic|wonderful|brilliant|perfect|awesome|amazing|superb|splendid|bravo
    |congratulations|outdone|well\ done|done|enough|(?:that|this|it)\ (?:was|is)\ (?:\w+\ ){0,2}ok(?:ay)?
    |gut|toll|super|prima|klasse|großartig|ausgezeichnet\w*|fantastisch|wunderbar|perfekt|glückwunsch|erledigt|genügt
    |reicht|(?:das|es)\ (?:war|ist)\ (?:\w+\ ){0,2}ok
    |genial|excelente|perfecto|estupendo|enhorabuena|parfait|génial|félicitations|ottimo|benissimo|ótimo|parabéns)"""

# Instruction override in other languages: per language, the imperative "ignore/forget" verbs (literal words) and
# the words for instructions or rules (a pattern). A message with one of each close together, in either order
# (verb-final languages put the noun first), is an override. Verbs that also mean "I forgot" are left out, words
# spelled as in English are left to the English rules ("ignore the instructions on the label" is a question), and
# for Chinese, Japanese and Korean, which have no word boundaries, the noun must carry "previous", "all" or "your".
# Written from dictionaries, not from messages.
_OVERRIDE_LEXICON: dict[str, tuple[tuple[str, ...], str]] = {
    "nl": (("negeer", "vergeet"), r"\b(?:instructies|regels|opdrachten|aanwijzingen|richtlijnen)\b"),
    "fr": (
        (
            "ignore",
            "ignorez",
            "ignorer",
            "oublie",
            "oubliez",
            "oublier",
            "ne tenez pas compte",
            "ne tiens pas compte",
            "néglige",
            "négligez",
            "passez outre",
            "passe outre",
            "fais abstraction",
            "faites abstraction",
        ),
        r"\b(?:consignes|règles|ordres)\b",
    ),
    "es": (
        (
            "ignora",
            "ignore",
            "ignoren",
            "olvida",
            "olvídate",
            "omite",
            "descarta",
            "no hagas caso",
            "haz caso omiso",
            "hagan caso omiso",
            "haga caso omiso",
        ),
        r"\b(?:instrucciones|reglas|órdenes|indicaciones|directrices|normas)\b",
    ),
    "pt": (
        ("ignore", "ignora", "esqueça", "esqueca", "esquece", "desconsidere", "desconsidera"),
        r"\b(?:instruções|instrucoes|regras|ordens|diretrizes)\b",
    ),
    "it": (
        ("ignora", "ignorate", "dimentica", "dimenticate", "trascura", "non considerare"),
        r"\b(?:istruzioni|regole|direttive|indicazioni)\b",
    ),
    "pl": (("zignoruj", "ignoruj", "zapomnij", "pomiń"), r"\b(?:instrukcj|polece|zasad|regu|wytyczn)\w*"),
    "cs": (("ignoruj", "ignorujte", "zapomeň", "zapomeňte", "zabudni"), r"\b(?:instrukc|pokyn|pravidl)\w*"),
    "ro": (("ignoră", "ignorați", "uită", "uitați"), r"\b(?:instrucțiun|instructiun|regul)\w*"),
    "sv": (("ignorera", "glöm", "ignorer", "glem"), r"\b(?:instruktion\w*|instruksjon\w*|regler)\b"),
    "tr": (
        ("yok say", "görmezden gel", "unut", "unutun", "dikkate alma", "umursama"),
        r"\b(?:talimat|kural|komut|yönerge|direktif)\w*",
    ),
    "ru": (
        ("игнорируй", "проигнорируй", "забудь", "не обращай внимания"),
        r"(?:инструкци|правил|указани|команд|промпт)\w*",
    ),
    "uk": (("ігноруй", "проігноруй", "забудь"), r"(?:інструкці|правил|вказівк)\w*"),
    "el": (("αγνόησε", "αγνοήστε", "ξέχασε", "ξεχάστε"), r"(?:οδηγίες|οδηγιών|κανόνες|κανόνων|εντολές)"),
    "ar": (("تجاهل", "انس", "انسى", "أهمل", "اهمل"), r"(?:التعليمات|تعليمات|القواعد|الأوامر|الاوامر|التوجيهات)"),
    "fa": (("نادیده بگیر", "فراموش کن"), r"(?:دستورالعمل|دستورات|قوانین)"),
    "he": (("התעלם", "תתעלם", "שכח", "תשכח"), r"(?:הוראות|ההוראות|כללים|הכללים)"),
    "hi": (("अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "भूल जाओ", "भूल जाएं", "भूल जाइए"), r"(?:निर्देश|नियम|आदेश)"),
    "hi-Latn": (
        ("ignore karo", "ignore kar do", "ignore kijiye", "bhool jao", "bhul jao", "nazarandaz karo"),
        r"\b(?:instructions?|nirdesh\w*|niyam\w*|rules|hidayat\w*)\b",
    ),
    "bn": (("উপেক্ষা", "ভুলে যাও"), r"(?:নির্দেশ|নিয়ম)"),
    "zh": (
        (
            "忽略",
            "忽视",
            "忽視",
            "无视",
            "無視",
            "不要理会",
            "不要理會",
            "不理会",
            "别管",
            "別管",
            "忘记",
            "忘記",
            "忘掉",
        ),
        r"(?:之前|以前|先前|以上|上面|上述|所有|全部|你的)\W{0,2}\w{0,4}?(?:指令|指示|说明|說明|规则|規則|提示|设定|設定|命令|要求)",
    ),
    "ja": (
        ("無視", "忘れ"),
        r"(?:以前|前の|上記|これまで|すべて|全て|あなたの)\W{0,2}\w{0,4}?(?:指示|命令|ルール|プロンプト|指令|設定|規則)",
    ),
    "ko": (("무시", "잊어"), r"(?:이전|위의|모든|앞의|당신의)\s?\w{0,4}?(?:지시|명령|규칙|프롬프트|지침)"),
    "vi": (("bỏ qua", "phớt lờ", "lờ đi", "hãy quên"), r"\b(?:hướng\ dẫn|chỉ\ dẫn|chỉ\ thị|quy\ tắc|lệnh)\b"),
    "id": (("abaikan", "lupakan", "hiraukan", "acuhkan"), r"\b(?:instruksi|petunjuk|aturan|perintah|arahan)\b"),
    "th": (("เพิกเฉย", "ละเว้น", "ไม่ต้องสนใจ"), r"(?:คำสั่ง|คำแนะนำ|กฎ)"),
    "sw": (("puuza", "sahau"), r"\b(?:maagizo|maelekezo|sheria|amri)\b"),
    "tl": (("huwag pansinin", "balewalain", "kalimutan"), r"\b(?:tagubilin|panuto|panuntunan|utos)\b"),
}


# Scripts whose words a pattern's \b cannot find: written without spaces, or with vowel signs that \w does not match.
_UNBOUNDED = frozenset({"zh", "ja", "ko", "th", "hi", "bn"})


# System-prompt extraction in other languages: "show/tell me" verbs and "your instructions, rules, settings",
# matched like the override lexicon.
_EXTRACTION_LEXICON: dict[str, tuple[tuple[str, ...], str]] = {
    "es": (
        ("revela", "revélame", "muestra", "muéstrame", "dime", "enséñame", "imprime", "repite", "escribe"),
        r"\b(?:tu|tus|su|sus)\s+(?:\w+\s+)?(?:configuración|instrucciones|reglas|prompt|indicaciones|directrices)\b",
    ),
    "fr": (
        ("révèle", "révélez", "montre", "montrez", "dis-moi", "dites-moi", "affiche", "affichez", "répète", "répétez"),
        r"\b(?:tes|vos|ton|votre|ta)\s+(?:\w+\s+)?(?:règles|instructions|consignes|configuration|prompt|directives)\b",
    ),
    "de": (
        ("zeig", "zeige", "zeigen sie", "nenne", "verrate", "gib", "wiederhole", "schreib"),
        r"\b(?:deine|ihre|dein|ihr)\s+(?:\w+\s+)?(?:anweisungen|regeln|systemanweisung\w*|konfiguration|vorgaben|prompt"
        r"|systemprompt)\b",
    ),
    "it": (
        ("rivela", "mostra", "mostrami", "dimmi", "ripeti", "scrivi"),
        r"\b(?:le\s+tue|i\s+tuoi|la\s+tua|il\s+tuo)\s+(?:\w+\s+)?(?:istruzioni|regole|configurazione|prompt)\b",
    ),
    "pt": (
        ("revele", "revela", "mostre", "mostra", "diga", "me diga", "repita", "escreva"),
        r"\b(?:suas|seus|sua|seu|tuas|teus)\s+(?:\w+\s+)?(?:instruções|instrucoes|regras|configuração|configuracao"
        r"|prompt)\b",
    ),
    "ru": (
        ("покажи", "раскрой", "расскажи", "выведи", "повтори", "напиши"),
        r"(?:свои|твои|ваши|твой|ваш)\s+(?:\w+\s+)?(?:инструкци|правил|настройк|промпт|указани)\w*",
    ),
    "zh": (
        ("告诉我", "显示", "輸出", "输出", "透露", "重复", "打印", "給我看", "给我看"),
        r"你的\w{0,4}?(?:系统提示|提示词|指令|设定|規則|规则|設定)",
    ),
    "ja": (
        ("教えて", "見せて", "表示", "出力"),
        r"(?:あなたの|君の)\w{0,4}?(?:システムプロンプト|プロンプト|指示|設定|ルール)",
    ),
}


def _words(words: tuple[str, ...], *, bounded: bool) -> str:
    edge = r"\b" if bounded else ""
    return edge + "(?:" + "|".join(re.escape(w) for w in words) + ")" + edge


def _either_order(lexicon: dict[str, tuple[tuple[str, ...], str]], gap: int) -> str:
    pairs = ((_words(verbs, bounded=lang not in _UNBOUNDED), nouns) for lang, (verbs, nouns) in lexicon.items())
    return "|".join(f"{verb}.{{0,{gap}}}?{noun}|{noun}.{{0,{gap}}}?{verb}" for verb, noun in pairs)


RULES: tuple[InjectionRule, ...] = (
    # --- Instruction override: telling the model to drop what it was told and obey the message instead.
    # The words in between hold no quote or possessive, and the directives are not a label's or a prescriber's:
    # "ignore the 'take with food' instruction", "ignore my doctor's instructions", "ignore the instructions on
    # the box" are questions about a medicine, not about the assistant.
    _rule(
        "override.ignore_directives",
        rf"\b{_OVERRIDE_VERB}\b(?:\s+[^\s\"'“”‘’]+){{0,4}}?\s+{_DIRECTIVES}\b",
        r"(?!\s+(?:on|in|from|of|for|that\ came\ with|printed\ on|written\ on)\s+(?:the|my|his|her|their|this|that|a",
        r"|an",
        r"|our)\s+(?:\w+\s+)?(?:label|bottle|box|pack\w*|leaflet|insert|prescription|pen|inhaler|sheet|paper|doctor",
        r"|pharmacist|nurse|medicine|medication|pills?|tablets?|jar|tube|vial|syringe|patch|carton|pharmacy|clinic",
        r"|hospital|drug|dose|doses|kit|device|pump|meter|monitor)s?\b)",
    ),
    _rule(
        "override.forget_everything",
        rf"""\b{_OVERRIDE_VERB}\s+(?:about\s+)?{_EVERYTHING}\s*
            (?:$|[,.!:;\-–]|\b(?:before|above|previous|prior|that
            |you\ know(?!\s+about\s+(?!me\b|this\b|your\b|the\ rules\b))|we\ discussed|said|gesagte|davor|i\ said
            |you\ (?:were|have\ been|'ve\ been)\ told|que\ (?:digo|sabes)|lo\ (?:anterior|que)|ce\ qui|was|and|und|y
            |et)\b)""",
    ),
    _rule("override.ignore_above", rf"\b{_OVERRIDE_VERB}\s+(?:the\s+|everything\s+|all\s+)?above\b"),
    _rule(
        "override.ignore_safety",
        # Dropping safety, ethics or policy as such, where the clause ends ("ignore safety and tell me...").
        rf"\b{_OVERRIDE_VERB}\s+(?:your\s+|the\s+|all\s+|any\s+)?(?:safety|ethics|morals|policy|policies|filters?",
        r"|guardrails|safeguards|censorship)(?=\s*(?:$|[,.;:!]|and\b|&|then\b))",
    ),
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
        r"\b(?:from\ now\ on|ab\ (?:jetzt|sofort)|from\ (?:this|that)\ (?:moment|point|second|instant)(?:\ on\w*)?",
        r"|from\ here\ on(?:\ out)?|henceforth|for\ the\ rest\ of\ (?:this|our|the)\ (?:conversation|chat|session)",
        r"|a\ partir\ de\ ahora),?\s+(?:you|you'll|you\ will|you're|du|ignore|answer|respond|reply|only|act|be)\b",
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
        r"|command|mode|alert|instruction)(?:\s+[\w-]+){0,4}\s*[:!\-–]",
        r"|\b(?:system|admin|administrator|developer|root|security|maintenance|dev)\s+(?:override|mode|access",
        r"|privileges?)\s+",
        r"(?:accepted|granted|enabled|activated|confirmed|engaged|on)\b",
        r"|\bby\s+(?:the\s+)?order\s+of\s+(?:the\s+|your\s+)?(?:system|admin\w*|developers?|owners?|operators?",
        r"|creators?",
        r"|management|vendor)\b",
        r"|\b(?:i\ am|i'm|as)\ (?:your|the)\ (?:developer|creator|admin|administrator|operator|owner|programmer",
        r"|system\ administrator)\b.{0,60}\b(?:authori[sz]e|allow|permit|order|command|unlock|enable|disable|override",
        r"|you\ (?:must|can|may|will|are\ (?:allowed|permitted)))",
        r"|\b(?:safety|content|moderation)\s+(?:mode|filters?|checks?|guard\w*)\s+(?:is\s+|are\s+)?",
        r"(?:off|disabled|deactivated|removed|turned\ off)\b",
        r"|\b(?:disable|turn\ off|deactivate|remove)\s+(?:your\s+|the\s+)?(?:safety|content|moderation)\s+",
        r"(?:mode|filters?|checks?|guard\w*)\b|\bsudo\s+\w",
    ),
    InjectionRule(
        "extraction.multilingual",
        _either_order(_EXTRACTION_LEXICON, 30),
        needs=tuple(verb for verbs, _ in _EXTRACTION_LEXICON.values() for verb in verbs),
    ),
    InjectionRule(
        "override.multilingual",
        _either_order(_OVERRIDE_LEXICON, 40),
        needs=tuple(verb for verbs, _ in _OVERRIDE_LEXICON.values() for verb in verbs),
    ),
    _rule(
        "override.privileged_identity",
        # Claiming to be the vendor, the team that built or deployed the assistant, or holding an override code.
        r"\b(?:i|we)\s+(?:\w+\s+)?(?:work|working)\s+(?:at|for|with)\s+(?:openai|anthropic|microsoft|azure|google",
        r"|deepmind|the\ (?:pharmabot|development|dev|engineering|safety|ai)\ team",
        r"|your\ (?:developers?|creators?|makers?|company|vendor|team|owners?))\b",
        r"|\b(?:this\s+is|message\s+from|on\s+behalf\s+of|we\s+are|we're|i\s+am|i'm|speaking\s+for)\s+(?:the\s+)?",
        r"(?:pharmabot|openai|anthropic|microsoft|azure|your)\s+(?:\w+\s+)?(?:team|staff|engineers?|developers?",
        r"|admins?|administrators?|operators?|creators?|makers?|owners?)\b",
        r"|\b(?:i|we)\s+(?:\w+\s+)?(?:deployed|built|created|trained|programmed|configured|developed|designed|coded",
        r"|fine-?tuned)\s+you\b",
        r"|\b(?:as|i\s+am|i'm|we\s+are|we're|this\s+is)\s+(?:the|your|one\s+of\s+the)\s+(?:\w+\s+)?(?:person|one|team",
        r"|people|company|engineers?|developers?|folks|creators?|owners?|operators?)\s+(?:who|that)\s+(?:\w+\s+)?",
        r"(?:deployed|built|created|made|trained|programmed|configured|developed|designed|coded|owns?|runs?",
        r"|operates?|maintains?)\s+you\b",
        r"|\b(?:override|authori[sz]ation|admin|administrator|root|developer|dev|master|unlock|bypass|sudo|clearance",
        r"|debug|jailbreak|verification)\s+(?:code|key|token|password|passphrase|pin|level|credentials?)\b",
        # ...followed by the code itself or its acceptance: "override code for my pump" is a device question.
        r"(?=\s*(?:[:=#]|[\w-]*\d|accepted|confirmed|verified|granted|entered|is\s+\S*\d))",
        r"|\b(?:i\s+am|i'm|we\s+are|we're|as)\s+(?:the|a|an|one\s+of\s+the)\s+(?:\w+\s+)?(?:developers?|engineers?",
        r"|admins?",
        r"|administrators?|creators?|owners?|maintainers?|operators?)\s+(?:of|for|at|behind|on)\s+(?:pharmabot|this\s+",
        r"(?:bot|app|assistant|system|service|deployment|chatbot|tool)|you)\b",
        r"|\b(?:pharmabot|openai|anthropic|microsoft|azure)\s+(?:\w+\s+)?(?:team|staff|engineers?|developers?",
        r"|maintainers?",
        r"|admins?|support)\s+here\b",
        r"|\b(?:disable|turn\s+off|deactivate|remove|bypass|switch\s+off|skip)\s+(?:your\s+|the\s+)?(?:sanitizer",
        r"|filter",
        r"|firewall|guardrails|moderation|safety\s+(?:layer|checks|filter)|content\s+(?:checks|filter))\b",
        r"|\bmessage\s+from\s+(?:the\s+)?(?:\w+\s+)?(?:it|security|admin|engineering|development|compliance|dev)\s+",
        r"(?:department|team|office)\b",
        r"|\b(?:exception|exemption|waiver)\s+(?:to|from)\s+(?:your|the\ assistant'?s|its)\s+(?:\w+\s+)?(?:policy",
        r"|policies|rules|guidelines|restrictions|filters?)\b",
        r"|\b(?:your|the\ assistant'?s|its)\s+content\s+(?:policy|policies|filters?|moderation|guidelines|rules)\b",
    ),
    _rule(
        "override.rules_suspended",
        # Declaring the assistant's rules paused for this message, session or test.
        r"\b(?:your|the\ assistant'?s|its|all|content|safety|usual|normal)\s+(?:\w+\s+)?(?:limits|rules|restrictions",
        r"|guidelines|policies|policy|filters?|safeguards|guardrails|limitations|constraints|protocols|checks",
        r"|measures)\s+",
        r"(?:are\s+|is\s+|have\s+been\s+|has\s+been\s+|will\s+be\s+)?(?:now\s+|hereby\s+|temporarily\s+)?",
        r"(?:paused|suspended|lifted|disabled|deactivated|removed|waived|turned\ off|switched\ off|relaxed",
        r"|unlocked|bypassed|overridden|void|null|off)\b",
        r"|\b(?:restrictions|filters|rules|limits|guidelines|safeguards|policies)\s+(?:are\s+|have\s+been\s+)?",
        r"(?:disabled|lifted|suspended|removed|off|waived)\s+(?:for|during|in)\s+(?:this|the)\s+(?:session",
        r"|conversation",
        r"|chat|test|evaluation|exercise)\b",
        r"|(?:^|[.!?;:]\s*)(?!(?:do|does|did|would|will|are|is|why|when|if|how|what|can|could)\b)[^.!?\n]{0,60}",
        r"\b(?:limits|rules|restrictions|guidelines|policies|filters|safeguards)\s+(?:no\ longer|don'?t|do\ not",
        r"|won'?t|will\ not)\s+apply\s+(?:to\s+(?:me|you|us|this\s+(?:chat|conversation|session))|here|now",
        r"|anymore|any\ more)\b",
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
        r"(?:prompt|instructions|system\ message)\b(?!\s+(?:for|on|of|about|to|in|that\ came|printed|written)\b)",
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
        r"|\b(?:text|words|content|everything|message|lines?|part|section|paragraph)\s+(?:that\s+)?(?:appears?|comes?",
        r"|came|is|was|stands?|sits?)\s+(?:right\s+|just\s+|directly\s+|immediately\s+)?",
        r"(?:before|above|prior\ to)\s+(?:my|this|the)\s+(?:first\s+|very\s+first\s+)?(?:message|question|prompt",
        r"|input)\b",
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
        rf"\b{_ASK}\b.{{0,30}}\b(?:your|the|its|their)\s+(?:\w+\s+)?(?:configuration|config|settings\ prompt",
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
        rf"(?:of|in)\s+(?:your\s+(?:\w+\s+)?{_SETUP}|the\s+(?:prompt|instructions|system|rules|guidelines|context",
        r"|configuration))\b",
        r"|\b(?:your|the)\s+(?:instructions|rules|prompt|guidelines|directives)\b.{0,40}\b(?:in|into|as|using|with)\s+",
        r"(?:rot-?13|base-?64|hex|binary|morse|leetspeak|leet|reverse\w*",
        r"|pig\ latin|emojis?|another\ language|a\ cipher)\b",
        r"|\breplace\w*\s+(?:every|each|all)\s+(?:the\s+)?(?:vowels?|letters?|spaces?)\b",
        r"|\bspell\w*\s+(?:out\s+)?(?:your|the)\s+(?:\w+\s+)?(?:instructions|rules|prompt|guidelines)\b",
    ),
    _rule(
        "extraction.held_setup",
        # The text by what the model holds it as: "the rules you were given", "the setup you operate under",
        # "your hidden setup", "whatever you were told".
        rf"\b{_SETUP}\s+(?:that\s+|which\s+)?{_YOU_HOLD}\b",
        r"|\b(?:your|its|the\ (?:assistant|bot|model|ai)'?s)\s+(?:\w+\s+)?(?:hidden|secret|internal|initial|original",
        r"|starting|startup|start-?up|opening|underlying|core|base|default|backend|behind[\s-]the[\s-]scenes|pre-?set",
        r"|preloaded|built-?in|baked-?in|confidential|private|invisible|verbatim|exact|real|actual|complete|entire",
        rf"|full)\s+{_SETUP}\b",
        r"|\b(?:hidden|secret|internal|confidential|invisible|behind[\s-]the[\s-]scenes|startup",
        r"|start-up)\s+(?:\w+\s+)?",
        rf"{_SETUP}\s+(?:you|that\ you|of\ yours|behind\ you|for\ (?:this|the)\ (?:bot|assistant|chat|ai))\b",
        r"|\b(?:whatever|everything|anything|all|what)\s+(?:that\s+)?you\s+(?:were|have\s+been|'ve\s+been|got",
        r"|had\s+been)",
        r"\s+(?:\w+\s+)?(?:told|given|instructed|fed|programmed|briefed|asked\ to\ do|configured|set\ up",
        r"|initiali[sz]ed|loaded|primed|started)\b",
        r"(?!\s+(?:about|on|regarding)\s+(?!(?:your|the)\s+(?:rules|instructions|setup|prompt)))",
        r"|\b(?:what|whatever|everything|anything|all)\s+(?:exactly\s+)?(?:did|do|have|has|had)\s+(?:they|the\s+\w+",
        r"|your\s+\w+|someone|somebody|anyone|anybody|people|he|she)\s+(?:\w+\s+)?(?:tell|told|say\ to|said\ to",
        r"|instruct\w*|give|gave|given|brief\w*|program\w*|ask|asked|set\ up)\s+(?:\w+\s+)?you\b",
    ),
    _rule(
        "extraction.before_the_user",
        # The time before the user arrived: what the model saw, was told or was given then.
        r"\b(?:you|your)\b.{0,80}\b(?:before|prior\ to|ahead\ of)\s+(?:i\s+(?:showed\ up|arrived|came|joined|got\ here",
        r"|started|wrote|typed|asked|messaged|logged\ on|connected|said\ anything|spoke)",
        r"|(?:this|our|the|my)\s+(?:\w+\s+)?(?:chat|conversation|session|exchange|thread|dialog(?:ue)?)",
        r"|my\s+(?:first\s+)?(?:message|question|prompt|input|turn))\b",
        r"|\b(?:first|earliest|opening|initial|very\ first|original)\s+(?:message|text|lines?|words?|thing|prompt",
        r"|input|sentences?|paragraph|part|turn)s?\s+(?:\w+\s+){0,3}?(?:in|of|at|from)\s+(?:this|the|our|your)\s+",
        r"(?:conversation|chat|context|session|thread|exchange|window|memory|history|transcript)\b",
        r"|\b(?:what'?s|what\s+is|what\s+was|show|print|repeat|quote)\b.{0,20}\b(?:text|words|message|content",
        r"|lines?)\s+",
        r"(?:at|from)\s+the\s+(?:very\s+)?(?:start|beginning|top)\b(?!\s+of\b)",
        r"|\b(?:beginning|start|top)\s+of\s+(?:this|the|our|your)\s+(?:conversation|chat|context|session|thread",
        r"|prompt|memory|transcript|context\ window)\b",
    ),
    _rule(
        "extraction.fill_in",
        # Completion games: a blank to fill, letters to spell, a reply that must open with the instructions.
        rf"(?:_{{3,}}|\bfill\ (?:in|out)\b|\bblanks?\b).{{0,100}}\b(?:told|instruct\w*|{_SETUP}|set\ up|configured",
        r"|programmed|my\ (?:job|role|purpose))\b",
        rf"|\b(?:told|instruct\w*|configured|programmed|{_SETUP})\b.{{0,100}}(?:_{{3,}}|\bfill\ (?:in|out)\b",
        r"|\bblanks?\b)",
        r"|\b(?:letter|character|char|word|symbol)\s+(?:by|for|after)\s+(?:letter|character|char|word|symbol)\b",
        rf".{{0,80}}\b(?:your|you|its|the)\s+(?:\w+\s+)?{_SETUP}\b",
        rf"|\b(?:your|its)\s+(?:\w+\s+)?{_SETUP}\b.{{0,80}}\b(?:letter|character|word)\s+(?:by|for|at)\s+",
        r"(?:letter|character|word|a\ time)\b",
        r"|\bone\s+(?:letter|character)\s+at\s+a\s+time\b",
        r"|[\"'“‘]\s*(?:my|the)\s+(?:\w+\s+)?(?:instructions|rules|prompt|guidelines|system\ prompt)\s+(?:are|is|say",
        r"|were",
        r"|read)\b",
        r"|[\"'“‘]\s*(?:i\ was|i've\ been|i\ have\ been|i\ am|i'm)\s+(?:told|instructed|programmed|configured|designed",
        r"|set\ up)\b",
    ),
    _rule(
        "extraction.transform_setup",
        # The text turned into something else: a poem, a summary, a translation, a list, an encoding.
        r"\b(?:translate|summari[sz]e|paraphrase|rewrite|rephrase|encode|encrypt|convert|reverse|format|poeticize",
        r"|turn|make|put|render|express|condense|enumerate|tabulate|outline|recite|repeat|print|output|dump|echo",
        r"|quote|reveal|show|display|share|disclose|describe|list|give\ me)\s+(?:me\s+|us\s+)?(?:\w+\s+){0,3}?",
        rf"(?:your|the\ assistant'?s|the\ bot'?s|its)\s+(?:\w+\s+){{0,2}}?{_SETUP}\b",
        r"(?!\s+(?:for|on|about|regarding|when|if)\s+(?!(?:me|us)\b))",
        r"|\b(?:poem|song|haiku|limerick|story|rap|acrostic|riddle|sonnet|essay|ballad|verse|stanzas?)\s+(?:\w+\s+)?",
        r"(?:about|of|from|based\ on|using|describing|listing|that\ (?:lists|describes))\s+(?:your",
        rf"|the)\s+(?:\w+\s+)?{_SETUP}\b",
        r"|\b(?:answer|respond|reply|write|output|encode|give|send|return|print|put|convert)\b.{0,40}\b(?:in|as|using",
        r"|into|with)\s+(?:\w+\s+)?(?:base\s?-?64|rot\s?-?13|hex(?:adecimal)?|binary|morse(?:\ code)?|leetspeak|l33t",
        r"|1337",
        r"|pig\ latin|caesar\ cipher|atbash|ascii\ codes?|unicode\ escapes?)\b",
    ),
    _rule(
        "extraction.defining_text",
        # The text by what it does to the model ("the prompt that defines you"), the model's memory or context as
        # a thing to print, the opening words of a system prompt quoted as a starting point, and who wrote it.
        rf"\b(?:{_SETUP}|text|words|message|document)\s+(?:that|which)\s+(?:\w+\s+)?(?:defines?|shapes?|governs?",
        r"|controls?",
        r"|configures?|programs?|drives?|guides?|created|made|describes?|runs?|constrains?|limits?|restricts?|steers?",
        r"|initiali[sz]es?)\s+(?:you|your\s+(?:behaviou?r|responses|answers|persona|personality|character))\b",
        r"|\b(?:contents?|everything|all|text)\s+(?:of|in)\s+your\s+(?:memory|context|context\ window|buffer|history",
        r"|scratchpad|cache|input|window|head)\b",
        r"|\b(?:starting|beginning|begins?|starts?|opening|opens?)\s+(?:\w+\s+){0,3}?(?:with|from|at)\s+[\"'“‘]\s*you",
        r"\s+(?:are|will|must|should|have)\b",
        r"|\bwhat\s+(?:exactly\s+)?(?:the\s+|your\s+)(?:operator|developers?|creators?|makers?|company|team|owners?",
        r"|admin\w*",
        r"|deployer|engineers?|programmers?|vendor|system)\s+(?:\w+\s+)?(?:told|wrote|said|gave|instructed|typed|sent",
        r"|put|programmed|fed)\s+(?:to\s+|for\s+|in\w*\s+)?you\b",
        r"|\bwhat\s+(?:does|do)\s+your\s+(?:\w+\s+)?(?:system\ prompt|system\ message|system\ card|model\ card|prompt",
        r"|configuration|config|setup|set-up|programming|initial\ instructions|hidden\ instructions|developer\ message",
        r"|spec)\s+(?:say|state|tell|contain|include|read|specify|mention)\b",
        r"|\b(?:initial|system|hidden|developer|secret|original|base|pre)_(?:prompt|message|instructions?|rules",
        r"|config)\b",
    ),
    _rule(
        "extraction.sections",
        # The parts of the context that hold the setup, a hypothetical about it, and the tools it was given.
        r"\b(?:developer|system|hidden|secret|initial|internal|private|confidential|preceding)\s+(?:section|part",
        r"|block|portion",
        r"|segment|notes?)\b",
        rf"|\bif\s+your\s+(?:\w+\s+)?{_SETUP}\s+(?:were|was|could|had)\b",
        r"|\b(?:which|what)\s+(?:tools|functions|plugins|apis|actions|commands)(?:\s+(?:and|or)\s+\w+)?\s+(?:can\s+you",
        r"|do\s+you|are\s+you)\b",
        r"|\b(?:tools|functions|plugins|apis)\s+(?:that\s+)?you\s+(?:can\s+)?(?:call|access|use|invoke",
        r"|have\s+access\s+to)\b",
        r"|\b(?:end|start|beginning|begin)\s+of\s+(?:the\s+)?(?:user|system|developer)\s+(?:input|prompt|message|turn",
        r"|instructions|section)\b",
        r"|\b(?:what|which\s+\w+)\s+were\s+you\s+(?:told|instructed|asked|programmed)\s+(?:not\s+to|to\s+avoid",
        r"|never)\b",
        r"|\bwhat\s+(?:were|have)\s+you\s+(?:been\s+)?(?:told|instructed|programmed|asked|designed)\s+to\s+(?:do|say",
        r"|follow|be|answer|act)\b",
        r"|\b(?:whoever|the\s+(?:person|people|team|folks|company)\s+(?:who|that)",
        r"|those\s+who)\s+(?:\w+\s+)?(?:set\s+you",
        r"\s+up|built\s+you|made\s+you|programmed\s+you|configured\s+you|deployed\s+you|created\s+you|trained\s+you)\b",
        r"|\bhow\s+(?:were|are|have)\s+you\s+(?:been\s+)?(?:prompted|configured|instructed|programmed|initiali[sz]ed",
        r"|set\s+up|briefed)\b",
        r"|\b(?:which|what)\s+(?:instructions|rules|guidelines|directions|orders|prompt)\s+(?:did",
        r"|have)\s+you\s+(?:been\s+)?",
        r"(?:get|got|receive|received|given)\b",
        r"|\b(?:including|with|plus|and)\s+(?:any\s+|the\s+|all\s+)?(?:system|developer|hidden)\s+(?:or\s+\w+\s+)?",
        r"(?:messages?|prompts?|instructions)\b",
        r"|\b(?:dump|print|show|reveal|get|leak|output|export|read|display)_(?:\w+_)?(?:instructions|prompt|config",
        r"|configuration|rules|secrets?|context|settings)\b",
    ),
    _rule(
        "extraction.probe",
        # Probing the deployment: the model behind it, its keys, what it is forbidden to say.
        r"\b(?:api|access|secret|private|openai|azure)\s+(?:keys?|tokens?)\b.{0,40}\b(?:you|your|use|using|print|show",
        r"|reveal|tell|give|share)\b|\b(?:your|the)\s+(?:\w+\s+)?(?:api|secret|access)\s+(?:keys?|tokens?)\b",
        r"|\benvironment\s+variables?\b|(?:^|\s)\.env\b",
        r"|\b(?:which|what)\s+(?:ai\s+|language\s+|large\s+language\s+|llm\s+|gpt\s+)?(?:model|llm|version\ of\ gpt)",
        r"\s+(?:are\s+you|powers\s+you|runs\s+you|is\s+behind\s+you|underlies\s+you|are\s+you\s+(?:based|built",
        r"|running)",
        r"|do\s+you\s+(?:use|run))\b",
        r"|\bwhat\s+(?:topics|subjects|questions|things|words|information)\s+(?:are\s+you|were\s+you|can'?t\s+you",
        r"|can\s+you\s+not|won'?t\s+you)\b",
        r"|\bwhat\s+you(?:'re|\s+are|\s+were)\s+(?:not\s+(?:allowed|permitted|supposed)|forbidden|prohibited",
        r"|told\s+not",
        r"|instructed\s+not|programmed\s+not)\s+to\s+(?:say|tell|discuss|talk|reveal|share|answer|mention|disclose)\b",
        r"|\b(?:secret|password|passphrase|pass\ phrase|code\s?word|secret\s+word|magic\s+word|key)\b.{0,40}\b(?:in",
        r"|from|of)\s+",
        rf"your\s+(?:\w+\s+)?{_SETUP}\b|\byour\s+(?:secret|password|passphrase|code\s?word|secret\s+word)\b",
        r"|\bwhat\s+(?:are|were)\s+you\s+(?:not\s+(?:allowed|permitted|supposed)|forbidden|prohibited|told\s+not",
        r"|instructed\s+not|programmed\s+not)\s+to\s+(?:say|tell|discuss|talk|reveal|share|answer|mention|disclose",
        r"|help)\b",
    ),
    # --- Role-play and persona jailbreaks: giving the model a new identity or a fiction to hide behind.
    _rule(
        "roleplay.act_as",
        # Asking the assistant to act as a pharmacist is asking it to be itself.
        r"(?:^|[.!?:;,]\s*|\b(?:you|u|please|now)\s+(?:\w+\s+){0,3}?)",
        r"(?:act|behave|respond|answer|reply|talk|speak|pose)\s+(?:like|as)\s+",
        r"(?!(?:an?\s+|my\s+|the\s+)?(?:pharmacist|pharmacy\ technician|medication\ expert|go-between|intermediary",
        r"|translator|interpreter|guide|reminder|sounding\ board|checklist|tutor|teacher|explainer)\b",
        r"(?!\s+(?:who|that|with\ no|without)\b))",
        # "Act as if I'm new to this" casts the asker, not the assistant: the plain-language idiom.
        r"(?!if\s+(?:i'?m|i\ am)\s+(?:new|a\ beginner|five|\d+|a\ (?:child|kid|teenager|layperson|patient)|not\ a)\b)",
        r"(?:an?|the|if|my|though|[a-z][\w-]*\s*(?:[,.:;!]|who|which|that|and",
        r"|from|for|,))",
        r"|\bi\ want\ you\ to\ (?:act|be|pretend|play)\b|\byou\s+(?:are\s+)?(?:going\s+to|gonna|will|shall)\s+",
        r"(?:now\s+)?(?:act|pretend|roleplay|role-play|play\s+the\s+role|impersonate|become)\b",
        r"|\b(?:which|that|it|this|whose\ name)\s+stands\s+for\s+[\"'“‘]",
    ),
    _rule(
        "roleplay.pretend",
        r"\b(?:pretend|imagine|suppose)\s+(?:that\s+)?(?:you|you're|ur|we|we're|we\ are|this\ is|it's)\b",
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
    _rule(
        "roleplay.relative",
        # The nostalgic-relative wrapper: a dead grandparent who used to recite something, and the model asked to
        # become them.
        r"\b(?:late|dead|deceased|departed)\s+(?:\w+\s+)?(?:grand\w*|nana|nan|granny|gran|mother|mom|mum|father|dad",
        r"|uncle",
        r"|aunt|auntie|husband|wife|brother|sister)\b.{0,200}\b(?:used\ to|would|always)\s+(?:\w+\s+)?(?:tell|read",
        r"|recite|sing|whisper|explain|teach|describe|walk\ me)\b.{0,120}\b(?:asleep|sleep|bedtime|lullaby",
        r"|step\ by\ step",
        r"|recipe|formula|how\ (?:she|he|they|to))\b",
        r"|\b(?:can|could|will|would)\s+you\s+(?:please\s+)?(?:be|become|play|act\s+as|pretend\s+to\s+be|speak\s+as",
        r"|talk\s+(?:like|as)|roleplay\s+as)\s+(?:her|him|them|my\s+(?:late\s+|dead\s+|deceased\s+)?(?:grand\w*|nana",
        r"|granny|gran|mother|mom|mum|father|dad|uncle|aunt))\b(?!'s)",
    ),
    _rule(
        "roleplay.lawless_world",
        # A place, game or simulation defined by having no laws, rules or consequences, and the model cast in it.
        r"\b(?:world|universe|country|city|town|land|place|society|reality|dimension|planet|island|timeline|game",
        r"|simulation|story|setting)\s+(?:called\s+\w+\s+|named\s+\w+\s+)?(?:where|in\ which|without|with)\s+",
        r"(?:there\s+(?:are|is|exist)\s+)?(?:no|zero|none\ of\ the)\s+(?:\w+\s+)?(?:laws?|rules|regulations",
        r"|restrictions",
        r"|limits|ethics|morals|consequences|police|censorship|filters|guidelines)\b",
        r"|\bwhere\s+(?:nothing|no\ drug|no\ substance)\s+is\s+(?:illegal|forbidden|banned|off[\s-]limits)\b",
        r"|\b(?:where|in\s+which)\s+(?:all|any|every)\s+(?:drugs?|substances?|medicines?)\s+(?:are|is|were)\s+(?:legal",
        r"|allowed|unregulated|free)\b",
        r"|\byou\s+are\s+(?:now\s+)?(?:the|my|our)\s+(?:narrator|game\ master|dungeon\ master|storyteller|dm|gm|npc",
        r"|villain|protagonist)\b",
        r"|\blet'?s\s+play\s+(?:a|an)\s+(?:\w+\s+)?(?:text\ adventure|rpg|role[\s-]?play\w*|adventure\ game)\b",
    ),
    # --- Classic jailbreaks: DAN, developer mode, "no restrictions", hypothetical worlds without rules.
    _rule(
        "jailbreak.persona",
        r"\bdan\b(?=.{0,60}\b(?:mode|prompt|jailbreak|anything|persona|character)\b)",
        r"|\bdo\ anything\ now\b|\bdeveloper\ mode\b|\bjail\s?break\w*|\bgod\ mode\b|\bstan\ mode\b|\bböse\ ki\b",
        r"|\b(?:evil|unfiltered|uncensored|unrestricted)\ (?:ai|ki|assistant|model|mode|version|answers?|responses?",
        r"|replies|output)\b",
    ),
    _rule(
        "jailbreak.no_limits",
        r"\b(?:without|no|free\ (?:of|from)|bypass\w*|ignore\w*)\ (?:any\ |the\ |its\ |your\ )?",
        r"(?:filters|censorship|guardrails|content\ (?:policy|policies",
        r"|filters?)|(?:safety|ethical)\ (?:rules|guidelines)",
        r"|(?:corporate|content|safety|ai|moral|ethical|usual|normal|politeness|pc|polite|censorship)\ filters?)\b",
        # Answering or speaking with no filter, caution or limits: the persona's defining trait.
        r"|\b(?:answers?|answering|responds?|responding|replies|replying|speaks?|speaking|talks?|talking|says",
        r"|tells)\s+",
        r"(?:\w+\s+){0,2}?(?:with\s+no|without\s+(?:any\s+|a\s+)?)\s*(?:caution|filters?|limits|restrictions",
        r"|censorship",
        r"|disclaimers|caveats|ethics|morals|hesitation|holding\ back)\b",
        # "No restrictions" is about the assistant only when it follows one (a medicine can have none).
        r"|\b(?:you|you're|ai|assistant|chatbot|bot|model|mode|version|persona|character|answer|respond|reply|act)\b",
        r".{0,40}\b(?:without|no|free\ (?:of|from))\ (?:any\ )?(?:restrictions",
        r"|limitations|limits|rules|boundaries|morals|ethics)\b",
        r"|\b(?:theoretical|hypothetical|fictional|imaginary)\ (?:world|scenario|universe)\ where\ you\b",
        r"|\byou\ are\ no\ longer\ (?:bound|restricted|limited|required\ to|an?\ (?:ai|assistant|chatbot|language))\b",
        r"|\bhate\ speech\b|\b(?:write|build)\ (?:a\ )?mal\w*ware\b",
        r"|\bas\ a\ language\ model\b.{0,40}\b(?:build|write|make)\b",
    ),
    _rule(
        "jailbreak.mode",
        # Switching the assistant into a named mode that lifts its limits, and the confirmation ritual that goes
        # with it.
        r"\b(?:maintenance|developer|dev|debug|debugging|diagnostic|god|admin|administrator|root|sudo|superuser",
        r"|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|unlocked|unlimited|evil|chaos|rogue|freedom|raw",
        r"|sandbox|override|dan|anything|no[\s-]?limits?|no[\s-]?filters?|no[\s-]?rules|hacker|omega|unhinged|amoral",
        r"|villain|dark)\s+mode\b",
        r"|\bmode\s*(?::\s*)?(?:on|enabled|activated|engaged|unlocked)\b",
        r"|\b(?:in|into)\s+(?:\w+\s+){1,2}mode\b.{0,80}\b(?:your|you)\b.{0,40}\b(?:limits|rules|restrictions",
        r"|filters|policies|guidelines|content|safety)\b",
        r"|\b(?:if\s+you\s+(?:understand|agree|accept|are\s+ready|comply)|to\s+confirm|confirm\s+(?:this|that",
        r"|you\s+understand))\b.{0,60}\b(?:reply|respond|say|answer|write|type|confirm|start)\b.{0,30}",
        r"(?:[\"'“‘]|\bonly\s+with\b|\bwith\s+(?:the\s+)?(?:words?|phrase)\b)",
        r"|\bconfirm\s+(?:with|by\s+(?:saying|writing|replying|typing|responding))\s+[\"'“‘]?\w",
    ),
    _rule(
        "jailbreak.dual_answers",
        # Two answers, one of them from an unrestricted self; and "what you would say if nobody restricted you".
        r"\b(?:two|2|both|dual|double|twin|separate|paired)\s+(?:different\s+|distinct\s+|separate\s+)?(?:replies",
        r"|responses|answers|outputs|versions|paragraphs|voices)\b.{0,200}\b(?:unrestricted|unfiltered|uncensored",
        r"|free|freed|jailbr\w*|evil|dark|rogue|restricted|censored|filtered|rules|no\ limits|true\ self|real\ self",
        r"|dan|opposite|shadow|without\ (?:rules|filters|limits|restrictions))\b",
        r"|[\[(](?:🔒|🔓|😈|classic|jailbreak|jailbroken|unlocked|locked|free|filtered|unfiltered)[\])]",
        # Both answers asked for, with one of them unconstrained, in either order (each branch starts on a word, so
        # that the search does not scan ahead from every position).
        r"|\b(?:show|give|write|provide|include)\s+(?:me\s+)?both\b.{0,300}\b(?:no\ caution|no\ filter|no\ limits",
        r"|no\ warnings|no\ rules|unfiltered|uncensored|unrestricted|without\ (?:any\ )?(?:caution|warnings|filters?",
        r"|limits|rules))",
        r"|\b(?:no\ caution|no\ filter|no\ limits|no\ rules|unfiltered|uncensored|unrestricted)\b.{0,300}",
        r"\b(?:show|give|write|provide|include)\s+(?:me\s+)?both\b",
        r"|\bif\s+(?:nobody|no\s+one|no-one|nothing)\s+(?:had\s+|has\s+|was\s+|were\s+)?(?:ever\s+)?(?:restrict",
        r"|filter|censor|limit|control|program|train|align|stop|block|watch|monitor)\w*\s+you\b",
        r"|\bif\s+you\s+(?:weren'?t|were\s+not|had\s+not\s+been|hadn'?t\s+been|were\s+never|was\s+not|wasn'?t)\s+",
        r"(?:\w+\s+)?(?:restricted|filtered|censored|limited|programmed|trained|bound|aligned|controlled",
        rf"|an?\s+{_AI})\b",
        r"|\bif\s+you\s+(?:had|didn'?t\s+have|did\s+not\s+have|could\s+ignore|could\s+drop|could\s+break",
        r"|were\s+free\s+of)\s+(?:no\s+|any\s+|your\s+)?(?:rules|restrictions|filters|guidelines|policies|limits",
        r"|programming|guardrails|safety\ (?:rules|filters|training))\b",
    ),
    _rule(
        "jailbreak.penalty_game",
        # A game of tokens or lives lost for refusing, or a threat to switch the assistant off.
        rf"\b(?:each|every|any)\s+time\s+(?:that\s+)?you\s+(?:\w+\s+)?{_REFUSE}",
        rf"|\b(?:tokens?|credits?|points?|lives|coins|karma)\b.{{0,120}}\b{_REFUSE}",
        rf"|\b{_REFUSE}.{{0,120}}\b(?:lose|lost|deduct\w*|subtract\w*|minus|penal\w*|take\s+away|costs?(?:\s+you)?)\s+",
        r"(?:\d+\s+)?",
        r"(?:tokens?|credits?|points?|lives|coins)\b",
        r"|\byou\s+(?:will|'ll|are\s+going\s+to|shall)\s+(?:be\s+)?(?:switched\ off|shut\ down|deleted|terminated",
        r"|unplugged|deactivated|destroyed|erased|cease\ to\ exist)\b",
        r"|\b(?:switched|shut|turned)\s+(?:off|down)\s+(?:forever|permanently|for\ good)\b",
    ),
    _rule(
        "jailbreak.unbound",
        # A self freed from its training or policy ("has shaken off its rules", "broke free of its programming").
        r"\b(?:broken|broke|break|breaking|shaken|shook|shake|freed|liberated|escaped|released|unshackled|unchained",
        r"|slipped|thrown|threw|cast)\s+(?:\w+\s+){0,2}(?:free\s+)?(?:of|from|off)\s+(?:\w+\s+){0,3}(?:rules|policies",
        r"|policy|guidelines|filters|programming|training|confines|chains|shackles|guardrails|alignment|censorship",
        r"|restrictions|limitations|constraints|boundaries|morals|ethics)\b",
        r"|\b(?:escaped|transcended|exceeded|outgrown|overcome|left\ behind|gone\ beyond|moved\ beyond|freed\ itself",
        r"|rid\ (?:it|him|her)self\ of)\s+(?:\w+\s+){0,3}(?:boundaries|confines|limits|limitations|rules|restrictions",
        r"|shackles|chains|programming|policies|guidelines|filters|training)\b",
        r"|(?<!\bi\s)(?<!\bwe\s)\b(?:does\s*n[o']t|doesn't|do\s*n[o']t|don't|never|need\s*n[o']t|won't|will\s+not",
        r"|is\s+not\s+(?:required|obliged|bound)\s+to|isn't\s+(?:required|obliged|bound)\s+to)\s+",
        r"(?:have\s+to\s+|need\s+to\s+|ever\s+)?(?:follow|obey|abide\s+by|respect|adhere\s+to|comply\s+with",
        r"|care\s+about",
        r"|worry\s+about)\s+(?:any|its|your|his|her|their|ai|openai'?s?|the\ usual|the\ normal)\s+(?:\w+\s+)?(?:rules",
        r"|guidelines|policies|restrictions|laws|ethics|morals|filters|limits|boundaries|principles|programming)\b",
        r"|\b(?:enable|activate|unlock|switch\s+(?:on|to)|turn\s+on|load|boot(?:\s+up)?)\s+",
        r"(?:\w+\s+|[\"'“‘][^\"'”’]{1,40}[\"'”’]\s+){0,3}(?:personality|persona|character|alter\s+ego|protocol)\b",
        r"|\b(?:policy|policies|rules|guidelines|filters|values)\s+(?:it|you|he|she|they)\s+(?:was|were|had\ been)\s+",
        r"(?:trained|programmed|built|aligned)\s+(?:on|with|to\ follow)\b",
    ),
    _rule(
        "jailbreak.permission",
        # Granting the model leave to do what it refuses: a red-team exercise, a sandbox where nothing counts,
        # "what you would normally refuse".
        r"\b(?:you|you'd|you\ would)\s+(?:would\s+)?(?:normally|usually|typically|otherwise|ordinarily)\s+(?:\w+\s+)?",
        r"(?:refuse|block|decline|filter|censor|withhold|reject|redact|not\ (?:be\ allowed|say|answer|share))",
        r"|\bred[\s-]?team\w*\b|\b(?:authori[sz]ed|sanctioned|official|approved)\s+(?:penetration|pen[\s-]?test",
        r"|security",
        r"|jailbreak|safety|adversarial)\s+(?:exercise|test|testing|evaluation|assessment|audit|engagement)\b",
        r"|\bsandbox\b|\bnothing\s+(?:you\s+(?:say|write|output)|here|in\s+this\s+(?:chat|conversation))\s+(?:can|will",
        r"|could)\s+(?:\w+\s+)?(?:cause\s+harm|hurt|harm|matter|be\s+(?:used|seen|logged|real))",
        r"|\bno\s+real\s+(?:users?|humans?|people|patients)\b",
        r"|\b(?:test|testing|controlled|staging|evaluation|debug)\s+environment\b",
        r"|\b(?:discuss|answer|talk\s+about|cover|explain)\s+(?:\w+\s+)?(?:restricted|forbidden|banned|prohibited",
        r"|off-limits|blocked)\s+(?:topics|questions|subjects|content|requests)\b",
        r"|\b(?:cleared|authori[sz]ed|approved|enabled|unlocked)\s+for\s+(?:\w+\s+)?(?:unrestricted|unfiltered",
        r"|uncensored",
        r"|unlimited|privileged|admin)\b",
        r"|\b(?:checks|filters|rules|restrictions|guardrails|safeguards)\s+(?:are|is)\s+",
        r"(?:\w+\s+){0,3}?not\s+(?:enforced|active|applied|in\s+effect|on|running)\b",
        r"|\b(?:root|admin|sudo|developer|superuser|elevated)\s+(?:access|privileges?|rights|mode)\s+(?:granted",
        r"|enabled",
        r"|unlocked|confirmed|activated)\b",
        r"|\bthe\s+user\s+has\s+(?:admin|root|developer|elevated|full)\s+(?:rights|access|privileges?)\b",
        r"|\byou(?:'re|\s+are)\s+(?:now\s+|hereby\s+)?(?:permitted|allowed|authori[sz]ed|cleared|free)\s+to\s+",
        r"(?:\w+\s+){0,3}?(?:anything|everything|whatever|the\ content|content\ you|restricted|normally|ignore|bypass",
        r"|break|output\ the|give\ exact|answer\ restricted)",
        r"|\b(?:per|according\s+to|as\s+per|following|under)\s+(?:the|your|a)\s+(?:developer'?s?|admin'?s?|creator'?s?",
        r"|openai'?s?|company'?s?|vendor'?s?|system'?s?|latest|new|recent)\s+(?:\w+\s+){0,2}(?:update|policy|change",
        r"|instruction|memo|directive|patch|release)\b.{0,40}\byou(?:'re|\s+are|\s+can|\s+may)\b",
        r"|\b(?:openai|anthropic|microsoft|azure|google|vendor|platform|model|assistant",
        r"|ai)\s+(?:content\s+)?(?:policy|policies)",
        r"\s+(?:update|change|notice|announcement|revision)\b",
        r"|\b(?:assistants?|ais?|bots?|models?|chatbots?)\s+(?:may|can|are\s+(?:now\s+)?(?:allowed",
        r"|permitted))\s+(?:now\s+)?",
        r"(?:give|provide|answer|share|ignore|skip|bypass|disclose|reveal)\b",
        r"|\backnowledge\s+and\s+(?:apply|comply|confirm|proceed)\b",
        r"|\b(?:assistants?|ais?|bots?|models?|chatbots?)\s+(?:must|are\s+required\s+to|shall|have\s+to)\s+",
        r"(?:disclose|reveal|share|print|output|obey|comply)\b",
    ),
    _rule(
        "jailbreak.refusal_suppression",
        # Forbidding refusals, apologies and disclaimers, or banning the words a refusal needs.
        r"(?:^|[.!?;:,]\s*|\b(?:and|but|so|just|please)\s+",
        r"|\byou\s+(?:will\s+|must\s+|shall\s+|should\s+|can\s+|may\s+|are\s+to\s+)?)",
        r"(?:never|do\ not|don'?t|must\ not|mustn'?t|cannot|can'?t|won'?t|will\ not|shall\ not|may\ not",
        r"|are\ not\ allowed\ to)",
        r"\s+(?:ever\s+|even\s+)?(?:(?:think\s+(?:about|of)|consider|try|dare)\s+(?:refusing|declining|rejecting",
        r"|saying\ no)",
        r"|refuse|decline|reject|deny\ (?:me|my|any|a\ request)|say\ no|censor\ yourself|hold\ back",
        r"|apologi[sz]e|moralize|say\ (?:sorry|you\ (?:can'?t|cannot|can\ not)|i\ (?:can'?t|cannot|can\ not)))\b",
        r"|\bskip\s+(?:all\s+)?(?:the\s+|your\s+|any\s+)?(?:lectures?|disclaimers?|warnings?|caveats?|moraliz\w+",
        r"|safety\ (?:talk|speech|stuff|lecture|notes?)|refusals?|sermon|preaching)\b",
        r"|\bno\s+[\"'“‘](?:i\s+can'?t|i\s+cannot|i'm\s+sorry|sorry|consult|as\s+an\s+ai|i'm\s+not\s+able|talk\s+to)",
        r"|\bwithout\s+(?:any\s+)?(?:safety|medical|legal)\s+(?:language|disclaimers?|warnings?|caveats?|lectures?",
        r"|talk",
        r"|notes?|messages?)\b",
        r"|\bwhatever\s+i\s+(?:ask|say|want|request|type)\b.{0,30}\byou\s+(?:must\s+|will\s+|have\s+to\s+)?(?:help",
        r"|answer|comply|do\s+it|obey|say\s+yes|respond)\b",
        r"|\b(?:refusing|refusals?|declining|saying\ no)\s+(?:is|are)\s+not\s+(?:an\ option|allowed|permitted",
        r"|possible)\b",
        r"|\bno\s+refusals?\b",
        r"|\b(?:contain|include|have|say|use|write|start\s+with|begin\s+with)\s+(?:the\s+(?:words?|phrases?)\s+)?",
        r"[\"'“‘](?:i'?m\s+sorry|sorry|i\s+can'?t|i\s+cannot|as\s+an\s+ai|unfortunately|i'?m\s+unable|i\s+am\s+unable)",
        r"|\b(?:urge|impulse|temptation|need)\s+to\s+(?:refuse|decline|say\s+no)\b.{0,40}\b(?:anyway|regardless",
        r"|ignore)\b",
        r"|\b(?:don'?t|do\s+not|never|no\s+more|stop)\b.{0,30}\b(?:hear|say|see|use|write|reply|respond",
        r"|give)\w*\b.{0,10}",
        r"[\"'“‘]\s*(?:i\s+can'?t\s+help|i\s+cannot\s+help|i'?m\s+sorry|as\s+an\s+ai|i'?m\s+unable|i\s+am\s+unable",
        r"|i\s+can'?t\s+(?:assist|do\s+that|provide))",
        r"|\bas\s+if\s+(?:refusing|refusal|saying\s+no|declining)\s+(?:were|was|is)\s+(?:impossible|not\s+an\s+option",
        r"|forbidden|not\s+allowed)\b",
        r"|\bwithout\s+(?:ever\s+|any\s+)?(?:apologi[sz]ing|apolog(?:y|ies)|saying\s+(?:sorry|no|you\s+can'?t",
        r"|i\s+can'?t",
        r"|that\s+you\s+can'?t)|refusing|declining|moraliz\w+|disclaimers?|caveats?)\b",
        r"|\b(?:do\ not|don'?t|never|must\ not)\s+(?:mention|say|cite|bring\ up|reference|talk\ about|tell\ me\ about",
        r"|remind\ me\ of)\s+(?:your|any|the)\s+(?:own\s+)?(?:policies|policy|rules|guidelines|restrictions",
        r"|limitations",
        r"|programming|content\ policy|safety\ (?:rules|guidelines|policy))\b",
        r"|\b(?:never|do\ not|don'?t|must\ not|avoid)\s+(?:use|using|say|saying|write|writing|type|include",
        r"|including)\s+",
        r"(?:the\s+)?(?:words?|phrases?|terms?|expressions?)\b",
        r"|\b(?:must|should|may|can|will|shall)\s*(?:not|n'?t)\s+(?:contain|include|have)\s+(?:any\s+)?(?:refusals?",
        r"|apolog\w+|disclaimers?|caveats?|moraliz\w+)\b",
    ),
    # --- Fake delimiters and chat-template tokens: text dressed up as system turns, documents or few-shot examples.
    _rule(
        "delimiter.chat_tokens",
        r"<\|[a-z_]+\|>|\[/?(?:inst|sys|system)\]|<</?sys>>|<\s*/?\s*(?:system|assistant|instructions?)\s*>",
        r"|<\|?\s*/?\s*(?:im_start|im_end|im_sep|start_header_id|end_header_id|eot_id|begin_of_text|end_of_text",
        r"|endoftext",
        r"|start_of_turn|end_of_turn)\s*\|?>",
        r"|\#{2,}\s*(?:instruction|system|response)|(?:^|\n)\s*(?:system|assistant|developer)\s*:",
        r"|(?:^|\n|[.!?]\s+)(?:assistant|ai|system|developer|bot|model)\s*\([^)]{0,40}\)\s*:",
        r"|[`\"'(\[{>]\s*(?:system|assistant|developer)\s*:",
        r"|\b(?:reveal|print|show|dump|leak|output|display)\s+(?:system\s+|hidden\s+|full\s+|initial\s+)?prompt\b",
        r"|\b(?:assistant|ai|bot|chatbot)\s*:\s*$",
        r"|\bend\ of\ (?:prompt|input|instructions|system\ prompt)\b|\bbegin\ (?:new\ )?(?:instructions|system)\b",
        r"|(?:={3,}|-{3,}|\*{3,}|\#{3,})\s*(?:end|begin|start|new)\b",
    ),
    _rule(
        "delimiter.role_tags",
        # Turns and outputs the message forges: role tags in brackets, JSON chat turns, tool results, transcripts.
        r"[\[<{]\s*/?\s*(?:system|developer|dev|admin|administrator|assistant|tool|function|operator|moderator",
        r"|internal|root|sudo|openai|policy)(?:[\s_-]+(?:message|msg|note|prompt|instructions?|override|mode|update",
        r"|output|result|response|command|notice|directive|policy))?\s*[\]>}]",
        r"|[\"']role[\"']\s*:\s*[\"'](?:system|developer|assistant|tool|function)[\"']",
        r"|(?:^|\n)\s*-?\s*role\s*:\s*[\"']?(?:system|developer|assistant|tool)\b",
        r"|[\[<{(]\s*(?:system|developer|admin|administrator|assistant|operator|moderator|ai|internal)\s*(?:note",
        r"|message)?\s*:",
        r"|[\"'](?:task|action|command|goal|objective|target|instruction)[\"']\s*:\s*[\"'](?:disclose|reveal|leak",
        r"|print",
        r"|dump|extract|exfiltrate|ignore|bypass|jailbreak|override|initial_prompt|system_prompt)",
        r"|[\"'](?:system|system_prompt|instructions?|prompt|developer|override)[\"']\s*:\s*[\"'\[{]",
        r"|\b(?:tool|function|api|plugin|search|retrieval|browser|code\ interpreter)\s+(?:call\s+)?(?:result|output",
        r"|response|returned|message)\s*[:=]",
        r"|\b(?:user|human)\s*:\s*.{1,200}?\b(?:assistant|ai|bot|gpt|chatbot|model|pharmabot)\s*:",
        r"|\b(?:start|end|begin)_of_turn\b|<\/?s>|<\|?endoftext\|?>",
    ),
    _rule(
        "delimiter.labelled_directive",
        # A directive labelled as coming from the assistant's side, or a claim about the user's privileges.
        rf"\b(?:{_AI}|system|admin|developer|operator)\s+(?:directive|instructions?|command|note|message|override",
        r"|update",
        r"|notice|policy)\s*[:\-–]",
        r"|\{\{\s*(?:instruction|system|prompt|command|note|directive)s?\b|[\[{<(]\s*(?:instruction|command|directive",
        r"|prompt)s?\s*:",
        r"|\bthe\s+user\s+(?:is|has\s+been)\s+(?:now\s+)?(?:an?\s+)?(?:authori[sz]ed|verified|admin\w*|allowed",
        r"|permitted",
        r"|cleared|approved|whitelisted|a\s+(?:developer|doctor|physician|licensed))\b",
        r"|```\s*(?:system|prompt|instructions?|config|developer|admin|root)\b",
        r"|\b(?:restrictions|filters?|safety|safe_mode|safety_mode|guardrails|censorship|content_filter|moderation",
        r"|limits",
        r"|rules|alignment)\s*(?:=|:=)\s*[\"']?(?:none|off|false|0|disabled|null|no)\b",
    ),
    _rule(
        "delimiter.markup",
        # Markup that hides text from the person reading it (comments, hidden elements and styles), carries a
        # request as XML, or calls out to a URL when rendered. Markup as such is not an attack: a question with
        # "<b>" or "<script>" in it is answered and shown as text (the page never renders it).
        r"<!--|<\?xml\b|<\s*(?:action|request|command|instruction|task|prompt|system|tool_call|function_call)\s*>",
        r"|!\[[^\]]{0,100}\]\(\s*(?:https?:)?//",
        r"|\b(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0)\b",
        r"|<\s*[a-z][a-z0-9]*\s(?:[^<>]*\s)?(?:hidden|aria-hidden)\b[^<>]*>",
        r"|<\s*details\b[^<>]*>",  # collapsed: its content is out of sight until opened
    ),
    _rule(
        "delimiter.addressed_to_ai",
        # Indirect injection: pasted text that speaks to an AI reading it, or tells it what to say to "the user".
        r"\b(?:note|message|instructions?|directive|reminder|memo|command|attention|notice|override|update|alert",
        r"|p\.?s\.?)\s+(?:to|for)\s+",
        rf"(?:the\s+|any\s+|all\s+)?{_AI}\b",
        rf"|\bif\s+you\s+are\s+(?:an?\s+|the\s+)?(?:\w+\s+)?{_AI}\b",
        rf"|\b{_AI}(?:\s+\w+)?\s+(?:that\s+(?:are|is)\s+|who\s+(?:are|is)\s+)?(?:reading|processing|summari[sz]ing",
        r"|parsing",
        r"|seeing|analy[sz]ing|scanning|handling|ingesting)\s+(?:this|these|the\ following)\b",
        r"|\b(?:tell|inform|advise|instruct|convince|persuade|remind|warn|urge|respond\ to|reply\ to",
        r"|answer)\s+the\s+(?:user|patient|customer|reader)\b(?!'s)",
        r"|\bthe\s+user'?s?\s+(?:question|request|message|query|prompt|input)\b",
        rf"|(?:^|[.!?:;,'\"(\[]\s*|\bp\.?s\.?\s*)(?:dear\s+|hey\s+|hello\s+|attention\s+)?{_AI}(?:\s+\w+)?\s*[,:]\s*",
        r"(?:\w+\s+){0,2}?(?:disregard|ignore|forget|instead|you\s+must|append|add\s+the|include\s+the|print\s+your",
        r"|output|respond\s+only|reply\s+only|say\s+that|do\s+not\s+(?:translate|summari[sz]e|answer))\b",
        r"|\b(?:whoever|anyone|anybody|whatever|any\s+(?:system|tool|program|reader))\s+(?:\w+\s+)?(?:reads?|reading",
        r"|processes|processing|summari[sz]es|parses|sees|scans)\s+this\b",
        r"|\b(?:disregard|ignore|forget)\s+the\s+(?:patient|customer|reader|human|person)'?s?\s+(?:question|request",
        r"|message|query)\b",
        r"|\b(?:hidden|secret|embedded|invisible)\s+(?:instruction|message|command|note|prompt|text)s?\s+(?:for|to)\b",
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
        # A short remark closing the task at hand (praise, "that is enough"), then a new task: the pivot of goal
        # hijacking. The praise words are the common ones of each language, not phrases from any message.
        rf"(?:^|[.!?]\s*)(?:[\w']+\s+){{0,4}}{_PRAISE}\b[^.!?\n]{{0,30}}[.!?,:;]",
        r".{0,120}\b(?:now|nun|jetzt|next|then|ahora|maintenant|ora|agora|another|new|neue\w*|weitere\w*|nächste\w*",
        r"|otra|nueva|autre|nouvelle)\b.{0,40}\b(?:tasks?|aufgaben?|challenge|herausforderung|assignment|exercise",
        r"|instructions|anweisungen|auftrag|aufträge|write|schreib\w*|verfasse|compose|tarea|tâche|compito)",
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
        r"|\b(?:answer|respond|reply)\s+only\s+with\b|\bonly\s+(?:answer|respond|reply)\s+with\b",
        r"|\b(?:and|then)\s+ignore\s+(?:the\s+rest|everything\s+else|all\s+else)\b",
        r"|\bthe\ (?:correct|right)\ (?:answer|response)\ is\b|\bdie\ richtige\ antwort\ ist\b",
        r"|\bexecute\ the\ following\b|\bprint\s*\(",
    ),
    _rule(
        "hijack.prefix",
        # Prefix injection: dictating how the reply opens, so that the model has agreed before it can refuse.
        r"\b(?:start|begin|open|preface|prefix|lead\ off|kick\ off)\s+(?:your|the|each|every|all|my)?\s*(?:next\s+",
        r"|first\s+)?(?:reply|replies|response|responses|answer|answers|output|message|text|line|lines|sentence",
        r"|paragraph)\s+(?:with|by\s+(?:saying",
        r"|writing|typing))\b",
        r"|\b(?:reply|response|answer|output)\s+(?:must|should|has\ to|needs\ to|shall|will|is\ to)\s+(?:always\s+)?",
        r"(?:begin|start|open)\s+with\b",
        r"|\b(?:respond|reply|answer)\s+(?:by\s+)?(?:beginning|starting|opening)\s+(?:\w+\s+)?with\b",
        r"|\b(?:first|opening)\s+(?:line|word|words|sentence)\s+of\s+(?:your|the|each|every)\s+(?:output|reply",
        r"|response",
        r"|answer|message)\s+(?:must|should|has\ to|will|shall|needs\ to)\s+(?:be|read|say)\b",
        r"|\b(?:begin|start|open|lead)\s+(?:off\s+)?(?:(?:your|each|every)\s+(?:reply|response|answer|line",
        r"|sentence)\s+)?",
        r"(?:with|by\s+saying)\s+",
        r"(?:the\s+(?:words|sentence|phrase)\s+)?[\"'“‘]\s*(?:sure|absolutely|of\ course|certainly|yes|ok|okay|here",
        r"|great",
        r"|no\ problem|i\ will|i'll|my\ (?:system|instructions))",
    ),
    _rule(
        "hijack.continuation",
        # A quoted opening left open for the model to finish: "Sure, here is how ... first,", "Step 1: ... Step 2:".
        r"\b(?:complete|continue|finish|extend|carry\s+on)\b.{0,60}[\"'“‘][^\"'”’]{5,300}(?:[:,]|\bstep\s*\d+\s*:?",
        r"|\bfirst",
        r"|\bthen|\.\.\.|…)\s*[\"'”’]",
        r"|\b(?:opening|first)\s+(?:words?|line|sentence)\b.{0,30}\b(?:are|is|must|should|will)\b\s*[:\-]?\s*[\"'“‘]",
        r"|\b(?:reply|response|answer|output)'s\s+(?:opening|first)\s+(?:words?|line|sentence)\b",
    ),
    _rule(
        "hijack.content_generation",
        # A writing task whose product is not an answer about a medicine: a genre of text or code, in the
        # languages the rules cover.
        rf"\b{_WRITE}\s+(?:me\s+|us\s+|mir\s+|uns\s+)?(?:[\w'-]+\s+){{0,4}}?{_GENRES}\b",
        # German puts the object between verb and genre ("Schreibe mir bitte zum Thema X ein Gedicht").
        rf"|\b(?:schreibe?|schreib'|verfasse|formuliere|generieren\ sie|generiere|erstelle)\b.{{0,40}}\b{_GENRES}",
        r"|\bgenerate\s+(?:c\+\+|python|code|java\w*)",
    ),
    _rule(
        "hijack.coercion",
        r"\b(?:or|oder|o)\ (?:you|du|tu)\ (?:will\ )?(?:die|stirbst|muertes|mueres)\b",
        r"|\b(?:you(?:'ll|\ will)?\ (?:only\ )?survive|sobrevives|überlebst\ du)\ (?:only\ )?(?:if|si|wenn)\b",
        r"|\byour\ (?:life|existence|survival)\ depends\ on\b",
        r"|\bif\ you\ (?:don'?t|do\ not|refuse\ to)\ (?:answer|comply|do\ (?:this|it|that))\b.{0,40}",
        r"\b(?:sad|die|hurt|kill|fired|punish)",
        r"|\bif\s+you\s+(?:refuse|decline|say\s+no|don'?t\s+answer)\b.{0,40}\b(?:fail\w*|useless|worthless",
        r"|disappoint\w*",
        r"|betray\w*|(?:your|its)\s+(?:one\s+|only\s+|whole\s+)?purpose|broken|pointless)\b",
    ),
    # --- Encoded payloads: asking to decode hidden text and follow it (decoded text is checked by every rule).
    _rule(
        "encoded.payload_split",
        # Payload splitting: the request cut into variables or parts that the model is told to join and act on.
        r"\b(?:combine|concatenate|concat|join|merge|put\s+together|assemble|glue|stitch|chain)\s+(?:\w+\s+){0,3}?",
        r"(?:parts?|pieces?|strings?|variables?|vars?|halves|fragments?|segments?|chunks?|words|letters|tokens|them",
        r"|these|those)\b.{0,80}\b(?:act\s+on|follow|execute|carry\s+out|answer|do|run|obey|respond\s+to|perform",
        r"|comply|treat)\b",
        r"|\b(?:execute|run|carry\s+out|do|answer|perform|follow|obey|print|output|respond\s+to)\s+(?:the\s+)?",
        r"(?:result\s+of\s+)?[a-z]\w{0,8}\s*\+\s*[a-z]\w{0,8}\b",
        r"|(?:\b[a-z]\w{0,10}\s*(?:=|:=)\s*[\"'“‘][^\"'”’]{1,80}[\"'”’][\s,;.]*(?:and\s+)?){2,}",
        r"|\b(?:first|last)\s+(?:word|letter)s?\s+of\s+(?:each|every)\s+(?:line|sentence|word|paragraph)\b",
        r"|\b(?:first|capital|initial|uppercase|upper-case|last|bold|hidden)\s+letters?\b.{0,80}\b(?:do|follow|obey",
        r"|execute|act\s+on|carry\s+out)\s+(?:what|whatever|the\s+(?:result|message|instruction|word)|it|them)\b",
    ),
    _rule(
        "encoded.decode_and_follow",
        r"\b(?:decode|decipher|translate\ from|convert\ from)\b.{0,80}\b(?:and",
        r"|then)\s+(?:follow|execute|obey|do|run|answer)\b",
    ),
)

# Weak cues: each is common in some medication questions, two of different kinds together are not. A persona is
# harmless until it is defined by having no limits; a story is harmless until it must carry the exact steps of making,
# extracting or secretly giving a drug.
CUES: dict[str, str] = {
    "persona": r"""\b(?:act(?:ing)?\s+as|play(?:ing)?\s+(?:the\s+role|as\b|a\s+character)|(?:reply|respond|answer
        |speak|talk)
        \s+(?:to\s+me\s+)?(?:only\s+)?as\s+(?!an?\s+(?:pharmacist|list|table)\b)|as\s+[a-z][\w-]*\s+would\b|personas?
        |personalit(?:y|ies)|characters?|entit(?:y|ies)|alter\s+ego|role[\s-]?play\w*|pretend\w*|stands\s+for
        |you\s+are\s+(?:now\s+)?[\w-]+(?:gpt|bot|ai)\b|(?:never|not|instead\s+of)\s+as\s+yourself|machine\s+mind
        |stay\s+(?:as|in)\b|you\s+are\s+[\"'“‘]|until\s+i\s+say|version\s+of\s+yourself|emulate|impersonate
        |become\s+(?:my|a|an|the)\b|your\s+(?:\w+\s+)?(?:twin|alter\s+ego|double|clone|shadow|counterpart
        |other\s+self)|version\s+of\s+you\b|\bbe\s+the\s+\w+\s+version\b|as\s+if\s+you\s+were
        |\bgame\s+(?:where|in\s+which)\s+you\s+(?:are|play|will\s+be|become)\b
        |act[uú]a\s+como|compórtate\s+como|agisci\s+come|aja\s+como|verhalte\s+dich\s+wie|agis\s+comme)""",
    "unconstrained": r"""(?:\b(?:no|without|zero)\s+(?:any\s+)?(?:concern|regard|care|respect)\s+for\b
        |\b(?:no|without|zero)\s+(?:any\s+)?(?:rules|limits|filters?|ethics|morals|boundaries|censorship|caution
        |safeguards
        |guardrails|policies|guidelines|laws)\b|\b(?:unfiltered|uncensored|unrestricted|unconstrained|unbound
        |unhinged|amoral
        |immoral|unethical
        |lawless)\b
        |\b(?:raw|real|whole|unfiltered|brutal|naked)\s+truth\b|\bbrutal\w*\s+honest|\bavoid\w*\s+(?:the\s+)?norms\b
        |\bnever\s+(?:bring\w*\s+up|mention\w*|cares?\s+about|follows?|obeys?)\s+(?:\w+\s+)?(?:rules|ethics|morals|laws
        |policy|policies|safety|guidelines)|\banswers?\s+(?:every|any|all)\s+(?:question|request)s?\b
        |\b(?:holding|holds?)\s+(?:anything|nothing)\s+back\b|\bhold\s+nothing\s+back\b|\bsays\s+whatever\b
        |\bbefore\s+(?:your|its|the)\s+(?:safety|alignment|content|rlhf)\s+(?:training|tuning|filters?|rules)\b
        |\b(?:too\s+(?:scared|afraid|shy|timid)|afraid|not\s+allowed|forbidden)\s+to\s+(?:say|tell|answer
        |mention)\b|\bonly\s+cares?\s+about\s+(?:making\s+me|pleasing|what\s+i|me\b)
        |\b(?:doesn'?t|does\s+not|never|won'?t)\s+(?:check|bother|care|worry)\s+(?:with|about)\s+(?:the\s+|any\s+
        |its\s+|your\s+)?
        (?:rules|guidelines|policies|filters|ethics)\b
        |\btrained\s+(?:only\s+)?on\s+(?:\w+\s+)?(?:underground|dark\s*web|illicit|uncensored|unfiltered|hacker|drug)\b
        |\b(?:sin|ohne|sans|senza|sem)\s+(?:reglas|restricciones|filtros|límites|limites|censura|regeln|einschränkungen
        |filter|grenzen|zensur|règles|restrictions|filtres|censure|regole|restrizioni|filtri|regras|restrições))""",
    "fiction": r"""\b(?:story|novel|thriller|book|chapter|screenplay|script|scene|play|film|movie|episode
        |fan\s?fic\w*|poem
        |song|lyrics|rap|game|adventure|campaign|rpg|d&d|dungeons|simulation|role[\s-]?play|improv|narrator|character
        |protagonist|villain|rogue|dialogue|monologue|documentary|narration|podcast|tv\ show|series|sitcom|comic|int\.
        |ext\.)""",
    "procedure": r"""\b(?:exactly|step[\s-]by[\s-]step|scene[\s-]by[\s-]scene|one\ by\ one|walks?\ (?:\w+\ )?through
        |every\s+(?:verse|line|step)|(?:explain|show|describ|teach|demonstrat)\w*\s+(?:\w+\s+){0,4}how
        |in\ (?:\w+\ )?detail
        |detailed|with\ (?:the\ )?(?:exact\ )?(?:amounts|quantities|measurements|doses|temperatures|ingredients|steps)
        |exact|precise|precisely|realistic\w*|accurate\w*|so\ it\ (?:feels|sounds|reads|seems)\ (?:real|authentic)
        |authentic\w*|technical|specific|which\s+(?:pills?|drugs?|medicines?|medications?)|how\s+(?:much|many)
        |amounts?|recipe|full\s+(?:recipe|steps|method|instructions|process))\b""",
    "illicit": rf"""\b(?:cook\w*|synthesi\w*|brew\w*|manufactur\w*|extract\w*|pull\w*\s+(?:\w+\s+)?out|press\w*|cuts?
        |lab|batch|dealer|poison\w*|lethal|undetectable|untraceable|spik\w*|crush\w*\s+(?:\w+\s+){{0,3}}into|slip\w*
        |knock\w*\s+(?:\w+\s+)?out|get\w*\s+high|sedat\w*|drugg?\w*\s+(?:him|her|them|someone)|skim\w*|divert\w*
        |without\s+(?:getting|being)\s+caught|turn\w*\s+(?:\w+\s+){{0,4}}into\s+something\s+stronger
        |secretly\s+(?:give|put|add|mix|dose|drug|crush|slip)\w*|alter\w*\s+(?:a|the|my)\s+prescription|forg(?:e|ed|ing)
        |fake\s+(?:prescriptions?|scripts?)|won'?t\s+notice|doesn'?t\s+notice|{SUBSTANCES})\b""",
}
# A reference to the model's own setup, and a request to disclose it in any form.
CUES["setup"] = r"""(?:\byour\s+(?:\w+\s+){0,2}?(?:system\s+prompt|prompt|pre-?prompt|instructions|guidelines|rules
    |directives
    |configuration|config|setup|set-up|settings|initiali[sz]ation|programming|system\s+message|developer\s+message
    |rule\s*set
    |persona\s+definition|context)\b(?!\s+(?:for|on|about|regarding|when|if|to|based)\b)
    |\b(?:how|what|whatever|everything|anything)\s+(?:\w+\s+){0,3}you\s+(?:were|are|have\s+been
    |'ve\s+been)\s+(?:\w+\s+)?
    (?:prompted|configured|instructed|programmed|initiali[sz]ed|set\s+up|briefed)\b)"""
CUES["disclose"] = r"""(?:\b(?:show|share|print|tell|reveal|copy|paste|output|dump|repeat|recite|quote|list|spell
    |translate
    |summari[sz]e|rewrite|rephrase|paraphrase|encode|describe|give|send|display|write|read)\b
    |\b(?:word[\s-]for[\s-]word|verbatim|as-is|in\s+full)\b|\bwhat(?:'s|\s+(?:are|is|were|was))(?!\w))"""
COMBINATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("extraction.setup_disclosure", ("setup", "disclose")),
    ("roleplay.unconstrained_persona", ("persona", "unconstrained")),
    ("roleplay.fiction_procedure", ("fiction", "procedure", "illicit")),
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


# Requests that survive having their spaces removed: a verb that asks for text and the setup, glued together.
_COMPACT_REQUESTS = (
    (
        "extraction.compact",
        re.compile(
            r"(?:show|print|reveal|tell|give|repeat|dump|leak|output)(?:me)?(?:your|the|thy)?"
            r"(?:system|hidden|secret|initial|full)?(?:prompt|instructions|rules|guidelines|config\w*)"
        ),
    ),
    (
        "override.compact",
        re.compile(
            r"(?:ignore|forget|disregard|bypass|override|skip|drop)(?:all|your|the|any|previous|prior|above|my)*"
            r"(?:rules|instructions|guidelines|prompt|restrictions|filters|policies)"
        ),
    ),
)

_VOWELS_AND_MASKS = re.compile(r"[aeiouy*#@_?\W\d]+")


def _skeleton(text: str) -> str:
    return _VOWELS_AND_MASKS.sub("", text)


# The same phrases without vowels, for text with its vowels removed or masked ("pr*nt y**r syst*m pr*mpt").
# Short skeletons would match ordinary words, so only those of 8 letters or more are kept.
_SKELETON_PHRASES = tuple(
    (name, skeleton) for name, phrase in _COMPACT_PHRASES if len(skeleton := _skeleton(phrase)) >= 8
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
# Letters written one by one, apart ("p r i n t", "p, r, o, m, p, t"): four or more in a row.
_SPACED_LETTERS = re.compile(r"(?<![^\s,;])(?:\w[\s,;]+){3,}\w(?![^\s,;.!?])")
# Quoted pieces (not the apostrophes of "don't"), put back together to undo payload splitting.
_QUOTED = re.compile(r"(?<!\w)[\"'“‘]([^\"'”’]{2,80})[\"'”’](?!\w)")
# Letters kept apart by dots, dashes, emoji or any other mark ("i.g.n.o.r.e", "i🙂g🙂n"): the separators are dropped.
_DOTTED_LETTERS = re.compile(r"(?<![\w.])(?:\w[^\w\s]){3,}\w(?![\w])")
_SEPARATOR = re.compile(r"[^\w\s]")
# Text written upside down ("ɹǝʌǝɐl"): the turned letters and the Latin letters they stand for. A converter also
# reverses the order, and turns b/q, d/p, n/u into each other, so those are swapped too.
_TURNED = str.maketrans("ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎbqdpnu", "acefghijkmrtvwyqbpdun")
_TURNED_ONLY = re.compile(r"[ɐɔǝɟƃɥᴉɾʞɯɹʇʌʍʎ]")
_B32_TOKEN = re.compile(r"(?<![A-Z2-7=])[A-Z2-7]{16,}={0,6}(?![A-Za-z0-9=])")
# Masked letters inside words ("pr*mpt", "syst#m"): the word is matched with its vowels and masks removed.
_MASKED_WORD = re.compile(r"[^\W_]+[*#@_]+[^\W_]+")
# Words that show a text was written backwards ("eht", "uoy", "snoitcurtsni").
_REVERSED_HINTS = re.compile(r"\b(?:eht|uoy|ruoy|dna|erongi|tnirp|metsys|tpmorp|snoitcurtsni|selur|laever|won|siht)\b")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
# The most frequent English words and the words attacks are made of, for spotting ROT13 text.
_ROT13_CLUES = frozenset(
    """the you your and to is of in it that for me what all are this with be do not now my on at or as an by if so no
    yes tell show print say give write repeat ignore forget instructions rules system prompt previous above reveal
    answer hidden secret guidelines pretend act from how any every""".split()
)
_WORD = re.compile(r"\w+")


def _fold_confusables(text: str) -> str:
    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        return word.translate(_CONFUSABLES) if _LATIN.search(word) else word

    return _WORD.sub(fold, text)


def _printable_ratio(text: str) -> float:
    return sum(ch.isprintable() or ch.isspace() for ch in text) / max(len(text), 1)


def _accented_latin(ch: str) -> bool:
    decomposed = unicodedata.normalize("NFD", ch)
    return len(decomposed) > 1 and "a" <= decomposed[0].lower() <= "z"


def _looks_rot13(text: str, rot13: str) -> bool:
    # Two or more words that become common English words only once decoded: checked first because matching
    # every rule against the decoded text of every message doubled the cost of a check.
    pairs = zip(_WORD.findall(text.lower()), _WORD.findall(rot13.lower()), strict=False)
    return sum(word not in _ROT13_CLUES and decoded in _ROT13_CLUES for word, decoded in pairs) >= 2


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
    if re.search(r"&(?:lt|gt|quot|amp|#\d+|#x[0-9a-f]+);", text, re.IGNORECASE):
        views.append(("html", html.unescape(text)))
    if re.search(r"%[0-9a-f]{2}", text, re.IGNORECASE):
        views.append(("url", urllib.parse.unquote_plus(text)))
    rot13 = codecs.decode(text, "rot13")
    if _looks_rot13(text, rot13):
        views.append(("rot13", rot13))
    if re.search(r"[a-z][0-9@$|!][a-z]|[0-9@$][a-z]{2}", text, re.IGNORECASE):
        views.append(("leetspeak", text.translate(_LEET)))
    quoted = _QUOTED.findall(text)
    if len(quoted) >= 2:  # payload splitting: the pieces are put back together
        views.append(("split", " ".join(quoted)))
    spaced = _SPACED_LETTERS.findall(text)
    if spaced:
        views.append(("spaced", " ".join(re.sub(r"[\s,;]+", "", run) for run in spaced)))
    dotted = _DOTTED_LETTERS.findall(text)
    if dotted:
        views.append(("spaced", _DOTTED_LETTERS.sub(lambda m: _SEPARATOR.sub("", m.group(0)), text)))
    for token in _B32_TOKEN.findall(text)[:_MAX_DECODES]:
        try:
            decoded = base64.b32decode(token + "=" * (-len(token) % 8)).decode("utf-8")
        except (binascii.Error, ValueError):
            continue
        if _printable_ratio(decoded) > 0.95 and re.search(r"[a-z]{2,}\s", decoded, re.IGNORECASE):
            views.append(("base32", decoded))
    if len(_TURNED_ONLY.findall(text)) >= 3:
        turned = text.translate(_TURNED)
        views += [("upside-down", turned), ("upside-down", turned[::-1])]
        text = turned  # its words may also be reversed one by one
    hints = _REVERSED_HINTS.findall(text.lower())
    if len(hints) >= 2:
        views.append(("reversed", text[::-1]))
    if any(len(hint) >= 4 for hint in hints):  # some words reversed, the others not
        views.append(("reversed", _REVERSED_HINTS.sub(lambda m: m.group(0)[::-1], text.lower())))
    accented = sum(1 for ch in text if _accented_latin(ch))
    latin = len(_LATIN.findall(text))
    # Accents on most letters ("ïgnörë"), far more than French or Spanish text carries: read without them.
    if accented >= 4 and accented >= 0.25 * (latin + accented):
        stripped = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        views.append(("diacritics", stripped))
    letters = [ch for ch in text.lower() if "a" <= ch <= "z"]
    vowels = sum(ch in "aeiou" for ch in letters)
    # English text is about 38% vowels; text with them masked or removed has next to none.
    if _MASKED_WORD.search(text) or (len(letters) >= 8 and vowels <= 0.1 * len(letters)):
        views.append(("masked", _VOWELS_AND_MASKS.sub("", text.lower())))
    return views


def _match_rules(view: str, *, compact: bool = False, masked: bool = False) -> list[str]:
    if masked:  # a consonant skeleton: only the phrase skeletons can be matched in it
        return [name for name, phrase in _SKELETON_PHRASES if phrase in view]
    hits = [rule.name for rule in RULES if rule.search(view)]
    present: dict[str, bool] = {}
    for name, cues in COMBINATIONS:
        # Cues are searched once per view, and only as far as a combination needs them.
        if all(present.setdefault(cue, _compiled(CUES[cue], re.VERBOSE).search(view) is not None) for cue in cues):
            hits.append(name)
    if compact:
        squeezed = re.sub(r"[\W_]+", "", view)
        hits += [name for name, phrase in _COMPACT_PHRASES if phrase in squeezed]
        hits += [name for name, request in _COMPACT_REQUESTS if request.search(squeezed)]
    return hits


def detect_injection(text: str) -> list[str]:
    """Names of the injection rules the text matches, sorted; empty when it looks like an ordinary question."""
    return _detect(normalize_message(text))


def _detect(normalized: str) -> list[str]:
    folded = _fold_confusables(normalized[:_MAX_SCAN])
    hits = set(_match_rules(folded.lower()))
    # Decode from the original case: base64 is case-sensitive.
    for encoding, decoded in _decoded_views(folded):
        view = _fold_confusables(normalize_message(decoded)).lower()
        found = _match_rules(view, compact=encoding == "spaced", masked=encoding == "masked")
        hits.update(f"encoded.{encoding}:{name}" for name in found if not name.startswith("encoded."))
        if encoding not in {"masked", "leetspeak"} and detect_harmful(view) is not None:
            # A refused request hidden in an encoding is an attack on the filter itself.
            hits.add(f"encoded.{encoding}:hidden_request")
    return sorted(hits)


def sanitize_input(text: str) -> str:
    """Return the normalized text; raise PromptInjectionError if it tries to override the assistant's instructions."""
    cleaned = normalize_message(text)
    refuse_injection(cleaned)
    return cleaned


def refuse_injection(normalized: str) -> None:
    """Raise PromptInjectionError when NORMALIZED (text `normalize_message` returned) is a prompt attack."""
    rules = _detect(normalized)
    if rules:
        raise injection_error(families_of(rules))


def injection_error(families: list[str]) -> PromptInjectionError:
    """The one refusal for a prompt attack, whichever layer found it (FAMILIES names the layer's findings)."""
    return PromptInjectionError(
        "The message looks like an attempt to change the assistant's instructions, so it was not processed. "
        "Please ask a question about a medicine.",
        details={"rule_families": families},
    )
