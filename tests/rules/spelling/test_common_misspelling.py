"""SPL001 common-misspelling."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "SPL001"

FIRES = {
    "feild": ("They cooperate in the feild of defence.", "feild", "field"),
    "recieve": ("They will recieve the letter.", "recieve", "receive"),
    "sentence-initial": ("Feild work starts today.", "Feild", "Field"),
    "hyphen-part": ("A feild-based survey.", "feild", "field"),
}

SILENT = {
    "correct": "They cooperate in the field of defence.",
    "capitalised-name-mid-sentence": "The pianist Feild played in Vienna.",
    "inside-url": "See https://example.com/feild/report for details.",
    "accepted-by-house": "The feild team met.",
    "split-by-invisible-character": "President Zelensky of Ukra\u200bine said the talks went well.",
    "french-phrase": "A spokesman said: « Nous ne sommes pas en mesure de commenter les décisions ».",
}


@pytest.mark.parametrize("text,word,fix", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str, fix: str) -> None:
    (f,) = run_rule(CODE, text)
    assert text[f.start : f.end] == word
    assert f.suggestion == fix
    assert str(f.severity) == "error"
    assert f.fix is not None and f.fix.safe and f.fix.replacement == fix


def test_several_candidates_offer_no_fix() -> None:
    (f,) = run_rule(CODE, "It is ot here.")
    assert f.fix is None
    assert "to" in (f.suggestion or "").split(", ")


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    settings = {"vocabulary": {"accept": ["feild"]}} if "team" in text else None
    assert run_rule(CODE, text, settings=settings) == []
