"""NAM001 minority-name-spelling: corpus consensus on made-up runs and on the seeds."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.api import lint_documents, select_rules
from linter.document import Document
from linter.engine import merge, summarize
from linter.findings import Finding
from linter.rule import Context, collect
from rules.names import consensus
from tests.helpers import FIXTURES, snapshot

CODE = "NAM001"
ROOT = Path(__file__).parents[3]


def run_corpus(texts: list[str], options: dict | None = None, settings: dict | None = None) -> list[Finding]:
    rules = select_rules([CODE], options={CODE: options or {}})
    docs = [Document(t, path=f"doc{i}.txt") for i, t in enumerate(texts)]
    return lint_documents(docs, rules, settings)


def flagged(findings: list[Finding], texts: list[str]) -> list[tuple[int, str, str | None]]:
    out = []
    for f in findings:
        i = int(f.path[3:-4])
        out.append((i, texts[i][f.start : f.end], f.suggestion))
    return out


BLINKEN = "Secretary of State Antony Blinken said the door was open. Blinken met allies."
BLINCOLN = "US Secretary of State Anthony Blincoln said ‘either way is ready’. Later Blincoln added more."


def test_minority_spelling_is_flagged_with_the_majority_as_fix() -> None:
    texts = [BLINKEN] * 4 + [BLINCOLN]
    found = flagged(run_corpus(texts), texts)
    assert found == [(4, "Anthony Blincoln", "Antony Blinken"), (4, "Blincoln", "Blinken")]


def test_every_occurrence_is_flagged_as_error() -> None:
    texts = [BLINKEN] * 4 + ["Blincoln spoke. Blincoln left. Blincoln’s aide stayed."]
    findings = run_corpus(texts)
    assert [texts[4][f.start : f.end] for f in findings] == ["Blincoln"] * 3
    assert {str(f.severity) for f in findings} == {"error"}
    assert all(f.fix is not None and not f.fix.safe for f in findings)


def test_documents_are_counted_not_mentions() -> None:
    many = " ".join(["Blincoln spoke."] * 10)
    texts = [many, "Blinken spoke.", "Blinken left."]
    assert run_corpus(texts) == []  # 2 documents are not a well-attested majority
    texts = [many, "Blinken spoke.", "Blinken left.", "Blinken met them."]
    assert len(run_corpus(texts)) == 10


def test_no_consensus_in_a_run_of_one() -> None:
    assert run_corpus([BLINCOLN]) == []


def test_not_flagged_when_majority_is_in_the_same_document() -> None:
    texts = [BLINKEN] * 4 + ["Antony Blinken spoke. Then Blinkin left."]
    assert run_corpus(texts) == []  # NAM002's case: one document, two spellings


NEVER_MERGED = {
    "kozak-kuleba": ("Dmitri Kozak met the envoys.", "Dmytro Kuleba met the envoys."),
    "peskov-putin": ("Dmitry Peskov spoke.", "Vladimir Putin spoke."),
    "russia-prussia": ("Troops left Russia.", "Troops left Prussia."),
    "austria-australia": ("He flew to Austria.", "He flew to Australia."),
    "country-and-person": (
        "Talks were held in Jordan.",
        "The winger Jordon Ibe scored, and Jordon celebrated.",
    ),
    "two-women-two-men": ("Maria Zakharova spoke.", "Sergei Zakharov spoke."),
    "dictionary-name-beside-place": ("Cafés in São Paulo stayed open.", "Said Paul, and Paul left."),
}


@pytest.mark.parametrize("majority,minority", NEVER_MERGED.values(), ids=NEVER_MERGED.keys())
def test_distinct_names_are_never_merged(majority: str, minority: str) -> None:
    assert run_corpus([majority] * 5 + [minority]) == []


def test_legitimate_variants_are_silent_by_default() -> None:
    texts = ["Dmitri Kozak spoke."] * 2 + ["Dmitry Kozak spoke."] * 2 + ["Kiev and Kyiv."] + ["Kyiv talks."] * 4
    assert run_corpus(texts) == []


def test_common_minority_is_legitimate_and_reported_at_info_on_request() -> None:
    texts = ["Gennady Zyuganov spoke."] * 4 + ["Gennady Zuganov spoke."] * 2
    assert run_corpus(texts) == []  # 2 of 6 documents: a legitimate variant
    found = run_corpus(texts, options={"report-legitimate": True})
    assert {(f.path, str(f.severity)) for f in found} == {("doc4.txt", "info"), ("doc5.txt", "info")}


def test_options_tighten_the_majority() -> None:
    texts = [BLINKEN] * 4 + [BLINCOLN]
    assert run_corpus(texts, options={"min-majority-docs": 5}) == []
    assert run_corpus(texts, options={"min-ratio": 5}) == []
    assert run_corpus(texts, options={"min-similarity": 0.9}) == []  # Blincoln/Blinken: 0.868


def test_first_name_alone_is_flagged_inside_a_matched_surname() -> None:
    texts = [BLINKEN] * 4 + ["Anthony Blinken met the press."]
    assert flagged(run_corpus(texts), texts) == [(4, "Anthony", "Antony")]


def test_summary_is_json_and_merge_is_associative() -> None:
    rules = select_rules([CODE])
    docs = [Document(t) for t in [BLINKEN, BLINKEN, BLINCOLN, "Dmitry Peskov spoke."]]
    sums = [summarize(d, rules, {}) for d in docs]
    assert json.loads(json.dumps(sums)) == sums
    assert sums[2][CODE] == {"#docs": 1, "t:Blincoln": 1, "f:Anthony Blincoln": 1}
    left = merge(rules, merge(rules, {}, sums[0]), sums[1])
    right = merge(rules, merge(rules, {}, sums[2]), sums[3])
    both = merge(rules, left, right)
    one_by_one: dict = {}
    for s in sums:
        merge(rules, one_by_one, s)
    assert both == one_by_one
    assert both[CODE]["t:Blinken"] == 2 and both[CODE]["#docs"] == 4


SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REAL_NAMES = [
    "Antony Blinken",
    "Sergei Lavrov",
    "Jens Stoltenberg",
    "Vladimir Putin",
    "Dmitry Peskov",
    "Sergei Ryabkov",
    "Dmytro Kuleba",
    "Dmitri Kozak",
    "Dmitry Kozak",
    "Lavrov",
    "Stoltenberg",
]


def test_seeds_every_blincoln_and_no_real_name() -> None:
    docs = [Document(p.read_text(encoding="utf-8"), path=p.name) for p in SEEDS]
    findings = lint_documents(docs, select_rules([CODE]))
    by_path = {d.path: d for d in docs}
    texts = [by_path[f.path].text[f.start : f.end] for f in findings]
    assert set(texts) == {"Anthony Blincoln", "Blincoln"}
    assert len(findings) == by_path[SEEDS[3].name].text.count("Blincoln")  # each one, once
    assert {f.path for f in findings} == {SEEDS[3].name}
    flagged_text = " ".join(texts)
    assert not any(name in flagged_text for name in REAL_NAMES)


# The fixtures of NAM001 are checked here, not in tests/rules/test_fixtures.py (see CHECKED_ELSEWHERE there).
def test_bad_fixture_with_its_corpus() -> None:
    folder = FIXTURES / CODE
    corpus = sorted((folder / "corpus").glob("*.txt"))
    bad = folder / "bad.txt"
    docs = [Document(p.read_text(encoding="utf-8"), path=str(p)) for p in [bad, *corpus]]
    got = snapshot([f for f in lint_documents(docs, select_rules([CODE])) if f.path == str(bad)])
    expected = bad.with_suffix(".expected")
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


def test_good_fixture_with_its_corpus() -> None:
    folder = FIXTURES / CODE
    paths = [folder / "good.txt", *sorted((folder / "corpus").glob("*.txt"))]
    docs = [Document(p.read_text(encoding="utf-8"), path=str(p)) for p in paths]
    assert lint_documents(docs, select_rules([CODE])) == []


# -- the early exit: a document none of whose names can be reported is not extracted ------------
def second_pass(texts: list[str], options: dict | None = None, exit_early: bool = True) -> list[list[tuple]]:
    """NAM001 as the runner checks it: every summary merged first, then each document checked
    on a fresh Document (nothing cached); ``exit_early=False`` forces the full check."""
    rules = select_rules([CODE], options={CODE: options or {}})
    return checks(texts, rules, merged_summaries(texts, rules), exit_early)


def merged_summaries(texts: list[str], rules: list) -> dict:
    merged: dict = {}
    for text in texts:
        merge(rules, merged, summarize(Document(text), rules, {}))
    return merged


def checks(texts: list[str], rules: list, merged: dict, exit_early: bool = True) -> list[list[tuple]]:
    out = []
    for text in texts:
        doc = Document(text)
        ctx = Context(dict(rules[0].options), {}, merged[CODE])
        if not exit_early:
            consensus.corpus_index(ctx).may_report = lambda text: True  # this run's index only
        reports = list(collect(rules[0].rule.check(doc, ctx)))
        default = rules[0].rule.severity
        out.append(
            [(doc.text[r.start : r.end], r.replacement or r.suggestion, str(r.severity or default)) for r in reports]
        )
    return out


def test_a_document_without_a_reportable_name_is_not_extracted(monkeypatch: pytest.MonkeyPatch) -> None:
    quiet = [
        BLINKEN,
        BLINKEN,
        BLINKEN,
        BLINKEN,
        "Anthony, Blinken said. NATO officials met Blinken.",  # both words, never one name
        "Nothing here names anyone at all.",
    ]
    loud = [BLINCOLN, "Anthony Blinken met the press."]
    rules = select_rules([CODE])
    merged = merged_summaries(quiet + loud, rules)

    def extracted(*args: object) -> None:
        raise AssertionError("the names were extracted")

    monkeypatch.setattr(consensus, "name_tokens", extracted)
    monkeypatch.setattr(consensus, "full_names", extracted)
    assert checks(quiet, rules, merged) == [[]] * len(quiet)
    for text in loud:  # a minority spelling stands: the exit is not taken
        with pytest.raises(AssertionError, match="extracted"):
            checks([text], rules, merged)


MINORITY_FORMS = {
    "single-name": ([BLINKEN] * 4 + ["Blinkin spoke."], [("Blinkin", "Blinken", "error")]),
    "garbled-first-name": ([BLINKEN] * 4 + ["Anthony Blinken met the press."], [("Anthony", "Antony", "error")]),
    "garbled-surname": (
        [BLINKEN] * 4 + [BLINCOLN],
        [("Anthony Blincoln", "Antony Blinken", "error"), ("Blincoln", "Blinken", "error")],
    ),
    "possessives": (
        [BLINKEN] * 4 + ["Blincoln’s aide and Blincoln's driver."],
        [("Blincoln", "Blinken", "error")] * 2,
    ),
    "hyphenated-and-digits": (
        [BLINKEN] * 4 + ["The Blincoln-Lavrov talks, @Blincoln2024."],
        [("Blincoln", "Blinken", "error")] * 2,
    ),
    "initial-inside": ([BLINKEN] * 4 + ["Anthony J. Blinken met them."], [("Anthony", "Antony", "error")]),
    "particles-inside": (
        ["Ursula von der Leyen spoke."] * 4 + ["Ursulla von der Leyen spoke."],
        [("Ursulla", "Ursula", "error")],
    ),
    "curly-apostrophe": (
        ["Conan O’Brien spoke. O’Brien left."] * 4 + ["Conan O’Brian spoke."],
        [("Conan O’Brian", "Conan O’Brien", "error")],
    ),
    "combining-mark": (
        ["Jose\u0301 Ferreira spoke. Ferreira left."] * 4 + ["Jose\u0301 Ferriera spoke."],
        [("Jose\u0301 Ferriera", "Jose\u0301 Ferreira", "error")],
    ),
    "cyrillic": (
        ["Сергей Шойгу заявил. Шойгу ушёл."] * 4 + ["Сергей Шойгуу заявил."],
        [("Сергей Шойгуу", "Сергей Шойгу", "error")],
    ),
}


@pytest.mark.parametrize("texts,expected", MINORITY_FORMS.values(), ids=MINORITY_FORMS.keys())
def test_minority_forms_report_as_without_the_exit(texts: list[str], expected: list[tuple]) -> None:
    found = second_pass(texts)
    assert found[-1] == expected
    assert found == second_pass(texts, exit_early=False)
    assert found[:-1] == [[]] * (len(texts) - 1)


def test_legitimate_variants_on_request_report_as_without_the_exit() -> None:
    on = {"report-legitimate": True}
    surnames = ["Gennady Zyuganov spoke."] * 4 + ["Gennady Zuganov spoke."] * 2
    firsts = ["Dmitri Kozak spoke."] * 4 + ["Dmitry Kozak spoke."]
    for texts in (surnames, firsts):
        assert second_pass(texts) == [[]] * len(texts)
        found = second_pass(texts, on)
        assert found == second_pass(texts, on, exit_early=False)
        assert {sev for reports in found for _, _, sev in reports} == {"info"}
    assert second_pass(firsts, on)[-1][0][:2] == ("Dmitry", "Dmitri")
    assert [len(r) for r in second_pass(surnames, on)] == [0, 0, 0, 0, 1, 1]
