"""Every boilerplate rule stays silent on realistic clean texts of every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.api import lint_documents, select_rules
from linter.document import Document

CLEAN = sorted((Path(__file__).parent.parent / "markup" / "clean").iterdir())


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.name)
def test_boilerplate_rules_stay_silent(path: Path) -> None:
    doc = Document(path.read_text(encoding="utf-8"), path=str(path))
    findings = lint_documents([doc], select_rules(["BPL"]))
    assert [f"{f.line}:{f.column} {f.rule} {f.message}" for f in findings] == []
