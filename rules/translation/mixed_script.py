"""TRN006 mixed-script-word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars

#: Cyrillic and Greek letters drawn like Latin ones (the ones used to spoof words)
HOMOGLYPHS = dict(
    zip(
        "АВЕКМНОРСТХУаеорсухіјѕЅІЈԁԛԝԚԜӏҮһΑΒΕΖΗΙΚΜΝΟΡΤΥΧονρ",
        "ABEKMHOPCTXYaeopcyxijsSIJdqwQWlYhABEZHIKMNOPTYXovp",
        strict=True,
    )
)
_FOREIGN_CHAR: dict[str, bool] = {}


@cache
def _patterns() -> SimpleNamespace:
    """Compiled for the first text with a character outside ASCII, not at start-up."""
    return SimpleNamespace(
        foreign=regex.compile(r"[\p{Cyrillic}\p{Greek}]"),
        latin=regex.compile(r"\p{Latin}"),
        cyrillic=regex.compile(r"\p{Cyrillic}"),
        mark=regex.compile(r"\p{M}"),
    )


def _is_foreign(c: str) -> bool:
    """Is this character Cyrillic or Greek (memo: a text has few distinct characters)?"""
    found = _FOREIGN_CHAR.get(c)
    if found is None:
        found = _FOREIGN_CHAR[c] = _patterns().foreign.match(c) is not None
    return found


@document_rule("TRN006", "mixed-script-word", category="translation", severity="error", fixable=True)
def mixed_script_word(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a word that mixes Latin letters with Cyrillic or Greek ones ("Вlinken").

    What it does
    Flags a word (letters between non-letters: a hyphen or an apostrophe splits words)
    that contains both Latin letters and Cyrillic or Greek letters. When every foreign
    letter is a homoglyph of a Latin one (Cyrillic В, о, с, р...; Greek Ο, ν...) in a
    mostly Latin word, the suggestion is the all-Latin spelling. Greek letters that are
    not look-alikes (μm, αβ) are scientific notation and left alone.

    Why it matters
    Such a word looks right but is not: search, spelling checkers and name checks miss
    it, and screen readers spell it out. It comes from transliteration tools, OCR, text
    retyped on a Cyrillic keyboard, or deliberate spoofing.

    Example
        US Secretary of State Antony Вlinken (with a Cyrillic В)
    Use instead:
        US Secretary of State Antony Blinken

    Fix safety
    Safe when every foreign letter is a look-alike of a Latin letter in a mostly Latin
    word: the fix swaps each for its Latin twin and the word reads the same. No fix
    otherwise.
    """
    if not any(map(_is_foreign, unusual_chars(doc))):
        return  # no Cyrillic or Greek letter anywhere: decided without a scan
    text = doc.text
    done = 0
    for m in _patterns().foreign.finditer(text):
        if m.start() < done:
            continue
        start, end = m.start(), m.end()
        while start > 0 and _is_letter(text[start - 1]):
            start -= 1
        while end < len(text) and _is_letter(text[end]):
            end += 1
        done = end
        word = text[start:end]
        report = _check(ctx, word, start, end)
        if report is not None:
            yield report


def _is_letter(ch: str) -> bool:
    return ch.isalpha() or _patterns().mark.match(ch) is not None


def _check(ctx: Context, word: str, start: int, end: int) -> Report | None:
    rx = _patterns()
    latin = len(rx.latin.findall(word))
    if not latin:
        return None
    foreign = [c for c in word if rx.foreign.match(c)]
    scripts = "Cyrillic" if rx.cyrillic.match(foreign[0]) else "Greek"
    listed = ", ".join(dict.fromkeys(foreign))
    if all(c in HOMOGLYPHS for c in foreign) and latin >= len(foreign):
        fixed = "".join(HOMOGLYPHS.get(c, c) for c in word)
        return ctx.report(
            start,
            end,
            f"“{word}” mixes scripts: {listed} {'is' if len(set(foreign)) == 1 else 'are'} {scripts}, "
            "not Latin (a look-alike letter)",
            replacement=fixed,
            safe=True,
        )
    if scripts == "Greek" and not any(c in HOMOGLYPHS for c in foreign):
        return None  # μm, αβ-like notation
    return ctx.report(
        start,
        end,
        f"“{word}” mixes Latin and {scripts} letters ({listed})",
        suggestion="retype the word in one alphabet",
        severity="warning",
    )
