"""The shortcuts that make the encoding rules fast never change what they report: each
rule runs with its shortcut and with the shortcut forced open, and the findings match."""

from __future__ import annotations

import pytest

import rules.encoding.control_character as control_character
import rules.encoding.invisible_character as invisible_character
import rules.encoding.mojibake as mojibake
import rules.encoding.replacement_character as replacement_character
from tests.helpers import FIXTURES, run_rule

CODES = ["ENC001", "ENC002", "ENC003", "ENC004"]
TEXTS = [p.read_text(encoding="utf-8") for code in CODES for p in sorted((FIXTURES / code).glob("*.txt"))] + [
    "Russiaâ€™s cafÃ© «café» and\x08 talks\x0c Ukra\u200bine don?t Russia\ufffds \u00ad\u200e end.\nâ€ x",
    "Is it? Yes?No. See index.php?s=3, we?re sure it?ll work, they?ve, I?m, she?d, ?T? and ?x",
    "A question? Another one?",
]
EVERYTHING = frozenset(map(chr, range(0x2200))) | frozenset("\ufffd\ufeff\u2060\u2066\u2067\u2068\u2069")


@pytest.mark.parametrize("index", range(len(TEXTS)))
@pytest.mark.parametrize("code", CODES)
def test_shortcut_reports_what_the_full_check_reports(code: str, index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[index]
    fast = run_rule(code, text)
    for module in (control_character, invisible_character, mojibake, replacement_character):
        monkeypatch.setattr(module, "unusual_chars", lambda doc: EVERYTHING)
    monkeypatch.setattr(mojibake, "_lines_with", lambda doc, chars: ((ln.start, ln.text) for ln in doc.lines))
    monkeypatch.setattr(replacement_character, "_before_an_ending", lambda text: True)  # every text is scanned
    assert run_rule(code, text) == fast
