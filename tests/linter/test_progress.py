"""The progress bar: on stderr for folder runs when stderr is a terminal, never otherwise."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

EXE = str(Path(sys.executable).with_name("copydesk"))


def run_with_tty_stderr(args: list[str], cwd: Path) -> tuple[bytes, bytes]:
    primary, secondary = pty.openpty()
    proc = subprocess.Popen([EXE, "check", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=secondary)
    os.close(secondary)
    err = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    out = proc.stdout.read() if proc.stdout else b""
    proc.wait(timeout=120)
    os.close(primary)
    return out, err


def make_folder(tmp_path: Path) -> Path:
    for i in range(30):
        (tmp_path / f"a{i}.txt").write_text(f"Article {i} was the the best.\n", encoding="utf-8")
    return tmp_path


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    out, err = run_with_tty_stderr([".", "--no-cache", "--select", "DUP002"], make_folder(tmp_path))
    assert b"linting" in err  # the bar's label, drawn on the terminal
    assert b"linting" not in out and b"a0.txt:1:" in out


def test_no_progress_bar_in_machine_formats(tmp_path: Path) -> None:
    out, err = run_with_tty_stderr([".", "--no-cache", "--select", "DUP002", "--format", "json"], make_folder(tmp_path))
    assert b"linting" not in err and out.startswith(b"[")


def test_no_progress_bar_in_a_pipe(tmp_path: Path) -> None:
    proc = subprocess.run(
        [EXE, "check", ".", "--no-cache", "--select", "DUP002"],
        cwd=make_folder(tmp_path),
        capture_output=True,
        timeout=120,
    )
    assert b"linting" not in proc.stderr
