"""SPL003 lowercase-proper-noun."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.spelling import lexicon as lx
from rules.spelling.verdicts import Verdict, judged_words, possessive_base
from rules.spelling.words import is_label_line, line_bounds


@document_rule("SPL003", "lowercase-proper-noun", category="spelling", severity="warning", fixable=True)
def lowercase_proper_noun(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a proper noun written in lower case ("by france", "ukraine’s border").

    What it does
    Reports a lower-case word that the dictionary knows only with a capital (its entries for
    countries, nationalities, languages, cities, months, days, organisations...): "france",
    "english", "monday", "nato". A word that is also a common noun ("china", "turkey",
    "polish") is left alone. A short all-lower-case line without punctuation ("ukraine
    crisis") is a tag or kicker styled by the site, not prose, and is skipped.

    Why it matters
    Lost capitals are a sign of careless copying or machine output; in a news article they
    look like errors, and a name in lower case can be misread as a common word.

    Example
        As a separate initiative by france bought a promise by Moscow.
    Use instead:
        As a separate initiative by France bought a promise by Moscow.

    Fix safety
    Safe: the fix writes the dictionary's only form of the word.
    """
    lexicon = lx.lexicon_for(ctx.settings)
    text = doc.text
    for judged in judged_words(doc, ctx.settings):
        if judged.verdict is not Verdict.PROPER_NOUN:
            continue
        if is_label_line(text, *line_bounds(text, judged.start)):
            continue
        base = possessive_base(judged.text)
        end = judged.end - (2 if base else 0)
        word = text[judged.start : end]
        proper = lexicon.proper_form(lx.normalize_apostrophes(word))
        if proper:
            yield ctx.report(judged.start, end, f"“{word}” is a proper noun: “{proper}”", replacement=proper, safe=True)
