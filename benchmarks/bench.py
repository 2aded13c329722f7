"""Benchmark copydesk: throughput, cache, start-up latency and memory, against peers.

    python benchmarks/bench.py [--sizes 1,5,10,100] [--workdir /tmp/copydesk-bench] [--peers] [--cache-files 2000]

Builds realistic corpora (paragraphs of the seed articles and of the rule fixtures,
artifacts included, recombined into articles of 2-8 KB; never copies of one file), then
runs the installed ``copydesk`` as separate processes: ``--jobs 1`` and ``--jobs 2`` with
the cache off, a cold and a warm cached run over a folder of 2,000 articles, and the
single-article pre-commit case. The peers run on the largest corpus of at most 5 MB.
Peak RSS is that of the largest process (the children's ``ru_maxrss``). With
``--peers`` it also runs proselint and textlint on the same corpus when they are
installed (``pip install proselint``; ``npm install textlint textlint-rule-...`` in the
work folder) and prints the ratios. Timings never go into the unit tests: run this and
compare the figures of one run with each other.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def paragraphs() -> list[str]:
    sources = sorted((ROOT / "seeds").glob("*.txt"))
    sources += sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*.txt"))
    out = []
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="replace")
        out += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 20]
    return out


def build_corpus(folder: Path, megabytes: float, seed: int = 1, count: int | None = None) -> tuple[int, int]:
    """Write articles until the corpus holds ``megabytes`` of text (or ``count`` articles);
    returns (files, bytes)."""
    if folder.exists():
        shutil.rmtree(folder)
    rng = random.Random(seed)
    pool = paragraphs()
    target = int(megabytes * 1_000_000)
    written = files = 0
    while (written < target) if count is None else (files < count):
        size = rng.randint(2000, 8000)
        parts: list[str] = []
        while sum(map(len, parts)) < size:
            parts.append(rng.choice(pool))
        text = "\n\n".join(parts) + "\n"
        sub = folder / f"{files // 500:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{files:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
        files += 1
    return files, written


def measure(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, the largest process) of one command."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "w = time.perf_counter() - t\n"
        "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=cwd, capture_output=True, text=True)
    wall, rss = out.stdout.split()
    return float(wall), float(rss)


def copydesk(*args: str) -> list[str]:
    return [str(BIN / "copydesk"), "check", *args, "--format", "json", "--fail-on", "never"]


def row(name: str, wall: float, rss: float, nbytes: int, files: int, base: float | None = None) -> str:
    mbs = nbytes / 1e6 / wall
    ratio = f"{base / wall:6.1f}x" if base else "      "
    return f"{name:<34} {wall:8.2f} s {mbs:7.2f} MB/s {files / wall:8.0f} files/s {rss:7.0f} MB {ratio}"


def corpus_runs(work: Path, megabytes: float) -> dict[str, float]:
    folder = work / f"corpus-{megabytes:g}mb"
    files, nbytes = build_corpus(folder, megabytes)
    print(f"\ncorpus {folder.name}: {files} files, {nbytes / 1e6:.1f} MB")
    j1 = (0.0, 0.0)
    if megabytes <= 10:  # a big corpus is run with --jobs 2 only (linearity and memory)
        j1 = measure(copydesk(folder.name, "--jobs", "1", "--no-cache"), work)
        print(row("copydesk --jobs 1 (no cache)", *j1, nbytes, files))
    j2 = measure(copydesk(folder.name, "--jobs", "2", "--no-cache"), work)
    print(row("copydesk --jobs 2 (no cache)", *j2, nbytes, files, j1[0] or None))
    return {"j1": j1[0], "j2": j2[0], "rss": max(j1[1], j2[1]), "bytes": nbytes, "files": files}


def cache_runs(work: Path, count: int = 2000) -> None:
    """The cache target: a second run over an unchanged folder of ``count`` articles."""
    folder = work / f"corpus-{count}files"
    files, nbytes = build_corpus(folder, 0, seed=2, count=count)
    shutil.rmtree(work / ".copydesk_cache", ignore_errors=True)
    print(f"\ncache: {folder.name}, {files} files, {nbytes / 1e6:.1f} MB")
    cold = measure(copydesk(folder.name, "--jobs", "2"), work)
    print(row("copydesk --jobs 2, cold cache", *cold, nbytes, files))
    warm = measure(copydesk(folder.name, "--jobs", "2"), work)
    print(row("copydesk --jobs 2, warm cache", *warm, nbytes, files, cold[0]))


def latency(work: Path, repeat: int = 7) -> None:
    article = work / "one-article.txt"
    text = (ROOT / "seeds" / "003_12a97b863d5565b3.txt").read_text(encoding="utf-8")
    article.write_text(text[:5000], encoding="utf-8")
    baseline_cmd = [sys.executable, "-c", f"import typer; open({str(article)!r}, encoding='utf-8').read()"]
    ours = [str(BIN / "copydesk"), "check", str(article), "--no-cache", "--fail-on", "never", "-q"]
    times: dict[str, list[float]] = {"typer": [], "copydesk": []}
    for _ in range(repeat):
        for name, cmd in (("typer", baseline_cmd), ("copydesk", ours)):
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
            times[name].append(time.perf_counter() - t)
    base, mine = statistics.median(times["typer"]), statistics.median(times["copydesk"])
    fast, quick = min(times["typer"]), min(times["copydesk"])  # noise only adds: the least is the cost
    print(f"\npre-commit case: one {len(text[:5000].encode()) / 1000:.1f} KB article, median (least) of {repeat}")
    print(f"  python -c 'import typer' + read : {base:.3f} s ({fast:.3f} s)")
    print(
        f"  copydesk check ONE_FILE         : {mine:.3f} s ({quick:.3f} s)"
        f"  {mine / base:.2f}x ({quick / fast:.2f}x) the typer baseline"
    )


def peers(work: Path, megabytes: float, ours_wall: float) -> None:
    folder = work / f"corpus-{megabytes:g}mb"
    files = sorted(str(p) for p in folder.rglob("*.txt"))
    nbytes = sum(Path(f).stat().st_size for f in files)
    print(f"\npeers on {folder.name} (same corpus, same run):")
    proselint = shutil.which("proselint") or (str(BIN / "proselint") if (BIN / "proselint").exists() else None)
    if proselint:
        wall, rss = measure(
            [proselint, "check", *files] if _proselint_has_check(proselint) else [proselint, *files], work
        )
        print(row("proselint", wall, rss, nbytes, len(files)) + f"  copydesk is {wall / ours_wall:.1f}x faster")
    else:
        print("  proselint: not installed (pip install proselint)")
    textlint = work / "node_modules" / ".bin" / "textlint"
    if textlint.exists():
        rules = (work / "node_modules").glob("textlint-rule-*")
        skip = {"textlint-rule-helper", "textlint-rule-no-doubled-joshi"}  # a library; a Japanese-only rule
        installed = sorted(p.name[len("textlint-rule-") :] for p in rules if p.name not in skip)
        (work / ".textlintrc.json").write_text(json.dumps({"rules": dict.fromkeys(installed, True)}))
        print(f"  textlint rules: {', '.join(installed)}")
        wall, rss = measure([str(textlint), "--format", "json", folder.name], work)
        print(row("textlint", wall, rss, nbytes, len(files)) + f"  copydesk is {wall / ours_wall:.1f}x faster")
    else:
        print(f"  textlint: not installed (cd {work} && npm install textlint textlint-rule-no-todo ...)")


def _proselint_has_check(exe: str) -> bool:
    out = subprocess.run([exe, "--help"], capture_output=True, text=True)
    return " check" in out.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1,5,10", help="corpus sizes in MB, comma-separated")
    ap.add_argument("--workdir", default="/tmp/copydesk-bench")
    ap.add_argument("--peers", action="store_true", help="also run proselint and textlint when installed")
    ap.add_argument("--cache-files", type=int, default=2000, help="articles in the cache benchmark's folder")
    args = ap.parse_args(argv)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    # a pip install writes .pyc files; an editable install under PYTHONDONTWRITEBYTECODE=1 has
    # none, and every run would recompile ~100 modules: measure what users run
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "linter"), str(ROOT / "rules")], check=True)
    print(f"copydesk benchmark, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, python {sys.version.split()[0]}")
    latency(work)
    runs = {float(s): corpus_runs(work, float(s)) for s in args.sizes.split(",")}
    cache_runs(work, args.cache_files)
    sizes = sorted(runs)
    if len(sizes) > 1:
        a, b = runs[sizes[0]], runs[sizes[-1]]
        scale = (b["j2"] / b["bytes"]) / (a["j2"] / a["bytes"])
        print(
            f"\nlinearity: time per MB at {sizes[-1]:g} MB / at {sizes[0]:g} MB = {scale:.2f} (1.00 is linear);"
            f" peak RSS {a['rss']:.0f} MB -> {b['rss']:.0f} MB ({b['rss'] / a['rss']:.2f}x)"
        )
    if args.peers:
        size = max((s for s in sizes if s <= 5), default=sizes[0])  # where start-up no longer dominates
        peers(work, size, runs[size]["j2"])
    print(json.dumps({f"{k:g}MB": v for k, v in runs.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
