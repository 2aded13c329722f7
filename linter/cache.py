"""The content-hash cache: an unchanged file is not linted again.

An entry is keyed by the file's bytes, the copydesk version, the active rules with their
options and severities, and the run settings (and, for corpus-rule findings, the merged
corpus they were checked against). Entries are ``marshal`` files under
``.copydesk_cache/``, written atomically; an unreadable or malformed entry is a miss,
never trusted.
"""

from __future__ import annotations

import json
import marshal
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from linter import __version__
from linter.engine import ActiveRule
from linter.findings import Edit, Finding, Severity
from linter.runner import blake2b

CACHE_VERSION = "2"


def digest(*parts: str | bytes) -> str:
    h = blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def ruleset_key(
    rules: Iterable[ActiveRule], settings: Mapping[str, Any], extra: str = "", severity: bool = True
) -> str:
    """A fingerprint of everything besides the file that decides its findings (``severity``:
    whether the rules' severities count, as they do for findings but not for corpus counts)."""
    described = [
        (a.rule.code, a.rule.source, sorted(a.options.items(), key=str), int(a.severity or a.rule.severity))
        if severity
        else (a.rule.code, a.rule.source, sorted(a.options.items(), key=str))
        for a in rules
    ]
    blob = json.dumps([CACHE_VERSION, __version__, described, settings, extra], sort_keys=True, default=str)
    return digest(blob)


def corpus_key(merged: Mapping[str, Any]) -> str:
    return digest(json.dumps(merged, sort_keys=True, default=str))


def finding_to_json(f: Finding) -> list[Any]:
    fix = [f.fix.start, f.fix.end, f.fix.replacement, f.fix.safe] if f.fix else None
    return [
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        f.rule,
        f.name,
        f.category,
        int(f.severity),
        f.message,
        f.suggestion,
        f.start,
        f.end,
        fix,
    ]


_SEVERITY = {int(s): s for s in Severity}


def finding_from_json(path: str, item: list[Any]) -> Finding:
    line, column, end_line, end_column, rule, name, category, sev, message, suggestion, start, end, fix = item
    return Finding(
        path,
        line,
        column,
        end_line,
        end_column,
        rule,
        name,
        category,
        _SEVERITY[sev],
        message,
        suggestion,
        start,
        end,
        Edit(*fix) if fix else None,
    )


def generations(root: Path, stale: bool = False) -> list[Path]:
    """The folders of ``root`` a copydesk cache wrote: ``v1`` (JSON entries, the first
    format) and ``v<format>-py<major><minor>``; only those of older formats when ``stale``.
    Anything else is not copydesk's."""
    try:
        names = os.listdir(root)
    except OSError:
        return []
    names = [n for n in sorted(names) if re.fullmatch(r"v[0-9]+(?:-py[0-9]+)?", n)]
    if stale:
        names = [n for n in names if not n.startswith(f"v{CACHE_VERSION}-")]
    return [root / n for n in names if _holds_entries(root / n)]


def _holds_entries(folder: Path) -> bool:
    """Is ``folder`` laid out as a cache generation: two-hex-digit shard folders and nothing
    else (so a user's own "v2" folder, even an empty one, is never taken for one)?"""
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    return bool(names) and all(re.fullmatch(r"[0-9a-f]{2}", n) and os.path.isdir(folder / n) for n in names)


def _remove(folder: Path) -> tuple[int, int]:
    """Delete a folder of cache entries; returns (files, bytes) removed."""
    import shutil

    files = size = 0
    for dirpath, _, names in os.walk(folder):
        for name in names:
            try:
                size += os.lstat(os.path.join(dirpath, name)).st_size
                files += 1
            except OSError:
                pass
    shutil.rmtree(folder, ignore_errors=True)
    return files, size


def prune_stale(root: Path) -> None:
    """Remove the generations of an older cache format (never read again). Those of this
    format for other Python versions stay: a project may be checked with more than one."""
    for folder in generations(root, stale=True):
        _remove(folder)


def clean(root: Path) -> tuple[int, int]:
    """Remove every cache generation under ``root``, and ``root`` when that leaves it empty;
    returns (files, bytes) removed. Other files in ``root`` are left alone."""
    files = size = 0
    for folder in generations(root):
        n, b = _remove(folder)
        files, size = files + n, size + b
    try:
        root.rmdir()  # only when empty
    except OSError:
        pass
    return files, size


class Cache:
    """Entries under ``root/v2-py311/ab/abcdef....entry``, in ``marshal`` format: the fastest
    stdlib format to load (a warm run reads thousands), and one that cannot run code when
    loaded, as pickle could. Its layout may change between Python versions, hence the
    version in the folder name. Nothing expires on its own: ``copydesk clean`` empties it."""

    def __init__(self, root: Path) -> None:
        self.root = root / f"v{CACHE_VERSION}-py{sys.version_info[0]}{sys.version_info[1]}"

    def _path(self, key: str) -> str:
        return os.path.join(self.root, key[:2], f"{key}.entry")  # strings: a warm run makes thousands

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            with open(self._path(key), "rb") as fh:
                data = marshal.loads(fh.read())
        except (OSError, ValueError, EOFError, TypeError):
            return None
        return data if isinstance(data, dict) and data.get("key") == key else None

    def put(self, key: str, value: dict[str, Any]) -> None:
        try:
            blob = marshal.dumps({**value, "key": key})
        except ValueError:  # a plugin's summary marshal cannot store: not cached
            return
        path = self._path(key)
        folder = os.path.dirname(path)
        import tempfile

        try:
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
