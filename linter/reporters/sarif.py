"""SARIF 2.1.0, for GitHub code scanning and other SARIF consumers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from linter.findings import Finding, Severity
from linter.rule import Rule
from linter.runner import RunResult

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


def render(result: RunResult, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
    used = sorted({f.rule for f in result.findings})
    index = {code: i for i, code in enumerate(used)}
    sarif = {
        "version": "2.1.0",
        "$schema": SCHEMA,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "copydesk",
                        "version": _version(),
                        "informationUri": "https://pypi.org/project/copydesk/",
                        "rules": [_rule(rules[c]) for c in used],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index) for f in result.findings],
            }
        ],
    }
    json.dump(sarif, out, ensure_ascii=False, indent=1)
    out.write("\n")
