"""DUP003 repeated-line."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.duplication.common import (
    deletion_span,
    inside_quotation,
    is_metadata_title,
    is_verse_block,
    letter_count,
    normalize,
    paragraph_index,
    word_count,
)
from rules.duplication.repeated_paragraph import is_substantial

_TRAILING = " .!?…:;,"


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


def _line_findings(doc: Document, window: int, min_words: int) -> Iterator[tuple[Span, Span, bool, str]]:
    """(earlier copy, later copy, adjacent?) for lines repeated within ``window`` lines."""
    paragraphs = doc.paragraphs
    recent: deque[tuple[str, Span]] = deque(maxlen=window)
    for line in doc.lines:
        if not line.text.strip():
            continue
        key = _key(line.text)
        match = next((i for i, (k, _) in enumerate(reversed(recent)) if k == key), None)
        if match is not None and _long_enough(line.text, min_words):
            earlier = recent[-1 - match][1]
            between = [span for _, span in list(recent)[len(recent) - match :]]
            p = paragraph_index(paragraphs, line.start)
            if (
                not _prose_between(between)
                and not is_verse_block(paragraphs, p)
                and not is_metadata_title(doc, earlier)
            ):
                yield earlier, line, match == 0, "line"
        recent.append((key, line))


def _sentence_findings(doc: Document, window: int, min_words: int) -> Iterator[tuple[Span, Span, bool, str]]:
    """(earlier copy, later copy, adjacent?) for sentences repeated within ``window`` sentences."""
    recent: deque[tuple[str, Span]] = deque(maxlen=window)
    for sentence in doc.sentences:
        key = _key(sentence.text)
        match = next((i for i, (k, _) in enumerate(reversed(recent)) if k == key), None)
        rhetorical = sentence.text.rstrip("\"'”’) ").endswith(("!", "?"))
        if (
            match is not None
            and not rhetorical
            and not _whole_line(doc.text, sentence)  # the line check's business
            and _long_enough(sentence.text, min_words + 2)
        ):
            yield recent[-1 - match][1], sentence, match == 0, "sentence"
        recent.append((key, sentence))


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
        para = paragraphs[paragraph_index(paragraphs, later.start)]
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
