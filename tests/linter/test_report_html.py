"""The HTML report as a string: escaping, segments, ranking, corpus view, the report command."""

from __future__ import annotations

import html as html_mod
import json
import re
from pathlib import Path

import pytest

from linter import registry
from linter.api import lint_text
from linter.cli import main
from linter.document import Document
from linter.findings import Finding, Severity
from linter.reporters.html import Article, Page, build, display_span, rank, script_json, segments
from linter.runner import FileResult, RunResult

RULES = registry.all_rules()
HOSTILE_TEXT = 'Intro <script>alert(1)</script> and the the end.\nA " onmouseover="alert(1)" title.\n'
HOSTILE_PATH = '"><img src=x onerror=alert(1)>.txt'
SELECT = ["--select", "DUP002,BPL001,BPL010"]


def finding(path: str, source: str, start: int, end: int, **kw: object) -> Finding:
    doc = Document(source, path=path)
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    fields: dict = dict(rule="DUP002", name="doubled-word", category="duplication", severity=Severity.WARNING)
    fields.update(message="m", suggestion=None)
    fields.update(kw)
    return Finding(path, line, col, end_line, end_col, start=start, end=end, **fields)


def page(files: dict[str, tuple[str, list[Finding]]]) -> str:
    result = RunResult(files=[FileResult(p, fs) for p, (_, fs) in files.items()])
    sources = {p: src for p, (src, _) in files.items()}
    return build(result, RULES, sources, Page(generated="today", nonce="n0nce"))


def data_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="copydesk-data">(.*?)</script>', html, re.S)
    assert m
    return json.loads(m.group(1))


# -- escaping ---------------------------------------------------------------------------------
def hostile_page() -> str:
    message = "</script><script>alert(2)</script> \u2028 & <!--"
    fs = lint_text(HOSTILE_TEXT, path=HOSTILE_PATH, select=["DUP002"])
    fs.append(finding(HOSTILE_PATH, HOSTILE_TEXT, 6, 31, message=message, suggestion='"><b>x</b>'))
    return page({HOSTILE_PATH: (HOSTILE_TEXT, fs)})


def test_article_text_path_and_messages_are_escaped() -> None:
    html = hostile_page()
    assert "<script>alert" not in html and "<img" not in html and "<b>x</b>" not in html
    assert '" onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot; onmouseover=&quot;alert(1)&quot;" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.txt" in html
    assert len(re.findall(r"<script\b", html)) == 2  # the data block and the report's own script


def test_embedded_json_cannot_close_its_script() -> None:
    html = hostile_page()
    block = re.search(r'id="copydesk-data">(.*?)</script>', html, re.S)
    assert block and not re.search(r"[<>&\u2028\u2029]", block.group(1))
    data = data_of(html)
    messages = {f["message"] for f in data["articles"][0]["findings"]}
    assert "</script><script>alert(2)</script> \u2028 & <!--" in messages
    assert data["articles"][0]["path"] == HOSTILE_PATH


@pytest.mark.parametrize("value", ["</script>", "<!--", "a & b", "\u2028\u2029", {"k": ["<>"]}])
def test_script_json_round_trips(value: object) -> None:
    text = script_json(value)
    assert json.loads(text) == value and not re.search(r"[<>&\u2028\u2029]", text)


def test_page_is_self_contained_with_a_strict_policy() -> None:
    html = hostile_page()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    policy = html_mod.unescape(found.group(1)) if found else ""
    assert "default-src 'none'" in policy and "script-src 'nonce-n0nce'" in policy
    assert '<script nonce="n0nce">' in html


# -- segments ------------------------------------------------------------------------------
def test_overlapping_spans_split_into_segments_with_all_covers() -> None:
    source = "abcdefgh"
    [line] = segments(source, [(1, 5), (3, 7)])
    assert [(s.start, s.end, s.cover) for s in line] == [
        (0, 1, ()),
        (1, 3, (0,)),
        (3, 5, (0, 1)),
        (5, 7, (1,)),
        (7, 8, ()),
    ]


def test_segments_stop_at_line_breaks_crlf_included() -> None:
    source = "ab\r\ncd\n\nef"
    lines = segments(source, [(1, 5)])
    assert [[(source[s.start : s.end], s.cover) for s in line] for line in lines] == [
        [("a", ()), ("b", (0,))],
        [("c", (0,)), ("d", ())],
        [],
        [("ef", ())],
    ]


@pytest.mark.parametrize(
    ("source", "at", "expected"),
    [
        pytest.param("abc", 1, (1, 2), id="inside"),
        pytest.param("abc", 3, (2, 3), id="at-end"),
        pytest.param("ab\ncd", 2, (1, 2), id="before-line-break"),
        pytest.param("", 0, (0, 0), id="empty"),
    ],
)
def test_zero_width_findings_are_widened(source: str, at: int, expected: tuple[int, int]) -> None:
    assert display_span(source, finding("a.txt", source or "x", at, at)) == expected


