"""BPL004 engagement-counter."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import apply_fixes, article

CODE = "BPL004"

FIRES_AT_TOP = {
    "share-and-comment-counts": "55 0",
    "single-count": "12",
    "barred-counts": "3 | 4",
    "labelled-shares": "12 Shares",
    "labelled-row": "12 Shares · 3 Comments · 1.2K Views",
    "reading-time": "5 min read",
    "label-first": "Likes: 40",
}

FIRES_ANYWHERE = {
    "labelled-shares": "12 Shares",
    "labelled-row": "1,234 views · 12 comments",
    "reading-time": "3 minute read",
    "arabic-indic-digits": "١٢ Shares",
}

SILENT_AT_TOP = {
    "year": "2021",
    "long-figure": "100000",
    "comments-only-is-bpl001": "0 Comments",
    "score-line": "City 3 Rovers 1",
    "many-numbers": "1 2 3 4 5 6 7 8",
    "a-symbol-after-the-count": "12 Shares ✓",
}


@pytest.mark.parametrize("line", FIRES_AT_TOP.values(), ids=FIRES_AT_TOP.keys())
def test_fires_above_the_body(line: str) -> None:
    text = article(top=line)
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == line
    assert f.fix is not None and f.fix.safe


@pytest.mark.parametrize("line", FIRES_ANYWHERE.values(), ids=FIRES_ANYWHERE.keys())
def test_labelled_counter_fires_inside_the_body(line: str) -> None:
    text = article(middle=line)
    assert [text[f.start : f.end] for f in run_rule(CODE, text)] == [line]


@pytest.mark.parametrize("line", SILENT_AT_TOP.values(), ids=SILENT_AT_TOP.keys())
def test_stays_silent(line: str) -> None:
    assert run_rule(CODE, article(top=line)) == []


def test_bare_numbers_inside_the_body_stay_silent() -> None:
    assert run_rule(CODE, article(middle="55 0")) == []


def test_counter_under_headline_is_flagged_and_fixed() -> None:
    text = "Ukraine Crisis: US Rejects Demand\n\n55 0\n\n" + article()
    [f] = run_rule(CODE, text)
    assert (f.line, f.column, f.end_column) == (3, 1, 5)
    assert apply_fixes(text, [f]) == "Ukraine Crisis: US Rejects Demand\n\n" + article()


def test_markdown_counter_under_the_title_maps_to_source() -> None:
    src = "# Ukraine Crisis: US Rejects Demand\n\n**55** 0\n\n" + article()
    [f] = run_rule(CODE, src, format="markdown")
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 3, 3, 9)
