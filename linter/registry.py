"""Finding rules: built-in families under ``rules/`` and plugins from entry points.

Built-in rules are found by walking the ``rules`` package: every ``Rule`` object at the
top level of a module, and every ``*.toml`` phrase list in a family folder. Third-party
rules come from the ``copydesk.rules`` entry-point group; an entry point may name a
``Rule``, a list of them, or a module holding them. Two rules with one code fail loudly.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

from linter.phrases import load_phrase_file
from linter.rule import Rule

ENTRY_POINT_GROUP = "copydesk.rules"


class RegistryError(Exception):
    """Rules that cannot be loaded (duplicate code, broken plugin, bad phrase list)."""


def _rules_in(obj: Any) -> Iterator[Rule]:
    if isinstance(obj, Rule):
        yield obj
    elif isinstance(obj, ModuleType):
        for value in vars(obj).values():
            if isinstance(value, Rule):
                yield value
    elif isinstance(obj, (list, tuple)):
        for item in obj:
            yield from _rules_in(item)


def builtin_rules() -> Iterator[Rule]:
    import rules

    for info in pkgutil.walk_packages(rules.__path__, "rules."):
        yield from _rules_in(importlib.import_module(info.name))
    for folder in rules.__path__:
        for path in sorted(Path(folder).glob("*/*.toml")):
            yield load_phrase_file(path, validate=False)


def _may_have_plugins() -> bool:
    """A quick necessary test: does any installed distribution declare the entry-point group?

    Reading the few ``entry_points.txt`` files is ~10x cheaper than importing
    ``importlib.metadata`` (~15 ms, a tenth of a pre-commit run); when one names the group
    (or a path entry is not a plain folder, e.g. a zip), the full scan decides.
    """
    for entry in sys.path:
        if not os.path.isdir(entry or "."):
            if os.path.exists(entry):
                return True  # a zip or egg file: let importlib.metadata look inside
            continue
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(entry or ".", name, "entry_points.txt"), encoding="utf-8") as fh:
                        if ENTRY_POINT_GROUP in fh.read():
                            return True
                except (OSError, UnicodeDecodeError):
                    continue
    return False


def plugin_rules() -> Iterator[Rule]:
    if not _may_have_plugins():
        return
    from importlib import metadata

    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = ep.load()
        except Exception as exc:
            raise RegistryError(f"plugin {ep.name!r} ({ep.value}) failed to load: {exc}") from None
        found = list(_rules_in(loaded))
        if not found:
            raise RegistryError(f"plugin {ep.name!r} ({ep.value}) provides no copydesk rule")
        for rule in found:
            rule.source = f"plugin {ep.name} ({rule.source})"
            yield rule


def index(rules: Iterable[Rule]) -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for rule in rules:
        if rule.code in out and out[rule.code] is not rule:
            raise RegistryError(f"duplicate rule code {rule.code}: {out[rule.code].source} and {rule.source}")
        if rule.name in names and names[rule.name] != rule.code:
            raise RegistryError(f"duplicate rule name {rule.name!r}: {names[rule.name]} and {rule.code}")
        out[rule.code] = rule
        names[rule.name] = rule.code
    return dict(sorted(out.items()))


@lru_cache(maxsize=1)
def all_rules() -> dict[str, Rule]:
    """Every available rule by code, built-in and plugin, sorted by code."""
    try:
        return index([*builtin_rules(), *plugin_rules()])
    except RegistryError:
        raise
    except ValueError as exc:  # a malformed rule or phrase list
        raise RegistryError(str(exc)) from None
