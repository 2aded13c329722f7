"""MRK006 leaked-markdown."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.markup._shared import line_fix_span

_URL = r"(?:https?://|www\.|/|\./|mailto:|#)[^\s()<>]{0,2000}+"


@cache
def _pattern() -> regex.Pattern[str]:
    """Compiled for the first text with a trigger (see ``_TRIGGERS``), not at start-up."""
    return regex.compile(
        rf"(?P<image>!\[[^\[\]\n]{{0,300}}+\]\({_URL}(?:[ \t]++\"[^\"\n]{{0,300}}+\")?\))"
        rf"|(?P<link>\[(?P<label>[^\[\]\n]{{1,300}}+)\]\({_URL}(?:[ \t]++\"[^\"\n]{{0,300}}+\")?\))"
        r"|(?P<refdef>(?m:^)[ \t]{0,3}+\[[^\[\]\n]{1,100}+\]:[ \t]++(?:https?://|www\.)[^\s]{1,2000}+"
        r"[ \t]*+(?m:$))"
        r"|(?P<bold>(?<![*\w])\*\*(?P<inner>[^\s*](?:[^*\n]{0,200}[^\s*])?)\*\*(?![*\w]))"
        r"|(?P<heading>(?m:^)#{1,6}+[ \t]++(?=\p{Lu}|\d)(?P<title>[^\n#]{1,200}+)[ \t]*+(?m:$))",
    )


#: every pattern needs one of these in its line (a heading: "#" opening the line); no pattern
#: spans two lines, so only the lines holding one are searched
_TRIGGERS = ("](", "]:", "**")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines that hold a trigger or open with "#", in order, each once."""
    starts: set[int] = set()
    for trigger in _TRIGGERS:
        at = text.find(trigger)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            starts.add(start)
            end = text.find("\n", at)
            if end < 0:
                break
            at = text.find(trigger, end)
    if "#" in text:
        if text.startswith("#"):
            starts.add(0)
        at = text.find("\n#")
        while at >= 0:
            starts.add(at + 1)
            at = text.find("\n#", at + 2)
    out = []
    for start in sorted(starts):
        end = text.find("\n", start)
        out.append((start, len(text) if end < 0 else end))
    return out


@document_rule("MRK006", "leaked-markdown", category="markup", severity="warning", fixable=True)
def leaked_markdown(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds Markdown syntax shown as text in a plain-text or HTML article.

    What it does
    Flags, in ``.txt`` and ``.html`` input, what a Markdown export leaves when it is
    pasted or rendered as plain text: images (``![alt](https://…/a.jpg)``), links
    (``[the report](https://…)``), reference definitions (``[1]: https://…`` on a
    line of its own), bold runs (``**Breaking**``) and heading marks (``## Reaction``).
    Markdown input is not checked: there the syntax is rendered, and what is left
    was escaped on purpose.

    Why it matters
    Asterisks, brackets and bare URLs in the middle of prose show the article was
    converted badly; the reader sees syntax instead of a link or emphasis.

    Example
        **Kyiv:** Read [the full statement](https://example.org/statement).
    Use instead:
        Kyiv: Read the full statement.

    Fix safety
    Safe: the fix keeps the words (a link's text, the bold words, the heading) and
    deletes only the syntax; an image or a reference definition carries no prose and
    is deleted whole.
    """
    text = doc.text
    if doc.format == "markdown":
        return
    for m in (m for start, end in _lines(text) for m in _pattern().finditer(text, start, end)):
        kind = m.lastgroup  # the outermost group: it closes last
        start, end = m.span()
        fix_span = None
        if kind == "image":
            replacement, what = "", "image"
        elif kind == "link":
            replacement, what = m.group("label"), "link"
        elif kind == "refdef":
            replacement, what = "", "link reference definition"
            fix_span = line_fix_span(text, start, end)
        elif kind == "bold":
            replacement, what = m.group("inner"), "bold marks"
        else:
            replacement, what = m.group("title").rstrip(), "heading marks"
        shown = m.group() if len(m.group()) <= 50 else m.group()[:47] + "…"
        yield ctx.report(
            start,
            end,
            f"Markdown {what} shown as text: “{shown}”",
            suggestion=f"replace with “{replacement}”" if replacement else "delete it",
            replacement=replacement,
            safe=True,
            fix_span=fix_span,
        )
