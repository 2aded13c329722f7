"""Helpers shared by the typography rules (no rules here)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from linter.document import Document

DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    import tomllib

    data = tomllib.loads((DATA / "abbreviations.toml").read_text(encoding="utf-8"))
    return frozenset(w.casefold() for w in data["abbreviations"])


def is_abbreviation(word: str) -> bool:
    """Does ``word`` (the text before a full stop) end an abbreviation, not a sentence?"""
    if "." in word or len(word) == 1:  # U.S., e.g, a.m, initials
        return True
    return word.casefold() in abbreviations()


def word_before(text: str, pos: int) -> str:
    """The run of letters and stops that ends at ``pos`` (bounded look-back)."""
    start = pos
    limit = max(0, pos - 40)
    while start > limit and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:pos]


def in_list_item(doc: Document, pos: int) -> bool:
    """Is ``pos`` at the start of a Markdown or HTML list item (which may start in lower case)?"""
    if doc.format == "text":
        return False
    src, _ = doc.span(pos, pos)
    before = doc.source[max(0, src - 200) : src]
    if doc.format == "html":
        tag = before.rfind("<")
        return tag >= 0 and before[tag:].lower().startswith(("<li", "<dd", "<td", "<th"))
    line = before[before.rfind("\n") + 1 :].lstrip(" >")
    return line[:1] in "-*+" and line[:1] != "" or line[:1].isdigit()
