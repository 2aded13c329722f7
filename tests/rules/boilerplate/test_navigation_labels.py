"""BPL008 navigation-label (phrase list rules/boilerplate/navigation.toml)."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import article

CODE = "BPL008"

FIRES = [
    "Skip to content",
    "Skip to main content",
    "Toggle navigation",
    "Primary Menu",
    "Search for:",
    "Type above and press Enter to search. Press Esc to cancel.",
    "Back to top ↑",
    "You are here:",
]
SILENT = {
    "skip-in-prose": "He told reporters to skip to the main point.",
    "search-in-prose": "The search for survivors went on through the night.",
    "top-in-prose": "Go to the top of the hill and turn left.",
}


@pytest.mark.parametrize("line", FIRES)
def test_fires_anywhere(line: str) -> None:
    text = article(middle=line)
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == line and f.severity.name == "ERROR" and f.fix is not None and f.fix.safe


@pytest.mark.parametrize("line", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(line: str) -> None:
    assert run_rule(CODE, article(middle=line)) == []


def test_html_skip_link_maps_to_source() -> None:
    src = '<a class="skip-link" href="#main">Skip to content</a>\n<h1>Title</h1>\n<p>Text.</p>'
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column, f.end_column) == (1, 35, 50)
