"""BPL004 engagement-counter."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.boilerplate._layout import candidate_lines, layout_of, line_fix_span, plain, shorten

_I = regex.IGNORECASE | regex.V1
_NUMBER = r"\d{1,3}(?:[.,]\d{1,3})*+[kKmM]?\+?"
_LABEL = (
    r"shares?|comments?|views?|likes?|reads?|reactions?|votes?|claps?|responses?|replies|retweets?|"
    r"reposts?|saves?|bookmarks?|followers|hits|min(?:ute)?s?[ \t]++read|read[ \t]++time"
)
#: one counter: a number and maybe its label ("12 Shares", "3 min read", "Comments 4")
_COUNTER = rf"(?:{_NUMBER}(?:[ \t]*+(?:{_LABEL}))?|(?:{_LABEL})[ \t]*+[:(]?[ \t]*+{_NUMBER}\)?)"
_SEP = r"(?:[ \t]*+[|•·/,][ \t]*+|[ \t]++)"


@cache
def _patterns(plain_line: bool) -> SimpleNamespace:
    """Compiled on the first candidate line, not at start-up: with ``re`` for a plain line
    (see ``_layout.plain``), else with ``regex`` and full case folding."""
    compile = partial(re.compile, flags=re.IGNORECASE) if plain_line else partial(regex.compile, flags=_I)
    return SimpleNamespace(
        line=compile(rf"{_COUNTER}(?:{_SEP}{_COUNTER}){{0,5}}+"),
        has_label=compile(rf"\b(?:{_LABEL})\b"),
        # a lone "N comments" is BPL001's (widget-leftover)
        comments_only=compile(rf"(?:{_NUMBER}[ \t]++)?comments?(?:[ \t]++\({_NUMBER}\))?"),
        year=compile(r"(?:1[89]|20)\d\d"),
    )


#: where a counter line can start (after white space): a digit (of any script: ``regex``
#: knows digits of newer scripts, all outside the Basic Multilingual Plane) or a label;
#: searched with ``re`` after each line break
_HINT_AT_START = (
    r"[^\S\n]*+(?:[\d\U00010000-\U0010ffff]|share|comment|view|like|read|reaction|vote|clap|respons|repl|"
    r"retweet|repost|save|bookmark|follower|hit|min)"
)


@cache
def _hints() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The hint after a line break, and the same at the text's start."""
    return re.compile("\n" + _HINT_AT_START, re.IGNORECASE), re.compile(_HINT_AT_START, re.IGNORECASE)


def counter_kind(line: str) -> str | None:
    """ "labelled" for "12 Shares 3 Comments", "numbers" for "55 0", None for anything else."""
    rx = _patterns(plain(line))
    if not rx.line.fullmatch(line) or rx.comments_only.fullmatch(line):
        return None
    if rx.has_label.search(line):
        return "labelled"
    numbers = line.replace(",", " ").split()
    if len(numbers) == 1 and (rx.year.fullmatch(numbers[0]) or len(numbers[0]) > 4):
        return None  # a year or a figure on its own: a dateline, a table, not a counter
    return "numbers"


@document_rule("BPL004", "engagement-counter", category="boilerplate", severity="warning", fixable=True)
def engagement_counter(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds share, comment, view and reading-time counters standing alone on a line.

    What it does
    Flags a line made only of counters: labelled ones anywhere ("12 Shares",
    "0 Comments 1.2K Views", "5 min read", "Likes: 40"), and bare numbers ("55 0",
    "12") above the first paragraph of prose or below the last one, where share
    and comment buttons leave their counts when a page is scraped. A year alone
    ("2021") or a long figure stays silent. A lone "N comments" is left to BPL001.

    Why it matters
    The counts belonged to the buttons around the article; in the text they are
    unexplained numbers in front of the first paragraph.

    Example
        Ukraine crisis: US rejects Russian demand
        55 0
    Use instead: delete the counter line.

    Fix safety
    Safe: the line holds numbers and counter labels only.
    """
    layout = layout_of(doc)
    hint, at_start = _hints()
    for line in candidate_lines(doc, None if layout.fold_risk else hint, None, at_start):
        kind = counter_kind(line.text)
        if kind is None or (kind == "numbers" and not layout.in_margin(line)):
            continue
        yield ctx.report(
            line.start,
            line.end,
            f"Share/comment counter left from the page: “{shorten(line.text)}”",
            suggestion="delete the line",
            replacement="",
            safe=True,
            fix_span=line_fix_span(doc.text, line.start, line.end),
        )
