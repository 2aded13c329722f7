"""Where a line stands in an article: the top and bottom margins around the body.

Shared by the boilerplate rules (no rule lives here). Site furniture gathers above the
first paragraph of prose (navigation, breadcrumbs, counters) and below the last one
(calls to action, widgets). Only the first and last ``MARGIN_LINES`` non-blank lines can
be in a margin, so only those are ever read; a rule that looks at every line first finds
its candidate lines with one search of the whole text (see ``candidate_lines``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from operator import itemgetter
from typing import Any

from linter.document import Document, Span

#: a paragraph of prose: this many words, one sentence end, few URL/markup tokens
BODY_MIN_WORDS = 12
_CACHE_KEY = __name__  # doc.cache is keyed by the computing module
#: a line this long is prose even without a sentence end (a standfirst)
LONG_LINE_WORDS = 25
#: how many non-blank lines at most count as the top or bottom margin
MARGIN_LINES = 15


@cache
def _sentence_end() -> re.Pattern[str]:
    return re.compile(r"[.!?…][\"'”’)]?(?:\s|$)")


@cache
def _codeish_word() -> re.Pattern[str]:
    """A word-like token with a URL or markup character in it ("https://…", "a=b")."""
    return re.compile(r"(?<!\S)[\"'“‘(]?[^\W\d_][^\s/=<>{}]*[/=<>{}]\S*")


_OPENERS = "\"'“‘("
#: characters that a case-insensitive ``regex`` pattern reads as ASCII letters although
#: ``str.lower`` does not make them ASCII: full case folding (``regex.V1``) of "ß" is "ss",
#: of "ﬁ" "fi"; "ſ" folds to "s", the Kelvin sign to "k". A prefilter written with ``re`` and
#: ASCII words, or run on ``Layout.ascii_lower``, cannot see them, so a text holding one is
#: read line by line
FOLD_RISK = "ßİŉſǰẖẗẘẙẚẞﬀﬁﬂﬃﬄﬅﬆ\u212a"
#: what a line may hold for the stdlib ``re`` twin of a boilerplate pattern to match exactly
#: what the ``regex`` pattern matches (see ``plain``): printable ASCII, the tab, and
#: typographic marks and spaces that have no case and that neither module reads as a letter,
#: a digit or a word character (tests/rules/boilerplate/test_plain_lines.py checks it)
PLAIN = frozenset(map(chr, range(0x20, 0x7F))) | frozenset("\t‘’‚‛“”„‟‹›«»–—―‐‑‒…•·′″©®™°€£\u00a0\u2009\u202f")


def plain(line: str) -> bool:
    """Is the line made of ``PLAIN`` characters only? On such a line a pattern compiled with
    ``re`` (five times cheaper to compile than with ``regex`` and its full case folding),
    with ASCII ranges for ``\\p{L}`` and ``\\p{Lu}``, matches what the ``regex`` pattern
    matches: the boilerplate rules compile the ``regex`` patterns only for other lines."""
    return PLAIN.issuperset(line)


def _ends_like_prose(text: str, words: int) -> bool:
    """A sentence end closes the line, or the line holds two of them, or it is long.

    A headline has no full stop at its end ("U.S. rejects request" has one inside)."""
    if text.rstrip()[-1:] in '.!?…:;"”’)':
        return True
    return words >= LONG_LINE_WORDS or len(_sentence_end().findall(text)) >= 2


def is_prose(text: str) -> bool:
    """Is this a paragraph of running prose (not a heading, a label or a URL dump)?"""
    tokens = text.split()
    if len(tokens) < BODY_MIN_WORDS or not _ends_like_prose(text, len(tokens)):
        return False
    # tokens starting with a letter, or with an opener and a letter (counted in C: the first
    # characters joined, then the few tokens that open with a quote or a bracket)
    heads = "".join(map(itemgetter(0), tokens))
    words = sum(map(str.isalpha, heads))
    if any(c in heads for c in _OPENERS):
        words += sum(1 for t in tokens if t[0] in _OPENERS and t[1:2].isalpha())
    if any(c in text for c in "/=<>{}"):
        words -= len(_codeish_word().findall(text))
    return words >= 0.7 * len(tokens)


def trimmed(line: Span) -> Span | None:
    """A line without the white space around it (None for a blank line)."""
    text = line.text
    stripped = text.strip()
    if not stripped:
        return None
    if stripped is text:
        return line
    start = line.start + len(text) - len(text.lstrip())
    return Span(start, start + len(stripped), stripped)


def _first_non_blank(lines: Iterable[Span], limit: int) -> list[Span]:
    out: list[Span] = []
    for line in lines:
        span = trimmed(line)
        if span is not None:
            out.append(span)
            if len(out) == limit:
                break
    return out


class Layout:
    """The first and last non-blank lines of a document and the margins around its body.

    Non-blank line ``i`` is in the top margin when it comes before the first prose line and
    among the first ``MARGIN_LINES`` lines; in the bottom margin when it comes after the
    last prose line and among the last ``MARGIN_LINES`` lines. (A plain class: a dataclass
    costs a millisecond at start-up.)"""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._head: list[Span] = []
        self._next = 0  # index in doc.lines where the head goes on

    def first(self, k: int) -> list[Span]:
        """The first ``k`` non-blank lines, trimmed (fewer in a short text); read on demand."""
        head = self._head
        if len(head) < k:
            lines = self.doc.lines
            i = self._next
            while len(head) < k and i < len(lines):
                span = trimmed(lines[i])
                i += 1
                if span is not None:
                    head.append(span)
            self._next = i
        return head[:k]

    @property
    def head(self) -> list[Span]:
        """The first ``MARGIN_LINES`` non-blank lines, trimmed (all of them in a short text)."""
        return self.first(MARGIN_LINES)

    @cached_property
    def top(self) -> list[Span]:
        """The lines of the top margin: the non-blank lines before the first prose line, among
        the first ``MARGIN_LINES``."""
        for i in range(MARGIN_LINES):
            lines = self.first(i + 1)
            if len(lines) <= i:
                return lines
            if is_prose(lines[i].text):
                return lines[:i]
        return self.first(MARGIN_LINES)

    @cached_property
    def bottom(self) -> list[Span]:
        """The lines of the bottom margin: the non-blank lines after the last prose line, among
        the last ``MARGIN_LINES`` (read from the end, up to that prose line)."""
        out: list[Span] = []
        for line in reversed(self.doc.lines):
            span = trimmed(line)
            if span is None:
                continue
            if is_prose(span.text):
                break
            out.append(span)
            if len(out) == MARGIN_LINES:
                break
        return out[::-1]

    @cached_property
    def margin(self) -> list[Span]:
        """The lines of both margins in document order, each once."""
        top = self.top
        after = top[-1].start if top else -1
        return top + [line for line in self.bottom if line.start > after]

    @cached_property
    def margin_starts(self) -> frozenset[int]:
        return frozenset(line.start for line in self.margin)

    def in_margin(self, line: Span) -> bool:
        """Is this (trimmed, non-blank) line in the top or the bottom margin?"""
        return line.start in self.margin_starts

    @cached_property
    def ascii_lower(self) -> bytes | None:
        """The text as lower-case ASCII bytes, one byte per character (any other character is
        "?"), for prefilters that look for ASCII words; None when the text holds a
        ``FOLD_RISK`` character (a pattern may read it as ASCII letters)."""
        if self.fold_risk:
            return None
        return self.doc.text.encode("ascii", "replace").lower()

    @cached_property
    def fold_risk(self) -> bool:
        """Does the text hold a character that a full-case-folding pattern reads as letters?"""
        text = self.doc.text
        return any(c in text for c in FOLD_RISK)


def layout_of(doc: Document) -> Layout:
    """The document's layout, computed once (in ``doc.cache``) and shared by the rules."""
    layout = doc.cache.get(_CACHE_KEY)
    if layout is None:
        layout = doc.cache[_CACHE_KEY] = Layout(doc)
    return layout


