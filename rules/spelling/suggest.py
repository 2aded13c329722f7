"""Spelling suggestions from the expanded word forms, without loading a Hunspell dictionary.

spylls' suggestions need its ``Dictionary`` in memory (~1 s and ~150 MB to load) and its
n-gram search scans every stem in Python (~50-150 ms a word): at corpus scale, with thousands
of distinct unknown words, that was most of a run. Here suggestions come in two steps:

1. **Hunspell's own edit search**, in Hunspell's order, on the set of expanded word forms
   (wordforms.py): the REP table of typical misspellings, swapped letters, a keyboard
   neighbour, an extra letter, a forgotten letter (tried in the .aff file's TRY order, the
   language's most frequent letters first), a moved letter, a wrong letter, a doubled pair.
   Every edit is a set look-up, so this costs a fraction of a millisecond, and it gives
   exactly Hunspell's candidates and order ("oue" -> our, roue, moue; "feild" -> field).
2. When those edits give fewer than ``MIN_EDITS`` suggestions (and none of Hunspell's "good"
   kinds), a **similarity search** replaces Hunspell's n-gram scan: rapidfuzz picks the
   forms closest to the word by longest common subsequence among forms of similar length
   that share its first or second letter (a precomputed index), and those few are ranked
   with Hunspell's own n-gram scores (common start, common subsequence, bigrams), with its
   thresholds for "too different". Ties go to the alphabetically first form, so the result
   is the same in every process.

The forms of NOSUGGEST entries (slurs, swear words) are never suggested, as in Hunspell.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Container, Iterator
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from typing import Any, cast

#: Hunspell's defaults (spylls.hunspell.data.aff)
DEFAULT_KEY = "qwertyuiop|asdfghjkl|zxcvbnm"
MAX_EDIT_SUGGESTIONS = 15  # Hunspell's MAXSUGGESTIONS: edit suggestions stop after 16
MAX_CHAR_DISTANCE = 4
#: edit kinds after which Hunspell does not look for n-gram suggestions
GOOD_EDITS = frozenset({"spaceword", "uppercase", "replchars"})
#: fewer edit suggestions than this and the similarity search fills the list up
MIN_EDITS = 3
#: forms rapidfuzz hands to the (slower, Python) Hunspell scoring
SHORTLIST = 30
#: how much longer or shorter than the word a similar form may be
LENGTH_SLACK = 3


class AffixSettings:
    """The suggestion settings of a Hunspell .aff file (a plain class: a dataclass costs
    ~0.5 ms of start-up to create)."""

    def __init__(self) -> None:
        self.try_chars = ""
        self.key = DEFAULT_KEY
        self.rep: list[tuple[Any, str]] = []
        self.map: list[list[str]] = []
        self.oconv: list[tuple[str, str]] = []
        self.nosplitsugs = False
        self.maxngramsugs = 4
        self.maxdiff = -1
        self.onlymaxdiff = False
        self.has_phonetic = False


def read_aff(path: str) -> AffixSettings:
    """The few .aff directives suggestions use (TRY, KEY, REP, MAP, OCONV, MAXNGRAMSUGS...)."""
    out = AffixSettings()
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                continue
            head, args = parts[0], parts[1:]
            if head == "TRY" and args:
                out.try_chars = args[0]
            elif head == "KEY" and args:
                out.key = args[0]
            elif head == "REP" and len(args) >= 2:
                out.rep.append((re.compile(args[0]), args[1]))
            elif head == "MAP" and len(args) == 1 and not args[0].isdigit():
                out.map.append(re.findall(r"\([^)]*\)|.", args[0]))
            elif head == "OCONV" and len(args) >= 2:
                out.oconv.append((args[0], args[1]))
            elif head == "NOSPLITSUGS":
                out.nosplitsugs = True
            elif head == "MAXNGRAMSUGS" and args:
                out.maxngramsugs = int(args[0])
            elif head == "MAXDIFF" and args:
                out.maxdiff = int(args[0])
            elif head == "ONLYMAXDIFF":
                out.onlymaxdiff = True
            elif head == "PHONE":
                out.has_phonetic = True
    out.map = [[g.strip("()") for g in groups] for groups in out.map]
    return out


# -- Hunspell's edits (spylls.hunspell.algo.permutations), same order --------------------------


def _replchars(word: str, rep: list[tuple[Any, str]]) -> Iterator[str | list[str]]:
    if len(word) < 2:
        return
    for pattern, replacement in rep:
        for m in pattern.finditer(word):
            suggestion = word[: m.start()] + replacement.replace("_", " ") + word[m.end() :]
            yield suggestion
            if " " in suggestion:
                yield suggestion.split(" ", 2)


def _mapchars(word: str, table: list[list[str]]) -> Iterator[str]:
    if len(word) < 2 or not table:
        return

    def inner(word: str, start: int = 0) -> Iterator[str]:
        if start >= len(word):
            return
        for options in table:
            for option in options:
                pos = word.find(option, start)
                if pos != -1:
                    for other in options:
                        if other != option:
                            replaced = word[:pos] + other + word[pos + len(option) :]
                            yield replaced
                            yield from inner(replaced, pos + 1)

    yield from inner(word)


def _swapchar(word: str) -> list[str]:
    n = len(word)
    if n < 2:
        return []
    out = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)]
    if n in (4, 5):
        out.append(word[1] + word[0] + (word[2] if n == 5 else "") + word[-1] + word[-2])
        if n == 5:
            out.append(word[0] + word[2] + word[1] + word[-1] + word[-2])
    return out


def _longswapchar(word: str) -> list[str]:
    n = len(word)
    return [
        word[:a] + word[b] + word[a + 1 : b] + word[a] + word[b + 1 :]
        for a in range(n - 2)
        for b in range(a + 2, min(a + MAX_CHAR_DISTANCE, n))
    ]


def _badcharkey(word: str, layout: str) -> list[str]:
    out = []
    for i, c in enumerate(word):
        before, after = word[:i], word[i + 1 :]
        if c != c.upper():
            out.append(before + c.upper() + after)
        if not layout:
            continue
        pos = layout.find(c)
        while pos != -1:
            if pos > 0 and layout[pos - 1] != "|":
                out.append(before + layout[pos - 1] + after)
            if pos + 1 < len(layout) and layout[pos + 1] != "|":
                out.append(before + layout[pos + 1] + after)
            pos = layout.find(c, pos + 1)
    return out


def _extrachar(word: str) -> list[str]:
    if len(word) < 2:
        return []
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _forgotchar(word: str, chars: str) -> list[str]:
    return [word[:i] + c + word[i:] for c in chars for i in range(len(word) + 1)]


def _movechar(word: str) -> list[str]:
    n = len(word)
    if n < 2:
        return []
    out = [
        word[:a] + word[a + 1 : b] + word[a] + word[b:]
        for a in range(n)
        for b in range(a + 3, min(n, a + MAX_CHAR_DISTANCE + 1))
    ]
    for a in reversed(range(n)):
        for b in reversed(range(max(0, a - MAX_CHAR_DISTANCE + 1), a - 1)):
            out.append(word[:b] + word[a] + word[b:a] + word[a + 1 :])
    return out


def _badchar(word: str, chars: str) -> list[str]:
    n = len(word)
    return [word[:i] + c + word[i + 1 :] for c in chars for i in reversed(range(n)) if word[i] != c]


def _doubletwochars(word: str) -> list[str]:
    if len(word) < 5:
        return []
    return [
        word[: i - 1] + word[i + 1 :]
        for i in range(2, len(word))
        if word[i - 2] == word[i] and word[i - 3] == word[i - 1]
    ]


def _twowords(word: str) -> list[list[str]]:
    return [[word[:i], word[i:]] for i in range(1, len(word))]


# -- Hunspell's n-gram scores (spylls.hunspell.algo.ngram_suggest, string_metrics) -------------


def _ngram(n: int, s1: str, s2: str, *, weighted: bool = False, any_mismatch: bool = False) -> int:
    l2 = len(s2)
    if l2 == 0:
        return 0
    l1 = len(s1)
    score = 0
    for size in range(1, n + 1):
        found = 0
        for pos in range(l1 - size + 1):
            if s1[pos : pos + size] in s2:
                found += 1
            elif weighted:
                found -= 1
                if pos == 0 or pos + size == l1:
                    found -= 1
        score += found
        if found < 2 and not weighted:
            break
    penalty = abs(l2 - l1) - 2 if any_mismatch else 0
    return score - penalty if penalty > 0 else score


def _left_common(s1: str, s2: str) -> int:
    for i, (a, b) in enumerate(zip(s1, s2, strict=False)):
        if a != b:
            return i
    return min(len(s1), len(s2))


def _threshold(word: str) -> float:
    """Hunspell's minimum score: the word scored against itself with every 4th letter hidden."""
    total = 0
    for start in range(1, 4):
        mangled = list(word)
        for pos in range(start, len(word), 4):
            mangled[pos] = "*"
        total += _ngram(len(word), word, "".join(mangled), any_mismatch=True)
    return total // 3 - 1


