"""The CLI through main(argv): exit codes, errors, stdin, selection, rules, explain, index."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli import main

ROOT = Path(__file__).resolve().parents[2]
DIRTY = "It was the the best offer.\n"
CLEAN = "It was the best offer.\n"


@pytest.fixture()
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "copydesk.toml").write_text(
        "select = ['DUP002', 'BPL010']\n[severity]\nDUP002 = 'warning'\n", encoding="utf-8"
    )
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text(DIRTY, encoding="utf-8")
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_findings_exit_1_with_position(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "."], capsys)
    assert code == 1
    assert "dirty.txt:1:12: DUP002 [duplication]" in out
    assert "^^^" in out and "= suggestion:" in out
    assert ".hidden" not in out and err == ""


def test_clean_file_exits_0(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "clean.md"], capsys)
    assert code == 0 and "All clear" in out


@pytest.mark.parametrize(
    ("level", "expected"),
    [("error", 0), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on(articles: Path, capsys: pytest.CaptureFixture[str], level: str, expected: int) -> None:
    assert run(["check", "dirty.txt", "--fail-on", level], capsys)[0] == expected


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["check", "missing.txt"], "missing.txt: error: no such file or directory", id="missing"),
        pytest.param(["check", "--bogus", "."], "No such option", id="bad-option"),
        pytest.param(["check", ".", "--format", "xml"], "--format 'xml'", id="bad-format"),
        pytest.param(["check", ".", "--select", "NOPE1"], "unknown rule or category 'NOPE1'", id="bad-select"),
        pytest.param(["check", ".", "--fail-on", "x"], "--fail-on 'x'", id="bad-fail-on"),
        pytest.param(["check", "empty"], "no files to check in empty", id="no-files"),
        pytest.param(["check", "notes.docx"], "notes.docx: error: binary file", id="named-binary"),
        pytest.param(["check", ".", "--config", "nope.toml"], "nope.toml: config file not found", id="no-config"),
        pytest.param(["explain", "XYZ123"], "no rule 'XYZ123'", id="explain-unknown"),
    ],
)
def test_errors_are_one_line_exit_2(
    articles: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(argv, capsys)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_bad_config_is_exit_2(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (articles / "copydesk.toml").write_text("selekt = ['DUP']\n", encoding="utf-8")  # overwrites
    code, _, err = run(["check", "."], capsys)
    assert code == 2 and "copydesk.toml: unknown key 'selekt'" in err


def test_unreadable_file_reported_and_run_goes_on(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 10)
    code, out, err = run(["check", "."], capsys)
    assert code == 2
    assert "binary.txt: error: binary file" in err
    assert "dirty.txt:1:12" in out


def test_select_and_ignore(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", "dirty.txt", "--ignore", "DUP002"], capsys)[0] == 0
    assert run(["check", "dirty.txt", "--select", "BPL001"], capsys)[0] == 0
    assert run(["check", "dirty.txt", "--select", "duplication"], capsys)[0] == 1


def test_stdin(articles: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"<p>It was the the end.</p>\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(["check", "-", "--stdin-filename", "piped.html", "--format", "json"], capsys)
    assert code == 1
    [finding] = json.loads(out)
    assert (finding["path"], finding["line"], finding["column"]) == ("piped.html", 1, 15)


def test_statistics_and_quiet(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", ".", "--statistics", "--quiet"], capsys)
    assert "DUP002  doubled-word" in out
    assert "suggestion" not in out and "Found" not in out


def test_rules_and_explain(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "DUP002  doubled-word" in out and "duplication" in out
    code, out, _ = run(["explain", "doubled-word"], capsys)
    assert code == 0 and out.startswith("DUP002 doubled-word") and "Fix safety" in out


def test_index_then_check_uses_it(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = articles / "archive"
    archive.mkdir()
    for i in range(4):
        (archive / f"a{i}.txt").write_text(f"Story {i}.\n\nThanks for reading, subscribe for free!\n")
    code, out, _ = run(["index", "archive"], capsys)
    assert code == 0 and "Indexed 4 document(s)" in out
    index = json.loads((articles / ".copydesk" / "index.json").read_text())
    assert index["format"] == 2 and index["rules"]["BPL010"]["#documents"] == 4
    new = articles / "new.txt"
    new.write_text("A new story.\n\nThanks for reading, subscribe for free!\n")
    code, out, _ = run(["check", "new.txt", "--select", "BPL010", "--format", "json"], capsys)
    assert [f["line"] for f in json.loads(out)] == [3]
    code, out, _ = run(["check", "new.txt", "--select", "BPL010", "--no-index", "--format", "json"], capsys)
    assert json.loads(out) == []


def test_index_built_for_other_options_is_not_used(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Counts made under other options would mislead (and NAM001 relies on the document being
    counted as it is configured now): the index is ignored with a notice, until rebuilt."""
    archive = articles / "archive"
    archive.mkdir()
    for i in range(4):
        (archive / f"a{i}.txt").write_text(f"Story {i}.\n\nThanks for reading, subscribe for free!\n")
    run(["index", "archive"], capsys)
    (articles / "new.txt").write_text("A new story.\n\nThanks for reading, subscribe for free!\n")
    (articles / "copydesk.toml").write_text("[rules.line-shared-across-corpus]\nmin-words = 4\n")
    code, out, err = run(["check", "new.txt", "--select", "BPL010", "--format", "json"], capsys)
    assert json.loads(out) == [] and "ignoring the corpus index" in err and "BPL010" in err
    run(["index", "archive"], capsys)  # rebuilt with the new options: used again
    code, out, err = run(["check", "new.txt", "--select", "BPL010", "--format", "json"], capsys)
    assert [f["line"] for f in json.loads(out)] == [3] and "ignoring" not in err
    # a severity is not part of what is counted: changing it keeps the index
    (articles / "copydesk.toml").write_text(
        "[rules.line-shared-across-corpus]\nmin-words = 4\n\n[severity]\nBPL010 = 'error'\n"
    )
    code, out, err = run(["check", "new.txt", "--select", "BPL010", "--format", "json"], capsys)
    assert [f["line"] for f in json.loads(out)] == [3] and "ignoring" not in err


def test_corrupt_index_is_not_trusted(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (articles / ".copydesk").mkdir()
    (articles / ".copydesk" / "index.json").write_text("{not json")
    code, _, err = run(["check", "clean.md"], capsys)
    assert code == 0 and "ignoring the corpus index" in err


def test_console_script_on_seeds() -> None:
    exe = Path(sys.executable).with_name("copydesk")
    proc = subprocess.run(
        [str(exe), "check", "seeds", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)
    assert findings and {f["path"].split("/")[0] for f in findings} == {"seeds"}


def test_a_run_tunes_the_garbage_collector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Fine text.\n", encoding="utf-8")
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        main(["check", "a.txt", "--no-cache"])
        assert gc.get_threshold()[0] == 10_000
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_version_is_the_installed_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib import metadata

    import linter

    assert linter.__version__ == metadata.version("copydesk")