def test_every_finding_is_highlighted_and_listed() -> None:
    text = "It was the best best.\nLeave a Reply\n"
    fs = lint_text(text, path="a.txt", select=["DUP002", "BPL001"])
    html = page({"a.txt": (text, fs)})
    marks = re.findall(r'<mark [^>]*data-f="([\d ]+)"[^>]*>([^<]*)</mark>', html)
    assert sorted(marks) == [("0", "best"), ("1", "Leave a Reply")]
    assert len(re.findall(r'class="fi"', html)) == 2
    assert 'id="total-findings">2<' in html and 'id="total-error">1<' in html


@pytest.mark.parametrize(
    ("source", "needle", "expected"),
    [
        pytest.param("first\r\nIt was the the best.\r\nlast", "the", ("It was the ", " best."), id="crlf"),
        pytest.param(
            "x" * 100 + " on on " + "y" * 100,
            "on",
            ("…" + "x" * 56 + " on ", " " + "y" * 59 + "…"),
            id="long-line",
        ),
        pytest.param("on", "on", ("", ""), id="alone"),
    ],
)
def test_details_context_is_the_flagged_line(source: str, needle: str, expected: tuple[str, str]) -> None:
    start = source.rindex(needle)
    f = finding("a.txt", source, start, start + len(needle))
    assert Article(0, "a.txt", source, [f]).context(f) == expected


# -- overview --------------------------------------------------------------------------------
def test_articles_ranked_by_weighted_severity() -> None:
    warn = "a cat cat\n" * 2  # two warnings: score 4
    err = "Leave a Reply\n"  # one error: score 5
    files = {
        "w.txt": (warn, lint_text(warn, path="w.txt", select=["DUP002"])),
        "e.txt": (err, lint_text(err, path="e.txt", select=["BPL001"])),
        "clean.txt": ("Fine.\n", []),
    }
    result = RunResult(files=[FileResult(p, fs) for p, (_, fs) in files.items()])
    assert [(a.path, a.score) for a in rank(result, {p: s for p, (s, _) in files.items()})] == [
        ("e.txt", 5),
        ("w.txt", 4),
    ]
    html = page(files)
    assert html.index('href="#a-0">e.txt') < html.index('href="#a-1">w.txt')
    assert "1 clean article" in html and 'id="a-2"' not in html


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for i in range(4):
        (tmp_path / f"s{i}.txt").write_text(
            f"Story {i} begins.\n\nThanks for reading, subscribe for free!\n", encoding="utf-8"
        )
    (tmp_path / "dirty.txt").write_text("It was the the best.\n\nLeave a Reply\n", encoding="utf-8")
    return tmp_path


def test_report_command_writes_the_page(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (corpus / "out").mkdir()
    code = main(["report", ".", "-o", "out/report.html", *SELECT])
    _, err = capsys.readouterr()
    assert code == 0 and "Wrote out/report.html: 6 finding(s) in 5 of 5 article(s)." in err
    html = (corpus / "out" / "report.html").read_text(encoding="utf-8")
    start = html.index('id="corpus"')
    corpus_view = html[start : html.index("</section>", start)]
    assert "BPL010" in corpus_view and all(f"s{i}.txt" in corpus_view for i in range(4))
    assert "dirty.txt" not in corpus_view
    assert corpus_view.count("“Thanks for reading, subscribe for free!” ×4") == 1
    data = data_of(html)
    assert sum(len(a["findings"]) for a in data["articles"]) == 6


def test_a_report_among_the_articles_is_not_linted(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", ".", "-o", "report.html", *SELECT]) == 0
    capsys.readouterr()
    assert main(["check", "report.html", *SELECT]) == 0
    assert "All clear: 1 file(s) checked" in capsys.readouterr().out


def test_report_to_stdout_and_with_a_baseline(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", ".", "--write-baseline", "b.json", *SELECT]) == 0
    (corpus / "new.txt").write_text("They met on on Friday.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["report", ".", "-o", "-", "--baseline", "b.json", *SELECT]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("<!DOCTYPE html>") and "Wrote stdout: 1 finding(s) in 1 of 6 article(s)." in err
    assert [a["path"] for a in data_of(out)["articles"]] == ["new.txt"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        pytest.param(["report", "missing"], "missing: error: no such file or directory", id="missing-path"),
        pytest.param(["report", ".", "-o", "nofolder/r.html"], "nofolder/r.html: cannot write report", id="bad-out"),
        pytest.param(["report", ".", "--select", "NOPE1"], "unknown rule or category 'NOPE1'", id="bad-select"),
        pytest.param(["report", ".", "--baseline", "nope.json"], "nope.json: baseline file not found", id="baseline"),
    ],
)
def test_report_errors_are_one_line(
    corpus: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = main(argv)
    _, err = capsys.readouterr()
    assert code == 2 and message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (corpus / "report.html").exists()