def _precise_score(word: str, form: str, lcs: int, factor: float, base: float, phonetic: bool) -> float:
    if len(word) == len(form) == lcs:
        return base + 2000
    score = 2 * lcs - abs(len(word) - len(form)) + _left_common(word, form)
    if any(a == b for a, b in zip(word, form, strict=False)):
        score += 1
    score += _ngram(4, word, form, any_mismatch=True)
    bigrams = _ngram(2, word, form, any_mismatch=True, weighted=True) + _ngram(
        2, form, word, any_mismatch=True, weighted=True
    )
    score += bigrams
    limit = len(form) * factor if phonetic else (len(word) + len(form)) * factor
    return score - 1000 if bigrams < limit else score


_FIRST = itemgetter(0)
_SECOND = itemgetter(1)


class SimilarForms:
    """Where to look for forms similar to a word: forms of about its length that start with
    its first or second letter, or have one of those as their second letter (a wrong, missing,
    extra or swapped first letter). Indexed by length, then by first and by second letter,
    each length when a word of about that length first needs it."""

    def __init__(self, ordered: list[str]) -> None:
        # a stable sort and groupby keep each group in code-point order, without a Python loop
        self.by_length = {n: list(group) for n, group in groupby(sorted(ordered, key=len), key=len)}
        self._index: dict[int, tuple[dict[str, list[str]], dict[str, list[str]]]] = {}

    def _letters(self, length: int) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """The forms of this length by first letter and by second letter, in code-point order."""
        index = self._index.get(length)
        if index is None:
            forms = self.by_length.get(length, [])
            first = {c: list(group) for c, group in groupby(forms, key=_FIRST)}  # sorted: grouped already
            second = {c: list(group) for c, group in groupby(sorted(forms, key=_SECOND), key=_SECOND)}
            index = self._index[length] = (first, second)
        return index

    def near(self, word: str) -> list[str]:
        """Forms (in their own case) of similar length starting with the word's first or
        second letter (either case), or with one of those as their second letter."""
        letters = list(dict.fromkeys([word[0], word[1]]))
        starts = list(dict.fromkeys(c for k in letters for c in (k, k.upper())))
        out: list[str] = []
        left = bisect.bisect_left
        n = len(word)
        for length in range(max(2, n - LENGTH_SLACK), n + LENGTH_SLACK + 1):
            first, second = self._letters(length)
            for c in starts:
                out += first.get(c, ())
            for k in letters:
                group = second.get(k)
                if not group:
                    continue
                pos = 0  # the group is sorted: skip the runs of forms the first letters gave
                for lo, hi in sorted((left(group, c), left(group, chr(ord(c) + 1))) for c in starts):
                    if lo > pos:
                        out += group[pos:lo]
                    pos = max(pos, hi)
                out += group[pos:]
        return out


