"""NAM002 inconsistent-name-spelling."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "NAM002"

FIRES = {
    "surname-then-garble": (
        "Antony Blinken met the press. Later Blinkin said the door was open.",
        "Blinkin",
        "Blinken",
    ),
    "majority-wins": (
        "Blincoln spoke. Blinken said no. Blinken left. Blinken returned.",
        "Blincoln",
        "Blinken",
    ),
    "full-name-wins-tie": ("Blinkin spoke first. Antony Blinken said no.", "Blinkin", "Blinken"),
    "first-name": ("Antony Blinken met them. Blinken said no. Anthony Blinken left.", "Anthony", "Antony"),
}

SILENT = {
    "consistent": "Antony Blinken met the press. Later Blinken said the door was open.",
    "two-people-similar-surnames": "John Smith met Jane Smyth; Smith and Smyth then left.",
    "transliterations": "Dmitri Kozak and Dmitry Peskov met Dmitry Medvedev.",
    "gendered-surnames": "Sergei Zakharov and his sister Maria Zakharova spoke; Zakharova was first.",
    "different-names": "Dmitri Kozak met Dmytro Kuleba; Kozak and Kuleba then spoke to Peskov and Putin.",
    "places": "Troops left Austria for Australia; Russia is not Prussia.",
    "titles": "The Secretary of State and the Security Council met the Secretary General.",
    "dictionary-name": "Paul flew to São Paulo; Paulo met him there.",
}


@pytest.mark.parametrize("text,word,fix", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str, fix: str) -> None:
    (f,) = run_rule(CODE, text)
    assert text[f.start : f.end] == word
    assert f.suggestion == fix
    assert str(f.severity) == "warning"
    assert f.fix is not None and not f.fix.safe


def test_every_minority_occurrence() -> None:
    text = "Jens Stoltenberg spoke. Stoltenberg left. Stoltenburg returned; Stoltenburg’s aide too. Stoltenberg again."
    found = run_rule(CODE, text)
    assert [text[f.start : f.end] for f in found] == ["Stoltenburg", "Stoltenburg"]


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []
