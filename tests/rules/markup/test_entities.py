"""MRK003 leaked-html-entity."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "MRK003"

FIRES = {
    "numeric-apostrophe": ("it won&#8217;t appeal", "&#8217;", "’"),
    "hex-reference": ("it won&#x2019;t", "&#x2019;", "’"),
    "named-dash": ("3% &ndash; the most", "&ndash;", "–"),
    "double-escaped-ampersand": ("Johnson &amp;amp; Johnson", "&amp;amp;", "&"),
    "double-escaped-numeric": ("May &amp;#8211; in", "&amp;#8211;", "–"),
    "plain-ampersand-entity": ("Johnson &amp; Johnson", "&amp;", "&"),
    "nbsp-between-words": ("awards&nbsp;$2bn", "&nbsp;", " "),
    "nbsp-next-to-space": ("said&nbsp; on", "&nbsp;", ""),
    "nbsp-without-semicolon": ("said &nbsp on", "&nbsp", ""),
    "copyright": ("&copy; 2024 Example News", "&copy;", "©"),
}

SILENT = {
    "ampersand-in-names": "AT&T and R&D budgets; Q&A at 5pm; Tom & Jerry.",
    "unknown-name": "fish&chips; and salt&vinegar;",
    "entity-named-in-a-sentence": "Web editors use the &nbsp; entity to join words.",
    "entity-in-quotes": 'Escape it as "&amp;" in the page.',
    "entity-in-backticks": "Write `&#8217;` for the apostrophe.",
    "decoded-text": "It won’t – Johnson & Johnson.",
}


@pytest.mark.parametrize(("text", "flagged", "replacement"), FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str, replacement: str) -> None:
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == flagged
    assert f.fix is not None and f.fix.replacement == replacement and f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_less_than_is_not_a_safe_fix() -> None:
    [f] = run_rule(CODE, "The page showed &lt;div&gt; twice", options=None)[:1]
    assert f.fix is not None and not f.fix.safe


def test_html_double_escaping_maps_to_source_and_stays_valid_html() -> None:
    src = "<p>A &amp;amp; B said it won&amp;#8217;t.</p>"
    findings = run_rule(CODE, src, format="html")
    assert [src[f.start : f.end] for f in findings] == ["&amp;amp;", "&amp;#8217;"]
    assert [f.fix.replacement for f in findings if f.fix] == ["&amp;", "’"]
    assert (findings[0].line, findings[0].column) == (1, 6)


def test_markdown_double_escaping() -> None:
    src = "# Title\n\nA &amp;nbsp;B"
    [f] = run_rule(CODE, src, format="markdown")
    assert src[f.start : f.end] == "&amp;nbsp;"
    assert (f.line, f.column) == (3, 3)
