"""DUP002 doubled-word."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

_DOUBLED = regex.compile(r"\b(\p{L}+)([ \t]+)(\1)\b", regex.IGNORECASE)
#: words English legitimately doubles ("had had", "that that", "is is" in some quotes no)
LEGITIMATE = frozenset({"had", "that", "is", "do", "very", "bye", "no", "so", "ha", "blah", "knock"})


@document_rule(
    "DUP002",
    "doubled-word",
    category="duplication",
    severity="warning",
    options={"allow": []},
    fixable=True,
)
def doubled_word(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a word printed twice in a row ("the the").

    What it does
    Flags the second of two identical words separated only by spaces or tabs.

    Why it matters
    A doubled word is the commonest slip of a tired editor and of text assembled from
    fragments; readers notice it at once.

    Example
        It was the the best offer.
    Use instead:
        It was the best offer.

    Stays silent on words English doubles on purpose ("had had", "that that"), on
    reduplicated names written with capitals ("Bora Bora", "Baden Baden"), and on a
    repetition across a comma ("very, very").

    Options
    - ``allow``: more words that may be doubled.

    Fix safety
    Safe: the fix deletes the second copy and the space before it.
    """
    allowed = LEGITIMATE | {w.lower() for w in ctx.options.get("allow", [])}
    for m in _DOUBLED.finditer(doc.text):
        first, second = m.group(1), m.group(3)
        if first.lower() in allowed:
            continue
        if first[0].isupper() and second[0].isupper():  # Bora Bora, Sing Sing
            continue
        yield ctx.report(
            m.start(3),
            m.end(3),
            f"“{second}” is doubled",
            suggestion=f"delete the second “{second}”",
            replacement="",
            safe=True,
            fix_span=(m.start(2), m.end(3)),
        )
