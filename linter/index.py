"""The corpus index: merged corpus-rule summaries saved between runs.

Pre-commit passes only the changed files, so a corpus rule (a name spelled one way in
four articles and another way in one) needs the rest of the archive from somewhere:
``copydesk index PATH...`` runs the map/reduce step of every corpus rule over the
archive and saves the merged values, with the content keys of the documents it counted,
to ``.copydesk/index.json``. ``copydesk check`` loads it and adds only documents the
index has not counted yet. The file is versioned, written atomically, and validated on
load: a corrupt or foreign index is ignored with a notice, never trusted. Each corpus
rule's entry carries a fingerprint of what decides its summaries (copydesk's version, the
rule, its options, the run settings); a check whose active corpus rules do not all match
ignores the index with a notice (counts made under other settings would mislead).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

FORMAT_VERSION = 2
DEFAULT_PATH = Path(".copydesk") / "index.json"


class IndexError_(Exception):
    """An index file that cannot be used; the message names the file."""


def load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise IndexError_(f"{path}: unreadable index ({exc}); rebuild it with `copydesk index`") from None
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT_VERSION
        or not isinstance(data.get("rules"), dict)
        or not isinstance(data.get("documents"), list)
        or not isinstance(data.get("fingerprints"), dict)
    ):
        raise IndexError_(f"{path}: not a copydesk index of format {FORMAT_VERSION}; rebuild it")
    return data


def save(path: Path, rules: dict[str, Any], documents: list[str], version: str, fingerprints: dict[str, str]) -> None:
    """Write atomically: a temp file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "format": FORMAT_VERSION,
        "copydesk": version,
        "fingerprints": fingerprints,
        "rules": rules,
        "documents": sorted(documents),
    }
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=".index-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fingerprints(corpus_rules: list[Any], settings: dict[str, Any]) -> dict[str, str]:
    """Per corpus rule, a fingerprint of everything besides the documents that decides its
    summaries (rule, options, settings, copydesk version)."""
    from linter.cache import ruleset_key

    # severity is left out: it does not change what is counted
    return {a.rule.code: ruleset_key([a], settings, "index", severity=False) for a in corpus_rules}


def mismatch(index: dict[str, Any], corpus_rules: list[Any], settings: dict[str, Any]) -> list[str]:
    """The active corpus rules the index was not built for, as they are configured now."""
    saved = index.get("fingerprints", {})
    return [code for code, key in fingerprints(corpus_rules, settings).items() if saved.get(code) != key]
