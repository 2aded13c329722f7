"""SPL005 spurious-apostrophe."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "SPL005"

FIRES = {
    "verb-in-list": ("NATO’s door is open, remain’s open and that is our commitment.", "remain’s", "remains"),
    "straight-apostrophe": ("The plan provide's a way out.", "provide's", "provides"),
    "verb-after-subject": ("He often become's angry.", "become's", "becomes"),
}

SILENT = {
    "noun-possessive": "The alliance’s growth and the country’s border.",
    "time-possessive": "Today’s talks follow last week’s meeting.",
    "contractions": "It’s late, that’s clear, let’s go; here’s why and who’s there.",
    "proper-noun-possessive": "Russia’s demand and Blinken’s response.",
    "plural-possessive": "The children’s books and the people’s vote.",
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
