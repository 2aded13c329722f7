"""DUP004 repeated-paragraph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.duplication.common import (
    deletion_span,
    ends_like_sentence,
    is_verse_block,
    key_lengths,
    letter_count,
    normalize,
    word_count,
)

#: a paragraph this long is prose, not a label or a heading, whatever its punctuation
_LONG_WORDS = 12
#: a shorter paragraph counts when it ends like a sentence and has this many words
_SENTENCE_WORDS = 7
#: a substantial paragraph has at least this many letters (see is_substantial)
_MIN_LETTERS = 30


def is_substantial(text: str) -> bool:
    """Is a paragraph prose whose second copy is a duplicate wherever it stands?

    Headings, labels and bylines repeat legitimately (a section heading reused, a
    caption credit); a paragraph of running prose does not.
    """
    words = word_count(text)
    if letter_count(text) < _MIN_LETTERS:
        return False
    return words >= _LONG_WORDS or (words >= _SENTENCE_WORDS and ends_like_sentence(text))


def _delete_span(doc: Document, paragraphs: list[Span], index: int) -> tuple[int, int]:
    para = paragraphs[index]
    if doc.format != "text":
        return para.start, para.end
    if index + 1 < len(paragraphs):
        return para.start, paragraphs[index + 1].start
    return deletion_span(doc, paragraphs[index - 1].end, para.start, para.end)


@document_rule(
    "DUP004",
    "repeated-paragraph",
    category="duplication",
    severity="error",
    fixable=True,
)
def repeated_paragraph(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a paragraph of prose that appears earlier in the same document.

    What it does
    Flags the second (third...) copy of a paragraph, anywhere in the document, compared
    case-insensitively with white space collapsed. Only prose counts: at least 12 words,
    or at least 7 words ending like a sentence.

    Why it matters
    Scrapers that merge a page's teaser with its body, CMS exports that repeat a block,
    and careless pasting all print a paragraph twice; the reader reads it twice.

    Example
        The talks will resume in Geneva next week, officials said on Monday.

        (...)

        The talks will resume in Geneva next week, officials said on Monday.
    Use instead:
        The talks will resume in Geneva next week, officials said on Monday.

        (...)

    Stays silent on short paragraphs (headings, labels, credits, "Read more"), which
    repeat legitimately, and on stanzas of verse (a chorus sung twice).

    Fix safety
    Safe: the second copy is identical to the first, so deleting it (with the blank line
    after it, in plain text) loses nothing.
    """
    paragraphs = doc.paragraphs
    for index in _repeated(doc, paragraphs):
        para = paragraphs[index]
        yield ctx.report(
            para.start,
            para.end,
            "this paragraph already appears earlier in the document",
            suggestion="delete the second copy",
            replacement="",
            safe=True,
            fix_span=_delete_span(doc, paragraphs, index),
        )


def _repeated(doc: Document, paragraphs: list[Span]) -> Iterator[int]:
    """Indices of the substantial paragraphs whose key an earlier substantial one has.

    Only paragraphs whose key length (``key_lengths``: a few C calls each) another one
    shares can be copies; their keys are computed, and only the keys seen twice are
    judged, in text order, as the straightforward loop over every paragraph would.
    """
    sizes = key_lengths(doc, [p.text for p in paragraphs])
    # a substantial paragraph has 30 letters or more, so a longer key
    shared = Counter(n for n in sizes if n >= _MIN_LETTERS)
    if len(shared) == sum(shared.values()):
        return  # no two paragraphs could be copies: the common case
    keys: dict[int, str] = {}
    by_text: dict[str, str] = {}  # copies are usually identical: one key per distinct text
    for i, n in enumerate(sizes):
        if shared.get(n, 0) > 1:
            text = paragraphs[i].text
            key = by_text.get(text)
            if key is None:
                key = by_text[text] = normalize(text)
            keys[i] = key
    twice = Counter(keys.values())
    substantial: dict[str, bool] = {}
    seen: dict[str, int] = {}
    for index, key in keys.items():
        if twice[key] < 2:
            continue
        text = paragraphs[index].text
        prose = substantial.get(text)
        if prose is None:
            prose = substantial[text] = is_substantial(text)
        if not prose:
            continue
        if seen.setdefault(key, index) == index or is_verse_block(paragraphs, index):
            continue
        yield index
