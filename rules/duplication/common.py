"""Helpers shared by the duplication rules (no rules here).

Comparing copies: two pieces of text are the same copy when they are equal after
case-folding and collapsing white space (``normalize``). Deciding what may repeat:
verse (a stanza's refrain), metadata titles that a page body repeats as its heading.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from linter.document import Document, Span

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_LETTER = re.compile(r"[^\W\d_]")
_WORDISH = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_PUNCT = re.compile(r"[.!?…:;][\"'”’)\]]*$")
#: how far back a rule may look for the paragraph around a position (keeps scans bounded)
LOOKBACK = 2000
DATA = Path(__file__).parent / "data"


def normalize(text: str) -> str:
    """Case-folded text with white space collapsed: what 'the same copy' compares."""
    return _SPACES.sub(" ", text).strip().casefold()


def word_count(text: str, cap: int = 1000) -> int:
    """Words in ``text``, counted up to ``cap`` (callers only compare with small numbers)."""
    return sum(1 for _ in islice(_WORDISH.finditer(text), cap))


def letter_count(text: str, cap: int = 1000) -> int:
    """Letters in ``text``, counted up to ``cap``."""
    return sum(1 for _ in islice(_LETTER.finditer(text), cap))


def ends_like_sentence(text: str) -> bool:
    return bool(_SENTENCE_PUNCT.search(text.rstrip()))


def line_count(span: Span) -> int:
    return span.text.count("\n") + 1


def is_verse_block(paragraphs: list[Span], index: int) -> bool:
    """Does paragraph ``index`` look like a stanza (poem, lyrics) rather than prose?

    A stanza has several short lines; a stanza of two or three lines counts only when a
    neighbouring block is a multi-line block of short lines too.
    """

    def short_lines(p: Span, minimum: int) -> bool:
        lines = [x for x in p.text.split("\n") if x.strip()]
        if len(lines) < minimum:
            return False
        return sum(len(x) <= 70 for x in lines) * 4 >= len(lines) * 3

    para = paragraphs[index]
    if short_lines(para, 4):
        return True
    if not short_lines(para, 2):
        return False
    neighbours = paragraphs[max(0, index - 1) : index] + paragraphs[index + 1 : index + 2]
    return any(short_lines(p, 2) for p in neighbours)


def paragraph_index(paragraphs: list[Span], pos: int) -> int:
    """Index of the paragraph that contains ``pos`` (binary search)."""
    lo, hi = 0, len(paragraphs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paragraphs[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def is_metadata_title(doc: Document, span: Span) -> bool:
    """Is this block a page's metadata title (front-matter ``title:``, HTML ``<title>``)?

    A Markdown body that opens with ``# Same title`` under a front-matter title, or an
    HTML page whose ``<h1>`` repeats its ``<title>``, shows the title once to a reader:
    the copies are metadata plus heading, not a duplicate.
    """
    if doc.format == "text":
        return False
    src_start, _ = doc.span(span.start, span.end)
    if doc.format == "markdown":
        from linter.markup import front_matter_end

        return src_start < front_matter_end(doc.source)
    before = doc.source[max(0, src_start - LOOKBACK) : src_start].lower()
    return before.rfind("<title") > before.rfind("</title")


def inside_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier in its paragraph (bounded look-back)?"""
    start = max(0, pos - LOOKBACK)
    para_start = text.rfind("\n\n", start, pos)
    chunk = text[para_start + 1 if para_start >= 0 else start : pos]
    curly = chunk.count("“") - chunk.count("”")
    return curly > 0 or chunk.count('"') % 2 == 1


def deletion_span(doc: Document, prev_end: int, start: int, end: int) -> tuple[int, int]:
    """The span whose deletion removes ``[start, end)`` and the white space before it.

    ``prev_end`` is the end of the text kept before it. In Markdown and HTML a span that
    crosses a block break would also delete markup, so only the span itself goes there.
    """
    between = doc.text[prev_end:start]
    if doc.format == "text" or "\n\n" not in between:
        return prev_end, end
    return start, end


@cache
def load_data(name: str) -> dict[str, Any]:
    """A TOML data file from ``rules/duplication/data/``."""
    import tomllib

    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))
