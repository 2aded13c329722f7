"""Double quotation marks, paragraph by paragraph (helpers; the rules are elsewhere).

``quote_problems(doc)`` walks every paragraph once, pairing “ with ” and guessing the
direction of straight " from its neighbours. Apostrophes and single quotes (’ ‘ ') never
count: "Russia’s", "’90s" and a nested ‘quote’ are invisible here. A quotation that
spans paragraphs is fine when each new paragraph opens with a quotation mark (the
newspaper convention: no closing mark at the end of the earlier paragraphs).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

from linter.document import Document, Span

OPEN, CLOSE, AMBIGUOUS, INCH = "open", "close", "ambiguous", "inch"
_OPENING_CONTEXT = frozenset("([{—–-/“‘\u00a0")
_CLOSING_CONTEXT = frozenset(".,;:!?)]}—–…’”")


@cache
def _patterns() -> SimpleNamespace:
    """Compiled for the first text with a double quotation mark."""
    return SimpleNamespace(
        marks=re.compile(r"[“”\"]"),
        clause_end=re.compile(r"[.!?…][\"'”’)]*\s+"),
        # HTML attributes left in the text (srcset="..." type="image/webp"/>): their straight
        # quotes are markup, reported by the markup family, not quotation marks
        markup=re.compile(r"\w=\"|\"\s*/?>"),
    )


#: kinds of problem
STRAY_AT_START = "stray-at-start"  # ” opening a paragraph (it ends the paragraph before)
STRAY = "stray"  # ” that closes nothing
FRAGMENT = "fragment"  # a lower-case fragment ending in a ” that closes nothing
REOPENED = "open-inside-open"  # “ while a quotation is open (a ” typed as “, or one missing)
UNCLOSED = "unclosed"  # “ never closed, and the next paragraph does not continue it
UNREOPENED = "not-reopened"  # a quotation carried over a paragraph break without a new “


class QuoteProblem:
    """A problem of kind ``kind`` at ``start:end``, with the first words of the quotation
    concerned, for messages (a plain class: a dataclass costs a millisecond at start-up)."""

    __slots__ = ("kind", "start", "end", "opening")

    def __init__(self, kind: str, start: int, end: int, opening: str = "") -> None:
        self.kind, self.start, self.end, self.opening = kind, start, end, opening


def direction(text: str, i: int, start: int, end: int) -> str:
    """Which way a quotation mark at ``i`` faces, from the characters around it."""
    ch = text[i]
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    if ch == "“":
        return OPEN
    if prev.isdigit() and (nxt.isspace() or nxt in _CLOSING_CONTEXT):
        return INCH  # 12" pipe, 6’2”, a 27” screen
    if ch == "”":
        return CLOSE
    if prev.isspace() or prev in _OPENING_CONTEXT:
        return AMBIGUOUS if nxt.isspace() else OPEN
    if nxt.isspace() or nxt in _CLOSING_CONTEXT:
        return CLOSE
    return AMBIGUOUS


def _starts_sentence(text: str, opener: int) -> bool:
    """Does the quotation opened at ``opener`` start with a capital (a full sentence)?

    Only a quotation of whole sentences runs on over several paragraphs; one opened in
    mid-sentence (`had "no other choice.`) is simply not closed.
    """
    rest = text[opener + 1 : opener + 4].lstrip(" ‘'")
    return rest[:1].isupper() or rest[:1].isdigit()


def _opening_words(text: str, pos: int) -> str:
    words = text[pos + 1 : pos + 60].split()
    return " ".join(words[:4])


def _stray(text: str, para: Span, pos: int, last_mark: int) -> QuoteProblem:
    """A closing mark that closes nothing: at the paragraph's start, a fragment, or bare."""
    if pos == para.start:
        return QuoteProblem(STRAY_AT_START, pos, pos + 1)
    lo = max(para.start, last_mark + 1, pos - 400)
    clause_start = lo
    for m in _patterns().clause_end.finditer(text, lo, pos):
        clause_start = m.end()
    fragment = text[clause_start:pos]
    if clause_start > para.start and fragment[:1].islower() and text[clause_start - 2 : clause_start - 1] == ".":
        return QuoteProblem(FRAGMENT, clause_start, pos + 1)
    return QuoteProblem(STRAY, pos, pos + 1)


