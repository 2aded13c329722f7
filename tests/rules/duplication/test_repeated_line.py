"""DUP003 repeated-line."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "DUP003"

HEADLINE = "US Rejects Russian Demand to Block Ukraine from NATO"

FIRES = {
    "caption-twice": (f"Body text here.\n\n{HEADLINE}\n{HEADLINE}\nSource: Web\n\nMore text.", 4, "error"),
    "blank-line-between": (f"{HEADLINE}\n\n{HEADLINE}\n\nThe story starts here today.", 3, "error"),
    "one-line-between": (f"{HEADLINE}\nPhoto: Reuters\n{HEADLINE}\n\nText.", 3, "warning"),
    "case-and-stop-differ": (
        "Markets fall on rate fears again\nMARKETS FALL ON RATE FEARS AGAIN.",
        2,
        "error",
    ),
    "sentence-twice": (
        "The vote is set for Friday. Officials expect the bill to pass easily. "
        "Officials expect the bill to pass easily. Debate starts at noon.",
        1,
        "error",
    ),
}

SILENT = {
    "short-label": "Share\nShare\n\nText follows here.",
    "heading-far-away": f"{HEADLINE}\n\n"
    + "\n\n".join(f"Paragraph number {i} of the body." for i in range(6))
    + f"\n\n{HEADLINE}",
    "chorus": (
        "We sang the old song:\n\nOh the river runs so deep\nOh the river runs so deep\n"
        "And the night is long and cold\nWe will sing until we sleep\n\n"
        "Oh the river runs so deep\nAnd the morning comes for all"
    ),
    "rhetorical-sentence": "Will they come back to us? Will they come back to us? Nobody knows.",
    "exclamation": "We will never give up on this town! We will never give up on this town! Thank you.",
    "different-lines": "Prices rose in March\nPrices fell in April",
    "prose-between": (
        f"{HEADLINE}\n\nThe company on Thursday showed off its latest handset, promising two days.\n\n{HEADLINE}"
    ),
    "whole-paragraph-left-to-dup004": (
        "The council approved the harbour plan late on Tuesday after a long debate.\n\n"
        "The council approved the harbour plan late on Tuesday after a long debate."
    ),
}


@pytest.mark.parametrize("text,line,severity", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, line: int, severity: str) -> None:
    findings = run_rule(CODE, text)
    assert [(f.line, str(f.severity)) for f in findings] == [(line, severity)]


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_fix_deletes_second_line_with_its_break() -> None:
    text = f"{HEADLINE}\n{HEADLINE}\nSource: Web"
    (f,) = run_rule(CODE, text)
    assert f.fix is not None and f.fix.safe
    assert text[: f.fix.start] + f.fix.replacement + text[f.fix.end :] == f"{HEADLINE}\nSource: Web"


def test_metadata_title_repeated_as_heading_is_silent() -> None:
    md = f"---\ntitle: {HEADLINE}\n---\n# {HEADLINE}\n\nThe story starts here.\n"
    html = f"<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1><p>Text.</p></body></html>"
    assert run_rule(CODE, md, format="markdown") == []
    assert run_rule(CODE, html, format="html") == []


def test_heading_twice_in_markdown_body_fires() -> None:
    md = f"# {HEADLINE}\n\n# {HEADLINE}\n\nThe story starts here.\n"
    assert [f.line for f in run_rule(CODE, md, format="markdown")] == [3]


def test_not_a_fix_when_lines_between() -> None:
    (f,) = run_rule(CODE, f"{HEADLINE}\nPhoto: Reuters\n{HEADLINE}\n\nText.")
    assert f.fix is not None and not f.fix.safe
