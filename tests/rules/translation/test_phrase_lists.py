"""TRN001, TRN002 and TRN007 phrase lists: every example in the data files, and a few more cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import run_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DATA = Path(__file__).parents[3] / "rules" / "translation"
LISTS = {"TRN001": "caption_labels.toml", "TRN002": "credit_labels.toml", "TRN007": "calqued_titles.toml"}


def examples(kind: str) -> list:
    out = []
    for code, name in LISTS.items():
        data = tomllib.loads((DATA / name).read_text(encoding="utf-8"))
        out += [pytest.param(code, line, id=f"{code}-{line[:40]}") for line in data["examples"][kind]]
    return out


@pytest.mark.parametrize(("code", "line"), examples("bad"))
def test_example_fires(code: str, line: str) -> None:
    assert len(run_rule(code, line)) == 1


@pytest.mark.parametrize(("code", "line"), examples("good"))
def test_example_stays_silent(code: str, line: str) -> None:
    assert run_rule(code, line) == []


def test_credit_suggestion_keeps_the_agency() -> None:
    (f,) = run_rule("TRN002", "Lead paragraph.\n\nphoto source, Reuters\n\nNext paragraph.")
    assert f.suggestion == "Photo: Reuters" and f.line == 3


def test_credit_label_before_a_long_caption_keeps_the_caption() -> None:
    text = "Image source, Getty Images Image caption, The minister arrived in Geneva on Friday for talks\n"
    (f,) = run_rule("TRN002", text)
    assert (f.column, f.end_column, f.suggestion) == (1, 15, "Photo: ")


def test_caption_label_fix_deletes_only_the_label() -> None:
    (f,) = run_rule("TRN001", "picture explanation, Secretary Blinken in Geneva\n")
    assert (f.column, f.end_column) == (1, 21) and f.fix is not None and f.fix.replacement == ""
