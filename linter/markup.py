"""Visible prose of Markdown and HTML sources, with an exact map back to the source.

Markdown goes through markdown-it-py (CommonMark + tables); its inline tokens carry no
columns, so each token's text is located in the source by a forward search inside the
token's line range. HTML goes through the standard library's ``html.parser`` with
character references left unconverted, so every piece of data has an exact position.
Both builders emit blocks separated by a blank line.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from linter.document import PLACEHOLDER, TextBuilder
from linter.offsets import OffsetMap

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_WHITESPACE_RUNS = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


# -- front matter ------------------------------------------------------------------
def front_matter_end(text: str) -> int:
    """Offset just past a leading ``---`` front-matter block, or 0 when there is none."""
    if not text.startswith("---\n"):
        return 0
    m = _FRONT_MATTER_END.search(text, 4)
    if m is None:
        return 0
    return m.end() + 1 if m.end() < len(text) else m.end()


def _front_matter_fields(text: str, end: int, fields: tuple[str, ...], out: TextBuilder) -> None:
    """Add the values of prose fields (``title: ...``) as blocks of their own."""
    wanted = {f.lower() for f in fields}
    for m in _FIELD.finditer(text, 4, end):
        if m.group(1).lower() not in wanted or not m.group(2):
            continue
        value, start = m.group(2), m.start(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value, start = value[1:-1], start + 1
        if value.strip() and value[0] not in "[{|>&*!":
            out.verbatim(value, start)
            out.block_break(m.end())


# -- Markdown ------------------------------------------------------------------------
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.disable("text_join")  # keep entities and escapes apart: they map atomically
    return md


_MD: Any = None


class _MarkdownWalker:
    def __init__(self, text: str, out: TextBuilder) -> None:
        self.text = text
        self.out = out
        self.starts = _line_starts(text)
        self.cursor = 0
        self.limit = len(text)

    def _find(self, needle: str) -> int:
        """Position of ``needle`` at or after the cursor inside the current block, or -1."""
        if not needle:
            return -1
        return self.text.find(needle, self.cursor, self.limit)

    def inline(self, token: Any) -> None:
        first, last = token.map or (0, len(self.starts) - 1)
        self.cursor = max(self.cursor, self.starts[first])
        self.limit = self.starts[last] if last < len(self.starts) else len(self.text)
        in_autolink = False
        for child in token.children or []:
            kind = child.type
            if kind == "link_open" and child.markup == "autolink":
                in_autolink = True
            elif kind == "link_close":
                in_autolink = False
            if kind == "text" and not in_autolink:
                self._text(child.content)
            elif kind == "text_special":
                self._special(child.content, child.markup)
            elif kind in ("softbreak", "hardbreak"):
                self._break()
            elif kind in ("code_inline", "image") or (kind == "text" and in_autolink):
                self._skip(child.content, placeholder=True)
            elif kind == "html_inline":
                self._skip(child.content, placeholder=False)
        self.out.block_break(self.cursor)

    def _text(self, content: str) -> None:
        at = self._find(content)
        if at >= 0:
            self.out.verbatim(content, at)
            self.cursor = at + len(content)

    def _special(self, content: str, markup: str) -> None:
        at = self._find(markup)
        if at >= 0:
            self.out.atomic(content, at, at + len(markup))
            self.cursor = at + len(markup)

    def _break(self) -> None:
        at = self.text.find("\n", self.cursor, self.limit)
        if at >= 0:
            self.out.line_break(at, at + 1)
            self.cursor = at + 1

    def _skip(self, content: str, placeholder: bool) -> None:
        at = self._find(content)
        start = at if at >= 0 else self.cursor
        end = at + len(content) if at >= 0 else self.cursor
        if placeholder:
            self.out.atomic(PLACEHOLDER, start, end)
        self.cursor = end


def markdown_text(text: str, prose_fields: tuple[str, ...]) -> tuple[str, OffsetMap]:
    """Visible prose of a Markdown text (LF line ends) and its offset map."""
    global _MD
    if _MD is None:
        _MD = _markdown_parser()
    out = TextBuilder()
    fm_end = front_matter_end(text)
    body = text
    if fm_end:
        _front_matter_fields(text, fm_end, prose_fields, out)
        body = re.sub(r"[^\n]", " ", text[:fm_end]) + text[fm_end:]
    walker = _MarkdownWalker(text, out)
    for token in _MD.parse(body):
        if token.type == "inline":
            walker.inline(token)
    return out.build(), out.map


# -- HTML ----------------------------------------------------------------------------
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p section summary "
    "table tbody td tfoot th thead title tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg math pre textarea iframe object".split())
_INLINE_CODE = frozenset(("code", "kbd", "samp", "var"))


class _HtmlWalker(HTMLParser):
    def __init__(self, text: str, out: TextBuilder) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.out = out
        self.starts = _line_starts(text)
        self.skip: list[str] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.append(tag)
            return
        pos = self._offset()
        if tag in _SKIP_TAGS or tag in _INLINE_CODE:
            self.skip.append(tag)
            if tag in _INLINE_CODE:
                self.out.atomic(PLACEHOLDER, pos, pos)
            else:
                self.out.block_break(pos)
        elif tag == "br":
            self.out.line_break(pos, pos)
        elif tag in _BLOCK_TAGS:
            self.out.block_break(pos)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skip and (tag == "br" or tag in _BLOCK_TAGS):
            self.out.line_break(self._offset(), self._offset())

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in _BLOCK_TAGS:
            self.out.block_break(self._offset())

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        pos = self._offset()
        if self.text.startswith(data, pos):
            for m in _WHITESPACE_RUNS.finditer(data):
                if m.group()[0] in " \t\n\r\f":
                    self.out.space(pos + m.start(), pos + m.end())
                else:
                    self.out.verbatim(m.group(), pos + m.start())

    def _reference(self, raw_prefix: str, name: str) -> None:
        if self.skip:
            return
        pos = self._offset()
        raw = f"{raw_prefix}{name};"
        if not self.text.startswith(raw, pos):
            raw = raw[:-1]
        decoded = html.unescape(raw)
        self.out.atomic(decoded, pos, pos + len(raw))

    def handle_entityref(self, name: str) -> None:
        self._reference("&", name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#", name)


#: html.parser raises on a marked section it does not know (``<![alt ...``); such a ``<`` is
#: parsed as this look-alike (same length, so offsets hold) and put back afterwards
_MARKED = re.compile(r"<!\[(?!CDATA\[)")
_LOOKALIKE = "\ufe64"


def html_text(text: str, prose_fields: tuple[str, ...]) -> tuple[str, OffsetMap]:
    """Visible prose of an HTML text (LF line ends) and its offset map."""
    parsed = text
    swapped = _LOOKALIKE not in text and _MARKED.search(text) is not None
    if swapped:
        parsed = _MARKED.sub(_LOOKALIKE + "![", text)
    out = TextBuilder()
    walker = _HtmlWalker(parsed, out)
    walker.feed(parsed)
    walker.close()
    visible = out.build()
    return (visible.replace(_LOOKALIKE, "<") if swapped else visible), out.map
