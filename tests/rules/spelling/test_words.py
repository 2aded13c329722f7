"""The shortcuts of rules/spelling/words.py give exactly what the engine's views give."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Document
from rules.spelling.words import (
    CodeChunks,
    code_chunks,
    occurrences,
    paragraph_sentences,
    tokens,
    words_between,
)

ROOT = Path(__file__).resolve().parents[3]

EDGES = {
    "joiners": "x’a’b a-b -b b- 'b b' x'-y a--b ab'cd cd x_y y",
    "apostrophes": "I’m i’m i'm i’mx i’d’ve don’t don't ’t t",
    "marks": "see https://x.org/a_b or www.example.com, a@b.c and #tag; 1.5 a.b.c e.g. U.S. end.",
    "spaces": "a\u00a0b\u2009c\u3000d\te\nf\x1cg",
    "sentences": "One. Two!  Three? “Four.” (Five) six.\n\nSeven… Eight.\nNine",
}


def documents() -> list[Document]:
    paths = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/fixtures/*/*.txt"))
    docs = [Document(p.read_text(encoding="utf-8", errors="replace"), path=str(p)) for p in paths]
    return docs + [Document(t) for t in EDGES.values()]


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return documents()


def test_tokens_are_the_word_set(docs: list[Document]) -> None:
    for doc in docs:
        assert tokens(doc) == doc.word_set
        fresh = Document(doc.text)
        fresh.words  # noqa: B018 - the view another rule built
        assert tokens(fresh) == doc.word_set


def test_occurrences_are_the_word_spans(docs: list[Document]) -> None:
    for doc in docs:
        words = doc.words
        for picked in (sorted(doc.word_set)[::7], sorted(doc.word_set)[3::11], ["i", "a", "s", "t"]):
            wanted = set(picked)
            expected = [w for w in words if w.text in wanted]
            assert occurrences(doc.text, picked) == expected, doc.path
            assert occurrences(doc.text, picked, words) == expected, doc.path


def test_words_between_counts_tokens(docs: list[Document]) -> None:
    for doc in docs:
        words = doc.words
        for i in range(0, len(words) - 3, 5):
            for gap in (1, 2, 3):
                a, b = words[i], words[i + gap]
                assert words_between(doc.text, a.end, b.start, 2) == min(gap - 1, 2)


def test_code_chunks_asked_locally(docs: list[Document]) -> None:
    for doc in docs:
        ranges = code_chunks(doc.text)
        inside = {p for s, e in ranges for p in range(s, e)}
        chunks = CodeChunks(doc.text)
        for pos in range(-1, len(doc.text) + 1):
            assert chunks.contains(pos) == (pos in inside), (doc.path, pos)


def test_paragraph_sentences_are_the_sentences(docs: list[Document]) -> None:
    for doc in docs:
        got = []
        for para in doc.paragraphs:
            got += paragraph_sentences(doc, para.start)
            assert paragraph_sentences(doc, para.end - 1) == paragraph_sentences(doc, para.start)
        assert got == doc.sentences, doc.path
