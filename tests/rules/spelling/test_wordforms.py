"""The expanded Hunspell word forms accept exactly what spylls' lookup accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rules.spelling import wordforms
from rules.spelling.lexicon import _dictionary_dir, common_misspellings, hunspell

ROOT = Path(__file__).resolve().parents[3]


def corpus_words() -> list[str]:
    words: set[str] = set()
    for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/fixtures/*/*.txt")]:
        text = path.read_text(encoding="utf-8", errors="replace").replace("’", "'")
        words |= set(re.findall(r"[^\W\d_]+(?:['-][^\W\d_]+)*", text))
    return sorted(words)


@pytest.mark.parametrize("locale", ["en_US", "en_GB"])
def test_same_verdicts_as_spylls(locale: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wordforms.word_forms.cache_clear()
    forms = wordforms.word_forms(str(Path(_dictionary_dir()) / locale))
    words = corpus_words()
    words += [w.upper() for w in words[:300]] + [w + "q" for w in words[:300]]
    assert len(words) > 1500
    differ = [w for w in words if bool(hunspell(locale).lookup(w)) != (w in forms)]
    # Hunspell also scans its stems case-insensitively for words in capitals; the word
    # forms do not, so a rare all-caps word (JENS) may differ. Nothing else may.
    assert all(w.isupper() and len(w) > 1 for w in differ), differ
    assert len(differ) <= 2
    assert list((tmp_path / "copydesk" / "wordforms").glob(f"{locale}-*.txt"))


def test_cached_file_is_reused_and_a_broken_one_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    base = str(Path(_dictionary_dir()) / "en_US")
    wordforms.word_forms.cache_clear()
    first = wordforms.word_forms(base)
    [cached] = (tmp_path / "copydesk" / "wordforms").glob("en_US-*.txt")
    cached.write_bytes(b"\xff\xfe broken")
    wordforms.word_forms.cache_clear()
    rebuilt = wordforms.word_forms(base)
    assert rebuilt.forms == first.forms
    wordforms.word_forms.cache_clear()


def test_common_misspellings_split_on_lookup() -> None:
    table = common_misspellings()
    assert table["feild"] == ["field"]
    assert table.get("feild") == ["field"] and table.get("field") is None
    assert "teh" in table and len(table) > 30000


@pytest.mark.parametrize("locale", ["en_US", "en_GB"])
def test_odd_forms_read_from_the_file_are_those_of_the_set(locale: str) -> None:
    forms = wordforms.word_forms(str(Path(_dictionary_dir()) / locale))
    assert forms.odd == frozenset(f for f in forms.forms if "-" in f or "’" in f or "ʼ" in f)
    assert forms.ordered == sorted(forms.forms)


def test_text_lookups_answer_like_the_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before its set is built, a dictionary read from the cache file answers by searching
    the file's text: the same answers, for every kind of word."""
    base = str(Path(_dictionary_dir()) / "en_GB")
    words = corpus_words()[:400] + ["colour", "Colour", "COLOUR", "anti-armour", "co-op", "#nosuggest", "", "x\ny"]
    wordforms.word_forms.cache_clear()
    lazy = wordforms.word_forms(base)
    monkeypatch.setattr(lazy, "TEXT_LOOKUPS", 10**6)
    answers = [w in lazy for w in words]
    assert lazy._forms is None or lazy._upper is not None  # answered from the text (capitals aside)
    eager = wordforms.WordForms(lazy.forms)
    assert answers == [w in eager for w in words]
    assert lazy.nosuggest and lazy.nosuggest <= lazy.forms
    wordforms.word_forms.cache_clear()
