"""Fixture checks shared by the markup tests."""

from __future__ import annotations

from pathlib import Path

from linter.document import Document
from tests.helpers import run_rule


def findings_on_file(code: str, path: Path) -> list:
    text = path.read_text(encoding="utf-8")
    return run_rule(code, text, format=Document(text, path=str(path)).format)
