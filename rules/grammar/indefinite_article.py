"""GRM001 wrong-indefinite-article."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cache, lru_cache, partial
from pathlib import Path
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parent / "data" / "articles.toml"


@cache
def _article() -> regex.Pattern[str]:
    """An article, optional opening quote, and the next word (letters, inner hyphens and
    apostrophes); compiled on first use, not at start-up."""
    return regex.compile(
        r"(?<![\p{L}\p{N}.’'\-&])(?P<art>an|a|An|A)(?P<gap>[ \t\u00a0]+[“‘\"']?)"
        r"(?P<word>\p{L}[\p{L}\p{N}]*(?:[\-’'][\p{L}\p{N}]+)*)",
        regex.V1,
    )


_VOWEL_LETTERS = "aeiou"
#: letter names that start with a vowel sound (an F, an H, an M...)
_VOWEL_NAMED = set("AEFHILMNORSX")


def _alternation(patterns: list[str]) -> str:
    return "(?:" + "|".join(patterns) + ")"


@lru_cache(maxsize=1)
def article_data() -> SimpleNamespace:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return SimpleNamespace(
        # the sound lists as one alternation each (``regex`` syntax, matched ignoring case)
        consonant_sound=_alternation(data["consonant-sound"]),
        silent_h=_alternation(data["silent-h"]),
        h_tolerated=_alternation(data["h-tolerated"]),
        vowel_u=_alternation(data["vowel-u"]),
        initialisms=frozenset(data["initialisms"]),
        word_acronyms=frozenset(data["word-acronyms"]),
        never_after=frozenset(data["never-after-article"]),
    )


@cache
def sounds(ascii_word: bool) -> SimpleNamespace:
    """The sound lists compiled: with the stdlib ``re`` for a word of ASCII letters (the
    lists are ASCII, so ignoring case reads the same in both modules there, and ``re``
    compiles four times faster), with ``regex`` and full case folding for any other word."""
    d = article_data()
    if ascii_word:
        compile = partial(re.compile, flags=re.IGNORECASE)
    else:
        compile = partial(regex.compile, flags=regex.IGNORECASE | regex.V1)
    return SimpleNamespace(
        consonant_sound=compile(d.consonant_sound),
        silent_h=compile(d.silent_h),
        h_tolerated=compile(d.h_tolerated),
        vowel_u=compile(d.vowel_u),
    )


@lru_cache(maxsize=100_000)
def expected_article(word: str) -> str | None:
    """ "a" or "an" for the sound ``word`` starts with; None when unsure (cached per word)."""
    d = article_data()
    if word in d.never_after:
        return None
    if len(word) > 2 and word[1] == "-" and word[0].isalpha():  # X-ray, T-shirt, U-turn, e-mail
        return "an" if word[0].upper() in _VOWEL_NAMED else "a"
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return _acronym_article(word, d)
    if len(letters) < 2 or any(c.isdigit() for c in word):
        return None
    first = word[0].lower()
    if first not in "aeiouh":
        return "a" if first.isalpha() and first.isascii() else None
    s = sounds(word.isascii())
    if first in "aeio":
        return "a" if s.consonant_sound.match(word) else "an"
    if first == "u":
        if s.consonant_sound.match(word):
            return "a"
        return "an" if s.vowel_u.match(word) else None
    if s.silent_h.match(word):
        return "an"
    return None if s.h_tolerated.match(word) else "a"


def _acronym_article(word: str, d: SimpleNamespace) -> str | None:
    if word in d.word_acronyms:
        return "a" if word[0] not in _VOWEL_LETTERS.upper() else "an"
    if word in d.initialisms:
        return "an" if word[0] in _VOWEL_NAMED else "a"
    head = word[0]
    if head in "AEIO":
        return "an"
    if head in _VOWEL_NAMED:
        return None  # NATO ("a") or NHS ("an")? unsure unless listed
    return "a" if head.isalpha() and head.isascii() else None


@document_rule("GRM001", "wrong-indefinite-article", category="grammar", severity="warning", fixable=True)
def wrong_indefinite_article(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds "a" before a vowel sound and "an" before a consonant sound ("an unique link").

    What it does
    Judges the article by the sound, not the letter, of the next word: "a unique", "a
    European", "a one-off", "a Ukrainian", "an hour", "an honest", "an heir", "an MBA", "an
    FBI agent", "an unusual", "a NATO summit". The sound lists live in
    ``rules/grammar/data/articles.toml``; a word the lists cannot judge is left alone (numbers,
    single letters, unlisted acronyms starting with F, H, L, M, N, R, S or X, and h-words
    that British usage takes with "an": "an historic"). A capital "A" inside a sentence is a
    letter ("Plan A", "Grade A"), not an article.

    Why it matters
    The wrong article is one of the first things a reader notices; machine translation and
    spinners produce it often ("an unique").

    Example
        It provides an unique link between those two continents.
    Use instead:
        It provides a unique link between those two continents.

    Fix safety
    Safe for words: the fix changes only the article. Unsafe for acronyms, whose reading the
    writer knows best.
    """
    text = doc.text
    for m in _article().finditer(text):
        art, word = m.group("art"), m.group("word")
        if art[0].isupper() and not _opens_sentence(text, m.start()):
            continue  # Plan A, Grade A
        want = expected_article(word)
        if want is None or want == art.lower():
            continue
        fix = want if art.islower() else want.capitalize()
        acronym = word.isupper()
        sound = "vowel" if want == "an" else "consonant"
        yield ctx.report(
            m.start(),
            m.end("word"),
            f"“{art} {word}”: use “{fix}” before the {sound} sound of “{word}”",
            replacement=fix,
            safe=not acronym,
            fix_span=(m.start("art"), m.end("art")),
        )


def _opens_sentence(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in "\n.!?:;"
