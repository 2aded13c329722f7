"""TRN005 foreign-language-run."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import filterfalse
from pathlib import Path
from typing import Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import word_set

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_DATA = Path(__file__).parent / "data" / "function_words.toml"
#: what ends a run: a sentence or clause end, a line break
_BREAKS = ".!?;:\n"


@cache
def _words_between() -> regex.Pattern[str]:
    return regex.compile(r"\p{L}[\p{L}'’\-]*")


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """word -> the languages it is a function word of."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for lang, spec in data["languages"].items():
        for word in spec["words"].split():
            for form in {word, word.replace("'", "’")}:
                out.setdefault(form, set()).add(lang)
    return {w: frozenset(v) for w, v in out.items()}


@lru_cache(maxsize=1)
def _hits() -> Any:
    """One pattern for every listed word, written as a trie: the stdlib ``re`` scans it
    about seven times faster than a flat alternation with ``regex``."""
    return re.compile(rf"(?<![\w'’]){_trie(sorted(function_words()))}(?:(?<=['’])|(?!\w))")


def _trie(words: list[str]) -> str:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@document_rule(
    "TRN005",
    "foreign-language-run",
    category="translation",
    severity="warning",
    options={"min-function-words": 3, "max-gap": 4},
)
def foreign_language_run(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a run of Spanish, French, German, Portuguese or Italian left in English text.

    What it does
    Looks for function words of those languages that are not English words ("que",
    "los", "dans", "nicht", "não"; the lists are data in
    ``rules/translation/data/function_words.toml``) and groups those that follow each
    other within a sentence, at most ``max-gap`` words apart. A group is flagged when it
    holds at least ``min-function-words`` of them of one language, three different ones
    at least, and the other words inside it are mostly lower-case words (German nouns
    excepted): a stretch of foreign prose. Names such as "Museo Nacional de Arte de la
    Ciudad de México" (capitalised words between "de" and "la") and short borrowed
    phrases ("joie de vivre", "c'est la vie", "je ne sais quoi") stay silent. A run inside
    quotation marks is reported as info: it may be a quotation given in the original.

    This is a word-list check, cheap and predictable; a statistical language identifier
    (lingua: 247 MB and 1.2 s to start for 12 languages) would cost more than the rest of
    copydesk together.

    Why it matters
    A translation tool leaves a sentence it could not parse in the source language, and
    spinners paste paragraphs from foreign sites; either way the English reader loses it.

    Example
        The minister said el gobierno no ha confirmado la noticia de los despidos.
    Use instead:
        The minister said the government had not confirmed the reports of lay-offs.

    Options
    - ``min-function-words`` (3): function words of one language a run needs.
    - ``max-gap`` (4): most other words between two function words of one run.

    Fix safety
    No automatic fix: the passage needs translating.
    """
    text = doc.text
    least, gap = int(ctx.options["min-function-words"]), int(ctx.options["max-gap"])
    vocab = function_words()
    if not _three_of_one_language(doc, vocab):
        return  # a run needs three different function words of one language
    run: list[Any] = []
    for m in _hits().finditer(text):
        if run and not _joined(text, run[-1].end(), m.start(), gap):
            yield from _judge(ctx, text, run, least, vocab)
            run = []
        run.append(m)
    yield from _judge(ctx, text, run, least, vocab)


def _three_of_one_language(doc: Document, vocab: dict[str, frozenset[str]]) -> bool:
    """Does the text hold three different function words of one language, as the pattern
    finds them? A hit is a word of ``doc.words``, a part of one between hyphens, or such a
    part cut at an apostrophe (with or without it: "l'homme", "que’s"), so set operations
    on the distinct words decide it (C loops, Python only for words with an apostrophe)."""
    words = word_set(doc)
    found = set(words.intersection(vocab))
    if _three_of_one(found, vocab):
        return True  # decided by the whole words: the parts of the others need not be cut
    joined = list(filterfalse(str.isalnum, words))
    if joined:
        parts = set("-".join(joined).split("-"))
        found |= parts.intersection(vocab)
        cut = set()
        for part in filterfalse(str.isalnum, parts):  # the parts with an apostrophe
            for i, c in enumerate(part):
                if c in "'’":
                    cut.add(part[:i])
                    cut.add(part[: i + 1])
        found |= cut.intersection(vocab)
    return _three_of_one(found, vocab)


def _three_of_one(found: set[str], vocab: dict[str, frozenset[str]]) -> bool:
    """Are three of these function words words of one language?"""
    languages = Counter(lang for word in found for lang in vocab[word])
    return any(n >= 3 for n in languages.values())


def _joined(text: str, end: int, start: int, gap: int) -> bool:
    between = text[end:start]
    return not any(c in between for c in _BREAKS) and len(_words_between().findall(between)) <= gap


def _judge(ctx: Context, text: str, run: list[Any], least: int, vocab: dict[str, frozenset[str]]) -> Iterator[Report]:
    if len(run) < least:
        return
    votes: Counter[str] = Counter(lang for m in run for lang in vocab[m.group()])
    lang, count = votes.most_common(1)[0]
    words = {m.group() for m in run if lang in vocab[m.group()]}
    if count < least or len(words) < 3:
        return
    start, end = run[0].start(), run[-1].end()
    others = [w for w in _words_between().findall(text, start, end) if w not in vocab]
    if lang != "German" and sum(1 for w in others if w[0].isupper()) * 2 > len(others):
        return  # a name: "Plaza de la Constitución", "Banco de la Nación"
    if not others or not any(w[0].islower() for w in others):
        return
    # extend to the whole foreign stretch: the lower-case word after the last function word
    after = _words_between().match(text, end + 1) if end < len(text) and text[end] == " " else None
    if after is not None and after.group()[0].islower():
        end = after.end()
    quoted = _in_quotes(text, start, end)
    shown = text[start:end] if end - start <= 50 else text[start : start + 49] + "…"
    yield ctx.report(
        start,
        end,
        f"{lang} text “{shown}” in English prose" + (" (a quotation in the original?)" if quoted else ""),
        suggestion="translate it" + (" or add a translation after the quotation" if quoted else ""),
        severity="info" if quoted else None,
    )


def _in_quotes(text: str, start: int, end: int) -> bool:
    window = max(0, start - 300)  # bounded: one long line stays linear
    line_start = max(text.rfind("\n", window, start) + 1, window)
    before = text[line_start:start]
    return sum(before.count(q) for q in '"“«„') % 2 == 1 or before.count("”") < before.count("“")
