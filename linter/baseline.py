"""Baselines: record today's findings, then report only the ones that are new.

``copydesk check --write-baseline FILE`` saves a fingerprint of every finding;
``copydesk check --baseline FILE`` drops the findings the file accounts for. A
fingerprint does not use line numbers, so it survives edits elsewhere in the article: it
hashes the path (relative to the project root), the rule code, the flagged text and a
normalized window of the line around it. Identical fingerprints (the same slip twice in
one line's context) are counted, so a third copy shows up as new.

File format (JSON, keys sorted for readable diffs)::

    {"version": 1, "copydesk": "0.1.0",
     "fingerprints": {"3f2a...": {"count": 1, "rule": "DUP002", "path": "news/a.txt"}}}
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from linter.findings import Finding
from linter.runner import RunResult

FORMAT_VERSION = 1
#: characters of (whitespace-normalized) line text kept on each side of the flagged text
WINDOW = 32

Relative = Callable[[str], str]


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message names the file."""


def _norm(text: str) -> str:
    return " ".join(text.split())


def _parts(f: Finding, line: str) -> tuple[str, str, str]:
    """Flagged text and the normalized context before and after it on its first line."""
    start = f.column - 1
    end = f.end_column - 1 if f.end_line == f.line else len(line)
    flagged = _norm(line[start:end]) + ("\n…" if f.end_line != f.line else "")
    before = _norm(line[:start])[-WINDOW:]
    after = _norm(line[end:])[:WINDOW]
    return flagged, before, after


def fingerprint(f: Finding, line: str, rel_path: str) -> str:
    """A stable id for a finding: path, rule, flagged text and its context, no line number."""
    flagged, before, after = _parts(f, line)
    key = "\x1f".join((rel_path, f.rule, flagged, before, after))
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


def _fingerprints(result: RunResult, relative: Relative) -> list[tuple[str, Finding, str]]:
    out = []
    for file in result.files:
        rel = relative(file.path)
        for f in file.findings:
            out.append((fingerprint(f, file.context.get(f.line, ""), rel), f, rel))
    return out


def build(result: RunResult, relative: Relative, version: str) -> dict[str, Any]:
    """The baseline document for a run."""
    table: dict[str, dict[str, Any]] = {}
    for fp, f, rel in _fingerprints(result, relative):
        entry = table.setdefault(fp, {"count": 0, "rule": f.rule, "path": rel})
        entry["count"] += 1
    return {"version": FORMAT_VERSION, "copydesk": version, "fingerprints": table}


def save(path: Path, result: RunResult, relative: Relative, version: str) -> int:
    """Write the baseline atomically; return how many findings it records."""
    data = build(result, relative, version)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".baseline-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, path)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None
    return sum(e["count"] for e in data["fingerprints"].values())


def _valid_entry(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("count"), int)
        and not isinstance(value.get("count"), bool)
        and value["count"] >= 1
    )


def load(path: Path) -> Counter[str]:
    """Read a baseline: fingerprint -> how many findings it accounts for."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found") from None
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise BaselineError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise BaselineError(f"{path}: not a copydesk baseline of version {FORMAT_VERSION}")
    table = data.get("fingerprints")
    if not isinstance(table, dict) or not all(_valid_entry(v) for v in table.values()):
        raise BaselineError(f"{path}: 'fingerprints' must map each fingerprint to a count of 1 or more")
    return Counter({str(k): v["count"] for k, v in table.items()})


def filter_new(result: RunResult, known: Counter[str], relative: Relative) -> int:
    """Drop findings the baseline accounts for (each fingerprint up to its count).

    Returns how many findings were dropped; ``result`` keeps only the new ones.
    """
    left = Counter(known)
    dropped = 0
    for file in result.files:
        rel = relative(file.path)
        kept = []
        for f in file.findings:
            fp = fingerprint(f, file.context.get(f.line, ""), rel)
            if left[fp] > 0:
                left[fp] -= 1
                dropped += 1
            else:
                kept.append(f)
        file.findings = kept
    return dropped
