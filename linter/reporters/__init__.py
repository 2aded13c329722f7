"""Reporters: turn a run's findings into text, JSON, SARIF or GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TextIO

from linter.rule import Rule
from linter.runner import RunResult

Reporter = Callable[[RunResult, Mapping[str, Rule], TextIO, bool], None]
FORMATS = ("text", "json", "sarif", "github")


def get(name: str) -> Reporter:
    if name == "text":
        from linter.reporters.text import render
    elif name == "json":
        from linter.reporters.json_ import render
    elif name == "sarif":
        from linter.reporters.sarif import render
    elif name == "github":
        from linter.reporters.github import render
    else:
        raise ValueError(f"unknown format {name!r} (use {', '.join(FORMATS)})")
    return render
