"""Fixture tests every typography rule module shares (imported by each test module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.document import Document
from tests.helpers import check_fixture, fixture_files, run_rule


def fixture_tests(code: str) -> tuple[object, object, object]:
    """The three fixture tests for ``code``: bad snapshot, good silent, fixtures exist."""

    @pytest.mark.parametrize("path", fixture_files(code, "bad"), ids=lambda p: p.name)
    def test_bad_fixture(path: Path) -> None:
        check_fixture(code, path)

    @pytest.mark.parametrize("path", fixture_files(code, "good"), ids=lambda p: p.name)
    def test_good_fixture_is_silent(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert run_rule(code, text, format=Document(text, path=str(path)).format) == []

    def test_fixtures_exist() -> None:
        assert fixture_files(code, "bad") and fixture_files(code, "good")

    return test_bad_fixture, test_good_fixture_is_silent, test_fixtures_exist
