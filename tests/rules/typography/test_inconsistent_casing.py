"""TYP007 inconsistent-casing."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "TYP007"

NATO3 = "NATO met. Then NATO spoke, and NATO left."

FIRES = {
    "title-minority": (f"{NATO3} Critics say Nato was slow.", "Nato", "NATO"),
    "upper-minority": ("Nato met. Then Nato spoke and Nato left. Critics say NATO was slow.", "NATO", "Nato"),
    "mixed-case": ("Watch it on YouTube. Also on YouTube, and the Youtube clip.", "Youtube", "YouTube"),
    "lower-camel": ("The iPhone sold well; the iPhone is popular; the IPhone too.", "IPhone", "iPhone"),
    "possessive": (f"{NATO3} It was Nato’s call.", "Nato", "NATO"),
}

SILENT = {
    "sentence-start": f"{NATO3} Nato, critics say, was slow.".replace("Nato, critics", "Critics"),
    "title-case-heading": f"{NATO3}\n\nWhy Nato Matters to Europe\n\nText.",
    "lower-case-never-compared": "The US said the US and the US would help us.",
    "no-clear-majority": "NATO met. NATO spoke. Nato left. Nato stayed.",
    "caps-run": "The North was cold. The North voted. THE NORTH ATLANTIC TREATY was signed.",
    "single-form": NATO3,
    "hyphenated": "The Secretary-General met the secretary-general and the Secretary-General.",
}


@pytest.mark.parametrize("text,flagged,dominant", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, flagged: str, dominant: str) -> None:
    findings = run_rule(CODE, text)
    assert [text[f.start : f.end] for f in findings] == [flagged]
    f = findings[0]
    assert f.suggestion == dominant and f.fix is not None and not f.fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []
