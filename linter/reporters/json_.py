"""JSON: an array on stdout, one object per finding, with exactly the documented keys."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TextIO

from linter.rule import Rule
from linter.runner import RunResult


def render(result: RunResult, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
    # one finding per line: readable, and the C encoder (an ``indent`` forces the slow one)
    items = [json.dumps(f.to_dict(), ensure_ascii=False) for f in result.findings]
    out.write("[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n")
