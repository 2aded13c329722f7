"""A self-contained HTML report for editors: an overview, then every article highlighted.

One file, no network: the CSS and the script are inline, and a Content-Security-Policy
lets only the report's own script (by nonce) run, so nothing in an article can execute
even if it slipped past escaping. Every piece of article text, path and message is
escaped with ``html.escape``; the findings the script needs travel as JSON in a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028 and U+2029
written as ``\\uXXXX`` escapes.

Overlapping findings are shown by cutting the text into segments at every finding
boundary (and at every line break); each segment knows all the findings covering it.
"""

from __future__ import annotations

import html
import json
import os
import re
import secrets
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from typing import Any, TextIO

from linter.findings import CATEGORIES, Finding, Severity
from linter.rule import Rule
from linter.runner import RunResult

#: how much a finding weighs when ranking articles by how much needs fixing
WEIGHTS = {Severity.ERROR: 5, Severity.WARNING: 2, Severity.INFO: 1}
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
WORST_RULES = 10
MAX_FLAGGED = 160
#: characters of the line shown on each side of the flagged text in the details panel
CONTEXT = 60
_BREAK = re.compile(r"\r\n|\r|\n")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def esc(text: object) -> str:
    """Escape text for an HTML element or a quoted attribute."""
    return html.escape(str(text), quote=True)


def script_json(data: Any) -> str:
    """JSON safe to embed in a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], raw)


# -- the model ----------------------------------------------------------------------------
@dataclass
class Article:
    """One article with findings, in ranking order (``rank`` 0 needs the most work)."""

    rank: int
    path: str
    source: str
    findings: list[Finding]

    @property
    def score(self) -> int:
        return score(self.findings)

    def flagged(self, f: Finding) -> str:
        text = self.source[f.start : f.end]
        return text if len(text) <= MAX_FLAGGED else text[: MAX_FLAGGED - 1] + "…"

    def context(self, f: Finding) -> tuple[str, str]:
        """Up to ``CONTEXT`` characters of the flagged text's line before and after it."""
        line_start = max(self.source.rfind("\n", 0, f.start), self.source.rfind("\r", 0, f.start)) + 1
        ends = [i for i in (self.source.find("\n", f.end), self.source.find("\r", f.end)) if i >= 0]
        line_end = min(ends, default=len(self.source))
        before = self.source[max(line_start, f.start - CONTEXT) : f.start]
        after = self.source[f.end : min(line_end, f.end + CONTEXT)] if f.end <= line_end else ""
        return (
            ("…" if f.start - CONTEXT > line_start else "") + before,
            after + ("…" if f.end + CONTEXT < line_end else ""),
        )


def score(findings: Iterable[Finding]) -> int:
    """How much an article needs fixing: findings weighted by severity."""
    return sum(WEIGHTS[f.severity] for f in findings)


def rank(result: RunResult, sources: Mapping[str, str]) -> list[Article]:
    """Articles with findings, most work first (ties by path)."""
    files = [r for r in result.files if r.findings and r.path in sources]
    files.sort(key=lambda r: (-score(r.findings), display_path(r.path)))
    return [Article(i, display_path(r.path), sources[r.path], list(r.findings)) for i, r in enumerate(files)]


def display_path(path: str) -> str:
    """A path as an editor reads it: ``./news/a.txt`` is ``news/a.txt``."""
    return os.path.normpath(path) if path not in ("-", "") else path


# -- segments ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Segment:
    """A run of source text ``[start, end)`` and the findings (indexes) covering all of it."""

    start: int
    end: int
    cover: tuple[int, ...]


def display_span(source: str, f: Finding) -> tuple[int, int]:
    """The span to highlight: a zero-width finding is widened to one visible character."""
    n = len(source)
    start, end = min(max(f.start, 0), n), min(max(f.end, 0), n)
    if end > start:
        return start, end
    if start < n and source[start] not in "\r\n":
        return start, start + 1
    return (start - 1, start) if start > 0 else (start, min(start + 1, n))


def line_bounds(source: str) -> list[tuple[int, int]]:
    """(start, end before the line break) of every line."""
    out, pos = [], 0
    for m in _BREAK.finditer(source):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(source)))
    return out


