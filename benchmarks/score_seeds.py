"""Lint seeds/ through the Python API and score the findings against gold.jsonl.

    python benchmarks/score_seeds.py [--select DUP,TYP] [--show]

Prints the scorer's summary; --show also lists every finding (to read false alarms).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from linter.api import lint_documents, select_rules
from linter.document import Document

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", default=None, help="comma-separated selectors (default rules if omitted)")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    select = args.select.split(",") if args.select else None
    docs = [Document(p.read_text(encoding="utf-8"), path=str(p)) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    findings = lint_documents(docs, select_rules(select))
    if args.show:
        for f in findings:
            text = Document(Path(f.path).read_text(encoding="utf-8"), path=f.path).source[f.start : f.end]
            print(f"{Path(f.path).name}:{f.line}:{f.column} {f.rule} [{f.category}] {f.message} :: {text[:70]!r}")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump([f.to_dict() for f in findings], out)
    gold = ROOT / "seeds" / "gold.jsonl"
    return subprocess.call([sys.executable, str(SCORER), str(gold), str(ROOT / "seeds"), out.name])


if __name__ == "__main__":
    raise SystemExit(main())
