"""SPL004 lowercase-pronoun-i."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.spelling.words import code_chunks_of, tokens


@cache
def _pronoun() -> Any:
    """A lone "i", alone or in a contraction (i’m, i’ve, i’ll, i’d); not "i." "(i)" "i=" "i-th"."""
    return regex.compile(
        r"(?<![\p{L}\p{N}.(\[/\\\-_'’])i(?=(?:['’](?:m|ve|ll|d))?(?![\p{L}\p{N}.)\]/\\\-_'’=+*<>]|\s*[=+*<>]))",
        regex.V1,
    )


#: the word tokens (doc.words) a match can lie in: letters, digits and a following apostrophe
#: with letters are part of the token, and the pattern allows neither before or after "i"
#: except the contractions
_PRONOUN_TOKENS = frozenset(["i"] + [f"i{a}{c}" for a in "'’" for c in ("m", "ve", "ll", "d")])


@cache
def _numerals() -> Any:
    """A roman-numeral list near the match: (i) ... (ii) ..."""
    return regex.compile(r"(?<![\p{L}])(?:ii|iii|iv)(?![\p{L}])")


@document_rule("SPL004", "lowercase-pronoun-i", category="spelling", severity="warning", fixable=True)
def lowercase_pronoun_i(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds the pronoun I written in lower case ("i can’t be more clear").

    What it does
    Reports a lone lower-case "i" standing as a word, alone or in a contraction (i’m, i’ve,
    i’ll, i’d). Stays silent on list numerals ("(i)", "i." or near "ii"/"iii"), on a
    variable in a formula ("i = 1", "i+1"), and inside URLs, file names and code.

    Why it matters
    The lower-case pronoun is chat style or a transcription slip; in an article, and above all
    in a quotation, it looks careless.

    Example
        “From our perspective i can’t be more clear.”
    Use instead:
        “From our perspective I can’t be more clear.”

    Fix safety
    Safe: the fix only capitalises the letter.
    """
    if not tokens(doc) & _PRONOUN_TOKENS:
        return  # the pronoun is always a whole word token: no such token, no match
    text = doc.text
    chunks = code_chunks_of(doc)
    numerals = _numerals()
    for m in _pronoun().finditer(text):
        pos = m.start()
        if chunks.contains(pos):
            continue
        if numerals.search(text, max(0, pos - 60), pos + 60):
            continue
        yield ctx.report(pos, pos + 1, "the pronoun “i” is written “I”", replacement="I", safe=True)
