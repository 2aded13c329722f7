"""Section and navigation names of news sites (data/*.txt), shared by BPL005 and BPL006."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data"
MAX_WORDS = 3


def _load(name: str) -> frozenset[str]:
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(" ".join(x.lower().split()) for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def sections() -> frozenset[str]:
    """Section names ("world", "top stories")."""
    return _load("sections.txt")


@lru_cache(maxsize=1)
def navigation() -> frozenset[str]:
    """Navigation labels ("newsletter", "sign in", "menu")."""
    return _load("navigation.txt")


def prefixes(words: list[str], vocabulary: Iterable[str]) -> list[int]:
    """Every k such that ``words[:k]`` splits into names of the vocabulary (1 to 3 words each)."""
    known = vocabulary if isinstance(vocabulary, (set, frozenset)) else frozenset(vocabulary)
    reachable = {0}
    for i in range(len(words)):
        if i not in reachable:
            continue
        for n in range(1, MAX_WORDS + 1):
            if i + n <= len(words):
                phrase = " ".join(w.lower().strip(",:;") for w in words[i : i + n])
                if phrase in known:
                    reachable.add(i + n)
    return sorted(reachable - {0})


def section_prefixes(words: list[str]) -> list[int]:
    """Every k such that ``words[:k]`` is a sequence of section names."""
    return prefixes(words, sections())
