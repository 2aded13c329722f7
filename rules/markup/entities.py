"""MRK003 leaked-html-entity."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.markup._shared import Lines, enclosed


@cache
def _reference() -> regex.Pattern[str]:
    """``&`` + any number of ``amp;`` (double escaping) + a reference; the names most often
    leaked without their semicolon (``&nbsp``) count too when no letter follows."""
    return regex.compile(
        r"&(?:amp;){0,8}"
        r"(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|(?P<name>[A-Za-z][A-Za-z0-9]{1,31});"
        r"|(?P<bare>nbsp|amp|quot|lt|gt|rsquo|lsquo|rdquo|ldquo|mdash|ndash|hellip)(?![A-Za-z0-9;]))"
    )


#: decoded characters that are markup syntax: decoding them is not a safe edit
_SYNTAX = frozenset("<>")


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    import html.entities  # loaded for the first text with an "&" (2 ms), not at start-up

    return frozenset(name.rstrip(";") for name in html.entities.html5)


def _decode(raw: str) -> str:
    import html  # imported for the first entity, not at start-up

    out = raw
    for _ in range(10):
        nxt = html.unescape(out)
        if nxt == out:
            break
        out = nxt
    return out


def _replacement(doc: Document, start: int, end: int, decoded: str) -> str:
    text = doc.text
    if decoded == "\u00a0":  # a leaked &nbsp;: a plain space, unless one is already there
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return "" if before.isspace() or after.isspace() else " "
    if doc.format == "html":  # the edit lands in HTML source: keep it valid
        import html

        return html.escape(decoded, quote=False)
    return decoded


@document_rule("MRK003", "leaked-html-entity", category="markup", severity="error", fixable=True)
def leaked_html_entity(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds HTML character references printed as text (``&nbsp;``, ``&#8217;``, ``&amp;amp;``).

    What it does
    Flags a named reference the HTML standard knows (``&nbsp;``, ``&rsquo;``), a
    numeric one (``&#8217;``, ``&#x2019;``), chains of double escaping
    (``&amp;amp;``, ``&amp;#8217;``) and the common names leaked without their
    semicolon (``&nbsp``), and suggests the character they stand for. In HTML input
    a reference is decoded by the parser, so what this rule sees is a reference
    escaped twice in the source (``&amp;nbsp;``). Stays silent on a reference in
    quotes or backticks, or in a sentence about markup ("the &nbsp; entity").

    Why it matters
    The reader sees ``don&#8217;t`` instead of "don’t": the text was escaped once too
    often somewhere between the CMS and the page.

    Example
        Johnson &amp;amp; Johnson said it won&#8217;t comment.
    Use instead:
        Johnson & Johnson said it won’t comment.

    Fix safety
    Safe when the reference decodes to a character of prose (a quote mark, a dash,
    ``&``, a no-break space, which becomes a plain space); unsafe for ``&lt;`` and
    ``&gt;``, whose characters may themselves be leaked markup.
    """
    text = doc.text
    lines: Lines | None = None
    for m in _reference().finditer(text) if "&" in text else ():
        if m.group("name") and m.group("name") not in _names():
            continue
        start, end = m.span()
        if enclosed(text, start, end):
            continue
        lines = lines or Lines.of(doc)
        if lines.talks_about(start, end):
            continue
        decoded = _decode(m.group() if not m.group("bare") else m.group() + ";")
        if decoded == m.group():
            continue
        shown = {"\u00a0": "a no-break space", "\u200b": "a zero-width space"}.get(decoded, f"“{decoded}”")
        yield ctx.report(
            start,
            end,
            f"HTML entity “{m.group()}” left as text: {shown}",
            suggestion=f"write {shown}",
            replacement=_replacement(doc, start, end, decoded),
            safe=not (set(decoded) & _SYNTAX),
        )
