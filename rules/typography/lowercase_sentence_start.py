"""TYP005 lowercase-sentence-start."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

import regex

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.typography.common import in_list_item, is_abbreviation, word_before
from rules.typography.quotes import FRAGMENT, quote_problems


@cache
def _patterns() -> SimpleNamespace:
    """Compiled on first use, not at start-up."""
    return SimpleNamespace(
        # a full stop right after a letter, spaces on the same line, a lower-case word
        mid=regex.compile(r"(?<=\p{L})\.[ \t\u00a0]+(\p{Ll}[\p{Ll}’'-]*)\b(?![.@/:]\w)"),
        # a paragraph's first word, after any opening punctuation
        first=regex.compile(r"[\"“‘'(\[]*(\p{Ll}[\p{Ll}’'-]*)\b(?![.@/:]\w)"),
        ends_sentence=regex.compile(r"[.!?…][\"'”’)\]]*$"),
        word=regex.compile(r"\p{L}+"),
    )


#: a paragraph must have this many words before its lower-case start counts as prose
_MIN_PROSE_WORDS = 8


def _prose(text: str, rx: SimpleNamespace) -> bool:
    return bool(rx.ends_sentence.search(text)) and sum(1 for _ in rx.word.finditer(text)) >= _MIN_PROSE_WORDS


def _paragraph_starts(doc: Document) -> Iterator[tuple[int, int]]:
    """Lower-case first words of prose paragraphs that follow a finished sentence."""
    paragraphs: list[Span] = doc.paragraphs
    rx = _patterns()
    for prev, para in zip(paragraphs, paragraphs[1:], strict=False):
        m = rx.first.match(para.text)
        if not m or not _prose(para.text, rx) or not rx.ends_sentence.search(prev.text):
            continue
        start = para.start + m.start(1)
        if not in_list_item(doc, start):
            yield start, para.start + m.end(1)


def _mid_paragraph(text: str) -> Iterator[tuple[int, int]]:
    for m in _patterns().mid.finditer(text):
        if not is_abbreviation(word_before(text, m.start())):
            yield m.start(1), m.end(1)


@document_rule(
    "TYP005",
    "lowercase-sentence-start",
    category="typography",
    severity="warning",
)
def lowercase_sentence_start(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a sentence that starts with a lower-case letter.

    What it does
    Flags a lower-case word right after a full stop on the same line (`said. acting`),
    and the lower-case first word of a paragraph of prose (at least 8 words, ending like
    a sentence) that follows a paragraph ending like a sentence.

    Why it matters
    A sentence that starts in lower case is usually the trace of a cut: a scraper or an
    editor removed the start of the sentence, or two fragments were glued. Even when
    nothing is missing, readers see a slip.

    Example
        The talks ended on Friday. officials said they would resume in March.
    Use instead:
        The talks ended on Friday. Officials said they would resume in March.

    Stays silent after abbreviations (“U.S. officials”, “etc. and”, initials; the list
    is rules/typography/data/abbreviations.toml), after question and exclamation marks
    (“Yahoo! said”), on names written in lower case with an inner capital (“iPhone”),
    on web addresses, on short lines and headings, on list items, on paragraphs that
    continue a sentence (after a colon), and on the fragment of a truncated quotation,
    which TYP001 reports.

    Fix safety
    No fix: capitalising hides what may be a missing piece of text.
    """
    text = doc.text
    found = sorted({*_paragraph_starts(doc), *_mid_paragraph(text)})
    # the quotation marks are read only when there is something to check against them
    fragments = {p.start for p in quote_problems(doc) if p.kind == FRAGMENT} if found else set()
    for start, end in found:
        if start in fragments:
            continue
        word = text[start:end]
        yield ctx.report(
            start,
            end,
            f"sentence starts with lower-case “{word}”",
            suggestion=word[:1].upper() + word[1:],
        )
