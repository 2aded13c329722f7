"""Human-readable text: ``path:line:col: CODE [category] message`` and the marked line."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from typing import TextIO

from linter.findings import Finding, Severity
from linter.rule import Rule
from linter.runner import FileResult, RunResult

WINDOW_BEFORE = 40
WINDOW_AFTER = 80
COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _width(text: str) -> int:
    """Terminal columns: two for East Asian wide and full-width characters (only the
    non-ASCII characters are looked up: curly quotes make most lines non-ASCII)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in _NON_ASCII.findall(text) if unicodedata.east_asian_width(c) in "WF")


def _excerpt(line: str, f: Finding) -> tuple[str, str]:
    """The line around the span (shortened with … when long) and the caret line under it."""
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    end = max(end, start + 1)
    left = max(0, start - WINDOW_BEFORE)
    right = min(len(line), max(end, start) + WINDOW_AFTER)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    pad = _width(prefix + line[left:start])
    marks = "^" * max(1, _width(line[start : min(end, right)]))
    return shown.replace("\t", " "), " " * pad + marks


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color else text


def _finding(f: Finding, result: FileResult, out: TextIO, color: bool, quiet: bool) -> None:
    if color:
        sev = _paint(str(f.severity), COLORS[f.severity], color)
        where = _paint(f"{f.path}:{f.line}:{f.column}:", BOLD, color)
    else:
        sev, where = str(f.severity), f"{f.path}:{f.line}:{f.column}:"
    parts = [f"{where} {f.rule} [{f.category}] {f.message} ({sev})\n"]
    if not quiet:
        line = result.context.get(f.line)
        if line is not None:
            shown, marks = _excerpt(line, f)
            gutter = " " * len(str(f.line))
            parts.append(f"{gutter} |\n{f.line} | {shown}\n{gutter} | {_paint(marks, COLORS[f.severity], color)}\n")
        if f.suggestion:
            parts.append(f"  = suggestion: {f.suggestion}\n")
        parts.append("\n")
    out.write("".join(parts))


def _counts(by: Counter[Severity]) -> str:
    parts = [
        f"{by[s]} {s}{'s' if by[s] > 1 and s != Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if by[s]
    ]
    return ", ".join(parts)


class Stream:
    """Writes each file's findings as it arrives; the summary needs only counters."""

    def __init__(
        self,
        rules: Mapping[str, Rule],
        out: TextIO,
        color: bool = False,
        quiet: bool = False,
        statistics: bool = False,
    ) -> None:
        self.rules, self.out, self.color, self.quiet, self.statistics = rules, out, color, quiet, statistics
        self.severities: Counter[Severity] = Counter()
        self.per_rule: Counter[str] = Counter()
        self.checked = self.with_findings = 0

    def file(self, file: FileResult) -> None:
        self.checked += 1
        for f in file.findings:
            _finding(f, file, self.out, self.color, self.quiet)
        if file.findings:
            self.with_findings += 1
            by = Counter(f.severity for f in file.findings)
            self.severities.update(by)
            self.per_rule.update(f.rule for f in file.findings)
            if not self.quiet:
                self.out.write(f"{file.path}: {len(file.findings)} finding(s) ({_counts(by)})\n\n")

    def close(self, result: RunResult) -> None:
        out, total = self.out, sum(self.severities.values())
        if self.statistics:
            for code, n in self.per_rule.most_common():
                rule = self.rules.get(code)
                out.write(f"{n:6d}  {code}  {rule.name if rule else ''}  [{rule.category if rule else ''}]\n")
        if self.quiet:
            return
        problems = f" {len(result.errors)} problem(s) reported on stderr." if result.errors else ""
        if total:
            out.write(
                f"Found {total} finding(s) in {self.with_findings} of {self.checked} file(s):"
                f" {_counts(self.severities)}.{problems}\n"
            )
        elif result.errors:
            out.write(f"No findings in {self.checked} file(s) checked.{problems}\n")
        else:
            out.write(f"All clear: {self.checked} file(s) checked, no findings.\n")


def render(
    result: RunResult,
    rules: Mapping[str, Rule],
    out: TextIO,
    color: bool = False,
    quiet: bool = False,
    statistics: bool = False,
) -> None:
    stream = Stream(rules, out, color, quiet, statistics)
    for file in result.files:
        stream.file(file)
    stream.close(result)
