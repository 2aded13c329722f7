"""When two spellings are one name, and when they never are."""

from __future__ import annotations

import pytest

from rules.names.similarity import (
    DEFAULT_MIN_SIMILARITY,
    gendered_pair,
    jaro_winkler_bound,
    legitimate_variants,
    similar,
)
from rules.spelling.lexicon import lexicon

US = lexicon("en_US")

VARIANTS = {
    "garbled-surname": ("Blincoln", "Blinken"),
    "vowel-slip": ("Blinkin", "Blinken"),
    "transliteration": ("Dmitri", "Dmitry"),
    "one-letter": ("Stoltenburg", "Stoltenberg"),
    "transposition": ("Merkle", "Merkel"),
}

NEVER_MERGED = {
    "kozak-kuleba": ("Kozak", "Kuleba"),
    "peskov-putin": ("Peskov", "Putin"),
    "russia-prussia": ("Russia", "Prussia"),
    "austria-australia": ("Austria", "Australia"),
    "secretary-security": ("Secretary", "Security"),
    "ivanov-ivanova": ("Ivanov", "Ivanova"),
    "kowalski-kowalska": ("Kowalski", "Kowalska"),
    "same-but-case": ("NATO", "Nato"),
    "different-first-letter": ("Kyiv", "Gyiv"),
}


@pytest.mark.parametrize("a,b", VARIANTS.values(), ids=VARIANTS.keys())
def test_variants(a: str, b: str) -> None:
    assert similar(a, b, US) and similar(b, a, US)


@pytest.mark.parametrize("a,b", NEVER_MERGED.values(), ids=NEVER_MERGED.keys())
def test_never_merged(a: str, b: str) -> None:
    assert not similar(a, b, US)


def test_first_names_ignore_the_dictionary() -> None:
    assert not similar("Anthony", "Antony", US)  # both dictionary words
    assert similar("Anthony", "Antony", None)  # compared inside matched surnames


@pytest.mark.parametrize(
    "a,b",
    [
        ("Dmitri", "Dmitry"),
        ("Sergei", "Sergey"),
        ("Alexei", "Aleksey"),
        ("Kyiv", "Kiev"),
        ("Zelenskyy", "Zelensky"),
    ],
)
def test_legitimate_variants(a: str, b: str) -> None:
    assert legitimate_variants(a, b)


@pytest.mark.parametrize("a,b", [("Blincoln", "Blinken"), ("Blinkin", "Blinken"), ("Jordon", "Jordan")])
def test_garbles_are_not_legitimate(a: str, b: str) -> None:
    assert not legitimate_variants(a, b)


def test_gendered_pairs() -> None:
    assert gendered_pair("Ivanova", "Ivanov")
    assert gendered_pair("Zakharova", "Zakharov")
    assert not gendered_pair("Blinken", "Blinkena")


def name_pairs() -> list[tuple[str, str]]:
    """Pairs of capitalised words of the seeds and fixtures that ``similar`` may compare:
    the same first letter, lengths within one."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    words: set[str] = set()
    for path in [*root.glob("seeds/*.txt"), *root.glob("tests/fixtures/*/*.txt")]:
        words |= set(re.findall(r"\b[A-Z][a-z]+\b", path.read_text(encoding="utf-8", errors="replace")))
    ordered = sorted(words)
    return [(a, b) for a in ordered for b in ordered if a < b and a[0] == b[0] and abs(len(a) - len(b)) <= 1]


def test_jaro_winkler_bound_is_never_below_the_similarity() -> None:
    import random

    from rapidfuzz.distance import JaroWinkler

    rng = random.Random(5)
    shuffled = ["".join(rng.choice("abcde") for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    pairs = name_pairs() + [(a, b) for a, b in VARIANTS.values()] + [("Caf", "CafÃ"), ("ab", "ba"), ("a", "a")]
    pairs += list(zip(shuffled[::2], shuffled[1::2], strict=True))  # many transpositions and repeats
    assert len(pairs) > 3000
    assert all(jaro_winkler_bound(a, b) >= JaroWinkler.similarity(a, b) - 1e-12 for a, b in pairs)
    # most pairs are ruled out by the bound alone
    names = name_pairs()
    assert sum(jaro_winkler_bound(a, b) < DEFAULT_MIN_SIMILARITY for a, b in names) > 0.8 * len(names)


def test_distant_names_do_not_load_rapidfuzz() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\nfrom rules.names.similarity import similar\n"
        "from rules.spelling.lexicon import lexicon\nus = lexicon('en_US')\n"
        "a = [similar('Putin', 'Peter', us), similar('Russia', 'Russian', us), similar('Blinken', 'Berlin', us)]\n"
        "before = 'rapidfuzz' in sys.modules\nb = similar('Blinken', 'Blinkin', us)\n"
        "print(a, before, b, 'rapidfuzz' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["[False,", "False,", "False]", "False", "True", "True"]
