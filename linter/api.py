"""The Python API for publishing pipelines: lint a string or paths, get findings back.

>>> from linter.api import lint_text
>>> [f.rule for f in lint_text("It was the the best.")]
['DUP002']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from linter import engine, registry
from linter.document import Document
from linter.engine import ActiveRule
from linter.findings import Finding


def select_rules(
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    options: Mapping[str, Mapping[str, Any]] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> list[ActiveRule]:
    """Rules picked by selectors (codes, prefixes, categories, names); default rules when None
    (``settings`` can turn on a rule that is off by default, e.g. a LanguageTool URL)."""
    from linter.config import Config  # the selection logic of a configured run, without a file

    config = Config(
        select=list(select) if select is not None else None,
        ignore=list(ignore),
        rule_options={code: dict(values) for code, values in (options or {}).items()},
    )
    return config.active_rules(registry.all_rules(), settings or {})


def lint_documents(
    docs: Iterable[Document],
    rules: Sequence[ActiveRule],
    settings: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """Lint documents held in memory, corpus rules included (map, reduce, check)."""
    docs = list(docs)
    settings = settings or {}
    merged: dict[str, Any] = {}
    if any(a.rule.is_corpus for a in rules):
        for doc in docs:
            engine.merge(rules, merged, engine.summarize(doc, rules, settings))
    out: list[Finding] = []
    for doc in docs:
        out.extend(engine.lint(doc, rules, settings, merged).findings)
    return out


def lint_text(
    text: str,
    format: str = "text",
    path: str = "<string>",
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    options: Mapping[str, Mapping[str, Any]] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> list[Finding]:
    """Lint one string; ``format`` is text, markdown or html."""
    doc = Document(text, path=path, format=format)
    return lint_documents([doc], select_rules(select, ignore, options, settings), settings)
