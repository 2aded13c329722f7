"""Every duplication and typography rule is linear: a 10 MB file on one line does not hang."""

from __future__ import annotations

import time

import pytest

from linter.api import select_rules
from linter.document import Document
from linter.rule import Context

PROSE = (
    "Ukraine Crisis: “We are ready,” he said. The talks will resume in the coming days in the "
    "coming days, officials said.  THE NORTH ATLANTIC TREATY ORGANIZATION, also known as Nato, "
    "met NATO allies. acting,” he said. “It is open, “It is closed.” he said, in Washington D.C. "
    "on Friday, and the the U.S. said “more.” "
)
RULES = select_rules(["DUP", "TYP"])


@pytest.fixture(scope="module")
def long_line() -> Document:
    doc = Document(PROSE * (10_000_000 // len(PROSE)))
    _ = doc.words, doc.sentences, doc.paragraphs, doc.lines  # built once by the engine
    return doc


@pytest.mark.parametrize("active", RULES, ids=lambda a: a.rule.code)
def test_ten_megabytes_on_one_line(long_line: Document, active: object) -> None:
    rule = active.rule  # type: ignore[attr-defined]
    start = time.perf_counter()
    count = sum(1 for _ in rule.check(long_line, Context(options=dict(rule.options))))
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"{rule.code} took {elapsed:.1f} s for {count} findings"
