"""On a plain line (``_layout.plain``) the boilerplate rules match with patterns compiled by the
stdlib ``re``, cheap to compile, instead of ``regex`` with full case folding: both must find
exactly the same things there."""

from __future__ import annotations

import random
import re

import pytest
import regex

from rules.boilerplate import call_to_action, counters, credit_line
from rules.boilerplate._layout import PLAIN, plain
from tests.helpers import FIXTURES
from tests.rules.boilerplate import test_call_to_action, test_counters, test_credit_line

MODULES = {"BPL002": call_to_action, "BPL003": credit_line, "BPL004": counters}


def _lines() -> list[str]:
    """Every plain line of the fixtures (short: what the rules read), as written, in capitals,
    in lower case, and with other spaces and quotation marks."""
    lines: set[str] = set()
    for path in FIXTURES.glob("*/*.*"):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            lines.update({line, line.strip("()[] "), line.upper(), line.lower()})
            lines.add(line.replace(" ", "\u00a0", 1).replace(" ", "\t", 1).replace("'", "’").replace('"', "“"))
    return sorted(line for line in lines if 0 < len(line) <= 250 and plain(line))


def _shuffled(count: int) -> list[str]:
    """Lines that start like one of the rules' own examples and go on with words of the
    others, joined by spaces, tabs, no-break spaces and punctuation (seeded: the same lines
    on every run)."""
    examples = [
        *test_call_to_action.FIRES.values(),
        *test_call_to_action.SILENT.values(),
        *test_counters.FIRES_AT_TOP.values(),
        *test_counters.FIRES_ANYWHERE.values(),
        *test_counters.SILENT_AT_TOP.values(),
        *test_credit_line.FIRES.values(),
        *test_credit_line.SILENT.values(),
    ]
    words = sorted({w for line in examples for w in line.split()} | {"Adam", "adam", "Zoe", "1.2K", "@a", "“A", "’"})
    glue = [" ", " ", " ", "\t", "\u00a0", ": ", " - ", " – ", ", ", " | ", " • ", "/"]
    rng = random.Random(5)
    out = []
    for _ in range(count):
        head = " ".join(rng.choice(examples).split()[: rng.randint(1, 3)])
        tail = [rng.choice(words) for _ in range(rng.randint(0, 4))]
        out.append(head + "".join(rng.choice(glue) + w for w in tail))
    return [line for line in out if plain(line)]


def _each_character() -> list[str]:
    """Every printable ASCII character where the patterns read a letter class (the ``re``
    twins spell ``\\p{Lu}`` and ``\\p{L}`` as ASCII ranges)."""
    out = []
    for c in map(chr, range(0x20, 0x7F)):
        out += [
            f"Photo by {c}ane",
            f"Image source, {c}etty",
            f"AP Photo/J{c}ne",
            f"Stay with {c}xample",
            f"Stay with the {c}",
        ]
    return out


LINES = _lines() + _shuffled(3000) + _each_character()
EXTRA = sorted(PLAIN - set(map(chr, range(0x20, 0x7F))))


def test_the_fixtures_give_many_plain_lines() -> None:
    assert len(LINES) > 1500


@pytest.mark.parametrize("ch", ["\t", *EXTRA], ids=lambda c: f"U+{ord(c):04X}")
def test_plain_characters_read_the_same_in_both_modules(ch: str) -> None:
    assert ch.lower() == ch.upper() == ch.casefold() == ch  # no case: IGNORECASE cannot differ
    for cls in (r"\s", r"\d", r"\w"):
        assert bool(re.match(cls, ch)) == bool(regex.match(cls, ch)), cls
    assert not regex.match(r"(?i)[\p{L}\p{N}\p{M}]", ch)
    assert not re.match(r"\w", ch)


def test_control_characters_other_than_tab_are_not_plain() -> None:
    # re reads \x1c-\x1f as white space, regex does not
    assert not any(plain(chr(c)) for c in (*range(0x09), *range(0x0A, 0x20), 0x7F))
    assert not plain("Stra\u00dfe") and not plain("\ufb01le photo")


def _word_starts(line: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<![^ \t])\S", line)][1:4]


def _same(a: re.Match[str] | None, b: regex.Match[str] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.span() == b.span() and a.groupdict() == b.groupdict()


@pytest.mark.parametrize("code", MODULES)
def test_re_twins_match_what_the_regex_patterns_match(code: str) -> None:
    module = MODULES[code]
    fast, full = vars(module._patterns(True)), vars(module._patterns(False))
    assert fast.keys() == full.keys()
    assert all(isinstance(p, re.Pattern) for p in fast.values())
    assert all(isinstance(p, regex.Pattern) for p in full.values())
    for name, a, b in ((name, fast[name], full[name]) for name in fast):
        for line in LINES:
            assert _same(a.fullmatch(line), b.fullmatch(line)), (name, line)
            assert [m.span() for m in a.finditer(line)] == [m.span() for m in b.finditer(line)], (name, line)
            for at in _word_starts(line):  # the rules search from and up to a word
                assert _same(a.match(line, at), b.match(line, at)), (name, line, at)
                assert _same(a.search(line, 0, at), b.search(line, 0, at)), (name, line, at)
