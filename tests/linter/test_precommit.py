"""copydesk as a pre-commit hook, for real: a git repository, pre-commit, git commit.

The hook under test is built from this repository's ``.pre-commit-hooks.yaml`` (same
``entry``, ``files``, ``types``, ``require_serial``), run as a ``repo: local`` hook with
``language: system`` and the venv's ``copydesk`` script, so it runs offline and fast
(``pre-commit try-repo`` would pip-install copydesk into a fresh environment).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SELECT = ["--select", "DUP002,BPL001,BPL010"]
FOOTER = "Thanks for reading, subscribe for free!"


def manifest_hook() -> dict[str, Any]:
    """The one hook this repository publishes, as pre-commit reads it."""
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["copydesk"]
    return hooks[0]


def local_hook() -> dict[str, Any]:
    """The published hook as a local one: same entry and filters, the venv's executable."""
    hook = dict(manifest_hook())
    program, *rest = shlex.split(hook["entry"])
    hook["entry"] = shlex.join([str(BIN / program), *rest])
    hook["language"] = "system"
    hook["args"] = SELECT
    return hook


class Repo:
    """A throwaway git repository with pre-commit installed from this venv."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.env = {
            **os.environ,
            "PRE_COMMIT_HOME": str(home),
            "PYTHONPATH": str(ROOT),  # the hook's copydesk runs this checkout's code
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
            "NO_COLOR": "1",
        }
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Copy Desk")
        self.git("config", "user.email", "desk@example.org")
        self.git("config", "commit.gpgsign", "false")

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            argv, cwd=self.path, env=self.env, capture_output=True, text=True, timeout=180, check=False
        )

    def git(self, *args: str) -> subprocess.CompletedProcess[str]:
        proc = self.run("git", *args)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return proc

    def write(self, name: str, content: str | bytes) -> None:
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")

    def commit(self, message: str, *files: str) -> tuple[int, str]:
        """Stage the files and commit: the exit code and everything printed (git prints the
        hook's output on stderr)."""
        self.git("add", *files)
        proc = self.run("git", "commit", "-m", message)
        return proc.returncode, proc.stdout + proc.stderr

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """An archive committed before the hook existed, an index over it, then the hook."""
    base = tmp_path_factory.mktemp("precommit")
    (base / "repo").mkdir()
    r = Repo(base / "repo", base / "pre-commit-home")
    for i in range(4):
        r.write(f"archive/story{i}.txt", f"Story {i} of the archive.\n\n{FOOTER}\n")
    r.write("archive/other.md", "# Other\n\nA story without the footer.\n")
    r.git("add", "archive")
    r.git("commit", "-q", "-m", "archive")
    index = r.run(str(BIN / "copydesk"), "index", "archive")
    assert index.returncode == 0 and "Indexed 5 document(s)" in index.stdout, index.stderr
    config = {"repos": [{"repo": "local", "hooks": [local_hook()]}]}
    r.write(".pre-commit-config.yaml", yaml.safe_dump(config, sort_keys=False))
    validated = r.run(str(BIN / "pre-commit"), "validate-config", ".pre-commit-config.yaml")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert r.commit("pre-commit config", ".pre-commit-config.yaml")[0] == 0
    installed = r.run(str(BIN / "pre-commit"), "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return r


# -- the published hook definition -----------------------------------------------------------
def test_manifest_is_valid_for_pre_commit() -> None:
    proc = subprocess.run(
        [str(BIN / "pre-commit"), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_manifest_hook_is_what_the_local_hook_runs() -> None:
    hook = manifest_hook()
    assert shlex.split(hook["entry"]) == ["copydesk", "check"] and hook["language"] == "python"
    assert hook["types"] == ["text"] and hook["require_serial"] is True
    assert (BIN / "copydesk").exists()
    files = re.compile(hook["files"])
    for name in ("a.txt", "news/b.md", "c.markdown", "d.html", "e.htm"):
        assert files.search(name), name
    for name in ("tool.py", "image.png", "notes.docx", "txt"):
        assert not files.search(name), name


# -- commits -------------------------------------------------------------------------------------
def test_dirty_article_is_refused_with_the_findings(repo: Repo) -> None:
    before = repo.head()
    dirty = "It was the the best offer.\n\nLeave a Reply\n"
    code, output = repo.commit("dirty", *_staged(repo, "news/dirty.txt", dirty))
    assert code != 0 and repo.head() == before
    assert "news/dirty.txt:1:12: DUP002 [duplication]" in output
    assert "news/dirty.txt:3:1: BPL001 [boilerplate]" in output
    repo.write("news/dirty.txt", "It was the best offer.\n")
    code, output = repo.commit("clean", "news/dirty.txt")
    assert code == 0, output
    assert re.search(r"copydesk \(lint articles\)\.+Passed", output)
    assert repo.head() != before


def test_only_staged_text_articles_are_linted(repo: Repo) -> None:
    files = [
        *_staged(repo, "tools/build.py", "# the the build script\n"),
        *_staged(repo, "img/photo.png", b"\x89PNG\r\n\x1a\n" + b"the the " + bytes(range(256))),
        *_staged(repo, "news/fine.md", "# Fine\n\nA clean article.\n"),
    ]
    repo.write("news/unstaged.txt", "Not staged: the the.\n")
    code, output = repo.commit("mixed", *files)
    # build.py, photo.png and the unstaged article all hold a doubled word ("the the"); named
    # on copydesk's command line, any of them would fail the hook: they were not passed
    assert code == 0, output
    assert re.search(r"copydesk \(lint articles\)\.+Passed", output)  # it ran (on fine.md), not skipped
    for name in ("tools/build.py", "img/photo.png", "news/unstaged.txt"):
        direct = repo.run(str(BIN / "copydesk"), "check", name, *SELECT)
        assert direct.returncode != 0, name


def test_hook_uses_the_corpus_index(repo: Repo) -> None:
    new = "news/new.txt"
    text = f"A brand new story.\n\n{FOOTER}\n"
    copydesk = str(BIN / "copydesk")
    alone = repo.run(copydesk, "check", *_staged(repo, new, text), "--select", "BPL010", "--no-index")
    assert alone.returncode == 0, alone.stdout  # one article alone: nothing is shared
    code, output = repo.commit("new story", new)
    assert code != 0
    assert "news/new.txt:3:1: BPL010 [boilerplate] This line stands in 5 of 6 articles" in output


def _staged(repo: Repo, name: str, content: str | bytes) -> list[str]:
    repo.write(name, content)
    return [name]
