"""MRK006 leaked-markdown."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "MRK006"

FIRES = {
    "link": (
        "Read [the statement](https://example.org/s) now.",
        "[the statement](https://example.org/s)",
        "the statement",
    ),
    "relative-link": ("See [the map](/maps/1).", "[the map](/maps/1)", "the map"),
    "image": ("Port. ![](https://example.org/a.jpg)", "![](https://example.org/a.jpg)", ""),
    "image-with-alt-and-title": ('![The port](/a.jpg "Dawn")', '![The port](/a.jpg "Dawn")', ""),
    "bold": ("**Kyiv:** talks resume", "**Kyiv:**", "Kyiv:"),
    "bold-words": ("carried **33 million tonnes** of grain", "**33 million tonnes**", "33 million tonnes"),
    "heading": ("## Background\n\nText.", "## Background", "Background"),
    "reference-definition": (
        "Text.\n\n[1]: https://example.org/report",
        "[1]: https://example.org/report",
        "",
    ),
}

SILENT = {
    "bullets": "* Exports: 33 million tonnes\n* Ports: Odesa",
    "footnote-asterisk": "Figures marked * are estimates; 5 * 4 = 20.",
    "hashtag-and-rank": "The #1 priority is #grain.",
    "brackets-in-prose": "The statement [in Ukrainian] is online.",
    "scene-break": "The end.\n\n***\n\nNext morning.",
    "python-dunder": "Call __init__ first.",
}


@pytest.mark.parametrize(("text", "flagged", "replacement"), FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str, replacement: str) -> None:
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == flagged
    assert f.fix is not None and f.fix.replacement == replacement and f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_markdown_input_is_not_checked() -> None:
    assert run_rule(CODE, "\\*\\*not bold\\*\\* and \\[x\\](https://e.org)", format="markdown") == []


def test_html_positions() -> None:
    src = "<p>Intro.</p>\n<p>Read [the statement](https://e.org/s).</p>"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 9, 2, 41)
