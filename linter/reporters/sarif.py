"""SARIF 2.1.0, for GitHub code scanning and other SARIF consumers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from linter.findings import Finding, Severity
from linter.rule import Rule
from linter.runner import FileResult, RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _version() -> str:
    try:
        return metadata.version("copydesk")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a checkout
        return "0"


def _rule(rule: Rule) -> dict[str, Any]:
    summary = rule.doc.split("\n", 1)[0].strip()
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary or rule.name},
        "fullDescription": {"text": summary or rule.name},
        "help": {"text": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": Path(f.path).as_posix()},
                    "region": {
                        "startLine": f.line,
                        "startColumn": f.column,
                        "endLine": f.end_line,
                        "endColumn": f.end_column,
                    },
                }
            }
        ],
        "properties": {"category": f.category},
    }
    return out


class Stream:
    """Results are written as files arrive; a rule's index is its order of first use, and
    the tool section with the used rules comes last (JSON key order does not matter)."""

    def __init__(self, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
        self.rules, self.out = rules, out
        self.index: dict[str, int] = {}
        out.write(
            '{\n "version": "2.1.0",\n "$schema": '
            + json.dumps(SCHEMA)
            + ',\n "runs": [\n  {\n   "columnKind": "unicodeCodePoints",\n   "results": ['
        )

    def file(self, file: FileResult) -> None:
        for f in file.findings:
            self.index.setdefault(f.rule, len(self.index))
            self.out.write(",\n    " if self._wrote else "\n    ")
            self.out.write(json.dumps(_result(f, self.index), ensure_ascii=False))
            self._wrote = True

    _wrote = False

    def close(self, result: RunResult) -> None:
        driver = {
            "name": "copydesk",
            "version": _version(),
            "informationUri": "https://pypi.org/project/copydesk/",
            "rules": [_rule(self.rules[c]) for c in self.index],
        }
        tool = json.dumps({"driver": driver}, ensure_ascii=False)
        self.out.write(("\n   " if self._wrote else "") + '],\n   "tool": ' + tool + "\n  }\n ]\n}\n")


def render(result: RunResult, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
    stream = Stream(rules, out, color)
    for file in result.files:
        stream.file(file)
    stream.close(result)
