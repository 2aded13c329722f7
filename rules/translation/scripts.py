"""Writing systems of letters, for TRN004 and TRN006 (no rule lives here).

Uses the `regex` module's Unicode script properties; every pattern is a character class
or a run of classes, so a scan is linear in the length of the text.
"""

from __future__ import annotations

from functools import lru_cache

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

#: a letter of any script but Latin
NON_LATIN = r"[\p{L}--\p{Latin}]"
LATIN_LETTERS = regex.compile(r"\p{Latin}+")
ANY_LETTERS = regex.compile(r"\p{L}+")


@lru_cache(maxsize=1024)
def script_of(ch: str) -> str:
    for name, prop in SCRIPTS:
        if regex.match(rf"\p{{{prop}}}", ch):
            return name
    return "non-Latin"


def latin_share(text: str) -> float:
    """Share of Latin letters among all letters (1.0 for a text without letters)."""
    latin = sum(map(len, LATIN_LETTERS.findall(text)))
    letters = sum(map(len, ANY_LETTERS.findall(text)))
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
    latin = ascii_letters + sum(map(len, LATIN_LETTERS.findall(rest)))
    letters = ascii_letters + sum(map(len, ANY_LETTERS.findall(rest)))
    return latin / letters if letters else 1.0
