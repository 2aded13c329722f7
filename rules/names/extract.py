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

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from itertools import accumulate, compress
from typing import Any, NamedTuple

import regex

from linter.document import Document
from rules.names.similarity import data_lines
from rules.spelling.lexicon import Lexicon, lexicon_for
from rules.spelling.words import is_initial

#: a capitalised word (the patterns here are compiled when first needed)
_TOKEN = r"(?<![\p{L}\p{M}\p{N}_])(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{M}]*(?:[-'’]\p{Lu}[\p{L}\p{M}]*)*)"


@cache
def _token() -> Any:
    return regex.compile(_TOKEN, regex.V1)


@cache
def _split() -> Any:
    """The same words, captured: ``split`` gives [gap, word, gap, word, ..., gap] in C."""
    return regex.compile("(" + _TOKEN + ")", regex.V1)


@cache
def _possessive() -> Any:
    return regex.compile(r"['’]s(?![\p{L}\p{N}])")


@lru_cache(maxsize=16)
def _words(name: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in data_lines(name))


def titles() -> frozenset[str]:
    return _words("titles.txt")


@lru_cache(maxsize=1)
def _particle_gap() -> Any:
    """A gap made only of particles between white space ("von der"; str.split's words): with
    ``fullmatch`` on the gap, the stdlib's \\s being ``str.isspace``."""
    words = sorted(_words("particles.txt"), key=len, reverse=True)
    word = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    return re.compile(rf"\s*{word}(?:\s+{word})*\s*")


class Token(NamedTuple):
    """A capitalised word (a tuple: cheap to make)."""

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


class Mention(NamedTuple):
    """A run of capitalised words naming someone or something."""

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
    """May the two capitalised words belong to one name (the gap between them)?"""
    return not left.possessive and _gap_joins(text, left.end, right.start, left.text)


def _gap_joins(text: str, a: int, b: int, left: str) -> bool:
    n = b - a
    if n <= 1:
        return n == 1 and text[a] in " \u00a0"
    if n == 2 and text[a] == "." and text[a + 1] == " ":  # J. K. Rowling, Mr. Blinken
        return len(left) == 1 or left.rstrip(".").casefold() in titles()
    # only particles between spaces (Ursula von der Leyen), never a line break
    return (
        text[a] == " "
        and text[b - 1] == " "
        and _particle_gap().fullmatch(text, a, b) is not None
        and text.find("\n", a, b) < 0
    )


def mentions(doc: Document, settings: Mapping[str, Any] | None = None) -> list[Mention]:
    """Every proper-name mention of the document, in order, typed (see the module doc)."""
    lexicon = lexicon_for(settings or {})
    cache = doc.cache.setdefault(__name__, {})
    found = cache.get(lexicon.locale)
    if found is None:
        found = cache[lexicon.locale] = _extract(doc.text, lexicon)
    return found


#: per locale, word -> (title, function word, common dictionary word), looked up once a word
_INFO: dict[str, dict[str, tuple[bool, bool, bool]]] = {}


def _word_info(lexicon: Lexicon) -> Any:
    info = _INFO.setdefault(lexicon.locale, {})
    if len(info) > 200_000:
        info.clear()
    title_words, function_words = titles(), _words("function_words.txt")
    common = lexicon.is_common_word

    def get(word: str) -> tuple[bool, bool, bool]:
        found = info.get(word)
        if found is None:
            found = info[word] = (
                word.rstrip(".").casefold() in title_words,
                word.casefold() in function_words,
                common(word),
            )
        return found

    return get


def _extract(text: str, lexicon: Lexicon) -> list[Mention]:
    """Capitalised words, joined into runs, split at titles, typed; one pass over the text.

    The common cases are inlined (a one-word run, a one-space gap) and a word becomes a
    ``Token`` only when a mention keeps it: this loop runs once per capitalised word."""
    info = _word_info(lexicon)
    cached = _INFO[lexicon.locale]
    new = tuple.__new__
    found: list[Mention] = []
    append = found.append
    run: list[tuple[int, int, str, bool, bool]] = []  # Token fields
    last_end = -1
    last_word = ""
    last_possessive = True  # nothing joins the first word
    not_particle = _not_particle_start()
    possessive = _possessive()
    for m in _token().finditer(text):
        start, end = m.span()
        word = m.group()
        if last_possessive:  # Blinken’s Lavrov
            joined = False
        else:
            gap = start - last_end
            if gap == 1:
                joined = text[last_end] in " \u00a0"
            elif gap > 2:
                joined = (
                    text[last_end] == " "
                    and text[start - 1] == " "
                    and text[last_end + 1] not in not_particle
                    and _gap_joins(text, last_end, start, last_word)
                )
            else:
                joined = gap == 2 and _gap_joins(text, last_end, start, last_word)
        if not joined and run:
            if len(run) == 1:  # most runs: one word
                first = run[0]
                props = cached.get(first[2]) or info(first[2])
                if not (props[0] or ((props[1] or props[2]) and is_initial(text, first[0]))):
                    # not a title alone, not "The" or "Separately," opening a sentence
                    append(new(Mention, ((new(Token, first),), "", "acronym" if first[4] else "other")))
            else:
                _add_run([new(Token, t) for t in run], text, info, found)
            run = []
        c = text[end : end + 1]
        last_possessive = (c == "'" or c == "’") and possessive.match(text, end) is not None
        run.append((start, end, word, last_possessive, len(word) >= 2 and word.isupper() and _letters(word) >= 2))
        last_end, last_word = end, word
    if run:
        _add_run([new(Token, t) for t in run], text, info, found)
    return _surnames_are_persons(found)


