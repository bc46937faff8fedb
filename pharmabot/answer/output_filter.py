"""Streaming filter for answer text: no markdown images, no HTML, links only to DailyMed and FDA.

A model's output is untrusted (OWASP LLM05): a prompt-injected label passage could make it emit
an image that leaks data through its URL, a script tag, or a link to a look-alike site. The filter
sits between every writer and the client. It holds back only text that could still turn into such
a construct (an open `[`, `![`, `<` or a URL still growing) and passes everything else through at
once, so tokens keep streaming. Partial-match regexes (`regex` module, `partial=True`) tell
"could still become a link" from "is plain text"; the scanner around them is written here because
no library filters markdown incrementally.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import regex

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


class OutputFilter:
    """Feed text deltas in, get safe text out; call `flush()` once at the end."""

    def __init__(self) -> None:
        self._buffer = ""
        self._previous = ""  # last character already emitted, for the URL word boundary

    def feed(self, delta: str) -> str:
        """Filter DELTA, returning all the text that can already be released."""
        self._buffer += delta
        return self._drain(final=False)

    def flush(self) -> str:
        """Release whatever is still held, resolving unfinished constructs as plain text."""
        return self._drain(final=True)

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
