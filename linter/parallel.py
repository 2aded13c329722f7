"""Local parallel runs: files in batches over a process pool, results in input order.

One task per file costs more in inter-process traffic than linting a short article, so
files go to workers in batches. Each worker rebuilds the run from a small picklable
spec (config, rule codes with options and severities, merged corpus) once, in its
initializer. Small runs (a pre-commit hook's handful of files) stay in-process, and with
a cache the parent serves the hits itself: only the files that must be linted travel.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter.config import Config
from linter.findings import Severity

if TYPE_CHECKING:
    from linter.runner import FileResult, Outcome, Runner

#: below this many files a pool costs more than it saves
MIN_PARALLEL_FILES = 16
MAX_BATCH = 200
#: with a cache, the parent looks up this many files at a time before sending the misses out
WINDOW = 1000


def available_cores(proc_cgroup: str = "/proc/self/cgroup", cgroup_root: str = "/sys/fs/cgroup") -> int:
    """The cores this process may use, the default of ``--jobs``: its CPU affinity (taskset,
    cpusets), capped by its cgroup's CPU quota (docker --cpus, Kubernetes limits), rounded
    up. ``os.cpu_count()`` counts the host's cores: 64 workers in a 2-CPU container thrash."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    quota = cgroup_cpu_quota(proc_cgroup, cgroup_root)
    if quota is not None:
        cores = min(cores, math.ceil(quota))
    return max(1, cores)


def cgroup_cpu_quota(proc_cgroup: str = "/proc/self/cgroup", cgroup_root: str = "/sys/fs/cgroup") -> float | None:
    """The tightest CPU quota, in cores, of this process's cgroup and its parents (cgroup v2
    ``cpu.max``, v1 ``cpu.cfs_quota_us`` / ``cpu.cfs_period_us``); None when there is none
    or it cannot be read."""
    try:
        lines = Path(proc_cgroup).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    root, found = Path(cgroup_root), []
    for line in lines:
        _, controllers, path = (line.split(":", 2) + ["", ""])[:3]
        if controllers == "":  # cgroup v2: one hierarchy
            found += [_v2_quota(folder) for folder in _up(root, path)]
        elif "cpu" in controllers.split(","):  # cgroup v1: the cpu controller's hierarchy
            base = root / "cpu" if (root / "cpu").is_dir() else root / controllers
            found += [_v1_quota(folder) for folder in _up(base, path)]
    quotas = [q for q in found if q is not None and q > 0]
    return min(quotas) if quotas else None


def _up(base: Path, path: str) -> list[Path]:
    """The cgroup folder of ``path`` under ``base`` and those of its parents (a container
    often sees its own cgroup at ``base`` and not under its host path)."""
    parts = [p for p in path.strip().split("/") if p and p not in (".", "..")]
    return [base.joinpath(*parts[:n]) for n in range(len(parts), -1, -1)]


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def _v2_quota(folder: Path) -> float | None:
    text = _read(folder / "cpu.max")  # "max 100000" or "200000 100000"
    quota, _, period = (text or "max").partition(" ")
    try:
        return None if quota == "max" else int(quota) / int(period or 100000)
    except (ValueError, ZeroDivisionError):
        return None


def _v1_quota(folder: Path) -> float | None:
    quota, period = _read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us")
    try:
        return None if quota is None or period is None or int(quota) < 0 else int(quota) / int(period)
    except (ValueError, ZeroDivisionError):
        return None


@dataclass
class RunSpec:
    """Everything a worker needs to rebuild a run; small and picklable."""

    config: Config
    rules: list[tuple[str, dict[str, Any], int | None]]
    merged: dict[str, Any]
    cache_root: str | None
    with_context: bool = True

    @classmethod
    def of(cls, runner: Runner) -> RunSpec:
        rules = [(a.rule.code, a.options, int(a.severity) if a.severity else None) for a in runner.rules]
        root = str(runner.cache.root.parent) if runner.cache is not None else None
        return cls(runner.config, rules, runner.merged, root, runner.with_context)

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
        runner.with_context = self.with_context
        return runner


_WORKER: Runner | None = None


def _init(spec: RunSpec) -> None:
    from linter.runner import tune_gc

    global _WORKER
    _WORKER = spec.build()
    tune_gc()


def _first(batch: list[str]) -> list[Outcome]:
    """Files the parent found no cache entry for (it asks the cache first): no second lookup."""
    assert _WORKER is not None
    return [_WORKER.first_pass(path, lookup=False) for path in batch]


def _second(batch: list[str]) -> list[FileResult]:
    assert _WORKER is not None
    return [_WORKER.second_pass(path, lookup=False) for path in batch]


def batches(items: list[str], jobs: int) -> list[list[str]]:
    """About eight batches per worker (for balance), at most MAX_BATCH files each."""
    size = max(1, min(MAX_BATCH, math.ceil(len(items) / (jobs * 8))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Pool:
    """A process pool started on first use (a run served from the cache never starts one)."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.pool: Any = None
        self.workers = 0

    def map(self, fn: Any, files: list[str]) -> Iterator[Any]:
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor

            spec = RunSpec.of(self.runner)
            self.workers = min(self.runner.jobs, math.ceil(len(files) / 2))
            self.pool = ProcessPoolExecutor(self.workers, mp_context=_context(), initializer=_init, initargs=(spec,))
        for batch in self.pool.map(fn, batches(files, self.workers)):
            yield from batch

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _passes(runner: Runner, files: list[str], served: Any, pooled: Any, local: Any) -> Iterator[Any]:
    """Results in input order. With a cache, the parent answers each window of files from it
    first and only the misses go to the workers (or run here, for a few files or --jobs 1)."""
    if runner.cache is None:
        served = None
    size = WINDOW if served else max(len(files), 1)  # no cache: one window, nothing to look up
    pool = _Pool(runner)
    try:
        for w in range(0, len(files), size):
            window = files[w : w + size]
            answers = [served(path) for path in window] if served else [None] * len(window)
            missing = [path for path, answer in zip(window, answers, strict=True) if answer is None]
            computed: Iterator[Any]
            if runner.jobs == 1 or len(missing) < MIN_PARALLEL_FILES:
                computed = (local(path) for path in missing)
            else:
                computed = pool.map(pooled, missing)
            for answer in answers:
                yield answer if answer is not None else next(computed)
    finally:
        pool.close()


def first_pass(runner: Runner, files: list[str]) -> Iterator[Outcome]:
    local = partial(runner.first_pass, doc=None, lookup=False)
    return _passes(runner, files, runner.cached_first_pass, _first, local)


def second_pass(runner: Runner, files: list[str]) -> Iterator[FileResult]:
    local = partial(runner.second_pass, doc=None, lookup=False)
    return _passes(runner, files, runner.cached_second_pass, _second, local)
