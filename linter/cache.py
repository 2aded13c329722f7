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


class Cache:
    """Entries under ``root/v2-py311/ab/abcdef....entry``, in ``marshal`` format: the fastest
    stdlib format to load (a warm run reads thousands), and one that cannot run code when
    loaded, as pickle could. Its layout may change between Python versions, hence the
    version in the folder name."""

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
