"""Scale: parallel runs, the cache and the Dask engine give the same findings as a serial run."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

from linter.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def make_corpus(folder: Path, n: int, seed: int = 7) -> Path:
    """Articles recombined from the seeds' paragraphs (artifacts included), in sub-folders."""
    rng = random.Random(seed)
    paragraphs = [p for s in SEEDS for p in s.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for i in range(n):
        chosen = rng.sample(paragraphs, k=min(8, len(paragraphs)))
        sub = folder / f"part{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        suffix = ".md" if i % 5 == 0 else ".txt"
        (sub / f"article{i:04d}{suffix}").write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
    return folder


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    code = main(["check", *args, "--format", "json", "--fail-on", "never"])
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    make_corpus(tmp_path / "corpus", 40)
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / "corpus" / seed.name)
    return tmp_path


def test_jobs_2_equals_jobs_1(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    serial = findings(capsys, "corpus", "--jobs", "1", "--no-cache")
    parallel = findings(capsys, "corpus", "--jobs", "2", "--no-cache")
    assert serial and parallel == serial


def test_cache_gives_the_same_findings_and_is_used(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cold = findings(capsys, "corpus", "--jobs", "1")
    entries = list((corpus / ".copydesk_cache").rglob("*.entry"))
    assert len(entries) >= 45
    warm = findings(capsys, "corpus", "--jobs", "1")
    assert warm == cold
    # an entry that is corrupt is a miss, not trusted
    for entry in entries:
        entry.write_text("{broken", encoding="utf-8")
    assert findings(capsys, "corpus", "--jobs", "1") == cold
    # so is a well-formed entry of the wrong shape (its key right, its findings not)
    import marshal

    for entry in (corpus / ".copydesk_cache").rglob("*.entry"):
        data = marshal.loads(entry.read_bytes())
        data["findings"] = [[1, 2, 3]] if data["findings"] else [["x"] * 13]
        entry.write_bytes(marshal.dumps(data))
    assert findings(capsys, "corpus", "--jobs", "2") == cold


def test_partly_cached_parallel_run_keeps_the_order(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Hits served by the parent and misses linted by workers interleave in input order."""
    serial = findings(capsys, "corpus", "--jobs", "1", "--no-cache")
    findings(capsys, "corpus/part0", "--jobs", "2")  # caches a third of the files
    assert findings(capsys, "corpus", "--jobs", "2") == serial


def test_fully_cached_run_starts_no_worker(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from linter import parallel

    cold = findings(capsys, "corpus", "--jobs", "2")

    def no_pool(*args: object) -> None:
        raise AssertionError("a worker was asked to lint a cached file")

    monkeypatch.setattr(parallel._Pool, "map", no_pool)
    assert findings(capsys, "corpus", "--jobs", "2") == cold


def test_cache_notices_a_changed_file(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = corpus / "corpus" / "part0" / "article0003.txt"
    before = [f for f in findings(capsys, str(target)) if f["rule"] == "DUP002"]
    target.write_text(target.read_text(encoding="utf-8") + "\nIt was the the end.\n", encoding="utf-8")
    after = [f for f in findings(capsys, str(target)) if f["rule"] == "DUP002"]
    assert len(after) == len(before) + 1


def test_cache_key_includes_the_options(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = corpus / "a.txt"
    article.write_text("It was the the end.\n", encoding="utf-8")
    assert findings(capsys, "a.txt", "--select", "DUP002")
    (corpus / "copydesk.toml").write_text("[rules.doubled-word]\nallow = ['the']\n", encoding="utf-8")
    assert findings(capsys, "a.txt", "--select", "DUP002") == []


def test_dask_local_cluster_matches_local_engine(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import distributed

    from linter import config as config_mod
    from linter import registry
    from linter.dask_engine import run_dask
    from linter.runner import Runner, discover

    rules = registry.all_rules()
    cfg = config_mod.Config(root=corpus)
    for target in ("corpus", str(ROOT / "seeds")):
        files, _ = discover([target], cfg)
        local = Runner(cfg, cfg.active_rules(rules), jobs=1).run_paths(files)
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            assert len(client.scheduler_info()["workers"]) == 2
            remote = run_dask(Runner(cfg, cfg.active_rules(rules), jobs=2), files, client=client)
        assert [f.to_dict() for f in remote.findings] == [f.to_dict() for f in local.findings]
        assert remote.findings


def test_cli_engine_dask(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    local = findings(capsys, "corpus", "--jobs", "1", "--no-cache")
    assert findings(capsys, "corpus", "--engine", "dask", "--jobs", "2", "--no-cache") == local


def test_scheduler_without_dask_engine_is_an_error(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "corpus", "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--scheduler goes with --engine dask" in capsys.readouterr().err


def test_streamed_output_equals_the_collected_run(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check` prints file by file (corpus results wait on disk); the order and content are
    those of a run collected in memory."""
    from linter import config as config_mod
    from linter import registry
    from linter.runner import Runner, discover

    rules = registry.all_rules()
    cfg = config_mod.Config(root=corpus)
    files, _ = discover(["corpus"], cfg)
    collected = Runner(cfg, cfg.active_rules(rules), jobs=1).run_paths(files)
    streamed = findings(capsys, "corpus", "--jobs", "2", "--no-cache")
    assert streamed == [f.to_dict() for f in collected.findings]


def test_source_lines_are_attached_only_when_wanted(corpus: Path) -> None:
    """The text report shows the lines findings start on; JSON runs skip the work, in the
    workers too (the setting travels in the run spec)."""
    from linter import config as config_mod
    from linter import registry
    from linter.parallel import RunSpec
    from linter.runner import Runner, discover

    rules = registry.all_rules()
    cfg = config_mod.Config(root=corpus)
    files, _ = discover(["corpus"], cfg)
    runner = Runner(cfg, cfg.active_rules(rules), jobs=2)
    with_lines = runner.run_paths(files)
    assert all(set(r.context) == {f.line for f in r.findings} for r in with_lines.files)
    runner = Runner(cfg, cfg.active_rules(rules), jobs=2)  # a runner counts its corpus once: a new one
    runner.with_context = False
    assert RunSpec.of(runner).build().with_context is False
    without = runner.run_paths(files)
    assert all(r.context == {} for r in without.files)
    assert without.findings == with_lines.findings


def test_cache_entries_round_trip_and_refuse_what_they_cannot_hold(tmp_path: Path) -> None:
    from linter.cache import Cache

    cache = Cache(tmp_path)
    value = {
        "findings": [[1, 2, 1, 5, "DUP002", "doubled-word", "duplication", 2, "m", None, 0, 4, None]],
        "summaries": {"NAM001": {"Blinken": 2}},
        "notices": [],
    }
    cache.put("ab" * 16, value)
    assert cache.get("ab" * 16) == {**value, "key": "ab" * 16}
    assert cache.get("cd" * 16) is None
    entry = next(tmp_path.rglob("*.entry"))
    entry.write_bytes(entry.read_bytes()[:20])  # truncated: a miss
    assert cache.get("ab" * 16) is None
    cache.put("ef" * 16, {"summaries": {"X": object()}})  # a plugin summary marshal cannot store
    assert cache.get("ef" * 16) is None and not list(tmp_path.rglob(".tmp-*"))


def test_results_spill_to_disk_past_a_few_files(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first results wait in memory, the rest in a temporary file: same output either way."""
    from linter import runner as runner_mod

    in_memory = findings(capsys, "corpus", "--jobs", "1", "--no-cache")
    opened: list[object] = []
    import tempfile

    real = tempfile.TemporaryFile

    def spy(*args: object, **kwargs: object) -> object:
        opened.append(args)
        return real(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tempfile, "TemporaryFile", spy)
    monkeypatch.setattr(runner_mod._Spool, "IN_MEMORY", 3)
    assert findings(capsys, "corpus", "--jobs", "2", "--no-cache") == in_memory
    assert len(opened) == 1  # the 45 files did not fit in 3 places: one spool file
    monkeypatch.setattr(runner_mod._Spool, "IN_MEMORY", 64)
    opened.clear()
    assert findings(capsys, "corpus", "--jobs", "1", "--no-cache") == in_memory
    assert opened == []  # 45 files fit in memory: no file


def test_a_cold_run_asks_the_cache_once_per_file_and_pass(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent asks the cache; a miss is linted without asking again."""
    from linter.cache import Cache

    asked: list[str] = []
    real = Cache.get

    def counting(self: Cache, key: str) -> object:
        asked.append(key)
        return real(self, key)

    monkeypatch.setattr(Cache, "get", counting)
    findings(capsys, "corpus", "--jobs", "1")
    files = len(list((corpus / "corpus").rglob("*.*")))
    assert len(asked) == 2 * files  # the first pass and the corpus pass, each once


def _shard(folder: Path, name: str = "k.entry") -> Path:
    (folder / "ab").mkdir(parents=True, exist_ok=True)
    (folder / "ab" / name).write_bytes(b"x" * 10)
    return folder


def test_a_run_removes_older_cache_formats_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from linter.cache import CACHE_VERSION

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("It was the the end.\n", encoding="utf-8")
    cache = tmp_path / ".copydesk_cache"
    old = _shard(cache / "v1", "k.json")
    other_python = _shard(cache / f"v{CACHE_VERSION}-py{sys.version_info[0]}{sys.version_info[1] + 1}")
    older_format = _shard(cache / "v0-py311")
    mine = cache / "v2-notes"  # not a generation's name
    mine.mkdir()
    empty = cache / "v0"  # a generation's name, but nothing copydesk wrote in it
    empty.mkdir()
    assert main(["check", "a.txt", "--fail-on", "never"]) == 0
    assert not old.exists() and not older_format.exists()
    assert other_python.exists() and mine.exists() and empty.exists()
    assert list(cache.glob(f"v{CACHE_VERSION}-py*/*/*.entry"))  # this run's entries
    assert main(["check", "a.txt", "--no-cache", "--fail-on", "never"]) == 0  # --no-cache touches nothing


def test_clean_empties_the_cache_and_keeps_what_is_not_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("It was the the end.\n", encoding="utf-8")
    assert main(["check", "a.txt", "--fail-on", "never"]) == 0
    capsys.readouterr()
    assert main(["clean"]) == 0
    assert capsys.readouterr().out == "Removed .copydesk_cache: 2 cache file(s), 0.0 MB\n"  # the two passes
    assert not (tmp_path / ".copydesk_cache").exists() and (tmp_path / "a.txt").exists()
    assert main(["clean"]) == 0
    assert capsys.readouterr().out == "No cache at .copydesk_cache\n"
    # cache-dir pointed at a folder with the user's files: only cache generations go
    (tmp_path / "copydesk.toml").write_text('cache-dir = "store"\n', encoding="utf-8")
    store = tmp_path / "store"
    _shard(store / "v2-py311")
    users = store / "v2"  # named like a generation, but laid out otherwise
    (users / "drafts").mkdir(parents=True)
    (users / "drafts" / "draft.txt").write_text("mine\n", encoding="utf-8")
    assert main(["clean"]) == 0
    assert "Removed 1 cache file(s), 0.0 MB from store (its other files are kept)" in capsys.readouterr().out
    assert (users / "drafts" / "draft.txt").read_text(encoding="utf-8") == "mine\n"
    assert not (store / "v2-py311").exists()


# -- --jobs default: the cores this process may use ------------------------------------------
def _cgroups(tmp_path: Path, proc: str, files: dict[str, str]) -> tuple[str, str]:
    (tmp_path / "cgroup").write_text(proc, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "fs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="ascii")
    (tmp_path / "fs").mkdir(exist_ok=True)
    return str(tmp_path / "cgroup"), str(tmp_path / "fs")


@pytest.mark.parametrize(
    ("proc", "files", "quota"),
    [
        pytest.param("0::/\n", {"cpu.max": "200000 100000\n"}, 2.0, id="v2-container"),
        pytest.param("0::/\n", {"cpu.max": "max 100000\n"}, None, id="v2-unlimited"),
        pytest.param("0::/\n", {"cpu.max": "150000 100000\n"}, 1.5, id="v2-fraction"),
        pytest.param(
            "0::/kubepods/pod1/c1\n",
            {"kubepods/pod1/c1/cpu.max": "max 100000\n", "kubepods/pod1/cpu.max": "100000 100000\n"},
            1.0,
            id="v2-parent-limits",
        ),
        pytest.param("0::/docker/abc\n", {"cpu.max": "300000 100000\n"}, 3.0, id="v2-own-cgroup-at-the-root"),
        pytest.param(
            "3:cpuset:/\n2:cpu,cpuacct:/docker/abc\n",
            {"cpu/docker/abc/cpu.cfs_quota_us": "400000\n", "cpu/docker/abc/cpu.cfs_period_us": "100000\n"},
            4.0,
            id="v1",
        ),
        pytest.param(
            "1:cpu:/\n",
            {"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"},
            None,
            id="v1-unlimited",
        ),
        pytest.param("0::/\n", {"cpu.max": "garbage\n"}, None, id="unreadable-quota"),
        pytest.param("0::/\n", {}, None, id="no-controller-files"),
    ],
)
def test_cgroup_cpu_quota(tmp_path: Path, proc: str, files: dict[str, str], quota: float | None) -> None:
    from linter.parallel import cgroup_cpu_quota

    assert cgroup_cpu_quota(*_cgroups(tmp_path, proc, files)) == quota


def test_available_cores_is_the_affinity_capped_by_the_quota(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from linter import parallel

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7})
    assert parallel.available_cores(str(tmp_path / "missing"), str(tmp_path)) == 8
    assert parallel.available_cores(*_cgroups(tmp_path, "0::/\n", {"cpu.max": "150000 100000\n"})) == 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3})  # taskset -c 3
    assert parallel.available_cores(str(tmp_path / "cgroup"), str(tmp_path / "fs")) == 1
    (tmp_path / "fs" / "cpu.max").write_text("1000 100000\n", encoding="ascii")  # 0.01 CPU: still one worker
    assert parallel.available_cores(str(tmp_path / "cgroup"), str(tmp_path / "fs")) == 1


def test_jobs_default_is_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from linter import cli, parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 3)
    assert cli._jobs(None) == 3 and cli._jobs(5) == 5
