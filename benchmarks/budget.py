"""What a throughput target leaves per word and per rule, next to what Python costs here.

    python benchmarks/budget.py [CORPUS] [--target-mbs 5] [--cores 2]

Counts the words of a corpus (default: the 1 MB bench corpus, built if missing), then
measures, on one core and in-process, the cheapest things any word-level rule does: finding
the words (one C regex), building the shared word tokens, and one pass of a Python loop
over them that tests each word against a set. It prints these per word beside the budget
a target implies (``--target-mbs`` MB/s over ``--cores`` cores, for everything: reading,
parsing, every rule, output), split over the default rules, and what linting with every
default rule costs today. Figures, not assertions: the
machine is shared and noisy, so compare the lines of one run with each other.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``work()`` (noise only ever adds time)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default="/tmp/copydesk-bench/corpus-1mb")
    ap.add_argument("--target-mbs", type=float, default=5.0, help="the throughput target, MB/s")
    ap.add_argument("--cores", type=int, default=2)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from linter.api import select_rules
    from linter.document import _WORD, Document
    from linter.runner import tune_gc

    folder = Path(args.corpus)
    if not folder.exists():
        sys.path.insert(0, str(Path(__file__).parent))
        from bench import build_corpus

        build_corpus(folder, 1.0)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    tune_gc()  # as a run does
    docs = [Document(t, path="a.txt") for t in texts]
    words = sum(len(d.words) for d in docs)
    active = select_rules(None)
    rules = len(active)
    common = frozenset({"the", "and", "of"})

    def loop() -> None:
        for d in docs:
            for w in d.words:
                if w.text in common:
                    pass

    costs = {
        "find the words (re.findall, C)": best_of(3, lambda: [_WORD.findall(t) for t in texts]),
        "build the word tokens (doc.words)": best_of(3, lambda: [Document(t, path="a.txt").words for t in texts]),
        "one Python loop over the tokens": best_of(3, loop),
    }
    from linter import engine

    for t in texts[:3]:  # first use: compiles and loads, paid once per process
        engine.lint(Document(t, path="a.txt"), active)
    costs["every default rule (engine.lint, no corpus)"] = best_of(
        1, lambda: [engine.lint(Document(t, path="a.txt"), active) for t in texts]
    )
    budget = args.cores / (args.target_mbs * 1e6)  # seconds per byte, all cores together
    per_word = budget * mb * 1e6 / words
    print(f"corpus {folder}: {len(texts)} files, {mb:.2f} MB, {words:,} words ({words / mb:,.0f} per MB)")
    print(
        f"target {args.target_mbs:g} MB/s on {args.cores} cores: {budget * 1e6:.2f} s of one core per MB,"
        f" {per_word * 1e9:,.0f} ns per word for everything, {per_word * 1e9 / rules:,.0f} ns per word"
        f" for each of the {rules} default rules"
    )
    for name, secs in costs.items():
        print(f"  {name:<44} {secs / mb * 1000:7.1f} ms per MB {secs / words * 1e9:7.0f} ns per word")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
