"""The Dask engine: the same rules and passes as a local run, on a Dask cluster.

Files go to the cluster in batches of at least ``MIN_BATCH`` documents; each task
returns its documents' findings and corpus summaries; the client reduces the summaries
in input order (so findings come out in the same order as a local run), broadcasts the
merged corpus once, and runs the corpus checks as a second map. Paths may be local or
any fsspec URL the workers can read (s3://, gs://, hdfs://, with the matching fsspec
backend installed on the workers).

Install with ``pip install 'copydesk[dask]'``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from distributed import Client, LocalCluster

from linter.parallel import RunSpec
from linter.runner import collect

if TYPE_CHECKING:
    from linter.runner import FileResult, Outcome, Runner, RunResult

MIN_BATCH = 100
_RUNNERS: dict[int, Runner] = {}


def _runner(spec: RunSpec) -> Runner:
    """One rebuilt runner per spec per worker process."""
    key = id(spec)
    if key not in _RUNNERS:
        _RUNNERS.clear()
        _RUNNERS[key] = spec.build()
    return _RUNNERS[key]


def first_batch(batch: list[str], spec: RunSpec) -> list[Outcome]:
    runner = _runner(spec)
    return [runner.first_pass(path) for path in batch]


def second_batch(batch: list[str], spec: RunSpec) -> list[FileResult]:
    runner = _runner(spec)
    return [runner.second_pass(path) for path in batch]


def batches(files: list[str], workers: int) -> list[list[str]]:
    size = max(MIN_BATCH, math.ceil(len(files) / max(1, workers * 4)))
    return [files[i : i + size] for i in range(0, len(files), size)]


def _in_order(futures: list[Any]) -> Iterator[Any]:
    """Stream results back batch by batch, in input order."""
    for future in futures:
        yield from future.result()


def connect(scheduler: str | None, workers: int) -> Client:
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def run_dask(runner: Runner, files: list[str], scheduler: str | None = None, client: Client | None = None) -> RunResult:
    """A whole run on the cluster, collected in memory."""
    return collect(stream_dask(runner, files, scheduler, client), runner)


def stream_dask(
    runner: Runner, files: list[str], scheduler: str | None = None, client: Client | None = None
) -> Iterator[FileResult]:
    """Each file's results in input order, as the cluster finishes its batches."""
    own = client is None
    client = client or connect(scheduler, runner.jobs)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = batches(files, workers)
        spec = client.scatter(RunSpec.of(runner), broadcast=True)
        first = client.map(first_batch, parts, spec=spec, pure=False)

        def second(paths: list[str]) -> Iterator[FileResult]:
            merged_spec = client.scatter(RunSpec.of(runner), broadcast=True)
            return _in_order(client.map(second_batch, batches(paths, workers), spec=merged_spec, pure=False))

        yield from runner.stream(_in_order(first), second)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
