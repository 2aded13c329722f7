"""SPL004 lowercase-pronoun-i."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "SPL004"

FIRES = {
    "contraction-curly": "From our perspective i can’t be more clear.",
    "alone": "Then i said no.",
    "i-am": "i’m not sure, he said.",
    "i-have": "Well, i've seen it.",
    "sentence-end": "It was not me, it was i!",
}

SILENT = {
    "capital": "From our perspective I can’t be more clear.",
    "list-numeral-paren": "The rules are (i) clear and (ii) fair.",
    "list-numeral-dot": "i. The first point\nii. The second point",
    "formula": "for i = 1 to n, add i+1 to the sum",
    "abbreviation": "Some words, i.e. the short ones, stay.",
    "url": "Open https://example.com/i/love for more.",
    "letter-in-word": "The iPhone and the i-th element.",
}


@pytest.mark.parametrize("text", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str) -> None:
    (f,) = run_rule(CODE, text)
    assert text[f.start : f.end] == "i"
    assert f.fix is not None and f.fix.replacement == "I" and f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []
