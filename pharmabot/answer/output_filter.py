"""Streaming filter for answer text: no markdown images, no HTML, links only to DailyMed and FDA.

A model's output is untrusted (OWASP LLM05): a prompt-injected label passage could make it emit
an image that leaks data through its URL, a script tag, or a link to a look-alike site. The filter
sits between every writer and the client. It holds back only text that could still turn into such
a construct (an open `[`, `![`, `<` or a URL still growing) and passes everything else through at
once, so tokens keep streaming. Partial-match regexes (`regex` module, `partial=True`) tell
"could still become a link" from "is plain text"; the scanner around them is written here because
no library filters markdown incrementally.

With a model writer it also watches for a leaked prompt (OWASP LLM07): the writer's canary word,
or a run of words copied from its rules. Either stops the answer (`AnswerWithheldError`); an answer
ending in what could be the start of the canary is held back there until the next delta tells, so
the canary itself is never released whole.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import regex

from pharmabot.errors import AnswerWithheldError

log = logging.getLogger("pharmabot.answer")

ALLOWED_HOSTS = ("dailymed.nlm.nih.gov",)
ALLOWED_DOMAIN_SUFFIXES = ("fda.gov",)

# Longest construct held back while waiting for its end; past this it is treated as text with its
# opening character dropped, so a runaway `[` or `<` cannot stall the stream or smuggle a link.
MAX_PENDING = 600

_TEXT = r"(?:[^\[\]\n]|\[[^\[\]\n]*\])*"  # link text: one level of nested brackets, e.g. "[see [1]]"
_DEST = r"[^()\s]*(?:\([^()\s]*\)[^()\s]*)*"  # link destination: one level of balanced parentheses
_TITLE = r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?"""
_LINK_RE = regex.compile(rf"\[({_TEXT})\]\(\s*<?({_DEST})>?{_TITLE}\s*\)")
_IMAGE_RE = regex.compile(rf"!\[{_TEXT}\](?:\(\s*<?{_DEST}>?{_TITLE}\s*\)|\[[^\[\]\n]*\])")
_URL_RE = regex.compile(r"(?i)(?:https?://|www\.)[^\s<>\[\]()\"'`]*")
_TAG_START_RE = regex.compile(r"<[A-Za-z/!?]")
_TRAILING_PUNCTUATION = ".,;:!?*_~'\""


def allowed_url(url: str) -> bool:
    """Whether URL points at DailyMed or an FDA site over http(s), with no tricks in its authority."""
    candidate = url.strip()
    if candidate.lower().startswith("www."):
        candidate = "https://" + candidate
    if any(ch.isspace() or ch == "\\" or ord(ch) < 32 for ch in candidate):
        return False  # browsers read a backslash as "/", which would move the host
    try:
        parts = urlsplit(candidate)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme.lower() not in {"http", "https"} or "@" in parts.netloc or "%" in parts.netloc:
        return False
    if port is not None:
        return False
    host = (parts.hostname or "").rstrip(".")
    if host in ALLOWED_HOSTS:
        return True
    return any(host == suffix or host.endswith("." + suffix) for suffix in ALLOWED_DOMAIN_SUFFIXES)


# Characters that may start a tag, an image, a link or a bare URL; everything else passes as it is.
_CANDIDATE_RE = regex.compile(r"[<!\[hHwW]")


def _glued(ch: str) -> bool:
    """A URL right after a letter or digit is not turned into a link by markdown renderers."""
    return ch.isalnum()


_WORDS = re.compile(r"[a-z0-9]+")
# Words in a row copied from the rules that count as a leak: long enough that an ordinary answer
# ("confirm their own dose with their prescriber or pharmacist" is 9) never reaches it.
LEAK_WINDOW = 12
_WITHHELD = (
    "The answer was withheld because it repeated the assistant's own instructions. Please ask your question again."
)


class PromptLeakGuard:
    """Detects a model answer that repeats the canary word or a run of words from the system prompt."""

    def __init__(self, *, canary: str | None, prompt: str, window: int = LEAK_WINDOW) -> None:
        # Compared without spaces, punctuation or case, so "P B C - 1 2 3" is still the canary.
        self._canary = "".join(_WORDS.findall(canary.lower())) if canary else ""
        words = _WORDS.findall(prompt.lower())
        self._window = window
        self._shingles = {tuple(words[i : i + window]) for i in range(len(words) - window + 1)}
        self._compact = ""
        self._words: list[str] = []
        self._partial = ""  # a word that may still be growing at the end of the text seen

    def unsafe_tail(self, text: str) -> int:
        """How many characters at the end of TEXT could be the start of the canary (kept back until known)."""
        if not self._canary:
            return 0
        first = self._canary[0]
        for i in range(max(len(text) - 3 * len(self._canary), 0), len(text)):
            if text[i].lower() == first and self._canary.startswith("".join(_WORDS.findall(text[i:].lower()))):
                return len(text) - i
        return 0

    def see(self, text: str) -> None:
        """Add TEXT (raw model output); raise AnswerWithheldError once the prompt shows in it."""
        if not text:
            return
        if self._canary:
            tail = self._compact[-len(self._canary) :]
            added = "".join(_WORDS.findall(text.lower()))
            self._compact = (tail + added)[-4 * len(self._canary) :]
            if self._canary in tail + added:
                self._leak("canary")
        if self._shingles:
            joined = self._partial + text.lower()
            words = _WORDS.findall(joined)
            # The last word may continue in the next delta: keep it aside until a separator follows.
            if words and joined and joined[-1].isalnum():
                self._partial = words.pop()
            else:
                self._partial = ""
            start = max(len(self._words) - self._window + 1, 0)
            self._words.extend(words)
            for i in range(start, len(self._words) - self._window + 1):
                if tuple(self._words[i : i + self._window]) in self._shingles:
                    self._leak("instructions")
            self._words = self._words[-self._window :]

    def finish(self) -> None:
        """The answer ended: the word held aside counts too."""
        partial, self._partial = self._partial, ""
        if partial:
            self.see(partial + " ")

    def _leak(self, kind: str) -> None:
        log.warning(
            "model answer withheld: it repeated the prompt", extra={"fields": {"event": "prompt_leak", "kind": kind}}
        )
        raise AnswerWithheldError(_WITHHELD, details={"reason": f"prompt_leak_{kind}"})


