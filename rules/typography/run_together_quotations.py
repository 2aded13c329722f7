"""TYP002 run-together-quotations."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

_LOOKBACK = 2000


@cache
def _join() -> regex.Pattern[str]:
    """A quotation ending in punctuation, then straight away another opening with a capital."""
    return regex.compile(r"[,.!?…]([”\"])[ \t\u00a0]*([“\"])(?=\p{Lu})")


@cache
def _word() -> regex.Pattern[str]:
    return regex.compile(r"\p{L}+")


@cache
def _close_then_open() -> re.Pattern[str]:
    """What every join has, for one stdlib ``re`` scan before the full pattern."""
    return re.compile(r"[”\"][ \t\u00a0]*[“\"]")


def _quotation_words(text: str, close: int) -> int:
    """Words of the quotation that ends at ``close`` (0 when its opening is not found)."""
    start = max(0, close - _LOOKBACK)
    para = text.rfind("\n\n", start, close)
    lo = para + 2 if para >= 0 else start
    opener = max(text.rfind("“", lo, close), text.rfind('"', lo, close))
    if opener < 0:
        return 0
    return sum(1 for _ in _word().finditer(text, opener, close))


@document_rule(
    "TYP002",
    "run-together-quotations",
    category="typography",
    severity="warning",
    options={"min-words": 6},
)
def run_together_quotations(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds two quotations printed back to back with nothing between them.

    What it does
    Flags a quotation that ends in punctuation and is followed at once by another that
    opens with a capital letter (`aggression,” “It remains`), when the first quotation
    has at least ``min-words`` words.

    Why it matters
    Spun and condensed copy drops the attribution ("he said") between two quotations,
    or glues two quotations from different places; the reader cannot tell whether one
    person said both, or where one statement ends.

    Example
        “We are acting with equal focus and force to bolster Ukraine’s defences,” “It
        remains up to Russia to decide,” he said.
    Use instead:
        “We are acting with equal focus and force to bolster Ukraine’s defences,” he
        said. “It remains up to Russia to decide.”

    Stays silent on series of short quoted words (`terms such as “fake news,” “deep
    state,” and “globalist”`), where American style puts each comma inside the marks.

    Options
    - ``min-words``: the fewest words the first quotation must have.

    Fix safety
    No fix: the missing attribution cannot be guessed.
    """
    min_words = int(ctx.options.get("min-words", 6))
    text = doc.text
    if not _close_then_open().search(text):
        return  # no closing mark followed by an opening one anywhere
    for m in _join().finditer(text):
        if _quotation_words(text, m.start(1)) < min_words:
            continue
        yield ctx.report(
            m.start(1),
            m.end(2),
            "two quotations run together with no attribution between them",
            suggestion="end the first quotation, attribute it (“he said.”), then open the next",
        )
