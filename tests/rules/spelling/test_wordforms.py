"""The expanded Hunspell word forms accept exactly what spylls' lookup accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rules.spelling import wordforms
from rules.spelling.lexicon import _codespell_file, _dictionary_dir, common_misspellings, hunspell

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
    good = cached.read_bytes()
    expand_all = wordforms.expand_all

    def no_expansion(dictionary: object) -> None:
        raise AssertionError("the cache file was not used")

    monkeypatch.setattr(wordforms, "expand_all", no_expansion)
    wordforms.word_forms.cache_clear()
    assert wordforms.word_forms(base).forms == first.forms  # read from the file
    monkeypatch.setattr(wordforms, "expand_all", expand_all)
    i = good.index(b"\nfield\n")
    broken = {
        "not-utf8": b"\xff\xfe broken",
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "a-form-changed": good[: i + 1] + b"fjeld" + good[i + 6 :],  # same length, checksum differs
        "no-header": good[good.index(b"\n") + 1 :],
    }
    assert wordforms.valid(good)
    assert not any(wordforms.valid(data) for data in broken.values())
    cached.write_bytes(broken["a-form-changed"])
    wordforms.word_forms.cache_clear()
    rebuilt = wordforms.word_forms(base)
    assert rebuilt.forms == first.forms
    assert "field" in rebuilt and "fjeld" not in rebuilt
    assert cached.read_bytes() == good
    wordforms.word_forms.cache_clear()


def test_codespell_list_is_cached_sorted_and_rebuilt_when_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    common_misspellings.cache_clear()
    assert common_misspellings()["feild"] == ["field"]
    [cached] = (tmp_path / "copydesk" / "wordforms").glob("codespell-dictionary-*.txt")
    lines = cached.read_bytes().split(b"\n")[1:-1]
    assert lines == sorted(lines) and len(lines) > 30000
    good = cached.read_bytes()
    cached.write_bytes(good.replace(b"\nfeild->field\n", b"\nfeild->fjeld\n"))
    common_misspellings.cache_clear()
    assert common_misspellings()["feild"] == ["field"]  # the checksum did not match: rebuilt
    assert cached.read_bytes() == good
    common_misspellings.cache_clear()


def test_common_misspellings_split_on_lookup() -> None:
    table = common_misspellings()
    assert table["feild"] == ["field"]
    assert table.get("feild") == ["field"] and table.get("field") is None
    assert "teh" in table and len(table) > 30000
    assert "" not in table and "feild->field" not in table and "feil" not in table
    with pytest.raises(KeyError):
        table["field"]


def test_common_misspellings_answer_like_a_dict_of_the_file() -> None:
    """The sorted lines searched by bisection give every misspelling, and only those."""
    path = Path(_codespell_file("dictionary.txt"))
    lines = path.read_text(encoding="utf-8").splitlines()
    plain = dict(line.split("->", 1) for line in lines if "->" in line)
    table = common_misspellings()
    assert all(table[k] == [r.strip() for r in v.split(",") if r.strip()] for k, v in plain.items())
    near = {k[:-1] for k in plain} | {k + "s" for k in plain} | {k.upper() for k in plain} | {k + "-" for k in plain}
    assert all((k in table) == (k in plain) for k in near)


@pytest.mark.parametrize("locale", ["en_US", "en_GB"])
def test_odd_forms_read_from_the_file_are_those_of_the_set(locale: str) -> None:
    forms = wordforms.word_forms(str(Path(_dictionary_dir()) / locale))
    assert forms.odd == frozenset(f for f in forms.forms if "-" in f or "’" in f or "ʼ" in f)
    assert forms.ordered == sorted(forms.forms)


def set_contains(forms: frozenset[str], upper: frozenset[str], word: str) -> bool:
    """Hunspell's casing rules on a plain set of forms (``upper``: the forms in capitals)."""
    if word in forms:
        return True
    if "-" in word.strip("-"):
        return all(set_contains(forms, upper, part) for part in word.split("-") if part)
    if word[:1].isupper() and (word[1:].islower() or len(word) == 1):
        return word.lower() in forms
    if word.isupper() and len(word) > 1:
        return word in upper
    return False


