"""JSON: an array on stdout, one object per finding, with exactly the documented keys."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TextIO

from linter.rule import Rule
from linter.runner import RunResult


def render(result: RunResult, rules: Mapping[str, Rule], out: TextIO, color: bool = False) -> None:
    json.dump([f.to_dict() for f in result.findings], out, ensure_ascii=False, indent=1)
    out.write("\n")
