"""SPL001 common-misspelling."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.spelling import lexicon as lx
from rules.spelling.verdicts import Verdict, judged_words, touches_invisible
from rules.spelling.words import CodeChunks, accepted_terms, is_initial


@document_rule("SPL001", "common-misspelling", category="spelling", severity="error", fixable=True)
def common_misspelling(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds words on codespell's list of common misspellings ("feild", "recieve").

    What it does
    Looks every lower-case word (and a capitalised word that opens a sentence) up in
    codespell's list of about 65,000 frequent misspellings, shipped with the ``codespell``
    package, and reports it with the correct spelling. A word the Hunspell dictionary knows is
    never reported, nor a term the house vocabulary accepts.

    Why it matters
    These are typing slips nobody means: a reader sees them at once and trusts the rest of
    the article less.

    Example
        They cooperate in the feild of defence.
    Use instead:
        They cooperate in the field of defence.

    Fix safety
    Safe when codespell knows a single correction (it then applies it keeping the word's
    capital); with several candidates ("ot": to, of, or, not) there is no fix, only the list.
    """
    table = lx.common_misspellings()
    for judged in judged_words(doc, ctx.settings):
        if judged.verdict is Verdict.MISSPELLING:
            yield _report(
                ctx, judged.start, judged.end, judged.text, table[lx.normalize_apostrophes(judged.text)]
            )
    exact, _ = accepted_terms(ctx.settings)
    lexicon = lx.lexicon_for(ctx.settings)
    chunks = CodeChunks(doc.text)
    for span in doc.words:  # "Feild work begins." opens a sentence
        text = span.text
        if not text[:1].isupper() or (fixes := table.get(lx.normalize_apostrophes(text.lower()))) is None:
            continue
        if not text[1:].islower() or "-" in text or text in exact or chunks.contains(span.start):
            continue
        if touches_invisible(doc.text, span.start, span.end):
            continue
        if is_initial(doc.text, span.start) and not lexicon.knows(text) and not lexicon.knows(text.lower()):
            yield _report(ctx, span.start, span.end, text, [f[:1].upper() + f[1:] for f in fixes])


def _report(ctx: Context, start: int, end: int, word: str, fixes: list[str]) -> Report:
    listed = ", ".join(f"“{f}”" for f in fixes)
    if len(fixes) == 1:
        return ctx.report(
            start, end, f"“{word}” is a common misspelling of {listed}", replacement=fixes[0], safe=True
        )
    return ctx.report(
        start, end, f"“{word}” is a common misspelling (of {listed}?)", suggestion=", ".join(fixes)
    )
