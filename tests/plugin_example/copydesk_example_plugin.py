"""A third-party copydesk rule package: flags placeholder text left in an article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule

_LOREM = re.compile(r"\blorem ipsum\b", re.IGNORECASE)


@document_rule("XMP001", "placeholder-text", category="boilerplate", severity="error")
def placeholder_text(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds "lorem ipsum" placeholder text.

    What it does
    Flags the words "lorem ipsum".

    Why it matters
    Placeholder text means a template was published unfinished.

    Example
        Lorem ipsum dolor sit amet.
    Use instead: the real text.

    Fix safety
    No fix.
    """
    for m in _LOREM.finditer(doc.text):
        yield ctx.report(m.start(), m.end(), "placeholder text “lorem ipsum”")
