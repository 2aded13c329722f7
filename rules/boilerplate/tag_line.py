"""BPL007 tag-line-leftover."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.boilerplate._layout import layout_of, line_fix_span, shorten

MAX_WORDS = 5


@cache
def _word() -> regex.Pattern[str]:
    return regex.compile(r"[\p{L}\d]++(?:['’-][\p{L}\d]++)*+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _word().findall(text)]


def is_tag_line(first: str, headline: str) -> bool:
    """Is ``first`` a lower-case topic tag that the headline under it starts with?"""
    if any(c.isupper() for c in first) or first.rstrip()[-1:] in ".!?":
        return False  # tested first: most first lines are headlines, and this needs no pattern
    words = _words(first)
    if not words or len(words) > MAX_WORDS:
        return False
    head = _words(headline)
    return len(head) > len(words) and head[: len(words)] == words


@document_rule("BPL007", "tag-line-leftover", category="boilerplate", severity="warning", fixable=True)
def tag_line_leftover(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a lower-case topic tag above the headline that the headline repeats.

    What it does
    Flags the first line of the article when it is a short topic tag written in
    lower case (at most five words, no sentence end) and the next line, the
    headline, starts with the same words: "ukraine crisis" above "Ukraine Crisis:
    US Rejects…". Sites print such tags (categories, "kickers") as links above the
    title; a scraper keeps them as a line of text.

    Why it matters
    The article then opens with a stray lower-case fragment that duplicates the
    start of its own headline.

    Example
        ukraine crisis
        Ukraine Crisis: US Rejects Russian Demand
    Use instead: delete the first line.

    Fix safety
    Safe: the headline keeps every word of the tag.
    """
    lines = layout_of(doc).head
    if len(lines) < 2 or not is_tag_line(lines[0].text, lines[1].text):
        return
    first = lines[0]
    yield ctx.report(
        first.start,
        first.end,
        f"Topic tag “{shorten(first.text)}” above a headline that repeats it",
        suggestion="delete the line",
        replacement="",
        safe=True,
        fix_span=line_fix_span(doc.text, first.start, first.end),
    )
