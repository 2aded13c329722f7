"""BPL005 breadcrumb-trail."""

from __future__ import annotations

import pytest

from tests.helpers import run_rule
from tests.rules.boilerplate.common import ARTICLE, apply_fixes

CODE = "BPL005"
HEADLINE = "US Rejects Russian Demand to Block Ukraine from NATO"


def page(first: str, headline: str = HEADLINE) -> str:
    return f"{first}\n\n{headline}\n\n{ARTICLE}\n"


FIRES = {
    "chevrons": (f"Home » News » World » {HEADLINE}", f"Home » News » World » {HEADLINE}"),
    "greater-than": ("Home > World > Europe > Talks resume", "Home > World > Europe >"),
    "home-page-bullets": ("Home page • Opinion • Sport", "Home page • Opinion • Sport"),
    "slashes": (f"Home / Politics / {HEADLINE}", f"Home / Politics / {HEADLINE}"),
    "sections-without-home": ("News > World > Europe", "News > World > Europe"),
    "scraped-without-separators": (f"Home Updates Politics {HEADLINE}", f"Home Updates Politics {HEADLINE}"),
    "section-named-like-headline-start": (f"Home Updates US {HEADLINE}", f"Home Updates US {HEADLINE}"),
    "trail-only": ("Home News World", "Home News World"),
    "two-sections-new-title": ("Home World Europe Ferry Strike Ends After Nine Days", "Home World Europe"),
}

SILENT = {
    "home-office": "Home Office officials said the new rules would take effect in April",
    "home-health-headline": "Home Health Aides Win Pay Rise",
    "home-secretary": "Home Secretary resigns",
    "one-section-new-title": "Home News Ferry Strike Ends After Nine Days",
    "no-home-one-separator": "Politics > Economics, the minister said",
    "long-crumb": "Home » The long and winding road to a deal on grain » Talks",
}


@pytest.mark.parametrize(("line", "flagged"), FIRES.values(), ids=FIRES.keys())
def test_fires(line: str, flagged: str) -> None:
    text = page(line)
    [f] = run_rule(CODE, text)
    assert text[f.start : f.end] == flagged
    assert (f.line, f.column) == (1, 1)


@pytest.mark.parametrize("line", SILENT.values(), ids=SILENT.keys())
def test_stays_silent(line: str) -> None:
    assert run_rule(CODE, page(line, headline="Talks on grain resume")) == []


def test_trail_in_the_middle_of_the_article_stays_silent() -> None:
    text = f"{HEADLINE}\n\n{ARTICLE}\n\nHome » News » World\n\n{ARTICLE}\n"
    assert run_rule(CODE, text) == []


def test_whole_line_is_deleted_safely_when_the_headline_repeats() -> None:
    text = page(f"Home Updates Politics {HEADLINE}")
    [f] = run_rule(CODE, text)
    assert f.fix is not None and f.fix.safe
    assert apply_fixes(text, [f]) == f"{HEADLINE}\n\n{ARTICLE}\n"


def test_trail_before_an_unrepeated_title_is_an_unsafe_fix() -> None:
    text = page("Home World Europe Ferry Strike Ends", headline="Ferries stop")
    [f] = run_rule(CODE, text)
    assert f.fix is not None and not f.fix.safe
    assert apply_fixes(text, [f]).startswith("Ferry Strike Ends\n")


def test_html_breadcrumb_list_positions() -> None:
    src = "<nav>Home &raquo; News &raquo; World</nav>\n<h1>Talks</h1>\n<p>" + ARTICLE + "</p>"
    [f] = run_rule(CODE, src, format="html")
    assert (f.line, f.column) == (1, 6)
