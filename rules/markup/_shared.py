"""Helpers shared by the markup rules (no rule lives here).

Everything here looks at a bounded window around a match, so a rule that calls these
once per match stays linear in the length of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import regex

from linter.document import Document

_CACHE_KEY = __name__  # doc.cache is keyed by the computing module
#: how far around a match the "is this prose talking about markup?" test looks
WINDOW = 160


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


#: words that show a sentence is *about* markup (a tutorial, a tech article)
MARKUP_TALK = _words(
    "tag tags element elements attribute attributes html html5 xhtml markup css stylesheet "
    "stylesheets selector selectors snippet snippets syntax entity entities escape escaped "
    "escaping shortcode shortcodes markdown dom wrap wraps wrapped wrapping self-closing "
    "developer developers"
)
#: words that show a sentence is *about* code
CODE_TALK = _words(
    "javascript js typescript css stylesheet stylesheets selector selectors snippet snippets "
    "syntax code coding script scripts function functions variable variables declare declared "
    "declares declaration console property properties developer developers programmer "
    "programmers programming tutorial"
)
#: words that show a sentence is *about* files (a how-to naming ``logo.png`` on purpose)
FILE_TALK = _words(
    "file files filename filenames named called save saves saved saving rename renames renamed "
    "renaming upload uploads uploaded uploading download downloads downloaded downloading "
    "folder folders directory directories path paths convert converts converted converting "
    "extension extensions format formats attach attached attachment attachments export exports "
    "exported exporting open opens opened copy copied drag drop compress compressed compression "
    "resize resized resizing"
)
_TOKEN = r"[A-Za-z][A-Za-z0-9]*+(?:-[A-Za-z0-9]++)*+"


@cache
def _tokens() -> tuple[re.Pattern[str], regex.Pattern[str]]:
    """Word tokens, with ``re`` (an ASCII pattern: identical matches) for a test in C, and
    with ``regex``."""
    return re.compile(_TOKEN), regex.compile(_TOKEN)


def _mentions(text: str, lo: int, hi: int, talk: frozenset[str]) -> bool:
    """Is a word of ``talk`` in ``text[lo:hi]``, outside URLs and paths?"""
    fast, token = _tokens()
    if talk.isdisjoint(map(str.lower, fast.findall(text, lo, hi))):
        return False  # the common case: no talk word at all
    for m in token.finditer(text, lo, hi):
        if m.group().lower() not in talk:
            continue
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end() : m.end() + 2]
        if (
            before not in "/.=-"
            and not (after[:1] in "/=" and after)
            and not (after[:1] == "." and after[1:2].isalnum())
        ):
            return True
    return False


_STOPS = (". ", "? ", "! ")
_PAIRS = {'"': '"', "'": "'", "`": "`", "“": "”", "‘": "’", "«": "»", "(": ")"}


class Lines:
    """Line lookups in O(log n), so that per-match checks never scan the whole text."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.starts = [line.start for line in doc.lines]
        self.ends = [line.end for line in doc.lines]

    @classmethod
    def of(cls, doc: Document) -> Lines:
        """The document's line table, built once (in ``doc.cache``) for all the markup rules."""
        lines = doc.cache.get(_CACHE_KEY)
        if lines is None:
            lines = doc.cache[_CACHE_KEY] = cls(doc)
        return lines  # type: ignore[no-any-return]

    def around(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        return self.starts[i], self.ends[i]

    def window(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``[start, end)``: its line, clipped to ``WINDOW`` characters
        each side and to the nearest sentence ends (". ", "? ", "! ")."""
        ls, _ = self.around(start)
        _, le = self.around(end)
        lo, hi = max(ls, start - WINDOW), min(le, end + WINDOW)
        for stop in _STOPS:
            at = self.text.rfind(stop, lo, start)
            if at >= 0:
                lo = max(lo, at + len(stop))
            at = self.text.find(stop, end, hi)
            if at >= 0:
                hi = min(hi, at + 1)
        return lo, hi

    def talks_about(self, start: int, end: int, talk: frozenset[str] = MARKUP_TALK) -> bool:
        """Does the prose around the match (same line, in a window) discuss markup (or code)?"""
        lo, hi = self.window(start, end)
        return _mentions(self.text, lo, start, talk) or _mentions(self.text, end, hi, talk)

    def alone(self, start: int, end: int) -> tuple[int, int] | None:
        """The line's bounds when ``[start, end)`` is all there is on it (spaces aside)."""
        ls, _ = self.around(start)
        _, le = self.around(end)
        if self.text[ls:start].strip() or self.text[end:le].strip():
            return None
        return ls, le


def enclosed(text: str, start: int, end: int) -> bool:
    """Is the match quoted or backticked as a mention: "<div>", `&nbsp;`, (<br>)?"""
    if start == 0 or end >= len(text):
        return False
    closer = _PAIRS.get(text[start - 1])
    return closer is not None and text[end] == closer


def line_fix_span(text: str, ls: int, le: int) -> tuple[int, int]:
    """A whole line plus its line break(s), for a fix that deletes the line."""
    end = le
    while end < len(text) and text[end] == "\n":
        end += 1
    return ls, end


def glue_replacement(text: str, start: int, end: int) -> str:
    """What a deleted run leaves: a space when it sat between two words, else nothing."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return " " if before.isalnum() and after.isalnum() else ""
