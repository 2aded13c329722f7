"""GRM001 wrong-indefinite-article."""

from __future__ import annotations

from pathlib import Path

import pytest

from rules.grammar.indefinite_article import expected_article
from tests.helpers import run_rule

CODE = "GRM001"

FIRES = {
    "an-unique": ("It provides an unique link between them.", "an unique", "a"),
    "a-hour": ("They met a hour later.", "a hour", "an"),
    "a-honest": ("He is a honest broker.", "a honest", "an"),
    "an-european": ("It is an European decision.", "an European", "a"),
    "an-one-off": ("It was an one-off payment.", "an one-off", "a"),
    "an-ukrainian": ("He met an Ukrainian diplomat.", "an Ukrainian", "a"),
    "a-apple": ("She ate a apple.", "a apple", "an"),
    "a-unusual": ("It was a unusual step.", "a unusual", "an"),
    "a-uninformed": ("It was a uninformed guess.", "a uninformed", "an"),
    "capital-at-sentence-start": ("Talks ended. A alliance formed.", "A alliance", "An"),
    "a-imf": ("He joined a IMF mission.", "a IMF", "an"),
    "an-us-official": ("An US official said so.", "An US", "A"),
    "listed-initialism": ("He is a FBI agent.", "a FBI", "an"),
    "letter-compound": ("He needed a X-ray.", "a X-ray", "an"),
    "quoted-word": ("It was an “unique” chance.", "an “unique", "a"),
}

SILENT = {
    "a-unique": "It provides a unique link between them.",
    "an-hour": "They met an hour later, an honest man and an heir.",
    "initialisms": "An MBA, an FBI agent, an NGO and an MP met a NATO official.",
    "you-sound": "A university, a European, a one-off, a user, a Ukrainian and a union.",
    "h-words-both-ways": "An historic day and a historic day; a hotel, an hotel.",
    "plan-a": "Plan A failed, so Grade A eggs and vitamin A.",
    "letter-a": "The letter a is a vowel; if a and b are equal.",
    "numbers": "An 8-year-old and a 10-year-old; an 11th hour.",
    "unlisted-acronym": "An SNP member and a SNP member.",
    "uber": "He called an Uber.",
    "compounds": "A T-shirt, an X-ray, a U-turn and an e-mail.",
}


@pytest.mark.parametrize("text,span,fix", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, span: str, fix: str) -> None:
    (f,) = run_rule(CODE, text)
    assert text[f.start : f.end] == span
    assert f.suggestion == fix
    assert f.fix is not None and f.fix.replacement == fix
    assert text[f.fix.start : f.fix.end] in ("a", "an", "A", "An")


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_fix_for_words_is_safe_for_acronyms_not() -> None:
    (word,) = run_rule(CODE, "an unique link")
    (acronym,) = run_rule(CODE, "a IMF team")
    assert word.fix is not None and word.fix.safe
    assert acronym.fix is not None and not acronym.fix.safe


@pytest.mark.parametrize(
    "word,article",
    [
        ("hour", "an"),
        ("unique", "a"),
        ("umbrella", "an"),
        ("NATO", "a"),
        ("NHS", "an"),
        ("8", None),
        ("NYT", None),
    ],
)
def test_expected_article(word: str, article: str | None) -> None:
    assert expected_article(word) == article


def _vowel_words() -> list[str]:
    """Words starting with a vowel or "h" from every fixture, in three casings."""
    words: set[str] = set()
    for path in Path(__file__).parents[2].glob("fixtures/*/*.*"):
        for word in path.read_text(encoding="utf-8", errors="replace").split():
            word = word.strip(".,;:!?()[]“”‘’\"'")
            if word[:1].lower() in ("a", "e", "i", "o", "u", "h") and word.isascii():
                words.update({word, word.lower(), word.upper(), word.capitalize()})
    return sorted(words)


def test_ascii_words_are_judged_alike_with_re_and_regex() -> None:
    from rules.grammar.indefinite_article import sounds

    fast, full = vars(sounds(True)), vars(sounds(False))
    words = _vowel_words()
    assert len(words) > 1000
    for name, a, b in ((name, fast[name], full[name]) for name in fast):
        for word in words:
            ma, mb = a.match(word), b.match(word)
            assert (ma and ma.span()) == (mb and mb.span()), (name, word)


def test_other_words_keep_full_case_folding() -> None:
    # "ﬆ" (a ligature) folds to "st" only with full case folding: "hiﬆoric" is "historic"
    assert expected_article("hiﬆoric") is None
    assert expected_article("historic") is None
    assert expected_article("hotel") is None
    assert expected_article("heﬆ") == "a"
