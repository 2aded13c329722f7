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

import collections
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import itemgetter, mul, truediv
from pathlib import Path
from typing import Any

import regex

from linter.document import Document, Span
from rules.encoding.views import unusual_chars, word_texts

#: counts the items of an iterable into a dict, in C (what Counter.update runs)
_count_elements: Any = getattr(collections, "_count_elements")  # noqa: B009 - private, untyped
_DATA = Path(__file__).parent / "data"

Vector = dict[str, float]


@lru_cache(maxsize=1)
def _token() -> Any:
    """A token: letters, apostrophes inside (compiled on first use: start-up time)."""
    return regex.compile(r"\p{L}+(?:['’]\p{L}+)*")


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


class _TermFrequency(dict[int, float]):
    """Sublinear tf of a count (1 + log k), computed once per count value."""

    def __missing__(self, k: int) -> float:
        value = self[k] = 1 + math.log(k) if k > 1 else 1.0
        return value


_TF = _TermFrequency()


def term_counts(text: str) -> Counter[str]:
    """Content terms of a text with their counts: lower-cased, stop words and one-letter
    words dropped, stemmed. Tokens are found and counted in C; Python runs only for a
    word never seen before (its stem is cached), so the work per token is a dict lookup
    made by ``map``."""
    cache = _STEMS  # word -> stem, or "" for a word that is not a term
    if len(cache) > 200_000:
        cache.clear()
    words = _token().findall(text.lower())
    new = set(words).difference(cache)
    if new:
        stops = stop_words()
        for word in new:
            cache[word] = "" if len(word) < 2 or word in stops else stem(word)
    # terms in the order of their first token, as counting word by word would give
    out: Counter[str] = Counter(map(cache.__getitem__, words))
    del out[""]
    return out


def terms(text: str) -> list[str]:
    """Content terms of a text, in a list (with repetitions, in no particular order)."""
    return list(term_counts(text).elements())


def _term(token: str) -> str:
    """The term of one lower-cased token ("" for a stop word or a one-letter word), as
    ``term_counts`` makes it (and from the same cache)."""
    term = _STEMS.get(token)
    if term is None:
        if len(_STEMS) > 200_000:
            _STEMS.clear()
        term = _STEMS[token] = "" if len(token) < 2 or token in stop_words() else stem(token)
    return term


def _word_terms(word: str) -> tuple[str, ...]:
    """The terms ``term_counts`` finds in a word of ``doc.words`` (as written), in the
    order of their tokens (which counts them in the same order)."""
    low = word.lower()
    if low.isascii() and low.isalpha():  # the usual word: a single token, itself
        term = _term(low)
        return (term,) if term else ()
    return tuple(filter(None, map(_term, _token().findall(low))))


class _WordTerms(dict[str, tuple[str, ...]]):
    """A word of ``doc.words`` -> ``_word_terms(word)``, made on first use (across documents)."""

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) > 200_000:
            self.clear()
        found = self[word] = _word_terms(word)
        return found


_WORD_TERMS = _WordTerms()
_CASE_SAFE: dict[str, bool] = {}


def _case_safe(c: str) -> bool:
    """Does lower-casing this character keep the text aligned with ``doc.words``: one
    character, a letter only where the original is a letter or digit, no context rule
    (capital sigma lower-cases by its neighbours)?"""
    safe = _CASE_SAFE.get(c)
    if safe is None:
        low = c.lower()
        safe = _CASE_SAFE[c] = len(low) == 1 and c != "\u03a3" and (c.isalnum() or regex.match(r"\p{L}", low) is None)
    return safe


