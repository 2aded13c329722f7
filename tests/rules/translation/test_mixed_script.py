"""TRN006 mixed-script-word."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule


@pytest.mark.parametrize(
    ("text", "word", "fixed"),
    [
        pytest.param(
            "Secretary of State Antony \u0412linken said.",
            "\u0412linken",
            "Blinken",
            id="cyrillic-capital-ve",
        ),
        pytest.param("Talks in G\u0435neva ended.", "G\u0435neva", "Geneva", id="cyrillic-small-ie"),
        pytest.param("The \u0405tate Department said.", "\u0405tate", "State", id="cyrillic-dze"),
        pytest.param("The \u039fslo accords.", "\u039fslo", "Oslo", id="greek-omicron"),
    ],
)
def test_fires_with_fix(text: str, word: str, fixed: str) -> None:
    (f,) = run_rule("TRN006", text)
    assert text[f.start : f.end] == word and str(f.severity) == "error"
    assert f.fix is not None and f.fix.replacement == fixed and f.fix.safe


def test_fires_without_fix_on_non_lookalike_letters() -> None:
    (f,) = run_rule("TRN006", "Blinken\u043d said.")
    assert str(f.severity) == "warning" and f.fix is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Particles of 2.5 \u03bcm and \u03b1\u03b2 T cells.", id="greek-notation"),
        pytest.param("\u03b2-carotene and the \u0394-variant.", id="greek-prefix-hyphen"),
        pytest.param(
            "Sergei Lavrov (Сергей Лавров) spoke.",
            id="pure-cyrillic-words",
        ),
        pytest.param("Caf\u00e9s in Z\u00fcrich and S\u00e3o Paulo; a na\u00efve plan.", id="latin-accents"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("TRN006", text) == []
