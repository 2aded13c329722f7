"""BPL010 line-shared-across-corpus (a corpus rule: it needs several documents)."""

from __future__ import annotations

import pytest

from linter.api import lint_documents, select_rules
from linter.document import Document

CODE = "BPL010"
FOOTER = "Thanks for reading Daily Planet, subscribe for free"


def story(n: int, footer: str) -> str:
    return f"Story number {n} is about something else entirely, with its own words.\n\n{footer}\n"


def flagged(texts: list[str]) -> list[tuple[int, str]]:
    docs = [Document(t, path=f"doc{i}.txt") for i, t in enumerate(texts)]
    findings = lint_documents(docs, select_rules([CODE]))
    by_path = {d.path: i for i, d in enumerate(docs)}
    return sorted((by_path[f.path], texts[by_path[f.path]][f.start : f.end]) for f in findings)


def test_a_line_in_three_documents_is_flagged_in_each() -> None:
    texts = [story(i, FOOTER) for i in range(3)] + [story(3, "A different closing line for this one")]
    assert flagged(texts) == [(0, FOOTER), (1, FOOTER), (2, FOOTER)]


def test_a_line_in_two_documents_stays_silent() -> None:
    assert flagged([story(0, FOOTER), story(1, FOOTER), story(2, "Another ending of three words")]) == []


SPELLINGS = {
    "double-spaces": "Thanks for reading  Daily Planet,  subscribe for free",
    "tab": "Thanks for reading\tDaily Planet, subscribe for free",
    "no-break-space": "Thanks for reading\u00a0Daily Planet, subscribe for free",
    "edge-punctuation": "— Thanks for reading Daily Planet, subscribe for free!",
    "capitals": "THANKS FOR READING DAILY PLANET, SUBSCRIBE FOR FREE",
}


@pytest.mark.parametrize("spelling", SPELLINGS.values(), ids=SPELLINGS.keys())
def test_white_space_edge_punctuation_and_case_do_not_matter(spelling: str) -> None:
    texts = [story(0, FOOTER), story(1, FOOTER), story(2, spelling)]
    assert flagged(texts) == [(0, FOOTER), (1, FOOTER), (2, spelling)]


def test_inner_punctuation_matters() -> None:
    other = "Thanks for reading Daily Planet; subscribe for free"
    assert flagged([story(0, FOOTER), story(1, FOOTER), story(2, other)]) == []
