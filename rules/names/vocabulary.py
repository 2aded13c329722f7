"""The house vocabulary an editor maintains (``settings["vocabulary"]``, Vale-style).

``{"accept": [...], "reject": [...], "names": [...]}``: accepted terms are never spelling
errors, and a capitalised accepted term is also a house spelling of a name; rejected terms
are always reported; each ``names`` entry is a canonical name, optionally followed by known
misspellings: ``"Antony Blinken: Anthony Blincoln, Blincoln"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import regex


class HouseName(NamedTuple):  # (tuples: a dataclass costs ~0.5 ms of start-up to create)
    canonical: str
    misspellings: tuple[str, ...] = ()

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.canonical.split())


class Vocabulary(NamedTuple):
    names: tuple[HouseName, ...]
    reject: tuple[str, ...]


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    return tuple(str(v).strip() for v in value or () if str(v).strip())


def vocabulary(settings: Mapping[str, Any]) -> Vocabulary:
    vocab = settings.get("vocabulary") or {}
    return _parse(_strings(vocab.get("names")), _strings(vocab.get("accept")), _strings(vocab.get("reject")))


@lru_cache(maxsize=32)
def _parse(names: tuple[str, ...], accept: tuple[str, ...], reject: tuple[str, ...]) -> Vocabulary:
    out: dict[str, HouseName] = {}
    for entry in names:
        canonical, _, rest = entry.partition(":")
        canonical = canonical.strip()
        if canonical:
            out[canonical] = HouseName(canonical, _strings(rest.split(",")))
    for term in accept:
        if term[:1].isupper() and term not in out:
            out[term] = HouseName(term)
    return Vocabulary(tuple(out.values()), reject)


@lru_cache(maxsize=1024)
def literal(term: str, ignore_case: bool) -> Any:
    """A pattern for ``term`` as a whole word (letters or digits may not touch it)."""
    flags = regex.V1 | (regex.IGNORECASE if ignore_case else 0)
    body = r"\s+".join(regex.escape(word) for word in term.split())
    return regex.compile(r"(?<![\p{L}\p{N}])" + body + r"(?![\p{L}\p{N}])", flags)
