"""ENC005 non-utf8-source."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

_UTF8 = frozenset({"utf-8", "utf-8-sig", "ascii"})


@document_rule("ENC005", "non-utf8-source", category="encoding", severity="info")
def non_utf8_source(doc: Document, ctx: Context) -> Iterator[Report]:
    """Reports a file that had to be decoded from another encoding than UTF-8.

    What it does
    The runner records on the document the encoding a file was decoded with
    (``doc.encoding``, "utf-8" by default); when a file was not valid UTF-8 and had to be
    read as Windows-1252, Latin-1, UTF-16 or another encoding, this rule reports it
    once, at line 1, column 1, naming the encoding.

    Why it matters
    Publishing pipelines, git diffs and most tools expect UTF-8. A file in a legacy
    encoding is read correctly only when every tool guesses the same encoding; the next
    one to guess wrong produces mojibake (ENC001).

    Example
        (a file saved by an old CMS in Windows-1252)
    Use instead:
        (the same file saved as UTF-8)

    Fix safety
    No automatic fix: re-save the file as UTF-8 (copydesk reads it correctly already).
    """
    encoding = str(getattr(doc, "encoding", "utf-8") or "utf-8")
    try:
        canonical = codecs.lookup(encoding).name
    except LookupError:
        canonical = encoding.lower()
    if canonical in _UTF8:
        return
    yield ctx.report(
        0,
        0,
        f"File is not UTF-8: it was decoded as {encoding}",
        suggestion="save the file as UTF-8",
    )
