"""The shortcuts that make the off-topic rules fast never change what they report: each
rule runs with its shortcuts and with them forced open, and the findings match."""

from __future__ import annotations

import pytest

import rules.offtopic.teasers as teasers
import rules.offtopic.topic as topic
from tests.helpers import FIXTURES, run_rule

FIXTURE_TEXTS = [
    p.read_text(encoding="utf-8") for code in ("OFT001", "OFT002") for p in (FIXTURES / code).glob("*.txt")
]


@pytest.mark.parametrize("index", range(len(FIXTURE_TEXTS)))
@pytest.mark.parametrize("code", ["OFT001", "OFT002"])
def test_shortcut_reports_what_the_full_check_reports(code: str, index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = FIXTURE_TEXTS[index]
    fast = run_rule(code, text)
    monkeypatch.setattr(teasers, "_line_starts_pattern", lambda: None)  # the line pattern everywhere
    monkeypatch.setattr(topic, "_case_safe", lambda c: False)  # terms counted on each unit's text
    monkeypatch.setattr(topic.TfIdf, "all_matched", lambda self, units, limit: False)  # always weigh
    assert run_rule(code, text) == fast
