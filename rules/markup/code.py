"""MRK004 leaked-code."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import islice
from operator import itemgetter

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.markup._shared import CODE_TALK, MARKUP_TALK, Lines, line_fix_span

_CSS_PROPS = (
    r"display|color|colou?r|background(?:-(?:color|image|position|size|repeat))?|"
    r"margin(?:-(?:top|bottom|left|right))?|padding(?:-(?:top|bottom|left|right))?|"
    r"font(?:-(?:size|weight|family|style))?|(?:max-|min-)?(?:width|height)|border(?:-[a-z]{1,12})?|"
    r"position|top|left|right|bottom|text-(?:align|decoration|transform|indent)|float|clear|"
    r"overflow(?:-[xy])?|z-index|line-height|visibility|opacity|content|vertical-align|cursor|"
    r"transform|transition|flex(?:-[a-z]{1,10})?|justify-content|align-items|box-shadow|outline|"
    r"list-style(?:-type)?|white-space|letter-spacing"
)
#: ad, analytics and consent snippets: never prose, even in a tech article
_SNIPPET = (
    r"(?:window\.)?(?:dataLayer|adsbygoogle|googletag|__tcfapi|_gaq|_paq|fbq|gtag|twttr|"
    r"instgrm|FB\.init|pbjs|apstag)(?=[ \t]*+[.(=\[|])"
)
#: each kind of anchor, with the literal triggers one of which must be on the line for it to
#: be searched there (most prose lines hold none, and the searches stay off them), and its
#: pattern (compiled the first time a trigger is found: ``_kind_pattern``)
_KINDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "snippet",
        (
            "dataLayer",
            "adsbygoogle",
            "googletag",
            "__tcfapi",
            "_gaq",
            "_paq",
            "fbq",
            "gtag",
            "twttr",
            "instgrm",
            "FB.init",
            "pbjs",
            "apstag",
        ),
        _SNIPPET,
    ),
    ("css", ("{",), rf"\{{[ \t]*+(?:{_CSS_PROPS})[ \t]*+:[^{{}}\n]{{1,300}}+\}}"),
    (
        "atrule",
        ("@media", "@font-face", "@import"),
        r"@(?:media[ \t]++(?:screen|print|all|only|\()|font-face[ \t]*+\{|import[ \t]++url\()",
    ),
    (
        "template",
        ("{{", "{%", "<%"),
        r"\{\{[^{}\n]{1,200}+\}\}|\{%[^%\n]{1,200}+%\}|<%[^%\n]{0,200}+%>",
    ),
    (
        "js",
        ("function", "=>", "document.", "window.", "var ", "let ", "const ", "jQuery(", "$(", "console.log"),
        (
            r"(?<![\w$])function[ \t]*+[\w$]{0,40}+[ \t]*+\([\w$, \t]{0,200}+\)[ \t]*+\{"
            r"|\([ \t]*+\)[ \t]*+=>[ \t]*+\{"
            r"|(?<![\w$.])(?:document|window)\.(?:write|writeln|getElementById|getElementsBy\w{1,20}|"
            r"querySelector(?:All)?|createElement|addEventListener|cookie|location|onload)(?![\w$])"
            r"|(?<![\w$])(?:var|let|const)[ \t]++[A-Za-z_$][\w$]{0,40}+[ \t]*+=[ \t]*+[^=\s][^;\n]{0,200}+;"
            r"|(?<![\w$])(?:jQuery|\$)\([ \t]*+(?:document|window|[\"'][.#]?[\w-]{1,40}+[\"'])[ \t]*+\)\."
            r"|console\.log\("
        ),
    ),
)


@cache
def _kind_pattern(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)


@cache
def _prose_run() -> regex.Pattern[str]:
    """Four words in a row: the line has prose in it."""
    return regex.compile(r"(?<![\w.$])(?:\p{L}++[,;]?[ ]){3}\p{L}{2,}+(?![\w(.$])")


@cache
def _selector() -> regex.Pattern[str]:
    """A class or id selector just before the braces (``.wp-caption{…}``)."""
    return regex.compile(r"(?:[.#][A-Za-z_][\w-]{0,60}+)++[ \t]?$")


_TALK_PER_DOC = 3
_TALK = CODE_TALK | MARKUP_TALK


#: the triggers that can lead to an anchor, each with a character that must be in the text
#: for it to be looked for (a cheap test); every match of a kind's pattern holds one of
#: them, so the lines without any cannot hold an anchor (the triggers themselves are
#: checked line by line, as before)
_NEEDLES: tuple[tuple[str, str], ...] = (
    *((name, name[0]) for name in _KINDS[0][1]),  # snippet names
    ("{", "{"),  # CSS rules, templates, functions
    ("@", "@"),  # at-rules
    ("<%", "<"),  # templates
    ("=", "="),  # var/let/const declarations (also with a tab after the keyword)
    ("document.", "."),
    ("window.", "."),
    ("$(", "$"),
    ("jQuery(", "Q"),
    ("console.log", "."),
)


def _trigger_lines(text: str) -> list[tuple[int, int]]:
    """The lines that may hold an anchor, found with plain substring searches (fast in C)."""
    found: set[tuple[int, int]] = set()
    for needle, char in _NEEDLES:
        if char not in text:
            continue
        at = text.find(needle)
        while at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end
            found.add((start, end))
            at = text.find(needle, end)
    return sorted(found)


def _anchors(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each anchor, searched only on lines where one of its triggers is."""
    for ls, le in _trigger_lines(text):
        line = text[ls:le]
        found = [
            (m.start(), m.end(), kind)
            for kind, triggers, pattern in _KINDS
            if any(t in line for t in triggers)
            for m in _kind_pattern(pattern).finditer(text, ls, le)
        ]
        for start, end, kind in sorted(found):
            yield kind, start, end


