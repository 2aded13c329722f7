"""TYP003 full-stop-before-attribution."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.typography.common import is_abbreviation, word_before


@cache
def _stop_quote_lower() -> regex.Pattern[str]:
    """A full stop after a word, a closing quotation mark, then a lower-case word."""
    return regex.compile(r"(?<=\p{L})\.([”\"’]?)([”\"])[ \t\u00a0]+(\p{Ll}[\p{Ll}’'-]*)\b")


@document_rule(
    "TYP003",
    "full-stop-before-attribution",
    category="typography",
    severity="warning",
    fixable=True,
)
def full_stop_before_attribution(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a quotation closed with a full stop and followed by a lower-case word.

    What it does
    Flags the full stop in `choose it.” he said`: a quotation that ends with a full stop
    inside the marks and goes on, after the closing mark, in lower case (usually the
    attribution).

    Why it matters
    A full stop ends the sentence; when the sentence goes on with "he said", the
    quotation takes a comma. The slip is typical of hurried rewriting and of copy
    converted from another language's conventions.

    Example
        “It sets out a serious diplomatic path should Russia choose it.” he said.
    Use instead:
        “It sets out a serious diplomatic path should Russia choose it,” he said.

    Stays silent when the word before the stop is an abbreviation (“U.S.” policy, “etc.”
    and) and after a question or exclamation mark (“Why?” he asked), which are correct.

    Fix safety
    Unsafe: the suggested comma is right for an attribution, but the lower-case word may
    instead start a sentence whose capital is missing; the editor decides.
    """
    text = doc.text
    for m in _stop_quote_lower().finditer(text):
        if is_abbreviation(word_before(text, m.start())):
            continue
        yield ctx.report(
            m.start(),
            m.start() + 1,
            f"full stop inside the quotation before the lower-case “{m.group(3)}”",
            suggestion="use a comma: “…,” " + m.group(3),
            replacement=",",
            safe=False,
        )
