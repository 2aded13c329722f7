"""Writing systems of letters, for TRN004 and TRN006 (no rule lives here).

Uses the `regex` module's Unicode script properties; every pattern is a character class
or a run of classes, so a scan is linear in the length of the text.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from linter.document import Document
from rules.encoding.views import utf8

#: (name shown in messages, script property); the first that matches a letter names it
SCRIPTS: tuple[tuple[str, str], ...] = (
    ("Cyrillic", "Cyrillic"),
    ("Greek", "Greek"),
    ("Korean (Hangul)", "Hangul"),
    ("Japanese (kana)", "Hiragana"),
    ("Japanese (kana)", "Katakana"),
    ("Chinese/Japanese (Han)", "Han"),
    ("Arabic", "Arabic"),
    ("Hebrew", "Hebrew"),
    ("Thai", "Thai"),
    ("Devanagari", "Devanagari"),
    ("Bengali", "Bengali"),
    ("Armenian", "Armenian"),
    ("Georgian", "Georgian"),
    ("Ethiopic", "Ethiopic"),
    ("Tamil", "Tamil"),
)
#: scripts written without spaces between words: a "word" is counted as two characters
UNSPACED = frozenset({"Japanese", "Japanese (kana)", "Chinese/Japanese (Han)", "Thai"})

#: a letter of any script but Latin (a ``regex.V1`` set difference)
NON_LATIN = r"[\p{L}--\p{Latin}]"


@cache
def _letters() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """Runs of Latin letters, and of letters of any script."""
    return regex.compile(r"\p{Latin}+"), regex.compile(r"\p{L}+")


@cache
def _script_patterns() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    return tuple((name, regex.compile(rf"\p{{{prop}}}")) for name, prop in SCRIPTS)


@lru_cache(maxsize=1024)
def script_of(ch: str) -> str:
    for name, pattern in _script_patterns():
        if pattern.match(ch):
            return name
    return "non-Latin"


def latin_share(text: str) -> float:
    """Share of Latin letters among all letters (1.0 for a text without letters)."""
    latin_letters, any_letters = _letters()
    latin = sum(map(len, latin_letters.findall(text)))
    letters = sum(map(len, any_letters.findall(text)))
    return latin / letters if letters else 1.0


#: every ASCII byte but the letters (deleted to count the ASCII letters of a text)
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_ASCII = bytes(range(128))


def latin_share_of(doc: Document) -> float:
    """``latin_share(doc.text)``, counting the ASCII letters (all Latin) in C and running
    the letter patterns over the other characters only."""
    data = utf8(doc)
    ascii_letters = len(data.translate(None, _NOT_ASCII_LETTERS))
    rest = data.translate(None, _ASCII).decode("utf-8", "surrogatepass")
    latin_letters, any_letters = _letters()
    latin = ascii_letters + sum(map(len, latin_letters.findall(rest)))
    letters = ascii_letters + sum(map(len, any_letters.findall(rest)))
    return latin / letters if letters else 1.0
