"""Helpers shared by the boilerplate tests."""

from __future__ import annotations

from tests.helpers import run_rule

ARTICLE = (
    "The United States has rejected Russia's demand to bar Ukraine from Nato, the secretary "
    "of state said on Wednesday in Washington."
)
MORE = "Washington said the door remained open, and the alliance's reply was handed to Moscow separately."


def article(top: str = "", bottom: str = "", middle: str = "") -> str:
    """A small article with furniture above, inside and below its body."""
    parts = [top, "US rejects Russian demand", ARTICLE, middle, MORE, bottom]
    return "\n\n".join(p for p in parts if p) + "\n"


def flagged(code: str, text: str, format: str = "text") -> list[str]:
    return [text[f.start : f.end] for f in run_rule(code, text, format=format)]


def apply_fixes(text: str, findings: list) -> str:
    for f in sorted((f for f in findings if f.fix), key=lambda f: -f.fix.start):
        text = text[: f.fix.start] + f.fix.replacement + text[f.fix.end :]
    return text
