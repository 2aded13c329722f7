"""Property-based tests over random and adversarial text, Markdown and HTML."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from linter.api import select_rules
from tests.properties import check_findings, check_mapping, formats, texts

RULES = select_rules(None)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(texts, formats)
def test_visible_text_maps_back(source: str, fmt: str) -> None:
    check_mapping(source, fmt)


@SETTINGS
@given(texts, formats)
def test_rules_never_fail_and_findings_are_consistent(source: str, fmt: str) -> None:
    check_findings(source, fmt, RULES)


@SETTINGS
@given(texts)
def test_line_index_fast_path_equals_the_line_break_scan(source: str) -> None:
    """LF-only texts take a split-and-sum path; it must agree with the regex scan of LF, CRLF, CR."""
    import re

    from linter.offsets import LineIndex

    for variant in (source, source.replace("\r", "")):
        expected = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", variant)]
        assert list(LineIndex(variant).starts) == expected
