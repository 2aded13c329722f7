"""OFT002 off-topic-paragraph."""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterator
from functools import cache
from itertools import repeat
from operator import itemgetter
from typing import Any

import regex

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars
from rules.offtopic.teasers import find_teasers
from rules.offtopic.topic import DocumentTerms, TfIdf

_OPENING_QUOTE = "\"“”‘’'«»„"
_MIN_WORDS = 15
_MIN_TERMS = 6


@document_rule(
    "OFT002",
    "off-topic-paragraph",
    category="off-topic",
    severity="warning",
    options={"min-paragraphs": 6, "max-similarity": 0.03},
)
def offtopic_paragraph(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a prose paragraph that has nothing to do with the rest of the article.

    What it does
    Measures, for each prose paragraph, its best TF-IDF cosine similarity with any other
    paragraph of the document (stop words removed, light stemming; the document's own
    paragraphs are the corpus) and flags a paragraph whose best similarity is near zero:
    it shares no topic word with anything else in the article. The best similarity is
    bounded from above in linear time (each word's highest weight elsewhere) rather than
    by comparing all pairs, so the rule errs towards silence. To keep precision high it
    judges only documents with enough prose paragraphs (``min-paragraphs``) whose other
    paragraphs do share a topic, and only paragraphs of at least 15 words that end a
    sentence and stand between two other prose paragraphs; headings, short lines,
    quotations, datelines, teaser lines (OFT001) and the first and last prose paragraphs
    (where bios, disclaimers and newsletter pitches sit) are never candidates.

    Why it matters
    Spinners and scrapers sometimes paste a paragraph from another page (an advert, a
    recipe, another story) into the body. A reader notices; a proof-reader skimming for
    typos does not.

    Example
        (an article on NATO talks, then:)
        Preheat the oven to 200 degrees and butter a shallow dish before layering the
        sliced potatoes with cream, garlic and grated cheese.
    Use instead:
        (delete the paragraph, or restore the one it replaced)

    Options
    - ``min-paragraphs`` (6): fewer prose paragraphs than this and the rule stays silent.
    - ``max-similarity`` (0.03): a paragraph whose best similarity with any other
      paragraph is below this is off topic.

    Fix safety
    No automatic fix: only the editor can tell an inserted paragraph from an abrupt but
    genuine change of subject.
    """
    units = _units(doc)
    odd = _odd_initials(doc)
    prose = [i for i, u in enumerate(units) if _is_prose(u.text, odd)]
    if len(prose) < int(ctx.options["min-paragraphs"]):
        return
    terms = DocumentTerms.of(doc)
    model = TfIdf(counts=terms.span_counts(units))
    limit = float(ctx.options["max-similarity"])
    # the first and last prose paragraphs are left out: an author's bio, a disclaimer or a
    # newsletter pitch sits there (boilerplate, not an insert in the story)
    inner = prose[1:-1]
    if model.all_matched([i for i in inner if _enough_terms(model.counts[i])], limit):
        return  # no candidate can be lonely: the usual article, decided without weights
    # linear; comparing all pairs would be quadratic
    best = dict(zip(prose, model.match_bounds(prose), strict=True))
    lonely = [i for i in inner if best[i] < limit and _enough_terms(model.counts[i])]
    # a digest of unrelated briefs has no topic to stray from: judge outliers only
    if not lonely or len(lonely) > max(1, len(prose) // 5) or _median(list(best.values())) < 3 * limit:
        return
    for i in lonely:
        u = units[i]
        yield ctx.report(
            u.start,
            u.end,
            f"Paragraph shares no topic words with the rest of the article "
            f"(best similarity {best[i]:.2f} over {len(units) - 1} other paragraphs): an inserted passage?",
            suggestion="delete it if it does not belong to the article",
        )


def _median(values: list[float]) -> float:
    """``statistics.median`` (whose import costs more than the rest of this family's)."""
    values.sort()
    half = len(values) // 2
    return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2


def _units(doc: Document) -> list[Span]:
    """Paragraphs, teaser lines cut out; a block of one-sentence-group lines is split into lines."""
    teasers = sorted((t.line_start, t.end) for t in find_teasers(doc))
    paragraphs = doc.paragraphs
    if not teasers and not sum(map(str.count, map(itemgetter(2), paragraphs), repeat("\n"))):
        return list(paragraphs)  # one line each and nothing to cut: the paragraphs
    out: list[Span] = []
    all_lines = doc.lines
    starts = None
    for para in paragraphs:
        if "\n" not in para.text:
            pieces = [para]  # one line: the paragraph itself
        else:
            if starts is None:
                starts = list(map(itemgetter(0), all_lines))
            k = bisect.bisect_right(starts, para.start) - 1  # the line the paragraph starts in
            lines = []
            while k < len(all_lines) and all_lines[k].start < para.end:
                if all_lines[k].text.strip():
                    lines.append(all_lines[k])
                k += 1
            # "one paragraph per line" text (no blank lines): every line ends a sentence
            if len(lines) > 1 and all(ln.text.rstrip()[-1:] in '.!?"”’)' for ln in lines):
                pieces = lines
            else:
                pieces = [para]
        out.extend(p for p in pieces if not teasers or not _inside(p, teasers))
    return out


def _inside(span: Span, cuts: list[tuple[int, int]]) -> bool:
    """Is the span within one of the (sorted) teaser spans?"""
    i = bisect.bisect_right(cuts, (span.start, sys.maxsize)) - 1
    return i >= 0 and cuts[i][0] <= span.start and span.end <= cuts[i][1]


def _is_prose(text: str, odd: frozenset[str]) -> bool:
    """A paragraph of running prose (``odd``: see ``_odd_initials``)."""
    if len(text) < 2 * _MIN_WORDS - 1 or text[0] in _OPENING_QUOTE or text.rstrip()[-1:] not in '.!?"”’)':
        return False  # too short for 15 words, a quotation, or no end mark
    words, lower = _word_counts(text, odd)  # words starting in lower case
    if words < _MIN_WORDS:
        return False
    # a dateline's second character is a capital, a space or a stop, never lower case
    if not text[1:2].islower() and _dateline().match(text):
        return False
    return lower >= words // 3  # not a title-case heading or a list of names


@cache
def _dateline() -> Any:
    """A dateline or a credit opening the paragraph: "WASHINGTON (Reuters) -", "Seoul, Jan.
    27 --" (compiled on first use: start-up time)."""
    return regex.compile(r"^[\p{Lu}][\p{Lu}\p{Zs}.,'’-]{2,40}(?:\([^)]{1,40}\))?\s*[-–—:]")


def _odd_initials(doc: Document) -> frozenset[str]:
    """The characters of the text beyond ASCII that are white space or lower case: those
    ``_word_counts`` cannot classify byte by byte."""
    return frozenset(c for c in unusual_chars(doc) if c > "\x7f" and (c.isspace() or c.islower()))


@cache
def _byte_classes() -> bytes:
    """A ``bytes.translate`` table: ASCII white space -> W, ASCII lower-case letter -> l,
    any other byte (every byte of a character beyond ASCII included) -> x."""
    classes = bytearray(b"x" * 256)
    for b in range(128):
        if chr(b).isspace():
            classes[b] = ord("W")
        elif chr(b).islower():
            classes[b] = ord("l")
    return bytes(classes)


def _word_counts(text: str, odd: frozenset[str]) -> tuple[int, int]:
    """The number of words of ``text.split()`` and of those whose first character is lower
    case, without making the words: in the text's bytes, classified, a word starts where a
    W is followed by another class. Exact unless the text has one of the ``odd`` characters
    (a byte of any other character beyond ASCII is never white space and never starts a
    lower-case word); then the words are made."""
    if odd and not text.isascii() and any(map(text.__contains__, odd)):
        words = text.split()
        return len(words), sum(map(str.islower, map(itemgetter(0), words)))
    classes = b"W" + text.encode("utf-8", "surrogatepass").translate(_byte_classes())
    lower = classes.count(b"Wl")
    return lower + classes.count(b"Wx"), lower


def _enough_terms(counts: dict[str, int]) -> bool:
    return sum(counts.values()) >= _MIN_TERMS
