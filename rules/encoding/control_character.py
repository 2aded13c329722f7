"""ENC003 control-character."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars

#: C0 controls but tab and line feed (CR is normalised away), DEL, and C1 controls
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f]+"
_IS_CONTROL = frozenset(map(chr, [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]))
#: a C1 character right after a UTF-8 lead byte read as cp1252 ("â\x80\x99") is mojibake: ENC001's
_MOJIBAKE_LEAD = (
    "\u00c2\u00c3\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ef\u00f0\u20ac\u00c5\u00ce"
)


@cache
def _control() -> Any:
    """Compiled on first use (start-up time); ``re``: a class of code points, as in ``regex``."""
    return re.compile(_CONTROL)


_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
}


@document_rule("ENC003", "control-character", category="encoding", severity="error", fixable=True)
def control_character(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds invisible control characters in the text (C0, DEL and C1; not tab or newline).

    What it does
    Flags each run of control characters: C0 (U+0000-U+001F but tab and line feed),
    DEL (U+007F) and C1 (U+0080-U+009F). A form feed (a page break in old plain-text
    files) is reported as info. C1 characters that belong to a mojibake sequence
    ("â\\x80\\x99") are left to ENC001, which repairs the whole sequence.

    Why it matters
    Control characters are invisible in most editors but break XML/JSON exports,
    search and some browsers; C1 characters usually mean text was decoded as Latin-1.

    Example
        The talks\\x08 ended on Friday.
    Use instead:
        The talks ended on Friday.

    Fix safety
    Safe: a control character carries no prose; the fix deletes it.
    """
    if unusual_chars(doc).isdisjoint(_IS_CONTROL):
        return  # no control character anywhere: the common case, decided without a scan
    text = doc.text
    for m in _control().finditer(text):
        start = m.start()
        while start < m.end() and 0x80 <= ord(text[start]) <= 0x9F and start > 0 and _after_lead(text, start):
            start += 1  # part of "â\x80\x99": ENC001
        if start == m.end():
            continue
        chars = text[start : m.end()]
        names = ", ".join(dict.fromkeys(_name(c) for c in chars))
        page_break = set(chars) == {"\x0c"}
        yield ctx.report(
            start,
            m.end(),
            f"Control character{'s' if len(chars) > 1 else ''} {names} in the text",
            suggestion="delete it",
            replacement="",
            safe=True,
            severity="info" if page_break else None,
        )


def _after_lead(text: str, i: int) -> bool:
    """Is text[i] (a C1 character) inside a mojibake sequence started by a lead byte?"""
    j = i - 1
    while j >= 0 and i - j <= 3 and 0x80 <= ord(text[j]) <= 0xBF:
        j -= 1
    return j >= 0 and text[j] in _MOJIBAKE_LEAD


def _name(ch: str) -> str:
    code = ord(ch)
    label = _NAMES.get(code, "C1 control" if code >= 0x80 else "C0 control")
    return f"U+{code:04X} ({label})"
