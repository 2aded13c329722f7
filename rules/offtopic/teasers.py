"""Finding inserted teaser links ("Read also: <headline>") and telling them from
encyclopedic "See also" sections. Shared by OFT001 and OFT002; no rule lives here.

Everything is one pass of a line-anchored regex over the text plus a look at the lines
around each hit: linear in the length of the document.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import regex

from linter.document import Document

_DATA = Path(__file__).parent / "data" / "teaser_labels.toml"
_SEP_PUNCT = ":|>»-–—→"
_SEP_CLASS = regex.escape(_SEP_PUNCT, special_only=False)
#: how many lines after a "See also" heading are read to judge it (keeps the rule linear)
_SCAN_LINES = 400
_SPACE = r"[ \t\u00a0\u2009\u202f]"
_PATTERNS: dict[str, tuple[str, int]] = {
    # section headings that close a reference text (Wikipedia and most encyclopedias)
    "reference_heading": (
        r"(?:references|notes|footnotes|citations|sources|bibliography|works cited|further reading|"
        r"external links|notes and references|literature)[ \t]*:?",
        regex.IGNORECASE,
    ),
    "next_paragraph": (r"\n[ \t]*\n[ \t]*([^\n]+)(?:\n[ \t]*\n|\s*$)", 0),
    "citation": (r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\]", 0),
    "definition": (r"^[^.\n]{1,160}?\b(?:is|was|are|were) (?:a|an|the|one of)\b", regex.IGNORECASE),
}


@cache
def _rx(name: str) -> Any:
    """Patterns compile on first use, not at start-up (the pre-commit budget)."""
    pattern, flags = _PATTERNS[name]
    return regex.compile(pattern, flags)


class Label(NamedTuple):
    pattern: str
    note: str
    separator: bool
    case: str | None


class Teaser(NamedTuple):
    """One teaser line: the label, and the headline if the line (or the next one) has one."""

    start: int  # first character of the label
    end: int  # end of the flagged text (line end, or the end of the headline line below)
    line_start: int
    label: str
    headline: str
    note: str
    #: the headline sits on the line after a bare label
    headline_below: bool = False


@lru_cache(maxsize=1)
def labels() -> tuple[Label, ...]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    data: dict[str, Any] = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    return tuple(
        Label(x["pattern"], x.get("note", ""), bool(x.get("separator", False)), x.get("case-sensitive"))
        for x in data["labels"]
    )


@lru_cache(maxsize=1)
def _line_pattern() -> Any:
    alternatives = "|".join(f"(?P<l{i}>{lab.pattern})" for i, lab in enumerate(labels()))
    return regex.compile(
        rf"(?m)^{_SPACE}*(?:[*•►▶·>»›■▪◆➤→\-–—][ \t]*)?"
        rf"(?P<label>{alternatives})"
        rf"(?P<sep>{_SPACE}*[{_SEP_CLASS}][{_SEP_CLASS}{_SPACE[1:-1]}]*|{_SPACE}+|(?={_SPACE}*$))"
        r"(?P<rest>[^\n]*)$",
        regex.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _line_starts_pattern() -> Any:
    """Where a teaser line may start: a line feed and the start of the line pattern up to
    its label (``re``, whose case-insensitive matching of the labels' letters includes
    ``regex``'s). One C scan that jumps from line feed to line feed; the full pattern then
    runs only on the lines it picks. None when a label needs ``regex``."""
    import re

    alternatives = "|".join(f"(?:{lab.pattern})" for lab in labels())
    bullets = "[*•►▶·>»›■▪◆➤→\\-–—]"
    try:
        return re.compile(rf"\n{_SPACE}*(?:{bullets}[ \t]*)?(?:{alternatives})", re.IGNORECASE)
    except re.error:
        return None


def find_teasers(doc: Document) -> list[Teaser]:
    """Every teaser line of the document, encyclopedic "See also" sections left out.

    Cached per document: OFT001 and OFT002 both need them.
    """
    found = doc.cache.get(__name__)
    if found is None:
        found = doc.cache[__name__] = _find_teasers(doc)
    return found


def _matches(text: str) -> Iterator[Any]:
    """The line pattern's matches, in text order: at the lines the cheap scan picks, which
    are all the lines it can match (it never spans lines). The line pattern is compiled
    only when the scan picks a line."""
    starts = _line_starts_pattern()
    if starts is None:
        yield from _line_pattern().finditer(text)
        return
    # a line feed before the text: the first line, too, starts after one; in the shifted
    # text a hit's line feed stands where the line starts in ``text``
    hits = [hit.start() for hit in starts.finditer("\n" + text)]
    if hits:
        line = _line_pattern()
        for at in hits:
            m = line.match(text, at)
            if m:
                yield m


def _find_teasers(doc: Document) -> list[Teaser]:
    out = []
    text = doc.text
    reference = None  # computed on first need
    for m in _matches(text):
        index = int(next(k for k, v in m.groupdict().items() if v is not None and k[1:].isdigit())[1:])
        label = labels()[index]
        punct = any(c in _SEP_PUNCT for c in m.group("sep"))
        rest = m.group("rest").strip(" \t\u00a0\u2009\u202f")
        if label.separator and not punct:
            continue
        if label.case and not m.group("label").startswith(label.case):
            continue
        if not rest and m.group("label").lower().startswith("related"):
            continue  # a bare "Related posts" line: BPL001 reports it
        if rest and not punct and not _headline_like(rest):
            continue  # "See also the report" / "Recommended daily intake is ..." : prose
        if m.group("label").lower().endswith("see also"):
            if reference is None:
                reference = reads_like_reference(doc)
            if reference and _legitimate_see_also(doc, m, rest):
                continue
        line_start = m.start()  # the pattern is anchored at the start of a line
        start, end = m.start("label"), m.start("rest") + len(m.group("rest").rstrip(" \t\u00a0"))
        headline, below = rest, False
        if not rest:
            nxt = _headline_below(text, m.end())
            if nxt is not None:
                headline, end, below = text[nxt[0] : nxt[1]], nxt[1], True
        out.append(Teaser(start, end, line_start, m.group("label"), headline, label.note, below))
    return out


def _headline_like(rest: str) -> bool:
    """Text after a label and a plain space: a headline, not the rest of a sentence."""
    first = rest[0]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'"):
        return False
    words = rest.split()
    if len(words) > 30:
        return False
    long = [w for w in words if len(w.strip("\"“”‘’'!?.,:;()")) > 3]
    capitals = sum(1 for w in long if w.lstrip("\"“‘'(")[:1].isupper())
    return not rest.endswith(".") or (bool(long) and capitals / len(long) >= 0.5)


def _headline_below(text: str, pos: int) -> tuple[int, int] | None:
    """The next paragraph, when it is a single headline-like line (3-20 words, no full stop)."""
    m = _rx("next_paragraph").match(text, pos)
    if not m:
        return None
    line = m.group(1).rstrip()
    words = line.split()
    if not 3 <= len(words) <= 20 or not line[0].isupper() or line[-1] in ".:;,":
        return None
    return m.start(1), m.start(1) + len(line)


def reads_like_reference(doc: Document) -> bool:
    """A reference text: reference headings, citation marks, or a definitional lead."""
    if any(_rx("reference_heading").fullmatch(line.text.strip()) for line in doc.lines):
        return True
    if len(_rx("citation").findall(doc.text)) >= 2:
        return True
    prose = [p for p in doc.paragraphs if len(p.text.split()) >= 12]
    return bool(prose) and bool(_rx("definition").match(prose[0].text))


_STARTS = __name__ + ".line_starts"


def _line_starts(doc: Document) -> list[int]:
    starts = doc.cache.get(_STARTS)
    if starts is None:
        starts = doc.cache[_STARTS] = [ln.start for ln in doc.lines]
    return starts


def _legitimate_see_also(doc: Document, m: Any, rest: str) -> bool:
    """A "See also" heading + list of topics near the end, or a hatnote naming topics."""
    if rest:
        items = regex.split(r"\s*(?:[,;]|\band\b)\s*", rest.rstrip("."))
        return all(0 < len(i.split()) <= 6 and not regex.search(r"[!?]", i) for i in items)
    lines = doc.lines
    i = bisect.bisect_right(_line_starts(doc), m.end())  # the line after the label
    stop = min(len(lines), i + _SCAN_LINES)
    items = 0
    while i < stop:  # the list: short lines without a full stop
        line = lines[i].text.strip(" \t*•-–·")
        if line:
            if _rx("reference_heading").fullmatch(line) or len(line.split()) > 12 or line.endswith((".", "!", "?")):
                break
            items += 1
        i += 1
    if not items:
        return False
    while i < stop:  # after the list: only reference sections may follow
        stripped = lines[i].text.strip()
        if _rx("reference_heading").fullmatch(stripped):
            return True
        if len(stripped.split()) >= 15:
            return False
        i += 1
    return stop == len(lines)  # reached the end of the document within the scan
