"""One verdict per lower-case word, shared by the spelling rules so that no word is reported
twice: a codespell misspelling is not also an unknown word, a lower-case proper noun is not
also a typo, and so on. Each distinct word is judged once per locale (cached).
"""

from __future__ import annotations

import bisect
import enum
import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any, NamedTuple

import regex

from linter.document import Document, Span
from rules.spelling import lexicon as lx
from rules.spelling.words import (
    CodeChunks,
    accepted_terms,
    built_words,
    code_chunks_of,
    occurrences,
    paragraph_sentences,
    tokens,
    words_between,
)


@cache
def _digit() -> Any:
    return regex.compile(r"\d")  # (every pattern here is compiled when first needed)


#: contractions whose stem must be a word: we’ll, there’ll, she’d, they’ve, you’re, i’m, isn’t
_CONTRACTIONS = ("'ll", "'d", "'ve", "'re", "'m", "n't")


class Verdict(enum.Enum):
    OK = "ok"
    MISSPELLING = "misspelling"  # codespell's list of common misspellings
    PROPER_NOUN = "proper-noun"  # only the capitalised form is a word: france -> France
    APOSTROPHE = "apostrophe"  # word's where word takes no possessive: remain's
    REGIONAL = "regional"  # a word of the other English variant: defence in en-US (SPL002 option)
    UNKNOWN = "unknown"  # in no dictionary


class Judged(NamedTuple):
    """A word part with a verdict other than OK (a tuple: cheap to make)."""

    #: the whole word token the part belongs to
    word: Span
    start: int
    end: int
    text: str
    verdict: Verdict


def possessive_base(word: str) -> str | None:
    plain = lx.normalize_apostrophes(word)
    return plain[:-2] if plain.endswith("'s") and len(plain) > 2 else None


@lru_cache(maxsize=200_000)
def judge(word: str, locale: str) -> Verdict:
    """The verdict on one lower-case word (no hyphen) in ``locale``."""
    lex = lx.lexicon(locale)
    plain = lx.normalize_apostrophes(word)
    if lex.knows(plain):
        return Verdict.OK
    for ending in _CONTRACTIONS:
        if plain.endswith(ending) and len(plain) > len(ending) and lex.knows(plain[: -len(ending)]):
            return Verdict.OK
    if plain in lx.common_misspellings():
        return Verdict.MISSPELLING
    if lx.lexicon(lx.other_locale(locale)).knows(plain):
        return Verdict.REGIONAL
    base = possessive_base(plain)
    if len(base or plain) >= 3 and lex.proper_form(base or plain):
        return Verdict.PROPER_NOUN
    if base and lex.knows(base):
        return Verdict.APOSTROPHE
    if plain.endswith("s") and not plain.endswith("ss") and lex.knows(plain[:-1]):
        return Verdict.OK  # a regular plural the word list lacks: dialogs
    return Verdict.UNKNOWN


@lru_cache(maxsize=200_000)
def token_verdicts(token: str, locale: str) -> tuple[tuple[int, str, Verdict], ...]:
    """The parts of a lower-case word token (split at hyphens) a rule may report, as
    (offset in the token, part, verdict): parts whose verdict is not OK."""
    whole = "-" not in token
    out = []
    offset = 0
    for part in (token,) if whole else token.split("-"):
        if len(part) >= (2 if whole else 3) and part.islower():  # i-th, x-ray, e-mail
            verdict = judge(part, locale)
            if verdict is not Verdict.OK and (whole or len(part) > 3 or verdict is not Verdict.UNKNOWN):
                out.append((offset, part, verdict))  # not co-ord, re-up: a clipped part
        offset += len(part) + 1
    return tuple(out)


