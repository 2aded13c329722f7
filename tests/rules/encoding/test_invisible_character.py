"""ENC004 invisible-character."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        pytest.param("President Zelensky of Ukra\u200bine said", "warning", id="zwsp-in-word"),
        pytest.param("the word\u2060joiner", "warning", id="word-joiner-in-word"),
        pytest.param("Antony Blin\u200eken", "warning", id="lrm-between-latin"),
        pytest.param("A\u200dB", "warning", id="zwj-between-latin"),
        pytest.param("Sergei Lav\u00adrov", "info", id="soft-hyphen"),
        pytest.param("Geneva.\u200b The talks", "info", id="zwsp-between-words"),
        pytest.param("The statement\ufeff was posted", "info", id="stray-bom"),
    ],
)
def test_fires(text: str, severity: str) -> None:
    (f,) = run_rule("ENC004", text)
    assert str(f.severity) == severity
    assert f.fix is not None and f.fix.replacement == "" and f.fix.safe


def test_message_names_the_word() -> None:
    (f,) = run_rule("ENC004", "of Ukra\u200bine said")
    assert "zero-width space (U+200B)" in f.message and "“Ukraine”" in f.message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "\u0627\u0645\u06cc\u0631\u200c\u0639\u0628\u062f\u0627\u0644\u0644\u0647\u06cc\u0627\u0646",
            id="persian-zwnj",
        ),
        pytest.param("family \U0001f468\u200d\U0001f469\u200d\U0001f467 emoji", id="emoji-zwj"),
        pytest.param(
            "the spokesman, \u200fناصر کنعانی\u200f, agreed",
            id="rlm-around-arabic",
        ),
        pytest.param("\u0915\u094d\u200d\u0937", id="devanagari-zwj"),
        pytest.param("co-operation and soft\u00ad", id="soft-hyphen-at-word-end"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("ENC004", text) == []
