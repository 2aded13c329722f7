"""ENC001 mojibake."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars

#: the cp1252 (or Latin-1) reading of a UTF-8 lead byte followed by continuation bytes:
#: "Ã©" (é), "â€™" (’), "Â£" (£), "Ã¢â‚¬â„¢" (’ encoded twice). Text without one has no mojibake.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
    "\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_LEAD_FIRST, _LEAD_LAST = "\u00c2", "\u00f4"
#: more occurrences of lead characters than this and every line is looked at
_MAX_LEADS = 5000


@lru_cache(maxsize=1)
def _continuations() -> frozenset[str]:
    """The characters of ``_CONTINUATION`` (single characters and "a-b" ranges)."""
    chars: set[str] = set()
    i = 0
    while i < len(_CONTINUATION):
        if _CONTINUATION[i + 1 : i + 2] == "-":
            chars.update(map(chr, range(ord(_CONTINUATION[i]), ord(_CONTINUATION[i + 2]) + 1)))
            i += 3
        else:
            chars.add(_CONTINUATION[i])
            i += 1
    return frozenset(chars)


@lru_cache(maxsize=1)
def _patterns() -> tuple[Any, Any]:
    """Compiled on first use (start-up time): a garbled sequence, and "â€" at the end of a
    sequence: a right double quote (E2 80 9D) whose last byte, undefined in cp1252, was
    dropped on the way."""
    return regex.compile(f"(?:[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}})+"), regex.compile("â€$")


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Any, Any, Any]:
    import ftfy  # lazily: ftfy costs import time, and most texts never need it
    import ftfy.badness

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        replace_lossy_sequences=False,
        fix_c1_controls=False,  # a lone control character is ENC003's
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,  # curly quotes are right; never straighten them
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text, ftfy.badness.is_bad, config


@document_rule("ENC001", "mojibake", category="encoding", severity="error", fixable=True)
def mojibake(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds text decoded with the wrong character set ("Russiaâ€™s", "cafÃ©").

    What it does
    Finds lines that contain UTF-8 text read as Windows-1252 or Latin-1 (the tell-tale
    pairs "Ã©", "â€™", "â€œ", "Â "), confirms with ftfy's badness measure that the line
    really is mojibake, and reports each garbled sequence with ftfy's repair of it as
    the suggestion. Accented words ("café", "Zürich", "São Paulo", "ações") and curly
    quotes are never reported: they have no such pairs, or ftfy finds nothing wrong.

    Why it matters
    Mojibake appears when a CMS export or a scraper decodes text twice; it makes every
    apostrophe and accent in an article unreadable, and it spreads to every site that
    copies the page.

    Example
        The US has rejected Russiaâ€™s demand to bar Ukraine from Nato.
    Use instead:
        The US has rejected Russia’s demand to bar Ukraine from Nato.

    Fix safety
    Safe when ftfy's repair of the sequence no longer looks garbled: the fix replaces the
    sequence by the characters it was encoded from. Curly quotes are kept curly
    (ftfy's uncurl_quotes is off). Unsafe otherwise.
    """
    unusual = unusual_chars(doc)
    leads = [c for c in unusual if _LEAD_FIRST <= c <= _LEAD_LAST]
    if not leads:
        return  # no lead character: no sequence, decided without a scan
    if unusual.isdisjoint(_continuations()):
        return  # nothing to follow a lead character
    sequence, lost_9d = _patterns()
    text = doc.text
    if not sequence.search(text):
        return
    _, is_bad, _ = _ftfy()
    for start, line in _lines_with(doc, leads):
        if not sequence.search(line) or not is_bad(line):
            continue  # "«café»" has a lead-continuation pair but is not mojibake
        for m in sequence.finditer(line):
            lost_byte = bool(lost_9d.search(m.group())) and (m.end() == len(line) or line[m.end()] < "\x80")
            repaired, safe = _repair(m.group() + ("\u009d" if lost_byte else ""))
            if repaired is None:
                continue
            shown = _visible(m.group())
            yield ctx.report(
                start + m.start(),
                start + m.end(),
                f"Mojibake '{shown}' (UTF-8 read as Windows-1252/Latin-1): should be '{repaired}'",
                replacement=repaired,
                safe=safe,
            )


def _lines_with(doc: Document, chars: list[str]) -> Iterator[tuple[int, str]]:
    """(start, text) of the lines holding one of these characters, in order."""
    text, lines = doc.text, doc.lines
    found: set[int] = set()
    starts: list[int] | None = None
    for c in chars:
        at = text.find(c)
        while at >= 0:
            if len(found) > _MAX_LEADS:
                yield from ((ln.start, ln.text) for ln in lines)
                return
            if starts is None:
                starts = [ln.start for ln in lines]
            index = bisect_right(starts, at) - 1
            found.add(index)
            at = text.find(c, lines[index].end)  # on to the next line
    for index in sorted(found):
        yield lines[index].start, lines[index].text


@lru_cache(maxsize=4096)
def _repair(sequence: str) -> tuple[str | None, bool]:
    """ftfy's repair of one garbled sequence (None when ftfy sees nothing to repair), and
    whether the repair is clean enough to apply without asking."""
    fix_text, is_bad, config = _ftfy()
    fixed = fix_text(sequence, config)
    if fixed == sequence:
        return None, False
    return fixed, not is_bad(fixed) and "\ufffd" not in fixed


def _visible(text: str) -> str:
    """Control characters spelled out (a Latin-1 reading leaves invisible C1 characters)."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F else c for c in text)
