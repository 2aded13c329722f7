"""DUP002 doubled-word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.duplication.common import load_data

#: a word, the spaces after it, the same word again (a third copy is looked at separately)
_DOUBLED = regex.compile(r"\b(\p{L}+)([ \t\u00a0]+)(\1)\b", regex.IGNORECASE)
_AFTER = regex.compile(r"[ \t\u00a0]+(\p{L}+)\b")


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("doubled_words.toml")
    return frozenset(data["legitimate"]), frozenset(data["certain"])


#: words English legitimately doubles ("had had", "that that"); kept in data/doubled_words.toml
LEGITIMATE = _word_lists()[0]


def _run_of_three(text: str, start: int, end: int, word: str) -> bool:
    """Is this pair part of a run of three or more ("ha ha ha", "la la la")?"""
    after = _AFTER.match(text, end)
    if after and after.group(1).casefold() == word:
        return True
    before = regex.search(r"(\p{L}+)[ \t\u00a0]+$", text[max(0, start - 60) : start])
    return bool(before and before.group(1).casefold() == word)


def _sentence_start(text: str, pos: int) -> bool:
    """Does a sentence start at ``pos`` (so that a capital there proves nothing)?"""
    before = text[max(0, pos - 40) : pos].rstrip(" \t\u00a0\"'“‘(")
    return not before or before.endswith(("\n", ".", "!", "?", ":", "…"))


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
    Flags the second of two identical words separated only by spaces, tabs or no-break
    spaces. A doubled article, preposition or conjunction ("the the", "of of") is an
    error; any other doubled word a warning.

    Why it matters
    A doubled word is the commonest slip of a tired editor and of text assembled from
    fragments; readers notice it at once.

    Example
        It was the the best offer.
    Use instead:
        It was the best offer.

    Stays silent on words English doubles on purpose ("had had", "that that", "bye
    bye"; the list is rules/duplication/data/doubled_words.toml), on reduplicated names
    written with capitals ("Bora Bora", "Baden Baden"), on a capitalised name followed
    by the same word in lower case inside a sentence ("Theresa May may"), on runs of three or more ("ha ha
    ha", "la la la"), and on a repetition across a comma ("very, very").

    Options
    - ``allow``: more words that may be doubled.

    Fix safety
    Safe: the fix deletes the second copy and the space before it.
    """
    legitimate, certain = _word_lists()
    allowed = legitimate | {w.casefold() for w in ctx.options.get("allow", [])}
    text = doc.text
    for m in _DOUBLED.finditer(text):
        first, second = m.group(1), m.group(3)
        word = first.casefold()
        if word in allowed:
            continue
        if first[0].isupper() and (second[0].isupper() or not _sentence_start(text, m.start())):
            continue  # Bora Bora, Sing Sing; a name then a word: "Theresa May may resign"
        if _run_of_three(text, m.start(), m.end(), word):
            continue
        yield ctx.report(
            m.start(3),
            m.end(3),
            f"“{second}” is doubled",
            suggestion=f"delete the second “{second}”",
            replacement="",
            safe=True,
            severity="error" if word in certain else None,
            fix_span=(m.start(2), m.end(3)),
        )