class DocumentTerms:
    """Term counts of spans of one document, read off ``doc.words``.

    ``term_counts`` runs a tokenizer over each text; here the words are already there:
    each word maps (memoized across documents) to the terms in it, and a span's terms are
    those of the words inside it, in order, counted in C. The tokens are the same
    (tokens never cross a word's edge) unless lower-casing a character of the text moves
    or makes letters; ``exact`` is False then, and callers count with ``term_counts``.
    """

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.exact = all(map(_case_safe, unusual_chars(doc)))
        #: counts of single spans already made, by (start, end): they are never changed
        self.memo: dict[tuple[int, int], dict[str, int]] = {}
        if self.exact:
            self.starts = list(map(itemgetter(0), doc.words))
            self.terms = list(map(_WORD_TERMS.__getitem__, word_texts(doc)))

    @staticmethod
    def of(doc: Document) -> DocumentTerms:
        """One per document (``doc.cache``): OFT001 and OFT002 both count terms."""
        found = doc.cache.get(__name__)
        if found is None:
            found = doc.cache[__name__] = DocumentTerms(doc)
        return found

    def counts(self, pieces: Sequence[tuple[int, int]]) -> dict[str, int]:
        """Term counts of the text of these spans (in order) joined by spaces."""
        if len(pieces) == 1:  # a whole paragraph: OFT001 and OFT002 both count it
            found = self.memo.get(pieces[0])
            if found is None:
                found = self.memo[pieces[0]] = self._counts(pieces)
            return found
        return self._counts(pieces)

    def _counts(self, pieces: Sequence[tuple[int, int]]) -> dict[str, int]:
        if not self.exact:
            return term_counts(" ".join(self.text[s:e] for s, e in pieces))
        starts, terms = self.starts, self.terms
        found: list[Any] = []
        for s, e in pieces:
            a = bisect_left(starts, s)
            found.append(chain.from_iterable(terms[a : bisect_left(starts, e, a)]))
        out: dict[str, int] = {}
        _count_elements(out, chain.from_iterable(found) if len(found) > 1 else found[0])
        return out

    def span_counts(self, spans: Sequence[Span]) -> list[dict[str, int]]:
        """``counts`` of each span alone, for many spans at once."""
        memo = self.memo
        if not self.exact:
            return [self.counts(((s.start, s.end),)) for s in spans]
        starts, terms = self.starts, self.terms
        firsts = map(bisect_left, repeat(starts), map(itemgetter(0), spans))
        ends = map(bisect_left, repeat(starts), map(itemgetter(1), spans))
        out = []
        for span, a, b in zip(spans, firsts, ends, strict=True):
            key = (span.start, span.end)
            found = memo.get(key)
            if found is None:
                found = memo[key] = {}
                _count_elements(found, chain.from_iterable(terms[a:b]))
            out.append(found)
        return out


