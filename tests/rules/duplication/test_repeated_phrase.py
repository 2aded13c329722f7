"""DUP001 repeated-phrase."""

from __future__ import annotations

import random
import time

import pytest

from tests.helpers import run_rule

CODE = "DUP001"

FIRES = {
    "spun-clause": ("He would meet him in the coming days in the coming days to talk.", "in the coming days"),
    "long-title-and-name": (
        "Secretary of the state Antony Blinken also Secretary of the state Antony Blinken also said so.",
        "Secretary of the state Antony Blinken also",
    ),
    "case-differs": ("The Prime Minister said the prime minister said nothing.", "the prime minister said"),
    "across-soft-line-break": (
        "The talks will go on the talks\nwill go on until Friday.",
        "the talks\nwill go on",
    ),
    "two-words": ("The president the president spoke.", "the president"),
    "inner-punctuation": (
        "They joined the U.S.-led talks the U.S.-led talks on Friday.",
        "the U.S.-led talks",
    ),
}

SILENT = {
    "comma-between": "We will fight, we will fight until the end.",
    "anaphora": "We will fight, we will win, we will never give up.",
    "one-word-run": "La la la la, she sang.",
    "periodic-figure": "Day after day after day, the rain kept falling.",
    "periodic-figure-2": "It happened again and again and again.",
    "numbers-table": "2019 2020 2019 2020",
    "different-words": "In the morning and in the evening.",
    "whole-lines": "Headline of the day today\nHeadline of the day today",
    "reduplicated-name": "They flew to Bora Bora on Friday.",
    "full-stop-between": "Stop the war. Stop the war.",
    "comma-after-each-copy": "He said, in fact, in fact, that it was over.",
    "copies-differ-in-punctuation": "the U.S. talks the US talks",
}


@pytest.mark.parametrize("text,phrase", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, phrase: str) -> None:
    findings = run_rule(CODE, text)
    assert len(findings) == 1
    f = findings[0]
    assert text[f.start : f.end].casefold() == phrase.casefold()
    assert f.fix is not None and f.fix.safe and f.fix.replacement == ""


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


def test_fix_leaves_one_space() -> None:
    text = "in the coming days in the coming days to Lavrov"
    (f,) = run_rule(CODE, text)
    assert f.fix is not None
    fixed = text[: f.fix.start] + f.fix.replacement + text[f.fix.end :]
    assert fixed == "in the coming days to Lavrov"


def test_quoted_repetition_is_softer() -> None:
    (plain,) = run_rule(CODE, "They said the war is over the war is over now.")
    (quoted,) = run_rule(CODE, "They said: “the war is over the war is over” now.")
    assert str(plain.severity) == "error"
    assert str(quoted.severity) == "warning"


def test_two_word_phrase_is_a_warning() -> None:
    (f,) = run_rule(CODE, "The president the president spoke.")
    assert str(f.severity) == "warning"


def test_linear_on_a_long_line() -> None:
    rng = random.Random(1)
    vocab = "the a of to and in on cat dog sat mat ran said he she it was is".split()
    text = " ".join(rng.choice(vocab) for _ in range(400_000))  # ~1.5 MB on one line
    start = time.perf_counter()
    run_rule(CODE, text)
    assert time.perf_counter() - start < 10
