"""TYP006 all-caps-run."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "TYP006"

FIRES = {
    "run-in-sentence": (
        "THE NORTH ATLANTIC TREATY ORGANIZATION, also known as the alliance.",
        "THE NORTH ATLANTIC TREATY ORGANIZATION",
        "warning",
    ),
    "teaser-glued-in": (
        "Its job is health. READ MORE ABOUT HEALTH HERE and subscribe.",
        "READ MORE ABOUT HEALTH HERE",
        "warning",
    ),
    "shouted-line": ("THIS ARTICLE IS FOR INFORMATION ONLY", "THIS ARTICLE IS FOR INFORMATION ONLY", "info"),
    "single-letter-inside": (
        "WHAT A DAY FOR THE TEAM, said the coach.",
        "WHAT A DAY FOR THE TEAM",
        "warning",
    ),
}

SILENT = {
    "acronym": "NATO and the USA met the UK.",
    "acronym-list": "It works with UNICEF, the FAO, the WFP, NASA, ESA and JAXA.",
    "acronyms-in-a-row": "In the US FBI data, cases rose.",
    "short-label": "BREAKING NEWS\n\nUPDATE\n\nThe story.",
    "title-case": "The North Atlantic Treaty Organization was founded in 1949.",
    "acronym-pairs": "US UK EU talks began.",
}


@pytest.mark.parametrize("text,flagged,severity", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str, severity: str) -> None:
    findings = run_rule(CODE, text)
    assert [(text[f.start : f.end], str(f.severity)) for f in findings] == [(flagged, severity)]


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_options() -> None:
    assert run_rule(CODE, "BREAKING NEWS today", options={"min-words": 2}) != []
