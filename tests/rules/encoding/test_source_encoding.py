"""ENC005 non-utf8-source.

The runner sets ``doc.encoding`` when it had to decode a file from another encoding; the
helpers build documents themselves, so these tests set the attribute as the runner would.
"""

from __future__ import annotations

import os

import pytest

from linter.api import lint_documents, select_rules
from linter.document import Document
from linter.findings import Finding
from tests.helpers import FIXTURES, run_rule, snapshot


def lint(text: str, encoding: str | None) -> list[Finding]:
    doc = Document(text)
    if encoding is not None:
        doc.encoding = encoding  # type: ignore[attr-defined]
    return lint_documents([doc], select_rules(["ENC005"]))


@pytest.mark.parametrize("encoding", ["windows-1252", "cp1252", "latin-1", "iso-8859-1", "utf-16", "mac-roman"])
def test_fires_once_at_the_top(encoding: str) -> None:
    (f,) = lint("Café owners\n\nin Zürich.\n", encoding)
    assert (f.line, f.column, str(f.severity)) == (1, 1, "info")
    assert encoding in f.message


@pytest.mark.parametrize("encoding", [None, "utf-8", "UTF-8", "utf8", "utf-8-sig", "ascii"])
def test_stays_silent(encoding: str | None) -> None:
    assert lint("Café owners in Zürich.\n", encoding) == []


def test_empty_document() -> None:
    (f,) = lint("", "windows-1252")
    assert (f.line, f.column) == (1, 1)


# The fixtures of ENC005 are checked here, not in tests/rules/test_fixtures.py (see CHECKED_ELSEWHERE there).
def test_bad_fixture_decoded_as_the_runner_would() -> None:
    raw = (FIXTURES / "ENC005" / "bad.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    got = snapshot(lint(raw.decode("cp1252"), "windows-1252"))
    expected = FIXTURES / "ENC005" / "bad.expected"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_good_fixture() -> None:
    assert run_rule("ENC005", (FIXTURES / "ENC005" / "good.txt").read_text(encoding="utf-8")) == []
