"""BPL006 navigation-word."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.boilerplate._layout import layout_of, line_fix_span, shorten
from rules.boilerplate._sections import navigation, prefixes, sections


@cache
def _items() -> regex.Pattern[str]:
    return regex.compile(r"[^\s|•·/»›]++")


#: a label may end with these; a colon makes it a heading ("Contact:") and stays silent
_EDGE = ".!…"
#: a navigation bar: at least this many names in a row
BAR_MIN_WORDS = 3


def nav_kind(line: str) -> str | None:
    """ "label" for a navigation label alone ("Newsletter"), "bar" for a row of them, else None."""
    stripped = line.strip().rstrip(_EDGE)
    if " ".join(stripped.lower().split()) in navigation():
        return "label"
    words = _items().findall(stripped)
    if len(words) < BAR_MIN_WORDS or words[0].lower() in ("home", "homepage"):
        return None  # "Home News World" is BPL005's
    if not any(w[:1].isupper() for w in words):
        return None  # a lower-case tag line ("world politics economy") is not a menu
    return "bar" if len(words) in prefixes(words, navigation() | sections()) else None


@document_rule("BPL006", "navigation-word", category="boilerplate", severity="warning", fixable=True)
def navigation_word(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds navigation labels and menu rows standing alone above or below the article.

    What it does
    Flags a line above the first paragraph of prose (or below the last one) that is
    only a navigation label ("Newsletter", "Menu", "Search", "Sign in",
    "Subscribe", "Home") or a row of at least three section and navigation names
    ("World Politics Business Sport Menu", "News | Sport | Weather"). The names are
    data (``data/navigation.txt``, ``data/sections.txt``). The same words as a
    heading inside the article stay silent: position matters.

    Why it matters
    Header and footer links come along when a page is scraped; a lone "Newsletter"
    over the headline is a sure sign of it.

    Example
        Newsletter
        Ukraine crisis: US rejects Russia's demand
    Use instead: delete the first line.

    Fix safety
    Safe: the line holds navigation names only.
    """
    for line in layout_of(doc).margin:
        kind = nav_kind(line.text)
        if kind is None:
            continue
        what = "Navigation label" if kind == "label" else "Navigation menu"
        yield ctx.report(
            line.start,
            line.end,
            f"{what} of the source page left in the text: “{shorten(line.text)}”",
            suggestion="delete the line",
            replacement="",
            safe=True,
            fix_span=line_fix_span(doc.text, line.start, line.end),
        )
