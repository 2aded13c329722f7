"""BPL010 line-shared-across-corpus (a corpus rule)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, corpus_rule

DOCS = "#documents"
CAPACITY = 200_000


def _normalized(line: str) -> str:
    r"""``re.sub(r"^[\W_]+|[\W_]+$", "", re.sub(r"\s+", " ", line))`` for a stripped line,
    without the regex passes in the common case (single spaces; a letter or a digit at each
    end)."""
    if "  " in line or not line.isprintable():  # printable: no white space but " "
        line = " ".join(line.split())  # what re.sub(r"\s+", " ", line) makes of a stripped line
    if not line:
        return line
    if not line[0].isalnum():  # [\W_] is exactly "not alphanumeric" in ``re``
        i, n = 1, len(line)
        while i < n and not line[i].isalnum():
            i += 1
        line = line[i:]
        if not line:
            return line
    if not line[-1].isalnum():
        j = len(line) - 2
        while not line[j].isalnum():  # line[0] is alphanumeric: the loop stops there
            j -= 1
        line = line[: j + 1]
    return line


def _keys(doc: Document, options: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    """Key -> spans of the lines with that key; computed once per document (summarize and
    check share it), callers must not modify it."""
    min_words, max_words = options["min-words"], options["max-words"]
    cache_key = f"{__name__}:{min_words}:{max_words}"
    cached = doc.cache.get(cache_key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: dict[str, list[tuple[int, int]]] = {}
    max_len, max_spaces = max_words * 30, max_words * 3
    from linter.runner import blake2b  # BLAKE2 without hashlib's OpenSSL load (~3 ms)

    for line in doc.lines:
        text = line.text
        if len(text) > max_len or text.count(" ") > max_spaces:
            continue
        stripped = text.strip()
        if not stripped:
            continue
        norm = _normalized(stripped.lower())
        if norm and min_words <= norm.count(" ") + 1 <= max_words:
            key = blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=6).hexdigest()
            out.setdefault(key, []).append((line.start, line.end))
    doc.cache[cache_key] = out
    return out


@corpus_rule(
    "BPL010",
    "line-shared-across-corpus",
    category="boilerplate",
    severity="warning",
    options={"min-documents": 3, "min-share": 0.05, "min-words": 3, "max-words": 14},
    fixable=False,
)
class SharedLine:
    """Finds a short line that recurs word for word across many articles of the corpus.

    What it does
    Counts, over every document of the run (and the corpus index, when there is one),
    the documents each short line (3 to 14 words) stands in. A line found in at least
    ``min-documents`` documents and ``min-share`` of the corpus is flagged wherever it
    appears.

    Why it matters
    A sentence that every article of a site carries is site furniture (a footer, a call
    to action, a newsletter box) that the scraper or the CMS export copied into the body.
    No phrase list knows every site's furniture, but the corpus does.

    Example
    With "Thanks for reading Daily Planet, subscribe for free" at the end of 40 of 50
    articles, each occurrence is flagged.
    Use instead: delete the line from the article body.

    Options
    - ``min-documents`` (3) and ``min-share`` (0.05): how common a line must be.
    - ``min-words`` (3) and ``max-words`` (14): which lines are candidates.

    The merged summary keeps at most ``CAPACITY`` (200,000) line keys; beyond that the
    rarest are dropped, so memory and the index stay bounded on huge corpora.

    Fix safety
    No automatic fix: a shared line may be a legitimate standard sentence (a
    correction notice, a disclosure) that an editor wants to keep.
    """

    @staticmethod
    def initial() -> dict[str, int]:
        return {DOCS: 0}

    @staticmethod
    def summarize(doc: Document, ctx: Context) -> dict[str, int]:
        summary = dict.fromkeys(_keys(doc, ctx.options), 1)
        summary[DOCS] = 1
        return summary

    @staticmethod
    def merge(merged: dict[str, int], other: dict[str, int]) -> dict[str, int]:
        for key, count in other.items():
            merged[key] = merged.get(key, 0) + count
        if len(merged) > CAPACITY:
            keep = sorted((k for k in merged if k != DOCS), key=lambda k: (-merged[k], k))[:CAPACITY]
            merged = {DOCS: merged[DOCS], **{k: merged[k] for k in keep}}
        return merged

    @staticmethod
    def check(doc: Document, ctx: Context) -> Iterator[Report]:
        corpus = ctx.corpus or {}
        total = corpus.get(DOCS, 0)
        needed = max(ctx.options["min-documents"], ctx.options["min-share"] * total)
        for key, spans in _keys(doc, ctx.options).items():
            count = corpus.get(key, 0)
            if count >= needed:
                for start, end in spans:
                    yield ctx.report(
                        start,
                        end,
                        f"This line stands in {count} of {total} articles of the corpus: site furniture?",
                        suggestion="delete it if it is not part of this article",
                    )
