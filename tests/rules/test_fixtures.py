"""Every rule's fixture folder ``tests/fixtures/<CODE>/``, in one place.

For each folder: every ``bad*`` file gives exactly its ``.expected`` snapshot, every ``good*``
file gives no finding of the rule, and the folder holds both (so a rule cannot come without
fixtures). Every built-in rule that is on by default must have a folder.
``UPDATE_SNAPSHOTS=1 pytest tests/rules/test_fixtures.py`` rewrites the snapshots.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linter.document import format_for
from linter.registry import all_rules
from tests.helpers import FIXTURES, check_fixture, fixture_files, run_rule

HERE = Path(__file__).parent
CODES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())

# Folders whose fixtures need more than the rule run alone on one file: the test module named
# checks them (bad and good), so they are left out of this module's cases (the last test here
# makes sure that module has a fixture test).
# code: (module under tests/rules/, why)
CHECKED_ELSEWHERE = {
    # bad.txt is windows-1252 bytes (not UTF-8); the rule reads doc.encoding, set by the runner
    "ENC005": ("encoding/test_source_encoding.py", "bad.txt is decoded from cp1252 as the runner would"),
    # off by default; needs a LanguageTool server (a fake one there) in settings
    "GRM006": ("grammar/test_languagetool.py", "needs a (fake) LanguageTool server"),
    # a corpus rule: bad.txt and good.txt are judged together with the folder's corpus/ documents
    "NAM001": ("names/test_consensus.py", "judged with the documents of corpus/"),
    # both need the house vocabulary (settings["vocabulary"])
    "NAM003": ("names/test_house.py", "needs the house vocabulary settings"),
    "NAM004": ("names/test_house.py", "needs the house vocabulary settings"),
}

# Built-in rules, on by default, that have no fixture folder, and why.
NO_FIXTURE_FOLDER = {
    # a corpus rule: a line is flagged only when many documents share it, which one fixture
    # file cannot show; tests/rules/boilerplate/test_shared_lines.py builds such corpora
    "BPL010": "corpus rule: needs several documents (tests/rules/boilerplate/test_shared_lines.py)",
}

# Entries of a folder that are neither bad* nor good* fixtures nor snapshots, and why.
EXTRA_ENTRIES = {
    "NAM001": {"corpus"},  # the other documents of the corpus (see CHECKED_ELSEWHERE)
}


def cases(kind: str) -> list:
    """The fixture files of a kind, but the folders checked elsewhere (not skipped: not here)."""
    return [
        pytest.param(code, p, id=f"{code}/{p.name}")
        for code in CODES
        if code not in CHECKED_ELSEWHERE
        for p in fixture_files(code, kind)
    ]


@pytest.mark.parametrize(("code", "path"), cases("bad"))
def test_bad_fixture_gives_its_snapshot(code: str, path: Path) -> None:
    check_fixture(code, path)


@pytest.mark.parametrize(("code", "path"), cases("good"))
def test_good_fixture_is_silent(code: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert run_rule(code, text, format=format_for(str(path)) or "text") == []


@pytest.mark.parametrize("code", CODES)
def test_folder_has_bad_and_good_fixtures(code: str) -> None:
    folder = FIXTURES / code
    assert code in all_rules(), f"{folder}: no rule {code}"
    bad = fixture_files(code, "bad")
    assert any(p.with_suffix(".expected").exists() for p in bad), f"{folder}: no bad* fixture with its .expected"
    assert fixture_files(code, "good"), f"{folder}: no good* fixture"
    orphans = sorted(p.name for p in folder.glob("*.expected") if not any(b.with_suffix(".expected") == p for b in bad))
    assert not orphans, f"{folder}: snapshots without a bad* fixture: {orphans}"
    unused = sorted(
        p.name
        for p in folder.iterdir()
        if not p.name.startswith(("bad", "good")) and p.name not in EXTRA_ENTRIES.get(code, ())
    )
    assert not unused, f"{folder}: entries no fixture test reads: {unused}"


def test_every_default_rule_has_a_fixture_folder() -> None:
    default = {
        code
        for code, rule in all_rules().items()
        if rule.enabled_by_default({}) and not rule.source.startswith("plugin ")
    }
    missing = sorted(default - set(CODES) - set(NO_FIXTURE_FOLDER))
    assert not missing, f"built-in rules on by default without tests/fixtures/<CODE>/: {missing}"
    stale = sorted(code for code in NO_FIXTURE_FOLDER if code in CODES or code not in default)
    assert not stale, f"NO_FIXTURE_FOLDER lists rules that have a folder or are not on by default: {stale}"


@pytest.mark.parametrize("code", sorted(CHECKED_ELSEWHERE))
def test_skipped_folders_are_checked_elsewhere(code: str) -> None:
    module = HERE / CHECKED_ELSEWHERE[code][0]
    assert (FIXTURES / code).is_dir(), f"CHECKED_ELSEWHERE lists {code}, which has no fixture folder"
    source = module.read_text(encoding="utf-8")
    assert code in source and re.search(r"^def test_\w*fixture", source, re.M), f"{module} checks no {code} fixture"
