"""Findings: what a rule reports, and the fixed vocabularies around them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, NamedTuple

CATEGORIES: tuple[str, ...] = (
    "name",
    "duplication",
    "markup",
    "boilerplate",
    "off-topic",
    "translation",
    "spelling",
    "grammar",
    "typography",
    "encoding",
)


class Severity(enum.IntEnum):
    """How sure a rule is that a finding needs fixing; ordered for `fail-on`."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return _SEVERITY_NAMES[self]


_SEVERITY_NAMES = {s: s.name.lower() for s in Severity}  # str() of a severity, looked up (output calls it a lot)


@dataclass(frozen=True)
class Report:
    """A span a rule flags, in offsets of the document's visible text (end exclusive).

    ``replacement`` is the text that should stand in place of the span; with
    ``safe=True`` ``copydesk check --fix`` applies it without asking.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    replacement: str | None = None
    safe: bool = False
    severity: Severity | None = None
    #: the span the replacement applies to, when wider than the flagged span
    #: (a flagged boilerplate line whose fix also removes its line break)
    fix_span: tuple[int, int] | None = None
    #: with replacement "": delete the whole source lines the span touches (markup on them
    #: included, e.g. a Markdown ``**Read more:** [x](url)`` line), and one blank line next
    #: to them, so no gap of two blank lines or trailing blank line is left
    fix_lines: bool = False


class Edit(NamedTuple):
    """A replacement of ``source[start:end]`` (offsets in the decoded source text)."""

    start: int
    end: int
    replacement: str
    safe: bool = False


class Finding(NamedTuple):
    """One finding, with exact positions in the source file (1-based, end exclusive).

    A named tuple, not a dataclass: a corpus run makes, pickles (between processes and
    through the spool) and loads millions of them, and a tuple does all three several
    times faster.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None = None
    start: int = 0
    end: int = 0
    fix: Edit | None = None

    def sort_key(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape (exactly these keys)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class FileError:
    """A file that could not be read or linted; reported on one line, exit code 2."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"
