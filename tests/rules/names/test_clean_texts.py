"""Every name, spelling and grammar rule stays silent on every clean fixture of the three
families (a clean text written for one rule guards all of them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.api import select_rules
from tests.helpers import FIXTURES, run_rule

FAMILIES = ("NAM", "SPL", "GRM")
CLEAN = sorted(p for fam in FAMILIES for p in FIXTURES.glob(f"{fam}[0-9][0-9][0-9]/good*") if p.suffix != ".expected")
CODES = sorted(a.rule.code for a in select_rules(list(FAMILIES)) if not a.rule.is_corpus)


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", CLEAN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clean_text_is_silent(path: Path, code: str) -> None:
    text = path.read_text(encoding="utf-8")
    fmt = {".md": "markdown", ".html": "html"}.get(path.suffix, "text")
    findings = run_rule(code, text, format=fmt)
    assert [f"{f.line}:{f.column} {f.message}" for f in findings] == []
