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
