"""Hostile and unusual input: every case ends in findings or one clear line, never a crash."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path
from typing import Any

import pytest

from linter import runner as runner_mod
from linter.cli import main

ARTICLE = "The minister said the talks went well.\n\nIt was the the best offer.\n"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict], str]:
    code = main(["check", *args, "--format", "json", "--no-cache", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, json.loads(out), err


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("empty.txt", b"", id="empty"),
        pytest.param("blank.txt", b"  \n\t\n\r\n   ", id="whitespace-only"),
        pytest.param("crlf.txt", ARTICLE.replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param("cr.txt", ARTICLE.replace("\n", "\r").encode(), id="lone-cr"),
        pytest.param("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode(), id="utf8-bom"),
        pytest.param("u16.txt", ARTICLE.encode("utf-16"), id="utf16-bom"),
        pytest.param("nul.txt", ARTICLE.encode().replace(b"offer", b"of\x00fer"), id="nul-bytes"),
        pytest.param("nested.html", b"<div>" * 5000 + b"It was the the end." + b"</div>" * 5000, id="nested-html"),
        pytest.param("unclosed.html", b"<html><body><p>It was the the end.<p><b><i>open <script>x", id="unclosed-html"),
        pytest.param("table.md", ("| a | b |\n|---|---|\n" + "| cell | cell |\n" * 20000).encode(), id="huge-table"),
        pytest.param("emoji.md", "# 😀 Title\n\nIt was the the end 😀.\n".encode(), id="astral"),
    ],
)
def test_survives(here: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes) -> None:
    (here / name).write_bytes(data)
    code, findings, err = check(capsys, name)
    assert code in (0, 1), err
    source = runner_mod.decode(data)[0]
    for f in findings:  # every span lies inside the file
        lines = source.splitlines(keepends=True) or [""]
        assert 1 <= f["line"] <= f["end_line"] <= len(lines) + 1


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        pytest.param("Le café de Zürich était fermé à Noël.\n", "latin-1", id="latin-1"),
        pytest.param("He said “it’s over” – a €5 fee…\n", "cp1252", id="windows-1252"),
    ],
)
def test_legacy_encodings_are_decoded_and_reported(
    here: Path, capsys: pytest.CaptureFixture[str], text: str, codec: str
) -> None:
    assert runner_mod.decode(text.encode(codec)) == (text, "windows-1252")
    (here / "legacy.txt").write_bytes(text.encode(codec))
    code, findings, err = check(capsys, "legacy.txt")
    assert code in (0, 1) and err == ""


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("binary.txt", bytes(range(256)) * 64, "binary file", id="binary"),
        pytest.param("bad16.txt", b"\xff\xfe" + b"\x00\xd8" * 3, "invalid utf-16", id="broken-utf16"),
    ],
)
def test_unreadable_files_are_one_line_errors(
    here: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    (here / name).write_bytes(data)
    (here / "good.txt").write_text(ARTICLE, encoding="utf-8")
    code, findings, err = check(capsys, ".")
    assert code == 2
    [line] = [ln for ln in err.splitlines() if name in ln]
    assert line.startswith(f"{name}: error: ") and message in line.lower()
    assert any(f["path"] == "good.txt" for f in findings)  # the run went on


def test_symlink_loops_and_dangling_links(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "docs").mkdir()
    (here / "docs" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (here / "docs" / "loop").symlink_to(here / "docs")  # a directory loop: not followed
    (here / "docs" / "self.txt").symlink_to(here / "docs" / "self.txt")  # a file loop
    (here / "docs" / "gone.txt").symlink_to(here / "docs" / "missing.txt")
    code, findings, err = check(capsys, "docs")
    assert code == 2
    assert {f["path"] for f in findings} == {"docs/a.txt"}
    assert "docs/self.txt: error:" in err and "docs/gone.txt: error:" in err


def test_file_deleted_during_the_run(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt"):
        (here / name).write_text(ARTICLE, encoding="utf-8")
    real = runner_mod.discover

    def discover_then_delete(paths, config):  # type: ignore[no-untyped-def]
        found = real(paths, config)
        (here / "a.txt").unlink()
        return found

    monkeypatch.setattr(runner_mod, "discover", discover_then_delete)
    code, findings, err = check(capsys, ".")
    assert code == 2 and "a.txt: error: cannot read" in err
    assert {f["path"] for f in findings} == {"b.txt"}


def test_unreadable_file_and_folder(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission errors (simulated: the tests may run as root, who can read anything)."""
    (here / "locked").mkdir()
    (here / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (here / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    real_read, real_walk = runner_mod.read_bytes, os.walk

    def read(path: str) -> bytes:
        if path.endswith("secret.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real_read(path)

    def walk(top, onerror=None, **kw):  # type: ignore[no-untyped-def]
        for folder, dirs, files in real_walk(top, onerror=onerror, **kw):
            if "locked" in dirs and onerror is not None:
                dirs.remove("locked")
                onerror(PermissionError(13, "Permission denied", os.path.join(folder, "locked")))
            yield folder, dirs, files

    monkeypatch.setattr(runner_mod, "read_bytes", read)
    monkeypatch.setattr(runner_mod.os, "walk", walk)
    code, findings, err = check(capsys, ".")
    assert code == 2
    assert "secret.txt: error: cannot read: Permission denied" in err
    assert "locked: error: cannot read directory: Permission denied" in err
    assert {f["path"] for f in findings} == {"./ok.txt"} or {f["path"] for f in findings} == {"ok.txt"}


@pytest.mark.parametrize(
    ("config", "message"),
    [
        pytest.param("select = 5\n", "'select' must be a list of strings", id="wrong-type"),
        pytest.param("ignore = ['NOPE123']\n", "unknown rule or category 'NOPE123'", id="unknown-rule"),
        pytest.param("exclude = ['[unclosed']\n", "invalid glob", id="bad-glob"),
        pytest.param("phrase-lists = ['lists/*.toml']\n", "invalid regex", id="invalid-regex"),
        pytest.param("phrase-lists = ['none/*.toml']\n", "matches no file", id="missing-list"),
    ],
)
def test_bad_configs(here: Path, capsys: pytest.CaptureFixture[str], config: str, message: str) -> None:
    (here / "lists").mkdir()
    (here / "lists" / "house.toml").write_text(HOUSE_LIST.replace("PATTERN", "(unclosed"), encoding="utf-8")
    (here / "copydesk.toml").write_text(config, encoding="utf-8")
    (here / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = main(["check", "a.txt"])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "copydesk.toml" in err
    assert len(err.strip().splitlines()) == 1


HOUSE_LIST = """
code = "HSE001"
name = "house-banned-phrase"
category = "boilerplate"
severity = "warning"
kind = "existence"
scope = "text"
ignore-case = true
word-boundary = true
message = "House style: avoid “{match}”"
fix = "none"
safe = false
what = "Finds phrases the house style bans."
why = "Consistency."
fix-safety = "No fix."
[[patterns]]
pattern = 'PATTERN'
[examples]
bad = ["a game changer"]
good = ["a game"]
"""


def test_editor_phrase_list_from_config(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "lists").mkdir()
    (here / "lists" / "house.toml").write_text(HOUSE_LIST.replace("PATTERN", "game[- ]changer"), encoding="utf-8")
    (here / "copydesk.toml").write_text("phrase-lists = ['lists/*.toml']\nselect = ['HSE']\n", encoding="utf-8")
    (here / "a.txt").write_text("This is a game changer.\n", encoding="utf-8")
    code, findings, _ = check(capsys, "a.txt")
    assert code == 1 and [(f["rule"], f["column"]) for f in findings] == [("HSE001", 11)]
    # the same list works in worker processes
    for i in range(20):
        (here / f"b{i}.txt").write_text("This is a game changer.\n", encoding="utf-8")
    code = main(["check", ".", "--format", "json", "--no-cache", "--jobs", "2"])
    assert len(json.loads(capsys.readouterr().out)) == 21


def test_time_budget_skips_a_slow_rule(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter import registry

    rule = registry.all_rules()["DUP002"]

    def slow(doc, ctx):  # type: ignore[no-untyped-def]
        while True:
            pass
        yield

    monkeypatch.setattr(rule, "check", slow)
    (here / "copydesk.toml").write_text("time-budget = 0.3\nselect = ['DUP002', 'BPL001']\n", encoding="utf-8")
    (here / "a.txt").write_text(ARTICLE + "\nLeave a Reply\n", encoding="utf-8")
    code, findings, err = check(capsys, "a.txt")
    assert code == 2
    assert "a.txt: error: rule DUP002 (doubled-word) skipped: the file's time budget" in err
    assert [f["rule"] for f in findings] == ["BPL001"]  # BPL001 ran before DUP002 spent the budget


def test_no_network_is_used(here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A run with every default rule passes with sockets blocked."""

    def blocked(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("copydesk opened a socket")

    monkeypatch.setattr(socket, "socket", blocked)
    monkeypatch.setattr(socket, "create_connection", blocked)
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    code, findings, err = check(capsys, str(seeds))
    assert code == 1 and findings and "opened a socket" not in err


def _timed_rules(spin: Any) -> list[Any]:
    """Three rules: one that fires at once, one that runs ``spin``, one more that fires."""
    from linter.engine import ActiveRule
    from linter.rule import document_rule

    def fires(doc, ctx):  # type: ignore[no-untyped-def]
        """What it does. Why it matters. Example. Fix safety."""
        yield ctx.report(0, 4, "first word")

    def slow(doc, ctx):  # type: ignore[no-untyped-def]
        """What it does. Why it matters. Example. Fix safety."""
        yield ctx.report(5, 7, "partial")  # reported before the budget runs out: dropped with the rule
        spin()

    made = [
        document_rule("ZZZ001", "fires-first", category="markup")(fires),
        document_rule("ZZZ002", "runs-long", category="markup")(slow),
        document_rule("ZZZ003", "fires-last", category="markup")(fires),
    ]
    return [ActiveRule.default(r) for r in made]


def test_budget_alarm_skips_the_running_rule_and_the_rest() -> None:
    from linter import engine
    from linter.document import Document

    def forever() -> None:
        while True:
            pass

    result = engine.lint(Document("Some text here.", path="a.txt"), _timed_rules(forever), budget_s=0.2)
    assert [f.rule for f in result.findings] == ["ZZZ001"]
    assert [p.split(" skipped")[0] for p in result.problems] == ["rule ZZZ002 (runs-long)", "rule ZZZ003 (fires-last)"]


def test_budget_off_the_main_thread_is_checked_between_rules() -> None:
    """Dask and other threads get no alarm: a long rule finishes, the rules after it are skipped."""
    import threading
    import time as clock

    from linter import engine
    from linter.document import Document

    out: list[Any] = []
    rules = _timed_rules(lambda: clock.sleep(0.3))
    worker = threading.Thread(
        target=lambda: out.append(engine.lint(Document("Some text here.", path="a.txt"), rules, budget_s=0.1))
    )
    worker.start()
    worker.join()
    assert [f.rule for f in out[0].findings] == ["ZZZ001", "ZZZ002"]
    assert len(out[0].problems) == 1 and out[0].problems[0].startswith("rule ZZZ003 (fires-last) skipped")
