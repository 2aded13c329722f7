"""BPL005 breadcrumb-trail."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace

import regex

from linter.document import Document
from linter.findings import Report
from linter.rule import Context, document_rule
from rules.boilerplate._layout import layout_of, line_fix_span, shorten
from rules.boilerplate._sections import section_prefixes, sections


@cache
def _patterns() -> SimpleNamespace:
    """Compiled on first use, not at start-up."""
    return SimpleNamespace(
        # breadcrumb separators: arrows and chevrons anywhere, slashes and bars between spaces
        separator=regex.compile(r"[ \t]*+(?:»|›|→|>>?|::|&gt;)[ \t]*+|[ \t]++[/|·•][ \t]++"),
        home=regex.compile(r"home(?:[ \t]?page)?", regex.IGNORECASE),
        normalize=re.compile(r"[\W_]+"),
        words=regex.compile(r"\S++"),
    )


@cache
def _candidate() -> re.Pattern[str]:
    """A cheap first test: the line starts with "Home" or holds a separator (``re``: no
    character folds to one of "home" in either module)."""
    return re.compile(r"(?i:home)|.*?(?:»|›|→|>|::|&gt;|[ \t][/|·•][ \t])")


MAX_CRUMB_WORDS = 5
MAX_TITLE_WORDS = 25
#: how many non-blank lines from the top are searched for the headline a trail repeats
HEADLINE_LINES = 10


def _norm(text: str) -> str:
    return _patterns().normalize.sub(" ", text.casefold()).strip()


def _is_crumb(segment: str) -> bool:
    return 0 < len(segment.split()) <= MAX_CRUMB_WORDS


def _separated(line: str) -> int | None:
    """For "Home » News » Title", the offset where the last segment (the title) starts."""
    rx = _patterns()
    seps = list(rx.separator.finditer(line))
    if not seps:
        return None
    first = line[: seps[0].start()]
    if not (rx.home.fullmatch(first.strip()) or (len(seps) >= 2 and first.strip().lower() in sections())):
        return None
    crumbs = [line[a.end() : b.start()] for a, b in zip(seps, seps[1:], strict=False)]
    title = line[seps[-1].end() :]
    if not all(_is_crumb(c) for c in [first, *crumbs]) or len(title.split()) > MAX_TITLE_WORDS:
        return None
    return seps[-1].end()


def _home_sections(line: str, headlines: set[str]) -> tuple[int, bool] | None:
    """For "Home Updates Politics US Rejects…": (offset where the title starts, title repeated?)."""
    words = line.split()
    if len(words) < 2 or not _patterns().home.fullmatch(words[0]):
        return None
    ends = section_prefixes(words[1:])
    if not ends:
        return None
    for k in sorted(ends, reverse=True):
        title = words[1 + k :]
        if not title or _norm(" ".join(title)) in headlines:
            return _offset_of_word(line, 1 + k), True
    k = max(ends)
    title = words[1 + k :]
    if k < 2 or len(title) < 3 or not title[0][:1].isupper():
        return None
    return _offset_of_word(line, 1 + k), False


def _offset_of_word(line: str, n: int) -> int:
    """Where the n-th word (0-based) of the line starts; the line's length past the last."""
    starts = [m.start() for m in _patterns().words.finditer(line)]
    return starts[n] if n < len(starts) else len(line)


@document_rule("BPL005", "breadcrumb-trail", category="boilerplate", severity="warning", fixable=True)
def breadcrumb_trail(doc: Document, ctx: Context) -> Iterator[Report]:
    """Finds a breadcrumb trail ("Home » News » World") at the top of the article.

    What it does
    Flags a line above the first paragraph of prose (or below the last one) that is
    a site's breadcrumb: "Home" or a section name followed by sections and the page
    title, joined by separators ("Home » News » Title", "News > World > Europe",
    "Home / Politics / Title"), or, when the scraper dropped the separators, "Home"
    followed by section names and the headline ("Home Updates Politics US Rejects…").
    Without separators the trail must either repeat a headline found near the top
    or name at least two sections, so that "Home Office officials said…" or
    "Home Health Aides Win Raise" stay silent.

    Why it matters
    The trail is the page's navigation, not part of the story; in the text it
    glues section names to the headline.

    Example
        Home Updates Politics US Rejects Russian Demand
        US Rejects Russian Demand
    Use instead: delete the first line.

    Fix safety
    Safe when the whole line is navigation: the trail's title repeats a headline
    found near the top, is itself a section name, or there is no title. Otherwise
    only the trail before the title is offered for deletion, unsafely (the title
    may be the only headline).
    """
    layout = layout_of(doc)
    top = layout.head[:HEADLINE_LINES]
    near_top: list[str] | None = None
    for line in layout.margin:
        if not _candidate().match(line.text):
            continue
        text = line.text
        if near_top is None:
            near_top = [_norm(x.text) for x in top]
        i = next((j for j, x in enumerate(top) if x.start == line.start), -1)
        headlines = {h for j, h in enumerate(near_top) if j != i}
        title_at = _separated(text)
        repeated = title_at is not None and (
            _norm(text[title_at:]) in headlines or _norm(text[title_at:]) in sections()
        )
        if title_at is None:
            found = _home_sections(text, headlines)
            if found is None:
                continue
            title_at, repeated = found
        whole = repeated or title_at >= len(text)
        crumbs_end = line.start + (len(text) if whole else len(text[:title_at].rstrip()))
        if whole:
            replacement, fix_span, safe = "", line_fix_span(doc.text, line.start, line.end), True
        else:
            replacement, fix_span, safe = "", (line.start, line.start + title_at), False
        yield ctx.report(
            line.start,
            crumbs_end,
            f"Breadcrumb trail of the source page: “{shorten(doc.text[line.start : crumbs_end])}”",
            suggestion="delete the line" if whole else "delete the trail before the title",
            replacement=replacement,
            safe=safe,
            fix_span=fix_span,
        )