def segments(source: str, spans: Sequence[tuple[int, int]]) -> list[list[Segment]]:
    """The text of each line cut at every span boundary, each piece with its covering spans."""
    lines = line_bounds(source)
    starts_at: dict[int, list[int]] = defaultdict(list)
    ends_at: dict[int, list[int]] = defaultdict(list)
    for i, (s, e) in enumerate(spans):
        starts_at[s].append(i)
        ends_at[e].append(i)
    cuts = sorted({0, len(source), *starts_at, *ends_at, *(p for line in lines for p in line)})
    line_starts = [s for s, _ in lines]
    out: list[list[Segment]] = [[] for _ in lines]
    active: set[int] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ends_at.get(a, ()))
        active.update(starts_at.get(a, ()))
        n = bisect_right(line_starts, a) - 1
        if a < lines[n][1]:  # inside the line's text, not its line break
            out[n].append(Segment(a, b, tuple(sorted(active))))
    return out


# -- pieces of HTML -----------------------------------------------------------------------
def _top(findings: Sequence[Finding], cover: tuple[int, ...]) -> Finding:
    """The finding that colours a segment: most severe first, then the earliest."""
    return min((findings[i] for i in cover), key=lambda f: (-f.severity, f.start, f.rule))


def _hover(f: Finding) -> str:
    tail = f" — suggestion: {f.suggestion}" if f.suggestion else ""
    return f"{f.rule} ({f.severity}): {f.message}{tail}"


def _mark(text: str, findings: Sequence[Finding], cover: tuple[int, ...]) -> str:
    top = _top(findings, cover)
    title = "\n".join(_hover(findings[i]) for i in cover)
    multi = ' data-multi=""' if len(cover) > 1 else ""
    return (
        f'<mark tabindex="0" data-f="{" ".join(map(str, cover))}" data-cat="{esc(top.category)}"'
        f' data-sev="{top.severity}"{multi} title="{esc(title)}">{esc(text)}</mark>'
    )


def render_source(source: str, findings: Sequence[Finding]) -> str:
    """The article's source, line by line, every finding highlighted in place."""
    spans = [display_span(source, f) for f in findings]
    rows = []
    for number, line in enumerate(segments(source, spans), 1):
        body = "".join(
            _mark(source[s.start : s.end], findings, s.cover) if s.cover else esc(source[s.start : s.end]) for s in line
        )
        blank = "" if line else " blank"
        rows.append(f'<div class="ln{blank}"><span class="no">{number}</span><span class="tx">{body}</span></div>')
    return "".join(rows)


def _badge(severity: Severity) -> str:
    return f'<span class="sev" data-sev="{severity}">{severity}</span>'


def _cat(category: str) -> str:
    return f'<span class="cat" data-cat="{esc(category)}">{esc(category)}</span>'


def _bar(value: int, most: int, category: str = "") -> str:
    width = 100 * value / most if most else 0
    return f'<span class="bar" data-cat="{esc(category)}" style="width:{width:.1f}%"></span>'


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# -- the overview -------------------------------------------------------------------------
def _cards(result: RunResult, articles: Sequence[Article]) -> str:
    findings = result.findings
    by_sev = Counter(f.severity for f in findings)
    cards = [
        ("total-findings", len(findings), "findings", ""),
        *((f"total-{s}", by_sev[s], f"{s}{'' if s == Severity.INFO else 's'}", str(s)) for s in SEVERITIES),
        ("total-articles", len(articles), f"of {len(result.files)} articles to fix", ""),
    ]
    return (
        '<div class="cards">'
        + "".join(
            f'<div class="card" data-sev="{sev}"><b id="{id_}">{n}</b><span>{esc(label)}</span></div>'
            for id_, n, label, sev in cards
        )
        + "</div>"
    )


def _category_chart(findings: Sequence[Finding]) -> str:
    counts = Counter(f.category for f in findings)
    most = max(counts.values(), default=0)
    rows = "".join(
        f'<tr><th>{_cat(c)}</th><td class="num">{counts[c]}</td>'
        f'<td class="barcell">{_bar(counts[c], most, c)}</td></tr>'
        for c in sorted(counts, key=lambda c: (-counts[c], CATEGORIES.index(c) if c in CATEGORIES else 99))
    )
    return f'<section class="panel"><h2>By category</h2><table class="chart">{rows}</table></section>'


