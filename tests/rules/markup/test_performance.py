"""Every markup rule stays linear on long adversarial lines (a hang, not speed, fails these)."""

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
    "attribute-seeds": "a=" * (SIZE // 2),
    "url-schemes": "https://" * (SIZE // 8),
    "unclosed-tags": "<a " * (SIZE // 3),
    "attribute-run-without-end": 'a="b" ' * (SIZE // 6),
    "srcset-run-ending-in-comma": "a/b.jpg 1x, " * (SIZE // 12),
    "path-without-descriptor": "a/" * (SIZE // 2) + " 1w",
    "unterminated-value": '<img src="' + "a" * SIZE,
    "entity-chain": "&amp;" * (SIZE // 5),
    "shortcode-openers": '[a b="' * (SIZE // 6),
    "bold-openers": "**a " * (SIZE // 4),
    "markdown-link-openers": "[a](http://" * (SIZE // 11),
    "css-openers": "{display:" * (SIZE // 9),
    "one-long-word-with-extension": "a" * SIZE + ".jpg",
    "path-segments": "a/" * (SIZE // 2) + ".jpg",
    "snippet-names": "gtag dataLayer window. " * (SIZE // 23),
    "quoted-equals": '="' * (SIZE // 2),
    "heading-lines": "# A\n" * (SIZE // 4),
    "descriptor-commas": "1w, " * (SIZE // 4),
    "braces-and-equals": "{a=b; " * (SIZE // 6),
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_long_adversarial_line_does_not_hang(text: str) -> None:
    rules = [ActiveRule.default(r) for code, r in all_rules().items() if code.startswith("MRK")]
    assert len(rules) >= 7
    started = time.monotonic()
    result = lint(Document(text), rules)
    assert time.monotonic() - started < LIMIT_S
    assert result.problems == []
