"""Baselines: fingerprints that survive edits elsewhere, counts for duplicates, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.api import lint_text
from linter.baseline import fingerprint
from linter.cli import main

SELECT = ["--select", "DUP002,BPL001"]
ARTICLE = "A headline\n\nIt was the the best offer of the whole long and eventful year, they said.\n\nLeave a Reply\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def findings(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict]:
    code, out, err = run([*argv, "--format", "json", *SELECT], capsys)
    assert code in (0, 1), err
    return json.loads(out)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """A folder with one dirty article and a baseline written from it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["check", "news", "--write-baseline", "baseline.json", *SELECT], capsys)
    assert code == 0 and out == "" and "Wrote a baseline of 2 finding(s) to baseline.json." in err
    return tmp_path


def test_baseline_file_format(project: Path) -> None:
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["copydesk"]
    entries = list(data["fingerprints"].values())
    assert sorted(e["rule"] for e in entries) == ["BPL001", "DUP002"]
    assert {e["path"] for e in entries} == {"news/a.txt"} and {e["count"] for e in entries} == {1}


def test_baseline_hides_known_findings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "news", "--baseline", "baseline.json", *SELECT], capsys)
    assert code == 0 and "All clear" in out
    assert "2 finding(s) in the baseline baseline.json not shown" in err


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda t: "New first line.\n\nAnother one.\n\n" + t, id="lines-inserted-above"),
        pytest.param(lambda t: t.replace("A headline", "A much longer headline"), id="other-line-edited"),
        pytest.param(lambda t: t + "\nA new closing paragraph.\n", id="text-appended"),
        pytest.param(lambda t: t.replace("they said", "the minister told reporters"), id="far-in-same-line"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="line-endings-changed"),
    ],
)
def test_fingerprints_survive_edits_elsewhere(project: Path, capsys: pytest.CaptureFixture[str], edit: object) -> None:
    article = project / "news" / "a.txt"
    article.write_bytes(edit(ARTICLE).encode("utf-8"))  # type: ignore[operator]
    assert findings(["check", "news", "--baseline", "baseline.json"], capsys) == []


def test_new_findings_are_reported(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = project / "news" / "a.txt"
    article.write_text(ARTICLE + "\nThey met on on Friday.\n", encoding="utf-8")
    new = findings(["check", "news", "--baseline", "baseline.json"], capsys)
    assert [(f["rule"], f["line"]) for f in new] == [("DUP002", 7)]


def test_duplicates_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    line = "It was the the end.\n"
    (tmp_path / "a.txt").write_text(line * 2, encoding="utf-8")
    run(["check", "a.txt", "--write-baseline", "b.json", *SELECT], capsys)
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [e["count"] for e in data["fingerprints"].values()] == [2]
    (tmp_path / "a.txt").write_text(line * 3, encoding="utf-8")
    assert len(findings(["check", "a.txt", "--baseline", "b.json"], capsys)) == 1


def test_same_slip_in_another_file_is_new(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "news" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    new = findings(["check", "news", "--baseline", "baseline.json"], capsys)
    assert {f["path"] for f in new} == {"news/b.txt"} and len(new) == 2


def test_fingerprint_ignores_line_numbers_but_not_rule_or_path() -> None:
    [f] = lint_text("It was the the best.", path="a.txt", select=["DUP002"])
    line = "It was the the best."
    moved = f._replace(line=40, end_line=40)
    assert fingerprint(f, line, "a.txt") == fingerprint(moved, line, "a.txt")
    assert fingerprint(f, line, "a.txt") != fingerprint(f, line, "b.txt")
    assert fingerprint(f, line, "a.txt") != fingerprint(f._replace(rule="DUP001"), line, "a.txt")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(None, "baseline file not found", id="missing"),
        pytest.param("{not json", "not valid JSON", id="not-json"),
        pytest.param('{"version": 9, "fingerprints": {}}', "not a copydesk baseline of version 1", id="version"),
        pytest.param("[]", "not a copydesk baseline", id="not-an-object"),
        pytest.param('{"version": 1, "fingerprints": {"ab": {"count": 0}}}', "'fingerprints' must map", id="count"),
        pytest.param('{"version": 1, "fingerprints": ["ab"]}', "'fingerprints' must map", id="list"),
        pytest.param(b"\xff\xfe\x00bad", "not valid JSON", id="binary"),
    ],
)
def test_invalid_baseline_is_a_one_line_error(
    project: Path, capsys: pytest.CaptureFixture[str], content: str | bytes | None, problem: str
) -> None:
    bad = project / "bad.json"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    elif content is not None:
        bad.write_text(content, encoding="utf-8")
    code, out, err = run(["check", "news", "--baseline", "bad.json", *SELECT], capsys)
    assert code == 2 and out == ""
    assert err.startswith(f"copydesk: error: bad.json: {problem}")
    assert len(err.strip().splitlines()) == 1


def test_write_baseline_combined_with_fix_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "news", "--write-baseline", "b.json", "--fix"], capsys)
    assert code == 2 and "--write-baseline cannot be combined" in err


def test_unwritable_baseline_is_a_one_line_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "file").write_text("x", encoding="utf-8")
    code, _, err = run(["check", "news", "--write-baseline", "file/b.json", *SELECT], capsys)
    assert code == 2 and err.startswith("copydesk: error: file/b.json: cannot write baseline")
