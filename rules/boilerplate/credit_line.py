"""BPL003 credit-leftover."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, partial
from types import SimpleNamespace

import regex

from linter.document import PLACEHOLDER, Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.boilerplate._layout import candidate_lines, layout_of, line_fix_span, plain, previous_line, shorten

MAX_WORDS = 10
_I = regex.IGNORECASE | regex.V1

_MEDIA = r"(?:photo(?:graph)?s?|images?|pictures?|pics?|videos?|graphics?|illustrations?|infographic|footage)"
_LABEL = (
    rf"(?:(?:featured|cover|header|top|main|representational|representative|file|stock)[ \t]++)?{_MEDIA}"
    r"(?:[ \t]++(?:credits?|source|courtesy))?"
    r"|credits?|courtesy|source|sources|image[ \t]++via|photo[ \t]++via"
)


@cache
def _patterns(plain_line: bool) -> SimpleNamespace:
    """The credit shapes, compiled on the first candidate line (not at start-up: most
    documents have none): with ``re`` for a plain line (see ``_layout.plain``), else with
    ``regex`` and full case folding."""
    if plain_line:
        compile, upper, letter = partial(re.compile, flags=re.IGNORECASE), "A-Z", "A-Za-z"
    else:
        compile, upper, letter = partial(regex.compile, flags=_I), r"\p{Lu}", r"\p{L}"
    return SimpleNamespace(
        # "Label: value" or "Label - value": a short value, not a sentence
        labelled=compile(
            rf"(?P<label>{_LABEL})[ \t]*+(?:[:：|]|[–—-](?=[ \t]))[ \t]*+"
            r"(?P<value>[^\s.!?:][^.!?:\n]{0,79}+)\.?"
        ),
        # "Photo by Jane Doe on Unsplash", "Image courtesy of NASA", "Picture: Getty"
        by=compile(
            rf"{_MEDIA}[ \t]++(?:by|via|from|courtesy(?:[ \t]++of)?|credit)[ \t]++"
            rf"(?P<value>[{upper}\d@][^.!?:\n]{{0,79}}+)\.?"
        ),
        # the BBC's caption furniture in English: "Image source, Getty Images"
        source_comma=compile(
            rf"(?:image|media|video)[ \t]++source,[ \t]*+(?P<value>[{upper}\d@][^.!?:\n]{{0,79}}+)\.?"
        ),
        # a bare label: "File photo", "Representational image"
        bare=compile(
            rf"(?:file|stock|archive|representational|representative|illustrative|symbolic)[ \t]++{_MEDIA}\.?"
            rf"|{_MEDIA}[ \t]++(?:for[ \t]++)?(?:representation|illustration)(?:[ \t]++(?:purposes?|only))*+\.?"
        ),
        # picture agencies and stock libraries that a credit names on its own
        agency=compile(
            r"\(?(?:getty[ \t]++images?|shutterstock|alamy|istock(?:photo)?|unsplash|pexels|pixabay|"
            r"ap[ \t]++photo|afp[ \t]++photo|reuters[ \t]++photo|epa-efe|pa[ \t]++images?|pa[ \t]++wire)"
            rf"(?:[ \t]*+/[ \t]*+[{letter} .'-]{{1,40}}+)?\)?\.?"
        ),
        verbish=compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|shows?|showed)\b"),
    )


_CONNECTORS = frozenset("of and on via the for de da del la le von van at in from by / & - | , x".split())


@cache
def _caption_tag() -> regex.Pattern[str]:
    return regex.compile(r"<(/?)(?:figcaption|figure|caption)\b", regex.IGNORECASE)


#: how a credit line can start (after white space and the brackets ``credit_shape`` strips):
#: the first word of a label, a "by" credit, a bare label or an agency; searched with ``re``
#: after each line break of ``Layout.ascii_lower`` ("?" stands for any other character)
_HINT_WORDS = (
    rb"feat|cover|header|top|main|represent|file|stock|photo|image|pic|video|graphic|illustr|infographic|"
    rb"footage|credit|courtes|source|media|archive|symbolic|getty|shutter|alamy|istock|unsplash|pexels|pixabay|"
    rb"ap[ \t]|afp[ \t]|reuters[ \t]|epa-|pa[ \t]"
)
_HINT_AT_START = rb"[ \t\x0b\x0c\r\x1c-\x1f?]*+[()\[\] ]*+(?:" + _HINT_WORDS + rb")"


@cache
def _hints() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """The hint after a line break, and the same at the text's start."""
    return re.compile(rb"\n" + _HINT_AT_START), re.compile(_HINT_AT_START)


