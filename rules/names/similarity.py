"""When are two name forms variants of one name?

The measured rule (DEPENDENCIES.md, re-measured on the seeds: it pairs only Blincoln/Blinken,
Anthony/Antony inside matched surnames, Dmitri/Dmitry, and two dictionary words
Secretary/Security that the dictionary condition then drops): same first letter,
Jaro-Winkler >= 0.86 (rapidfuzz), lengths within one, the two forms differ beyond case, and
not both are dictionary words (Russia/Prussia, Austria/Australia are two places).
Masculine/feminine surnames (Ivanov/Ivanova) are two people. Transliteration variants
(Dmitri/Dmitry, Kyiv/Kiev) are legitimate: both spellings are right.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import regex

from rules.spelling.lexicon import Lexicon

DATA = Path(__file__).parent / "data"
DEFAULT_MIN_SIMILARITY = 0.86

#: spelling conventions of transliteration, applied in order to build a comparison key
_TRANSLIT = [
    (r"kh", "h"),
    (r"ks", "x"),
    (r"ou", "u"),
    (r"(?<=[aeiou])y(?=[aeiou])", "i"),
    (r"ye|je", "e"),
    (r"yo|jo", "io"),
    (r"yu|ju", "iu"),
    (r"ya|ja", "ia"),
    (r"iy|yy|ii|ij", "i"),
    (r"[yj]", "i"),
]


@cache
def _translit() -> list[tuple[Any, str]]:
    """``_TRANSLIT`` compiled (when a key is first needed)."""
    return [(regex.compile(pattern), repl) for pattern, repl in _TRANSLIT]


def data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a file in ``rules/names/data``."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=16)
def _pairs(name: str) -> frozenset[tuple[str, str]]:
    out = set()
    for line in data_lines(name):
        a, _, b = line.partition("=")
        out.add((a.strip().casefold(), b.strip().casefold()))
    return frozenset(out)


@lru_cache(maxsize=100_000)
def transliteration_key(name: str) -> str:
    key = name.casefold()
    for pattern, repl in _translit():
        key = pattern.sub(repl, key)
    return key


def legitimate_variants(a: str, b: str) -> bool:
    """Two right spellings of one name: a transliteration convention or a listed pair."""
    if transliteration_key(a) == transliteration_key(b):
        return True
    pair = (a.casefold(), b.casefold())
    known = _pairs("transliterations.txt")
    return pair in known or pair[::-1] in known


def gendered_pair(a: str, b: str) -> bool:
    """Masculine and feminine forms of one surname (Ivanov/Ivanova, Kowalski/Kowalska)."""
    x, y = a.casefold(), b.casefold()
    for masc, fem in _pairs("gendered_suffixes.txt"):
        for m, f in ((x, y), (y, x)):
            if m.endswith(masc) and f.endswith(fem) and m[: -len(masc)] == f[: -len(fem)]:
                return True
    return False


@lru_cache(maxsize=500_000)
def _close(a: str, b: str, threshold: float) -> bool:
    if jaro_winkler_bound(a, b) < threshold - 1e-9:
        return False  # most pairs: rapidfuzz (~15 ms to import) is not needed
    from rapidfuzz.distance import JaroWinkler

    return JaroWinkler.similarity(a, b) >= threshold


def jaro_winkler_bound(a: str, b: str) -> float:
    """An upper bound of the Jaro-Winkler similarity (prefix weight 0.1) of two non-empty
    strings. Jaro matches equal letters at most ``window`` apart, each letter once; here a
    letter counts when an equal one lies within the window (on each side, and no more than
    the letters the two share), and no match is transposed. (Jaro-Winkler grows with Jaro.)"""
    window = max(0, max(len(a), len(b)) // 2 - 1)
    reach_a = sum(c in b[max(0, i - window) : i + window + 1] for i, c in enumerate(a))
    reach_b = sum(c in a[max(0, j - window) : j + window + 1] for j, c in enumerate(b))
    matches = min(reach_a, reach_b, sum((Counter(a) & Counter(b)).values()))
    if not matches:
        return 0.0
    jaro = (matches / len(a) + matches / len(b) + 1) / 3
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1 - jaro)


def similar(a: str, b: str, lexicon: Lexicon | None, threshold: float = DEFAULT_MIN_SIMILARITY) -> bool:
    """Are ``a`` and ``b`` spellings of one name (see the module doc)? Without a lexicon the
    dictionary condition is skipped: first names compared inside full names whose surnames
    match (dictionaries list many first names: Anthony and Antony are both words)."""
    if a.casefold() == b.casefold() or a[:1].casefold() != b[:1].casefold() or abs(len(a) - len(b)) > 1:
        return False
    if lexicon is not None and lexicon.knows(a) and lexicon.knows(b):
        return False  # (asked before the similarity: Russia/Russian need no rapidfuzz)
    return _close(a, b, threshold) and not gendered_pair(a, b)
