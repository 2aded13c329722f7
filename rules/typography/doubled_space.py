"""TYP004 doubled-space."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars, utf8

NBSP = "\u00a0\u202f"
#: how far around a run the rule looks for its line (keeps one long line linear)
_WINDOW = 200


@cache
def _patterns() -> SimpleNamespace:
    """Compiled for the first text with two spaces in a row or a no-break space."""
    return SimpleNamespace(
        # two or more spaces (regular or no-break) between two visible characters of one line
        run=regex.compile(r"(?<=\S)[ \u00a0\u202f]{2,}(?=\S)"),
        # three spaces or more, twice on a line: columns aligned with spaces (a table, a listing)
        aligned=regex.compile(r"\S {3,}\S.* {3,}\S"),
        sentence_end=regex.compile(r"[.!?…][\"'”’)\]]*$"),
    )


@document_rule(
    "TYP004",
    "doubled-space",
    category="typography",
    severity="warning",
    fixable=True,
)
def doubled_space(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds two or more spaces, or a no-break space next to a space, inside a line.

    What it does
    Flags a run of spaces between two words: a no-break space beside an ordinary space
    (`Secretary\u00a0 of State`) or two ordinary spaces in the middle of a sentence are
    warnings; two spaces after a full stop (a typewriter habit) are info.

    Why it matters
    A doubled space shows as a gap in justified text, breaks search and copy-paste, and
    a stray no-break space is the mark of text pasted from a web page or a word
    processor.

    Example
        Secretary\u00a0 of State Antony Blinken
    Use instead:
        Secretary of State Antony Blinken

    Stays silent on indentation and trailing spaces, on runs of no-break spaces alone
    (deliberate spacing in HTML), and on lines whose columns are aligned with spaces
    (tables, listings).

    Fix safety
    Safe: the run becomes one ordinary space; no visible character changes.
    """
    if b"  " not in utf8(doc) and unusual_chars(doc).isdisjoint(NBSP):
        return  # a run needs two spaces, or a no-break space: none anywhere
    text = doc.text
    rx = _patterns()
    for m in rx.run.finditer(text):
        run = m.group()
        if " " not in run:
            continue  # &nbsp;&nbsp; on purpose
        line_start = text.rfind("\n", max(0, m.start() - _WINDOW), m.start()) + 1
        if line_start == 0:
            line_start = max(0, m.start() - _WINDOW)
        line_end = text.find("\n", m.end(), m.end() + _WINDOW)
        line = text[line_start : line_end if line_end >= 0 else m.end() + _WINDOW]
        if line.count("   ") >= 2 and rx.aligned.search(line, timeout=1.0):
            continue
        has_nbsp = any(c in NBSP for c in run)
        after_sentence = rx.sentence_end.search(text[max(line_start, m.start() - 5) : m.start()]) is not None
        if has_nbsp:
            message, severity = "no-break space next to a space", "warning"
        elif after_sentence:
            message, severity = f"{len(run)} spaces after the end of a sentence", "info"
        else:
            message, severity = f"{len(run)} spaces between words", "warning"
        yield ctx.report(
            m.start(),
            m.end(),
            message,
            suggestion="one space",
            replacement=" ",
            safe=True,
            severity=severity,
        )
