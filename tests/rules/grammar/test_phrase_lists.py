"""GRM002, GRM004, GRM005: the phrase lists (their own examples run in tests/linter/test_phrases.py,
their fixtures in tests/rules/test_fixtures.py); here the fixes they write."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

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
