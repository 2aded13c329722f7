"""Inline suppression comments in the checked file.

- ``<!-- copydesk: ignore DUP001 TYP -->`` (or the same words alone on a line of a plain
  text file): the next paragraph is not reported for those selectors (all rules when
  none is given).
- ``<!-- copydesk: off [SELECTORS] -->`` ... ``<!-- copydesk: on -->``: a region.
- ``<!-- copydesk: ignore-file [SELECTORS] -->``: the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.offsets import LineIndex
from linter.rule import Rule, matches

_DIRECTIVE = re.compile(
    r"(?P<open><!--)?[ \t]*copydesk:[ \t]*(?P<verb>ignore-file|ignore|off|on)\b"
    r"(?P<args>[ \t,A-Za-z0-9_-]*?)[ \t]*(?P<close>-->)?[ \t]*$"
)
_LINE_ONLY = re.compile(r"^[ \t]*(?:#|//)?[ \t]*")


@dataclass
class Suppressions:
    """Which source lines are silenced, and for which selectors (empty tuple: all)."""

    ranges: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)
    directive_lines: set[int] = field(default_factory=set)

    def silences(self, line: int, rule: Rule) -> bool:
        if line in self.directive_lines:
            return True
        for first, last, selectors in self.ranges:
            if first <= line <= last and (not selectors or any(matches(s, rule) for s in selectors)):
                return True
        return False


def _args(raw: str) -> tuple[str, ...]:
    return tuple(a for a in re.split(r"[\s,]+", raw.strip()) if a)


def parse(source: str, lines: LineIndex) -> Suppressions:
    """Find the directives of a source; cheap when the file has none."""
    out = Suppressions()
    if "copydesk:" not in source:
        return out
    total = len(lines.starts)
    open_regions: list[tuple[int, tuple[str, ...]]] = []
    for number in range(1, total + 1):
        start, end = lines.line_span(number, source)
        text = source[start:end]
        if "copydesk:" not in text:
            continue
        found = _find(text)
        if found is None:
            continue
        verb, selectors = found
        out.directive_lines.add(number)
        if verb == "ignore-file":
            out.ranges.append((1, total, selectors))
        elif verb == "off":
            open_regions.append((number, selectors))
        elif verb == "on" and open_regions:
            first, sel = open_regions.pop()
            out.ranges.append((first, number, sel))
        elif verb == "ignore":
            out.ranges.append((number, _paragraph_end(source, lines, number + 1, total), selectors))
    for first, sel in open_regions:
        out.ranges.append((first, total, sel))
    return out


def _find(line: str) -> tuple[str, tuple[str, ...]] | None:
    """The directive on a line: an HTML comment anywhere, or the whole line in plain text."""
    comment = re.search(r"<!--[ \t]*copydesk:.*?-->", line)
    candidate = comment.group() if comment else _LINE_ONLY.sub("", line, count=1)
    m = _DIRECTIVE.fullmatch(candidate.strip())
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return None
    return m.group("verb"), _args(m.group("args"))


def _paragraph_end(source: str, lines: LineIndex, first: int, total: int) -> int:
    """Last line of the paragraph that starts at or after line ``first``."""
    number = first
    while number <= total and not _line(source, lines, number).strip():
        number += 1
    while number <= total and _line(source, lines, number).strip():
        number += 1
    return max(first, number - 1)


def _line(source: str, lines: LineIndex, number: int) -> str:
    start, end = lines.line_span(number, source)
    return source[start:end]
