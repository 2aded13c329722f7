"""GRM002, GRM004, GRM005: the phrase lists (their own examples run in tests/linter/test_phrases.py);
here their fixtures and the fixes they write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_fixture, fixture_files, run_rule

CODES = ("GRM002", "GRM004", "GRM005")
FIXTURES = [(code, kind, p) for code in CODES for kind in ("bad", "good") for p in fixture_files(code, kind)]

FIXES = {
    "despite-of": ("GRM002", "They agreed despite of differences.", "They agreed despite differences."),
    "discuss-adverb-about": (
        "GRM002",
        "It would discuss internally about the response.",
        "It would discuss internally the response.",
    ),
    "more-better": ("GRM002", "It is more better than before.", "It is better than before."),
    "states-is": ("GRM004", "the states is prepared", "the states are prepared"),
    "there-was": ("GRM004", "There was thousands of troops.", "There were thousands of troops."),
    "united-state": ("GRM005", "The United State also replied.", "The United States also replied."),
    "could-of": ("GRM005", "He could of stayed.", "He could have stayed."),
}


@pytest.mark.parametrize("code,text,fixed", FIXES.values(), ids=FIXES.keys())
def test_fix(code: str, text: str, fixed: str) -> None:
    (f,) = run_rule(code, text)
    assert f.fix is not None
    assert text[: f.fix.start] + f.fix.replacement + text[f.fix.end :] == fixed


@pytest.mark.parametrize("code,kind,path", FIXTURES, ids=lambda x: getattr(x, "name", x))
def test_fixture(code: str, kind: str, path: Path) -> None:
    if kind == "bad":
        check_fixture(code, path)
    else:
        assert run_rule(code, path.read_text(encoding="utf-8")) == []


def test_every_phrase_list_has_fixtures() -> None:
    assert {code for code, kind, _ in FIXTURES if kind == "bad"} == set(CODES)
    assert {code for code, kind, _ in FIXTURES if kind == "good"} == set(CODES)
