"""One verdict per lower-case word, shared by the spelling rules so that no word is reported
twice: a codespell misspelling is not also an unknown word, a lower-case proper noun is not
also a typo, and so on. Each distinct word is judged once per locale (cached).
"""

from __future__ import annotations

import bisect
import enum
import unicodedata
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from linter.document import Document
from rules.spelling import lexicon as lx
from rules.spelling.words import CodeChunks, Word, accepted_terms

_DIGIT = regex.compile(r"\d")

#: contractions whose stem must be a word: we’ll, there’ll, she’d, they’ve, you’re, i’m, isn’t
_CONTRACTIONS = ("'ll", "'d", "'ve", "'re", "'m", "n't")


class Verdict(enum.Enum):
    OK = "ok"
    MISSPELLING = "misspelling"  # codespell's list of common misspellings
    PROPER_NOUN = "proper-noun"  # only the capitalised form is a word: france -> France
    APOSTROPHE = "apostrophe"  # word's where word takes no possessive: remain's
    REGIONAL = "regional"  # a word of the other English variant: defence in en-US (SPL002 option)
    UNKNOWN = "unknown"  # in no dictionary


@dataclass(frozen=True)
class Judged:
    word: Word
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


def _parts(start: int, text: str) -> Iterator[tuple[int, int, str]]:
    """The hyphen-separated parts of a word with their offsets (anti-armour -> anti, armour)."""
    pos = start
    for part in text.split("-"):
        yield pos, pos + len(part), part
        pos += len(part) + 1


def judged_words(doc: Document, settings: Mapping[str, Any]) -> list[Judged]:
    """Lower-case prose word parts (hyphen-split) whose verdict is not OK.

    Computed once per document and settings: the spelling rules run one after another on
    the same document and share the list.
    """
    key = (lx.locale_for(settings), repr(sorted((settings.get("vocabulary") or {}).get("accept", []))))
    cached = _LAST.get("doc")
    if cached is not None and cached[0]() is doc and cached[1] == key:
        return cached[2]
    out = _outside_foreign_context(doc, list(_judge_words(doc, settings, key[0])), key[0])
    _LAST["doc"] = (weakref.ref(doc), key, out)
    return out


_LAST: dict[str, tuple[Any, tuple[str, str], list[Judged]]] = {}


def _judge_words(doc: Document, settings: Mapping[str, Any], locale: str) -> Iterator[Judged]:
    """Judge every lower-case word; keep the ones that are not OK and that are prose.

    Most words are OK and their verdict is a cache hit, so the prose checks (URL chunk,
    digits, house vocabulary) run only on the few words a rule may report.
    """
    exact, lower = accepted_terms(settings)
    chunks = CodeChunks(doc.text)
    for span in doc.words:
        text = span.text
        if not text.islower():
            continue
        for start, end, part in _parts(span.start, text) if "-" in text else ((span.start, span.end, text),):
            if len(part) < (2 if part is text else 3) or not part.islower():
                continue  # i-th, x-ray, e-mail: short parts of a compound are not words
            verdict = judge(part, locale)
            if verdict is Verdict.OK or (part is not text and len(part) <= 3 and verdict is Verdict.UNKNOWN):
                continue  # co-ord, re-up: a clipped part of a compound
                continue
            if _DIGIT.search(text) or part in exact or part in lower or text in exact:
                continue
            if touches_invisible(doc.text, span.start, span.end):
                continue  # Ukra\u200bine: an encoding problem (ENC rules), not a typo
            if not chunks.contains(span.start):
                yield Judged(Word(span), start, end, part, verdict)


#: an elided French/Italian article or pronoun: c'est, l'état, d'accord, qu'il
_ELISION = regex.compile(r"^(?:[cdjlmnst]|qu)['’]\p{L}", regex.IGNORECASE)
_NOT_LATIN = regex.compile(r"[^\p{Latin}\p{M}'’\-]")
#: a short quotation (at most four words): a foreign phrase, a coined term, a brand
_SHORT_QUOTE = regex.compile(r"«[^»\n]{1,60}»|“[^”\n]{1,60}”|\"[^\"\n]{1,60}\"")
#: code in running text: an assignment, braces, a call
_CODE = regex.compile(r"\w\s*=\s*[\w\"'\d]|[{}]|\w\(\)")


def touches_invisible(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return any(c and (unicodedata.category(c) == "Cf" or c == "\ufffd") for c in (before, after))


#: a sentence where at least this many words, and this share of its words, are not English
_FOREIGN_SENTENCE = (3, 0.25)


def _foreign_sentences(doc: Document, judged: list[Judged], foreign_words: set[int]) -> list[tuple[int, int]]:
    """Sentences with many words a dictionary of English does not accept as they stand."""
    starts = sorted({j.word.span.start for j in judged} | {doc.words[i].start for i in foreign_words})
    out = []
    for sentence in doc.sentences:
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        count, words = hi - lo, max(1, len(sentence.text.split()))
        if count >= _FOREIGN_SENTENCE[0] and count / words > _FOREIGN_SENTENCE[1]:
            out.append((sentence.start, sentence.end))
    return out


def _outside_foreign_context(doc: Document, judged: list[Judged], locale: str) -> list[Judged]:
    """Drop the judgements a dictionary of English cannot make: words in another script,
    unknown words with letters English does not use (ações), elisions (c'est), words of a
    short quotation («On verra») or of a foreign phrase (two unknown words within two words
    of each other: je ne sais quoi), and unknown words of a sentence that holds code."""
    if not judged:
        return judged
    text = doc.text
    quotes = [(m.start(), m.end()) for m in _SHORT_QUOTE.finditer(text) if len(m.group().split()) <= 4]
    index = {span.start: i for i, span in enumerate(doc.words)}
    lexicon = lx.lexicon(locale)
    accented = {
        i
        for i, span in enumerate(doc.words)
        if not span.text.isascii() and not lexicon.knows(span.text) and not lexicon.knows(span.text.lower())
    }  # Quién, ações
    foreign = accented | {index[j.word.span.start] for j in judged if j.verdict is Verdict.UNKNOWN}
    sentences = _foreign_sentences(doc, judged, accented)
    out = []
    for j in judged:
        i = index[j.word.span.start]
        if _NOT_LATIN.search(j.text) or _ELISION.match(j.word.text):
            continue
        if j.verdict is Verdict.UNKNOWN and not j.text.isascii():
            continue
        if any(s <= j.start < e for s, e in sentences):
            continue  # el gobierno no tiene dinero para pagar los salarios...
        if j.verdict is not Verdict.APOSTROPHE:
            if any(n in foreign for n in (i - 2, i - 1, i + 1, i + 2)):
                continue  # je ne sais quoi, joie de vivre
            if any(s <= j.start < e for s, e in quotes):
                continue
        if j.verdict is Verdict.UNKNOWN and _CODE.search(_sentence_of(doc, j.start)):
            continue
        out.append(j)
    return out


def _sentence_of(doc: Document, pos: int) -> str:
    for sentence in doc.sentences:
        if sentence.start <= pos < sentence.end:
            return sentence.text
    return ""