def _names_a_source(value: str, rx: SimpleNamespace) -> bool:
    """Does a credit's value read like a name ("Getty Images", "Jane Doe", "@user", "web")?"""
    if rx.verbish.search(value):
        return False
    words = [w for w in value.replace("/", " / ").split() if w.lower().strip(",") not in _CONNECTORS]
    if len(words) <= 2:
        return True
    named = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w[:1] in "@#(")
    return named >= 0.6 * len(words)


def credit_shape(line: str) -> bool:
    """Is the whole line an image credit or a source label (and not a sentence)?"""
    line = line.strip("()[] ")
    if len(line) > 12 * MAX_WORDS or len(line.split()) > MAX_WORDS:
        return False
    rx = _patterns(plain(line))
    m = rx.labelled.fullmatch(line) or rx.by.fullmatch(line) or rx.source_comma.fullmatch(line)
    if m is not None:
        return _names_a_source(m.group("value"), rx)
    return bool(rx.bare.fullmatch(line) or rx.agency.fullmatch(line))


def _in_html_caption(doc: Document, start: int) -> bool:
    """In HTML input, does the line sit inside a <figure> or <figcaption> (a legitimate credit)?

    The document model does not expose element names, so this reads the source before the
    line for caption tags (bounded to a few kilobytes) and counts how many are open.
    """
    src_start, _ = doc.span(start, start)
    depth = 0
    for m in _caption_tag().finditer(doc.source, max(0, src_start - 4000), src_start):
        depth = max(0, depth - 1) if m.group(1) else depth + 1
    return depth > 0


def _after_image(doc: Document, start: int) -> bool:
    """In Markdown and HTML, a credit right under an image is that image's caption."""
    if doc.format == "text":
        return False
    before = previous_line(doc, start)
    return before is not None and before.text.strip(PLACEHOLDER + " *_") == ""


@document_rule("BPL003", "credit-leftover", category="boilerplate", severity="warning", fixable=True)
def credit_leftover(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a picture credit or a source label standing alone in the body.

    What it does
    Flags a short line (at most 10 words) that is only a credit: a label and a
    short value ("Source: Web", "Photo: Getty Images", "Image credit: Jane Doe",
    "Picture - AFP"), a "by" credit ("Photo by Jane Doe on Unsplash", "Image
    courtesy of NASA"), a bare label ("File photo", "Representational image") or a
    picture agency alone ("Getty Images", "AP Photo/Jane Doe"), and the BBC's
    "Image source, Getty Images". A line with a verb
    in its value is a sentence, not a credit ("Source: the ministry said…"). Stays
    silent on a credit that is a caption: inside a ``<figure>`` in HTML input,
    or right under an image in Markdown.

    Why it matters
    The picture it credited did not survive the import; the credit now floats in
    the text and reads as a stray fragment.

    Example
        Source: Web
    Use instead: delete the line (or restore the picture it belongs to).

    Fix safety
    Unsafe: deleting the line is suggested, but a credit may be required by the
    picture's licence if the picture is restored; an editor decides.
    """
    low = layout_of(doc).ascii_lower
    hint, at_start = _hints()
    for line in candidate_lines(doc, None if low is None else hint, low, at_start):
        if not credit_shape(line.text):
            continue
        if _after_image(doc, line.start) or (doc.format == "html" and _in_html_caption(doc, line.start)):
            continue
        yield ctx.report(
            line.start,
            line.end,
            f"Picture credit or source label left without its picture: “{shorten(line.text)}”",
            suggestion="delete the line",
            replacement="",
            safe=False,
            fix_span=line_fix_span(doc.text, line.start, line.end),
        )
