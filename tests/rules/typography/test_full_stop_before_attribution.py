"""TYP003 full-stop-before-attribution."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "TYP003"

FIRES = {
    "curly": ("“It sets out a serious path should Russia choose it.” he said.", "he"),
    "straight": ('"We waited nine hours with no information." one traveller said.', "one"),
    "nested-single": ("“He told me ‘never again.’” she said.", "she"),
}

SILENT = {
    "comma": "“It sets out a serious path,” he said.",
    "question": "“Why did nobody tell us?” asked one passenger.",
    "exclamation": "“Unbelievable!” said another.",
    "abbreviation": "Flights to “the U.S.” and “other places, etc.” were hit.",
    "capital-after": "“It was chaos.” That was how one traveller put it.",
    "ellipsis": "“We will see...” he said.",
}


@pytest.mark.parametrize("text,word", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str) -> None:
    findings = run_rule(CODE, text)
    assert len(findings) == 1
    f = findings[0]
    assert text[f.start : f.end] == "."
    assert f.message.endswith(f"“{word}”")
    assert f.fix is not None and f.fix.replacement == "," and not f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []
