"""NAM002 inconsistent-name-spelling: one person, two spellings in one document."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.names.extract import NameToken, full_names, name_tokens
from rules.names.similarity import DEFAULT_MIN_SIMILARITY, legitimate_variants, similar
from rules.spelling.lexicon import Lexicon, lexicon_for


def _preferred(a: str, b: str, counts: Counter[str], order: dict[str, int], in_full: set[str]) -> str:
    """The spelling the document prefers: more mentions, then the one used in a full name,
    then the earlier one."""
    return min((a, b), key=lambda f: (-counts[f], f not in in_full, order[f]))


def _distinct_people(a: str, b: str, firsts: dict[str, set[str]]) -> bool:
    """Both surnames come with first names, and none of them match: two people."""
    fa, fb = firsts.get(a, set()), firsts.get(b, set())
    if not fa or not fb:
        return False
    return not any(x == y or similar(x, y, None) for x in fa for y in fb)


def surname_fixes(
    tokens: list[NameToken], firsts: dict[str, set[str]], lexicon: Lexicon, threshold: float
) -> dict[str, str]:
    """Minority spelling -> the document's preferred spelling, for surnames and single names."""
    counts = Counter(t.text for t in tokens)
    order: dict[str, int] = {}
    for i, t in enumerate(tokens):
        order.setdefault(t.text, i)
    in_full = {t.text for t in tokens if t.mention.is_full_name}
    forms = sorted(counts, key=order.__getitem__)
    # only forms with the same first letter can be similar: compare within those groups, in
    # the order of the full pairwise loop (the first spelling, then each later one)
    later: dict[str, list[str]] = {}
    for form in forms:
        later.setdefault(form[:1].casefold(), []).append(form)
    fixes: dict[str, str] = {}
    for a in forms:
        group = later[a[:1].casefold()]
        del group[0]  # a itself: the group keeps the forms after it
        for b in group:
            if abs(len(a) - len(b)) > 1:
                continue  # never similar (asked first: most pairs)
            if not similar(a, b, lexicon, threshold) or legitimate_variants(a, b):
                continue
            if _distinct_people(a, b, firsts):
                continue
            keep = _preferred(a, b, counts, order, in_full)
            drop = b if keep == a else a
            if lexicon.knows(drop):
                continue  # a dictionary name (Paul) is a name in its own right
            if drop not in fixes or counts[keep] > counts[fixes[drop]]:
                fixes[drop] = keep
    return {drop: keep for drop, keep in fixes.items() if keep not in fixes}


@document_rule(
    "NAM002",
    "inconsistent-name-spelling",
    category="name",
    severity="warning",
    options={"min-similarity": DEFAULT_MIN_SIMILARITY},
    fixable=True,
)
def inconsistent_name_spelling(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a name written two ways in one document ("Antony Blinken" ... "Blinkin").

    What it does
    Compares the proper names of the document (see NAM001 for what counts as a name and when
    two spellings are one name) and reports every occurrence of the spelling the document
    uses less, suggesting the one it uses more (ties: the spelling used in a full name, then
    the first one). First names are compared only inside full names whose surnames match
    ("Anthony Blinken" after "Antony Blinken"). Two surnames that each come with their own,
    different first names are two people and are left alone; so are transliteration variants
    (Dmitri/Dmitry) and masculine/feminine surnames.

    Why it matters
    A name spelled two ways in one article is certainly wrong once, and readers may think two
    people are meant.

    Example
        Antony Blinken met the press. Later Blinkin said the door was open.
    Use instead:
        Antony Blinken met the press. Later Blinken said the door was open.

    Options
    - ``min-similarity`` (0.86): Jaro-Winkler threshold for two spellings of one name.

    Fix safety
    Unsafe: the document's majority is usually right, but not always.
    """
    threshold = float(ctx.options.get("min-similarity", DEFAULT_MIN_SIMILARITY))
    lexicon = lexicon_for(ctx.settings)
    people = full_names(doc, ctx.settings)
    firsts: dict[str, set[str]] = {}
    for _, first, last in people:
        firsts.setdefault(last, set()).add(first)
    tokens = [t for t in name_tokens(doc, ctx.settings) if not t.first_name]
    fixes = surname_fixes(tokens, firsts, lexicon, threshold)
    for t in tokens:
        if t.text in fixes:
            yield _report(ctx, t.start, t.end, t.text, fixes[t.text])
    yield from _first_names(doc, ctx, people, fixes, threshold)


def _first_names(
    doc: Document, ctx: Context, people: list, fixes: dict[str, str], threshold: float
) -> Iterator[Report]:
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for mention, first, last in people:
        by_surname.setdefault(fixes.get(last, last), []).append((mention.start, first))
    for mentions in by_surname.values():
        counts = Counter(first for _, first in mentions)
        order: dict[str, int] = {}
        for i, (_, first) in enumerate(mentions):
            order.setdefault(first, i)
        for start, first in mentions:
            for other in counts:
                if other == first or not similar(first, other, None, threshold):
                    continue
                if legitimate_variants(first, other):
                    continue
                if _preferred(first, other, counts, order, set(counts)) == other:
                    yield _report(ctx, start, start + len(first), first, other)
                    break


def _report(ctx: Context, start: int, end: int, written: str, preferred: str) -> Report:
    message = f"“{written}” is written “{preferred}” elsewhere in this document"
    return ctx.report(start, end, message, replacement=preferred)
