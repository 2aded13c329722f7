"""TYP001 unbalanced-quotation."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "TYP001"

# text, the flagged text, severity
FIRES = {
    "closing-mark-opens-paragraph": (
        "Lavrov said, “You know, I quit a long time ago.\n\n” Separately, officials met.",
        "”",
        "error",
    ),
    "opening-typed-for-closing": (
        "He said it “totally reinforces ours and vice versa. “The US document will not be public.",
        "“",
        "warning",
    ),
    "truncated-fragment": (
        "“There is no question how serious we are,” Blincoln said. acting,” he said.",
        "acting,”",
        "error",
    ),
    "stray-closing-mid-paragraph": (
        "The cuts take effect in April.” Parliament votes next week.",
        "”",
        "warning",
    ),
    "partial-quote-never-closed": (
        'The minister said the country had "no other choice. She left.\n\n“We will see,” he said.',
        '"',
        "warning",
    ),
    "unclosed-at-document-end": ("He replied: “We will never accept this.", "“", "warning"),
    "run-over-without-reopening": (
        "“We did not arrive at these numbers lightly.\n\nWe asked the hard questions,” she said.",
        "”",
        "info",
    ),
    "straight-quotes": ('He said "no" and then "never.', '"', "warning"),
}

SILENT = {
    "balanced": "“We are ready,” he said. “Either way.”",
    "apostrophes": "Russia’s demand, the ’90s, rock ’n’ roll and the countries’ views.",
    "nested-single": "“My father said, ‘Don’t go down there,’ ” she said.",
    "british-single-outer": "The report called it ‘a “reset” of relations’.",
    "multi-paragraph-convention": (
        "“We did not arrive at these numbers lightly.\n\n“We asked the hard questions.\n\n“And we got answers.”"
    ),
    "straight-multi-paragraph": '"First paragraph of the quote.\n\n"Second one, closed."',
    "inch-marks": 'A 27" screen and a 12” pipe, "cheap" at 19" each.',
    "inch-inside-quotation": '"We paid less than for the old 19" ones," she said.',
    "markup-attributes": 'photo.jpg 800w" type="image/webp"/> and more',
    "question-then-attribution": "“Why?” he asked.",
}


@pytest.mark.parametrize("text,flagged,severity", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str, severity: str) -> None:
    findings = run_rule(CODE, text)
    assert [(text[f.start : f.end], str(f.severity)) for f in findings] == [(flagged, severity)]


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_long_single_line_is_fast() -> None:
    import time

    text = "“Yes,” he said. " * 300_000 + "“open"
    start = time.perf_counter()
    findings = run_rule(CODE, text)
    assert time.perf_counter() - start < 10
    assert len(findings) == 1
