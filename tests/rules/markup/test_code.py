"""MRK004 leaked-code."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "MRK004"

FIRES = {
    "adsense-push-line": (
        "Text.\n\n(adsbygoogle = window.adsbygoogle || []).push({});\n\nMore.",
        "(adsbygoogle = window.adsbygoogle || []).push({});",
    ),
    "analytics-line": (
        "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
        "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
    ),
    "gpt-line": (
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
    ),
    "css-line": (
        ".wp-caption{display:none} .entry p{margin:0}",
        ".wp-caption{display:none} .entry p{margin:0}",
    ),
    "css-glued-to-prose": (
        "The minister said on Monday that talks would go on.wp-caption{display:none} as planned.",
        ".wp-caption{display:none}",
    ),
    "media-query-line": ("@media screen and (max-width:600px){.nav{display:none}}", None),
    "template-tag-in-prose": (
        "Analysts at the bank expect prices to stay high {{ author.name }} until July.",
        "{{ author.name }}",
    ),
    "jinja-block-line": ("{% if user %}", "{% if user %}"),
    "jquery-line": ("jQuery(document).ready(function($){ $('.x').hide(); });", None),
}

SILENT = {
    "braces-in-prose": "The two parties still disagreed on {tax credits} and pensions.",
    "let-in-prose": "Let it be known that the vote = a mandate, he said.",
    "function-word": "The function of the committee is to review spending.",
    "tech-article-js": (
        "In JavaScript you declare a function with function greet() { return 1; } and call it. "
        "A variable declared with const is fixed. Code like this runs in the browser."
    ),
    "tech-article-css": (
        "To hide an element with CSS, use the rule .hidden{display:none} in the stylesheet. "
        "Selectors pick elements; properties style them; the syntax is simple."
    ),
    "window-in-prose": "He looked out of the window. The document was signed.",
}


@pytest.mark.parametrize(("text", "flagged"), FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str | None) -> None:
    [f] = run_rule(CODE, text)
    assert f.severity.name == "WARNING"
    if flagged is not None:
        assert text[f.start : f.end] == flagged


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_code_line_fix_deletes_the_line() -> None:
    text = "Intro.\n\n(adsbygoogle = window.adsbygoogle || []).push({});\n\nMore."
    [f] = run_rule(CODE, text)
    assert f.fix is not None and f.fix.safe
    assert text[: f.fix.start] + text[f.fix.end :] == "Intro.\n\nMore."


def test_js_in_a_sentence_gets_no_fix() -> None:
    [f] = run_rule(CODE, "The page then said var x = 5; and the talks ended at noon.")
    assert f.fix is None


def test_ad_snippet_is_flagged_even_in_a_tech_article() -> None:
    text = (
        "This JavaScript tutorial shows a function and a variable.\n\n"
        "(adsbygoogle = window.adsbygoogle || []).push({});"
    )
    assert len(run_rule(CODE, text)) == 1


def test_html_escaped_script_text_maps_to_source() -> None:
    src = "<p>Prices rose.</p>\n<p>(adsbygoogle = window.adsbygoogle || []).push({});</p>"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column) == (2, 4)
