"""ENC003 control-character."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule


@pytest.mark.parametrize(
    ("text", "flagged", "severity"),
    [
        pytest.param("The talks\x08 ended.", "\x08", "error", id="backspace"),
        pytest.param("The talks ended.\x00\x00", "\x00\x00", "error", id="nul-run"),
        pytest.param("eight hours\x85 the longest", "\x85", "error", id="c1-next-line"),
        pytest.param("colour\x1b[0m reset", "\x1b", "error", id="escape"),
        pytest.param("page one\x0cpage two", "\x0c", "info", id="form-feed"),
        pytest.param("a\x7fb", "\x7f", "error", id="delete"),
    ],
)
def test_fires(text: str, flagged: str, severity: str) -> None:
    (f,) = run_rule("ENC003", text)
    assert text[f.start : f.end] == flagged and str(f.severity) == severity
    assert f.fix is not None and f.fix.replacement == "" and f.fix.safe


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Name\tRole\nBlinken\tSecretary", id="tab-and-newline"),
        pytest.param("Windows line ends\r\nare normalised\r\n", id="crlf"),
        pytest.param("Russia’s demand".encode().decode("latin-1"), id="c1-inside-mojibake-is-ENC001s"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("ENC003", text) == []