class TfIdf:
    """A TF-IDF model whose corpus is the paragraphs of one document."""

    def __init__(self, units: Sequence[str] = (), counts: list[Any] | None = None) -> None:
        """A model of the units (texts), or of their term counts already made."""
        self.counts = [term_counts(u) for u in units] if counts is None else counts
        df: dict[str, int] = {}
        _count_elements(df, chain.from_iterable(self.counts))  # in the order of first use
        n = len(self.counts)
        self.df = df
        self._base = math.log(1 + n)
        # the idf of a term depends on its document frequency only: one log per frequency
        idf_of = {d: math.log((1 + n) / (1 + d)) + 1 for d in set(df.values())}
        self.idf = dict(zip(df, map(idf_of.__getitem__, df.values()), strict=True))
        self._vectors: list[Vector] | None = None
        self._shared: set[str] | None = None

    @property
    def vectors(self) -> list[Vector]:
        """Each unit's weights (made on first use: a teaser check needs none)."""
        if self._vectors is None:
            self._vectors = [self.weigh(c) for c in self.counts]
        return self._vectors

    def weigh(self, counts: dict[str, int]) -> Vector:
        """L2-normalised TF-IDF weights (sublinear tf) of a bag of terms."""
        # the same float operations in the same order as a loop per term, made by map
        terms = list(counts)
        values = list(map(mul, map(_TF.__getitem__, counts.values()), map(self.idf.get, terms, repeat(self._base + 1))))
        norm = math.sqrt(sum(map(mul, values, values)))
        return dict(zip(terms, map(truediv, values, repeat(norm)), strict=True)) if norm else {}

    def vector(self, text: str) -> Vector:
        return self.weigh(term_counts(text))

    def topic_vector(self) -> Vector:
        """The document's topic: summed term counts of the words that recur in two paragraphs or more.

        A word used in one paragraph only is incidental ("the door remained open") and would
        let an unrelated headline that happens to use it look related; with fewer than three
        paragraphs every word counts.
        """
        # the units' counts summed: each term once per unit that has it (its document
        # frequency, in the order of first use), plus its repetitions inside units
        total = dict(self.df)
        for c in self.counts:
            if len(c) < sum(c.values()):  # some term more than once
                for t, k in c.items():
                    if k > 1:
                        total[t] += k - 1
        if len(self.counts) >= 3:
            df = self.df
            total = {t: k for t, k in total.items() if df[t] >= 2}
        return self.weigh(total)

    def all_matched(self, units: Iterable[int], limit: float) -> bool:
        """Is ``match_bounds()`` of each of these units ``limit`` or more? True only when a
        lower bound of each, computed from term counts without any weight, proves it.

        A unit's weight of a term is tf * idf / norm (tf = 1 + log count), and a norm is at
        most the largest idf times the unit's Euclidean tf length; so a term the unit shares
        adds at least
        tf * idf^2 / (top_idf^2 * |tf of the unit| * largest |tf| of any unit) to the
        bound. (A margin covers rounding.)
        """
        counts = self.counts
        if not counts or not self.idf:
            return False
        units = list(units)
        if limit > 0 and any(map(self.shared().isdisjoint, map(counts.__getitem__, units))):
            return False  # a unit shares no term: its bound is 0 (decided without any weight)
        shared = self.shared().__contains__
        idf = self.idf.__getitem__
        tf = _TF.__getitem__  # the weights' sublinear tf: raw counts would not bound them
        masses = []
        for i in units:
            c = counts[i]
            terms = list(filter(shared, c))
            idfs = list(map(idf, terms))
            masses.append((i, sum(map(mul, map(tf, map(c.__getitem__, terms)), map(mul, idfs, idfs)))))
        lengths = []
        for c in counts:
            tfs = list(map(tf, c.values()))
            lengths.append(math.sqrt(sum(map(mul, tfs, tfs))))
        top = max(self.idf.values())
        scale = top * top * max(lengths)
        for i, mass in masses:
            if not lengths[i] or mass < limit * (1 + 1e-9) * scale * lengths[i]:
                return False
        return True

    def shared(self) -> set[str]:
        """The terms that two units or more have (made once)."""
        if self._shared is None:
            self._shared = set(compress(self.df, map((1).__lt__, self.df.values())))
        return self._shared

    def match_bounds(self, wanted: Iterable[int] | None = None) -> list[float]:
        """For each unit, an upper bound of its best cosine with any other unit, in linear time.

        Comparing every paragraph with every other one is quadratic; instead each term keeps
        its two highest weights, and a unit's bound is the sum over its terms of its weight
        times the highest weight of that term in another unit. The bound is 0 exactly when the
        unit shares no term with any other, and small only when it shares only terms that
        weigh little everywhere.

        The weights are those of ``weigh``, made with the same float operations, but only
        for the shared terms (a term no other unit has adds exactly 0.0 to a bound): no
        weight vector is built. ``wanted``: the units whose bounds are returned (all when
        None); every unit's weights count.
        """
        shared = self.shared().__contains__
        idf, tf = self.idf.__getitem__, _TF.__getitem__
        first: dict[str, tuple[float, int]] = {}  # term -> (highest weight, its unit)
        second: dict[str, float] = {}  # term -> second highest weight
        units: list[list[tuple[str, float]]] = []  # each unit's shared terms and their weights
        for i, counts in enumerate(self.counts):
            values = list(map(mul, map(tf, counts.values()), map(idf, counts)))
            norm = math.sqrt(sum(map(mul, values, values)))
            pairs = [(t, v / norm) for t, v in compress(zip(counts, values, strict=True), map(shared, counts))]
            units.append(pairs)
            for t, w in pairs:
                top = first.get(t)
                if top is None or w > top[0]:
                    if top is not None:
                        second[t] = top[0]
                    first[t] = (w, i)
                elif w > second.get(t, 0.0):
                    second[t] = w
        bounds = []
        for i in range(len(units)) if wanted is None else wanted:
            pairs = units[i]
            total = 0.0
            for t, w in pairs:
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
