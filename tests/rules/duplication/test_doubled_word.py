"""DUP002 doubled-word."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "DUP002"

FIRES = {
    "article": ("It was the the best offer.", "the", "error"),
    "capital-then-lower": ("The the offer stood.", "the", "error"),
    "preposition": ("the future of of the alliance", "of", "error"),
    "content-word": ("The troops troops moved north.", "troops", "warning"),
    "no-break-space": ("a plan to\u00a0to act", "to", "error"),
    # the pair is a whole word and the part of a joined word next to it
    "after-hyphenated-word": ("a state-of-the-art art gallery", "art", "warning"),
    "before-hyphenated-word": ("the the-end-of-the-world party", "the", "error"),
    "between-joined-words": ("a well-known known-unknown case", "known", "warning"),
    "after-apostrophe": ("o'clock clock tower", "clock", "warning"),
    # letters outside ASCII, with and without their case pairs
    "accented-case-pair": ("It was his café Café then.", "café", "warning"),
    "cyrillic": ("Он сказал что что будет.", "что", "warning"),
    "greek-case-pair": ("Η πόλη αθηνα Αθηνα.", "αθηνα", "warning"),
    "long-s": ("the ſtate ftate state ſtate", "ſtate", "warning"),
    "sharp-s": ("the straße Straße sign", "straße", "warning"),
}

SILENT = {
    "had-had": "She had had enough.",
    "that-that": "He said that that was final.",
    "very-comma-very": "It was very, very cold.",
    "very-very": "It was very very cold.",
    "reduplicated-name": "They flew to Bora Bora and then Walla Walla.",
    "run-of-three": "Ha ha ha, he laughed. La la la, she sang.",
    "interjection": "Knock knock. Bye bye, then.",
    "her-her": "He gave her her coat.",
    "may-may": "Theresa May may resign.",
    "name-then-verb": "Our colleague Will will decide.",
    "across-line-break": "The meeting ended with the\nthe end of the agenda.",
    "different-words": "They then thought it over.",
}


@pytest.mark.parametrize("text,word,severity", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, word: str, severity: str) -> None:
    findings = run_rule(CODE, text)
    assert len(findings) == 1
    f = findings[0]
    assert text[f.start : f.end].casefold() == word.casefold()
    assert str(f.severity) == severity
    assert f.fix is not None and f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_allow_option() -> None:
    assert run_rule(CODE, "The troops troops moved.", options={"allow": ["Troops"]}) == []


def test_fix_removes_word_and_space() -> None:
    text = "It was the the best."
    (f,) = run_rule(CODE, text)
    assert f.fix is not None
    assert text[: f.fix.start] + f.fix.replacement + text[f.fix.end :] == "It was the best."


def test_trusted_letters_fold_as_python_does() -> None:
    """The case-folded word comparison that picks the lines to scan is exact only if the
    pattern's case-insensitive match of two trusted (or ASCII) letters is equality of their
    Python case-foldings, and the joined-word pattern (``re``) agrees."""
    import re
    import string

    from rules.duplication.doubled_word import joined_pair, odd, patterns, trusted

    letters = sorted(trusted() | set(string.ascii_letters))
    for x in letters:
        assert len(x.casefold()) == 1 and x.isalpha() and not odd(x) or x in string.ascii_letters, x
        for y in letters:
            same = x.casefold() == y.casefold()
            assert (patterns().doubled.fullmatch(f"{x} {y}") is not None) == same, (x, y)
            assert (joined_pair().fullmatch(f"-{x} {y}") is not None) == same, (x, y)
            assert (re.fullmatch(r"(?i)(.) \1", f"{x} {y}") is not None) == same, (x, y)


@pytest.mark.parametrize("char", ["ß", "ſ", "ı", "İ", "ς", "µ", "\u212a", "\u0345", "²", "\U0001e900"])
def test_odd_characters_are_scanned(char: str) -> None:
    from rules.duplication.doubled_word import odd

    assert odd(char)
