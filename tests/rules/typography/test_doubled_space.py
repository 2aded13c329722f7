"""TYP004 doubled-space."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "TYP004"

FIRES = {
    "nbsp-then-space": ("Secretary\u00a0 of State", "\u00a0 ", "warning"),
    "space-then-nbsp": ("Secretary \u00a0of State", " \u00a0", "warning"),
    "two-spaces": ("Transport Secretary  Helen Park", "  ", "warning"),
    "three-spaces": ("the  \u0020bridge", "   ", "warning"),
    "after-sentence": ("It opened on Saturday.  The mayor came.", "  ", "info"),
    "after-quoted-sentence": ("“It is open.”  The mayor came.", "  ", "info"),
}

SILENT = {
    "single-spaces": "The bridge opened on Saturday.",
    "indentation": "    Indented line\n\tTabbed line",
    "trailing": "Line with trailing spaces   \nNext line",
    "nbsp-only": "£\u00a0\u00a02 per car and 10\u202f000 people",
    "aligned-columns": "North side   35        15\nSouth side   40        22",
    "tab-between": "Name\tValue",
}


@pytest.mark.parametrize("text,flagged,severity", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str, severity: str) -> None:
    findings = run_rule(CODE, text)
    assert [(text[f.start : f.end], str(f.severity)) for f in findings] == [(flagged, severity)]
    fix = findings[0].fix
    assert fix is not None and fix.safe and fix.replacement == " "


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_html_nbsp_entity_and_space() -> None:
    findings = run_rule(CODE, "<p>Secretary&nbsp; of State</p>", format="html")
    assert len(findings) == 1
