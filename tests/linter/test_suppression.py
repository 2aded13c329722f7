"""Inline suppression comments."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

BAD = "It was the the best."


def lines_reported(text: str, format: str = "text") -> list[int]:
    return [f.line for f in run_rule("DUP002", text, format=format)]


def test_unsuppressed_reports() -> None:
    assert lines_reported(f"{BAD}\n\n{BAD}\n") == [1, 3]


@pytest.mark.parametrize(
    "directive",
    [
        pytest.param("<!-- copydesk: ignore DUP002 -->", id="html-comment-code"),
        pytest.param("copydesk: ignore DUP", id="plain-line-prefix"),
        pytest.param("copydesk: ignore duplication", id="plain-line-category"),
        pytest.param("<!-- copydesk: ignore -->", id="all-rules"),
    ],
)
def test_ignore_silences_the_next_paragraph_only(directive: str) -> None:
    text = f"{directive}\n{BAD}\n{BAD}\n\n{BAD}\n"
    assert lines_reported(text) == [5]


def test_ignore_for_another_rule_does_not_silence() -> None:
    assert lines_reported(f"<!-- copydesk: ignore TYP -->\n{BAD}\n") == [2]


def test_off_on_region() -> None:
    text = f"{BAD}\n<!-- copydesk: off -->\n{BAD}\n\n{BAD}\n<!-- copydesk: on -->\n{BAD}\n"
    assert lines_reported(text) == [1, 7]


def test_ignore_file() -> None:
    assert lines_reported(f"{BAD}\n\ncopydesk: ignore-file\n\n{BAD}\n") == []


def test_directive_in_markdown_comment() -> None:
    text = f"# Title\n\n<!-- copydesk: ignore DUP002 -->\n{BAD}\n\n{BAD}\n"
    assert lines_reported(text, format="markdown") == [6]


def test_directive_inside_prose_is_not_a_directive() -> None:
    text = f"The tool reads copydesk: ignore as a comment only on its own line.\n{BAD}\n"
    assert lines_reported(text) == [2]
