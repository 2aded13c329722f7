"""JSON: an array on stdout, one object per finding, with exactly the documented keys."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TextIO

from linter.findings import Finding
from linter.rule import Rule
from linter.runner import FileResult, RunResult


class Stream:
    """One finding per line, written as files arrive (the C encoder; ``indent`` forces the slow one)."""

    def __init__(self, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
        self.out = out
        self.first = True
        self.encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one a finding

    def file(self, file: FileResult) -> None:
        if not file.findings:
            return
        lines = ",\n".join(map(self.encode, map(Finding.to_dict, file.findings)))
        self.out.write(("[\n" if self.first else ",\n") + lines)
        self.first = False

    def close(self, result: RunResult) -> None:
        self.out.write("[]\n" if self.first else "\n]\n")


def render(result: RunResult, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
    stream = Stream(rules, out, color)
    for file in result.files:
        stream.file(file)
    stream.close(result)
