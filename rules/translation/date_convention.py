"""TRN003 source-date-convention."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.encoding.views import unusual_chars

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)\b"
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
#: "(local time)" after a date: Korean 현지시간 / Japanese 現地時間 put before the day ("現地時間26日")
_PATTERNS: dict[str, tuple[str, int]] = {}
_PATTERNS["local_time"] = (
    rf"(?:\b(?:on |of |from |until |since )?(?:the )?{_ORDINAL}|\b{_DAY}|\b{_MONTH}\.? \d{{1,2}}\b"
    rf"|\b\d{{1,2}} {_MONTH}|\b(?:yesterday|today|tomorrow|morning|afternoon|evening|night))"
    r"[ \t]*,?[ \t]*(?P<paren>\((?:local time|local)\))",
    regex.IGNORECASE,
)
_PATTERNS["named_date"] = (rf"\b{_DAY}|\b{_MONTH}", regex.IGNORECASE)
#: a day of the month with no month: "said on the 3rd", "on the morning of the 14th"
_PATTERNS["bare_day"] = (rf"\b(?:on|of|from|until|since) the {_ORDINAL}", 0)
#: what may follow a bare day for it to be a date ("on the 3rd floor" is not one)
_PATTERNS["after_date"] = (
    r"[ \t]*(?:[,.;:)(]|\n|\Z|(?:and|that|when|at|in|to|as|after|before|with|while|but|for|from|said|"
    r"says|announced|told|local|he|she|it|they|we|the|a|an)\b)",
    regex.IGNORECASE,
)
_PATTERNS["month_near"] = (rf"\b{_MONTH}|\b\d{{4}}-\d{{2}}-\d{{2}}\b", 0)
#: Korean wire dateline "(Seoul=Yonhap News)": place = agency in parentheses
_PATTERNS["dateline"] = (
    r"\(\p{Lu}\p{L}{2,}(?:[ \t]\p{Lu}\p{L}+){0,2}[ \t]?=[ \t]?\p{Lu}\p{L}{2,}[^()\n=]{0,40}\)",
    0,
)


_ODD_DIGIT: dict[str, bool] = {}


@cache
def _ordinal_after_the() -> re.Pattern[str]:
    """What every bare day has ("the 3rd"): a stdlib ``re`` scan with a literal start, far
    cheaper than the full pattern, which runs only where this finds something (and always
    when the text has a character ``regex`` takes for a digit and Python does not)."""
    return re.compile(r"the \d\d?(?:st|nd|rd|th)")


def _may_have_bare_day(doc: Document) -> bool:
    for c in unusual_chars(doc):
        odd = _ODD_DIGIT.get(c)
        if odd is None:
            odd = _ODD_DIGIT[c] = regex.match(r"\d", c) is not None and not c.isdecimal()
        if odd:
            return True
    return _ordinal_after_the().search(doc.text) is not None


#: the longest date the "(local time)" pattern takes before its spaces: "until the 31st"
_LONGEST_DATE = 14


def _local_windows(text: str) -> list[tuple[int, int]]:
    """Spans that hold every match of the "(local time)" pattern, and only whole ones.

    Each match ends with "(local time)" or "(local)" after a date of at most
    ``_LONGEST_DATE`` characters and a run of spaces, tabs and a comma; so the pattern
    runs only from there to the closing mark. "(local" is found after each "(" (only
    ASCII letters lower-case to its letters: exact without lower-casing the text).
    Overlapping spans are merged, so that a match is never cut.
    """
    windows: list[tuple[int, int]] = []
    at = text.find("(")
    while at >= 0:
        if text[at + 1 : at + 6].lower() == "local":
            lo = at
            while lo > 0 and text[lo - 1] in " \t,":
                lo -= 1
            lo = max(0, lo - _LONGEST_DATE)
            hi = at + len("(local time)")
            if windows and lo <= windows[-1][1]:
                lo = windows.pop()[0]
            windows.append((lo, hi))
        at = text.find("(", at + 1)
    return windows


@cache
def _rx(name: str) -> Any:
    """Patterns compile on first use, not at start-up (the pre-commit budget)."""
    pattern, flags = _PATTERNS[name]
    return regex.compile(pattern, flags)


@document_rule("TRN003", "source-date-convention", category="translation", severity="warning", fixable=True)
def source_date_convention(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds date conventions of Korean and Japanese wire copy kept in an English translation.

    What it does
    Flags three habits that literal translation carries over from Korean and Japanese
    news agencies (Yonhap, Kyodo) and the sites that translate them:
    - "(local time)" after a day or a date ("on the 26th (local time)", 현지시간 26일,
      現地時間26日): a warning;
    - a day of the month with no month anywhere near it ("said on the 3rd", "on the
      morning of the 14th"): English news names the weekday or the full date; info,
      since a month given earlier in the paragraph makes it fine (and the rule then
      stays silent);
    - a Korean-style dateline "(Seoul=Yonhap News)": a warning.

    Why it matters
    The day-of-month shorthand is normal in Korean and Japanese copy, where the month is
    implied by the dateline; in English it leaves the reader guessing which month, and
    together with "(local time)" it is a reliable sign of unedited machine translation.

    Example
        Russian Foreign Minister Sergei Lavrov said on the 26th (local time) that ...
    Use instead:
        Russian Foreign Minister Sergei Lavrov said on Wednesday that ...

    Stays silent on "at 3 p.m. (local time)" (a clock time), "on the 3rd floor", "of the
    20th century" and "On March 12 ... and again on the 14th".

    Fix safety
    Unsafe: after a weekday or a full date the fix only drops "(local time)"; after a bare
    day of the month there is no fix, since the month has to come from the source.
    """
    text = doc.text
    flagged: set[int] = set()  # every position inside a "(local time)" finding
    # cheap substring tests first: most articles have none of these shapes
    local_times = (m for lo, hi in _local_windows(text) for m in _rx("local_time").finditer(text, lo, hi))
    for m in local_times:
        flagged.update(range(m.start(), m.end()))
        date = text[m.start() : m.start("paren")].rstrip(" \t,")
        named = _rx("named_date").search(date)
        yield ctx.report(
            m.start(),
            m.end(),
            f"“{m.group()}”: “(local time)” after a date is a Korean/Japanese wire convention",
            suggestion=f"{date}" if named else "give the weekday or the full date and drop “(local time)”",
            replacement=date if named else None,
        )
    for m in _rx("bare_day").finditer(text) if _may_have_bare_day(doc) else ():
        if m.start() in flagged or not _rx("after_date").match(text, m.end()):
            continue
        if _month_nearby(text, m.start()):
            continue
        day = m.group().split(" ", 1)[1]
        yield ctx.report(
            m.start(),
            m.end(),
            f"“{m.group()}” names a day of the month without the month (a Korean/Japanese wire convention)",
            suggestion=f"name the weekday or the full date instead of “{day}”",
            severity="info",
        )
    for m in _rx("dateline").finditer(text) if "=" in text else ():
        yield ctx.report(
            m.start(),
            m.end(),
            f"Dateline “{m.group()}” in the Korean wire form (place = agency)",
            suggestion="write the dateline in English style: “SEOUL (Yonhap) —”",
        )


def _month_nearby(text: str, start: int) -> bool:
    """A month (or an ISO date) earlier in the same paragraph, within 400 characters."""
    window = max(0, start - 400)
    para_start = max(text.rfind("\n\n", window, start), window)
    return bool(_rx("month_near").search(text, para_start, start))
