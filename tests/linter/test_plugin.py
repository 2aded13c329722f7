"""A third-party rule installed as a package appears in `copydesk rules` and reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[1] / "plugin_example"
EXE = str(Path(sys.executable).with_name("copydesk"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the example plugin with pip into a private folder (no network needed)."""
    target = tmp_path_factory.mktemp("site")
    src = tmp_path_factory.mktemp("src") / "plugin"
    shutil.copytree(PLUGIN, src)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    assert list(target.glob("copydesk_example_plugin-1.0.0.dist-info/entry_points.txt"))
    return target


def copydesk(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([EXE, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_plugin_rule_is_listed_and_reports(site: Path, tmp_path: Path) -> None:
    listed = copydesk(site, "rules", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "XMP001  placeholder-text" in listed.stdout and "plugin example" in listed.stdout
    (tmp_path / "draft.txt").write_text("Intro.\n\nLorem ipsum dolor sit amet.\n", encoding="utf-8")
    checked = copydesk(site, "check", "draft.txt", "--format", "json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    [finding] = [f for f in json.loads(checked.stdout) if f["rule"] == "XMP001"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 1, 12)


def test_plugin_with_a_taken_code_fails_loudly(site: Path, tmp_path: Path) -> None:
    clash = tmp_path / "clash"
    shutil.copytree(site, clash, ignore=shutil.ignore_patterns("__pycache__"))
    module = clash / "copydesk_example_plugin.py"
    module.write_text(module.read_text().replace('"XMP001"', '"DUP002"'))
    result = copydesk(clash, "rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "duplicate rule code DUP002" in result.stderr and "Traceback" not in result.stderr
