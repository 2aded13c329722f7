"""TRN003 source-date-convention."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule


@pytest.mark.parametrize(
    ("text", "flagged", "severity"),
    [
        pytest.param(
            "Lavrov said on the 26th (local time) that Stoltenberg had lost touch.",
            "on the 26th (local time)",
            "warning",
            id="ordinal-local-time",
        ),
        pytest.param(
            "The leaders met on Thursday (local time) in Tokyo.",
            "Thursday (local time)",
            "warning",
            id="weekday-local-time",
        ),
        pytest.param(
            "The ministry said on March 3 (local time) that talks would resume.",
            "March 3 (local time)",
            "warning",
            id="month-day-local-time",
        ),
        pytest.param(
            "Foreign Minister Park Jin said on the 17th that Seoul would act.",
            "on the 17th",
            "info",
            id="bare-day-said",
        ),
        pytest.param(
            "The ministry announced on the morning of the 18th that curbs would end.",
            "of the 18th",
            "info",
            id="bare-day-of-the",
        ),
        pytest.param("Talks resumed on the 3rd.", "on the 3rd", "info", id="bare-day-sentence-end"),
        pytest.param(
            "(Seoul=Yonhap News) The president left for Tokyo.",
            "(Seoul=Yonhap News)",
            "warning",
            id="korean-dateline",
        ),
        pytest.param(
            "(Washington = Yonhap News) The talks ended.",
            "(Washington = Yonhap News)",
            "warning",
            id="korean-dateline-spaced",
        ),
    ],
)
def test_fires(text: str, flagged: str, severity: str) -> None:
    (f,) = run_rule("TRN003", text)
    assert text[f.start : f.end] == flagged and str(f.severity) == severity


def test_weekday_fix_drops_the_parenthesis() -> None:
    (f,) = run_rule("TRN003", "They met on Thursday (local time) in Tokyo.")
    assert f.fix is not None and f.fix.replacement == "Thursday" and not f.fix.safe


def test_ordinal_has_no_fix() -> None:
    (f,) = run_rule("TRN003", "They met on the 26th (local time) in Tokyo.")
    assert f.fix is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The summit began at 5 p.m. (local time) in Tokyo.", id="clock-time"),
        pytest.param("The delegation stayed on the 3rd floor of the hotel.", id="3rd-floor"),
        pytest.param("It was a symbol of the 20th century.", id="20th-century"),
        pytest.param(
            "On March 16 the leaders dined in Ginza, and on the 17th they met business groups.",
            id="month-earlier-in-paragraph",
        ),
        pytest.param("The rule takes effect from the 1st of April.", id="day-of-month"),
        pytest.param("Payments are due on the 1st April.", id="day-month"),
        pytest.param("The sample size was large (N = 120).", id="statistics-parenthesis"),
        pytest.param("He finished on the 2nd lap.", id="2nd-lap"),
    ],
)
def test_stays_silent(text: str) -> None:
    assert run_rule("TRN003", text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Lavrov said until the 31st \t , \t(LOCAL TIME) that", id="longest-date-spaces-comma"),
        pytest.param("On Wednesday (local time) and on the 3rd (local), he left.", id="two-close"),
        pytest.param("(local time) at the start, then September. 12 (Local Time)", id="month-day"),
        pytest.param("x" * 30 + " 12 September(local)" + " (local time)" * 3, id="runs-of-parens"),
    ],
)
def test_local_time_windows_find_what_the_whole_text_scan_finds(text: str) -> None:
    from rules.translation.date_convention import _local_windows, _rx

    whole = [m.span() for m in _rx("local_time").finditer(text)]
    windowed = [m.span() for lo, hi in _local_windows(text) for m in _rx("local_time").finditer(text, lo, hi)]
    assert whole and windowed == whole
