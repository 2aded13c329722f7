"""DUP002 doubled-word."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, count
from operator import eq
from types import SimpleNamespace
from typing import Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.duplication.common import folded_words, load_data
from rules.encoding.views import unusual_chars

#: the joiners that ``doc.words`` keeps inside a word ("don't", "well-known")
_JOINERS = "'’-"


@lru_cache(maxsize=1)
def trusted() -> frozenset[str]:
    """Non-ASCII letters whose case-insensitive matching in ``regex`` is exactly equality
    of Python's case-folding, with no character outside the set folding with them (checked
    pair by pair in tests/rules/duplication/test_doubled_word.py): Latin-1, Latin
    Extended-A, Greek and Cyrillic but the letters that fold oddly (ß, ı, İ, ŉ, ſ, ς...)."""
    return frozenset(
        chr(c)
        for first, last in ((0xC0, 0xFF), (0x100, 0x17F), (0x386, 0x3CE), (0x400, 0x4FF))
        for c in range(first, last + 1)
        if chr(c).isalpha() and chr(c) not in "\u00df\u0130\u0131\u0149\u017f\u0390\u03b0\u03c2"
    )


@lru_cache(maxsize=1)
def patterns() -> SimpleNamespace:
    """The patterns that judge a candidate line, compiled on first use (start-up time):
    ``doubled``, a word, the spaces after it, the same word again (a third copy is looked
    at separately); ``after`` and ``before``, the word after a position and the word before
    the end of a text."""
    return SimpleNamespace(
        doubled=regex.compile(r"\b(\p{L}+)([ \t\u00a0]+)(\1)\b", regex.IGNORECASE),
        after=regex.compile(r"[ \t\u00a0]+(\p{L}+)\b"),
        before=regex.compile(r"(\p{L}+)[ \t\u00a0]+$"),
    )


@lru_cache(maxsize=1)
def joined_pair() -> Any:
    """A part after a joiner, then spaces, then the same letters: the text a doubled word
    next to a joined word leaves (``re``, far faster than ``regex`` here; a superset: its
    classes hold every letter and its case rule agrees with ``regex``'s where not ``odd``)."""
    return re.compile(r"['’\-]([^\W\d_]+)[ \t\u00a0]+\1", re.IGNORECASE)


@lru_cache(maxsize=1)
def _class_patterns() -> tuple[Any, Any]:
    """``regex``'s word character and letter (for ``odd``)."""
    return regex.compile(r"\w"), regex.compile(r"\p{L}")


#: more occurrences of odd characters than this and the whole text is scanned
_MAX_ODD = 500
_ODD: dict[str, bool] = {}


@lru_cache(maxsize=1)
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("doubled_words.toml")
    return frozenset(data["legitimate"]), frozenset(data["certain"])


def _run_of_three(text: str, start: int, end: int, word: str) -> bool:
    """Is this pair part of a run of three or more ("ha ha ha", "la la la")?"""
    after = patterns().after.match(text, end)
    if after and after.group(1).casefold() == word:
        return True
    before = patterns().before.search(text[max(0, start - 60) : start])
    return bool(before and before.group(1).casefold() == word)


def _sentence_start(text: str, pos: int) -> bool:
    """Does a sentence start at ``pos`` (so that a capital there proves nothing)?"""
    before = text[max(0, pos - 40) : pos].rstrip(" \t\u00a0\"'“‘(")
    return not before or before.endswith(("\n", ".", "!", "?", ":", "…"))


def odd(c: str) -> bool:
    """May a doubled word the pattern finds around this character escape ``_candidates``?

    True when Python's and ``regex``'s ideas of a letter or a word character differ for
    it, or when it has case and is not in ``trusted()`` (its case-insensitive matches might not
    be its case-foldings). Memoized: a text has few distinct non-ASCII characters.
    """
    found = _ODD.get(c)
    if found is None:
        cased = c.lower() != c or c.upper() != c or c.casefold() != c
        found = _ODD[c] = (
            unicodedata.category(c) == "Cn"
            or (c.isalnum() and _class_patterns()[0].match(c) is None)
            or c.isalpha() != (_class_patterns()[1].match(c) is not None)
            or (cased and c not in trusted())
        )
    return found


def _candidates(doc: Document) -> list[tuple[int, int]]:
    """Lines (start, end) that may hold a doubled word; every other line cannot.

    The pattern's two words are each a whole word of ``doc.words`` or its part before or
    after a joiner ("state-of-the-art art"), with only spaces between. Equal neighbours
    among the case-folded words are found with one C comparison per word; the few words
    with a joiner are cut at it and compared with their neighbours in Python. Lines with
    a character whose letter or case rules differ between Python and ``regex`` (``odd``)
    are always scanned.
    """
    text, words = doc.text, doc.words
    low = folded_words(doc)
    starts = [words[k].start for k in compress(count(), map(eq, low, low[1:]))]
    if any(j in text for j in _JOINERS):
        pair = joined_pair()
        starts += [m.start() for m in pair.finditer(text)]
        end = len(text) - 1  # the same on the text read backwards: "the the-end"
        starts += [end - m.start() for m in pair.finditer(text[::-1])]
    for c in unusual_chars(doc):
        if odd(c):
            at = text.find(c)
            while at >= 0:
                starts.append(at)
                if len(starts) > _MAX_ODD:
                    return [(0, len(text))]
                at = text.find(c, at + 1)
    lines: list[tuple[int, int]] = []
    for at in sorted(starts):
        if lines and at < lines[-1][1]:
            continue
        lo = text.rfind("\n", 0, at) + 1
        hi = text.find("\n", at)
        lines.append((lo, len(text) if hi < 0 else hi))
    return lines


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
    for lo, hi in _candidates(doc):
        for m in patterns().doubled.finditer(text, lo, hi):
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