def candidate_lines(
    doc: Document,
    hint: re.Pattern[Any] | None,
    haystack: str | bytes | None = None,
    at_start: re.Pattern[Any] | None = None,
) -> Iterator[Span]:
    """The trimmed non-blank lines in which ``hint`` finds a match, each once, in order; every
    non-blank line when ``hint`` is None (a text the hint cannot be trusted on).

    ``hint`` is searched in ``haystack`` (the text, or a copy of it with the same offsets,
    such as ``Layout.ascii_lower``); the line of a match is the one its last character is in.
    A hint may begin with the character before a line or a word (a line break, a space);
    ``at_start``, matched at the start of the haystack, stands for it on the first line."""
    text = doc.text
    if hint is None:
        for line in doc.lines:
            span = trimmed(line)
            if span is not None:
                yield span
        return
    hay = text if haystack is None else haystack
    search = hint.search
    find = text.find
    pos = 0
    done = -1
    if at_start is not None and at_start.match(hay):
        end = find("\n")
        end = len(text) if end < 0 else end
        span = trimmed(Span(0, end, text[:end]))
        if span is not None:
            yield span
        done, pos = 0, end
    while pos < len(text):
        m = search(hay, pos)
        if m is None:
            return
        at = m.end() - 1 if m.end() > m.start() else m.start()
        start = text.rfind("\n", 0, at) + 1
        end = find("\n", at)
        end = len(text) if end < 0 else end
        if start > done:
            span = trimmed(Span(start, end, text[start:end]))
            if span is not None:
                yield span
            done = start
        elif end <= pos:  # cannot happen with a hint that ends on its line: move on anyway
            end = pos + 1
        pos = end  # from the line break: a hint may begin with the separator before a word


def previous_line(doc: Document, start: int) -> Span | None:
    """The non-blank line before the one starting at ``start`` (trimmed), if any."""
    text = doc.text
    end = text.rfind("\n", 0, start)
    while end >= 0:
        begin = text.rfind("\n", 0, end) + 1
        span = trimmed(Span(begin, end, text[begin:end]))
        if span is not None:
            return span
        end = begin - 1
    return None


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
