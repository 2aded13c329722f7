"""DUP004 repeated-paragraph."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule

CODE = "DUP004"

PARA = "The talks will resume in Geneva next week, officials said on Monday after the meeting."
SHORT = "Officials met on Monday in Geneva again."

FIRES = {
    "far-apart": (f"{PARA}\n\nMiddle one.\n\nMiddle two.\n\n{PARA}", 7),
    "adjacent": (f"{PARA}\n\n{PARA}\n\nEnd.", 3),
    "spacing-and-case-differ": (f"{PARA}\n\n{PARA.upper().replace(' ', '  ')}", 3),
    "short-sentence-paragraph": (f"{SHORT}\n\nOther.\n\n{SHORT}", 5),
}

SILENT = {
    "heading-repeated": "Key Facts About the Alliance\n\nText one.\n\nKey Facts About the Alliance",
    "label-repeated": "Read more: Markets\n\nText.\n\nRead more: Markets",
    "different-paragraphs": f"{PARA}\n\n{PARA.replace('Geneva', 'Vienna')}",
    "chorus-repeated": (
        "Oh the river runs so deep and wide tonight\nAnd the night is long and very cold\n"
        "We will sing until we fall asleep my friend\nAnd the morning comes for all of us\n\n"
        "Verse two is here\nWith other words\nAnd more words\nAnd the end\n\n"
        "Oh the river runs so deep and wide tonight\nAnd the night is long and very cold\n"
        "We will sing until we fall asleep my friend\nAnd the morning comes for all of us"
    ),
}


@pytest.mark.parametrize("text,line", FIRES.values(), ids=FIRES.keys())
def test_fires(text: str, line: int) -> None:
    findings = run_rule(CODE, text)
    assert [f.line for f in findings] == [line]
    assert findings[0].fix is not None and findings[0].fix.safe


@pytest.mark.parametrize("text", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(text: str) -> None:
    assert run_rule(CODE, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        (f"A.\n\n{PARA}\n\n{PARA}\n\nB.", f"A.\n\n{PARA}\n\nB."),
        (f"A.\n\n{PARA}\n\n{PARA}", f"A.\n\n{PARA}"),
    ],
    ids=["middle", "last"],
)
def test_fix_leaves_one_blank_line(text: str, expected: str) -> None:
    (f,) = run_rule(CODE, text)
    assert f.fix is not None
    assert text[: f.fix.start] + f.fix.replacement + text[f.fix.end :] == expected


def test_every_later_copy_fires() -> None:
    findings = run_rule(CODE, f"{PARA}\n\n{PARA}\n\n{PARA}")
    assert [f.line for f in findings] == [3, 5]
