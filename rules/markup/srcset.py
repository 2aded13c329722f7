"""MRK001 leaked-srcset."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.markup._shared import glue_replacement

#: a URL or path inside a srcset: no spaces, quotes or angle brackets; inner commas kept
#: (``w_300,h_200`` in CDN URLs); possessive so a long token is read once
_URL = r"(?=[^\s\"'<>]*[/.])[^\s\"'<>,]++(?:,[^\s\"'<>,]++)*+"
#: a width (``240w``) or pixel-density (``2x``, ``1.5x``) descriptor
_DESC = r"(?:\d{1,5}w|\d{1,2}(?:\.\d{1,2})?x)(?![\w.])"
_SEP = r"[ \t]*+,[ \t]*+"
#: a run starts where a token can start: after a space, a quote or ``>``; the loop may give
#: back its last candidate (a run ending in a comma), never more


@cache
def _patterns() -> SimpleNamespace:
    """Compiled for the first text with a hint line, not at start-up."""
    return SimpleNamespace(
        run=regex.compile(
            rf"(?<![^\s\"'<>])"
            rf"(?:(?P<first>{_URL}[ \t]++{_DESC}{_SEP})(?:{_URL}[ \t]++{_DESC}{_SEP})*"
            rf"{_URL}[ \t]++{_DESC}"
            rf"|(?P<single>{_URL}[ \t]++\d{{1,5}}w)(?=[\"']))"
        ),
        attribute=regex.compile(r"(?:data-)?(?:srcset|src-set|data-src)[ \t]*=[ \t]*[\"']?$", regex.IGNORECASE),
        candidate=regex.compile(rf"{_URL}[ \t]++{_DESC}"),
    )


@cache
def _hints() -> tuple[re.Pattern[str], ...]:
    """A cheap first pass: every run holds a descriptor (a digit, then "w" or "x") followed
    by a comma or a quote; ``re`` finds the letter part at C speed (a literal first
    character), the digit before it is checked in Python."""
    return re.compile(r"w[ \t]*+[,\"']"), re.compile(r"x[ \t]*+[,\"']")


def _hint_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines holding a descriptor followed by a comma or a quote."""
    if "w" not in text and "x" not in text:
        return []
    starts: set[int] = set()
    for hint in _hints():
        pos = 1
        while True:
            m = hint.search(text, pos)
            if m is None:
                break
            at = m.start()
            digit = text[at - 1]
            if digit.isdecimal() or not digit.isascii():  # \d of any script (a superset)
                starts.add(text.rfind("\n", 0, at) + 1)
                end = text.find("\n", at)
                if end < 0:
                    break
                pos = end + 1
            else:
                pos = at + 1
    out = []
    for start in sorted(starts):
        end = text.find("\n", start)
        out.append((start, len(text) if end < 0 else end))
    return out


def _runs(doc: Document) -> Iterator[regex.Match[str]]:
    """srcset runs, searched only on the lines that hold a descriptor and a comma or quote
    (no run spans two lines)."""
    text = doc.text
    for ls, le in _hint_lines(text):
        yield from _patterns().run.finditer(text, ls, le)


@document_rule("MRK001", "leaked-srcset", category="markup", severity="error", fixable=True)
def leaked_srcset(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds the image-candidate list of an HTML ``srcset`` attribute left in the text.

    What it does
    Flags a run of URLs each followed by a width (``240w``) or density (``2x``)
    descriptor and separated by commas: the value of ``srcset`` on an ``<img>`` or
    ``<source>`` tag. The run may start in the middle of a URL, where the scraper cut
    it (``news/240/…jpg.webp 240w, https://…/320/…jpg.webp 320w``). A lone candidate
    counts when an attribute quote closes it (``…/a.jpg 640w"``). The finding points
    at the head of the run (up to its first candidate); the fix covers all of it,
    with a ``srcset="`` before it and the closing quote after it.

    Why it matters
    Hundreds of characters of URLs stand where a picture was: the reader sees
    gibberish and the article looks machine-made.

    Example
        news/240/a.jpg.webp 240w, https://cdn.example.com/news/320/a.jpg.webp 320w
    Use instead: delete the run (keep the caption, if any, that follows it).

    Fix safety
    Safe: the run is made of URLs and descriptors only; no prose is deleted.
    """
    text = doc.text
    for m in _runs(doc):
        start, end = m.span()
        attribute = _patterns().attribute.search(text, max(0, start - 24), start)
        if attribute:
            start = attribute.start()
        fix_end = end + 1 if end < len(text) and text[end] in "\"'" else end
        head_end = m.end("first") if m.group("first") else end
        count = sum(1 for _ in _patterns().candidate.finditer(text, m.start(), end))
        yield ctx.report(
            start,
            head_end,
            f"Leaked image srcset: {count} image URL(s) with size descriptors ({end - start} characters)",
            suggestion="delete the srcset run",
            replacement=glue_replacement(text, start, fix_end),
            safe=True,
            fix_span=(start, fix_end),
        )
