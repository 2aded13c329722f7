"""SPL005 spurious-apostrophe."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.spelling import lexicon as lx
from rules.spelling.verdicts import Verdict, judged_words, possessive_base


@document_rule("SPL005", "spurious-apostrophe", category="spelling", severity="warning", fixable=True)
def spurious_apostrophe(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds ’s on a word that cannot take a possessive ("the door is open, remain’s open").

    What it does
    Reports a lower-case word ending in ’s (or 's) when the dictionary knows the bare word
    but not this form: Hunspell marks which words take the possessive (nouns, flag ``M``),
    so "remain’s", "become’s", "provide’s" are reported while "alliance’s", "country’s",
    "today’s" and contractions ("it’s", "that’s", "let’s") are not. Suggests the plain
    -s form when it is a word ("remains").

    Why it matters
    The greengrocer’s apostrophe on a verb or plural reads as a basic error; in quotations it
    changes what the speaker seems to have said.

    Example
        NATO’s door is open, remain’s open and that is our commitment.
    Use instead:
        NATO’s door is open, remains open and that is our commitment.

    Fix safety
    Unsafe: the -s form is the likely intent, but the writer may have meant another word.
    """
    lexicon = lx.lexicon_for(ctx.settings)
    for judged in judged_words(doc, ctx.settings):
        if judged.verdict is not Verdict.APOSTROPHE:
            continue
        base = possessive_base(judged.text) or ""
        stem = judged.text[: len(base)]
        fix = stem + "s" if lexicon.knows(base + "s") else stem
        yield ctx.report(
            judged.start,
            judged.end,
            f"“{judged.text}”: “{stem}” takes no possessive ’s (did you mean “{fix}”?)",
            replacement=fix,
        )
