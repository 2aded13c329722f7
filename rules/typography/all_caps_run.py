"""TYP006 all-caps-run."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

_CAPS_WORD = r"\p{Lu}[\p{Lu}’'\-]*\p{Lu}"


@cache
def _run() -> regex.Pattern[str]:
    """Two or more all-capital words separated only by spaces (commas would make a list)."""
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}])(?:{_CAPS_WORD})(?:[ \u00a0]+(?:{_CAPS_WORD}|\p{{Lu}}))+(?![\p{{L}}\p{{N}}])"
    )


@cache
def _lower_word() -> regex.Pattern[str]:
    return regex.compile(r"\b\p{Ll}{2,}\b")


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", max(0, start - 2000), start) + 1
    hi = text.find("\n", end, end + 2000)
    return lo, hi if hi >= 0 else min(len(text), end + 2000)


@document_rule(
    "TYP006",
    "all-caps-run",
    category="typography",
    severity="warning",
    options={"min-words": 3, "min-long-words": 2},
)
def all_caps_run(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a run of words in capitals inside running text.

    What it does
    Flags ``min-words`` or more words in capital letters in a row, at least
    ``min-long-words`` of them four letters or longer (`THE NORTH ATLANTIC TREATY
    ORGANIZATION, also known as...`). A run inside a sentence that goes on in lower case
    is a warning; a line written entirely in capitals (a shouted heading, a legal
    disclaimer) is info.

    Why it matters
    Capitals in running text are the trace of a heading or a teaser glued into a
    sentence, or of text copied from a source that shouts; readers find it hard to read
    and it looks unedited.

    Example
        THE NORTH ATLANTIC TREATY ORGANIZATION, also known as the North Atlantic Alliance.
    Use instead:
        The North Atlantic Treaty Organization, also known as the North Atlantic Alliance.

    Stays silent on acronyms, alone or in short groups (NATO, “USA and UK”, “US FBI”),
    on lists of acronyms separated by commas, and on short capitalised headings or
    labels of one or two words (“UPDATE”, “BREAKING NEWS”).

    Options
    - ``min-words``: the fewest capitalised words in a run.
    - ``min-long-words``: how many of them must have four letters or more.

    Fix safety
    No fix: which words are names or acronyms (and keep their capitals) is for the
    editor to decide.
    """
    min_words = int(ctx.options.get("min-words", 3))
    min_long = int(ctx.options.get("min-long-words", 2))
    text = doc.text
    for m in _run().finditer(text):
        words = m.group().split()
        if len(words) < min_words or sum(len(w) >= 4 for w in words) < min_long:
            continue
        lo, hi = _line_bounds(text, m.start(), m.end())
        shouted_line = _lower_word().search(text, lo, hi) is None
        yield ctx.report(
            m.start(),
            m.end(),
            f"{len(words)} words in capitals" + (" (the whole line)" if shouted_line else " in running text"),
            suggestion="write it in sentence or title case; keep capitals for acronyms",
            severity="info" if shouted_line else "warning",
        )
