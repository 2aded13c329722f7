"""Reporters: turn a run's findings into text, JSON, SARIF or GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: ``render(result, rules, out, color)``; the text reporter takes ``quiet`` and ``statistics`` too
Reporter = Callable[..., Any]
FORMATS = ("text", "json", "sarif", "github")


_MODULES = {
    "text": "linter.reporters.text",
    "json": "linter.reporters.json_",
    "sarif": "linter.reporters.sarif",
    "github": "linter.reporters.github",
}


def get(name: str) -> Reporter:
    """The ``render`` function of a format (its module is imported only when used)."""
    import importlib

    if name not in _MODULES:
        raise ValueError(f"unknown format {name!r} (use {', '.join(FORMATS)})")
    render: Reporter = importlib.import_module(_MODULES[name]).render
    return render


def stream(name: str) -> Any:
    """The streaming writer class of a format: ``Stream(rules, out, color)`` with
    ``file(result)`` per file and ``close(run)`` at the end."""
    import importlib

    if name not in _MODULES:
        raise ValueError(f"unknown format {name!r} (use {', '.join(FORMATS)})")
    return importlib.import_module(_MODULES[name]).Stream
