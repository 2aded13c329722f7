"""Property checks shared by the test suite (a few examples) and fuzz/run.py (many).

Each check takes generated input and raises AssertionError when copydesk misbehaves:
an exception escaping, a rule failing, a finding outside the file or at a position that
does not match its offsets, a visible-text span that maps to other characters, a run
that is not deterministic, a fix that touches text outside its spans or is not
idempotent.
"""

from __future__ import annotations

from hypothesis import strategies as st

from linter import engine
from linter.api import select_rules
from linter.document import Document

FRAGMENTS = [
    "the",
    "the the",
    "in the coming days",
    " ",
    "  ",
    "\u00a0",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "“",
    "”",
    '"',
    "'",
    "’",
    "‘",
    "(",
    ")",
    "[",
    "]",
    ".",
    ",",
    ":",
    "!",
    "?",
    "—",
    "…",
    "Blinken",
    "Blincoln",
    "NATO",
    "Nato",
    "said",
    "he said.",
    "See also ",
    "Read Also: ",
    "Leave a Reply",
    "%d bloggers like this:",
    "picture explanation,",
    "photo source, Reuters",
    "(local time)",
    "<p>",
    "</p>",
    '<div class="x">',
    "<br>",
    "<script>",
    "</script>",
    "<!-- c -->",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&#x1F600;",
    "&bogus;",
    '<img src="a.jpg" srcset="a.jpg 240w, b.jpg 320w"/>',
    "https://ichef.example.co.uk/news/240/a.jpg.webp 240w, ",
    'type="image/webp"/>',
    "# ",
    "## ",
    "* ",
    "- ",
    "1. ",
    "> ",
    "`",
    "```",
    "**",
    "_",
    "|",
    "---",
    "[link](http://x.y)",
    "![alt](p.png)",
    "<https://a.b>",
    "\\*",
    "😀",
    "𝔘",
    "é",
    "Ã©",
    "â€™",
    "\ufffd",
    "\x00",
    "\x07",
    "Вlinken",
    "사진 설명",
    "copydesk: ignore",
    "<!-- copydesk: off -->",
    "<!-- copydesk: on -->",
    "THE NORTH ATLANTIC",
    "i can't",
    "an unique",
    "feild",
    "remain’s",
    "france",
    "55 0",
    "Newsletter",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=80).map("".join)
long_texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=30, max_size=200
).map("".join)
formats = st.sampled_from(["text", "markdown", "html"])


def check_mapping(source: str, fmt: str) -> None:
    """Visible text maps back inside the source; verbatim characters map to themselves."""
    doc = Document(source, format=fmt)
    n = len(doc.source)
    for i, ch in enumerate(doc.text):
        s, e = doc.span(i, i + 1)
        assert 0 <= s <= e <= n, (i, s, e, n)
        if e - s == 1 and ch not in "\n\ufffc " and doc.source[s] not in "\r\n":
            assert doc.source[s] == ch or fmt != "text", (i, ch, doc.source[s])


def check_findings(source: str, fmt: str, rules: list | None = None) -> list:
    """All default rules run without failing; every finding is inside and self-consistent."""
    doc = Document(source, format=fmt)
    active = rules if rules is not None else select_rules(None)
    result = engine.lint(doc, active, {}, {}, None)
    assert not result.problems, result.problems
    n = len(doc.source)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= n, f
        assert (f.line, f.column) == doc.position(f.start), f
        assert (f.end_line, f.end_column) == doc.position(f.end), f
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= n, f
    again = engine.lint(Document(source, format=fmt), active, {}, {}, None)
    assert [x.sort_key() for x in again.findings] == [x.sort_key() for x in result.findings]
    return result.findings
