"""Helpers shared by the duplication rules (no rules here).

Comparing copies: two pieces of text are the same copy when they are equal after
case-folding and collapsing white space (``normalize``). Deciding what may repeat:
verse (a stanza's refrain), metadata titles that a page body repeats as its heading.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from linter.document import Document, Span
from rules.encoding.views import unusual_chars, word_texts

_PATTERNS = {
    "letter": r"[^\W\d_]",
    "letters": r"[^\W\d_]+",
    "wordish": r"[^\W_]+(?:['’\-][^\W_]+)*",
    "sentence_punct": r"[.!?…:;][\"'”’)\]]*$",
}
#: how far back a rule may look for the paragraph around a position (keeps scans bounded)
LOOKBACK = 2000
DATA = Path(__file__).parent / "data"


@cache
def _rx(name: str) -> Any:
    """Patterns compile on first use, not at start-up."""
    return re.compile(_PATTERNS[name])


_FOLDED = __name__ + ".folded"


def folded_words(doc: Document) -> list[str]:
    """The texts of ``doc.words``, case-folded; computed once per document (C loops)."""
    folded = doc.cache.get(_FOLDED)
    if folded is None:
        folded = doc.cache[_FOLDED] = list(map(str.casefold, word_texts(doc)))
    return folded


def normalize(text: str) -> str:
    """Case-folded text with white space collapsed: what 'the same copy' compares."""
    # str.split() splits on exactly the white space of [\s\u00a0\u2000-\u200b\u202f\u205f\u3000] but U+200B
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    return " ".join(text.split()).casefold()


#: character -> -1 for white space, else how much longer its case-folding is (memo)
_KIND: dict[str, int] = {}


def _shape(doc: Document) -> tuple[str, tuple[tuple[str, int], ...]]:
    """What ``key_lengths`` needs to know about a document, computed once: the white
    space it has besides spaces and line feeds, and the characters whose case-folding is
    longer than themselves (ß -> ss) with the extra length."""
    shape = doc.cache.get(__name__)
    if shape is None:
        spaces, weights = "", []
        for c in unusual_chars(doc):
            kind = _KIND.get(c)
            if kind is None:
                kind = _KIND[c] = -1 if c.isspace() or c == "\u200b" else len(c.casefold()) - 1
            if kind < 0:
                spaces += c
            elif kind:
                weights.append((c, kind))
        shape = doc.cache[__name__] = (spaces, tuple(weights))
    return shape


def key_lengths(doc: Document, texts: list[str], trailing: str = "", lines: bool = False) -> list[int]:
    """For each text (a piece of ``doc.text``), a number that depends only on its key.

    The key is ``normalize(text).rstrip(trailing)``, and the number is its length
    without spaces: white space does not count, and a character counts as long as its
    case-folding. Texts with equal keys get equal numbers, so texts whose numbers differ
    need no key: computing keys is left for the few texts that share a number. A few C
    calls per text, none per character. ``lines``: the texts hold no line feed.
    """
    spaces, weights = _shape(doc)
    if trailing:
        strip = trailing + " \n" + spaces
        texts = [t.rstrip(strip) for t in texts]
    if lines:
        out = [len(t) - t.count(" ") for t in texts]
    else:
        out = [len(t) - t.count(" ") - t.count("\n") for t in texts]
    if spaces or weights:
        for i, t in enumerate(texts):
            n = out[i]
            for c in spaces:
                n -= t.count(c)
            for c, extra in weights:
                n += extra * t.count(c)
            out[i] = n
    return out


#: texts up to this long are counted in one C call; longer ones stop counting at ``cap``
_SHORT = 20_000


def word_count(text: str, cap: int = 1000) -> int:
    """Words in ``text``, counted up to ``cap`` (callers only compare with small numbers)."""
    if len(text) <= _SHORT:
        return min(cap, len(_rx("wordish").findall(text)))
    return sum(1 for _ in islice(_rx("wordish").finditer(text), cap))


def letter_count(text: str, cap: int = 1000) -> int:
    """Letters in ``text``, counted up to ``cap``."""
    if len(text) <= _SHORT:
        return min(cap, sum(map(len, _rx("letters").findall(text))))
    return sum(1 for _ in islice(_rx("letter").finditer(text), cap))


def ends_like_sentence(text: str) -> bool:
    return bool(_rx("sentence_punct").search(text.rstrip()))


def line_count(span: Span) -> int:
    return span.text.count("\n") + 1


def is_verse_block(paragraphs: list[Span], index: int) -> bool:
    """Does paragraph ``index`` look like a stanza (poem, lyrics) rather than prose?

    A stanza has several short lines; a stanza of two or three lines counts only when a
    neighbouring block is a multi-line block of short lines too.
    """

    def short_lines(p: Span, minimum: int) -> bool:
        lines = [x for x in p.text.split("\n") if x.strip()]
        if len(lines) < minimum:
            return False
        return sum(len(x) <= 70 for x in lines) * 4 >= len(lines) * 3

    para = paragraphs[index]
    if short_lines(para, 4):
        return True
    if not short_lines(para, 2):
        return False
    neighbours = paragraphs[max(0, index - 1) : index] + paragraphs[index + 1 : index + 2]
    return any(short_lines(p, 2) for p in neighbours)


def is_metadata_title(doc: Document, span: Span) -> bool:
    """Is this block a page's metadata title (front-matter ``title:``, HTML ``<title>``)?

    A Markdown body that opens with ``# Same title`` under a front-matter title, or an
    HTML page whose ``<h1>`` repeats its ``<title>``, shows the title once to a reader:
    the copies are metadata plus heading, not a duplicate.
    """
    if doc.format == "text":
        return False
    src_start, _ = doc.span(span.start, span.end)
    if doc.format == "markdown":
        from linter.markup import front_matter_end

        return src_start < front_matter_end(doc.source)
    before = doc.source[max(0, src_start - LOOKBACK) : src_start].lower()
    return before.rfind("<title") > before.rfind("</title")


def inside_quotation(text: str, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier in its paragraph (bounded look-back)?"""
    start = max(0, pos - LOOKBACK)
    para_start = text.rfind("\n\n", start, pos)
    chunk = text[para_start + 1 if para_start >= 0 else start : pos]
    curly = chunk.count("“") - chunk.count("”")
    return curly > 0 or chunk.count('"') % 2 == 1


def deletion_span(doc: Document, prev_end: int, start: int, end: int) -> tuple[int, int]:
    """The span whose deletion removes ``[start, end)`` and the white space before it.

    ``prev_end`` is the end of the text kept before it. In Markdown and HTML a span that
    crosses a block break would also delete markup, so only the span itself goes there.
    """
    between = doc.text[prev_end:start]
    if doc.format == "text" or "\n\n" not in between:
        return prev_end, end
    return start, end


@cache
def load_data(name: str) -> dict[str, Any]:
    """A TOML data file from ``rules/duplication/data/``."""
    import tomllib

    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))