def judged_words(doc: Document, settings: Mapping[str, Any], regional: bool = False) -> list[Judged]:
    """Lower-case prose word parts (hyphen-split) whose verdict is not OK, in text order;
    words of the other English variant (``Verdict.REGIONAL``) only with ``regional=True``
    (they still count as not English when a sentence is judged foreign).

    Computed once per document and settings (``doc.cache``): the spelling rules share it.
    Set algebra first (the document's distinct tokens minus the dictionary's forms), then the
    token verdicts (cached per process), then the few remaining tokens are found in the text
    and the prose checks (URL chunk, invisible neighbour, foreign context) run on their
    occurrences only; the occurrences of words that are only regional spellings are checked
    only when they count.
    """
    key = (lx.locale_for(settings), repr(sorted((settings.get("vocabulary") or {}).get("accept", []))), regional)
    cache = doc.cache.setdefault(__name__, {})
    out = cache.get(key)
    if out is None:
        found = cache.get(key[:2])
        if found is None:
            found = cache[key[:2]] = _find(doc, settings, key[0])
        out = cache[key] = [] if found is None else found.judged(doc, regional)
    return out


def suspects(doc: Document, locale: str) -> frozenset[str]:
    """The document's tokens a spelling rule may judge: not a plain dictionary form (a form
    with a hyphen is judged part by part, one with a typographic apostrophe normalised), and
    not a token already seen to be of no interest (``_boring``), by set difference in C."""
    cache = doc.cache.setdefault(__name__, {})
    key = ("suspects", locale)
    out = cache.get(key)
    if out is None:
        out = lx.lexicon(locale).forms.unknown(tokens(doc))
        boring = _boring(locale)
        if boring:
            out -= boring
        cache[key] = out
    return out


@lru_cache(maxsize=100_000)
def capitalised_misspelling(token: str) -> bool:
    """Is the token a capitalised word whose lower case is a codespell misspelling ("Feild")?
    (SPL001 checks its other conditions on each hit.)"""
    return token[:1].isupper() and lx.normalize_apostrophes(token.lower()) in lx.common_misspellings()


@lru_cache(maxsize=16)
def _boring(locale: str) -> set[str]:
    """Tokens that never matter to the spelling rules in this locale besides the plain
    dictionary forms: every token ``_find`` saw with no part to judge and no
    foreign look (names, capitalised words...), up to ``_BORING_MAX``."""
    return set()


_BORING_MAX = 100_000


def _find(doc: Document, settings: Mapping[str, Any], locale: str) -> _Found | None:
    """The occurrences of the tokens with a part a rule may report, and of the words that
    look foreign (see ``_foreign_looking``); None when there are none of the former."""
    exact, lower = accepted_terms(settings)
    found: dict[str, tuple[tuple[int, str, Verdict], ...]] = {}
    regional_only: set[str] = set()  # every judged part a regional spelling
    accented: set[str] = set()  # Quién, ações (a dictionary form is never a suspect)
    boring = _boring(locale)
    room = len(boring) < _BORING_MAX
    for token in suspects(doc, locale):
        foreign_looking = not token.isascii() and _foreign_looking(token, locale)
        if foreign_looking:
            accented.add(token)
        parts = token_verdicts(token, locale) if token.islower() else ()
        if not parts:
            if room and not foreign_looking and not capitalised_misspelling(token):
                boring.add(token)  # (SPL001 looks for capitalised misspellings among suspects)
            continue
        if _digit().search(token) or token in exact:
            continue
        if exact or lower:
            parts = tuple(p for p in parts if p[1] not in exact and p[1] not in lower)
            if not parts:
                continue
        found[token] = parts
        if _all_regional(parts):
            regional_only.add(token)
    if not found:
        return None
    return _Found(code_chunks_of(doc), found, regional_only, accented)


@lru_cache(maxsize=100_000)
def _all_regional(parts: tuple[tuple[int, str, Verdict], ...]) -> bool:
    return all(p[2] is Verdict.REGIONAL for p in parts)


