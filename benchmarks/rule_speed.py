"""Speed of every rule, one at a time, on one corpus (in-process, one core).

    python benchmarks/rule_speed.py [CORPUS_DIR] [--select PREFIX,...] [--top 30]

Without CORPUS_DIR it builds the 1 MB corpus of benchmarks/bench.py. Prints, for each
rule, seconds and MB/s over the corpus (documents are parsed and their shared views built
once, before timing; corpus rules are timed for their check step, their summaries on a
line of their own), slowest first, with the cost of its first document apart (lazy
compiles and loads: what a pre-commit run pays), and the engine's own cost separately.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from linter import engine
from linter.api import select_rules
from linter.document import Document
from linter.rule import Context, collect
from linter.runner import tune_gc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?")
    ap.add_argument("--select", default=None)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)
    if args.corpus is None:
        sys.path.insert(0, str(Path(__file__).parent))
        from bench import build_corpus

        args.corpus = "/tmp/copydesk-bench/corpus-1mb"
        build_corpus(Path(args.corpus), 1.0)
    files = sorted(p for p in Path(args.corpus).rglob("*") if p.suffix in (".txt", ".md", ".html"))
    sources = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    mb = sum(len(s.encode("utf-8")) for _, s in sources) / 1e6
    rules = select_rules(args.select.split(",") if args.select else None)
    times: dict[str, float] = {}
    t = time.perf_counter()
    docs = [Document(s, path=p) for p, s in sources]
    for d in docs:
        d.text, d.words, d.lines, d.paragraphs, d.sentences, d.word_set, d.lowered  # noqa: B018 - shared views
    times["(engine: parse + views)"] = time.perf_counter() - t
    tune_gc()  # as a run does: collections would land on whichever rule happens to allocate
    merged: dict = {}
    t = time.perf_counter()
    for d in docs:
        engine.merge(rules, merged, engine.summarize(d, rules, {}))
    times["(corpus summaries)"] = time.perf_counter() - t
    reports = 0
    first: dict[str, float] = {}  # each rule's first document: lazy compiles and loads land there
    rest_mb = mb - len(sources[0][1].encode("utf-8")) / 1e6
    for active in rules:
        rule = active.rule
        name = f"{rule.code} {rule.name}"
        for i, d in enumerate(docs):
            if i == 1:
                t = time.perf_counter()
            t0 = time.perf_counter()
            ctx = Context(dict(active.options), {}, merged.get(rule.code, rule.initial()) if rule.is_corpus else None)
            reports += sum(1 for _ in collect(rule.check(d, ctx)))
            if i == 0:
                first[name] = time.perf_counter() - t0
        times[name] = (time.perf_counter() - t) * mb / rest_mb  # per-MB cost, scaled to the corpus
    t = time.perf_counter()
    for path, source in sources:  # fresh documents: views and shared work included, nothing pre-built
        engine.lint(Document(source, path=path), rules, {}, merged, None)
    full = time.perf_counter() - t
    total = sum(times.values())
    print(f"{len(docs)} documents, {mb:.2f} MB, {len(rules)} rules, {reports} reports")
    print(
        f"sum of parts {total:.2f} s = {mb / total:.2f} MB/s;"
        f" engine.lint end to end on fresh documents {full:.2f} s = {mb / full:.2f} MB/s;"
        f" first-document costs {sum(first.values()) * 1000:.0f} ms in all"
    )
    for name, secs in sorted(times.items(), key=lambda kv: -kv[1])[: args.top]:
        cold = f"  first document {first[name] * 1000:6.1f} ms" if name in first else ""
        print(f"  {name:<44} {secs:6.3f} s {mb / secs:9.1f} MB/s{cold}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