def _rules_table(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    counts = Counter(f.rule for f in findings)
    worst = sorted(counts, key=lambda code: (-counts[code], code))[:WORST_RULES]
    most = max(counts.values(), default=0)
    rows = []
    for code in worst:
        rule = rules.get(code)
        name, category = (rule.name, rule.category) if rule else ("", "")
        rows.append(
            f'<tr><th><code>{esc(code)}</code> {esc(name)}</th><td class="num">{counts[code]}</td>'
            f'<td class="barcell">{_bar(counts[code], most, category)}</td></tr>'
        )
    return f'<section class="panel"><h2>Worst rules</h2><table class="chart">{"".join(rows)}</table></section>'


def _mix(findings: Sequence[Finding], scale: float) -> str:
    """A stacked bar of an article's findings by category, as wide as its share of the top score."""
    counts = Counter(f.category for f in findings)
    total = sum(counts.values())
    parts = "".join(
        f'<span data-cat="{esc(c)}" style="width:{100 * counts[c] / total:.1f}%" title="{esc(c)}: {counts[c]}"></span>'
        for c in sorted(counts, key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else 99)
    )
    return f'<span class="mix" style="width:{100 * scale:.1f}%">{parts}</span>'


def _article_row(a: Article, top_score: int) -> str:
    by_sev = Counter(f.severity for f in a.findings)
    counts = "".join(f'<td class="num" data-sev="{s}">{by_sev[s] or ""}</td>' for s in SEVERITIES)
    return (
        f'<tr><td class="num rank">{a.rank + 1}</td>'
        f'<td class="path"><a href="#a-{a.rank}">{esc(a.path)}</a></td>'
        f'<td class="num score">{a.score}</td>{counts}'
        f'<td class="num shown" data-a="{a.rank}">{len(a.findings)}</td>'
        f'<td class="mixcell">{_mix(a.findings, a.score / top_score if top_score else 0)}</td></tr>'
    )


def _articles_table(articles: Sequence[Article], clean: Sequence[str]) -> str:
    top = max((a.score for a in articles), default=0)
    head = (
        '<tr><th class="num">#</th><th>Article</th>'
        '<th class="num" title="errors ×5, warnings ×2, info ×1">Score</th>'
        '<th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th>'
        '<th class="num" title="findings matching the filters">Shown</th><th>Mix</th></tr>'
    )
    body = "".join(_article_row(a, top) for a in articles)
    table = f'<table class="articles" id="articles-table"><thead>{head}</thead><tbody>{body}</tbody></table>'
    if not articles:
        table = '<p class="empty">No findings: every article is clean.</p>'
    return f'<section class="panel wide"><h2>Articles, most to fix first</h2>{table}{_clean_list(clean)}</section>'


def _clean_list(clean: Sequence[str]) -> str:
    if not clean:
        return ""
    items = "".join(f"<li>{esc(p)}</li>" for p in clean)
    summary = _plural(len(clean), "clean article")
    return f'<details class="clean"><summary>{summary}</summary><ul>{items}</ul></details>'


def _corpus_groups(articles: Sequence[Article], rules: Mapping[str, Rule]) -> dict[str, dict[tuple, Any]]:
    """Corpus-rule findings: rule -> (message, suggestion) -> forms and articles."""
    groups: dict[str, dict[tuple, Any]] = defaultdict(dict)
    for a in articles:
        for i, f in enumerate(a.findings):
            rule = rules.get(f.rule)
            if rule is None or not rule.is_corpus:
                continue
            g = groups[f.rule].setdefault((f.message, f.suggestion), {"forms": Counter(), "articles": {}})
            g["forms"][a.flagged(f)] += 1
            first, n = g["articles"].get(a.rank, (i, 0))
            g["articles"][a.rank] = (first, n + 1)
    return groups


def _corpus_row(key: tuple, group: dict[str, Any], articles: Sequence[Article]) -> str:
    message, suggestion = key
    forms = "".join(f"<li>“{esc(t)}”{f' ×{n}' if n > 1 else ''}</li>" for t, n in group["forms"].most_common(6))
    links = "".join(
        f'<li><a href="#a-{rank}/f-{first}">{esc(articles[rank].path)}</a>{f" ×{n}" if n > 1 else ""}</li>'
        for rank, (first, n) in sorted(group["articles"].items())
    )
    sugg = f'<span class="sugg">{esc(suggestion)}</span>' if suggestion else ""
    return (
        f'<tr><td><span class="msg">{esc(message)}</span>{sugg}</td>'
        f'<td><ul class="forms">{forms}</ul></td><td><ul class="arts">{links}</ul></td></tr>'
    )


def _corpus_view(articles: Sequence[Article], rules: Mapping[str, Rule]) -> str:
    groups = _corpus_groups(articles, rules)
    if not groups:
        return ""
    head = "<thead><tr><th>Finding</th><th>Forms found</th><th>Articles</th></tr></thead>"
    blocks = []
    for code in sorted(groups):
        rule = rules[code]
        rows = "".join(_corpus_row(k, g, articles) for k, g in sorted(groups[code].items(), key=_group_order))
        blocks.append(
            f'<div class="crule"><h3><code>{esc(code)}</code> {esc(rule.name)} {_cat(rule.category)}</h3>'
            f'<table class="corpus">{head}<tbody>{rows}</tbody></table></div>'
        )
    return f'<section class="panel wide" id="corpus"><h2>Across the corpus</h2>{"".join(blocks)}</section>'


def _group_order(item: tuple[tuple, dict[str, Any]]) -> tuple[int, str]:
    (message, _), group = item
    return (-len(group["articles"]), message)


def _problems(result: RunResult) -> str:
    """Files that could not be read or linted, then the run's notes."""
    out = ""
    for title, lines in (("Problems", [str(e) for e in result.errors]), ("Notes", result.notices)):
        if lines:
            items = "".join(f"<li>{esc(line)}</li>" for line in lines)
            out += f'<section class="panel wide problems"><h2>{title}</h2><ul>{items}</ul></section>'
    return out


def overview(result: RunResult, articles: Sequence[Article], rules: Mapping[str, Rule]) -> str:
    findings = result.findings
    with_findings = {a.path for a in articles}
    clean = [display_path(r.path) for r in result.files if display_path(r.path) not in with_findings]
    return (
        '<section class="view" id="overview"><div class="grid">'
        f"{_cards(result, articles)}{_category_chart(findings)}{_rules_table(findings, rules)}"
        f"{_articles_table(articles, clean)}{_corpus_view(articles, rules)}{_problems(result)}"
        "</div></section>"
    )


# -- one article --------------------------------------------------------------------------
def _finding_item(i: int, f: Finding) -> str:
    return (
        f'<li><button type="button" class="fi" data-i="{i}"'
        f' data-cat="{esc(f.category)}" data-sev="{f.severity}">'
        f'<span class="dot"></span><span class="where">{f.line}:{f.column}</span>'
        f'<span class="what"><code>{esc(f.rule)}</code> {esc(f.message)}</span></button></li>'
    )


def _article_nav(a: Article, total: int) -> str:
    prev = f'<a href="#a-{a.rank - 1}" rel="prev">← previous</a>' if a.rank > 0 else "<span></span>"
    nxt = f'<a href="#a-{a.rank + 1}" rel="next">next →</a>' if a.rank + 1 < total else "<span></span>"
    return (
        f'<nav class="artnav"><a href="#overview" class="back">↑ Overview</a>'
        f'<span class="pager">{prev}<span>{a.rank + 1} / {total}</span>{nxt}</span></nav>'
    )


def article_section(a: Article, total: int) -> str:
    by_sev = Counter(f.severity for f in a.findings)
    summary = " · ".join(f"{_badge(s)} {by_sev[s]}" for s in SEVERITIES if by_sev[s])
    items = "".join(_finding_item(i, f) for i, f in enumerate(a.findings))
    return (
        f'<section class="view article" id="a-{a.rank}" data-a="{a.rank}">{_article_nav(a, total)}'
        f'<header class="arthead"><h2>{esc(a.path)}</h2><p>{summary}'
        f' <span class="showing" data-a="{a.rank}"></span></p></header>'
        f'<div class="layout"><div class="src">{render_source(a.source, a.findings)}</div>'
        f'<aside class="side"><div class="details" hidden></div>'
        f'<p class="hint">Click a highlight or a finding · <kbd>j</kbd>/<kbd>k</kbd> next/previous</p>'
        f'<ol class="flist">{items}</ol></aside></div></section>'
    )


# -- filters, data and the page -----------------------------------------------------------
def _filters(findings: Sequence[Finding]) -> str:
    cats = Counter(f.category for f in findings)
    sevs = Counter(f.severity for f in findings)
    cat_boxes = "".join(
        f'<label class="chip" data-cat="{esc(c)}"><input type="checkbox" name="cat" value="{esc(c)}" checked>'
        f'<span class="sw"></span>{esc(c)} <small>{cats[c]}</small></label>'
        for c in sorted(cats, key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else 99)
    )
    sev_boxes = "".join(
        f'<label class="chip" data-sev="{s}"><input type="checkbox" name="sev" value="{s}" checked>'
        f'<span class="sw"></span>{s} <small>{sevs[s]}</small></label>'
        for s in SEVERITIES
        if sevs[s]
    )
    return f'<form class="filters" id="filters"><div>{cat_boxes}</div><div>{sev_boxes}</div></form>'


def _finding_data(a: Article, f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "name": f.name,
        "category": f.category,
        "severity": str(f.severity),
        "message": f.message,
        "suggestion": f.suggestion,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "text": a.flagged(f),
        "context": list(a.context(f)),
        "safe_fix": bool(f.fix is not None and f.fix.safe),
    }


def _summary(rule: Rule) -> str:
    return next((line.strip() for line in rule.doc.splitlines() if line.strip()), "")


def report_data(articles: Sequence[Article], rules: Mapping[str, Rule]) -> dict[str, Any]:
    """What the page's script needs: every finding, and a line about every rule used."""
    used = sorted({f.rule for a in articles for f in a.findings})
    return {
        "articles": [{"path": a.path, "findings": [_finding_data(a, f) for f in a.findings]} for a in articles],
        "rules": {c: {"name": rules[c].name, "summary": _summary(rules[c])} for c in used if c in rules},
    }


def _asset(name: str) -> str:
    return resources.files("linter.reporters").joinpath(name).read_text(encoding="utf-8")


@dataclass
class Page:
    """Page-level settings (the title, when it was made, the CSP nonce)."""

    title: str = "copydesk report"
    generated: str = field(default_factory=lambda: datetime.now().strftime("%Y-%m-%d %H:%M"))
    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(18))


