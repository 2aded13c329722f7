"""BPL006 navigation-word."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import apply_fixes, article

CODE = "BPL006"

LABELS = ["Newsletter", "Menu", "Search", "Sign in", "Subscribe", "Home", "Log in", "Live TV"]
BARS = {
    "spaces": "World Politics Business Sport Menu",
    "bars": "News | Sport | Weather | Business",
    "bullets": "Opinion • Sport • Culture • Newsletter",
}


@pytest.mark.parametrize("line", LABELS)
def test_label_above_the_body_fires(line: str) -> None:
    text = article(top=line)
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == line and f.fix is not None and f.fix.safe


@pytest.mark.parametrize("line", LABELS)
def test_label_below_the_body_fires(line: str) -> None:
    text = article(bottom=line)
    assert [text[f.start : f.end] for f in run_rule(CODE, text)] == [line]


@pytest.mark.parametrize("line", BARS.values(), ids=BARS.keys())
def test_menu_row_fires(line: str) -> None:
    text = article(bottom=line)
    assert [text[f.start : f.end] for f in run_rule(CODE, text)] == [line]


@pytest.mark.parametrize("line", LABELS)
def test_same_word_as_a_heading_inside_the_article_stays_silent(line: str) -> None:
    assert run_rule(CODE, article(middle=line)) == []


SILENT = {
    "lowercase-topics": "world politics economy",
    "home-trail-is-bpl005": "Home News World",
    "headline": "Ukraine Crisis: US Rejects Demand",
    "two-words": "World Sport",
}


@pytest.mark.parametrize("line", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(line: str) -> None:
    assert run_rule(CODE, article(top=line)) == []


def test_stacked_header_labels_are_all_deleted() -> None:
    text = "Newsletter\nMenu\nSign in\n\n" + article()
    findings = run_rule(CODE, text)
    assert [(f.line, f.column) for f in findings] == [(1, 1), (2, 1), (3, 1)]
    assert apply_fixes(text, findings) == article()


def test_markdown_positions() -> None:
    src = "Newsletter\n\n# Title\n\n" + article()
    [f] = run_rule(CODE, src, format="markdown")
    assert (f.line, f.column, f.end_column) == (1, 1, 11)


def test_press_release_contact_heading_stays_silent() -> None:
    text = article(bottom="Contact:\nJane Doe\npress@acme.example") + "\nAbout\n"
    assert run_rule(CODE, text) == []