class _Found:
    """One document's judged tokens and where they occur, filtered on demand (kept in
    ``doc.cache``: it holds no reference to the document, so no reference cycle)."""

    def __init__(
        self,
        chunks: CodeChunks,
        parts: dict[str, tuple[tuple[int, str, Verdict], ...]],
        regional_only: set[str],
        accented: set[str],
    ) -> None:
        self.chunks = chunks  # the document's code chunks (and its text)
        self.parts = parts
        #: tokens whose every judged part is a regional spelling: looked at only when they count
        self.regional_only = regional_only
        self.accented_tokens = accented  # foreign-looking words
        self.spans: list[Span] = []  # occurrences of judged tokens, in text order (located)
        self.accented: list[Span] = []  # occurrences of foreign-looking words, in text order
        self._located = False
        self._prose: dict[int, bool] = {}

    def locate(self, doc: Document) -> None:
        """Find the occurrences of the judged and of the foreign-looking words."""
        if not self._located:
            spans = occurrences(doc.text, self.accented_tokens.union(self.parts), built_words(doc))
            self.spans = [s for s in spans if s.text in self.parts]
            self.accented = [s for s in spans if s.text in self.accented_tokens]
            self._located = True

    def prose(self, span: Span) -> bool:
        """Is the word prose: not in a code chunk, not beside an invisible character?"""
        found = self._prose.get(span.start)
        if found is None:
            found = not touches_invisible(self.chunks.text, span.start, span.end) and not self.chunks.contains(
                span.start
            )  # Ukra\u200bine: an encoding problem (ENC rules), not a typo
            self._prose[span.start] = found
        return found

    def judged(self, doc: Document, regional: bool) -> list[Judged]:
        """The judged parts a rule may report: ``_outside_foreign_context`` of the prose ones."""
        if not regional and len(self.regional_only) == len(self.parts):
            return []  # only regional spellings, which are not asked for: nothing to locate
        self.locate(doc)
        judged = []
        lazy = []  # regional-only words: they matter only as words of a foreign sentence
        for span in self.spans:
            if not regional and span.text in self.regional_only:
                lazy.append(span)
                continue
            if not self.prose(span):
                continue
            for offset, part, verdict in self.parts[span.text]:
                start = span.start + offset
                judged.append(Judged(span, start, start + len(part), part, verdict))
        return _outside_foreign_context(doc, self, judged, lazy, regional)


@lru_cache(maxsize=100_000)
def _foreign_looking(token: str, locale: str) -> bool:
    """A word with a letter English does not use (or a typographic apostrophe) that the
    dictionary does not know in this case or in lower case."""
    lexicon = lx.lexicon(locale)
    return not lexicon.knows(token) and not lexicon.knows(token.lower())


@cache
def _elision() -> Any:
    """An elided French/Italian article or pronoun: c'est, l'état, d'accord, qu'il."""
    return regex.compile(r"^(?:[cdjlmnst]|qu)['’]\p{L}", regex.IGNORECASE)


@cache
def _not_latin() -> Any:
    return regex.compile(r"[^\p{Latin}\p{M}'’\-]")


@cache
def _short_quote() -> re.Pattern[str]:
    """A short quotation (at most four words): a foreign phrase, a coined term, a brand."""
    return re.compile(r"«[^»\n]{1,60}»|“[^”\n]{1,60}”|\"[^\"\n]{1,60}\"")


@cache
def _code() -> Any:
    """Code in running text: an assignment, braces, a call."""
    return regex.compile(r"\w\s*=\s*[\w\"'\d]|[{}]|\w\(\)")


