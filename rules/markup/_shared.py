"""Helpers shared by the markup rules (no rule lives here).

Everything here looks at a bounded window around a match, so a rule that calls these
once per match stays linear in the length of the document.
"""

from __future__ import annotations

from bisect import bisect_right

import regex

from linter.document import Document

#: how far around a match the "is this prose talking about markup?" test looks
WINDOW = 160

_EDGE_L = r"(?<![\w/.=-])"
_EDGE_R = r"(?![\w/=-]|\.\w)"
#: words that show a sentence is *about* markup (a tutorial, a tech article)
MARKUP_TALK = regex.compile(
    rf"{_EDGE_L}(?:tags?|elements?|attributes?|x?html5?|markup|css|stylesheets?|selectors?|"
    r"snippets?|syntax|entit(?:y|ies)|escaped?|escaping|shortcodes?|markdown|dom|"
    rf"wraps?|wrapped|wrapping|self-closing|developers?){_EDGE_R}",
    regex.IGNORECASE,
)
#: words that show a sentence is *about* code
CODE_TALK = regex.compile(
    rf"{_EDGE_L}(?:javascript|js|typescript|css|stylesheets?|selectors?|snippets?|syntax|code|"
    r"coding|scripts?|functions?|variables?|declared?|declaration|console|propert(?:y|ies)|"
    rf"developers?|programmers?|programming|tutorial|example){_EDGE_R}",
    regex.IGNORECASE,
)
#: words that show a sentence is *about* files (a how-to naming ``logo.png`` on purpose)
FILE_TALK = regex.compile(
    rf"{_EDGE_L}(?:files?|filenames?|named|called|sav(?:e|es|ed|ing)|renam(?:e|es|ed|ing)|"
    r"upload(?:s|ed|ing)?|download(?:s|ed|ing)?|folders?|director(?:y|ies)|paths?|"
    r"conver(?:t|ts|ted|ting)|extensions?|formats?|attach(?:ed|ment|ments)?|export(?:s|ed|ing)?|"
    rf"open(?:s|ed)?|copy|copied|drag|drop|compress(?:ed|ion)?|resiz(?:e|ed|ing)){_EDGE_R}",
    regex.IGNORECASE,
)

_STOPS = (". ", "? ", "! ")
_PAIRS = {'"': '"', "'": "'", "`": "`", "“": "”", "‘": "’", "«": "»", "(": ")"}


class Lines:
    """Line lookups in O(log n), so that per-match checks never scan the whole text."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.starts = [line.start for line in doc.lines]
        self.ends = [line.end for line in doc.lines]

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

    def talks_about(self, start: int, end: int, talk: regex.Pattern[str] = MARKUP_TALK) -> bool:
        """Does the prose around the match (same line, in a window) discuss markup (or code)?"""
        lo, hi = self.window(start, end)
        return bool(talk.search(self.text, lo, start) or talk.search(self.text, end, hi))

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
