"""Which words of a document are prose a spelling rule may judge.

Skipped: anything inside a URL, a file name, an e-mail address, a hashtag, a path or markup
leftover (the whole white-space-delimited chunk), words with digits, and the house
vocabulary's accepted terms. Capitalised words are names: spelling rules leave them to the
``name`` rules.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from functools import cache
from itertools import compress
from operator import itemgetter
from typing import Any

import regex

from linter.document import _SENTENCE_END as SENTENCE_END  # the engine's sentence splitter
from linter.document import _WORD as WORD  # the engine's word tokens (doc.words)
from linter.document import Span


@cache
def _code_mark() -> Any:
    """A mark of a chunk that is not prose: URL, domain or file name, e-mail, hashtag, path,
    markup (compiled when first needed, like every pattern here)."""
    return regex.compile(r"://|www\.|[@#/\\=_<>{}|~^\[\]&]|\.\p{Ll}{2,}\b|\p{L}\.\p{L}{2,}", regex.V1)


_SENTENCE_END = ".!?:;…"


def code_chunks(text: str) -> list[tuple[int, int]]:
    """White-space-delimited chunks holding a URL, path, address or markup mark, in order."""
    out: list[tuple[int, int]] = []
    for m in _code_mark().finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        start, end = m.start(), m.end()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        out.append((start, end))
    return out


class CodeChunks:
    """The code chunks of a text, to ask whether an offset lies inside one.

    A mark never holds white space, so a code chunk is exactly a white-space-delimited run
    that holds a mark: each question looks at its own run only (the text is never scanned
    whole; a run's answer is kept).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: dict[int, bool] = {}  # run end -> holds a mark
        self._last = (0, 0, False)  # the last run asked about: start, end, holds a mark

    def contains(self, pos: int) -> bool:
        start, end, found = self._last
        if start <= pos < end:
            return found  # words are asked about in text order: often in the same run (a URL)
        text = self.text
        if not 0 <= pos < len(text) or text[pos].isspace():
            return False
        end = _run_end(text, pos)  # a run is known by its end too
        start = pos
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        cached = self._runs.get(end)
        if cached is None:
            found = _mark_char().search(text, start, end) is not None
            found = found and _code_mark().search(text, start, end) is not None
            self._runs[end] = found
        else:
            found = cached
        self._last = (start, end, found)
        return found


@cache
def _mark_char() -> re.Pattern[str]:
    """A character every mark holds (the stdlib scans for it faster than ``regex`` runs the marks)."""
    return re.compile(r"[.:@#/\\=_<>{}|~^\[\]&]")


@cache
def _non_space() -> re.Pattern[str]:
    return re.compile(r"\S*")  # \s is str.isspace() in the stdlib re


def _run_end(text: str, pos: int) -> int:
    m = _non_space().match(text, pos)
    return m.end() if m is not None else pos  # \S* always matches


def code_chunks_of(doc: Any) -> CodeChunks:
    """The document's CodeChunks, shared by the spelling rules (``doc.cache``)."""
    cache = doc.cache.setdefault(__name__, {})
    chunks = cache.get("chunks")
    if chunks is None or chunks.text is not doc.text:
        chunks = cache["chunks"] = CodeChunks(doc.text)
    return chunks


def tokens(doc: Any) -> frozenset[str]:
    """The document's distinct word tokens: the shared ``doc.word_set`` view (other families'
    rules reuse it once built, rather than each making a set of their own)."""
    return doc.word_set


def paragraph_sentences(doc: Any, pos: int) -> list[Span]:
    """The sentences of the paragraph holding ``pos`` (none between paragraphs): exactly the
    ``doc.sentences`` of that paragraph, split the way the engine splits them (its own
    sentence-end pattern, run on that paragraph only), so that a rule asking about a few
    words does not split every paragraph of the document."""
    cache = doc.cache.setdefault(__name__, {})
    starts = cache.get("paragraph-starts")
    if starts is None:
        starts = cache["paragraph-starts"] = [p.start for p in doc.paragraphs]
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0 or pos >= doc.paragraphs[i].end:
        return []
    key = ("sentences", i)
    out = cache.get(key)
    if out is None:
        para, text = doc.paragraphs[i], doc.text
        out, start = [], para.start
        for m in SENTENCE_END.finditer(text, para.start, para.end):
            _add_trimmed(out, text, start, m.end())
            start = m.end()
        _add_trimmed(out, text, start, para.end)
        cache[key] = out
    return out


def _add_trimmed(out: list[Span], text: str, start: int, end: int) -> None:
    """``linter.document._add_trimmed`` with the white space stripped in C (``str.strip``
    strips exactly the characters ``str.isspace`` names)."""
    piece = text[start:end]
    trimmed = piece.strip()
    if trimmed:
        start += len(piece) - len(piece.lstrip())
        out.append(Span(start, start + len(trimmed), trimmed))


def is_token_at(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (a word) a whole token of ``doc.words``, not part of a longer one?
    Tokens are runs of letters and digits (``str.isalnum``, the stdlib's ``[^\\W_]``) joined by
    single inner apostrophes or hyphens (linter.document)."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or (c in _JOINERS and start > 1 and text[start - 2].isalnum()):
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or (c in _JOINERS and end + 1 < len(text) and text[end + 1].isalnum()):
            return False
    return True


_JOINERS = "'’-"


def occurrences(text: str, tokens: Iterable[str], words: list[Span] | None = None) -> list[Span]:
    """Every occurrence of the given word tokens as a whole token, in text order: the
    ``doc.words`` spans with those texts. With ``words`` (the view, when built) one C-speed
    pass picks them; without, ``str.find`` looks for each token (no pass over all words)."""
    if words is not None:
        wanted = tokens if isinstance(tokens, (set, frozenset, dict)) else set(tokens)
        return list(compress(words, map(wanted.__contains__, map(itemgetter(2), words))))  # all in C
    out: list[Span] = []
    for token in tokens:
        n = len(token)
        pos = text.find(token)
        while pos >= 0:
            if is_token_at(text, pos, pos + n):
                out.append(Span(pos, pos + n, token))
            pos = text.find(token, pos + 1)
    out.sort()
    return out


def built_words(doc: Any) -> list[Span] | None:
    """``doc.words`` if some rule has built the view already (functools.cached_property), else
    None: then finding a few tokens with ``str.find`` is cheaper than building it."""
    return doc.__dict__.get("words")


def words_between(text: str, start: int, end: int, limit: int = 2) -> int:
    """How many word tokens lie in ``text[start:end]`` (a gap between two whole tokens),
    counting up to ``limit``."""
    n = 0
    for _ in WORD.finditer(text, start, end):
        n += 1
        if n >= limit:
            break
    return n


def accepted_terms(settings: Mapping[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """House vocabulary ``accept`` entries: (exact forms, lower-cased forms of lower-case entries)."""
    vocab = settings.get("vocabulary") or {}
    accept = [str(a).strip() for a in vocab.get("accept", []) if str(a).strip()]
    return frozenset(accept), frozenset(a.lower() for a in accept if a.islower())


def is_initial(text: str, pos: int) -> bool:
    """Does the word at ``pos`` open a sentence, a line or a paragraph?"""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘(«[*-–—":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


def is_label_line(text: str, start: int, end: int, max_words: int = 6) -> bool:
    """A short all-lower-case line with no sentence punctuation: a tag, label or kicker
    ("ukraine crisis") rather than prose; its casing is a style choice of the site."""
    line = text[start:end].strip()
    if not line or any(c.isupper() for c in line) or line[-1] in ".!?,;:":
        return False
    return len(line.split()) <= max_words


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)
