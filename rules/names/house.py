"""NAM003 house-name-misspelling and NAM004 rejected-term: the editor's vocabulary."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from linter.document import Document
from linter.findings import Report, Severity
from linter.rule import Context, document_rule
from rules.names.extract import full_names, name_tokens
from rules.names.similarity import DEFAULT_MIN_SIMILARITY, similar
from rules.names.vocabulary import HouseName, literal, vocabulary
from rules.spelling.lexicon import lexicon_for


@document_rule(
    "NAM003",
    "house-name-misspelling",
    category="name",
    severity="warning",
    options={"min-similarity": DEFAULT_MIN_SIMILARITY},
    fixable=True,
)
def house_name_misspelling(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a name spelled differently from the house vocabulary's spelling.

    What it does
    Reads the canonical names of the house vocabulary (``vocabulary.names``, and capitalised
    ``vocabulary.accept`` terms) and reports, with the canonical spelling as the fix:
    a misspelling listed with the name (``"Antony Blinken: Anthony Blincoln, Blincoln"``), as
    an error; a name of the document close to a canonical one (the NAM001 similarity: same
    first letter, Jaro-Winkler, length, not both dictionary words), as a warning; and the
    canonical name in other capitals ("Nato" for "NATO"; an all-lower-case or all-capitals
    occurrence is left alone: it is a common word or a headline). First names are compared
    only when the surname is the canonical one ("Anthony Blinken").

    Why it matters
    A newsroom decides once how a name is spelled and transliterated; every deviation is a
    correction the desk would make anyway.

    Example
        (names = ["Antony Blinken", "Dmytro Kuleba"])
        Anthony Blinken met Dmitro Kuleba.
    Use instead:
        Antony Blinken met Dmytro Kuleba.

    Options
    - ``min-similarity`` (0.86): Jaro-Winkler threshold for a near miss.

    Fix safety
    Unsafe: a near miss may be another person with a similar name.
    """
    names = vocabulary(ctx.settings).names
    if not names:
        return
    listed = list(_listed(doc, ctx, names))
    seen: list[Report] = []
    for report in [
        *_full_names(doc, ctx, names),
        *listed,
        *_casing(doc, ctx, names),
        *_near(doc, ctx, names),
    ]:
        if any(s.start < report.end and report.start < s.end for s in seen):
            continue
        if any(report.start <= x.start and x.end <= report.end for x in listed):
            report = replace(report, severity=Severity.ERROR)  # contains a listed misspelling
        seen.append(report)
        yield report


def _best_word(name: HouseName, written: str) -> str:
    """The canonical word to suggest for a one-word misspelling of a multi-word name."""
    if len(written.split()) >= len(name.words):
        return name.canonical
    from rapidfuzz.distance import JaroWinkler

    return max(name.words, key=lambda w: JaroWinkler.similarity(w, written))


def _listed(doc: Document, ctx: Context, names: tuple[HouseName, ...]) -> Iterator[Report]:
    for name in names:
        for wrong in name.misspellings:
            for m in literal(wrong, False).finditer(doc.text):
                fix = _best_word(name, m.group())
                message = f"“{m.group()}” is a misspelling of “{fix}” (house vocabulary)"
                yield ctx.report(m.start(), m.end(), message, replacement=fix, severity="error")


def _casing(doc: Document, ctx: Context, names: tuple[HouseName, ...]) -> Iterator[Report]:
    for name in names:
        for m in literal(name.canonical, True).finditer(doc.text):
            written = m.group()
            if " ".join(written.split()) == name.canonical or written.islower():
                continue
            if written.isupper() and not name.canonical.isupper():
                continue
            message = f"the house spelling is “{name.canonical}”, not “{written}”"
            yield ctx.report(m.start(), m.end(), message, replacement=name.canonical)


def _full_names(doc: Document, ctx: Context, names: tuple[HouseName, ...]) -> Iterator[Report]:
    """A person whose first name (and maybe surname) is close to a canonical full name."""
    threshold = float(ctx.options.get("min-similarity", DEFAULT_MIN_SIMILARITY))
    lexicon = lexicon_for(ctx.settings)
    people = [n for n in names if len(n.words) >= 2]
    for mention, first, last in full_names(doc, ctx.settings):
        for name in people:
            house_first, house_last = name.words[0], name.words[-1]
            if last != house_last and not similar(last, house_last, lexicon, threshold):
                continue
            if first == house_first or not similar(first, house_first, None, threshold):
                continue
            end = mention.start + len(first) if last == house_last else mention.end
            fix = house_first if last == house_last else f"{house_first} {house_last}"
            written = doc.text[mention.start : end]
            message = f"“{written}” is spelled “{fix}” in the house vocabulary"
            yield ctx.report(mention.start, end, message, replacement=fix)
            break


def _near(doc: Document, ctx: Context, names: tuple[HouseName, ...]) -> Iterator[Report]:
    """A name close to a canonical word (Blinkin -> Blinken)."""
    threshold = float(ctx.options.get("min-similarity", DEFAULT_MIN_SIMILARITY))
    lexicon = lexicon_for(ctx.settings)
    canonical_words = {w for n in names for w in n.words}
    for token in name_tokens(doc, ctx.settings):
        if token.first_name or token.text in canonical_words:
            continue
        for word in sorted(canonical_words):
            if similar(token.text, word, lexicon, threshold):
                message = f"“{token.text}” is close to the house spelling “{word}”"
                yield ctx.report(token.start, token.end, message, replacement=word)
                break


@document_rule("NAM004", "rejected-term", category="name", severity="error")
def rejected_term(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a term the house vocabulary rejects.

    What it does
    Reports every occurrence of a ``vocabulary.reject`` term, as a whole word (or words),
    ignoring case. Entries are literal text, not patterns.

    Why it matters
    An editor rejects a term once (a banned spelling, an outdated name, a brand the site does
    not write) and expects the linter to catch it everywhere.

    Example
        (reject = ["Kiev"])
        Talks in Kiev resumed.
    Use instead:
        Talks in Kyiv resumed.

    Fix safety
    No fix: the vocabulary says what is wrong, not what replaces it (list the right form in
    ``vocabulary.names`` with the wrong one as a misspelling to get a fix).
    """
    for term in vocabulary(ctx.settings).reject:
        for m in literal(term, True).finditer(doc.text):
            yield ctx.report(m.start(), m.end(), f"“{m.group()}” is a rejected term (house vocabulary)")
