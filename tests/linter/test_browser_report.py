"""The HTML report in a real browser (Debian's chromium, driven by playwright).

Never skipped: CI installs chromium (.ci/run); a machine without it fails here loudly.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from linter.cli import main

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SELECT = ["--select", "DUP002,BPL001,BPL010"]
HOSTILE_NAME = '"><img src=x onerror=window.__pwned=4>.txt'
HOSTILE_TEXT = (
    "<script>window.__pwned=1</script>\n\n"
    'A " onmouseover="window.__pwned=2" x=" line, and the the end.\n\n'
    '<img src=x onerror="window.__pwned=3">\n'
)
FOOTER = "Thanks for reading, subscribe for free!"


@dataclass
class Report:
    url: str
    folder: Path
    #: path -> the findings the JSON reporter prints for it, in order
    findings: dict[str, list[dict[str, Any]]]

    @property
    def all(self) -> list[dict[str, Any]]:
        return [f for fs in self.findings.values() for f in fs]


def _write_articles(folder: Path) -> None:
    folder.mkdir()
    (folder / "dirty.txt").write_text("It was the best best offer.\n\nLeave a Reply\n", encoding="utf-8")
    for i in range(4):
        extra = "They met on on Friday. " if i == 0 else ""
        (folder / f"story{i}.txt").write_text(f"Story {i}. {extra}Done.\n\n{FOOTER}\n", encoding="utf-8")
    (folder / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "clean.txt").write_text("Nothing wrong here.\n", encoding="utf-8")


def _json_findings() -> dict[str, list[dict[str, Any]]]:
    """What `copydesk check --format json` finds, by path (the count the page must show)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["check", "articles", "--format", "json", "--fail-on", "never", *SELECT]) == 0
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in json.loads(out.getvalue()):
        by_path[f["path"].removeprefix("articles/")].append(f)
    return dict(by_path)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("browser")
    _write_articles(folder / "articles")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        assert main(["report", "articles", "-o", "report.html", *SELECT]) == 0
        findings = _json_findings()
    assert set(findings) == {"dirty.txt", HOSTILE_NAME, *(f"story{i}.txt" for i in range(4))}
    return Report((folder / "report.html").as_uri(), folder, findings)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, report: Report) -> Iterator[Any]:
    """A fresh page on the report; fails the test on any script error or CSP violation."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None)
    pg.goto(report.url)
    yield pg
    context.close()
    assert problems == []


def _open_article(pg: Any, path: str) -> Any:
    """Follow the overview's link to an article (hashchange is asynchronous: wait for it)."""
    pg.locator("#articles-table a", has_text=path).click()
    section = pg.locator("section.article.active")
    expect(section.locator("h2")).to_have_text(f"articles/{path}")
    expect(section).to_have_count(1)
    expect(pg.locator("#overview")).to_be_hidden()
    return section


# -- the tests --------------------------------------------------------------------------------
def test_overview_counts_equal_the_findings(page: Any, report: Report) -> None:
    expect(page.locator("#overview")).to_be_visible()
    expect(page.locator("#total-findings")).to_have_text(str(len(report.all)))
    by_sev = Counter(f["severity"] for f in report.all)
    for sev in ("error", "warning", "info"):
        expect(page.locator(f"#total-{sev}")).to_have_text(str(by_sev[sev]))
    rows = page.locator("#articles-table tbody tr")
    expect(rows).to_have_count(len(report.findings))
    for row in rows.all():
        path = row.locator("td.path").inner_text().removeprefix("articles/")
        expect(row.locator("td.shown")).to_have_text(str(len(report.findings[path])))
    expect(page.locator(".clean summary")).to_have_text("1 clean article")


def test_article_shows_every_finding_and_its_details(page: Any, report: Report) -> None:
    expected = report.findings["dirty.txt"]
    section = _open_article(page, "dirty.txt")
    expect(section.locator(".fi")).to_have_count(len(expected))
    assert section.locator("mark").count() >= len(expected)
    details = section.locator(".details")
    expect(details).to_be_hidden()
    section.locator("mark", has_text="Leave a Reply").click()
    boilerplate = next(f for f in expected if f["rule"] == "BPL001")
    expect(details).to_be_visible()
    expect(details.locator(".dmsg")).to_have_text(boilerplate["message"])
    expect(details).to_contain_text(boilerplate["suggestion"])
    expect(details).to_contain_text("Line 3, column 1")
    page.keyboard.press("k")  # previous finding: the doubled word
    doubled = next(f for f in expected if f["rule"] == "DUP002")
    expect(details.locator(".dmsg")).to_have_text(doubled["message"])
    expect(details.locator("blockquote")).to_have_text("It was the best best offer.")
    expect(details.locator("blockquote mark")).to_have_text("best")
    expect(page).to_have_url(re.compile(r"#a-\d+/f-0$"))
    page.keyboard.press("Escape")
    expect(details).to_be_hidden()
    section.locator("a.back").click()
    expect(page.locator("#overview")).to_be_visible()


def test_filters_hide_and_restore_findings(page: Any, report: Report) -> None:
    section = _open_article(page, "dirty.txt")
    mark = section.locator("mark", has_text="Leave a Reply")
    items = section.locator(".fi:visible")
    page.locator("label.chip[data-cat=boilerplate]").click()
    expect(mark).to_have_class(re.compile(r"\boff\b"))
    expect(items).to_have_count(len(report.findings["dirty.txt"]) - 1)
    expect(section.locator(".showing")).to_have_text("1 of 2 shown")
    page.locator("label.chip[data-sev=warning]").click()
    expect(items).to_have_count(0)
    page.locator("label.chip[data-cat=boilerplate]").click()
    page.locator("label.chip[data-sev=warning]").click()
    expect(mark).not_to_have_class(re.compile(r"\boff\b"))
    expect(items).to_have_count(2)
    expect(section.locator(".showing")).to_have_text("")


def test_corpus_view_links_to_the_finding(page: Any, report: Report) -> None:
    corpus = page.locator("#corpus")
    expect(corpus).to_contain_text("BPL010")
    expect(corpus).to_contain_text(f"“{FOOTER}” ×4")
    links = corpus.locator("a")
    assert sorted(links.all_inner_texts()) == [f"articles/story{i}.txt" for i in range(4)]
    links.first.click()
    details = page.locator("section.article.active .details")
    expect(details).to_be_visible()
    expect(details.locator(".dmsg")).to_contain_text("stands in 4 of")


def test_hostile_article_renders_as_text(page: Any, report: Report) -> None:
    section = _open_article(page, HOSTILE_NAME)
    source = section.locator(".src")
    expect(source).to_contain_text("<script>window.__pwned=1</script>")
    expect(source).to_contain_text('" onmouseover="window.__pwned=2" x="')
    expect(source).to_contain_text('<img src=x onerror="window.__pwned=3">')
    for line in section.locator(".ln").all():
        line.hover()
    section.locator("mark").first.click()
    expect(section.locator(".details")).to_be_visible()
    expect(page.locator("main img")).to_have_count(0)
    expect(page.locator("main script")).to_have_count(0)
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_screenshots_for_an_editor(page: Any, report: Report, tmp_path: Path) -> None:
    overview = tmp_path / "report-overview.png"
    page.screenshot(path=str(overview), full_page=True)
    section = _open_article(page, "story0.txt")
    section.locator("mark").first.click()
    expect(section.locator(".details")).to_be_visible()
    article = tmp_path / "report-article.png"
    page.screenshot(path=str(article))
    for shot in (overview, article):
        assert shot.stat().st_size > 10_000
    print(f"screenshots: {overview} {article}")