class Suggester:
    """Suggestions for one Hunspell dictionary (its expanded forms and its .aff settings)."""

    def __init__(
        self, forms: Container[str], nosuggest: frozenset[str], aff: AffixSettings, ordered: Any = None
    ) -> None:
        self.forms = forms
        #: () -> the forms sorted by code point, asked for when similar forms are first looked for
        #: (without it, ``forms`` must be a set)
        self._ordered = ordered or (lambda: sorted(cast("frozenset[str]", forms)))
        self.nosuggest = nosuggest
        self.aff = aff
        self._similar: SimilarForms | None = None

    def _good(self, word: str) -> bool:
        return word in self.forms and word not in self.nosuggest

    def _output(self, text: str) -> str:
        for a, b in self.aff.oconv:
            text = text.replace(a, b)
        return text

    def suggest(self, word: str, limit: int = 8, want: int = MIN_EDITS, accept: Any = None) -> list[str]:
        """Up to ``limit`` suggestions for ``word``, best first: Hunspell's edits, then, when
        they give fewer than ``want`` (and none of Hunspell's good kinds), similar forms.
        ``accept(text)`` filters what is returned; every edit found still counts as known
        (a similar form that contains one is not offered, as in Hunspell)."""
        handled: list[str] = []
        seen: set[str] = set()
        out: list[str] = []

        def found(text: str, check_inclusion: bool = False) -> bool:
            text = self._output(text)
            if text in seen:
                return False
            if check_inclusion and any(prev.lower() in text.lower() for prev in handled):
                return False
            seen.add(text)
            handled.append(text)
            if accept is None or accept(text):
                out.append(text)
            return True

        good_kind = False
        count = 0
        for text, kind in self._edits(word):
            if not found(text):
                continue
            good_kind = good_kind or kind in GOOD_EDITS
            count += 1
            if kind == "spaceword" or len(out) >= limit:
                return out[:limit]
            if count > MAX_EDIT_SUGGESTIONS:
                break
        if good_kind or len(out) >= want or self.aff.maxngramsugs == 0:
            return out[:limit]
        shown = 0
        for text in self._similar_forms(word.lower(), {h.lower() for h in handled}):
            if found(text, check_inclusion=True):
                shown += 1
            if shown >= self.aff.maxngramsugs or len(out) >= limit:
                break
        return out[:limit]

    def _edits(self, word: str) -> Iterator[tuple[str, str]]:
        """Valid edits of the word as (text, kind), in Hunspell's order."""
        good = self._good
        aff = self.aff
        upper = word.upper()
        if good(upper):
            yield upper, "uppercase"
        for rep in _replchars(word, aff.rep):
            if isinstance(rep, list):
                joined = " ".join(rep)
                if good(joined):
                    yield joined, "replchars"
                if all(good(w) for w in rep):
                    yield joined, "replchars"
            elif good(rep):
                yield rep, "replchars"
        dash = "-" in aff.try_chars or "a" in aff.try_chars
        for first, second in _twowords(word):
            if good(f"{first} {second}"):
                yield f"{first} {second}", "spaceword"
            if dash and good(f"{first}-{second}"):
                yield f"{first}-{second}", "spaceword"
        for text in _mapchars(word, aff.map):
            if good(text):
                yield text, "mapchars"
        for kind, candidates in (
            ("swapchar", _swapchar(word)),
            ("longswapchar", _longswapchar(word)),
            ("badcharkey", _badcharkey(word, aff.key)),
            ("extrachar", _extrachar(word)),
            ("forgotchar", _forgotchar(word, aff.try_chars)),
            ("movechar", _movechar(word)),
            ("badchar", _badchar(word, aff.try_chars)),
            ("doubletwochars", _doubletwochars(word)),
        ):
            for text in candidates:
                if good(text):
                    yield text, kind
        if not aff.nosplitsugs:
            for pair in _twowords(word):
                if good(pair[0]) and good(pair[1]):
                    yield " ".join(pair), "twowords"
                    if dash:
                        yield "-".join(pair), "twowords"

    def _similar_forms(self, word: str, known: set[str]) -> Iterator[str]:
        """Forms similar to the word, best first, scored like Hunspell's n-gram suggestions."""
        if len(word) < 2:
            return
        from rapidfuzz import process
        from rapidfuzz.distance import LCSseq

        if self._similar is None:
            self._similar = SimilarForms(self._ordered())
        pool = self._similar.near(word)
        picked = process.extract(
            word, pool, scorer=LCSseq.normalized_similarity, processor=None, limit=SHORTLIST * 2, score_cutoff=0.5
        )
        threshold = _threshold(word)
        scored: list[tuple[int, str, str]] = []
        possessive = word.endswith("'s")
        for form in {pool[i] for _, _, i in picked}:
            if form in self.nosuggest or len(form) < 2:
                continue
            if not possessive and form.endswith("'s") and form[:-2] in self.forms:
                continue  # Hunspell adds a suffix only when the word ends with it
            low = form.lower()
            rough = _ngram(len(word), word, low, any_mismatch=True) + _left_common(word, low)
            if rough > threshold:
                scored.append((rough, form, low))
        # Hunspell's order: rough score, then (for equal precise scores) the later string
        guesses = heapq.nlargest(SHORTLIST, scored)
        maxdiff = self.aff.maxdiff
        factor = (10.0 - maxdiff) / 5.0 if maxdiff >= 0 else 1.0
        phonetic = self.aff.has_phonetic
        ranked = sorted(
            (
                (_precise_score(word, low, int(LCSseq.similarity(word, low)), factor, rough, phonetic), form)
                for rough, form, low in guesses
            ),
            key=lambda g: g[0],
            reverse=True,
        )
        yield from _filter_guesses(ranked, known, self.aff.onlymaxdiff)


def _filter_guesses(guesses: list[tuple[float, str]], known: set[str], onlymaxdiff: bool) -> Iterator[str]:
    """Hunspell's cut: very good (same letters), normal, and at most one questionable guess."""
    seen = False
    found = 0
    for score, value in guesses:
        if seen and score <= 1000:
            return
        if score > 1000:
            seen = True
        elif score < -100:
            if found > 0 or onlymaxdiff:
                return
            seen = True
        if not any(k in value for k in known):
            found += 1
            yield value


@lru_cache(maxsize=4)
def suggester(base: str) -> Suggester:
    """The suggester of the Hunspell dictionary ``base.dic`` + ``base.aff``."""
    from rules.spelling.wordforms import word_forms

    forms = word_forms(base)
    return Suggester(forms.exact(), forms.nosuggest, read_aff(base + ".aff"), lambda: forms.ordered)
