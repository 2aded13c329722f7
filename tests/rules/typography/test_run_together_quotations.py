"""TYP002 run-together-quotations."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "TYP002"

FIRES = {
    "comma-then-quote": (
        "“We are acting with equal focus and force to bolster its defences,” “It remains up to Russia,” he said.",
        "” “",
    ),
    "full-stop-then-quote": (
        "“Three goals in twenty minutes is simply not acceptable here.” “We let the fans down.”",
        "” “",
    ),
    "straight-quotes": (
        '"We did not play well enough in the second half," "The players are hurting."',
        '" "',
    ),
    "no-space": ("“We did not play well enough in the second half,”“The players are hurting.”", "”“"),
}

SILENT = {
    "attribution-between": ("“We did not play well enough in the second half,” he said. “The players are hurting.”"),
    "series-of-terms": "Words like “embarrassing,” “Shambolic,” and “predictable” were used.",
    "short-exchange": "“Sorry.” “Thanks,” replied one fan.",
    "lower-case-second": "“We did not play well enough in the second half,” “and we know it.”",
}


@pytest.mark.parametrize("text,flagged", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str) -> None:
    findings = run_rule(CODE, text)
    assert [text[f.start : f.end] for f in findings] == [flagged]


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_min_words_option() -> None:
    text = "“Sorry, everyone,” “It was my fault,” he said."
    assert run_rule(CODE, text) == []
    assert len(run_rule(CODE, text, options={"min-words": 2})) == 1
