"""GitHub Actions workflow commands: one ``::warning file=...`` line per finding."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from linter.findings import Finding, Severity
from linter.rule import Rule
from linter.runner import FileResult, RunResult

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class Stream:
    def __init__(self, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
        self.out = out

    def file(self, file: FileResult) -> None:
        for f in file.findings:
            _annotation(f, self.out)

    def close(self, result: RunResult) -> None:
        pass


def render(result: RunResult, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
    for f in result.findings:
        _annotation(f, out)


def _annotation(f: Finding, out: TextIO) -> None:
    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    out.write(
        f"::{LEVELS[f.severity]} file={_prop(f.path)},line={f.line},col={f.column},"
        f"endLine={f.end_line},endColumn={f.end_column},"
        f"title={_prop(f'{f.rule} {f.name}')}::{_data(message)}\n"
    )
