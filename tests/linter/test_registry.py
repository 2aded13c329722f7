"""The registry: every built-in rule is found, documented and consistent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from linter import registry
from linter.findings import CATEGORIES
from linter.registry import RegistryError
from linter.rule import DOC_HEADINGS, document_rule

RULES = registry.all_rules()
PREFIX_CATEGORY = {
    "DUP": "duplication",
    "MRK": "markup",
    "BPL": "boilerplate",
    "OFT": "off-topic",
    "TRN": "translation",
    "ENC": "encoding",
    "TYP": "typography",
    "NAM": "name",
    "SPL": "spelling",
    "GRM": "grammar",
}


@pytest.mark.parametrize("code", list(RULES))
def test_rule_is_documented_and_consistent(code: str) -> None:
    rule = RULES[code]
    assert rule.category in CATEGORIES
    assert PREFIX_CATEGORY[rule.family] == rule.category
    for heading in DOC_HEADINGS:
        assert heading in rule.doc


def test_duplicate_codes_fail_loudly() -> None:
    def make(name: str):  # type: ignore[no-untyped-def]
        def check(doc, ctx):  # type: ignore[no-untyped-def]
            """What it does. Why it matters. Example. Fix safety."""
            return []

        return document_rule("ZZZ001", name, category="markup")(check)

    with pytest.raises(RegistryError, match="duplicate rule code ZZZ001"):
        registry.index([make("one-rule"), make("other-rule")])


def test_rule_without_doc_headings_is_refused() -> None:
    def check(doc, ctx):  # type: ignore[no-untyped-def]
        """Only a summary."""
        return []

    with pytest.raises(ValueError, match="docstring lacks"):
        document_rule("ZZZ002", "bare-rule", category="markup")(check)


def test_plugin_precheck_reads_entry_point_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick test that skips importlib.metadata: True only when some distribution names the group."""
    dist = tmp_path / "site" / "other-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "entry_points.txt").write_text("[console_scripts]\nother = other:main\n", encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "site"), str(tmp_path / "missing")])
    assert registry._may_have_plugins() is False
    (dist / "entry_points.txt").write_text("[copydesk.rules]\nhouse = other.rules\n", encoding="utf-8")
    assert registry._may_have_plugins() is True
    (tmp_path / "bundle.zip").write_bytes(b"PK")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "bundle.zip")])
    assert registry._may_have_plugins() is True  # a zip on the path: the full scan decides
