"""Safe autofix: apply_fixes, the lint -> fix loop, file writes, and check --fix / --diff."""

from __future__ import annotations

import codecs
import random
import re
import stat
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from linter import engine
from linter.api import select_rules
from linter.cli import main
from linter.document import Document
from linter.findings import Edit, Finding, Severity
from linter.fix import FixError, apply_fixes, encode, fix_source, unified_diff

RULES = select_rules(["DUP002", "BPL001"])
SELECT = ["--select", "DUP002,BPL001"]


def lint(source: str) -> list[Finding]:
    return engine.lint(Document(source, path="t.txt"), RULES).findings


def e(start: int, end: int, replacement: str = "", code: str = "DUP002") -> tuple[str, Edit]:
    return (code, Edit(start, end, replacement, True))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# -- apply_fixes ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("edits", "expected", "n_applied"),
    [
        pytest.param([e(0, 1, "A"), e(2, 3, "C")], "AbCdef", 2, id="disjoint"),
        pytest.param([e(0, 2, "X"), e(1, 3, "Y")], "Xcdef", 1, id="overlap-later-start-dropped"),
        pytest.param([e(1, 3, "Y"), e(0, 2, "X")], "Xcdef", 1, id="input-order-irrelevant"),
        pytest.param([e(0, 2, "B", "ZZZ001"), e(0, 3, "A", "AAA001")], "Adef", 1, id="same-start-code-wins"),
        pytest.param([e(0, 2, "X"), e(2, 4, "Y")], "XYef", 2, id="adjacent-both"),
        pytest.param([e(2, 2, "1"), e(2, 2, "2", "ZZZ001")], "ab1cdef", 1, id="two-insertions-one-point"),
        pytest.param([e(0, 1, "a"), e(5, 9, "")], "abcdef", 0, id="no-op-and-out-of-range-skipped"),
    ],
)
def test_apply_fixes(edits: list[tuple[str, Edit]], expected: str, n_applied: int) -> None:
    new, applied = apply_fixes("abcdef", edits)
    assert (new, len(applied)) == (expected, n_applied)


def test_apply_fixes_is_deterministic_under_shuffles() -> None:
    edits = [e(i, i + 3, str(i), f"R{i % 3:02d}") for i in range(0, 30, 2)] + [e(4, 4, "!")]
    expected = apply_fixes("x" * 40, edits)
    rng = random.Random(7)
    for _ in range(20):
        rng.shuffle(edits)
        assert apply_fixes("x" * 40, edits) == expected


def _rebuild(source: str, applied: Sequence[tuple[str, Edit]]) -> str:
    out, pos = [], 0
    for _, edit in applied:
        out += [source[pos : edit.start], edit.replacement]
        pos = edit.end
    return "".join(out) + source[pos:]


@st.composite
def sources_and_edits(draw: st.DrawFn) -> tuple[str, list[tuple[str, Edit]]]:
    source = draw(st.text(alphabet="ab \r\n\u00e9\u2028", max_size=40))
    n = len(source)
    edits = []
    for _ in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, n + 2))
        end = draw(st.integers(start, n + 3))
        replacement = draw(st.text("xy\n", max_size=3))
        edits.append((draw(st.sampled_from(["A001", "B001"])), Edit(start, end, replacement, True)))
    return source, edits


@given(sources_and_edits())
def test_text_outside_the_fixed_spans_is_unchanged(case: tuple[str, list[tuple[str, Edit]]]) -> None:
    source, edits = case
    new, applied = apply_fixes(source, edits)
    spans = [(ed.start, ed.end) for _, ed in applied]
    assert spans == sorted(spans)
    for (_, a), (_, b) in zip(applied, applied[1:], strict=False):
        assert a.end <= b.start and not (a.start == a.end == b.start == b.end)
    assert new == _rebuild(source, applied)  # gaps between fixes copied verbatim
    for code, edit in edits:  # every skipped edit had a reason
        if (code, edit) in applied:
            continue
        in_range = 0 <= edit.start <= edit.end <= len(source)
        noop = in_range and source[edit.start : edit.end] == edit.replacement
        clash = any(b.start <= edit.start < b.end or edit.start == edit.end == b.start == b.end for _, b in applied)
        assert not in_range or noop or clash, (code, edit)


