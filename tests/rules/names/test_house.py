"""NAM003 house-name-misspelling and NAM004 rejected-term (the house vocabulary)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import check_fixture, fixture_files, run_rule

VOCAB = {
    "vocabulary": {
        "names": ["Antony Blinken: Anthony Blincoln, Blincoln", "Dmytro Kuleba", "NATO"],
        "accept": ["Volodymyr Zelenskyy", "copydesk"],
        "reject": ["Kiev", "war on terror"],
    }
}

HOUSE = {
    "listed-misspelling": ("Blincoln said no.", "Blincoln", "Blinken", "error"),
    "listed-full-misspelling": ("Anthony Blincoln said no.", "Anthony Blincoln", "Antony Blinken", "error"),
    "near-surname": ("Later Blinkin said no.", "Blinkin", "Blinken", "warning"),
    "near-first-name": ("Anthony Blinken said no.", "Anthony", "Antony", "warning"),
    "transliteration-the-house-does-not-use": ("Dmitro Kuleba said no.", "Dmitro", "Dmytro", "warning"),
    "accepted-name-is-canonical": ("President Zelensky spoke.", "Zelensky", "Zelenskyy", "warning"),
    "casing": ("The Nato summit opened.", "Nato", "NATO", "warning"),
}

HOUSE_SILENT = {
    "canonical": "Antony Blinken met Dmytro Kuleba and Volodymyr Zelenskyy at NATO.",
    "other-people": "Dmitri Kozak met Dmitry Peskov and Vladimir Putin.",
    "headline-capitals": "BLINKEN MEETS KULEBA",
}


@pytest.mark.parametrize("text,word,fix,severity", HOUSE.values(), ids=HOUSE.keys())
def test_house_name_fires(text: str, word: str, fix: str, severity: str) -> None:
    (f,) = run_rule("NAM003", text, settings=VOCAB)
    assert text[f.start : f.end] == word
    assert f.suggestion == fix
    assert str(f.severity) == severity


@pytest.mark.parametrize("text", HOUSE_SILENT.values(), ids=HOUSE_SILENT.keys())
def test_house_name_stays_silent(text: str) -> None:
    assert run_rule("NAM003", text, settings=VOCAB) == []


def test_house_names_need_a_vocabulary() -> None:
    assert run_rule("NAM003", "Anthony Blincoln and Blinkin said no.") == []


def test_names_entries_may_come_from_a_names_file_as_plain_strings() -> None:
    settings = {"vocabulary": {"names": "Jens Stoltenberg"}}
    (f,) = run_rule("NAM003", "Stoltenburg said no.", settings=settings)
    assert f.suggestion == "Stoltenberg"


@pytest.mark.parametrize(
    "text,word",
    [
        ("Talks in Kiev resumed.", "Kiev"),
        ("The KIEV office.", "KIEV"),
        ("The War on Terror ended.", "War on Terror"),
    ],
    ids=["word", "any-case", "phrase"],
)
def test_rejected_term_fires(text: str, word: str) -> None:
    (f,) = run_rule("NAM004", text, settings=VOCAB)
    assert text[f.start : f.end] == word
    assert str(f.severity) == "error"
    assert f.fix is None


@pytest.mark.parametrize(
    "text",
    ["Talks in Kyiv resumed.", "The Kievan Rus was old.", "a warm terror"],
    ids=["other", "longer-word", "parts"],
)
def test_rejected_term_stays_silent(text: str) -> None:
    assert run_rule("NAM004", text, settings=VOCAB) == []


# The fixtures of NAM003 and NAM004 are checked here, not in tests/rules/test_fixtures.py (see CHECKED_ELSEWHERE there).
FIXTURES = [
    (code, kind, p) for code in ("NAM003", "NAM004") for kind in ("bad", "good") for p in fixture_files(code, kind)
]


@pytest.mark.parametrize("code,kind,path", FIXTURES, ids=lambda x: getattr(x, "name", x))
def test_fixture(code: str, kind: str, path: Path) -> None:
    if kind == "bad":
        check_fixture(code, path, settings=VOCAB)
    else:
        assert run_rule(code, path.read_text(encoding="utf-8"), settings=VOCAB) == []
