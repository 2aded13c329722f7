"""Topic similarity for the off-topic family: hand-written TF-IDF over one document.

Each document is its own corpus: its paragraphs are the "documents" of the TF-IDF model,
so a word that every paragraph repeats (the story's subject) weighs less than a word one
paragraph shares with another. Tokens are lower-cased, stop words dropped and lightly
stemmed ("claims" -> "claim", "rejected" -> "reject"), then compared by cosine.

Written by hand on purpose: scikit-learn's TfidfVectorizer gives the same numbers but
costs 0.8 s of import (274 MB installed), which alone breaks the 0.35 s pre-commit
budget; a document has tens of paragraphs, so plain dicts are fast enough.
Everything here is linear in the length of the text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import regex

_TOKEN = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
_DATA = Path(__file__).parent / "data"

Vector = dict[str, float]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    words: set[str] = set()
    for line in (_DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def stem(word: str) -> str:
    """A light suffix stripper: possessives, plurals, -ing and -ed (no dictionary)."""
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed") and not w.endswith("eed"):
        return w[:-2]
    return w


_STEMS: dict[str, str] = {}


def term_counts(text: str) -> Counter[str]:
    """Content terms of a text with their counts: lower-cased, stop words and one-letter
    words dropped, stemmed. Words are counted first (in C), so the Python work is per
    distinct word, not per token."""
    cache = _STEMS  # word -> stem, or "" for a word that is not a term
    if len(cache) > 200_000:
        cache.clear()
    out: Counter[str] = Counter()
    for word, k in Counter(_TOKEN.findall(text.lower())).items():
        stemmed = cache.get(word)
        if stemmed is None:
            stemmed = cache[word] = "" if len(word) < 2 or word in stop_words() else stem(word)
        if stemmed:
            out[stemmed] += k
    return out


def terms(text: str) -> list[str]:
    """Content terms of a text, in a list (with repetitions, in no particular order)."""
    return list(term_counts(text).elements())


class TfIdf:
    """A TF-IDF model whose corpus is the paragraphs of one document."""

    def __init__(self, units: Sequence[str]) -> None:
        self.counts = [term_counts(u) for u in units]
        df: Counter[str] = Counter()
        for c in self.counts:
            df.update(c.keys())
        n = len(units)
        self.df = df
        self._base = math.log(1 + n)
        self.idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
        self.vectors = [self.weigh(c) for c in self.counts]

    def weigh(self, counts: Counter[str]) -> Vector:
        """L2-normalised TF-IDF weights (sublinear tf) of a bag of terms."""
        idf, default = self.idf, self._base + 1
        vec = {t: (1 + math.log(k) if k > 1 else 1.0) * idf.get(t, default) for t, k in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {t: v / norm for t, v in vec.items()} if norm else {}

    def vector(self, text: str) -> Vector:
        return self.weigh(term_counts(text))

    def topic_vector(self) -> Vector:
        """The document's topic: summed term counts of the words that recur in two paragraphs or more.

        A word used in one paragraph only is incidental ("the door remained open") and would
        let an unrelated headline that happens to use it look related; with fewer than three
        paragraphs every word counts.
        """
        total: Counter[str] = Counter()
        for c in self.counts:
            total.update(c)
        if len(self.counts) >= 3:
            total = Counter({t: k for t, k in total.items() if self.df[t] >= 2})
        return self.weigh(total)

    def match_bounds(self) -> list[float]:
        """For each unit, an upper bound of its best cosine with any other unit, in linear time.

        Comparing every paragraph with every other one is quadratic; instead each term keeps
        its two highest weights, and a unit's bound is the sum over its terms of its weight
        times the highest weight of that term in another unit. The bound is 0 exactly when the
        unit shares no term with any other, and small only when it shares only terms that
        weigh little everywhere.
        """
        first: dict[str, tuple[float, int]] = {}  # term -> (highest weight, its unit)
        second: dict[str, float] = {}  # term -> second highest weight
        for i, vec in enumerate(self.vectors):
            for t, w in vec.items():
                top = first.get(t)
                if top is None or w > top[0]:
                    if top is not None:
                        second[t] = top[0]
                    first[t] = (w, i)
                elif w > second.get(t, 0.0):
                    second[t] = w
        bounds = []
        for i, vec in enumerate(self.vectors):
            total = 0.0
            for t, w in vec.items():
                top_w, top_i = first[t]
                total += w * (top_w if top_i != i else second.get(t, 0.0))
            bounds.append(min(total, 1.0))
        return bounds

    def best_match(self, vec: Vector, skip: Iterable[int] = ()) -> tuple[float, int]:
        """Highest cosine of ``vec`` with a unit of the model (and that unit's index, -1 if none)."""
        skipped = set(skip)
        best, where = 0.0, -1
        for i, other in enumerate(self.vectors):
            if i not in skipped:
                score = cosine(vec, other)
                if score > best:
                    best, where = score, i
        return best, where


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
