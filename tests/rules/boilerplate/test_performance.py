"""Every boilerplate rule stays linear on long adversarial input (a hang, not speed, fails these)."""

from __future__ import annotations

import time

import pytest

from linter.document import Document
from linter.engine import ActiveRule, lint
from linter.registry import all_rules

SIZE = 200_000
#: generous: these catch catastrophic backtracking (minutes), not slowness
LIMIT_S = 30.0

ADVERSARIAL = {
    "one-long-line": "Home Updates Politics " * (SIZE // 22),
    "separators": "Home » " * (SIZE // 7),
    "counter-run": "1 2 " * (SIZE // 4),
    "label-colons": "Photo: " * (SIZE // 7),
    "verbs": "follow subscribe join " * (SIZE // 22),
    "many-lines": "Home\n" * (SIZE // 5),
    "many-counter-lines": "55 0\n" * (SIZE // 5),
    "many-cta-lines": "Follow us on Twitter\n" * (SIZE // 21),
    "attribute-seeds": "a=" * (SIZE // 2),
    "url-schemes": "https://" * (SIZE // 8),
    "credit-lines": "Photo: Getty\n" * (SIZE // 13),
    "lead-verb-run": "please follow our news, " * (SIZE // 24),
    "verb-lines": "and follow\n" * (SIZE // 11),
    "full-case-folding-lines": "\ufb01le photo \u212a\n" * (SIZE // 13),
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_long_adversarial_input_does_not_hang(text: str) -> None:
    rules = [ActiveRule.default(r) for code, r in all_rules().items() if code.startswith("BPL")]
    assert len(rules) >= 8
    started = time.monotonic()
    result = lint(Document(text), rules)
    assert time.monotonic() - started < LIMIT_S
    assert result.problems == []