def touches_invisible(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if (before + after).isascii():
        return False  # no format character (Cf) or U+FFFD is ASCII
    return any(c and (unicodedata.category(c) == "Cf" or c == "\ufffd") for c in (before, after))


#: a sentence where at least this many words, and this share of its words, are not English
_FOREIGN_SENTENCE = (3, 0.25)


def _outside_foreign_context(
    doc: Document, found: _Found, judged: list[Judged], lazy: list[Span], regional: bool
) -> list[Judged]:
    """Drop the judgements a dictionary of English cannot make: words in another script,
    unknown words with letters English does not use (ações), elisions (c'est), words of a
    short quotation («On verra») or of a foreign phrase (two unknown words within two words
    of each other: je ne sais quoi), unknown words of a sentence that holds code, and words of
    a sentence where many words are not English (el gobierno no tiene dinero para pagar...).

    ``lazy``: occurrences of regional-only words, not yet checked for prose; they count only
    in that last test, so they are checked only for the sentences it looks at."""
    if not judged:
        return judged
    accented = found.accented
    text = doc.text
    foreign = sorted(
        {(s.start, s.end) for s in accented}
        | {(j.word.start, j.word.end) for j in judged if j.verdict is Verdict.UNKNOWN}
    )
    foreign_starts = [s for s, _ in foreign]
    sentences = _Sentences(doc, found, sorted({j.word.start for j in judged} | {s.start for s in accented}), lazy)
    quotes: dict[int, list[tuple[int, int]]] = {}
    out = []
    for j in judged:
        if j.verdict is Verdict.REGIONAL and not regional:
            continue
        if not _latin_prose(j.text, j.word.text):
            continue
        if j.verdict is Verdict.UNKNOWN and not j.text.isascii():
            continue
        if j.verdict is not Verdict.APOSTROPHE:
            if _near_foreign(text, j.word, foreign, foreign_starts):
                continue  # je ne sais quoi, joie de vivre
            if _in_short_quote(text, j.start, quotes):
                continue
        sentence = sentences.of(j.start)
        if j.verdict is Verdict.UNKNOWN and _code().search(sentence.text if sentence else ""):
            continue
        if sentence is not None and sentences.foreign(sentence):
            continue  # el gobierno no tiene dinero para pagar los salarios...
        out.append(j)
    return out


class _Sentences:
    """The sentences of the judged words, and which of them are foreign: at least 3 words,
    more than a quarter of the sentence's words, are judged or look foreign."""

    def __init__(self, doc: Document, found: _Found, starts: list[int], lazy: list[Span]) -> None:
        self.doc = doc
        self.found = found
        self.starts = starts  # word starts certainly counted, sorted
        self.lazy = lazy  # regional-only words, counted when they are prose
        self.lazy_starts = [s.start for s in lazy]
        self._foreign: dict[int, bool] = {}

    def of(self, pos: int) -> Span | None:
        for sentence in paragraph_sentences(self.doc, pos):
            if sentence.start <= pos < sentence.end:
                return sentence
        return None

    def foreign(self, sentence: Span) -> bool:
        verdict = self._foreign.get(sentence.start)
        if verdict is None:
            need, share = _FOREIGN_SENTENCE
            starts = self.starts
            lo = bisect.bisect_left(starts, sentence.start)
            hi = bisect.bisect_left(starts, sentence.end, lo)
            count = hi - lo
            lo = bisect.bisect_left(self.lazy_starts, sentence.start)
            hi = bisect.bisect_left(self.lazy_starts, sentence.end, lo)
            for span in self.lazy[lo:hi]:
                if self.found.prose(span) and not _contains(starts, span.start):
                    count += 1
            verdict = count >= need and count / max(1, len(sentence.text.split())) > share
            self._foreign[sentence.start] = verdict
        return verdict


def _contains(ordered: list[int], value: int) -> bool:
    i = bisect.bisect_left(ordered, value)
    return i < len(ordered) and ordered[i] == value


@lru_cache(maxsize=100_000)
def _latin_prose(part: str, word: str) -> bool:
    """Neither a letter of another script in the part nor an elision (c'est) in its word."""
    return not _not_latin().search(part) and not _elision().match(word)


def _in_short_quote(text: str, pos: int, quotes: dict[int, list[tuple[int, int]]]) -> bool:
    """Is ``pos`` inside a short quotation? No quotation holds a line break, so the
    quotations of ``pos``'s line are those a scan of the whole text finds there."""
    start = text.rfind("\n", 0, pos) + 1
    found = quotes.get(start)
    if found is None:
        end = text.find("\n", pos)
        found = quotes[start] = [
            (m.start(), m.end())
            for m in _short_quote().finditer(text, start, len(text) if end < 0 else end)
            if len(m.group().split()) <= 4
        ]
    return any(s <= pos < e for s, e in found)


def _near_foreign(text: str, span: Span, foreign: list[tuple[int, int]], starts: list[int]) -> bool:
    """Is another foreign word one or two words before or after this word?"""
    i = bisect.bisect_left(starts, span.start)
    if i > 0 and words_between(text, foreign[i - 1][1], span.start) <= 1:
        return True
    if i < len(starts) and starts[i] == span.start:
        i += 1  # the word itself
    return i < len(starts) and words_between(text, span.end, foreign[i][0]) <= 1
