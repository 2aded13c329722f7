"""Which words of a document are prose a spelling rule may judge.

Skipped: anything inside a URL, a file name, an e-mail address, a hashtag, a path or markup
leftover (the whole white-space-delimited chunk), words with digits, and the house
vocabulary's accepted terms. Capitalised words are names: spelling rules leave them to the
``name`` rules.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import regex

from linter.document import Span

#: a mark of a chunk that is not prose: URL, domain or file name, e-mail, hashtag, path, markup
_CODE_MARK = regex.compile(r"://|www\.|[@#/\\=_<>{}|~^\[\]&]|\.\p{Ll}{2,}\b|\p{L}\.\p{L}{2,}", regex.V1)
_SENTENCE_END = ".!?:;…"


@dataclass(frozen=True)
class Word:
    span: Span

    @property
    def text(self) -> str:
        return self.span.text


def code_chunks(text: str) -> list[tuple[int, int]]:
    """White-space-delimited chunks holding a URL, path, address or markup mark, in order."""
    out: list[tuple[int, int]] = []
    for m in _CODE_MARK.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        start, end = m.start(), m.end()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, end))
    return out


class CodeChunks:
    """The code chunks of a text, to ask whether an offset lies inside one."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ranges: list[tuple[int, int]] | None = None  # found on the first question
        self.starts: list[int] = []

    def contains(self, pos: int) -> bool:
        if self.ranges is None:
            self.ranges = code_chunks(self.text)
            self.starts = [s for s, _ in self.ranges]
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.ranges[i][0] <= pos < self.ranges[i][1]


def accepted_terms(settings: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """House vocabulary ``accept`` entries: (exact forms, lower-cased forms of lower-case entries)."""
    vocab = settings.get("vocabulary") or {}
    accept = [str(a).strip() for a in vocab.get("accept", []) if str(a).strip()]
    return frozenset(accept), frozenset(a.lower() for a in accept if a.islower())


def is_initial(text: str, pos: int) -> bool:
    """Does the word at ``pos`` open a sentence, a line or a paragraph?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(«[*-–—":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


def is_label_line(text: str, start: int, end: int, max_words: int = 6) -> bool:
    """A short all-lower-case line with no sentence punctuation: a tag, label or kicker
    ("ukraine crisis") rather than prose; its casing is a style choice of the site."""
    line = text[start:end].strip()
    if not line or any(c.isupper() for c in line) or line[-1] in ".!?,;:":
        return False
    return len(line.split()) <= max_words


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)