def _is_tech(doc: Document) -> bool:
    """An article about code or markup: code in it may be meant (only snippets count then)."""
    words = doc.__dict__.get("word_set")  # already computed by another rule: free
    if words is None:
        words = set(map(itemgetter(2), doc.words))
    found = _TALK.intersection(map(str.lower, words))
    if len(found) < 2:
        return False
    if len(found) >= _TALK_PER_DOC:
        return True
    # two talk words: are there three mentions? (lazy C iterators, stopping at the third)
    lowered = map(str.lower, map(itemgetter(2), doc.words))
    hits = filter(found.__contains__, lowered)
    return next(islice(hits, _TALK_PER_DOC - 1, None), None) is not None


@document_rule("MRK004", "leaked-code", category="markup", severity="warning", fixable=True)
def leaked_code(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds CSS, JavaScript and template code left in the visible text.

    What it does
    Flags the page code a scraper keeps when it takes the text of ``<script>`` and
    ``<style>`` blocks or of an unrendered template: ad and analytics snippets
    (``(adsbygoogle = window.adsbygoogle || []).push({});``, ``window.dataLayer``,
    ``googletag.cmd.push``), CSS rules (``.wp-caption{display:none}``, ``@media``),
    JavaScript (``function(){``, ``var x = …;``, ``document.getElementById``) and
    template tags (``{{ post.title }}``, ``{% if %}``). A line with no prose on it
    (no four words in a row) is flagged whole; code inside a sentence is flagged
    alone. In an article about code or markup, only ad and analytics snippets are
    flagged, and code next to words like "function" or "JavaScript" is a mention.

    Why it matters
    Code in the body is noise to the reader and shows that the import kept the page
    around the article.

    Example
        (adsbygoogle = window.adsbygoogle || []).push({});
    Use instead: delete the line.

    Fix safety
    Safe for a line made of code only (the fix deletes the line); a CSS rule or a
    template tag inside a sentence is deleted safely too. JavaScript inside a
    sentence gets no fix: where the code ends and the prose resumes is a judgement.
    """
    text = doc.text
    lines: Lines | None = None
    tech: bool | None = None
    done_line = -1
    for kind, start, end in _anchors(text):
        lines = lines or Lines.of(doc)
        ls, le = lines.around(start)
        if ls == done_line:
            continue
        if kind != "snippet":
            tech = _is_tech(doc) if tech is None else tech
            if tech:
                continue
        prose = _prose_run().search(text, ls, le) is not None
        if not prose:
            done_line = ls
            line = text[ls:le].strip()
            s = ls + text[ls:le].index(line[:1])
            yield ctx.report(
                s,
                s + len(line),
                f"Page code left in the text: “{line[:50]}{'…' if len(line) > 50 else ''}”",
                suggestion="delete the line",
                replacement="",
                safe=True,
                fix_span=line_fix_span(text, s, s + len(line)),
            )
            continue
        if kind != "snippet" and lines.talks_about(start, end, CODE_TALK):
            continue
        if kind == "css":
            sel = _selector().search(text, max(ls, start - 80), start)
            start = sel.start() if sel else start
        deletable = kind in ("css", "template")
        yield ctx.report(
            start,
            end,
            f"Page code left in the text: “{text[start:end][:50]}”",
            suggestion="delete the code",
            replacement="" if deletable else None,
            safe=deletable,
        )
