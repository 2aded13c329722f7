"""Test helpers: run one rule on a text or a fixture, and compare with a snapshot.

A fixture folder ``tests/fixtures/<CODE>/`` holds ``bad.txt`` (or .md/.html), its
``bad.expected`` snapshot (one ``line:col-line:col CODE message`` per finding) and
``good.txt`` that must stay silent. ``UPDATE_SNAPSHOTS=1 pytest`` rewrites snapshots.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from linter.api import lint_documents, select_rules
from linter.document import Document
from linter.findings import Finding

FIXTURES = Path(__file__).parent / "fixtures"


def run_rule(
    code: str,
    text: str,
    format: str = "text",
    options: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """Findings of exactly one rule on one text."""
    rules = select_rules([code], options={code: dict(options or {})})
    assert [a.rule.code for a in rules] == [code], f"no rule {code}"
    return lint_documents([Document(text, format=format)], rules, settings)


def snapshot(findings: list[Finding]) -> str:
    return "".join(
        f"{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.rule} {f.message}\n" for f in findings
    )


def fixture_files(code: str, kind: str) -> list[Path]:
    return sorted(p for p in (FIXTURES / code).glob(f"{kind}*") if p.suffix != ".expected")


def check_fixture(code: str, path: Path, **kwargs: Any) -> None:
    """Assert a fixture's findings equal its ``.expected`` snapshot (or rewrite it)."""
    text = path.read_text(encoding="utf-8")
    got = snapshot(run_rule(code, text, format=Document(text, path=str(path)).format, **kwargs))
    expected_path = path.with_suffix(".expected")
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        expected_path.write_text(got, encoding="utf-8")
    assert expected_path.exists(), f"{expected_path} missing: run with UPDATE_SNAPSHOTS=1"
    expected = expected_path.read_text(encoding="utf-8")
    assert got == expected, f"{path}: findings differ from {expected_path.name}\n--- expected\n{expected}--- got\n{got}"
