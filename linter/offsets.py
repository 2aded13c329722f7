"""Offset arithmetic: visible text <-> source text, and source offsets -> line/column.

A document's visible text is built piece by piece from its source. Each piece is either
*verbatim* (its characters stand one for one in the source) or *atomic* (it replaces a
source span of another length as a whole: a decoded entity, a collapsed run of white
space, the break between two blocks). ``OffsetMap`` records the pieces and maps any
visible offset back to the source.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from itertools import accumulate

_NEWLINE = re.compile(r"\r\n|\r|\n")


class OffsetMap:
    """Piecewise map from offsets of a built text to offsets of the text it came from."""

    __slots__ = ("_t", "_s", "_tl", "_sl", "length")

    def __init__(self) -> None:
        self._t = array("q")  # start of each piece in the built text
        self._s = array("q")  # start of each piece in the source
        self._tl = array("q")  # length in the built text
        self._sl = array("q")  # length in the source
        self.length = 0

    def add(self, text_len: int, src_start: int, src_end: int) -> None:
        """Record that the next ``text_len`` characters come from ``source[src_start:src_end]``."""
        if text_len <= 0:
            return
        src_len = src_end - src_start
        verbatim = text_len == src_len
        if verbatim and self._t and self._tl[-1] == self._sl[-1]:
            # extend the previous verbatim piece when both sides are contiguous
            if self._t[-1] + self._tl[-1] == self.length and self._s[-1] + self._sl[-1] == src_start:
                self._tl[-1] += text_len
                self._sl[-1] += src_len
                self.length += text_len
                return
        self._t.append(self.length)
        self._s.append(src_start)
        self._tl.append(text_len)
        self._sl.append(src_len)
        self.length += text_len

    def _piece(self, t: int) -> int:
        return max(0, bisect_right(self._t, t) - 1)

    def start(self, t: int) -> int:
        """Source offset where the character at text offset ``t`` begins."""
        if not self._t:
            return 0
        if t >= self.length:
            return self._s[-1] + self._sl[-1]
        i = self._piece(t)
        if self._tl[i] == self._sl[i]:
            return self._s[i] + (t - self._t[i])
        return self._s[i]

    def end(self, t: int) -> int:
        """Source offset where the character before text offset ``t`` ends."""
        if not self._t or t <= 0:
            return self.start(0)
        i = self._piece(t - 1)
        if self._tl[i] == self._sl[i]:
            return self._s[i] + (t - self._t[i])
        return self._s[i] + self._sl[i]


class LineIndex:
    """Source offsets -> 1-based (line, column); a line ends at LF, CRLF or a lone CR."""

    __slots__ = ("starts",)

    def __init__(self, source: str) -> None:
        if "\r" in source:
            self.starts = array("q", [0])
            self.starts.extend(m.end() for m in _NEWLINE.finditer(source))
        else:  # LF only: line lengths summed in C, several times faster than a regex walk
            lengths = map((1).__add__, map(len, source.split("\n")[:-1]))
            self.starts = array("q", accumulate(lengths, initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int, source: str) -> tuple[int, int]:
        """Start and end (before the line break) of a 1-based line."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(source)
        while end > start and source[end - 1] in "\r\n":
            end -= 1
        return start, end
