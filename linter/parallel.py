"""Local parallel runs: files in batches over a process pool, results in input order.

One task per file costs more in inter-process traffic than linting a short article, so
files go to workers in batches. Each worker rebuilds the run from a small picklable
spec (config, rule codes with options and severities, merged corpus) once, in its
initializer. Small runs (a pre-commit hook's handful of files) stay in-process.
"""

from __future__ import annotations

import math
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config import Config
from linter.findings import Severity

if TYPE_CHECKING:
    from linter.runner import FileResult, Outcome, Runner

#: below this many files a pool costs more than it saves
MIN_PARALLEL_FILES = 16
MAX_BATCH = 200


@dataclass
class RunSpec:
    """Everything a worker needs to rebuild a run; small and picklable."""

    config: Config
    rules: list[tuple[str, dict[str, Any], int | None]]
    merged: dict[str, Any]
    cache_root: str | None

    @classmethod
    def of(cls, runner: Runner) -> RunSpec:
        rules = [(a.rule.code, a.options, int(a.severity) if a.severity else None) for a in runner.rules]
        root = str(runner.cache.root.parent) if runner.cache is not None else None
        return cls(runner.config, rules, runner.merged, root)

    def build(self) -> Runner:
        from linter import registry
        from linter.cache import Cache
        from linter.engine import ActiveRule
        from linter.runner import Runner

        known = {**registry.all_rules(), **self.config.extra_rules()}
        active = [
            ActiveRule(known[code], dict(options), Severity(sev) if sev else None) for code, options, sev in self.rules
        ]
        cache = Cache(Path(self.cache_root)) if self.cache_root else None
        runner = Runner(self.config, active, cache=cache)
        runner.merged = self.merged
        return runner


_WORKER: Runner | None = None


def _init(spec: RunSpec) -> None:
    global _WORKER
    _WORKER = spec.build()


def _first(batch: list[str]) -> list[Outcome]:
    assert _WORKER is not None
    return [_WORKER.first_pass(path) for path in batch]


def _second(batch: list[str]) -> list[FileResult]:
    assert _WORKER is not None
    return [_WORKER.second_pass(path) for path in batch]


def batches(items: list[str], jobs: int) -> list[list[str]]:
    """About eight batches per worker (for balance), at most MAX_BATCH files each."""
    size = max(1, min(MAX_BATCH, math.ceil(len(items) / (jobs * 8))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _pooled(runner: Runner, fn: Any, files: list[str]) -> Iterator[Any]:
    spec = RunSpec.of(runner)
    workers = min(runner.jobs, math.ceil(len(files) / 2))
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init, initargs=(spec,)) as pool:
        for batch in pool.map(fn, batches(files, workers)):
            yield from batch


def first_pass(runner: Runner, files: list[str]) -> Iterator[Outcome]:
    if runner.jobs == 1 or len(files) < MIN_PARALLEL_FILES:
        return (runner.first_pass(path) for path in files)
    return _pooled(runner, _first, files)


def second_pass(runner: Runner, files: list[str]) -> Iterator[FileResult]:
    if runner.jobs == 1 or len(files) < MIN_PARALLEL_FILES:
        return (runner.second_pass(path) for path in files)
    return _pooled(runner, _second, files)
