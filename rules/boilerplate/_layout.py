"""Where a line stands in an article: the top and bottom margins around the body.

Shared by the boilerplate rules (no rule lives here). Site furniture gathers above the
first paragraph of prose (navigation, breadcrumbs, counters) and below the last one
(calls to action, widgets). Everything here is one pass over the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from linter.document import Document, Span

#: a paragraph of prose: this many words, one sentence end, few URL/markup tokens
BODY_MIN_WORDS = 12
_CACHE_KEY = __name__  # doc.cache is keyed by the computing module
#: a line this long is prose even without a sentence end (a standfirst)
LONG_LINE_WORDS = 25
#: how many non-blank lines at most count as the top or bottom margin
MARGIN_LINES = 15

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?(?:\s|$)")
#: a word-like token with a URL or markup character in it ("https://…", "a=b")
_CODEISH_WORD = re.compile(r"(?<!\S)[\"'“‘(]?[^\W\d_][^\s/=<>{}]*[/=<>{}]\S*")
_OPENERS = "\"'“‘("


def _starts_with_letter(token: str) -> bool:
    return token[0].isalpha() or (token[0] in _OPENERS and token[1:2].isalpha())


def _ends_like_prose(text: str, words: int) -> bool:
    """A sentence end closes the line, or the line holds two of them, or it is long.

    A headline has no full stop at its end ("U.S. rejects request" has one inside)."""
    if text.rstrip()[-1:] in '.!?…:;"”’)':
        return True
    return words >= LONG_LINE_WORDS or len(_SENTENCE_END.findall(text)) >= 2


def is_prose(text: str) -> bool:
    """Is this a paragraph of running prose (not a heading, a label or a URL dump)?"""
    tokens = text.split()
    if len(tokens) < BODY_MIN_WORDS or not _ends_like_prose(text, len(tokens)):
        return False
    words = sum(1 for t in tokens if _starts_with_letter(t))
    if any(c in text for c in "/=<>{}"):
        words -= len(_CODEISH_WORD.findall(text))
    return words >= 0.7 * len(tokens)


@dataclass
class Layout:
    """The non-blank lines of a document and the margins around its body."""

    doc: Document

    @cached_property
    def lines(self) -> list[Span]:
        """Non-blank lines, trimmed."""
        out = []
        for line in self.doc.lines:
            stripped = line.text.strip()
            if stripped:
                start = line.start + line.text.index(stripped[0])
                out.append(Span(start, start + len(stripped), stripped))
        return out

    @cached_property
    def body(self) -> tuple[int, int]:
        """Indexes (into ``lines``) of the first and last prose lines; (n, -1) when none.

        Searched from each end, so only the margins are ever examined."""
        lines = self.lines
        first = next((i for i, line in enumerate(lines) if is_prose(line.text)), None)
        if first is None:
            return len(lines), -1
        last = next(i for i in range(len(lines) - 1, first - 1, -1) if is_prose(lines[i].text))
        return first, last

    def in_top(self, i: int) -> bool:
        """Is non-blank line ``i`` above the body, among the first lines of the article?"""
        return i < self.body[0] and i < MARGIN_LINES

    def in_bottom(self, i: int) -> bool:
        """Is non-blank line ``i`` below the body, among the last lines of the article?"""
        return i > self.body[1] and i >= len(self.lines) - MARGIN_LINES

    def in_margin(self, i: int) -> bool:
        return self.in_top(i) or self.in_bottom(i)

    def standalone(self, i: int) -> bool:
        """Is line ``i`` a paragraph of its own (blank lines or the text's ends around it)?"""
        return self.gap_before(i) and self.gap_after(i)

    def gap_before(self, i: int) -> bool:
        """Is there a blank line (or the start of the text) before line ``i``?"""
        return i == 0 or self.doc.text.count("\n", self.lines[i - 1].end, self.lines[i].start) > 1

    def gap_after(self, i: int) -> bool:
        """Is there a blank line (or the end of the text) after line ``i``?"""
        last = len(self.lines) - 1
        return i == last or self.doc.text.count("\n", self.lines[i].end, self.lines[i + 1].start) > 1


def layout_of(doc: Document) -> Layout:
    """The document's layout, computed once (in ``doc.cache``) and shared by the rules."""
    layout = doc.cache.get(_CACHE_KEY)
    if layout is None:
        layout = doc.cache[_CACHE_KEY] = Layout(doc)
    return layout


def line_fix_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A whole line and the line breaks after it, for a fix that deletes the line."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    while end < len(text) and text[end] == "\n":
        end += 1
    return start, end


def shorten(text: str, limit: int = 60) -> str:
    """A line as quoted in a message: cut at ``limit`` characters, with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
