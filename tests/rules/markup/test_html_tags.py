"""MRK002 leaked-html-tag."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "MRK002"

FIRES = {
    "cut-tag-tail": ('.jpg 800w" type="image/webp"/>', 'type="image/webp"/>'),
    "closing-tag-glued": ("The plan was approved.</p>", "</p>"),
    "tag-with-attributes": ('Read <a href="https://x.org">more here', '<a href="https://x.org">'),
    "tag-cut-before-bracket": ('<img src="/a.jpg" alt="A river"\nText', '<img src="/a.jpg" alt="A river"'),
    "wordpress-class": ('Walls 1.2 m high class="wp-image-4412" and faced', 'class="wp-image-4412"'),
    "data-attribute": ('Photo data-src="/img/a.jpg" of the port', 'data-src="/img/a.jpg"'),
    "gutenberg-comment": ("<!-- wp:paragraph -->\nText.", "<!-- wp:paragraph -->"),
    "run-of-bare-tags": ("</div></div>", "</div></div>"),
    "bare-tag-alone-on-line": ("Text.\n<br>\nMore.", "<br>"),
    "br-between-words": ("welcomed it.<br/>Some said", "<br/>"),
    "amp-tag": ('<amp-img src="a.jpg" width="300"></amp-img>', '<amp-img src="a.jpg" width="300"></amp-img>'),
    "cdata": ("//<![CDATA[", "<![CDATA["),
}

SILENT = {
    "tag-named-as-element": "Wrap the content in a <div> element and close it.",
    "tag-in-quotes": 'Type "<br>" to break the line.',
    "tag-in-backticks": "Type `<p>` first.",
    "example-with-attributes": 'The tag is written <img src="cat.jpg" alt="A cat"> in the page.',
    "comparison": "Inflation fell to <3% and x > y held.",
    "unknown-tag-name": "The type List<String> holds names.",
    "name-attribute-in-prose": 'He signed name="Bob" on the form.',
    "generics-like": "a <b and c> d",
    "comparison-glued": "if a<b and c>d then stop",
    "class-attribute-explained": 'The class="x" attribute names a style.',
}


@pytest.mark.parametrize(("text", "flagged"), FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str) -> None:
    findings = run_rule(CODE, text)
    assert [text[f.start : f.end] for f in findings] == [flagged]
    assert findings[0].fix is not None and findings[0].fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_bare_glued_tag_is_a_warning_and_attribute_tag_an_error() -> None:
    [bare] = run_rule(CODE, "approved.</p> Then")
    [full] = run_rule(CODE, 'Then <p class="x"> more')
    assert bare.severity.name == "WARNING" and full.severity.name == "ERROR"


def test_fix_leaves_a_space_between_words() -> None:
    text = "welcomed it<br/>Some said"
    [f] = run_rule(CODE, text)
    assert f.fix is not None and f.fix.replacement == " "


def test_cut_fragment_fix_takes_the_space_before() -> None:
    text = 'a.jpg 800w" type="image/webp"/> Talks'
    [f] = run_rule(CODE, text)
    assert f.fix is not None and text[f.fix.start : f.fix.end] == ' type="image/webp"/>'


def test_escaped_markup_in_html_maps_to_source() -> None:
    src = '<p>Approved.&lt;/p&gt;&lt;p class="x"&gt;Next</p>'
    [f] = run_rule(CODE, src, format="html")
    assert src[f.start : f.end] == '&lt;/p&gt;&lt;p class="x"&gt;'
    assert (f.line, f.column) == (1, 13)


def test_real_markup_in_html_is_not_text() -> None:
    assert run_rule(CODE, '<p class="lead">Approved.</p><img src="a.jpg" alt="x">', format="html") == []