def _surnames_are_persons(found: list[Mention]) -> list[Mention]:
    """A lone word that is a person's surname elsewhere in the text ("Blinken said") is that
    person: its "other" mentions become "person" ones (in place; returns ``found``)."""
    surnames = {m.tokens[-1].text for m in found if m.kind == "person"}
    if surnames:
        for i, m in enumerate(found):
            if m.kind == "other" and len(m.tokens) == 1 and m.tokens[0].text in surnames:
                found[i] = Mention(m.tokens, m.title, "person")
    return found


def _letters(word: str) -> int:
    return sum(c.isalpha() for c in word)


@lru_cache(maxsize=1)
def _not_particle_start() -> frozenset[str]:
    """Lower-case letters no particle starts with (a cheap test before the particle pattern)."""
    return frozenset("abcdefghijklmnopqrstuvwxyz") - frozenset(w[0] for w in _words("particles.txt"))


def _add_run(run: list[Token], text: str, info: Any, found: list[Mention]) -> None:
    """Split a run at titles (drop a sentence-opening function word) and add its mentions."""
    first = run[0]
    if len(run) == 1:  # most runs: one word
        title, function, common = info(first.text)
        if title or ((function or common) and is_initial(text, first.start)):
            return  # a title alone; "The", "Separately," opening a sentence
        kind = "acronym" if first.is_acronym else "other"
        found.append(tuple.__new__(Mention, ((first,), "", kind)))
        return
    if info(first.text)[1] and is_initial(text, first.start):
        run = run[1:]
    pending: list[str] = []
    segment: list[Token] = []
    for token in run:
        if info(token.text)[0]:
            if segment:
                _add_segment(segment, " ".join(pending), text, info, found)
                segment, pending = [], []
            pending.append(token.text)
        else:
            segment.append(token)
    if segment:
        _add_segment(segment, " ".join(pending), text, info, found)


def _add_segment(tokens: list[Token], title: str, text: str, info: Any, found: list[Mention]) -> None:
    if len(tokens) == 1 and not title and info(tokens[0].text)[2] and is_initial(text, tokens[0].start):
        return  # "Separately," "Western" opening a sentence
    found.append(Mention(tuple(tokens), title, _kind(tokens, title, info)))


def _kind(tokens: list[Token], title: str, info: Any) -> str:
    if all(t.is_acronym for t in tokens):
        return "acronym"
    if any(t.is_acronym for t in tokens):
        return "other"
    if title:
        return "person"
    if len(tokens) >= 2 and not any(info(t.text)[2] for t in tokens if not t.is_initial):
        return "person"
    return "other"


def name_mentions(doc: Document, settings: Mapping[str, Any] | None = None) -> list[Mention]:
    """The mentions that can hold a name token or a full name: those of the runs with a word
    that is a title, not a common dictionary word, or hyphenated (see ``_name_runs``). The
    name rules need no other; ``mentions`` gives them all."""
    lexicon = lexicon_for(settings or {})
    cache = doc.cache.setdefault(__name__, {})
    key = "names:" + lexicon.locale
    found = cache.get(key)
    if found is None:
        full = cache.get(lexicon.locale)  # every mention, when someone asked for them
        found = cache[key] = full if full is not None else _name_runs(doc.text, lexicon)
    return found


#: per locale, word -> can it make a run hold a name (a title, not a common word, a hyphen)
_INTERESTING: dict[str, dict[str, bool]] = {}


