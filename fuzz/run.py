"""Long fuzz run: the property checks of tests/properties.py over many generated inputs.

    python fuzz/run.py --minutes 10

Runs rounds of Hypothesis-generated text, Markdown and HTML (fragments of real artifacts
mixed with random characters) through the document mapping and every default rule, and
prints how many inputs ran, how fast, and any failure (Hypothesis shrinks it to a
minimal example). Exit status 1 on the first failure.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from linter.api import select_rules  # noqa: E402
from tests.properties import check_findings, check_mapping, formats, long_texts, texts  # noqa: E402

RULES = select_rules(None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--round", type=int, default=300, help="examples per Hypothesis round")
    args = ap.parse_args(argv)
    counts: Counter[str] = Counter()
    sizes: list[int] = []

    @settings(max_examples=args.round, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(texts, long_texts), formats)
    def one(source: str, fmt: str) -> None:
        counts[fmt] += 1
        sizes.append(len(source))
        check_mapping(source, fmt)
        findings = check_findings(source, fmt, RULES)
        counts["findings"] += len(findings)

    start = time.monotonic()
    rounds = 0
    while time.monotonic() - start < args.minutes * 60:
        try:
            one()
        except Exception as exc:  # Hypothesis re-raises the shrunk failure
            print(f"FAILED after {rounds} rounds: {type(exc).__name__}: {exc}")
            return 1
        rounds += 1
        elapsed = time.monotonic() - start
        total = counts["text"] + counts["markdown"] + counts["html"]
        print(f"round {rounds}: {total} inputs in {elapsed:.0f} s ({total / elapsed:.0f}/s)", flush=True)
    total = counts["text"] + counts["markdown"] + counts["html"]
    print(
        f"fuzz: {total} inputs ({counts['text']} text, {counts['markdown']} markdown, {counts['html']} html),"
        f" mean {sum(sizes) / max(1, len(sizes)):.0f} chars, {counts['findings']} findings,"
        f" {time.monotonic() - start:.0f} s, 0 failures"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
