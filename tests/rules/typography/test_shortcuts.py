"""The shortcuts that make the typography rules fast never change what they report: each
rule runs with its shortcut and with the shortcut forced open, and the findings match."""

from __future__ import annotations

import pytest

import rules.typography.doubled_space as doubled_space
import rules.typography.inconsistent_casing as inconsistent_casing
import rules.typography.quotes as quotes
import rules.typography.run_together_quotations as run_together
from tests.helpers import FIXTURES, run_rule

CODES = ["TYP001", "TYP002", "TYP004", "TYP005", "TYP007"]
TEXTS = {
    "fixtures": "\n\n".join(
        p.read_text(encoding="utf-8") for code in CODES for p in sorted((FIXTURES / code).glob("*.txt"))
    ),
    "casing": "NATO met. Nato said Nato’s plan; NATO’s allies and NATO. iPhone IPhone iphone Iphone. "
    "O’Brien O’BRIEN. Straße STRASSE. The THE The. ΟΔΟΣ Οδος οδος.\nTHE NORTH ATLANTIC\nNato Nato",
    "quotes": "He said “yes.\n\n“No,” she said. ”Stray.\n\nplain paragraph\n\n“Open\n\nlast” one. "
    'He said "it is.\n\n<a href="x">',
    "spaces": "one  two\u00a0 three\u202f\u202ffour.  Five",
}


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("code", CODES)
def test_shortcut_reports_what_the_full_check_reports(code: str, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[name]
    fast = run_rule(code, text)
    if code in ("TYP001", "TYP005"):  # every paragraph is read
        monkeypatch.setattr(quotes, "_paragraphs_with_marks", lambda doc: set(range(len(doc.paragraphs))))
    elif code == "TYP002":
        monkeypatch.setattr(run_together, "_close_then_open", lambda: __import__("re").compile(""))
    elif code == "TYP004":
        monkeypatch.setattr(doubled_space, "utf8", lambda doc: b"  ")
    else:  # the line by line scan of every word
        monkeypatch.setattr(inconsistent_casing, "_occurrences", lambda doc: None)
    assert run_rule(code, text) == fast
