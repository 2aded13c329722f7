"""The document model: source text, its visible prose, and lazily computed views.

Rules never see markup and never compute lines or columns: they read ``doc.text`` (the
visible prose, with blocks separated by a blank line) and its views, and report spans
in offsets of ``doc.text``. The engine maps those back to the source with ``doc.span``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from itertools import accumulate, repeat
from operator import itemgetter
from pathlib import PurePath
from typing import Any, NamedTuple

from linter.offsets import LineIndex, OffsetMap

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

#: Stands in the visible text for a non-prose span inside a sentence (inline code, an
#: image, an autolink), so that rules do not see "the  function" with a hole in it.
PLACEHOLDER = "\ufffc"

DEFAULT_PROSE_FIELDS: tuple[str, ...] = (
    "title",
    "subtitle",
    "description",
    "summary",
    "excerpt",
    "caption",
    "alt",
)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])")


def format_for(path: str) -> str | None:
    """The format named by a file's extension, or None when copydesk does not read it."""
    return FORMATS.get(PurePath(path).suffix.lower())


class Span(NamedTuple):
    """A slice of the visible text: ``doc.text[start:end] == text`` (a tuple: cheap to make)."""

    start: int
    end: int
    text: str


class TextBuilder:
    """Builds visible text from pieces of a source, recording the offset map."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.map = OffsetMap()
        self._pending_space: tuple[int, int] | None = None
        self._last = "\n"  # last character emitted ("\n" at the start: no leading break)

    def _emit(self, piece: str, src_start: int, src_end: int) -> None:
        if not piece:
            return
        self.parts.append(piece)
        self.map.add(len(piece), src_start, src_end)
        self._last = piece[-1]

    def verbatim(self, piece: str, src_start: int) -> None:
        self._flush_space()
        self._emit(piece, src_start, src_start + len(piece))

    def atomic(self, piece: str, src_start: int, src_end: int) -> None:
        self._flush_space()
        self._emit(piece, src_start, src_end)

    def space(self, src_start: int, src_end: int) -> None:
        """A run of collapsible white space: one space, emitted only between words."""
        if self._last not in " \n" and self._pending_space is None:
            self._pending_space = (src_start, src_end)

    def _flush_space(self) -> None:
        if self._pending_space is not None:
            start, end = self._pending_space
            self._pending_space = None
            self._emit(" ", start, end)

    def line_break(self, src_start: int, src_end: int) -> None:
        self._pending_space = None
        if self._last != "\n":
            self._emit("\n", src_start, src_end)

    def block_break(self, src_pos: int) -> None:
        self._pending_space = None
        if self.parts and not "".join(self.parts[-2:]).endswith("\n\n"):
            piece = "\n" if self._last == "\n" else "\n\n"
            self._emit(piece, src_pos, src_pos)

    def build(self) -> str:
        return "".join(self.parts)


def normalize_newlines(source: str) -> tuple[str, OffsetMap | None]:
    """Replace CRLF and lone CR by LF; the map is None when the source had none."""
    if "\r" not in source:
        return source, None
    builder = TextBuilder()
    pos = 0
    for m in re.finditer(r"\r\n?", source):
        builder.verbatim(source[pos : m.start()], pos)
        builder.atomic("\n", m.start(), m.end())
        pos = m.end()
    builder.verbatim(source[pos:], pos)
    return builder.build(), builder.map


class Document:
    """One article: its path, decoded source, format and visible text.

    ``source`` is the decoded file without a byte-order mark; every position copydesk
    prints is a position in it. ``text`` is what a reader sees (for Markdown and HTML the
    prose with the markup stripped; for plain text the source with LF line ends).
    """

    def __init__(
        self,
        source: str,
        path: str = "<string>",
        format: str | None = None,
        prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS,
    ) -> None:
        self.path = path
        self.source = source
        #: the encoding the file was decoded from (set by the runner)
        self.encoding = "utf-8"
        #: analyses several rules share (quotation marks, teasers, name mentions), keyed
        #: by the module that computes them; lives and dies with the document
        self.cache: dict[str, Any] = {}
        self.format = format or format_for(path) or "text"
        if self.format not in ("text", "markdown", "html"):
            raise ValueError(f"unknown format {self.format!r} (use text, markdown or html)")
        normalized, newline_map = normalize_newlines(source)
        self._maps: list[OffsetMap] = []
        if self.format == "text":
            self.text = normalized
        else:
            from linter import markup  # parsers load only for files that need them

            build = markup.markdown_text if self.format == "markdown" else markup.html_text
            self.text, visible_map = build(normalized, prose_fields)
            self._maps.append(visible_map)
        if newline_map is not None:
            self._maps.append(newline_map)

    # -- positions ---------------------------------------------------------------
    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a visible-text span ``[start, end)`` to a source span."""
        s, e = start, max(start, end)
        empty = s == e
        for m in self._maps:
            s, e = m.start(s), (m.start(e) if empty else m.end(e))
        return s, max(s, e)

    @cached_property
    def lines_index(self) -> LineIndex:
        return LineIndex(self.source)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of a source offset."""
        return self.lines_index.position(source_offset)

    # -- views -------------------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[Span]:
        """Blocks of text separated by blank lines (headings and captions included)."""
        out: list[Span] = []
        pos = 0
        for m in _PARAGRAPH_BREAK.finditer(self.text):
            _add_trimmed(out, self.text, pos, m.start())
            pos = m.end()
        _add_trimmed(out, self.text, pos, len(self.text))
        return out

    def paragraph_index(self, pos: int) -> int:
        """Index in ``paragraphs`` of the paragraph holding (or last starting before) ``pos``."""
        if "_paragraph_starts" not in self.cache:
            self.cache["_paragraph_starts"] = [p.start for p in self.paragraphs]
        return max(0, bisect_right(self.cache["_paragraph_starts"], pos) - 1)

    @cached_property
    def lines(self) -> list[Span]:
        """Every line of the visible text (without its line break), blank ones included."""
        parts = self.text.split("\n")
        starts = list(accumulate(map((1).__add__, map(len, parts)), initial=0))
        ends = map(int.__sub__, starts[1:], repeat(1))
        return list(map(tuple.__new__, repeat(Span), zip(starts[:-1], ends, parts, strict=True)))  # C loops

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences inside each paragraph (a heuristic splitter: end mark + capital)."""
        out: list[Span] = []
        for para in self.paragraphs:
            pos = para.start
            for m in _SENTENCE_END.finditer(self.text, para.start, para.end):
                _add_trimmed(out, self.text, pos, m.end())
                pos = m.end()
            _add_trimmed(out, self.text, pos, para.end)
        return out

    @cached_property
    def words(self) -> list[Span]:
        """Word tokens (letters and digits, inner apostrophes and hyphens kept)."""
        new = tuple.__new__
        return [new(Span, (m.start(), m.end(), m.group())) for m in _WORD.finditer(self.text)]

    @cached_property
    def lowered(self) -> str:
        """``text.lower()``, shared by the rules' cheap trigger tests (``"srcset" in doc.lowered``).
        Only for containment tests: a few characters change length when lowered, so its
        offsets are not ``text``'s."""
        return self.text.lower()

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The distinct word tokens (for set-at-a-time checks: ``doc.word_set - known``)."""
        if "words" in self.__dict__:  # already tokenised: reuse it (5x cheaper than a findall)
            return frozenset(map(itemgetter(2), self.words))
        return frozenset(_WORD.findall(self.text))


def _add_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()  # str.strip() removes exactly the characters str.isspace() accepts
    if stripped:
        first = start + len(piece) - len(piece.lstrip())
        out.append(Span(first, first + len(stripped), stripped))
