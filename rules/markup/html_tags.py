"""MRK002 leaked-html-tag."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.markup._shared import Lines, enclosed, glue_replacement

_TAGS = (
    "a|abbr|amp-[a-z][a-z-]{0,30}|article|aside|audio|b|blockquote|body|br|button|caption|center|cite|"
    "code|col|colgroup|dd|del|details|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|"
    "header|hr|html|i|iframe|img|input|ins|label|li|link|main|mark|meta|nav|noscript|ol|option|p|"
    "param|picture|pre|q|s|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|"
    "svg|table|tbody|td|textarea|tfoot|th|thead|time|title|tr|track|u|ul|video|wbr"
)
_NAME = r"[A-Za-z_:][-\w:.]{0,40}+"
_VALUE = r"(?:\"[^\"<>\n]{0,2000}+\"|'[^'<>\n]{0,2000}+')"
_ATTR = rf"{_NAME}(?:[ \t]*+=[ \t]*+(?:{_VALUE}|[^\s\"'=<>`]{{1,500}}+))?+"
#: attributes that only markup carries (a plain ``name="..."`` in prose is not enough)
_KNOWN_ATTRS = (
    r"class|id|style|src|href|alt|srcset|sizes|loading|decoding|width|height|rel|target|itemprop|"
    r"itemtype|role|onclick|onload|onerror|frameborder|allowfullscreen|crossorigin|referrerpolicy|"
    r"fetchpriority|data-[\w-]{1,40}+|aria-[\w-]{1,40}+"
)


@cache
def _tag_patterns() -> SimpleNamespace:
    """Compiled for the first text with a "<" or a "]]>", not at start-up."""
    return SimpleNamespace(
        pattern=regex.compile(
            rf"(?P<comment><!--[^\n]{{0,2000}}?-->|<!\[CDATA\[|\]\]>|<!doctype[ \t]++html[^<>\n]{{0,200}}+>)"
            rf"|(?P<open><(?:{_TAGS})(?![\w-])(?:[ \t\n]++{_ATTR})*+[ \t]*+/?>|<(?:{_TAGS})(?:[ \t]++{_ATTR})++)"
            rf"|(?P<close></(?:{_TAGS})[ \t]*+>)",
            regex.IGNORECASE,
        ),
        boolean_only=regex.compile(r"<[\w-]++[ \t\n]++[^\s>/]"),
        has_value=regex.compile(rf"={_VALUE}|=[^\s\"'=<>`]"),
    )


@cache
def _attribute_patterns() -> SimpleNamespace:
    """Compiled for the first text with a '="' or a "='", not at start-up."""
    return SimpleNamespace(
        # one ``name="value"`` outside a tag; runs of them are grouped in Python (a regex that
        # repeats them would rescan a long run from each of its attributes)
        token=regex.compile(rf"(?<![\w:.-]){_NAME}={_VALUE}"),
        known=regex.compile(rf"(?:{_KNOWN_ATTRS})=", regex.IGNORECASE),
        tag_end=regex.compile(r"[ \t]*+/?>"),
    )


class _Piece:
    """A tag, a comment or an attribute run (a plain class: a dataclass costs a millisecond
    at start-up)."""

    __slots__ = ("start", "end", "strong")

    def __init__(self, start: int, end: int, strong: bool) -> None:
        self.start, self.end, self.strong = start, end, strong


def _attribute_pieces(doc: Document, taken: list[tuple[int, int]]) -> Iterator[_Piece]:
    """Attribute runs outside tags: a cut tag tail (``type="x"/>``) or markup-only attributes."""
    text = doc.text
    group: list[tuple[int, int]] = []
    spans = iter(taken)
    current = next(spans, None)

    def close(group: list[tuple[int, int]]) -> Iterator[_Piece]:
        start, end = group[0][0], group[-1][1]
        rx = _attribute_patterns()
        tail = rx.tag_end.match(text, end)
        if tail:
            yield _Piece(start, tail.end(), True)
        elif any(rx.known.match(text, s) for s, _ in group) and not Lines.of(doc).talks_about(start, end):
            yield _Piece(start, end, True)

    for m in _attr_tokens(text):
        while current is not None and current[1] <= m.start():
            current = next(spans, None)
        if current is not None and current[0] <= m.start():
            continue  # inside a tag already reported
        if group and text[group[-1][1] : m.start()].strip(" \t"):
            yield from close(group)
            group = []
        group.append(m.span())
    if group:
        yield from close(group)


def _positions(text: str, needle: str) -> list[int]:
    out = []
    at = text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _tags(text: str) -> Iterator[regex.Match[str]]:
    """``_tag_patterns().pattern.finditer(text)``, trying only where a match can start ("<"
    or "]]>")."""
    starts = _positions(text, "<") if "<" in text else []
    if "]]>" in text:
        starts = sorted(starts + _positions(text, "]]>"))
    done = 0
    pattern = _tag_patterns().pattern
    for at in starts:
        if at < done:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            done = m.end()


#: longest name and value an attribute token can match around its "="
_NAME_MAX, _VALUE_MAX = 41, 2002


def _attr_tokens(text: str) -> Iterator[regex.Match[str]]:
    """``_attribute_patterns().token.finditer(text)``, searched only around each '="' and "='": every match
    lies within a name's length before its "=" and a value's length after it, so the merged
    windows hold every match and no match crosses from one window into the next."""
    equals = sorted(_positions(text, '="') + _positions(text, "='"))
    windows: list[list[int]] = []
    for at in equals:
        lo, hi = max(0, at - _NAME_MAX - 1), at + _VALUE_MAX + 2
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    if not windows:
        return  # no attribute anywhere: the pattern is not even compiled
    token = _attribute_patterns().token
    for lo, hi in windows:
        yield from token.finditer(text, lo, min(hi, len(text)))


def _pieces(doc: Document) -> list[_Piece]:
    text = doc.text
    out: list[_Piece] = []
    tags = _tags(text) if "<" in text or "]]>" in text else ()
    for m in tags:
        start, end = m.span()
        rx = _tag_patterns()
        strong = m.lastgroup == "comment" or bool(rx.has_value.search(text, start, end))
        if m.lastgroup == "open" and not strong and rx.boolean_only.match(text, start, end):
            continue  # "<b and c>": a comparison in prose, not a tag with boolean attributes
        out.append(_Piece(start, end, strong))
    taken = [(p.start, p.end) for p in out]
    if "=" in text:
        out.extend(_attribute_pieces(doc, taken))
    out.sort(key=lambda p: p.start)
    return [p for p in out if not enclosed(text, p.start, p.end)]


def _runs(text: str, pieces: list[_Piece]) -> Iterator[list[_Piece]]:
    """Pieces separated by white space only (no blank line), grouped into runs."""
    run: list[_Piece] = []
    for piece in pieces:
        gap = text[run[-1].end : piece.start] if run else ""
        if run and (gap.strip() or gap.count("\n") > 1):
            yield run
            run = []
        run.append(piece)
    if run:
        yield run


def _glued(text: str, start: int, end: int, to_word: bool) -> bool:
    """Is the run stuck to a word (``plan</p>``), or to anything but a space (``plan.</p>``)?"""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if to_word:
        return before.isalnum() or after.isalnum()
    return not before.isspace() or not after.isspace()


def _credible(text: str, lines: Lines, run: list[_Piece]) -> bool:
    """Is a run of tags leaked markup rather than a tag named in prose ("the <div> element")?"""
    start, end = run[0].start, run[-1].end
    if lines.talks_about(start, end) and not _glued(text, start, end, to_word=True):
        return False
    if any(p.strong for p in run) or len(run) > 1:
        return True
    return _glued(text, start, end, to_word=False) or lines.alone(start, end) is not None


@document_rule("MRK002", "leaked-html-tag", category="markup", severity="error", fixable=True)
def leaked_html_tag(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds HTML tags, tag fragments and attributes left in the visible text.

    What it does
    Flags what a scraper or a CMS export leaves of the page's markup: tags with
    attributes (``<img src="…">``, also cut before their ``>``), the tail of a tag
    whose start was cut off (``type="image/webp"/>``), markup-only attributes
    (``class="wp-image-123"``, ``data-src="…"``), closing tags glued to words
    (``end.</p>``), HTML comments (``<!-- wp:paragraph -->``) and CDATA markers.
    Tags next to each other are reported as one run. In HTML input, tags the page
    shows as text (written ``&lt;div&gt;``) are what this rule sees.

    A bare tag without attributes (``<div>``) counts only when it is glued to a
    word, stands alone on its line or sits in a run of tags; and nothing is flagged
    in quotes or backticks, or next to words that show the sentence is about markup
    ("the <div> element", "the class="x" attribute").

    Why it matters
    Leaked markup is noise to a reader and a sure sign of a broken import.

    Example
        The ceasefire holds.</p><p class="wp-caption-text">Photo: AFP</p>
    Use instead:
        The ceasefire holds. Photo: AFP

    Fix safety
    Safe: the fix deletes the tags only (the text between them stays) and leaves a
    space where they separated two words.
    """
    text = doc.text
    pieces = _pieces(doc)
    lines = Lines.of(doc) if pieces else None
    for run in _runs(text, pieces):
        assert lines is not None
        if not _credible(text, lines, run):
            continue
        start, end = run[0].start, run[-1].end
        shown = " ".join(text[start:end].split())
        shown = shown if len(shown) <= 60 else shown[:57] + "…"
        fix_start = start
        if run[0].strong and not text[start] == "<":  # a cut fragment: take the space before it
            while fix_start > 0 and text[fix_start - 1] in " \t":
                fix_start -= 1
        yield ctx.report(
            start,
            end,
            f"Leaked HTML markup “{shown}”",
            suggestion="delete the markup",
            replacement=glue_replacement(text, fix_start, end),
            safe=True,
            severity=None if any(p.strong for p in run) or len(run) > 1 else "warning",
            fix_span=(fix_start, end),
        )
