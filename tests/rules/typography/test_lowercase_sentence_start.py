"""TYP005 lowercase-sentence-start."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "TYP005"

PREV = "The talks ended on Friday in Geneva.\n\n"

FIRES = {
    "after-full-stop": ("The talks ended on Friday. officials said they would resume.", "officials"),
    "paragraph-start": (PREV + "officials said they would resume the talks in March next year.", "officials"),
    "after-quote-paragraph": (
        "“We are done,” he said.\n\nthe minister left the building without speaking to reporters.",
        "the",
    ),
}

SILENT = {
    "abbreviation-with-stops": "Troops from the U.S. arrived. They met U.S. officials.",
    "listed-abbreviation": "Bring water, hats, etc. and sunscreen.",
    "initial": "A report by J. smith-Jones was cited.",
    "title-abbreviation": "Dr. and Mrs. smith attended.",
    "question-mark": "Why? because nobody asked.",
    "exclamation-brand": "Yahoo! reported record traffic.",
    "camel-case": "Sales rose. iPhone owners were pleased.",
    "web-address": "See example. com/heat? No: see example.com/heat or help@example.org.",
    "short-heading": PREV + "secret meeting\n\nThe text goes on here.",
    "after-colon": "What to bring:\n\nwater and a hat, in case the centre runs out of supplies today.",
    "truncated-quotation-left-to-typ001": "“There is no question,” Blincoln said. acting,” he said.",
    "ellipsis": "He paused... then went on.",
    "numbered": "Step 1. mix the flour.",
}


@pytest.mark.parametrize("text,word", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str) -> None:
    findings = run_rule(CODE, text)
    assert [text[f.start : f.end] for f in findings] == [word]
    assert findings[0].suggestion == word[0].upper() + word[1:]


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_markdown_list_item_is_silent() -> None:
    md = "The steps are simple.\n\n- mix the flour with the water and the salt until it is smooth.\n"
    assert run_rule(CODE, md, format="markdown") == []
