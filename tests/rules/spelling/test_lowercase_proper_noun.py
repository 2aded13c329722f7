"""SPL003 lowercase-proper-noun."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "SPL003"

FIRES = {
    "country": ("As a separate initiative by france bought a promise.", "france", "France"),
    "possessive": ("Troops massed on ukraine’s border.", "ukraine", "Ukraine"),
    "language": ("He spoke english with the press.", "english", "English"),
    "weekday": ("The talks resume on monday in Geneva.", "monday", "Monday"),
    "acronym": ("He told nato allies.", "nato", "NATO"),
    "hyphen-part": ("The russia-backed rebels held the town.", "russia", "Russia"),
}

SILENT = {
    "capitalised": "As a separate initiative France bought a promise.",
    "also-a-common-noun": "They sold china, turkey and polish at the market.",
    "tag-line": "ukraine crisis\n\nThe talks resumed on Monday.",
    "url": "See https://example.com/france/news for more.",
    "spanish-sentence": "He said el gobierno no tiene dinero para pagar los salarios de los empleados.",
}


@pytest.mark.parametrize("text,word,fix", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str, fix: str) -> None:
    (f,) = run_rule(CODE, text)
    assert text[f.start : f.end] == word
    assert f.suggestion == fix
    assert str(f.severity) == "warning"
    assert f.fix is not None and f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_lower_case_line_of_prose_is_not_a_tag() -> None:
    text = "the talks with france went on for hours."
    assert [text[f.start : f.end] for f in run_rule(CODE, text)] == ["france"]
