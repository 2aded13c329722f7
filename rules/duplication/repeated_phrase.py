"""DUP001 repeated-phrase."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, count
from operator import eq

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.duplication.common import folded_words, inside_quotation, normalize

#: white space allowed between the two copies: spaces, tabs, no-break spaces, one line break
_GAP_CHARS = frozenset(" \t\u00a0\u202f\n")


def _candidate_starts(low: list[str], max_n: int) -> list[int]:
    """Every index where a copy of 2 to ``max_n`` words may start (a superset, sorted).

    Words i..i+n-1 repeated by words i+n..i+2n-1 means the word n places on is the same
    at n positions in a row; exactly one of them is a multiple of n, and one of its
    neighbours is among them too (n >= 2). So each n costs one C comparison every n
    words, and only the rare hits are looked at in Python.
    """
    size = len(low)
    starts: set[int] = set()
    for n in range(2, max_n + 1):
        for p in compress(count(0, n), map(eq, low[::n], low[n::n])):
            near = (p > 0 and p + n - 1 < size and low[p - 1] == low[p + n - 1]) or (
                p + n + 1 < size and low[p + 1] == low[p + n + 1]
            )
            if near:
                starts.update(range(max(0, p - n + 1), p + 1))
    return sorted(starts)


def _plain_gap(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return bool(gap) and gap.count("\n") <= 1 and all(c in _GAP_CHARS for c in gap)


def _is_copy(words: list[Span], low: list[str], text: str, i: int, n: int) -> bool:
    """Are words[i:i+n] and words[i+n:i+2n] the same copy, back to back?"""
    j = i + n
    if j + n > len(words) or low[i:j] != low[j : j + n]:
        return False
    if not _plain_gap(text, words[j - 1].end, words[j].start):
        return False
    first = text[words[i].start : words[j - 1].end]
    second = text[words[j].start : words[j + n - 1].end]
    return normalize(first) == normalize(second)


def _whole_lines(words: list[Span], text: str, i: int, n: int) -> bool:
    """Are the copies two whole lines? Then DUP003 (repeated-line) reports them."""
    start, end = words[i].start, words[i + 2 * n - 1].end
    line_start = start == 0 or text[start - 1] == "\n"
    line_end = end == len(text) or text[end] == "\n"
    return line_start and line_end and "\n" in text[words[i + n - 1].end : words[i + n].start]


def _legitimate(words: list[Span], low: list[str], text: str, i: int, n: int) -> bool:
    if _whole_lines(words, text, i, n):
        return True
    phrase = low[i : i + n]
    if len(set(phrase)) == 1:  # "la la la la", "ha ha ha ha": one word, left to DUP002
        return True
    if not any(c.isalpha() for w in phrase for c in w):  # table of numbers
        return True
    if n == 2:  # "day after day after day", "again and again and again": a periodic figure
        end = i + 2 * n
        after = end < len(low) and low[end] == low[i] and _plain_gap(text, words[end - 1].end, words[end].start)
        before = i > 0 and low[i - 1] == low[i + n - 1] and _plain_gap(text, words[i - 1].end, words[i].start)
        return after or before
    return False


def _severity(n: int, quoted: bool) -> str:
    if n >= 3:
        return "warning" if quoted else "error"
    return "info" if quoted else "warning"


@document_rule(
    "DUP001",
    "repeated-phrase",
    category="duplication",
    severity="error",
    options={"max-words": 12},
    fixable=True,
)
def repeated_phrase(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a phrase of two or more words printed twice back to back.

    What it does
    Flags the second copy of a run of 2 to ``max-words`` words that is immediately
    followed by the same words again, separated only by white space ("in the coming days
    in the coming days"). Copies are compared case-insensitively, punctuation included.

    Why it matters
    Article spinners, machine translation and careless copy-paste duplicate clauses this
    way; a reader sees at once that no editor read the text.

    Example
        Blinken said he would meet Lavrov in the coming days in the coming days.
    Use instead:
        Blinken said he would meet Lavrov in the coming days.

    Stays silent on one word repeated ("la la la la", left to DUP002), on rhetorical
    figures ("day after day after day", "again and again and again"), and on repetition
    across punctuation ("We will fight, we will fight"). A repetition inside a quotation
    is reported at a lower severity: speech is sometimes repetitive.

    Options
    - ``max-words``: the longest phrase looked for (bounds the work per word).

    Fix safety
    Safe: the fix deletes the second copy and the white space before it; the first copy
    is identical, so no word is lost.
    """
    words = doc.words
    text = doc.text
    low = folded_words(doc)
    max_n = int(ctx.options.get("max-words", 12))
    resume = 0  # after a report the scan resumes after the second copy
    for i in _candidate_starts(low, max_n):
        if i < resume:
            continue
        found = 0
        for n in range(2, max_n + 1):  # the nearest next occurrence of the word first
            if i + n < len(low) and low[i + n] == low[i] and _is_copy(words, low, text, i, n):
                found = n
                break
        if not found or _legitimate(words, low, text, i, found):
            continue
        n, j = found, i + found
        start, end = words[j].start, words[j + n - 1].end
        quoted = inside_quotation(text, start)
        phrase = text[words[i].start : words[j - 1].end]
        yield ctx.report(
            start,
            end,
            f"“{phrase}” is repeated back to back",
            suggestion="delete the second copy",
            replacement="",
            safe=True,
            severity=_severity(n, quoted),
            fix_span=(words[j - 1].end, end),
        )
        resume = j + n
