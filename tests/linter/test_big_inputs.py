"""Big inputs end to end through the CLI: a 50 MB file, a single 10 MB line, 100,000 files.

The rule families have their own 10 MB single-line speed tests for every rule; here the
point is the engine (reading, mapping, streaming, the process pool), so a handful of
cheap rules from different families runs, to keep CI fast.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main

RULES = "DUP002,BPL001,MRK003,ENC003,TYP004"
PARAGRAPH = "The council met on Tuesday. It was the the best plan, officials said.\n\n"


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict], str]:
    code = main(["check", *args, "--select", RULES, "--format", "json", "--no-cache"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_a_50_mb_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    repeats = 50_000_000 // len(PARAGRAPH) + 1
    (tmp_path / "big.txt").write_text(PARAGRAPH * repeats, encoding="utf-8")
    code, findings, err = check(capsys, "big.txt", "--jobs", "1")
    assert code == 1 and err == ""
    assert len(findings) == repeats
    assert findings[-1]["line"] == 2 * repeats - 1  # positions right to the end


def test_a_single_10_mb_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    line = PARAGRAPH.strip() + " "
    repeats = 10_000_000 // len(line) + 1
    (tmp_path / "line.txt").write_text(line * repeats, encoding="utf-8")
    code, findings, err = check(capsys, "line.txt", "--jobs", "1")
    assert code == 1 and err == ""
    assert len(findings) == repeats and {f["line"] for f in findings} == {1}
    assert findings[-1]["column"] == (repeats - 1) * len(line) + line.index("the the") + 5


def test_100000_one_line_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in range(100):
        sub = tmp_path / "archive" / f"{folder:03d}"
        sub.mkdir(parents=True)
        for i in range(1000):
            text = "It was the the end.\n" if i == 0 else f"Story {i} is fine.\n"
            (sub / f"{i:04d}.txt").write_text(text, encoding="utf-8")
    code, findings, err = check(capsys, "archive", "--jobs", "2")
    assert code == 1 and err == ""
    assert [f["path"] for f in findings] == [f"archive/{d:03d}/0000.txt" for d in range(100)]
