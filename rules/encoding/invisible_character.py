"""ENC004 invisible-character."""

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

_NAMES = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (BOM)",
    "\u180e": "Mongolian vowel separator",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate",
    "\u2067": "right-to-left isolate",
    "\u2068": "first strong isolate",
    "\u2069": "pop directional isolate",
    "\u00ad": "soft hyphen",
}
#: always junk in English prose, wherever they are
_ZERO_WIDTH = set("\u200b\u2060\ufeff\u180e")
#: legitimate in Persian, Indic scripts, emoji sequences and around right-to-left names:
#: reported only between two Latin letters
_JOINERS_AND_BIDI = set("\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@cache
def _patterns() -> tuple[Any, Any]:
    """Compiled on first use (start-up time): a run of the characters (``re``: a class of
    code points, as in ``regex``) and a Latin letter or a digit."""
    return re.compile("[" + "".join(_NAMES) + "]+"), regex.compile(r"[\p{Latin}\d]")


@document_rule("ENC004", "invisible-character", category="encoding", severity="warning", fixable=True)
def invisible_character(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds invisible format characters: zero-width spaces, joiners, bidi marks, soft hyphens.

    What it does
    - a zero-width space, word joiner, stray BOM (U+FEFF) or Mongolian vowel separator:
      a warning inside a word ("Ukra\\u200bine"), info elsewhere;
    - a zero-width joiner or non-joiner, or a bidirectional mark (U+200E/U+200F,
      U+202A-U+202E, U+2066-U+2069), between two Latin letters or digits: a warning.
      These are legitimate in Persian, Indic scripts, emoji sequences and around
      right-to-left names, so they are not reported there;
    - a soft hyphen (U+00AD) inside a word: info (an invisible hyphenation hint left by a
      CMS).

    Why it matters
    The reader sees nothing, but search, spelling and name checks fail on the word
    ("Ukra\\u200bine" is not "Ukraine"), and a copy-paste carries the character along.

    Example
        President Zelensky of Ukra\\u200bine said ...
    Use instead:
        President Zelensky of Ukraine said ...

    Fix safety
    Safe: the characters are invisible, so deleting them changes no visible text.
    """
    if unusual_chars(doc).isdisjoint(_NAMES):
        return  # none of these characters anywhere: the common case, decided without a scan
    text = doc.text
    invisible, latin = _patterns()
    for m in invisible.finditer(text):
        chars = m.group()
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        in_word = before.isalnum() and after.isalnum()
        latin_sides = bool(latin.match(before) and latin.match(after)) if before and after else False
        kinds = set(chars)
        if kinds <= _JOINERS_AND_BIDI and not latin_sides:
            continue
        if kinds == {"\u00ad"}:
            if not in_word:
                continue
            severity = "info"
        elif kinds & _ZERO_WIDTH and not in_word:
            severity = "info"
        else:
            severity = "warning"
        names = ", ".join(dict.fromkeys(f"{_NAMES[c]} (U+{ord(c):04X})" for c in chars))
        word = _word_around(text, m.start(), m.end())
        where = f" inside “{word}”" if in_word else ""
        yield ctx.report(
            m.start(),
            m.end(),
            f"Invisible {names}{where}",
            suggestion="delete it",
            replacement="",
            safe=True,
            severity=severity,
        )


def _word_around(text: str, start: int, end: int) -> str:
    s, e = start, end
    while s > 0 and text[s - 1].isalnum() and start - s < 30:
        s -= 1
    while e < len(text) and text[e].isalnum() and e - end < 30:
        e += 1
    return text[s:start] + text[end:e]
