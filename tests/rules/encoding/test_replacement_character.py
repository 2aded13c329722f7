"""ENC002 replacement-character."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule


@pytest.mark.parametrize(
    ("text", "flagged", "severity"),
    [
        pytest.param("Russia\ufffds demand", "\ufffd", "error", id="fffd"),
        pytest.param("eight hours \ufffd\ufffd\ufffd the longest", "\ufffd\ufffd\ufffd", "error", id="fffd-run"),
        pytest.param("Russia?s demand", "?", "warning", id="possessive"),
        pytest.param("We don?t know", "?", "warning", id="negation"),
        pytest.param("They?re ready and we?ll see", "?", "warning", id="contraction"),
    ],
)
def test_fires(text: str, flagged: str, severity: str) -> None:
    found = run_rule("ENC002", text)
    assert text[found[0].start : found[0].end] == flagged and str(found[0].severity) == severity


def test_apostrophe_style_follows_the_document() -> None:
    (f,) = run_rule("ENC002", "It's true that Russia?s demand isn't new.")
    assert f.suggestion == "'"
    (f,) = run_rule("ENC002", "It’s true that Russia?s demand")
    assert f.suggestion == "’"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("What next? Nobody knows.", id="question"),
        pytest.param("See https://example.org/news.php?s=12&t=3 today.", id="url-query"),
        pytest.param("Watch https://youtu.be/abc?t=40s now.", id="url-time"),
        pytest.param("Is a deal possible?Some think so.", id="missing-space-after-question"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("ENC002", text) == []
