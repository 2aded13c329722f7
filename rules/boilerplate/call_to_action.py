"""BPL002 call-to-action."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from types import SimpleNamespace

import regex

from linter.document import Document, Span
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.boilerplate._layout import candidate_lines, layout_of, line_fix_span, plain, shorten

MAX_WORDS = 30
MAX_CHARS = 250
_I = regex.IGNORECASE | regex.V1

#: named platforms count on their own; a generic "newsletter" or "channel" needs "our"
_PLATFORM = (
    r"telegram|whatsapp|youtube|facebook|twitter|instagram|linkedin|pinterest|tiktok|threads|"
    r"snapchat|koo|sharechat|google[ \t]++news|x[ \t]++\(formerly[ \t]++twitter\)"
)


@cache
def _patterns(plain_line: bool) -> SimpleNamespace:
    """Compiled on the first candidate line, not at start-up (most documents have none): with
    ``re`` for a plain line (see ``_layout.plain``), else with ``regex`` and full case folding."""
    if plain_line:
        compile, upper, letter = partial(re.compile, flags=re.IGNORECASE), "A-Z", "A-Za-z"
        case_sensitive = re.compile
    else:
        compile, upper, letter = partial(regex.compile, flags=_I), r"\p{Lu}", r"\p{L}"
        case_sensitive = regex.compile
    return SimpleNamespace(
        # imperative verbs of site calls to action; ``strict`` ones need an explicit object
        verb=compile(
            r"\b(?:(?P<verb>follow|subscribe|join|stay[ \t]++(?:tuned|connected|updated|in[ \t]++touch)|"
            r"keep[ \t]++(?:visiting|reading|following|checking)|download|install|bookmark|sign[ \t]*+up)"
            r"|(?P<stay>stay[ \t]++with)"
            r"|(?P<strict>like|share|visit|click|tap|hit|get|register|check[ \t]++out|turn[ \t]++on|watch))\b"
        ),
        # what may stand just before an imperative: the line start, punctuation, "please", "and",
        # "don't forget to", or the "for more updates" lead-in
        lead=compile(
            r"(?:^|[,:;!|•·–—-][ \t]*+|\b(?:please|kindly|and|or|also|now|today|then|just|simply|do|&|"
            r"(?:don[’']?t|do[ \t]++not)[ \t]++forget[ \t]++to|(?:be|make)[ \t]++sure[ \t]++to|remember[ \t]++to|"
            r"updates?|news|stories|alerts|info|information|content|videos)[ \t]++)$"
        ),
        object_strict=compile(rf"\b(?:us|our|ours|{_PLATFORM})\b"),
        object=compile(
            rf"\b(?:us|our|ours|{_PLATFORM})\b"
            r"|\b(?:more|latest|new|daily|regular|further|breaking|all[ \t]++the[ \t]++latest)[ \t]++"
            r"(?:updates?|news|stories|articles|videos|alerts|posts)\b|\bupdates\b"
        ),
        brand=case_sensitive(rf"[ \t]++(?:the[ \t]++)?[{upper}\d][{letter}\d&.'’-]*+"),
    )


#: cheap necessary conditions, searched with ``re`` in the text as lower-case ASCII bytes
#: (``Layout.ascii_lower``: "?" stands for any other character): a verb after a separator
#: (white space, punctuation; or the start of the text), as a whole word (``verb`` ends in
#: a word boundary: no ASCII letter, digit or "_" after it) ...
_VERBS = (
    rb"(?:f(?:ollow)|s(?:ubscribe|tay|ign(?:[ \t]*up)?|hare)|j(?:oin)|k(?:eep)|d(?:ownload)|i(?:nstall)|"
    rb"b(?:ookmark)|l(?:ike)|v(?:isit)|c(?:lick|heck)|t(?:ap|urn)|h(?:it)|g(?:et)|r(?:egister)|w(?:atch))"
    rb"(?![a-z0-9_])"
)


@cache
def _hints() -> SimpleNamespace:
    return SimpleNamespace(
        verb=re.compile(rb"[\s\x1c-\x1f,:;!|?-]" + _VERBS),
        verb_at_start=re.compile(_VERBS),
        # ... and, in its line, what every call points at: a word starting like an object (no
        # letter before it: the line break before the line, or any other character), or "stay"
        # (``stay with`` + a brand)
        object=re.compile(
            rb"[^a-z0-9_](?:us|our|telegram|whatsapp|youtube|facebook|twitter|instagram|linkedin|pinterest|tiktok|"
            rb"threads|snapchat|koo|sharechat|google|x[ \t]|update|news|stories|articles|videos|alerts|posts)|stay"
        ),
        # ... and a verb right after what may lead it (``lead``, without its word boundaries)
        lead_verb=re.compile(
            rb"(?:^|[,:;!|?-][ \t]*|(?:please|kindly|and|or|also|now|today|then|just|simply|do|&|forget[ \t]+to|"
            rb"sure[ \t]+to|remember[ \t]+to|updates?|news|stories|alerts|info|information|content|videos)[ \t]+)"
            + _VERBS
        ),
        # a quotation mark: a quoted call is reported speech
        quote=re.compile(r"[“”\"«»]"),
    )


def is_call_to_action(line: str) -> bool:
    """Is this short line a site's call to follow, subscribe, join or stay tuned?"""
    if len(line) > MAX_CHARS or len(line.split()) > MAX_WORDS or _hints().quote.search(line):
        return False
    rx = _patterns(plain(line))
    for m in rx.verb.finditer(line):
        if not rx.lead.search(line, 0, m.start()):
            continue
        rest_start = m.end()
        if m.group("stay"):
            if rx.brand.match(line, rest_start):
                return True
        elif m.group("strict"):
            if rx.object_strict.search(line, rest_start):
                return True
        elif rx.object.search(line, rest_start):
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
    hints = _hints()
    for line in candidate_lines(doc, hints.verb, low, hints.verb_at_start):
        if len(line.text) > MAX_CHARS or not hints.lead_verb.search(low[line.start : line.end]):
            continue
        # from the character before the line (a line break, or the text's start: then the
        # line is tried once more with a space in front)
        if (
            hints.object.search(low, line.start - 1, line.end)
            if line.start
            else hints.object.search(b" " + low[: line.end])
        ) and not hints.quote.search(line.text):
            yield line
