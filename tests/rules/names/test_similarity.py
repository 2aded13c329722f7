"""When two spellings are one name, and when they never are."""

from __future__ import annotations

import pytest

from rules.names.similarity import gendered_pair, legitimate_variants, similar
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
