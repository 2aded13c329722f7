"""DUP003 repeated-line."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from itertools import compress, count
from operator import eq, itemgetter

from linter.document import _SENTENCE_END, Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.duplication.common import (
    deletion_span,
    inside_quotation,
    is_metadata_title,
    is_verse_block,
    key_lengths,
    letter_count,
    normalize,
    word_count,
)
from rules.duplication.repeated_paragraph import is_substantial
from rules.encoding.views import unusual_chars

_TRAILING = " .!?…:;,"
#: what may follow a sentence's end mark (a closing quotation mark or bracket)
_CLOSERS = "\"'”’)]"
#: joins paragraphs for one split into sentences; a control character never in prose
#: (when a text has it, the shortcut is skipped)
_SEPARATOR = "\x01"


def _key(text: str) -> str:
    return normalize(text).rstrip(_TRAILING)


def _long_enough(text: str, min_words: int) -> bool:
    return word_count(text) >= min_words and letter_count(text) >= 4 * min_words


def _whole_line(text: str, span: Span) -> bool:
    starts = span.start == 0 or text[span.start - 1] == "\n"
    ends = span.end == len(text) or text[span.end] == "\n"
    return starts and ends


def _prose_between(lines: list[Span]) -> bool:
    """Is one of these lines a paragraph of prose (so the copies are far apart in reading)?"""
    return any(is_substantial(x.text) for x in lines)


def _matches(texts: list[str], sizes: list[int], window: int, least: int, trailing: str) -> Iterator[tuple[int, int]]:
    """(index, how far back) for each span whose key one of the ``window`` spans before it
    has (the nearest such span), as a scan with a window of recent keys would find them.

    ``sizes`` (``key_lengths``) settle most spans without a key: a span can match only
    an earlier one of equal size, and only spans of at least ``least`` are wanted.
    """
    if window < 0:
        deque(maxlen=window)  # the error a negative window always raised
    candidates = sorted(
        {
            i
            for back in range(1, window + 1)
            for i in compress(count(back), map(eq, sizes[back:], sizes))
            if sizes[i] >= least
        }
    )
    keys: dict[int, str] = {}

    def key(i: int) -> str:
        k = keys.get(i)
        if k is None:
            k = keys[i] = normalize(texts[i]).rstrip(trailing)
        return k

    for i in candidates:
        for back in range(1, min(window, i) + 1):
            if sizes[i - back] == sizes[i] and key(i - back) == key(i):
                yield i, back
                break


def _line_findings(doc: Document, window: int, min_words: int) -> Iterator[tuple[Span, Span, bool, str]]:
    """(earlier copy, later copy, adjacent?) for lines repeated within ``window`` lines."""
    paragraphs = doc.paragraphs
    lines = list(compress(doc.lines, map(itemgetter(2), doc.lines)))  # not empty
    if any(map(str.isspace, map(itemgetter(2), lines))):  # rare: lines of white space only
        lines = [ln for ln in lines if not ln.text.isspace()]
    texts = [ln.text for ln in lines]
    sizes = key_lengths(doc, texts, _TRAILING, lines=True)
    for i, back in _matches(texts, sizes, window, 4 * min_words, _TRAILING):
        line = lines[i]
        if not _long_enough(line.text, min_words):
            continue
        earlier, between = lines[i - back], lines[i - back + 1 : i]
        p = doc.paragraph_index(line.start)
        if not _prose_between(between) and not is_verse_block(paragraphs, p) and not is_metadata_title(doc, earlier):
            yield earlier, line, back == 1, "line"


def _sentence_findings(doc: Document, window: int, min_words: int) -> Iterator[tuple[Span, Span, bool, str]]:
    """(earlier copy, later copy, adjacent?) for sentences repeated within ``window`` sentences."""
    least = 4 * (min_words + 2)
    if not _may_repeat_sentences(doc, window, least):
        return
    sentences = doc.sentences
    texts = [s.text for s in sentences]
    sizes = key_lengths(doc, texts, _TRAILING)
    text = doc.text
    for i, back in _matches(texts, sizes, window, least, _TRAILING):
        sentence = sentences[i]
        rhetorical = sentence.text.rstrip("\"'”’) ").endswith(("!", "?"))
        if (
            not rhetorical
            and not _whole_line(text, sentence)  # the line check's business
            and _long_enough(sentence.text, min_words + 2)
        ):
            yield sentences[i - back], sentence, back == 1, "sentence"


def _may_repeat_sentences(doc: Document, window: int, least: int) -> bool:
    """Could a sentence repeat one of the ``window`` before it? Answered without
    ``doc.sentences``: the same sentence-end pattern splits each paragraph into the same
    sentences, less their end marks; their keys less closing marks are compared as
    ``_matches`` compares keys (equal sentence keys make equal such keys)."""
    if _SEPARATOR in unusual_chars(doc):
        return True  # the separator occurs in the text: no shortcut
    joined = _SEPARATOR.join([p.text for p in doc.paragraphs])
    pieces = _SENTENCE_END.sub(_SEPARATOR, joined).split(_SEPARATOR)
    trailing = _TRAILING + _CLOSERS
    sizes = key_lengths(doc, pieces, trailing)
    return next(_matches(pieces, sizes, window, least, trailing), None) is not None


@document_rule(
    "DUP003",
    "repeated-line",
    category="duplication",
    severity="error",
    options={"window": 3, "min-words": 4},
    fixable=True,
)
def repeated_line(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a line or a sentence repeated within a few lines of its first copy.

    What it does
    Flags a line that repeats one of the ``window`` non-blank lines before it, and a
    sentence that repeats one of the ``window`` sentences before it (case, spacing and
    final punctuation ignored), when it has at least ``min-words`` words (sentences two
    more).

    Why it matters
    Scraped pages print a headline twice (the heading and the image's alt text or
    caption), and spun or pasted text repeats a sentence; either way the reader sees
    the same words twice in a row.

    Example
        US Rejects Russian Demand to Block Ukraine from NATO
        US Rejects Russian Demand to Block Ukraine from NATO
        Source: Web
    Use instead:
        US Rejects Russian Demand to Block Ukraine from NATO
        Source: Web

    Stays silent on short lines (list labels, "Yes"), on refrains in verse (blocks of
    short lines), on a Markdown or HTML page whose first heading repeats its metadata
    title (front matter, ``<title>``), on a heading repeated after a paragraph of prose or
    far from its first copy, on
    rhetorical sentences ending in "!" or "?", and on a whole paragraph that DUP004
    reports.

    Options
    - ``window``: how many earlier lines (and sentences) a copy is compared with.
    - ``min-words``: the fewest words a repeated line must have.

    Fix safety
    Safe when the copy is the line right after the first one (the fix deletes it with
    its line break); otherwise a suggestion only, since the lines in between may belong
    to either copy.
    """
    window = int(ctx.options.get("window", 3))
    min_words = int(ctx.options.get("min-words", 4))
    text = doc.text
    paragraphs = doc.paragraphs
    reported: list[tuple[int, int]] = []
    findings = [*_line_findings(doc, window, min_words), *_sentence_findings(doc, window, min_words)]
    for earlier, later, adjacent, kind in findings:
        if any(s < later.end and later.start < e for s, e in reported):
            continue
        para = paragraphs[doc.paragraph_index(later.start)]
        if (para.start, para.end) == (later.start, later.end) and is_substantial(para.text):
            continue  # a whole paragraph repeated: DUP004 reports it
        reported.append((later.start, later.end))
        quoted = inside_quotation(text, later.start)
        severity = "error" if adjacent and not quoted else ("info" if quoted else "warning")
        yield ctx.report(
            later.start,
            later.end,
            f"this {kind} repeats the one {'just before' if adjacent else 'a few lines up'}",
            suggestion="delete the second copy",
            replacement="",
            safe=adjacent,
            severity=severity,
            fix_span=deletion_span(doc, earlier.end if adjacent else later.start, later.start, later.end),
        )
