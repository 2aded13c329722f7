"""Phrase-list rules: every data file's examples hold, and bad files fail clearly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import rules
from linter.phrases import PhraseListError, load_phrase_file, parse_phrase_list
from tests.helpers import run_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PHRASE_FILES = sorted(p for folder in rules.__path__ for p in Path(folder).glob("*/*.toml"))


def examples(kind: str) -> list:
    out = []
    for path in PHRASE_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, line in enumerate(data.get("examples", {}).get(kind, [])):
            out.append(pytest.param(data["code"], line, id=f"{data['code']}-{kind}-{i}"))
    return out


def test_every_phrase_list_has_examples_of_both_kinds() -> None:
    assert PHRASE_FILES, "no phrase lists found"
    for path in PHRASE_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert data.get("examples", {}).get("bad"), f"{path.name}: no bad examples"
        assert data.get("examples", {}).get("good"), f"{path.name}: no good examples"


@pytest.mark.parametrize(("code", "line"), examples("bad"))
def test_bad_examples_fire(code: str, line: str) -> None:
    assert run_rule(code, line + "\n"), f"{code} stayed silent on {line!r}"


@pytest.mark.parametrize(("code", "line"), examples("good"))
def test_good_examples_stay_silent(code: str, line: str) -> None:
    found = run_rule(code, line + "\n")
    assert not found, f"{code} fired on {line!r}: {found[0].message}"


MINIMAL = {
    "code": "BPL999",
    "name": "test-list",
    "category": "boilerplate",
    "severity": "warning",
    "kind": "existence",
    "scope": "text",
    "ignore-case": True,
    "word-boundary": True,
    "message": "found {match}",
    "fix": "none",
    "safe": False,
    "what": "w",
    "why": "y",
    "fix-safety": "f",
    "patterns": [{"pattern": "subscribe now"}],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        pytest.param({"kind": "maybe"}, "kind = 'maybe'", id="bad-kind"),
        pytest.param({"category": "style"}, "unknown category 'style'", id="bad-category"),
        pytest.param({"patterns": [{"pattern": "(unclosed"}]}, "invalid regex", id="bad-regex"),
        pytest.param({"patterns": []}, "patterns", id="no-patterns"),
        pytest.param({"code": "bad"}, "rule code 'bad'", id="bad-code"),
    ],
)
def test_invalid_phrase_lists_name_the_file(change: dict, message: str) -> None:
    with pytest.raises(PhraseListError) as info:
        parse_phrase_list("lists/x.toml", {**MINIMAL, **change})
    assert "lists/x.toml" in str(info.value) and message in str(info.value)


def test_missing_keys_are_listed() -> None:
    data = dict(MINIMAL)
    del data["why"]
    with pytest.raises(PhraseListError, match="missing key.*why"):
        parse_phrase_list("x.toml", data)


def test_invalid_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("code = \n", encoding="utf-8")
    with pytest.raises(PhraseListError, match="broken.toml"):
        load_phrase_file(path)


def test_line_scope_delete_fix_removes_the_line_break() -> None:
    [finding] = run_rule("BPL001", "Body text.\nLeave a Reply\nMore text.\n")
    assert (finding.line, finding.column, finding.end_column) == (2, 1, 14)
    assert finding.fix is not None and finding.fix.replacement == "" and finding.fix.safe
    text = "Body text.\nLeave a Reply\nMore text.\n"
    assert text[: finding.fix.start] + text[finding.fix.end :] == "Body text.\nMore text.\n"


import pytest as _pytest  # noqa: E402


@_pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        _pytest.param("Body.\n\nLeave a Reply\n", "text", "Body.\n", id="last-line-after-blank"),
        _pytest.param("A.\n\nLeave a Reply\n\nB.\n", "text", "A.\n\nB.\n", id="between-paragraphs"),
        _pytest.param("A.\r\nLeave a Reply\r\nB.\r\n", "text", "A.\r\nB.\r\n", id="crlf"),
        _pytest.param("A.\n\n**Leave a Reply**\n\nB.\n", "markdown", "A.\n\nB.\n", id="markdown-markup-too"),
    ],
)
def test_line_delete_removes_whole_source_lines(text: str, fmt: str, expected: str) -> None:
    [finding] = run_rule("BPL001", text, format=fmt)
    assert finding.fix is not None and finding.fix.safe
    assert text[: finding.fix.start] + text[finding.fix.end :] == expected