def _paragraph(text: str, para: Span, carried: int | None) -> tuple[list[QuoteProblem], int | None, bool]:
    """Problems in one paragraph; returns them, the opener left open, and whether it was reported.

    ``carried`` is the opener of a quotation the paragraph before left open and this one
    did not re-open: it is still open here.
    """
    problems: list[QuoteProblem] = []
    markup = None  # HTML attributes in the paragraph? looked for at its first straight quote
    open_at, last_mark = carried, para.start - 1
    reported = False
    rx = _patterns()
    for m in rx.marks.finditer(text, para.start, para.end):
        i = m.start()
        if text[i] == '"':
            if markup is None:
                markup = rx.markup.search(text, para.start, para.end) is not None
            if markup:
                continue
        kind = direction(text, i, para.start, para.end)
        if kind == INCH:
            if open_at is None or text.find(text[i], i + 1, min(para.end, i + 2000)) >= 0:
                continue  # an inch mark, unless it is the only mark left to close the quotation
            kind = CLOSE
        if kind == AMBIGUOUS:
            kind = CLOSE if open_at is not None else OPEN
        if kind == OPEN:
            if open_at is not None and open_at == carried:
                if not reported:
                    problems.append(QuoteProblem(UNCLOSED, open_at, open_at + 1, _opening_words(text, open_at)))
            elif open_at is not None:
                problems.append(QuoteProblem(REOPENED, i, i + 1, _opening_words(text, open_at)))
                reported = True
                open_at, carried, last_mark = i, None, i
                continue
            open_at, carried, reported = i, None, False
        elif open_at is None:
            problems.append(_stray(text, para, i, last_mark))
        elif open_at == carried:
            at_start = i == para.start
            if at_start:
                problems.append(QuoteProblem(STRAY_AT_START, i, i + 1))
            else:
                problems.append(QuoteProblem(UNREOPENED, i, i + 1, _opening_words(text, open_at)))
            open_at = carried = None
        else:
            open_at = None
        last_mark = i
    if open_at is not None and open_at == carried:  # carried through a paragraph without marks
        if not reported:
            problems.append(QuoteProblem(UNCLOSED, open_at, open_at + 1, _opening_words(text, open_at)))
        return problems, None, False
    return problems, open_at, reported


def quote_problems(doc: Document) -> list[QuoteProblem]:
    """Every quotation-mark problem of the document, in order (computed once per document:
    TYP001 and TYP005 both read it)."""
    found = doc.cache.get(__name__)
    if found is None:
        found = doc.cache[__name__] = list(_quote_problems(doc))
    return found


def _quote_problems(doc: Document) -> Iterator[QuoteProblem]:
    text = doc.text
    marked = _paragraphs_with_marks(doc)
    if not marked:
        return  # no double quotation mark anywhere
    pending: int | None = None
    pending_reported = False
    for index, para in enumerate(doc.paragraphs):
        if pending is None and index not in marked:
            continue  # nothing open and no mark here: nothing to find, nothing carried on
        carried = None
        if pending is not None and not pending_reported:
            first = text[para.start]
            reopens = first in '“"' and direction(text, para.start, para.start, para.end) == OPEN
            if not reopens and first in '”"':
                carried = pending  # its closing mark, pushed into this paragraph
            elif not _starts_sentence(text, pending):  # a partial quotation never runs on
                yield QuoteProblem(UNCLOSED, pending, pending + 1, _opening_words(text, pending))
            elif not reopens:
                carried = pending
        problems, pending, pending_reported = _paragraph(text, para, carried)
        yield from problems
    if pending is not None and not pending_reported:
        yield QuoteProblem(UNCLOSED, pending, pending + 1, _opening_words(text, pending))


def _paragraphs_with_marks(doc: Document) -> set[int]:
    """Indices of the paragraphs holding a double quotation mark (found with str.find)."""
    text, paragraphs = doc.text, doc.paragraphs
    starts: list[int] | None = None
    found: set[int] = set()
    for mark in '“”"':
        at = text.find(mark)
        while at >= 0:
            if starts is None:
                starts = [p.start for p in paragraphs]
            index = bisect_right(starts, at) - 1
            if index >= 0 and at < paragraphs[index].end:
                found.add(index)
                at = text.find(mark, paragraphs[index].end)
            else:
                at = text.find(mark, at + 1)  # between paragraphs (white space only: never)
    return found
