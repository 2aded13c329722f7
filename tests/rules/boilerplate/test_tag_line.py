"""BPL007 tag-line-leftover."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import ARTICLE, apply_fixes

CODE = "BPL007"

FIRES = {
    "topic": ("ukraine crisis", "Ukraine Crisis: US Rejects Russian Demand"),
    "one-word": ("brexit", "Brexit: Talks Resume in Brussels"),
    "hyphenated": ("covid-19", "Covid-19 cases fall for a third week"),
}

SILENT = {
    "capitalised-kicker": ("World", "World leaders meet in Geneva"),
    "not-repeated": ("by the editors", "Ukraine Crisis: US Rejects Russian Demand"),
    "sentence": ("ukraine crisis.", "Ukraine Crisis: US Rejects Russian Demand"),
    "too-long": ("the crisis in ukraine and the west", "The crisis in Ukraine and the West: a timeline"),
    "headline-equals-tag": ("ukraine crisis", "Ukraine crisis"),
}


@pytest.mark.parametrize(("tag", "headline"), FIRES.values(), ids=FIRES.keys())
def test_fires(tag: str, headline: str) -> None:
    text = f"{tag}\n\n{headline}\n\n{ARTICLE}\n"
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == tag
    assert apply_fixes(text, [f]) == f"{headline}\n\n{ARTICLE}\n"


@pytest.mark.parametrize(("tag", "headline"), SILENT.values(), ids=SILENT.keys())
def test_stays_silent(tag: str, headline: str) -> None:
    assert run_rule(CODE, f"{tag}\n\n{headline}\n\n{ARTICLE}\n") == []


def test_only_the_first_line_counts() -> None:
    text = f"Ukraine Crisis: US Rejects Demand\n\n{ARTICLE}\n\nukraine crisis\n\nUkraine crisis deepens\n"
    assert run_rule(CODE, text) == []


def test_markdown_front_matter_title_counts_as_the_headline() -> None:
    src = f"---\ntitle: Ukraine Crisis Deepens\n---\n\nukraine crisis\n\n{ARTICLE}\n"
    # the title comes first in the visible text, so the tag is no longer the first line
    assert run_rule(CODE, src, format="markdown") == []


def test_html_tag_line_maps_to_source() -> None:
    src = f"<p class='kicker'>ukraine crisis</p>\n<h1>Ukraine Crisis: US Rejects Demand</h1>\n<p>{ARTICLE}</p>"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column, f.end_column) == (1, 19, 33)
