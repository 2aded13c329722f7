"""BPL002 call-to-action."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.boilerplate._layout import candidate_lines, layout_of, line_fix_span, shorten

MAX_WORDS = 30
MAX_CHARS = 250
_I = regex.IGNORECASE | regex.V1

#: imperative verbs of site calls to action; ``strict`` ones need an explicit object
_VERB = regex.compile(
    r"\b(?:(?P<verb>follow|subscribe|join|stay[ \t]++(?:tuned|connected|updated|in[ \t]++touch)|"
    r"keep[ \t]++(?:visiting|reading|following|checking)|download|install|bookmark|sign[ \t]*+up)"
    r"|(?P<stay>stay[ \t]++with)"
    r"|(?P<strict>like|share|visit|click|tap|hit|get|register|check[ \t]++out|turn[ \t]++on|watch))\b",
    _I,
)
#: what may stand just before an imperative: the line start, punctuation, "please", "and",
#: "don't forget to", or the "for more updates" lead-in
_LEAD = regex.compile(
    r"(?:^|[,:;!|•·–—-][ \t]*+|\b(?:please|kindly|and|or|also|now|today|then|just|simply|do|&|"
    r"(?:don[’']?t|do[ \t]++not)[ \t]++forget[ \t]++to|(?:be|make)[ \t]++sure[ \t]++to|remember[ \t]++to|"
    r"updates?|news|stories|alerts|info|information|content|videos)[ \t]++)$",
    _I,
)
#: named platforms count on their own; a generic "newsletter" or "channel" needs "our"
_PLATFORM = (
    r"telegram|whatsapp|youtube|facebook|twitter|instagram|linkedin|pinterest|tiktok|threads|"
    r"snapchat|koo|sharechat|google[ \t]++news|x[ \t]++\(formerly[ \t]++twitter\)"
)
_OBJECT_STRICT = regex.compile(rf"\b(?:us|our|ours|{_PLATFORM})\b", _I)
_OBJECT = regex.compile(
    rf"\b(?:us|our|ours|{_PLATFORM})\b"
    r"|\b(?:more|latest|new|daily|regular|further|breaking|all[ \t]++the[ \t]++latest)[ \t]++"
    r"(?:updates?|news|stories|articles|videos|alerts|posts)\b|\bupdates\b",
    _I,
)
#: cheap necessary conditions, searched with ``re`` in the text as lower-case ASCII bytes
#: (``Layout.ascii_lower``: "?" stands for any other character): a verb after a separator
#: (white space, punctuation; or the start of the text) ...
_VERBS = (
    rb"f(?:ollow)|s(?:ubscribe|tay|ign|hare)|j(?:oin)|k(?:eep)|d(?:ownload)|i(?:nstall)|b(?:ookmark)|l(?:ike)|"
    rb"v(?:isit)|c(?:lick|heck)|t(?:ap|urn)|h(?:it)|g(?:et)|r(?:egister)|w(?:atch)"
)
_VERB_HINT = re.compile(rb"[\s\x1c-\x1f,:;!|?-](?:" + _VERBS + rb")")
_VERB_AT_START = re.compile(rb"(?:" + _VERBS + rb")")
#: ... and, in its line, what every call points at: a word starting like an object (no letter
#: before it: the line break before the line, or any other character), or "stay" (``stay
#: with`` + a brand)
_OBJECT_HINT = re.compile(
    rb"[^a-z0-9_](?:us|our|telegram|whatsapp|youtube|facebook|twitter|instagram|linkedin|pinterest|tiktok|"
    rb"threads|snapchat|koo|sharechat|google|x[ \t]|update|news|stories|articles|videos|alerts|posts)|stay"
)
#: ... and a verb right after what may lead it (``_LEAD``, without its word boundaries)
_LEAD_VERB = re.compile(
    rb"(?:^|[,:;!|?-][ \t]*|(?:please|kindly|and|or|also|now|today|then|just|simply|do|&|forget[ \t]+to|"
    rb"sure[ \t]+to|remember[ \t]+to|updates?|news|stories|alerts|info|information|content|videos)[ \t]+)"
    rb"(?:" + _VERBS + rb")"
)
#: ``_QUOTES`` with ``re`` (the same characters): a quick test before the full check
_QUOTE_HINT = re.compile(r"[“”\"«»]")
_BRAND = regex.compile(r"[ \t]++(?:the[ \t]++)?[\p{Lu}\d][\p{L}\d&.'’-]*+")
_QUOTES = regex.compile(r"[“”\"«»]")


def is_call_to_action(line: str) -> bool:
    """Is this short line a site's call to follow, subscribe, join or stay tuned?"""
    if len(line) > MAX_CHARS or len(line.split()) > MAX_WORDS or _QUOTES.search(line):
        return False
    for m in _VERB.finditer(line):
        if not _LEAD.search(line, 0, m.start()):
            continue
        rest_start = m.end()
        if m.group("stay"):
            if _BRAND.match(line, rest_start):
                return True
        elif m.group("strict"):
            if _OBJECT_STRICT.search(line, rest_start):
                return True
        elif _OBJECT.search(line, rest_start):
            return True
    return False


@document_rule("BPL002", "call-to-action", category="boilerplate", severity="warning", fixable=True)
def call_to_action(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a site's call to action left in the article: follow, subscribe, join, stay with us.

    What it does
    Flags a short line (at most 30 words, no quotation) that is a site's call to
    action: an imperative verb (follow, subscribe, join, download, stay tuned, sign
    up, like, share, visit…) at the start of a clause ("Please follow", "…, and
    subscribe", "For more updates stay with") with what such calls point at: us,
    our channel (our newsletter, our app…), a named platform (Telegram, YouTube,
    Google News…), more updates, or a brand name after "stay with". A generic
    "Subscribe to the newsletter for part two" is the author's own line and stays
    silent. "Follow us on Twitter",
    "Join our Telegram channel for the latest news", "For more updates stay with
    Example Review". Reported speech and quotes stay silent ("He urged people to
    follow the rules", "“Join us,” she said").

    Why it matters
    The call belongs to the page the article was taken from; in the body it reads
    as an ad for a site that may not even publish it any more.

    Example
        To know more updates please follow and subscribe to our channel:-
    Use instead: delete the line.

    Fix safety
    Safe: the fix deletes the line, which is the call to action and nothing else.
    """
    for line in _candidates(doc):
        if is_call_to_action(line.text):
            yield ctx.report(
                line.start,
                line.end,
                f"Call to action of the source site: “{shorten(line.text)}”",
                suggestion="delete the line",
                replacement="",
                safe=True,
                fix_span=line_fix_span(doc.text, line.start, line.end),
            )


def _candidates(doc: Document) -> Iterator[Span]:
    """The lines that may hold a call to action: a verb after a separator and an object word
    in a short, unquoted line (every line when the text defeats the ASCII prefilter)."""
    low = layout_of(doc).ascii_lower
    if low is None:
        yield from candidate_lines(doc, None)
        return
    for line in candidate_lines(doc, _VERB_HINT, low, _VERB_AT_START):
        if len(line.text) > MAX_CHARS or _QUOTE_HINT.search(line.text):
            continue
        # from the character before the line (a line break, or the text's start: then the
        # line is tried once more with a space in front)
        if (
            _OBJECT_HINT.search(low, line.start - 1, line.end)
            if line.start
            else _OBJECT_HINT.search(b" " + low[: line.end])
        ):
            if _LEAD_VERB.search(low[line.start : line.end]):
                yield line
