"""MRK007 leaked-media-path."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.markup._shared import CODE_TALK, FILE_TALK, MARKUP_TALK, Lines, line_fix_span

_TRAILING = ".,;:!?…"


@cache
def _patterns() -> SimpleNamespace:
    """Compiled for the first text with a media extension, not at start-up."""
    return SimpleNamespace(
        # a run of characters a URL or a path can hold; read once, possessively
        token=regex.compile(r"[^\s\"'<>()\[\]{}|]++"),
        media=regex.compile(
            r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|jfif|mp4|webm|m4v)(?:\?[^\s]*+)?$", regex.IGNORECASE
        ),
        # the nearest character before a hit that cannot be part of a token (searched backwards)
        token_start=regex.compile(r"(?r)[\s\"'<>()\[\]{}|]"),
        scheme=regex.compile(r"https?://|//[a-z0-9-]++\.", regex.IGNORECASE),
        domain_start=regex.compile(r"(?:[a-z0-9-]++\.)++[a-z]{2,12}/", regex.IGNORECASE),
        # what CMSs and CDNs put in the paths they generate
        generated=regex.compile(
            r"wp-content|/uploads?/|/media/|/images?/|/img/|/assets/|/static/|/cdn|cdn[.-]|cpsprod|"
            r"/\d{2,4}/|/\d{2,4}x\d{2,4}/|[_-]\d{5,}|[0-9a-f]{8}-[0-9a-f]{4}|-\d{2,4}x\d{2,4}\.",
            regex.IGNORECASE,
        ),
        # a sentence glued to the path: "reopened.wp-content/…" (not a domain: no TLD before "/")
        glued_word=regex.compile(r"\p{L}++[.,;:!?]++(?=[\w/])"),
        descriptor=regex.compile(r"[ \t]++\d{1,5}(?:w|x)\b"),
    )


@cache
def _hint() -> re.Pattern[str]:
    """Where to look: a media extension (the token is then read around it). Searched with
    ``re`` (a literal first character: fast) and without requiring the token to end there:
    the extra hits give tokens that end in no media extension, which the ``media`` test
    drops."""
    return re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|jfif|mp4|webm|m4v)", re.IGNORECASE)


def _mention(lines: Lines, start: int, end: int) -> bool:
    return any(lines.talks_about(start, end, talk) for talk in (FILE_TALK, MARKUP_TALK, CODE_TALK))


def _verdict(text: str, token: str, start: int, end: int, lines: Lines) -> str | None:
    """Why the media URL/path/file name is leaked markup, or None to stay silent."""
    alone = lines.alone(start, end) is not None
    rx = _patterns()
    scheme = rx.scheme.search(token)
    if scheme:
        if scheme.start() > 0:
            return "an image URL glued to a word"
        return "an image URL standing alone on its line" if alone else None
    if alone:
        return "an image path standing alone on its line"
    if "/" in token:
        if rx.domain_start.match(token) and not rx.generated.search(token):
            return None  # example.com/a.png in a sentence: a bare link
        if rx.generated.search(token) or not _mention(lines, start, end):
            return "an image path from the page's markup"
        return None
    return None if _mention(lines, start, end) else "an image file name"


def _tokens(text: str) -> Iterator[regex.Match[str]]:
    """The tokens that hold a media extension, each read once (linear in the text)."""
    done = 0
    rx: SimpleNamespace | None = None
    for hit in _hint().finditer(text):
        if hit.start() < done:
            continue
        rx = rx or _patterns()
        boundary = rx.token_start.search(text, done, hit.start())
        token = rx.token.match(text, boundary.end() if boundary else done)
        if token is None:
            continue
        done = max(token.end(), hit.end())
        yield token


@document_rule("MRK007", "leaked-media-path", category="markup", severity="warning", fixable=True)
def leaked_media_path(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds image and video URLs, paths and file names left in the text by a scraper.

    What it does
    Flags a URL, a path or a file name ending in an image or video extension
    (``.jpg``, ``.webp``, ``.png``, ``.mp4``…) when it is left over from the page's
    markup: a path a CMS or a CDN generated (``wp-content/uploads/2021/01/a.png``,
    ``news/624/cpsprodpb/…jpg``), a URL glued to a word (``Photohttps://…/a.jpg``), a
    URL or path alone on its line, or a file name in running text
    (``bordersource.jpg``, ``IMG_2041.jpg``). Stays silent on a bare link in a
    sentence ("see https://example.org/map.png"), on a short path or a file name in
    a sentence about files or code ("save it as logo.png"), and on URLs inside a
    srcset list, an HTML attribute or a Markdown image (other rules report those).

    Why it matters
    A picture that did not survive the import leaves its address in the prose; the
    reader stumbles on it mid-sentence.

    Example
        The port reopened.wp-content/uploads/2022/03/port-1024x683.jpg Ships queued.
    Use instead: delete the path.

    Fix safety
    Safe when the URL or path stands alone on its line (the line is deleted) or
    starts after a space (the path is deleted). A file name or a URL glued to a word
    gets no fix: where the word ends is a judgement.
    """
    text = doc.text
    lines: Lines | None = None
    for m in _tokens(text):
        rx = _patterns()
        token = m.group().rstrip(_TRAILING)
        if not rx.media.search(token):
            continue
        start, end = m.start(), m.start() + len(token)
        glued = rx.glued_word.match(token)
        if glued and not rx.scheme.search(token) and not rx.domain_start.match(token) and "/" in token:
            token, start = token[glued.end() :], start + glued.end()
        before = text[max(0, start - 2) : start]
        if before.endswith("=") or before in ('="', "='", "](") or rx.descriptor.match(text, end):
            continue
        lines = lines or Lines.of(doc)
        reason = _verdict(text, token, start, end, lines)
        if reason is None:
            continue
        replacement: str | None = None
        fix_span = None
        line = lines.alone(start, end)
        if line is not None:
            replacement, fix_span = "", line_fix_span(text, *line)
        elif "/" in token and not rx.scheme.search(token) and (start == 0 or not text[start - 1].isalnum()):
            replacement, fix_span = "", (start - 1 if start and text[start - 1] == " " else start, end)
        shown = token if len(token) <= 50 else token[:30] + "…" + token[-17:]
        yield ctx.report(
            start,
            end,
            f"Leftover of an image: {reason} “{shown}”",
            suggestion="delete it" if replacement is not None else "delete the leftover, keep the words",
            replacement=replacement,
            safe=replacement is not None,
            fix_span=fix_span,
        )
