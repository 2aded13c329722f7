"""GRM003 singular-after-plural-quantifier."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "GRM003"

FIRES = {
    "tens-of-thousands": ("having sent tens of thousands of troop to Ukraine’s border.", "troop", "troops"),
    "thousands-who": ("Thousands of refugee who fled were housed.", "refugee", "refugees"),
    "millions-end": ("It cost millions of dollar.", "dollar", "dollars"),
    "y-plural": ("Hundreds of company have left.", "company", "companies"),
    "one-of-the": ("One of the problem was money.", "problem", "problems"),
    "hundreds-of-thousand": ("hundreds of thousand of people fled", "thousand", "thousands"),
}

SILENT = {
    "plural": "Tens of thousands of troops moved to the border.",
    "adjective-then-noun": "Thousands of new jobs and dozens of civilian and military targets.",
    "invariant": "Millions of people, hundreds of police and dozens of staff were there.",
    "uncountable": "Hundreds of tonnes of ammunition and equipment arrived.",
    "superlative": "It was one of the best. One of the most senior officials spoke.",
    "idiom": "He is one of the family, one of the few.",
    "possessive": "One of the country’s leaders spoke.",
    "capitalised": "Thousands of Ukrainians fled; millions of Russian speakers stayed.",
}


@pytest.mark.parametrize("text,word,fix", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str, fix: str) -> None:
    (f,) = run_rule(CODE, text)
    assert text[f.start : f.end] == word
    assert f.suggestion == fix
    assert f.fix is not None and not f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []
