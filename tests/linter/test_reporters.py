"""Reporters: JSON schema, SARIF 2.1.0 structure, GitHub annotations, text."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from linter import registry
from linter.api import lint_text
from linter.findings import Finding, Severity
from linter.reporters import get
from linter.runner import FileResult, RunResult

RULES = registry.all_rules()
KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "name",
    "category",
    "severity",
    "message",
    "suggestion",
}


def result() -> RunResult:
    findings = lint_text(
        "It was the the best, 100% sure.\nLeave a Reply\n", path="dir/a,b.txt", select=["DUP002", "BPL001"]
    )
    file = FileResult("dir/a,b.txt", findings)
    file.context = {1: "It was the the best, 100% sure.", 2: "Leave a Reply"}
    return RunResult(files=[file])


def render(name: str) -> str:
    out = io.StringIO()
    get(name)(result(), RULES, out, False)
    return out.getvalue()


def test_json_has_exactly_the_documented_keys() -> None:
    data = json.loads(render("json"))
    assert len(data) == 2
    for item in data:
        assert set(item) == KEYS
    first = data[0]
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (1, 12, 1, 15)
    assert first["severity"] in {"error", "warning", "info"} and first["suggestion"]
    assert [d["severity"] for d in data] == [str(f.severity) for f in result().findings]


def test_sarif_structure() -> None:
    sarif = json.loads(render("sarif"))
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "copydesk"
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert sorted(rule_ids) == ["BPL001", "DUP002"]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["help"]["text"] and rule["shortDescription"]["text"]
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        assert res["level"] in {"error", "warning", "note"}
        region = res["locations"][0]["physicalLocation"]["region"]
        assert {"startLine", "startColumn", "endLine", "endColumn"} <= set(region)
    assert run["columnKind"] == "unicodeCodePoints"


def test_github_annotations_escape_properties() -> None:
    lines = render("github").splitlines()
    assert len(lines) == 2
    assert all(" file=dir/a%2Cb.txt,line=" in line for line in lines)
    assert "100%25 sure" not in "".join(lines)  # messages escape % (the line text is not sent)
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any("title=DUP002 doubled-word::" in line for line in lines)


def test_text_marks_the_span() -> None:
    out = io.StringIO()
    from linter.reporters.text import render as text

    text(result(), RULES, out, color=False)
    lines = out.getvalue().splitlines()
    i = lines.index("1 | It was the the best, 100% sure.")
    assert lines[i + 1] == "  |            ^^^"
    assert any(line.startswith("Found 2 finding(s) in 1 of 1 file(s): ") for line in lines)


def test_text_caret_counts_wide_characters_twice() -> None:
    from linter.reporters.text import _excerpt

    line = "東京 was the the site"
    f = Finding("a.txt", 1, 10, 1, 17, "DUP002", "doubled-word", "duplication", Severity.WARNING, "m")
    shown, marks = _excerpt(line, f)
    assert shown == line
    assert marks == " " * 11 + "^" * 7  # two wide characters take four columns before the span


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=())),
    suggestion=st.none() | st.text(st.characters(blacklist_categories=())),
    numbers=st.tuples(*[st.integers(0, 10**9)] * 4),
    severity=st.sampled_from(list(Severity)),
)
def test_json_line_equals_json_dumps(
    text: str, suggestion: str | None, numbers: tuple[int, int, int, int], severity: Severity
) -> None:
    """The hand-written JSON line is exactly what json.dumps makes of the documented dict."""
    from linter.reporters.json_ import finding_json

    f = Finding(f"dir/{text}.txt", *numbers, "DUP002", text or "x", "duplication", severity, text, suggestion)
    assert finding_json(f) == json.dumps(f.to_dict(), ensure_ascii=False)
