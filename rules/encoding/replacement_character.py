"""ENC002 replacement-character."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars


@cache
def _replacements() -> Any:
    """A run of U+FFFD (compiled on first use, as the others: start-up time)."""
    return re.compile("\ufffd+")


#: the first letters of the endings the lost-apostrophe pattern looks for after a "?"
_ENDING_STARTS = frozenset("stlrvdm")


def _before_an_ending(text: str) -> bool:
    """Is a "?" followed by the first letter of a contraction's ending ("?s", "?ll")?"""
    at = text.find("?")
    while at >= 0:
        if text[at + 1 : at + 2] in _ENDING_STARTS:
            return True
        at = text.find("?", at + 1)
    return False


@cache
def _lost_apostrophe() -> Any:
    """A "?" where an apostrophe was: "Russia?s", "don?t", "we?re" (a curly apostrophe
    written to a charset that lacks it, with errors replaced by "?")."""
    return regex.compile(r"(?<=\p{L})\?(?=(?:s|t|ll|re|ve|d|m)\b)")


@cache
def _url_token() -> Any:
    """A URL-like token."""
    return regex.compile(r"\S*(?:/|=|&|\.\w)\S*")


@document_rule("ENC002", "replacement-character", category="encoding", severity="error", fixable=True)
def replacement_character(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds characters lost in decoding: U+FFFD "�" and "?" standing for an apostrophe.

    What it does
    Flags each run of the Unicode replacement character U+FFFD, which a decoder writes
    where it met bytes it could not read (an error), and a question mark inside a
    contraction or possessive ("Russia?s", "don?t", "we?re"), which is what a curly
    apostrophe becomes when text is saved in a character set without it (a warning;
    question marks in URLs are left alone).

    Why it matters
    The original character is gone: the reader sees "�" or "Russia?s", and no tool can
    tell for sure what stood there.

    Example
        The US has rejected Russia�s demand.
        The US has rejected Russia?s demand.
    Use instead:
        The US has rejected Russia’s demand.

    Fix safety
    No fix for U+FFFD (the lost character is unknown). For "?" in a contraction the fix
    writes ’ (or ' when the document uses straight apostrophes); it is unsafe, the editor
    should confirm.
    """
    text = doc.text
    for m in _replacements().finditer(text) if "\ufffd" in unusual_chars(doc) else ():
        count = len(m.group())
        yield ctx.report(
            m.start(),
            m.end(),
            f"Replacement character U+FFFD{f' ×{count}' if count > 1 else ''}: "
            "a character was lost when the text was decoded",
            suggestion="restore the original character (often an apostrophe, a dash or an accent)",
        )
    if not _before_an_ending(text):
        return  # no "?" before the start of a contraction's ending: no scan (nor compile)
    apostrophe = "’" if text.count("’") >= text.count("'") else "'"
    for m in _lost_apostrophe().finditer(text):
        token = _url_token().match(text, text.rfind(" ", 0, m.start()) + 1)
        if token and token.end() > m.start():
            continue  # index.php?s=3, ?t=10 in a URL
        yield ctx.report(
            m.start(),
            m.end(),
            "“?” in a contraction: an apostrophe lost in a character-set conversion",
            replacement=apostrophe,
            severity="warning",
        )