# -- the lint -> fix loop on real rules ---------------------------------------------------
PIECES = [
    "the",
    "the",
    "cat",
    "Leave a Reply",
    "It",
    "and",
    " ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "é",
    ".",
    "Related",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_fix_is_idempotent(pieces: list[str]) -> None:
    once = fix_source("".join(pieces), lint)
    assume(once.converged)
    twice = fix_source(once.source, lint)
    assert twice.applied == 0 and twice.source == once.source


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_fixes_only_delete_and_keep_line_endings_of_kept_lines(pieces: list[str]) -> None:
    source = "".join(pieces)
    out = fix_source(source, lint).source
    it = iter(source)
    assert all(ch in it for ch in out)  # both rules only delete: the result is a subsequence
    assert out.count("\r\n") <= source.count("\r\n")


def test_fix_loop_reaches_a_fixed_point_over_passes() -> None:
    def halve(source: str) -> list[Finding]:
        """A rule whose fixes create new findings: each "xx" becomes "x"."""
        return [
            Finding(
                "t",
                1,
                m.start() + 1,
                1,
                m.end() + 1,
                "X001",
                "x",
                "markup",
                Severity.INFO,
                "m",
                start=m.start(),
                end=m.end(),
                fix=Edit(m.start(), m.end(), "x", True),
            )
            for m in re.finditer("xx", source)
        ]

    out = fix_source("<xxxxxxxx>\n", halve)
    assert out.source == "<x>\n" and out.applied == 7 and out.converged
    assert out.findings == []


def test_fix_loop_stops_after_max_passes() -> None:
    calls: list[str] = []

    def restless(source: str) -> list[Finding]:
        calls.append(source)
        return [Finding("t", 1, 1, 1, 1, "X001", "x", "markup", Severity.INFO, "m", fix=Edit(0, 0, "x", True))]

    out = fix_source("", restless, max_passes=3)
    assert out.source == "xxx" and out.applied == 3 and not out.converged and len(calls) == 4


def test_unsafe_fixes_are_not_applied() -> None:
    unsafe = Finding("t", 1, 1, 1, 4, "X001", "x", "markup", Severity.INFO, "m", fix=Edit(0, 3, "", False))
    out = fix_source("abc def", lambda s: [unsafe])
    assert out.source == "abc def" and out.applied == 0


def test_unified_diff_marks_missing_final_newline() -> None:
    diff = unified_diff("./a.txt", "one the the\n", "one the")
    assert diff.startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "\\ No newline at end of file\n" in diff


def test_encode_refuses_unencodable_text() -> None:
    with pytest.raises(FixError, match="cannot be written back in latin-1"):
        encode("snow ☃", "latin-1", b"snow")


# -- files through the CLI -----------------------------------------------------------------
@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_prints_and_writes_nothing(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = folder / "a.txt"
    article.write_text("It was the the best.\nLeave a Reply\nEnd.\n", encoding="utf-8")
    before = article.stat().st_mtime_ns
    code, out, err = run(["check", "a.txt", "--diff", *SELECT], capsys)
    assert code == 1
    assert out == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,3 +1,2 @@\n-It was the the best.\n-Leave a Reply\n+It was the best.\n End.\n"
    )
    assert "Would fix 2 finding(s) in 1 file(s)." in err
    assert article.read_text(encoding="utf-8").startswith("It was the the") and article.stat().st_mtime_ns == before


def test_diff_exits_0_when_nothing_to_fix(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.txt").write_text("Clean text.\n", encoding="utf-8")
    code, out, err = run(["check", "a.txt", "--diff", *SELECT], capsys)
    assert (code, out) == (0, "") and "No safe fixes to apply." in err


def test_fix_writes_reports_remaining_and_is_idempotent(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    footer = "Thanks for reading, subscribe for free!"
    for i in range(3):  # BPL010 (no fix) stays, DUP002 is fixed
        (folder / f"a{i}.txt").write_text(f"Story {i} was the the best.\n\n{footer}\n", encoding="utf-8")
    clean = folder / "clean.txt"
    clean.write_text("Nothing to fix here.\n", encoding="utf-8")
    clean_mtime = clean.stat().st_mtime_ns
    code, out, err = run(["check", ".", "--fix", "--select", "DUP002,BPL001,BPL010"], capsys)
    assert code == 1 and "Fixed 3 finding(s) in 3 file(s)." in err
    assert "BPL010" in out and "DUP002" not in out
    assert (folder / "a1.txt").read_text(encoding="utf-8") == f"Story 1 was the best.\n\n{footer}\n"
    assert clean.stat().st_mtime_ns == clean_mtime
    mtimes = {p: p.stat().st_mtime_ns for p in folder.glob("*.txt")}
    code, out, err = run(["check", ".", "--fix", "--select", "DUP002,BPL001,BPL010"], capsys)
    assert "No safe fixes to apply." in err
    assert {p: p.stat().st_mtime_ns for p in folder.glob("*.txt")} == mtimes


def test_fix_report_checks_a_fixed_name_against_the_corpus(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # the corpus counted "Anthony Blin<ZWSP>ken"; the fix (ENC004) makes it "Anthony Blinken",
    # a full name the corpus never saw: NAM001 must still check it in the report after the fix
    for i in range(4):
        (folder / f"a{i}.txt").write_text(f"Story {i}: Antony Blinken arrived in Seoul.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Anthony Blin\u200bken arrived in Tokyo on Friday.\n", encoding="utf-8")
    select = ["--select", "NAM001,ENC004", "--no-cache"]
    assert "NAM001" not in run(["check", ".", *select], capsys)[1]  # the split surname hides the garble
    code, out, err = run(["check", ".", "--fix", *select], capsys)
    assert "Fixed 1 finding(s) in 1 file(s)." in err
    assert (folder / "b.txt").read_text(encoding="utf-8") == "Anthony Blinken arrived in Tokyo on Friday.\n"
    assert code == 1 and "b.txt:1:1: NAM001" in out and "garbled “Antony”" in out
    assert run(["check", ".", *select], capsys)[1] == out  # the same as a fresh check of the fixed files


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        pytest.param("utf-8", b"", id="utf-8"),
        pytest.param("utf-8", codecs.BOM_UTF8, id="utf-8-bom"),
        pytest.param("utf-16-le", codecs.BOM_UTF16_LE, id="utf-16-le-bom"),
        pytest.param("utf-16-be", codecs.BOM_UTF16_BE, id="utf-16-be-bom"),
        pytest.param("utf-32-be", codecs.BOM_UTF32_BE, id="utf-32-be-bom"),
    ],
)
def test_fix_keeps_encoding_bom_crlf_and_mode(
    folder: Path, capsys: pytest.CaptureFixture[str], encoding: str, bom: bytes
) -> None:
    text = "Café au lait, the the best.\r\nLeave a Reply\r\n\r\nÉté – fin.\r\n"
    article = folder / "a.txt"
    article.write_bytes(bom + text.encode(encoding))
    article.chmod(0o640)
    code, _, err = run(["check", "a.txt", "--fix", *SELECT], capsys)
    assert code == 0, err
    assert article.read_bytes() == bom + "Café au lait, the best.\r\nÉté – fin.\r\n".encode(encoding)
    assert stat.S_IMODE(article.stat().st_mode) == 0o640
    assert [p.name for p in folder.iterdir() if p.name != ".copydesk_cache"] == [
        "a.txt"
    ]  # no temporary file left behind


def test_fix_keeps_a_detected_legacy_encoding(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Le café était très bon, the the crème brûlée aussi, à la française.\n" * 3
    article = folder / "a.txt"
    article.write_bytes(text.encode("cp1252"))
    code, _, err = run(["check", "a.txt", "--fix", *SELECT], capsys)
    assert code == 0, err
    expected = text.replace("the the", "the")
    assert article.read_bytes() == expected.encode("cp1252")


def test_fix_through_a_symlink_keeps_the_link(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = folder / "real.txt"
    real.write_text("It was the the best.\n", encoding="utf-8")
    (folder / "link.txt").symlink_to(real)
    code, _, _ = run(["check", "link.txt", "--fix", *SELECT], capsys)
    assert code == 0 and (folder / "link.txt").is_symlink()
    assert real.read_text(encoding="utf-8") == "It was the best.\n"


def test_fix_refuses_stdin(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "-", "--fix"], capsys)
    assert code == 2 and err.strip() == "copydesk: error: --fix and --diff work on files, not on stdin"


def test_failed_write_is_a_one_line_error_and_leaves_the_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    article = folder / "a.txt"
    article.write_text("It was the the best.\n", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("linter.fix.os.replace", refuse)
    code, _, err = run(["check", "a.txt", "--fix", *SELECT], capsys)
    assert code == 2 and "a.txt: error: cannot write the fixed file: Permission denied" in err
    assert "Traceback" not in err
    assert article.read_text(encoding="utf-8") == "It was the the best.\n"
    assert [p.name for p in folder.iterdir() if p.name != ".copydesk_cache"] == ["a.txt"]