class OutputFilter:
    """Feed text deltas in, get safe text out; call `flush()` once at the end."""

    def __init__(self, *, leak_guard: PromptLeakGuard | None = None) -> None:
        self._buffer = ""
        self._previous = ""  # last character already emitted, for the URL word boundary
        self._guard = leak_guard
        self._held = ""  # released text that could be the start of the canary, kept back until known

    def feed(self, delta: str) -> str:
        """Filter DELTA, returning all the text that can already be released."""
        if self._guard is not None:
            self._guard.see(delta)
        self._buffer += delta
        return self._hold(self._drain(final=False))

    def flush(self) -> str:
        """Release whatever is still held, resolving unfinished constructs as plain text."""
        if self._guard is not None:
            self._guard.finish()
        released = self._held + self._drain(final=True)
        self._held = ""
        return released

    def _hold(self, released: str) -> str:
        if self._guard is None:
            return released
        text = self._held + released
        keep = self._guard.unsafe_tail(text)
        self._held = text[len(text) - keep :]
        return text[: len(text) - keep]

    def _drain(self, *, final: bool) -> str:
        text = self._buffer
        out: list[str] = []
        i = 0
        n = len(text)
        while i < n:
            # Ordinary text up to the next character that may start a construct is copied in one piece.
            found = _CANDIDATE_RE.search(text, i)
            j = found.start() if found else n
            if j > i:
                out.append(text[i:j])
                i = j
                continue
            ch = text[i]
            step: tuple[str, int] | None
            if ch == "<":
                step = self._tag(text, i, final)
            elif ch == "!":
                step = self._image(text, i, final)
            elif ch == "[":
                step = self._link(text, i, final)
            elif ch in "hHwW" and not _glued(text[i - 1] if i else self._previous):
                step = self._url(text, i, final)
            else:
                step = (ch, 1)
            if step is None:  # might still become a construct: hold from here
                break
            emitted, consumed = step
            out.append(emitted)
            i += consumed
        self._buffer = text[i:]
        if i:
            self._previous = text[i - 1]
        return "".join(out)

    @staticmethod
    def _overflow(text: str, i: int) -> bool:
        """A construct longer than MAX_PENDING loses its opening character instead of stalling the stream."""
        return len(text) - i >= MAX_PENDING

    def _pending(self, text: str, i: int, final: bool) -> bool:
        return not final and not self._overflow(text, i)

    def _tag(self, text: str, i: int, final: bool) -> tuple[str, int] | None:
        if i + 1 >= len(text):
            return None if not final else ("", 1)  # a lone trailing "<" is dropped: it adds nothing
        if not _TAG_START_RE.match(text, i):
            return "<", 1  # "< 30 mL/min" and the like stay as written
        window = text[i : i + MAX_PENDING]
        end = window.find(">")
        if end < 0:
            return None if self._pending(text, i, final) else ("", 1)
        inner = window[1:end]
        if _URL_RE.fullmatch(inner) and allowed_url(inner):  # an autolink to an allowed site
            return inner, end + 1
        return "", end + 1

    def _image(self, text: str, i: int, final: bool) -> tuple[str, int] | None:
        if i + 1 >= len(text):
            return None if not final else ("!", 1)
        if text[i + 1] != "[":
            return "!", 1
        match = _IMAGE_RE.match(text, i, i + MAX_PENDING, partial=True)
        if match is None:
            return "!", 1
        if match.partial:
            if self._pending(text, i, final):
                return None
            return ("", 2) if self._overflow(text, i) else ("!", 1)
        return "", match.end() - i

    def _link(self, text: str, i: int, final: bool) -> tuple[str, int] | None:
        match = _LINK_RE.match(text, i, i + MAX_PENDING, partial=True)
        if match is None:
            return "[", 1
        if match.partial:
            if self._pending(text, i, final):
                return None
            return ("", 1) if self._overflow(text, i) else ("[", 1)
        label, url = match.group(1), match.group(2)
        safe_label = filter_text(label)
        if allowed_url(url):
            return f"[{safe_label}]({url})", match.end() - i
        return safe_label, match.end() - i

    def _url(self, text: str, i: int, final: bool) -> tuple[str, int] | None:
        match = _URL_RE.match(text, i, i + MAX_PENDING, partial=True)
        if match is None:
            return text[i], 1
        if match.partial or match.end() == len(text):  # the URL may still be growing
            if self._pending(text, i, final):
                return None
            if match.partial:  # "htt" at the very end is just text
                return text[i:], len(text) - i
        url = match.group(0)
        if len(url) >= MAX_PENDING:
            return "", len(url)
        stripped = url.rstrip(_TRAILING_PUNCTUATION)
        trailing = url[len(stripped) :]
        if allowed_url(stripped):
            return url, len(url)
        return trailing, len(url)


def filter_text(text: str) -> str:
    """Filter a whole text at once."""
    output_filter = OutputFilter()
    return output_filter.feed(text) + output_filter.flush()
