"""Proper-name mentions: a capitalisation- and context-based extractor (no NER model).

A mention is a run of capitalised words ("Jens Stoltenberg", "Ursula von der Leyen",
"J. K. Rowling") with its offsets in ``doc.text``. Runs are split at titles ("NATO
Secretary-General Jens Stoltenberg" -> NATO | Jens Stoltenberg, title Secretary-General); a
word that is capitalised only because it opens a sentence ("The", "However", "Separately")
is dropped. A mention is typed ``person`` when a title precedes it, when it has two or more
words none of which is a common dictionary word, or when it is the surname of such a person
elsewhere in the document ("Blincoln said" after "Anthony Blincoln"); ``acronym`` when it is
all capitals (NATO, U.S.); ``other`` otherwise (places, organisations, headline words).

Measured on seed 003: all 17 person mentions found (tests/rules/names/test_extract.py).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from linter.document import Document
from rules.names.similarity import data_lines
from rules.spelling.lexicon import Lexicon, lexicon_for
from rules.spelling.words import is_initial

_TOKEN = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}_])(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{Lu}[\p{L}\p{M}]*)*)",
    regex.V1,
)
_POSSESSIVE = regex.compile(r"['’]s(?![\p{L}\p{N}])")


@lru_cache(maxsize=16)
def _words(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in data_lines(name))


def titles() -> frozenset[str]:
    return _words("titles.txt")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    #: followed by ’s
    possessive: bool = False
    #: all capitals (NATO, U.S.)
    is_acronym: bool = False

    @property
    def is_initial(self) -> bool:
        return len(self.text) == 1


@dataclass(frozen=True)
class Mention:
    tokens: tuple[Token, ...]
    title: str
    kind: str  # person | acronym | other

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    @property
    def is_full_name(self) -> bool:
        """A person named by at least a first name and a surname."""
        return self.kind == "person" and len(self.tokens) >= 2 and not self.tokens[0].is_initial


def _is_title(token: Token) -> bool:
    return token.text.rstrip(".").casefold() in titles()


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    if left.possessive or "\n" in gap:
        return False
    if gap in (" ", "\u00a0"):
        return True
    if gap.startswith(". ") and len(gap) == 2:  # J. K. Rowling, Mr. Blinken
        return left.is_initial or _is_title(left)
    words = gap.split()
    return (
        bool(words)
        and gap[:1] == " "
        and gap[-1:] == " "
        and all(w in _words("particles.txt") for w in words)
    )


def _tokens(text: str) -> Iterator[Token]:
    for m in _TOKEN.finditer(text):
        word = m.group()
        possessive = bool(_POSSESSIVE.match(text, m.end()))
        acronym = len(word) >= 2 and word.isupper() and sum(c.isalpha() for c in word) >= 2
        yield Token(m.start(), m.end(), word, possessive, acronym)


def _runs(text: str) -> Iterator[list[Token]]:
    run: list[Token] = []
    for token in _tokens(text):
        if run and not _joined(text, run[-1], token):
            yield run
            run = []
        run.append(token)
    if run:
        yield run


def _segments(run: list[Token], text: str, lexicon: Lexicon) -> Iterator[tuple[list[Token], str]]:
    """Split a run at titles; drop a sentence-opening function word."""
    if run and is_initial(text, run[0].start) and run[0].text.casefold() in _words("function_words.txt"):
        run = run[1:]
    pending: list[str] = []
    segment: list[Token] = []
    for token in run:
        if _is_title(token):
            if segment:
                yield segment, " ".join(pending)
                segment, pending = [], []
            pending.append(token.text)
        else:
            segment.append(token)
    if segment:
        yield segment, " ".join(pending)


def _kind(tokens: list[Token], title: str, lexicon: Lexicon) -> str:
    if all(t.is_acronym for t in tokens):
        return "acronym"
    if any(t.is_acronym for t in tokens):
        return "other"
    if title:
        return "person"
    if len(tokens) >= 2 and not any(lexicon.is_common_word(t.text) for t in tokens if not t.is_initial):
        return "person"
    return "other"


def mentions(doc: Document, settings: Mapping[str, Any] | None = None) -> list[Mention]:
    """Every proper-name mention of the document, in order, typed (see the module doc)."""
    return _mentions_cached(doc, lexicon_for(settings or {}))


#: mentions per document (the name rules share them; entries go with their document)
_CACHE: weakref.WeakKeyDictionary[Document, dict[str, list[Any]]] = weakref.WeakKeyDictionary()


def _mentions_cached(doc: Document, lexicon: Lexicon) -> list[Mention]:
    cache = _CACHE.setdefault(doc, {})
    if lexicon.locale not in cache:
        cache[lexicon.locale] = list(_extract(doc.text, lexicon))
    return cache[lexicon.locale]


def _extract(text: str, lexicon: Lexicon) -> Iterator[Mention]:
    found: list[Mention] = []
    for run in _runs(text):
        for tokens, title in _segments(run, text, lexicon):
            single_opener = len(tokens) == 1 and not title and is_initial(text, tokens[0].start)
            if single_opener and lexicon.is_common_word(tokens[0].text):
                continue  # "Separately," "Western" opening a sentence
            found.append(Mention(tuple(tokens), title, _kind(tokens, title, lexicon)))
    surnames = {m.tokens[-1].text for m in found if m.kind == "person"}
    for m in found:
        if m.kind == "other" and len(m.tokens) == 1 and m.tokens[0].text in surnames:
            yield Mention(m.tokens, m.title, "person")
        else:
            yield m


@dataclass(frozen=True)
class NameToken:
    """One word of a name that can be compared with other spellings (not a title, acronym,
    initial or common dictionary word); hyphenated words are split (Russia-Ukraine)."""

    start: int
    end: int
    text: str
    mention: Mention
    #: the first word of a person's full name (compared only when the surnames match)
    first_name: bool


def name_tokens(doc: Document, settings: Mapping[str, Any] | None = None) -> list[NameToken]:
    lexicon = lexicon_for(settings or {})
    cache = _CACHE.setdefault(doc, {})
    key = "tokens:" + lexicon.locale
    if key not in cache:
        cache[key] = _name_tokens(doc, settings, lexicon)
    return cache[key]


def _name_tokens(doc: Document, settings: Mapping[str, Any] | None, lexicon: Lexicon) -> list[NameToken]:
    out: list[NameToken] = []
    for m in mentions(doc, settings):
        if m.kind == "acronym":
            continue
        for i, token in enumerate(m.tokens):
            if token.is_acronym or token.is_initial:
                continue
            pos = token.start
            for part in token.text.split("-"):
                if len(part) >= 2 and part[0].isupper() and not lexicon.is_common_word(part):
                    out.append(NameToken(pos, pos + len(part), part, m, m.is_full_name and i == 0))
                pos += len(part) + 1
    return out


def full_names(doc: Document, settings: Mapping[str, Any] | None = None) -> list[tuple[Mention, str, str]]:
    """Person mentions with a first name and a surname: (mention, first, last)."""
    return [(m, m.tokens[0].text, m.tokens[-1].text) for m in mentions(doc, settings) if m.is_full_name]
