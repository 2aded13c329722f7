"""TYP001 unbalanced-quotation."""

from __future__ import annotations

from collections.abc import Iterator

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.typography.quotes import (
    FRAGMENT,
    REOPENED,
    STRAY,
    STRAY_AT_START,
    UNCLOSED,
    UNREOPENED,
    QuoteProblem,
    quote_problems,
)

_SEVERITY = {
    STRAY_AT_START: "error",
    FRAGMENT: "error",
    STRAY: "warning",
    REOPENED: "warning",
    UNCLOSED: "warning",
    UNREOPENED: "info",
}


def _message(p: QuoteProblem) -> tuple[str, str]:
    """(message, suggestion) for a problem."""
    opening = f"“{p.opening}…”"
    if p.kind == STRAY_AT_START:
        return (
            "closing quotation mark opens the paragraph",
            "move it to the end of the paragraph before, which leaves its quotation open",
        )
    if p.kind == FRAGMENT:
        return (
            "truncated quotation: a fragment starts mid-clause after a full stop and closes "
            "a quotation that was never opened",
            "restore the missing start of the quotation, or delete the fragment",
        )
    if p.kind == STRAY:
        return "closing quotation mark without an opening one", "add the opening mark or delete this one"
    if p.kind == REOPENED:
        return (
            f"opening quotation mark inside the quotation {opening}, which is still open",
            "close the first quotation (” not “), or remove this mark",
        )
    if p.kind == UNCLOSED:
        return (
            f"quotation {opening} is never closed",
            "add the closing ” where the quoted words end",
        )
    return (
        f"quotation {opening} runs over a paragraph break without re-opening",
        "open each paragraph of a long quotation with “",
    )


@document_rule(
    "TYP001",
    "unbalanced-quotation",
    category="typography",
    severity="warning",
)
def unbalanced_quotation(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds double quotation marks that do not pair up within their paragraph.

    What it does
    Pairs “ with ” (and straight " by its position) in each paragraph, and flags:
    a closing mark that opens a paragraph (error); a lower-case fragment after a full
    stop that ends in a closing mark never opened, the trace of a truncated quotation
    (error); any other closing mark that closes nothing; an opening mark inside an open
    quotation (a ” typed as “); a quotation never closed; a quotation carried over a
    paragraph break without a new opening mark (info).

    Why it matters
    Scrapers and editors that cut a quotation short, or a converter that turns a ” into
    a “, leave the reader unable to tell who is speaking and where the quotation ends.

    Example
        He said the proposals “totally reinforce ours and vice versa. “The US document
        will not be made public.
    Use instead:
        He said the proposals “totally reinforce ours and vice versa.” The US document
        will not be made public.

    Stays silent on apostrophes and single quotes (“Russia’s”, “’90s”, a nested
    ‘quotation’), on inch marks (12", 27”), on straight quotes of HTML attributes left in
    the text, and on the newspaper convention for a quotation of several paragraphs: no
    closing mark at the end of a paragraph when the next one opens with “.

    Fix safety
    No fix: where the missing mark belongs is for the editor to decide.
    """
    for p in quote_problems(doc):
        message, suggestion = _message(p)
        yield ctx.report(p.start, p.end, message, suggestion=suggestion, severity=_SEVERITY[p.kind])