def _name_runs(text: str, lexicon: Lexicon) -> list[Mention]:
    """``_extract`` for the runs holding an interesting word only: a run of common words
    (with no title) yields no name token and no full name (a person needs a title or only
    uncommon words but initials). The words and the gaps between them come from one
    ``split`` in C; Python looks only around the interesting words."""
    pieces = _split().split(text)
    words = pieces[1::2]
    if not words:
        return []
    gaps = pieces[0::2]  # gaps[i] precedes words[i]; gaps[i + 1] follows it
    interesting = _INTERESTING.setdefault(lexicon.locale, {})
    missing = set(words).difference(interesting)
    if missing:
        if len(interesting) > 200_000:
            interesting.clear()
            missing = set(words)
        info = _word_info(lexicon)
        for word in missing:
            title, _, common = info(word)
            interesting[word] = title or not common or "-" in word
    flags = list(map(interesting.__getitem__, words))
    if not any(flags):
        return []
    info = _word_info(lexicon)
    cached = _INFO[lexicon.locale]
    ends = list(accumulate(map(len, pieces)))  # ends[2i + 1]: end of words[i]
    possessive_after = _possessive().match
    new = tuple.__new__
    found: list[Mention] = []
    n = len(words)
    done = -1  # the last word of the last run looked at
    for k in compress(range(n), flags):
        if k <= done:
            continue
        lo = k
        while lo > 0 and _gap_string_joins(gaps[lo], words[lo - 1]):
            lo -= 1
        hi = k
        while hi + 1 < n and _gap_string_joins(gaps[hi + 1], words[hi]):
            hi += 1
        done = hi
        run = []
        for i in range(lo, hi + 1):
            word, end = words[i], ends[2 * i + 1]
            after = gaps[i + 1]
            possessive = after[:1] in ("'", "’") and possessive_after(text, end) is not None
            acronym = len(word) >= 2 and word.isupper() and _letters(word) >= 2
            run.append(new(Token, (end - len(word), end, word, possessive, acronym)))
        if len(run) == 1:
            first = run[0]
            props = cached.get(first.text) or info(first.text)
            if not (props[0] or ((props[1] or props[2]) and is_initial(text, first.start))):
                found.append(new(Mention, ((first,), "", "acronym" if first.is_acronym else "other")))
        else:
            _add_run(run, text, info, found)
    return _surnames_are_persons(found)


def _gap_string_joins(gap: str, left: str) -> bool:
    """``_gap_joins`` on the gap itself (a possessive never joins: its gap starts with an
    apostrophe)."""
    n = len(gap)
    if n <= 1:
        return gap == " " or gap == "\u00a0"
    if gap == ". ":
        return len(left) == 1 or left.rstrip(".").casefold() in titles()
    return (
        gap[0] == " "
        and gap[-1] == " "
        and gap[1] not in _not_particle_start()
        and _particle_gap().fullmatch(gap) is not None
        and "\n" not in gap
    )


def capitalised_words(text: str) -> set[str]:
    """Every text a name token, a first name or a surname of ``text`` can have (a cheap
    superset, for a test before the extraction): its capitalised words (the extractor's own
    pattern, without the runs and the dictionary) but the acronyms, which are never a name
    token nor in a full name, and the parts of the hyphenated ones."""
    words = {w for w in set(_token().findall(text)) if not (len(w) >= 2 and w.isupper() and _letters(w) >= 2)}
    for word in [w for w in words if "-" in w]:
        words.update(word.split("-"))  # Russia-Ukraine, NATO-Russia
    return words


class NameToken(NamedTuple):
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
    cache = doc.cache.setdefault(__name__, {})
    key = "tokens:" + lexicon.locale
    found = cache.get(key)
    if found is None:
        found = cache[key] = _name_tokens(doc, settings, lexicon)
    return found


def _name_tokens(doc: Document, settings: Mapping[str, Any] | None, lexicon: Lexicon) -> list[NameToken]:
    info = _word_info(lexicon)
    common = lexicon.is_common_word
    new = tuple.__new__
    out: list[NameToken] = []
    for m in name_mentions(doc, settings):
        if m.kind == "acronym":
            continue
        full = m.is_full_name
        for i, token in enumerate(m.tokens):
            word = token.text
            if token.is_acronym or len(word) == 1:
                continue
            if "-" not in word:
                if word[0].isupper() and not info(word)[2]:
                    out.append(new(NameToken, (token.start, token.end, word, m, full and i == 0)))
                continue
            pos = token.start
            for part in word.split("-"):
                if len(part) >= 2 and part[0].isupper() and not common(part):
                    out.append(new(NameToken, (pos, pos + len(part), part, m, full and i == 0)))
                pos += len(part) + 1
    return out


def full_names(doc: Document, settings: Mapping[str, Any] | None = None) -> list[tuple[Mention, str, str]]:
    """Person mentions with a first name and a surname: (mention, first, last)."""
    lexicon = lexicon_for(settings or {})
    cache = doc.cache.setdefault(__name__, {})
    key = "full:" + lexicon.locale
    found = cache.get(key)
    if found is None:
        found = cache[key] = [
            (m, m.tokens[0].text, m.tokens[-1].text) for m in name_mentions(doc, settings) if m.is_full_name
        ]
    return found