def build(result: RunResult, rules: Mapping[str, Rule], sources: Mapping[str, str], page: Page | None = None) -> str:
    """The whole report as one HTML string."""
    page = page or Page()
    articles = rank(result, sources)
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'nonce-{page.nonce}'; base-uri 'none'; form-action 'none'"
    )
    n = len(result.findings)
    data = script_json(report_data(articles, rules))
    body = overview(result, articles, rules) + "".join(article_section(a, len(articles)) for a in articles)
    return (
        "<!DOCTYPE html>\n<!-- copydesk: ignore-file -->\n"  # a report saved among the articles
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(page.title)}</title><style>{_asset('report.css')}</style></head><body>"
        f'<header class="top"><a class="brand" href="#overview">copydesk<span>report</span></a>'
        f'<span class="meta">{_plural(len(result.files), "article")} · {_plural(n, "finding")}'
        f" · {esc(page.generated)}</span>"
        f"{_filters(result.findings)}</header><main>{body}</main>"
        f'<script type="application/json" id="copydesk-data">{data}</script>'
        f'<script nonce="{esc(page.nonce)}">{_asset("report.js")}</script></body></html>\n'
    )


def render(
    result: RunResult,
    rules: Mapping[str, Rule],
    sources: Mapping[str, str],
    out: TextIO,
    page: Page | None = None,
) -> None:
    out.write(build(result, rules, sources, page))