@pytest.mark.parametrize("locale", ["en_US", "en_GB"])
def test_text_lookups_answer_like_the_set(locale: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before its set is built, a dictionary read from the cache file answers by a binary
    search in the file's bytes: the same answers as a set, for every kind of word."""
    base = str(Path(_dictionary_dir()) / locale)
    wordforms.word_forms.cache_clear()
    lazy = wordforms.word_forms(base)
    monkeypatch.setattr(lazy, "TEXT_LOOKUPS", 10**7)
    forms = frozenset(lazy.ordered)
    upper = frozenset(f.upper() for f in forms)
    mixed = sorted(f for f in forms if not f.islower())[::20]
    words = corpus_words()[:400] + mixed + [f.upper() for f in mixed] + [f.lower() for f in mixed]
    words += ["colour", "Colour", "COLOUR", "anti-armour", "co-op", "#nosuggest", "#upper", "", "x\ny", "\ud800"]
    words += [lazy.ordered[0], lazy.ordered[-1], lazy.ordered[0][:-1], lazy.ordered[-1] + "z", "\n", "zzzzzz"]
    answers = [w in lazy for w in words]
    assert lazy._forms is None  # answered from the file's bytes
    assert answers == [set_contains(forms, upper, w) for w in words]
    capitals = set(wordforms.upper_only(forms)) | set(sorted(upper)[::50])  # the mixed-case forms, and others
    assert all((w in lazy) == set_contains(forms, upper, w) for w in capitals)
    tokens = frozenset(words)
    assert lazy.unknown(tokens) == tokens - (forms - lazy.odd)
    assert lazy._forms is None
    assert lazy.nosuggest and lazy.nosuggest <= lazy.forms
    assert lazy.unknown(tokens) == tokens - (forms - lazy.odd)  # by set difference now
    wordforms.word_forms.cache_clear()


def test_the_set_is_built_after_enough_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    wordforms.word_forms.cache_clear()
    lazy = wordforms.word_forms(str(Path(_dictionary_dir()) / "en_US"))
    monkeypatch.setattr(lazy, "TEXT_LOOKUPS", 3)
    assert "field" in lazy and "feild" not in lazy and lazy._forms is None
    assert lazy.unknown(frozenset(["a"])) == frozenset() and lazy._forms is None
    assert lazy.unknown(frozenset(["the", "feild"])) == {"feild"} and lazy._forms is not None
    assert "field" in lazy and "feild" not in lazy
    wordforms.word_forms.cache_clear()


def test_exact_forms_have_no_casing_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suggester's view: exact members only, from the file's bytes before the set is built."""
    wordforms.word_forms.cache_clear()
    lazy = wordforms.word_forms(str(Path(_dictionary_dir()) / "en_US"))
    monkeypatch.setattr(lazy, "TEXT_LOOKUPS", 10**6)
    exact = lazy.exact()
    words = ["field", "Field", "FIELD", "feild", "Paris", "paris", "PARIS", "co-op", "prep ration", "", 7]
    answers = [w in exact for w in words]
    assert lazy._forms is None
    assert answers == [w in lazy.forms for w in words]
    assert answers[:3] == [True, False, False] and "Field" in lazy  # the casing rules are WordForms'
    wordforms.word_forms.cache_clear()


def test_a_new_cache_file_prunes_stale_ones_of_its_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = wordforms.cache_folder()
    folder.mkdir(parents=True)
    header = f"{wordforms.HEADER} {wordforms.FORMAT} 00000000\n"
    old_format = folder / "lex-aaaa.txt"
    old_format.write_text(f"{wordforms.HEADER} 2 00000000\nx\n", encoding="utf-8")
    recent, unused = folder / "lex-bbbb.txt", folder / "lex-cccc.txt"
    recent.write_text(header + "x\n", encoding="utf-8")  # another environment's dictionary version
    unused.write_text(header + "x\n", encoding="utf-8")
    month_ago = time.time() - (wordforms.STALE_DAYS + 1) * 86400
    os.utime(unused, (month_ago, month_ago))
    other_name, users = folder / "lex-extra-dddd.txt", folder / "notes.txt"
    other_name.write_text("#not ours\n", encoding="utf-8")
    users.write_text("mine\n", encoding="utf-8")
    source = tmp_path / "lex.dic"
    source.write_text("word\n", encoding="utf-8")
    data = wordforms.cache_file("lex", [str(source)], lambda: ["word"])
    [new] = [p for p in folder.glob("lex-*.txt") if p.read_bytes() == data]
    assert not old_format.exists() and not unused.exists()
    assert recent.exists() and other_name.exists() and users.exists()
    # a file in use keeps its place: reading it marks it used (at most once a day)
    os.utime(new, (month_ago, month_ago))
    assert wordforms.cache_file("lex", [str(source)], lambda: ["never built"]) == data
    assert time.time() - new.stat().st_mtime < 3600
