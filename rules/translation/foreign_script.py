"""TRN004 foreign-script-fragment."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace
from typing import Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars
from rules.translation.scripts import NON_LATIN, UNSPACED, latin_share_of, script_of

_WORD = rf"{NON_LATIN}[\p{{M}}\p{{L}}--\p{{Latin}}]*"
_OPENERS = {
    "(": ")",
    "（": "）",
    "[": "]",
    "“": "”",
    '"': '"',
    "‘": "’",
    "'": "'",
    "«": "»",
    "「": "」",
    "『": "』",
}
_PARENS = "(（["


@cache
def _patterns() -> SimpleNamespace:
    """Compiled for the first text with a letter outside the Latin script."""
    return SimpleNamespace(
        # words of non-Latin letters, joined by up to three spaces, punctuation marks or digits
        run=regex.compile(rf"{_WORD}(?:[ \t\u3000\p{{P}}\p{{N}}]{{1,3}}{_WORD})*", regex.V1),
        spaced_word=regex.compile(r"[\p{L}\p{M}]+"),
        kana=regex.compile(r"[\p{Hiragana}\p{Katakana}]"),
    )


@cache
def _letter() -> regex.Pattern[str]:
    return regex.compile(NON_LATIN, regex.V1)


_FOREIGN_LETTER: dict[str, bool] = {}
#: more lines than this with a non-Latin letter and the whole text is scanned at once
_MAX_LINES = 200


def _is_foreign_letter(c: str) -> bool:
    """Can a run start with this character: a letter outside the Latin script (memo)?"""
    found = _FOREIGN_LETTER.get(c)
    if found is None:
        found = _FOREIGN_LETTER[c] = _letter().match(c) is not None
    return found


def _runs(doc: Document, letters: list[str]) -> Iterator[Any]:
    """The pattern's runs, in text order: scanned only on the lines holding one of these
    letters (a run starts with one and never crosses a line)."""
    text, lines = doc.text, doc.lines
    found: set[int] = set()
    starts = [ln.start for ln in lines] if len(lines) > 1 else [0]
    run = _patterns().run
    for c in letters:
        at = text.find(c)
        while at >= 0:
            index = bisect_right(starts, at) - 1
            found.add(index)
            if len(found) > _MAX_LINES:
                yield from run.finditer(text)
                return
            at = text.find(c, lines[index].end)
    for index in sorted(found):
        yield from run.finditer(text, lines[index].start, lines[index].end)


@document_rule(
    "TRN004",
    "foreign-script-fragment",
    category="translation",
    severity="warning",
    options={"min-latin-share": 0.6},
)
def foreign_script_fragment(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds text in another writing system left untranslated in English prose.

    What it does
    Finds runs of words in a non-Latin script (Cyrillic, Greek, Hangul, Han, kana,
    Arabic, Hebrew, Thai, Devanagari...) inside a document written in the Latin
    alphabet. Unspaced scripts (Han, kana, Thai) count one word per two characters.
    - three words or more, not in brackets or quotes: a warning (an untranslated
      sentence, caption or label);
    - one or two words on their own: info (a name or a term left in the original, worth a
      look: give a romanization);
    - a name or a term in parentheses after its romanization or translation ("Moon
      Jae-in (문재인)", "glasnost (гласность)", up to four words), or one or two words in
      quotation marks: silent, that is how English text quotes a foreign name;
    - longer text in brackets or quotes: info.
    Documents that are mostly in another script are not English prose: the rule stays
    silent on them.

    Why it matters
    A machine translation leaves what it could not translate (captions, labels, quoted
    posts) in the original script; a reader of the English page cannot read it.

    Example
        사진 설명, 토니 블링컨 미 국무장관 The minister said NATO had prepared its own proposal.
    Use instead:
        The minister said NATO had prepared its own proposal.

    Options
    - ``min-latin-share`` (0.6): the share of Latin letters below which a document is not
      treated as English prose.

    Fix safety
    No automatic fix: the fragment needs a translation, not a deletion.
    """
    foreign = [c for c in unusual_chars(doc) if _is_foreign_letter(c)]
    if not foreign:
        return  # no letter outside the Latin script anywhere: decided without a scan
    text = doc.text
    rx = _patterns()
    english: bool | None = None
    for m in _runs(doc, foreign):
        run = m.group()
        script = "Japanese" if rx.kana.search(run) else script_of(run[0])
        letters = sum(1 for c in run if c.isalpha())
        if letters < 2:
            continue  # a single Greek letter in a formula, a lone symbol
        if english is None:  # computed once, and only for a document with a candidate
            english = latin_share_of(doc) >= float(ctx.options["min-latin-share"])
        if not english:
            return
        if script in UNSPACED:
            size = max(1, letters // 2)
        else:  # words of two letters or more: "α, β, γ" are variables, not Greek
            size = sum(1 for w in rx.spaced_word.findall(run) if len(w) > 1)
            if not size:
                continue
        opener = _enclosing(text, m.start(), m.end())
        if opener and (size <= 2 or opener in _PARENS and size <= 4):
            continue
        severity = "warning" if size >= 3 and not opener else "info"
        shown = run if len(run) <= 40 else run[:39] + "…"
        if severity == "warning":
            message = f"Untranslated {script} text “{shown}” in English prose"
            advice = "translate it, or delete it if it is a caption or label left from the source page"
        else:
            message = f"{script} text “{shown}” in English prose"
            advice = "give a translation or a romanization"
        yield ctx.report(m.start(), m.end(), message, suggestion=advice, severity=severity)


def _enclosing(text: str, start: int, end: int) -> str:
    """The bracket or quotation mark just around a span (spaces allowed), or ""."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] in ":," and (k := text.rfind("(", max(0, i - 25), i)) >= 0:
        i = k  # "(Korean: 문재인)", "(Russian, гласность)": a short lead-in
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    if i < 0 or j >= len(text):
        return ""
    opener = text[i]
    closer = _OPENERS.get(opener)
    if closer is None:
        return ""
    return opener if text[j] == closer else ""
