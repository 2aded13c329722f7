"""The document model: visible text and exact positions back in the source."""

from __future__ import annotations

import re

import pytest

from linter.document import PLACEHOLDER, Document
from linter.runner import decode


def words_map_back(doc: Document) -> None:
    """Every word of the visible text maps to the same characters in the source."""
    for m in re.finditer(r"[^\W_]+", doc.text):
        s, e = doc.span(m.start(), m.end())
        assert doc.source[s:e] == m.group(), (m.group(), doc.source[s:e])


def test_plain_text_is_its_own_visible_text() -> None:
    doc = Document("Hello world.\n\nSecond paragraph.\n", path="a.txt")
    assert doc.format == "text"
    assert doc.text == doc.source
    assert [p.text for p in doc.paragraphs] == ["Hello world.", "Second paragraph."]


@pytest.mark.parametrize(
    ("source", "needle", "line", "column"),
    [
        pytest.param("ab\r\ncd\r\nxyz", "xyz", 3, 1, id="crlf"),
        pytest.param("ab\rcd\rxyz", "xyz", 3, 1, id="lone-cr"),
        pytest.param("\tab xyz", "xyz", 1, 5, id="tab-is-one-column"),
        pytest.param("😀😀 xyz", "xyz", 1, 4, id="astral-emoji-one-code-point-each"),
        pytest.param("𝔘𝔫𝔦 \r\n 😀 xyz", "xyz", 2, 4, id="astral-and-crlf"),
    ],
)
def test_positions_in_code_points(source: str, needle: str, line: int, column: int) -> None:
    doc = Document(source, path="a.txt")
    start = doc.text.index(needle)
    s, e = doc.span(start, start + len(needle))
    assert doc.source[s:e] == needle
    assert doc.position(s) == (line, column)
    assert doc.position(e) == (line, column + len(needle))


def test_crlf_visible_text_has_lf_only() -> None:
    doc = Document("one\r\ntwo\r\n", path="a.txt")
    assert doc.text == "one\ntwo\n"
    assert [line.text for line in doc.lines[:2]] == ["one", "two"]


def test_bom_is_not_part_of_the_source() -> None:
    text, encoding = decode("\ufeffHello".encode())
    assert (text, encoding) == ("Hello", "utf-8")
    assert Document(text).position(0) == (1, 1)


MARKDOWN = """---
title: "A headline with the the error"
date: 2021-01-02
tags: [a, b]
---
# Heading &amp; more

Some *emphasis* and `inline code` and a [link text](http://example.com/x).
Second line with an ![image](pic.png) and <https://example.org>.

```python
code = "not prose"
```

> A quoted
> paragraph.

| cell one | cell two |
|----------|----------|
| three    | four     |
"""


def test_markdown_visible_text() -> None:
    doc = Document(MARKDOWN, path="a.md")
    assert doc.format == "markdown"
    text = doc.text
    assert "A headline with the the error" in text  # front-matter prose field
    assert "2021" not in text and "tags" not in text  # other front matter is data
    assert "Heading & more" in text
    assert "inline code" not in text and PLACEHOLDER in text
    assert "link text" in text and "example.com" not in text
    assert "not prose" not in text
    assert "A quoted\nparagraph." in text
    assert "cell one" in text and "four" in text
    words_map_back(doc)


def test_markdown_positions_of_inline_text() -> None:
    doc = Document(MARKDOWN, path="a.md")
    start = doc.text.index("link text")
    s, _ = doc.span(start, start + 9)
    assert doc.position(s) == (8, 42)
    start = doc.text.index("&")
    s, e = doc.span(start, start + 1)
    assert doc.source[s:e] == "&amp;"  # an entity maps to its whole source


def test_markdown_with_crlf_maps_through_both_maps() -> None:
    doc = Document(MARKDOWN.replace("\n", "\r\n"), path="a.md")
    words_map_back(doc)
    start = doc.text.index("paragraph")
    assert doc.position(doc.span(start, start + 9)[0]) == (16, 3)


HTML = """<!doctype html>
<html><head><title>Page  title</title>
<style>p { color: red }</style><script>var prose = "no";</script></head>
<body>
<p>First &amp; foremost, the
   text&#8217;s <b>bold</b> part <code>x = 1</code>.</p>
<pre>preformatted code</pre>
<div>Line one<br>Line two</div>
</body></html>
"""


def test_html_visible_text() -> None:
    doc = Document(HTML, path="a.html")
    text = doc.text
    assert "Page title" in text  # white space collapsed as a browser does
    assert "color" not in text and "prose" not in text and "preformatted" not in text
    assert "First & foremost, the text’s bold part " + PLACEHOLDER + "." in text
    assert "Line one\nLine two" in text
    words_map_back(doc)


def test_html_positions() -> None:
    doc = Document(HTML, path="a.html")
    start = doc.text.index("foremost")
    s, _ = doc.span(start, start + 8)
    assert doc.position(s) == (5, 16)
    start = doc.text.index("’")
    s, e = doc.span(start, start + 1)
    assert doc.source[s:e] == "&#8217;"


def test_unclosed_and_nested_html_does_not_break() -> None:
    doc = Document("<div><p>open <b>never <i>closed" + "<div>" * 500 + "deep text", path="a.htm")
    assert "open never closed" in doc.text and "deep text" in doc.text
    words_map_back(doc)


def test_views_have_offsets_into_text() -> None:
    doc = Document("First sentence here. Second one follows! Third?\n\nNew para.", path="a.txt")
    assert [s.text for s in doc.sentences] == [
        "First sentence here.",
        "Second one follows!",
        "Third?",
        "New para.",
    ]
    for view in (doc.sentences, doc.words, doc.paragraphs, doc.lines):
        for span in view:
            assert doc.text[span.start : span.end] == span.text


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        Document("x", format="docx")


def test_paragraph_index() -> None:
    doc = Document("One.\n\nTwo two.\n\nThree.", path="a.txt")
    assert [doc.paragraph_index(doc.text.index(w)) for w in ("One", "Two", "two.", "Three")] == [0, 1, 1, 2]
    assert doc.paragraph_index(0) == 0 and doc.paragraph_index(len(doc.text)) == 2


def test_html_with_an_unknown_marked_section() -> None:
    """html.parser raises on ``<![alt ...``; the document is still read, offsets intact."""
    doc = Document("<p>One <![alt x]> two &amp; three</p>", path="a.html")
    assert "One" in doc.text and "two & three" in doc.text
    start = doc.text.index("three")
    s, e = doc.span(start, start + 5)
    assert doc.source[s:e] == "three"


def test_lowered_is_the_lowercased_visible_text_for_trigger_tests() -> None:
    doc = Document("<p>Read MORE: <b>SrcSet</b></p>", path="a.html")
    assert doc.lowered == doc.text.lower()
    assert "srcset" in doc.lowered and "<b>" not in doc.lowered
